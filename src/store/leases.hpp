// Several runners on one CRM (docs/operations.md, "Several runners"): work is divided by sender. A runner on the wall
// clock takes leases on senders, each with an owner, an epoch that grows with each new owner and an expiry on the
// database's clock, renewed by a heartbeat of its own connection; and one runner at a time holds the chores' lease
// (enrolling new prospects, polling the gateway's events, posting hooks). Only the owner of a sender's current epoch
// writes an intent or an outcome for it: every such write first fences the lease in its own transaction, which
// locks the lease's row until the commit, so that a runner paused past its lease (SIGSTOP, a long pause, a network
// partition) cannot write, nor send, once it wakes.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/enrollment.hpp"

namespace campaign::core {
class Clock;
} // namespace campaign::core

namespace campaign::store {

class Database;

// What a fence found: the lease is another runner's now, or this runner's ran out. What was being written is rolled
// back and the sender (or the chores) let go, until a balance gives it back.
class LeaseLost : public std::runtime_error {
public:
    LeaseLost(std::optional<core::RowId> lost_sender, const std::string& what)
        : std::runtime_error(what), sender_id(lost_sender) {}

    std::optional<core::RowId> sender_id; // none for the chores
};

struct RunnerIdentity {
    std::string id; // unique to the process: host, pid and its start
    std::string host;
    std::int64_t pid = 0;
};

// This process's identity, started by `clock`'s now.
RunnerIdentity this_runner(const core::Clock& clock);

// What a balance changed.
struct LeaseChanges {
    std::vector<core::RowId> gained;
    std::vector<core::RowId> lost;
    bool chores_gained = false;
    bool chores_lost = false;
};

// Who runs and who holds what, as `campaign runners` shows it; times in milliseconds on the database's clock.
struct RunnerRow {
    std::string id;
    std::string host;
    std::int64_t pid = 0;
    std::int64_t started_ms = 0;
    std::int64_t heartbeat_ms = 0;
    std::int64_t lease_ms = 0;
};
struct LeaseRow {
    std::string name;   // "chores", or the sender's lease
    std::string sender; // the sender's name, empty for the chores
    std::string owner;
    std::int64_t epoch = 0;
    std::int64_t acquired_ms = 0;
    std::int64_t expires_ms = 0; // 0 once let go
};
struct RunnersView {
    std::int64_t now_ms = 0;
    std::vector<RunnerRow> runners; // by start
    std::vector<LeaseRow> leases;   // the chores first, then by sender
};
RunnersView read_runners(Database& database);

class Leases {
public:
    // Joins the runners of the database at `location`, opened as `database` (the run's connection); the heartbeat
    // renews this runner's leases every third of `period`, on a connection of its own, until leave().
    Leases(Database& database, const std::filesystem::path& location, RunnerIdentity identity,
           std::chrono::milliseconds period);
    ~Leases();
    Leases(const Leases&) = delete;
    Leases& operator=(const Leases&) = delete;

    const RunnerIdentity& identity() const { return m_identity; }
    std::chrono::milliseconds period() const { return m_period; }

    // With no transaction open: renews the leases, takes expired or free ones of `senders` up to a fair share (the
    // senders divided by the live runners, rounded up), lets go of those over it, and takes the chores when nobody
    // holds them. Each statement commits on its own, so that two runners balancing at once never wait on each other.
    LeaseChanges balance(const std::vector<core::RowId>& senders);
    bool holds(core::RowId sender_id) const { return m_held.contains(sender_id); }
    bool holds_chores() const { return m_chores_epoch.has_value(); }
    // Forgets a lease a fence found lost; the next balance says whether it is still this runner's.
    void forget(std::optional<core::RowId> sender_id);

    // In the open write transaction: the sender's lease (or the chores') is still this runner's, at the epoch it
    // took, and stays so until the commit; throws LeaseLost when it is not.
    void fence(core::RowId sender_id);
    void fence_chores();
    // Whether the leases surely have not run out, by this machine's clock since the last renewal: asked before the
    // transport is called, since an expired lease may be another runner's by now.
    bool fresh() const;

    // In the open write transaction of a runner's start (the campaigns' versions stored, replies read): runners that
    // start at once on PostgreSQL take turns until its commit, as their writes would collide.
    void take_turns();

    // Lets go of every lease and leaves the runners; a runner killed instead leaves its leases to run out.
    void leave() noexcept;

private:
    void fence_named(const std::string& name, std::int64_t epoch, std::optional<core::RowId> sender_id);
    void heartbeat();

    Database& m_database;
    RunnerIdentity m_identity;
    std::chrono::milliseconds m_period;
    std::map<core::RowId, std::int64_t> m_held; // sender -> epoch
    std::optional<std::int64_t> m_chores_epoch;
    // The heartbeat: its own connection, the steady clock's reading when its last renewal began, and its thread.
    std::unique_ptr<Database> m_heartbeat_database;
    std::atomic<std::int64_t> m_renewed_at{0}; // core::monotonic_now() ticks
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_leaving = false; // under m_mutex
    std::thread m_heartbeat;
    bool m_left = false;
};

} // namespace campaign::store
