#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>

#include "stats/least_squares.hpp"

using namespace campaign::stats;

namespace {

// A design of a constant and `columns - 1` uneven columns over `rows` rows, and two targets that depend on them.
struct Problem {
    Eigen::MatrixXd design;
    Eigen::MatrixXd targets;
};

Problem problem(Eigen::Index rows, Eigen::Index columns) {
    Problem p{Eigen::MatrixXd(rows, columns), Eigen::MatrixXd(rows, 2)};
    for (Eigen::Index i = 0; i < rows; ++i) {
        p.design(i, 0) = 1;
        for (Eigen::Index j = 1; j < columns; ++j) {
            p.design(i, j) = std::sin(0.7 * static_cast<double>(i * j) + static_cast<double>(j));
        }
        p.targets(i, 0) = 0.3 + 0.5 * p.design(i, 1) + std::cos(1.3 * static_cast<double>(i));
        p.targets(i, 1) = -0.2 * p.design(i, columns - 1) + std::sin(2.1 * static_cast<double>(i) + 0.4);
    }
    return p;
}

// E'E of both targets on the first k columns, by a least-squares fit of each.
Eigen::MatrixXd fitted_products(const Problem& p, Eigen::Index k) {
    Eigen::MatrixXd residuals(p.targets.rows(), 2);
    for (Eigen::Index c = 0; c < 2; ++c) {
        auto fit = least_squares(p.design.leftCols(k), p.targets.col(c));
        REQUIRE(fit);
        residuals.col(c) = fit->residuals;
    }
    return residuals.transpose() * residuals;
}

} // namespace

TEST_CASE("nested residual products match a least-squares fit of each leading block of columns", "[stats]") {
    auto p = problem(120, 9);
    auto products = nested_residual_products(p.design, p.targets);
    REQUIRE(products.size() == 9);
    for (Eigen::Index k = 1; k <= 9; ++k) {
        INFO(k << " columns");
        const auto& product = products[static_cast<std::size_t>(k - 1)];
        REQUIRE(product);
        auto expected = fitted_products(p, k);
        for (Eigen::Index i = 0; i < 2; ++i) {
            for (Eigen::Index j = 0; j < 2; ++j) {
                CHECK((*product)(i, j) == Approx(expected(i, j)).epsilon(1e-10).margin(1e-12));
            }
        }
    }
}

TEST_CASE("nested residual products stop at the first column that the ones before it make up", "[stats]") {
    auto p = problem(60, 6);
    p.design.col(3) = 2 * p.design.col(1) - p.design.col(0); // exactly collinear, but for rounding
    auto products = nested_residual_products(p.design, p.targets);
    REQUIRE(products.size() == 6);
    CHECK(products[0]);
    CHECK(products[1]);
    CHECK(products[2]);
    CHECK_FALSE(products[3]);
    CHECK_FALSE(products[4]);
    CHECK_FALSE(products[5]);
    CHECK_FALSE(least_squares(p.design.leftCols(4), p.targets.col(0)));
}

TEST_CASE("nested residual products of a design wider than it is tall cover only the columns the rows can fit",
          "[stats]") {
    auto p = problem(4, 6);
    auto products = nested_residual_products(p.design, p.targets);
    REQUIRE(products.size() == 6);
    CHECK(products[3]);
    CHECK((*products[3]).norm() == Approx(0).margin(1e-20));
    CHECK_FALSE(products[4]);
    CHECK_FALSE(products[5]);
}
