// The numbered schema migrations. Migration N brings a database from schema N-1 to N; PRAGMA user_version holds N.
#pragma once

#include <span>
#include <string_view>

namespace SQLite {
class Database;
}

namespace campaign::store {

struct Migration {
    std::string_view sql;
    // What SQL alone cannot do, run after it in the same transaction.
    void (*then)(SQLite::Database&) = nullptr;
};

std::span<const Migration> migrations();

inline int latest_schema_version() {
    return static_cast<int>(migrations().size());
}

} // namespace campaign::store
