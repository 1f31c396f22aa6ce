#include "store/suppression_store.hpp"

#include <algorithm>
#include <string>

#include "core/profile_url.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

SuppressionStore::SuppressionStore(Database& database)
    : m_database(database), m_contains(std::make_unique<Statement>(
                                database.connection(), "SELECT 1 FROM suppressions WHERE kind = ? AND value = ?")) {}

SuppressionStore::~SuppressionStore() = default;

bool SuppressionStore::add(const core::Suppression& entry) {
    Statement insert(m_database.connection(),
                     "INSERT INTO suppressions (kind, value, reason, created_at) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT DO NOTHING");
    insert.bind(1, std::string(core::to_string(entry.kind)));
    insert.bind(2, entry.value);
    insert.bind(3, entry.reason);
    insert.bind(4, core::format_utc(entry.created_at));
    return insert.run() > 0;
}

bool SuppressionStore::remove(core::SuppressionKind kind, std::string_view value) {
    Statement erase(m_database.connection(), "DELETE FROM suppressions WHERE kind = ? AND value = ?");
    erase.bind(1, std::string(core::to_string(kind)));
    erase.bind(2, std::string(value));
    return erase.run() > 0;
}

bool SuppressionStore::contains(core::SuppressionKind kind, std::string_view value) {
    auto listed = [this, kind](std::string_view form) {
        ResetOnExit reset(*m_contains); // a statement left on its row would keep this connection's snapshot open
        m_contains->bind(1, std::string(core::to_string(kind)));
        m_contains->bind(2, std::string(form));
        return m_contains->step();
    };
    if (listed(value)) {
        return true;
    }
    if (kind != core::SuppressionKind::profile) {
        return false;
    }
    auto earlier = core::earlier_profile_urls(value);
    return std::any_of(earlier.begin(), earlier.end(), listed);
}

bool SuppressionStore::any(core::SuppressionKind kind) {
    Statement query(m_database.connection(), "SELECT 1 FROM suppressions WHERE kind = ? LIMIT 1");
    query.bind(1, std::string(core::to_string(kind)));
    return query.step();
}

namespace {

core::Suppression read_entry(Statement& row) {
    core::Suppression entry;
    entry.id = row.column(0).integer();
    entry.kind = read_enum(row.column(1), core::parse_suppression_kind);
    entry.value = row.column(2).text();
    entry.reason = row.column(3).text();
    entry.created_at = core::parse_utc(row.column(4).text()).value_or(core::Timestamp{});
    return entry;
}

} // namespace

std::optional<core::Suppression> SuppressionStore::find(core::SuppressionKind kind, std::string_view value) {
    Statement query(m_database.connection(), "SELECT id, kind, value, reason, created_at FROM suppressions"
                                             " WHERE kind = ? AND value = ?");
    query.bind(1, std::string(core::to_string(kind)));
    query.bind(2, std::string(value));
    return query.step() ? std::optional(read_entry(query)) : std::nullopt;
}

std::vector<core::Suppression> SuppressionStore::list() {
    Statement query(m_database.connection(),
                    "SELECT id, kind, value, reason, created_at FROM suppressions ORDER BY id");
    std::vector<core::Suppression> entries;
    while (query.step()) {
        entries.push_back(read_entry(query));
    }
    return entries;
}

} // namespace campaign::store
