// What a sender's invitations did, as the health governor reads it: the latest settled ones and their acceptance,
// and the pending ones, across campaigns and senders.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "store/action_store.hpp"
#include "store/database.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

TEST_CASE("a sender's invitation record counts its own acceptances and withdrawals, enrollment by enrollment",
          "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    auto& db = database.sqlite();
    for (int id = 1; id <= 6; ++id) {
        db.exec("INSERT INTO prospects (id, profile_url, created_at, updated_at) VALUES (" + std::to_string(id) +
                ", 'https://linkedin.com/in/p" + std::to_string(id) +
                "', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
    }
    db.exec(R"sql(
INSERT INTO senders (id, name) VALUES (1, 'ana'), (2, 'ben');
INSERT INTO campaigns (id, name, created_at) VALUES (1, 'q4', '2026-11-01T00:00:00Z'), (2, 'nurture', '2026-11-01T00:00:00Z');
INSERT INTO campaign_versions (id, campaign_id, version, digest, definition, created_at)
    VALUES (1, 1, 1, 'd1', '{}', '2026-11-01T00:00:00Z'), (2, 2, 1, 'd2', '{}', '2026-11-01T00:00:00Z');
INSERT INTO enrollments (id, campaign_id, campaign_version_id, prospect_id, sender_id, state, current_step, enrolled_at)
    VALUES (1, 1, 1, 1, 1, 'active', 'invite', '2026-11-01T09:00:00Z'),
           (2, 1, 1, 2, 1, 'active', 'invite', '2026-11-01T09:00:00Z'),
           (3, 1, 1, 3, 1, 'active', 'invite', '2026-11-01T09:00:00Z'),
           (4, 1, 1, 4, 1, 'active', 'invite', '2026-11-01T09:00:00Z'),
           (5, 1, 1, 5, 1, 'active', 'invite', '2026-11-01T09:00:00Z'),
           (6, 1, 1, 6, 1, 'done', 'invite', '2026-11-01T09:00:00Z'),
           (7, 2, 2, 6, 1, 'active', 'invite', '2026-11-01T09:00:00Z'),
           (8, 2, 2, 1, 2, 'active', 'invite', '2026-11-01T09:00:00Z'),
           (9, 2, 2, 2, 2, 'active', 'invite', '2026-11-01T09:00:00Z');
INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, type,
                     idempotency_key, state, at_utc, at_local)
    VALUES (1, 1, 1, 1, 1, 1, 'invite', 'connect', 'k1', 'sent', '2026-11-01T10:00:00Z', '2026-11-01T11:00:00'),
           (2, 2, 1, 1, 2, 1, 'invite', 'connect', 'k2', 'sent', '2026-11-02T10:00:00Z', '2026-11-02T11:00:00'),
           (3, 3, 1, 1, 3, 1, 'invite', 'connect', 'k3', 'sent', '2026-11-03T10:00:00Z', '2026-11-03T11:00:00'),
           (4, 4, 1, 1, 4, 1, 'invite', 'connect', 'k4', 'sent', '2026-11-04T10:00:00Z', '2026-11-04T11:00:00'),
           (5, 5, 1, 1, 5, 1, 'invite', 'connect', 'k5', 'sent', '2026-11-05T10:00:00Z', '2026-11-05T11:00:00'),
           (6, 6, 1, 1, 6, 1, 'invite', 'connect', 'k6', 'failed', '2026-11-05T10:00:00Z', '2026-11-05T11:00:00'),
           (7, 7, 2, 2, 6, 1, 'invite', 'connect', 'k7', 'sent', '2026-11-06T10:00:00Z', '2026-11-06T11:00:00'),
           (8, 3, 1, 1, 3, 1, 'withdraw', 'withdraw_invite', 'k8', 'sent', '2026-11-20T10:00:00Z', '2026-11-20T11:00:00'),
           (9, 8, 2, 2, 1, 2, 'invite', 'connect', 'k9', 'sent', '2026-11-01T10:00:00Z', '2026-11-01T11:00:00'),
           (10, 9, 2, 2, 2, 2, 'invite', 'connect', 'k10', 'sent', '2026-11-01T10:00:00Z', '2026-11-01T11:00:00');
INSERT INTO events (id, external_id, type, prospect_id, sender_id, enrollment_id, occurred_at, received_at)
    VALUES (1, 'a1', 'accepted', 1, 1, 1, '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z'),
           (2, 'a2', 'accepted', 2, 2, 9, '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z'),
           (3, 'w4', 'withdrawn', 4, 1, 4, '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z');
)sql");
    store::ActionStore actions(database);
    auto at = [](const char* text) { return *core::parse_utc(text); };
    // On 30 November, for Ana: 2, 5 and 7 (prospect 6 again, in the other campaign) wait; 1 was accepted, 3 and 4
    // withdrawn; the failed one never went out.
    auto record = actions.invitation_record(1, at("2026-11-30T00:00:00Z"), 50, std::chrono::days{14});
    CHECK(record.pending == 3);
    // Sent by 16 November: 1 to 5 and 7, of which prospect 1's was accepted.
    CHECK(record.settled == 6);
    CHECK(record.settled_accepted == 1);
    // Only the latest of them, and before the withdrawals and the acceptance happened.
    auto earlier = actions.invitation_record(1, at("2026-11-16T00:00:00Z"), 3, std::chrono::days{14});
    CHECK(earlier.settled == 1); // only 1 November's was 14 days old then
    CHECK(earlier.settled_accepted == 1);
    CHECK(earlier.pending == 5); // 2, 3, 4, 5 and 7
    auto latest = actions.invitation_record(1, at("2026-11-30T00:00:00Z"), 2, std::chrono::days{14});
    CHECK(latest.settled == 2);
    CHECK(latest.settled_accepted == 0); // 7 and 5
    // Ben: prospect 1 ignored him, prospect 2 accepted.
    auto ben = actions.invitation_record(2, at("2026-11-30T00:00:00Z"), 50, std::chrono::days{14});
    CHECK(ben.pending == 1);
    CHECK(ben.settled == 2);
    CHECK(ben.settled_accepted == 1);
}
