// Applying what comes back from the other side: acceptances move an enrollment along its "accepted" branch, replies
// stop it (or take its "replied" branch), opt-outs suppress the prospect everywhere. Each event id is applied once.
#include "core/text.hpp"
#include "engine/runtime.hpp"
#include "schedule/sequence.hpp"

namespace campaign::engine {

namespace {

constexpr std::size_t k_event_batch = 500;

} // namespace

void Engine::ingest_events(core::Timestamp now) {
    auto events = m_transport.poll(now);
    if (!events.empty()) {
        writing();
        for (auto& event : events) {
            m_inbound.record(std::move(event), now);
        }
        m_events_pending = true;
    }
    // Saved with the events it brought, in the same transaction: a crash loses neither.
    if (auto cursor = m_transport.cursor(); cursor && cursor->value != m_saved_cursor) {
        writing();
        m_campaigns.save_event_cursor(m_transport.cursor_name(), cursor->value, now);
        m_saved_cursor = cursor->value;
    }
    // Pending events come from this run's polls, or from before it (a crash, `events ingest`): looked for once, then
    // after each poll that brought some, and when the first one dated ahead of the clock is due.
    if (m_next_recorded_event && *m_next_recorded_event <= now) {
        m_events_pending = true;
    }
    if (!m_events_pending) {
        return;
    }
    // An event that must wait stays pending; a batch of nothing but those ends the look.
    for (bool applied_any = true; applied_any;) {
        applied_any = false;
        for (const auto& stored : m_events.pending(k_event_batch, now)) {
            writing();
            applied_any = apply_event(stored, now) || applied_any;
        }
    }
    m_events_pending = false;
    m_next_recorded_event = m_events.next_pending_after(now);
}

// An opt-out counts whatever the enrollments are: a prospect who writes "remove me" after the campaign ended, or
// who is not in any campaign of this run, is suppressed all the same. Each campaign's own keywords apply to its
// enrollments; without one, the keywords of every campaign this engine knows.
bool Engine::asks_to_stop(const core::Event& event, const std::vector<core::Enrollment>& enrollments) const {
    if (event.type == core::EventType::opted_out) {
        return true;
    }
    if (event.type != core::EventType::replied) {
        return false;
    }
    auto mentions = [&event](const core::StopRules& rules) {
        return std::any_of(rules.opt_out_keywords.begin(), rules.opt_out_keywords.end(),
                           [&event](const std::string& keyword) { return core::contains_phrase(event.text, keyword); });
    };
    for (const auto& enrollment : enrollments) {
        if (const auto* version = version_of(enrollment); version && mentions(version->campaign.stop)) {
            return true;
        }
    }
    if (enrollments.empty()) {
        if (m_versions.empty()) {
            return mentions(core::StopRules{});
        }
        return std::any_of(m_versions.begin(), m_versions.end(),
                           [&](const auto& runtime) { return mentions(runtime->campaign.stop); });
    }
    return false;
}

// False when the event must wait: it concerns an enrollment of a campaign version this engine could not load.
bool Engine::apply_event(const store::StoredEvent& stored, core::Timestamp now) {
    const auto& event = stored.event;
    std::vector<core::Enrollment> enrollments;
    if (stored.prospect_id && stored.sender_id) {
        enrollments = m_enrollments.active_with(*stored.prospect_id, *stored.sender_id);
    }
    if (std::any_of(enrollments.begin(), enrollments.end(),
                    [this](const core::Enrollment& enrollment) { return version_of(enrollment) == nullptr; })) {
        return false;
    }
    if (event.type == core::EventType::restricted && stored.sender_id) {
        if (auto found = m_senders_by_row.find(*stored.sender_id); found != m_senders_by_row.end()) {
            found->second->paused = true;
        }
        // The gateway's words say what to do about it: `campaign status` shows them beside the pause.
        auto reason = event.text.empty() ? std::string("account restricted") : event.text;
        m_campaigns.pause_sender(*stored.sender_id, now, reason);
        m_observer.on_warning("sender '" + event.sender + "' reported restricted: " + reason +
                              "; paused until it is resumed (campaign sender resume " + event.sender + ")");
    }
    bool opt_out = asks_to_stop(event, enrollments);
    for (auto& enrollment : enrollments) {
        switch (event.type) {
        case core::EventType::accepted:
            apply_accept(stored, enrollment, now);
            break;
        case core::EventType::replied:
        case core::EventType::opted_out:
            if (opt_out) {
                finish(enrollment, core::EnrollmentState::opted_out, now);
            } else {
                apply_reply(stored, enrollment, now);
            }
            break;
        case core::EventType::bounced:
            finish(enrollment, core::EnrollmentState::failed, now);
            break;
        case core::EventType::withdrawn:
        case core::EventType::restricted:
            break;
        }
    }
    if (opt_out) {
        suppress_everywhere(stored.prospect_id, event.profile_url, "opted out: \"" + event.text + "\"", now);
    }
    if (event.type == core::EventType::accepted) {
        ++m_progress.accepted;
    } else if (event.type == core::EventType::replied || event.type == core::EventType::opted_out) {
        ++m_progress.replied;
    }
    std::optional<core::EnrollmentId> applied_to;
    if (!enrollments.empty()) {
        applied_to = enrollments.front().id;
    }
    m_events.mark_applied(stored.id, applied_to, now);
    return true;
}

// The rule for late acceptances: an enrollment that already left its invitation step stays on the branch it took,
// except that a withdrawal still waiting to go out is skipped, since there is no pending invitation to withdraw.
void Engine::apply_accept(const store::StoredEvent& stored, core::Enrollment enrollment, core::Timestamp now) {
    const auto& campaign = version_of(enrollment)->campaign;
    const auto* step = campaign.find_step(enrollment.current_step);
    if (step == nullptr) {
        return;
    }
    auto before = enrollment;
    auto at = std::max(stored.event.at, enrollment.waiting_since.value_or(stored.event.at));
    if (!enrollment.due_action && step->type == core::ActionType::connect) {
        // Without an "accepted" branch the invitation step is over all the same: its "not accepted" timer must not
        // withdraw an invitation that was accepted.
        auto next = schedule::on_outcome(campaign, *step, core::Outcome::accepted, at);
        place(enrollment, next ? *next : schedule::past_branches(campaign, *step, at), campaign, now);
    } else if (enrollment.due_action == core::ActionType::withdraw_invite) {
        place(enrollment, schedule::after_action(campaign, *step, now), campaign, now);
        m_observer.on_note(stored.event.profile_url + " accepted late: withdrawal skipped");
    } else {
        return;
    }
    save(enrollment, before, now);
}

void Engine::apply_reply(const store::StoredEvent& stored, core::Enrollment enrollment, core::Timestamp now) {
    const auto& campaign = version_of(enrollment)->campaign;
    const auto* step = campaign.find_step(enrollment.current_step);
    auto at = std::max(stored.event.at, enrollment.waiting_since.value_or(stored.event.at));
    std::optional<schedule::Position> next;
    if (step != nullptr && !enrollment.due_action) {
        next = schedule::on_outcome(campaign, *step, core::Outcome::replied, at);
    }
    auto before = enrollment;
    if (next) {
        place(enrollment, *next, campaign, now);
        if (next->finished()) {
            enrollment.state = core::EnrollmentState::replied;
        }
    } else if (campaign.stop.on_reply) {
        finish(enrollment, core::EnrollmentState::replied, now);
        return;
    } else if (step != nullptr && !enrollment.due_action) {
        // The campaign goes on after replies, but a "no reply" timer cannot fire for someone who replied.
        place(enrollment, schedule::past_branches(campaign, *step, at), campaign, now);
    } else {
        return;
    }
    save(enrollment, before, now);
}

void Engine::finish(core::Enrollment enrollment, core::EnrollmentState state, core::Timestamp now) {
    auto before = enrollment;
    enrollment.state = state;
    enrollment.current_step.clear();
    enrollment.due_action.reset();
    enrollment.next_due_at.reset();
    save(enrollment, before, now);
}

void Engine::suppress_everywhere(std::optional<core::ProspectId> prospect_id, const std::string& profile_url,
                                 const std::string& reason, core::Timestamp now) {
    if (!profile_url.empty()) {
        m_suppressions.add(core::Suppression{0, core::SuppressionKind::profile, profile_url, reason, now});
    }
    if (prospect_id) {
        for (auto id : m_enrollments.active_of_prospect(*prospect_id)) {
            finish(m_enrollments.get(id), core::EnrollmentState::stopped, now);
        }
    }
}

} // namespace campaign::engine
