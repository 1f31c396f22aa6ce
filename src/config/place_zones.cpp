#include "config/place_zones.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/tsv.hpp"
#include "core/text.hpp"
#include "triage/text.hpp"

namespace campaign::config {

namespace {

enum class Kind { country, region, code, city };

struct Place {
    Kind kind = Kind::city;
    std::string country; // ISO 3166-1
    std::string region;  // ISO 3166-2, without the country; empty for a country and for a city of any region
    std::string zone;    // empty for a country of several zones
    int size = 0;        // thousands of people, to choose between places of one name
};

using Index = std::unordered_map<std::string, std::vector<Place>>;

// Letters that Unicode does not split into a plain letter and an accent, dashes, and the ʻokina of Hawaiʻi.
constexpr std::pair<std::string_view, std::string_view> k_plain_letters[] = {
    {"ł", "l"}, {"ø", "o"}, {"đ", "d"}, {"ı", "i"}, {"ð", "d"}, {"þ", "th"},
    {"ħ", "h"}, {"ʻ", ""},  {"‐", " "}, {"–", " "}, {"—", " "}};

// What LinkedIn and people write around a place's name, folded as keys are; the longer of two that overlap first.
constexpr std::string_view k_prefixes[] = {
    "greater ",
    "grand ",
    "grande ",
    "gran ",
    "metro ",
    "metropolitan area of ",
    "area metropolitana de ",
    "area metropolitana di ",
    "area metropolitana do ",
    "regiao metropolitana de ",
    "regiao metropolitana do ",
    "region metropolitana de ",
    "zona metropolitana de ",
    "metropolregion ",
    "grossraum ",
    "region de ",
    "region of ",
    "region ",
    "regiao de ",
    "provincia de ",
    "provincia di ",
    "province of ",
    "province de ",
    "county ",
    "city of ",
    "ciudad de ",
    "ville de ",
    "comunidad de ",
    "canton of ",
    "canton de ",
    "kanton ",
    "estado de ",
    "estado do ",
    "state of ",
    "departement de ",
    "departamento de ",
    "distrito de ",
    "municipio de ",
    "stadt ",
    "landkreis ",
    "kreis ",
    "city and county of ",
};
constexpr std::string_view k_suffixes[] = {
    " metropolitan area",
    " metropolitan region",
    " metropolitan",
    " metro area",
    " metroplex",
    " metro",
    " area",
    " region",
    " und umgebung",
    " e regione",
    " e dintorni",
    " et peripherie",
    " y alrededores",
    " e regiao",
    " e arredores",
    " en omgeving",
    " och omnejd",
    " og omegn",
    " i okolice",
    " a okoli",
    " es kornyeke",
    " county",
    " province",
    " state",
    " voivodeship",
    " oblast",
    " prefecture",
};

// A name as the index keys it: folded, without dots and apostrophes, hyphens as spaces, one space between words,
// "Saint" and "Sankt" as "St" ("St. Gallen" is "Sankt Gallen").
std::string key_of_folded(std::string_view folded) {
    std::string spaced;
    for (std::size_t at = 0; at < folded.size();) {
        auto plain = std::find_if(std::begin(k_plain_letters), std::end(k_plain_letters),
                                  [&](const auto& letter) { return folded.substr(at).starts_with(letter.first); });
        if (plain != std::end(k_plain_letters)) {
            spaced += plain->second;
            at += plain->first.size();
            continue;
        }
        char c = folded[at++];
        if (c == '-' || c == '_' || c == '\t') {
            spaced += ' ';
        } else if (c == '&') {
            spaced += " and ";
        } else if (c != '.' && c != '\'' && c != '"') {
            spaced += c;
        }
    }
    std::string key;
    for (const auto& word : core::split_list(spaced, " ")) {
        key += key.empty() ? "" : " ";
        key += word == "saint" || word == "sankt" ? "st" : word;
    }
    return key;
}

// Drops one decoration from the key; false when it has none.
bool strip_decoration(std::string& key) {
    for (auto prefix : k_prefixes) {
        if (key.size() > prefix.size() && key.starts_with(prefix)) {
            key.erase(0, prefix.size());
            return true;
        }
    }
    for (auto suffix : k_suffixes) {
        if (key.size() > suffix.size() && key.ends_with(suffix)) {
            key.erase(key.size() - suffix.size());
            return true;
        }
    }
    return false;
}

Kind kind_of(std::string_view name, std::string_view line) {
    constexpr std::array<std::pair<std::string_view, Kind>, 4> k_kinds = {
        {{"country", Kind::country}, {"region", Kind::region}, {"code", Kind::code}, {"city", Kind::city}}};
    for (auto [text, kind] : k_kinds) {
        if (name == text) {
            return kind;
        }
    }
    throw std::logic_error("places.tsv: unknown kind of place: " + std::string(line));
}

// The table is the repository's own and a test reads all of it: a line it cannot read is a build's mistake.
Index read_table() {
    Index index;
    for_each_row(place_table(), [&index](const std::vector<std::string_view>& fields, std::string_view line) {
        Place place;
        if (fields.size() != 6 ||
            std::from_chars(fields[5].data(), fields[5].data() + fields[5].size(), place.size).ec != std::errc{}) {
            throw std::logic_error("places.tsv: a line that is not NAME, KIND, COUNTRY, REGION, ZONE and SIZE: " +
                                   std::string(line));
        }
        place.kind = kind_of(fields[1], line);
        place.country = fields[2];
        place.region = fields[3];
        place.zone = fields[4];
        index[key_of_folded(triage::fold(fields[0]))].push_back(std::move(place));
    });
    return index;
}

const Index& place_index() {
    static const Index k_index = read_table();
    return k_index;
}

const std::vector<Place>* find_key(std::string key) {
    do {
        if (auto found = place_index().find(key); found != place_index().end()) {
            return &found->second;
        }
    } while (strip_decoration(key));
    return nullptr;
}

// The places a part of a location may name: its name, without decorations, or its first hyphenated word.
const std::vector<Place>* find_part(std::string_view part) {
    auto folded = triage::fold(part);
    if (const auto* places = find_key(key_of_folded(folded))) {
        return places;
    }
    auto hyphen = folded.find('-');
    return hyphen == std::string::npos || hyphen == 0 ? nullptr : find_key(key_of_folded(folded.substr(0, hyphen)));
}

// The parts of a location, the most specific first.
std::vector<std::string_view> parts_of(std::string_view location) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    auto cut = [&](std::size_t end, std::size_t length) {
        if (auto part = core::trim(location.substr(start, end - start)); !part.empty()) {
            parts.push_back(part);
        }
        start = end + length;
    };
    for (std::size_t at = 0; at < location.size(); ++at) {
        if (std::string_view(",;/|()\n").find(location[at]) != std::string_view::npos) {
            cut(at, 1);
            continue;
        }
        for (std::string_view dash : {" - ", " – ", " — "}) {
            if (location.substr(at).starts_with(dash)) {
                cut(at, dash.size());
                at += dash.size() - 1;
                break;
            }
        }
    }
    cut(location.size(), 0);
    return parts;
}

struct Part {
    std::vector<const Place*> places;
    bool may_leave_out = false; // a part that names a city may be left out of a reading it does not fit
};

std::vector<Part> read_parts(std::string_view location) {
    std::vector<Part> parts;
    for (auto text : parts_of(location)) {
        Part part;
        if (const auto* places = find_part(text)) {
            for (const auto& place : *places) {
                // A region's code ("OR", "IN", "ME") is a word of its own unless it follows a city.
                if (place.kind != Kind::code || !parts.empty()) {
                    part.places.push_back(&place);
                    part.may_leave_out = part.may_leave_out || place.kind == Kind::city;
                }
            }
        }
        parts.push_back(std::move(part));
    }
    return parts;
}

int breadth(Kind kind) {
    return kind == Kind::country ? 3 : kind == Kind::city ? 1 : 2;
}

bool outranks(const Place& place, const Place& other) {
    return std::pair{breadth(place.kind), place.size} > std::pair{breadth(other.kind), other.size};
}

struct Reading {
    std::vector<bool> fitted; // the parts the reading fits
    std::vector<int> rank;    // how many parts it fits, then the breadth and size of each, the broadest part first
    std::string_view zone;    // of its most specific place that has one
};

// The reading of the parts as places of one country and region (or of no region); nothing when a part that may
// not be left out does not fit.
std::optional<Reading> read_as(const std::vector<Part>& parts, std::string_view country, std::string_view region) {
    Reading reading;
    std::vector<const Place*> chosen;
    for (const auto& part : parts) {
        const Place* best = nullptr;
        for (const auto* place : part.places) {
            bool fits = place->country == country && (place->region.empty() || place->region == region);
            if (fits && (!best || outranks(*place, *best))) {
                best = place;
            }
        }
        if (!best && !part.places.empty() && !part.may_leave_out) {
            return std::nullopt;
        }
        chosen.push_back(best);
        reading.fitted.push_back(best != nullptr);
    }
    reading.rank.push_back(static_cast<int>(std::count(reading.fitted.begin(), reading.fitted.end(), true)));
    for (auto part = chosen.size(); part-- > 0;) {
        reading.rank.push_back(chosen[part] ? breadth(chosen[part]->kind) : 0);
        reading.rank.push_back(chosen[part] ? chosen[part]->size : 0);
    }
    auto zoned =
        std::find_if(chosen.begin(), chosen.end(), [](const Place* place) { return place && !place->zone.empty(); });
    reading.zone = zoned == chosen.end() ? std::string_view() : std::string_view((*zoned)->zone);
    return reading;
}

// A country and one of its regions, or no region.
using Where = std::pair<std::string_view, std::string_view>;

// Each country and region the parts' places are in, and each of their countries without a region.
std::vector<Where> places_to_read_as(const std::vector<Part>& parts) {
    std::vector<Where> places;
    auto add = [&places](Where where) {
        if (std::find(places.begin(), places.end(), where) == places.end()) {
            places.push_back(where);
        }
    };
    for (const auto& part : parts) {
        for (const auto* place : part.places) {
            add({place->country, place->region});
            add({place->country, {}});
        }
    }
    return places;
}

} // namespace

std::optional<std::string> zone_of_place(std::string_view location) {
    auto parts = read_parts(location);
    std::vector<Reading> readings;
    for (auto [country, region] : places_to_read_as(parts)) {
        if (auto reading = read_as(parts, country, region)) {
            readings.push_back(std::move(*reading));
        }
    }
    auto best = std::max_element(readings.begin(), readings.end(),
                                 [](const Reading& a, const Reading& b) { return a.rank < b.rank; });
    if (best == readings.end() || best->rank.front() == 0 || best->zone.empty()) {
        return std::nullopt;
    }
    // Two readings of as many parts that give different zones are a conflict, unless they fit the same parts and
    // the broader or larger places of one decide.
    for (const auto& other : readings) {
        if (other.rank.front() == best->rank.front() && other.zone != best->zone &&
            (other.fitted != best->fitted || other.rank == best->rank)) {
            return std::nullopt;
        }
    }
    return std::string(best->zone);
}

} // namespace campaign::config
