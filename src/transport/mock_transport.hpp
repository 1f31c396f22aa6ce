// The mock transport: a seeded simulator of the LinkedIn side for dry runs, forecasts and tests. Each action's
// outcome is drawn from the model's rates by a generator seeded with the run's seed, the action's idempotency key and
// the attempt, so a run repeats byte for byte whatever order actions come in, and after a restart.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/mock_model.hpp"
#include "core/random.hpp"
#include "transport/transport.hpp"

namespace campaign::transport {

class MockJournal;
struct JournalEntry;

class MockTransport final : public Transport {
public:
    // With a journal, every performed action is written to that file before send() returns and read back here, so
    // that lookup() and poll() answer after a kill and a restart as they did before; `recorded` says which actions
    // the database holds, so that the journal forgets the last ones a killed run never committed (MockJournal).
    MockTransport(core::MockModel model, std::uint64_t seed,
                  std::optional<std::filesystem::path> journal = std::nullopt,
                  const std::function<bool(const std::string&)>& recorded = {});
    ~MockTransport() override;
    MockTransport(const MockTransport&) = delete;
    MockTransport& operator=(const MockTransport&) = delete;

    // The model of one campaign's own `mock:` section, for its prospects; the others keep the model given above.
    void use_for_campaign(const std::string& campaign, core::MockModel model);

    std::string_view name() const override { return "mock"; }
    SendResult send(const Outbound& action) override;
    Lookup lookup(const Outbound& action) override { return lookup(action.idempotency_key); }
    Lookup lookup(std::string_view idempotency_key);
    std::vector<core::Event> poll(core::Timestamp now) override;
    std::optional<core::Timestamp> next_event_at() const override;

private:
    core::OutcomeRates rates_for(const std::string& campaign, const core::Prospect& prospect) const;
    JournalEntry perform(const Outbound& action, const core::OutcomeRates& rates, core::Random& random) const;
    void apply(JournalEntry entry);
    void schedule(core::Event event);
    void withdraw(const std::string& sender, const std::string& profile_url, core::Timestamp at);

    core::MockModel m_model;
    std::map<std::string, core::MockModel> m_campaign_models;
    std::uint64_t m_seed;
    std::unique_ptr<MockJournal> m_journal;
    std::map<std::string, int, std::less<>> m_attempts;
    std::map<std::string, SendResult, std::less<>> m_performed;
    std::map<std::string, core::Event> m_pending;            // scheduled and not yet polled, by id
    std::set<std::pair<core::Timestamp, std::string>> m_due; // the same, in the order poll() returns them
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> m_acceptances; // ids by (sender, profile)
};

} // namespace campaign::transport
