#!/usr/bin/env python3
"""Writes ROWS fictional prospects as CSV on standard output, for the import benchmark.

    /usr/bin/python3 bench/make-prospects.py 1000000 > bench/data/prospects-1000000.csv

The header is the one of examples/prospects.csv:

    first_name,last_name,linkedin_url,email,company,title,location,industry,tags,employees,city

`employees` and `city` are not standard columns, so the importer keeps them as custom fields. Every row has a distinct
profile URL https://www.linkedin.com/in/<slug>/, two tags separated by ';', a location with a comma (so a quoted
field), accented names in some rows, and no e-mail address in some. A million rows make about 200 MB (190 MiB).

Deterministic (fixed seed, standard library only): the same ROWS always give the same bytes. The rows are written as
they are drawn, so memory stays constant whatever ROWS is. Every person and company is invented; e-mail addresses use
the reserved .example top-level domain (RFC 2606).
"""

import csv
import random
import sys
import unicodedata

SEED = 20241126
HEADER = ["first_name", "last_name", "linkedin_url", "email", "company", "title", "location", "industry", "tags",
          "employees", "city"]

GIVEN_NAMES = [
    "Emily", "Michael", "Sarah", "David", "Jessica", "Ryan", "Ashley", "Megan", "Tyler", "Lauren", "Marcus", "Kevin",
    "Rachel", "Jordan", "Caleb", "Andre", "Oliver", "Charlotte", "Harry", "Amelia", "George", "Imogen", "Hannah",
    "Callum", "Freya", "Siobhán", "Cian", "Aoife", "Niamh", "Camille", "Julien", "Mathilde", "Théo", "Hélène", "Léa",
    "Benoît", "Céline", "Lukas", "Jana", "Felix", "Jürgen", "Lena", "Tobias", "Jörg", "José", "Lucía", "Javier",
    "Álvaro", "Inés", "Giulia", "Matteo", "Chiara", "Niccolò", "João", "Gonçalo", "Daan", "Sanne", "Zoë", "Søren",
    "Mette", "Astrid", "Oskar", "Linnéa", "Håkon", "Ingrid", "Aino", "Mikko", "Łukasz", "Agnieszka", "Paweł",
    "Małgorzata", "Priya", "Rahul", "Ananya", "Vikram", "Arjun", "Kavya", "Meera", "Haruto", "Yui", "Kenji", "Minseo",
    "Lachlan", "Matilda", "Aroha", "Thiago", "Fernanda", "Luíza", "Martín", "Sofía", "Andrés", "Chinedu", "Adaeze",
    "Wanjiru", "Ahmed", "Layla", "Omar", "Yasmin",
]
FAMILY_NAMES = [
    "Johnson", "Miller", "Davis", "Anderson", "Thompson", "Ramirez", "Walker", "Brooks", "Hughes", "Coleman",
    "Bennett", "Sullivan", "Carter", "Fletcher", "Smith", "Taylor", "Wright", "Evans", "Clarke", "Turner", "Palmer",
    "O'Brien", "Murphy", "Byrne", "Walsh", "Martin", "Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Müller",
    "Schmidt", "Fischer", "Weber", "Schäfer", "Krüger", "García", "Fernández", "López", "Martínez", "Navarro", "Rossi",
    "Bianchi", "Ricci", "De Luca", "Silva", "Ferreira", "Gonçalves", "de Jong", "van den Berg", "Jansen", "Jensen",
    "Østergaard", "Lindqvist", "Bergström", "Åberg", "Haugen", "Korhonen", "Mäkinen", "Nowak", "Wójcik", "Zając",
    "Sharma", "Patel", "Iyer", "Reddy", "Nair", "D'Souza", "Banerjee", "Sato", "Tanaka", "Watanabe", "Kim", "Choi",
    "Nguyen", "Wilson", "Mitchell", "Ngata", "Oliveira", "Souza", "Rocha", "González", "Restrepo", "Okafor",
    "Adeyemi", "Mwangi", "Hassan", "Haddad", "Mansour",
]
COMPANY_STEMS = [
    "Brightwater", "Quillfern", "Lumenfold", "Kestrelvane", "Tindrel", "Orbitlane", "Pinecask", "Glimmerfield",
    "Fernwick", "Stoneharrow", "Halcyra", "Marrowgate", "Tallowbyte", "Saltmarsh", "Quarrystone", "Driftmoor",
    "Ashquill", "Nimbrook", "Cobaltine", "Larkspire", "Wrenfield", "Harborlight", "Ledgermoss", "Tillbrook",
    "Quayside", "Brasswick", "Fennmoor", "Ironpetal", "Silverbarrow", "Mintgrove", "Oxbend", "Hearthguard",
    "Tesserine", "Caremoor", "Vitalquill", "Heronmark", "Pulsewyn", "Mendlark", "Bramblecare", "Northquay",
]
COMPANY_KINDS = ["Analytics", "Labs", "Software", "Systems", "Cloud", "Data", "Payments", "Health", "Digital",
                 "Consulting", "Media", "Security", "Logistics", "Learning", "Partners", "Robotics"]
INDUSTRIES = ["Software Development", "Financial Services", "Hospital & Health Care", "IT Services and IT Consulting",
              "Marketing Services", "Computer and Network Security", "Staffing and Recruiting", "E-Learning Providers",
              "Business Consulting and Services", "Retail", "Insurance", "Telecommunications"]
SIZES = ["2-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001-10000"]
TITLES = [
    "Founder", "Co-Founder & CEO", "CEO", "CTO", "VP Sales", "VP of Sales", "Head of Sales", "Sales Director",
    "Chief Revenue Officer", "Account Executive", "Head of Growth", "Marketing Manager", "CMO", "VP Marketing",
    "Head of Marketing", "COO", "Head of Partnerships", "Head of Customer Success", "Product Manager",
    "Business Development Manager",
]
LOCATIONS = [
    ("Austin", "United States"), ("New York", "United States"), ("San Francisco", "United States"),
    ("Boston", "United States"), ("Chicago", "United States"), ("Toronto", "Canada"), ("Montréal", "Canada"),
    ("London", "United Kingdom"), ("Manchester", "United Kingdom"), ("Dublin", "Ireland"), ("Paris", "France"),
    ("Lyon", "France"), ("Berlin", "Germany"), ("Munich", "Germany"), ("Zurich", "Switzerland"), ("Madrid", "Spain"),
    ("Barcelona", "Spain"), ("Milan", "Italy"), ("Lisbon", "Portugal"), ("Amsterdam", "Netherlands"),
    ("Copenhagen", "Denmark"), ("Stockholm", "Sweden"), ("Malmö", "Sweden"), ("Oslo", "Norway"),
    ("Helsinki", "Finland"), ("Warsaw", "Poland"), ("Kraków", "Poland"), ("Bangalore", "India"), ("Mumbai", "India"),
    ("Singapore", "Singapore"), ("Tokyo", "Japan"), ("Seoul", "South Korea"), ("Sydney", "Australia"),
    ("Auckland", "New Zealand"), ("São Paulo", "Brazil"), ("Buenos Aires", "Argentina"), ("Bogotá", "Colombia"),
    ("Lagos", "Nigeria"), ("Nairobi", "Kenya"), ("Dubai", "United Arab Emirates"),
]
TAGS = ["founders", "saas", "fintech", "healthtech", "vp-sales", "marketing", "europe", "north-america", "apac",
        "customer", "webinar-2024", "trade-show", "inbound", "partner", "q3-list", "enterprise"]

EMAIL_SHARE = 0.7  # the rest of the rows have no e-mail address

FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "'": "", " ": "-"})


def ascii_fold(text):
    """A name as slug and e-mail letters: 'Søren' -> 'soren', "O'Brien" -> 'obrien', 'de Jong' -> 'de-jong'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slug_suffix(index):
    """Eight hex digits, distinct for every index below 2**32 (an odd multiplier is a bijection modulo 2**32)."""
    return format((index * 0x9E3779B1 + 0x7F4A7C15) & 0xFFFFFFFF, "08x")


def rows(count):
    rng = random.Random(SEED)
    given_names = [(name, ascii_fold(name)) for name in GIVEN_NAMES]
    family_names = [(name, ascii_fold(name)) for name in FAMILY_NAMES]
    companies = []
    for stem in COMPANY_STEMS:
        for kind in COMPANY_KINDS:
            name = f"{stem} {kind}"
            companies.append((name, ascii_fold(stem) + ".example", rng.choice(INDUSTRIES), rng.choice(SIZES)))
    locations = [(f"{city}, {country}", city) for city, country in LOCATIONS]
    for index in range(count):
        given, given_folded = rng.choice(given_names)
        family, family_folded = rng.choice(family_names)
        company, domain, industry, size = rng.choice(companies)
        location, city = rng.choice(locations)
        email = f"{given_folded}.{family_folded}@{domain}" if rng.random() < EMAIL_SHARE else ""
        yield (given, family, f"https://www.linkedin.com/in/{given_folded}-{family_folded}-{slug_suffix(index)}/",
               email, company, rng.choice(TITLES), location, industry, ";".join(rng.sample(TAGS, 2)), size, city)


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or int(sys.argv[1]) >= 2**32:
        sys.exit("usage: make-prospects.py ROWS > FILE.csv")
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(HEADER)
    try:
        writer.writerows(rows(int(sys.argv[1])))
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (make-prospects.py 1000 | head): not an error
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
