// The mock transport's SSI, recorded: after a simulated run, each sender's simulated snapshot of every day the run
// saw end, from the activity the database holds by then.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/mock_model.hpp"
#include "core/time.hpp"
#include "store/database.hpp"

namespace campaign::engine {

// Records the senders' simulated SSI for every UTC day that ends between `start` and `reached`, in one transaction;
// how many snapshots it recorded. A snapshot recorded by hand or imported is never replaced by a simulated one.
std::size_t record_simulated_ssi(store::Database& database, const core::SsiModel& model, std::uint64_t seed,
                                 const std::vector<std::string>& senders, core::Timestamp start,
                                 core::Timestamp reached);

} // namespace campaign::engine
