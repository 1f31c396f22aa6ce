// The inner product the statistics' sums run on.
#pragma once

#include <cstddef>
#include <span>

namespace campaign::stats {

// Sum of a[i] b[i], in four running sums added at the end: four independent chains of additions run four times as
// fast as one, which the compiler may not reorder on its own. The rounding differs from a single sum's in the last
// bits only.
inline double dot(std::span<const double> a, std::span<const double> b) {
    double sums[4] = {0, 0, 0, 0};
    std::size_t n = a.size() < b.size() ? a.size() : b.size();
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        sums[0] += a[i] * b[i];
        sums[1] += a[i + 1] * b[i + 1];
        sums[2] += a[i + 2] * b[i + 2];
        sums[3] += a[i + 3] * b[i + 3];
    }
    for (; i < n; ++i) {
        sums[0] += a[i] * b[i];
    }
    return (sums[0] + sums[1]) + (sums[2] + sums[3]);
}

} // namespace campaign::stats
