#include "engine/inbound.hpp"

#include "core/profile_url.hpp"

namespace campaign::engine {

InboundRecorder::InboundRecorder(store::Database& database)
    : m_campaigns(database), m_prospects(database), m_actions(database), m_events(database) {}

bool InboundRecorder::record(core::Event event, core::Timestamp received_at) {
    // A gateway writes the URL its own way (with www, a locale, a trailing slash): the CRM knows it normalized.
    if (auto normalized = core::normalize_profile_url(event.profile_url)) {
        event.profile_url = normalized.url;
    }
    auto prospect = m_prospects.find_by_url(event.profile_url);
    if (!prospect && !event.member_id.empty()) {
        // Named by member id alone (Unipile's `attendee_provider_id`, a URL ".../in/ACoAA...") while the CRM knows
        // the prospect by their public profile: the id the gateway told when it looked the profile up. The event then
        // carries the prospect's own URL, which an opt-out suppresses.
        prospect = m_prospects.find_by_member_id(event.member_id);
        if (prospect) {
            event.profile_url = prospect->profile_url;
        }
    }
    std::optional<core::ProspectId> prospect_id;
    if (prospect) {
        prospect_id = prospect->id;
    }
    std::optional<core::RowId> sender_id;
    if (auto sender = m_campaigns.find_sender(event.sender)) {
        sender_id = sender->id;
    }
    std::optional<core::ActionId> action_id;
    if (!event.idempotency_key.empty()) {
        if (auto action = m_actions.find_by_key(event.idempotency_key)) {
            action_id = action->id;
        }
    }
    return m_events.record(event, prospect_id, sender_id, action_id, received_at);
}

} // namespace campaign::engine
