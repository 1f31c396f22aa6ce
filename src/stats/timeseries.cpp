#include "stats/timeseries.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <stdexcept>

#include "stats/dot.hpp"
#include "stats/least_squares.hpp"

namespace campaign::stats {

namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

Eigen::Index at(std::size_t i) {
    return static_cast<Eigen::Index>(i);
}

void require_complete(std::span<const double> x, const char* who) {
    if (std::any_of(x.begin(), x.end(), [](double v) { return std::isnan(v); })) {
        throw std::invalid_argument(std::string(who) + ": the series has a missing value");
    }
}

// The rows x[t] ~ [1, x[t-1], ..., x[t-order]] for t from `first` on.
struct LagRows {
    Matrix design;
    Vector target;
};

LagRows lag_rows(std::span<const double> x, std::size_t order, std::size_t first) {
    std::size_t n = x.size() - first;
    LagRows rows{Matrix(at(n), at(order + 1)), Vector(at(n))};
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t t = first + i;
        rows.target(at(i)) = x[t];
        rows.design(at(i), 0) = 1;
        for (std::size_t lag = 1; lag <= order; ++lag) {
            rows.design(at(i), at(lag)) = x[t - lag];
        }
    }
    return rows;
}

// x[t] on [1, x[t-1], ..., x[t-order]] for t from `first` on.
std::optional<LeastSquares> autoregression_fit(std::span<const double> x, std::size_t order, std::size_t first) {
    if (x.size() <= first || x.size() - first <= order + 1) {
        return std::nullopt;
    }
    auto rows = lag_rows(x, order, first);
    return least_squares(rows.design, rows.target);
}

double criterion_value(InformationCriterion criterion, double log_likelihood, double n, double parameters) {
    double penalty = criterion == InformationCriterion::aic ? 2.0 : std::log(n);
    return -2 * log_likelihood + penalty * parameters;
}

double gaussian_log_likelihood(double ssr, double n) {
    return -n / 2 * (std::log(2 * std::numbers::pi * ssr / n) + 1);
}

} // namespace

std::optional<Autoregression> fit_autoregression(std::span<const double> x, std::size_t order) {
    require_complete(x, "fit_autoregression");
    auto fit = autoregression_fit(x, order, order);
    if (!fit) {
        return std::nullopt;
    }
    Autoregression model;
    model.order = order;
    model.n = static_cast<std::size_t>(fit->residuals.size());
    model.constant = fit->coefficients(0);
    for (std::size_t lag = 1; lag <= order; ++lag) {
        model.coefficients.push_back(fit->coefficients(at(lag)));
    }
    model.variance = fit->residuals.squaredNorm() / static_cast<double>(model.n);
    return model;
}

std::optional<Autoregression> select_autoregression(std::span<const double> x, std::size_t max_order,
                                                    InformationCriterion criterion) {
    require_complete(x, "select_autoregression");
    std::optional<std::size_t> best;
    double best_value = std::numeric_limits<double>::infinity();
    // Every order over the same rows, t >= max_order, each with more rows than coefficients (n > order + 1).
    if (x.size() > max_order + 1) {
        std::size_t n = x.size() - max_order;
        auto rows = lag_rows(x, std::min(max_order, n - 2), max_order);
        auto products = nested_residual_products(rows.design, rows.target);
        for (std::size_t order = 0; order < products.size(); ++order) {
            if (!products[order]) {
                break;
            }
            double ssr = (*products[order])(0, 0);
            auto size = static_cast<double>(n);
            double value =
                criterion_value(criterion, gaussian_log_likelihood(ssr, size), size, static_cast<double>(order + 1));
            if (value < best_value) {
                best_value = value;
                best = order;
            }
        }
    }
    if (!best) {
        return std::nullopt;
    }
    return fit_autoregression(x, *best);
}

std::vector<double> ar_filter(std::span<const double> series, const Autoregression& model) {
    std::vector<double> filtered(series.size(), k_nan);
    for (std::size_t t = model.order; t < series.size(); ++t) {
        double value = series[t];
        for (std::size_t lag = 1; lag <= model.order; ++lag) {
            value -= model.coefficients[lag - 1] * series[t - lag];
        }
        filtered[t] = value; // NaN whenever the window holds one
    }
    return filtered;
}

std::vector<double> autocorrelations(std::span<const double> x, std::size_t max_lag) {
    require_complete(x, "autocorrelations");
    std::size_t n = x.size();
    if (n == 0) {
        return {};
    }
    double mean = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(n);
    std::vector<double> deviations(n);
    std::transform(x.begin(), x.end(), deviations.begin(), [&](double v) { return v - mean; });
    std::span<const double> all(deviations);
    double variance = dot(all, all) / static_cast<double>(n);
    std::vector<double> result;
    for (std::size_t lag = 0; lag <= max_lag && lag < n; ++lag) {
        if (variance == 0) {
            result.push_back(k_nan);
            continue;
        }
        double sum = dot(all.subspan(lag), all.first(n - lag));
        result.push_back(sum / static_cast<double>(n - lag) / variance);
    }
    return result;
}

double effective_pairs(std::span<const double> x, std::span<const double> y) {
    if (x.size() != y.size()) {
        throw std::invalid_argument("effective_pairs: the two series differ in length");
    }
    return effective_pairs(autocorrelations(x, x.size() / 5), autocorrelations(y, y.size() / 5), x.size());
}

double effective_pairs(std::span<const double> rho_x, std::span<const double> rho_y, std::size_t n) {
    auto size = static_cast<double>(n);
    if (n < 3 || rho_x.empty() || rho_y.empty() || std::isnan(rho_x[0]) || std::isnan(rho_y[0])) {
        return size;
    }
    double sum = 0;
    for (std::size_t j = 1; j <= n / 5 && j < rho_x.size() && j < rho_y.size(); ++j) {
        sum += rho_x[j] * rho_y[j];
    }
    if (sum <= 0) {
        return size; // the two series' autocorrelations offset each other: no more than n pairs
    }
    return std::clamp(1 / (1 / size + 2 / size * sum), 3.0, size);
}

std::optional<std::size_t> select_var_order(std::span<const double> y, std::span<const double> x, std::size_t max_lags,
                                            InformationCriterion criterion) {
    if (y.size() != x.size()) {
        throw std::invalid_argument("select_var_order: the two series differ in length");
    }
    std::vector<std::size_t> rows;
    for (std::size_t t = max_lags; t < y.size(); ++t) {
        bool complete = true;
        for (std::size_t k = 0; k <= max_lags && complete; ++k) {
            complete = std::isfinite(y[t - k]) && std::isfinite(x[t - k]);
        }
        if (complete) {
            rows.push_back(t);
        }
    }
    std::optional<std::size_t> best;
    double best_value = std::numeric_limits<double>::infinity();
    auto n = static_cast<double>(rows.size());
    // The orders with more rows than coefficients a series, all over the same rows: order p's design is the first
    // 2p + 1 columns of [1, y[t-1], x[t-1], ..., y[t-max], x[t-max]].
    std::size_t orders = 0;
    while (orders < max_lags && rows.size() > 2 * (orders + 1) + 1) {
        ++orders;
    }
    if (orders == 0) {
        return std::nullopt;
    }
    Matrix design(at(rows.size()), at(2 * orders + 1));
    Matrix targets(at(rows.size()), 2);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::size_t t = rows[i];
        targets(at(i), 0) = y[t];
        targets(at(i), 1) = x[t];
        design(at(i), 0) = 1;
        for (std::size_t lag = 1; lag <= orders; ++lag) {
            design(at(i), at(2 * lag - 1)) = y[t - lag];
            design(at(i), at(2 * lag)) = x[t - lag];
        }
    }
    auto products = nested_residual_products(design, targets);
    for (std::size_t order = 1; order <= orders; ++order) {
        const auto& product = products[2 * order];
        if (!product) {
            break;
        }
        Matrix covariance = *product / n;
        double determinant = covariance.determinant();
        if (!(determinant > 0)) {
            continue; // a perfect fit
        }
        double parameters = static_cast<double>(4 * order + 2);
        double penalty = criterion == InformationCriterion::aic ? 2.0 : std::log(n);
        double value = std::log(determinant) + penalty * parameters / n;
        if (value < best_value) {
            best_value = value;
            best = order;
        }
    }
    return best;
}

} // namespace campaign::stats
