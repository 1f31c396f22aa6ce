// What the action log's queries share: the states an action counts in, and how an invitation meets the events that
// answer it.
#pragma once

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>

#include "store/action_store.hpp"
#include "store/connection.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

// The earliest an event of the gateway's may be dated and still answer an invitation sent at `sent` (a column): the
// gateway's clock is not the engine's.
inline std::string since_sent(Backend backend, std::string_view sent) {
    auto minutes = std::to_string(std::chrono::duration_cast<std::chrono::minutes>(k_gateway_clock_slack).count());
    if (backend == Backend::postgresql) {
        return "to_char((" + std::string(sent) + ")::timestamptz AT TIME ZONE 'UTC' - interval '" + minutes +
               " minutes', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    }
    return "strftime('%Y-%m-%dT%H:%M:%SZ', " + std::string(sent) + ", '-" + minutes + " minutes')";
}

// The events of an invitation's prospect, looked up by their index on the prospect: left to itself, SQLite's
// planner scans every acceptance of the period for each invitation. PostgreSQL takes no such hint.
inline std::string events_by_prospect(Backend backend) {
    return backend == Backend::sqlite ? "events v INDEXED BY events_by_prospect" : "events v";
}

// The states of an action that went out or may have: what a sender's limits and allowances count.
inline constexpr std::initializer_list<core::ActionState> k_counted_states = {
    core::ActionState::sent, core::ActionState::sending, core::ActionState::in_doubt};

inline const std::string& counted_states() {
    static const std::string list = sql_list(k_counted_states);
    return list;
}

inline bool is_counted(core::ActionState state) {
    return std::find(k_counted_states.begin(), k_counted_states.end(), state) != k_counted_states.end();
}

} // namespace campaign::store
