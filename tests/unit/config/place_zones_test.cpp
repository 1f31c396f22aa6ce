// The time zones of prospects' locations, as LinkedIn profiles write them, by the place table compiled in from
// data/places/places.tsv.
#include <catch2/catch.hpp>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "config/place_zones.hpp"
#include "core/text.hpp"
#include "unit/config/project.hpp"

using campaign::config::zone_of_place;

namespace {

using Expected = std::vector<std::pair<const char*, const char*>>;

void check_zones(const Expected& expected) {
    for (const auto& [location, zone] : expected) {
        INFO(location);
        CHECK(zone_of_place(location) == std::optional<std::string>(zone));
    }
}

void check_unknown(std::initializer_list<const char*> locations) {
    for (const auto* location : locations) {
        INFO(location);
        CHECK(zone_of_place(location) == std::nullopt);
    }
}

// The table's lines, each as its six fields.
std::vector<std::vector<std::string>> table_rows() {
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : campaign::core::split_list(campaign::config::place_table(), "\n")) {
        if (line.starts_with('#')) {
            continue;
        }
        std::vector<std::string> fields(1);
        for (char c : line) {
            if (c == '\t') {
                fields.emplace_back();
            } else {
                fields.back().push_back(c);
            }
        }
        rows.push_back(std::move(fields));
    }
    return rows;
}

} // namespace

TEST_CASE("a city with its region and country gives the city's zone", "[place_zones]") {
    check_zones({
        {"Berlin, Germany", "Europe/Berlin"},
        {"München, Bayern, Deutschland", "Europe/Berlin"},
        {"Austin, Texas, United States", "America/Chicago"},
        {"Toronto, Ontario, Canada", "America/Toronto"},
        {"Bengaluru, Karnataka, India", "Asia/Kolkata"},
        {"Sydney, New South Wales, Australia", "Australia/Sydney"},
        {"São Paulo, Brazil", "America/Sao_Paulo"},
        {"Rio de Janeiro, Rio de Janeiro, Brasil", "America/Sao_Paulo"},
        {"Manaus, Amazonas, Brazil", "America/Manaus"},
        {"Mexico City, Mexico", "America/Mexico_City"},
        {"Tijuana, Baja California, México", "America/Tijuana"},
        {"Wien, Österreich", "Europe/Vienna"},
        {"Zürich, Schweiz", "Europe/Zurich"},
        {"Genève, Suisse", "Europe/Zurich"},
        {"Praha, Česko", "Europe/Prague"},
        {"Lisboa, Portugal", "Europe/Lisbon"},
        {"Milano, Lombardia, Italia", "Europe/Rome"},
        {"Bruxelles, Région de Bruxelles-Capitale, Belgique", "Europe/Brussels"},
        {"Kraków, Małopolskie, Polska", "Europe/Warsaw"},
        {"Łódź, Łódzkie, Polska", "Europe/Warsaw"},
        {"Lodz, Poland", "Europe/Warsaw"},
        {"Mumbai, Maharashtra, India", "Asia/Kolkata"},
        {"Ho Chi Minh City, Vietnam", "Asia/Ho_Chi_Minh"},
        {"Dubai, United Arab Emirates", "Asia/Dubai"},
        {"Moscow, Russia", "Europe/Moscow"},
        {"Novosibirsk, Russia", "Asia/Novosibirsk"},
        {"Bali, Indonesia", "Asia/Makassar"},
        {"Buenos Aires, Argentina", "America/Argentina/Buenos_Aires"},
        {"Indianapolis, Indiana, United States", "America/Indiana/Indianapolis"},
    });
}

TEST_CASE("a city keeps its own zone where its region's people mostly keep another", "[place_zones]") {
    check_zones({
        {"El Paso, Texas, United States", "America/Denver"},
        {"Pensacola, Florida, United States", "America/Chicago"},
        {"Knoxville, Tennessee, United States", "America/New_York"},
        {"Las Palmas de Gran Canaria, Canarias, España", "Atlantic/Canary"},
        {"Funchal, Madeira, Portugal", "Atlantic/Madeira"},
    });
    // The regions alone give the zone of most of their people.
    check_zones({{"Texas", "America/Chicago"},
                 {"Florida, United States", "America/New_York"},
                 {"Tennessee, United States", "America/Chicago"},
                 {"Indiana, United States", "America/Indiana/Indianapolis"},
                 {"Madrid, Comunidad de Madrid, España", "Europe/Madrid"}});
}

TEST_CASE("LinkedIn's area names are read without their decorations", "[place_zones]") {
    check_zones({
        {"Greater Chicago Area", "America/Chicago"},
        {"San Francisco Bay Area", "America/Los_Angeles"},
        {"Greater Boston", "America/New_York"},
        {"New York City Metropolitan Area", "America/New_York"},
        {"Greater Seattle Area", "America/Los_Angeles"},
        {"Dallas-Fort Worth Metroplex", "America/Chicago"},
        {"Greater Los Angeles Area", "America/Los_Angeles"},
        {"Greater Paris Metropolitan Region", "Europe/Paris"},
        {"Greater London", "Europe/London"},
        {"Washington DC-Baltimore Area", "America/New_York"},
        {"Greater Minneapolis-St. Paul Area", "America/Chicago"},
        {"Greater Houston", "America/Chicago"},
        {"Denver Metropolitan Area", "America/Denver"},
        {"Greater Munich Metropolitan Area", "Europe/Berlin"},
        {"München und Umgebung", "Europe/Berlin"},
        {"Région de Paris", "Europe/Paris"},
        {"Área metropolitana de Madrid", "Europe/Madrid"},
        {"Roma e regione", "Europe/Rome"},
        {"Portland, Oregon Metropolitan Area", "America/Los_Angeles"},
        {"Frankfurt Rhine-Main Metropolitan Area", "Europe/Berlin"},
        {"Bogotá, D.C., Capital District, Colombia", "America/Bogota"},
        // The first city of an area named after two, when the area itself is not in the table.
        {"Greater Hartford-Springfield Area", "America/New_York"},
    });
}

TEST_CASE("a region or a country alone gives its zone when it has one", "[place_zones]") {
    check_zones({
        {"France", "Europe/Paris"},
        {"Ireland", "Europe/Dublin"},
        {"Île-de-France, France", "Europe/Paris"},
        {"Bavaria", "Europe/Berlin"},
        {"Deutschland", "Europe/Berlin"},
        {"Spain", "Europe/Madrid"},
        {"Türkiye", "Europe/Istanbul"},
        {"UAE", "Asia/Dubai"},
        {"South Korea", "Asia/Seoul"},
        {"Holland", "Europe/Amsterdam"},
        {"UK", "Europe/London"},
        {"England", "Europe/London"},
        {"Scotland", "Europe/London"},
        {"Argentina", "America/Argentina/Buenos_Aires"}, // all of it keeps the same clocks
        {"Kazakhstan", "Asia/Almaty"},                   // one offset since March 2024
        {"California", "America/Los_Angeles"},
        {"Hawaiʻi", "Pacific/Honolulu"},
    });
    check_unknown({"United States", "USA", "Russia", "Canada", "Australia", "Brazil", "Mexico", "Indonesia",
                   "United States of America", "Remote", "Remote, United States", "Worldwide", "EMEA", "", "  ",
                   ", ,"});
}

TEST_CASE("a city of a name that several places share is the one the other parts name", "[place_zones]") {
    check_zones({
        {"Perth, Western Australia", "Australia/Perth"},
        {"Perth, Scotland", "Europe/London"},
        {"Perth, WA", "Australia/Perth"},
        {"Portland, Oregon", "America/Los_Angeles"},
        {"Portland, Maine", "America/New_York"},
        {"Portland, ME", "America/New_York"},
        {"Birmingham, Alabama", "America/Chicago"},
        {"Birmingham, England, United Kingdom", "Europe/London"},
        {"Cambridge, Massachusetts, United States", "America/New_York"},
        {"Cambridge, MA", "America/New_York"},
        {"Cambridge, England", "Europe/London"},
        {"London, Ontario, Canada", "America/Toronto"},
        {"Vancouver, Washington", "America/Los_Angeles"},
        {"Vancouver, British Columbia, Canada", "America/Vancouver"},
        {"Springfield, Illinois", "America/Chicago"},
        {"Springfield, Massachusetts", "America/New_York"},
        {"Atlanta, Georgia", "America/New_York"},
        {"Georgia, United States", "America/New_York"},
        {"Tbilisi, Georgia", "Asia/Tbilisi"},
        {"Washington, District of Columbia, United States", "America/New_York"},
        {"Washington, DC", "America/New_York"},
        {"Seattle, Washington, United States", "America/Los_Angeles"},
        {"Hyderabad, Telangana, India", "Asia/Kolkata"},
        {"Hyderabad, Sindh, Pakistan", "Asia/Karachi"},
        {"Kansas City, Missouri, United States", "America/Chicago"},
        {"Charleston, SC", "America/New_York"},
        {"Curitiba, PR", "America/Sao_Paulo"},
    });
    // Alone, the larger or the business-usual one.
    check_zones({{"Perth", "Australia/Perth"},
                 {"Portland", "America/Los_Angeles"},
                 {"Birmingham", "Europe/London"},
                 {"Cambridge", "Europe/London"},
                 {"Paris", "Europe/Paris"},
                 {"Georgia", "Asia/Tbilisi"}, // a country before a region of the same name
                 {"Portland, United States", "America/Los_Angeles"}});
}

TEST_CASE("a city that its region or country contradicts gives way to them", "[place_zones]") {
    check_zones(
        {{"Paris, Texas", "America/Chicago"}, {"Paris, TX", "America/Chicago"}, {"Berlin, France", "Europe/Paris"}});
    // Regions and countries that contradict each other, and cities of two zones, give nothing.
    check_unknown({"Bavaria, France", "Texas, Germany", "New York / London", "Paris, United States"});
}

TEST_CASE("a region's code is one only after a city", "[place_zones]") {
    check_zones({{"Phoenix, AZ", "America/Phoenix"},
                 {"Austin, TX", "America/Chicago"},
                 {"Boise, ID", "America/Boise"},
                 {"New York, NY", "America/New_York"}});
    check_unknown({"IN", "OR", "ME", "TX"});
}

TEST_CASE("case, accents, spaces and separators do not matter", "[place_zones]") {
    check_zones({
        {"  berlin ,   GERMANY  ", "Europe/Berlin"},
        {"NEW YORK, NY", "America/New_York"},
        {"Sao Paulo", "America/Sao_Paulo"},
        {"Muenchen", "Europe/Berlin"},
        {"Munich", "Europe/Berlin"},
        {"st. louis, missouri", "America/Chicago"},
        {"Saint Louis", "America/Chicago"},
        {"Remote - Germany", "Europe/Berlin"},
        {"Berlin/Brandenburg", "Europe/Berlin"},
        {"Portland (Oregon)", "America/Los_Angeles"},
        {"Köln; NRW", "Europe/Berlin"},
        {"Dallas–Fort Worth", "America/Chicago"},
    });
}

TEST_CASE("the place table covers the countries, the regions and the cities of the tz database", "[place_zones]") {
    std::set<std::string> countries;
    std::map<std::string, int> kinds;
    for (const auto& row : table_rows()) {
        REQUIRE(row.size() == 6);
        ++kinds[row[1]];
        countries.insert(row[2]);
    }
    CHECK(countries.size() >= 249); // iso3166.tab
    CHECK(kinds["country"] >= 400);
    CHECK(kinds["region"] >= 300);
    CHECK(kinds["code"] >= 90);
    CHECK(kinds["city"] >= 1500);
    // A zone of zone.tab that is named after a city, by that city.
    check_zones({{"Ushuaia", "America/Argentina/Ushuaia"},
                 {"Port of Spain", "America/Port_of_Spain"},
                 {"Port-au-Prince", "America/Port-au-Prince"},
                 {"Ulaanbaatar", "Asia/Ulaanbaatar"},
                 {"Longyearbyen", "Arctic/Longyearbyen"}});
}

TEST_CASE("every zone of the place table is one the tz database knows by that name", "[place_zones]") {
    // A sender's zone is checked against the tz database, and warned about when it is an old name.
    std::set<std::string> zones;
    for (const auto& row : table_rows()) {
        if (!row[4].empty()) {
            zones.insert(row[4]);
        }
    }
    REQUIRE(zones.size() >= 400);
    std::string senders = "senders:\n";
    int id = 0;
    for (const auto& zone : zones) {
        senders += "  - id: s" + std::to_string(id++) + "\n    timezone: " + zone + "\n";
    }
    campaign::test::Project project;
    auto loaded = project.load(campaign::test::complete_campaign(senders));
    CHECK(project.lines(loaded) == campaign::test::Lines{});
    CHECK(loaded.campaign);
}
