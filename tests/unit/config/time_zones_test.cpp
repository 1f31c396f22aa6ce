// Time zone names beyond whether the tz database knows them: old names and abbreviations, and POSIX offsets.
#include <catch2/catch.hpp>

#include "config/time_zones.hpp"
#include "unit/config/project.hpp"

using campaign::config::time_zone_warning;
using campaign::config::unknown_time_zone_advice;
using campaign::test::complete_campaign;
using campaign::test::Lines;
using campaign::test::Project;

TEST_CASE("old names and System V abbreviations name the zone to use", "[config]") {
    CHECK(time_zone_warning("US/Central") ==
          "'US/Central' is an old name, kept for compatibility; use America/Chicago");
    CHECK(time_zone_warning("Europe/Kiev") == "'Europe/Kiev' is an old name, kept for compatibility; use Europe/Kyiv");
    CHECK(time_zone_warning("MST") == "'MST' is a fixed offset (UTC-07:00) that never observes summer time; use "
                                      "America/Denver (or America/Phoenix if the sender's clocks never change)");
    CHECK(time_zone_warning("EET") == "'EET' is a System V name for a set of rules, not a place; use the zone of the "
                                      "sender's city, such as Europe/Athens");
    CHECK(time_zone_warning("Etc/GMT-5") ==
          "'Etc/GMT-5' is UTC+05:00, not UTC-05:00 (POSIX inverts the sign), and a fixed offset never observes summer "
          "time; use the zone of the sender's city (Region/City, such as Europe/Paris), which follows its summer time");
}

TEST_CASE("the zones of regions and UTC need no warning", "[config]") {
    for (const char* zone :
         {"Europe/Paris", "America/New_York", "Asia/Kolkata", "Europe/Vatican", "UTC", "GMT", "Etc/UTC"}) {
        INFO(zone);
        CHECK_FALSE(time_zone_warning(zone));
    }
}

TEST_CASE("every name of the table is a name the tz database knew, with a zone to use", "[config]") {
    auto table = campaign::config::legacy_time_zone_table();
    CHECK(table.find("\nUS/Eastern\tAmerica/New_York\tlink\t") != std::string_view::npos);
    CHECK(table.find("\nEST\tAmerica/New_York\tfixed\t-5\tAmerica/Panama\n") != std::string_view::npos);
    CHECK(table.find("Europe/Paris\t") == std::string_view::npos); // a name to use is never one to warn about
}

TEST_CASE("offsets written as people say them are explained, with the sign POSIX uses", "[config]") {
    CHECK(unknown_time_zone_advice("GMT+1") ==
          "unknown time zone 'GMT+1': the tz database writes UTC+01:00 as Etc/GMT-1, since POSIX inverts the sign "
          "(Etc/GMT+1 is UTC-01:00), and a fixed offset never observes summer time; use the zone of the sender's "
          "city (Region/City, such as Europe/Paris), which follows its summer time");
    CHECK(unknown_time_zone_advice("UTC+05:30") == std::nullopt); // not whole hours: the usual "did you mean"
    CHECK(unknown_time_zone_advice("GMT+0") == std::nullopt);
    CHECK(unknown_time_zone_advice("Europe/Pari") == std::nullopt);
    CHECK(unknown_time_zone_advice("UTC-10")->find("writes UTC-10:00 as Etc/GMT+10") != std::string::npos);
}

TEST_CASE("a warned time zone leaves the campaign valid, pointing at the name", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign("senders:\n  - id: alice\n    timezone: CET\n"));
    REQUIRE(loaded.campaign);
    CHECK(loaded.campaign->senders[0].timezone == "CET");
    CHECK(project.lines(loaded) == Lines{"campaigns/q4.yaml:3:15: warning: 'CET' is a System V name for a set of "
                                         "rules, not a place; use the zone of the sender's city, such as "
                                         "Europe/Brussels"});
}
