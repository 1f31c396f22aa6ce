#include "store/hook_store.hpp"

#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_columns = "id, event_key, type, url, secret_env, timeout_ms, payload, created_at, attempts,"
                                  " next_at, delivered_at, last_status, COALESCE(last_error, '')";

HookDelivery read_delivery(Statement& row) {
    HookDelivery delivery;
    delivery.id = row.column(0).integer();
    delivery.event_key = row.column(1).text();
    delivery.type = row.column(2).text();
    delivery.url = row.column(3).text();
    delivery.secret_env = row.column(4).text();
    delivery.timeout = std::chrono::milliseconds{row.column(5).integer()};
    delivery.payload = row.column(6).text();
    delivery.created_at = read_time(row.column(7));
    delivery.attempts = row.column(8).small_integer();
    delivery.next_at = read_optional_time(row.column(9));
    delivery.delivered_at = read_optional_time(row.column(10));
    if (!row.column(11).is_null()) {
        delivery.last_status = row.column(11).small_integer();
    }
    delivery.last_error = row.column(12).text();
    return delivery;
}

} // namespace

void HookStore::enqueue(const std::vector<core::Hook>& hooks, core::HookTopic topic, bool rehearsal,
                        const std::string& type, const std::string& event_key, const std::string& payload,
                        std::optional<core::RowId> prospect_id, core::Timestamp now) {
    for (const auto& hook : hooks) {
        if (!hook.topics.contains(topic) || (rehearsal && !hook.rehearsals)) {
            continue;
        }
        Statement insert(m_database.connection(),
                         "INSERT INTO hook_deliveries (event_key, type, url, secret_env, timeout_ms, payload,"
                         " created_at, next_at, prospect_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                         " ON CONFLICT (event_key, url) DO NOTHING");
        insert.bind(1, event_key);
        insert.bind(2, type);
        insert.bind(3, hook.url);
        insert.bind(4, hook.secret_env);
        insert.bind(5, static_cast<std::int64_t>(hook.timeout.count()));
        insert.bind(6, payload);
        insert.bind(7, core::format_utc(now));
        insert.bind(8, core::format_utc(now));
        if (prospect_id) {
            insert.bind(9, *prospect_id);
        } else {
            insert.bind(9);
        }
        insert.run();
    }
}

std::vector<HookDelivery> HookStore::due(core::Timestamp now, std::size_t limit) {
    Statement query(m_database.connection(), std::string("SELECT ") + k_columns +
                                                 " FROM hook_deliveries WHERE next_at IS NOT NULL AND next_at <= ?"
                                                 " ORDER BY next_at, id LIMIT ?");
    query.bind(1, core::format_utc(now));
    query.bind(2, static_cast<std::int64_t>(limit));
    std::vector<HookDelivery> result;
    while (query.step()) {
        result.push_back(read_delivery(query));
    }
    return result;
}

std::optional<core::Timestamp> HookStore::next_due() {
    Statement query(m_database.connection(), "SELECT min(next_at) FROM hook_deliveries WHERE next_at IS NOT NULL");
    query.step();
    return read_optional_time(query.column(0));
}

void HookStore::delivered(core::RowId id, int status, core::Timestamp at) {
    Statement update(m_database.connection(),
                     "UPDATE hook_deliveries SET attempts = attempts + 1, next_at = NULL, delivered_at = ?,"
                     " last_status = ?, last_error = NULL WHERE id = ?");
    update.bind(1, core::format_utc(at));
    update.bind(2, status);
    update.bind(3, id);
    update.run();
}

void HookStore::failed(core::RowId id, std::optional<int> status, const std::string& error,
                       std::optional<core::Timestamp> again) {
    Statement update(m_database.connection(),
                     "UPDATE hook_deliveries SET attempts = attempts + 1, next_at = ?, last_status = ?,"
                     " last_error = ? WHERE id = ?");
    bind_optional_time(update, 1, again);
    if (status) {
        update.bind(2, *status);
    } else {
        update.bind(2);
    }
    update.bind(3, error);
    update.bind(4, id);
    update.run();
}

void HookStore::waiting(core::RowId id, const std::string& why, core::Timestamp again) {
    Statement update(m_database.connection(), "UPDATE hook_deliveries SET next_at = ?, last_error = ? WHERE id = ?");
    update.bind(1, core::format_utc(again));
    update.bind(2, why);
    update.bind(3, id);
    update.run();
}

int HookStore::revive(core::Timestamp now) {
    Statement update(m_database.connection(), "UPDATE hook_deliveries SET next_at = ?, attempts = 0"
                                              " WHERE next_at IS NULL AND delivered_at IS NULL");
    update.bind(1, core::format_utc(now));
    return update.run();
}

std::vector<HookDelivery> HookStore::log(bool failed_only, std::size_t limit) {
    Statement query(
        m_database.connection(),
        std::string("SELECT ") + k_columns + " FROM hook_deliveries" +
            (failed_only ? " WHERE delivered_at IS NULL AND (attempts > 0 OR last_error IS NOT NULL)" : "") +
            " ORDER BY created_at DESC, id DESC LIMIT ?");
    query.bind(1, static_cast<std::int64_t>(limit));
    std::vector<HookDelivery> result;
    while (query.step()) {
        result.push_back(read_delivery(query));
    }
    return result;
}

} // namespace campaign::store
