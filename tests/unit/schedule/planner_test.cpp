#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/random.hpp"
#include "schedule/planner.hpp"
#include "sender.hpp"

using namespace campaign;
using core::ActionType;
using schedule::earliest_slot;
using schedule::release_time;
using schedule::SenderCalendar;
using schedule::SenderLedger;
using test::sender_in;
using test::utc;

TEST_CASE("a slot is the due time when nothing stands in the way", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    SenderCalendar calendar(sender);
    SenderLedger ledger(calendar);
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::connect, utc("2026-11-26T10:00:00Z")) ==
          utc("2026-11-26T10:00:00Z"));
    // A Saturday goes to Monday, at the first invitation's moment of the day's spread.
    auto monday = utc("2026-11-30T08:00:00Z");
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::connect, utc("2026-11-28T10:00:00Z")) ==
          release_time(sender, calendar, ledger, ActionType::connect, monday));
}

TEST_CASE("a day's actions of a type are spread over the working hours, one in each equal share", "[schedule]") {
    auto sender = sender_in("Europe/Paris"); // 09:00-18:00, 20 invitations a day
    sender.pacing = {std::chrono::seconds{0}, std::chrono::seconds{0}};
    SenderCalendar calendar(sender);
    SenderLedger ledger(calendar);
    auto opening = utc("2026-11-26T08:00:00Z");
    auto share = std::chrono::minutes{27}; // 9 hours over 20
    std::set<std::int64_t> offsets;
    for (int number = 0; number < 20; ++number) {
        auto slot = *earliest_slot(sender, calendar, ledger, ActionType::connect, opening);
        INFO("invitation " << number << " at " << core::format_utc(slot));
        CHECK(slot >= opening + number * share);
        CHECK(slot < opening + (number + 1) * share);
        offsets.insert((slot - (opening + number * share)).count());
        ledger.record(ActionType::connect, slot);
    }
    CHECK(offsets.size() == 20); // a moment of its own in each share, not the same every time
    // The 21st waits for the next day.
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::connect, opening) >= utc("2026-11-27T08:00:00Z"));

    SECTION("a plan for the day shares it among the work there is") {
        SenderLedger planned(calendar);
        planned.plan(ActionType::message, calendar.local_day(opening), schedule::DayPlan{3});
        auto third = std::chrono::hours{3};
        for (int number = 0; number < 3; ++number) {
            auto slot = *earliest_slot(sender, calendar, planned, ActionType::message, opening);
            CHECK(slot >= opening + number * third);
            CHECK(slot < opening + (number + 1) * third);
            planned.record(ActionType::message, slot);
        }
        // Work beyond the plan goes as soon as the pacing lets it.
        CHECK(earliest_slot(sender, calendar, planned, ActionType::message, utc("2026-11-26T16:00:00Z")) ==
              utc("2026-11-26T16:00:00Z"));
    }
}

TEST_CASE("pacing waits out the gap after the last action", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.pacing = {std::chrono::minutes{4}, std::chrono::minutes{0}};
    SenderCalendar calendar(sender);
    SenderLedger ledger(calendar);
    core::SeededRandom random(1);
    ledger.record(ActionType::message, utc("2026-11-26T10:00:00Z"));
    ledger.pace(utc("2026-11-26T10:00:00Z"), sender.pacing, random);
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::view_profile, utc("2026-11-26T10:01:00Z")) ==
          utc("2026-11-26T10:04:00Z"));
    // A gap that runs past the end of the day goes to the next morning.
    ledger.pace(utc("2026-11-26T16:58:00Z"), sender.pacing, random);
    auto next_morning = utc("2026-11-27T08:00:00Z");
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::view_profile, utc("2026-11-26T16:58:00Z")) ==
          release_time(sender, calendar, ledger, ActionType::view_profile, next_morning));
}

TEST_CASE("a full day moves the action to the next working day", "[schedule]") {
    auto sender = sender_in("America/New_York");
    sender.limits.per_day[ActionType::message] = 2;
    SenderCalendar calendar(sender);
    SenderLedger ledger(calendar);
    ledger.record(ActionType::message, utc("2026-11-27T14:00:00Z"));
    ledger.record(ActionType::message, utc("2026-11-27T15:00:00Z"));
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::message, utc("2026-11-27T16:00:00Z")) ==
          release_time(sender, calendar, ledger, ActionType::message, utc("2026-11-30T14:00:00Z")));
    // Other types have their own count.
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::connect, utc("2026-11-27T16:00:00Z")) ==
          utc("2026-11-27T16:00:00Z"));
}

TEST_CASE("the week's invitations roll: the next goes when the oldest is seven days old", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.limits.invitations_per_week = 3;
    SenderCalendar calendar(sender);
    SenderLedger ledger(calendar);
    ledger.record(ActionType::connect, utc("2026-11-23T09:00:00Z"));
    ledger.record(ActionType::connect, utc("2026-11-24T11:00:00Z"));
    ledger.record(ActionType::connect, utc("2026-11-25T12:00:00Z"));
    CHECK(ledger.invitations_in_week(utc("2026-11-26T10:00:00Z")) == 3);
    CHECK(earliest_slot(sender, calendar, ledger, ActionType::connect, utc("2026-11-26T10:00:00Z")) ==
          utc("2026-11-30T09:00:00Z"));
}

TEST_CASE("a limit of zero means never", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.limits.per_day[ActionType::inmail] = 0;
    SenderCalendar calendar(sender);
    SenderLedger ledger(calendar);
    CHECK_FALSE(earliest_slot(sender, calendar, ledger, ActionType::inmail, utc("2026-11-26T10:00:00Z")));
}

// Invariants 1 and 2 under load: a sender taking every slot it is given for months, with due times thrown at it in
// random order, never exceeds a limit on its local day or in any seven days, and never acts outside its hours.
TEST_CASE("randomized: limits and hours hold for every zone and seed", "[schedule][invariant]") {
    for (const char* zone : {"Europe/Paris", "America/New_York", "Asia/Kolkata"}) {
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            auto sender = sender_in(zone);
            sender.limits.per_day[ActionType::connect] = 7;
            sender.limits.per_day[ActionType::message] = 9;
            sender.limits.invitations_per_week = 25;
            sender.pacing = {std::chrono::minutes{2}, std::chrono::minutes{20}};
            SenderCalendar calendar(sender);
            SenderLedger ledger(calendar);
            core::SeededRandom random(seed);
            std::map<std::pair<schedule::LocalDay, ActionType>, int> per_day;
            std::vector<core::Timestamp> invitations;
            auto start = utc("2026-02-20T00:00:00Z"); // across the spring changes of both zones
            auto now = start;
            for (int i = 0; i < 1500; ++i) {
                auto type = random.chance(0.5) ? ActionType::connect : ActionType::message;
                auto due = now + random.up_to(std::chrono::hours{30}) - std::chrono::hours{10};
                auto slot = *earliest_slot(sender, calendar, ledger, type, due);
                REQUIRE(slot >= due);
                REQUIRE(slot >= ledger.next_free_at());
                REQUIRE(calendar.is_working(slot));
                ledger.record(type, slot);
                ledger.pace(slot, sender.pacing, random);
                now = std::max(now, slot);
                REQUIRE(++per_day[{calendar.local_day(slot), type}] <= sender.limits.per_day[type]);
                if (type == ActionType::connect) {
                    invitations.push_back(slot);
                    auto in_week = std::count_if(invitations.begin(), invitations.end(), [slot](auto at) {
                        return at > slot - std::chrono::days{7} && at <= slot;
                    });
                    REQUIRE(in_week <= 25);
                }
            }
            CHECK(now > start + std::chrono::days{60});
        }
    }
}
