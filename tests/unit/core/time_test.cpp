#include <catch2/catch.hpp>

#include "core/time.hpp"

using namespace campaign::core;
using namespace std::chrono_literals;

TEST_CASE("durations read as campaign files write them", "[core]") {
    CHECK(parse_duration("30m") == Duration{30min});
    CHECK(parse_duration("4h") == Duration{4h});
    CHECK(parse_duration("2d") == Duration{48h});
    CHECK(parse_duration("1w") == Duration{168h});
    CHECK(parse_duration("1d12h") == Duration{36h});
    CHECK(parse_duration("0d") == Duration{0s});

    SECTION("malformed durations are refused") {
        for (auto text : {"", "d", "12", "1x", "1h1d", "1d1d", "-1d", "1.5d", " 1d", "1d ", "9999999d"}) {
            INFO(text);
            CHECK_FALSE(parse_duration(text));
        }
    }
    SECTION("formatting reads back") {
        CHECK(format_duration(Duration{36h}) == "1d12h");
        CHECK(format_duration(Duration{90min}) == "1h30m");
        CHECK(format_duration(Duration{0s}) == "0s");
        CHECK(parse_duration(format_duration(Duration{200h + 7min})) == Duration{200h + 7min});
    }
}

TEST_CASE("instants are ISO 8601 UTC to the second", "[core]") {
    auto when = parse_utc("2026-03-29T01:30:05Z");
    REQUIRE(when);
    CHECK(format_utc(*when) == "2026-03-29T01:30:05Z");
    CHECK(format_utc(Timestamp{}) == "1970-01-01T00:00:00Z");
    CHECK(format_utc(*parse_utc("0999-12-31T23:59:59Z")) == "0999-12-31T23:59:59Z");
    CHECK(format_utc(*parse_utc("9999-01-02T03:04:05Z") + std::chrono::days{400}) == "10000-02-06T03:04:05Z");
    // Every second of a day and the days of four years come back as they were written.
    for (auto at = *parse_utc("2027-12-31T00:00:00Z"); at < *parse_utc("2028-01-01T00:00:00Z");
         at += std::chrono::seconds{1}) {
        REQUIRE(parse_utc(format_utc(at)) == at);
    }
    for (auto at = *parse_utc("2026-01-01T12:00:00Z"); at < *parse_utc("2030-01-01T00:00:00Z");
         at += std::chrono::days{1}) {
        REQUIRE(parse_utc(format_utc(at)) == at);
    }
    for (auto text : {"2026-02-30T00:00:00Z", "2026-03-29 01:30:05Z", "2026-03-29T24:00:00Z", "2026-03-29T01:30:05",
                      "2026-3-29T01:30:05Z"}) {
        INFO(text);
        CHECK_FALSE(parse_utc(text));
    }
}

TEST_CASE("times of day are HH:MM", "[core]") {
    CHECK(parse_time_of_day("09:00") == 540);
    CHECK(parse_time_of_day("17:30") == 1050);
    CHECK(parse_time_of_day("24:00") == 1440);
    CHECK(parse_time_of_day("9:05") == 545);
    CHECK_FALSE(parse_time_of_day("9:5"));
    CHECK_FALSE(parse_time_of_day("123:00"));
    CHECK_FALSE(parse_time_of_day("24:01"));
    CHECK_FALSE(parse_time_of_day("12:60"));
    CHECK_FALSE(parse_time_of_day("noon!"));
}
