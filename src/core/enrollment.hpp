// A prospect's way through one campaign (an enrollment) and the actions taken on the way, as the database keeps
// them and the engine, status and reports read them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/campaign.hpp"
#include "core/prospect.hpp"
#include "core/time.hpp"

namespace campaign::core {

using EnrollmentId = std::int64_t;
using ActionId = std::int64_t;
using RowId = std::int64_t; // campaigns, campaign versions and senders

// `lost`: the prospect declined ("not interested"); unlike an opt-out, another campaign may still reach them.
enum class EnrollmentState { active, done, replied, opted_out, failed, stopped, lost };

std::string_view to_string(EnrollmentState state);
std::optional<EnrollmentState> parse_enrollment_state(std::string_view text);

struct Enrollment {
    EnrollmentId id = 0;
    RowId campaign_id = 0;
    RowId version_id = 0; // the campaign version it started on and keeps
    ProspectId prospect_id = 0;
    RowId sender_id = 0;
    EnrollmentState state = EnrollmentState::active;
    std::string current_step;               // empty once finished
    std::optional<ActionType> due_action;   // the current step's action, while it has not gone out
    std::optional<Timestamp> next_due_at;   // when that action is due, or when the waiting step's timer runs out
    std::optional<Timestamp> waiting_since; // when the current step's action went out
    // Nothing is due before this: the prospect is away (an out-of-office notice) or asked to be contacted later.
    std::optional<Timestamp> paused_until;
    Timestamp enrolled_at{};
};

enum class ActionState {
    sending, // the intent is recorded and the transport may have it: never send again without asking
    sent,
    failed,   // rejected for good, or a transient failure waiting for its retry
    in_doubt, // the transport cannot say whether it happened: left for a person to decide
};

std::string_view to_string(ActionState state);
std::optional<ActionState> parse_action_state(std::string_view text);

// Why a step failed for good, in the word `campaign retry --reason` takes: each is a cause a change can remove.
enum class Failure {
    template_text, // "template": the message could not be written (a value missing, no such template)
    limit,         // the sender may never take the step (a limit of 0)
    rejected,      // the gateway refused it
    gave_up,       // it kept failing for a moment, too many times
};

std::string_view to_string(Failure failure);
std::optional<Failure> parse_failure(std::string_view text);
inline constexpr std::array<std::string_view, 4> k_failure_names{"template", "limit", "rejected", "gave_up"};

struct Action {
    ActionId id = 0;
    EnrollmentId enrollment_id = 0;
    RowId campaign_id = 0;
    RowId version_id = 0;
    ProspectId prospect_id = 0;
    RowId sender_id = 0;
    std::string step;
    std::string variant; // empty when the step has no variants
    ActionType type = ActionType::view_profile;
    std::string idempotency_key;
    ActionState state = ActionState::sending;
    std::string subject;
    std::string rendered_text;
    Timestamp at_utc{};
    std::string at_local; // the sender's wall clock, with its UTC offset
    std::string response;
    std::string error;
    std::optional<Failure> failure; // a step that failed for good
    int attempts = 1;
};

} // namespace campaign::core
