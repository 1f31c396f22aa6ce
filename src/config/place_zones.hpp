// The time zone of a prospect's location as their LinkedIn profile writes it, by the place table of
// data/places/places.tsv (made by scripts/make-places.py from tzdata, public domain), compiled in: so that a campaign
// can reach a prospect in their own working hours when nothing better tells their zone.
//
// A location is read as parts from the most specific to the broadest ("Austin, Texas, United States"), split at
// commas, semicolons, slashes, bars, parentheses and spaced dashes. Each part is folded (lower case, no accents,
// no dots or apostrophes, hyphens as spaces, "Saint" and "Sankt" as "St") and looked up as it is, then without
// LinkedIn's decorations one at a time ("Greater ", " Area", " Metropolitan Region", " und Umgebung", ...), then
// as the name before its first hyphen ("Dallas-Fort Worth"). A part may name several places: a country, a region
// (a US state, a German Land), a region's code when it follows another part ("Austin, TX"), or cities.
//
// A reading of the location picks at most one place per part, all in one country and in no two regions. Region and
// country parts must fit the reading; a city part that does not fit is left out ("Paris, Texas" is read as Texas).
// The reading that fits the most parts wins; between readings that fit the same parts, the broadest part decides
// first (a country before a region before a city, then the larger place: "Birmingham" alone is England's, not
// Alabama's). The zone is that of the reading's most specific place that has one: nothing for a country of several
// zones alone ("United States"), for a location with nothing known ("Remote"), and for parts that conflict
// ("Bavaria, France"; two readings that fit different parts and give different zones).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace campaign::config {

// The IANA zone of a place as a profile's location names it ("Berlin, Germany", "Greater Chicago Area",
// "München, Bayern, Deutschland", "São Paulo, Brazil", "Île-de-France, France", "Ireland"); nothing when the place
// is unknown or spans several zones (a location of "United States" alone, "Russia", "Remote").
std::optional<std::string> zone_of_place(std::string_view location);

// The lines of places.tsv.
std::string_view place_table();

} // namespace campaign::config
