#include <catch2/catch.hpp>

#include "engine/ssi_simulation.hpp"
#include "store/ssi_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

core::Timestamp at(const char* text) {
    return *core::parse_utc(text);
}

core::Day day(const char* text) {
    return *core::parse_day(text);
}

core::SsiModel noisy_model() {
    core::SsiModel model;
    model.noise = 0.1;
    model.quiet_days = 0.3;
    model.effects.push_back({core::Activity::posts, core::Measure::brand, 0.5, 1, {}});
    return model;
}

} // namespace

TEST_CASE("a simulated run records each sender's SSI for every day that ended within it", "[engine]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::SsiStore ssi(database);
    // Thirty hours from 06:00: the first day ends within the run, the second does not.
    CHECK(engine::record_simulated_ssi(database, noisy_model(), 1, {"alice", "bob"}, at("2026-03-02T06:00:00Z"),
                                       at("2026-03-03T12:00:00Z")) == 2);
    CHECK(ssi.snapshots("alice").size() == 1);
    CHECK(ssi.snapshots("alice").front().day == day("2026-03-02"));
    CHECK(ssi.snapshots("alice").front().source == "mock");
    // Less than a day that ends: nothing.
    CHECK(engine::record_simulated_ssi(database, noisy_model(), 1, {"alice"}, at("2026-03-03T12:00:00Z"),
                                       at("2026-03-03T20:00:00Z")) == 0);
}

TEST_CASE("a simulated SSI never replaces a snapshot recorded by hand, and a post moves the brand a day later",
          "[engine]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::SsiStore ssi(database);
    core::SsiSnapshot mine{"alice", day("2026-03-04"), {20, 20, 20, 20}, 80, 3, 4, {}, {}, "manual"};
    ssi.record(mine, at("2026-03-04T20:00:00Z"));
    ssi.add_activity("alice", {day("2026-03-05"), core::Activity::posts, 4}, "posts.csv");
    auto model = noisy_model();
    model.noise = 0; // the brand moves only by the effect
    CHECK(engine::record_simulated_ssi(database, model, 7, {"alice"}, at("2026-03-02T00:00:00Z"),
                                       at("2026-03-08T00:00:00Z")) == 5);
    auto snapshots = ssi.snapshots("alice");
    REQUIRE(snapshots.size() == 6);
    CHECK(snapshots[2].source == "manual");
    CHECK(snapshots[2].total == 80);
    // The simulated days go on from the simulation, not from the hand-recorded day.
    CHECK(snapshots[3].source == "mock");
    CHECK(snapshots[4].pillars[0] == Approx(snapshots[3].pillars[0] + 2.0)); // 4 posts on the 5th, by the 6th
    CHECK(snapshots[5].pillars[0] == Approx(snapshots[4].pillars[0]));
}
