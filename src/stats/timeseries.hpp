// Time-series tools for inference on autocorrelated daily series. Real activity comes in bursts and LinkedIn's
// pillars move smoothly, so neither series is a run of independent days, and a plain correlation test of two such
// series finds associations that are not there. The remedies here: an autoregression fitted to the activity, with its
// order chosen by an information criterion, whose filter whitens the activity and is applied to the pillar too
// before they are correlated (Box and Jenkins' prewhitening); the effective number of independent pairs of two
// autocorrelated series (Pyper and Peterman 1998); the lag order of a Granger test by an information criterion; and a
// bandwidth for Newey-West errors chosen from the data (Andrews 1991). Checked against statsmodels on the fixtures of
// tests/unit/stats/fixtures/.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace campaign::stats {

enum class InformationCriterion { aic, bic };

struct Autoregression {
    std::size_t order = 0;
    std::size_t n = 0;                // rows the fit used
    double constant = 0;              // c in x[t] = c + phi_1 x[t-1] + ... + phi_p x[t-p] + e[t]
    std::vector<double> coefficients; // phi_1 .. phi_p
    double variance = 0;              // of the innovations e, the residual sum of squares over n
};

// Least squares of x[t] on a constant and x[t-1..t-order], over t >= order: statsmodels' AutoReg(x, order,
// trend='c').fit(). The series must be complete (an activity's daily counts are). None when there are too few rows
// (n <= order + 1) or the design is singular (a constant series). Throws std::invalid_argument on a NaN.
std::optional<Autoregression> fit_autoregression(std::span<const double> x, std::size_t order);

// The order from 0 to max_order whose fit minimises the criterion, each fitted over the same rows (t >= max_order),
// then refitted on all the rows it can use: statsmodels' ar_select_order(x, max_order, ic, trend='c') and its
// model.fit(). AIC = -2 llf + 2 (p + 1), BIC = -2 llf + ln(n) (p + 1), with the Gaussian llf at the variance ssr/n;
// a tie goes to the lower order. None as fit_autoregression.
std::optional<Autoregression> select_autoregression(std::span<const double> x, std::size_t max_order,
                                                    InformationCriterion criterion = InformationCriterion::aic);

// The model's filter applied to a series: s[t] - phi_1 s[t-1] - ... - phi_p s[t-p], without the constant (which no
// correlation sees). NaN for the first p days and for any day whose window holds a NaN (a day without a snapshot).
// Applied to the series the model was fitted to, it gives the fit's residuals plus the constant.
std::vector<double> ar_filter(std::span<const double> series, const Autoregression& model);

// The autocorrelations at lags 0..max_lag of a complete series, each sum over the n - k pairs divided by n - k (the
// "adjusted" estimate, statsmodels' acf(x, nlags, adjusted=True, fft=False)). NaN throughout for a constant series;
// a lag of n or more is left out.
std::vector<double> autocorrelations(std::span<const double> x, std::size_t max_lag);

// The number of independent pairs that n pairs of two autocorrelated series are worth for a test of their
// correlation: 1/N* = 1/n + (2/n) sum_{j=1..n/5} rho_xx(j) rho_yy(j), with the adjusted autocorrelations above
// (Pyper and Peterman 1998, equation 1, after Chelton 1984), held between 3 and n. n when either series is constant.
// Throws std::invalid_argument when the lengths differ.
double effective_pairs(std::span<const double> x, std::span<const double> y);

// The same from autocorrelations computed beforehand (lag 0 first, as autocorrelations() gives them) of two series
// with n pairs: for a series correlated at many lags, whose autocorrelations need computing only once. The sum runs
// to n/5 or as far as both lists reach.
double effective_pairs(std::span<const double> rho_x, std::span<const double> rho_y, std::size_t n);

// The lag order from 1 to max_lags of the two-equation vector autoregression of (y, x) with a constant that
// minimises the criterion, each order fitted over the same rows (t >= max_lags, where every value of the window is
// finite): statsmodels' VAR(np.column_stack([y, x])).select_order(max_lags).ics, least over orders 1 and up.
// AIC = ln det S + 2 (4p + 2) / T, BIC = ln det S + ln(T) (4p + 2) / T, with S the residuals' covariance over T.
// A Granger test needs at least one lag, so 0 is not a candidate. None when no order can be fitted.
std::optional<std::size_t> select_var_order(std::span<const double> y, std::span<const double> x, std::size_t max_lags,
                                            InformationCriterion criterion = InformationCriterion::aic);

} // namespace campaign::stats
