// How the mock transport's simulated prospects behave: how often and how soon they accept, reply or opt out, and how
// often a send fails for a moment. A campaign's `mock:` section or a model file sets it; overrides apply by tag or
// field, so that founders can accept more often than VPs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/error.hpp"
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

struct MockModel {
    OutcomeRates base;                   // every rate set, defaults filled in
    std::vector<MockOverride> overrides; // the first that matches a prospect wins
};

// Rates that make a plausible campaign when a file says nothing.
OutcomeRates default_outcome_rates();

} // namespace campaign::core
