// Applying what comes back from the other side: acceptances move an enrollment along its "accepted" branch, replies
// stop it (or take its "replied" branch), opt-outs suppress the prospect everywhere. Each event id is applied once,
// to the action it answers: the one the event names, or else the latest that went out to the prospect from that
// sender by then (store::ActionStore::answered_by), judged by that action's campaign and step.
#include "core/text.hpp"
#include "engine/runtime.hpp"
#include "schedule/sequence.hpp"

namespace campaign::engine {

namespace {

constexpr std::size_t k_event_batch = 500;
constexpr std::size_t k_remembered_texts = 10000; // reply texts whose reading is kept

// A campaign's own opt-out phrases, beside the triage rules' requests (docs/campaigns.md), in what the prospect
// wrote: "> Reply STOP to unsubscribe" in the quoted history is none of theirs. The written part is cut once, and
// only when a campaign has phrases of its own.
bool mentions(const core::Event& event, const core::StopRules& rules, const triage::Triage* triage,
              std::optional<std::string>& written) {
    if (event.type != core::EventType::replied || rules.opt_out_keywords.empty()) {
        return false;
    }
    if (!written) {
        written = triage ? triage->written_part(event.text) : event.text;
    }
    return std::any_of(rules.opt_out_keywords.begin(), rules.opt_out_keywords.end(),
                       [&written](const std::string& keyword) { return core::contains_phrase(*written, keyword); });
}

bool is_answer(core::EventType type) {
    return type == core::EventType::accepted || type == core::EventType::replied || type == core::EventType::opted_out;
}

} // namespace

bool Engine::ingest_events(core::Timestamp now, bool before_send) {
    auto events = before_send ? m_transport.poll_before_send(now) : m_transport.poll(now);
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
    // after each poll that brought some, and when the first one dated ahead of the clock is due. On the wall clock,
    // `campaign serve` may have recorded some a moment ago: looked for before each send too.
    if (m_next_recorded_event && *m_next_recorded_event <= now) {
        m_events_pending = true;
    }
    if (before_send && !m_simulated) {
        m_events_pending = true;
    }
    if (!m_events_pending) {
        return false;
    }
    // An event that must wait stays pending; a batch of nothing but those ends the look.
    bool applied = false;
    for (bool applied_any = true; applied_any;) {
        applied_any = false;
        for (const auto& stored : m_events.pending(k_event_batch, now)) {
            writing();
            applied_any = apply_event(stored, now) || applied_any;
        }
        applied = applied || applied_any;
    }
    m_events_pending = false;
    m_next_recorded_event = m_events.next_pending_after(now);
    return applied;
}

std::optional<core::Action> Engine::answered_action(const store::StoredEvent& stored) {
    if (!is_answer(stored.event.type)) {
        return std::nullopt;
    }
    if (stored.action_id) {
        if (auto named = m_actions.get(*stored.action_id)) {
            return named;
        }
    }
    if (!stored.prospect_id || !stored.sender_id) {
        return std::nullopt;
    }
    return m_actions.answered_by(*stored.prospect_id, *stored.sender_id, stored.event.type, stored.event.at);
}

// False when the event must wait: it concerns a campaign version this engine cannot load.
bool Engine::apply_event(const store::StoredEvent& stored, core::Timestamp now) {
    const auto& event = stored.event;
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
    // Where it lands: the enrollment of the action it answers, while that is still going; an event that answers
    // nothing of ours (the prospect wrote first, a bounce) lands on their enrollments with the sender.
    std::vector<core::Enrollment> targets;
    std::string answered_step;
    std::optional<std::string> written;
    bool opt_out = event.type == core::EventType::opted_out;
    auto answered = answered_action(stored);
    if (answered) {
        auto enrollment = m_enrollments.get(answered->enrollment_id);
        const auto* version = load_version(enrollment);
        if (version == nullptr) {
            return false;
        }
        answered_step = answered->step;
        opt_out = opt_out || mentions(event, version->campaign.stop, m_triage.get(), written);
        if (enrollment.state == core::EnrollmentState::active) {
            targets.push_back(std::move(enrollment));
        }
    } else if (stored.prospect_id && stored.sender_id) {
        targets = m_enrollments.active_with(*stored.prospect_id, *stored.sender_id);
        for (const auto& enrollment : targets) {
            const auto* version = load_version(enrollment);
            if (version == nullptr) {
                return false;
            }
            opt_out = opt_out || mentions(event, version->campaign.stop, m_triage.get(), written);
        }
    }
    // An explicit request never to be contacted, in any language the rules read ("I can't stop laughing" is none).
    if (event.type == core::EventType::replied && m_triage && !opt_out) {
        auto known = m_opt_out_texts.find(event.text);
        if (known == m_opt_out_texts.end()) {
            if (m_opt_out_texts.size() >= k_remembered_texts) {
                m_opt_out_texts.clear();
            }
            auto received = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(event.at)};
            bool asks = m_triage->read(event.text, received).reply_class == core::ReplyClass::opt_out;
            known = m_opt_out_texts.emplace(event.text, asks).first;
        }
        opt_out = known->second;
    }
    for (auto& enrollment : targets) {
        switch (event.type) {
        case core::EventType::accepted:
            apply_accept(stored, enrollment, answered_step, now);
            break;
        case core::EventType::replied:
        case core::EventType::opted_out:
            if (opt_out) {
                finish(enrollment, core::EnrollmentState::opted_out, now);
            } else {
                apply_reply(stored, enrollment, answered_step, now);
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
    if (answered) {
        applied_to = answered->enrollment_id;
    } else if (!targets.empty()) {
        applied_to = targets.front().id;
    }
    m_events.mark_applied(stored.id, applied_to, answered ? std::optional(answered->id) : std::nullopt, now);
    return true;
}

// The rule for late acceptances: an enrollment that already left its invitation step stays on the branch it took,
// except that a withdrawal still waiting to go out is skipped, since there is no pending invitation to withdraw.
void Engine::apply_accept(const store::StoredEvent& stored, core::Enrollment enrollment,
                          const std::string& answered_step, core::Timestamp now) {
    const auto& campaign = version_of(enrollment)->campaign;
    const auto& step_id = answered_step.empty() ? enrollment.current_step : answered_step;
    const auto* step = campaign.find_step(step_id);
    if (step == nullptr) {
        return;
    }
    auto before = enrollment;
    auto at = std::max(stored.event.at, enrollment.waiting_since.value_or(stored.event.at));
    bool waiting_on_it = enrollment.current_step == step_id && !enrollment.due_action;
    if (waiting_on_it && step->type == core::ActionType::connect) {
        // Without an "accepted" branch the invitation step is over all the same: its "not accepted" timer must not
        // withdraw an invitation that was accepted.
        auto next = schedule::on_outcome(campaign, *step, core::Outcome::accepted, at);
        place(enrollment, next ? *next : schedule::past_branches(campaign, *step, at), campaign, now);
    } else if (enrollment.due_action == core::ActionType::withdraw_invite) {
        place(enrollment, schedule::after_action(campaign, *campaign.find_step(enrollment.current_step), now), campaign,
              now);
        m_observer.on_note(stored.event.profile_url + " accepted late: withdrawal skipped");
    } else {
        return;
    }
    save(enrollment, before, now);
}

// A reply is applied at the step it answers: that step's "replied" branch, even when the enrollment has moved on
// since (the reply came in after the next step went out); without one, the campaign ends if it stops on replies.
void Engine::apply_reply(const store::StoredEvent& stored, core::Enrollment enrollment,
                         const std::string& answered_step, core::Timestamp now) {
    const auto& campaign = version_of(enrollment)->campaign;
    const auto& step_id = answered_step.empty() ? enrollment.current_step : answered_step;
    const auto* step = campaign.find_step(step_id);
    auto at = std::max(stored.event.at, enrollment.waiting_since.value_or(stored.event.at));
    bool waiting_on_it = enrollment.current_step == step_id && !enrollment.due_action;
    std::optional<schedule::Position> next;
    if (step != nullptr && (waiting_on_it || !answered_step.empty())) {
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
    } else if (step != nullptr && waiting_on_it) {
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
