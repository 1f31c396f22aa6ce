#include "store/retry.hpp"

#include <algorithm>

#include "store/action_store.hpp"
#include "store/connection.hpp"

namespace campaign::store {

namespace {

void bind_optional(Statement& statement, int index, const std::optional<std::string>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

// A step the gateway saw: it would answer the old key as it did the first time.
bool reached_the_gateway(core::Failure failure) {
    return failure == core::Failure::rejected || failure == core::Failure::gave_up;
}

} // namespace

std::vector<FailedStep> failed_steps(Database& database, const RetryFilter& filter) {
    Statement query(database.connection(),
                    "SELECT a.id, c.name, s.name, p.profile_url FROM actions a"
                    " JOIN enrollments e ON e.id = a.enrollment_id AND e.state = 'failed'"
                    " JOIN campaigns c ON c.id = a.campaign_id JOIN senders s ON s.id = a.sender_id"
                    " JOIN prospects p ON p.id = a.prospect_id AND p.erased_at IS NULL"
                    " AND p.merged_into IS NULL"
                    " WHERE a.state = 'failed' AND a.failure IS NOT NULL"
                    " AND (CAST(?1 AS TEXT) IS NULL OR c.name = ?1) AND (CAST(?2 AS TEXT) IS NULL OR a.step = ?2)"
                    " AND (CAST(?3 AS TEXT) IS NULL OR s.name = ?3)"
                    // lower(): a member id URL suppressed before schema 8 was lower-cased.
                    " AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.kind = 'profile'"
                    "                 AND x.value IN (p.profile_url, lower(p.profile_url)))"
                    " ORDER BY a.at_utc, a.id");
    bind_optional(query, 1, filter.campaign);
    bind_optional(query, 2, filter.step);
    bind_optional(query, 3, filter.sender);
    ActionStore actions(database);
    std::vector<FailedStep> found;
    while (query.step()) {
        auto action = actions.get(query.column(0).integer());
        if (!action || !action->failure) {
            continue;
        }
        if (!filter.reasons.empty() &&
            std::find(filter.reasons.begin(), filter.reasons.end(), *action->failure) == filter.reasons.end()) {
            continue;
        }
        found.push_back({std::move(*action), query.column(1).text(), query.column(2).text(), query.column(3).text()});
    }
    return found;
}

int retry_steps(Database& database, const std::vector<FailedStep>& steps, core::Timestamp now) {
    Transaction transaction(database);
    Statement reopen(database.connection(), "UPDATE enrollments SET state = 'active', current_step = ?, due_action = ?,"
                                            " next_due_at = ?, waiting_since = NULL, finished_at = NULL"
                                            " WHERE id = ? AND state = 'failed'");
    Statement rekey(database.connection(), "UPDATE actions SET idempotency_key = ? WHERE id = ? AND state = 'failed'");
    int reopened = 0;
    for (const auto& step : steps) {
        const auto& action = step.action;
        reopen.bind(1, action.step);
        reopen.bind(2, std::string(core::to_string(action.type)));
        reopen.bind(3, core::format_utc(now));
        reopen.bind(4, action.enrollment_id);
        int changed = reopen.run();
        reopen.reset();
        if (changed == 0) {
            continue;
        }
        if (action.failure && reached_the_gateway(*action.failure)) {
            rekey.bind(1, retried_key(action.idempotency_key));
            rekey.bind(2, action.id);
            rekey.run();
            rekey.reset();
        }
        ++reopened;
    }
    transaction.commit();
    return reopened;
}

std::string retried_key(const std::string& key) {
    constexpr std::string_view k_marker = "/retry-";
    auto at = key.rfind(k_marker);
    if (at != std::string::npos) {
        auto number = key.substr(at + k_marker.size());
        if (!number.empty() && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            number.size() < 9) {
            return key.substr(0, at) + std::string(k_marker) + std::to_string(std::stoi(number) + 1);
        }
    }
    return key + std::string(k_marker) + "1";
}

} // namespace campaign::store
