// Reading the columns that several stores share the format of: times as ISO UTC text, nullable text, the names of
// the product's enumerations; and using a prepared statement again.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "store/connection.hpp"

namespace campaign::store {

inline std::optional<core::Timestamp> read_optional_time(const Column& column) {
    if (column.is_null()) {
        return std::nullopt;
    }
    return core::parse_utc(column.text());
}

inline core::Timestamp read_time(const Column& column) {
    return read_optional_time(column).value_or(core::Timestamp{});
}

// A column naming a value of one of the product's enumerations (a state, a type, a class), read strictly with its
// `parse`: a name this version does not know (written by a newer one, or by hand) stops the command with an error
// that says where, rather than being read as some other value.
template <typename Parse>
auto read_enum(const Column& column, Parse parse) {
    auto text = column.text();
    auto value = parse(std::string_view(text));
    if (!value) {
        throw core::RuntimeFailure("error: the database holds '" + text + "' in a column '" + column.name() +
                                   "', a value this version of campaign does not know (written by a newer version, "
                                   "or by hand)");
    }
    return *value;
}

// The same for a column that may be NULL.
template <typename Parse>
auto read_optional_enum(const Column& column, Parse parse) -> decltype(parse(std::string_view())) {
    if (column.is_null()) {
        return std::nullopt;
    }
    return read_enum(column, parse);
}

// "('sent', 'sending')": values of one of the product's enumerations as an SQL list, spelled as the database stores
// them, so that a query's list follows the C++ type.
template <typename Enum>
std::string sql_list(std::initializer_list<Enum> values) {
    std::string list = "(";
    for (auto value : values) {
        // The enumeration's own to_string, found in its namespace.
        list += (list.size() > 1 ? ", '" : "'") + std::string(to_string(value)) + "'";
    }
    return list + ")";
}

inline void bind_optional_time(Statement& statement, int index, const std::optional<core::Timestamp>& when) {
    if (when) {
        statement.bind(index, core::format_utc(*when));
    } else {
        statement.bind(index);
    }
}

inline void bind_optional_text(Statement& statement, int index, const std::string& text) {
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
    explicit ResetOnExit(Statement& statement) : m_statement(statement) {}
    ~ResetOnExit() { m_statement.try_reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    Statement& m_statement;
};

// Statements that each write a number of rows, made from that number the first time it is asked for: a write of many
// rows at once prepares one for a full batch and one for what is left.
class StatementsByCount {
public:
    using Sql = std::string (*)(std::size_t count);
    StatementsByCount(Connection& connection, Sql sql) : m_connection(connection), m_sql(sql) {}

    Statement& writing(std::size_t count) {
        if (m_statements.size() < count) {
            m_statements.resize(count);
        }
        auto& statement = m_statements[count - 1];
        if (!statement) {
            statement = std::make_unique<Statement>(m_connection, m_sql(count));
        }
        return *statement;
    }

private:
    Connection& m_connection;
    Sql m_sql;
    std::vector<std::unique_ptr<Statement>> m_statements; // [n - 1] writes n rows
};

} // namespace campaign::store
