// What a sender's invitations did, as the health governor reads it: the latest settled ones and their acceptance,
// and the pending ones, across campaigns and senders; which pending one is withdrawn next for being old; and what a
// sender used of its monthly allowances.
#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <vector>

#include "store/action_store.hpp"
#include "store/database.hpp"
#include "store/prospect_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

// Two senders' invitations in two campaigns, with their acceptances and withdrawals.
void record_invitations(store::Database& database) {
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
}

} // namespace

TEST_CASE("a sender's invitation record counts its own acceptances and withdrawals, enrollment by enrollment",
          "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    record_invitations(database);
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

TEST_CASE("the stale invitation to withdraw next is the oldest pending one whose campaign is done with the prospect",
          "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    record_invitations(database);
    auto& db = database.sqlite();
    store::ActionStore actions(database);
    auto now = *core::parse_utc("2026-11-30T00:00:00Z");
    // Every pending invitation of Ana's is still awaited by its enrollment.
    CHECK_FALSE(actions.stale_invitation(1, now, 5));
    // Enrollments 2 and 7 are done; 5 replied, so its invitation stays.
    db.exec("UPDATE enrollments SET state = 'done' WHERE id IN (2, 7); UPDATE enrollments SET state = 'replied'"
            " WHERE id = 5; UPDATE enrollments SET state = 'done' WHERE id IN (1, 3, 4)");
    auto oldest = actions.stale_invitation(1, now, 5);
    REQUIRE(oldest);
    CHECK(oldest->enrollment_id == 2);
    CHECK(oldest->campaign == "q4");
    CHECK(oldest->sent_at == *core::parse_utc("2026-11-02T10:00:00Z"));
    // Sent after `sent_before`: not yet.
    CHECK_FALSE(actions.stale_invitation(1, *core::parse_utc("2026-11-01T12:00:00Z"), 5));
    // A withdrawal tried and to be tried again keeps it; one given up on, refused or made ends it.
    auto withdrawal = [&db](int id, int enrollment, const char* state, const char* failure, int attempts) {
        db.exec("INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id,"
                " step, type, idempotency_key, state, failure, attempts, at_utc, at_local) SELECT " +
                std::to_string(id) +
                ", id, campaign_id, campaign_version_id, prospect_id, sender_id,"
                " 'withdraw:pending', 'withdraw_invite', 'w" +
                std::to_string(id) + "', '" + state + "', " + failure + ", " + std::to_string(attempts) +
                ", '2026-11-29T10:00:00Z', '2026-11-29T11:00:00'" +
                " FROM enrollments WHERE id = " + std::to_string(enrollment));
    };
    withdrawal(20, 2, "failed", "NULL", 2);
    auto retried = actions.stale_invitation(1, now, 5);
    CHECK(retried->enrollment_id == 2);
    CHECK(retried->last_tried == core::parse_utc("2026-11-29T10:00:00Z")); // a later run waits after it
    CHECK_FALSE(oldest->last_tried);
    db.exec("UPDATE actions SET attempts = 5 WHERE id = 20");
    CHECK(actions.stale_invitation(1, now, 5)->enrollment_id == 7);
    withdrawal(21, 7, "failed", "'rejected'", 1);
    CHECK_FALSE(actions.stale_invitation(1, now, 5));
    // Ben's acceptance of prospect 2 does not end Ana's invitation to them, nor the other way round.
    db.exec("UPDATE enrollments SET state = 'done' WHERE id IN (8, 9)");
    CHECK(actions.stale_invitation(2, now, 5)->enrollment_id == 8);
}

TEST_CASE("an acceptance or a withdrawal from before an invitation was sent does not end it", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    record_invitations(database);
    auto& db = database.sqlite();
    // Prospect 6 had an earlier invitation of Ana's withdrawn before campaign nurture invited them on 6 November;
    // prospect 5 had accepted one of hers in October, and was connected with again later.
    db.exec(
        "INSERT INTO events (id, external_id, type, prospect_id, sender_id, enrollment_id, occurred_at, received_at)"
        " VALUES (4, 'w6', 'withdrawn', 6, 1, 6, '2026-11-04T10:00:00Z', '2026-11-04T10:00:00Z'),"
        " (5, 'a5', 'accepted', 5, 1, NULL, '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z')");
    store::ActionStore actions(database);
    auto now = *core::parse_utc("2026-11-30T00:00:00Z");
    auto record = actions.invitation_record(1, now, 50, std::chrono::days{14});
    CHECK(record.pending == 3); // 2, 5 and 7, as before
    CHECK(record.settled_accepted == 1);
    // An acceptance the gateway dates a little before the invitation, by its own clock, answers it.
    db.exec(
        "INSERT INTO events (id, external_id, type, prospect_id, sender_id, enrollment_id, occurred_at, received_at)"
        " VALUES (6, 'a2-early', 'accepted', 2, 1, 2, '2026-11-02T09:30:00Z', '2026-11-02T09:30:00Z')");
    CHECK(actions.invitation_record(1, now, 50, std::chrono::days{14}).pending == 2);
    db.exec("UPDATE enrollments SET state = 'done' WHERE id = 7");
    auto stale = actions.stale_invitation(1, now, 5);
    REQUIRE(stale);
    CHECK(stale->enrollment_id == 7);
}

TEST_CASE("a sender's monthly allowances count its notes and its InMails in its own calendar month", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    record_invitations(database);
    auto& db = database.sqlite();
    // A note on two invitations; an InMail on 30 November in UTC that is 1 December on the sender's clock.
    db.exec("UPDATE actions SET rendered_text = 'Hi' WHERE id IN (1, 2);"
            " INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step,"
            " type, idempotency_key, state, at_utc, at_local) VALUES"
            " (30, 1, 1, 1, 1, 1, 'pitch', 'inmail', 'i1', 'sent', '2026-11-30T23:30:00Z', '2026-12-01T00:30:00'),"
            " (31, 2, 1, 1, 2, 1, 'pitch', 'inmail', 'i2', 'in_doubt', '2026-11-20T10:00:00Z', '2026-11-20T11:00:00'),"
            " (32, 3, 1, 1, 3, 1, 'pitch', 'inmail', 'i3', 'failed', '2026-11-21T10:00:00Z', '2026-11-21T11:00:00')");
    store::ActionStore actions(database);
    CHECK(actions.used_in_month(1, "2026-11", store::MonthlyAllowance::notes) == 2);
    CHECK(actions.used_in_month(1, "2026-11", store::MonthlyAllowance::inmails) == 1); // the failed one never went
    CHECK(actions.used_in_month(1, "2026-12", store::MonthlyAllowance::inmails) == 1);
    CHECK(actions.used_in_month(2, "2026-11", store::MonthlyAllowance::inmails) == 0);
    // A prospect erased keeps their invitation's note counted: its words go, the note was used.
    store::ProspectStore(database).erase(1, *core::parse_utc("2026-11-25T00:00:00Z"));
    CHECK(actions.used_in_month(1, "2026-11", store::MonthlyAllowance::notes) == 2);
}

namespace {

// The rule of a pending invitation, counted afresh over the whole log: what the count kept from call to call must
// always equal.
int pending_afresh(SQLite::Database& db, core::RowId sender_id, core::Timestamp now) {
    SQLite::Statement query(
        db, "SELECT count(*) FROM actions c WHERE c.sender_id = ?1 AND c.type = 'connect'"
            " AND c.state IN ('sent', 'sending', 'in_doubt') AND c.at_utc <= ?2"
            " AND NOT EXISTS (SELECT 1 FROM events v WHERE v.prospect_id = c.prospect_id AND v.sender_id = ?1"
            " AND v.type IN ('accepted', 'withdrawn') AND v.occurred_at <= ?2"
            " AND v.occurred_at >= strftime('%Y-%m-%dT%H:%M:%SZ', c.at_utc, '-60 minutes'))"
            " AND NOT EXISTS (SELECT 1 FROM actions w WHERE w.enrollment_id = c.enrollment_id"
            " AND w.type = 'withdraw_invite' AND w.state = 'sent' AND w.at_utc <= ?2)");
    query.bind(1, sender_id);
    query.bind(2, core::format_utc(now));
    query.executeStep();
    return query.getColumn(0).getInt();
}

} // namespace

TEST_CASE("randomized: the pending invitations kept from call to call are those counted afresh, through every write, "
          "answer, retry and rollback",
          "[store][invariant]") {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        INFO("seed " << seed);
        test::TempFolder folder;
        store::Database database(folder / "campaign.db", store::OpenMode::create);
        record_invitations(database);
        auto& db = database.sqlite();
        store::ActionStore actions(database);
        std::mt19937 random(seed);
        auto pick = [&random](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
        auto now = *core::parse_utc("2026-11-01T00:00:00Z");
        std::vector<core::ActionId> open; // written as sending or in doubt
        std::vector<core::Action> failed; // invitations to try again
        int made = 0;
        auto write = [&](core::ActionType type, bool sent) {
            core::Action action;
            action.enrollment_id = 1 + pick(9);
            SQLite::Statement enrollment(
                db, "SELECT campaign_id, campaign_version_id, prospect_id, sender_id FROM enrollments WHERE id = ?");
            enrollment.bind(1, action.enrollment_id);
            enrollment.executeStep();
            action.campaign_id = enrollment.getColumn(0).getInt64();
            action.version_id = enrollment.getColumn(1).getInt64();
            action.prospect_id = enrollment.getColumn(2).getInt64();
            action.sender_id = enrollment.getColumn(3).getInt64();
            action.step = "step" + std::to_string(++made);
            action.type = type;
            action.idempotency_key = "r" + std::to_string(made);
            action.at_utc = now;
            action.at_local = "2026-11-01T00:00:00";
            auto id = sent ? actions.begin_sent(action, "ok") : actions.begin(action);
            action.id = id;
            if (!sent) {
                open.push_back(id);
            }
            return action;
        };
        for (int step = 0; step < 300; ++step) {
            now += std::chrono::minutes(pick(6 * 60));
            switch (pick(7)) {
            case 0:
            case 1:
                write(core::ActionType::connect, pick(2) == 0);
                break;
            case 2: { // an outcome for one under way
                if (open.empty()) {
                    break;
                }
                auto at = static_cast<std::size_t>(pick(static_cast<int>(open.size())));
                auto id = open[at];
                auto state = std::array{core::ActionState::sent, core::ActionState::failed,
                                        core::ActionState::in_doubt}[static_cast<std::size_t>(pick(3))];
                actions.finish(id, state, "", "");
                if (state != core::ActionState::in_doubt) {
                    open.erase(open.begin() + static_cast<std::ptrdiff_t>(at));
                }
                if (auto action = actions.get(id); state == core::ActionState::failed) {
                    failed.push_back(*action);
                }
                break;
            }
            case 3:
                write(core::ActionType::withdraw_invite, pick(3) == 0);
                break;
            case 4: { // the gateway's answer, dated by its own clock, sometimes ahead of the engine's
                auto prospect = 1 + pick(6);
                auto sender = 1 + pick(2);
                auto type = std::array{"accepted", "withdrawn", "replied"}[static_cast<std::size_t>(pick(3))];
                auto at = now + std::chrono::minutes(pick(5 * 60) - 2 * 60);
                db.exec("INSERT INTO events (external_id, type, prospect_id, sender_id, occurred_at, received_at)"
                        " VALUES ('e" +
                        std::to_string(step) + "', '" + type + "', " + std::to_string(prospect) + ", " +
                        std::to_string(sender) + ", '" + core::format_utc(at) + "', '" + core::format_utc(now) + "')");
                break;
            }
            case 5: { // a failed invitation tried again, in the same row
                if (failed.empty()) {
                    break;
                }
                auto action = failed.back();
                failed.pop_back();
                action.at_utc = now;
                open.push_back(actions.begin(action));
                break;
            }
            case 6: { // written and undone
                auto before = open.size();
                {
                    store::Transaction transaction(database);
                    write(core::ActionType::connect, pick(2) == 0);
                    write(core::ActionType::withdraw_invite, true);
                }
                open.resize(before);
                break;
            }
            }
            for (core::RowId sender = 1; sender <= 2; ++sender) {
                INFO("step " << step << ", sender " << sender << ", at " << core::format_utc(now));
                REQUIRE(actions.invitation_record(sender, now, 50, std::chrono::days{14}).pending ==
                        pending_afresh(db, sender, now));
            }
        }
        // Asked about an earlier moment, the count is taken afresh.
        auto earlier = *core::parse_utc("2026-11-20T00:00:00Z");
        CHECK(actions.invitation_record(1, earlier, 50, std::chrono::days{14}).pending ==
              pending_afresh(db, 1, earlier));
    }
}

TEST_CASE("the kept count of pending invitations sees what another program settles", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    record_invitations(database);
    store::ActionStore actions(database);
    auto now = *core::parse_utc("2026-11-30T00:00:00Z");
    REQUIRE(actions.invitation_record(1, now, 50, std::chrono::days{14}).pending == 3);
    // `campaign actions resolve`, say, in another shell: an invitation in doubt, then found to have failed.
    store::Database other(folder / "campaign.db", store::OpenMode::must_exist);
    other.sqlite().exec("INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id,"
                        " sender_id, step, type, idempotency_key, state, at_utc, at_local) VALUES (40, 2, 1, 1, 2, 1,"
                        " 'again', 'connect', 'k40', 'in_doubt', '2026-11-29T10:00:00Z', '2026-11-29T11:00:00')");
    CHECK(actions.invitation_record(1, now, 50, std::chrono::days{14}).pending == 4);
    store::ActionStore(other).finish(40, core::ActionState::failed, "", "not sent");
    CHECK(actions.invitation_record(1, now, 50, std::chrono::days{14}).pending == 3);
}
