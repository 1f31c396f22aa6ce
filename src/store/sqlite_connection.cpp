// The SQLite backend: SQLiteCpp's statements on the database that store::Database opened.
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.hpp"
#include "store/connection.hpp"

namespace campaign::store {

namespace {

// SQLiteCpp's exceptions, with the database's path and the statement, as the PostgreSQL backend says them.
template <typename Action>
auto saying_where(const std::string& where, const std::string& sql, Action action) {
    try {
        return action();
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(where + ": error: '" + sql + "': " + failure.what());
    }
}

class SqliteStatement final : public StatementImpl {
public:
    SqliteStatement(SQLite::Database& database, const std::string& where, const std::string& sql)
        : m_where(where), m_sql(sql),
          m_statement(saying_where(where, sql, [&] { return SQLite::Statement(database, sql); })) {}

    void bind_null(int index) override { m_statement.bind(index); }
    void bind_integer(int index, std::int64_t value) override { m_statement.bind(index, value); }
    void bind_real(int index, double value) override { m_statement.bind(index, value); }
    void bind_text(int index, std::string_view value) override { m_statement.bind(index, std::string(value)); }
    bool step() override {
        return saying_where(m_where, m_sql, [this] { return m_statement.executeStep(); });
    }
    void reset() override { m_statement.reset(); }
    int changes() const override { return m_statement.getChanges(); }

    int column_count() const override { return m_statement.getColumnCount(); }
    std::string column_name(int index) const override { return m_statement.getColumnName(index); }
    bool is_null(int index) const override { return m_statement.isColumnNull(index); }
    std::int64_t integer(int index) const override { return column(index).getInt64(); }
    double real(int index) const override { return column(index).getDouble(); }
    std::string text(int index) const override { return column(index).getString(); }

private:
    SQLite::Column column(int index) const { return const_cast<SQLite::Statement&>(m_statement).getColumn(index); }

    std::string m_where;
    std::string m_sql;
    SQLite::Statement m_statement;
};

class SqliteConnection final : public Connection {
public:
    SqliteConnection(SQLite::Database& database, std::string path) : m_database(database), m_path(std::move(path)) {}

    Backend backend() const override { return Backend::sqlite; }
    std::string where() const override { return m_path; }
    std::unique_ptr<StatementImpl> prepare(const std::string& sql) override {
        return std::make_unique<SqliteStatement>(m_database, m_path, sql);
    }
    void execute(const std::string& sql) override {
        saying_where(m_path, sql, [&] { return m_database.exec(sql); });
    }

private:
    SQLite::Database& m_database;
    std::string m_path;
};

} // namespace

std::unique_ptr<Connection> sqlite_connection(SQLite::Database& database, const std::string& path) {
    return std::make_unique<SqliteConnection>(database, path);
}

} // namespace campaign::store
