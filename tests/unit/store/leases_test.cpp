// Leases on both backends: a sender is one runner's at a time, its epoch grows with each new owner, runners share the
// senders fairly, one of them does the chores, and a fence refuses a runner whose lease ran out or went to another.
#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/leases.hpp"
#include "unit/store/postgres_server.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

// Long enough that no lease runs out by itself while a test looks; a test that needs one to run out says so.
constexpr std::chrono::milliseconds k_period{60000};

std::vector<core::RowId> make_senders(store::Database& database, int count) {
    std::vector<core::RowId> ids;
    for (int i = 1; i <= count; ++i) {
        store::Statement insert(database.connection(), "INSERT INTO senders (name) VALUES (?) RETURNING id");
        insert.bind(1, "sender-" + std::to_string(i));
        ids.push_back(insert.insert());
    }
    return ids;
}

store::RunnerIdentity runner(const std::string& name) {
    return {name, "host-" + name, 100};
}

std::int64_t integer(store::Database& database, const std::string& sql) {
    return store::query_integer(database.connection(), sql);
}

// A runner: its own connection, as a process of its own would have.
struct Runner {
    Runner(const std::string& location, const std::string& name, std::chrono::milliseconds period = k_period)
        : database(location, store::OpenMode::must_exist), leases(database, location, runner(name), period) {}

    store::Database database;
    store::Leases leases;
};

void exercise_leases(const std::string& location) {
    store::Database setup(location, store::OpenMode::create);
    auto senders = make_senders(setup, 5);

    auto a = std::make_unique<Runner>(location, "a");
    // Alone, a runner takes every sender, and the chores.
    auto first = a->leases.balance(senders);
    CHECK(first.gained.size() == 5);
    CHECK(first.chores_gained);
    CHECK(a->leases.holds_chores());
    CHECK(a->leases.fresh());
    CHECK(integer(setup, "SELECT count(*) FROM leases WHERE owner = 'a' AND epoch = 1") == 6);

    // A second runner: the first lets go of its share over three (5 senders, 2 runners), the second takes them.
    Runner b(location, "b");
    CHECK(b.leases.balance(senders).gained.empty()); // nothing free yet
    auto released = a->leases.balance(senders);
    CHECK(released.lost.size() == 2);
    auto taken = b.leases.balance(senders);
    CHECK(taken.gained.size() == 2);
    CHECK_FALSE(taken.chores_gained); // the first still does the chores
    for (auto sender : senders) {
        CHECK(a->leases.holds(sender) != b.leases.holds(sender));
    }
    // Each went to a new owner: epoch 2.
    CHECK(integer(setup, "SELECT count(*) FROM leases WHERE owner = 'b' AND epoch = 2") == 2);

    // A fence in a transaction passes for the owner, and refuses the other runner.
    auto of_a = a->leases.holds(senders[0]) ? senders[0] : senders[4];
    {
        store::Transaction transaction(a->database);
        CHECK_NOTHROW(a->leases.fence(of_a));
        transaction.commit();
    }
    {
        store::Transaction transaction(b.database);
        CHECK_THROWS_AS(b.leases.fence(of_a), store::LeaseLost);
    }

    // The first runner paused past its lease: its leases run out, the second takes them over at a new epoch, and
    // the first's fences refuse to write when it wakes.
    setup.connection().execute("UPDATE leases SET expires_ms = 0 WHERE owner = 'a'");
    setup.connection().execute("UPDATE runners SET heartbeat_ms = 0 WHERE id = 'a'");
    auto over = b.leases.balance(senders);
    CHECK(over.gained.size() == 3);
    CHECK(over.chores_gained);
    {
        store::Transaction transaction(a->database);
        try {
            a->leases.fence(of_a);
            FAIL("the fence let a runner write under a lease that ran out");
        } catch (const store::LeaseLost& lost) {
            CHECK(lost.sender_id == of_a);
        }
        CHECK_THROWS_AS(a->leases.fence_chores(), store::LeaseLost);
    }
    CHECK(integer(setup, "SELECT epoch FROM leases WHERE name = 'sender:" + std::to_string(of_a) + "'") == 2);
    CHECK(integer(setup, "SELECT epoch FROM leases WHERE name = 'chores'") == 2);
    // When it balances again, it learns it holds nothing. The runner that lost them was reaped, and joins again.
    auto woke = a->leases.balance(senders);
    CHECK(woke.lost.size() == 3);
    CHECK(woke.chores_lost);
    CHECK(integer(setup, "SELECT count(*) FROM runners") == 2);

    // Leaving lets go of everything at once, for the other to take.
    a.reset();
    CHECK(integer(setup, "SELECT count(*) FROM runners") == 1);
    CHECK(b.leases.balance(senders).gained.empty());
    CHECK(integer(setup, "SELECT count(*) FROM leases WHERE owner = 'b' AND expires_ms > 0") == 6);
}

// Three runners and twenty senders: shares of seven at most, every sender held once, one runner doing the chores.
void exercise_shares(const std::string& location) {
    store::Database setup(location, store::OpenMode::create);
    auto senders = make_senders(setup, 20);
    std::vector<std::unique_ptr<Runner>> runners;
    for (const char* name : {"r1", "r2", "r3"}) {
        runners.push_back(std::make_unique<Runner>(location, name));
    }
    for (int round = 0; round < 3; ++round) {
        for (auto& each : runners) {
            each->leases.balance(senders);
        }
    }
    std::set<core::RowId> held;
    int chores = 0;
    for (auto& each : runners) {
        int mine = 0;
        for (auto sender : senders) {
            if (each->leases.holds(sender)) {
                ++mine;
                CHECK(held.insert(sender).second);
            }
        }
        CHECK(mine >= 6);
        CHECK(mine <= 7);
        chores += each->leases.holds_chores() ? 1 : 0;
    }
    CHECK(held.size() == senders.size());
    CHECK(chores == 1);
}

// The heartbeat renews the leases on its own connection while the runner does something else for longer than the
// period.
void exercise_heartbeat(const std::string& location) {
    store::Database setup(location, store::OpenMode::create);
    auto senders = make_senders(setup, 2);
    Runner a(location, "a", std::chrono::milliseconds{600});
    REQUIRE(a.leases.balance(senders).gained.size() == 2);
    std::this_thread::sleep_for(std::chrono::milliseconds{1500});
    CHECK(a.leases.fresh());
    store::Transaction transaction(a.database);
    CHECK_NOTHROW(a.leases.fence(senders[0]));
    CHECK_NOTHROW(a.leases.fence_chores());
}

} // namespace

TEST_CASE("leases on SQLite", "[store][leases]") {
    test::TempFolder folder;
    exercise_leases((folder / "campaign.db").string());
}

TEST_CASE("leases on PostgreSQL", "[store][leases][postgresql]") {
    test::PostgresDatabase server;
    exercise_leases(server.uri());
}

TEST_CASE("three runners share twenty senders fairly, and one does the chores", "[store][leases][postgresql]") {
    test::PostgresDatabase server;
    exercise_shares(server.uri());
}

TEST_CASE("the heartbeat keeps the leases while the runner is busy, on both backends", "[store][leases][postgresql]") {
    test::TempFolder folder;
    exercise_heartbeat((folder / "campaign.db").string());
    test::PostgresDatabase server;
    exercise_heartbeat(server.uri());
}
