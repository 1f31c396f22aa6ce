#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "store/database.hpp"
#include "store/schema.hpp"
#include "unit/report/reply_fixture.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

// Rows of the tallies that a count of the actions themselves does not give, and the other way round.
int tally_mismatches(SQLite::Database& db) {
    constexpr const char* recount =
        "SELECT campaign_id, sender_id, step, COALESCE(variant, ''), type, state, substr(at_utc, 1, 10), COUNT(*)"
        " FROM actions GROUP BY 1, 2, 3, 4, 5, 6, 7";
    constexpr const char* tallied = "SELECT campaign_id, sender_id, step, variant, type, state, day, actions"
                                    " FROM action_tallies WHERE actions <> 0";
    return db
        .execAndGet(std::string("SELECT (SELECT count(*) FROM (") + recount + " EXCEPT " + tallied +
                    ")) + (SELECT count(*) FROM (" + tallied + " EXCEPT " + recount + "))")
        .getInt();
}

// Prospects first invited and first messaged, by the tallies and by the actions.
void check_first_contacts(SQLite::Database& db) {
    CHECK(
        db.execAndGet("SELECT COALESCE(SUM(first_contacts), 0) FROM action_tallies WHERE type = 'connect'").getInt() ==
        db.execAndGet("SELECT count(DISTINCT enrollment_id) FROM actions WHERE type = 'connect' AND state = 'sent'")
            .getInt());
    CHECK(db.execAndGet("SELECT COALESCE(SUM(first_contacts), 0) FROM action_tallies"
                        " WHERE type IN ('message', 'inmail')")
              .getInt() == db.execAndGet("SELECT count(DISTINCT enrollment_id) FROM actions"
                                         " WHERE type IN ('message', 'inmail') AND state = 'sent'")
                               .getInt());
    CHECK(db.execAndGet("SELECT SUM(enrolled) FROM enrollment_tallies").getInt() ==
          db.execAndGet("SELECT count(*) FROM enrollments").getInt());
}

void insert_message(SQLite::Database& db, int id, int enrollment, const std::string& step, const std::string& state,
                    const std::string& at) {
    db.exec("INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step,"
            " type, idempotency_key, state, at_utc, at_local) VALUES (" +
            std::to_string(id) + ", " + std::to_string(enrollment) + ", 1, 1, " + std::to_string(enrollment) +
            ", 1, '" + step + "', 'message', 'key-" + std::to_string(id) + "', '" + state + "', '" + at + "', '" + at +
            "')");
}

} // namespace

TEST_CASE("an upgrade tallies the actions already in the database", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        store::Database database(path, store::OpenMode::create);
        auto& db = database.sqlite();
        db.exec(fixture::k_reply_fixture_sql);
        // Back to schema 2, as a database written before the tallies was: schemas 8, 7, 6, 5 and 4 are undone first.
        db.exec(
            "ALTER TABLE prospects DROP COLUMN merged_into;"
            " DROP TABLE rehearsal; ALTER TABLE actions DROP COLUMN failure;"
            " DROP INDEX prospects_by_member_id; ALTER TABLE prospects DROP COLUMN member_id;"
            " DROP TABLE event_cursors; DROP INDEX events_pending_by_time; ALTER TABLE senders DROP COLUMN held_until;"
            " DROP INDEX events_by_sender_time;"
            " ALTER TABLE ssi_snapshots DROP COLUMN industry_average;"
            " ALTER TABLE ssi_snapshots DROP COLUMN network_average;"
            " DROP TRIGGER actions_stay_sent; DROP TRIGGER action_tallies_on_insert;"
            " DROP TRIGGER action_tallies_on_update; DROP TRIGGER enrollment_tallies_on_insert;"
            " DROP TABLE action_tallies; DROP TABLE enrollment_tallies; PRAGMA user_version = 2");
    }
    store::Database database(path, store::OpenMode::must_exist);
    auto& db = database.sqlite();
    CHECK(database.schema_version() == store::latest_schema_version());
    CHECK(tally_mismatches(db) == 0);
    check_first_contacts(db);
    CHECK(db.execAndGet("SELECT first_id FROM action_tallies WHERE step = 'hello'").getInt() == 11);
}

TEST_CASE("the tallies follow every write of an action", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    auto& db = database.sqlite();
    db.exec(fixture::k_reply_fixture_sql);
    REQUIRE(tally_mismatches(db) == 0);
    check_first_contacts(db);

    SECTION("an intent, sent; a second message to the same prospect is no new first contact") {
        insert_message(db, 30, 1, "nudge", "sending", "2026-11-09T09:00:00Z");
        CHECK(tally_mismatches(db) == 0);
        db.exec("UPDATE actions SET state = 'sent' WHERE id = 30");
        CHECK(tally_mismatches(db) == 0);
        check_first_contacts(db);
    }
    SECTION("a failure tried again the next day, then sent: the first message of its prospect") {
        insert_message(db, 31, 4, "hello", "sending", "2026-11-09T23:59:00Z");
        db.exec("UPDATE actions SET state = 'failed' WHERE id = 31");
        CHECK(tally_mismatches(db) == 0);
        db.exec("UPDATE actions SET state = 'sending', at_utc = '2026-11-10T09:00:00Z', attempts = 2 WHERE id = 31");
        CHECK(tally_mismatches(db) == 0);
        db.exec("UPDATE actions SET state = 'sent' WHERE id = 31");
        CHECK(tally_mismatches(db) == 0);
        check_first_contacts(db);
        CHECK(db.execAndGet("SELECT first_contacts FROM action_tallies WHERE step = 'hello' AND state = 'sent'"
                            " AND day = '2026-11-10'")
                  .getInt() == 1);
    }
    SECTION("in doubt, then resolved by hand either way") {
        insert_message(db, 32, 5, "hello", "sending", "2026-11-09T09:00:00Z");
        insert_message(db, 33, 7, "hello", "sending", "2026-11-09T09:05:00Z");
        db.exec("UPDATE actions SET state = 'in_doubt' WHERE id IN (32, 33)");
        db.exec("UPDATE actions SET state = 'sent' WHERE id = 32");
        db.exec("UPDATE actions SET state = 'failed' WHERE id = 33");
        CHECK(tally_mismatches(db) == 0);
        check_first_contacts(db);
    }
    SECTION("what does not touch the counted columns leaves the tallies as they are") {
        db.exec("UPDATE actions SET rendered_text = NULL, response = 'ok'");
        db.exec("UPDATE actions SET state = state WHERE state = 'sent'");
        CHECK(tally_mismatches(db) == 0);
        check_first_contacts(db);
    }
    SECTION("an action that went out cannot be changed back") {
        CHECK_THROWS_WITH(db.exec("UPDATE actions SET state = 'failed' WHERE id = 1"),
                          "an action that went out stays sent");
        CHECK_THROWS_WITH(db.exec("UPDATE actions SET at_utc = '2026-11-20T00:00:00Z' WHERE id = 1"),
                          "an action that went out stays sent");
        CHECK(db.execAndGet("SELECT state FROM actions WHERE id = 1").getString() == "sent");
        CHECK(tally_mismatches(db) == 0);
    }
}
