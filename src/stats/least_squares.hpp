// Ordinary least squares shared by the regressions and the time-series models: the coefficients, the residuals and
// (X'X)^-1, by column-pivoting QR.
#pragma once

#include <Eigen/Dense>
#include <optional>

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

} // namespace campaign::stats
