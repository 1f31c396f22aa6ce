#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "store/rehearsal.hpp"
#include "store/retry.hpp"
#include "store/schema.hpp"
#include "unit/report/reply_fixture.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

const core::Timestamp k_now = *core::parse_utc("2026-12-03T08:00:00Z");

int count(store::Database& database, const std::string& sql) {
    return database.sqlite().execAndGet(sql).getInt();
}

// The reply report's fixture, as a run on the mock transport leaves it: its events are the simulator's, one of its
// replies an opt-out that suppressed the prospect, beside a suppression made by hand.
void simulate(store::Database& database, const std::string& transport = "mock",
              const std::string& clock = "simulated") {
    auto& db = database.sqlite();
    db.exec(fixture::k_reply_fixture_sql);
    db.exec("UPDATE events SET external_id = 'mock:' || external_id");
    db.exec("INSERT INTO runs (transport, clock, seed, started_at, reached_at) VALUES ('" + transport + "', '" + clock +
            "', 7, '2026-11-02T06:00:00Z', '2026-11-10T06:00:00Z')");
    db.exec("INSERT INTO suppressions (kind, value, reason, created_at) VALUES"
            " ('profile', 'https://www.linkedin.com/in/p1', 'opted out: remove me', '2026-11-03T10:00:00Z'),"
            " ('email_domain', 'competitor.example', '', '2026-11-01T00:00:00Z')");
    db.exec("INSERT INTO ssi_snapshots (sender_id, day, brand, people, insights, relationships, total, source,"
            " recorded_at) VALUES"
            " (1, '2026-11-02', 10, 10, 10, 10, 40, 'mock', '2026-11-02T06:00:00Z'),"
            " (1, '2026-11-01', 11, 10, 10, 10, 41, 'csv', '2026-11-01T06:00:00Z')");
    db.exec("UPDATE senders SET paused_at = '2026-11-04T00:00:00Z', pause_reason = 'simulated restriction'");
}

} // namespace

TEST_CASE("a rehearsal is kept beside its live database, named after it", "[store][rehearsal]") {
    CHECK(store::rehearsal_path("campaign.db") == "campaign.rehearsal.db");
    CHECK(store::rehearsal_path("/srv/crm/acme.sqlite") == "/srv/crm/acme.rehearsal.sqlite");
    CHECK(store::rehearsal_path("data/crm") == "data/crm.rehearsal");
}

TEST_CASE("a rehearsal is a consistent copy that says where it came from", "[store][rehearsal]") {
    test::TempFolder folder;
    store::Database live(folder / "campaign.db", store::OpenMode::create);
    live.sqlite().exec(fixture::k_reply_fixture_sql);
    CHECK_FALSE(store::rehearsal_origin(live));
    auto fingerprint = store::live_fingerprint(live);

    auto target = folder / "campaign.rehearsal.db";
    store::copy_for_rehearsal(live, target, k_now);
    CHECK_FALSE(std::filesystem::exists(folder / "campaign.rehearsal.db.partial"));
    {
        store::Database copy(target, store::OpenMode::must_exist);
        auto origin = store::rehearsal_origin(copy);
        REQUIRE(origin);
        CHECK(origin->copied_from == std::filesystem::absolute(folder / "campaign.db"));
        CHECK(origin->copied_at == k_now);
        CHECK(origin->fingerprint == fingerprint);
        CHECK(count(copy, "SELECT count(*) FROM actions") == count(live, "SELECT count(*) FROM actions"));
        // What happens in the copy stays there.
        copy.sqlite().exec("DELETE FROM events");
    }
    CHECK(count(live, "SELECT count(*) FROM events") == 9);
    CHECK_FALSE(store::rehearsal_origin(live));

    SECTION("the fingerprint changes with what a user imports into the live CRM") {
        live.sqlite().exec("INSERT INTO prospects (profile_url, created_at, updated_at) VALUES"
                           " ('https://www.linkedin.com/in/new', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')");
        CHECK(store::live_fingerprint(live) != fingerprint);
    }
    SECTION("a suppression added changes it too") {
        live.sqlite().exec("INSERT INTO suppressions (kind, value, created_at) VALUES"
                           " ('email_domain', 'example.org', '2026-12-01T00:00:00Z')");
        CHECK(store::live_fingerprint(live) != fingerprint);
    }
    SECTION("a copy taken again replaces the old one") {
        store::copy_for_rehearsal(live, target, k_now + std::chrono::hours{1});
        store::Database copy(target, store::OpenMode::must_exist);
        CHECK(store::rehearsal_origin(copy)->copied_at == k_now + std::chrono::hours{1});
        CHECK(count(copy, "SELECT count(*) FROM events") == 9);
    }
    SECTION("a copy of a rehearsal is a rehearsal of the same live CRM") {
        store::Database copy(target, store::OpenMode::must_exist);
        store::copy_for_rehearsal(copy, folder / "again.db", k_now + std::chrono::hours{2});
        store::Database again(folder / "again.db", store::OpenMode::must_exist);
        CHECK(store::rehearsal_origin(again)->copied_from == std::filesystem::absolute(folder / "campaign.db"));
    }
    SECTION("removing it removes the files beside it too") {
        std::ofstream(target.string() + ".mock-journal.jsonl") << "{}\n";
        CHECK(store::remove_database_files(target));
        CHECK_FALSE(std::filesystem::exists(target));
        CHECK_FALSE(std::filesystem::exists(target.string() + ".mock-journal.jsonl"));
        CHECK_FALSE(store::remove_database_files(target));
    }
}

TEST_CASE("simulated work in a live database is found and can be taken out", "[store][rehearsal]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    CHECK_FALSE(store::simulated_work(database));
    simulate(database);
    auto work = store::simulated_work(database);
    REQUIRE(work);
    CHECK(work->runs == 1);
    CHECK(work->live_runs == 0);
    CHECK(work->last_started == *core::parse_utc("2026-11-02T06:00:00Z"));

    SECTION("a rehearsal's simulated work is its own") {
        store::copy_for_rehearsal(database, folder / "campaign.rehearsal.db", k_now);
        store::Database copy(folder / "campaign.rehearsal.db", store::OpenMode::must_exist);
        CHECK_FALSE(store::simulated_work(copy));
    }
    SECTION("taking it out keeps prospects, suppressions made by hand and imported SSI") {
        auto prospects = count(database, "SELECT count(*) FROM prospects");
        store::remove_simulated_work(database);
        CHECK_FALSE(store::simulated_work(database));
        for (const char* table : {"events", "actions", "enrollments", "runs", "action_tallies", "enrollment_tallies"}) {
            INFO(table);
            CHECK(count(database, std::string("SELECT count(*) FROM ") + table) == 0);
        }
        CHECK(count(database, "SELECT count(*) FROM prospects") == prospects);
        CHECK(count(database, "SELECT count(*) FROM suppressions") == 1);
        CHECK(count(database, "SELECT count(*) FROM suppressions WHERE value = 'competitor.example'") == 1);
        CHECK(count(database, "SELECT count(*) FROM ssi_snapshots") == 1);
        CHECK(count(database, "SELECT count(*) FROM ssi_snapshots WHERE source = 'csv'") == 1);
        CHECK(count(database, "SELECT count(*) FROM senders WHERE paused_at IS NOT NULL") == 0);
    }
    SECTION("an opt-out a gateway reported stays") {
        database.sqlite().exec("INSERT INTO events (external_id, type, prospect_id, occurred_at, received_at) VALUES"
                               " ('gw-1', 'opted_out', 1, '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z')");
        store::remove_simulated_work(database);
        CHECK(count(database, "SELECT count(*) FROM suppressions WHERE value = 'https://www.linkedin.com/in/p1'") == 1);
    }
}

TEST_CASE("simulated work mixed with live runs is not taken apart", "[store][rehearsal]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    simulate(database);
    database.sqlite().exec("INSERT INTO runs (transport, clock, seed, started_at, reached_at) VALUES"
                           " ('http', 'wall', 1, '2026-11-20T06:00:00Z', '2026-11-20T16:00:00Z')");
    auto work = store::simulated_work(database);
    REQUIRE(work);
    CHECK(work->live_runs == 1);
    CHECK_THROWS_AS(store::remove_simulated_work(database), core::UserError);
    CHECK(count(database, "SELECT count(*) FROM actions") == 14);
}

TEST_CASE("migration 7 tells failures apart by their error", "[store][rehearsal]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        store::Database database(path, store::OpenMode::create);
        auto& db = database.sqlite();
        db.exec(fixture::k_reply_fixture_sql);
        db.exec("ALTER TABLE prospects DROP COLUMN merged_into; DROP TABLE rehearsal;"
                " ALTER TABLE actions DROP COLUMN failure; PRAGMA user_version = 6");
        db.exec("DROP TRIGGER actions_stay_sent");
        db.exec("UPDATE enrollments SET state = 'failed' WHERE id IN (7, 8, 9, 10)");
        db.exec("UPDATE actions SET state = 'failed', error = CASE id"
                " WHEN 7 THEN 'alice may not send connect: its weekly limit is 0'"
                " WHEN 8 THEN 'HTTP 503; gave up after 5 attempts'"
                " WHEN 9 THEN 'templates/hello.mustache:1:27: no value for ''company'' and no fallback'"
                " ELSE 'the gateway refused: profile not reachable' END WHERE id IN (7, 8, 9, 10)");
    }
    store::Database database(path, store::OpenMode::must_exist);
    CHECK(database.schema_version() == store::latest_schema_version());
    SQLite::Statement rows(database.sqlite(), "SELECT id, failure FROM actions WHERE failure IS NOT NULL ORDER BY id");
    std::vector<std::pair<int, std::string>> failures;
    while (rows.executeStep()) {
        failures.emplace_back(rows.getColumn(0).getInt(), rows.getColumn(1).getString());
    }
    CHECK(failures ==
          std::vector<std::pair<int, std::string>>{{7, "limit"}, {8, "gave_up"}, {9, "template"}, {10, "rejected"}});
    CHECK_FALSE(store::rehearsal_origin(database));
}

namespace {

// The fixture's failed invitation (action 10, of enrollment 10, bob's), failed for good for `failure`.
void fail_for_good(store::Database& database, const std::string& failure) {
    database.sqlite().exec(
        "UPDATE enrollments SET state = 'failed', finished_at = '2026-11-02T09:00:00Z' WHERE id = 10");
    database.sqlite().exec("UPDATE actions SET failure = '" + failure + "', error = 'refused' WHERE id = 10");
}

} // namespace

TEST_CASE("a failed step is due again after a retry, under a new key when the gateway saw it", "[store][retry]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    database.sqlite().exec(fixture::k_reply_fixture_sql);
    CHECK(store::failed_steps(database, {}).empty()); // failed, but its enrollment went on

    SECTION("rejected: a new key") {
        fail_for_good(database, "rejected");
        auto steps = store::failed_steps(database, {});
        REQUIRE(steps.size() == 1);
        CHECK(steps[0].campaign == "alpha");
        CHECK(steps[0].sender == "bob");
        CHECK(steps[0].profile_url == "https://www.linkedin.com/in/p10");
        CHECK(steps[0].action.failure == core::Failure::rejected);
        CHECK(store::retry_steps(database, steps, k_now) == 1);
        CHECK(count(database, "SELECT count(*) FROM enrollments WHERE id = 10 AND state = 'active'"
                              " AND current_step = 'invite' AND due_action = 'connect'"
                              " AND next_due_at = '2026-12-03T08:00:00Z' AND finished_at IS NULL") == 1);
        CHECK(database.sqlite().execAndGet("SELECT idempotency_key FROM actions WHERE id = 10").getString() ==
              "invite-10/retry-1");
        // Listed before, changed since: left alone.
        CHECK(store::retry_steps(database, steps, k_now) == 0);
        CHECK(store::failed_steps(database, {}).empty());
    }
    SECTION("a template: the same key, as the gateway never saw it") {
        fail_for_good(database, "template");
        CHECK(store::retry_steps(database, store::failed_steps(database, {}), k_now) == 1);
        CHECK(database.sqlite().execAndGet("SELECT idempotency_key FROM actions WHERE id = 10").getString() ==
              "invite-10");
    }
    SECTION("the filter narrows by campaign, step, sender and reason") {
        fail_for_good(database, "limit");
        auto with = [&database](store::RetryFilter filter) { return store::failed_steps(database, filter).size(); };
        CHECK(with({"alpha", "invite", "bob", {core::Failure::limit}}) == 1);
        CHECK(with({"beta", std::nullopt, std::nullopt, {}}) == 0);
        CHECK(with({std::nullopt, "hello", std::nullopt, {}}) == 0);
        CHECK(with({std::nullopt, std::nullopt, "alice", {}}) == 0);
        CHECK(
            with({std::nullopt, std::nullopt, std::nullopt, {core::Failure::template_text, core::Failure::rejected}}) ==
            0);
    }
    SECTION("a prospect suppressed or erased since is not tried again") {
        fail_for_good(database, "rejected");
        database.sqlite().exec("INSERT INTO suppressions (kind, value, reason, created_at) VALUES"
                               " ('profile', 'https://www.linkedin.com/in/p10', 'asked', '2026-11-05T00:00:00Z')");
        CHECK(store::failed_steps(database, {}).empty());
    }
}

TEST_CASE("each retry of a step goes out under a key of its own", "[store][retry]") {
    CHECK(store::retried_key("founders-intro/3/invite") == "founders-intro/3/invite/retry-1");
    CHECK(store::retried_key("founders-intro/3/invite/retry-1") == "founders-intro/3/invite/retry-2");
    CHECK(store::retried_key("founders-intro/3/invite/retry-41") == "founders-intro/3/invite/retry-42");
    CHECK(store::retried_key("a/retry-x") == "a/retry-x/retry-1");
    CHECK(store::retried_key("a/retry-") == "a/retry-/retry-1");
}
