// SSI snapshots and the daily activity beside them: what was recorded by hand, imported or simulated, and the counts
// of a sender's campaign actions and events per day, which count as activity without being imported.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/enrollment.hpp"
#include "core/ssi.hpp"
#include "core/time.hpp"
#include "store/connection.hpp"
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
    explicit SsiStore(Database& database);
    ~SsiStore();
    SsiStore(const SsiStore&) = delete;
    SsiStore& operator=(const SsiStore&) = delete;

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

    // Removes the sender's counts of one imported series; how many daily counts there were.
    std::size_t clear_activity(const std::string& sender, const std::string& source);
    // Adds an imported count to the series `source`: rows of the same day and activity add up.
    void add_activity(const std::string& sender, const DailyActivity& activity, const std::string& source);
    // The sender's activity per day and kind from `since` to `until` (inclusive): imported counts plus the campaign
    // actions that went out and the acceptances and replies received, each on the sender's own calendar day (an
    // action at 23:30 in New York belongs to that day, not to the next in UTC). Days without activity are absent.
    // Throws core::UserError when the sender's time zone is unknown.
    std::vector<DailyActivity> daily_activity(const std::string& sender, core::Day since, core::Day until);

private:
    Statement& prepared(std::unique_ptr<Statement>& statement, const std::string& sql);

    Database& m_database;
    // Prepared once: an import writes a row at a time.
    std::unique_ptr<Statement> m_find_sender;
    std::unique_ptr<Statement> m_insert_sender;
    std::unique_ptr<Statement> m_find_snapshot;
    std::unique_ptr<Statement> m_upsert_snapshot;
    std::unique_ptr<Statement> m_add_activity;
};

} // namespace campaign::store
