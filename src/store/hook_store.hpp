// Outbound webhooks waiting to be posted, and the log of what was: one row per event and URL, written in the
// transaction of what it tells (docs/hooks.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/enrollment.hpp"
#include "core/hook.hpp"
#include "core/time.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct HookDelivery {
    core::RowId id = 0;
    std::string event_key;
    std::string type;
    std::string url;
    std::string secret_env;
    std::chrono::milliseconds timeout{0};
    std::string payload;
    core::Timestamp created_at{};
    int attempts = 0;
    std::optional<core::Timestamp> next_at;
    std::optional<core::Timestamp> delivered_at;
    std::optional<int> last_status;
    std::string last_error;
};

class HookStore {
public:
    explicit HookStore(Database& database) : m_database(database) {}

    // One delivery for each hook that hears of `topic`; a rehearsal's only to those that hear of rehearsals. The
    // same event_key and URL is one delivery however often it is written.
    void enqueue(const std::vector<core::Hook>& hooks, core::HookTopic topic, bool rehearsal, const std::string& type,
                 const std::string& event_key, const std::string& payload, std::optional<core::RowId> prospect_id,
                 core::Timestamp now);
    // Due by `now`, the earliest first.
    std::vector<HookDelivery> due(core::Timestamp now, std::size_t limit);
    std::optional<core::Timestamp> next_due();
    void delivered(core::RowId id, int status, core::Timestamp at);
    // Tried and failed: posted again at `again`, or given up without it.
    void failed(core::RowId id, std::optional<int> status, const std::string& error,
                std::optional<core::Timestamp> again);
    // Not tried, and posted at `again`: it cannot be signed yet.
    void waiting(core::RowId id, const std::string& why, core::Timestamp again);
    // The deliveries given up, posted again from `now` with their tries counted afresh; how many.
    int revive(core::Timestamp now);
    // Newest first; only those given up or waiting to be posted again, when `failed_only`.
    std::vector<HookDelivery> log(bool failed_only, std::size_t limit);

private:
    Database& m_database;
};

} // namespace campaign::store
