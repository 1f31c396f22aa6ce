// A state, type or class the database holds that this version does not know is an error that names it, never read
// as some other value; and a statement that stopped on such a row is ready for the next call.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "store/action_store.hpp"
#include "store/database.hpp"
#include "store/enrollment_store.hpp"
#include "store/row_reading.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

// Two enrollments with an action each; the second of each is written as a newer version (or a hand) would.
void write_rows(store::Database& database) {
    database.sqlite().exec(R"sql(
INSERT INTO prospects (id, profile_url, created_at, updated_at)
    VALUES (1, 'https://linkedin.com/in/p1', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),
           (2, 'https://linkedin.com/in/p2', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');
INSERT INTO senders (id, name) VALUES (1, 'ana');
INSERT INTO campaigns (id, name, created_at) VALUES (1, 'q4', '2026-11-01T00:00:00Z');
INSERT INTO campaign_versions (id, campaign_id, version, digest, definition, created_at)
    VALUES (1, 1, 1, 'd1', '{}', '2026-11-01T00:00:00Z');
INSERT INTO enrollments (id, campaign_id, campaign_version_id, prospect_id, sender_id, state, current_step,
                         due_action, next_due_at, enrolled_at)
    VALUES (1, 1, 1, 1, 1, 'active', 'invite', 'connect', '2026-11-02T09:00:00Z', '2026-11-01T09:00:00Z'),
           (2, 1, 1, 2, 1, 'active', 'poke', 'poke', '2026-11-02T09:00:00Z', '2026-11-01T09:00:00Z');
INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, type,
                     idempotency_key, state, at_utc, at_local)
    VALUES (1, 1, 1, 1, 1, 1, 'invite', 'connect', 'q4/1/invite', 'sent', '2026-11-02T10:00:00Z',
            '2026-11-02T11:00:00'),
           (2, 2, 1, 1, 2, 1, 'poke', 'poke', 'q4/2/poke', 'sent', '2026-11-02T10:00:00Z', '2026-11-02T11:00:00');
)sql");
}

} // namespace

TEST_CASE("an unknown action type is an error that names it, and the next lookup works", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    write_rows(database);
    store::ActionStore actions(database);
    CHECK_THROWS_AS(actions.find_by_key("q4/2/poke"), core::RuntimeFailure);
    CHECK_THROWS_WITH(actions.find_by_key("q4/2/poke"),
                      "error: the database holds 'poke' in a column 'type', a value this version of campaign does "
                      "not know (written by a newer version, or by hand)");
    auto known = actions.find_by_key("q4/1/invite");
    REQUIRE(known);
    CHECK(known->type == core::ActionType::connect);
}

TEST_CASE("an unknown due action of an enrollment is an error, and the statement is ready again", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    write_rows(database);
    store::EnrollmentStore enrollments(database);
    CHECK_THROWS_WITH(enrollments.get(2), Catch::Contains("'poke' in a column 'due_action'"));
    // Before, the lookup stayed mid-step after the error, and the next one could not bind its key.
    CHECK(enrollments.get(1).due_action == core::ActionType::connect);
    CHECK_THROWS_AS(enrollments.get(2), core::RuntimeFailure);
    CHECK(enrollments.get(1).state == core::EnrollmentState::active);
}

TEST_CASE("a list of states in a query is spelled from the C++ enumeration", "[store]") {
    CHECK(store::sql_list({core::ActionState::sent, core::ActionState::in_doubt}) == "('sent', 'in_doubt')");
    CHECK(store::sql_list({core::EnrollmentState::active}) == "('active')");
}
