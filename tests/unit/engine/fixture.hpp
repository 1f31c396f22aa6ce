// The engine's tests share this: a campaign of five steps with branches, two senders, and a fixture that plays it
// on a fresh database with the recording transport and the simulated clock.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "config/triage_rules_loader.hpp"
#include "engine/engine.hpp"
#include "fakes.hpp"
#include "store/campaign_store.hpp"
#include "store/database.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"
#include "unit/store/temp_folder.hpp"

namespace campaign::test {

using namespace std::chrono_literals;

// The built-in reply triage rules, which a run reads replies with.
inline std::shared_ptr<const triage::Triage> built_in_triage() {
    static const auto triage = std::make_shared<const triage::Triage>(config::load_triage_rules().languages);
    return triage;
}

inline core::Timestamp utc(const char* text) {
    return *core::parse_utc(text);
}

inline core::Step step(std::string id, core::ActionType type, core::Duration after = {}) {
    core::Step made;
    made.id = std::move(id);
    made.type = type;
    made.after = after;
    return made;
}

inline core::Branch branch(core::Outcome on, std::string target, std::optional<core::Duration> within = std::nullopt) {
    core::Branch made;
    made.on = on;
    made.target = std::move(target);
    made.within = within;
    return made;
}

inline core::Sender sender(std::string id, std::string zone) {
    core::Sender made;
    made.id = std::move(id);
    made.timezone = std::move(zone);
    made.working_hours.days = {false, true, true, true, true, true, false};
    made.limits = core::default_limits(core::AccountType::premium);
    made.limits.per_day[core::ActionType::connect] = 6;
    made.limits.per_day[core::ActionType::message] = 8;
    made.limits.invitations_per_week = 25;
    return made;
}

inline core::Campaign founders() {
    core::Campaign campaign;
    campaign.id = "founders";
    campaign.senders = {sender("alice", "Europe/Paris"), sender("marcus", "America/New_York")};
    campaign.audience.tags = {"founders"};
    auto invite = step("invite", core::ActionType::connect, 24h);
    invite.template_name = "note.mustache";
    invite.branches = {branch(core::Outcome::accepted, "thanks"),
                       branch(core::Outcome::not_accepted, "withdraw", 14 * 24h)};
    auto thanks = step("thanks", core::ActionType::message, 24h);
    thanks.template_name = "thanks.mustache";
    thanks.branches = {branch(core::Outcome::replied, "end"), branch(core::Outcome::no_reply, "nudge", 5 * 24h)};
    auto nudge = step("nudge", core::ActionType::message);
    nudge.template_name = "nudge.mustache";
    nudge.next = "end";
    campaign.steps = {step("look", core::ActionType::view_profile), invite, thanks, nudge,
                      step("withdraw", core::ActionType::withdraw_invite)};
    return campaign;
}

struct Fixture {
    TempFolder folder;
    store::Database database{folder / "campaign.db", store::OpenMode::create};
    RecordingTransport transport;
    FixedMessages messages;
    core::SeededRandom random{7};
    engine::RunObserver observer;
    core::ManualClock clock{utc("2026-11-23T06:00:00Z")};

    void add_prospects(int count, const std::string& tag) {
        store::ProspectStore prospects(database);
        store::Transaction transaction(database);
        for (int i = 1; i <= count; ++i) {
            core::Prospect prospect;
            prospect.profile_url = "https://linkedin.com/in/p" + std::to_string(i);
            prospect.first_name = "P" + std::to_string(i);
            prospect.tags = {tag};
            prospect.created_at = prospect.updated_at = clock.now();
            prospects.insert(prospect);
        }
        transaction.commit();
    }

    engine::RunSummary run(const core::Campaign& campaign, core::Duration period) {
        engine::Engine engine(database, transport, messages, random, observer);
        engine.read_replies_with(campaign::test::built_in_triage());
        engine.load(
            {{campaign, "definition of " + campaign.id, "founders.yaml"}},
            [](const std::string&, const std::string&) { return founders(); }, clock.now());
        engine.recover(clock.now());
        engine.enroll(clock.now());
        engine::SimulatedWaiter waiter(clock);
        std::atomic<bool> stop{false};
        return engine.run(clock, waiter, {clock.now() + period, false}, stop);
    }

    int count(const std::string& sql) {
        SQLite::Database db((folder / "campaign.db").string());
        return db.execAndGet(sql).getInt();
    }
};

} // namespace campaign::test
