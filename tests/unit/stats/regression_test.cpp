#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "stats/regression.hpp"
#include "unit/stats/fixture.hpp"

using namespace campaign::stats;
using namespace stats_fixture;

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// scipy 1.10's t.ppf, which statsmodels' intervals use, is good to only about 1e-10 relative (the fixture holds its
// quantile and a Newton-refined one). So the interval ends are matched to 1e-9 of the half-width (an end near 0 would
// magnify that error past 1e-9 of itself), and the quantile the interval implies to the refined one.
void check_t_interval(const Coefficient& actual, const json& expected, const json& quantile) {
    double low = expected.at(0).get<double>();
    double high = expected.at(1).get<double>();
    double tolerance = 1e-9 * (high - low) / 2;
    CHECK(actual.interval.low == Approx(low).epsilon(0).margin(tolerance));
    CHECK(actual.interval.high == Approx(high).epsilon(0).margin(tolerance));
    double implied = (actual.interval.high - actual.estimate) / actual.standard_error;
    CHECK(implied == Approx(quantile.at("refined").get<double>()).epsilon(1e-12));
}

void check_coefficient(const Coefficient& actual, const json& expected, const json& quantile) {
    check_statistic(actual.estimate, expected.at("estimate"));
    check_statistic(actual.standard_error, expected.at("se"));
    check_statistic(actual.t, expected.at("t"));
    check_p_value(actual.p_value, expected.at("p"));
    check_t_interval(actual, expected.at("interval"), quantile);
}

// An activity count and a pillar change that follows it a day later, both made of a hash of the day: no period and
// no recurrence, which lagged values could fit exactly.
struct Series {
    std::vector<double> x;
    std::vector<double> y;
};

double hashed(std::size_t day) {
    double hash = std::sin(static_cast<double>(day) * 12.9898) * 43758.5453;
    return hash - std::floor(hash); // in [0, 1)
}

Series follows_a_day_later(std::size_t n) {
    Series s;
    for (std::size_t t = 0; t < n; ++t) {
        s.x.push_back(std::floor(10 * hashed(t + 1)));
        double previous = t == 0 ? 0 : s.x[t - 1];
        s.y.push_back(0.05 * previous + 0.1 * (hashed(t + 5000) - 0.5));
    }
    return s;
}

} // namespace

TEST_CASE("the distributed-lag regression matches statsmodels' OLS with Newey-West errors", "[stats]") {
    const json fixture = load("regression.json");
    for (const auto& c : fixture.at("distributed_lags")) {
        INFO(c.at("name").get<std::string>());
        auto lags = c.at("lags").get<std::size_t>();
        bool gls = c.contains("errors");
        auto bandwidth = !gls && c.at("bandwidth") == "andrews" ? HacBandwidth::andrews : HacBandwidth::rule_of_thumb;
        auto result = distributed_lag(numbers(c.at("y")), numbers(c.at("x")), lags, 0.95, bandwidth,
                                      gls ? LagErrors::autoregressive : LagErrors::independent);
        REQUIRE(result);
        CHECK(result->n == c.at("n").get<std::size_t>());
        if (gls) {
            // GLSAR at the rho of two Cochrane-Orcutt rounds, with its classic covariance.
            auto rho = numbers(c.at("rho"));
            REQUIRE(result->error_coefficients.size() == rho.size());
            for (std::size_t j = 0; j < rho.size(); ++j) {
                CHECK(result->error_coefficients[j] == Approx(rho[j]).epsilon(1e-9));
            }
            CHECK(result->hac_lags == 0);
        } else {
            CHECK(result->hac_lags == c.at("hac_lags").get<std::size_t>());
            CHECK(result->error_coefficients.empty());
        }
        CHECK(result->residual_df == c.at("residual_df").get<std::size_t>());
        check_coefficient(result->constant, c.at("constant"), c.at("t_quantile"));
        REQUIRE(result->lags.size() == lags + 1);
        for (std::size_t k = 0; k <= lags; ++k) {
            INFO("lag " << k);
            check_coefficient(result->lags[k], c.at("lag_effects").at(k), c.at("t_quantile"));
        }
        check_coefficient(result->cumulative, c.at("cumulative"), c.at("t_quantile"));
    }
}

TEST_CASE("Granger F-tests match statsmodels' grangercausalitytests", "[stats]") {
    const json fixture = load("granger.json");
    for (const auto& c : fixture.at("granger_tests")) {
        auto lags = c.at("lags").get<std::size_t>();
        INFO(c.at("name").get<std::string>() << ", lags " << lags);
        auto result = granger_test(numbers(c.at("y")), numbers(c.at("x")), lags);
        REQUIRE(result);
        CHECK(result->n == c.at("n").get<std::size_t>());
        CHECK(result->lags == lags);
        CHECK(result->df_num == c.at("df_num").get<std::size_t>());
        CHECK(result->df_den == c.at("df_den").get<std::size_t>());
        check_statistic(result->f, c.at("f"));
        check_p_value(result->p_value, c.at("p"));
    }
}

TEST_CASE("with no lags the distributed-lag slope is the simple regression slope", "[stats]") {
    auto s = follows_a_day_later(40);
    auto result = distributed_lag(s.y, s.x, 0);
    REQUIRE(result);
    CHECK(result->n == 40);
    CHECK(result->residual_df == 38);
    double mean_x = 0;
    double mean_y = 0;
    for (std::size_t t = 0; t < 40; ++t) {
        mean_x += s.x[t] / 40;
        mean_y += s.y[t] / 40;
    }
    double covariance = 0;
    double variance = 0;
    for (std::size_t t = 0; t < 40; ++t) {
        covariance += (s.x[t] - mean_x) * (s.y[t] - mean_y);
        variance += (s.x[t] - mean_x) * (s.x[t] - mean_x);
    }
    REQUIRE(result->lags.size() == 1);
    CHECK(result->lags[0].estimate == Approx(covariance / variance).epsilon(1e-12));
    CHECK(result->constant.estimate == Approx(mean_y - covariance / variance * mean_x).epsilon(1e-12));
    CHECK(result->cumulative.estimate == Approx(result->lags[0].estimate).epsilon(1e-14));
    CHECK(result->cumulative.standard_error == Approx(result->lags[0].standard_error).epsilon(1e-14));
}

TEST_CASE("the distributed-lag regression finds the lag that matters", "[stats]") {
    auto s = follows_a_day_later(120);
    auto result = distributed_lag(s.y, s.x, 3);
    REQUIRE(result);
    CHECK(result->lags[1].estimate == Approx(0.05).margin(0.01));
    CHECK(result->lags[1].p_value < 1e-6);
    CHECK(result->lags[1].interval.low < result->lags[1].estimate);
    CHECK(result->lags[1].interval.high > result->lags[1].estimate);
}

TEST_CASE("a missing day drops every row that would use it", "[stats]") {
    auto s = follows_a_day_later(60);
    std::size_t full = distributed_lag(s.y, s.x, 7)->n;
    CHECK(full == 53);
    auto y = s.y;
    y[30] = k_nan;
    CHECK(distributed_lag(y, s.x, 7)->n == full - 1);
    auto x = s.x;
    x[30] = k_nan; // x[30] is a regressor of y[30] .. y[37]
    CHECK(distributed_lag(s.y, x, 7)->n == full - 8);
    x[3] = k_nan; // and x[3] of y[7] .. y[10] only, as earlier rows were never used
    CHECK(distributed_lag(s.y, x, 7)->n == full - 12);
}

TEST_CASE("a distributed-lag regression with too few rows or a singular design gives none", "[stats]") {
    auto s = follows_a_day_later(16); // rows t = 7..15: 9, one short of a residual degree of freedom
    CHECK_FALSE(distributed_lag(s.y, s.x, 7));
    s = follows_a_day_later(17);
    auto just_enough = distributed_lag(s.y, s.x, 7);
    REQUIRE(just_enough);
    CHECK(just_enough->residual_df == 1);
    s = follows_a_day_later(60);
    std::vector<double> constant(60, 3.0);
    CHECK_FALSE(distributed_lag(s.y, constant, 7));
    std::vector<double> none(60, 0.0);
    CHECK_FALSE(distributed_lag(s.y, none, 2));
    std::vector<double> missing(60, k_nan);
    CHECK_FALSE(distributed_lag(s.y, missing, 2));
    CHECK_THROWS_AS(distributed_lag(s.y, std::vector<double>(59, 1.0), 2), std::invalid_argument);
}

TEST_CASE("a Granger test needs rows, a lag, a varying x and an imperfect fit", "[stats]") {
    auto s = follows_a_day_later(3 * 4 + 1); // 9 rows for 9 coefficients
    CHECK_FALSE(granger_test(s.y, s.x, 4));
    s = follows_a_day_later(3 * 4 + 2);
    auto just_enough = granger_test(s.y, s.x, 4);
    REQUIRE(just_enough);
    CHECK(just_enough->df_den == 1);
    s = follows_a_day_later(60);
    CHECK_THROWS_AS(granger_test(s.y, s.x, 0), std::invalid_argument);
    CHECK_THROWS_AS(granger_test(s.y, std::vector<double>(59, 1.0), 2), std::invalid_argument);
    std::vector<double> constant(60, 3.0);
    CHECK_FALSE(granger_test(s.y, constant, 2));
    // y is yesterday's x exactly: the full model fits perfectly.
    std::vector<double> copy(60, 0.0);
    for (std::size_t t = 1; t < 60; ++t) {
        copy[t] = s.x[t - 1];
    }
    CHECK_FALSE(granger_test(copy, s.x, 2));
}

TEST_CASE("a Granger test drops the rows that would use a missing day", "[stats]") {
    auto s = follows_a_day_later(60);
    auto full = granger_test(s.y, s.x, 3);
    REQUIRE(full);
    CHECK(full->n == 57);
    CHECK(full->p_value < 1e-6);
    auto x = s.x;
    x[30] = k_nan; // x[30] is a regressor of y[31] .. y[33]
    CHECK(granger_test(s.y, x, 3)->n == 54);
    auto y = s.y;
    y[30] = k_nan; // y[30] is the target of its row and a regressor of y[31] .. y[33]
    auto fewer = granger_test(y, s.x, 3);
    REQUIRE(fewer);
    CHECK(fewer->n == 53);
    CHECK(fewer->df_den == 53 - 7);
}
