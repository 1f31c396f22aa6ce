#include <catch2/catch.hpp>

#include "schedule/health.hpp"
#include "schedule/limits.hpp"
#include "sender.hpp"

using namespace campaign;
using schedule::invitation_cap;
using test::sender_in;

namespace {

core::InvitationRecord record(int settled, int accepted, int pending) {
    return core::InvitationRecord{settled, accepted, pending};
}

} // namespace

TEST_CASE("a healthy sender's invitations are not capped", "[schedule]") {
    auto sender = sender_in("Europe/Paris"); // 400 pending at most
    CHECK_FALSE(invitation_cap(sender, record(50, 20, 100), 100, 20));
    // Too few settled invitations to judge the acceptance by.
    CHECK_FALSE(invitation_cap(sender, record(19, 0, 19), 100, 20));
    CHECK_FALSE(invitation_cap(sender, record(0, 0, 0), 100, 0));
}

TEST_CASE("low acceptance halves the day's invitations, very low quarters them", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    CHECK_FALSE(invitation_cap(sender, record(50, 10, 100), 100, 20)); // 20%
    auto poor = invitation_cap(sender, record(50, 9, 100), 100, 20);   // 18%
    REQUIRE(poor);
    CHECK(poor->invitations == 10);
    CHECK(poor->day == 100);
    CHECK(poor->why == "18% of the last 50 invitations accepted, under 20%: half the invitations");
    auto bad = invitation_cap(sender, record(40, 3, 100), 100, 20); // 7.5%
    REQUIRE(bad);
    CHECK(bad->invitations == 5);
    CHECK(bad->why == "7% of the last 40 invitations accepted, under 10%: a quarter of the invitations");
    // Never below one a day for acceptance alone.
    CHECK(invitation_cap(sender, record(50, 0, 10), 100, 2)->invitations == 1);
}

TEST_CASE("pending invitations near the ceiling halve the invitations, and none go out at it", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.limits.pending_invitations = 100;
    auto crowded = invitation_cap(sender, record(10, 1, 85), 100, 20);
    REQUIRE(crowded);
    CHECK(crowded->invitations == 10);
    CHECK(crowded->why == "85 invitations pending, near the ceiling of 100: half the invitations");
    // Only the room left under the ceiling.
    CHECK(invitation_cap(sender, record(10, 1, 96), 100, 20)->invitations == 4);
    auto full = invitation_cap(sender, record(10, 1, 100), 100, 20);
    REQUIRE(full);
    CHECK(full->invitations == 0);
    CHECK(full->why == "100 invitations pending, at the ceiling of 100: none until some are accepted or withdrawn");
    // Both at once: the lower share, and both reasons.
    auto both = invitation_cap(sender, record(50, 4, 90), 100, 20);
    REQUIRE(both);
    CHECK(both->invitations == 5);
    CHECK(both->why == "8% of the last 50 invitations accepted, under 10%: a quarter of the invitations; 90 "
                       "invitations pending, near the ceiling of 100: half the invitations");
}

TEST_CASE("the cap holds on its own day only, and shows in the day's note", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.invitation_cap = invitation_cap(sender, record(50, 4, 10), 100, 20);
    CHECK(schedule::day_limit(sender, core::ActionType::connect, 100) == 5);
    CHECK(schedule::day_limit(sender, core::ActionType::connect, 101) == 20);
    CHECK(schedule::day_limit(sender, core::ActionType::message, 100) == 100);
    CHECK(schedule::limits_note(sender, 100) ==
          "invitations 5 today: 8% of the last 50 invitations accepted, under 10%: a quarter of the invitations");
    CHECK(schedule::limits_note(sender, 101).empty());
}

TEST_CASE("a run restarted in the day counts the day's own invitations once, not as pending and used", "[schedule]") {
    auto sender = sender_in("Europe/Paris");
    sender.limits.pending_invitations = 50;
    // 40 pending when the day began, 4 sent since: the day may still reach 10, the room under the ceiling.
    auto cap = invitation_cap(sender, record(10, 1, 44), 100, 20, 4);
    REQUIRE(cap);
    CHECK(cap->invitations == 10);
    CHECK(cap->why == "44 invitations pending, near the ceiling of 50: half the invitations");
    // The room binds: it is given as the reason.
    auto tight = invitation_cap(sender, record(10, 1, 47), 100, 20, 1);
    REQUIRE(tight);
    CHECK(tight->invitations == 4);
    CHECK(tight->why == "47 invitations pending, near the ceiling of 50: half the invitations; 47 invitations "
                        "pending: 4 today, the room left under the ceiling of 50");
}
