#include "stats/regression.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace campaign::stats {

namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

// A column whose pivot falls below this fraction of the largest is taken as a combination of the others. Eigen's
// default (a few machine epsilons) misses an exactly collinear column that rounding has left a little off.
constexpr double k_rank_threshold = 1e-10;

struct Fit {
    Vector coefficients;
    Vector residuals;
    Matrix inverse_gram; // (X'X)^-1, the bread of the sandwich
};

// Least squares by column-pivoting QR; none when the design is rank deficient.
std::optional<Fit> least_squares(const Matrix& design, const Vector& target) {
    Eigen::ColPivHouseholderQR<Matrix> qr(design);
    qr.setThreshold(k_rank_threshold);
    auto k = design.cols();
    if (qr.rank() < k) {
        return std::nullopt;
    }
    Fit fit;
    fit.coefficients = qr.solve(target);
    fit.residuals = target - design * fit.coefficients;
    // X P = Q R, so (X'X)^-1 = P R^-1 R^-T P'.
    Matrix r_inverse = qr.matrixR().topLeftCorner(k, k).triangularView<Eigen::Upper>().solve(Matrix::Identity(k, k));
    fit.inverse_gram = qr.colsPermutation() * (r_inverse * r_inverse.transpose()) * qr.colsPermutation().transpose();
    return fit;
}

// Newey-West's covariance with Bartlett weights over `hac_lags`, scaled by n/(n-k) as statsmodels' use_correction.
Matrix newey_west(const Matrix& design, const Fit& fit, std::size_t hac_lags) {
    Eigen::Index n = design.rows();
    Eigen::Index k = design.cols();
    Matrix scores = design.array().colwise() * fit.residuals.array();
    Matrix meat = scores.transpose() * scores;
    for (Eigen::Index j = 1; j <= static_cast<Eigen::Index>(hac_lags); ++j) {
        double weight = 1 - static_cast<double>(j) / static_cast<double>(hac_lags + 1);
        Matrix products = scores.bottomRows(n - j).transpose() * scores.topRows(n - j);
        meat += weight * (products + products.transpose());
    }
    Matrix covariance = fit.inverse_gram * meat * fit.inverse_gram;
    return covariance * (static_cast<double>(n) / static_cast<double>(n - k));
}

double two_sided_t_p(double t, std::size_t df) {
    if (std::isnan(t)) {
        return t;
    }
    if (std::isinf(t)) {
        return 0;
    }
    boost::math::students_t_distribution<double> distribution(static_cast<double>(df));
    return 2 * boost::math::cdf(boost::math::complement(distribution, std::fabs(t)));
}

Coefficient coefficient(double estimate, double variance, std::size_t df, double confidence) {
    Coefficient c;
    c.estimate = estimate;
    c.standard_error = std::sqrt(variance);
    c.t = estimate / c.standard_error;
    c.p_value = two_sided_t_p(c.t, df);
    double alpha = 1 - confidence;
    boost::math::students_t_distribution<double> distribution(static_cast<double>(df));
    double half = boost::math::quantile(distribution, 1 - alpha / 2) * c.standard_error;
    c.interval = {estimate - half, estimate + half};
    return c;
}

void check_lengths(std::span<const double> y, std::span<const double> x, const char* who) {
    if (y.size() != x.size()) {
        throw std::invalid_argument(std::string(who) + ": the two series differ in length");
    }
}

bool all_finite(std::span<const double> values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

struct Rows {
    Matrix design;
    Vector target;
};

// The rows of the distributed-lag design: [1, x[t], x[t-1], ..., x[t-lags]] for each usable t.
Rows lag_design(std::span<const double> y, std::span<const double> x, std::size_t lags) {
    std::vector<std::size_t> rows;
    for (std::size_t t = lags; t < y.size(); ++t) {
        if (std::isfinite(y[t]) && all_finite(x.subspan(t - lags, lags + 1))) {
            rows.push_back(t);
        }
    }
    auto n = static_cast<Eigen::Index>(rows.size());
    auto k = static_cast<Eigen::Index>(lags + 2);
    Rows result{Matrix(n, k), Vector(n)};
    for (Eigen::Index i = 0; i < n; ++i) {
        std::size_t t = rows[static_cast<std::size_t>(i)];
        result.target(i) = y[t];
        result.design(i, 0) = 1;
        for (std::size_t lag = 0; lag <= lags; ++lag) {
            result.design(i, static_cast<Eigen::Index>(lag + 1)) = x[t - lag];
        }
    }
    return result;
}

} // namespace

std::optional<DistributedLag> distributed_lag(std::span<const double> y, std::span<const double> x, std::size_t lags,
                                              double confidence) {
    check_lengths(y, x, "distributed_lag");
    auto [design, target] = lag_design(y, x, lags);
    auto n = static_cast<std::size_t>(design.rows());
    std::size_t k = lags + 2;
    if (n <= k) {
        return std::nullopt;
    }
    auto fit = least_squares(design, target);
    if (!fit) {
        return std::nullopt;
    }
    DistributedLag result;
    result.n = n;
    result.hac_lags = static_cast<std::size_t>(std::floor(4 * std::pow(static_cast<double>(n) / 100, 2.0 / 9.0)));
    result.residual_df = n - k;
    Matrix covariance = newey_west(design, *fit, result.hac_lags);
    auto at = [](std::size_t i) { return static_cast<Eigen::Index>(i); };
    result.constant = coefficient(fit->coefficients(0), covariance(0, 0), result.residual_df, confidence);
    for (std::size_t lag = 0; lag <= lags; ++lag) {
        Eigen::Index i = at(lag + 1);
        result.lags.push_back(coefficient(fit->coefficients(i), covariance(i, i), result.residual_df, confidence));
    }
    // The sum of the lag coefficients, R b with R = [0, 1, ..., 1], has variance R V R': the sum of V's lag block.
    Eigen::Index m = at(lags + 1);
    result.cumulative = coefficient(fit->coefficients.tail(m).sum(), covariance.bottomRightCorner(m, m).sum(),
                                    result.residual_df, confidence);
    return result;
}

std::optional<GrangerTest> granger_test(std::span<const double> y, std::span<const double> x, std::size_t lags) {
    check_lengths(y, x, "granger_test");
    if (lags == 0) {
        throw std::invalid_argument("granger_test: needs at least one lag");
    }
    std::vector<std::size_t> rows;
    for (std::size_t t = lags; t < y.size(); ++t) {
        if (all_finite(y.subspan(t - lags, lags + 1)) && all_finite(x.subspan(t - lags, lags))) {
            rows.push_back(t);
        }
    }
    std::size_t n = rows.size();
    if (n <= 2 * lags + 1) {
        return std::nullopt;
    }
    // Full design [1, y[t-1..t-lags], x[t-1..t-lags]]; the restricted one is its first lags + 1 columns.
    auto e = [](std::size_t i) { return static_cast<Eigen::Index>(i); };
    Matrix full(e(n), e(2 * lags + 1));
    Vector target(e(n));
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t t = rows[i];
        target(e(i)) = y[t];
        full(e(i), 0) = 1;
        for (std::size_t lag = 1; lag <= lags; ++lag) {
            full(e(i), e(lag)) = y[t - lag];
            full(e(i), e(lags + lag)) = x[t - lag];
        }
    }
    auto full_fit = least_squares(full, target);
    auto restricted_fit = least_squares(full.leftCols(e(lags + 1)), target);
    if (!full_fit || !restricted_fit) {
        return std::nullopt;
    }
    double ssr_full = full_fit->residuals.squaredNorm();
    double ssr_restricted = restricted_fit->residuals.squaredNorm();
    double tss = (target.array() - target.mean()).square().sum();
    // A perfect fit leaves nothing to test, and statsmodels refuses it the same way.
    if (tss == 0 || ssr_full / tss < std::numeric_limits<double>::epsilon()) {
        return std::nullopt;
    }
    GrangerTest test;
    test.n = n;
    test.lags = lags;
    test.df_num = lags;
    test.df_den = n - 2 * lags - 1;
    // Rounding can leave the restricted ssr a hair below the full one when x adds nothing.
    test.f = std::max(0.0, (ssr_restricted - ssr_full) / ssr_full / static_cast<double>(lags) *
                               static_cast<double>(test.df_den));
    boost::math::fisher_f_distribution<double> distribution(static_cast<double>(test.df_num),
                                                            static_cast<double>(test.df_den));
    test.p_value = boost::math::cdf(boost::math::complement(distribution, test.f));
    return test;
}

} // namespace campaign::stats
