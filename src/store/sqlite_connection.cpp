// The SQLite backend: SQLiteCpp's statements on the database that store::Database opened.
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.hpp"
#include "store/connection.hpp"

namespace campaign::store {

namespace {

// SQLiteCpp's exceptions with the database's path, as the PostgreSQL backend says them; a statement that cannot be
// prepared (a defect, or a database of another schema) with its SQL too.
template <typename Action>
auto saying_where(const std::string& where, const std::string* sql, Action action) {
    try {
        return action();
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(where + ": error: " + (sql ? "cannot prepare '" + *sql + "': " : "") +
                                   failure.what());
    }
}

// SQLite writes the rows of a RETURNING clause to a table of their own first: an insert that returns its id runs
// without it, and reads the id SQLite keeps of the last row inserted.
constexpr std::string_view k_returning_id = " RETURNING id";

std::string without_returning_id(const std::string& sql) {
    return sql.ends_with(k_returning_id) ? sql.substr(0, sql.size() - k_returning_id.size()) : sql;
}

class SqliteStatement final : public StatementImpl {
public:
    SqliteStatement(SQLite::Database& database, const std::string& where, const std::string& sql)
        : m_database(database), m_where(where), m_returns_id(sql.ends_with(k_returning_id)),
          m_statement(
              saying_where(where, &sql, [&] { return SQLite::Statement(database, without_returning_id(sql)); })) {}

    void bind_null(int index) override { m_statement.bind(index); }
    void bind_integer(int index, std::int64_t value) override { m_statement.bind(index, value); }
    void bind_real(int index, double value) override { m_statement.bind(index, value); }
    void bind_text(int index, const std::string& value) override { m_statement.bind(index, value); }
    void bind_kept_text(int index, const std::string& value) override { m_statement.bindNoCopy(index, value); }
    void clear_bindings() override { m_statement.clearBindings(); }
    int parameter_index(const std::string& name) const override { return m_statement.getIndex(name.c_str()); }
    bool step() override {
        return saying_where(m_where, nullptr, [this] { return m_statement.executeStep(); });
    }
    std::int64_t insert() override {
        if (!m_returns_id) {
            return StatementImpl::insert();
        }
        saying_where(m_where, nullptr, [this] { return m_statement.exec(); });
        auto id = m_database.getLastInsertRowid();
        m_statement.reset();
        return id;
    }
    std::optional<std::int64_t> try_insert() override {
        if (!m_returns_id) {
            return StatementImpl::try_insert();
        }
        saying_where(m_where, nullptr, [this] { return m_statement.exec(); });
        std::optional<std::int64_t> id;
        if (m_statement.getChanges() > 0) {
            id = m_database.getLastInsertRowid();
        }
        m_statement.reset();
        return id;
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

    SQLite::Database& m_database;
    std::string m_where;
    bool m_returns_id;
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
        saying_where(m_path, nullptr, [&] { return m_database.exec(sql); });
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
