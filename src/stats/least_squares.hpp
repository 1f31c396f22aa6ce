// Ordinary least squares shared by the regressions and the time-series models: the coefficients, the residuals and
// (X'X)^-1, by column-pivoting QR.
#pragma once

#include <Eigen/Dense>
#include <optional>
#include <vector>

namespace campaign::stats {

struct LeastSquares {
    Eigen::VectorXd coefficients;
    Eigen::VectorXd residuals;
    Eigen::MatrixXd inverse_gram; // (X'X)^-1, the bread of a sandwich covariance
};

// None when the design is rank deficient: a column whose pivot falls below 1e-10 of the largest is taken as a
// combination of the others (Eigen's default, a few machine epsilons, misses an exactly collinear column that
// rounding has left a little off).
std::optional<LeastSquares> least_squares(const Eigen::MatrixXd& design, const Eigen::VectorXd& target);

// The residual sums of squares and cross-products (E'E) of the targets regressed on the first k columns of the design,
// for every k from 1 to its column count, from one QR of the whole design: the nested models an information criterion
// compares over the same rows (an autoregression's or a VAR's orders), at the cost of the largest. With Q'Y = Z, the
// model of the first k columns leaves the rows of Z from k on. products[k - 1] is none when those k columns are rank
// deficient: a column whose part orthogonal to the ones before it falls below 1e-10 of the largest such part.
std::vector<std::optional<Eigen::MatrixXd>> nested_residual_products(const Eigen::MatrixXd& design,
                                                                     const Eigen::MatrixXd& targets);

} // namespace campaign::stats
