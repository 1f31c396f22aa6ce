// What a run tells the person watching it: each action as it goes (the dry run's schedule), progress, and notes on
// what it decided (a step failed, a late acceptance). The CLI prints them; tests record them.
#pragma once

#include <string>

#include "core/enrollment.hpp"

namespace campaign::engine {

struct ActionReport {
    core::Action action;
    std::string campaign;
    std::string sender;
    std::string profile_url;
};

struct Progress {
    core::Timestamp now{};
    long sent = 0;
    long accepted = 0;
    long replied = 0;
    long away = 0; // out-of-office notices, which are no replies
    long failed = 0;
    long unreachable = 0; // tries that met a gateway out of reach
};

class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void on_action(const ActionReport&) {}
    virtual void on_progress(const Progress&) {}
    virtual void on_note(const std::string&) {}
    // Something the user must act on: a sender paused, an action in doubt.
    virtual void on_warning(const std::string&) {}
};

} // namespace campaign::engine
