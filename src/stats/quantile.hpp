// Quantiles of a sample, as the report states waiting times: the median and the 90th percentile.
#pragma once

#include <optional>
#include <vector>

namespace campaign::stats {

// The q-quantile (0 <= q <= 1) by linear interpolation between order statistics (Hyndman and Fan's type 7, the
// default of R and numpy); none for an empty sample. Reorders `values`.
std::optional<double> quantile(std::vector<double>& values, double q);

} // namespace campaign::stats
