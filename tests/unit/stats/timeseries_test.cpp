#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "stats/correlation.hpp"
#include "stats/timeseries.hpp"
#include "unit/stats/fixture.hpp"

using namespace campaign::stats;
using namespace stats_fixture;

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

InformationCriterion criterion_of(const json& c) {
    return c.at("criterion") == "aic" ? InformationCriterion::aic : InformationCriterion::bic;
}

void check_model(const Autoregression& model, const json& c) {
    CHECK(model.order == c.at("order").get<std::size_t>());
    CHECK(model.n == c.at("n").get<std::size_t>());
    // A constant near 0 (of a series whose means were taken out) is matched to 1e-12, not to 1e-9 of itself.
    CHECK(model.constant == Approx(c.at("constant").get<double>()).epsilon(1e-9).margin(1e-12));
    auto expected = numbers(c.at("coefficients"));
    REQUIRE(model.coefficients.size() == expected.size());
    for (std::size_t j = 0; j < expected.size(); ++j) {
        INFO("phi_" << j + 1);
        CHECK(model.coefficients[j] == Approx(expected[j]).epsilon(1e-9).margin(1e-12));
    }
    check_statistic(model.variance, c.at("variance"));
}

} // namespace

TEST_CASE("an autoregression matches statsmodels' AutoReg, and its filter leaves the residuals", "[stats]") {
    const json fixture = load("timeseries.json");
    for (const auto& c : fixture.at("autoregressions")) {
        INFO(c.at("name").get<std::string>());
        auto x = numbers(c.at("x"));
        auto model = fit_autoregression(x, c.at("order").get<std::size_t>());
        REQUIRE(model);
        check_model(*model, c);
        auto filtered = ar_filter(x, *model);
        auto residuals = numbers(c.at("residuals"));
        REQUIRE(filtered.size() == residuals.size() + model->order);
        for (std::size_t t = 0; t < model->order; ++t) {
            CHECK(std::isnan(filtered[t]));
        }
        for (std::size_t i = 0; i < residuals.size(); ++i) {
            INFO("day " << i + model->order);
            CHECK(filtered[i + model->order] - model->constant == Approx(residuals[i]).epsilon(0).margin(1e-9));
        }
    }
}

TEST_CASE("the order of an autoregression is the one ar_select_order picks by AIC or BIC", "[stats]") {
    const json fixture = load("timeseries.json");
    for (const auto& c : fixture.at("order_selections")) {
        INFO(c.at("name").get<std::string>());
        auto model = select_autoregression(numbers(c.at("x")), c.at("max_order").get<std::size_t>(), criterion_of(c));
        REQUIRE(model);
        check_model(*model, c);
    }
}

TEST_CASE("autocorrelations match statsmodels' acf, adjusted", "[stats]") {
    const json fixture = load("timeseries.json");
    for (const auto& c : fixture.at("autocorrelations")) {
        INFO(c.at("name").get<std::string>());
        auto result = autocorrelations(numbers(c.at("x")), c.at("max_lag").get<std::size_t>());
        auto expected = numbers(c.at("expected"));
        REQUIRE(result.size() == expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            INFO("lag " << k);
            CHECK(result[k] == Approx(expected[k]).epsilon(0).margin(1e-12));
        }
    }
    CHECK(std::isnan(autocorrelations(std::vector<double>(20, 3.0), 4).at(1)));
    CHECK(autocorrelations(std::vector<double>{1, 2, 3}, 10).size() == 3);
    CHECK_THROWS_AS(autocorrelations(std::vector<double>{1, k_nan, 3}, 1), std::invalid_argument);
}

TEST_CASE("the effective number of pairs is Pyper and Peterman's from statsmodels' acf", "[stats]") {
    const json fixture = load("timeseries.json");
    for (const auto& c : fixture.at("effective_pairs")) {
        INFO(c.at("name").get<std::string>());
        auto x = numbers(c.at("x"));
        auto y = numbers(c.at("y"));
        CHECK(effective_pairs(x, y) == Approx(c.at("expected").get<double>()).epsilon(1e-9));
        auto lags = x.size() / 5;
        CHECK(effective_pairs(autocorrelations(x, lags), autocorrelations(y, lags), x.size()) ==
              Approx(c.at("expected").get<double>()).epsilon(1e-9));
    }

    SECTION("never more than the pairs, never fewer than 3") {
        std::vector<double> smooth;
        std::vector<double> other;
        for (int t = 0; t < 100; ++t) {
            smooth.push_back(std::sin(t / 15.0));
            other.push_back(std::cos(t / 17.0));
        }
        double pairs = effective_pairs(smooth, other);
        CHECK(pairs >= 3);
        CHECK(pairs < 30);
        std::vector<double> alternating;
        for (int t = 0; t < 100; ++t) {
            alternating.push_back(t % 2 == 0 ? 1.0 : -1.0);
        }
        CHECK(effective_pairs(alternating, smooth) <= 100);
        CHECK(effective_pairs(std::vector<double>(100, 1.0), smooth) == 100);
        CHECK_THROWS_AS(effective_pairs(smooth, std::vector<double>(99, 0.0)), std::invalid_argument);
    }
}

TEST_CASE("a correlation tested on fewer effective pairs has a larger p and a wider interval", "[stats]") {
    std::vector<double> x;
    std::vector<double> y;
    for (int t = 0; t < 80; ++t) {
        x.push_back(std::fmod(t * 7.3, 11.0));
        y.push_back(0.2 * x.back() + std::fmod(t * 3.1, 5.0));
    }
    auto plain = pearson(x, y);
    CHECK(plain.tested_n == 80);
    auto same = tested_as(plain, 80);
    CHECK(same.p_value == Approx(plain.p_value).epsilon(1e-14));
    auto fewer = tested_as(plain, 25.5);
    CHECK(fewer.r == plain.r);
    CHECK(fewer.n == 80);
    CHECK(fewer.tested_n == 25.5);
    CHECK(fewer.p_value > plain.p_value);
    REQUIRE(fewer.interval);
    CHECK(fewer.interval->high - fewer.interval->low > plain.interval->high - plain.interval->low);
    CHECK(tested_as(plain, 500).tested_n == 80); // never more than the pairs
    auto constant = pearson(std::vector<double>(10, 1.0), std::vector<double>(y.begin(), y.begin() + 10));
    CHECK(std::isnan(tested_as(constant, 5).p_value));
}

TEST_CASE("the lag order of a Granger test is VAR's select_order by AIC or BIC, from one lag", "[stats]") {
    const json fixture = load("timeseries.json");
    for (const auto& c : fixture.at("var_orders")) {
        INFO(c.at("name").get<std::string>());
        auto order = select_var_order(numbers(c.at("y")), numbers(c.at("x")), c.at("max_lags").get<std::size_t>(),
                                      criterion_of(c));
        REQUIRE(order);
        CHECK(*order == c.at("order").get<std::size_t>());
    }
    CHECK_FALSE(select_var_order(std::vector<double>(5, 1.0), std::vector<double>(5, 2.0), 3));
    CHECK_THROWS_AS(select_var_order(std::vector<double>(5, 1.0), std::vector<double>(4, 2.0), 1),
                    std::invalid_argument);
}

TEST_CASE("autoregressions refuse what they cannot fit", "[stats]") {
    CHECK_FALSE(fit_autoregression(std::vector<double>{1, 2, 3}, 2));
    CHECK_FALSE(fit_autoregression(std::vector<double>(30, 4.0), 1)); // a constant: x[t-1] is the constant's column
    CHECK(fit_autoregression(std::vector<double>(30, 4.0), 0));
    CHECK_THROWS_AS(fit_autoregression(std::vector<double>{1, k_nan, 3, 4, 5}, 1), std::invalid_argument);
    auto constant = select_autoregression(std::vector<double>(30, 4.0), 3);
    REQUIRE(constant);
    CHECK(constant->order == 0);
    auto model = fit_autoregression(std::vector<double>{1, 3, 2, 5, 4, 6, 5, 8, 7, 9}, 1);
    REQUIRE(model);
    auto filtered = ar_filter(std::vector<double>{1, k_nan, 2, 3}, *model);
    CHECK(std::isnan(filtered[0]));
    CHECK(std::isnan(filtered[1]));
    CHECK(std::isnan(filtered[2]));
    CHECK(filtered[3] == Approx(3 - model->coefficients[0] * 2));
}
