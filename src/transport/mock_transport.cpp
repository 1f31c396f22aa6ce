#include "transport/mock_transport.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/audience.hpp"
#include "core/stable_hash.hpp"
#include "transport/mock_journal.hpp"
#include "transport/mock_replies.hpp"

namespace campaign::transport {

namespace {

// A transient failure is retried after a short pause, as a gateway's rate limiter or a timeout would ask.
constexpr core::Duration k_min_retry_pause = std::chrono::minutes{5};
constexpr core::Duration k_retry_spread = std::chrono::minutes{25};

template <typename T>
std::optional<T> first_set(const std::optional<T>& preferred, const std::optional<T>& fallback) {
    return preferred ? preferred : fallback;
}

core::OutcomeRates merged(const core::OutcomeRates& preferred, const core::OutcomeRates& fallback) {
    core::OutcomeRates rates;
    rates.accept = first_set(preferred.accept, fallback.accept);
    rates.accept_delay = first_set(preferred.accept_delay, fallback.accept_delay);
    rates.reply = first_set(preferred.reply, fallback.reply);
    rates.reply_delay = first_set(preferred.reply_delay, fallback.reply_delay);
    rates.opt_out = first_set(preferred.opt_out, fallback.opt_out);
    rates.failure = first_set(preferred.failure, fallback.failure);
    return rates;
}

bool applies(const core::MockOverride& rule, const core::Prospect& prospect) {
    return std::all_of(rule.tags.begin(), rule.tags.end(),
                       [&prospect](const std::string& tag) { return prospect.tags.contains(tag); }) &&
           std::all_of(rule.where.begin(), rule.where.end(),
                       [&prospect](const core::FieldFilter& filter) { return core::matches(filter, prospect); });
}

// What a gateway answers: an id of its own for the action, the same on every run.
std::string sent_response(const std::string& idempotency_key) {
    char id[17];
    std::snprintf(id, sizeof id, "%016llx",
                  static_cast<unsigned long long>(core::stable_hash({"mock", idempotency_key})));
    return std::string(R"({"status":"sent","id":"mock-)") + id + R"("})";
}

std::string_view pick(std::span<const std::string_view> texts, core::Random& random) {
    auto index = static_cast<std::size_t>(std::floor(random.uniform() * static_cast<double>(texts.size())));
    return texts[std::min(index, texts.size() - 1)];
}

core::Event event_of(const JournalEntry& entry, core::EventType type, core::Timestamp at, std::string_view text) {
    return core::Event{"mock:" + entry.idempotency_key + ":" + std::string(core::to_string(type)),
                       type,
                       entry.sender,
                       entry.profile_url,
                       at,
                       std::string(text),
                       entry.idempotency_key,
                       ""};
}

} // namespace

MockTransport::MockTransport(core::MockModel model, std::uint64_t seed, std::optional<std::filesystem::path> journal,
                             const std::function<bool(const std::string&)>& recorded)
    : m_model(std::move(model)), m_seed(seed) {
    // A model built in code may leave base rates unset; the loader fills them the same way.
    m_model.base = merged(m_model.base, core::default_outcome_rates());
    if (journal) {
        m_journal = std::make_unique<MockJournal>(std::move(*journal), recorded);
        for (auto& entry : m_journal->take_recovered()) {
            apply(std::move(entry));
        }
    }
}

MockTransport::~MockTransport() = default;

void MockTransport::use_for_campaign(const std::string& campaign, core::MockModel model) {
    model.base = merged(model.base, core::default_outcome_rates());
    m_campaign_models.insert_or_assign(campaign, std::move(model));
}

SendResult MockTransport::send(const Outbound& action) {
    // A gateway that honours idempotency keys answers a repeat with what it did the first time.
    if (auto done = m_performed.find(action.idempotency_key); done != m_performed.end()) {
        return done->second;
    }
    auto attempt = ++m_attempts[action.idempotency_key];
    core::SeededRandom random(
        core::stable_hash({std::to_string(m_seed), action.idempotency_key, std::to_string(attempt)}));
    auto rates = rates_for(action.campaign, action.prospect);
    if (random.chance(*rates.failure)) {
        return SendResult{SendStatus::retry_later, R"({"status":"retry_later"})",
                          "simulated transient failure (attempt " + std::to_string(attempt) + ")",
                          action.at + k_min_retry_pause + random.up_to(k_retry_spread)};
    }
    auto entry = perform(action, rates, random);
    if (m_journal) {
        m_journal->append(entry);
    }
    auto result = entry.result;
    apply(std::move(entry));
    return result;
}

Lookup MockTransport::lookup(std::string_view idempotency_key) {
    if (auto done = m_performed.find(idempotency_key); done != m_performed.end()) {
        return Lookup{LookupStatus::performed, done->second};
    }
    return Lookup{LookupStatus::not_performed, {}};
}

std::vector<core::Event> MockTransport::poll(core::Timestamp now) {
    std::vector<core::Event> due;
    while (!m_due.empty() && m_due.begin()->first <= now) {
        auto event = m_pending.extract(m_due.begin()->second);
        due.push_back(std::move(event.mapped()));
        m_due.erase(m_due.begin());
    }
    return due;
}

std::optional<core::Timestamp> MockTransport::next_event_at() const {
    if (m_due.empty()) {
        return std::nullopt;
    }
    return m_due.begin()->first;
}

core::OutcomeRates MockTransport::rates_for(const std::string& campaign, const core::Prospect& prospect) const {
    auto own = m_campaign_models.find(campaign);
    const auto& model = own == m_campaign_models.end() ? m_model : own->second;
    for (const auto& candidate : model.overrides) {
        if (applies(candidate, prospect)) {
            return merged(candidate.rates, model.base);
        }
    }
    return model.base;
}

JournalEntry MockTransport::perform(const Outbound& action, const core::OutcomeRates& rates,
                                    core::Random& random) const {
    JournalEntry entry{action.idempotency_key,
                       action.type,
                       action.sender,
                       action.prospect.profile_url,
                       action.at,
                       SendResult{SendStatus::sent, sent_response(action.idempotency_key), {}, std::nullopt},
                       {}};
    switch (action.type) {
    case core::ActionType::connect:
        if (random.chance(*rates.accept)) {
            auto at = action.at + random.exponential(*rates.accept_delay);
            entry.events.push_back(event_of(entry, core::EventType::accepted, at, ""));
        }
        break;
    case core::ActionType::message:
    case core::ActionType::inmail:
        // An opt-out is a reply like any other: the engine recognizes it by its words, as it must a real one.
        if (random.chance(*rates.reply)) {
            auto at = action.at + random.exponential(*rates.reply_delay);
            auto texts = random.chance(*rates.opt_out) ? opt_out_replies() : other_replies();
            entry.events.push_back(event_of(entry, core::EventType::replied, at, pick(texts, random)));
        }
        break;
    default:
        break; // profile views, follows, likes, endorsements and withdrawals get no answer
    }
    return entry;
}

void MockTransport::apply(JournalEntry entry) {
    m_attempts.erase(entry.idempotency_key);
    m_performed.emplace(entry.idempotency_key, entry.result);
    if (entry.type == core::ActionType::withdraw_invite) {
        withdraw(entry.sender, entry.profile_url, entry.at);
    }
    for (auto& event : entry.events) {
        schedule(std::move(event));
    }
}

void MockTransport::schedule(core::Event event) {
    if (event.type == core::EventType::accepted) {
        m_acceptances[{event.sender, event.profile_url}].push_back(event.id);
    }
    m_due.emplace(event.at, event.id);
    auto id = event.id;
    m_pending.emplace(std::move(id), std::move(event));
}

// An acceptance drawn for after the withdrawal never happens; one before it stays, and may reach the engine after
// the campaign's branch timed out: a late accept.
void MockTransport::withdraw(const std::string& sender, const std::string& profile_url, core::Timestamp at) {
    auto found = m_acceptances.find({sender, profile_url});
    if (found == m_acceptances.end()) {
        return;
    }
    for (const auto& id : found->second) {
        if (auto pending = m_pending.find(id); pending != m_pending.end() && pending->second.at > at) {
            m_due.erase({pending->second.at, id});
            m_pending.erase(pending);
        }
    }
}

} // namespace campaign::transport
