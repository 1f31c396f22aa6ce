#include "stats/experiment.hpp"

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

namespace campaign::stats {

namespace {

constexpr std::size_t k_exact_pairs = 20;

} // namespace

std::optional<PairedEffect> paired_randomization(std::span<const double> on, std::span<const double> off,
                                                 double confidence, std::uint64_t seed, std::size_t draws) {
    if (on.size() != off.size()) {
        throw std::invalid_argument("paired_randomization: the on and off outcomes differ in length");
    }
    std::size_t n = on.size();
    std::vector<double> differences;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(on[i]) || !std::isfinite(off[i])) {
            throw std::invalid_argument("paired_randomization: an outcome is not a number");
        }
        differences.push_back(on[i] - off[i]);
    }
    if (n < 2) {
        return std::nullopt;
    }
    auto size = static_cast<double>(n);
    PairedEffect effect;
    effect.pairs = n;
    effect.mean_on = std::accumulate(on.begin(), on.end(), 0.0) / size;
    effect.mean_off = std::accumulate(off.begin(), off.end(), 0.0) / size;
    double total = std::accumulate(differences.begin(), differences.end(), 0.0);
    effect.difference = total / size;
    double squares = 0;
    for (double d : differences) {
        squares += (d - effect.difference) * (d - effect.difference);
    }
    effect.standard_error = std::sqrt(squares / (size - 1) / size);
    boost::math::students_t_distribution<double> t(size - 1);
    double half = boost::math::quantile(t, 0.5 + confidence / 2) * effect.standard_error;
    effect.interval = {effect.difference - half, effect.difference + half};
    // A flip of pair i turns its difference's sign: the sum of the flipped assignment is total - 2 sum(flipped d).
    // Sums are compared with a tolerance of rounding, as scipy does, so that ties count as ties.
    double observed = std::fabs(total);
    double tolerance = 1e-9 * std::max(1.0, observed);
    std::size_t as_large = 0;
    if (n <= k_exact_pairs) {
        std::size_t count = std::size_t{1} << n;
        for (std::size_t mask = 0; mask < count; ++mask) {
            double sum = 0;
            for (std::size_t i = 0; i < n; ++i) {
                sum += (mask >> i & 1U) != 0 ? -differences[i] : differences[i];
            }
            as_large += std::fabs(sum) >= observed - tolerance ? 1 : 0;
        }
        effect.assignments = count;
        effect.p_value = static_cast<double>(as_large) / static_cast<double>(count);
        return effect;
    }
    std::mt19937_64 random(seed);
    for (std::size_t draw = 0; draw < draws; ++draw) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += (random() & 1U) != 0 ? -differences[i] : differences[i];
        }
        as_large += std::fabs(sum) >= observed - tolerance ? 1 : 0;
    }
    effect.exact = false;
    effect.assignments = draws;
    effect.p_value = static_cast<double>(as_large + 1) / static_cast<double>(draws + 1);
    return effect;
}

double paired_power(double effect, double sd, std::size_t pairs, double alpha) {
    if (pairs < 2 || !(sd > 0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    auto df = static_cast<double>(pairs - 1);
    double critical = boost::math::quantile(boost::math::students_t_distribution<double>(df), 1 - alpha / 2);
    double shift = effect / sd * std::sqrt(static_cast<double>(pairs));
    boost::math::non_central_t_distribution<double> t(df, shift);
    return boost::math::cdf(boost::math::complement(t, critical)) + boost::math::cdf(t, -critical);
}

std::optional<std::size_t> pairs_for_power(double effect, double sd, double power, double alpha, std::size_t most) {
    for (std::size_t pairs = 2; pairs <= most; ++pairs) {
        if (paired_power(effect, sd, pairs, alpha) >= power) {
            return pairs;
        }
    }
    return std::nullopt;
}

} // namespace campaign::stats
