#include "core/experiment.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/stable_hash.hpp"

namespace campaign::core {

std::string_view to_string(ExperimentUnit unit) {
    return unit == ExperimentUnit::day ? "day" : "week";
}

std::optional<ExperimentUnit> parse_experiment_unit(std::string_view text) {
    if (text == "week") {
        return ExperimentUnit::week;
    }
    if (text == "day") {
        return ExperimentUnit::day;
    }
    return std::nullopt;
}

std::optional<bool> Experiment::on(Day day) const {
    for (const auto& period : periods) {
        if (period.first <= day && day <= period.last()) {
            return period.on;
        }
    }
    return std::nullopt;
}

std::vector<ExperimentPeriod> plan_periods(ExperimentUnit unit, Day start, int weeks, std::uint64_t seed) {
    if (weeks <= 0 || weeks % 2 != 0) {
        throw std::invalid_argument("an experiment runs for an even number of weeks, in pairs of weeks");
    }
    auto seed_text = std::to_string(seed);
    auto coin = [&](int pair) {
        return unit_interval(stable_hash({"experiment", seed_text, std::to_string(pair)})) < 0.5;
    };
    std::vector<ExperimentPeriod> periods;
    for (int block = 0; block < weeks / 2; ++block) {
        auto block_start = start + std::chrono::days{14 * block};
        if (unit == ExperimentUnit::week) {
            bool first_on = coin(block);
            periods.push_back({block_start, 7, block, first_on});
            periods.push_back({block_start + std::chrono::days{7}, 7, block, !first_on});
            continue;
        }
        for (int weekday = 0; weekday < 7; ++weekday) {
            int pair = 7 * block + weekday;
            bool first_on = coin(pair);
            periods.push_back({block_start + std::chrono::days{weekday}, 1, pair, first_on});
            periods.push_back({block_start + std::chrono::days{7 + weekday}, 1, pair, !first_on});
        }
    }
    std::sort(periods.begin(), periods.end(),
              [](const ExperimentPeriod& left, const ExperimentPeriod& right) { return left.first < right.first; });
    return periods;
}

std::vector<ActionType> action_types_of(Activity activity) {
    switch (activity) {
    case Activity::connection_requests:
        return {ActionType::connect};
    case Activity::messages_sent:
        return {ActionType::message, ActionType::inmail};
    case Activity::profile_views:
        return {ActionType::view_profile};
    case Activity::follows:
        return {ActionType::follow};
    case Activity::likes:
        return {ActionType::like_post};
    case Activity::endorsements:
        return {ActionType::endorse};
    default:
        return {};
    }
}

} // namespace campaign::core
