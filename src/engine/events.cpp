// Applying what comes back from the other side: acceptances move an enrollment along its "accepted" branch; replies
// are read (triage) and act by what they say: an opt-out suppresses the prospect everywhere, an away notice pauses
// the sequence until they are back, a decline ends it as lost, a "later" snoozes it, and the others stop it or take
// the step's "replied" branch for their class (docs/replies.md). Each event id is applied once, to the action it
// answers: the one the event names, or else the latest that went out to the prospect from that sender by then
// (store::ActionStore::answered_by), judged by that action's campaign and step.
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "engine/hooks.hpp"
#include "engine/runtime.hpp"
#include "schedule/pause.hpp"
#include "schedule/sequence.hpp"

namespace campaign::engine {

namespace {

constexpr std::size_t k_event_batch = 500;
constexpr std::size_t k_remembered_texts = 10000; // readings of reply texts kept, by text and day

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
    // One of several runners polls the gateway while it does the chores; the others apply what it recorded.
    if (does_chores()) {
        auto events = before_send ? reaching().poll_before_send(now) : reaching().poll(now);
        if (!events.empty()) {
            guard(k_chores);
            for (auto& event : events) {
                m_inbound.record(std::move(event), now);
            }
            m_events_pending = true;
        }
        // Saved with the events it brought, in the same transaction: a crash loses neither.
        if (auto cursor = m_transport.cursor(); cursor && cursor->value != m_saved_cursor) {
            guard(k_chores);
            m_campaigns.save_event_cursor(m_transport.cursor_name(), cursor->value, now);
            m_saved_cursor = cursor->value;
        }
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
    auto senders = scope();
    const auto* scoped = senders ? &*senders : nullptr;
    for (bool applied_any = true; applied_any;) {
        applied_any = false;
        for (const auto& stored : m_events.pending(k_event_batch, now, scoped)) {
            guard(stored.sender_id.value_or(k_chores));
            applied_any = apply_event(stored, now) || applied_any;
        }
        applied = applied || applied_any;
    }
    m_events_pending = false;
    m_next_recorded_event = m_events.next_pending_after(now, scoped);
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

// A reply's kept reading, or the rules' reading of it on the day it came, kept; read once per text and day, since a
// rehearsal's simulated prospects write the same few texts thousands of times.
std::optional<store::ReplyReading> Engine::read_reply(const store::StoredEvent& stored, core::Timestamp now) {
    const auto& event = stored.event;
    if (event.type != core::EventType::replied || !m_triage) {
        return std::nullopt;
    }
    if (auto kept = m_replies.find(stored.id)) {
        return kept;
    }
    auto received = std::chrono::floor<std::chrono::days>(event.at);
    auto key = std::pair{event.text, received};
    auto known = m_readings.find(key);
    if (known == m_readings.end()) {
        if (m_readings.size() >= k_remembered_texts) {
            m_readings.clear();
        }
        known = m_readings.emplace(key, m_triage->read(event.text, std::chrono::year_month_day{received})).first;
    }
    const auto& read = known->second;
    store::ReplyReading reading;
    reading.event_id = stored.id;
    reading.reply_class = read.reply_class;
    reading.language = read.language;
    reading.confidence = read.confidence;
    if (read.until) {
        reading.until = std::chrono::sys_days{*read.until};
    }
    reading.reason = read.reason;
    reading.referral = read.referral;
    reading.read_at = now;
    m_replies.record(reading);
    return reading;
}

void Engine::read_unread_replies(core::Timestamp now) {
    if (!m_triage) {
        return;
    }
    std::vector<store::UnreadReply> unread;
    m_replies.for_each_unread([&unread](const store::UnreadReply& reply) { unread.push_back(reply); });
    for (const auto& reply : unread) {
        store::StoredEvent stored;
        stored.id = reply.event_id;
        stored.event.type = core::EventType::replied;
        stored.event.text = reply.text;
        stored.event.at = reply.at;
        read_reply(stored, now);
    }
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
    bool decline_suppresses = false;
    const core::Campaign* concerned = nullptr; // whose hooks hear of it
    auto judge_by = [&](const core::Campaign& campaign) {
        opt_out = opt_out || mentions(event, campaign.stop, m_triage.get(), written);
        decline_suppresses = decline_suppresses || campaign.stop.not_interested == core::DeclineRule::suppress;
        concerned = concerned ? concerned : &campaign;
    };
    auto reading = read_reply(stored, now);
    // Read again since a run acted on it: a person's correction (inbox mark) or the rules' new reading, of its class
    // or of its date.
    bool corrected = reading && reading->applied_class && reading->applied_at &&
                     (reading->applied_class != reading->reply_class ||
                      (reading->corrected_at && *reading->corrected_at >= *reading->applied_at) ||
                      reading->read_at > *reading->applied_at);
    auto answered = answered_action(stored);
    if (answered) {
        auto enrollment = m_enrollments.get(answered->enrollment_id);
        const auto* version = load_version(enrollment);
        if (version == nullptr) {
            return false;
        }
        answered_step = answered->step;
        judge_by(version->campaign);
        if (corrected) {
            undo(stored, *reading, *answered, enrollment, version->campaign, now);
        }
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
            judge_by(version->campaign);
        }
    }
    // An explicit request never to be contacted, in any language the rules read ("I can't stop laughing" is none).
    // A person's correction wins over a campaign's phrases too.
    if (reading && reading->corrected_at) {
        opt_out = event.type == core::EventType::opted_out;
    }
    auto reply_class =
        opt_out ? core::ReplyClass::opt_out : (reading ? reading->reply_class : core::ReplyClass::neutral);
    opt_out = reply_class == core::ReplyClass::opt_out;
    auto until = reading ? reading->until : std::nullopt;
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
                apply_reply(stored, enrollment, answered_step, Said{reply_class, until}, now);
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
    } else if (reply_class == core::ReplyClass::not_interested && decline_suppresses) {
        suppress_everywhere(stored.prospect_id, event.profile_url, "not interested: \"" + event.text + "\"", now);
    }
    if (event.type == core::EventType::accepted) {
        ++m_progress.accepted;
    } else if (reply_class == core::ReplyClass::out_of_office) {
        ++m_progress.away;
    } else if ((event.type == core::EventType::replied || event.type == core::EventType::opted_out) &&
               !(reading && reading->applied_at)) {
        ++m_progress.replied; // a correction applied again is no new reply
    }
    std::optional<core::EnrollmentId> applied_to;
    if (answered) {
        applied_to = answered->enrollment_id;
    } else if (!targets.empty()) {
        applied_to = targets.front().id;
    }
    m_events.mark_applied(stored.id, applied_to, answered ? std::optional(answered->id) : std::nullopt, now);
    if (reading) {
        m_replies.mark_applied(stored.id, reply_class, now);
    }
    if (concerned && !concerned->hooks.empty()) {
        tell(*concerned, stored, answered, reading, reply_class, opt_out, now);
    }
    return true;
}

// The hooks of the campaign an event concerns hear of it, in the transaction that applied it (docs/hooks.md).
void Engine::tell(const core::Campaign& campaign, const store::StoredEvent& stored,
                  const std::optional<core::Action>& answered, const std::optional<store::ReplyReading>& reading,
                  core::ReplyClass reply_class, bool opt_out, core::Timestamp now) {
    if (campaign.hooks.empty()) {
        return; // nobody to tell, and nothing to look up for them
    }
    m_next_hook_known = false;
    const auto& event = stored.event;
    nlohmann::json prospect{{"profile_url", event.profile_url}};
    if (stored.prospect_id) {
        if (auto known = m_prospects.find(*stored.prospect_id)) {
            prospect = {{"profile_url", known->profile_url},
                        {"first_name", known->first_name},
                        {"last_name", known->last_name},
                        {"company", known->company}};
        }
    }
    nlohmann::json data{
        {"event", event.id},       {"at", core::format_utc(event.at)},
        {"campaign", campaign.id}, {"step", answered ? nlohmann::json(answered->step) : nlohmann::json(nullptr)},
        {"sender", event.sender},  {"prospect", prospect}};
    auto source = std::to_string(stored.id) + "/" + core::format_utc(now);
    if (event.type == core::EventType::accepted) {
        tell_hooks(m_database, campaign.hooks, m_hook_scope, core::HookTopic::accepted, "invitation.accepted", source,
                   data, stored.prospect_id, now);
        return;
    }
    if (event.type == core::EventType::replied && reading) {
        auto reply = data;
        reply["reply"] = {{"id", stored.id},
                          {"class", core::to_string(reply_class)},
                          {"language", reading->language},
                          {"confidence", reading->confidence},
                          {"until", reading->until ? nlohmann::json(core::format_day(*reading->until)) : nullptr},
                          {"reason", reading->reason},
                          {"referral", reading->referral ? nlohmann::json(*reading->referral) : nullptr},
                          {"corrected", reading->corrected_at.has_value()},
                          {"text", event.text}};
        // Applied again after a correction, it is told again: when it was applied is part of what makes it one event.
        tell_hooks(m_database, campaign.hooks, m_hook_scope, core::HookTopic::reply, "reply.classified",
                   source + "/" + std::string(core::to_string(reply_class)), reply, stored.prospect_id, now);
    }
    if (opt_out) {
        tell_hooks(m_database, campaign.hooks, m_hook_scope, core::HookTopic::opted_out, "prospect.opted_out", source,
                   data, stored.prospect_id, now);
    }
}

// What a run did with a reply's first reading, undone as far as it can be before its new class is applied: an
// enrollment the reply ended, paused or sent on to a "later" branch is back at the step that was answered, waiting
// as it was, and a suppression the reply made is lifted. The prospect's enrollments in other campaigns that an opt-out
// stopped stay stopped.
void Engine::undo(const store::StoredEvent& stored, const store::ReplyReading& reading, const core::Action& answered,
                  core::Enrollment& enrollment, const core::Campaign& campaign, core::Timestamp now) {
    auto was = *reading.applied_class;
    if ((was == core::ReplyClass::opt_out || was == core::ReplyClass::not_interested) &&
        !stored.event.profile_url.empty()) {
        auto entry = m_suppressions.find(core::SuppressionKind::profile, stored.event.profile_url);
        bool made_by_it = entry && entry->created_at == reading.applied_at &&
                          (entry->reason.starts_with("opted out: ") || entry->reason.starts_with("not interested: "));
        if (made_by_it && !m_replies.other_opt_out(stored.id, stored.prospect_id, entry->value)) {
            m_suppressions.remove(entry->kind, entry->value);
        }
    }
    const auto* step = campaign.find_step(answered.step);
    if (step == nullptr) {
        return;
    }
    bool ended_by_it = enrollment.state != core::EnrollmentState::active &&
                       m_enrollments.finished_at(enrollment.id) == reading.applied_at;
    bool held_by_it = enrollment.state == core::EnrollmentState::active && enrollment.paused_until &&
                      (was == core::ReplyClass::out_of_office || was == core::ReplyClass::later);
    if (!ended_by_it && !held_by_it) {
        return;
    }
    auto before = enrollment;
    auto back = schedule::after_action(campaign, *step, answered.at_utc);
    if (back.finished()) {
        return; // the answered step was the last: nothing to go back to
    }
    enrollment.state = core::EnrollmentState::active;
    enrollment.paused_until.reset();
    place(enrollment, back, campaign, now);
    enrollment.waiting_since = answered.at_utc;
    save(enrollment, before, now);
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

// A reply is applied at the step it answers: that step's "replied" branch for what it said, even when the
// enrollment has moved on since (the reply came in after the next step went out). Without one, a decline ends the
// campaign as lost, and any other reply ends it if the campaign stops on replies. An away notice is no reply: the
// sequence waits until the prospect is back and goes on where it stood. A "later" waits until the time it names,
// then takes its branch, or ends.
void Engine::apply_reply(const store::StoredEvent& stored, core::Enrollment enrollment,
                         const std::string& answered_step, const Said& said, core::Timestamp now) {
    const auto& campaign = version_of(enrollment)->campaign;
    const auto& calendar = calendar_of(enrollment, campaign);
    auto resume_after = [&](core::Duration fallback) {
        return schedule::resume_moment(calendar, said.until, fallback, stored.event.at);
    };
    if (said.reply_class == core::ReplyClass::out_of_office) {
        pause(enrollment, resume_after(campaign.stop.out_of_office), calendar, stored.event.at, now);
        return;
    }
    const auto& step_id = answered_step.empty() ? enrollment.current_step : answered_step;
    const auto* step = campaign.find_step(step_id);
    auto at = std::max(stored.event.at, enrollment.waiting_since.value_or(stored.event.at));
    bool waiting_on_it = enrollment.current_step == step_id && !enrollment.due_action;
    const core::Branch* branch = nullptr;
    if (step != nullptr && (waiting_on_it || !answered_step.empty())) {
        branch = schedule::reply_branch(*step, said.reply_class);
    }
    bool later = said.reply_class == core::ReplyClass::later;
    bool declined = said.reply_class == core::ReplyClass::not_interested;
    auto ended = declined ? core::EnrollmentState::lost : core::EnrollmentState::replied;
    auto before = enrollment;
    if (branch) {
        // A "later" goes to its branch when the time comes: nothing is due before.
        auto from = later ? std::max(resume_after(campaign.stop.later), at) : at;
        if (later) {
            enrollment.paused_until = from;
        }
        place(enrollment, schedule::enter(campaign, branch->target, from), campaign, now);
        if (enrollment.state == core::EnrollmentState::done) {
            enrollment.state = ended;
        }
    } else if (declined || campaign.stop.on_reply) {
        finish(enrollment, ended, now);
        return;
    } else if (later) {
        // The campaign goes on after replies: after the time they asked for.
        pause(enrollment, resume_after(campaign.stop.later), calendar, stored.event.at, now);
        return;
    } else if (step != nullptr && waiting_on_it) {
        // The campaign goes on after replies, but a "no reply" timer cannot fire for someone who replied.
        place(enrollment, schedule::past_branches(campaign, *step, at), campaign, now);
    } else {
        return;
    }
    save(enrollment, before, now);
}

// Nothing is due before `resume`; what was due is shifted by the pause's length in the sender's days. A second
// notice during a pause lengthens it from where it ended.
void Engine::pause(core::Enrollment enrollment, core::Timestamp resume, const schedule::SenderCalendar& calendar,
                   core::Timestamp at, core::Timestamp now) {
    auto from = std::max(at, enrollment.paused_until.value_or(at));
    if (resume <= from) {
        return; // back already
    }
    auto before = enrollment;
    if (enrollment.next_due_at) {
        enrollment.next_due_at = schedule::after_pause(calendar, *enrollment.next_due_at, from, resume);
    }
    enrollment.paused_until = resume;
    save(enrollment, before, now);
}

// The sender's calendar, which pauses count in: the run's own for the senders it plays, else one made from the
// sender's definition in the enrollment's campaign.
const schedule::SenderCalendar& Engine::calendar_of(const core::Enrollment& enrollment,
                                                    const core::Campaign& campaign) {
    if (auto played = m_senders_by_row.find(enrollment.sender_id); played != m_senders_by_row.end()) {
        return played->second->calendar;
    }
    auto found = m_other_calendars.find(enrollment.sender_id);
    if (found == m_other_calendars.end()) {
        std::string name;
        for (const auto& row : m_campaigns.senders()) {
            if (row.id == enrollment.sender_id) {
                name = row.name;
            }
        }
        const auto* definition = &campaign.senders.front();
        for (const auto& sender : campaign.senders) {
            if (sender.id == name) {
                definition = &sender;
            }
        }
        found = m_other_calendars.emplace(enrollment.sender_id, std::make_unique<schedule::SenderCalendar>(*definition))
                    .first;
    }
    return *found->second;
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
            // Another runner's enrollments stop when it comes to them and finds the prospect suppressed.
            if (auto enrollment = m_enrollments.get(id); acts_for(enrollment.sender_id)) {
                finish(std::move(enrollment), core::EnrollmentState::stopped, now);
            }
        }
    }
}

} // namespace campaign::engine
