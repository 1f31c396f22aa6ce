// The mock transport's SSI: a sender's pillars simulated day by day from the mock model, so that a simulated campaign
// leaves an SSI history whose true effects are known. A day's draw depends only on the seed, the sender and the day,
// so that a period simulated in one run or in several gives the same history.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/mock_model.hpp"
#include "core/ssi.hpp"

namespace campaign::transport {

// How many of an activity the sender did on a day.
using ActivityCounts = std::function<double(core::Day, core::Activity)>;

// The snapshots of days `first` to `last` (inclusive), continuing from `before` (the sender's latest snapshot
// before `first`) or else from the model's start.
std::vector<core::SsiSnapshot> simulate_ssi(const core::SsiModel& model, std::uint64_t seed, const std::string& sender,
                                            core::Day first, core::Day last,
                                            const std::optional<core::SsiSnapshot>& before,
                                            const ActivityCounts& activity);

} // namespace campaign::transport
