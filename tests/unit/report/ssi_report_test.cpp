// The SSI-impact report on hand-built databases: each correlation is worked out again from the days themselves (the
// pairs of each lag, the gaps, the weekday means), the analyses start at the numbers of days they need, q-values run
// over the whole report, and every format says the same without a NaN.
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "report/ssi_render.hpp"
#include "report/ssi_report.hpp"
#include "stats/correlation.hpp"
#include "stats/regression.hpp"
#include "stats/timeseries.hpp"
#include "unit/report/ssi_fixture.hpp"

using namespace campaign;
using core::Activity;
using core::Measure;
using report::LaggedCorrelation;
using report::SsiInference;
using report::SsiReport;
using report::SsiReportOptions;
using std::chrono::days;
using test::planted_history;
using test::SsiDatabase;
using test::SsiHistory;

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::array<Activity, 3> k_planted{Activity::connections_accepted, Activity::posts, Activity::comments};

// The series as recorded and the plain tests: what the tests below compute by hand from the days.
SsiReportOptions unadjusted() {
    SsiReportOptions options;
    options.weekday_adjust = false;
    options.inference = SsiInference::plain;
    return options;
}

SsiReportOptions plain_tests() {
    SsiReportOptions options;
    options.inference = SsiInference::plain;
    return options;
}

const LaggedCorrelation* find(const SsiReport& report, const std::string& sender, Measure measure, Activity activity,
                              int lag) {
    for (const auto& row : report.correlations) {
        if (row.sender == sender && row.measure == measure && row.activity == activity && row.lag == lag) {
            return &row;
        }
    }
    return nullptr;
}

const report::SenderSsi& sender_of(const SsiReport& report, const std::string& name) {
    for (const auto& sender : report.senders) {
        if (sender.sender == name) {
            return sender;
        }
    }
    throw std::logic_error("no sender " + name + " in the report");
}

struct Pairs {
    std::vector<double> x;
    std::vector<double> y;
};

// Day by day: the activity on day t against the change from day t+k-1 to day t+k, where both days were recorded.
Pairs pairs_by_hand(const SsiHistory& history, Measure measure, Activity activity, int lag) {
    Pairs pairs;
    auto first = history.levels.begin()->first;
    auto last = history.levels.rbegin()->first;
    for (auto t = first; t + days{lag} <= last; t += days{1}) {
        auto before = history.level(t + days{lag - 1}, measure);
        auto after = history.level(t + days{lag}, measure);
        if (before && after) {
            pairs.x.push_back(static_cast<double>(history.count(t, activity)));
            pairs.y.push_back(*after - *before);
        }
    }
    return pairs;
}

// The daily series of the period, a slot a day: the activity's counts and the measure's changes (NaN across a gap).
struct DailySeries {
    std::vector<double> activity;
    std::vector<double> changes;
    std::vector<int> weekdays;
};

DailySeries daily_series(const SsiHistory& history, Measure measure, Activity activity) {
    DailySeries series;
    auto first = history.levels.begin()->first;
    auto last = history.levels.rbegin()->first;
    for (auto day = first; day <= last; day += days{1}) {
        series.activity.push_back(static_cast<double>(history.count(day, activity)));
        auto before = history.level(day - days{1}, measure);
        auto after = history.level(day, measure);
        series.changes.push_back(day > first && before && after ? *after - *before : k_nan);
        series.weekdays.push_back(core::weekday_index(day));
    }
    return series;
}

DailySeries weekday_adjusted(DailySeries series) {
    series.activity = stats::remove_group_means(series.activity, series.weekdays);
    series.changes = stats::remove_group_means(series.changes, series.weekdays);
    return series;
}

Pairs pairs_of(const DailySeries& series, int lag) {
    Pairs pairs;
    auto k = static_cast<std::size_t>(lag);
    for (std::size_t t = 0; t + k < series.changes.size(); ++t) {
        if (!std::isnan(series.changes[t + k])) {
            pairs.x.push_back(series.activity[t]);
            pairs.y.push_back(series.changes[t + k]);
        }
    }
    return pairs;
}

void check_same(const stats::Correlation& found, const stats::Correlation& expected) {
    CHECK(found.n == expected.n);
    CHECK(found.r == expected.r);
    CHECK(found.p_value == expected.p_value);
    REQUIRE(found.interval.has_value() == expected.interval.has_value());
    if (expected.interval) {
        CHECK(found.interval->low == expected.interval->low);
        CHECK(found.interval->high == expected.interval->high);
    }
}

void check_correlation(const LaggedCorrelation& row, const Pairs& pairs) {
    check_same(row.spearman, stats::spearman(pairs.x, pairs.y));
    check_same(row.pearson, stats::pearson(pairs.x, pairs.y));
}

// Alice: 120 days recorded; bob: 120 days with day 40 and days 77-78 missing.
struct TwoSenders {
    SsiDatabase database;
    SsiHistory alice = planted_history("alice", 120, 1);
    SsiHistory bob = planted_history("bob", 120, 2, {40, 77, 78});

    TwoSenders() {
        database.add(alice);
        database.add(bob);
    }
};

std::string two_decimals(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

// "q = 0.004", "q = 0.05", "q < 0.001", as the report's sentences write q.
std::string q_text(double q) {
    if (q < 0.001) {
        return "q < 0.001";
    }
    char text[32];
    std::snprintf(text, sizeof text, q < 0.01 ? "q = %.3f" : "q = %.2f", q);
    return text;
}

std::string render(const SsiReport& report, std::string_view format,
                   report::SsiSection section = report::SsiSection::all) {
    std::ostringstream out;
    if (format == "table") {
        report::write_ssi_table(out, report, section);
    } else if (format == "md") {
        report::write_ssi_markdown(out, report, section);
    } else if (format == "json") {
        report::write_ssi_json(out, report, section);
    } else if (format == "csv") {
        report::write_ssi_csv(out, report, section);
    } else {
        report::write_ssi_html(out, report);
    }
    return out.str();
}

bool has_no_undefined_number(const std::string& text) {
    static const std::regex k_undefined(R"(\b(nan|inf|infinity)\b)", std::regex::icase);
    return !std::regex_search(text, k_undefined);
}

std::size_t line_count(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::vector<std::string> keys_of(const nlohmann::json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) {
        keys.push_back(item.key());
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

using Keys = std::vector<std::string>;

} // namespace

TEST_CASE("at lag k the report pairs the activity on day t with the change from day t+k-1 to t+k", "[report]") {
    TwoSenders fixture;
    auto report = fixture.database.build(unadjusted());
    REQUIRE(report.senders.size() == 2);
    for (const auto* history : {&fixture.alice, &fixture.bob}) {
        for (auto measure : {Measure::brand, Measure::insights, Measure::relationships, Measure::total}) {
            for (auto activity : k_planted) {
                for (int lag = 0; lag <= 14; ++lag) {
                    INFO(history->sender << " " << core::to_string(measure) << " " << core::to_string(activity)
                                         << " lag " << lag);
                    const auto* row = find(report, history->sender, measure, activity, lag);
                    REQUIRE(row);
                    check_correlation(*row, pairs_by_hand(*history, measure, activity, lag));
                }
            }
        }
    }

    SECTION("a missing day leaves out the changes on both sides of it: nothing is interpolated") {
        for (int lag = 0; lag <= 14; ++lag) {
            INFO("lag " << lag);
            // Alice's 119 changes are days 1-119; lag k pairs the changes of days k to 119.
            std::size_t alice = lag == 0 ? 119 : 120 - static_cast<std::size_t>(lag);
            // Bob misses the changes into and out of day 40 and of days 77-78: 5 of them.
            CHECK(find(report, "alice", Measure::relationships, Activity::posts, lag)->spearman.n == alice);
            CHECK(find(report, "bob", Measure::relationships, Activity::posts, lag)->spearman.n == alice - 5);
            CHECK(find(report, "bob", Measure::brand, Activity::comments, lag)->pearson.n == alice - 5);
        }
        const auto& bob = sender_of(report, "bob");
        CHECK(bob.snapshots.size() == 117);
        CHECK(bob.days() == 120);
        CHECK(bob.trends[static_cast<std::size_t>(Measure::relationships)].changes == 114);
        CHECK(sender_of(report, "alice").trends[0].changes == 119);
    }
    SECTION("a pillar that never moves has no correlation, and the report counts them") {
        for (int lag = 0; lag <= 14; ++lag) {
            CHECK_FALSE(find(report, "alice", Measure::people, Activity::posts, lag));
        }
        CHECK(report.correlations.size() == 2 * 4 * 3 * 15);
        CHECK(report.undefined_correlations == 2 * 1 * 3 * 15); // people, for each sender, activity and lag
        const auto& people = sender_of(report, "alice").trends[static_cast<std::size_t>(Measure::people)];
        CHECK(people.unchanged == 119);
        CHECK(people.first == 12);
        CHECK(people.last == 12);
    }
    SECTION("--max-lag sets the last lag") {
        auto options = unadjusted();
        options.max_lag = 3;
        auto short_lags = fixture.database.build(options);
        CHECK(short_lags.correlations.size() == 2 * 4 * 3 * 4);
        for (const auto& row : short_lags.correlations) {
            CHECK(row.lag <= 3);
        }
        check_correlation(*find(short_lags, "bob", Measure::insights, Activity::comments, 2),
                          pairs_by_hand(fixture.bob, Measure::insights, Activity::comments, 2));
    }
}

TEST_CASE("the weekday adjustment takes each series' weekday means out before pairing, and none leaves them",
          "[report]") {
    TwoSenders fixture;
    auto adjusted = fixture.database.build(plain_tests());
    auto plain = fixture.database.build(unadjusted());
    CHECK(adjusted.options.weekday_adjust);
    std::size_t differ = 0;
    for (const auto* history : {&fixture.alice, &fixture.bob}) {
        for (auto measure : {Measure::brand, Measure::relationships, Measure::total}) {
            for (auto activity : k_planted) {
                auto series = daily_series(*history, measure, activity);
                for (int lag : {0, 1, 2, 7, 14}) {
                    INFO(history->sender << " " << core::to_string(measure) << " " << core::to_string(activity)
                                         << " lag " << lag);
                    const auto* with = find(adjusted, history->sender, measure, activity, lag);
                    const auto* without = find(plain, history->sender, measure, activity, lag);
                    REQUIRE(with);
                    REQUIRE(without);
                    check_correlation(*with, pairs_of(weekday_adjusted(series), lag));
                    check_correlation(*without, pairs_of(series, lag));
                    // The day-slot series and the day-by-day pairs are the same pairs.
                    check_correlation(*without, pairs_by_hand(*history, measure, activity, lag));
                    differ += with->spearman.r != without->spearman.r ? 1 : 0;
                }
            }
        }
    }
    CHECK(differ > 80); // of 90: the adjustment is not a no-op
    // The adjustment has something to take out: accepted connections are fewer at weekends.
    auto weekday_means = [](const std::vector<double>& values, const std::vector<int>& weekdays) {
        auto adjusted_values = stats::remove_group_means(values, weekdays);
        std::vector<double> means;
        for (std::size_t i = 0; i < values.size(); ++i) {
            means.push_back(values[i] - adjusted_values[i]);
        }
        return means;
    };
    auto series = daily_series(fixture.alice, Measure::brand, Activity::connections_accepted);
    auto means = weekday_means(series.activity, series.weekdays);
    CHECK(means[0] > means[5]); // the first day is a Monday, the sixth a Saturday
}

TEST_CASE("the analyses start at 30, 90 and 100 days of snapshots, and say why they are missing", "[report]") {
    SsiDatabase database;
    for (int days_recorded : {29, 30, 89, 90, 99, 100}) {
        auto history = planted_history("s" + std::to_string(days_recorded), days_recorded, 7);
        // Endorsements on 9 days, follows on 10: too few and just enough for a regression.
        for (int j = 0; j < 9; ++j) {
            history.counts[{history.first + days{3 + 9 * j}, Activity::endorsements}] = 1;
        }
        for (int j = 0; j < 10; ++j) {
            history.counts[{history.first + days{5 + 8 * j}, Activity::follows}] = 2;
        }
        database.add(history);
    }
    // Thirty snapshots over 59 days: it is the snapshots that count, not the days they span.
    auto spread = planted_history("spread", 59, 3);
    for (int i = 1; i < 59; i += 2) {
        spread.levels.erase(spread.first + days{i});
    }
    REQUIRE(spread.levels.size() == 30);
    database.add(spread);
    auto report = database.build();

    auto has_correlations = [&report](const std::string& sender) {
        return std::any_of(report.correlations.begin(), report.correlations.end(),
                           [&sender](const auto& row) { return row.sender == sender; });
    };
    auto regressed = [&report](const std::string& sender, Activity activity) {
        return std::any_of(report.regressions.begin(), report.regressions.end(),
                           [&](const auto& row) { return row.sender == sender && row.activity == activity; });
    };
    auto granger = [&report](const std::string& sender, Activity activity) {
        return std::any_of(report.granger.begin(), report.granger.end(),
                           [&](const auto& row) { return row.sender == sender && row.activity == activity; });
    };
    using Notes = std::vector<std::string>;
    const std::string sparse = "no regression for activities done on fewer than 10 days (endorsements): their "
                               "estimates would rest on those few days alone";

    const auto& s29 = sender_of(report, "s29");
    CHECK_FALSE(s29.correlated);
    CHECK_FALSE(s29.regressed);
    CHECK_FALSE(has_correlations("s29"));
    CHECK(s29.notes == Notes{"29 days of SSI: correlations need at least 30 days of snapshots to say anything, so "
                             "this shows the trend only"});
    CHECK(s29.trends.size() == 5); // still described

    for (std::string name : {"s30", "s89"}) {
        INFO(name);
        const auto& sender = sender_of(report, name);
        CHECK(sender.correlated);
        CHECK_FALSE(sender.regressed);
        CHECK(has_correlations(name));
        CHECK_FALSE(regressed(name, Activity::posts));
        CHECK(sender.notes == Notes{"the distributed-lag regression needs 90 days of snapshots, and Granger tests "
                                    "100; " +
                                    name.substr(1) + " days so far"});
    }
    // Every other day is missing: enough snapshots, but no two consecutive, so no change, no pair, and a note why.
    const auto& alternate = sender_of(report, "spread");
    CHECK_FALSE(alternate.correlated);
    CHECK(alternate.trends[0].changes == 0);
    CHECK_FALSE(has_correlations("spread"));
    REQUIRE_FALSE(alternate.notes.empty());
    CHECK(alternate.notes[0].starts_with("only 0 day-to-day changes in "));

    for (std::string name : {"s90", "s99"}) {
        INFO(name);
        const auto& sender = sender_of(report, name);
        CHECK(sender.regressed);
        CHECK_FALSE(sender.granger);
        CHECK(regressed(name, Activity::posts));
        CHECK(regressed(name, Activity::follows));
        CHECK_FALSE(regressed(name, Activity::endorsements));
        CHECK_FALSE(granger(name, Activity::posts));
        CHECK(sender.notes ==
              Notes{"Granger tests need 100 days of snapshots; " + name.substr(1) + " days so far", sparse});
    }

    const auto& s100 = sender_of(report, "s100");
    CHECK(s100.granger);
    CHECK(regressed("s100", Activity::follows));
    CHECK_FALSE(regressed("s100", Activity::endorsements));
    CHECK(granger("s100", Activity::connections_accepted));
    CHECK(granger("s100", Activity::follows));
    CHECK_FALSE(granger("s100", Activity::endorsements));
    CHECK(s100.notes == Notes{sparse});
    // Endorsements are still correlated, however rarely done.
    CHECK(find(report, "s100", Measure::brand, Activity::endorsements, 0));
    for (const auto& activity : s100.activities) {
        if (activity.activity == Activity::endorsements) {
            CHECK(activity.active_days == 9);
            CHECK(activity.total == 9);
        }
        if (activity.activity == Activity::follows) {
            CHECK(activity.active_days == 10);
            CHECK(activity.total == 20);
        }
    }
}

TEST_CASE("the regressions and Granger tests are the statistics' own on the report's series", "[report]") {
    TwoSenders fixture;
    auto report = fixture.database.build(plain_tests());
    bool regressed = false;
    for (const auto& row : report.regressions) {
        if (row.sender != "bob" || row.measure != Measure::relationships ||
            row.activity != Activity::connections_accepted) {
            continue;
        }
        regressed = true;
        auto series = weekday_adjusted(daily_series(fixture.bob, Measure::relationships, row.activity));
        auto expected = stats::distributed_lag(series.changes, series.activity, report::k_regression_lags, 0.95,
                                               stats::HacBandwidth::rule_of_thumb);
        REQUIRE(expected);
        CHECK(row.model.n == expected->n);
        CHECK(row.model.lags.size() == 8);
        CHECK(row.model.cumulative.estimate == expected->cumulative.estimate);
        CHECK(row.model.cumulative.standard_error == expected->cumulative.standard_error);
        CHECK(row.model.lags[1].estimate == expected->lags[1].estimate);
        // The planted 0.125 a day later, give or take the noise.
        CHECK(row.model.lags[1].estimate == Approx(0.125).margin(0.03));
    }
    CHECK(regressed);
    bool tested = false;
    for (const auto& row : report.granger) {
        if (row.sender == "alice" && row.measure == Measure::insights && row.activity == Activity::comments) {
            auto series = weekday_adjusted(daily_series(fixture.alice, Measure::insights, row.activity));
            auto expected = stats::granger_test(series.changes, series.activity, report::k_granger_lags);
            REQUIRE(expected);
            CHECK(row.test.f == expected->f);
            CHECK(row.test.p_value == expected->p_value);
            CHECK(row.test.p_value < 0.001); // comments do come before insights' gains
            tested = true;
        }
    }
    CHECK(tested);

    SECTION("prewhitened: errors taken as an AR, and the Granger order chosen by AIC") {
        auto whitened = fixture.database.build();
        std::size_t checked = 0;
        for (const auto& row : whitened.regressions) {
            const auto& history = row.sender == "alice" ? fixture.alice : fixture.bob;
            auto series = weekday_adjusted(daily_series(history, row.measure, row.activity));
            auto expected = stats::distributed_lag(series.changes, series.activity, report::k_regression_lags, 0.95,
                                                   stats::HacBandwidth::andrews, stats::LagErrors::autoregressive);
            REQUIRE(expected);
            INFO(row.sender << " " << core::to_string(row.measure) << " " << core::to_string(row.activity));
            CHECK(row.model.hac_lags == expected->hac_lags);
            CHECK(row.model.cumulative.standard_error == expected->cumulative.standard_error);
            ++checked;
        }
        for (const auto& row : whitened.granger) {
            const auto& history = row.sender == "alice" ? fixture.alice : fixture.bob;
            auto series = weekday_adjusted(daily_series(history, row.measure, row.activity));
            auto order = stats::select_var_order(series.changes, series.activity, 12);
            REQUIRE(order);
            CHECK(row.test.lags == *order);
            CHECK(row.test.f == stats::granger_test(series.changes, series.activity, *order)->f);
            ++checked;
        }
        CHECK(checked > 20);
    }
}

TEST_CASE("prewhitened correlations: both series through the activity's AIC autoregression, tested on the effective "
          "pairs",
          "[report]") {
    TwoSenders fixture;
    auto report = fixture.database.build();
    CHECK(report.options.inference == SsiInference::prewhitened);
    std::size_t whitened = 0;
    for (const auto* history : {&fixture.alice, &fixture.bob}) {
        for (auto measure : {Measure::brand, Measure::relationships, Measure::total}) {
            for (auto activity : k_planted) {
                auto series = weekday_adjusted(daily_series(*history, measure, activity));
                // 120 days: orders up to 12, a tenth of them.
                auto model = stats::select_autoregression(series.activity, 12);
                REQUIRE(model);
                auto x = stats::ar_filter(series.activity, *model);
                auto y = stats::ar_filter(series.changes, *model);
                whitened += model->order > 0 ? 1 : 0;
                auto known = [](const std::vector<double>& values) {
                    std::vector<double> kept;
                    std::copy_if(values.begin(), values.end(), std::back_inserter(kept),
                                 [](double v) { return !std::isnan(v); });
                    return kept;
                };
                auto rho = [](const std::vector<double>& values) {
                    return stats::autocorrelations(values, values.size() / 5);
                };
                auto x_known = known(x);
                auto y_known = known(y);
                for (int lag : {0, 1, 2, 5, 14}) {
                    INFO(history->sender << " " << core::to_string(measure) << " " << core::to_string(activity)
                                         << " lag " << lag);
                    const auto* row = find(report, history->sender, measure, activity, lag);
                    REQUIRE(row);
                    CHECK(row->whitening_order == model->order);
                    Pairs pairs;
                    auto k = static_cast<std::size_t>(lag);
                    for (std::size_t t = 0; t + k < y.size(); ++t) {
                        if (!std::isnan(x[t]) && !std::isnan(y[t + k])) {
                            pairs.x.push_back(x[t]);
                            pairs.y.push_back(y[t + k]);
                        }
                    }
                    auto n = pairs.x.size();
                    auto pearson = stats::tested_as(stats::pearson(pairs.x, pairs.y),
                                                    stats::effective_pairs(rho(x_known), rho(y_known), n));
                    auto spearman = stats::tested_as(stats::spearman(pairs.x, pairs.y),
                                                     stats::effective_pairs(rho(stats::average_ranks(x_known)),
                                                                            rho(stats::average_ranks(y_known)), n));
                    check_same(row->pearson, pearson);
                    check_same(row->spearman, spearman);
                    CHECK(row->spearman.tested_n == spearman.tested_n);
                }
            }
        }
    }
    CHECK(whitened > 0); // the planted activity is not white noise everywhere: the filter does something
    // The planted effects survive the filter.
    const auto* accepted = find(report, "alice", Measure::relationships, Activity::connections_accepted, 1);
    REQUIRE(accepted);
    CHECK(accepted->spearman_q < 0.01);
}

TEST_CASE("a pillar at 25 is flagged, and its days at the cap counted", "[report]") {
    SsiDatabase database;
    const std::array<double, 12> relationships{24.5, 24.75, 25, 25, 24.875, 25, 24.5, 24.5, 24.25, 24, 24, 24.125};
    for (std::size_t i = 0; i < relationships.size(); ++i) {
        database.snapshot("alice", test::k_ssi_first + days{static_cast<int>(i)},
                          {10, 12, 14.5 + 0.25 * static_cast<double>(i), relationships[i]});
    }
    auto report = database.build();
    const auto& alice = sender_of(report, "alice");
    CHECK(alice.notes ==
          std::vector<std::string>{
              "Build relationships sits at 25 on 3 days of 12 recorded: a gain cannot show there, so its associations "
              "are "
              "understated",
              "12 days of SSI: correlations need at least 30 days of snapshots to say anything, so this shows the "
              "trend only",
              "no activity was recorded in the period: nothing to set against the SSI"});
    const auto& trend = alice.trends[static_cast<std::size_t>(Measure::relationships)];
    CHECK(trend.days_at_cap == 3);
    CHECK(trend.first == 24.5);
    CHECK(trend.last == 24.125);
    CHECK(trend.low == 24);
    CHECK(trend.high == 25);
    CHECK(trend.changes == 11);
    CHECK(trend.unchanged == 3); // 25 to 25, 24.5 to 24.5, 24 to 24
    CHECK(alice.trends[static_cast<std::size_t>(Measure::brand)].days_at_cap == 0);
    // The total is not a pillar: 25 is not its cap.
    CHECK(alice.trends[static_cast<std::size_t>(Measure::total)].days_at_cap == 0);
    CHECK(report.correlations.empty());
    CHECK(report.significant.empty());
}

TEST_CASE("q-values run over every test of the report, and the significant ones come by q", "[report]") {
    TwoSenders fixture;
    auto report = fixture.database.build();
    std::vector<double> spearman_p;
    std::vector<double> pearson_p;
    for (const auto& row : report.correlations) {
        spearman_p.push_back(row.spearman.p_value);
        pearson_p.push_back(row.pearson.p_value);
    }
    auto spearman_q = stats::benjamini_hochberg(spearman_p);
    auto pearson_q = stats::benjamini_hochberg(pearson_p);
    REQUIRE(report.correlations.size() == 360);
    for (std::size_t i = 0; i < report.correlations.size(); ++i) {
        CHECK(report.correlations[i].spearman_q == spearman_q[i]);
        CHECK(report.correlations[i].pearson_q == pearson_q[i]);
    }
    // Not per sender: alice's q-values alone would be smaller.
    std::vector<double> alice_p;
    for (const auto& row : report.correlations) {
        if (row.sender == "alice") {
            alice_p.push_back(row.spearman.p_value);
        }
    }
    CHECK(stats::benjamini_hochberg(alice_p)[0] < report.correlations[0].spearman_q);

    std::vector<double> granger_p;
    for (const auto& row : report.granger) {
        granger_p.push_back(row.test.p_value);
    }
    auto granger_q = stats::benjamini_hochberg(granger_p);
    REQUIRE_FALSE(report.granger.empty());
    for (std::size_t i = 0; i < report.granger.size(); ++i) {
        CHECK(report.granger[i].q == granger_q[i]);
    }

    auto significant_under = [&report](double threshold) {
        std::vector<std::size_t> expected;
        for (std::size_t i = 0; i < report.correlations.size(); ++i) {
            if (report.correlations[i].spearman_q < threshold) {
                expected.push_back(i);
            }
        }
        std::stable_sort(expected.begin(), expected.end(), [&report](std::size_t a, std::size_t b) {
            const auto& left = report.correlations[a];
            const auto& right = report.correlations[b];
            if (left.spearman_q != right.spearman_q) {
                return left.spearman_q < right.spearman_q;
            }
            return std::fabs(left.spearman.r) > std::fabs(right.spearman.r);
        });
        return expected;
    };
    CHECK(report.significant == significant_under(0.1));
    CHECK(report.significant.size() >= 6); // the three planted effects of each sender at least
    CHECK(report.significant.size() < report.correlations.size() / 2);
    for (std::size_t i = 1; i < report.significant.size(); ++i) {
        CHECK(report.correlations[report.significant[i - 1]].spearman_q <=
              report.correlations[report.significant[i]].spearman_q);
    }
    // The planted effects are found, for both senders, at their lags.
    for (std::string sender : {"alice", "bob"}) {
        for (auto [measure, activity, lag] :
             {std::tuple{Measure::relationships, Activity::connections_accepted, 1},
              std::tuple{Measure::brand, Activity::posts, 0}, std::tuple{Measure::insights, Activity::comments, 2}}) {
            const auto* row = find(report, sender, measure, activity, lag);
            REQUIRE(row);
            CHECK(row->spearman_q < 0.001);
            CHECK((row->spearman.r > 0) == (activity != Activity::posts));
        }
    }

    SECTION("the threshold is the option's") {
        auto options = SsiReportOptions{};
        options.q_threshold = 0.001;
        auto strict = fixture.database.build(options);
        auto expected = significant_under(0.001);
        CHECK(strict.significant == expected);
        CHECK(strict.significant.size() < report.significant.size());
    }
}

TEST_CASE("a significant association reads as a sentence", "[report]") {
    TwoSenders fixture;
    auto report = fixture.database.build();
    auto sentence_of = [&report](const std::string& sender, Measure measure, Activity activity, int lag) {
        const auto* row = find(report, sender, measure, activity, lag);
        REQUIRE(row);
        REQUIRE(std::find(report.significant.begin(), report.significant.end(),
                          static_cast<std::size_t>(row - report.correlations.data())) != report.significant.end());
        const auto& rho = row->spearman;
        REQUIRE(rho.interval);
        return std::pair{row,
                         "Spearman " + two_decimals(rho.r) + " [" + two_decimals(rho.interval->low) + ", " +
                             two_decimals(rho.interval->high) + "], " + q_text(row->spearman_q) +
                             ", n = " + std::to_string(rho.n) + " days" +
                             (std::floor(rho.tested_n) < static_cast<double>(rho.n)
                                  ? ", worth " + std::to_string(static_cast<int>(rho.tested_n)) + " independent ones"
                                  : "")};
    };
    auto [accepted, accepted_numbers] = sentence_of("alice", Measure::relationships, Activity::connections_accepted, 1);
    CHECK(report::describe(*accepted, false, report.options.inference) ==
          "accepted connections are followed by gains in Build relationships one day later (after prewhitening): " +
              accepted_numbers);
    CHECK(report::describe(*accepted, true, report.options.inference) ==
          "alice: accepted connections are followed by gains in Build relationships one day later (after "
          "prewhitening): " +
              accepted_numbers);
    auto [posts, posts_numbers] = sentence_of("bob", Measure::brand, Activity::posts, 0);
    CHECK(
        report::describe(*posts, true, report.options.inference) ==
        "bob: posts are followed by drops in Establish your professional brand on the same day (after prewhitening): " +
            posts_numbers);
    auto [comments, comments_numbers] = sentence_of("alice", Measure::insights, Activity::comments, 2);
    CHECK(report::describe(*comments, false, report.options.inference) ==
          "comments are followed by gains in Engage with insights 2 days later (after prewhitening): " +
              comments_numbers);

    SECTION("q and the interval as they are written") {
        LaggedCorrelation row;
        row.sender = "alice";
        row.measure = Measure::relationships;
        row.activity = Activity::connections_accepted;
        row.lag = 1;
        row.spearman.n = 88;
        row.spearman.r = 0.41;
        row.spearman.p_value = 0.0001;
        row.spearman.interval = stats::Interval{0.22, 0.57};
        row.spearman_q = 0.004;
        CHECK(report::describe(row, false, SsiInference::plain) ==
              "accepted connections are followed by gains in Build relationships "
              "one day later (plain test): Spearman 0.41 [0.22, 0.57], q = 0.004, n = 88 days");
        row.spearman_q = 0.0004;
        CHECK(report::describe(row, false, SsiInference::plain).ends_with("0.57], q < 0.001, n = 88 days"));
        row.spearman_q = 0.0456;
        CHECK(report::describe(row, false, SsiInference::plain).ends_with("0.57], q = 0.05, n = 88 days"));
        row.lag = 3;
        row.activity = Activity::replies_received;
        row.measure = Measure::total;
        row.spearman.r = -0.304;
        row.spearman.interval.reset();
        CHECK(
            report::describe(row, true, SsiInference::plain) ==
            "alice: replies received are followed by drops in SSI 3 days later (plain test): Spearman -0.30, q = 0.05, "
            "n = 88 "
            "days");
    }
}

TEST_CASE("the period and the sender narrow the report, and an unknown sender is an error", "[report]") {
    TwoSenders fixture;
    SsiReportOptions options;
    options.sender = "zed";
    CHECK_THROWS_MATCHES(fixture.database.build(options), core::UserError,
                         Catch::Matchers::Message("error: no sender 'zed' in the database"));

    options.sender = "bob";
    options.since = test::k_ssi_first + days{10};
    options.until = test::k_ssi_first + days{59};
    auto report = fixture.database.build(options);
    REQUIRE(report.senders.size() == 1);
    const auto& bob = report.senders[0];
    CHECK(bob.sender == "bob");
    CHECK(bob.first == *options.since);
    CHECK(bob.last == *options.until);
    CHECK(bob.days() == 50);
    CHECK(bob.snapshots.size() == 49); // day 40 is missing
    for (const auto& row : report.correlations) {
        CHECK(row.sender == "bob");
    }
    // Lag 0 in the period: days 11-59 bring 49 changes, of which two touch day 40.
    CHECK(find(report, "bob", Measure::brand, Activity::posts, 0)->spearman.n == 47);

    SECTION("a sender known to the CRM without SSI has an empty report") {
        fixture.database.activity("carol", test::k_ssi_first, Activity::posts, 3);
        SsiReportOptions carol;
        carol.sender = "carol";
        auto empty = fixture.database.build(carol);
        CHECK(empty.senders.empty());
        CHECK(empty.correlations.empty());
        CHECK(render(empty, "table").find("No SSI recorded in this period") != std::string::npos);
        CHECK(render(empty, "html").find("No SSI recorded in this period: record it with") != std::string::npos);
        CHECK_FALSE(empty.recorded_days);
    }
}

TEST_CASE("the report in every format, with every number named in JSON and none undefined", "[report]") {
    TwoSenders fixture;
    // 31 consecutive days give 30 changes: at lag 28, three pairs, whose correlations have no interval.
    auto sparse = planted_history("sparse", 31, 6);
    REQUIRE(sparse.levels.size() == 31);
    fixture.database.add(sparse);
    auto options = unadjusted();
    options.max_lag = 28;
    auto report = fixture.database.build(options);
    REQUIRE(report.senders.size() == 3);
    REQUIRE_FALSE(report.significant.empty());
    REQUIRE_FALSE(report.regressions.empty());
    REQUIRE_FALSE(report.granger.empty());
    // The fewest pairs of the short history's defined correlations: under 4, too few for an interval.
    auto no_interval = std::min_element(report.correlations.begin(), report.correlations.end(),
                                        [](const auto& left, const auto& right) {
                                            return std::pair{left.sender != "sparse", left.spearman.n} <
                                                   std::pair{right.sender != "sparse", right.spearman.n};
                                        });
    REQUIRE(no_interval->sender == "sparse");
    CHECK(no_interval->spearman.n == 3);
    CHECK_FALSE(no_interval->spearman.interval);
    CHECK_FALSE(no_interval->pearson.interval);

    SECTION("json") {
        auto text = render(report, "json");
        CHECK(has_no_undefined_number(text));
        auto json = nlohmann::json::parse(text);
        CHECK(keys_of(json) == Keys{"correlations", "experiment_results", "experiments", "granger", "recorded_days",
                                    "regressions", "rehearsal", "report", "scope", "senders", "significant",
                                    "undefined_correlations"});
        CHECK(json["report"] == "ssi");
        CHECK(json["rehearsal"].is_null());
        CHECK(json["scope"] == nlohmann::json{{"sender", nullptr},
                                              {"since", nullptr},
                                              {"until", nullptr},
                                              {"max_lag", 28},
                                              {"adjust", "none"},
                                              {"inference", "plain"},
                                              {"q_threshold", 0.1},
                                              {"regression_lags", 7},
                                              {"granger_lags", 7}});
        REQUIRE(json["senders"].size() == 3);
        const auto& alice = json["senders"][0];
        CHECK(keys_of(alice) == Keys{"activities", "analyses", "days", "first_day", "last_day", "notes", "sender",
                                     "series", "snapshots", "trend"});
        CHECK(alice["sender"] == "alice");
        CHECK(alice["first_day"] == "2026-08-03");
        CHECK(alice["last_day"] == "2026-11-30");
        CHECK(alice["days"] == 120);
        CHECK(alice["snapshots"] == 120);
        CHECK(alice["analyses"] == nlohmann::json{{"correlations", true}, {"regressions", true}, {"granger", true}});
        CHECK(alice["notes"] == nlohmann::json::array());
        REQUIRE(alice["trend"].size() == 5);
        CHECK(keys_of(alice["trend"][3]) ==
              Keys{"change", "changes", "days_at_cap", "first", "high", "last", "low", "pillar", "unchanged"});
        CHECK(alice["trend"][3]["pillar"] == "relationships");
        CHECK(alice["trend"][3]["first"] == 12);
        CHECK(alice["trend"][4]["pillar"] == "total");
        REQUIRE(alice["activities"].size() == 3);
        CHECK(keys_of(alice["activities"][0]) == Keys{"active_days", "activity", "total"});
        CHECK(alice["activities"][0]["activity"] == "connections_accepted");
        REQUIRE(alice["series"].size() == 120);
        CHECK(alice["series"][0] == nlohmann::json{{"date", "2026-08-03"},
                                                   {"brand", 15},
                                                   {"people", 12},
                                                   {"insights", 10},
                                                   {"relationships", 12},
                                                   {"total", 49},
                                                   {"industry_rank", nullptr},
                                                   {"network_rank", nullptr},
                                                   {"industry_average", nullptr},
                                                   {"network_average", nullptr},
                                                   {"source", "csv"}});
        CHECK(json["senders"][2]["notes"] ==
              nlohmann::json::array({"the distributed-lag regression needs 90 days of snapshots, and Granger tests "
                                     "100; 31 days so far"}));

        REQUIRE(json["correlations"].size() == report.correlations.size());
        for (std::size_t i = 0; i < report.correlations.size(); ++i) {
            const auto& row = report.correlations[i];
            const auto& item = json["correlations"][i];
            REQUIRE(keys_of(item) ==
                    Keys{"activity", "lag", "n", "pearson", "pillar", "sender", "spearman", "whitening_order"});
            CHECK(item["sender"] == row.sender);
            CHECK(item["pillar"] == std::string(core::to_string(row.measure)));
            CHECK(item["activity"] == std::string(core::to_string(row.activity)));
            CHECK(item["lag"] == row.lag);
            CHECK(item["n"] == row.spearman.n);
            CHECK(keys_of(item["spearman"]) == Keys{"ci", "effective_n", "p", "q", "r"});
            CHECK(item["spearman"]["r"].get<double>() == row.spearman.r);
            CHECK(item["spearman"]["p"].get<double>() == row.spearman.p_value);
            CHECK(item["spearman"]["q"].get<double>() == row.spearman_q);
            CHECK(item["pearson"]["r"].get<double>() == row.pearson.r);
            CHECK(item["pearson"]["q"].get<double>() == row.pearson_q);
            if (row.spearman.interval) {
                CHECK(item["spearman"]["ci"] ==
                      nlohmann::json::array({row.spearman.interval->low, row.spearman.interval->high}));
            } else {
                CHECK(item["spearman"]["ci"].is_null());
            }
        }
        CHECK(json["undefined_correlations"] == report.undefined_correlations);

        REQUIRE(json["significant"].size() == report.significant.size());
        for (std::size_t i = 0; i < report.significant.size(); ++i) {
            const auto& row = report.correlations[report.significant[i]];
            const auto& item = json["significant"][i];
            CHECK(keys_of(item) == Keys{"activity", "lag", "n", "pearson", "pillar", "sender", "sentence", "spearman",
                                        "whitening_order"});
            CHECK(item["sentence"] ==
                  report::describe(row, true, SsiInference::plain)); // several senders: each sentence names its own
            CHECK(item["spearman"]["q"].get<double>() == row.spearman_q);
        }

        REQUIRE(json["regressions"].size() == report.regressions.size());
        const auto& regression = json["regressions"][0];
        CHECK(keys_of(regression) ==
              Keys{"activity", "constant", "cumulative", "hac_lags", "lags", "n", "pillar", "residual_df", "sender"});
        CHECK(regression["n"] == report.regressions[0].model.n);
        CHECK(regression["hac_lags"] == report.regressions[0].model.hac_lags);
        CHECK(regression["residual_df"] == report.regressions[0].model.residual_df);
        CHECK(keys_of(regression["constant"]) == Keys{"ci", "estimate", "p", "standard_error", "t"});
        REQUIRE(regression["lags"].size() == 8);
        CHECK(keys_of(regression["lags"][7]) == Keys{"ci", "estimate", "lag", "p", "standard_error", "t"});
        CHECK(regression["lags"][7]["lag"] == 7);
        CHECK(regression["cumulative"]["estimate"].get<double>() == report.regressions[0].model.cumulative.estimate);
        CHECK(regression["cumulative"]["ci"].size() == 2);

        REQUIRE(json["granger"].size() == report.granger.size());
        CHECK(keys_of(json["granger"][0]) ==
              Keys{"activity", "df_den", "df_num", "f", "lags", "n", "p", "pillar", "q", "sender"});
        CHECK(json["granger"][0]["df_num"] == 7);
        CHECK(json["granger"][0]["q"].get<double>() == report.granger[0].q);
    }
    SECTION("json of one section keeps only its keys, and the scope says what was asked") {
        auto correlations = nlohmann::json::parse(render(report, "json", report::SsiSection::correlations));
        CHECK(keys_of(correlations) == Keys{"correlations", "recorded_days", "rehearsal", "report", "scope",
                                            "significant", "undefined_correlations"});
        auto trend = nlohmann::json::parse(render(report, "json", report::SsiSection::trend));
        CHECK(keys_of(trend) == Keys{"recorded_days", "rehearsal", "report", "scope", "senders"});
        SsiReportOptions narrow;
        narrow.sender = "alice";
        narrow.since = test::k_ssi_first + days{1};
        narrow.until = test::k_ssi_first + days{31};
        auto scope = nlohmann::json::parse(render(fixture.database.build(narrow), "json"))["scope"];
        CHECK(scope["sender"] == "alice");
        CHECK(scope["since"] == "2026-08-04");
        CHECK(scope["until"] == "2026-09-03");
        CHECK(scope["adjust"] == "weekday");
        CHECK(scope["max_lag"] == 14);
    }
    SECTION("csv, a table a section") {
        auto correlations = render(report, "csv");
        CHECK(has_no_undefined_number(correlations));
        CHECK(correlations.starts_with("sender,pillar,activity,lag,n,spearman_r,spearman_ci_low,spearman_ci_high,"
                                       "spearman_p,spearman_q,pearson_r,pearson_ci_low,pearson_ci_high,pearson_p,"
                                       "pearson_q,spearman_effective_n,pearson_effective_n,whitening_order\n"));
        CHECK(line_count(correlations) == report.correlations.size() + 1);
        // n = 3: the intervals' cells are empty.
        std::regex sparse_row(R"(\nsparse,\w+,\w+,28,3,[-0-9.e]+,,,)");
        CHECK(std::regex_search(correlations, sparse_row));
        auto trend = render(report, "csv", report::SsiSection::trend);
        CHECK(trend.starts_with("sender,date,brand,people,insights,relationships,total,industry_rank,network_rank,"
                                "source\nalice,2026-08-03,15,12,10,12,49,,,csv\n"));
        CHECK(line_count(trend) == 120 + 117 + sparse.levels.size() + 1);
        auto regressions = render(report, "csv", report::SsiSection::regressions);
        CHECK(line_count(regressions) == report.regressions.size() * 10 + 1);
        CHECK(has_no_undefined_number(regressions));
        auto granger = render(report, "csv", report::SsiSection::granger);
        CHECK(line_count(granger) == report.granger.size() + 1);
    }
    SECTION("table and markdown") {
        for (auto format : {"table", "md"}) {
            INFO(format);
            auto text = render(report, format);
            CHECK(has_no_undefined_number(text));
            CHECK(text.find("SSI report: all senders, lags 0 to 28 days, no weekday adjustment") != std::string::npos);
            CHECK(text.find("Associations (Spearman q < 0.10)") != std::string::npos);
            for (auto index : report.significant) {
                CHECK(text.find(report::describe(report.correlations[index], true, report.options.inference) + ".") !=
                      std::string::npos);
            }
            CHECK(text.find("Note: the distributed-lag regression needs 90 days of snapshots") != std::string::npos);
            CHECK(text.find("predictive precedence") != std::string::npos);
            CHECK(text.find("Build relationships") != std::string::npos);
        }
        auto every_lag = render(report, "table", report::SsiSection::correlations);
        CHECK(every_lag.find("Every correlation") != std::string::npos);
    }
    SECTION("html, one page that fetches nothing") {
        auto page = render(report, "html");
        CHECK(has_no_undefined_number(page));
        CHECK(page.starts_with("<!DOCTYPE html>"));
        CHECK(page.ends_with("</html>\n"));
        CHECK(page.find("<svg") != std::string::npos);
        CHECK(page.find("Spearman by lag") != std::string::npos);
        CHECK(page.find("<script") == std::string::npos);
        CHECK(page.find("src=\"http") == std::string::npos);
        CHECK(page.find("href=\"http") == std::string::npos);
        CHECK(page.find("Granger tests: predictive precedence") != std::string::npos);
        for (auto index : report.significant) {
            auto sentence = report::describe(report.correlations[index], true, report.options.inference);
            CHECK(page.find(sentence.substr(0, sentence.find(": Spearman"))) != std::string::npos);
        }
        CHECK(page.find("class=\"rehearsal\"") == std::string::npos);
    }
    SECTION("a rehearsal's report says so under its title, in every format") {
        report.rehearsal_of = "campaign.db";
        const std::string note =
            "REHEARSAL: simulated in a copy of campaign.db; nothing in this report happened on LinkedIn";
        auto table = render(report, "table");
        CHECK(table.substr(table.find('\n') + 1).starts_with(note + "\n"));
        auto markdown = render(report, "md");
        CHECK(markdown.substr(markdown.find('\n') + 1).starts_with("\n**" + note + "**\n"));
        CHECK(nlohmann::json::parse(render(report, "json"))["rehearsal"] == nlohmann::json{{"copy_of", "campaign.db"}});
        auto page = render(report, "html");
        CHECK(page.find("<p class=\"rehearsal\" role=\"note\">" + note + "</p>") < page.find("Spearman by lag"));
        // CSV keeps its header first, for the tools that read it; the command line says it on stderr.
        CHECK(render(report, "csv", report::SsiSection::trend).starts_with("sender,date,"));
    }
}

// A pillar shown to two decimals that gains 0.01 on two days gained the same on both: those changes are tied, and
// Spearman gives ties their average rank. 12.35 - 12.34 and 12.37 - 12.36 differ in the last bits of a double.
TEST_CASE("equal changes of a pillar shown to two decimals are ties for Spearman", "[report]") {
    SsiDatabase database;
    std::minstd_rand random(11);
    double relationships = 12.34;
    std::vector<double> x;
    std::vector<double> y;
    for (int i = 0; i < 60; ++i) {
        auto day = test::k_ssi_first + days{i};
        int accepted = static_cast<int>(random() % 3);
        int hundredths = i == 0 ? 0 : static_cast<int>(random() % 3); // 0, +0.01 or +0.02
        relationships = std::round((relationships + 0.01 * hundredths) * 100) / 100;
        database.snapshot("alice", day, {10, 12, 14, relationships});
        if (accepted > 0) {
            database.activity("alice", day, Activity::connections_accepted, accepted);
        }
        if (i > 0) {
            x.push_back(accepted);
            y.push_back(hundredths / 100.0);
        }
    }
    auto report = database.build(unadjusted());
    const auto* row = find(report, "alice", Measure::relationships, Activity::connections_accepted, 0);
    REQUIRE(row);
    auto expected = stats::spearman(x, y);
    CHECK(row->spearman.n == expected.n);
    CHECK(row->spearman.r == Approx(expected.r).margin(1e-12));
    CHECK(row->spearman.p_value == Approx(expected.p_value).margin(1e-12));
}

TEST_CASE("without the daily series a sender keeps only their first and last snapshot, and the report says the same",
          "[report]") {
    TwoSenders fixture;
    auto options = unadjusted();
    auto full = fixture.database.build(options);
    options.daily_series = false;
    auto lean = fixture.database.build(options);
    REQUIRE(lean.senders.size() == full.senders.size());
    for (std::size_t s = 0; s < full.senders.size(); ++s) {
        const auto& kept = lean.senders[s];
        const auto& all = full.senders[s];
        INFO(all.sender);
        CHECK(all.snapshots.size() == all.snapshot_count);
        CHECK(kept.snapshot_count == all.snapshot_count);
        REQUIRE(kept.snapshots.size() == 2);
        CHECK(kept.snapshots.front().day == all.snapshots.front().day);
        CHECK(kept.snapshots.back().day == all.snapshots.back().day);
        CHECK(kept.activity_days.empty());
        CHECK_FALSE(all.activity_days.empty());
    }
    CHECK(lean.correlations.size() == full.correlations.size());
    CHECK(lean.regressions.size() == full.regressions.size());
    CHECK(render(lean, "table") == render(full, "table"));
    CHECK(render(lean, "md") == render(full, "md"));
}
