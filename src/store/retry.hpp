// Steps that failed for good, and trying them again once the cause is removed (a template fixed, a limit raised, a
// rejection dealt with). Only a step that never went out is tried again, so a retry can never send twice.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/enrollment.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct RetryFilter {
    std::optional<std::string> campaign;
    std::optional<std::string> step;
    std::optional<std::string> sender;
    std::vector<core::Failure> reasons; // empty: every reason
};

// A failed step that ended its enrollment, with names instead of row ids.
struct FailedStep {
    core::Action action;
    std::string campaign;
    std::string sender;
    std::string profile_url;
};

// The failed steps a retry would take, oldest first. Steps of prospects since erased or suppressed are left out: the
// run would stop them anyway.
std::vector<FailedStep> failed_steps(Database& database, const RetryFilter& filter);

// Makes each step due again at `now` in its enrollment, which is active again on the version it started on. A step the
// gateway rejected goes out under a new idempotency key, since a gateway answers a key it has seen as it did the first
// time. Returns how many were reopened; a step that changed since it was listed is left alone.
int retry_steps(Database& database, const std::vector<FailedStep>& steps, core::Timestamp now);

// The key a step's next try goes out under: KEY/retry-1, then KEY/retry-2.
std::string retried_key(const std::string& key);

} // namespace campaign::store
