// What comes back is applied where it belongs and before anything more goes out: a reply in the second before a
// follow-up stops it, and the pacing gap after a sender's last action holds whatever run or campaign sent it.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace campaign;
using namespace campaign::test;
using namespace std::chrono_literals;

namespace {

// A gateway between its polls: events come back only every half hour, unless asked right before a send.
class PollingGateway final : public transport::Transport {
public:
    RecordingTransport inner;

    std::string_view name() const override { return "polling"; }
    transport::SendResult send(const transport::Outbound& action) override { return inner.send(action); }
    transport::Lookup lookup(const transport::Outbound& action) override { return inner.lookup(action); }
    std::vector<core::Event> poll(core::Timestamp now) override {
        if (m_last_poll && now - *m_last_poll < 30min) {
            return {};
        }
        m_last_poll = now;
        return inner.poll(now);
    }
    std::vector<core::Event> poll_before_send(core::Timestamp now) override {
        m_last_poll = now;
        return inner.poll(now);
    }
    std::optional<core::Timestamp> next_event_at() const override { return std::nullopt; }

private:
    std::optional<core::Timestamp> m_last_poll;
};

core::Campaign hello_then_followup() {
    core::Campaign campaign;
    campaign.id = "followup";
    campaign.senders = {sender("alice", "Europe/Paris")};
    campaign.senders[0].pacing = {0s, 0s};
    campaign.audience.tags = {"founders"};
    auto hello = step("hello", core::ActionType::message);
    hello.template_name = "hello.mustache";
    // Due the very second the recording transport's replies to 'hello' come in.
    auto followup = step("followup", core::ActionType::message, 5h);
    followup.template_name = "followup.mustache";
    campaign.steps = {hello, followup};
    return campaign;
}

} // namespace

TEST_CASE("a reply that came in by the time a follow-up is due stops it, however seldom the gateway is polled",
          "[engine][invariant]") {
    Fixture fixture;
    fixture.add_prospects(30, "founders");
    PollingGateway gateway;
    auto campaign = hello_then_followup();
    engine::Engine engine(fixture.database, gateway, fixture.messages, fixture.random, fixture.observer);
    engine.read_replies_with(campaign::test::built_in_triage());
    engine.load(
        {{campaign, "definition", "followup.yaml"}},
        [&campaign](const std::string&, const std::string&) { return campaign; }, fixture.clock.now());
    engine.enroll(fixture.clock.now());
    engine::SimulatedWaiter waiter(fixture.clock);
    std::atomic<bool> stop{false};
    engine.run(fixture.clock, waiter, {fixture.clock.now() + 14 * 24h, false}, stop);

    REQUIRE(fixture.count("SELECT count(*) FROM events WHERE type = 'replied'") == 10);
    CHECK(fixture.count("SELECT count(*) FROM actions a JOIN events e ON e.prospect_id = a.prospect_id"
                        " WHERE e.type = 'replied' AND a.at_utc >= e.occurred_at") == 0);
    CHECK(fixture.count("SELECT count(*) FROM actions WHERE step = 'followup'") == 20);
    CHECK(fixture.count("SELECT count(*) FROM enrollments WHERE state IN ('replied', 'opted_out')") == 10);
}

TEST_CASE("the gap after a sender's last action holds in the next run, whatever the types and campaigns",
          "[engine][invariant]") {
    Fixture fixture;
    auto alice = sender("alice", "Europe/Paris");
    alice.working_hours = {{true, true, true, true, true, true, true}, 0, 24 * 60};
    alice.pacing = {2h, 0s};
    alice.limits.per_day[core::ActionType::view_profile] = 500;
    // A message, then a profile view: the last action is not of the type read last.
    core::Campaign first;
    first.id = "first";
    first.senders = {alice};
    first.audience.tags = {"first"};
    auto hello = step("hello", core::ActionType::message);
    hello.template_name = "hello.mustache";
    first.steps = {hello, step("look", core::ActionType::view_profile)};
    core::Campaign second;
    second.id = "second";
    second.senders = {alice};
    second.audience.tags = {"second"};
    second.steps = {step("look", core::ActionType::view_profile)};
    fixture.add_prospects(1, "first");
    {
        store::ProspectStore prospects(fixture.database);
        for (int i = 2; i <= 101; ++i) {
            core::Prospect prospect;
            prospect.profile_url = "https://linkedin.com/in/p" + std::to_string(i);
            prospect.tags = {"second"};
            prospect.created_at = prospect.updated_at = fixture.clock.now();
            prospects.insert(prospect);
        }
    }
    auto play = [&fixture](const core::Campaign& campaign, std::optional<core::Timestamp> until) {
        engine::Engine engine(fixture.database, fixture.transport, fixture.messages, fixture.random, fixture.observer);
        engine.read_replies_with(campaign::test::built_in_triage());
        engine.load(
            {{campaign, "definition of " + campaign.id, campaign.id + ".yaml"}},
            [&campaign](const std::string&, const std::string&) { return campaign; }, fixture.clock.now());
        engine.enroll(fixture.clock.now());
        engine::SimulatedWaiter waiter(fixture.clock);
        std::atomic<bool> stop{false};
        engine.run(fixture.clock, waiter, {until, false}, stop);
    };
    play(first, std::nullopt); // ends the moment its last action went out
    play(second, fixture.clock.now() + 24h);

    SQLite::Database db((fixture.folder / "campaign.db").string());
    SQLite::Statement times(db, "SELECT at_utc FROM actions WHERE state = 'sent' ORDER BY at_utc");
    std::vector<core::Timestamp> sent;
    while (times.executeStep()) {
        sent.push_back(*core::parse_utc(times.getColumn(0).getString()));
    }
    REQUIRE(sent.size() >= 5);
    for (std::size_t i = 1; i < sent.size(); ++i) {
        INFO(core::format_utc(sent[i - 1]) << " then " << core::format_utc(sent[i]));
        CHECK(sent[i] - sent[i - 1] >= 2h);
    }
}
