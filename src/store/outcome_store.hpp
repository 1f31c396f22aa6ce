// What the actions led to, as the reply report reads it: sends counted by the database, and the acceptances and
// replies each action drew. An event is credited to the action it answers: the one whose idempotency key it
// carries, or else the latest fitting action sent to that prospect in their enrollment before it happened.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/enrollment.hpp"
#include "core/reply_class.hpp"
#include "store/database.hpp"

namespace campaign::store {

// Campaign and sender by row id, when given; a period of [since, until), both at midnight UTC: what the database
// tallies is counted by day.
struct OutcomeFilter {
    std::optional<core::RowId> campaign_id;
    std::optional<core::RowId> sender_id;
    std::optional<core::Timestamp> since;
    std::optional<core::Timestamp> until;
};

// Where an action belongs in the report.
struct ActionGroup {
    core::RowId campaign_id = 0;
    core::RowId sender_id = 0;
    std::string step;
    std::string variant; // empty when the step has no variants
    core::ActionType type = core::ActionType::view_profile;
};

// The actions of one group taken in the period.
struct SendTally {
    ActionGroup group;
    std::int64_t sent = 0;
    std::int64_t failed = 0;
    core::ActionId first_id = 0; // orders steps as a campaign first reached them
};

// The prospects of one campaign and sender: enrolled in the period, and first invited or first messaged in it.
struct ProspectTally {
    core::RowId campaign_id = 0;
    core::RowId sender_id = 0;
    std::int64_t enrolled = 0;
    std::int64_t invited = 0;
    std::int64_t messaged = 0;
};

// An invitation sent before the end of the period, and an acceptance of it.
struct Acceptance {
    ActionGroup group;
    core::Timestamp sent_at{};
    core::Timestamp accepted_at{};
    core::ActionId action_id = 0;
};

// A reply (or an opt-out) and the action it answers; the action or the reply in the period.
// The step the reports count the answers written in the inbox under: no step id has a space.
inline constexpr const char* k_inbox_answers = "inbox answers";

struct Reply {
    core::RowId event_id = 0;
    bool opted_out = false;                      // reported as an opt-out, whatever its words
    std::optional<core::ReplyClass> reply_class; // as it was read when the run applied it; none before then
    core::Timestamp at{};
    std::string text;
    core::ActionId action_id = 0;
    ActionGroup group;
    core::EnrollmentId enrollment_id = 0;
    core::Timestamp sent_at{};
    std::string prospect_name; // empty when the prospect was erased
    std::string profile_url;
    std::string company;
};

struct DailySends {
    std::string day; // YYYY-MM-DD, UTC
    std::int64_t invitations = 0;
    std::int64_t messages = 0;
    std::int64_t other = 0; // profile visits, follows, likes, endorsements, withdrawals
};

class OutcomeStore {
public:
    explicit OutcomeStore(Database& database) : m_database(database) {}

    void for_each_send_tally(const OutcomeFilter& filter, const std::function<void(const SendTally&)>& visit);
    void for_each_prospect_tally(const OutcomeFilter& filter, const std::function<void(const ProspectTally&)>& visit);
    void for_each_acceptance(const OutcomeFilter& filter, const std::function<void(const Acceptance&)>& visit);
    // In the order of their actions, and of time within one action.
    void for_each_reply(const OutcomeFilter& filter, const std::function<void(const Reply&)>& visit);
    void for_each_day(const OutcomeFilter& filter, const std::function<void(const DailySends&)>& visit);
    // The first and last UTC day (YYYY-MM-DD) anything was sent on in the filter's campaign and sender, whatever
    // its period: where a report whose period holds nothing can say the data is.
    std::optional<std::pair<std::string, std::string>> sent_days(const OutcomeFilter& filter);

private:
    Database& m_database;
};

} // namespace campaign::store
