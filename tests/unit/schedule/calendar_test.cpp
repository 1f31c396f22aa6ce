#include <catch2/catch.hpp>

#include "schedule/calendar.hpp"
#include "sender.hpp"

using namespace campaign;
using schedule::SenderCalendar;
using test::sender_in;
using test::utc;

TEST_CASE("working hours are the sender's local hours", "[schedule]") {
    SenderCalendar paris(sender_in("Europe/Paris"));
    // Thursday 26 November 2026: Paris is UTC+1.
    CHECK_FALSE(paris.is_working(utc("2026-11-26T07:59:59Z")));
    CHECK(paris.is_working(utc("2026-11-26T08:00:00Z")));
    CHECK(paris.is_working(utc("2026-11-26T16:59:59Z")));
    CHECK_FALSE(paris.is_working(utc("2026-11-26T17:00:00Z")));
    CHECK(paris.format_local(utc("2026-11-26T08:00:00Z")) == "2026-11-26T09:00:00+01:00");
}

TEST_CASE("the working hours a moment is in end at the sender's local closing time", "[schedule]") {
    SenderCalendar paris(sender_in("Europe/Paris"));
    CHECK(paris.window_end(utc("2026-11-26T08:00:00Z")) == utc("2026-11-26T17:00:00Z"));
    CHECK(paris.window_end(utc("2026-11-26T16:59:59Z")) == utc("2026-11-26T17:00:00Z"));
    CHECK_FALSE(paris.window_end(utc("2026-11-26T17:00:00Z")));
    CHECK_FALSE(paris.window_end(utc("2026-11-28T10:00:00Z"))); // a Saturday
}

TEST_CASE("the next working moment skips nights and weekends", "[schedule]") {
    SenderCalendar paris(sender_in("Europe/Paris"));
    CHECK(paris.next_working(utc("2026-11-26T10:00:00Z")) == utc("2026-11-26T10:00:00Z"));
    CHECK(paris.next_working(utc("2026-11-26T03:00:00Z")) == utc("2026-11-26T08:00:00Z"));
    // Friday evening goes to Monday morning.
    CHECK(paris.next_working(utc("2026-11-27T17:00:00Z")) == utc("2026-11-30T08:00:00Z"));
    CHECK(paris.next_working_day(utc("2026-11-27T09:00:00Z")) == utc("2026-11-30T08:00:00Z"));
    CHECK(paris.next_working_day(utc("2026-11-26T03:00:00Z")) == utc("2026-11-27T08:00:00Z"));
}

TEST_CASE("working hours hold across daylight-saving changes", "[schedule]") {
    SECTION("Paris springs forward on Sunday 29 March 2026: Monday starts at 07:00 UTC") {
        SenderCalendar paris(sender_in("Europe/Paris"));
        CHECK(paris.next_working(utc("2026-03-27T17:00:00Z")) == utc("2026-03-30T07:00:00Z"));
        CHECK(paris.format_local(utc("2026-03-30T07:00:00Z")) == "2026-03-30T09:00:00+02:00");
        CHECK_FALSE(paris.is_working(utc("2026-03-30T06:59:59Z")));
    }
    SECTION("Paris falls back on Sunday 25 October 2026") {
        SenderCalendar paris(sender_in("Europe/Paris"));
        CHECK(paris.next_working(utc("2026-10-23T16:00:00Z")) == utc("2026-10-26T08:00:00Z"));
        CHECK(paris.is_working(utc("2026-10-23T15:59:59Z")));
        CHECK_FALSE(paris.is_working(utc("2026-10-23T16:00:00Z")));
    }
    SECTION("New York changes on Sundays too, 8 March and 1 November 2026") {
        SenderCalendar new_york(sender_in("America/New_York"));
        CHECK(new_york.next_working(utc("2026-03-07T00:00:00Z")) == utc("2026-03-09T13:00:00Z"));
        CHECK(new_york.next_working(utc("2026-10-31T00:00:00Z")) == utc("2026-11-02T14:00:00Z"));
    }
    SECTION("a sender working on a change day: the skipped hour is not worked twice, nor the repeated one") {
        auto sender = sender_in("America/New_York", 1 * 60, 4 * 60);
        sender.working_hours.days = {true, true, true, true, true, true, true};
        SenderCalendar new_york(sender);
        // Spring: 01:00 EST is 06:00Z; 02:00-03:00 does not exist, 04:00 EDT is 08:00Z: two hours of work.
        CHECK(new_york.next_working(utc("2026-03-08T05:00:00Z")) == utc("2026-03-08T06:00:00Z"));
        CHECK(new_york.is_working(utc("2026-03-08T07:59:59Z")));
        CHECK_FALSE(new_york.is_working(utc("2026-03-08T08:00:00Z")));
        // Autumn: 01:00 EDT is 05:00Z and 04:00 EST is 09:00Z: four hours.
        CHECK(new_york.next_working(utc("2026-11-01T04:00:00Z")) == utc("2026-11-01T05:00:00Z"));
        CHECK(new_york.is_working(utc("2026-11-01T08:59:59Z")));
        CHECK_FALSE(new_york.is_working(utc("2026-11-01T09:00:00Z")));
    }
    SECTION("a window that starts in the skipped hour starts when the clocks jump") {
        auto sender = sender_in("Europe/Paris", 2 * 60 + 30, 5 * 60);
        sender.working_hours.days = {true, true, true, true, true, true, true};
        SenderCalendar paris(sender);
        CHECK(paris.next_working(utc("2026-03-29T00:00:00Z")) == utc("2026-03-29T01:00:00Z"));
        CHECK(paris.format_local(utc("2026-03-29T01:00:00Z")) == "2026-03-29T03:00:00+02:00");
    }
}

TEST_CASE("working hours are wall-clock readings on the night the clocks go back", "[schedule]") {
    // London, 01:30-02:30 on Sunday 25 October 2026: at 02:00 summer time (01:00Z) the clocks go back to 01:00.
    auto sender = sender_in("Europe/London", 1 * 60 + 30, 2 * 60 + 30);
    sender.working_hours.days = {true, false, false, false, false, false, false};
    SenderCalendar london(sender);
    auto day = london.working_day(london.local_day(utc("2026-10-25T12:00:00Z")));
    REQUIRE(day.count == 2);
    CHECK(day.spans[0].start == utc("2026-10-25T00:30:00Z")); // 01:30 BST
    CHECK(day.spans[0].end == utc("2026-10-25T01:00:00Z"));   // 02:00 BST, which becomes 01:00 GMT
    CHECK(day.spans[1].start == utc("2026-10-25T01:30:00Z")); // 01:30 GMT
    CHECK(day.spans[1].end == utc("2026-10-25T02:30:00Z"));   // 02:30 GMT
    CHECK(day.length() == std::chrono::minutes{90});
    // 01:00-01:29 GMT is outside the hours, though it lies between two stretches of them.
    CHECK(london.is_working(utc("2026-10-25T00:59:59Z")));
    CHECK_FALSE(london.is_working(utc("2026-10-25T01:00:00Z")));
    CHECK_FALSE(london.is_working(utc("2026-10-25T01:29:59Z")));
    CHECK(london.format_local(utc("2026-10-25T01:15:00Z")) == "2026-10-25T01:15:00+00:00");
    CHECK(london.next_working(utc("2026-10-25T01:00:00Z")) == utc("2026-10-25T01:30:00Z"));
    CHECK(london.window_end(utc("2026-10-25T00:45:00Z")) == utc("2026-10-25T01:00:00Z"));
    CHECK(london.window_end(utc("2026-10-25T01:45:00Z")) == utc("2026-10-25T02:30:00Z"));
    // Working time counts only the stretches.
    CHECK(london.after_working(utc("2026-10-25T00:30:00Z"), std::chrono::minutes{45}) == utc("2026-10-25T01:45:00Z"));
    CHECK(london.after_working(utc("2026-10-25T00:00:00Z"), std::chrono::hours{5}) == utc("2026-10-25T02:30:00Z"));
    CHECK(london.working_left(utc("2026-10-25T00:50:00Z")) == std::chrono::minutes{70});
}

TEST_CASE("the skipped hour of the night the clocks go forward is not worked", "[schedule]") {
    // London, 00:30-01:30 on Sunday 29 March 2026: at 01:00 GMT the clocks go forward to 02:00.
    auto sender = sender_in("Europe/London", 30, 90);
    sender.working_hours.days = {true, false, false, false, false, false, false};
    SenderCalendar london(sender);
    auto day = london.working_day(london.local_day(utc("2026-03-29T12:00:00Z")));
    REQUIRE(day.count == 1);
    CHECK(day.spans[0].start == utc("2026-03-29T00:30:00Z"));
    CHECK(day.spans[0].end == utc("2026-03-29T01:00:00Z"));
    CHECK(london.next_working(utc("2026-03-29T01:00:00Z")) == utc("2026-04-04T23:30:00Z"));
}

TEST_CASE("Kolkata is half an hour off the hour and has no daylight saving", "[schedule]") {
    SenderCalendar kolkata(sender_in("Asia/Kolkata"));
    CHECK(kolkata.next_working(utc("2026-11-26T00:00:00Z")) == utc("2026-11-26T03:30:00Z"));
    CHECK(kolkata.format_local(utc("2026-11-26T03:30:00Z")) == "2026-11-26T09:00:00+05:30");
    // 23:00 UTC on Thursday is already Friday in Kolkata.
    CHECK(kolkata.local_day(utc("2026-11-26T19:00:00Z")) == kolkata.local_day(utc("2026-11-27T03:30:00Z")));
}

TEST_CASE("an unknown zone is the user's error", "[schedule]") {
    CHECK_THROWS_WITH(SenderCalendar(sender_in("Europe/Pariss")), "sender 'alice': unknown time zone 'Europe/Pariss'");
}

TEST_CASE("a holiday is a day off on the sender's own calendar, and what was due waits past it", "[schedule]") {
    auto sender = sender_in("America/New_York");
    auto day = [](const char* text) { return static_cast<int>(core::parse_day(text)->time_since_epoch().count()); };
    // Thanksgiving, and the Friday after it taken off too.
    sender.holidays.days = {day("2026-11-26"), day("2026-11-27")};
    SenderCalendar new_york(sender);
    // 10:00 on Thursday in New York is 15:00 UTC: a holiday there, whatever the day is in UTC.
    CHECK_FALSE(new_york.is_working(utc("2026-11-26T15:00:00Z")));
    CHECK(new_york.working_day(day("2026-11-26")).empty());
    // Wednesday evening's work goes on on Monday morning, 09:00 in New York.
    CHECK(new_york.next_working(utc("2026-11-25T23:30:00Z")) == utc("2026-11-30T14:00:00Z"));
    CHECK(new_york.next_working_day(utc("2026-11-25T15:00:00Z")) == utc("2026-11-30T14:00:00Z"));
    // The evening of the holiday in New York is already the next day in UTC, and still the holiday there.
    CHECK_FALSE(new_york.is_working(utc("2026-11-28T01:00:00Z")));
    CHECK(new_york.is_working(utc("2026-11-25T15:00:00Z")));
}

TEST_CASE("holidays that leave no working day for a year are the user's error", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    auto first = core::parse_day("2026-12-01")->time_since_epoch().count();
    for (int i = 0; i < 420; ++i) {
        sender.holidays.days.insert(static_cast<int>(first + i));
    }
    SenderCalendar paris(sender);
    CHECK_THROWS_WITH(paris.next_working(utc("2026-12-01T10:00:00Z")),
                      "sender 'alice' has no working day in the 400 days after 2026-12-01: see its holidays");
}

TEST_CASE("a monthly allowance starts again at the sender's local midnight of the next month's first day",
          "[schedule]") {
    SenderCalendar paris(sender_in("Europe/Paris"));
    CHECK(paris.next_month_start(utc("2026-12-15T10:00:00Z")) == utc("2026-12-31T23:00:00Z"));
    // 31 December 23:30 UTC is already January in Paris.
    CHECK(paris.next_month_start(utc("2026-12-31T23:30:00Z")) == utc("2027-01-31T23:00:00Z"));
    // Across the change to summer time: 1 April's midnight is at UTC+2.
    CHECK(paris.next_month_start(utc("2026-03-10T10:00:00Z")) == utc("2026-03-31T22:00:00Z"));
    SenderCalendar chicago(sender_in("America/Chicago"));
    CHECK(chicago.next_month_start(utc("2026-11-30T23:00:00Z")) == utc("2026-12-01T06:00:00Z"));
}
