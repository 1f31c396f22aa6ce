#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "stats/correlation.hpp"
#include "unit/stats/fixture.hpp"

using namespace campaign::stats;
using namespace stats_fixture;

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

void check_correlation(const Correlation& actual, const json& expected, std::size_t n) {
    CHECK(actual.n == n);
    check_statistic(actual.r, expected.at("r"));
    check_p_value(actual.p_value, expected.at("p"));
    if (expected.at("interval").is_null()) {
        CHECK_FALSE(actual.interval);
    } else {
        REQUIRE(actual.interval);
        check_interval(*actual.interval, expected.at("interval"));
    }
}

void check_numbers(const std::vector<double>& actual, const json& expected) {
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        INFO("at " << i);
        check_statistic(actual[i], expected.at(i));
    }
}

} // namespace

TEST_CASE("Pearson's r, its p-value and interval match scipy.stats.pearsonr", "[stats]") {
    const json fixture = load("correlation.json");
    for (const auto& c : fixture.at("correlations")) {
        INFO(c.at("name").get<std::string>());
        check_correlation(pearson(numbers(c.at("x")), numbers(c.at("y"))), c.at("pearson"), c.at("n"));
    }
}

TEST_CASE("Spearman's rho and its p-value match scipy.stats.spearmanr, with the plain Fisher-z interval", "[stats]") {
    const json fixture = load("correlation.json");
    for (const auto& c : fixture.at("correlations")) {
        INFO(c.at("name").get<std::string>());
        check_correlation(spearman(numbers(c.at("x")), numbers(c.at("y"))), c.at("spearman"), c.at("n"));
    }
}

TEST_CASE("average ranks match scipy.stats.rankdata", "[stats]") {
    const json fixture = load("correlation.json");
    for (const auto& c : fixture.at("correlations")) {
        INFO(c.at("name").get<std::string>());
        check_numbers(average_ranks(numbers(c.at("x"))), c.at("ranks_x"));
        check_numbers(average_ranks(numbers(c.at("y"))), c.at("ranks_y"));
    }
}

TEST_CASE("Benjamini-Hochberg q-values match statsmodels' multipletests", "[stats]") {
    const json fixture = load("correlation.json");
    for (const auto& c : fixture.at("benjamini_hochberg")) {
        INFO(c.at("name").get<std::string>());
        auto q = benjamini_hochberg(numbers(c.at("p")));
        REQUIRE(q.size() == c.at("q").size());
        for (std::size_t i = 0; i < q.size(); ++i) {
            check_p_value(q[i], c.at("q").at(i));
        }
    }
}

TEST_CASE("de-meaning by weekday matches numpy", "[stats]") {
    const json fixture = load("correlation.json");
    for (const auto& c : fixture.at("group_means")) {
        INFO(c.at("name").get<std::string>());
        auto result = remove_group_means(numbers(c.at("values")), c.at("groups").get<std::vector<int>>());
        check_numbers(result, c.at("expected"));
    }
}

TEST_CASE("a correlation is undefined for a constant series or fewer than three pairs", "[stats]") {
    std::vector<double> x{1, 2, 3, 4, 5};
    std::vector<double> unchanged{0, 0, 0, 0, 0};
    for (const auto& result : {pearson(x, unchanged), spearman(unchanged, x)}) {
        CHECK(result.n == 5);
        CHECK(std::isnan(result.r));
        CHECK(std::isnan(result.p_value));
        CHECK_FALSE(result.interval);
    }
    std::vector<double> two{1, 2};
    CHECK(std::isnan(pearson(two, two).r));
    CHECK(std::isnan(spearman(std::vector<double>{}, std::vector<double>{}).r));
    // Three pairs give r and p, but the interval needs four.
    std::vector<double> three_x{1, 2, 3};
    std::vector<double> three_y{1, 3, 2};
    auto three = pearson(three_x, three_y);
    CHECK(three.r == Approx(0.5));
    CHECK(three.p_value == Approx(2.0 / 3)); // I_{3/4}(1/2, 1/2) = (2/pi) asin(sqrt(3/4))
    CHECK_FALSE(three.interval);
}

TEST_CASE("a perfect correlation has p = 0 and collapses its interval to the point", "[stats]") {
    // Deviations of ±1 and ±3 scale to exactly ±1/2, so r is exactly 1 and -1.
    std::vector<double> x{-1, 1, -1, 1};
    std::vector<double> up{2, 8, 2, 8};
    std::vector<double> down{8, 2, 8, 2};
    auto plus = pearson(x, up);
    CHECK(plus.r == 1);
    CHECK(plus.p_value == 0);
    REQUIRE(plus.interval);
    CHECK(plus.interval->low == 1);
    CHECK(plus.interval->high == 1);
    auto minus = spearman(x, down);
    CHECK(minus.r == -1);
    CHECK(minus.p_value == 0);
    REQUIRE(minus.interval);
    CHECK(minus.interval->low == -1);
    CHECK(minus.interval->high == -1);
}

TEST_CASE("a pair with a missing value is left out of the correlation", "[stats]") {
    std::vector<double> x{0.1, k_nan, 0.4, 0.2, 0.9, 0.3, 0.5, 0.0};
    std::vector<double> y{1.0, 2.0, 3.0, k_nan, 2.0, 1.0, 4.0, 0.0};
    std::vector<double> x_kept{0.1, 0.4, 0.9, 0.3, 0.5, 0.0};
    std::vector<double> y_kept{1.0, 3.0, 2.0, 1.0, 4.0, 0.0};
    for (auto correlate : {pearson, spearman}) {
        auto with_gaps = correlate(x, y, 0.95);
        auto kept = correlate(x_kept, y_kept, 0.95);
        CHECK(with_gaps.n == 6);
        CHECK(with_gaps.r == kept.r);
        CHECK(with_gaps.p_value == kept.p_value);
    }
    CHECK_THROWS_AS(pearson(x, x_kept), std::invalid_argument);
    CHECK_THROWS_AS(spearman(x, x_kept), std::invalid_argument);
}

TEST_CASE("a wider confidence gives a wider Fisher-z interval around the same r", "[stats]") {
    std::vector<double> x{1, 4, 2, 8, 5, 7, 3, 6};
    std::vector<double> y{2, 3, 1, 7, 6, 8, 2, 4};
    auto at95 = *pearson(x, y).interval;
    auto at99 = *pearson(x, y, 0.99).interval;
    CHECK(at99.low < at95.low);
    CHECK(at99.high > at95.high);
    // Symmetric on the z scale: atanh(r) is the midpoint of atanh(low) and atanh(high).
    double r = pearson(x, y).r;
    CHECK((std::atanh(at99.low) + std::atanh(at99.high)) / 2 == Approx(std::atanh(r)));
}

TEST_CASE("ties share their average rank", "[stats]") {
    std::vector<double> values{3, 1, 3, 2, 3};
    CHECK(average_ranks(values) == std::vector<double>{4, 1, 4, 2, 4});
    std::vector<double> unchanged{0, 0, 0, 0};
    CHECK(average_ranks(unchanged) == std::vector<double>{2.5, 2.5, 2.5, 2.5});
    std::vector<double> with_gap{0.5, k_nan, -1};
    auto ranks = average_ranks(with_gap);
    CHECK(ranks[0] == 2);
    CHECK(std::isnan(ranks[1]));
    CHECK(ranks[2] == 1);
    CHECK(average_ranks(std::vector<double>{}).empty());
}

TEST_CASE("a rank order ranks any subset of the days as average_ranks ranks its values", "[stats]") {
    // Values with many ties and a few missing, ranked over every lag's days as the SSI report pairs them.
    std::vector<double> values;
    for (int i = 0; i < 200; ++i) {
        values.push_back(i % 17 == 5 ? k_nan : static_cast<double>((i * 37) % 11) * 0.5);
    }
    RankOrder order(values);
    for (std::size_t shift = 0; shift <= 14; ++shift) {
        std::vector<std::size_t> days;
        std::vector<double> chosen;
        for (std::size_t t = shift; t < values.size(); t += (shift % 3) + 1) {
            days.push_back(t);
            chosen.push_back(values[t]);
        }
        INFO("shift " << shift);
        auto expected = average_ranks(chosen);
        auto ranks = order.ranks(days);
        REQUIRE(ranks.size() == expected.size());
        for (std::size_t i = 0; i < ranks.size(); ++i) {
            if (std::isnan(expected[i])) {
                CHECK(std::isnan(ranks[i]));
            } else {
                CHECK(ranks[i] == expected[i]);
            }
        }
    }
    CHECK(order.ranks(std::vector<std::size_t>{}).empty());
}

TEST_CASE("Benjamini-Hochberg leaves a missing p-value out of the count of tests", "[stats]") {
    std::vector<double> p{0.02, k_nan, 0.01, k_nan};
    auto q = benjamini_hochberg(p);
    REQUIRE(q.size() == 4);
    CHECK(q[0] == Approx(0.02)); // m = 2, not 4
    CHECK(std::isnan(q[1]));
    CHECK(q[2] == Approx(0.02)); // 0.01 * 2 / 1, then the running minimum from above
    CHECK(std::isnan(q[3]));
    CHECK(benjamini_hochberg(std::vector<double>{}).empty());
    std::vector<double> ones{1, 1, 1};
    CHECK(benjamini_hochberg(ones) == ones);
}

TEST_CASE("de-meaning by group leaves missing values missing and out of the means", "[stats]") {
    std::vector<double> values{1, 10, 3, k_nan, 5, 30};
    std::vector<int> groups{0, 1, 0, 1, 0, 1};
    auto result = remove_group_means(values, groups);
    CHECK(result[0] == -2);
    CHECK(result[1] == -10);
    CHECK(result[2] == 0);
    CHECK(std::isnan(result[3]));
    CHECK(result[4] == 2);
    CHECK(result[5] == 10);
    CHECK_THROWS_AS(remove_group_means(values, std::vector<int>{0, 1}), std::invalid_argument);
}
