// A sequence paused while the prospect is away or until they asked to be contacted: when it resumes, and where what
// was due lands, counted in the sender's days across weekends and daylight-saving changes.
#include <catch2/catch.hpp>

#include "schedule/pause.hpp"
#include "schedule/sequence.hpp"
#include "sender.hpp"

using namespace campaign;
using schedule::SenderCalendar;
using test::sender_in;
using test::utc;

namespace {

core::Day day(const char* text) {
    return *core::parse_day(text);
}

} // namespace

TEST_CASE("a pause ends at the start of the first day back, in the sender's zone", "[schedule]") {
    SenderCalendar paris(sender_in("Europe/Paris"));
    // Back on Tuesday 30 March 2027: summer time since the Sunday before.
    CHECK(schedule::resume_moment(paris, day("2027-03-30"), std::chrono::days{7}, utc("2027-03-23T10:00:00Z")) ==
          utc("2027-03-29T22:00:00Z"));
    // No date: the start of the day a week later.
    CHECK(schedule::resume_moment(paris, std::nullopt, std::chrono::days{7}, utc("2027-03-23T10:00:00Z")) ==
          utc("2027-03-29T22:00:00Z"));
    SenderCalendar new_york(sender_in("America/New_York"));
    CHECK(schedule::resume_moment(new_york, day("2026-11-02"), std::chrono::days{7}, utc("2026-10-28T15:00:00Z")) ==
          utc("2026-11-02T05:00:00Z"));
}

TEST_CASE("what was due moves by the pause's days, at the same time on the sender's clock", "[schedule]") {
    SenderCalendar paris(sender_in("Europe/Paris"));
    auto paused_at = utc("2027-03-23T10:00:00Z");
    auto resume = utc("2027-03-29T22:00:00Z");
    // Due Thursday 25 March at 10:13 in Paris (09:13 UTC): seven days later it is 10:13 in summer time, 08:13 UTC.
    CHECK(schedule::after_pause(paris, utc("2027-03-25T09:13:00Z"), paused_at, resume) == utc("2027-04-01T08:13:00Z"));
    // Due before the pause (a step held by a limit): when the pause ends, not before.
    CHECK(schedule::after_pause(paris, utc("2027-03-22T09:00:00Z"), paused_at, resume) == resume);
    // The clocks go back on Sunday 31 October 2027: 09:00 stays 09:00.
    CHECK(schedule::after_pause(paris, utc("2027-10-29T07:00:00Z"), utc("2027-10-28T12:00:00Z"),
                                utc("2027-11-03T23:00:00Z")) == utc("2027-11-05T08:00:00Z"));
}

TEST_CASE("a reply takes the branch of its class, else the one for every reply, but a decline only its own",
          "[schedule]") {
    core::Step step;
    step.id = "hello";
    step.type = core::ActionType::message;
    core::Branch interested;
    interested.on = core::Outcome::replied;
    interested.reply_class = core::ReplyClass::interested;
    interested.target = "book";
    core::Branch every;
    every.on = core::Outcome::replied;
    every.target = "thanks";
    step.branches = {interested, every};
    CHECK(schedule::reply_branch(step, core::ReplyClass::interested)->target == "book");
    CHECK(schedule::reply_branch(step, core::ReplyClass::neutral)->target == "thanks");
    CHECK(schedule::reply_branch(step, core::ReplyClass::later)->target == "thanks");
    CHECK(schedule::reply_branch(step, core::ReplyClass::not_interested) == nullptr);
    core::Branch declined = every;
    declined.reply_class = core::ReplyClass::not_interested;
    declined.target = "goodbye";
    step.branches.push_back(declined);
    CHECK(schedule::reply_branch(step, core::ReplyClass::not_interested)->target == "goodbye");
    step.branches.clear();
    CHECK(schedule::reply_branch(step, core::ReplyClass::interested) == nullptr);
}
