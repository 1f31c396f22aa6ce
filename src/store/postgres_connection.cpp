// The PostgreSQL backend, on libpq: each statement prepared once on the server, its parameters sent as text for the
// server to read by their place in the SQL, and its result read whole, so that a store may run another statement
// between two rows of one (as it may on SQLite).
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <libpq-fe.h>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

#include "core/error.hpp"
#include "store/connection.hpp"

namespace campaign::store {

namespace {

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

struct ConnectionDeleter {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};

// libpq's messages begin with their severity ("ERROR:  ") and end with a line break.
std::string message_of(const char* text) {
    std::string message = text ? text : "";
    if (message.starts_with("ERROR:  ")) {
        message.erase(0, 8);
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    return message;
}

// The settings a connection URI gives, by libpq's keywords (dbname, user, password...): those it sets, and no others.
// Throws core::UserError when libpq cannot read it.
std::map<std::string, std::string> uri_settings(const std::string& uri) {
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(uri.c_str(), &error),
                                                                         &PQconninfoFree);
    if (!options) {
        std::string message = message_of(error);
        PQfreemem(error);
        throw core::UserError("error: '" + uri + "' is not a PostgreSQL connection URI: " + message);
    }
    std::map<std::string, std::string> settings;
    for (auto* option = options.get(); option->keyword; ++option) {
        if (option->val && *option->val) {
            settings.emplace(option->keyword, option->val);
        }
    }
    return settings;
}

// What went wrong with a statement, with the server's SQLSTATE.
[[noreturn]] void fail(const std::string& where, const std::string& what, const PGresult* result, PGconn* connection) {
    auto message = message_of(result ? PQresultErrorMessage(result) : PQerrorMessage(connection));
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    throw core::RuntimeFailure(where + ": error: " + (what.empty() ? "" : what + ": ") + message +
                               (state ? " (SQLSTATE " + std::string(state) + ")" : ""));
}

// The types of parameters as the server is told them (its pg_type OIDs): a parameter bound as text is text, as SQLite
// would compare it; a NULL is left for the server to infer from where it stands.
constexpr Oid k_unknown = 0;
constexpr Oid k_int8 = 20;
constexpr Oid k_text = 25;
constexpr Oid k_float8 = 701;

struct Parameter {
    std::optional<std::string> value;
    Oid type = k_unknown;
};

// A statement prepared on the server, under its name, while `alive`: one that the cache let go is prepared again by
// the statements that still use it.
struct PreparedEntry {
    std::string name;
    bool alive = true;
};

// The statements prepared on a connection's session, by their SQL and their parameters' types: a statement that a
// store makes for one call is prepared on the server once per session, not once per call (a prepare and a deallocate
// cost a round trip each). They outlive the transactions they were prepared in. The least recently used are let go
// past k_capacity, so that SQL written for its data (a copy's many-row INSERTs, with NULLs in other places from one
// batch to the next) does not fill the server's memory.
class PreparedStatements {
public:
    explicit PreparedStatements(PGconn* connection) : m_connection(connection) {}

    // `sql` prepared for `types`, prepared now if it was not yet.
    std::shared_ptr<PreparedEntry> entry(const std::string& where, const std::string& sql,
                                         const std::string& translated, const std::vector<Oid>& types) {
        auto key = std::make_pair(translated, types);
        auto found = m_entries.find(key);
        if (found != m_entries.end()) {
            m_recent.splice(m_recent.begin(), m_recent, found->second.second);
            return found->second.first;
        }
        auto prepared_entry = std::make_shared<PreparedEntry>(PreparedEntry{"campaign_" + std::to_string(++m_made)});
        Result prepared(PQprepare(m_connection, prepared_entry->name.c_str(), translated.c_str(),
                                  static_cast<int>(types.size()), types.data()));
        if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
            fail(where, "cannot prepare '" + sql + "'", prepared.get(), m_connection);
        }
        m_recent.push_front(key);
        m_entries.emplace(std::move(key), std::make_pair(prepared_entry, m_recent.begin()));
        while (m_entries.size() > k_capacity) {
            let_go_of(m_recent.back());
        }
        return prepared_entry;
    }

private:
    using Key = std::pair<std::string, std::vector<Oid>>;
    static constexpr std::size_t k_capacity = 256;

    void let_go_of(const Key& key) {
        auto found = m_entries.find(key);
        found->second.first->alive = false;
        // In a failed transaction the server cannot be told now; it forgets the statement with the session.
        Result released(PQexec(m_connection, ("DEALLOCATE " + found->second.first->name).c_str()));
        auto position = found->second.second;
        m_entries.erase(found);
        m_recent.erase(position);
    }

    PGconn* m_connection;
    std::list<Key> m_recent; // the most recently used first
    std::map<Key, std::pair<std::shared_ptr<PreparedEntry>, std::list<Key>::iterator>> m_entries;
    std::uint64_t m_made = 0;
};

class PostgresStatement final : public StatementImpl {
public:
    PostgresStatement(PGconn* connection, PreparedStatements& prepared, std::string where, const std::string& sql)
        : m_connection(connection), m_prepared_statements(prepared), m_where(std::move(where)), m_sql(sql) {
        int parameters = 0;
        m_translated = postgresql_parameters(sql, parameters, &m_names);
        m_parameters.resize(static_cast<std::size_t>(parameters));
        // With parameters, prepared when first run, once their types are known.
        if (parameters == 0) {
            prepare();
        }
    }

    PostgresStatement(const PostgresStatement&) = delete;
    PostgresStatement& operator=(const PostgresStatement&) = delete;

    void bind_null(int index) override { parameter(index).value.reset(); }
    void bind_integer(int index, std::int64_t value) override { set(index, std::to_string(value), k_int8); }
    void bind_real(int index, double value) override {
        char text[32];
        auto written = std::to_chars(text, text + sizeof text, value);
        set(index, std::string(text, written.ptr), k_float8);
    }
    void bind_text(int index, const std::string& value) override { set(index, value, k_text); }
    void clear_bindings() override {
        for (auto& bound : m_parameters) {
            bound.value.reset();
        }
    }
    int parameter_index(const std::string& name) const override {
        auto found = m_names.find(name);
        return found == m_names.end() ? 0 : found->second;
    }

    bool step() override {
        if (!m_result) {
            run();
        }
        return ++m_row < PQntuples(m_result.get());
    }
    void reset() override {
        m_result.reset();
        m_row = -1;
    }
    int changes() const override { return m_changes; }

    int column_count() const override { return m_result ? PQnfields(m_result.get()) : 0; }
    std::string column_name(int index) const override { return PQfname(m_result.get(), checked(index)); }
    bool is_null(int index) const override { return PQgetisnull(m_result.get(), m_row, checked(index)) != 0; }
    std::int64_t integer(int index) const override {
        if (is_null(index)) {
            return 0;
        }
        auto value = raw(index);
        if (value == "t" || value == "f") { // a boolean, as SQLite's comparisons give 1 and 0
            return value == "t" ? 1 : 0;
        }
        std::int64_t number = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end != value.data() + value.size()) {
            throw core::RuntimeFailure(m_where + ": error: column '" + column_name(index) + "' holds '" +
                                       std::string(value) + "', not a whole number");
        }
        return number;
    }
    double real(int index) const override {
        if (is_null(index)) {
            return 0;
        }
        auto value = raw(index);
        double number = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end != value.data() + value.size()) {
            throw core::RuntimeFailure(m_where + ": error: column '" + column_name(index) + "' holds '" +
                                       std::string(value) + "', not a number");
        }
        return number;
    }
    std::string text(int index) const override { return std::string(raw(index)); }

private:
    Parameter& parameter(int index) {
        if (index < 1 || index > static_cast<int>(m_parameters.size())) {
            throw std::out_of_range("no parameter " + std::to_string(index) + " in '" + m_sql + "'");
        }
        return m_parameters[static_cast<std::size_t>(index - 1)];
    }

    void set(int index, std::string value, Oid type) {
        auto& bound = parameter(index);
        bound.value = std::move(value);
        bound.type = type;
    }

    // Prepared with the parameters' types as they are bound: the first time, and again when a parameter is bound
    // with another type than the statement was prepared for. A NULL keeps the type its parameter had.
    void prepare() {
        std::vector<Oid> types;
        for (std::size_t i = 0; i < m_parameters.size(); ++i) {
            const auto& bound = m_parameters[i];
            types.push_back(bound.value ? bound.type : m_prepared ? m_types[i] : k_unknown);
        }
        if (m_prepared && m_entry->alive && types == m_types) {
            return;
        }
        m_entry = m_prepared_statements.entry(m_where, m_sql, m_translated, types);
        m_types = std::move(types);
        m_prepared = true;
    }

    bool retyped() const {
        for (std::size_t i = 0; i < m_parameters.size(); ++i) {
            if (m_parameters[i].value && m_parameters[i].type != m_types[i]) {
                return true;
            }
        }
        return false;
    }

    int checked(int index) const {
        if (!m_result || m_row < 0 || m_row >= PQntuples(m_result.get()) || index < 0 ||
            index >= PQnfields(m_result.get())) {
            throw std::out_of_range("no column " + std::to_string(index) + " in the current row of '" + m_sql + "'");
        }
        return index;
    }

    // A column as the server wrote it; NULL reads as empty text and as 0, as SQLiteCpp reads it.
    std::string_view raw(int index) const {
        auto column = checked(index);
        if (PQgetisnull(m_result.get(), m_row, column)) {
            return {};
        }
        return {PQgetvalue(m_result.get(), m_row, column),
                static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, column))};
    }

    void run() {
        if (!m_prepared || !m_entry->alive || retyped()) {
            prepare();
        }
        std::vector<const char*> values;
        values.reserve(m_parameters.size());
        for (const auto& bound : m_parameters) {
            values.push_back(bound.value ? bound.value->c_str() : nullptr);
        }
        m_result.reset(PQexecPrepared(m_connection, m_entry->name.c_str(), static_cast<int>(values.size()),
                                      values.data(), nullptr, nullptr, 0));
        auto status = PQresultStatus(m_result.get());
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            Result failed = std::move(m_result);
            fail(m_where, "", failed.get(), m_connection);
        }
        const char* written = PQcmdTuples(m_result.get());
        m_changes = written && *written ? std::stoi(written) : 0;
        m_row = -1;
    }

    PGconn* m_connection;
    PreparedStatements& m_prepared_statements;
    std::string m_where;
    std::string m_sql;
    std::string m_translated;
    std::shared_ptr<PreparedEntry> m_entry;
    std::vector<Parameter> m_parameters;
    std::map<std::string, int> m_names; // of the named parameters
    std::vector<Oid> m_types;           // as prepared
    bool m_prepared = false;
    Result m_result;
    int m_row = -1;
    int m_changes = 0;
};

class PostgresConnection final : public Connection {
public:
    explicit PostgresConnection(const std::string& uri) {
        reject_password(uri);
        m_connection.reset(PQconnectdb(uri.c_str()));
        if (!m_connection || PQstatus(m_connection.get()) != CONNECTION_OK) {
            throw core::RuntimeFailure(describe(uri) + ": error: cannot connect: " +
                                       message_of(m_connection ? PQerrorMessage(m_connection.get()) : "out of memory"));
        }
        m_where = std::string(PQuser(m_connection.get())) + "@" + PQhost(m_connection.get()) + ":" +
                  PQport(m_connection.get()) + "/" + PQdb(m_connection.get());
        if (PQsetClientEncoding(m_connection.get(), "UTF8") != 0) {
            throw core::RuntimeFailure(m_where + ": error: the server does not speak UTF-8: " +
                                       message_of(PQerrorMessage(m_connection.get())));
        }
        m_prepared = std::make_unique<PreparedStatements>(m_connection.get());
        // Its notices (a table that did not exist to drop) are not the user's business.
        PQsetNoticeProcessor(
            m_connection.get(), [](void*, const char*) {}, nullptr);
    }

    Backend backend() const override { return Backend::postgresql; }
    std::string where() const override { return m_where; }
    std::unique_ptr<StatementImpl> prepare(const std::string& sql) override {
        return std::make_unique<PostgresStatement>(m_connection.get(), *m_prepared, m_where, sql);
    }
    void execute(const std::string& sql) override {
        // The server would only warn, and the inner COMMIT would commit the outer transaction's work: refused, as
        // SQLite refuses it.
        if (sql.starts_with("BEGIN") && PQtransactionStatus(m_connection.get()) != PQTRANS_IDLE) {
            throw core::RuntimeFailure(m_where + ": error: cannot start a transaction within a transaction");
        }
        Result result(PQexec(m_connection.get(), sql.c_str()));
        auto status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            fail(m_where, "", result.get(), m_connection.get());
        }
        // The COMMIT of a transaction a failed statement ended answers as a ROLLBACK, and is no success.
        if (sql == "COMMIT" && std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
            throw core::RuntimeFailure(m_where + ": error: the transaction was rolled back: a statement in it failed");
        }
    }

private:
    // A password on the command line is seen by every user of the machine (ps) and kept in shell histories.
    static void reject_password(const std::string& uri) {
        if (uri_settings(uri).contains("password")) {
            throw core::UserError("error: the database URI carries a password: give it in PGPASSWORD or "
                                  "~/.pgpass (libpq's password file) instead, where no other user can read it");
        }
    }

    // The server a URI names, for the message of a connection that failed: without its scheme and its options.
    static std::string describe(const std::string& uri) {
        auto scheme = uri.find("://");
        auto named = scheme == std::string::npos ? uri : uri.substr(scheme + 3);
        return named.substr(0, named.find('?'));
    }

    std::unique_ptr<PGconn, ConnectionDeleter> m_connection;
    std::string m_where;
    std::unique_ptr<PreparedStatements> m_prepared;
};

} // namespace

std::string postgresql_parameters(std::string_view sql, int& count, std::map<std::string, int>* names) {
    std::string translated;
    translated.reserve(sql.size() + 8);
    count = 0;
    std::map<std::string, int> local;
    auto& numbers = names ? *names : local;
    numbers.clear();
    for (std::size_t at = 0; at < sql.size();) {
        char c = sql[at];
        if (c == '\'' || c == '"') { // a string or a quoted name, copied whole ('' and "" inside are doubled quotes)
            auto end = at + 1;
            while (end < sql.size() && sql[end] != c) {
                ++end;
            }
            translated.append(sql.substr(at, end + 1 - at));
            at = end + 1;
        } else if (c == '-' && sql.substr(at, 2) == "--") {
            auto end = std::min(sql.find('\n', at), sql.size());
            translated.append(sql.substr(at, end - at));
            at = end;
        } else if (c == '/' && sql.substr(at, 2) == "/*") {
            auto end = std::min(sql.find("*/", at + 2), sql.size());
            end = std::min(end + 2, sql.size());
            translated.append(sql.substr(at, end - at));
            at = end;
        } else if (c == '?') {
            auto digits = at + 1;
            while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') {
                ++digits;
            }
            // As SQLite numbers them: `?N` is parameter N; a bare `?` the one after the highest so far.
            int number = digits > at + 1 ? std::stoi(std::string(sql.substr(at + 1, digits - at - 1))) : count + 1;
            count = std::max(count, number);
            translated += "$" + std::to_string(number);
            at = digits;
        } else if (c == ':' && at + 1 < sql.size() &&
                   (std::isalpha(static_cast<unsigned char>(sql[at + 1])) || sql[at + 1] == '_') &&
                   (at == 0 || sql[at - 1] != ':')) {
            auto end = at + 1;
            while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_')) {
                ++end;
            }
            auto name = std::string(sql.substr(at, end - at));
            auto [found, added] = numbers.try_emplace(name, count + 1);
            if (added) {
                count = found->second;
            }
            translated += "$" + std::to_string(found->second);
            at = end;
        } else {
            translated += c;
            ++at;
        }
    }
    return translated;
}

std::string postgresql_database_name(const std::string& uri) {
    auto settings = uri_settings(uri);
    if (auto database = settings.find("dbname"); database != settings.end()) {
        return database->second;
    }
    // libpq's defaults: PGDATABASE, else the user's name (the URI's, PGUSER, else the system's), as libpq reads them.
    if (const char* database = std::getenv("PGDATABASE"); database && *database) {
        return database;
    }
    if (auto user = settings.find("user"); user != settings.end()) {
        return user->second;
    }
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> defaults(PQconndefaults(), &PQconninfoFree);
    for (auto* option = defaults.get(); option && option->keyword; ++option) {
        if (std::string_view(option->keyword) == "user" && option->val && *option->val) {
            return option->val;
        }
    }
    throw core::UserError(uri + ": error: the URI names no database, and libpq finds no user name to default to");
}

bool same_postgresql_database(const std::string& first, const std::string& second) {
    auto place = [](const std::string& uri) {
        auto settings = uri_settings(uri);
        auto value = [&settings](const char* key, const char* otherwise) {
            auto found = settings.find(key);
            return found == settings.end() ? std::string(otherwise) : found->second;
        };
        return std::tuple{value("host", ""), value("hostaddr", ""), value("port", "5432"),
                          postgresql_database_name(uri)};
    };
    return place(first) == place(second);
}

std::unique_ptr<Connection> open_postgresql(const std::string& uri) {
    return std::make_unique<PostgresConnection>(uri);
}

} // namespace campaign::store
