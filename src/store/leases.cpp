#include "store/leases.hpp"

#include <algorithm>
#include <unistd.h>

#include "core/clock.hpp"
#include "core/stable_hash.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_chores = "chores";

// The database's clock, in milliseconds since 1970: every runner compares expiries on the one clock they share.
// PostgreSQL's now() stays at the transaction's start; clock_timestamp() moves on.
std::string now_ms(Backend backend) {
    return backend == Backend::postgresql ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
                                          : "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
}

std::string lease_name(core::RowId sender_id) {
    return "sender:" + std::to_string(sender_id);
}

std::int64_t steady_ticks() {
    return core::monotonic_now().count();
}

// Takes the lease if it is free or has run out, as its next epoch; the epoch taken, or nothing.
std::optional<std::int64_t> take(Database& database, const std::string& name, std::optional<core::RowId> sender_id,
                                 const std::string& owner, std::chrono::milliseconds period) {
    auto now = now_ms(database.backend());
    Statement take(
        database.connection(),
        "INSERT INTO leases (name, sender_id, owner, epoch, acquired_ms, expires_ms) VALUES (?1, ?2, ?3, 1, " + now +
            ", " + now +
            " + ?4) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, epoch = leases.epoch + 1,"
            " acquired_ms = excluded.acquired_ms, expires_ms = excluded.expires_ms"
            " WHERE leases.expires_ms <= " +
            now + " RETURNING epoch");
    take.bind(1, name);
    if (sender_id) {
        take.bind(2, *sender_id);
    } else {
        take.bind(2);
    }
    take.bind(3, owner);
    take.bind(4, static_cast<std::int64_t>(period.count()));
    if (!take.step()) {
        return std::nullopt;
    }
    auto epoch = take.column(0).integer();
    while (take.step()) {
    }
    return epoch;
}

// Renews the runner's heartbeat and its leases that have not run out; a lease that has is no longer its to renew.
void renew(Database& database, const RunnerIdentity& identity, std::chrono::milliseconds period) {
    auto now = now_ms(database.backend());
    Statement beat(database.connection(),
                   "INSERT INTO runners (id, host, pid, started_ms, heartbeat_ms, lease_ms) VALUES (?1, ?2, ?3, " +
                       now + ", " + now + ", ?4) ON CONFLICT (id) DO UPDATE SET heartbeat_ms = excluded.heartbeat_ms");
    beat.bind(1, identity.id);
    beat.bind(2, identity.host);
    beat.bind(3, identity.pid);
    beat.bind(4, static_cast<std::int64_t>(period.count()));
    beat.run();
    Statement leases(database.connection(),
                     "UPDATE leases SET expires_ms = " + now + " + ?1 WHERE owner = ?2 AND expires_ms > " + now);
    leases.bind(1, static_cast<std::int64_t>(period.count()));
    leases.bind(2, identity.id);
    leases.run();
}

} // namespace

RunnerIdentity this_runner(const core::Clock& clock) {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) {
        std::snprintf(host, sizeof host, "localhost");
    }
    RunnerIdentity identity;
    identity.host = host;
    identity.pid = ::getpid();
    // The start, to the second, tells apart two processes of the host that had the same pid in turn.
    char started[9];
    std::snprintf(started, sizeof started, "%08llx",
                  static_cast<unsigned long long>(clock.now().time_since_epoch().count()) & 0xffffffffULL);
    identity.id = identity.host + ":" + std::to_string(identity.pid) + ":" + started;
    return identity;
}

RunnersView read_runners(Database& database) {
    RunnersView view;
    auto& connection = database.connection();
    view.now_ms = query_integer(connection, "SELECT " + now_ms(database.backend()));
    Statement runners(connection,
                      "SELECT id, host, pid, started_ms, heartbeat_ms, lease_ms FROM runners ORDER BY started_ms, id");
    while (runners.step()) {
        view.runners.push_back({runners.column(0).text(), runners.column(1).text(), runners.column(2).integer(),
                                runners.column(3).integer(), runners.column(4).integer(), runners.column(5).integer()});
    }
    Statement leases(connection, "SELECT l.name, COALESCE(s.name, ''), l.owner, l.epoch, l.acquired_ms, l.expires_ms"
                                 " FROM leases l LEFT JOIN senders s ON s.id = l.sender_id"
                                 " ORDER BY l.sender_id IS NOT NULL, s.name");
    while (leases.step()) {
        view.leases.push_back({leases.column(0).text(), leases.column(1).text(), leases.column(2).text(),
                               leases.column(3).integer(), leases.column(4).integer(), leases.column(5).integer()});
    }
    return view;
}

Leases::Leases(Database& database, const std::filesystem::path& location, RunnerIdentity identity,
               std::chrono::milliseconds period)
    : m_database(database), m_identity(std::move(identity)), m_period(period),
      m_heartbeat_database(std::make_unique<Database>(location, OpenMode::must_exist)) {
    if (m_database.backend() == Backend::postgresql) {
        // A runner stopped in the middle of a transaction (SIGSTOP, a partition) would hold its locks, and so the
        // runners taking its senders over, for as long as it stays away: the server ends such a session after a
        // lease, its transaction rolled back, and the runner, when it wakes, stops with the server's word for it.
        m_database.connection().execute("SET idle_in_transaction_session_timeout = " +
                                        std::to_string(m_period.count()));
    }
    m_renewed_at = steady_ticks();
    renew(m_database, m_identity, m_period);
    m_heartbeat = std::thread([this] { heartbeat(); });
}

Leases::~Leases() {
    leave();
}

void Leases::heartbeat() {
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_period / 3, [this] { return m_leaving; })) {
        lock.unlock();
        auto started = steady_ticks();
        try {
            renew(*m_heartbeat_database, m_identity, m_period);
            m_renewed_at = started;
        } catch (const std::exception&) {
            // The database is out of reach: the leases run out, fresh() says so, and the fences refuse to write. The
            // next heartbeat tries again.
        }
        lock.lock();
    }
}

bool Leases::fresh() const {
    // Renewed every third of the period: two thirds since the last renewal began leave a third as a margin.
    auto since = std::chrono::steady_clock::duration(steady_ticks() - m_renewed_at.load());
    return since < m_period * 2 / 3;
}

LeaseChanges Leases::balance(const std::vector<core::RowId>& senders) {
    auto started = steady_ticks();
    renew(m_database, m_identity, m_period);
    m_renewed_at = std::max(m_renewed_at.load(), started);
    auto now = now_ms(m_database.backend());
    auto& connection = m_database.connection();
    // Runners whose heartbeat stopped a period ago are gone; the leases they held run out by themselves.
    connection.execute("DELETE FROM runners WHERE heartbeat_ms + lease_ms < " + now);
    auto runners = std::max<std::int64_t>(
        1, query_integer(connection, "SELECT count(*) FROM runners WHERE heartbeat_ms + lease_ms >= " + now));
    auto share = static_cast<std::size_t>((static_cast<std::int64_t>(senders.size()) + runners - 1) / runners);

    std::map<core::RowId, std::int64_t> held;
    std::optional<std::int64_t> chores;
    {
        Statement mine(connection, "SELECT sender_id, epoch FROM leases WHERE owner = ?1 AND expires_ms > " + now +
                                       " ORDER BY name");
        mine.bind(1, m_identity.id);
        while (mine.step()) {
            if (mine.column(0).is_null()) {
                chores = mine.column(1).integer();
            } else {
                held[mine.column(0).integer()] = mine.column(1).integer();
            }
        }
    }
    // Over the share (a runner joined): the last senders go back, for the new runner to take.
    std::vector<core::RowId> playing;
    for (auto sender : senders) {
        if (held.contains(sender)) {
            playing.push_back(sender);
        }
    }
    std::sort(playing.begin(), playing.end());
    while (playing.size() > share) {
        Statement release(connection, "UPDATE leases SET expires_ms = 0 WHERE name = ?1 AND owner = ?2");
        release.bind(1, lease_name(playing.back()));
        release.bind(2, m_identity.id);
        release.run();
        held.erase(playing.back());
        playing.pop_back();
    }
    // Under it: free senders, looked at in an order of this runner's own, so that runners starting at once mostly
    // try different ones.
    if (playing.size() < share) {
        std::vector<std::pair<std::uint64_t, core::RowId>> order;
        for (auto sender : senders) {
            if (!held.contains(sender)) {
                order.emplace_back(core::stable_hash({m_identity.id, std::to_string(sender)}), sender);
            }
        }
        std::sort(order.begin(), order.end());
        for (const auto& [rank, sender] : order) {
            if (playing.size() >= share) {
                break;
            }
            if (auto epoch = take(m_database, lease_name(sender), sender, m_identity.id, m_period)) {
                held[sender] = *epoch;
                playing.push_back(sender);
            }
        }
    }
    if (!chores) {
        chores = take(m_database, k_chores, std::nullopt, m_identity.id, m_period);
    }

    LeaseChanges changes;
    for (const auto& [sender, epoch] : m_held) {
        auto now_held = held.find(sender);
        if (now_held == held.end() || now_held->second != epoch) {
            changes.lost.push_back(sender);
        }
    }
    for (const auto& [sender, epoch] : held) {
        auto before = m_held.find(sender);
        if (before == m_held.end() || before->second != epoch) {
            changes.gained.push_back(sender);
        }
    }
    changes.chores_lost = m_chores_epoch && m_chores_epoch != chores;
    changes.chores_gained = chores && m_chores_epoch != chores;
    m_held = std::move(held);
    m_chores_epoch = chores;
    return changes;
}

void Leases::forget(std::optional<core::RowId> sender_id) {
    if (sender_id) {
        m_held.erase(*sender_id);
    } else {
        m_chores_epoch.reset();
    }
}

void Leases::fence(core::RowId sender_id) {
    auto held = m_held.find(sender_id);
    if (held == m_held.end()) {
        throw LeaseLost(sender_id, "this runner does not hold the sender's lease");
    }
    fence_named(lease_name(sender_id), held->second, sender_id);
}

void Leases::fence_chores() {
    if (!m_chores_epoch) {
        throw LeaseLost(std::nullopt, "this runner does not hold the chores' lease");
    }
    fence_named(k_chores, *m_chores_epoch, std::nullopt);
}

void Leases::fence_named(const std::string& name, std::int64_t epoch, std::optional<core::RowId> sender_id) {
    // An update that changes nothing, for the lock it takes: a runner taking the lease over waits for the commit.
    Statement fence(m_database.connection(),
                    "UPDATE leases SET epoch = epoch WHERE name = ?1 AND owner = ?2 AND epoch = ?3"
                    " AND expires_ms > " +
                        now_ms(m_database.backend()));
    fence.bind(1, name);
    fence.bind(2, m_identity.id);
    fence.bind(3, epoch);
    if (fence.run() != 1) {
        throw LeaseLost(sender_id, "the lease '" + name + "' at epoch " + std::to_string(epoch) +
                                       " ran out or is another runner's now");
    }
}

void Leases::take_turns() {
    if (m_database.backend() == Backend::postgresql) {
        // The key of the run lock, plus one: taken for the transaction only.
        m_database.connection().execute("SELECT pg_advisory_xact_lock(7161125211933861743)");
    }
}

void Leases::leave() noexcept {
    if (m_left) {
        return;
    }
    m_left = true;
    {
        std::lock_guard lock(m_mutex);
        m_leaving = true;
    }
    m_wake.notify_all();
    if (m_heartbeat.joinable()) {
        m_heartbeat.join();
    }
    try {
        Statement release(m_database.connection(), "UPDATE leases SET expires_ms = 0 WHERE owner = ?1");
        release.bind(1, m_identity.id);
        release.run();
        Statement gone(m_database.connection(), "DELETE FROM runners WHERE id = ?1");
        gone.bind(1, m_identity.id);
        gone.run();
    } catch (const std::exception&) {
        // The database is out of reach: the leases run out by themselves within a period.
    }
}

} // namespace campaign::store
