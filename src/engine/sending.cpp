// Taking one due action through intent, send and outcome, and settling after a crash the actions caught between.
#include <algorithm>

#include "engine/runtime.hpp"
#include "schedule/assignment.hpp"
#include "schedule/health.hpp"
#include "schedule/limits.hpp"
#include "schedule/planner.hpp"
#include "schedule/sequence.hpp"

namespace campaign::engine {

namespace {

// A step that keeps failing for a moment (gateway down, rate limited) is given up after this many tries.
constexpr int k_max_attempts = 5;
constexpr core::Duration k_default_retry = std::chrono::minutes{15};

// When an action of the type that did not go is tried again, when the transport does not say.
core::Timestamp retry_time(const transport::SendResult& result, core::ActionType type, core::Timestamp now) {
    auto wait =
        result.status == transport::SendStatus::limit_reached ? schedule::limit_cooldown(type) : k_default_retry;
    return std::max(result.retry_at.value_or(now + wait), now + std::chrono::seconds{1});
}

// What a crash left in flight became, by what the transport says of it.
constexpr const char* k_interrupted_unsent = "interrupted before the transport received it; it will be sent again";
constexpr const char* k_interrupted_unknown = "interrupted, and the transport cannot say whether it went out";

std::string idempotency_key(const std::string& campaign, core::EnrollmentId enrollment, const std::string& step) {
    return campaign + "/" + std::to_string(enrollment) + "/" + step;
}

struct Candidate {
    core::Timestamp slot;
    int precedence = 0;
    store::QueueHead head;
    std::optional<store::InboxAnswer> answer;    // an answer written in the inbox, instead of a campaign's step
    std::optional<store::StaleInvitation> stale; // an invitation pending too long, to withdraw

    auto order() const { return std::tie(slot, precedence, head.due, head.id); }
};

// An answer a person wrote goes before the campaigns' work due at the same moment.
constexpr int k_answer_precedence = -1;

// The step of the withdrawal of an invitation pending longer than its sender's withdraw_invitations_after.
// Not a possible step id, as "inbox:N" is not.
constexpr std::string_view k_stale_withdrawal_step = "withdraw:pending";

std::string answer_step(core::RowId event_id) {
    return "inbox:" + std::to_string(event_id);
}

// An action of the enrollment's, about to be recorded as an intent at `now`, on the sender's wall clock too.
core::Action new_action(const core::Enrollment& enrollment, std::string step, core::ActionType type, std::string key,
                        const schedule::SenderCalendar& calendar, core::Timestamp now) {
    core::Action action;
    action.enrollment_id = enrollment.id;
    action.campaign_id = enrollment.campaign_id;
    action.version_id = enrollment.version_id;
    action.prospect_id = enrollment.prospect_id;
    action.sender_id = enrollment.sender_id;
    action.step = std::move(step);
    action.type = type;
    action.idempotency_key = std::move(key);
    action.at_utc = now;
    action.at_local = calendar.format_local(now);
    return action;
}

} // namespace

// What was sent today and what is due before the day's hours end, up to the limit: the work the day is shared out
// among. Work that comes due later in the day goes as the pacing lets it.
void Engine::plan_day(SenderRuntime& sender, core::Timestamp now) {
    auto day = sender.calendar.local_day(now);
    if (sender.planned_day == day) {
        return;
    }
    sender.planned_day = day;
    sender.stale_looked = false; // invitations sent long enough ago by today
    auto working = sender.calendar.working_day(day);
    if (working.empty()) {
        return;
    }
    govern_invitations(sender, day, now);
    auto close = working.spans[working.count - 1].end;
    std::map<core::ActionType, int> counts;
    for (const auto& [campaign_id, sender_id, type] : sender.queues) {
        auto limit = schedule::day_limit(sender.sender, type, day);
        if (!limit) {
            continue;
        }
        auto& count = counts.try_emplace(type, sender.ledger.used_on_day(type, now)).first->second;
        if (auto left = *limit - count; left > 0) {
            count += m_enrollments.due_before(campaign_id, sender_id, type, close, left);
        }
    }
    for (const auto& [type, count] : counts) {
        sender.ledger.plan(type, day, schedule::DayPlan{count});
    }
}

// The health governor's cap on the day's invitations, from what the sender's invitations did so far.
void Engine::govern_invitations(SenderRuntime& sender, schedule::LocalDay day, core::Timestamp now) {
    auto& definition = sender.sender;
    definition.invitation_cap.reset();
    auto limit = schedule::day_limit(definition, core::ActionType::connect, day);
    auto invites = std::any_of(sender.queues.begin(), sender.queues.end(),
                               [](const QueueKey& key) { return std::get<2>(key) == core::ActionType::connect; });
    if (!limit || *limit <= 0 || !invites) {
        return;
    }
    auto record = m_actions.invitation_record(sender.id, now, schedule::k_settled_invitations, schedule::k_settle);
    definition.invitation_cap = schedule::invitation_cap(definition, record, day, *limit,
                                                         sender.ledger.used_on_day(core::ActionType::connect, now));
    // Said when the cap changes, not every day it holds.
    auto cap = definition.invitation_cap ? definition.invitation_cap->invitations : -1;
    if (cap != sender.health_cap) {
        m_observer.on_warning(
            "sender '" + definition.id + "' from " + sender.calendar.format_local(now).substr(0, 10) + ": " +
            (definition.invitation_cap ? std::to_string(cap) + " invitations a day: " + definition.invitation_cap->why
                                       : std::string("invitations back to the day's limit")));
        sender.health_cap = cap;
    }
}

// Whether the sender's monthly allowance (a free account's invitation notes, its InMail credits) has one left in
// its local month of `now`. When it has run out, what `then` happens is said once a month.
bool Engine::allowance_left(SenderRuntime& sender, store::MonthlyAllowance allowance, core::Timestamp now,
                            const std::string& then) {
    bool notes = allowance == store::MonthlyAllowance::notes;
    const auto& limits = sender.sender.limits;
    auto limit = notes ? limits.notes_per_month : std::optional<int>(limits.inmails_per_month);
    if (!limit) {
        return true;
    }
    auto& use = notes ? sender.notes : sender.inmails;
    auto month = sender.calendar.format_local(now).substr(0, 7);
    if (month != use.month) {
        use = MonthlyUse{month, m_actions.used_in_month(sender.id, month, allowance), {}};
    }
    if (use.used < *limit) {
        return true;
    }
    if (use.warned.insert(then).second) {
        auto next = sender.calendar.format_local(sender.calendar.next_month_start(now)).substr(0, 10);
        m_observer.on_warning("sender '" + sender.sender.id + "' has used its " + std::to_string(*limit) +
                              (notes ? " invitation notes of " : " InMail credits of ") + month + ": " + then +
                              " until " + next);
    }
    return false;
}

std::optional<core::Timestamp> Engine::prospect_opens(SenderRuntime& sender, const CampaignRuntime& version,
                                                      const core::Prospect& prospect, core::Timestamp now) {
    auto hours = m_prospect_hours.find(version.version_id);
    if (hours == m_prospect_hours.end()) {
        return std::nullopt;
    }
    auto zone = schedule::prospect_zone(prospect);
    if (!zone) {
        return std::nullopt;
    }
    auto opens = hours->second.next_shared(sender.calendar, *zone, now);
    if (!opens) {
        if (sender.unshared_zones.insert(*zone).second) {
            m_observer.on_warning("campaign '" + version.campaign.id + "': the prospect hours in " + *zone +
                                  " never meet the working hours of sender '" + sender.sender.id +
                                  "': its prospects there are reached in the sender's hours");
        }
        return std::nullopt;
    }
    return *opens > now ? opens : std::nullopt;
}

std::optional<core::Timestamp> Engine::serve_sender(SenderRuntime& sender, core::Timestamp now) {
    plan_day(sender, now);
    for (;;) {
        sender.dirty = false;
        std::optional<Candidate> best;
        std::optional<store::QueueHead> impossible;
        for (const auto& key : sender.queues) {
            auto queued = head(key);
            if (!queued) {
                continue;
            }
            auto slot =
                // Never before now: an action overdue since an earlier working window (a restart, a run with --once
                // after hours) waits for the next window instead of going out at an hour it may not.
                schedule::earliest_slot(sender.sender, sender.calendar, sender.ledger, std::get<2>(key),
                                        sender.not_before(std::get<2>(key), std::max(queued->due, now)));
            if (!slot) {
                impossible = queued;
                break;
            }
            Candidate candidate{*slot, schedule::precedence(std::get<2>(key)), *queued, std::nullopt, std::nullopt};
            if (!best || candidate.order() < best->order()) {
                best = candidate;
            }
        }
        if (impossible) {
            refuse(m_enrollments.get(impossible->id), now);
            continue;
        }
        auto answer = sender.answers ? m_replies.next_answer(sender.id) : std::nullopt;
        sender.answers = answer.has_value();
        if (answer) {
            auto slot = schedule::earliest_slot(
                sender.sender, sender.calendar, sender.ledger, core::ActionType::message,
                sender.not_before(core::ActionType::message, std::max(answer->due_at, now)), false);
            Candidate candidate{slot.value_or(now), k_answer_precedence, store::QueueHead{0, answer->due_at}, answer,
                                std::nullopt};
            if (!slot) {
                guard(sender.id);
                give_up_answer(*answer,
                               "sender '" + sender.sender.id + "' may not send messages: its daily limit is 0");
                continue;
            }
            if (!best || candidate.order() < best->order()) {
                best = candidate;
            }
        }
        // The sender's oldest pending invitation, withdrawn once it is pending too long, as the withdrawal limits
        // let it.
        if (auto stale = next_stale(sender, now)) {
            constexpr auto k_withdraw = core::ActionType::withdraw_invite;
            auto due = std::max(now, stale->sent_at + *sender.sender.withdraw_invitations_after);
            // One that failed is tried again when the failure said, or, tried by an earlier run, the default wait
            // after its last attempt.
            if (auto retry = sender.withdrawal_retries.find(stale->enrollment_id);
                retry != sender.withdrawal_retries.end()) {
                due = std::max(due, retry->second);
            } else if (stale->last_tried) {
                due = std::max(due, *stale->last_tried + k_default_retry);
            }
            if (auto slot = schedule::earliest_slot(sender.sender, sender.calendar, sender.ledger, k_withdraw,
                                                    sender.not_before(k_withdraw, due))) {
                Candidate candidate{*slot, schedule::precedence(k_withdraw), store::QueueHead{0, stale->sent_at},
                                    std::nullopt, stale};
                if (!best || candidate.order() < best->order()) {
                    best = candidate;
                }
            }
        }
        for (const auto& hold : {sender.held_until, m_transport_held_until}) {
            if (best && hold && best->slot < *hold) {
                best->slot = *hold; // the gateway asked this sender, or everyone, to wait
            }
        }
        if (!best || best->slot > now) {
            return best ? std::optional<core::Timestamp>(best->slot) : std::nullopt;
        }
        // A reply that came in a second ago stops the follow-up it makes pointless: the queues are read again.
        if (ingest_events(now, true)) {
            continue;
        }
        if (best->answer) {
            send_answer(sender, *best->answer, now);
        } else if (best->stale) {
            withdraw_stale(sender, *best->stale, now);
        } else {
            act(sender, m_enrollments.get(best->head.id), now);
        }
        if (sender.paused) {
            return std::nullopt;
        }
    }
}

// An answer written in the inbox (campaign inbox reply), sent once through the sender's transport as a message of its
// own: its intent is always committed before the transport is called, and its outcome leaves the enrollment where it
// stands.
void Engine::send_answer(SenderRuntime& sender, const store::InboxAnswer& answer, core::Timestamp now) {
    guard(sender.id);
    auto enrollment = m_enrollments.get(answer.enrollment_id);
    auto prospect = m_prospects.find(enrollment.prospect_id);
    const auto* version = load_version(enrollment);
    if (!prospect || is_suppressed(*prospect) || version == nullptr) {
        give_up_answer(answer, !prospect            ? "the prospect was erased"
                               : version == nullptr ? "its campaign's version does not load"
                                                    : prospect->profile_url + " is on the suppression list");
        return;
    }
    auto action = new_action(enrollment, answer_step(answer.event_id), core::ActionType::message,
                             "inbox/" + std::to_string(answer.event_id), sender.calendar, now);
    action.rendered_text = answer.text;
    if (auto earlier = m_actions.find(enrollment.id, action.step);
        earlier && earlier->state != core::ActionState::failed) {
        m_replies.answer_tried(answer.id, earlier->id, std::nullopt); // it went out, or waits for a person
        return;
    }
    check_fresh(sender);
    check_limits(sender, core::ActionType::message, now);
    action.id = m_actions.begin(action);
    m_replies.answer_tried(answer.id, action.id, answer.due_at);
    commit();
    auto result = reaching().send(transport::Outbound{action.idempotency_key, version->campaign.id,
                                                      core::ActionType::message, sender.sender.id, *prospect, "",
                                                      action.rendered_text, now, sender.calendar.window_end(now)});
    guard(sender.id);
    learn_member_id(action.prospect_id, result);
    auto again = settle_own(sender, action, result, "the answer to reply " + std::to_string(answer.event_id), now);
    m_replies.answer_tried(answer.id, action.id, again);
    m_observer.on_action(ActionReport{action, version->campaign.id, sender.sender.id, prospect->profile_url});
}

// The outcome of an action of the sender's own that is no step of a campaign (an answer from the inbox, the
// withdrawal of an invitation pending too long), written to its row; `what` names it in warnings. When it is to be
// tried again, the moment.
std::optional<core::Timestamp> Engine::settle_own(SenderRuntime& sender, core::Action& action,
                                                  const transport::SendResult& result, const std::string& what,
                                                  core::Timestamp now) {
    action.response = result.response;
    std::optional<core::Timestamp> again;
    auto type = action.type;
    switch (result.status) {
    case transport::SendStatus::sent:
        action.state = core::ActionState::sent;
        m_actions.finish(action.id, action.state, result.response, "");
        sender.counted(type, now, m_random);
        ++m_progress.sent;
        break;
    case transport::SendStatus::rejected:
        action.state = core::ActionState::failed;
        action.error = result.error;
        m_actions.finish(action.id, action.state, result.response, result.error, core::Failure::rejected);
        m_observer.on_warning(what + " was refused: " + result.error);
        break;
    case transport::SendStatus::retry_later:
    case transport::SendStatus::rate_limited:
    case transport::SendStatus::limit_reached:
    case transport::SendStatus::unreachable: {
        bool counts = result.status == transport::SendStatus::retry_later;
        auto attempts = m_actions.get(action.id)->attempts;
        action.state = core::ActionState::failed;
        if (counts && attempts >= k_max_attempts) {
            action.error = result.error + "; gave up after " + std::to_string(attempts) + " attempts";
            m_actions.finish(action.id, action.state, result.response, action.error, core::Failure::gave_up);
            m_observer.on_warning(what + " was not sent: " + action.error);
            break;
        }
        again = retry_time(result, type, now);
        sender.ledger.pace(now, sender.sender.pacing, m_random);
        action.error = result.error + "; retrying at " + core::format_utc(*again);
        m_actions.finish(action.id, action.state, result.response, action.error);
        if (!counts) {
            m_actions.uncount_attempt(action.id);
        }
        hold(sender, result, type, *again);
        break;
    }
    case transport::SendStatus::refused:
        m_actions.finish(action.id, core::ActionState::failed, result.response,
                         result.error + "; not sent, it stays due");
        m_actions.uncount_attempt(action.id);
        commit();
        throw core::RuntimeFailure("error: " + result.error +
                                   ": the run stopped, nothing more was sent; check the gateway's url and key");
    case transport::SendStatus::in_doubt:
        action.state = core::ActionState::in_doubt;
        action.error = result.error;
        m_actions.finish(action.id, action.state, result.response, result.error);
        m_observer.on_warning(what + " (" + action.idempotency_key + ") is in doubt (" + result.error +
                              "): check it on LinkedIn");
        break;
    case transport::SendStatus::sender_blocked:
        action.state = core::ActionState::failed;
        action.error = result.error + "; sender '" + sender.sender.id + "' paused until it is resumed";
        m_actions.finish(action.id, action.state, result.response, action.error);
        again = now;
        m_campaigns.pause_sender(sender.id, now, result.error);
        sender.paused = true;
        m_observer.on_warning("sender '" + sender.sender.id + "' paused: " + result.error +
                              " (resume with: campaign sender resume " + sender.sender.id + ")");
        break;
    }
    return again;
}

std::optional<store::StaleInvitation> Engine::next_stale(SenderRuntime& sender, core::Timestamp now) {
    const auto& age = sender.sender.withdraw_invitations_after;
    if (!age) {
        return std::nullopt;
    }
    if (!sender.stale_looked) {
        sender.stale = m_actions.stale_invitation(sender.id, now, k_max_attempts);
        sender.stale_looked = true;
    }
    return sender.stale;
}

// Like an answer from the inbox, the withdrawal is an action of its own in the enrollment that sent the invitation,
// under a key of its own, its intent committed before the transport is called.
void Engine::withdraw_stale(SenderRuntime& sender, const store::StaleInvitation& stale, core::Timestamp now) {
    guard(sender.id);
    sender.stale.reset();
    sender.stale_looked = false;
    // Looked for again: an event taken in since (an acceptance, a reply) may have made it no longer pending.
    auto still = m_actions.stale_invitation(sender.id, now, k_max_attempts);
    if (!still || still->enrollment_id != stale.enrollment_id) {
        return;
    }
    auto enrollment = m_enrollments.get(stale.enrollment_id);
    auto prospect = m_prospects.find(enrollment.prospect_id);
    if (!prospect || is_suppressed(*prospect)) {
        // The query leaves out erased, merged and suppressed prospects; one it took for live (a suppression of an
        // earlier form of the URL) stops the sender's withdrawals for the day rather than being found again at once.
        sender.stale_looked = true;
        return;
    }
    auto action = new_action(enrollment, std::string(k_stale_withdrawal_step), core::ActionType::withdraw_invite,
                             idempotency_key(stale.campaign, enrollment.id, std::string(k_stale_withdrawal_step)),
                             sender.calendar, now);
    check_fresh(sender);
    check_limits(sender, core::ActionType::withdraw_invite, now);
    action.id = m_actions.begin(action);
    commit();
    auto result =
        reaching().send(transport::Outbound{action.idempotency_key, stale.campaign, core::ActionType::withdraw_invite,
                                            sender.sender.id, *prospect, "", "", now, sender.calendar.window_end(now)});
    guard(sender.id);
    learn_member_id(action.prospect_id, result);
    auto again = settle_own(sender, action, result,
                            "the withdrawal of the invitation to " + prospect->profile_url + " sent " +
                                sender.calendar.format_local(stale.sent_at).substr(0, 10),
                            now);
    if (again) {
        sender.withdrawal_retries[stale.enrollment_id] = *again;
    } else {
        sender.withdrawal_retries.erase(stale.enrollment_id);
    }
    m_observer.on_action(ActionReport{action, stale.campaign, sender.sender.id, prospect->profile_url});
}

void Engine::give_up_answer(const store::InboxAnswer& answer, const std::string& why) {
    m_replies.answer_dropped(answer.id);
    m_observer.on_warning("the answer to reply " + std::to_string(answer.event_id) + " was not sent: " + why);
}

// A step the sender may never take (its limit for the type is 0, as InMail for a free account).
void Engine::refuse(core::Enrollment enrollment, core::Timestamp now) {
    const auto* version = version_of(enrollment);
    const auto* step = version->campaign.find_step(enrollment.current_step);
    auto& sender = *m_senders_by_row.at(enrollment.sender_id);
    guard(sender.id);
    auto action = intent(enrollment, *step, sender, now);
    const auto& limits = sender.sender.limits;
    auto limit = step->type == core::ActionType::connect && limits.invitations_per_week <= 0 ? "its weekly invitation "
                                                                                               "limit is 0"
                 : step->type == core::ActionType::inmail && limits.inmails_per_month <= 0
                     ? "it has no InMail credits (limits.inmails_per_month)"
                     : "its daily limit is 0";
    fail_step(enrollment, action, core::Failure::limit,
              "sender '" + sender.sender.id + "' may not send " + std::string(core::to_string(step->type)) + ": " +
                  limit,
              now);
    auto prospect = m_prospects.find(enrollment.prospect_id);
    m_observer.on_action(
        ActionReport{action, version->campaign.id, sender.sender.id, prospect ? prospect->profile_url : ""});
}

core::Action Engine::intent(const core::Enrollment& enrollment, const core::Step& step, const SenderRuntime& sender,
                            core::Timestamp now) {
    return new_action(enrollment, step.id, step.type,
                      idempotency_key(version_of(enrollment)->campaign.id, enrollment.id, step.id), sender.calendar,
                      now);
}

void Engine::stop_enrollment(const core::Enrollment& enrollment, const std::string& why, core::Timestamp now) {
    writing();
    finish(enrollment, core::EnrollmentState::stopped, now);
    m_observer.on_note(why);
}

void Engine::act(SenderRuntime& sender, core::Enrollment enrollment, core::Timestamp now) {
    guard(sender.id);
    const auto& campaign = version_of(enrollment)->campaign;
    const auto& step = *campaign.find_step(enrollment.current_step);
    auto prospect = m_prospects.find(enrollment.prospect_id);
    if (!prospect) {
        stop_enrollment(enrollment,
                        "prospect " + std::to_string(enrollment.prospect_id) +
                            " was erased or merged into another: campaign '" + campaign.id + "' stopped for them",
                        now);
        return;
    }
    if (is_suppressed(*prospect)) {
        stop_enrollment(enrollment,
                        prospect->profile_url + " is on the suppression list: campaign '" + campaign.id +
                            "' stopped for them",
                        now);
        return;
    }
    // A prospect outside their own hours waits for them, and the next in the queue goes meanwhile.
    if (auto opens = prospect_opens(sender, *version_of(enrollment), *prospect, now)) {
        writing();
        auto before = enrollment;
        enrollment.next_due_at = *opens;
        save(enrollment, before, now);
        return;
    }
    // A step already sent (settled by hand after being in doubt) moves on without going out again.
    auto done = m_actions.find(enrollment.id, step.id);
    if (done && done->state == core::ActionState::sent) {
        writing();
        settle_sent(enrollment, step, done->at_utc);
        return;
    }
    auto action = intent(enrollment, step, sender, now);
    const auto* variant = schedule::assign_variant(campaign, step, prospect->profile_url);
    auto template_name = variant ? variant->template_name : step.template_name;
    action.variant = variant ? variant->id : "";
    if (step.type == core::ActionType::connect && !template_name.empty()) {
        auto hold = campaign.notes_run_out == core::NotesRunOut::hold;
        auto then = hold ? "the invitations of campaign '" + campaign.id + "' wait"
                         : std::string("its invitations go without a note");
        if (!allowance_left(sender, store::MonthlyAllowance::notes, now, then)) {
            if (hold) {
                writing();
                auto before = enrollment;
                enrollment.next_due_at = sender.calendar.next_month_start(now);
                save(enrollment, before, now);
                return;
            }
            template_name.clear(); // the month's notes are used up: the invitation goes without one
        }
    }
    if (step.type == core::ActionType::inmail &&
        !allowance_left(sender, store::MonthlyAllowance::inmails, now, "its InMails wait")) {
        // Every InMail of the sender waits for the next month's credits; its other actions go on.
        sender.held_types[core::ActionType::inmail] =
            std::max(sender.not_before(core::ActionType::inmail, now), sender.calendar.next_month_start(now));
        sender.dirty = true;
        return;
    }
    if (core::sends_text(step.type) && !template_name.empty()) {
        auto rendered = m_messages.text_for(campaign, step, template_name, *prospect, sender.sender);
        if (!rendered.text) {
            writing();
            fail_step(enrollment, action, core::Failure::template_text, rendered.failure, now);
            m_observer.on_action(ActionReport{action, campaign.id, sender.sender.id, prospect->profile_url});
            return;
        }
        action.subject = rendered.text->subject;
        action.rendered_text = rendered.text->body;
    }
    // The intent, and everything written since the last send, reaches the database before the transport is called.
    // A simulated run, whose sends nothing outside the machine sees, writes the action once the transport has
    // answered instead, and commits many at a time (share_commits).
    bool written_after = m_commit_every > 1;
    writing();
    if (!written_after) {
        check_fresh(sender);
        check_limits(sender, step.type, now);
        action.id = m_actions.begin(action);
        commit();
    } else if (done) {
        action.idempotency_key = done->idempotency_key; // a failed step tried again keeps its key
    }
    auto result = reaching().send(transport::Outbound{action.idempotency_key, campaign.id, step.type, sender.sender.id,
                                                      *prospect, action.subject, action.rendered_text, now,
                                                      sender.calendar.window_end(now)});
    guard(sender.id); // the outcome, written only while the lease is still this runner's
    if (written_after) {
        action.id = result.status == transport::SendStatus::sent ? m_actions.begin_sent(action, result.response)
                                                                 : m_actions.begin(action);
    }
    record_outcome(sender, enrollment, step, action, result, now);
    if (written_after) {
        count_shared_commit();
    }
    m_observer.on_action(ActionReport{action, campaign.id, sender.sender.id, prospect->profile_url});
}

void Engine::record_outcome(SenderRuntime& sender, core::Enrollment& enrollment, const core::Step& step,
                            core::Action& action, const transport::SendResult& result, core::Timestamp now) {
    learn_member_id(action.prospect_id, result);
    action.response = result.response;
    switch (result.status) {
    case transport::SendStatus::sent:
        if (action.state != core::ActionState::sent) { // not written with its outcome already
            action.state = core::ActionState::sent;
            m_actions.finish(action.id, action.state, result.response, "");
        }
        settle_sent(enrollment, step, now);
        sender.counted(step.type, now, m_random);
        if (step.type == core::ActionType::connect && !action.rendered_text.empty()) {
            ++sender.notes.used;
        } else if (step.type == core::ActionType::inmail) {
            ++sender.inmails.used;
        }
        ++m_progress.sent;
        return;
    case transport::SendStatus::rejected:
        fail_step(enrollment, action, core::Failure::rejected, result.error, now);
        return;
    case transport::SendStatus::retry_later:
    case transport::SendStatus::rate_limited:
    case transport::SendStatus::limit_reached:
    case transport::SendStatus::unreachable: {
        // Waiting out a rate limit or a gateway out of reach is not the step failing: only other failures count
        // towards giving up.
        bool counts = result.status == transport::SendStatus::retry_later;
        auto attempts = m_actions.find(enrollment.id, step.id)->attempts;
        if (counts && attempts >= k_max_attempts) {
            fail_step(enrollment, action, core::Failure::gave_up,
                      result.error + "; gave up after " + std::to_string(attempts) + " attempts", now);
            return;
        }
        auto retry_at = retry_time(result, step.type, now);
        // The attempt took the sender's turn: the next action waits its gap, not a burst of tries at this instant.
        sender.ledger.pace(now, sender.sender.pacing, m_random);
        action.state = core::ActionState::failed;
        action.error = result.error + "; retrying at " + core::format_utc(retry_at);
        m_actions.finish(action.id, action.state, result.response, action.error);
        if (!counts) {
            m_actions.uncount_attempt(action.id);
        }
        auto before = enrollment;
        enrollment.next_due_at = retry_at;
        save(enrollment, before, now);
        hold(sender, result, step.type, retry_at);
        return;
    }
    case transport::SendStatus::refused:
        // Every action would meet the same answer: the step stays due, and the run stops for a person to fix it.
        action.state = core::ActionState::failed;
        action.error = result.error + "; not sent, the step stays due";
        m_actions.finish(action.id, action.state, result.response, action.error);
        m_actions.uncount_attempt(action.id);
        commit();
        throw core::RuntimeFailure("error: " + result.error +
                                   ": the run stopped, nothing more was sent; check the gateway's url and key");
    case transport::SendStatus::in_doubt:
        hold_in_doubt(enrollment, action, result.error, now);
        return;
    case transport::SendStatus::sender_blocked:
        action.state = core::ActionState::failed;
        action.error = result.error + "; sender '" + sender.sender.id + "' paused until it is resumed";
        m_actions.finish(action.id, action.state, result.response, action.error);
        m_campaigns.pause_sender(sender.id, now, result.error);
        sender.paused = true;
        m_observer.on_warning("sender '" + sender.sender.id + "' paused: " + result.error +
                              " (resume with: campaign sender resume " + sender.sender.id + ")");
        return;
    }
}

// What the transport learned of the prospect while acting, kept in the transaction of the outcome: the member id by
// which a gateway's events may name them alone.
void Engine::learn_member_id(core::ProspectId prospect_id, const transport::SendResult& result) {
    if (!result.member_id.empty()) {
        m_prospects.set_member_id(prospect_id, result.member_id);
    }
}

// A rate limit holds its sender, and a limit of its account its actions of the type, for this run and the next; a
// gateway out of reach holds every sender of this run.
void Engine::hold(SenderRuntime& sender, const transport::SendResult& result, core::ActionType type,
                  core::Timestamp until) {
    if (result.status == transport::SendStatus::limit_reached) {
        sender.held_types[type] = until;
        m_campaigns.hold_actions(sender.id, store::ActionHold{type, until, result.error});
        sender.dirty = true;
        m_observer.on_warning("sender '" + sender.sender.id + "' reached a limit of its account: " + result.error +
                              "; its " + std::string(core::plural_of(type)) + " wait until " + core::format_utc(until) +
                              ", its other actions go on");
    } else if (result.status == transport::SendStatus::rate_limited) {
        sender.held_until = until;
        m_campaigns.hold_sender(sender.id, until);
        m_observer.on_warning("sender '" + sender.sender.id + "' rate limited: " + result.error + "; it waits until " +
                              core::format_utc(until) + ", the others go on");
    } else if (result.status == transport::SendStatus::unreachable) {
        m_transport_held_until = until;
        ++m_progress.unreachable;
        m_observer.on_warning(result.error + "; nothing is sent before " + core::format_utc(until));
        for (auto& [id, other] : m_senders) {
            other->dirty = true;
        }
    }
}

void Engine::fail_step(core::Enrollment& enrollment, core::Action& action, core::Failure failure,
                       const std::string& error, core::Timestamp now) {
    if (action.id == 0) {
        action.id = m_actions.begin(action);
    }
    action.state = core::ActionState::failed;
    action.error = error;
    action.failure = failure;
    m_actions.finish(action.id, action.state, action.response, error, failure);
    finish(enrollment, core::EnrollmentState::failed, now);
    ++m_progress.failed;
    m_observer.on_note("step '" + action.step + "' failed for enrollment " + std::to_string(enrollment.id) + ": " +
                       error);
}

void Engine::settle_sent(core::Enrollment& enrollment, const core::Step& step, core::Timestamp sent_at) {
    const auto& campaign = version_of(enrollment)->campaign;
    auto before = enrollment;
    place(enrollment, schedule::after_action(campaign, step, sent_at), campaign, sent_at);
    save(enrollment, before, sent_at);
}

// An action that may have gone out: never sent again by itself, the enrollment waits until a person settles it.
void Engine::hold_in_doubt(core::Enrollment& enrollment, core::Action& action, const std::string& why,
                           core::Timestamp now) {
    action.state = core::ActionState::in_doubt;
    action.error = why;
    m_actions.finish(action.id, action.state, action.response, why);
    auto before = enrollment;
    enrollment.next_due_at.reset();
    save(enrollment, before, now);
    m_observer.on_warning("action " + action.idempotency_key + " is in doubt (" + why +
                          "): check it on LinkedIn; the enrollment waits until then");
}

// The action as it went to the transport, rebuilt from its record for a lookup.
transport::Outbound Engine::outbound_of(const core::Action& action) {
    transport::Outbound outbound;
    outbound.idempotency_key = action.idempotency_key;
    if (auto found = m_by_version.find(action.version_id); found != m_by_version.end()) {
        outbound.campaign = found->second->campaign.id;
    }
    outbound.type = action.type;
    if (auto sender = m_senders_by_row.find(action.sender_id); sender != m_senders_by_row.end()) {
        outbound.sender = sender->second->sender.id;
    }
    if (auto prospect = m_prospects.find(action.prospect_id)) {
        outbound.prospect = *prospect;
    }
    outbound.subject = action.subject;
    outbound.text = action.rendered_text;
    outbound.at = action.at_utc;
    return outbound;
}

// An answer from the inbox a crash left in flight: settled by what the transport says, without moving its enrollment.
void Engine::settle_answer(core::Action& action, const transport::Lookup& lookup) {
    switch (lookup.status) {
    case transport::LookupStatus::performed:
        if (lookup.result.status == transport::SendStatus::sent) {
            m_actions.finish(action.id, core::ActionState::sent, lookup.result.response, "");
        } else {
            m_actions.finish(action.id, core::ActionState::failed, lookup.result.response, lookup.result.error,
                             core::Failure::rejected);
        }
        m_replies.answer_settled(action.id);
        break;
    case transport::LookupStatus::not_performed:
        // Still due: the next send goes under the same key.
        m_actions.finish(action.id, core::ActionState::failed, "", k_interrupted_unsent);
        break;
    case transport::LookupStatus::unknown:
        m_actions.finish(action.id, core::ActionState::in_doubt, "", k_interrupted_unknown);
        m_replies.answer_settled(action.id);
        m_observer.on_warning("action " + action.idempotency_key + " is in doubt (" + k_interrupted_unknown +
                              "): check it on LinkedIn");
        break;
    case transport::LookupStatus::unreachable:
        break;
    }
}

int Engine::recover(core::Timestamp now) {
    int settled = 0;
    for (auto& action : m_actions.in_flight()) {
        auto enrollment = m_enrollments.get(action.enrollment_id);
        const auto* version = version_of(enrollment);
        // An answer from the inbox or a withdrawal of a stale invitation: the sender's own, no step of a campaign.
        bool answer = action.step.starts_with("inbox:") || action.step == k_stale_withdrawal_step;
        if (answer ? !m_senders_by_row.contains(action.sender_id) : (version == nullptr || !version->played)) {
            continue; // a campaign or sender this run does not play: its own run settles it
        }
        if (!acts_for(action.sender_id)) {
            continue; // the runner that holds the sender's lease settles it
        }
        auto lookup = reaching().lookup(outbound_of(action));
        if (lookup.status == transport::LookupStatus::unreachable) {
            // Asked again by the next run: an action in doubt would wait for a person for nothing.
            commit();
            throw core::RuntimeFailure("error: cannot settle the actions an earlier run left in flight: " +
                                       lookup.result.error + "; nothing was sent, run again when it can be reached");
        }
        guard(action.sender_id);
        learn_member_id(action.prospect_id, lookup.result);
        if (answer) {
            settle_answer(action, lookup);
            ++settled;
            continue;
        }
        switch (lookup.status) {
        case transport::LookupStatus::performed:
            // What the transport answered then: usually sent, perhaps rejected. The ledgers counted the action when
            // they were loaded.
            if (lookup.result.status == transport::SendStatus::sent) {
                m_actions.finish(action.id, core::ActionState::sent, lookup.result.response, "");
                if (enrollment.current_step == action.step && enrollment.due_action) {
                    settle_sent(enrollment, *version->campaign.find_step(action.step), action.at_utc);
                }
            } else {
                action.response = lookup.result.response;
                fail_step(enrollment, action, core::Failure::rejected, lookup.result.error, now);
            }
            break;
        case transport::LookupStatus::not_performed:
            // The transport never had it: the step is still due and goes out again under the same key.
            m_actions.finish(action.id, core::ActionState::failed, "", k_interrupted_unsent);
            break;
        case transport::LookupStatus::unknown:
            hold_in_doubt(enrollment, action, k_interrupted_unknown, now);
            break;
        case transport::LookupStatus::unreachable:
            break; // stopped the run above
        }
        ++settled;
    }
    commit();
    return settled;
}

} // namespace campaign::engine
