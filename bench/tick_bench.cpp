// The cost of one tick of the run loop as the database grows: N enrollments, of which a fixed few are due and the
// rest wait on outcomes far in the future. A tick should cost the same with ten thousand enrollments or a million.
//
//   tick_bench ENROLLMENTS DATABASE      (prints: enrollments, ticks, mean microseconds per tick)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "engine/engine.hpp"
#include "store/database.hpp"
#include "store/enrollment_store.hpp"
#include "store/prospect_store.hpp"
#include "transport/mock_transport.hpp"

using namespace campaign;

namespace {

constexpr int k_due = 200;
constexpr int k_ticks = 100;

core::Campaign bench_campaign() {
    core::Campaign campaign;
    campaign.id = "bench";
    for (int i = 0; i < 20; ++i) {
        core::Sender sender;
        sender.id = "s" + std::to_string(i);
        sender.timezone = "UTC";
        sender.working_hours.days.fill(true);
        sender.working_hours.from_minute = 0;
        sender.working_hours.to_minute = 24 * 60;
        sender.limits = core::default_limits(core::AccountType::premium);
        sender.pacing = {std::chrono::seconds{60}, std::chrono::seconds{0}};
        campaign.senders.push_back(sender);
    }
    core::Step look;
    look.id = "look";
    look.type = core::ActionType::view_profile;
    campaign.steps = {look};
    return campaign;
}

class Quiet final : public engine::Messages {
public:
    engine::TextResult text_for(const core::Campaign&, const core::Step&, const std::string&, const core::Prospect&,
                                const core::Sender&) override {
        return {engine::Text{}, ""};
    }
};

// N prospects and their enrollments, written directly: all but k_due wait on a timer a year away.
void populate(store::Database& database, int enrollments, core::Timestamp now, core::RowId version_id,
              const std::vector<core::RowId>& senders) {
    store::ProspectStore prospects(database);
    store::EnrollmentStore store(database);
    store::Transaction transaction(database);
    for (int i = 0; i < enrollments; ++i) {
        core::Prospect prospect;
        prospect.profile_url = "https://linkedin.com/in/bench-" + std::to_string(i);
        prospect.created_at = prospect.updated_at = now;
        core::Enrollment enrollment;
        enrollment.prospect_id = prospects.insert(prospect);
        enrollment.campaign_id = 1;
        enrollment.version_id = version_id;
        enrollment.sender_id = senders[static_cast<std::size_t>(i) % senders.size()];
        enrollment.current_step = "look";
        enrollment.enrolled_at = now;
        if (i < k_due) {
            enrollment.due_action = core::ActionType::view_profile;
            enrollment.next_due_at = now;
        } else {
            enrollment.waiting_since = now;
            enrollment.next_due_at = now + std::chrono::days{365};
        }
        store.insert(enrollment);
    }
    transaction.commit();
}

// An engine on the mock transport with the benchmark's campaign loaded, as a run would have it.
struct BenchEngine {
    BenchEngine(store::Database& database, core::Timestamp now)
        : engine(database, transport, messages, random, observer) {
        auto campaign = bench_campaign();
        engine.load(
            {{campaign, "bench", "bench.yaml"}}, [&](const std::string&, const std::string&) { return campaign; }, now);
    }

    transport::MockTransport transport{core::MockModel{core::default_outcome_rates(), {}}, 1};
    Quiet messages;
    core::SeededRandom random{1};
    engine::RunObserver observer;
    engine::Engine engine;
};

// The campaign, its senders and N enrollments, in a database closed afterwards, so that the ticks measured next
// read a checkpointed file as a run started later would.
void prepare(const std::filesystem::path& path, int count, core::Timestamp now) {
    store::Database database(path, store::OpenMode::create);
    BenchEngine loaded(database, now);
    std::vector<core::RowId> senders;
    for (core::RowId id = 1; id <= 20; ++id) {
        senders.push_back(id);
    }
    populate(database, count, now, 1, senders);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: tick_bench ENROLLMENTS DATABASE\n");
        return 2;
    }
    auto count = std::stoi(argv[1]);
    std::filesystem::path path = argv[2];
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path.string() + suffix);
    }
    core::ManualClock clock(*core::parse_utc("2026-11-23T09:00:00Z"));
    prepare(path, count, clock.now());

    store::Database database(path, store::OpenMode::must_exist);
    database.relax_durability(); // as a simulated run does
    BenchEngine bench(database, clock.now());

    engine::SimulatedWaiter waiter(clock);
    std::atomic<bool> stop{false};
    auto started = std::chrono::steady_clock::now();
    for (int tick = 0; tick < k_ticks; ++tick) {
        bench.engine.run(clock, waiter, {std::nullopt, true}, stop);
        clock.advance(std::chrono::seconds{60});
    }
    auto elapsed = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started).count();
    std::printf("%d enrollments, %d ticks, %.0f us per tick\n", count, k_ticks, elapsed / k_ticks);
    return 0;
}
