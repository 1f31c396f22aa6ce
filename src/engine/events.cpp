// Applying what comes back from the other side: acceptances move an enrollment along its "accepted" branch, replies
// stop it (or take its "replied" branch), opt-outs suppress the prospect everywhere. Each event id is applied once.
#include "core/text.hpp"
#include "engine/runtime.hpp"
#include "schedule/sequence.hpp"

namespace campaign::engine {

namespace {

constexpr std::size_t k_event_batch = 500;

bool asks_to_stop(const core::Event& event, const core::StopRules& rules) {
    if (event.type == core::EventType::opted_out) {
        return true;
    }
    return std::any_of(rules.opt_out_keywords.begin(), rules.opt_out_keywords.end(),
                       [&event](const std::string& keyword) { return core::contains_phrase(event.text, keyword); });
}

} // namespace

void Engine::ingest_events(core::Timestamp now) {
    auto events = m_transport.poll(now);
    if (!events.empty()) {
        writing();
        for (const auto& event : events) {
            auto prospect = m_prospects.find_by_url(event.profile_url);
            auto sender = m_senders.find(event.sender);
            std::optional<core::RowId> sender_id;
            if (sender != m_senders.end()) {
                sender_id = sender->second->id;
            } else if (auto row = m_campaigns.find_sender(event.sender)) {
                sender_id = row->id;
            }
            m_events.record(event, prospect ? std::optional<core::ProspectId>(prospect->id) : std::nullopt, sender_id,
                            now);
        }
        m_events_pending = true;
    }
    // Pending events come from this run's polls, or from before it (a crash, `events ingest`): looked for once, then
    // after each poll that brought some.
    if (!m_events_pending) {
        return;
    }
    for (auto pending = m_events.pending(k_event_batch); !pending.empty(); pending = m_events.pending(k_event_batch)) {
        for (const auto& stored : pending) {
            writing();
            apply_event(stored, now);
        }
    }
    m_events_pending = false;
}

void Engine::apply_event(const store::StoredEvent& stored, core::Timestamp now) {
    const auto& event = stored.event;
    std::optional<core::EnrollmentId> applied_to;
    if (event.type == core::EventType::restricted && stored.sender_id) {
        if (auto found = m_senders_by_row.find(*stored.sender_id); found != m_senders_by_row.end()) {
            found->second->paused = true;
        }
        m_campaigns.pause_sender(*stored.sender_id, now, "account restricted");
        m_observer.on_warning("sender '" + event.sender + "' reported restricted: paused until it is resumed");
    }
    if (stored.prospect_id && stored.sender_id) {
        for (auto& enrollment : m_enrollments.active_with(*stored.prospect_id, *stored.sender_id)) {
            applied_to = applied_to.value_or(enrollment.id);
            switch (event.type) {
            case core::EventType::accepted:
                apply_accept(stored, enrollment, now);
                break;
            case core::EventType::replied:
            case core::EventType::opted_out:
                apply_reply(stored, enrollment, now);
                break;
            case core::EventType::bounced: {
                auto before = enrollment;
                enrollment.state = core::EnrollmentState::failed;
                enrollment.due_action.reset();
                enrollment.next_due_at.reset();
                save(enrollment, before, now);
                break;
            }
            case core::EventType::withdrawn:
            case core::EventType::restricted:
                break;
            }
        }
    }
    if (event.type == core::EventType::accepted) {
        ++m_progress.accepted;
    } else if (event.type == core::EventType::replied || event.type == core::EventType::opted_out) {
        ++m_progress.replied;
    }
    m_events.mark_applied(stored.id, applied_to, std::nullopt, now);
}

// The rule for late acceptances: an enrollment that already left its invitation step stays on the branch it took,
// except that a withdrawal still waiting to go out is skipped, since there is no pending invitation to withdraw.
void Engine::apply_accept(const store::StoredEvent& stored, core::Enrollment enrollment, core::Timestamp now) {
    const auto* version = version_of(enrollment);
    if (version == nullptr) {
        return;
    }
    const auto& campaign = version->campaign;
    const auto* step = campaign.find_step(enrollment.current_step);
    if (step == nullptr) {
        return;
    }
    auto before = enrollment;
    if (!enrollment.due_action && step->type == core::ActionType::connect) {
        auto at = std::max(stored.event.at, enrollment.waiting_since.value_or(stored.event.at));
        auto next = schedule::on_outcome(campaign, *step, core::Outcome::accepted, at);
        if (!next) {
            return;
        }
        place(enrollment, *next, campaign, now);
    } else if (enrollment.due_action == core::ActionType::withdraw_invite) {
        place(enrollment, schedule::after_action(campaign, *step, now), campaign, now);
        m_observer.on_note(stored.event.profile_url + " accepted late: withdrawal skipped");
    } else {
        return;
    }
    save(enrollment, before, now);
}

void Engine::apply_reply(const store::StoredEvent& stored, core::Enrollment enrollment, core::Timestamp now) {
    const auto* version = version_of(enrollment);
    core::StopRules rules = version ? version->campaign.stop : core::StopRules{};
    auto before = enrollment;
    if (asks_to_stop(stored.event, rules)) {
        enrollment.state = core::EnrollmentState::opted_out;
        enrollment.due_action.reset();
        enrollment.next_due_at.reset();
        save(enrollment, before, now);
        suppress_everywhere(enrollment.prospect_id, stored.event.profile_url,
                            "opted out: \"" + stored.event.text + "\"", now);
        return;
    }
    const auto* step = version ? version->campaign.find_step(enrollment.current_step) : nullptr;
    std::optional<schedule::Position> next;
    if (step != nullptr && !enrollment.due_action) {
        auto at = std::max(stored.event.at, enrollment.waiting_since.value_or(stored.event.at));
        next = schedule::on_outcome(version->campaign, *step, core::Outcome::replied, at);
    }
    if (next) {
        place(enrollment, *next, version->campaign, now);
        if (next->finished()) {
            enrollment.state = core::EnrollmentState::replied;
        }
    } else if (rules.on_reply) {
        enrollment.state = core::EnrollmentState::replied;
        enrollment.current_step.clear();
        enrollment.due_action.reset();
        enrollment.next_due_at.reset();
    } else {
        return;
    }
    save(enrollment, before, now);
}

void Engine::suppress_everywhere(core::ProspectId prospect_id, const std::string& profile_url,
                                 const std::string& reason, core::Timestamp now) {
    core::Suppression entry;
    entry.kind = core::SuppressionKind::profile;
    entry.value = profile_url;
    entry.reason = reason;
    entry.created_at = now;
    m_suppressions.add(entry);
    for (auto id : m_enrollments.active_of_prospect(prospect_id)) {
        auto enrollment = m_enrollments.get(id);
        auto before = enrollment;
        enrollment.state = core::EnrollmentState::stopped;
        enrollment.due_action.reset();
        enrollment.next_due_at.reset();
        save(enrollment, before, now);
    }
}

} // namespace campaign::engine
