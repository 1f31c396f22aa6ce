// The SSI-impact report: did a sender's activity move their Social Selling Index, which activity, which pillar,
// after how many days, and how sure can we be. Each activity's daily count is set against each pillar's daily change
// (never levels against cumulative counts, which correlate spuriously) at lags of 0 to max_lag days: Spearman and
// Pearson correlations with Benjamini-Hochberg q-values over every test of the report; from 90 days a distributed-lag
// regression with Newey-West errors, and from 100 days Granger F-tests. Below 30 days it describes only, and says so.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/experiment.hpp"
#include "core/ssi.hpp"
#include "stats/correlation.hpp"
#include "stats/experiment.hpp"
#include "stats/regression.hpp"
#include "store/database.hpp"

namespace campaign::report {

// How the correlations are tested. Days are not independent: activity comes in bursts and pillars move smoothly, and
// a plain test of two autocorrelated series finds associations that are not there (docs/reports.md measures how
// often).
enum class SsiInference {
    // Each activity's series is fitted an autoregression, its order chosen by AIC, whose filter whitens it; the same
    // filter is applied to each pillar's changes, and the filtered series are correlated (Box and Jenkins'
    // prewhitening), with the test's n taken down to the pairs' effective number (Pyper and Peterman) for what
    // autocorrelation the filter leaves. Regressions take their errors as an autoregression (feasible GLS), and
    // Granger tests an order chosen by AIC.
    prewhitened,
    // The report as it was before, for comparison: the series as they are, a t-test with n - 2 degrees of freedom,
    // Newey-West's rule-of-thumb bandwidth and Granger tests of 7 days.
    plain,
};

// "prewhitened" or "plain", as --inference takes them.
std::string_view inference_name(SsiInference inference);
std::optional<SsiInference> parse_inference(std::string_view name);

struct SsiReportOptions {
    std::optional<std::string> sender;
    std::optional<core::Day> since; // inclusive
    std::optional<core::Day> until; // inclusive
    int max_lag = 14;
    bool weekday_adjust = true; // take day-of-week means out of both series before anything else
    double q_threshold = 0.1;   // what counts as an association worth a sentence
    SsiInference inference = SsiInference::prewhitened;
    // Keep each sender's snapshots and daily activity for what shows them day by day (the HTML page's charts, the
    // trend of JSON and CSV). Without, a sender keeps only their first and last snapshot once analysed, and the
    // report's memory is its rows'.
    bool daily_series = true;
};

// What the report needs before it tries each analysis: days with a snapshot.
constexpr std::size_t k_days_for_correlations = 30;
constexpr std::size_t k_days_for_regression = 90;
constexpr std::size_t k_days_for_granger = 100;
constexpr std::size_t k_regression_lags = 7;
constexpr std::size_t k_granger_lags = 7; // the plain report's fixed order
// The longest autoregression fitted to whiten an activity, and the longest past a Granger test chooses from: two
// weeks, and no more than a tenth of the days.
constexpr std::size_t k_longest_order = 14;
// A regression on an activity done on a handful of days rests on those days alone, and its errors with them.
constexpr std::size_t k_active_days_for_regression = 10;

struct MeasureTrend {
    core::Measure measure = core::Measure::total;
    double first = 0;
    double last = 0;
    double low = 0;
    double high = 0;
    std::size_t changes = 0;     // day-to-day changes measured (between consecutive days with snapshots)
    std::size_t unchanged = 0;   // of which zero
    std::size_t days_at_cap = 0; // a pillar at 25, where a gain cannot show
};

struct ActivityTotal {
    core::Activity activity = core::Activity::posts;
    std::int64_t total = 0;
    std::size_t active_days = 0;
};

struct SenderSsi {
    std::string sender;
    core::Day first{}; // the first and last day with a snapshot in the period
    core::Day last{};
    std::size_t snapshot_count = 0;
    // The period's snapshots by day; only the first and the last without SsiReportOptions::daily_series.
    std::vector<core::SsiSnapshot> snapshots;
    std::vector<MeasureTrend> trends;      // in the order of core::k_measures
    std::vector<ActivityTotal> activities; // those with any count in the period
    // activity_days[a][i]: the count of activities[a] on day first + i; empty without daily_series
    std::vector<std::vector<double>> activity_days;
    bool correlated = false; // enough days for each analysis
    bool regressed = false;
    bool granger = false;
    std::vector<std::string> notes; // why an analysis was left out, a pillar at its cap, ...

    std::size_t days() const { return static_cast<std::size_t>((last - first).count()) + 1; }
};

struct LaggedCorrelation {
    std::string sender;
    core::Measure measure = core::Measure::total;
    core::Activity activity = core::Activity::posts;
    int lag = 0;
    std::size_t whitening_order = 0; // the order of the autoregression that whitened the series; 0 in a plain report
    stats::Correlation pearson;
    stats::Correlation spearman;
    double pearson_q = 0;
    double spearman_q = 0;
};

struct LagRegression {
    std::string sender;
    core::Measure measure = core::Measure::total;
    core::Activity activity = core::Activity::posts;
    stats::DistributedLag model;
};

struct GrangerResult {
    std::string sender;
    core::Measure measure = core::Measure::total;
    core::Activity activity = core::Activity::posts;
    stats::GrangerTest test;
    double q = 0; // over the report's Granger tests
};

// A randomized experiment's result on one measure: each pair's on and off outcomes (the measure's mean daily change
// over the period's days, moved by the plan's lag), and the paired analysis of those measured so far.
struct ExperimentResult {
    std::size_t experiment = 0; // its index in SsiReport::experiments
    core::Measure measure = core::Measure::total;
    std::size_t pairs_planned = 0;
    std::optional<stats::PairedEffect> effect; // none until two pairs are measured
};

// A week's outcome needs this many of its seven daily changes measured; a day's, its one.
constexpr int k_changes_for_a_week = 4;

struct SsiReport {
    SsiReportOptions options;
    std::optional<std::string> rehearsal_of; // the live CRM's file name, when the database is its rehearsal
    // The first and last day with a snapshot of the senders asked for, whatever the period; unset without any.
    std::optional<std::pair<core::Day, core::Day>> recorded_days;
    std::vector<SenderSsi> senders;
    std::vector<LaggedCorrelation> correlations; // by sender, measure, activity and lag; defined ones only
    std::vector<std::size_t> significant;        // indices into correlations: Spearman q under the threshold, by q
    std::size_t undefined_correlations = 0;      // left out: a constant series at that lag
    std::vector<LagRegression> regressions;
    std::vector<GrangerResult> granger;
    std::vector<core::Experiment> experiments;        // the plans of the senders in the report, by sender and start
    std::vector<ExperimentResult> experiment_results; // by experiment, then measure
};

SsiReport build_ssi_report(store::Database& database, const SsiReportOptions& options);

// "accepted connections are followed by gains in Build relationships one day later (after prewhitening): Spearman
// 0.41 [0.22, 0.57], q = 0.004, n = 88 days, worth 71 independent ones"
std::string describe(const LaggedCorrelation& correlation, bool name_sender, SsiInference inference);

// "alice's experiment 'invites' (randomized, 6 of 6 pairs of weeks measured, connection requests on or off,
// outcomes 1 day later): on weeks raised Build relationships by +0.031 a day [+0.012, +0.050] against off weeks,
// p = 0.031 by the randomization test over all 64 assignments"
std::string describe(const ExperimentResult& result, const core::Experiment& experiment);

} // namespace campaign::report
