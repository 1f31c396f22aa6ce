// A prospect's own hours: their zone from their `timezone` field or their location, and the moments their hours
// share with the sender's.
#include <catch2/catch.hpp>

#include "schedule/prospect_time.hpp"
#include "sender.hpp"

using namespace campaign;
using schedule::ProspectHours;
using schedule::SenderCalendar;
using test::sender_in;
using test::utc;

namespace {

core::WorkingHours nine_to_five() {
    core::WorkingHours hours;
    hours.days = {false, true, true, true, true, true, false};
    hours.from_minute = 9 * 60;
    hours.to_minute = 17 * 60;
    return hours;
}

core::Prospect prospect_at(const std::string& location, const std::string& zone = "") {
    core::Prospect prospect;
    prospect.location = location;
    if (!zone.empty()) {
        prospect.fields["timezone"] = zone;
    }
    return prospect;
}

} // namespace

TEST_CASE("a prospect's zone is their timezone field when the tz database knows it, else their location's",
          "[schedule]") {
    CHECK(schedule::prospect_zone(prospect_at("Greater Chicago Area")) == "America/Chicago");
    CHECK(schedule::prospect_zone(prospect_at("Greater Chicago Area", " America/New_York ")) == "America/New_York");
    CHECK(schedule::prospect_zone(prospect_at("Berlin, Germany", "Central Time")) == "Europe/Berlin");
    CHECK_FALSE(schedule::prospect_zone(prospect_at("Remote")));
    auto spaced = prospect_at("Remote");
    spaced.fields["time_zone"] = "Asia/Tokyo"; // an import's "Time Zone" column
    CHECK(schedule::prospect_zone(spaced) == "Asia/Tokyo");
    CHECK_FALSE(schedule::prospect_zone(prospect_at("")));
}

TEST_CASE("the moments a prospect's hours share with the sender's", "[schedule]") {
    SenderCalendar berlin(sender_in("Europe/Berlin", 9 * 60, 17 * 60));
    ProspectHours hours(nine_to_five());
    SECTION("Chicago's morning is Berlin's last working hour: 15:00-16:00 UTC in December") {
        // Monday 7 December, 08:00 UTC (09:00 in Berlin, 02:00 in Chicago).
        CHECK(hours.next_shared(berlin, "America/Chicago", utc("2026-12-07T08:00:00Z")) == utc("2026-12-07T15:00:00Z"));
        CHECK(hours.next_shared(berlin, "America/Chicago", utc("2026-12-07T15:30:00Z")) == utc("2026-12-07T15:30:00Z"));
        // After Berlin's close, the next day's shared hour.
        CHECK(hours.next_shared(berlin, "America/Chicago", utc("2026-12-07T16:00:00Z")) == utc("2026-12-08T15:00:00Z"));
        // Friday's shared hour passed: Monday's.
        CHECK(hours.next_shared(berlin, "America/Chicago", utc("2026-12-11T16:00:00Z")) == utc("2026-12-14T15:00:00Z"));
    }
    SECTION("a prospect in the sender's zone is reached in the hours of both") {
        CHECK(hours.next_shared(berlin, "Europe/Paris", utc("2026-12-07T06:00:00Z")) == utc("2026-12-07T08:00:00Z"));
    }
    SECTION("when the United States has changed its clocks and Europe has not, the shared hour moves") {
        // Monday 9 March 2026: Chicago is on summer time (UTC-5), Berlin not yet (UTC+1): 14:00-16:00 UTC.
        CHECK(hours.next_shared(berlin, "America/Chicago", utc("2026-03-09T08:00:00Z")) == utc("2026-03-09T14:00:00Z"));
    }
    SECTION("hours that never meet give nothing: Sydney's day is Berlin's night") {
        CHECK_FALSE(hours.next_shared(berlin, "Australia/Sydney", utc("2026-12-07T08:00:00Z")));
    }
    SECTION("a holiday of the sender's longer than the search is waited out, not taken for hours that never meet") {
        using namespace std::chrono;
        auto sender = sender_in("Europe/Berlin", 9 * 60, 17 * 60);
        for (auto day = sys_days{2026y / December / 14}; day <= sys_days{2027y / January / 8}; day += days{1}) {
            sender.holidays.days.insert(static_cast<int>(day.time_since_epoch().count()));
        }
        SenderCalendar away(sender);
        // Friday 11 December after Berlin's close: the first shared hour is on Monday 11 January.
        CHECK(hours.next_shared(away, "America/Chicago", utc("2026-12-11T16:00:00Z")) == utc("2027-01-11T15:00:00Z"));
        // Hours that never meet still give nothing, the holiday in the way or not.
        CHECK_FALSE(hours.next_shared(away, "Australia/Sydney", utc("2026-12-10T08:00:00Z")));
    }
    SECTION("a week's days off are no holiday: hours that meet only months away do not meet") {
        // Mondays 14:00-15:00 in Berlin and 09:00-17:00 in New York touch only in the week of October when the US
        // keeps its summer time and Europe does not.
        auto sender = sender_in("Europe/Berlin", 14 * 60, 15 * 60);
        sender.working_hours.days = {false, true, false, false, false, false, false};
        SenderCalendar mondays(sender);
        CHECK_FALSE(hours.next_shared(mondays, "America/New_York", utc("2026-06-01T06:00:00Z")));
    }
    SECTION("a sender working weekends still waits for the prospect's weekday") {
        auto sender = sender_in("Europe/Berlin", 9 * 60, 17 * 60);
        sender.working_hours.days.fill(true);
        SenderCalendar always(sender);
        // Saturday 12 December: the prospect's Monday.
        CHECK(hours.next_shared(always, "Europe/Berlin", utc("2026-12-12T09:00:00Z")) == utc("2026-12-14T08:00:00Z"));
    }
}
