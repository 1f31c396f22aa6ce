#include <catch2/catch.hpp>

#include "schedule/calendar.hpp"
#include "schedule/ledger.hpp"
#include "schedule/limits.hpp"
#include "schedule/planner.hpp"
#include "sender.hpp"

using namespace campaign;
using core::ActionType;
using schedule::day_limit;
using schedule::LocalDay;
using schedule::week_invitation_limit;
using test::sender_in;
using test::utc;

namespace {

LocalDay day_of(const char* text) {
    return static_cast<LocalDay>(core::parse_day(text)->time_since_epoch().count());
}

} // namespace

TEST_CASE("without a warm-up the limits are the configured ones on every day", "[schedule]") {
    auto sender = sender_in("Europe/Paris"); // 20 invitations a day, 100 a week
    CHECK(day_limit(sender, ActionType::connect, day_of("2026-12-07")) == 20);
    CHECK(week_invitation_limit(sender, day_of("2026-12-07")) == sender.limits.invitations_per_week);
    CHECK_FALSE(schedule::warmup_week(sender, day_of("2026-12-07")));
    CHECK(schedule::limits_note(sender, day_of("2026-12-07")).empty());
    sender.limits.per_day.erase(ActionType::follow);
    CHECK_FALSE(day_limit(sender, ActionType::follow, day_of("2026-12-07")));
}

TEST_CASE("a warm-up starts at its invitations and reaches the configured limits in its last week", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.limits.per_day[ActionType::connect] = 20;
    sender.limits.per_day[ActionType::message] = 80;
    sender.limits.per_day[ActionType::inmail] = 0;
    sender.limits.invitations_per_week = 80;
    sender.warmup = core::Warmup{day_of("2026-12-07"), 4, 5};
    // Week by week: 25%, 50%, 75%, then all of it.
    struct Week {
        const char* first;
        const char* last;
        int invitations;
        int messages;
        int per_week;
    };
    for (auto [first, last, invitations, messages, per_week] :
         {Week{"2026-12-07", "2026-12-13", 5, 20, 20}, Week{"2026-12-14", "2026-12-20", 10, 40, 40},
          Week{"2026-12-21", "2026-12-27", 15, 60, 60}, Week{"2026-12-28", "2027-01-03", 20, 80, 80},
          Week{"2027-01-04", "2027-12-31", 20, 80, 80}}) {
        for (auto day : {day_of(first), day_of(last)}) {
            INFO(first);
            CHECK(day_limit(sender, ActionType::connect, day) == invitations);
            CHECK(day_limit(sender, ActionType::message, day) == messages);
            CHECK(day_limit(sender, ActionType::inmail, day) == 0); // never raised from nothing
            CHECK(week_invitation_limit(sender, day) == per_week);
        }
    }
    CHECK(schedule::warmup_week(sender, day_of("2026-12-15")) == 2);
    CHECK(schedule::limits_note(sender, day_of("2026-12-15")) == "warm-up week 2 of 4: 50% of the configured limits");
    CHECK_FALSE(schedule::warmup_week(sender, day_of("2027-01-04")));
    // Before its start day the account is as new as on it.
    CHECK(day_limit(sender, ActionType::connect, day_of("2026-11-30")) == 5);
}

TEST_CASE("a warm-up without a start counts from the first action, and a small limit never drops to 0", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.limits.per_day[ActionType::connect] = 10;
    sender.limits.per_day[ActionType::endorse] = 1;
    sender.warmup = core::Warmup{std::nullopt, 2, 2};
    // Not acted yet: every day is its first week's.
    CHECK(day_limit(sender, ActionType::connect, day_of("2027-06-01")) == 2);
    sender.first_action_day = day_of("2026-12-09");
    CHECK(day_limit(sender, ActionType::connect, day_of("2026-12-15")) == 2);
    CHECK(day_limit(sender, ActionType::connect, day_of("2026-12-16")) == 10);
    CHECK(day_limit(sender, ActionType::endorse, day_of("2026-12-09")) == 1);
    // Without invitations to take the first share from, it is a quarter.
    sender.limits.per_day[ActionType::connect] = 0;
    sender.limits.per_day[ActionType::message] = 40;
    CHECK(day_limit(sender, ActionType::message, day_of("2026-12-09")) == 10);
}

TEST_CASE("the planner keeps a warming sender to the day's lowered limit and goes on the next day", "[schedule]") {
    auto sender = sender_in("Europe/Paris"); // 09:00-18:00 Monday to Friday
    sender.pacing = {std::chrono::seconds{0}, std::chrono::seconds{0}};
    sender.limits.per_day[ActionType::connect] = 20;
    sender.warmup = core::Warmup{day_of("2026-12-07"), 4, 5};
    schedule::SenderCalendar calendar(sender);
    schedule::SenderLedger ledger(calendar);
    auto monday = utc("2026-12-07T08:00:00Z");
    for (int sent = 0; sent < 5; ++sent) {
        auto slot = *schedule::earliest_slot(sender, calendar, ledger, ActionType::connect, monday);
        CHECK(calendar.local_day(slot) == day_of("2026-12-07"));
        ledger.record(ActionType::connect, slot);
    }
    auto sixth = *schedule::earliest_slot(sender, calendar, ledger, ActionType::connect, monday);
    CHECK(calendar.local_day(sixth) == day_of("2026-12-08"));
}
