// A randomized activity experiment for one sender: the only way to tell whether an activity moves a pillar, rather
// than a good week moving both. The plan pairs periods (two weeks, or the same weekday of two weeks); in each pair
// one period is "on" (do the activity: post, or let campaigns send) and the other "off" (do none of it), by a coin
// of the plan's seed. Pairing keeps the plan balanced by weekday and by season, and the coins are the whole of the
// randomization, so a test that flips them (docs/reports.md) is exact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/ssi.hpp"
#include "core/time.hpp"

namespace campaign::core {

enum class ExperimentUnit {
    week, // pairs of consecutive weeks: one on, one off
    day,  // in each two weeks, each weekday's two days: one on, one off
};

std::string_view to_string(ExperimentUnit unit);
std::optional<ExperimentUnit> parse_experiment_unit(std::string_view text);

struct ExperimentPeriod {
    Day first{};
    int days = 0;
    int pair = 0; // periods of a pair share it; pairs count from 0
    bool on = false;

    Day last() const { return first + std::chrono::days{days - 1}; }
};

struct Experiment {
    std::string name;
    std::string sender;
    Activity activity = Activity::posts;
    ExperimentUnit unit = ExperimentUnit::week;
    Day start{};
    int weeks = 0; // even: the plan is made of two-week blocks
    std::uint64_t seed = 1;
    // The days an effect takes to show: each period's outcome is the pillar's change over its days moved this much
    // later.
    int lag_days = 1;
    std::vector<ExperimentPeriod> periods; // by day

    Day end() const { return start + std::chrono::days{7 * weeks - 1}; }
    // Whether the activity is on, off, or outside the plan on a day.
    std::optional<bool> on(Day day) const;
};

// The plan's periods, drawn from its seed: the same on every machine. Throws std::invalid_argument when weeks is not
// a positive even number.
std::vector<ExperimentPeriod> plan_periods(ExperimentUnit unit, Day start, int weeks, std::uint64_t seed);

// The campaign action types that make up an activity, which a campaign following the plan holds back on off days:
// connection requests, messages (and InMails), profile views, follows, likes, endorsements. None for posts and
// comments, which only the sender does.
std::vector<ActionType> action_types_of(Activity activity);

} // namespace campaign::core
