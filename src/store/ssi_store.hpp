// SSI snapshots and the daily activity beside them: what was recorded by hand, imported or simulated, and the counts
// of a sender's campaign actions and events per day, which count as activity without being imported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/enrollment.hpp"
#include "core/ssi.hpp"
#include "core/time.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct DailyActivity {
    core::Day day{};
    core::Activity activity = core::Activity::posts;
    std::int64_t count = 0;
};

struct SsiSender {
    std::string name;
    core::Day first{}; // the first and last day with a snapshot
    core::Day last{};
    std::int64_t snapshots = 0;
};

class SsiStore {
public:
    explicit SsiStore(Database& database) : m_database(database) {}

    // The sender's id, adding a sender of that name (in UTC, without a campaign) when there is none: SSI is often
    // recorded before the first campaign runs.
    core::RowId sender_id(const std::string& name);
    bool has_sender(const std::string& name);

    // Stores the snapshot; the one it replaced, for the same sender and day, if any.
    std::optional<core::SsiSnapshot> record(const core::SsiSnapshot& snapshot, core::Timestamp recorded_at);
    // The sender's snapshots from `since` to `until` (inclusive), by day.
    std::vector<core::SsiSnapshot> snapshots(const std::string& sender, std::optional<core::Day> since = std::nullopt,
                                             std::optional<core::Day> until = std::nullopt);
    // The sender's latest snapshot before `day`.
    std::optional<core::SsiSnapshot> latest_before(const std::string& sender, core::Day day);
    // Senders with at least one snapshot, by name.
    std::vector<SsiSender> senders();

    // Stores an imported count, replacing the count of the same sender, day, activity and source; whether it did.
    bool record_activity(const std::string& sender, const DailyActivity& activity, const std::string& source);
    // The sender's activity per day and kind from `since` to `until` (inclusive): imported counts plus the campaign
    // actions that went out and the acceptances and replies received, by UTC day. Days without activity are absent.
    std::vector<DailyActivity> daily_activity(const std::string& sender, core::Day since, core::Day until);

private:
    Database& m_database;
};

} // namespace campaign::store
