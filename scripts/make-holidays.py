#!/usr/bin/python3
"""Writes data/holidays/holidays.tsv: the public holidays of the countries senders work in, 2026 to 2030.

Made with Debian's python3-holidays (the `holidays` package, MIT licence); run with Debian's Python:
    /usr/bin/python3 scripts/make-holidays.py > data/holidays/holidays.tsv
Each country's national holidays only: regional ones (a German Land, a Swiss canton, a US state) are left to a
sender's own `holidays.dates`; GB is England and Wales, CA is Ontario, the package's defaults. Singapore is left out:
its Muslim holidays need a Hijri calendar that Debian 12 does not package. Days a holiday is observed on instead (a US Independence Day on a Saturday is observed
on the Friday) are kept, as offices close on them. Sundays, which some calendars list as holidays, are left out.
"""
import datetime
import sys

import holidays

FIRST_YEAR = 2026
LAST_YEAR = 2030

# ISO 3166-1 alpha-2 code, the package's class for the country.
COUNTRIES = [
    ("AT", "Austria"), ("AU", "Australia"), ("BE", "Belgium"), ("BR", "Brazil"), ("CA", "Canada"),
    ("CH", "Switzerland"), ("CZ", "Czechia"), ("DE", "Germany"), ("DK", "Denmark"), ("ES", "Spain"),
    ("FI", "Finland"), ("FR", "France"), ("GB", "England"), ("IE", "Ireland"), ("IN", "India"),
    ("IT", "Italy"), ("MX", "Mexico"), ("NL", "Netherlands"), ("NO", "Norway"), ("NZ", "NewZealand"),
    ("PL", "Poland"), ("PT", "Portugal"), ("SE", "Sweden"), ("US", "UnitedStates"), ("ZA", "SouthAfrica"),
]

# What changed since the package's release (2020), by law.
DROPPED = {
    ("DK", "Store bededag"),  # abolished from 2024 (the Danish law of 28 February 2023)
}


def juneteenth(year):
    """US: Juneteenth National Independence Day, a federal holiday since 2021, observed as the others are."""
    day = datetime.date(year, 6, 19)
    yield day, "Juneteenth National Independence Day"
    if day.weekday() == 5:
        yield day - datetime.timedelta(days=1), "Juneteenth National Independence Day (Observed)"
    elif day.weekday() == 6:
        yield day + datetime.timedelta(days=1), "Juneteenth National Independence Day (Observed)"


def days_of(code, name):
    kind = getattr(holidays, name)
    options = {"years": range(FIRST_YEAR, LAST_YEAR + 1)}
    if code in ("NO", "SE"):
        options["include_sundays"] = False
    days = dict(kind(**options).items())
    if code == "US":
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            days.update(juneteenth(year))
    for day, label in sorted(days.items()):
        label = " ".join(label.split())
        if (code, label) not in DROPPED:
            yield day, label


def main():
    out = sys.stdout
    out.write(f"# Made by scripts/make-holidays.py with python3-holidays {holidays.__version__} (MIT licence), "
              f"{FIRST_YEAR} to {LAST_YEAR}; do not edit.\n")
    out.write("# country (ISO 3166-1), date, name as the package gives it\n")
    for code, name in COUNTRIES:
        for day, label in days_of(code, name):
            assert FIRST_YEAR <= day.year <= LAST_YEAR
            out.write(f"{code}\t{day.isoformat()}\t{label}\n")


if __name__ == "__main__":
    main()
