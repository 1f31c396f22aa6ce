#include "engine/ssi_simulation.hpp"

#include <algorithm>
#include <map>

#include "store/ssi_store.hpp"
#include "transport/mock_ssi.hpp"

namespace campaign::engine {

std::size_t record_simulated_ssi(store::Database& database, const core::SsiModel& model, std::uint64_t seed,
                                 const std::vector<std::string>& senders, core::Timestamp start,
                                 core::Timestamp reached) {
    auto first = std::chrono::floor<std::chrono::days>(start);
    auto last = std::chrono::floor<std::chrono::days>(reached) - std::chrono::days{1};
    if (last < first) {
        return 0;
    }
    int longest_lag = 0;
    for (const auto& effect : model.effects) {
        longest_lag = std::max(longest_lag, effect.lag_days);
    }
    store::SsiStore ssi(database);
    store::Transaction transaction(database);
    std::size_t recorded = 0;
    for (const auto& sender : senders) {
        // The effects reach back `longest_lag` days before the first simulated one.
        std::map<std::pair<core::Day, core::Activity>, double> counts;
        for (const auto& day : ssi.daily_activity(sender, first - std::chrono::days{longest_lag}, last)) {
            counts[{day.day, day.activity}] = static_cast<double>(day.count);
        }
        auto activity = [&counts](core::Day day, core::Activity kind) {
            auto found = counts.find({day, kind});
            return found == counts.end() ? 0.0 : found->second;
        };
        std::map<core::Day, std::string> kept;
        for (const auto& snapshot : ssi.snapshots(sender, first, last)) {
            kept.emplace(snapshot.day, snapshot.source);
        }
        for (const auto& snapshot :
             transport::simulate_ssi(model, seed, sender, first, last, ssi.latest_before(sender, first), activity)) {
            if (auto found = kept.find(snapshot.day); found == kept.end() || found->second == "mock") {
                ssi.record(snapshot, reached);
                ++recorded;
            }
        }
    }
    transaction.commit();
    return recorded;
}

} // namespace campaign::engine
