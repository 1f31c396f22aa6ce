// Regressions over daily series: how a pillar's change follows an activity over the next days (a distributed-lag
// model with Newey-West errors), and whether the activity's past helps predict the pillar beyond the pillar's own past
// (a Granger F-test: predictive precedence, not causation). NaN marks a missing day; rows that would use one are
// dropped, nothing is interpolated. Checked against statsmodels on the fixtures of tests/unit/stats/fixtures/.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "stats/interval.hpp"

namespace campaign::stats {

struct Coefficient {
    double estimate = std::numeric_limits<double>::quiet_NaN();
    double standard_error = std::numeric_limits<double>::quiet_NaN();
    double t = std::numeric_limits<double>::quiet_NaN();
    double p_value = std::numeric_limits<double>::quiet_NaN(); // two-sided
    Interval interval;
};

// How many lags of the scores the Newey-West covariance takes in (its truncation lag L, weights 1 - j/(L+1)).
enum class HacBandwidth {
    // L = floor(4 (n/100)^(2/9)), Newey and West's rule of thumb, whatever the data: 4 at 100 days. It is too short
    // for bursty activity against a smooth pillar, and the intervals it gives are too narrow.
    rule_of_thumb,
    // Andrews' (1991) plug-in for the Bartlett kernel: each score series x_j e (the constant's left out) is fitted an
    // AR(1) without a constant, rho_j and s_j^2 by least squares, alpha = sum 4 rho^2 s^4 / ((1-rho)^6 (1+rho)^2) /
    // sum s^4 / (1-rho)^4, bandwidth S = 1.1447 (alpha n)^(1/3), and L = ceil(S) - 1 so that L + 1 >= S; rho is held
    // within +-0.97 and L under n/2.
    andrews,
};

// What the regression takes its errors to be. A pillar's daily changes are autocorrelated, and a covariance
// estimated from autocorrelated residuals runs small in samples of a few months whatever its bandwidth.
enum class LagErrors {
    independent, // least squares as it is, with Newey-West errors
    // Feasible GLS (Cochrane-Orcutt): an AR(p) of the least-squares residuals, p chosen by AIC up to 7 (and a tenth
    // of the rows), its coefficients by Yule-Walker; the design and the target filtered with it and fitted again, the
    // residuals of that fit filtered afresh, and the design fitted once more: statsmodels' GLSAR(y, X, rho).fit() at
    // that rho, with its classic covariance of white errors (hac_lags 0). With an order of 0 it is least squares with
    // that classic covariance (GLSAR at order 0). The rows are taken as consecutive, across a dropped day too.
    autoregressive,
};

struct DistributedLag {
    std::size_t n = 0;           // rows used
    std::size_t hac_lags = 0;    // the Newey-West truncation lag L, by the bandwidth rule asked for; 0 under GLS
    std::size_t residual_df = 0; // n - (lags + 2)
    Coefficient constant;
    std::vector<Coefficient> lags; // lags[k] is the effect of x[t-k] on y[t]
    Coefficient cumulative;        // the sum of lags[0..], with standard error sqrt(1' V 1) from the HAC covariance V
    std::vector<double> error_coefficients; // the AR filter the errors were whitened with; empty for least squares
};

// Least squares of y[t] on a constant and x[t], x[t-1], ..., x[t-lags], over every t >= lags where y[t] and all those
// x are finite. The covariance is Newey-West's (Bartlett kernel, weights 1 - j/(L+1), L by `bandwidth`) scaled by
// n/(n-k) for the k = lags + 2 coefficients, and p-values and intervals at `confidence` come from the t distribution
// with n-k degrees of freedom: statsmodels' OLS(y, X).fit(cov_type='HAC', cov_kwds={'maxlags': L, 'use_correction':
// True}, use_t=True). As there, the kernel takes the rows used as consecutive, across a dropped day too. None when
// there are too few rows (n <= lags + 2) or the design is singular (x constant, say). Throws std::invalid_argument when
// y and x differ in length.
std::optional<DistributedLag> distributed_lag(std::span<const double> y, std::span<const double> x,
                                              std::size_t lags = 7, double confidence = 0.95,
                                              HacBandwidth bandwidth = HacBandwidth::andrews,
                                              LagErrors errors = LagErrors::independent);

// Yule-Walker estimates of an AR(order) of a complete series, its mean taken out, the autocovariance at lag k summed
// over the n - k pairs and divided by n - k: statsmodels' yule_walker(x, order, method='adjusted'). Throws
// std::invalid_argument when the series is shorter than order + 1.
std::vector<double> yule_walker(std::span<const double> x, std::size_t order);

struct GrangerTest {
    std::size_t n = 0; // rows used
    std::size_t lags = 0;
    double f = std::numeric_limits<double>::quiet_NaN();
    std::size_t df_num = 0; // lags
    std::size_t df_den = 0; // n - 2 lags - 1
    double p_value = std::numeric_limits<double>::quiet_NaN();
};

// Does x's past improve the prediction of y beyond y's own past? The ssr F-test of statsmodels'
// grangercausalitytests: restricted y[t] ~ 1 + y[t-1..t-lags], full adds x[t-1..t-lags], over every t >= lags whose
// values are all finite; F = ((ssr_r - ssr_f)/lags) / (ssr_f/(n - 2 lags - 1)). None when there are too few rows
// (n <= 2 lags + 1), the full design is singular, or it fits y perfectly. Throws std::invalid_argument when y and x
// differ in length or lags is 0.
std::optional<GrangerTest> granger_test(std::span<const double> y, std::span<const double> x, std::size_t lags);

} // namespace campaign::stats
