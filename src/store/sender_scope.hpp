// The senders whose rows one of several runners reads (store/leases.hpp): those it holds the leases of, and, when it
// does the chores, rows of no sender. Without a scope, a run reads every sender's.
#pragma once

#include <string>
#include <vector>

#include "core/enrollment.hpp"

namespace campaign::store {

struct SenderScope {
    std::vector<core::RowId> senders;
    bool with_none = false; // rows whose sender is NULL too
};

// A condition on `column` for a WHERE clause: the ids are whole numbers, written into the SQL as they are.
inline std::string condition_of(const SenderScope& scope, const std::string& column) {
    std::string listed;
    for (auto id : scope.senders) {
        listed += (listed.empty() ? "" : ", ") + std::to_string(id);
    }
    std::string condition = listed.empty() ? "0 = 1" : column + " IN (" + listed + ")";
    return scope.with_none ? "(" + condition + " OR " + column + " IS NULL)" : "(" + condition + ")";
}

} // namespace campaign::store
