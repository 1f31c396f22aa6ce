// One connection to a CRM's database, whichever its backend: SQLite (a file) or PostgreSQL (a server), and the
// statements the stores run on it. The stores write their SQL once, with SQLite's parameters (`?` and `?N`); a
// backend that numbers them otherwise (PostgreSQL's `$N`) rewrites them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace SQLite {
class Database;
} // namespace SQLite

namespace campaign::store {

enum class Backend { sqlite, postgresql };

// A backend's prepared statement. Parameters are numbered from 1, columns from 0.
class StatementImpl {
public:
    virtual ~StatementImpl() = default;

    virtual void bind_null(int index) = 0;
    virtual void bind_integer(int index, std::int64_t value) = 0;
    virtual void bind_real(int index, double value) = 0;
    virtual void bind_text(int index, const std::string& value) = 0;
    // The same, for a value the caller keeps as it is until the statement is reset: it need not be copied.
    virtual void bind_kept_text(int index, const std::string& value) { bind_text(index, value); }
    virtual void clear_bindings() = 0; // every parameter NULL
    // The number of a named parameter (`:since`), 0 when the statement has none of that name.
    virtual int parameter_index(const std::string& name) const = 0;
    // The next row of the result, run first if it was not; false after the last.
    virtual bool step() = 0;
    // Runs an INSERT ending in RETURNING id to its end, ready to run again; the id of the row it wrote.
    virtual std::int64_t insert();
    // The same for an insert that may write nothing (ON CONFLICT DO NOTHING): the id, or nothing when it wrote none.
    virtual std::optional<std::int64_t> try_insert();
    // Ready to run again, with the same parameters until they are bound anew.
    virtual void reset() = 0;
    virtual int changes() const = 0; // rows the last run wrote

    virtual int column_count() const = 0;
    virtual std::string column_name(int index) const = 0;
    virtual bool is_null(int index) const = 0;
    virtual std::int64_t integer(int index) const = 0;
    virtual double real(int index) const = 0;
    virtual std::string text(int index) const = 0;
};

class Connection {
public:
    virtual ~Connection() = default;

    virtual Backend backend() const = 0;
    // Where it is connected, for messages: a file's path, a server's user@host:port/database (never a password).
    virtual std::string where() const = 0;
    virtual std::unique_ptr<StatementImpl> prepare(const std::string& sql) = 0;
    // Statements without parameters or results, one or several separated by `;`.
    virtual void execute(const std::string& sql) = 0;
    // The same, saying nothing of a failure: for a destructor.
    void try_execute(const std::string& sql) noexcept;
};

// One column of the current row.
class Column {
public:
    Column(const StatementImpl& statement, int index) : m_statement(statement), m_index(index) {}

    std::string name() const { return m_statement.column_name(m_index); }
    bool is_null() const { return m_statement.is_null(m_index); }
    std::int64_t integer() const { return m_statement.integer(m_index); }
    int small_integer() const { return static_cast<int>(integer()); }
    double real() const { return m_statement.real(m_index); }
    std::string text() const { return m_statement.text(m_index); }

private:
    const StatementImpl& m_statement;
    int m_index;
};

// A statement prepared on a connection, run as often as wanted.
class Statement {
public:
    Statement(Connection& connection, const std::string& sql) : m_impl(connection.prepare(sql)) {}

    void bind(int index) { m_impl->bind_null(index); }
    template <typename Integer, std::enable_if_t<std::is_integral_v<Integer>, int> = 0>
    void bind(int index, Integer value) {
        m_impl->bind_integer(index, static_cast<std::int64_t>(value));
    }
    void bind(int index, double value) { m_impl->bind_real(index, value); }
    void bind(int index, std::string_view value) { m_impl->bind_text(index, std::string(value)); }
    void bind(int index, const std::string& value) { m_impl->bind_text(index, value); }
    void bind(int index, const char* value) { m_impl->bind_text(index, value); }
    // Binds text that the caller keeps alive and unchanged until the statement is reset, without a copy.
    void bind_kept(int index, const std::string& value) { m_impl->bind_kept_text(index, value); }
    // By name (`:since`), a name the statement has.
    template <typename Value>
    void bind(const char* name, const Value& value) {
        bind(named(name), value);
    }
    void bind(const char* name) { bind(named(name)); }
    void clear_bindings() { m_impl->clear_bindings(); }
    int parameter_index(const std::string& name) const { return m_impl->parameter_index(name); }

    // The next row; false when there is none left.
    bool step() { return m_impl->step(); }
    // Runs a statement without results to its end; the rows it wrote.
    int run();
    // Runs an INSERT ending in RETURNING id (as `id` is every table's key); the id of the row it wrote.
    std::int64_t insert() { return m_impl->insert(); }
    // An INSERT ... ON CONFLICT DO NOTHING RETURNING id: the id of the row it wrote, or nothing when it wrote none.
    std::optional<std::int64_t> try_insert() { return m_impl->try_insert(); }
    // Ready to run again, saying nothing of a failure: for a destructor.
    void try_reset() noexcept;
    void reset() { m_impl->reset(); }
    int changes() const { return m_impl->changes(); }

    int column_count() const { return m_impl->column_count(); }
    Column column(int index) const { return Column(*m_impl, index); }

private:
    int named(const char* name) const;

    std::unique_ptr<StatementImpl> m_impl;
};

// A statement of SQLite's parameters with PostgreSQL's (`$N`), numbered as SQLite numbers them: `?N` is N, and a
// bare `?` or the first `:name` of a name the one after the highest so far; `count` is the highest, `names` the
// number of each name. Strings, quoted names and comments are copied as they are.
std::string postgresql_parameters(std::string_view sql, int& count, std::map<std::string, int>* names = nullptr);

// The one whole number a query gives (a count, an id), or 0 when it gives no row.
std::int64_t query_integer(Connection& connection, const std::string& sql);

// The backend a CRM's location names: a libpq URI (postgresql:// or postgres://) is a server, anything else a file.
Backend backend_of(std::string_view location);

// The database a PostgreSQL URI names (its dbname, else libpq's default: the user's name), for the name of a file
// kept for it. Throws core::UserError when it is no URI libpq reads.
std::string postgresql_database_name(const std::string& uri);

// Whether two PostgreSQL URIs name the same database of the same server (host, port and database, with libpq's
// defaults), whatever else they set. Throws core::UserError when one is no URI libpq reads.
bool same_postgresql_database(const std::string& first, const std::string& second);

// The connection of an open SQLite database (store::Database opens the file, with its settings), at `path`.
std::unique_ptr<Connection> sqlite_connection(SQLite::Database& database, const std::string& path);

// Connects to a PostgreSQL server. Throws core::UserError when the URI carries a password (it belongs in PGPASSWORD or
// ~/.pgpass, where libpq looks, not on a command line), core::RuntimeFailure when the connection fails, saying where
// and why.
std::unique_ptr<Connection> open_postgresql(const std::string& uri);

} // namespace campaign::store
