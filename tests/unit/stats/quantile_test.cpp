#include <catch2/catch.hpp>

#include "stats/quantile.hpp"

using campaign::stats::quantile;

TEST_CASE("quantiles interpolate between order statistics as numpy does", "[stats]") {
    std::vector<double> values{5, 1, 4, 2, 3, 9, 7.5};
    CHECK(*quantile(values, 0.5) == Approx(4));
    CHECK(*quantile(values, 0.9) == Approx(8.1)); // numpy.quantile(..., 0.9)
    CHECK(*quantile(values, 0.0) == Approx(1));
    CHECK(*quantile(values, 1.0) == Approx(9));
    std::vector<double> one{3};
    CHECK(*quantile(one, 0.9) == Approx(3));
    std::vector<double> none;
    CHECK_FALSE(quantile(none, 0.5));
}
