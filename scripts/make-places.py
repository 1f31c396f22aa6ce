#!/usr/bin/python3
"""Writes data/places/places.tsv: the places a LinkedIn profile's location names, with their IANA time zones.

Run with Debian's Python, which reads Debian's tzdata (public domain) from /usr/share/zoneinfo:
    /usr/bin/python3 scripts/make-places.py > data/places/places.tsv
The places come from two sources:
- tzdata: every country of iso3166.tab, by its English name, with its zone when zone.tab gives it one zone, or
  several that keep the same clocks all year (Argentina, Kazakhstan since 2024, Malaysia); and every city that a
  zone of zone.tab or zone1970.tab is named after (Europe/Berlin: Berlin; America/Argentina/Buenos_Aires: Buenos
  Aires).
- The lists below: other names of the countries (Deutschland, USA, Türkiye), the main zone of a few countries whose
  other zones are small islands or territories (MAIN_ZONES), the regions of the countries of several zones (US
  states, Canadian provinces, Australian states, Brazilian and Mexican states) with the zone of most of their people,
  the regions of a few single-zone countries (German Länder, French régions, ...), and about 1,300 business cities
  with local spellings and LinkedIn's area names ("San Francisco Bay Area").
Sizes are rough populations of the metro area (cities) or the region, in thousands, from memory of the usual
figures: they only choose between places of one name (Birmingham, England over Birmingham, Alabama).
The output is sorted and depends only on tzdata and this file.
"""
import datetime
import sys
import unicodedata
import zoneinfo

ZONEINFO = "/usr/share/zoneinfo"

# A country's zone when zone.tab gives it several: the others cover few people, or keep the same clocks.
MAIN_ZONES = {
    "AR": "America/Argentina/Buenos_Aires",  # all of Argentina keeps the same clocks
    "CL": "America/Santiago",  # not Magallanes, Aysén (Coyhaique) or Easter Island
    "CN": "Asia/Shanghai",  # China keeps one official time; Xinjiang's own time is Asia/Urumqi
    "CY": "Asia/Nicosia",  # Famagusta keeps the same clocks
    "DE": "Europe/Berlin",  # Büsingen keeps Zurich's clocks, which are Berlin's
    "EC": "America/Guayaquil",  # not the Galápagos
    "ES": "Europe/Madrid",  # not the Canary Islands (a region of their own here) or Ceuta and Melilla
    "GL": "America/Nuuk",  # most Greenlanders
    "KZ": "Asia/Almaty",  # all of Kazakhstan at UTC+05:00 since March 2024
    "MH": "Pacific/Majuro",  # Kwajalein keeps the same clocks
    "MN": "Asia/Ulaanbaatar",  # not the western provinces (Asia/Hovd)
    "MY": "Asia/Kuala_Lumpur",  # Sabah and Sarawak keep the same clocks
    "NZ": "Pacific/Auckland",  # not the Chatham Islands
    "PF": "Pacific/Tahiti",  # most Polynesians; not the Marquesas or Gambier
    "PG": "Pacific/Port_Moresby",  # not Bougainville
    "PS": "Asia/Hebron",  # Gaza keeps the same clocks
    "PT": "Europe/Lisbon",  # not Madeira or the Azores (regions of their own here)
    "UA": "Europe/Kyiv",  # not Crimea
    "UZ": "Asia/Tashkent",  # Samarkand keeps the same clocks
}

# Countries that iso3166.tab does not list.
EXTRA_COUNTRIES = {"XK": ("Kosovo", "Europe/Belgrade")}

# The names of iso3166.tab that hold parentheses or abbreviations, as people write them.
ISO_NAMES = {
    "AS": "American Samoa", "CC": "Cocos Islands|Keeling Islands", "CD": "Democratic Republic of the Congo",
    "CF": "Central African Republic", "CG": "Republic of the Congo", "GB": "United Kingdom", "KP": "North Korea",
    "KR": "South Korea", "MF": "Saint Martin", "MM": "Myanmar", "SX": "Sint Maarten", "SZ": "Eswatini",
    "TC": "Turks and Caicos Islands", "TF": "French Southern Territories", "VC": "Saint Vincent and the Grenadines",
    "VG": "British Virgin Islands", "VI": "US Virgin Islands", "WS": "Samoa", "BQ": "Caribbean Netherlands",
    "UM": "US Minor Outlying Islands",
}

COUNTRY_NAMES = {
    "AE": "UAE|U.A.E.|Emirates|Vereinigte Arabische Emirate|Émirats arabes unis|Emiratos Árabes Unidos",
    "AL": "Shqipëri|Shqipëria", "AT": "Österreich|Autriche|Áustria", "AZ": "Azərbaycan",
    "BA": "Bosnia|Bosna i Hercegovina", "BE": "België|Belgique|Belgien|Bélgica|Belgio", "BG": "България|Bulgarien",
    "BQ": "Bonaire", "BR": "Brasil|Brésil|Brasilien|Brasile", "BS": "The Bahamas", "BY": "Беларусь",
    "CD": "DR Congo|DRC|Congo-Kinshasa|RD Congo", "CG": "Congo-Brazzaville",
    "CH": "Schweiz|Suisse|Svizzera|Svizra|Suiza|Suíça|Zwitserland|Szwajcaria", "CI": "Ivory Coast",
    "CN": "People's Republic of China|PRC|中国|Chine", "CV": "Cabo Verde", "CW": "Curacao",
    "CZ": "Czechia|Česko|Česká republika|Tschechien|République tchèque|Chequia|Republika Czeska",
    "DE": "Deutschland|Allemagne|Alemania|Alemanha|Germania|Duitsland|Niemcy|Tyskland",
    "DK": "Danmark|Dänemark|Danemark|Dinamarca|Danimarca", "DO": "República Dominicana", "DZ": "Algérie",
    "EE": "Eesti", "EG": "Egypt|مصر|Ägypten|Égypte", "ES": "España|Espanha|Espagne|Spanien|Spagna|Spanje|Hiszpania",
    "FI": "Suomi|Finnland|Finlande|Finlandia", "FO": "Faroes|Føroyar",
    "FR": "Frankreich|Francia|França|Frankrijk|Francja", "GB": "UK|U.K.|Great Britain|Britain|GB|Royaume-Uni|"
    "Reino Unido|Vereinigtes Königreich|Regno Unito|Verenigd Koninkrijk|Wielka Brytania",
    "GE": "Sakartvelo", "GM": "The Gambia", "GR": "Ελλάδα|Hellas|Ellada|Griechenland|Grèce|Grecia",
    "HK": "Hong Kong SAR|香港", "HR": "Hrvatska|Kroatien", "HU": "Magyarország|Ungarn|Hongrie",
    "IE": "Republic of Ireland|Éire|Irland|Irlanda|Irlande", "IL": "ישראל", "IN": "Bharat|Indien|Inde",
    "IS": "Ísland", "IT": "Italia|Italie|Italien|Itália|Italië|Włochy", "JP": "日本|Nippon|Japan|Japon|Japão",
    "KR": "Korea|Republic of Korea|대한민국|한국|Südkorea|Corée du Sud|Corea del Sur",
    "KZ": "Qazaqstan|Казахстан", "LA": "Lao PDR", "LB": "Liban|Líbano", "LT": "Lietuva|Litauen", "LU": "Lëtzebuerg",
    "LV": "Latvija|Lettland", "MA": "Maroc|Marokko|Marruecos", "ME": "Crna Gora", "MK": "Macedonia|Северна Македонија",
    "MM": "Burma", "MO": "Macao|澳門", "MX": "México|Mexique|Mexiko|Messico",
    "NL": "The Netherlands|Nederland|Holland|Pays-Bas|Países Bajos|Niederlande|Paesi Bassi|Holanda|Holandia",
    "NO": "Norge|Noreg|Norvège|Norwegen|Noruega|Norvegia", "NZ": "Aotearoa|Neuseeland|Nouvelle-Zélande",
    "PE": "Perú", "PH": "Pilipinas", "PL": "Polska|Pologne|Polen|Polonia", "PS": "Palestinian Territories|"
    "State of Palestine|Palestinian Territory", "RO": "România|Rumänien|Roumanie|Rumania",
    "RS": "Srbija|Србија|Serbien", "RU": "Russian Federation|Россия|Russland|Russie|Rusia",
    "SA": "KSA|Kingdom of Saudi Arabia|Saudi-Arabien|Arabie saoudite|Arabia Saudita",
    "SE": "Sverige|Suède|Schweden|Suecia|Svezia|Szwecja", "SI": "Slovenija|Slowenien", "SK": "Slovensko|Slowakei",
    "ST": "São Tomé and Príncipe", "SY": "Syrian Arab Republic", "SZ": "Swaziland", "TH": "Thailand|ประเทศไทย",
    "TL": "Timor-Leste", "TR": "Türkiye|Turkiye|Türkei|Turquie|Turquía|Turchia", "TT": "Trinidad",
    "TW": "臺灣|台灣|Republic of China", "TZ": "United Republic of Tanzania", "UA": "Україна|Ukraina",
    "US": "United States of America|USA|US|U.S.|U.S.A.|Estados Unidos|EE. UU.|EE.UU.|EUA|États-Unis|"
    "Vereinigte Staaten|Stati Uniti|Verenigde Staten|Stany Zjednoczone",
    "VA": "Holy See|Vatican", "VE": "República Bolivariana de Venezuela", "VG": "UK Virgin Islands",
    "VI": "U.S. Virgin Islands", "VN": "Viet Nam|Việt Nam", "ZA": "RSA|Suid-Afrika|Südafrika",
}

# ISO 3166-2 code, the zone of most of its people, rough population in thousands, names.
REGIONS = [
    # The United States (postal codes), with the zone of most of each state's people: most of Florida is Eastern
    # (the panhandle west of the Apalachicola is Central), most of Tennessee's people are Central (Nashville,
    # Memphis; Knoxville and Chattanooga are Eastern), most of Indiana, Kentucky and Michigan are Eastern, most of
    # Idaho is Mountain, most of Kansas, Nebraska, Texas and the Dakotas Central, most of Oregon Pacific.
    ("US-AL", "America/Chicago", 5024, "Alabama"), ("US-AK", "America/Anchorage", 733, "Alaska"),
    ("US-AZ", "America/Phoenix", 7151, "Arizona"), ("US-AR", "America/Chicago", 3011, "Arkansas"),
    ("US-CA", "America/Los_Angeles", 39538, "California|Kalifornien|Californie"),
    ("US-CO", "America/Denver", 5773, "Colorado"), ("US-CT", "America/New_York", 3605, "Connecticut"),
    ("US-DE", "America/New_York", 989, "Delaware"), ("US-DC", "America/New_York", 689, "District of Columbia"),
    ("US-FL", "America/New_York", 21538, "Florida|Floride"), ("US-GA", "America/New_York", 10711, "Georgia"),
    ("US-HI", "Pacific/Honolulu", 1455, "Hawaii|Hawaiʻi"), ("US-ID", "America/Boise", 1839, "Idaho"),
    ("US-IL", "America/Chicago", 12812, "Illinois"), ("US-IN", "America/Indiana/Indianapolis", 6785, "Indiana"),
    ("US-IA", "America/Chicago", 3190, "Iowa"), ("US-KS", "America/Chicago", 2937, "Kansas"),
    ("US-KY", "America/New_York", 4505, "Kentucky"), ("US-LA", "America/Chicago", 4657, "Louisiana"),
    ("US-ME", "America/New_York", 1362, "Maine"), ("US-MD", "America/New_York", 6177, "Maryland"),
    ("US-MA", "America/New_York", 7029, "Massachusetts"), ("US-MI", "America/Detroit", 10077, "Michigan"),
    ("US-MN", "America/Chicago", 5706, "Minnesota"), ("US-MS", "America/Chicago", 2961, "Mississippi"),
    ("US-MO", "America/Chicago", 6154, "Missouri"), ("US-MT", "America/Denver", 1084, "Montana"),
    ("US-NE", "America/Chicago", 1961, "Nebraska"), ("US-NV", "America/Los_Angeles", 3104, "Nevada"),
    ("US-NH", "America/New_York", 1377, "New Hampshire"), ("US-NJ", "America/New_York", 9288, "New Jersey"),
    ("US-NM", "America/Denver", 2117, "New Mexico"), ("US-NY", "America/New_York", 20201, "New York|New York State"),
    ("US-NC", "America/New_York", 10439, "North Carolina"), ("US-ND", "America/Chicago", 779, "North Dakota"),
    ("US-OH", "America/New_York", 11799, "Ohio"), ("US-OK", "America/Chicago", 3959, "Oklahoma"),
    ("US-OR", "America/Los_Angeles", 4237, "Oregon"), ("US-PA", "America/New_York", 13002, "Pennsylvania"),
    ("US-RI", "America/New_York", 1097, "Rhode Island"), ("US-SC", "America/New_York", 5118, "South Carolina"),
    ("US-SD", "America/Chicago", 886, "South Dakota"), ("US-TN", "America/Chicago", 6910, "Tennessee"),
    ("US-TX", "America/Chicago", 29145, "Texas"), ("US-UT", "America/Denver", 3271, "Utah"),
    ("US-VT", "America/New_York", 643, "Vermont"), ("US-VA", "America/New_York", 8631, "Virginia"),
    ("US-WA", "America/Los_Angeles", 7705, "Washington|Washington State"),
    ("US-WV", "America/New_York", 1793, "West Virginia"), ("US-WI", "America/Chicago", 5893, "Wisconsin"),
    ("US-WY", "America/Denver", 576, "Wyoming"),
    # Canada: most of Quebec keeps Toronto's clocks; Labrador's few people keep Atlantic time.
    ("CA-AB", "America/Edmonton", 4262, "Alberta"),
    ("CA-BC", "America/Vancouver", 5000, "British Columbia|Colombie-Britannique"),
    ("CA-MB", "America/Winnipeg", 1342, "Manitoba"),
    ("CA-NB", "America/Moncton", 775, "New Brunswick|Nouveau-Brunswick"),
    ("CA-NL", "America/St_Johns", 510, "Newfoundland and Labrador|Newfoundland|Terre-Neuve-et-Labrador"),
    ("CA-NS", "America/Halifax", 969, "Nova Scotia|Nouvelle-Écosse"),
    ("CA-NT", "America/Edmonton", 41, "Northwest Territories|Territoires du Nord-Ouest"),
    ("CA-NU", "America/Iqaluit", 37, "Nunavut"), ("CA-ON", "America/Toronto", 14223, "Ontario"),
    ("CA-PE", "America/Halifax", 154, "Prince Edward Island|PEI|Île-du-Prince-Édouard"),
    ("CA-QC", "America/Toronto", 8501, "Quebec|Québec|Province of Quebec"),
    ("CA-SK", "America/Regina", 1132, "Saskatchewan"), ("CA-YT", "America/Whitehorse", 40, "Yukon"),
    # Australia: Broken Hill keeps Adelaide's clocks, the rest of New South Wales Sydney's.
    ("AU-NSW", "Australia/Sydney", 8200, "New South Wales"), ("AU-VIC", "Australia/Melbourne", 6700, "Victoria"),
    ("AU-QLD", "Australia/Brisbane", 5300, "Queensland"), ("AU-WA", "Australia/Perth", 2800, "Western Australia"),
    ("AU-SA", "Australia/Adelaide", 1800, "South Australia"), ("AU-TAS", "Australia/Hobart", 570, "Tasmania"),
    ("AU-ACT", "Australia/Sydney", 460, "Australian Capital Territory"),
    ("AU-NT", "Australia/Darwin", 250, "Northern Territory"),
    # Brazil: most of Pará keeps Belém's clocks, most of Amazonas Manaus's.
    ("BR-AC", "America/Rio_Branco", 830, "Acre"), ("BR-AL", "America/Maceio", 3127, "Alagoas"),
    ("BR-AP", "America/Belem", 733, "Amapá"), ("BR-AM", "America/Manaus", 3941, "Amazonas"),
    ("BR-BA", "America/Bahia", 14136, "Bahia"), ("BR-CE", "America/Fortaleza", 8794, "Ceará"),
    ("BR-DF", "America/Sao_Paulo", 2817, "Distrito Federal|Federal District"),
    ("BR-ES", "America/Sao_Paulo", 3834, "Espírito Santo"), ("BR-GO", "America/Sao_Paulo", 7056, "Goiás"),
    ("BR-MA", "America/Fortaleza", 6776, "Maranhão"), ("BR-MT", "America/Cuiaba", 3658, "Mato Grosso"),
    ("BR-MS", "America/Campo_Grande", 2757, "Mato Grosso do Sul"),
    ("BR-MG", "America/Sao_Paulo", 20539, "Minas Gerais"), ("BR-PA", "America/Belem", 8121, "Pará"),
    ("BR-PB", "America/Fortaleza", 3974, "Paraíba"), ("BR-PR", "America/Sao_Paulo", 11444, "Paraná"),
    ("BR-PE", "America/Recife", 9058, "Pernambuco"), ("BR-PI", "America/Fortaleza", 3271, "Piauí"),
    ("BR-RJ", "America/Sao_Paulo", 16054, "Rio de Janeiro|Estado do Rio de Janeiro"),
    ("BR-RN", "America/Fortaleza", 3302, "Rio Grande do Norte"),
    ("BR-RS", "America/Sao_Paulo", 10883, "Rio Grande do Sul"), ("BR-RO", "America/Porto_Velho", 1581, "Rondônia"),
    ("BR-RR", "America/Boa_Vista", 636, "Roraima"), ("BR-SC", "America/Sao_Paulo", 7610, "Santa Catarina"),
    ("BR-SP", "America/Sao_Paulo", 44411, "São Paulo|Estado de São Paulo|São Paulo State"),
    ("BR-SE", "America/Maceio", 2210, "Sergipe"), ("BR-TO", "America/Araguaina", 1511, "Tocantins"),
    # Mexico: most of Chihuahua keeps Central time (Ciudad Juárez keeps Mountain time with US summer time), most of
    # Nayarit Mazatlán's clocks (Bahía de Banderas keeps Central time).
    ("MX-AGU", "America/Mexico_City", 1425, "Aguascalientes"),
    ("MX-BCN", "America/Tijuana", 3769, "Baja California"),
    ("MX-BCS", "America/Mazatlan", 798, "Baja California Sur"), ("MX-CAM", "America/Merida", 928, "Campeche"),
    ("MX-CHP", "America/Mexico_City", 5543, "Chiapas"), ("MX-CHH", "America/Chihuahua", 3741, "Chihuahua"),
    ("MX-CMX", "America/Mexico_City", 9209, "Ciudad de México|CDMX|Distrito Federal de México"),
    ("MX-COA", "America/Monterrey", 3146, "Coahuila|Coahuila de Zaragoza"),
    ("MX-COL", "America/Mexico_City", 731, "Colima"), ("MX-DUR", "America/Monterrey", 1832, "Durango"),
    ("MX-GUA", "America/Mexico_City", 6166, "Guanajuato"), ("MX-GRO", "America/Mexico_City", 3540, "Guerrero"),
    ("MX-HID", "America/Mexico_City", 3082, "Hidalgo"), ("MX-JAL", "America/Mexico_City", 8348, "Jalisco"),
    ("MX-MEX", "America/Mexico_City", 16992, "Estado de México|State of Mexico|Mexico State|Edomex"),
    ("MX-MIC", "America/Mexico_City", 4749, "Michoacán|Michoacán de Ocampo"),
    ("MX-MOR", "America/Mexico_City", 1971, "Morelos"), ("MX-NAY", "America/Mazatlan", 1235, "Nayarit"),
    ("MX-NLE", "America/Monterrey", 5784, "Nuevo León"), ("MX-OAX", "America/Mexico_City", 4132, "Oaxaca"),
    ("MX-PUE", "America/Mexico_City", 6583, "Puebla"), ("MX-QUE", "America/Mexico_City", 2368, "Querétaro"),
    ("MX-ROO", "America/Cancun", 1858, "Quintana Roo"), ("MX-SLP", "America/Mexico_City", 2822, "San Luis Potosí"),
    ("MX-SIN", "America/Mazatlan", 3027, "Sinaloa"), ("MX-SON", "America/Hermosillo", 2944, "Sonora"),
    ("MX-TAB", "America/Mexico_City", 2402, "Tabasco"), ("MX-TAM", "America/Monterrey", 3527, "Tamaulipas"),
    ("MX-TLA", "America/Mexico_City", 1343, "Tlaxcala"),
    ("MX-VER", "America/Mexico_City", 8062, "Veracruz|Veracruz de Ignacio de la Llave"),
    ("MX-YUC", "America/Merida", 2320, "Yucatán"), ("MX-ZAC", "America/Mexico_City", 1622, "Zacatecas"),
    # Single-zone countries, so that a region named alone ("Bavaria") is known.
    ("DE-BW", "Europe/Berlin", 11100, "Baden-Württemberg"), ("DE-BY", "Europe/Berlin", 13100, "Bayern|Bavaria"),
    ("DE-BE", "Europe/Berlin", 3700, "Berlin"), ("DE-BB", "Europe/Berlin", 2500, "Brandenburg"),
    ("DE-HB", "Europe/Berlin", 680, "Bremen"), ("DE-HH", "Europe/Berlin", 1900, "Hamburg"),
    ("DE-HE", "Europe/Berlin", 6300, "Hessen|Hesse"),
    ("DE-MV", "Europe/Berlin", 1600, "Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania"),
    ("DE-NI", "Europe/Berlin", 8000, "Niedersachsen|Lower Saxony"),
    ("DE-NW", "Europe/Berlin", 17900, "Nordrhein-Westfalen|North Rhine-Westphalia|NRW"),
    ("DE-RP", "Europe/Berlin", 4100, "Rheinland-Pfalz|Rhineland-Palatinate"),
    ("DE-SL", "Europe/Berlin", 990, "Saarland"), ("DE-SN", "Europe/Berlin", 4000, "Sachsen|Saxony"),
    ("DE-ST", "Europe/Berlin", 2200, "Sachsen-Anhalt|Saxony-Anhalt"),
    ("DE-SH", "Europe/Berlin", 2900, "Schleswig-Holstein"), ("DE-TH", "Europe/Berlin", 2100, "Thüringen|Thuringia"),
    ("FR-IDF", "Europe/Paris", 12300, "Île-de-France|Paris Region"),
    ("FR-ARA", "Europe/Paris", 8100, "Auvergne-Rhône-Alpes"),
    ("FR-BFC", "Europe/Paris", 2800, "Bourgogne-Franche-Comté|Burgundy-Franche-Comté"),
    ("FR-BRE", "Europe/Paris", 3400, "Bretagne|Brittany"), ("FR-CVL", "Europe/Paris", 2600, "Centre-Val de Loire"),
    ("FR-COR", "Europe/Paris", 340, "Corse|Corsica"), ("FR-GES", "Europe/Paris", 5600, "Grand Est"),
    ("FR-HDF", "Europe/Paris", 6000, "Hauts-de-France"), ("FR-NOR", "Europe/Paris", 3300, "Normandie|Normandy"),
    ("FR-NAQ", "Europe/Paris", 6000, "Nouvelle-Aquitaine"), ("FR-OCC", "Europe/Paris", 6000, "Occitanie|Occitania"),
    ("FR-PDL", "Europe/Paris", 3800, "Pays de la Loire"),
    ("FR-PAC", "Europe/Paris", 5100, "Provence-Alpes-Côte d'Azur|PACA|Provence|Côte d'Azur|French Riviera"),
    ("IT-65", "Europe/Rome", 1300, "Abruzzo"), ("IT-77", "Europe/Rome", 540, "Basilicata"),
    ("IT-78", "Europe/Rome", 1850, "Calabria"), ("IT-72", "Europe/Rome", 5600, "Campania"),
    ("IT-45", "Europe/Rome", 4400, "Emilia-Romagna"), ("IT-36", "Europe/Rome", 1200, "Friuli-Venezia Giulia"),
    ("IT-62", "Europe/Rome", 5700, "Lazio|Latium"), ("IT-42", "Europe/Rome", 1500, "Liguria"),
    ("IT-25", "Europe/Rome", 10000, "Lombardia|Lombardy|Lombardei"), ("IT-57", "Europe/Rome", 1500, "Marche"),
    ("IT-67", "Europe/Rome", 290, "Molise"), ("IT-21", "Europe/Rome", 4250, "Piemonte|Piedmont"),
    ("IT-75", "Europe/Rome", 3900, "Puglia|Apulia"), ("IT-88", "Europe/Rome", 1600, "Sardegna|Sardinia"),
    ("IT-82", "Europe/Rome", 4800, "Sicilia|Sicily"), ("IT-52", "Europe/Rome", 3700, "Toscana|Tuscany"),
    ("IT-32", "Europe/Rome", 1080, "Trentino-Alto Adige|Trentino-South Tyrol|Trentino-Südtirol|South Tyrol|"
     "Südtirol|Alto Adige"),
    ("IT-55", "Europe/Rome", 860, "Umbria"), ("IT-23", "Europe/Rome", 123, "Valle d'Aosta|Aosta Valley"),
    ("IT-34", "Europe/Rome", 4850, "Veneto"),
    ("ES-AN", "Europe/Madrid", 8500, "Andalucía|Andalusia"), ("ES-AR", "Europe/Madrid", 1330, "Aragón"),
    ("ES-AS", "Europe/Madrid", 1010, "Asturias|Principado de Asturias"),
    ("ES-IB", "Europe/Madrid", 1200, "Illes Balears|Islas Baleares|Balearic Islands|Baleares|Mallorca|Majorca"),
    ("ES-CN", "Atlantic/Canary", 2200, "Canarias|Canary Islands|Islas Canarias|Gran Canaria|Tenerife"),
    ("ES-CB", "Europe/Madrid", 585, "Cantabria"), ("ES-CL", "Europe/Madrid", 2380, "Castilla y León|Castile and León"),
    ("ES-CM", "Europe/Madrid", 2050, "Castilla-La Mancha|Castile-La Mancha"),
    ("ES-CT", "Europe/Madrid", 7800, "Cataluña|Catalunya|Catalonia|Catalogne"),
    ("ES-VC", "Europe/Madrid", 5100, "Comunidad Valenciana|Comunitat Valenciana|Valencian Community"),
    ("ES-EX", "Europe/Madrid", 1050, "Extremadura"), ("ES-GA", "Europe/Madrid", 2700, "Galicia"),
    ("ES-MD", "Europe/Madrid", 6800, "Comunidad de Madrid|Community of Madrid"),
    ("ES-MC", "Europe/Madrid", 1530, "Región de Murcia|Region of Murcia"),
    ("ES-NC", "Europe/Madrid", 660, "Navarra|Navarre|Nafarroa|Comunidad Foral de Navarra"),
    ("ES-PV", "Europe/Madrid", 2200, "País Vasco|Euskadi|Basque Country|Euskal Herria"),
    ("ES-RI", "Europe/Madrid", 320, "La Rioja"),
    ("ES-CE", "Africa/Ceuta", 83, "Ceuta"), ("ES-ML", "Africa/Ceuta", 85, "Melilla"),
    ("PT-30", "Atlantic/Madeira", 250, "Madeira|Região Autónoma da Madeira"),
    ("PT-20", "Atlantic/Azores", 240, "Azores|Açores|Região Autónoma dos Açores"),
    ("GB-ENG", "Europe/London", 56500, "England|Angleterre|Inglaterra"),
    ("GB-SCT", "Europe/London", 5450, "Scotland|Écosse|Escocia|Schottland|Alba"),
    ("GB-WLS", "Europe/London", 3100, "Wales|Cymru|Pays de Galles|Gales"),
    ("GB-NIR", "Europe/London", 1900, "Northern Ireland|Irlanda del Norte"),
    ("AT-1", "Europe/Vienna", 300, "Burgenland"), ("AT-2", "Europe/Vienna", 560, "Kärnten|Carinthia"),
    ("AT-3", "Europe/Vienna", 1700, "Niederösterreich|Lower Austria"),
    ("AT-4", "Europe/Vienna", 1500, "Oberösterreich|Upper Austria"),
    ("AT-6", "Europe/Vienna", 1250, "Steiermark|Styria"), ("AT-7", "Europe/Vienna", 760, "Tirol|Tyrol"),
    ("AT-8", "Europe/Vienna", 400, "Vorarlberg"),
    ("CH-AG", "Europe/Zurich", 700, "Aargau|Argovie"), ("CH-BE", "Europe/Zurich", 1040, "Canton of Bern"),
    ("CH-BL", "Europe/Zurich", 290, "Basel-Landschaft|Basel-Land"), ("CH-BS", "Europe/Zurich", 200, "Basel-Stadt"),
    ("CH-GR", "Europe/Zurich", 200, "Graubünden|Grisons|Grigioni"),
    ("CH-TI", "Europe/Zurich", 350, "Ticino|Tessin"), ("CH-VD", "Europe/Zurich", 820, "Vaud|Waadt"),
    ("CH-VS", "Europe/Zurich", 350, "Valais|Wallis"),
    ("NL-DR", "Europe/Amsterdam", 500, "Drenthe"), ("NL-FL", "Europe/Amsterdam", 440, "Flevoland"),
    ("NL-FR", "Europe/Amsterdam", 650, "Friesland|Fryslân"), ("NL-GE", "Europe/Amsterdam", 2100, "Gelderland"),
    ("NL-LI", "Europe/Amsterdam", 1100, "Limburg"),
    ("NL-NB", "Europe/Amsterdam", 2600, "Noord-Brabant|North Brabant"),
    ("NL-NH", "Europe/Amsterdam", 2900, "Noord-Holland|North Holland"),
    ("NL-OV", "Europe/Amsterdam", 1170, "Overijssel"),
    ("NL-ZH", "Europe/Amsterdam", 3800, "Zuid-Holland|South Holland"), ("NL-ZE", "Europe/Amsterdam", 390, "Zeeland"),
    ("BE-VLG", "Europe/Brussels", 6800, "Vlaanderen|Flanders|Flandre|Flemish Region"),
    ("BE-WAL", "Europe/Brussels", 3650, "Wallonie|Wallonia|Walloon Region|Région wallonne"),
    ("BE-BRU", "Europe/Brussels", 1220, "Brussels-Capital Region|Région de Bruxelles-Capitale|"
     "Brussels Hoofdstedelijk Gewest"),
    ("BE-VAN", "Europe/Brussels", 1900, "Antwerp Province|Provincie Antwerpen"),
    ("BE-VOV", "Europe/Brussels", 1530, "Oost-Vlaanderen|East Flanders"),
    ("BE-VWV", "Europe/Brussels", 1200, "West-Vlaanderen|West Flanders"),
    ("BE-VBR", "Europe/Brussels", 1160, "Vlaams-Brabant|Flemish Brabant"),
    ("BE-WBR", "Europe/Brussels", 410, "Brabant wallon|Walloon Brabant"),
    ("BE-WHT", "Europe/Brussels", 1350, "Hainaut"),
    ("DK-84", "Europe/Copenhagen", 1850, "Capital Region of Denmark|Region Hovedstaden|Hovedstaden"),
    ("DK-82", "Europe/Copenhagen", 1340, "Central Denmark Region|Region Midtjylland|Midtjylland"),
    ("DK-83", "Europe/Copenhagen", 1230, "Region of Southern Denmark|Region Syddanmark|Syddanmark"),
    ("DK-81", "Europe/Copenhagen", 590, "North Denmark Region|Region Nordjylland|Nordjylland"),
    ("DK-85", "Europe/Copenhagen", 840, "Region Zealand|Region Sjælland|Sjælland|Zealand"),
    ("PL-02", "Europe/Warsaw", 2900, "Dolnośląskie|Lower Silesian Voivodeship|Lower Silesia"),
    ("PL-04", "Europe/Warsaw", 2000, "Kujawsko-Pomorskie|Kuyavian-Pomeranian Voivodeship"),
    ("PL-06", "Europe/Warsaw", 2000, "Lubelskie|Lublin Voivodeship"),
    ("PL-08", "Europe/Warsaw", 980, "Lubuskie|Lubusz Voivodeship"),
    ("PL-10", "Europe/Warsaw", 2400, "Łódzkie|Łódź Voivodeship"),
    ("PL-12", "Europe/Warsaw", 3400, "Małopolskie|Lesser Poland Voivodeship|Lesser Poland"),
    ("PL-14", "Europe/Warsaw", 5500, "Mazowieckie|Masovian Voivodeship|Mazovia|Masovia"),
    ("PL-16", "Europe/Warsaw", 950, "Opolskie|Opole Voivodeship"),
    ("PL-18", "Europe/Warsaw", 2100, "Podkarpackie|Subcarpathian Voivodeship"),
    ("PL-20", "Europe/Warsaw", 1150, "Podlaskie|Podlaskie Voivodeship"),
    ("PL-22", "Europe/Warsaw", 2350, "Pomorskie|Pomeranian Voivodeship|Pomerania"),
    ("PL-24", "Europe/Warsaw", 4500, "Śląskie|Silesian Voivodeship|Silesia"),
    ("PL-26", "Europe/Warsaw", 1200, "Świętokrzyskie|Holy Cross Voivodeship"),
    ("PL-28", "Europe/Warsaw", 1400, "Warmińsko-Mazurskie|Warmian-Masurian Voivodeship"),
    ("PL-30", "Europe/Warsaw", 3500, "Wielkopolskie|Greater Poland Voivodeship|Greater Poland"),
    ("PL-32", "Europe/Warsaw", 1700, "Zachodniopomorskie|West Pomeranian Voivodeship"),
    ("IN-AP", "Asia/Kolkata", 53000, "Andhra Pradesh"), ("IN-AR", "Asia/Kolkata", 1600, "Arunachal Pradesh"),
    ("IN-AS", "Asia/Kolkata", 35000, "Assam"), ("IN-BR", "Asia/Kolkata", 125000, "Bihar"),
    ("IN-CT", "Asia/Kolkata", 30000, "Chhattisgarh"), ("IN-GA", "Asia/Kolkata", 1600, "Goa"),
    ("IN-GJ", "Asia/Kolkata", 70000, "Gujarat"), ("IN-HR", "Asia/Kolkata", 29000, "Haryana"),
    ("IN-HP", "Asia/Kolkata", 7500, "Himachal Pradesh"), ("IN-JH", "Asia/Kolkata", 39000, "Jharkhand"),
    ("IN-KA", "Asia/Kolkata", 67000, "Karnataka"), ("IN-KL", "Asia/Kolkata", 35000, "Kerala"),
    ("IN-MP", "Asia/Kolkata", 85000, "Madhya Pradesh"), ("IN-MH", "Asia/Kolkata", 125000, "Maharashtra"),
    ("IN-MN", "Asia/Kolkata", 3200, "Manipur"), ("IN-ML", "Asia/Kolkata", 3300, "Meghalaya"),
    ("IN-MZ", "Asia/Kolkata", 1200, "Mizoram"), ("IN-NL", "Asia/Kolkata", 2200, "Nagaland"),
    ("IN-OR", "Asia/Kolkata", 46000, "Odisha|Orissa"), ("IN-PB", "Asia/Kolkata", 30000, "Punjab"),
    ("IN-RJ", "Asia/Kolkata", 80000, "Rajasthan"), ("IN-SK", "Asia/Kolkata", 690, "Sikkim"),
    ("IN-TN", "Asia/Kolkata", 77000, "Tamil Nadu"), ("IN-TG", "Asia/Kolkata", 38000, "Telangana"),
    ("IN-TR", "Asia/Kolkata", 4100, "Tripura"), ("IN-UP", "Asia/Kolkata", 235000, "Uttar Pradesh"),
    ("IN-UT", "Asia/Kolkata", 11500, "Uttarakhand"), ("IN-WB", "Asia/Kolkata", 99000, "West Bengal"),
    ("IN-DL", "Asia/Kolkata", 21000, "National Capital Territory of Delhi|NCT of Delhi|Delhi NCR|NCR"),
    ("IN-JK", "Asia/Kolkata", 13600, "Jammu and Kashmir"), ("IN-LA", "Asia/Kolkata", 290, "Ladakh"),
    ("IN-PY", "Asia/Kolkata", 1650, "Puducherry|Pondicherry"),
    ("PK-PB", "Asia/Karachi", 127000, "Punjab"), ("PK-SD", "Asia/Karachi", 55700, "Sindh"),
    ("PK-KP", "Asia/Karachi", 40000, "Khyber Pakhtunkhwa|KPK"), ("PK-BA", "Asia/Karachi", 14900, "Balochistan"),
    ("PK-IS", "Asia/Karachi", 2400, "Islamabad Capital Territory"),
    # Bogotá, as LinkedIn writes it: "Bogotá, D.C., Capital District, Colombia".
    ("CO-DC", "America/Bogota", 7900, "Capital District|Distrito Capital|Bogotá D.C."),
]

# The countries whose regions are also named by code after a city ("Austin, TX", "Perth, WA", "Curitiba, PR",
# "Bogotá, D.C.").
CODE_COUNTRIES = ("US", "CA", "AU", "BR", "CO")
# Their codes give way to a US, Canadian or Australian one of the same letters ("Charleston, SC", "Washington, DC").
WEAK_CODE_COUNTRIES = ("BR", "CO")

# The region of each zone city of a country with regions.
ZONE_CITY_REGIONS = {
    "America/New_York": "NY", "America/Detroit": "MI", "America/Kentucky/Louisville": "KY",
    "America/Kentucky/Monticello": "KY", "America/Indiana/Indianapolis": "IN", "America/Indiana/Vincennes": "IN",
    "America/Indiana/Winamac": "IN", "America/Indiana/Marengo": "IN", "America/Indiana/Petersburg": "IN",
    "America/Indiana/Vevay": "IN", "America/Chicago": "IL", "America/Indiana/Tell_City": "IN",
    "America/Indiana/Knox": "IN", "America/Menominee": "MI", "America/North_Dakota/Center": "ND",
    "America/North_Dakota/New_Salem": "ND", "America/North_Dakota/Beulah": "ND", "America/Denver": "CO",
    "America/Boise": "ID", "America/Phoenix": "AZ", "America/Los_Angeles": "CA", "America/Anchorage": "AK",
    "America/Juneau": "AK", "America/Sitka": "AK", "America/Metlakatla": "AK", "America/Yakutat": "AK",
    "America/Nome": "AK", "America/Adak": "AK", "Pacific/Honolulu": "HI",
    "America/St_Johns": "NL", "America/Halifax": "NS", "America/Glace_Bay": "NS", "America/Moncton": "NB",
    "America/Goose_Bay": "NL", "America/Blanc-Sablon": "QC", "America/Toronto": "ON", "America/Iqaluit": "NU",
    "America/Atikokan": "ON", "America/Winnipeg": "MB", "America/Resolute": "NU", "America/Rankin_Inlet": "NU",
    "America/Regina": "SK", "America/Swift_Current": "SK", "America/Edmonton": "AB", "America/Cambridge_Bay": "NU",
    "America/Inuvik": "NT", "America/Creston": "BC", "America/Dawson_Creek": "BC", "America/Fort_Nelson": "BC",
    "America/Whitehorse": "YT", "America/Dawson": "YT", "America/Vancouver": "BC",
    "Australia/Lord_Howe": "NSW", "Antarctica/Macquarie": "TAS", "Australia/Hobart": "TAS",
    "Australia/Melbourne": "VIC", "Australia/Sydney": "NSW", "Australia/Broken_Hill": "NSW",
    "Australia/Brisbane": "QLD", "Australia/Lindeman": "QLD", "Australia/Adelaide": "SA", "Australia/Darwin": "NT",
    "Australia/Perth": "WA", "Australia/Eucla": "WA",
    "America/Noronha": "PE", "America/Belem": "PA", "America/Fortaleza": "CE", "America/Recife": "PE",
    "America/Araguaina": "TO", "America/Maceio": "AL", "America/Bahia": "BA", "America/Sao_Paulo": "SP",
    "America/Campo_Grande": "MS", "America/Cuiaba": "MT", "America/Santarem": "PA", "America/Porto_Velho": "RO",
    "America/Boa_Vista": "RR", "America/Manaus": "AM", "America/Eirunepe": "AM", "America/Rio_Branco": "AC",
    "America/Mexico_City": "CMX", "America/Cancun": "ROO", "America/Merida": "YUC", "America/Monterrey": "NLE",
    "America/Matamoros": "TAM", "America/Chihuahua": "CHH", "America/Ciudad_Juarez": "CHH", "America/Ojinaga": "CHH",
    "America/Mazatlan": "SIN", "America/Bahia_Banderas": "NAY", "America/Hermosillo": "SON", "America/Tijuana": "BCN",
}

# Names (the usual English one first, then local spellings and LinkedIn's area names), the place (a country, or a
# country and its region), rough metro population in thousands, and the zone when it is not the place's.
CITIES = [
    # The United States, the largest metro areas first.
    ("New York|New York City|NYC|New York City Metropolitan Area|Manhattan|Brooklyn|Queens|Bronx|The Bronx|"
     "Staten Island", "US-NY", 19500),
    ("Los Angeles|Greater Los Angeles|LA Metro|Hollywood", "US-CA", 13200),
    ("Chicago|Chicagoland", "US-IL", 9500),
    ("Dallas|Dallas-Fort Worth|Dallas-Fort Worth Metroplex|DFW", "US-TX", 7600),
    ("Houston", "US-TX", 7100),
    ("Washington|Washington DC|Washington D.C.|Washington DC-Baltimore|DC Metro|DMV", "US-DC", 6300),
    ("Philadelphia|Philly", "US-PA", 6200), ("Miami|Miami-Fort Lauderdale|South Florida", "US-FL", 6100),
    ("Atlanta", "US-GA", 6100), ("Boston", "US-MA", 4900), ("Phoenix", "US-AZ", 4900),
    ("San Francisco|San Francisco Bay Area|Bay Area|SF Bay Area|SF", "US-CA", 4700),
    ("Riverside|Inland Empire|San Bernardino", "US-CA", 4600), ("Detroit", "US-MI", 4300),
    ("Seattle|Seattle-Tacoma", "US-WA", 4000),
    ("Minneapolis|Minneapolis-St. Paul|Minneapolis-Saint Paul|Twin Cities|St. Paul", "US-MN", 3700),
    ("San Diego", "US-CA", 3300), ("Tampa|Tampa Bay|Tampa Bay Area", "US-FL", 3200), ("Denver", "US-CO", 2970),
    ("Baltimore", "US-MD", 2840), ("St. Louis|St Louis", "US-MO", 2800), ("Orlando", "US-FL", 2700),
    ("Charlotte", "US-NC", 2700), ("San Antonio", "US-TX", 2600), ("Portland", "US-OR", 2500),
    ("Sacramento", "US-CA", 2400), ("Pittsburgh", "US-PA", 2370), ("Austin", "US-TX", 2300),
    ("Las Vegas|Vegas", "US-NV", 2300), ("Cincinnati", "US-OH", 2260), ("Kansas City", "US-MO", 2200),
    ("Columbus", "US-OH", 2140), ("Indianapolis|Indy", "US-IN", 2100), ("Cleveland", "US-OH", 2080),
    ("San Jose|Silicon Valley", "US-CA", 2000), ("Nashville", "US-TN", 2000),
    ("Virginia Beach|Norfolk|Hampton Roads", "US-VA", 1800), ("Providence", "US-RI", 1670),
    ("Jacksonville", "US-FL", 1600), ("Milwaukee", "US-WI", 1570),
    ("Raleigh|Raleigh-Durham|Raleigh-Durham-Chapel Hill|Research Triangle|Chapel Hill", "US-NC", 1400),
    ("Durham", "US-NC", 330), ("Oklahoma City|OKC", "US-OK", 1400), ("Memphis", "US-TN", 1340),
    ("Richmond", "US-VA", 1310), ("Louisville", "US-KY", 1280), ("New Orleans|NOLA", "US-LA", 1270),
    ("Salt Lake City|SLC|Salt Lake", "US-UT", 1250), ("Hartford", "US-CT", 1210), ("Buffalo", "US-NY", 1160),
    ("Birmingham", "US-AL", 1110), ("Rochester", "US-NY", 1090), ("Grand Rapids", "US-MI", 1090),
    ("Tucson", "US-AZ", 1040), ("Honolulu", "US-HI", 1000), ("Tulsa", "US-OK", 1000), ("Fresno", "US-CA", 1000),
    ("Worcester", "US-MA", 980), ("Omaha", "US-NE", 970), ("Bridgeport|Stamford|Fairfield County", "US-CT", 950),
    ("Greenville", "US-SC", 930), ("Albuquerque", "US-NM", 920), ("Bakersfield", "US-CA", 910),
    ("Albany", "US-NY", 900), ("Knoxville", "US-TN", 880, "America/New_York"), ("El Paso", "US-TX", 870,
                                                                                 "America/Denver"),
    ("Baton Rouge", "US-LA", 870), ("McAllen", "US-TX", 870), ("New Haven", "US-CT", 860),
    ("Allentown|Lehigh Valley", "US-PA", 860), ("Oxnard|Ventura", "US-CA", 840), ("Columbia", "US-SC", 830),
    ("Sarasota|North Port", "US-FL", 830), ("Dayton", "US-OH", 810), ("Charleston", "US-SC", 800),
    ("Greensboro", "US-NC", 770), ("Stockton", "US-CA", 780), ("Cape Coral|Fort Myers", "US-FL", 760),
    ("Boise", "US-ID", 760), ("Colorado Springs", "US-CO", 750), ("Little Rock", "US-AR", 750),
    ("Lakeland", "US-FL", 720), ("Akron", "US-OH", 700), ("Des Moines", "US-IA", 700),
    ("Springfield", "US-MA", 700), ("Springfield", "US-MO", 470), ("Springfield", "US-IL", 210),
    ("Ogden", "US-UT", 690), ("Madison", "US-WI", 680), ("Winston-Salem", "US-NC", 680),
    ("Daytona Beach|Deltona", "US-FL", 670), ("Syracuse", "US-NY", 660), ("Provo", "US-UT", 650),
    ("Toledo", "US-OH", 640), ("Wichita", "US-KS", 640), ("Augusta", "US-GA", 610),
    ("Melbourne|Palm Bay|Space Coast", "US-FL", 600), ("Jackson", "US-MS", 590), ("Harrisburg", "US-PA", 590),
    ("Spokane", "US-WA", 590), ("Scranton", "US-PA", 570), ("Chattanooga", "US-TN", 560, "America/New_York"),
    ("Modesto", "US-CA", 550), ("Lancaster", "US-PA", 550), ("Portland", "US-ME", 550),
    ("Fayetteville", "US-AR", 550), ("Youngstown", "US-OH", 540), ("Lexington", "US-KY", 520),
    ("Pensacola", "US-FL", 510, "America/Chicago"), ("Reno", "US-NV", 490), ("Huntsville", "US-AL", 500),
    ("Lansing", "US-MI", 470), ("Fort Wayne", "US-IN", 420), ("Santa Rosa", "US-CA", 490),
    ("Anchorage", "US-AK", 400), ("Ann Arbor", "US-MI", 370), ("Savannah", "US-GA", 400),
    ("Asheville", "US-NC", 460), ("Boulder", "US-CO", 330), ("Fort Collins", "US-CO", 360),
    ("Santa Barbara", "US-CA", 450), ("Naples", "US-FL", 380), ("Myrtle Beach", "US-SC", 500),
    ("Mobile", "US-AL", 430), ("Shreveport", "US-LA", 390), ("Corpus Christi", "US-TX", 420),
    ("Lubbock", "US-TX", 320), ("Amarillo", "US-TX", 270), ("Sioux Falls", "US-SD", 280), ("Fargo", "US-ND", 250),
    ("Billings", "US-MT", 180), ("Cheyenne", "US-WY", 100), ("Burlington", "US-VT", 225),
    ("Manchester", "US-NH", 420), ("Wilmington", "US-DE", 720), ("Trenton", "US-NJ", 380),
    ("Newark", "US-NJ", 310), ("Jersey City", "US-NJ", 290), ("Hoboken", "US-NJ", 60), ("Princeton", "US-NJ", 30),
    ("Palo Alto", "US-CA", 70), ("Mountain View", "US-CA", 80), ("Sunnyvale", "US-CA", 155),
    ("Santa Clara", "US-CA", 130), ("Cupertino", "US-CA", 60), ("Menlo Park", "US-CA", 33),
    ("Redwood City", "US-CA", 85), ("Oakland|East Bay", "US-CA", 430), ("Berkeley", "US-CA", 120),
    ("Fremont", "US-CA", 230), ("San Mateo", "US-CA", 105), ("Irvine", "US-CA", 310),
    ("Orange County", "US-CA", 3200), ("Long Beach", "US-CA", 460), ("Anaheim", "US-CA", 350),
    ("Santa Monica", "US-CA", 90), ("Pasadena", "US-CA", 140), ("Burbank", "US-CA", 105),
    ("Fort Worth", "US-TX", 950), ("Plano", "US-TX", 290), ("Irving", "US-TX", 250), ("Arlington", "US-TX", 400),
    ("Frisco", "US-TX", 200), ("The Woodlands", "US-TX", 120), ("Round Rock", "US-TX", 130),
    ("Scottsdale", "US-AZ", 240), ("Tempe", "US-AZ", 180), ("Mesa", "US-AZ", 500), ("Chandler", "US-AZ", 275),
    ("Bellevue", "US-WA", 150), ("Redmond", "US-WA", 75), ("Tacoma", "US-WA", 220), ("Kirkland", "US-WA", 90),
    ("Everett", "US-WA", 110), ("Olympia", "US-WA", 55), ("Vancouver", "US-WA", 190),
    ("Cambridge", "US-MA", 118), ("Somerville", "US-MA", 80), ("Waltham", "US-MA", 65),
    ("Boca Raton", "US-FL", 100), ("Fort Lauderdale", "US-FL", 180), ("West Palm Beach|Palm Beach", "US-FL", 120),
    ("Tallahassee", "US-FL", 390), ("Gainesville", "US-FL", 340), ("St. Petersburg", "US-FL", 260),
    ("Panama City", "US-FL", 200, "America/Chicago"), ("Alexandria", "US-VA", 160), ("Arlington", "US-VA", 235),
    ("Reston", "US-VA", 60), ("McLean", "US-VA", 50), ("Herndon", "US-VA", 25), ("Tysons", "US-VA", 30),
    ("Bethesda", "US-MD", 65), ("Rockville", "US-MD", 68), ("Silver Spring", "US-MD", 80), ("Annapolis", "US-MD", 40),
    ("Greenwich", "US-CT", 63), ("Cary", "US-NC", 175), ("Overland Park", "US-KS", 200),
    ("Naperville", "US-IL", 150), ("Evanston", "US-IL", 75), ("Schaumburg", "US-IL", 78),
    ("Green Bay", "US-WI", 320), ("Cedar Rapids", "US-IA", 270), ("Iowa City", "US-IA", 75),
    ("Lincoln", "US-NE", 340), ("Eugene", "US-OR", 380), ("Salem", "US-OR", 430), ("Bend", "US-OR", 200),
    ("Long Island", "US-NY", 2800), ("White Plains|Westchester", "US-NY", 60), ("Ithaca", "US-NY", 30),
    ("Juneau", "US-AK", 32), ("Fairbanks", "US-AK", 95), ("Carson City", "US-NV", 58), ("Santa Fe", "US-NM", 150),
    ("Missoula", "US-MT", 120), ("Bozeman", "US-MT", 120), ("Rapid City", "US-SD", 145), ("Bismarck", "US-ND", 130),
    ("Topeka", "US-KS", 230), ("Jackson Hole", "US-WY", 20), ("Casper", "US-WY", 80), ("Charleston", "US-WV", 200),
    ("Morgantown", "US-WV", 140), ("Concord", "US-NH", 45), ("Nashua", "US-NH", 90), ("Montpelier", "US-VT", 8),
    ("Dover", "US-DE", 40), ("Atlantic City", "US-NJ", 275), ("Erie", "US-PA", 270), ("State College", "US-PA", 160),
    ("Charlottesville", "US-VA", 220), ("Roanoke", "US-VA", 310),
    ("Wilmington", "US-NC", 300), ("Athens", "US-GA", 220), ("Macon", "US-GA", 230), ("Columbus", "US-GA", 330),
    ("Montgomery", "US-AL", 390), ("Tuscaloosa", "US-AL", 270), ("Gulfport|Biloxi", "US-MS", 420),
    ("Lafayette", "US-LA", 480), ("Columbia", "US-MO", 210), ("Lawrence", "US-KS", 120), ("Norman", "US-OK", 130),
    ("Bentonville", "US-AR", 55), ("Champaign", "US-IL", 230), ("Peoria", "US-IL", 400), ("Rockford", "US-IL", 340),
    ("South Bend", "US-IN", 320), ("Evansville", "US-IN", 310, "America/Chicago"), ("Bloomington", "US-IN", 160),
    ("Kalamazoo", "US-MI", 260), ("Flint", "US-MI", 400), ("Duluth", "US-MN", 290), ("Rochester", "US-MN", 220),
    ("Saint Cloud", "US-MN", 200), ("Sioux City", "US-IA", 145), ("Davenport|Quad Cities", "US-IA", 380),
    ("Hilo", "US-HI", 45), ("Maui", "US-HI", 165), ("Stanford", "US-CA", 15), ("San Luis Obispo", "US-CA", 280),
    ("Monterey", "US-CA", 430), ("Santa Cruz", "US-CA", 270), ("Napa", "US-CA", 140), ("Palm Springs", "US-CA", 45),
    ("Flagstaff", "US-AZ", 145), ("Las Cruces", "US-NM", 220), ("Saint George", "US-UT", 180),
    ("Coeur d'Alene", "US-ID", 170, "America/Los_Angeles"), ("Idaho Falls", "US-ID", 160),
    ("Medford", "US-OR", 220), ("Yakima", "US-WA", 250), ("Bellingham", "US-WA", 225),
    ("Key West", "US-FL", 25), ("Clearwater", "US-FL", 115), ("St. Augustine", "US-FL", 15),
    ("Waco", "US-TX", 280), ("Killeen", "US-TX", 480), ("Brownsville", "US-TX", 420), ("Laredo", "US-TX", 270),
    ("College Station", "US-TX", 270), ("Galveston", "US-TX", 50), ("Midland", "US-TX", 175),
    ("Sugar Land", "US-TX", 110),
    # Canada.
    ("Toronto|GTA|Greater Toronto Area|Toronto-Waterloo", "CA-ON", 6200), ("Montreal|Montréal|Grand Montréal",
                                                                            "CA-QC", 4300),
    ("Vancouver|Metro Vancouver|Lower Mainland", "CA-BC", 2600), ("Calgary", "CA-AB", 1500),
    ("Edmonton", "CA-AB", 1400), ("Ottawa|Ottawa-Gatineau|National Capital Region", "CA-ON", 1400),
    ("Winnipeg", "CA-MB", 830), ("Quebec City|Québec City|Ville de Québec|Québec", "CA-QC", 840),
    ("Hamilton", "CA-ON", 780), ("Kitchener|Kitchener-Waterloo|Waterloo Region", "CA-ON", 580),
    ("Waterloo", "CA-ON", 120), ("London", "CA-ON", 540), ("Halifax", "CA-NS", 470), ("Oshawa|Durham Region",
                                                                                       "CA-ON", 420),
    ("Victoria", "CA-BC", 400), ("Windsor", "CA-ON", 420), ("Saskatoon", "CA-SK", 340), ("Regina", "CA-SK", 250),
    ("St. John's", "CA-NL", 210), ("Kelowna", "CA-BC", 220), ("Barrie", "CA-ON", 210), ("Sherbrooke", "CA-QC", 220),
    ("Guelph", "CA-ON", 165), ("Kingston", "CA-ON", 170), ("Moncton", "CA-NB", 160), ("Fredericton", "CA-NB", 110),
    ("Saint John", "CA-NB", 130), ("Charlottetown", "CA-PE", 80), ("Whitehorse", "CA-YT", 30),
    ("Yellowknife", "CA-NT", 20), ("Iqaluit", "CA-NU", 8), ("Mississauga", "CA-ON", 720), ("Brampton", "CA-ON", 650),
    ("Markham", "CA-ON", 340), ("Vaughan", "CA-ON", 320), ("Richmond Hill", "CA-ON", 200),
    ("Oakville", "CA-ON", 210), ("Burlington", "CA-ON", 190), ("Cambridge", "CA-ON", 140),
    ("Surrey", "CA-BC", 570), ("Burnaby", "CA-BC", 250), ("Richmond", "CA-BC", 210), ("Laval", "CA-QC", 440),
    ("Gatineau", "CA-QC", 290), ("Longueuil", "CA-QC", 250), ("Trois-Rivières", "CA-QC", 160),
    ("Red Deer", "CA-AB", 100), ("Lethbridge", "CA-AB", 100), ("Nanaimo", "CA-BC", 100),
    ("Sudbury|Greater Sudbury", "CA-ON", 170), ("Thunder Bay", "CA-ON", 120), ("Niagara Falls|Niagara Region",
                                                                                 "CA-ON", 450),
    ("Peterborough", "CA-ON", 125), ("Kamloops", "CA-BC", 115), ("Abbotsford", "CA-BC", 200),
    # Australia and New Zealand.
    ("Sydney", "AU-NSW", 5300), ("Melbourne", "AU-VIC", 5100), ("Brisbane", "AU-QLD", 2600),
    ("Perth", "AU-WA", 2200), ("Adelaide", "AU-SA", 1400), ("Gold Coast", "AU-QLD", 700),
    ("Canberra", "AU-ACT", 460), ("Newcastle", "AU-NSW", 500), ("Sunshine Coast", "AU-QLD", 350),
    ("Wollongong", "AU-NSW", 300), ("Hobart", "AU-TAS", 250), ("Geelong", "AU-VIC", 290),
    ("Townsville", "AU-QLD", 180), ("Cairns", "AU-QLD", 160), ("Darwin", "AU-NT", 150),
    ("Toowoomba", "AU-QLD", 140), ("Ballarat", "AU-VIC", 110), ("Bendigo", "AU-VIC", 100),
    ("Launceston", "AU-TAS", 90), ("Parramatta", "AU-NSW", 260), ("Alice Springs", "AU-NT", 25),
    ("Broken Hill", "AU-NSW", 17),
    ("Auckland|Tāmaki Makaurau", "NZ", 1700), ("Wellington|Te Whanganui-a-Tara", "NZ", 440),
    ("Christchurch|Ōtautahi", "NZ", 400), ("Hamilton", "NZ", 180), ("Tauranga", "NZ", 150), ("Dunedin", "NZ", 130),
    ("Queenstown", "NZ", 50), ("Palmerston North", "NZ", 90), ("Napier", "NZ", 65), ("Nelson", "NZ", 55),
    # Brazil.
    ("São Paulo|Sao Paulo|Sampa|Grande São Paulo", "BR-SP", 22000), ("Rio de Janeiro|Rio", "BR-RJ", 13600),
    ("Belo Horizonte|BH", "BR-MG", 6000), ("Brasília|Brasilia", "BR-DF", 4800), ("Porto Alegre", "BR-RS", 4300),
    ("Fortaleza", "BR-CE", 4100), ("Recife", "BR-PE", 4100), ("Salvador", "BR-BA", 3900),
    ("Curitiba", "BR-PR", 3700), ("Campinas", "BR-SP", 3300), ("Goiânia", "BR-GO", 2600),
    ("Manaus", "BR-AM", 2700), ("Belém", "BR-PA", 2500), ("Vitória", "BR-ES", 2000),
    ("Florianópolis|Floripa", "BR-SC", 1200), ("São Luís", "BR-MA", 1600), ("Natal", "BR-RN", 1500),
    ("João Pessoa", "BR-PB", 1300), ("Maceió", "BR-AL", 1300), ("Teresina", "BR-PI", 1200),
    ("Cuiabá", "BR-MT", 1000), ("Campo Grande", "BR-MS", 900), ("Aracaju", "BR-SE", 950),
    ("Joinville", "BR-SC", 600), ("Londrina", "BR-PR", 600), ("Ribeirão Preto", "BR-SP", 750),
    ("Santos|Baixada Santista", "BR-SP", 1800), ("São José dos Campos", "BR-SP", 1600),
    ("Sorocaba", "BR-SP", 700), ("Uberlândia", "BR-MG", 700), ("Porto Velho", "BR-RO", 500),
    ("Boa Vista", "BR-RR", 430), ("Rio Branco", "BR-AC", 410), ("Macapá", "BR-AP", 500), ("Palmas", "BR-TO", 310),
    ("Santarém", "BR-PA", 300), ("Juiz de Fora", "BR-MG", 570), ("Niterói", "BR-RJ", 480),
    ("Caxias do Sul", "BR-RS", 520), ("Blumenau", "BR-SC", 360), ("Osasco", "BR-SP", 700),
    ("Barueri|Alphaville", "BR-SP", 280), ("São Bernardo do Campo|ABC Paulista", "BR-SP", 850),
    ("Maringá", "BR-PR", 430), ("Feira de Santana", "BR-BA", 620), ("Fernando de Noronha", "BR-PE", 3,
                                                                       "America/Noronha"),
    # Mexico.
    ("Mexico City|Ciudad de México|CDMX|México D.F.|Mexico DF|DF", "MX-CMX", 21800),
    ("Guadalajara|Zona Metropolitana de Guadalajara", "MX-JAL", 5300), ("Monterrey", "MX-NLE", 5300),
    ("Puebla", "MX-PUE", 3200), ("Toluca|Toluca de Lerdo", "MX-MEX", 2400), ("Tijuana", "MX-BCN", 2200),
    ("León", "MX-GUA", 1900), ("Querétaro|Santiago de Querétaro", "MX-QUE", 1600),
    ("Ciudad Juárez|Juárez", "MX-CHH", 1500), ("Mérida", "MX-YUC", 1300), ("San Luis Potosí", "MX-SLP", 1200),
    ("Aguascalientes", "MX-AGU", 1100), ("Mexicali", "MX-BCN", 1000), ("Chihuahua", "MX-CHH", 990),
    ("Cancún", "MX-ROO", 930), ("Hermosillo", "MX-SON", 940), ("Saltillo", "MX-COA", 1000),
    ("Morelia", "MX-MIC", 990), ("Culiacán", "MX-SIN", 1000), ("Veracruz", "MX-VER", 940),
    ("Acapulco", "MX-GRO", 850), ("Mazatlán", "MX-SIN", 500), ("Oaxaca|Oaxaca de Juárez", "MX-OAX", 700),
    ("Villahermosa", "MX-TAB", 830), ("Tuxtla Gutiérrez", "MX-CHP", 800), ("Cuernavaca", "MX-MOR", 1000),
    ("Torreón", "MX-COA", 1400), ("Durango", "MX-DUR", 690), ("Zapopan", "MX-JAL", 1500),
    ("Matamoros", "MX-TAM", 540), ("Reynosa", "MX-TAM", 840, "America/Matamoros"),
    ("Nuevo Laredo", "MX-TAM", 430, "America/Matamoros"), ("Tampico", "MX-TAM", 930), ("Ensenada", "MX-BCN", 440),
    ("La Paz", "MX-BCS", 290), ("Los Cabos|Cabo San Lucas|San José del Cabo", "MX-BCS", 350),
    ("Puerto Vallarta", "MX-JAL", 480), ("Playa del Carmen", "MX-ROO", 300), ("Tepic", "MX-NAY", 430),
    ("Xalapa", "MX-VER", 800), ("Pachuca", "MX-HID", 550), ("Irapuato", "MX-GUA", 600), ("Celaya", "MX-GUA", 700),
    ("San Pedro Garza García", "MX-NLE", 130),
    # Germany, Austria, Switzerland.
    ("Berlin", "DE", 3700), ("Hamburg", "DE", 1900), ("Munich|München|Muenchen|Monaco di Baviera", "DE", 2900),
    ("Cologne|Köln|Koeln|Cologne Bonn Region", "DE", 1100), ("Frankfurt|Frankfurt am Main|Frankfurt Rhine-Main|Rhine-Main|Rhein-Main|Rhein-Main-Gebiet", "DE", 2300),
    ("Stuttgart", "DE", 2700), ("Düsseldorf|Dusseldorf|Duesseldorf", "DE", 1200), ("Leipzig", "DE", 600),
    ("Dortmund", "DE", 590), ("Essen", "DE", 580), ("Bremen", "DE", 570), ("Dresden", "DE", 560),
    ("Hanover|Hannover", "DE", 540), ("Nuremberg|Nürnberg|Nuernberg", "DE", 1300), ("Duisburg", "DE", 500),
    ("Bochum", "DE", 365), ("Wuppertal", "DE", 355), ("Bielefeld", "DE", 335), ("Bonn", "DE", 330),
    ("Münster", "DE", 315), ("Mannheim|Rhein-Neckar|Rhine-Neckar", "DE", 310), ("Karlsruhe", "DE", 305),
    ("Augsburg", "DE", 300), ("Wiesbaden", "DE", 280), ("Mönchengladbach", "DE", 260),
    ("Gelsenkirchen", "DE", 260), ("Aachen", "DE", 250), ("Braunschweig|Brunswick", "DE", 250), ("Kiel", "DE", 245),
    ("Chemnitz", "DE", 245), ("Halle", "DE", 240), ("Magdeburg", "DE", 240),
    ("Freiburg|Freiburg im Breisgau", "DE", 230), ("Krefeld", "DE", 225), ("Mainz", "DE", 220),
    ("Lübeck", "DE", 215), ("Erfurt", "DE", 213), ("Rostock", "DE", 210), ("Kassel", "DE", 200),
    ("Heidelberg", "DE", 160), ("Darmstadt", "DE", 160), ("Regensburg", "DE", 150), ("Ingolstadt", "DE", 140),
    ("Würzburg", "DE", 130), ("Wolfsburg", "DE", 125), ("Ulm", "DE", 125), ("Heilbronn", "DE", 125),
    ("Potsdam", "DE", 180), ("Saarbrücken", "DE", 180), ("Oldenburg", "DE", 170), ("Osnabrück", "DE", 165),
    ("Göttingen", "DE", 118), ("Erlangen", "DE", 113), ("Jena", "DE", 110), ("Paderborn", "DE", 150),
    ("Trier", "DE", 110), ("Koblenz", "DE", 113), ("Konstanz", "DE", 85), ("Walldorf", "DE", 15),
    ("Ruhr|Ruhrgebiet|Ruhr Area", "DE", 5100), ("Gütersloh", "DE", 100),
    ("Vienna|Wien|Vienne", "AT", 1900), ("Graz", "AT", 290), ("Linz", "AT", 210), ("Salzburg", "AT", 155),
    ("Innsbruck", "AT", 130), ("Klagenfurt", "AT", 100),
    ("Zurich|Zürich|Zuerich|Zurigo", "CH", 1400), ("Geneva|Genève|Genf|Ginevra|Ginebra", "CH", 600),
    ("Basel|Bâle|Basle", "CH", 550), ("Bern|Berne", "CH", 420), ("Lausanne", "CH", 420),
    ("Lucerne|Luzern", "CH", 230), ("St. Gallen|Sankt Gallen|Saint-Gall", "CH", 170), ("Lugano", "CH", 150),
    ("Winterthur", "CH", 115), ("Zug|Zoug", "CH", 30), ("Fribourg", "CH", 40), ("Neuchâtel", "CH", 45),
    ("Vaduz", "LI", 6),
    # France, Benelux.
    ("Paris|Grand Paris", "FR", 11000), ("Lyon|Lyons", "FR", 2300), ("Marseille|Marseilles", "FR", 1900),
    ("Toulouse", "FR", 1400), ("Lille", "FR", 1200), ("Bordeaux", "FR", 1300), ("Nice", "FR", 1000),
    ("Nantes", "FR", 1000), ("Strasbourg", "FR", 800), ("Rennes", "FR", 750), ("Grenoble", "FR", 700),
    ("Montpellier", "FR", 800), ("Rouen", "FR", 700), ("Toulon", "FR", 600), ("Sophia Antipolis", "FR", 10),
    ("Aix-en-Provence", "FR", 150), ("Clermont-Ferrand", "FR", 500), ("Tours", "FR", 500), ("Nancy", "FR", 500),
    ("Metz", "FR", 400), ("Orléans", "FR", 450), ("Dijon", "FR", 400), ("Angers", "FR", 420), ("Reims", "FR", 320),
    ("Brest", "FR", 320), ("Le Mans", "FR", 340), ("Caen", "FR", 420), ("Limoges", "FR", 280),
    ("Saint-Étienne", "FR", 400), ("Annecy", "FR", 230), ("Cannes", "FR", 75), ("Versailles", "FR", 85),
    ("Boulogne-Billancourt", "FR", 120), ("La Défense", "FR", 20), ("Ajaccio", "FR", 70), ("Bastia", "FR", 50),
    ("Perpignan", "FR", 320), ("Le Havre", "FR", 240), ("Amiens", "FR", 180), ("Mulhouse", "FR", 250),
    ("Brussels|Bruxelles|Brussel|Brüssel|Bruselas|Bruxelas|Bruksela", "BE", 2100),
    ("Antwerp|Antwerpen|Anvers", "BE", 1000), ("Ghent|Gent|Gand", "BE", 550), ("Liège|Luik|Lüttich", "BE", 750),
    ("Leuven|Louvain", "BE", 100), ("Charleroi", "BE", 400), ("Bruges|Brugge", "BE", 120), ("Namur", "BE", 110),
    ("Mechelen|Malines", "BE", 87), ("Hasselt", "BE", 80), ("Louvain-la-Neuve", "BE", 30), ("Kortrijk", "BE", 77),
    ("Amsterdam", "NL", 2400), ("Rotterdam", "NL", 1800), ("The Hague|Den Haag|'s-Gravenhage|La Haye", "NL", 1100),
    ("Utrecht", "NL", 900), ("Eindhoven|Brainport", "NL", 780), ("Groningen", "NL", 230), ("Tilburg", "NL", 220),
    ("Almere", "NL", 215), ("Breda", "NL", 185), ("Nijmegen", "NL", 180), ("Arnhem", "NL", 165),
    ("Haarlem", "NL", 165), ("Enschede", "NL", 160), ("Amersfoort", "NL", 160), ("Zwolle", "NL", 130),
    ("Leiden", "NL", 125), ("Maastricht", "NL", 120), ("Delft", "NL", 105),
    ("'s-Hertogenbosch|Den Bosch", "NL", 155), ("Hilversum", "NL", 90), ("Randstad", "NL", 8000),
    ("Amstelveen", "NL", 90), ("Hoofddorp|Schiphol", "NL", 80),
    ("Luxembourg City|Ville de Luxembourg|Luxemburg", "LU", 130), ("Esch-sur-Alzette", "LU", 36),
    # The British Isles.
    ("London|City of London", "GB-ENG", 9500), ("Birmingham|West Midlands", "GB-ENG", 2900),
    ("Manchester", "GB-ENG", 2800), ("Leeds", "GB-ENG", 1900), ("Glasgow", "GB-SCT", 1800),
    ("Liverpool", "GB-ENG", 1500), ("Newcastle|Newcastle upon Tyne", "GB-ENG", 1100),
    ("Sheffield", "GB-ENG", 1300), ("Bristol", "GB-ENG", 1000), ("Edinburgh|Dùn Èideann", "GB-SCT", 900),
    ("Belfast", "GB-NIR", 670), ("Cardiff|Caerdydd", "GB-WLS", 480), ("Nottingham", "GB-ENG", 730),
    ("Leicester", "GB-ENG", 550), ("Southampton", "GB-ENG", 850), ("Portsmouth", "GB-ENG", 240),
    ("Brighton|Brighton and Hove", "GB-ENG", 500), ("Reading", "GB-ENG", 340), ("Oxford", "GB-ENG", 160),
    ("Cambridge", "GB-ENG", 145), ("Milton Keynes", "GB-ENG", 270), ("Coventry", "GB-ENG", 370),
    ("Aberdeen", "GB-SCT", 230), ("Dundee", "GB-SCT", 150), ("Perth", "GB-SCT", 50), ("Inverness", "GB-SCT", 50),
    ("Stirling", "GB-SCT", 40), ("St Andrews", "GB-SCT", 17), ("Swansea|Abertawe", "GB-WLS", 300),
    ("Newport", "GB-WLS", 150), ("Bath", "GB-ENG", 95), ("York", "GB-ENG", 200), ("Norwich", "GB-ENG", 250),
    ("Exeter", "GB-ENG", 130), ("Plymouth", "GB-ENG", 265), ("Derby", "GB-ENG", 260),
    ("Stoke-on-Trent", "GB-ENG", 370), ("Hull|Kingston upon Hull", "GB-ENG", 260),
    ("Bournemouth", "GB-ENG", 400), ("Guildford", "GB-ENG", 80), ("Watford", "GB-ENG", 100),
    ("Slough", "GB-ENG", 160), ("Luton", "GB-ENG", 220), ("Sunderland", "GB-ENG", 170),
    ("Middlesbrough|Teesside", "GB-ENG", 170), ("Bradford", "GB-ENG", 350), ("Wolverhampton", "GB-ENG", 260),
    ("Swindon", "GB-ENG", 200), ("Gloucester", "GB-ENG", 130), ("Cheltenham", "GB-ENG", 115),
    ("Derry|Londonderry", "GB-NIR", 85), ("Durham", "GB-ENG", 50), ("Salford", "GB-ENG", 270),
    ("Canary Wharf", "GB-ENG", 20), ("Ipswich", "GB-ENG", 140), ("Peterborough", "GB-ENG", 200),
    ("Chester", "GB-ENG", 90), ("Lancaster", "GB-ENG", 50), ("Warrington", "GB-ENG", 210),
    ("Basingstoke", "GB-ENG", 110), ("Maidenhead", "GB-ENG", 70), ("Bracknell", "GB-ENG", 85),
    ("Thames Valley", "GB-ENG", 2300), ("Home Counties", "GB-ENG", 10000), ("Surrey", "GB-ENG", 1200),
    ("Kent", "GB-ENG", 1850), ("Essex", "GB-ENG", 1850), ("Yorkshire", "GB-ENG", 5500),
    ("Dublin|Baile Átha Cliath", "IE", 1400), ("Cork", "IE", 300), ("Galway", "IE", 85), ("Limerick", "IE", 100),
    ("Waterford", "IE", 60), ("Douglas", "IM", 27), ("St Helier", "JE", 35), ("St Peter Port", "GG", 18),
    # Southern Europe.
    ("Madrid", "ES", 6700), ("Barcelona", "ES", 5600), ("Valencia|València", "ES", 1600),
    ("Seville|Sevilla", "ES", 1300), ("Málaga", "ES", 1000), ("Bilbao|Bilbo", "ES", 1000),
    ("Zaragoza|Saragossa", "ES", 700), ("Alicante|Alacant", "ES", 750), ("Palma|Palma de Mallorca", "ES", 420),
    ("Las Palmas|Las Palmas de Gran Canaria", "ES-CN", 380), ("Santa Cruz de Tenerife", "ES-CN", 220),
    ("Murcia", "ES", 450), ("Valladolid", "ES", 300), ("Vigo", "ES", 300), ("Gijón", "ES", 270),
    ("A Coruña|La Coruña|Coruña", "ES", 245), ("Granada", "ES", 230), ("Córdoba", "ES", 320),
    ("San Sebastián|Donostia|Donostia-San Sebastián", "ES", 185), ("Vitoria-Gasteiz|Vitoria", "ES", 255),
    ("Pamplona|Iruña", "ES", 200), ("Santander", "ES", 170), ("Oviedo", "ES", 220), ("Salamanca", "ES", 145),
    ("Cádiz", "ES", 115), ("Tarragona", "ES", 135), ("Girona|Gerona", "ES", 100), ("Marbella", "ES", 140),
    ("Ibiza|Eivissa", "ES", 50), ("Santiago de Compostela", "ES", 100), ("León", "ES", 125),
    ("Guadalajara", "ES", 85), ("Cartagena", "ES", 215), ("Elche|Elx", "ES", 235), ("Badajoz", "ES", 150),
    ("Almería", "ES", 200), ("Castellón de la Plana|Castelló", "ES", 175), ("Sant Cugat del Vallès", "ES", 95),
    ("Lisbon|Lisboa|Lisbonne|Lissabon|Grande Lisboa", "PT", 2900), ("Porto|Oporto|Grande Porto", "PT", 1700),
    ("Braga", "PT", 190), ("Coimbra", "PT", 140), ("Faro|Algarve", "PT", 450), ("Aveiro", "PT", 80),
    ("Funchal", "PT-30", 110), ("Ponta Delgada", "PT-20", 70), ("Setúbal", "PT", 120), ("Leiria", "PT", 130),
    ("Rome|Roma|Rom", "IT", 4300), ("Milan|Milano|Mailand|Milán", "IT", 3200), ("Naples|Napoli|Neapel", "IT", 3000),
    ("Turin|Torino", "IT", 1700), ("Palermo", "IT", 1000), ("Bologna", "IT", 1000),
    ("Florence|Firenze|Florenz", "IT", 1000), ("Genoa|Genova|Genua", "IT", 800), ("Bari", "IT", 1200),
    ("Catania", "IT", 1100), ("Venice|Venezia|Venedig", "IT", 850), ("Verona", "IT", 900),
    ("Padua|Padova", "IT", 900), ("Brescia", "IT", 1200), ("Bergamo", "IT", 1100), ("Trieste", "IT", 230),
    ("Trento", "IT", 120), ("Bolzano|Bozen", "IT", 110), ("Parma", "IT", 450), ("Modena", "IT", 700),
    ("Reggio Emilia", "IT", 530), ("Pisa", "IT", 90), ("Perugia", "IT", 160), ("Cagliari", "IT", 420),
    ("Monza", "IT", 120), ("Como", "IT", 85), ("Varese", "IT", 80), ("Lecce", "IT", 95), ("Salerno", "IT", 130),
    ("Ancona", "IT", 100), ("Pescara", "IT", 120), ("Udine", "IT", 100), ("Vicenza", "IT", 110),
    ("Treviso", "IT", 85), ("Rimini", "IT", 150), ("Messina", "IT", 220), ("Reggio Calabria", "IT", 170),
    ("Siena", "IT", 54), ("Lucca", "IT", 90), ("Livorno", "IT", 155), ("Taranto", "IT", 190),
    ("Sassari", "IT", 125), ("Novara", "IT", 100), ("Piacenza", "IT", 100), ("Ferrara", "IT", 130),
    ("Ravenna", "IT", 155), ("Latina", "IT", 125), ("Caserta", "IT", 75), ("Foggia", "IT", 150),
    ("Valletta", "MT", 6), ("Sliema", "MT", 20), ("St. Julian's", "MT", 14), ("Birkirkara", "MT", 25),
    ("Athens|Athína|Athina|Αθήνα|Athen|Atenas|Atene", "GR", 3800),
    ("Thessaloniki|Salonica|Θεσσαλονίκη", "GR", 1100), ("Patras", "GR", 215), ("Heraklion", "GR", 210),
    ("Nicosia|Lefkosia", "CY", 330), ("Limassol|Lemesos", "CY", 240), ("Larnaca", "CY", 150), ("Paphos", "CY", 90),
    # Northern and Central Europe.
    ("Stockholm", "SE", 2400), ("Gothenburg|Göteborg", "SE", 1100), ("Malmö|Malmo", "SE", 740),
    ("Uppsala", "SE", 230), ("Linköping", "SE", 165), ("Västerås", "SE", 155), ("Örebro", "SE", 155),
    ("Helsingborg", "SE", 150), ("Norrköping", "SE", 145), ("Jönköping", "SE", 140), ("Umeå", "SE", 130),
    ("Lund", "SE", 125), ("Luleå", "SE", 78),
    ("Oslo", "NO", 1500), ("Bergen", "NO", 290), ("Trondheim", "NO", 210), ("Stavanger", "NO", 230),
    ("Tromsø", "NO", 78), ("Kristiansand", "NO", 110), ("Drammen", "NO", 100),
    ("Copenhagen|København|Kopenhagen|Copenhague|Copenaghen", "DK", 2000), ("Aarhus|Århus", "DK", 360),
    ("Odense", "DK", 180), ("Aalborg|Ålborg", "DK", 120), ("Esbjerg", "DK", 72), ("Kongens Lyngby|Lyngby", "DK", 55),
    ("Helsinki|Helsingfors", "FI", 1500), ("Espoo|Esbo", "FI", 300), ("Tampere|Tammerfors", "FI", 340),
    ("Vantaa|Vanda", "FI", 240), ("Oulu|Uleåborg", "FI", 210), ("Turku|Åbo", "FI", 200),
    ("Jyväskylä", "FI", 145), ("Lahti", "FI", 120),
    ("Reykjavík", "IS", 240), ("Tórshavn", "FO", 14), ("Tallinn", "EE", 450), ("Tartu", "EE", 95),
    ("Riga|Rīga", "LV", 900), ("Vilnius", "LT", 700), ("Kaunas", "LT", 400), ("Klaipėda", "LT", 150),
    ("Warsaw|Warszawa|Varsovie|Warschau|Varsovia", "PL", 3100), ("Kraków|Krakow|Cracow|Krakau|Cracovia", "PL", 1400),
    ("Wrocław|Wroclaw|Breslau", "PL", 1200), ("Poznań|Poznan|Posen", "PL", 1000),
    ("Gdańsk|Gdansk|Danzig|Trójmiasto|Tricity", "PL", 1100), ("Gdynia", "PL", 245), ("Sopot", "PL", 35),
    ("Łódź|Lodz", "PL", 1100), ("Katowice|Kattowitz", "PL", 2000), ("Szczecin|Stettin", "PL", 750),
    ("Lublin", "PL", 650), ("Bydgoszcz", "PL", 500), ("Białystok", "PL", 450), ("Rzeszów", "PL", 400),
    ("Toruń", "PL", 280), ("Kielce", "PL", 280), ("Gliwice", "PL", 180), ("Olsztyn", "PL", 250), ("Opole", "PL", 130),
    ("Prague|Praha|Prag|Praga", "CZ", 2700), ("Brno|Brünn", "CZ", 700), ("Ostrava", "CZ", 1100),
    ("Plzeň|Pilsen", "CZ", 190), ("Olomouc", "CZ", 100), ("Liberec", "CZ", 105), ("České Budějovice", "CZ", 95),
    ("Hradec Králové", "CZ", 93),
    ("Bratislava|Pressburg", "SK", 700), ("Košice", "SK", 240), ("Žilina", "SK", 80),
    ("Budapest", "HU", 3000), ("Debrecen", "HU", 200), ("Szeged", "HU", 160), ("Pécs", "HU", 140),
    ("Győr", "HU", 130), ("Miskolc", "HU", 150),
    ("Bucharest|București|Bukarest|Bucarest", "RO", 2300), ("Cluj-Napoca|Cluj", "RO", 410),
    ("Timișoara|Timisoara", "RO", 320), ("Iași", "RO", 380), ("Brașov", "RO", 290), ("Constanța", "RO", 280),
    ("Craiova", "RO", 270), ("Oradea", "RO", 200), ("Sibiu", "RO", 170),
    ("Sofia|София", "BG", 1500), ("Plovdiv", "BG", 350), ("Varna", "BG", 340), ("Burgas", "BG", 200),
    ("Belgrade|Beograd|Београд", "RS", 1700), ("Novi Sad", "RS", 350), ("Niš", "RS", 260),
    ("Zagreb", "HR", 1100), ("Split", "HR", 180), ("Rijeka", "HR", 130), ("Ljubljana", "SI", 300),
    ("Maribor", "SI", 100), ("Sarajevo", "BA", 550), ("Skopje", "MK", 600), ("Podgorica", "ME", 190),
    ("Tirana|Tiranë", "AL", 900), ("Pristina|Prishtina|Prishtinë", "XK", 220),
    ("Kyiv|Kiev|Київ|Киев", "UA", 3000), ("Kharkiv|Kharkov|Харків", "UA", 1400), ("Odesa|Odessa|Одеса", "UA", 1000),
    ("Dnipro|Dnipropetrovsk", "UA", 1000), ("Lviv|Lvov|Lwów|Lemberg|Львів", "UA", 720),
    ("Zaporizhzhia", "UA", 700), ("Minsk|Мінск|Минск", "BY", 2000), ("Chișinău|Chisinau", "MD", 700),
    # Russia and Central Asia.
    ("Moscow|Moskva|Москва|Moskau|Moscou", "RU", 12600, "Europe/Moscow"),
    ("Saint Petersburg|St. Petersburg|Sankt-Peterburg|Санкт-Петербург", "RU", 5400, "Europe/Moscow"),
    ("Novosibirsk", "RU", 1600), ("Yekaterinburg|Ekaterinburg|Екатеринбург", "RU", 1500),
    ("Kazan|Казань", "RU", 1300, "Europe/Moscow"), ("Nizhny Novgorod", "RU", 1200, "Europe/Moscow"),
    ("Chelyabinsk", "RU", 1200, "Asia/Yekaterinburg"), ("Samara", "RU", 1150), ("Omsk", "RU", 1100),
    ("Rostov-on-Don|Rostov-na-Donu", "RU", 1100, "Europe/Moscow"), ("Ufa", "RU", 1100, "Asia/Yekaterinburg"),
    ("Krasnoyarsk", "RU", 1100), ("Voronezh", "RU", 1050, "Europe/Moscow"),
    ("Perm", "RU", 1050, "Asia/Yekaterinburg"), ("Volgograd", "RU", 1000),
    ("Krasnodar", "RU", 950, "Europe/Moscow"), ("Sochi", "RU", 450, "Europe/Moscow"), ("Vladivostok", "RU", 600),
    ("Irkutsk", "RU", 620), ("Kaliningrad", "RU", 490), ("Tyumen", "RU", 800, "Asia/Yekaterinburg"),
    ("Tomsk", "RU", 570), ("Innopolis", "RU", 5, "Europe/Moscow"),
    ("Almaty|Алматы", "KZ", 2200), ("Astana|Nur-Sultan|Астана", "KZ", 1300), ("Shymkent", "KZ", 1200),
    ("Tashkent|Toshkent", "UZ", 2900), ("Samarkand", "UZ", 550), ("Bishkek", "KG", 1100), ("Dushanbe", "TJ", 900),
    ("Ashgabat", "TM", 1000), ("Baku|Bakı", "AZ", 2300), ("Tbilisi|თბილისი", "GE", 1200), ("Batumi", "GE", 170),
    ("Yerevan|Երևան", "AM", 1100), ("Ulaanbaatar|Ulan Bator", "MN", 1600),
    # Turkey and the Middle East.
    ("Istanbul|İstanbul", "TR", 15500), ("Ankara", "TR", 5700), ("Izmir|İzmir", "TR", 4400), ("Bursa", "TR", 3100),
    ("Antalya", "TR", 2600), ("Adana", "TR", 2200), ("Konya", "TR", 2300), ("Gaziantep", "TR", 2100),
    ("Kocaeli|İzmit", "TR", 2000), ("Eskişehir", "TR", 900), ("Mersin", "TR", 1900), ("Kayseri", "TR", 1400),
    ("Dubai|دبي", "AE", 3500), ("Abu Dhabi|أبو ظبي", "AE", 1500), ("Sharjah", "AE", 1400), ("Ajman", "AE", 500),
    ("Ras Al Khaimah", "AE", 400), ("Doha", "QA", 2300), ("Riyadh|الرياض", "SA", 7600), ("Jeddah|Jiddah", "SA", 4700),
    ("Dammam", "SA", 1300), ("Al Khobar|Khobar", "SA", 600), ("Mecca|Makkah", "SA", 2000), ("Medina", "SA", 1500),
    ("NEOM", "SA", 5), ("Kuwait City", "KW", 3000), ("Manama", "BH", 600), ("Muscat", "OM", 1500),
    ("Tel Aviv|Tel Aviv-Yafo|Tel Aviv-Jaffa|תל אביב", "IL", 4200), ("Jerusalem|ירושלים", "IL", 950),
    ("Haifa", "IL", 300), ("Herzliya", "IL", 100), ("Ramat Gan", "IL", 160), ("Petah Tikva", "IL", 250),
    ("Beersheba|Be'er Sheva", "IL", 210), ("Ra'anana", "IL", 80), ("Ramallah", "PS", 40),
    ("Amman", "JO", 4000), ("Beirut|Beyrouth", "LB", 2400), ("Baghdad", "IQ", 7500), ("Erbil", "IQ", 1000),
    ("Tehran|Teheran", "IR", 9000), ("Isfahan", "IR", 2200), ("Damascus", "SY", 2500),
    # Africa.
    ("Cairo|Al Qahirah|القاهرة|Le Caire|Kairo", "EG", 21000), ("Alexandria", "EG", 5400), ("Giza", "EG", 9000),
    ("Lagos", "NG", 15000), ("Abuja", "NG", 3800), ("Port Harcourt", "NG", 3000), ("Ibadan", "NG", 3500),
    ("Kano", "NG", 4000), ("Nairobi", "KE", 5000), ("Mombasa", "KE", 1200),
    ("Johannesburg|Joburg|Jo'burg|Jozi", "ZA", 6000), ("Cape Town|Kaapstad", "ZA", 4700), ("Durban", "ZA", 3500),
    ("Pretoria|Tshwane", "ZA", 2500), ("Port Elizabeth|Gqeberha", "ZA", 1200), ("Stellenbosch", "ZA", 200),
    ("Sandton", "ZA", 220), ("Casablanca", "MA", 3800), ("Rabat", "MA", 1900), ("Marrakesh|Marrakech", "MA", 1000),
    ("Tangier|Tanger", "MA", 1200), ("Tunis", "TN", 2400), ("Algiers|Alger", "DZ", 3400), ("Accra", "GH", 2500),
    ("Kumasi", "GH", 3000), ("Kampala", "UG", 1700), ("Kigali", "RW", 1100), ("Addis Ababa", "ET", 5000),
    ("Dar es Salaam", "TZ", 7000), ("Lusaka", "ZM", 3000), ("Harare", "ZW", 2100), ("Dakar", "SN", 3300),
    ("Abidjan", "CI", 5600), ("Kinshasa", "CD", 17000), ("Luanda", "AO", 9000), ("Maputo", "MZ", 1100),
    ("Windhoek", "NA", 450), ("Gaborone", "BW", 250), ("Port Louis", "MU", 150), ("Ebène", "MU", 20),
    ("Douala", "CM", 3900), ("Yaoundé", "CM", 4100), ("Tripoli", "LY", 1200), ("Khartoum", "SD", 6000),
    # South Asia.
    ("Mumbai|Bombay|Mumbai Metropolitan Region|Navi Mumbai", "IN", 21000),
    ("Delhi|New Delhi|Delhi NCR|Delhi Metropolitan Area", "IN", 32000), ("Bengaluru|Bangalore", "IN", 13000),
    ("Hyderabad", "IN", 10500), ("Chennai|Madras", "IN", 11500), ("Kolkata|Calcutta", "IN", 15000),
    ("Pune|Poona", "IN", 7000), ("Ahmedabad", "IN", 8500), ("Surat", "IN", 7500), ("Jaipur", "IN", 4000),
    ("Lucknow", "IN", 3900), ("Kanpur", "IN", 3100), ("Nagpur", "IN", 3000), ("Indore", "IN", 3300),
    ("Bhopal", "IN", 2500), ("Visakhapatnam|Vizag", "IN", 2300), ("Vadodara|Baroda", "IN", 2200),
    ("Coimbatore", "IN", 2900), ("Kochi|Cochin", "IN", 3000), ("Thiruvananthapuram|Trivandrum", "IN", 1700),
    ("Gurugram|Gurgaon", "IN", 1500), ("Noida", "IN", 1000), ("Ghaziabad", "IN", 1700), ("Faridabad", "IN", 1600),
    ("Chandigarh|Tricity Chandigarh", "IN", 1200), ("Mohali", "IN", 200), ("Ludhiana", "IN", 1900),
    ("Amritsar", "IN", 1200), ("Mysuru|Mysore", "IN", 1100), ("Mangaluru|Mangalore", "IN", 700),
    ("Bhubaneswar", "IN", 1100), ("Patna", "IN", 2400), ("Guwahati", "IN", 1100), ("Ranchi", "IN", 1500),
    ("Raipur", "IN", 1300), ("Dehradun", "IN", 800), ("Nashik", "IN", 2000),
    ("Aurangabad|Chhatrapati Sambhajinagar", "IN", 1400), ("Thane", "IN", 2500), ("Madurai", "IN", 1600),
    ("Tiruchirappalli|Trichy", "IN", 1000), ("Vijayawada", "IN", 1700), ("Warangal", "IN", 800),
    ("Jodhpur", "IN", 1200), ("Udaipur", "IN", 600), ("Varanasi|Benares", "IN", 1500), ("Agra", "IN", 1800),
    ("Kozhikode|Calicut", "IN", 2000), ("Hubballi|Hubli", "IN", 1000), ("Belagavi|Belgaum", "IN", 600),
    ("Jamshedpur", "IN", 1400), ("Srinagar", "IN", 1300), ("Jammu", "IN", 700), ("Gandhinagar", "IN", 300),
    ("Rajkot", "IN", 2000), ("Panaji|Panjim", "IN", 115),
    ("Karachi", "PK", 16000), ("Lahore", "PK", 13000), ("Islamabad", "PK", 1200), ("Rawalpindi", "PK", 2200),
    ("Faisalabad", "PK", 3500), ("Peshawar", "PK", 2000), ("Multan", "PK", 2000), ("Hyderabad", "PK", 1800),
    ("Quetta", "PK", 1000), ("Dhaka|Dacca", "BD", 22000), ("Chittagong|Chattogram", "BD", 5000),
    ("Colombo", "LK", 5600), ("Kathmandu", "NP", 1500), ("Thimphu", "BT", 115), ("Malé", "MV", 250),
    ("Kabul", "AF", 4500),
    # East and Southeast Asia.
    ("Tokyo|東京|東京都|Greater Tokyo", "JP", 37000), ("Osaka|Ōsaka|大阪", "JP", 19000), ("Yokohama|横浜", "JP", 3700),
    ("Nagoya|名古屋", "JP", 9500), ("Kyoto|京都", "JP", 1500), ("Fukuoka|福岡", "JP", 2500), ("Kobe|神戸", "JP", 1500),
    ("Sapporo|札幌", "JP", 2700), ("Sendai", "JP", 1500), ("Kawasaki", "JP", 1500), ("Hiroshima", "JP", 1400),
    ("Okinawa|Naha", "JP", 800),
    ("Seoul|서울", "KR", 25000), ("Busan|부산", "KR", 3400), ("Incheon", "KR", 3000), ("Daejeon", "KR", 1500),
    ("Daegu", "KR", 2400), ("Seongnam|Pangyo", "KR", 900), ("Suwon", "KR", 1200), ("Gwangju", "KR", 1450),
    ("Pyongyang", "KP", 3000),
    ("Beijing|Peking|北京", "CN", 21000), ("Shanghai|上海", "CN", 27000), ("Shenzhen|深圳", "CN", 17000),
    ("Guangzhou|Canton|广州", "CN", 18000), ("Hangzhou|杭州", "CN", 12000), ("Chengdu|成都", "CN", 16000),
    ("Chongqing", "CN", 16000), ("Wuhan", "CN", 11000), ("Nanjing", "CN", 9000), ("Tianjin", "CN", 13000),
    ("Xi'an", "CN", 12000), ("Suzhou", "CN", 12000), ("Xiamen", "CN", 5000), ("Qingdao", "CN", 9000),
    ("Dalian", "CN", 7000), ("Shenyang", "CN", 9000), ("Harbin", "CN", 10000), ("Changsha", "CN", 8000),
    ("Zhengzhou", "CN", 12000), ("Jinan", "CN", 9000), ("Kunming", "CN", 8000), ("Hefei", "CN", 9000),
    ("Fuzhou", "CN", 8000), ("Ningbo", "CN", 9000), ("Dongguan", "CN", 10000), ("Foshan", "CN", 9000),
    ("Zhuhai", "CN", 2400), ("Ürümqi|Urumqi", "CN", 4000, "Asia/Urumqi"),
    ("Kowloon", "HK", 2000), ("Taipei|臺北|台北", "TW", 7000), ("New Taipei", "TW", 4000), ("Taichung", "TW", 2800),
    ("Kaohsiung", "TW", 2700), ("Hsinchu", "TW", 450), ("Tainan", "TW", 1900), ("Taoyuan", "TW", 2200),
    ("Kuala Lumpur|KL", "MY", 8000), ("Petaling Jaya", "MY", 620), ("Penang|George Town", "MY", 1700),
    ("Johor Bahru|Johor", "MY", 1000), ("Cyberjaya", "MY", 100), ("Putrajaya", "MY", 110),
    ("Shah Alam", "MY", 740), ("Kota Kinabalu", "MY", 500, "Asia/Kuching"),
    ("Bangkok|กรุงเทพมหานคร|Krung Thep", "TH", 11000), ("Chiang Mai", "TH", 1200), ("Phuket", "TH", 400),
    ("Pattaya", "TH", 330),
    ("Ho Chi Minh City|Saigon|HCMC|Thành phố Hồ Chí Minh|TP. Hồ Chí Minh|Hồ Chí Minh", "VN", 9000),
    ("Hanoi|Hà Nội|Ha Noi", "VN", 8000), ("Da Nang|Đà Nẵng", "VN", 1200), ("Phnom Penh", "KH", 2300),
    ("Vientiane", "LA", 1000), ("Yangon|Rangoon", "MM", 5600),
    ("Jakarta|DKI Jakarta|Jabodetabek", "ID", 34000), ("Surabaya", "ID", 3000, "Asia/Jakarta"),
    ("Bandung", "ID", 2500, "Asia/Jakarta"), ("Medan", "ID", 2400, "Asia/Jakarta"),
    ("Semarang", "ID", 1700, "Asia/Jakarta"), ("Yogyakarta|Jogja", "ID", 400, "Asia/Jakarta"),
    ("Tangerang", "ID", 2000, "Asia/Jakarta"), ("Bekasi", "ID", 2500, "Asia/Jakarta"),
    ("Bali|Denpasar", "ID", 900, "Asia/Makassar"), ("Makassar", "ID", 1500),
    ("Balikpapan", "ID", 700, "Asia/Makassar"), ("Batam", "ID", 1200, "Asia/Jakarta"),
    ("Manila|Metro Manila|NCR Philippines", "PH", 14000), ("Makati", "PH", 630), ("Quezon City", "PH", 3000),
    ("Taguig|Bonifacio Global City|BGC", "PH", 900), ("Cebu|Cebu City", "PH", 3000),
    ("Davao|Davao City", "PH", 1800), ("Pasig", "PH", 800), ("Clark", "PH", 100),
    ("Dili", "TL", 280), ("Bandar Seri Begawan", "BN", 100),
    ("Suva", "FJ", 90), ("Port Moresby", "PG", 400), ("Nouméa", "NC", 180), ("Papeete", "PF", 140),
    # Latin America and the Caribbean.
    ("Buenos Aires|CABA|Ciudad Autónoma de Buenos Aires|Capital Federal|Gran Buenos Aires|GBA", "AR", 15500),
    ("Córdoba", "AR", 1500), ("Rosario", "AR", 1300, "America/Argentina/Cordoba"), ("Mendoza", "AR", 1100),
    ("La Plata", "AR", 900), ("Mar del Plata", "AR", 650), ("Tucumán|San Miguel de Tucumán", "AR", 900),
    ("Salta", "AR", 620), ("Neuquén", "AR", 350, "America/Argentina/Salta"), ("Bariloche", "AR", 135,
                                                                            "America/Argentina/Salta"),
    ("Santiago|Santiago de Chile|Gran Santiago", "CL", 7000), ("Valparaíso", "CL", 1000),
    ("Viña del Mar", "CL", 330), ("Concepción", "CL", 1000), ("Antofagasta", "CL", 400),
    ("Lima", "PE", 11000), ("Arequipa", "PE", 1100), ("Cusco|Cuzco", "PE", 450), ("Trujillo", "PE", 1000),
    ("Bogotá|Bogota|Santa Fe de Bogotá", "CO", 11000), ("Medellín|Medellin", "CO", 4000), ("Cali", "CO", 3000),
    ("Barranquilla", "CO", 2300), ("Cartagena|Cartagena de Indias", "CO", 1100), ("Bucaramanga", "CO", 1300),
    ("Pereira", "CO", 700), ("Caracas", "VE", 3000), ("Maracaibo", "VE", 2200), ("Valencia", "VE", 1500),
    ("Barcelona", "VE", 400), ("Quito", "EC", 2800), ("Guayaquil", "EC", 3000), ("Cuenca", "EC", 600),
    ("La Paz", "BO", 2000), ("Santa Cruz de la Sierra|Santa Cruz", "BO", 2000), ("Cochabamba", "BO", 1300),
    ("Sucre", "BO", 300), ("Asunción", "PY", 2300), ("Montevideo", "UY", 1800), ("Punta del Este", "UY", 10),
    ("San José", "CR", 1400), ("Panama City|Ciudad de Panamá", "PA", 1900),
    ("Guatemala City|Ciudad de Guatemala", "GT", 3000), ("San Salvador", "SV", 1100),
    ("Tegucigalpa", "HN", 1300), ("San Pedro Sula", "HN", 1000), ("Managua", "NI", 1100),
    ("Santo Domingo", "DO", 3500), ("Santiago de los Caballeros", "DO", 1000), ("Punta Cana", "DO", 140),
    ("Havana|La Habana", "CU", 2100), ("Kingston", "JM", 1200), ("Montego Bay", "JM", 110),
    ("Port of Spain", "TT", 550), ("San Juan", "PR", 2000), ("Nassau", "BS", 280), ("Bridgetown", "BB", 100),
    ("Willemstad", "CW", 150), ("Oranjestad", "AW", 30), ("Belize City", "BZ", 60), ("Georgetown", "GY", 240),
    ("Paramaribo", "SR", 250), ("Port-au-Prince", "HT", 2800), ("Hamilton", "BM", 10), ("George Town", "KY", 35),
]

KINDS = ("country", "region", "code", "city")


def fold(text):
    """Lower case without accents, as the lookup compares names (near enough to tell names apart here)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    for letter, plain in (("ł", "l"), ("ø", "o"), ("đ", "d"), ("ı", "i"), ("ð", "d"), ("þ", "th"), ("æ", "ae"),
                          ("œ", "oe"), ("ħ", "h"), ("-", " "), ("'", ""), ("ʻ", ""), (".", ""), ("&", " and ")):
        text = text.replace(letter, plain)
    words = ["st" if word in ("saint", "sankt") else word for word in text.split()]
    return " ".join(words)


def read_tab(name):
    with open(f"{ZONEINFO}/{name}", encoding="utf-8") as tab:
        for line in tab:
            if not line.startswith("#") and line.strip():
                yield line.rstrip("\n").split("\t")


def tzdata_version():
    with open(f"{ZONEINFO}/tzdata.zi", encoding="utf-8") as zi:
        first = zi.readline().split()
    assert first[:2] == ["#", "version"], first
    return first[2]


def same_clocks(zones):
    """Whether the zones keep the same clocks all year, now and for the next two years."""
    start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    instants = [start + datetime.timedelta(days=days) for days in range(0, 730, 5)]
    offsets = {tuple(instant.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() for instant in instants)
               for zone in zones}
    return len(offsets) == 1


class Table:
    def __init__(self):
        self.rows = {}  # (folded name, kind, country, region) -> [name, zone, size]
        self.zones = set()

    def add(self, names, kind, country, region, zone, size):
        for name in names.split("|"):
            name = name.strip()
            # The lookup cuts a location into parts at these.
            assert not any(c in name for c in ",;/|()") and " - " not in name, name
            key = (fold(name), kind, country, region)
            if key in self.rows:
                row = self.rows[key]
                assert row[1] == zone, (name, row, zone)
                row[2] = max(row[2], size)
            else:
                self.rows[key] = [name, zone, size]

    def write(self, out):
        def order(item):
            (folded, kind, country, region), (name, zone, size) = item
            return KINDS.index(kind), country, region, folded, name
        for (folded, kind, country, region), (name, zone, size) in sorted(self.rows.items(), key=order):
            assert not zone or zone in self.zones, (name, zone)
            out.write(f"{name}\t{kind}\t{country}\t{region}\t{zone}\t{size}\n")


def country_zones():
    """Each country's zones as zone.tab lists them, and the country of each zone city."""
    zones_of = {}
    country_of = {}
    for fields in read_tab("zone.tab"):
        zones_of.setdefault(fields[0], []).append(fields[2])
        country_of[fields[2]] = fields[0]
    for fields in read_tab("zone1970.tab"):
        country_of.setdefault(fields[2], fields[0].split(",")[0])
    return zones_of, country_of


def country_zone(code, zones):
    if len(zones) == 1:
        return zones[0]
    if code in MAIN_ZONES:
        assert MAIN_ZONES[code] in zones, code
        return MAIN_ZONES[code]
    assert not zones or not same_clocks(zones), f"{code}'s zones keep the same clocks: add it to MAIN_ZONES"
    return ""


def add_countries(table, zones_of):
    zone_of = {}
    for code, name in read_tab("iso3166.tab"):
        assert not any(c in name for c in "(.") or code in ISO_NAMES, f"{name}: add its name to ISO_NAMES"
        names = [ISO_NAMES.get(code, name)] + COUNTRY_NAMES.get(code, "").split("|")
        if not any(c in name for c in "(."):
            names.append(name)
        zone_of[code] = country_zone(code, zones_of.get(code, []))
        table.add("|".join(filter(None, names)), "country", code, "", zone_of[code], 0)
    for code, (name, zone) in EXTRA_COUNTRIES.items():
        zone_of[code] = zone
        table.add(name, "country", code, "", zone, 0)
    assert set(COUNTRY_NAMES) <= set(zone_of)
    return zone_of


def add_regions(table):
    region_zone = {}
    for place, zone, size, names in REGIONS:
        country, region = place.split("-")
        region_zone[(country, region)] = zone
        table.add(names, "region", country, region, zone, size)
        if country in CODE_COUNTRIES:
            table.add(region, "code", country, region, zone, 0 if country in WEAK_CODE_COUNTRIES else size)
    return region_zone


def add_cities(table, country_of, zone_of, region_zone):
    zone_cities = {}  # (folded name, country) -> (zone, region)
    for zone, country in sorted(country_of.items()):
        name = zone.split("/")[-1].replace("_", " ")
        region = ZONE_CITY_REGIONS.get(zone, "")
        assert region or country not in ("US", "CA", "AU", "BR", "MX"), zone
        zone_cities[(fold(name), country)] = (zone, region, name)
    curated = set()
    for entry in CITIES:
        names, place, size = entry[:3]
        country, _, region = place.partition("-")
        known = [zone_cities[key][0] for key in ((fold(name), country) for name in names.split("|"))
                 if key in zone_cities]
        zone = entry[3] if len(entry) > 3 else known[0] if known else region_zone.get((country, region),
                                                                                     zone_of[country])
        assert zone, f"{names}: a city of a country of several zones needs its zone"
        table.add(names, "city", country, region, zone, size)
        curated.update((fold(name), country) for name in names.split("|"))
    for (folded, country), (zone, region, name) in zone_cities.items():
        if (folded, country) not in curated:
            table.add(name, "city", country, region, zone, 0)


def main():
    zones_of, country_of = country_zones()
    table = Table()
    table.zones = set(country_of)
    zone_of = add_countries(table, zones_of)
    region_zone = add_regions(table)
    add_cities(table, country_of, zone_of, region_zone)
    out = sys.stdout
    out.write(f"# Made by scripts/make-places.py from tzdata {tzdata_version()} (public domain) and the script's "
              "lists; do not edit.\n")
    out.write("# name, kind (country, region, code, city), country (ISO 3166-1), region (ISO 3166-2), zone (empty "
              "for a country of several), size (thousands)\n")
    table.write(out)


if __name__ == "__main__":
    main()
