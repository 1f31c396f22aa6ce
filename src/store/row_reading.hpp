// Reading the columns that several stores share the format of: times as ISO UTC text, nullable text; and using a
// prepared statement again.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <optional>
#include <string>

#include "core/time.hpp"

namespace campaign::store {

inline std::optional<core::Timestamp> read_optional_time(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return core::parse_utc(column.getString());
}

inline core::Timestamp read_time(const SQLite::Column& column) {
    return read_optional_time(column).value_or(core::Timestamp{});
}

inline void bind_optional_time(SQLite::Statement& statement, int index, const std::optional<core::Timestamp>& when) {
    if (when) {
        statement.bind(index, core::format_utc(*when));
    } else {
        statement.bind(index);
    }
}

inline void bind_optional_text(SQLite::Statement& statement, int index, const std::string& text) {
    if (text.empty()) {
        statement.bind(index);
    } else {
        statement.bind(index, text);
    }
}

// A prepared statement kept for the next call is reset when the call leaves, whichever way: one left mid-step holds
// its read open and cannot be run again.
class ResetOnExit {
public:
    explicit ResetOnExit(SQLite::Statement& statement) : m_statement(statement) {}
    ~ResetOnExit() { m_statement.tryReset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    SQLite::Statement& m_statement;
};

} // namespace campaign::store
