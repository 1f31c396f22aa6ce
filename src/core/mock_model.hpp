// How the mock transport's simulated prospects behave: how often and how soon they accept, reply or opt out, and how
// often a send fails for a moment. A campaign's `mock:` section or a model file sets it; overrides apply by tag or
// field, so that founders can accept more often than VPs. Its `ssi:` part simulates each sender's daily SSI, with
// effects of activity on pillars that are known, so that the SSI report can be checked against the truth.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/error.hpp"
#include "core/ssi.hpp"
#include "core/time.hpp"

namespace campaign::core {

struct OutcomeRates {
    std::optional<double> accept;         // a connection request is accepted
    std::optional<Duration> accept_delay; // mean wait before the acceptance
    std::optional<double> reply;          // a message or InMail is answered
    std::optional<Duration> reply_delay;  // mean wait before the reply
    std::optional<double> opt_out;        // share of replies that ask to stop
    std::optional<double> failure;        // a send fails for a moment and is retried
};

struct MockOverride {
    std::vector<std::string> tags;  // the prospect has all of them
    std::vector<FieldFilter> where; // and every filter holds
    OutcomeRates rates;             // what it sets; the rest comes from the base rates
    SourceLocation location;
};

// Each unit of `activity` on a day adds `per` to `pillar` `lag` days later.
struct SsiEffect {
    Activity activity = Activity::connections_accepted;
    Measure pillar = Measure::relationships;
    double per = 0;
    int lag_days = 0;
    SourceLocation location;
};

// A pillar's change on a day is its drift and a normal draw of sd `noise`, except on a quiet day (probability
// `quiet_days`), when LinkedIn's pillar stays as it was but for the effects of activity; then it is held within 0..25
// and shown to two decimals.
struct SsiModel {
    std::array<double, 4> start{15, 12, 10, 14}; // the pillars before the first simulated day
    std::array<double, 4> drift{};               // mean change per day
    double noise = 0.05;
    double quiet_days = 0.6;
    std::vector<SsiEffect> effects;
};

struct MockModel {
    OutcomeRates base;                   // every rate set, defaults filled in
    std::vector<MockOverride> overrides; // the first that matches a prospect wins
    std::optional<SsiModel> ssi;         // no SSI is simulated without it
};

// Rates that make a plausible campaign when a file says nothing.
OutcomeRates default_outcome_rates();

} // namespace campaign::core
