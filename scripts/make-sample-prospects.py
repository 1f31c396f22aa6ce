#!/usr/bin/env python3
"""Writes a sample CRM import: 300 fictional B2B prospects as CSV on standard output.

    /usr/bin/python3 scripts/make-sample-prospects.py > examples/prospects.csv

Deterministic (fixed seed, standard library only), so the file can be regenerated and diffed. Every person and company
is invented; any likeness to a real one is a coincidence. E-mail addresses use only domains reserved for examples
(example.com, example.org, example.net and the .example TLD, RFC 2606).

The rows exercise what an importer meets in real exports: accented, apostrophe and CJK names, titles with commas,
missing e-mail addresses and companies, and LinkedIn profile URLs in the shapes people paste them (www or not, http,
country subdomains, tracking queries, trailing slash or not, mixed case, percent-encoded UTF-8), all of which
normalize to a distinct https://linkedin.com/in/<slug>. Every slug starts with "example", so that no row can be the
address of a real member.
"""

import csv
import random
import re
import sys
import unicodedata
from collections import namedtuple
from urllib.parse import quote, unquote

SEED = 20241126
ROW_COUNT = 300
HEADER = ["first_name", "last_name", "linkedin_url", "email", "company", "title", "location", "industry", "tags",
          "employees", "city"]
TAG_ORDER = ["founders", "saas", "fintech", "healthtech", "vp-sales", "marketing", "europe", "north-america", "apac",
             "customer"]

# Invented companies: name, industry, sector tags, size (LinkedIn's company size ranges).
COMPANIES = [
    ("Brightwater Analytics", "Software Development", ["saas"], "51-200"),
    ("Quillfern Labs", "Software Development", ["saas"], "11-50"),
    ("Lumenfold Software", "Software Development", ["saas"], "201-500"),
    ("Kestrelvane", "Software Development", ["saas"], "11-50"),
    ("Tindrel Systems", "Software Development", ["saas"], "51-200"),
    ("Orbitlane Cloud", "Software Development", ["saas"], "501-1000"),
    ("Pinecask Data", "Software Development", ["saas"], "11-50"),
    ("Glimmerfield Metrics", "Software Development", ["saas"], "2-10"),
    ("Fernwick Software", "Software Development", ["saas"], "201-500"),
    ("Stoneharrow Workflows", "Software Development", ["saas"], "51-200"),
    ("Halcyra", "Software Development", ["saas"], "11-50"),
    ("Marrowgate Cloud", "Software Development", ["saas"], "1001-5000"),
    ("Tallowbyte", "Software Development", ["saas"], "2-10"),
    ("Saltmarsh Data Co.", "Software Development", ["saas"], "51-200"),
    ("Quarrystone Labs", "Software Development", [], "11-50"),
    ("Driftmoor Software", "Software Development", ["saas"], "201-500"),
    ("Ashquill Insights", "Software Development", ["saas"], "11-50"),
    ("Nimbrook", "Software Development", ["saas"], "51-200"),
    ("Cobaltine Systems", "Software Development", [], "501-1000"),
    ("Larkspire Software", "Software Development", ["saas"], "11-50"),
    ("Wrenfield Labs", "Software Development", ["saas"], "2-10"),
    ("Harborlight Payments", "Financial Services", ["fintech"], "201-500"),
    ("Ledgermoss", "Financial Services", ["saas", "fintech"], "51-200"),
    ("Tillbrook Finance", "Financial Services", ["fintech"], "501-1000"),
    ("Quayside Ledger", "Financial Services", ["saas", "fintech"], "11-50"),
    ("Brasswick Pay", "Financial Services", ["fintech"], "51-200"),
    ("Fennmoor Lending", "Financial Services", ["fintech"], "201-500"),
    ("Ironpetal Treasury", "Financial Services", ["saas", "fintech"], "11-50"),
    ("Silverbarrow Banking Software", "Financial Services", ["saas", "fintech"], "1001-5000"),
    ("Mintgrove Accounting", "Financial Services", ["saas", "fintech"], "51-200"),
    ("Oxbend Payments", "Financial Services", ["fintech"], "2-10"),
    ("Hearthguard Insurance Tech", "Insurance", ["fintech"], "201-500"),
    ("Tesserine Health", "Hospital & Health Care", ["healthtech"], "51-200"),
    ("Caremoor Digital", "Hospital & Health Care", ["saas", "healthtech"], "11-50"),
    ("Vitalquill", "Hospital & Health Care", ["healthtech"], "2-10"),
    ("Heronmark Medical", "Hospital & Health Care", ["healthtech"], "1001-5000"),
    ("Pulsewyn Health", "Hospital & Health Care", ["saas", "healthtech"], "51-200"),
    ("Mendlark Diagnostics", "Hospital & Health Care", ["healthtech"], "201-500"),
    ("Bramblecare", "Hospital & Health Care", ["healthtech"], "11-50"),
    ("Northquay Consulting", "IT Services and IT Consulting", [], "201-500"),
    ("Gridholm IT Services", "IT Services and IT Consulting", [], "501-1000"),
    ("Corvish Solutions", "IT Services and IT Consulting", [], "51-200"),
    ("Steepleford Systems", "IT Services and IT Consulting", [], "1001-5000"),
    ("Kettleby Digital", "IT Services and IT Consulting", [], "11-50"),
    ("Lanternmoss Marketing", "Marketing Services", [], "11-50"),
    ("Peppercairn Media", "Marketing Services", [], "51-200"),
    ("Bluequill Growth Studio", "Marketing Services", [], "2-10"),
    ("Wildhollow Creative", "Advertising Services", [], "11-50"),
    ("Echobarrow Agency", "Advertising Services", [], "51-200"),
    ("Ravenholt Security", "Computer and Network Security", ["saas"], "201-500"),
    ("Keystrand Cyber", "Computer and Network Security", [], "51-200"),
    ("Talentmere", "Staffing and Recruiting", [], "51-200"),
    ("Hireloft Partners", "Staffing and Recruiting", [], "11-50"),
    ("Marlow, Pike & Reyes", "Business Consulting and Services", [], "51-200"),
    ("Thistledown Advisory", "Business Consulting and Services", [], "11-50"),
    ("Slateberry Learning", "E-Learning Providers", ["saas"], "51-200"),
    ("Owlcrest Academy Online", "E-Learning Providers", [], "11-50"),
    ("Cargowren Logistics", "Transportation, Logistics, Supply Chain and Storage", [], "501-1000"),
]
# Everyone at these companies is tagged `customer`, so campaigns can show exclusion (and the check-in campaign).
CUSTOMERS = {"Quillfern Labs", "Northquay Consulting"}
SIZE_WEIGHT = {"2-10": 1, "11-50": 2, "51-200": 3, "201-500": 3, "501-1000": 4, "1001-5000": 4}

EUROPE, NORTH_AMERICA, APAC = "europe", "north-america", "apac"

# Country: LinkedIn subdomain, region tag (None outside the three regions), weight, locations, given and family names.
COUNTRIES = {
    "us": ("", NORTH_AMERICA, 52,
           ["Austin, Texas, United States", "San Francisco, California, United States",
            "New York, New York, United States", "Boston, Massachusetts, United States",
            "Seattle, Washington, United States", "Chicago, Illinois, United States",
            "Denver, Colorado, United States", "Atlanta, Georgia, United States", "Miami, Florida, United States",
            "Raleigh, North Carolina, United States"],
           ["Emily", "Michael", "Sarah", "David", "Jessica", "Ryan", "Ashley", "Brandon", "Megan", "Tyler", "Lauren",
            "Marcus", "Jasmine", "Kevin", "Rachel", "Derek", "Monica", "Trevor", "Alicia", "Jordan", "Brianna",
            "Caleb", "Andre", "Whitney"],
           ["Johnson", "Miller", "Davis", "Anderson", "Thompson", "Ramirez", "Walker", "Brooks", "Hughes",
            "Patterson", "Coleman", "Jenkins", "Foster", "Bennett", "Reyes", "Sullivan", "Carter", "Hayes",
            "Fletcher", "Washington", "Kowalczyk", "Nguyen"]),
    "ca": ("ca", NORTH_AMERICA, 9,
           ["Toronto, Ontario, Canada", "Vancouver, British Columbia, Canada", "Montreal, Quebec, Canada"],
           ["Liam", "Chloé", "Mathieu", "Olivia", "Ethan", "Geneviève", "Noah", "Amélie"],
           ["Tremblay", "Gagnon", "Roy", "MacDonald", "Campbell", "Bouchard", "Leblanc", "Fraser"]),
    "uk": ("uk", EUROPE, 22,
           ["London, United Kingdom", "Manchester, United Kingdom", "Edinburgh, United Kingdom",
            "Bristol, United Kingdom", "Leeds, United Kingdom"],
           ["Oliver", "Charlotte", "Harry", "Amelia", "George", "Imogen", "Jack", "Hannah", "Callum", "Eleanor",
            "Rhys", "Freya"],
           ["Smith", "Taylor", "Wright", "Evans", "Roberts", "Edwards", "Clarke", "Turner", "Hall", "Palmer",
            "Ashworth", "Okoye"]),
    "ie": ("ie", EUROPE, 5, ["Dublin, Ireland", "Cork, Ireland"],
           ["Siobhán", "Cian", "Aoife", "Conor", "Niamh", "Eoin"],
           ["O'Brien", "Murphy", "Kelly", "Byrne", "O'Sullivan", "Walsh", "McCarthy"]),
    "fr": ("fr", EUROPE, 16,
           ["Paris, France", "Lyon, France", "Bordeaux, France", "Nantes, France", "Lille, France",
            "Toulouse, France"],
           ["Camille", "Julien", "Mathilde", "Théo", "Hélène", "Antoine", "Léa", "Jean-Luc", "Anne-Sophie", "Benoît",
            "Céline", "Renée"],
           ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Fontaine", "Mercier",
            "Chevalier", "Lambert"]),
    "de": ("de", EUROPE, 16,
           ["Berlin, Germany", "Munich, Germany", "Hamburg, Germany", "Cologne, Germany", "Frankfurt, Germany"],
           ["Lukas", "Jana", "Felix", "Katharina", "Jürgen", "Lena", "Maximilian", "Anke", "Tobias", "Jörg"],
           ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Krüger",
            "Wagner"]),
    "ch": ("ch", EUROPE, 4, ["Zurich, Switzerland", "Geneva, Switzerland"],
           ["Luca", "Nina", "Matthias", "Céline", "Reto", "Andrea"],
           ["Meier", "Keller", "Brunner", "Baumann", "Gerber", "Favre"]),
    "es": ("es", EUROPE, 8, ["Madrid, Spain", "Barcelona, Spain", "Valencia, Spain", "Seville, Spain"],
           ["José", "Lucía", "Javier", "Carmen", "Álvaro", "Marta", "Sergio", "Inés", "Pablo", "Nuria"],
           ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Ortega", "Ruiz"]),
    "it": ("it", EUROPE, 6, ["Milan, Italy", "Rome, Italy", "Turin, Italy", "Bologna, Italy"],
           ["Giulia", "Matteo", "Francesca", "Alessandro", "Chiara", "Davide", "Niccolò"],
           ["Rossi", "Russo", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "De Luca"]),
    "pt": ("pt", EUROPE, 4, ["Lisbon, Portugal", "Porto, Portugal"],
           ["João", "Inês", "Tiago", "Beatriz", "Gonçalo"],
           ["Silva", "Santos", "Ferreira", "Pereira", "Costa", "Gonçalves"]),
    "nl": ("nl", EUROPE, 8, ["Amsterdam, Netherlands", "Rotterdam, Netherlands", "Utrecht, Netherlands"],
           ["Daan", "Sanne", "Bram", "Femke", "Joris", "Zoë", "Lotte"],
           ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "van der Meer"]),
    "be": ("be", EUROPE, 3, ["Brussels, Belgium", "Antwerp, Belgium", "Ghent, Belgium"],
           ["Wout", "Elise", "Pieter", "Margaux"],
           ["Peeters", "Janssens", "Maes", "Claes", "Dubois"]),
    "dk": ("dk", EUROPE, 4, ["Copenhagen, Denmark", "Aarhus, Denmark"],
           ["Søren", "Mette", "Rasmus", "Freja", "Mads"],
           ["Jensen", "Nielsen", "Østergaard", "Sørensen", "Kristensen", "Mikkelsen"]),
    "se": ("se", EUROPE, 5, ["Stockholm, Sweden", "Gothenburg, Sweden", "Malmö, Sweden"],
           ["Erik", "Astrid", "Oskar", "Linnéa", "Johan", "Maja"],
           ["Andersson", "Lindqvist", "Johansson", "Bergström", "Nyström", "Åberg"]),
    "no": ("no", EUROPE, 3, ["Oslo, Norway", "Bergen, Norway"],
           ["Håkon", "Ingrid", "Sindre", "Kari"],
           ["Hansen", "Haugen", "Solberg", "Berg", "Dahl"]),
    "fi": ("fi", EUROPE, 3, ["Helsinki, Finland", "Tampere, Finland"],
           ["Aino", "Mikko", "Eveliina", "Juha"],
           ["Korhonen", "Virtanen", "Mäkinen", "Nieminen"]),
    "pl": ("pl", EUROPE, 5, ["Warsaw, Poland", "Kraków, Poland", "Wrocław, Poland", "Gdańsk, Poland"],
           ["Łukasz", "Agnieszka", "Paweł", "Katarzyna", "Michał", "Małgorzata", "Tomasz"],
           ["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Zając", "Wieczorek"]),
    "ee": ("ee", EUROPE, 2, ["Tallinn, Estonia"],
           ["Kristjan", "Liis", "Mart", "Kadri"],
           ["Tamm", "Saar", "Sepp", "Mägi"]),
    "ro": ("ro", EUROPE, 3, ["Bucharest, Romania", "Cluj-Napoca, Romania"],
           ["Andrei", "Ioana", "Mihai", "Elena"],
           ["Popescu", "Ionescu", "Stoica", "Dumitru"]),
    "in": ("in", APAC, 22,
           ["Bangalore, India", "Mumbai, India", "Pune, India", "Hyderabad, India", "New Delhi, India",
            "Chennai, India", "Kolkata, India"],
           ["Priya", "Rahul", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya", "Rohan", "Deepika", "Karthik", "Neha",
            "Aditya", "Meera", "Siddharth"],
           ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Menon", "Rao", "Kulkarni", "D'Souza", "Banerjee",
            "Chatterjee", "Krishnan"]),
    "sg": ("sg", APAC, 6, ["Singapore, Singapore"],
           ["Wei Ling", "Jun Jie", "Hui Min", "Darren", "Priyanka"],
           ["Tan", "Lim", "Ng", "Goh", "Teo"]),
    "jp": ("jp", APAC, 6, ["Tokyo, Japan", "Osaka, Japan", "Fukuoka, Japan"],
           ["Haruto", "Yui", "Takeshi", "Aiko", "Kenji", "Sakura"],
           ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Yamamoto"]),
    "cn": ("cn", APAC, 4, ["Shanghai, China", "Shenzhen, China", "Beijing, China"], [], []),
    "kr": ("kr", APAC, 3, ["Seoul, South Korea"], ["Minseo", "Hyun-woo", "Jiyeon"], ["Choi", "Jung", "Kang"]),
    "au": ("au", APAC, 8,
           ["Sydney, New South Wales, Australia", "Melbourne, Victoria, Australia",
            "Brisbane, Queensland, Australia"],
           ["Lachlan", "Matilda", "Hamish", "Isla", "Cooper", "Georgia"],
           ["Wilson", "Nguyen", "Kelly", "Mitchell", "Ryan", "Campbell"]),
    "nz": ("nz", APAC, 2, ["Auckland, New Zealand", "Wellington, New Zealand"],
           ["Tama", "Aroha", "Finn", "Mereana"],
           ["Ngata", "Walker", "Thompson", "Harris"]),
    "vn": ("vn", APAC, 3, ["Ho Chi Minh City, Vietnam", "Hanoi, Vietnam"],
           ["Minh", "Lan", "Tuấn", "Thảo"],
           ["Nguyễn", "Trần", "Lê", "Phạm"]),
    "id": ("id", APAC, 3, ["Jakarta, Indonesia"],
           ["Putri", "Budi", "Ayu", "Rizky"],
           ["Santoso", "Wijaya", "Pratama", "Halim"]),
    "ph": ("ph", APAC, 3, ["Manila, Philippines", "Cebu City, Philippines"],
           ["Joshua", "Andrea", "Paolo", "Kristine"],
           ["Santos", "Reyes", "dela Cruz", "Bautista", "Villanueva"]),
    "br": ("br", None, 6, ["São Paulo, Brazil", "Rio de Janeiro, Brazil", "Florianópolis, Brazil"],
           ["Thiago", "Fernanda", "Rafael", "Camila", "Gustavo", "Luíza"],
           ["Oliveira", "Souza", "Lima", "Carvalho", "Almeida", "Rocha"]),
    "ar": ("ar", None, 3, ["Buenos Aires, Argentina"],
           ["Martín", "Sofía", "Facundo", "Valentina"],
           ["González", "Rodríguez", "Fernández", "Pérez"]),
    "co": ("co", None, 3, ["Bogotá, Colombia", "Medellín, Colombia"],
           ["Andrés", "Daniela", "Santiago", "Catalina"],
           ["Gómez", "Restrepo", "Vargas", "Castillo"]),
    "ng": ("ng", None, 4, ["Lagos, Nigeria", "Abuja, Nigeria"],
           ["Chinedu", "Adaeze", "Oluwaseun", "Ngozi", "Tunde"],
           ["Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu"]),
    "ke": ("ke", None, 3, ["Nairobi, Kenya"],
           ["Wanjiru", "Otieno", "Achieng", "Kamau"],
           ["Mwangi", "Odhiambo", "Njoroge", "Kiprono"]),
    "za": ("za", None, 4, ["Cape Town, South Africa", "Johannesburg, South Africa"],
           ["Thabo", "Lerato", "Pieter", "Anika", "Sipho"],
           ["Nkosi", "van der Westhuizen", "Botha", "Dlamini", "Naidoo"]),
    "ae": ("ae", None, 4, ["Dubai, United Arab Emirates", "Abu Dhabi, United Arab Emirates"],
           ["Omar", "Layla", "Khalid", "Fatima", "Yousef"],
           ["Al Mansouri", "Haddad", "Khoury", "Al Hashimi", "Nasser"]),
    "il": ("il", None, 4, ["Tel Aviv, Israel"],
           ["Noa", "Itai", "Yael", "Eitan"],
           ["Cohen", "Levi", "Mizrahi", "Friedman"]),
    "eg": ("eg", None, 2, ["Cairo, Egypt"],
           ["Ahmed", "Nour", "Youssef", "Mariam"],
           ["Hassan", "Mahmoud", "Farouk", "Saleh"]),
}

# Where people from anywhere live and work.
HUBS = {"us", "ca", "uk", "ie", "de", "nl", "ch", "sg", "au", "ae"}

# Names written in CJK script, with the romanization used for e-mail addresses: (given, family), (given, family).
CJK_NAMES = {
    "cn": ([("伟", "wei"), ("静", "jing"), ("磊", "lei"), ("芳", "fang"), ("浩然", "haoran"), ("婷", "ting")],
           [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang")]),
    "jp": ([("翔太", "shota"), ("美咲", "misaki"), ("大輔", "daisuke")],
           [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi")]),
    "kr": ([("지훈", "jihoon"), ("서연", "seoyeon"), ("민준", "minjun")],
           [("김", "kim"), ("이", "lee"), ("박", "park")]),
}
CJK_SHARE = {"cn": 1.0, "jp": 0.3, "kr": 0.5}

# Titles: title, weight, region it only makes sense in (None: anywhere), the seats it takes at its company. A company
# has at most SEATS[seat] people in a seat (one CEO, up to three founders...); a title without seats has no limit.
TITLES = [
    ("Founder", 6, None, ["founder"]), ("Co-Founder", 6, None, ["founder"]),
    ("Founder & CEO", 8, None, ["founder", "ceo"]), ("Co-Founder & CEO", 8, None, ["founder", "ceo"]),
    ("Founder, CEO", 4, None, ["founder", "ceo"]), ("CEO & Co-Founder", 3, None, ["founder", "ceo"]),
    ("CEO", 6, None, ["ceo"]), ("Chief Executive Officer", 3, None, ["ceo"]),
    ("Co-Founder & CTO", 4, None, ["founder", "cto"]), ("Co-Founder & CMO", 2, None, ["founder", "cmo"]),
    ("Founder and Managing Director", 2, None, ["founder", "ceo"]),
    ("CTO", 4, None, ["cto"]), ("Chief Technology Officer", 2, None, ["cto"]), ("VP Engineering", 3, None, ["vp-eng"]),
    ("VP Sales", 8, None, ["vp-sales"]), ("VP of Sales", 6, None, ["vp-sales"]),
    ("Vice President, Sales", 4, None, ["vp-sales"]), ("SVP Sales", 2, None, ["vp-sales"]),
    ("VP Sales, EMEA", 3, EUROPE, ["vp-sales"]), ("VP of Sales, North America", 3, NORTH_AMERICA, ["vp-sales"]),
    ("VP Sales, APAC", 3, APAC, ["vp-sales"]),
    ("Sales Director", 6, None, []), ("Head of Sales", 6, None, ["head-sales"]), ("Director of Sales", 3, None, []),
    ("Head of Sales, Europe", 2, EUROPE, ["head-sales"]), ("Regional Sales Director, APAC", 2, APAC, []),
    ("Chief Revenue Officer", 3, None, ["cro"]), ("Account Executive", 4, None, []), ("Sales Manager", 4, None, []),
    ("Business Development Manager", 4, None, []), ("Director of Business Development", 2, None, []),
    ("Head of Growth", 6, None, ["head-growth"]), ("Marketing Manager", 6, None, []), ("CMO", 3, None, ["cmo"]),
    ("Chief Marketing Officer", 2, None, ["cmo"]), ("VP Marketing", 4, None, ["vp-marketing"]),
    ("Head of Marketing", 5, None, ["vp-marketing"]), ("Growth Marketing Manager", 3, None, []),
    ("Demand Generation Lead", 2, None, []), ("Director, Product Marketing", 2, None, []),
    ("Content Marketing Manager", 2, None, []),
    ("COO", 3, None, ["coo"]), ("Chief Operating Officer", 1, None, ["coo"]),
    ("Head of Partnerships", 3, None, ["head-partnerships"]), ("Head of Customer Success", 3, None, ["head-cs"]),
    ("Head of Revenue Operations", 2, None, ["head-revops"]), ("Product Manager", 3, None, []),
    ("Chief Product Officer", 2, None, ["cpo"]), ("Head of Operations", 2, None, ["coo"]),
]
SEATS = {"founder": 3, "vp-sales": 2}  # any other seat: one per company
TITLE_SEATS = {t[0]: t[3] for t in TITLES}

TRACKING_QUERIES = ["trk=public_profile_browsemap", "trk=people-guest_people_search-card", "trk=org-employees",
                    "trk=public_profile_samename-profile", "trk=public_post_feed-actor-name"]

# People pinned into the sample so that each shape an importer must handle is there whatever the seed draws:
# given, family, romanized given, romanized family, country, location, title, company, slug style.
PINNED = [
    ("José", "García", None, None, "es", "Madrid, Spain", "Co-Founder & CEO", "Brightwater Analytics", "utf8"),
    ("Zoë", "van den Berg", None, None, "nl", "Amsterdam, Netherlands", "Head of Growth", "Ledgermoss", "utf8"),
    ("Łukasz", "Nowak", None, None, "pl", "Warsaw, Poland", "VP Sales, EMEA", "Orbitlane Cloud", "utf8"),
    ("Søren", "Østergaard", None, None, "dk", "Copenhagen, Denmark", "Founder", "Pulsewyn Health", "utf8"),
    ("Renée", "Lefèvre", None, None, "fr", "Lyon, France", "Marketing Manager", "Peppercairn Media", "ascii"),
    ("Siobhán", "O'Brien", None, None, "ie", "Dublin, Ireland", "VP of Sales", "Fernwick Software", "ascii"),
    ("伟", "王", "wei", "wang", "cn", "Shanghai, China", "Founder & CEO", "Kestrelvane", "utf8"),
    ("美咲", "佐藤", "misaki", "sato", "jp", "Tokyo, Japan", "Head of Marketing", "Halcyra", "ascii"),
    ("지훈", "김", "jihoon", "kim", "kr", "Seoul, South Korea", "VP Sales, APAC", "Marrowgate Cloud", "ascii"),
    ("Chukwuemeka", "Adebayo-Okonkwo", None, None, "ng", "Lagos, Nigeria", "Co-Founder & CEO",
     "Silverbarrow Banking Software", "ascii"),
    ("Maria Fernanda", "Albuquerque dos Santos", None, None, "br", "São Paulo, Brazil", "Founder, CEO",
     "Hearthguard Insurance Tech", "ascii"),
    ("Anne-Sophie", "Lefèvre-Chevalier", None, None, "fr", "Paris, France", "Founder", "Quillfern Labs", "utf8"),
    ("Conor", "O'Sullivan", None, None, "ie", "Cork, Ireland", "Head of Sales", "Harborlight Payments", "ascii"),
]

Person = namedtuple("Person", "given family roman_given roman_family country")

FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d",
                      "Đ": "D"})


def ascii_fold(text):
    """Latin text without diacritics: 'Łukasz Søren' -> 'Lukasz Soren'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_parts(text):
    """The words of a name for a slug or an address: apostrophes dropped, spaces and hyphens split."""
    return [part for part in re.split(r"[\s\-]+", text.replace("'", "")) if part]


def region_tag(country):
    return COUNTRIES[country][1]


def title_tags(title):
    tags = set()
    if "Founder" in title or re.search(r"\bCEO\b|Chief Executive", title):
        tags.add("founders")
    if re.search(r"\b(VP|SVP|Vice President)\b", title) and "Sales" in title:
        tags.add("vp-sales")
    if re.search(r"Marketing|Growth|\bCMO\b|Demand Generation", title):
        tags.add("marketing")
    return tags


def company_domain(company):
    return "-".join(word_parts(re.sub(r"[^\w\s\-]", " ", ascii_fold(company)).lower())) + ".example"


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.slugs = set()
        self.emails = set()
        self.seats_taken = {}  # (company, seat) -> people in it
        self.names = {(p[0], p[1]) for p in PINNED}

    def hex_suffix(self):
        length = self.rng.choice([6, 7, 8, 8, 8])
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(length))

    def slug(self, person, style):
        while True:
            suffix = self.hex_suffix()
            if style == "utf8":
                words = ["example"] + word_parts(f"{person.given} {person.family}".lower())
                slug = quote("-".join(words + [suffix]), safe="-")
            else:
                words = ["example"] + word_parts(ascii_fold(f"{person.roman_given} {person.roman_family}"))
                words = [w[:1].upper() + w[1:] if style == "mixed" else w.lower() for w in words]
                joined = "-".join(words) if self.rng.random() < 0.9 else "".join(words)
                slug = f"{joined}-{suffix}"
            key = unquote(slug).lower()
            if key not in self.slugs:
                self.slugs.add(key)
                return slug

    def slug_style(self, person):
        if not (person.given + person.family).isascii() and self.rng.random() < 0.5:
            return "utf8"
        return "mixed" if self.rng.random() < 0.06 else "ascii"

    def profile_url(self, slug, country):
        subdomain = COUNTRIES[country][0]
        roll = self.rng.random()
        if roll < 0.56:
            return f"https://www.linkedin.com/in/{slug}/"
        if roll < 0.68:
            return f"http://linkedin.com/in/{slug}"
        if roll < 0.78 and subdomain:
            return f"https://{subdomain}.linkedin.com/in/{slug}"
        if roll < 0.88:
            return f"https://www.linkedin.com/in/{slug}?{self.rng.choice(TRACKING_QUERIES)}"
        if roll < 0.93 and subdomain:
            return f"https://www.linkedin.com/in/{slug}/?originalSubdomain={subdomain}"
        if roll < 0.97:
            return f"https://linkedin.com/in/{slug}/"
        return f"https://www.linkedin.com/in/{slug}"

    def email(self, person, company):
        given_words = word_parts(ascii_fold(person.roman_given).lower())
        family = "".join(word_parts(ascii_fold(person.roman_family).lower()))
        given, given_dotted = "".join(given_words), "-".join(given_words)
        roll = self.rng.random()
        if company and roll < 0.25:
            local, domain = given_dotted, company_domain(company)
        elif company and roll < 0.40:
            local, domain = f"{given_dotted}.{family}", company_domain(company)
        elif roll < 0.70:
            local, domain = f"{given_dotted}.{family}", "example.com"
        elif roll < 0.82:
            local, domain = f"{given[0]}.{family}", "example.org"
        elif roll < 0.94:
            local, domain = f"{given}{family}", "example.net"
        else:
            local, domain = f"{given}_{family}", "example.com"
        address, n = f"{local}@{domain}", 1
        while address in self.emails:
            n += 1
            address = f"{local}{n}@{domain}"
        self.emails.add(address)
        return address

    def pick_country(self):
        keys = list(COUNTRIES)
        return self.rng.choices(keys, weights=[COUNTRIES[k][2] for k in keys])[0]

    def pick_person(self, country):
        """Mostly local names, in CJK script for some East Asian rows, and people from anywhere in the hubs."""
        while True:
            if country in CJK_NAMES and self.rng.random() < CJK_SHARE[country]:
                given, roman_given = self.rng.choice(CJK_NAMES[country][0])
                family, roman_family = self.rng.choice(CJK_NAMES[country][1])
                person = Person(given, family, roman_given, roman_family, country)
            else:
                origin = country
                if country in HUBS and self.rng.random() < 0.2:
                    origin = self.rng.choice([k for k in COUNTRIES if COUNTRIES[k][4]])
                given = self.rng.choice(COUNTRIES[origin][4])
                family = self.rng.choice(COUNTRIES[origin][5])
                person = Person(given, family, given, family, country)
            if (person.given, person.family) not in self.names:  # no namesakes: they would read as duplicates
                self.names.add((person.given, person.family))
                return person

    def has_seat(self, company, title):
        return all(self.seats_taken.get((company, seat), 0) < SEATS.get(seat, 1) for seat in TITLE_SEATS[title])

    def take_seat(self, company, title):
        for seat in TITLE_SEATS[title]:
            self.seats_taken[(company, seat)] = self.seats_taken.get((company, seat), 0) + 1

    def pick_title_and_company(self, region):
        titles = [t for t in TITLES if t[2] in (None, region)]
        while True:
            title = self.rng.choices(titles, weights=[t[1] for t in titles])[0][0]
            companies = [c for c in COMPANIES if self.has_seat(c[0], title)]
            if companies:
                company = self.rng.choices(companies, weights=[SIZE_WEIGHT[c[3]] for c in companies])[0]
                self.take_seat(company[0], title)
                return title, company

    def row(self, person, location, title, company, style):
        name, industry, sector_tags, size = company
        tags = title_tags(title) | set(sector_tags)
        if region_tag(person.country):
            tags.add(region_tag(person.country))
        if name in CUSTOMERS:
            tags.add("customer")
        return {
            "first_name": person.given,
            "last_name": person.family,
            "linkedin_url": self.profile_url(self.slug(person, style), person.country),
            "email": self.email(person, name),
            "company": name,
            "title": title,
            "location": location,
            "industry": industry,
            "tags": ";".join(t for t in TAG_ORDER if t in tags),
            "employees": size,
            "city": location.split(",")[0],
            "_person": person,
        }

    def rows(self):
        companies = {c[0]: c for c in COMPANIES}
        rows = []
        for given, family, roman_given, roman_family, country, location, title, company, style in PINNED:
            person = Person(given, family, roman_given or given, roman_family or family, country)
            self.take_seat(company, title)
            rows.append(self.row(person, location, title, companies[company], style))
        while len(rows) < ROW_COUNT:
            country = self.pick_country()
            location = self.rng.choice(COUNTRIES[country][3])
            person = self.pick_person(country)
            title, company = self.pick_title_and_company(region_tag(country))
            rows.append(self.row(person, location, title, company, self.slug_style(person)))
        self.rng.shuffle(rows)
        self.remove_companies(rows)
        for row in self.rng.sample(rows, ROW_COUNT // 20):
            row["email"] = ""
        return rows

    def remove_companies(self, rows):
        """Two rows have no company: a founder in stealth mode and a freelancer."""
        founders = [r for r in rows if r["title"] in ("Founder", "Co-Founder") and "customer" not in r["tags"]]
        marketers = [r for r in rows if r["title"] in ("Growth Marketing Manager", "Marketing Manager")
                     and "customer" not in r["tags"] and not r["email"].endswith(".example")]
        stealth, freelancer = self.rng.choice(founders), self.rng.choice(marketers)
        freelancer.update(title="Freelance Growth Marketing Consultant", industry="Marketing Services")
        stealth["industry"] = "Software Development"
        for row in (stealth, freelancer):
            row.update(company="", employees="")
            row["tags"] = ";".join(t for t in row["tags"].split(";") if t not in ("saas", "fintech", "healthtech"))
            if row["email"].endswith(".example"):
                self.emails.discard(row["email"])
                row["email"] = self.email(row["_person"], "")


def main():
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    writer = csv.DictWriter(sys.stdout, fieldnames=HEADER, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(Generator(SEED).rows())


if __name__ == "__main__":
    main()
