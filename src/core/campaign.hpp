// A campaign as its YAML file defines it: the senders who act, the audience they reach, and the steps, a small graph
// of actions joined by branches on what the prospect did.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/hook.hpp"
#include "core/reply_class.hpp"
#include "core/time.hpp"

namespace campaign::core {

enum class ActionType {
    view_profile,
    follow,
    like_post,
    endorse,
    connect,
    message,
    inmail,
    withdraw_invite,
};

inline constexpr std::array k_action_types{
    ActionType::view_profile, ActionType::follow,  ActionType::like_post, ActionType::endorse,
    ActionType::connect,      ActionType::message, ActionType::inmail,    ActionType::withdraw_invite,
};

std::string_view to_string(ActionType type);
std::optional<ActionType> parse_action_type(std::string_view text);
std::string_view plural_of(ActionType type);           // "invitations", "profile views"
std::span<const std::string_view> action_type_names(); // in the order of k_action_types
bool sends_text(ActionType type);                      // connect (its note), message, inmail

enum class AccountType { free, premium, sales_navigator };

std::string_view to_string(AccountType type);
std::optional<AccountType> parse_account_type(std::string_view text);

struct SenderLimits {
    std::map<ActionType, int> per_day;
    int invitations_per_week = 0;
    int connect_note_length = 0; // characters, as LinkedIn counts them
    // The most invitations waiting for an answer at once (docs/campaigns.md#health): none are sent at it.
    int pending_invitations = 400;
    // Invitations with a note in a calendar month of the sender's, as LinkedIn allows a free account (none: no
    // allowance); once it is used up, invitations go without their note.
    std::optional<int> notes_per_month;
    // InMail credits in a calendar month of the sender's, as its account type gets them; once used, its InMails wait
    // for the next month.
    int inmails_per_month = 0;
};

// What a sender's invitations did, as the health governor reads it each day (docs/campaigns.md#health).
struct InvitationRecord {
    int settled = 0;          // the latest invitations sent long enough ago to have been answered, up to a count
    int settled_accepted = 0; // of those, accepted
    int pending = 0;          // every invitation sent and neither accepted nor withdrawn
};

// The governor's cap on one local day's invitations, and why it is below the day's limit.
struct InvitationCap {
    int day = 0; // days since 1970-01-01 on the sender's calendar
    int invitations = 0;
    std::string why;
};

// LinkedIn's safe defaults for an account type; a campaign file overrides them one by one.
SenderLimits default_limits(AccountType account);

struct WorkingHours {
    std::array<bool, 7> days{}; // indexed by weekday, Sunday = 0
    int from_minute = 9 * 60;   // local time, minutes after midnight
    int to_minute = 18 * 60;

    bool operator==(const WorkingHours&) const = default;
};

struct Pacing {
    Duration min_gap = std::chrono::minutes{3};
    Duration jitter = std::chrono::minutes{5};
};

// The days a sender does not work beside its weekly days off: the public holidays of the country calendars shipped
// in data/holidays, and dates of its own (a vacation, a regional holiday).
struct Holidays {
    std::vector<std::string> calendars; // "DE", as the campaign file names them
    std::set<int> days;                 // days since 1970-01-01 on the sender's calendar: the calendars' and its own

    bool operator==(const Holidays&) const = default;
};

// A new account's ramp (docs/campaigns.md#warm-up): in week k of `weeks` (k = 1, 2, ...), every daily limit and the
// weekly invitation limit are share(k) of the configured ones, share(1) = invitations / the daily connect limit and
// rising evenly to all of it in the last week.
struct Warmup {
    std::optional<int> start_day; // days since 1970-01-01 on the sender's calendar; none: its first action in the CRM
    int weeks = 4;
    int invitations = 5; // a day, in the first week

    bool operator==(const Warmup&) const = default;
};

struct Sender {
    std::string id;
    std::map<std::string, std::string> fields; // name, first_name, ...: reach templates as sender.*
    std::string timezone;
    AccountType account = AccountType::premium;
    WorkingHours working_hours;
    SenderLimits limits;
    Pacing pacing;
    Holidays holidays;
    std::optional<Warmup> warmup;
    // Its invitations pending longer than this are withdrawn, whichever campaign sent them, once that campaign is
    // done with the prospect (docs/campaigns.md#health); none: they stay pending.
    std::optional<Duration> withdraw_invitations_after;
    SourceLocation location;
    // The days (since 1970-01-01 on the sender's calendar) on which a randomized experiment of the sender's holds an
    // action type back: its off days. Filled from the CRM by a run, not from the campaign file.
    std::map<ActionType, std::set<int>> experiment_off_days;
    // The local day of its first action in the CRM, from which a warm-up without a start day counts. Filled by a run.
    std::optional<int> first_action_day;
    // Today's cap on invitations from its health, when it is below the day's limit. Filled by a run, each day.
    std::optional<InvitationCap> invitation_cap;
};

enum class FieldTest { equals, in, contains, exists };

struct FieldFilter {
    std::string field;
    FieldTest test = FieldTest::equals;
    std::vector<std::string> values; // one for equals and contains, several for in
    bool exists = true;

    bool operator==(const FieldFilter&) const = default;
};

struct Audience {
    std::vector<std::string> tags;
    std::vector<std::string> any_tags;
    std::vector<FieldFilter> where;
    std::vector<std::string> exclude_tags;
    std::vector<FieldFilter> exclude_where;
    bool allow_other_campaigns = false;
};

// What a decline does beyond ending the campaign for the prospect: nothing more (they may be reached by another
// campaign), or suppressing them everywhere as an opt-out does.
enum class DeclineRule { lost, suppress };

// What a campaign's invitations do once their sender's monthly allowance of notes is used up.
enum class NotesRunOut {
    without_note, // they go without their note
    hold,         // they wait for the next month's allowance
};

struct StopRules {
    bool on_reply = true;
    // Phrases that make a reply an opt-out beside the requests the triage rules read (data/triage); none by default,
    // since a lone "stop" or "not interested" is not a request never to be contacted.
    std::vector<std::string> opt_out_keywords;
    DeclineRule not_interested = DeclineRule::lost;
    // How long an away notice that gives no return date pauses the sequence, and a "later" without a date snoozes.
    Duration out_of_office = std::chrono::days{7};
    Duration later = std::chrono::days{30};
};

inline constexpr std::string_view k_end_step = "end";

enum class Outcome { accepted, not_accepted, replied, no_reply };

std::string_view to_string(Outcome outcome);

struct Branch {
    Outcome on = Outcome::accepted;
    std::optional<Duration> within; // for not_accepted and no_reply
    // For replied: the class of reply it is for; none for every reply (`replied: X`, or `default:` in a map).
    std::optional<ReplyClass> reply_class;
    std::string target; // a step id or k_end_step
    SourceLocation location;
    SourceLocation target_location;
};

struct Variant {
    std::string id;
    int weight = 1;
    std::string template_name; // the note of a connect step, the text of a message or inmail
    SourceLocation location;   // of the template's name
};

struct Step {
    std::string id;
    ActionType type = ActionType::view_profile;
    Duration after{0};
    std::string template_name; // empty when the step sends no text, or uses variants
    std::vector<Variant> variants;
    std::vector<Branch> branches;
    std::optional<std::string> next; // explicit successor; otherwise the following step
    SourceLocation location;
    SourceLocation template_location;
};

// Which of a campaign's senders take the prospects a rule matches (docs/campaigns.md#routing). The first rule that
// matches a prospect routes it, to one of the rule's senders by the stable hash; a rule without conditions matches
// every prospect.
struct RoutingRule {
    std::vector<std::string> senders;
    std::vector<std::string> tags;     // all of them
    std::vector<std::string> any_tags; // at least one of them
    std::vector<FieldFilter> where;    // all of them
    SourceLocation location;

    bool operator==(const RoutingRule& other) const {
        return senders == other.senders && tags == other.tags && any_tags == other.any_tags && where == other.where;
    } // where the file says it is no part of what it does
};

struct Campaign {
    std::string id;
    std::string description;
    std::string templates_dir; // resolved path of the templates folder
    std::vector<Sender> senders;
    Audience audience;
    std::vector<RoutingRule> routing; // none: every sender takes its share of every prospect
    SourceLocation routing_location;
    // The hours of the prospect's own week in which its steps reach them, besides the sender's working hours: none
    // for the sender's alone. A prospect whose zone is unknown is reached in the sender's hours.
    std::optional<WorkingHours> prospect_hours;
    SourceLocation prospect_hours_location;
    NotesRunOut notes_run_out = NotesRunOut::without_note;
    StopRules stop;
    std::vector<Step> steps;
    std::vector<Hook> hooks; // who hears of its replies, acceptances, opt-outs and inbox actions
    SourceLocation location;

    const Step* find_step(std::string_view id) const;
    // The steps that can follow `step`: its branch targets and its `next`, or without branches its `next` or the
    // following step.
    std::vector<std::string> successors(const Step& step) const;
};

} // namespace campaign::core
