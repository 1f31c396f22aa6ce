// SSI snapshots and daily activity in the CRM: a second snapshot of a day replaces the first and says what it was,
// an imported count replaces its own source's count, and campaign actions that went out and the acceptances and replies
// received count as activity by UTC day.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <map>
#include <tuple>

#include "core/time.hpp"
#include "store/database.hpp"
#include "store/ssi_store.hpp"
#include "unit/report/reply_fixture.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using core::Activity;

namespace {

core::Day day(std::string_view text) {
    return core::parse_day(text).value();
}

core::Timestamp at(std::string_view text) {
    return core::parse_utc(text).value();
}

core::SsiSnapshot snapshot(const std::string& sender, std::string_view on, std::array<double, 4> pillars) {
    core::SsiSnapshot result;
    result.sender = sender;
    result.day = day(on);
    result.pillars = pillars;
    result.total = core::pillar_sum(result);
    result.source = "manual";
    return result;
}

struct Crm {
    test::TempFolder folder;
    store::Database database{folder / "campaign.db", store::OpenMode::create};
    store::SsiStore ssi{database};

    // `count` actions of a sender that went out (or not: `state`) at `at_utc`, when the sender's wall clock read
    // `at_local`. The rows they belong to (enrollments, campaigns) do not matter here.
    void actions(core::RowId sender, const std::string& type, const std::string& state, const std::string& at_utc,
                 const std::string& at_local, int count) {
        static int row = 0;
        database.sqlite().exec("PRAGMA foreign_keys = OFF");
        for (int i = 0; i < count; ++i) {
            ++row;
            database.sqlite().exec(
                "INSERT INTO actions (enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, "
                "type, idempotency_key, state, at_utc, at_local) VALUES (" +
                std::to_string(row) + ", 1, 1, " + std::to_string(row) + ", " + std::to_string(sender) + ", 'step', '" +
                type + "', 'key-" + std::to_string(row) + "', '" + state + "', '" + at_utc + "', '" + at_local + "')");
        }
    }

    // `count` actions at noon UTC of the day `on`, for a sender in UTC.
    void tally(core::RowId sender, const std::string& type, const std::string& state, const std::string& on,
               int count) {
        actions(sender, type, state, on + "T12:00:00Z", on + "T12:00:00+00:00", count);
    }

    void event(core::RowId sender, const std::string& type, const std::string& occurred_at) {
        static int row = 0;
        ++row;
        database.sqlite().exec("INSERT INTO events (external_id, type, sender_id, occurred_at, received_at) VALUES "
                               "('event-" +
                               std::to_string(row) + "', '" + type + "', " + std::to_string(sender) + ", '" +
                               occurred_at + "', '" + occurred_at + "')");
    }
};

using Counts = std::map<std::pair<std::string, Activity>, std::int64_t>;

Counts counts_of(const std::vector<store::DailyActivity>& days) {
    Counts counts;
    for (const auto& row : days) {
        auto key = std::pair{core::format_day(row.day), row.activity};
        CHECK_FALSE(counts.contains(key)); // one row a day and activity
        counts[key] = row.count;
    }
    return counts;
}

} // namespace

TEST_CASE("an unknown sender is added for its SSI, once", "[store]") {
    Crm crm;
    CHECK_FALSE(crm.ssi.has_sender("alice"));
    auto id = crm.ssi.sender_id("alice");
    CHECK(crm.ssi.has_sender("alice"));
    CHECK(crm.ssi.sender_id("alice") == id);
    CHECK(crm.ssi.sender_id("bob") != id);
    CHECK_FALSE(crm.ssi.has_sender("Alice"));
    auto& db = crm.database.sqlite();
    CHECK(db.execAndGet("SELECT count(*) FROM senders").getInt() == 2);
    CHECK(db.execAndGet("SELECT timezone FROM senders WHERE name = 'alice'").getString() == "UTC");

    SECTION("a sender a campaign added keeps its id and settings") {
        db.exec("INSERT INTO senders (name, timezone) VALUES ('carol', 'Europe/Paris')");
        auto carol = db.execAndGet("SELECT id FROM senders WHERE name = 'carol'").getInt64();
        CHECK(crm.ssi.sender_id("carol") == carol);
        CHECK(db.execAndGet("SELECT timezone FROM senders WHERE name = 'carol'").getString() == "Europe/Paris");
        crm.ssi.record(snapshot("carol", "2026-11-03", {1, 2, 3, 4}), at("2026-11-03T10:00:00Z"));
        CHECK(db.execAndGet("SELECT count(*) FROM senders").getInt() == 3);
    }
}

// A failed import rolls its transaction back, new senders with it; the same store may record again after.
TEST_CASE("a sender added in a transaction that was rolled back is added again, under its own name", "[store]") {
    Crm crm;
    {
        store::Transaction transaction(crm.database);
        crm.ssi.record(snapshot("dave", "2026-11-03", {1, 2, 3, 4}), at("2026-11-03T10:00:00Z"));
    }
    CHECK_FALSE(crm.ssi.has_sender("dave"));
    crm.ssi.record(snapshot("erin", "2026-11-03", {5, 5, 5, 5}), at("2026-11-03T10:00:00Z"));
    crm.ssi.record(snapshot("dave", "2026-11-04", {1, 2, 3, 4}), at("2026-11-04T10:00:00Z"));
    CHECK(crm.ssi.has_sender("dave"));
    CHECK(crm.ssi.snapshots("dave").size() == 1);
    CHECK(crm.ssi.snapshots("erin").size() == 1);
    CHECK(crm.ssi.sender_id("dave") != crm.ssi.sender_id("erin"));
}

TEST_CASE("a snapshot is stored whole, and a second one of the same day replaces it and says what it was", "[store]") {
    Crm crm;
    auto first = snapshot("alice", "2026-11-03", {10.5, 11.25, 12, 13.01});
    first.industry_rank = 5;
    first.network_rank = 12;
    first.industry_average = 30.5;
    first.network_average = 28.25;
    first.source = "json";
    CHECK_FALSE(crm.ssi.record(first, at("2026-11-03T10:00:00Z")));
    auto stored = crm.ssi.snapshots("alice");
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].sender == "alice");
    CHECK(stored[0].day == first.day);
    CHECK(stored[0].pillars == first.pillars);
    CHECK(stored[0].total == first.total);
    CHECK(stored[0].industry_rank == 5);
    CHECK(stored[0].network_rank == 12);
    CHECK(stored[0].industry_average == 30.5);
    CHECK(stored[0].network_average == 28.25);
    CHECK(stored[0].source == "json");

    auto second = snapshot("alice", "2026-11-03", {10, 11, 12, 13});
    auto replaced = crm.ssi.record(second, at("2026-11-03T18:00:00Z"));
    REQUIRE(replaced);
    CHECK(replaced->pillars == first.pillars);
    CHECK(replaced->industry_rank == 5);
    CHECK(replaced->network_average == 28.25);
    CHECK(replaced->source == "json");
    stored = crm.ssi.snapshots("alice");
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].pillars == second.pillars);
    CHECK(stored[0].total == 46);
    CHECK_FALSE(stored[0].industry_rank); // replaced whole, not merged
    CHECK_FALSE(stored[0].network_average);
    CHECK(stored[0].source == "manual");
    CHECK(crm.database.sqlite().execAndGet("SELECT recorded_at FROM ssi_snapshots").getString() ==
          "2026-11-03T18:00:00Z");

    SECTION("the same day of another sender is another snapshot") {
        CHECK_FALSE(crm.ssi.record(snapshot("bob", "2026-11-03", {1, 2, 3, 4}), at("2026-11-03T18:00:00Z")));
        CHECK(crm.ssi.snapshots("alice").at(0).pillars == second.pillars);
        CHECK(crm.ssi.snapshots("bob").at(0).pillars == std::array<double, 4>{1, 2, 3, 4});
    }
    SECTION("the database refuses a pillar out of range, and keeps what it had") {
        CHECK_THROWS(crm.ssi.record(snapshot("alice", "2026-11-03", {26, 11, 12, 13}), at("2026-11-04T00:00:00Z")));
        CHECK(crm.ssi.snapshots("alice").at(0).pillars == second.pillars);
    }
}

TEST_CASE("a sender's snapshots come by day, within the days asked for", "[store]") {
    Crm crm;
    auto recorded = at("2026-11-10T00:00:00Z");
    // Recorded out of order, with another sender's between.
    for (auto on : {"2026-11-05", "2026-11-01", "2026-11-03", "2026-10-31", "2026-11-04"}) {
        crm.ssi.record(snapshot("alice", on, {10, 10, 10, 10}), recorded);
    }
    crm.ssi.record(snapshot("bob", "2026-11-02", {5, 5, 5, 5}), recorded);
    auto days_of = [](const std::vector<core::SsiSnapshot>& snapshots) {
        std::vector<std::string> days;
        for (const auto& snapshot : snapshots) {
            days.push_back(core::format_day(snapshot.day));
        }
        return days;
    };
    using Days = std::vector<std::string>;
    CHECK(days_of(crm.ssi.snapshots("alice")) ==
          Days{"2026-10-31", "2026-11-01", "2026-11-03", "2026-11-04", "2026-11-05"});
    CHECK(days_of(crm.ssi.snapshots("alice", day("2026-11-01"), day("2026-11-04"))) ==
          Days{"2026-11-01", "2026-11-03", "2026-11-04"});
    CHECK(days_of(crm.ssi.snapshots("alice", day("2026-11-02"))) == Days{"2026-11-03", "2026-11-04", "2026-11-05"});
    CHECK(days_of(crm.ssi.snapshots("alice", std::nullopt, day("2026-11-01"))) == Days{"2026-10-31", "2026-11-01"});
    CHECK(crm.ssi.snapshots("alice", day("2026-11-06")).empty());
    CHECK(crm.ssi.snapshots("carol").empty());

    SECTION("the latest before a day is strictly before it") {
        CHECK(crm.ssi.latest_before("alice", day("2026-11-03"))->day == day("2026-11-01"));
        CHECK(crm.ssi.latest_before("alice", day("2026-11-04"))->day == day("2026-11-03"));
        CHECK(crm.ssi.latest_before("alice", day("2026-12-25"))->day == day("2026-11-05"));
        CHECK_FALSE(crm.ssi.latest_before("alice", day("2026-10-31")));
        CHECK(crm.ssi.latest_before("bob", day("2026-11-05"))->pillars == std::array<double, 4>{5, 5, 5, 5});
        CHECK_FALSE(crm.ssi.latest_before("carol", day("2026-11-05")));
    }
    SECTION("senders with snapshots, by name, with their first and last day") {
        crm.ssi.sender_id("aaron"); // no snapshot
        crm.ssi.record(snapshot("Zed", "2026-11-07", {1, 1, 1, 1}), recorded);
        auto senders = crm.ssi.senders();
        REQUIRE(senders.size() == 3);
        CHECK(senders[0].name == "Zed"); // by name, as SQLite sorts text
        CHECK(senders[1].name == "alice");
        CHECK(senders[1].first == day("2026-10-31"));
        CHECK(senders[1].last == day("2026-11-05"));
        CHECK(senders[1].snapshots == 5);
        CHECK(senders[2].name == "bob");
        CHECK(senders[2].first == day("2026-11-02"));
        CHECK(senders[2].last == day("2026-11-02"));
        CHECK(senders[2].snapshots == 1);
    }
}

TEST_CASE("imported counts of a day add up, a source is cleared sender by sender, and sources add up", "[store]") {
    Crm crm;
    crm.ssi.add_activity("alice", {day("2026-11-03"), Activity::posts, 2}, "activity.csv");
    crm.ssi.add_activity("bob", {day("2026-11-03"), Activity::posts, 9}, "activity.csv");
    // Imported again: the earlier counts of alice's series go, bob's stay.
    CHECK(crm.ssi.clear_activity("alice", "activity.csv") == 1);
    CHECK(crm.ssi.clear_activity("alice", "activity.csv") == 0);
    crm.ssi.add_activity("alice", {day("2026-11-03"), Activity::posts, 1}, "activity.csv");
    crm.ssi.add_activity("alice", {day("2026-11-03"), Activity::posts, 2}, "activity.csv"); // the same day again
    crm.ssi.add_activity("alice", {day("2026-11-03"), Activity::posts, 4}, "other.csv");
    crm.ssi.add_activity("alice", {day("2026-11-03"), Activity::comments, 1}, "activity.csv");
    crm.ssi.add_activity("alice", {day("2026-11-04"), Activity::posts, 1}, "activity.csv");
    CHECK(counts_of(crm.ssi.daily_activity("bob", day("2026-11-01"), day("2026-11-30"))) ==
          Counts{{{"2026-11-03", Activity::posts}, 9}});
    CHECK(crm.ssi.has_sender("bob")); // added for its activity

    auto days = crm.ssi.daily_activity("alice", day("2026-11-01"), day("2026-11-30"));
    REQUIRE(days.size() == 3);
    // By day, then in the order of the activities.
    CHECK(days[0].day == day("2026-11-03"));
    CHECK(days[0].activity == Activity::posts);
    CHECK(days[0].count == 7); // 1 and 2 of this series (its earlier 2 cleared), and 4 from another
    CHECK(days[1].day == day("2026-11-03"));
    CHECK(days[1].activity == Activity::comments);
    CHECK(days[1].count == 1);
    CHECK(days[2].day == day("2026-11-04"));
    CHECK(days[2].count == 1);
    CHECK(counts_of(crm.ssi.daily_activity("alice", day("2026-11-04"), day("2026-11-04"))) ==
          Counts{{{"2026-11-04", Activity::posts}, 1}});
    CHECK(crm.ssi.daily_activity("alice", day("2026-11-05"), day("2026-11-30")).empty());
    CHECK(crm.ssi.daily_activity("carol", day("2026-11-01"), day("2026-11-30")).empty());
}

TEST_CASE("campaign actions that went out count as the activity they are", "[store]") {
    Crm crm;
    auto alice = crm.ssi.sender_id("alice");
    auto bob = crm.ssi.sender_id("bob");
    const std::string on = "2026-11-03";
    crm.tally(alice, "view_profile", "sent", on, 1);
    crm.tally(alice, "connect", "sent", on, 2);
    crm.tally(alice, "message", "sent", on, 3);
    crm.tally(alice, "inmail", "sent", on, 4);
    crm.tally(alice, "follow", "sent", on, 5);
    crm.tally(alice, "like_post", "sent", on, 6);
    crm.tally(alice, "endorse", "sent", on, 7);
    crm.tally(alice, "withdraw_invite", "sent", on, 8);
    for (auto state : {"failed", "sending", "in_doubt"}) {
        crm.tally(alice, "connect", state, on, 100);
        crm.tally(alice, "message", state, on, 100);
    }
    crm.tally(alice, "connect", "sent", on, 10); // another step's invitations that day
    crm.tally(bob, "connect", "sent", on, 1000);
    crm.ssi.add_activity("alice", {day(on), Activity::connection_requests, 20}, "activity.csv");

    CHECK(counts_of(crm.ssi.daily_activity("alice", day(on), day(on))) ==
          Counts{{{on, Activity::profile_views}, 1},
                 {{on, Activity::connection_requests}, 32}, // 2 and 10 sent, 20 imported
                 {{on, Activity::messages_sent}, 7},        // messages and InMails
                 {{on, Activity::follows}, 5},
                 {{on, Activity::likes}, 6},
                 {{on, Activity::endorsements}, 7}});
    CHECK(counts_of(crm.ssi.daily_activity("bob", day(on), day(on))) ==
          Counts{{{on, Activity::connection_requests}, 1000}});
    CHECK(crm.ssi.daily_activity("alice", day("2026-11-02"), day("2026-11-02")).empty());
}

TEST_CASE("actions, acceptances and replies count on the sender's own calendar day", "[store]") {
    Crm crm;
    auto alice = crm.ssi.sender_id("alice");
    crm.database.sqlite().exec("UPDATE senders SET timezone = 'America/New_York' WHERE name = 'alice'");
    // 23:30 in New York on 9 March is 03:30 UTC on the 10th; 00:30 on the 10th is 05:30 UTC then.
    crm.actions(alice, "connect", "sent", "2026-03-10T03:30:00Z", "2026-03-09T23:30:00-04:00", 2);
    crm.actions(alice, "connect", "sent", "2026-03-10T05:30:00Z", "2026-03-10T00:30:00-04:00", 1);
    crm.event(alice, "accepted", "2026-03-10T03:59:00Z"); // 23:59 on the 9th in New York
    crm.event(alice, "replied", "2026-03-10T04:00:00Z");  // midnight: the 10th
    CHECK(counts_of(crm.ssi.daily_activity("alice", day("2026-03-09"), day("2026-03-10"))) ==
          Counts{{{"2026-03-09", Activity::connection_requests}, 2},
                 {{"2026-03-09", Activity::connections_accepted}, 1},
                 {{"2026-03-10", Activity::connection_requests}, 1},
                 {{"2026-03-10", Activity::replies_received}, 1}});
    // The period is the sender's days: the 9th alone holds what happened on it in New York, UTC's 10th or not.
    CHECK(counts_of(crm.ssi.daily_activity("alice", day("2026-03-09"), day("2026-03-09"))) ==
          Counts{{{"2026-03-09", Activity::connection_requests}, 2},
                 {{"2026-03-09", Activity::connections_accepted}, 1}});

    SECTION("east of UTC, a morning is the day before in UTC") {
        auto kenji = crm.ssi.sender_id("kenji");
        crm.database.sqlite().exec("UPDATE senders SET timezone = 'Asia/Tokyo' WHERE name = 'kenji'");
        crm.event(kenji, "replied", "2026-03-09T16:30:00Z"); // 01:30 on the 10th in Tokyo
        CHECK(counts_of(crm.ssi.daily_activity("kenji", day("2026-03-10"), day("2026-03-10"))) ==
              Counts{{{"2026-03-10", Activity::replies_received}, 1}});
        CHECK(crm.ssi.daily_activity("kenji", day("2026-03-09"), day("2026-03-09")).empty());
    }
    SECTION("a time zone the database does not know is an error that names it") {
        crm.database.sqlite().exec("UPDATE senders SET timezone = 'Mars/Olympus' WHERE name = 'alice'");
        CHECK_THROWS_WITH(crm.ssi.daily_activity("alice", day("2026-03-09"), day("2026-03-10")),
                          Catch::Contains("Mars/Olympus"));
    }
}

TEST_CASE("acceptances and replies count by the day they happened on, other events not at all", "[store]") {
    Crm crm;
    auto alice = crm.ssi.sender_id("alice");
    auto bob = crm.ssi.sender_id("bob");
    crm.event(alice, "accepted", "2026-11-02T23:59:59Z"); // before the period
    crm.event(alice, "accepted", "2026-11-03T00:00:00Z");
    crm.event(alice, "accepted", "2026-11-03T23:59:59Z");
    crm.event(alice, "replied", "2026-11-03T12:00:00Z");
    crm.event(alice, "accepted", "2026-11-04T00:00:00Z");
    crm.event(alice, "replied", "2026-11-05T23:59:59Z"); // the last day of the period, to its end
    crm.event(alice, "replied", "2026-11-06T00:00:00Z"); // after it
    for (auto type : {"opted_out", "bounced", "withdrawn", "restricted"}) {
        crm.event(alice, type, "2026-11-03T12:00:00Z");
    }
    crm.event(bob, "accepted", "2026-11-03T12:00:00Z");
    crm.database.sqlite().exec("INSERT INTO events (external_id, type, occurred_at, received_at) VALUES "
                               "('nobody', 'accepted', '2026-11-03T12:00:00Z', '2026-11-03T12:00:00Z')");

    CHECK(counts_of(crm.ssi.daily_activity("alice", day("2026-11-03"), day("2026-11-05"))) ==
          Counts{{{"2026-11-03", Activity::connections_accepted}, 2},
                 {{"2026-11-03", Activity::replies_received}, 1},
                 {{"2026-11-04", Activity::connections_accepted}, 1},
                 {{"2026-11-05", Activity::replies_received}, 1}});
    CHECK(counts_of(crm.ssi.daily_activity("bob", day("2026-11-01"), day("2026-11-30"))) ==
          Counts{{{"2026-11-03", Activity::connections_accepted}, 1}});
}

TEST_CASE("a campaign's actions, acceptances and replies are a sender's activity, with what was imported", "[store]") {
    Crm crm;
    crm.database.sqlite().exec(fixture::k_reply_fixture_sql);
    crm.ssi.add_activity("alice", {day("2026-11-03"), Activity::posts, 1}, "activity.csv");
    crm.ssi.add_activity("alice", {day("2026-11-03"), Activity::replies_received, 2}, "activity.csv");
    // Alice sent the invitations of enrollments 1-6 on 11-02, four of them were accepted that day; she messaged four
    // on 11-03, and had three replies that day and one the next.
    CHECK(counts_of(crm.ssi.daily_activity("alice", day("2026-11-01"), day("2026-11-04"))) ==
          Counts{{{"2026-11-02", Activity::connection_requests}, 6},
                 {{"2026-11-02", Activity::connections_accepted}, 4},
                 {{"2026-11-03", Activity::messages_sent}, 4},
                 {{"2026-11-03", Activity::replies_received}, 5},
                 {{"2026-11-03", Activity::posts}, 1},
                 {{"2026-11-04", Activity::replies_received}, 1}});
    // Bob's tenth invitation failed.
    CHECK(counts_of(crm.ssi.daily_activity("bob", day("2026-11-01"), day("2026-11-30"))) ==
          Counts{{{"2026-11-02", Activity::connection_requests}, 3}});
}

// Prospect 1's acceptance is reported twice (events ev1 and ev1-again, the second on 11-05): one connection was
// accepted, as the reply report counts it, so 11-05 holds no accepted connection.
TEST_CASE("an acceptance reported twice is one accepted connection", "[store]") {
    Crm crm;
    crm.database.sqlite().exec(fixture::k_reply_fixture_sql);
    auto counts = counts_of(crm.ssi.daily_activity("alice", day("2026-11-01"), day("2026-11-30")));
    CHECK(counts[{"2026-11-02", Activity::connections_accepted}] == 4);
    CHECK(counts[{"2026-11-05", Activity::connections_accepted}] == 0);
}
