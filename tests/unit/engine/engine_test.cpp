#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace campaign;
using namespace campaign::test;
using namespace std::chrono_literals;

TEST_CASE("a campaign plays through to the end on the simulated clock", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(40, "founders");
    auto summary = fixture.run(founders(), 90 * 24h);

    CHECK(summary.stop_reason == "nothing left to do");
    CHECK(fixture.count("SELECT count(*) FROM enrollments") == 40);
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE state = 'active'") == 0);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'look' AND state = 'sent'") == 40);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'invite' AND state = 'sent'") == 40);
    // Even prospects accept; the odd ones are withdrawn after 14 days.
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'thanks'") == 20);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'withdraw'") == 20);
    // Of the 20 thanked, multiples of 3 reply (p6, p12, ... p36): 6; p42 would be a 7th. Their nudge never goes.
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE state IN ('replied', 'opted_out')") == 6);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'nudge'") == 14);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN enrollments e ON e.id = a.enrollment_id"
                        " WHERE e.state = 'replied' AND a.step = 'nudge'") == 0);
    // p42 is beyond 40; p14 and p28 are multiples of 7 that reply? 14 and 28 are not multiples of 3: no opt-out.
    CHECK(fixture.count("SELECT count(*) FROM suppressions") == 0);
    CHECK(fixture.count("SELECT count(*) FROM events WHERE applied_at IS NULL") == 0);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE rendered_text = 'thanks for P6'") == 1);
}

TEST_CASE("an opt-out suppresses the prospect in every campaign", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(42, "founders");
    fixture.transport.accept_every = 1; // everyone accepts, so p21 and p42 (multiples of 3 and 7) opt out
    fixture.run(founders(), 60 * 24h);
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE state = 'opted_out'") == 2);
    CHECK(fixture.count("SELECT count(*) FROM suppressions WHERE kind = 'profile' AND value IN"
                        " ('https://linkedin.com/in/p21', 'https://linkedin.com/in/p42')") == 2);
}

TEST_CASE("events that arrive twice are applied once", "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(12, "founders");
    fixture.transport.duplicate_events = true;
    fixture.run(founders(), 60 * 24h);
    CHECK(fixture.count("SELECT count(*) FROM events") ==
          fixture.count("SELECT count(DISTINCT external_id) FROM events"));
    CHECK(fixture.count("SELECT count(*) FROM events WHERE type = 'accepted'") == 6);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'thanks'") == 6);
}

TEST_CASE("limits and working hours hold for every sender", "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(120, "founders");
    fixture.run(founders(), 30 * 24h);
    // Paris is UTC+1 in winter and New York UTC-5: local days and hours, computed here in SQL.
    SQLite::Database db((fixture.folder / "campaign.db").string());
    SQLite::Statement days(db, "SELECT s.name, a.type, substr(a.at_local, 1, 10), count(*) FROM actions a"
                               " JOIN senders s ON s.id = a.sender_id WHERE a.state = 'sent'"
                               " GROUP BY 1, 2, 3");
    int groups = 0;
    while (days.executeStep()) {
        ++groups;
        auto type = days.getColumn(1).getString();
        auto limit = type == "connect" ? 6 : type == "message" ? 8 : 150;
        INFO(days.getColumn(0).getString() << " " << type << " " << days.getColumn(2).getString());
        CHECK(days.getColumn(3).getInt() <= limit);
    }
    CHECK(groups > 10);
    SQLite::Statement hours(db, "SELECT at_local FROM actions WHERE state = 'sent'");
    while (hours.executeStep()) {
        auto local = hours.getColumn(0).getString();
        auto hour = std::stoi(local.substr(11, 2));
        INFO(local);
        CHECK(hour >= 9);
        CHECK(hour < 18);
    }
    // Invitations over any seven days: counted from each invitation back, with SQL on the stored UTC times.
    CHECK(fixture.count("SELECT max(n) FROM (SELECT (SELECT count(*) FROM actions b WHERE b.sender_id = a.sender_id"
                        " AND b.type = 'connect' AND b.at_utc > strftime('%Y-%m-%dT%H:%M:%SZ', a.at_utc, '-7 days')"
                        " AND b.at_utc <= a.at_utc) AS n FROM actions a WHERE a.type = 'connect')") == 25);
}

TEST_CASE("a step whose text cannot be rendered fails alone and the run goes on", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(4, "founders");
    auto campaign = founders();
    campaign.steps[1].template_name = "too-long.mustache";
    fixture.run(campaign, 30 * 24h);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'invite' AND state = 'failed' AND error ="
                        " 'the connection note is 312 characters; the limit is 300'") == 4);
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE state = 'failed'") == 4);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'look' AND state = 'sent'") == 4);
}

TEST_CASE("suppressed prospects are never enrolled, and are stopped when suppressed later", "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(6, "founders");
    store::SuppressionStore suppressions(fixture.database);
    suppressions.add({0, core::SuppressionKind::profile, "https://linkedin.com/in/p1", "asked", fixture.clock.now()});
    fixture.run(founders(), 1h);
    CHECK(fixture.count("SELECT count(*) FROM enrollments") == 5);
    suppressions.add({0, core::SuppressionKind::profile, "https://linkedin.com/in/p2", "asked", fixture.clock.now()});
    fixture.run(founders(), 60 * 24h);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN prospects p ON p.id = a.prospect_id"
                        " WHERE p.profile_url IN ('https://linkedin.com/in/p1', 'https://linkedin.com/in/p2')"
                        " AND a.at_utc > '2026-11-23T07:00:00Z'") == 0);
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE state = 'stopped'") == 1);
}

TEST_CASE("an action left in flight by a crash is settled, never sent twice", "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(2, "founders");
    fixture.run(founders(), 4h); // p1 and p2 are enrolled; their profile views go out
    SQLite::Database db((fixture.folder / "campaign.db").string(), SQLite::OPEN_READWRITE);
    // The crash is made from an action that went out, which the database refuses to change unless its guard is lifted.
    db.exec("DROP TRIGGER actions_stay_sent");
    SECTION("the transport had it: recorded as sent and the enrollment moves on") {
        db.exec("UPDATE actions SET state = 'sending' WHERE id = 1");
        db.exec("UPDATE enrollments SET current_step = 'look', due_action = 'view_profile', next_due_at = at_utc"
                " FROM actions WHERE actions.id = 1 AND enrollments.id = actions.enrollment_id");
        auto sends = fixture.transport.sent.size();
        fixture.run(founders(), 1h);
        CHECK(fixture.count("SELECT count(*) FROM actions WHERE id = 1 AND state = 'sent'") == 1);
        CHECK(fixture.transport.sent.size() == sends);
    }
    SECTION("the transport never had it: sent again under the same key") {
        auto key = db.execAndGet("SELECT idempotency_key FROM actions WHERE id = 1").getString();
        db.exec("UPDATE actions SET state = 'sending' WHERE id = 1");
        db.exec("UPDATE enrollments SET current_step = 'look', due_action = 'view_profile', next_due_at = at_utc"
                " FROM actions WHERE actions.id = 1 AND enrollments.id = actions.enrollment_id");
        fixture.transport.performed.erase(key);
        fixture.run(founders(), 24h);
        CHECK(fixture.count("SELECT attempts FROM actions WHERE id = 1") == 2);
        CHECK(fixture.count("SELECT count(*) FROM actions WHERE id = 1 AND state = 'sent'") == 1);
    }
}

namespace {

// A wall clock that the test moves: not simulated, so the engine polls and looks for new prospects as it would in
// real time, and a hook runs at the first wait, as an import in another terminal would.
class TestWallWaiter final : public engine::Waiter {
public:
    TestWallWaiter(core::ManualClock& clock, std::function<void()> at_first_wait)
        : m_clock(clock), m_at_first_wait(std::move(at_first_wait)) {}
    bool wait_until(core::Timestamp when) override {
        if (m_at_first_wait) {
            std::exchange(m_at_first_wait, nullptr)();
        }
        m_clock.set(std::max(when, m_clock.now()));
        return true;
    }
    bool simulated() const override { return false; }

private:
    core::ManualClock& m_clock;
    std::function<void()> m_at_first_wait;
};

} // namespace

TEST_CASE("a wall-clock run enrolls prospects imported while it runs", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(2, "founders");
    auto campaign = founders();
    engine::Engine engine(fixture.database, fixture.transport, fixture.messages, fixture.random, fixture.observer);
    engine.read_replies_with(campaign::test::built_in_triage());
    engine.load(
        {{campaign, "definition", "founders.yaml"}}, [](const std::string&, const std::string&) { return founders(); },
        fixture.clock.now());
    CHECK(engine.enroll(fixture.clock.now()) == 2);
    TestWallWaiter waiter(fixture.clock, [&] {
        store::ProspectStore prospects(fixture.database);
        core::Prospect late;
        late.profile_url = "https://linkedin.com/in/p3";
        late.tags = {"founders"};
        late.created_at = late.updated_at = fixture.clock.now();
        prospects.insert(late);
    });
    std::atomic<bool> stop{false};
    engine::RunLimits limits{fixture.clock.now() + 24h, false};
    limits.poll_interval = std::chrono::minutes{5};
    engine.run(fixture.clock, waiter, limits, stop);
    CHECK(fixture.count("SELECT count(*) FROM enrollments") == 3);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN prospects p ON p.id = a.prospect_id"
                        " WHERE p.profile_url = 'https://linkedin.com/in/p3' AND a.step = 'look'") == 1);
}

TEST_CASE("a run started after hours sends nothing that is overdue until the sender's next window",
          "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(60, "founders");
    fixture.run(founders(), 3 * 24h + 11h); // Monday 06:00 to Thursday 17:00 UTC: work left over
    auto run_once_at = [&](const char* when) {
        fixture.clock.set(utc(when));
        engine::Engine engine(fixture.database, fixture.transport, fixture.messages, fixture.random, fixture.observer);
        engine.read_replies_with(campaign::test::built_in_triage());
        engine.load(
            {{founders(), "definition of founders", "founders.yaml"}},
            [](const std::string&, const std::string&) { return founders(); }, fixture.clock.now());
        engine::SimulatedWaiter waiter(fixture.clock);
        std::atomic<bool> stop{false};
        engine.run(fixture.clock, waiter, {std::nullopt, true}, stop);
    };
    auto before = fixture.count("SELECT count(*) FROM actions");
    run_once_at("2026-11-28T12:00:00Z"); // Saturday
    run_once_at("2026-11-30T06:30:00Z"); // Monday, before 9:00 in Paris and in New York
    CHECK(fixture.count("SELECT count(*) FROM actions") == before);
    run_once_at("2026-11-30T11:00:00Z"); // Paris has been open for two hours
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE at_utc = '2026-11-30T11:00:00Z'") == 1);
    CHECK(fixture.count("SELECT count(*) FROM actions") == before + 1);
}

TEST_CASE("an opt-out suppresses the prospect even when no campaign is running for them", "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(3, "founders");
    fixture.run(founders(), 60 * 24h);
    REQUIRE(fixture.count("SELECT count(*) FROM enrollments WHERE state = 'active'") == 0);
    auto now = fixture.clock.now();
    fixture.transport.scheduled.push_back(
        {"late-1", core::EventType::replied, "alice", "https://linkedin.com/in/p1", now, "Please remove me", "", ""});
    fixture.transport.scheduled.push_back(
        {"late-2", core::EventType::opted_out, "alice", "https://linkedin.com/in/stranger", now, "", "", ""});
    fixture.transport.scheduled.push_back(
        {"late-3", core::EventType::replied, "alice", "https://linkedin.com/in/p2", now, "Thanks, all good", "", ""});
    fixture.run(founders(), 1h);
    CHECK(fixture.count("SELECT count(*) FROM suppressions WHERE value = 'https://linkedin.com/in/p1'") == 1);
    CHECK(fixture.count("SELECT count(*) FROM suppressions WHERE value = 'https://linkedin.com/in/stranger'") == 1);
    CHECK(fixture.count("SELECT count(*) FROM suppressions WHERE value = 'https://linkedin.com/in/p2'") == 0);
    CHECK(fixture.count("SELECT count(*) FROM events WHERE applied_at IS NULL") == 0);
}

TEST_CASE("an acceptance on a step without an 'accepted' branch cancels its 'not accepted' timer", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(8, "founders");
    auto campaign = founders();
    auto& invite = campaign.steps[1];
    invite.branches = {branch(core::Outcome::not_accepted, "withdraw", 14 * 24h)};
    invite.next = "thanks";
    campaign.steps[2].branches.clear(); // thanks, then the end
    campaign.steps[2].next = "end";
    fixture.run(campaign, 60 * 24h);
    // Even prospects accept: thanked, never withdrawn; odd ones are withdrawn.
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'thanks'") == 4);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'withdraw'") == 4);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN prospects p ON p.id = a.prospect_id WHERE a.step ="
                        " 'withdraw' AND CAST(substr(p.profile_url, 26) AS INTEGER) % 2 = 0") == 0);
}

TEST_CASE("follow-ups go before new profile views, so a large audience does not hold up the sequence", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(600, "founders"); // about 300 per sender: days of profile views at their pace
    fixture.run(founders(), 2 * 24h);       // Monday 06:00 to Wednesday 06:00 UTC
    // On Tuesday each sender sends its 6 invitations (its daily limit), although views are still waiting.
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE type = 'connect' AND at_utc LIKE '2026-11-24%'") == 12);
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE current_step = 'look'") > 0);
}

TEST_CASE("a rate limit holds back its sender until the moment given, and the other goes on", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(20, "founders");
    auto limited_until = utc("2026-11-23T16:00:00Z");
    bool refused = false;
    fixture.transport.answer = [&](const transport::Outbound& action) -> std::optional<transport::SendResult> {
        if (action.sender == "alice" && !refused) {
            refused = true;
            return transport::SendResult{transport::SendStatus::rate_limited, "", "429", limited_until};
        }
        return std::nullopt;
    };
    fixture.run(founders(), 24h);
    REQUIRE(refused);
    // Alice's first action (09:00 in Paris) was refused; nothing of hers went before 16:00 UTC, while Marcus (from
    // 09:00 in New York, 14:00 UTC) went on.
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id WHERE s.name = 'alice'"
                        " AND a.state = 'sent' AND a.at_utc < '2026-11-23T16:00:00Z'") == 0);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id WHERE s.name = 'alice'"
                        " AND a.state = 'sent'") > 0);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id WHERE s.name = 'marcus'"
                        " AND a.state = 'sent' AND a.at_utc < '2026-11-23T16:00:00Z'") > 0);
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE state = 'failed'") == 0);
}

TEST_CASE("an action the transport cannot vouch for is held in doubt, never sent again", "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(4, "founders");
    std::string doubted;
    fixture.transport.answer = [&](const transport::Outbound& action) -> std::optional<transport::SendResult> {
        if (doubted.empty() || doubted == action.idempotency_key) {
            doubted = action.idempotency_key;
            return transport::SendResult{transport::SendStatus::in_doubt, "", "no answer, and no way to ask",
                                         std::nullopt};
        }
        return std::nullopt;
    };
    fixture.run(founders(), 20 * 24h);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE state = 'in_doubt' AND idempotency_key = '" + doubted +
                        "' AND attempts = 1") == 1);
    CHECK(fixture.count("SELECT count(*) FROM enrollments e JOIN actions a ON a.enrollment_id = e.id"
                        " WHERE a.idempotency_key = '" +
                        doubted + "' AND e.state = 'active' AND e.next_due_at IS NULL") == 1);
    // The others played on.
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE state = 'sent'") > 4);
}

TEST_CASE("the transport's event cursor is saved with its events and given back to the next run", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(2, "founders");
    fixture.transport.cursor_value = "page-7";
    fixture.run(founders(), 24h);
    CHECK(fixture.count("SELECT count(*) FROM event_cursors WHERE source = 'recording' AND cursor = 'page-7'") == 1);
    CHECK_FALSE(fixture.transport.resumed_from);
    fixture.transport.cursor_value = "page-9";
    fixture.run(founders(), 24h);
    CHECK(fixture.transport.resumed_from == std::optional<std::string>("page-7"));
    CHECK(fixture.count("SELECT count(*) FROM event_cursors WHERE cursor = 'page-9'") == 1);
}

TEST_CASE("a sender resumed while a wall-clock run goes on sends again without a restart", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(6, "founders");
    bool restricted = true;
    fixture.transport.answer = [&](const transport::Outbound& action) -> std::optional<transport::SendResult> {
        if (action.sender == "alice" && restricted) {
            return transport::SendResult{transport::SendStatus::sender_blocked, "", "account restricted", std::nullopt};
        }
        return std::nullopt;
    };
    auto campaign = founders();
    engine::Engine engine(fixture.database, fixture.transport, fixture.messages, fixture.random, fixture.observer);
    engine.read_replies_with(campaign::test::built_in_triage());
    engine.load(
        {{campaign, "definition", "founders.yaml"}}, [](const std::string&, const std::string&) { return founders(); },
        fixture.clock.now());
    engine.enroll(fixture.clock.now());
    // At the first sleep after alice was paused, her account is cleared and she is resumed.
    bool resumed = false;
    TestWallWaiter waiter(fixture.clock, nullptr);
    struct ResumingWaiter final : engine::Waiter {
        engine::Waiter& inner;
        std::function<void()> each;
        ResumingWaiter(engine::Waiter& waiter, std::function<void()> call) : inner(waiter), each(std::move(call)) {}
        bool wait_until(core::Timestamp when) override {
            each();
            return inner.wait_until(when);
        }
        bool simulated() const override { return false; }
    } resuming(waiter, [&] {
        if (!resumed && fixture.count("SELECT count(*) FROM senders WHERE paused_at IS NOT NULL") == 1) {
            resumed = true;
            restricted = false;
            store::CampaignStore(fixture.database).resume_sender("alice");
        }
    });
    std::atomic<bool> stop{false};
    engine::RunLimits limits{fixture.clock.now() + 48h, false};
    limits.poll_interval = std::chrono::minutes{5};
    engine.run(fixture.clock, resuming, limits, stop);
    REQUIRE(resumed);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id WHERE s.name = 'alice'"
                        " AND a.state = 'sent'") > 0);
    CHECK(fixture.count("SELECT count(*) FROM senders WHERE paused_at IS NOT NULL") == 0);
}

TEST_CASE("a reply naming the prospect by member id alone stops the campaign as one naming the URL does", "[engine]") {
    // Replied, and nudged for want of a reply, out of 12 prospects who all accept.
    auto outcome = [](bool by_member_id) {
        Fixture fixture;
        fixture.add_prospects(12, "founders");
        fixture.transport.accept_every = 1;
        fixture.transport.member_ids = true;
        fixture.transport.events_by_member_id = by_member_id;
        fixture.run(founders(), 60 * 24h);
        CHECK(fixture.count("SELECT count(*) FROM prospects WHERE member_id = 'ACoAAxQ7'"
                            " AND profile_url = 'https://linkedin.com/in/p7'") == 1);
        return std::pair{fixture.count("SELECT count(*) FROM enrollments WHERE state = 'replied'"),
                         fixture.count("SELECT count(*) FROM actions WHERE step = 'nudge'")};
    };
    auto by_url = outcome(false);
    CHECK(by_url == std::pair{4, 8}); // p3, p6, p9 and p12 replied
    CHECK(outcome(true) == by_url);
}

TEST_CASE("an account reported restricted pauses its sender with the gateway's words on what to do", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(4, "founders");
    const std::string what_to_do = "Unipile reports the account PERMISSIONS: Unipile lacks a permission it needs on the"
                                   " account: connect the account again in Unipile and grant what it asks for";
    fixture.transport.add_event(
        {"status-1", core::EventType::restricted, "alice", "", utc("2026-11-23T07:00:00Z"), what_to_do, "", ""});
    fixture.run(founders(), 24h);
    CHECK(fixture.count("SELECT count(*) FROM senders WHERE name = 'alice' AND paused_at IS NOT NULL"
                        " AND pause_reason = '" +
                        what_to_do + "'") == 1);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id WHERE s.name = 'alice'") ==
          0);
}

TEST_CASE("a run withdraws the stale invitations of its own campaign, tries a failed withdrawal again when the "
          "failure says, and then ends",
          "[engine]") {
    Fixture fixture;
    fixture.add_prospects(3, "founders");
    fixture.transport.accept_every = 1000; // nobody accepts
    auto campaign = founders();
    campaign.steps = {step("invite", core::ActionType::connect)};
    campaign.steps[0].template_name = "note.mustache";
    for (auto& sender : campaign.senders) {
        sender.withdraw_invitations_after = 3 * 24h;
    }
    std::map<std::string, std::vector<core::Timestamp>> tries;
    fixture.transport.answer = [&](const transport::Outbound& action) -> std::optional<transport::SendResult> {
        if (action.type != core::ActionType::withdraw_invite) {
            return std::nullopt;
        }
        auto& times = tries[action.idempotency_key];
        times.push_back(action.at);
        if (times.size() < 3) {
            return transport::SendResult{transport::SendStatus::retry_later, "", "503", std::nullopt};
        }
        return std::nullopt;
    };
    auto summary = fixture.run(campaign, 60 * 24h);
    CHECK(summary.stop_reason == "nothing left to do");
    REQUIRE(tries.size() == 3);
    for (const auto& [key, times] : tries) {
        INFO(key);
        REQUIRE(times.size() == 3);
        CHECK(times[1] - times[0] >= 15min);
        CHECK(times[2] - times[1] >= 15min);
    }
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'withdraw:pending' AND state = 'sent'") == 3);
}

TEST_CASE("no write transaction is open while the transport is called: sends, polls and a recovery's lookups",
          "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(12, "founders");
    // Another connection, as `campaign inbox` or `serve` would hold: it can always take the write lock when the
    // transport is called.
    SQLite::Database other((fixture.folder / "campaign.db").string(), SQLite::OPEN_READWRITE);
    auto lock_is_free = [&other] {
        try {
            other.exec("BEGIN IMMEDIATE");
            other.exec("ROLLBACK");
            return true;
        } catch (const SQLite::Exception&) {
            return false;
        }
    };
    int calls = 0;
    int inside = 0;
    fixture.transport.on_reach = [&] {
        ++calls;
        inside += lock_is_free() ? 0 : 1;
    };
    fixture.run(founders(), 20 * 24h);
    CHECK(calls > 50);
    CHECK(inside == 0);
    // Actions a crash left in flight are looked up one after the other, each settlement committed before the next.
    SQLite::Database((fixture.folder / "campaign.db").string(), SQLite::OPEN_READWRITE)
        .exec("INSERT INTO actions (enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step,"
              " type, idempotency_key, state, at_utc, at_local) SELECT id, campaign_id, campaign_version_id,"
              " prospect_id, sender_id, 'extra', 'message', 'founders/' || id || '/extra', 'sending',"
              " '2026-12-10T10:00:00Z', '2026-12-10T11:00:00' FROM enrollments ORDER BY id LIMIT 4");
    calls = 0;
    fixture.run(founders(), 24h);
    CHECK(calls > 4);
    CHECK(inside == 0);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE state = 'sending'") == 0);
}

TEST_CASE("a stale invitation to a prospect suppressed by email domain is left alone, and the run ends", "[engine]") {
    Fixture fixture;
    fixture.add_prospects(4, "founders");
    fixture.transport.accept_every = 1000;
    auto campaign = founders();
    campaign.steps = {step("invite", core::ActionType::connect)};
    campaign.steps[0].template_name = "note.mustache";
    for (auto& sender : campaign.senders) {
        sender.withdraw_invitations_after = 3 * 24h;
    }
    fixture.run(campaign, 24h);
    REQUIRE(fixture.count("SELECT count(*) FROM actions WHERE type = 'connect' AND state = 'sent'") == 4);
    // Two of them work at a company that asked not to be contacted again.
    SQLite::Database db((fixture.folder / "campaign.db").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE prospects SET email = 'p' || id || '@Acme.com' WHERE id IN (1, 2)");
    db.exec("INSERT INTO suppressions (kind, value, reason, created_at)"
            " VALUES ('email_domain', 'acme.com', 'asked', '2026-11-23T12:00:00Z')");
    auto summary = fixture.run(campaign, 30 * 24h);
    CHECK(summary.stop_reason == "nothing left to do");
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'withdraw:pending' AND state = 'sent'") == 2);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'withdraw:pending' AND prospect_id IN (1, 2)") == 0);
}

namespace {

// An observer that reaches out on each tick, as the one fetching the gateway's SSI does.
class ReachingObserver final : public engine::RunObserver {
public:
    explicit ReachingObserver(std::function<void()> reach) : m_reach(std::move(reach)) {}
    void on_progress(const engine::Progress&) override { m_reach(); }

private:
    std::function<void()> m_reach;
};

} // namespace

TEST_CASE("the run's observer is told of its progress with no write transaction open", "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(8, "founders");
    SQLite::Database other((fixture.folder / "campaign.db").string(), SQLite::OPEN_READWRITE);
    int ticks = 0;
    int inside = 0;
    ReachingObserver observer([&] {
        ++ticks;
        try {
            other.exec("BEGIN IMMEDIATE");
            other.exec("ROLLBACK");
        } catch (const SQLite::Exception&) {
            ++inside;
        }
    });
    engine::Engine engine(fixture.database, fixture.transport, fixture.messages, fixture.random, observer);
    engine.read_replies_with(built_in_triage());
    engine.load(
        {{founders(), "definition of founders", "founders.yaml"}},
        [](const std::string&, const std::string&) { return founders(); }, fixture.clock.now());
    engine.recover(fixture.clock.now());
    engine.enroll(fixture.clock.now());
    engine::SimulatedWaiter waiter(fixture.clock);
    std::atomic<bool> stop{false};
    engine.run(fixture.clock, waiter, {fixture.clock.now() + 10 * 24h, false}, stop);
    CHECK(ticks > 20);
    CHECK(inside == 0);
}
