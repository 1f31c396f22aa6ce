#include "stats/quantile.hpp"

#include <algorithm>
#include <cmath>

namespace campaign::stats {

std::optional<double> quantile(std::vector<double>& values, double q) {
    if (values.empty()) {
        return std::nullopt;
    }
    double position = q * static_cast<double>(values.size() - 1);
    auto below = static_cast<std::size_t>(std::floor(position));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(below), values.end());
    double low = values[below];
    if (below + 1 >= values.size()) {
        return low;
    }
    // The next order statistic is the smallest of those after `below`.
    double high = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(below) + 1, values.end());
    return low + (position - static_cast<double>(below)) * (high - low);
}

} // namespace campaign::stats
