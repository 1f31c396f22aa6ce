// What `campaign run` puts around the engine: the campaign's templates as the engine's messages, the wall-clock
// waiter that sleeps and wakes on a signal, and the observer that prints progress and the dry run's schedule.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <ostream>

#include "core/clock.hpp"
#include "engine/engine.hpp"
#include "template/template_set.hpp"
#include "transport/backoff.hpp"

namespace campaign::cli {

class TemplateMessages final : public engine::Messages {
public:
    engine::TextResult text_for(const core::Campaign& campaign, const core::Step& step,
                                const std::string& template_name, const core::Prospect& prospect,
                                const core::Sender& sender) override;

private:
    // One set per campaign version the run plays, read and parsed the first time it is needed.
    std::map<const core::Campaign*, std::unique_ptr<templating::TemplateSet>> m_sets;
};

class WallWaiter final : public engine::Waiter {
public:
    WallWaiter(const core::Clock& clock, const std::atomic<bool>& stop) : m_clock(clock), m_stop(stop) {}
    bool wait_until(core::Timestamp when) override;
    bool simulated() const override { return false; }

private:
    const core::Clock& m_clock;
    const std::atomic<bool>& m_stop;
};

// The waits between a gateway's retries, in real time whatever the run's clock (the gateway is real), cut short when
// the run is asked to stop.
class WallSleeper final : public transport::Sleeper {
public:
    explicit WallSleeper(const std::atomic<bool>& stop) : m_stop(stop) {}
    bool sleep_for(std::chrono::milliseconds wait) override;

private:
    const std::atomic<bool>& m_stop;
};

class RunPrinter final : public engine::RunObserver {
public:
    RunPrinter(std::ostream& out, std::ostream& err, const core::Clock& wall, bool schedule, bool progress)
        : m_out(out), m_err(err), m_wall(wall), m_schedule(schedule), m_progress(progress) {}
    ~RunPrinter() override;

    void on_action(const engine::ActionReport& report) override;
    void on_progress(const engine::Progress& progress) override;
    void on_note(const std::string& note) override;
    void on_warning(const std::string& warning) override;
    // Takes the progress line off the terminal, before the run's summary.
    void clear_progress();

private:
    std::ostream& m_out;
    std::ostream& m_err;
    const core::Clock& m_wall;
    bool m_schedule; // print each action: the dry run's forecast
    bool m_progress; // a progress line on the terminal
    bool m_progress_shown = false;
    core::Timestamp m_last_progress{};
};

// SIGINT and SIGTERM set the flag while the guard lives, so that the run stops between two actions.
class StopOnSignal {
public:
    StopOnSignal();
    ~StopOnSignal();
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;
    const std::atomic<bool>& requested() const;
};

} // namespace campaign::cli
