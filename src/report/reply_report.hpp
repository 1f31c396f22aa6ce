// The reply report: what a sales lead opens every morning. Funnels per campaign, step, A/B variant and sender, the
// A/B tests of each step with variants, the latest replies with what they say, and the daily activity.
//
// The funnel follows the actions sent in the period to what they led to, whenever that came; the daily series and
// the latest replies count each thing on the day it happened.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/reply_class.hpp"
#include "core/time.hpp"
#include "stats/proportion.hpp"
#include "store/database.hpp"
#include "store/outcome_store.hpp"
#include "triage/triage.hpp"

namespace campaign::report {

// Waiting times in seconds: their count, median and 90th percentile.
struct Wait {
    std::int64_t count = 0;
    std::optional<double> median;
    std::optional<double> p90;
};

struct Funnel {
    std::optional<std::int64_t> enrolled; // prospects enrolled: campaigns and senders only
    std::int64_t invitations = 0;         // invitations sent
    std::int64_t accepted = 0;            // of those invitations
    std::int64_t messages = 0;            // messages and InMails sent
    // What the reply rate is out of: prospects messaged, or who answered an invitation's note without being
    // messaged (campaigns and senders); messages sent (steps and variants).
    std::int64_t reached = 0;
    std::int64_t replied = 0; // prospects who replied, or sends that were answered
    std::int64_t interested = 0;
    std::int64_t opt_outs = 0;
    std::int64_t failures = 0; // actions whose last try failed, for good or until it is tried again
    Wait accept_wait;          // from invitation to acceptance
    Wait reply_wait;           // from the message to its first reply

    stats::Proportion acceptance() const { return {accepted, invitations}; }
    stats::Proportion reply_rate() const { return {replied, reached}; }
    // What an A/B test of a message compares: replies that want to talk, not every answer.
    stats::Proportion interested_rate() const { return {interested, reached}; }
};

struct FunnelRow {
    std::string campaign; // empty in the sender rows
    std::string step;     // steps and variants
    core::ActionType type = core::ActionType::view_profile;
    std::string variant;   // variants
    std::string sender;    // senders
    std::int64_t sent = 0; // steps and variants: the step's actions sent
    Funnel funnel;
};

// One variant of a step against the step's first variant in the campaign file (its control), on the rate the step is
// for: acceptance for an invitation, interested replies for a message.
struct AbTest {
    std::string campaign;
    std::string step;
    std::string metric; // "acceptance" or "interested"
    std::string control;
    std::string variant;
    stats::Proportion control_rate;
    stats::Proportion variant_rate;
    std::optional<stats::Comparison> comparison; // none until both have sends
    std::optional<double> lift;                  // relative: variant rate / control rate - 1
    std::optional<std::int64_t> more_needed;     // sends per variant until the observed difference could show
    std::string verdict;                         // the plain sentence
};

struct ReplyLine {
    core::Timestamp at{};
    std::string prospect; // the name; empty when erased
    std::string profile_url;
    std::string company;
    std::string campaign;
    std::string step;
    std::string variant;
    std::string sender;
    core::ReplyClass reply_class = core::ReplyClass::neutral;
    std::string text;
};

struct Day {
    std::string day; // YYYY-MM-DD, UTC
    std::int64_t invitations = 0;
    std::int64_t messages = 0;
    std::int64_t other = 0;
    std::int64_t accepted = 0;
    std::int64_t replies = 0;
};

struct ReplyReportOptions {
    std::optional<std::string> campaign;
    std::optional<std::string> sender;
    std::optional<core::Timestamp> since;
    std::optional<core::Timestamp> until;         // exclusive
    std::shared_ptr<const triage::Triage> triage; // how replies are read; required
    std::size_t latest = 20;                      // replies listed
    core::Timestamp now{};
    // By campaign and step, the variants in the order the campaign file lists them: the first is the control of the
    // step's A/B tests. Variants it does not list (a version since changed) come after, by name.
    std::map<std::string, std::map<std::string, std::vector<std::string>>> variant_order;
};

struct ReplyReport {
    ReplyReportOptions options;
    std::optional<std::string> rehearsal_of; // the live CRM's file name, when the database is its rehearsal
    std::vector<FunnelRow> campaigns;
    std::vector<FunnelRow> steps;
    std::vector<FunnelRow> variants;
    std::vector<FunnelRow> senders;
    std::vector<AbTest> ab_tests;
    std::array<std::int64_t, core::k_reply_classes.size()> reply_classes{}; // every reply in the period, by class
    std::vector<ReplyLine> latest_replies;                                  // newest first
    std::vector<Day> days;                                                  // every day from the first to the last
    // The first and last day anything was sent on in the campaign and sender asked for, whatever the period: what
    // a report whose period holds nothing points to. Unset when nothing was ever sent.
    std::optional<std::pair<std::string, std::string>> sent_days;
};

// Throws core::UserError for a campaign or sender the database does not know.
ReplyReport build_reply_report(store::Database& database, const ReplyReportOptions& options);

} // namespace campaign::report
