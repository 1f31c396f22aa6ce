#include "report/ssi_report.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <exception>
#include <functional>
#include <iterator>
#include <limits>
#include <mutex>
#include <thread>
#include <tuple>

#include "core/error.hpp"
#include "report/cells.hpp"
#include "stats/timeseries.hpp"
#include "store/experiment_store.hpp"
#include "store/rehearsal.hpp"
#include "store/ssi_store.hpp"

namespace campaign::report {

namespace {

constexpr double k_missing = std::numeric_limits<double>::quiet_NaN();

std::size_t index_of(core::Day first, core::Day day) {
    return static_cast<std::size_t>((day - first).count());
}

// The daily series of one sender over the period, a slot per day: NaN where no snapshot was taken.
struct DailySeries {
    std::vector<std::vector<double>> levels;  // by measure
    std::vector<std::vector<double>> changes; // by measure: day i minus day i-1, when both were measured
    std::vector<int> weekdays;
};

DailySeries series_of(const SenderSsi& sender) {
    DailySeries series;
    auto days = sender.days();
    series.levels.assign(core::k_measures.size(), std::vector<double>(days, k_missing));
    series.changes.assign(core::k_measures.size(), std::vector<double>(days, k_missing));
    for (const auto& snapshot : sender.snapshots) {
        for (auto measure : core::k_measures) {
            series.levels[static_cast<std::size_t>(measure)][index_of(sender.first, snapshot.day)] =
                snapshot.value(measure);
        }
    }
    for (std::size_t m = 0; m < core::k_measures.size(); ++m) {
        for (std::size_t i = 1; i < days; ++i) {
            // NaN unless both days were measured: nothing is interpolated. Rounded far below what a pillar shows,
            // so that two moves of +0.01 are the same change, a tie for Spearman, whatever the last bits say.
            series.changes[m][i] = std::round((series.levels[m][i] - series.levels[m][i - 1]) * 1e9) / 1e9;
        }
    }
    for (std::size_t i = 0; i < days; ++i) {
        series.weekdays.push_back(core::weekday_index(sender.first + std::chrono::days{static_cast<int>(i)}));
    }
    return series;
}

MeasureTrend trend_of(core::Measure measure, const std::vector<core::SsiSnapshot>& snapshots,
                      const std::vector<double>& changes) {
    MeasureTrend trend;
    trend.measure = measure;
    trend.first = snapshots.front().value(measure);
    trend.last = snapshots.back().value(measure);
    trend.low = trend.high = trend.first;
    for (const auto& snapshot : snapshots) {
        double value = snapshot.value(measure);
        trend.low = std::min(trend.low, value);
        trend.high = std::max(trend.high, value);
        if (measure != core::Measure::total && value >= core::k_pillar_cap) {
            ++trend.days_at_cap;
        }
    }
    for (double change : changes) {
        if (std::isfinite(change)) {
            ++trend.changes;
            // Pillars are shown to two decimals: a change under half a hundredth is no change.
            trend.unchanged += std::fabs(change) < 0.005 ? 1 : 0;
        }
    }
    return trend;
}

std::string plural(std::size_t count, const std::string& one, const std::string& many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Reads the sender's snapshots and activity, and describes them.
// A sender as read: what the report shows of them, and the daily series the analyses work on.
struct ReadSender {
    SenderSsi sender;
    DailySeries series;
};

std::optional<ReadSender> read_sender(store::SsiStore& ssi, const std::string& name, const SsiReportOptions& options) {
    SenderSsi sender;
    sender.sender = name;
    sender.snapshots = ssi.snapshots(name, options.since, options.until);
    if (sender.snapshots.empty()) {
        return std::nullopt;
    }
    sender.first = sender.snapshots.front().day;
    sender.last = sender.snapshots.back().day;
    sender.snapshot_count = sender.snapshots.size();
    auto days = sender.days();
    std::vector<std::vector<double>> counts(core::k_activity_count, std::vector<double>(days, 0.0));
    for (const auto& day : ssi.daily_activity(name, sender.first, sender.last)) {
        counts[static_cast<std::size_t>(day.activity)][index_of(sender.first, day.day)] +=
            static_cast<double>(day.count);
    }
    for (std::size_t a = 0; a < core::k_activity_count; ++a) {
        ActivityTotal total{static_cast<core::Activity>(a), 0, 0};
        for (double count : counts[a]) {
            total.total += static_cast<std::int64_t>(count);
            total.active_days += count > 0 ? 1 : 0;
        }
        if (total.total > 0) {
            sender.activities.push_back(total);
            sender.activity_days.push_back(std::move(counts[a]));
        }
    }
    auto series = series_of(sender);
    for (auto measure : core::k_measures) {
        sender.trends.push_back(trend_of(measure, sender.snapshots, series.changes[static_cast<std::size_t>(measure)]));
        const auto& trend = sender.trends.back();
        if (trend.days_at_cap > 0) {
            sender.notes.push_back(std::string(core::display_name(measure)) + " sits at 25 on " +
                                   plural(trend.days_at_cap, "day", "days") + " of " +
                                   std::to_string(sender.snapshots.size()) + " recorded" +
                                   ": a gain cannot show there, so its associations are understated");
        }
    }
    auto measured = sender.snapshots.size();
    // A change is only taken between consecutive recorded days: a weekly record has snapshots but no changes.
    auto changes = sender.trends.back().changes;
    sender.correlated = measured >= k_days_for_correlations && changes + 1 >= k_days_for_correlations;
    sender.regressed = sender.correlated && measured >= k_days_for_regression;
    sender.granger = sender.correlated && measured >= k_days_for_granger;
    if (measured < k_days_for_correlations) {
        sender.notes.push_back(plural(measured, "day", "days") + " of SSI: correlations need at least " +
                               std::to_string(k_days_for_correlations) +
                               " days of snapshots to say anything, so this shows the trend only");
    } else if (!sender.correlated) {
        sender.notes.push_back("only " + plural(changes, "day-to-day change", "day-to-day changes") + " in " +
                               std::to_string(measured) +
                               " days of SSI: a change is only taken between consecutive recorded days, and "
                               "correlations need " +
                               std::to_string(k_days_for_correlations - 1) + ", so this shows the trend only");
    } else if (!sender.regressed) {
        sender.notes.push_back("the distributed-lag regression needs " + std::to_string(k_days_for_regression) +
                               " days of snapshots, and Granger tests " + std::to_string(k_days_for_granger) + "; " +
                               plural(measured, "day", "days") + " so far");
    } else if (!sender.granger) {
        sender.notes.push_back("Granger tests need " + std::to_string(k_days_for_granger) + " days of snapshots; " +
                               plural(measured, "day", "days") + " so far");
    }
    if (sender.regressed) {
        std::string sparse;
        for (const auto& activity : sender.activities) {
            if (activity.active_days < k_active_days_for_regression) {
                sparse += (sparse.empty() ? "" : ", ") + std::string(core::to_string(activity.activity));
            }
        }
        if (!sparse.empty()) {
            sender.notes.push_back("no regression for activities done on fewer than " +
                                   std::to_string(k_active_days_for_regression) + " days (" + sparse +
                                   "): their estimates would rest on those few days alone");
        }
    }
    if (sender.activities.empty()) {
        sender.notes.push_back("no activity was recorded in the period: nothing to set against the SSI");
    }
    return ReadSender{std::move(sender), std::move(series)};
}

// The days t of lag k's pairs: the activity on day t against the change from day t+k-1 to day t+k, where both are
// known. A snapshot holds every measure, so the days are the same for all of them.
std::vector<std::size_t> pair_days(const std::vector<double>& activity, const std::vector<double>& changes, int lag) {
    std::vector<std::size_t> days;
    auto k = static_cast<std::size_t>(lag);
    for (std::size_t t = 0; t + k < changes.size(); ++t) {
        if (std::isfinite(activity[t]) && std::isfinite(changes[t + k])) {
            days.push_back(t);
        }
    }
    return days;
}

std::vector<double> values_on(const std::vector<double>& series, const std::vector<std::size_t>& days,
                              std::size_t shift) {
    std::vector<double> values;
    values.reserve(days.size());
    for (auto t : days) {
        values.push_back(series[t + shift]);
    }
    return values;
}

bool varies(const std::vector<double>& values) {
    return std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end();
}

std::vector<double> known_values(const std::vector<double>& series) {
    std::vector<double> values;
    std::copy_if(series.begin(), series.end(), std::back_inserter(values), [](double v) { return std::isfinite(v); });
    return values;
}

// The series of a sender: as recorded, and as analysed (weekday means out, or the same).
struct AnalysedSeries {
    std::vector<std::vector<double>> activities; // by the sender's activities
    std::vector<std::vector<double>> changes;    // by measure
    std::vector<std::vector<double>> raw_activities;
    std::vector<std::vector<double>> raw_changes;
};

// A series as it is correlated, with the autocorrelations of its values and of their ranks over its known days (the
// days of a lag's pairs differ from them by a few at the ends), for the pairs' effective number, and its values in
// rank order for each lag's Spearman.
struct TestedSeries {
    std::vector<double> values;
    std::vector<double> value_autocorrelations;
    std::vector<double> rank_autocorrelations;
    stats::RankOrder order;
};

TestedSeries tested_series(std::vector<double> values, bool autocorrelated) {
    stats::RankOrder order(values);
    TestedSeries series{std::move(values), {}, {}, std::move(order)};
    if (autocorrelated) {
        auto known = known_values(series.values);
        series.value_autocorrelations = stats::autocorrelations(known, known.size() / 5);
        series.rank_autocorrelations = stats::autocorrelations(stats::average_ranks(known), known.size() / 5);
    }
    return series;
}

// One activity and every measure's changes as they are correlated: prewhitened by the activity's autoregression, or
// as analysed.
struct ActivityTests {
    std::size_t order = 0;
    TestedSeries activity;
    std::vector<TestedSeries> changes; // by measure
};

ActivityTests activity_tests(const AnalysedSeries& series, std::size_t a, SsiInference inference) {
    ActivityTests tests;
    bool prewhiten = inference == SsiInference::prewhitened;
    std::optional<stats::Autoregression> model;
    if (prewhiten) {
        const auto& activity = series.activities[a];
        model = stats::select_autoregression(activity, std::min(k_longest_order, activity.size() / 10));
    }
    auto filtered = [&](const std::vector<double>& values) {
        return model ? stats::ar_filter(values, *model) : values;
    };
    tests.order = model ? model->order : 0;
    tests.activity = tested_series(filtered(series.activities[a]), prewhiten);
    for (const auto& changes : series.changes) {
        tests.changes.push_back(tested_series(filtered(changes), prewhiten));
    }
    return tests;
}

void correlate(const SenderSsi& sender, const AnalysedSeries& series, const SsiReportOptions& options,
               SsiReport& report) {
    std::vector<LaggedCorrelation> found;
    bool effective = options.inference == SsiInference::prewhitened;
    for (std::size_t a = 0; a < series.activities.size(); ++a) {
        auto tests = activity_tests(series, a, options.inference);
        const auto& activity = tests.activity;
        for (int lag = 0; lag <= options.max_lag; ++lag) {
            auto days = pair_days(activity.values, tests.changes.front().values, lag);
            auto shift = static_cast<std::size_t>(lag);
            std::vector<std::size_t> shifted(days.size());
            std::transform(days.begin(), days.end(), shifted.begin(), [shift](std::size_t t) { return t + shift; });
            auto x = values_on(activity.values, days, 0);
            auto x_ranks = activity.order.ranks(days);
            // A series that does not vary over the paired days as recorded (an activity done on none of them) has no
            // correlation, even when taking out its weekday means or filtering it leaves a pattern.
            bool activity_varies = varies(values_on(series.raw_activities[a], days, 0));
            for (auto measure : core::k_measures) {
                auto m = static_cast<std::size_t>(measure);
                const auto& change = tests.changes[m];
                if (!activity_varies || !varies(values_on(series.raw_changes[m], days, shift))) {
                    ++report.undefined_correlations;
                    continue;
                }
                auto y = values_on(change.values, days, shift);
                LaggedCorrelation correlation{sender.sender,
                                              measure,
                                              sender.activities[a].activity,
                                              lag,
                                              tests.order,
                                              stats::pearson(x, y),
                                              stats::pearson(x_ranks, change.order.ranks(shifted)),
                                              0,
                                              0};
                if (std::isnan(correlation.pearson.r) || std::isnan(correlation.spearman.r)) {
                    ++report.undefined_correlations;
                    continue;
                }
                if (effective) {
                    auto n = days.size();
                    correlation.pearson =
                        stats::tested_as(correlation.pearson, stats::effective_pairs(activity.value_autocorrelations,
                                                                                     change.value_autocorrelations, n));
                    correlation.spearman =
                        stats::tested_as(correlation.spearman, stats::effective_pairs(activity.rank_autocorrelations,
                                                                                      change.rank_autocorrelations, n));
                }
                found.push_back(std::move(correlation));
            }
        }
    }
    // In the report's order: by measure, then activity, then lag.
    std::stable_sort(found.begin(), found.end(), [](const LaggedCorrelation& left, const LaggedCorrelation& right) {
        return std::tie(left.measure, left.activity) < std::tie(right.measure, right.activity);
    });
    report.correlations.insert(report.correlations.end(), std::make_move_iterator(found.begin()),
                               std::make_move_iterator(found.end()));
}

std::optional<stats::GrangerTest> granger(const std::vector<double>& change, const std::vector<double>& activity,
                                          SsiInference inference) {
    if (inference == SsiInference::plain) {
        return stats::granger_test(change, activity, k_granger_lags);
    }
    auto order = stats::select_var_order(change, activity, std::min(k_longest_order, change.size() / 10));
    return order ? stats::granger_test(change, activity, *order) : std::nullopt;
}

void analyse(const SenderSsi& sender, const DailySeries& daily, const SsiReportOptions& options, SsiReport& report) {
    auto adjusted = [&](const std::vector<double>& values) {
        return options.weekday_adjust ? stats::remove_group_means(values, daily.weekdays) : values;
    };
    AnalysedSeries series{{}, {}, sender.activity_days, daily.changes};
    for (const auto& days : series.raw_activities) {
        series.activities.push_back(adjusted(days));
    }
    for (const auto& measure : series.raw_changes) {
        series.changes.push_back(adjusted(measure));
    }
    const auto& activities = series.activities;
    if (sender.correlated && !activities.empty()) {
        correlate(sender, series, options, report);
    }
    auto bandwidth =
        options.inference == SsiInference::plain ? stats::HacBandwidth::rule_of_thumb : stats::HacBandwidth::andrews;
    auto errors =
        options.inference == SsiInference::plain ? stats::LagErrors::independent : stats::LagErrors::autoregressive;
    for (auto measure : core::k_measures) {
        const auto& change = series.changes[static_cast<std::size_t>(measure)];
        for (std::size_t a = 0; a < activities.size(); ++a) {
            auto activity = sender.activities[a].activity;
            bool regular = sender.activities[a].active_days >= k_active_days_for_regression;
            if (sender.regressed && regular) {
                if (auto model =
                        stats::distributed_lag(change, activities[a], k_regression_lags, 0.95, bandwidth, errors)) {
                    report.regressions.push_back({sender.sender, measure, activity, std::move(*model)});
                }
            }
            if (sender.granger && regular) {
                if (auto test = granger(change, activities[a], options.inference)) {
                    report.granger.push_back({sender.sender, measure, activity, *test, 0});
                }
            }
        }
    }
}

// The mean of a measure's daily changes over a period's days moved by the lag; none with too few measured.
std::optional<double> period_outcome(const SenderSsi& sender, const std::vector<double>& changes,
                                     const core::ExperimentPeriod& period, int lag_days) {
    double sum = 0;
    int measured = 0;
    for (int i = 0; i < period.days; ++i) {
        auto day = period.first + std::chrono::days{i + lag_days};
        if (day < sender.first || day > sender.last) {
            continue;
        }
        double change = changes[index_of(sender.first, day)];
        if (std::isfinite(change)) {
            sum += change;
            ++measured;
        }
    }
    int needed = period.days == 1 ? 1 : k_changes_for_a_week;
    if (measured < needed) {
        return std::nullopt;
    }
    return sum / measured;
}

void analyse_experiments(const SenderSsi& sender, const DailySeries& daily, std::size_t first, std::size_t last,
                         SsiReport& report) {
    for (std::size_t e = first; e < last; ++e) {
        const auto& experiment = report.experiments[e];
        std::size_t pairs = 0;
        for (const auto& period : experiment.periods) {
            pairs = std::max(pairs, static_cast<std::size_t>(period.pair) + 1);
        }
        for (auto measure : core::k_measures) {
            const auto& changes = daily.changes[static_cast<std::size_t>(measure)];
            std::vector<std::optional<double>> on(pairs);
            std::vector<std::optional<double>> off(pairs);
            for (const auto& period : experiment.periods) {
                auto& slot = period.on ? on : off;
                slot[static_cast<std::size_t>(period.pair)] =
                    period_outcome(sender, changes, period, experiment.lag_days);
            }
            std::vector<double> on_measured;
            std::vector<double> off_measured;
            for (std::size_t pair = 0; pair < pairs; ++pair) {
                if (on[pair] && off[pair]) {
                    on_measured.push_back(*on[pair]);
                    off_measured.push_back(*off[pair]);
                }
            }
            report.experiment_results.push_back(
                {e, measure, pairs, stats::paired_randomization(on_measured, off_measured, 0.95, experiment.seed)});
        }
    }
}

// One sender's part of the report: what it shows of them, and the rows of their analyses and experiments (the results
// numbering the sender's own experiments from 0). No sender when they have no snapshot in the period.
struct SenderPart {
    std::optional<SenderSsi> sender;
    SsiReport rows;
};

SenderPart report_sender(store::Database& database, std::mutex& turn, const std::string& name,
                         const SsiReportOptions& options) {
    SenderPart part;
    part.rows.options = options;
    std::optional<ReadSender> read;
    {
        // The connection serves one thread at a time: its statements are made, run and finalized in this turn.
        std::lock_guard lock(turn);
        store::SsiStore ssi(database);
        read = read_sender(ssi, name, options);
        if (read) {
            part.rows.experiments = store::ExperimentStore(database).list(name);
        }
    }
    if (!read) {
        return part;
    }
    analyse(read->sender, read->series, options, part.rows);
    analyse_experiments(read->sender, read->series, 0, part.rows.experiments.size(), part.rows);
    if (!options.daily_series) {
        auto& snapshots = read->sender.snapshots;
        if (snapshots.size() > 2) {
            snapshots = std::vector<core::SsiSnapshot>{snapshots.front(), snapshots.back()}; // and the memory
        }
        read->sender.activity_days = {};
    }
    part.sender = std::move(read->sender);
    return part;
}

// Senders are independent: each core reads and analyses the next sender no other has taken, reading in turns on the
// one connection (inside the caller's snapshot), and only the sender's rows are kept once it is analysed, not its
// daily series. The parts come back in the order of the names, so the report is the same on any number of cores.
std::vector<SenderPart> report_senders(store::Database& database, const std::vector<std::string>& names,
                                       const SsiReportOptions& options) {
    std::vector<SenderPart> parts(names.size());
    std::atomic<std::size_t> next{0};
    std::mutex turn;
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto work = [&] {
        for (std::size_t i = next++; i < names.size(); i = next++) {
            try {
                parts[i] = report_sender(database, turn, names[i], options);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) {
                    failure = std::current_exception();
                }
                next = names.size();
            }
        }
    };
    auto cores =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(names.size(), 1));
    {
        std::vector<std::jthread> helpers;
        for (std::size_t c = 1; c < cores; ++c) {
            helpers.emplace_back(work);
        }
        work();
    } // the helpers are joined here
    if (failure) {
        std::rethrow_exception(failure);
    }
    return parts;
}

template <typename Row, typename Get, typename Set>
void adjust_p_values(std::vector<Row>& rows, Get get, Set set) {
    std::vector<double> p_values;
    for (const auto& row : rows) {
        p_values.push_back(get(row));
    }
    auto q_values = stats::benjamini_hochberg(p_values);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        set(rows[i], q_values[i]);
    }
}

std::string lag_phrase(int lag) {
    if (lag == 0) {
        return "on the same day";
    }
    return lag == 1 ? "one day later" : std::to_string(lag) + " days later";
}

} // namespace

std::string_view inference_name(SsiInference inference) {
    return inference == SsiInference::plain ? "plain" : "prewhitened";
}

std::optional<SsiInference> parse_inference(std::string_view name) {
    if (name == "prewhitened") {
        return SsiInference::prewhitened;
    }
    if (name == "plain") {
        return SsiInference::plain;
    }
    return std::nullopt;
}

std::string describe(const LaggedCorrelation& correlation, bool name_sender, SsiInference inference) {
    const auto& rho = correlation.spearman;
    std::string text = name_sender ? correlation.sender + ": " : "";
    text += std::string(core::plural_noun(correlation.activity)) + " are followed by " +
            (rho.r > 0 ? "gains" : "drops") + " in " + std::string(core::display_name(correlation.measure)) + " " +
            lag_phrase(correlation.lag) +
            (inference == SsiInference::prewhitened ? " (after prewhitening)" : " (plain test)") + ": Spearman " +
            fixed(rho.r, 2);
    if (rho.interval) {
        text += " [" + fixed(rho.interval->low, 2) + ", " + fixed(rho.interval->high, 2) + "]";
    }
    double q = correlation.spearman_q;
    text += ", q " + (q < 0.001 ? std::string("< 0.001") : "= " + fixed(q, q < 0.01 ? 3 : 2)) +
            ", n = " + std::to_string(rho.n) + " days";
    // Autocorrelation left after the filter makes the days worth fewer independent pairs.
    auto worth = static_cast<std::size_t>(std::floor(rho.tested_n));
    if (rho.tested_n > 0 && worth < rho.n) {
        text += ", worth " + std::to_string(worth) + " independent ones";
    }
    return text;
}

std::string describe(const ExperimentResult& result, const core::Experiment& experiment) {
    bool weeks = experiment.unit == core::ExperimentUnit::week;
    std::string periods = weeks ? "weeks" : "days";
    std::string text = experiment.sender + "'s experiment '" + experiment.name + "' (randomized over " +
                       std::to_string(experiment.weeks) + " weeks, ";
    if (!result.effect) {
        return text + "fewer than 2 of its " + std::to_string(result.pairs_planned) + " pairs of " + periods +
               " measured): nothing to say of " + std::string(core::display_name(result.measure)) + " yet";
    }
    const auto& effect = *result.effect;
    text += std::to_string(effect.pairs) + " of " + std::to_string(result.pairs_planned) + " pairs of " + periods +
            " measured, " + std::string(core::plural_noun(experiment.activity)) + " on or off, outcomes " +
            (experiment.lag_days == 0
                 ? "the same day"
                 : std::to_string(experiment.lag_days) + (experiment.lag_days == 1 ? " day later" : " days later")) +
            "): ";
    auto amount = [](double value) { return (value > 0 ? "+" : "") + fixed(value, 3); };
    std::string numbers = amount(effect.difference) + " a day [" + amount(effect.interval.low) + ", " +
                          amount(effect.interval.high) + "]";
    std::string test = (effect.p_value < 0.001 ? std::string("p < 0.001") : "p = " + fixed(effect.p_value, 3)) +
                       " by the randomization test " +
                       (effect.exact ? "over all " + std::to_string(effect.assignments) + " assignments"
                                     : "over " + std::to_string(effect.assignments) + " drawn assignments");
    auto pillar = std::string(core::display_name(result.measure));
    if (effect.p_value < 0.05) {
        return text + "on " + periods + " " + (effect.difference > 0 ? "raised " : "lowered ") + pillar + " by " +
               numbers + " against off " + periods + ", " + test;
    }
    return text + "on and off " + periods + " differ in " + pillar + " by " + numbers +
           ", which chance explains: " + test;
}

SsiReport build_ssi_report(store::Database& database, const SsiReportOptions& options) {
    SsiReport report;
    report.options = options;
    if (auto origin = store::rehearsal_origin(database)) {
        report.rehearsal_of = origin->copied_from.filename().string();
    }
    store::ReadSnapshot snapshot(database);
    store::SsiStore ssi(database);
    std::vector<std::string> names;
    if (options.sender) {
        if (!ssi.has_sender(*options.sender)) {
            throw core::UserError("error: no sender '" + *options.sender + "' in the database");
        }
        names.push_back(*options.sender);
    } else {
        for (const auto& sender : ssi.senders()) {
            names.push_back(sender.name);
        }
    }
    for (const auto& sender : ssi.senders()) {
        if (std::find(names.begin(), names.end(), sender.name) == names.end()) {
            continue;
        }
        auto& days = report.recorded_days;
        days = days ? std::pair{std::min(days->first, sender.first), std::max(days->second, sender.last)}
                    : std::pair{sender.first, sender.last};
    }
    for (auto& part : report_senders(database, names, options)) {
        if (!part.sender) {
            continue;
        }
        // Each sender's experiments follow each other in report.experiments, in the order of the senders.
        auto first_experiment = report.experiments.size();
        for (auto& result : part.rows.experiment_results) {
            result.experiment += first_experiment;
            report.experiment_results.push_back(std::move(result));
        }
        auto move_all = [](auto& from, auto& to) {
            to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
        };
        move_all(part.rows.experiments, report.experiments);
        move_all(part.rows.correlations, report.correlations);
        move_all(part.rows.regressions, report.regressions);
        move_all(part.rows.granger, report.granger);
        report.undefined_correlations += part.rows.undefined_correlations;
        report.senders.push_back(std::move(*part.sender));
    }
    adjust_p_values(
        report.correlations, [](const LaggedCorrelation& row) { return row.spearman.p_value; },
        [](LaggedCorrelation& row, double q) { row.spearman_q = q; });
    adjust_p_values(
        report.correlations, [](const LaggedCorrelation& row) { return row.pearson.p_value; },
        [](LaggedCorrelation& row, double q) { row.pearson_q = q; });
    adjust_p_values(
        report.granger, [](const GrangerResult& row) { return row.test.p_value; },
        [](GrangerResult& row, double q) { row.q = q; });
    for (std::size_t i = 0; i < report.correlations.size(); ++i) {
        if (report.correlations[i].spearman_q < options.q_threshold) {
            report.significant.push_back(i);
        }
    }
    std::stable_sort(report.significant.begin(), report.significant.end(), [&report](std::size_t a, std::size_t b) {
        const auto& left = report.correlations[a];
        const auto& right = report.correlations[b];
        if (left.spearman_q != right.spearman_q) {
            return left.spearman_q < right.spearman_q;
        }
        return std::fabs(left.spearman.r) > std::fabs(right.spearman.r);
    });
    return report;
}

} // namespace campaign::report
