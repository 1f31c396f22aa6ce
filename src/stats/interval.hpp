// A range of plausible values for an estimate: a confidence interval of a rate, a correlation or a coefficient.
#pragma once

namespace campaign::stats {

struct Interval {
    double low = 0;
    double high = 0;
};

} // namespace campaign::stats
