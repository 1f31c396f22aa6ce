// The SSI's domain types: real calendar days, the names of measures and activities as files and sentences spell them,
// and the checks a snapshot must pass before it is stored.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/ssi.hpp"

using namespace campaign::core;
using std::chrono::days;

namespace {

Day day_of(int year, unsigned month, unsigned day) {
    return Day{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

// A valid snapshot: pillars 10, 11, 12.5 and 13.25, the total their sum.
SsiSnapshot valid_snapshot() {
    SsiSnapshot snapshot;
    snapshot.sender = "alice";
    snapshot.day = day_of(2026, 11, 3);
    snapshot.pillars = {10, 11, 12.5, 13.25};
    snapshot.total = 46.75;
    return snapshot;
}

std::vector<std::string> problem_lines(const SsiSnapshot& snapshot) {
    std::vector<std::string> lines;
    for (const auto& problem : check_snapshot(snapshot)) {
        lines.push_back(std::string(problem.field) + " " + problem.message);
    }
    return lines;
}

} // namespace

TEST_CASE("days read and print as YYYY-MM-DD, real calendar days only", "[core]") {
    CHECK(parse_day("2026-11-03") == day_of(2026, 11, 3));
    CHECK(parse_day("2024-02-29") == day_of(2024, 2, 29)); // a leap year
    CHECK(parse_day("2000-02-29") == day_of(2000, 2, 29)); // divisible by 400
    CHECK(parse_day("1970-01-01") == Day{});
    CHECK(format_day(day_of(2026, 11, 3)) == "2026-11-03");
    CHECK(format_day(day_of(2026, 1, 9)) == "2026-01-09");
    CHECK(format_day(Day{}) == "1970-01-01");

    SECTION("what is not a real day is refused") {
        for (auto text : {"",           "2026-11-3",   "2026-1-03",   "26-11-03",
                          "2026/11/03", "2026-11-03 ", " 2026-11-03", "2026-11-03T09:00",
                          "2026-02-29", "1900-02-29",  "2026-13-01",  "2026-00-10",
                          "2026-11-00", "2026-11-31",  "2026-04-31",  "2026-1a-03",
                          "abcd-ef-gh", "2026-+1-03",  "2026--1-03",  "2026-11--1",
                          "2026-11-+3"}) {
            INFO(text);
            CHECK_FALSE(parse_day(text));
        }
    }
    SECTION("every day of a leap year prints and reads back") {
        int count = 0;
        for (auto day = day_of(2028, 1, 1); day < day_of(2029, 1, 1); day += days{1}) {
            REQUIRE(parse_day(format_day(day)) == day);
            ++count;
        }
        CHECK(count == 366);
    }
}

TEST_CASE("the weekday index runs from Monday at 0 to Sunday at 6", "[core]") {
    auto monday = day_of(2026, 11, 2);
    for (int i = 0; i < 14; ++i) {
        INFO(format_day(monday + days{i}));
        CHECK(weekday_index(monday + days{i}) == i % 7);
    }
    CHECK(weekday_index(Day{}) == 3); // 1970-01-01 was a Thursday
    CHECK(weekday_index(day_of(2024, 2, 29)) == 3);
    CHECK(weekday_index(day_of(2026, 11, 8)) == 6);
    CHECK(weekday_index(Day{} - days{1}) == 2); // and the day before, a Wednesday
}

TEST_CASE("measures are named as files write them and as LinkedIn's page shows them", "[core]") {
    CHECK(k_pillars.size() == 4);
    CHECK(k_measures.size() == 5);
    CHECK(k_measures.back() == Measure::total);
    std::vector<std::string> names;
    for (auto measure : k_measures) {
        names.emplace_back(to_string(measure));
        CHECK(parse_measure(to_string(measure)) == measure);
    }
    CHECK(names == std::vector<std::string>{"brand", "people", "insights", "relationships", "total"});
    CHECK(display_name(Measure::brand) == "Establish your professional brand");
    CHECK(display_name(Measure::people) == "Find the right people");
    CHECK(display_name(Measure::insights) == "Engage with insights");
    CHECK(display_name(Measure::relationships) == "Build relationships");
    CHECK(display_name(Measure::total) == "SSI");
    for (auto text : {"", "Brand", "relationship", "ssi", " brand"}) {
        INFO(text);
        CHECK_FALSE(parse_measure(text));
    }
}

TEST_CASE("activities are named as the activity CSV writes them, and as sentences say them", "[core]") {
    const auto& names = activity_names();
    REQUIRE(names.size() == k_activity_count);
    CHECK(std::vector<std::string_view>(names.begin(), names.end()) ==
          std::vector<std::string_view>{"profile_views", "connection_requests", "connections_accepted", "messages_sent",
                                        "replies_received", "posts", "comments", "likes", "follows", "endorsements"});
    for (std::size_t i = 0; i < k_activity_count; ++i) {
        auto activity = static_cast<Activity>(i);
        CHECK(to_string(activity) == names[i]);
        CHECK(parse_activity(names[i]) == activity);
    }
    CHECK(plural_noun(Activity::connections_accepted) == "accepted connections");
    CHECK(plural_noun(Activity::profile_views) == "profile views");
    CHECK(plural_noun(Activity::replies_received) == "replies received");
    CHECK(plural_noun(Activity::posts) == "posts");
    CHECK(plural_noun(Activity::endorsements) == "endorsements");
    for (auto text : {"", "post", "Posts", "connections accepted", "withdrawals"}) {
        INFO(text);
        CHECK_FALSE(parse_activity(text));
    }
}

TEST_CASE("a snapshot's value of each measure, and the sum of its pillars", "[core]") {
    auto snapshot = valid_snapshot();
    CHECK(snapshot.value(Measure::brand) == 10);
    CHECK(snapshot.value(Measure::people) == 11);
    CHECK(snapshot.value(Measure::insights) == 12.5);
    CHECK(snapshot.value(Measure::relationships) == 13.25);
    CHECK(snapshot.value(Measure::total) == 46.75);
    snapshot.total = 99; // the total as the source gave it, not recomputed
    CHECK(snapshot.value(Measure::total) == 99);
    CHECK(pillar_sum(snapshot) == 46.75);
}

TEST_CASE("a snapshot with pillars in 0..25, a total that sums them and ranks in 1..100 passes", "[core]") {
    auto snapshot = valid_snapshot();
    CHECK(check_snapshot(snapshot).empty());

    SECTION("the bounds themselves are allowed") {
        snapshot.pillars = {0, 25, 0, 25};
        snapshot.total = 50;
        snapshot.industry_rank = 1;
        snapshot.network_rank = 100;
        CHECK(check_snapshot(snapshot).empty());
    }
    SECTION("a total off by the rounding of four two-decimal pillars is allowed") {
        snapshot.pillars = {10.01, 11.01, 12.01, 13.01}; // shown rounded: the true sum may differ by 0.02
        snapshot.total = 46.06;
        CHECK(check_snapshot(snapshot).empty());
        snapshot.total = 46.02;
        CHECK(check_snapshot(snapshot).empty());
    }
}

TEST_CASE("a snapshot's problems name the field at fault and say what is wrong", "[core]") {
    auto snapshot = valid_snapshot();

    SECTION("a pillar outside 0..25") {
        snapshot.pillars = {25.5, -1, 12.5, 13.25};
        snapshot.total = pillar_sum(snapshot);
        CHECK(problem_lines(snapshot) ==
              std::vector<std::string>{"brand is 25.5, outside 0 to 25 (each pillar is scored out of 25)",
                                       "people is -1, outside 0 to 25 (each pillar is scored out of 25)"});
    }
    SECTION("a pillar that is not a number") {
        snapshot.pillars[3] = NAN;
        snapshot.total = 33.5;
        auto problems = check_snapshot(snapshot);
        REQUIRE(problems.size() == 1); // the sum says nothing more
        CHECK(problems[0].field == "relationships");
    }
    SECTION("a total that is not the pillars' sum") {
        snapshot.total = 47;
        CHECK(problem_lines(snapshot) == std::vector<std::string>{"total is 47, not the sum of the pillars (46.75)"});
        snapshot.total = 46.7;
        CHECK(problem_lines(snapshot) == std::vector<std::string>{"total is 46.7, not the sum of the pillars (46.75)"});
        snapshot.total = NAN;
        CHECK(check_snapshot(snapshot).size() == 1);
    }
    SECTION("ranks outside 1..100") {
        snapshot.industry_rank = 0;
        snapshot.network_rank = 101;
        CHECK(problem_lines(snapshot) ==
              std::vector<std::string>{"industry_rank is 0, outside 1 to 100 (it is a 'top N%')",
                                       "network_rank is 101, outside 1 to 100 (it is a 'top N%')"});
    }
    SECTION("every problem at once") {
        snapshot.pillars[0] = 26;
        snapshot.network_rank = -5;
        auto problems = check_snapshot(snapshot);
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].field == "brand");
        CHECK(problems[1].field == "total");
        CHECK(problems[2].field == "network_rank");
    }
}
