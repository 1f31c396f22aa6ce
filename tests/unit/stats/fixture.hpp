// The expected values that scripts/make-stats-fixtures.py computed with scipy and statsmodels, and the tolerances
// they are checked to: statistics to 1e-9 relative, p-values to 1e-8 absolute. A null in a fixture is an undefined
// value, which the C++ code gives as NaN.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "stats/interval.hpp"

namespace stats_fixture {

using nlohmann::json;

inline json load(const std::string& name) {
    std::ifstream file(CAMPAIGN_SOURCE_DIR "/tests/unit/stats/fixtures/" + name);
    REQUIRE(file);
    return json::parse(file);
}

inline double number(const json& value) {
    return value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
}

inline std::vector<double> numbers(const json& values) {
    std::vector<double> result;
    for (const auto& value : values) {
        result.push_back(number(value));
    }
    return result;
}

inline void check_statistic(double actual, const json& expected) {
    if (expected.is_null()) {
        CHECK(std::isnan(actual));
    } else {
        CHECK(actual == Approx(expected.get<double>()).epsilon(1e-9));
    }
}

inline void check_p_value(double actual, const json& expected) {
    if (expected.is_null()) {
        CHECK(std::isnan(actual));
    } else {
        CHECK(actual == Approx(expected.get<double>()).epsilon(0).margin(1e-8));
    }
}

inline void check_interval(const campaign::stats::Interval& actual, const json& expected) {
    check_statistic(actual.low, expected.at(0));
    check_statistic(actual.high, expected.at(1));
}

} // namespace stats_fixture
