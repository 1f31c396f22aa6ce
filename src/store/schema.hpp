// The numbered schema migrations. Migration N brings a database from schema N-1 to N; PRAGMA user_version holds N.
#pragma once

#include <span>
#include <string_view>

namespace campaign::store {

std::span<const std::string_view> migrations();

inline int latest_schema_version() {
    return static_cast<int>(migrations().size());
}

} // namespace campaign::store
