#include "store/copy.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "store/connection.hpp"

namespace campaign::store {

namespace {

// The tables of a CRM in an order that copies each row after the rows it refers to, each with the whole number its
// rows are read by, a range at a time (so that a large table is never held whole in memory), or none for the small
// ones read at once. A table the copy does not know is refused, not left behind.
struct TableSpec {
    const char* name;
    const char* range_key;
};
constexpr TableSpec k_tables[] = {
    {"prospects", "id"},
    {"prospect_tags", "prospect_id"},
    {"senders", "id"},
    {"campaigns", "id"},
    {"campaign_versions", "id"},
    {"enrollments", "id"},
    {"actions", "id"},
    {"events", "id"},
    {"event_cursors", nullptr},
    {"suppressions", "id"},
    {"runs", "id"},
    {"rehearsal", nullptr},
    {"replies", "event_id"},
    {"inbox_answers", "id"},
    {"hook_deliveries", "id"},
    {"ssi_experiments", "id"},
    {"ssi_experiment_periods", "experiment_id"},
    {"ssi_snapshots", "sender_id"},
    {"activities", "sender_id"},
    {"sender_holds", "sender_id"},
    {"action_tallies", "campaign_id"},
    {"enrollment_tallies", "campaign_id"},
};
// Who runs and who holds which lease: the origin's runners', nothing a copy has.
constexpr const char* k_not_copied[] = {"runners", "leases"};
// The counts the triggers keep as actions and enrollments are written: rebuilt by them as the copy writes those rows,
// then replaced by the origin's own, which the digests then check.
constexpr const char* k_tallies[] = {"action_tallies", "enrollment_tallies"};
// A column that refers to a row of its own table, set once every row of the table is there.
constexpr const char* k_merged_into = "merged_into";
// Rows a range holds at most, by their key, and rows one INSERT writes.
constexpr std::int64_t k_range = 4096;
constexpr int k_rows_per_insert = 64;

enum class Kind { integer, real, text };

struct ColumnSpec {
    std::string name;
    Kind kind;
};

Kind kind_of(std::string type) {
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::toupper(c); });
    if (type.find("INT") != std::string::npos || type == "BOOLEAN") {
        return Kind::integer;
    }
    if (type.find("REAL") != std::string::npos || type.find("DOUBLE") != std::string::npos ||
        type.find("FLOA") != std::string::npos || type.find("NUMERIC") != std::string::npos) {
        return Kind::real;
    }
    return Kind::text;
}

std::set<std::string> tables_of(Database& database) {
    Statement query(database.connection(),
                    database.backend() == Backend::sqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                          " AND table_type = 'BASE TABLE' AND table_name <> 'campaign_schema'");
    std::set<std::string> tables;
    while (query.step()) {
        tables.insert(query.column(0).text());
    }
    for (const auto* table : k_not_copied) {
        tables.erase(table);
    }
    return tables;
}

std::vector<ColumnSpec> columns_of(Database& database, const std::string& table) {
    Statement query(database.connection(),
                    database.backend() == Backend::sqlite
                        ? "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid"
                        : "SELECT column_name, data_type FROM information_schema.columns"
                          " WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position");
    query.bind(1, table);
    std::vector<ColumnSpec> columns;
    while (query.step()) {
        columns.push_back({query.column(0).text(), kind_of(query.column(1).text())});
    }
    return columns;
}

// The tables both databases have, with the origin's columns, after checking that the copy knows every one and that
// the two have the same columns (they are at the same schema version once opened).
std::vector<std::pair<TableSpec, std::vector<ColumnSpec>>> layout(Database& from, Database* to) {
    auto tables = tables_of(from);
    for (const auto& table : tables) {
        bool known = std::any_of(std::begin(k_tables), std::end(k_tables),
                                 [&](const TableSpec& spec) { return table == spec.name; });
        if (!known) {
            throw core::RuntimeFailure(from.connection().where() + ": error: the table '" + table +
                                       "' is not one this version of campaign knows how to copy");
        }
    }
    std::vector<std::pair<TableSpec, std::vector<ColumnSpec>>> result;
    for (const auto& spec : k_tables) {
        if (!tables.contains(spec.name)) {
            throw core::RuntimeFailure(from.connection().where() + ": error: the table '" + std::string(spec.name) +
                                       "' is missing");
        }
        auto columns = columns_of(from, spec.name);
        if (to) {
            auto theirs = columns_of(*to, spec.name);
            auto names = [](const std::vector<ColumnSpec>& list) {
                std::set<std::string> set;
                for (const auto& column : list) {
                    set.insert(column.name);
                }
                return set;
            };
            if (names(columns) != names(theirs)) {
                throw core::RuntimeFailure(to->connection().where() + ": error: the table '" + std::string(spec.name) +
                                           "' has other columns than in " + from.connection().where());
            }
        }
        result.emplace_back(spec, std::move(columns));
    }
    return result;
}

std::string column_list(const std::vector<ColumnSpec>& columns) {
    std::string list;
    for (const auto& column : columns) {
        list += (list.empty() ? "" : ", ") + column.name;
    }
    return list;
}

// Reads a table's rows a range of its key at a time, every column as its kind says.
class TableReader {
public:
    TableReader(Database& database, const TableSpec& spec, const std::vector<ColumnSpec>& columns)
        : m_select(database.connection(), select_sql(spec, columns)), m_ranged(spec.range_key != nullptr) {
        if (m_ranged) {
            Statement bounds(database.connection(), "SELECT min(" + std::string(spec.range_key) + "), max(" +
                                                        spec.range_key + ") FROM " + spec.name);
            bounds.step();
            if (bounds.column(0).is_null()) {
                m_done = true;
                return;
            }
            m_next = bounds.column(0).integer();
            m_last = bounds.column(1).integer();
        }
        open_range();
    }

    // The next row, in `statement()`; false after the last.
    bool next() {
        while (!m_done) {
            if (m_select.step()) {
                return true;
            }
            m_select.reset();
            if (!m_ranged || m_next > m_last) {
                m_done = true;
            } else {
                open_range();
            }
        }
        return false;
    }
    const Statement& statement() const { return m_select; }

private:
    static std::string select_sql(const TableSpec& spec, const std::vector<ColumnSpec>& columns) {
        auto sql = "SELECT " + column_list(columns) + " FROM " + spec.name;
        if (spec.range_key) {
            sql += " WHERE " + std::string(spec.range_key) + " >= ?1 AND " + spec.range_key + " < ?2";
        }
        return sql;
    }

    void open_range() {
        if (!m_ranged) {
            return;
        }
        auto from = m_next;
        m_next = from + std::min<std::int64_t>(k_range, m_last - from + 1);
        m_select.bind(1, from);
        m_select.bind(2, m_next);
    }

    Statement m_select;
    bool m_ranged;
    bool m_done = false;
    std::int64_t m_next = 0;
    std::int64_t m_last = 0;
};

// One value of a row, read as its column's kind says, for writing and for the digest.
struct Value {
    bool null = true;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
};

Value read_value(const Statement& row, int index, Kind kind) {
    Value value;
    auto column = row.column(index);
    if (column.is_null()) {
        return value;
    }
    value.null = false;
    switch (kind) {
    case Kind::integer:
        value.integer = column.integer();
        break;
    case Kind::real:
        value.real = column.real();
        break;
    case Kind::text:
        value.text = column.text();
        break;
    }
    return value;
}

// Two FNV-1a hashes of different offsets over a row's values, each value tagged with its kind and text with its
// length; a table's digest sums its rows' hashes, so that it does not depend on the order they are read in.
class RowHash {
public:
    void add(const Value& value, Kind kind) {
        if (value.null) {
            mix("N", 1);
            return;
        }
        switch (kind) {
        case Kind::integer: {
            auto text = "I" + std::to_string(value.integer) + ";";
            mix(text.data(), text.size());
            break;
        }
        case Kind::real: {
            char text[40];
            int length = std::snprintf(text, sizeof text, "R%.17g;", value.real);
            mix(text, static_cast<std::size_t>(length));
            break;
        }
        case Kind::text: {
            auto prefix = "T" + std::to_string(value.text.size()) + ":";
            mix(prefix.data(), prefix.size());
            mix(value.text.data(), value.text.size());
            break;
        }
        }
    }
    std::uint64_t first() const { return m_first; }
    std::uint64_t second() const { return m_second; }

private:
    void mix(const char* bytes, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) {
            auto byte = static_cast<unsigned char>(bytes[i]);
            m_first = (m_first ^ byte) * 0x100000001b3ULL;
            m_second = (m_second ^ byte) * 0x100000001b3ULL;
        }
    }

    std::uint64_t m_first = 0xcbf29ce484222325ULL;
    std::uint64_t m_second = 0x84222325cbf29ce4ULL;
};

std::string hex(std::uint64_t first, std::uint64_t second) {
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(first),
                  static_cast<unsigned long long>(second));
    return text;
}

TableSummary summarize_table(Database& database, const TableSpec& spec, const std::vector<ColumnSpec>& columns) {
    TableSummary summary{spec.name, 0, {}};
    std::uint64_t first = 0;
    std::uint64_t second = 0;
    TableReader reader(database, spec, columns);
    while (reader.next()) {
        RowHash hash;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            hash.add(read_value(reader.statement(), static_cast<int>(i), columns[i].kind), columns[i].kind);
        }
        first += hash.first();
        second += hash.second();
        ++summary.rows;
    }
    summary.digest = hex(first, second);
    return summary;
}

// Writes rows into one table, several to an INSERT.
class TableWriter {
public:
    TableWriter(Database& database, const std::string& table, const std::vector<ColumnSpec>& columns)
        : m_database(database), m_table(table), m_columns(columns) {}

    void add(std::vector<Value> row) {
        m_rows.push_back(std::move(row));
        if (static_cast<int>(m_rows.size()) == k_rows_per_insert) {
            flush();
        }
    }

    void flush() {
        if (m_rows.empty()) {
            return;
        }
        auto& insert = statement_for(static_cast<int>(m_rows.size()));
        int index = 0;
        for (const auto& row : m_rows) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                ++index;
                const auto& value = row[i];
                if (value.null) {
                    insert.bind(index);
                } else if (m_columns[i].kind == Kind::integer) {
                    insert.bind(index, value.integer);
                } else if (m_columns[i].kind == Kind::real) {
                    insert.bind(index, value.real);
                } else {
                    insert.bind(index, value.text);
                }
            }
        }
        insert.run();
        m_rows.clear();
    }

private:
    Statement& statement_for(int rows) {
        auto& slot = m_statements[rows];
        if (!slot) {
            std::string sql = "INSERT INTO " + m_table + " (" + column_list(m_columns) + ") VALUES ";
            for (int row = 0; row < rows; ++row) {
                sql += row == 0 ? "(" : ", (";
                for (std::size_t i = 0; i < m_columns.size(); ++i) {
                    sql += i == 0 ? "?" : ", ?";
                }
                sql += ")";
            }
            slot.emplace(m_database.connection(), sql);
        }
        return *slot;
    }

    Database& m_database;
    std::string m_table;
    const std::vector<ColumnSpec>& m_columns;
    std::vector<std::vector<Value>> m_rows;
    std::map<int, std::optional<Statement>> m_statements;
};

void copy_table(Database& from, Database& to, const TableSpec& spec, const std::vector<ColumnSpec>& columns) {
    // A prospect merged into another is written first without it, and pointed at it once both are there.
    int merged_column = -1;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (std::string_view(spec.name) == "prospects" && columns[i].name == k_merged_into) {
            merged_column = static_cast<int>(i);
        }
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> merges;
    TableReader reader(from, spec, columns);
    TableWriter writer(to, spec.name, columns);
    while (reader.next()) {
        std::vector<Value> row;
        row.reserve(columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i) {
            row.push_back(read_value(reader.statement(), static_cast<int>(i), columns[i].kind));
        }
        if (merged_column >= 0 && !row[static_cast<std::size_t>(merged_column)].null) {
            merges.emplace_back(row[0].integer, row[static_cast<std::size_t>(merged_column)].integer);
            row[static_cast<std::size_t>(merged_column)] = Value{};
        }
        writer.add(std::move(row));
    }
    writer.flush();
    if (!merges.empty()) {
        Statement point(to.connection(), "UPDATE prospects SET merged_into = ?2 WHERE id = ?1");
        for (const auto& [id, into] : merges) {
            point.bind(1, id);
            point.bind(2, into);
            point.run();
        }
    }
    // A server's identity column hands out the next number after the highest it handed out, not after the highest
    // written: it is told the copy's.
    if (to.backend() == Backend::postgresql && std::string_view(spec.range_key ? spec.range_key : "") == "id") {
        Statement restart(to.connection(), std::string("SELECT setval(pg_get_serial_sequence('") + spec.name +
                                               "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + spec.name);
        restart.run();
    }
}

} // namespace

std::vector<TableSummary> summarize(Database& database) {
    ReadSnapshot snapshot(database);
    std::vector<TableSummary> summaries;
    for (const auto& [spec, columns] : layout(database, nullptr)) {
        summaries.push_back(summarize_table(database, spec, columns));
    }
    return summaries;
}

std::vector<TableSummary> copy_database(Database& from, Database& to) {
    if (from.schema_version() != to.schema_version()) {
        throw core::UserError(to.connection().where() + ": error: the database is at schema version " +
                              std::to_string(to.schema_version()) + ", " + from.connection().where() + " at " +
                              std::to_string(from.schema_version()));
    }
    ReadSnapshot snapshot(from);
    auto tables = layout(from, &to);
    Transaction transaction(to);
    for (const auto& [spec, columns] : tables) {
        if (query_integer(to.connection(), std::string("SELECT count(*) FROM ") + spec.name) != 0) {
            throw core::UserError(to.connection().where() + ": error: the database to copy into is not empty (its " +
                                  std::string(spec.name) + " hold rows): copy into a new file or a new database");
        }
    }
    for (const auto& [spec, columns] : tables) {
        if (std::find(std::begin(k_tallies), std::end(k_tallies), std::string_view(spec.name)) != std::end(k_tallies)) {
            to.connection().execute(std::string("DELETE FROM ") + spec.name);
        }
        copy_table(from, to, spec, columns);
    }
    std::vector<TableSummary> summaries;
    for (const auto& [spec, columns] : tables) {
        auto origin = summarize_table(from, spec, columns);
        auto copy = summarize_table(to, spec, columns);
        // The digests read the rows a range of keys at a time; the plain counts of each side say that no row fell
        // outside the ranges.
        auto counted = [&spec](Database& database) {
            return query_integer(database.connection(), std::string("SELECT count(*) FROM ") + spec.name);
        };
        if (counted(from) != origin.rows || counted(to) != copy.rows) {
            throw core::RuntimeFailure(to.connection().where() + ": error: the rows of " + spec.name +
                                       " read for the digests are not all its rows: nothing was copied");
        }
        if (origin.rows != copy.rows || origin.digest != copy.digest) {
            throw core::RuntimeFailure(to.connection().where() + ": error: the copy of " + spec.name + " holds " +
                                       std::to_string(copy.rows) + " rows of digest " + copy.digest + ", " +
                                       from.connection().where() + " " + std::to_string(origin.rows) + " of digest " +
                                       origin.digest + ": nothing was copied");
        }
        summaries.push_back(std::move(origin));
    }
    transaction.commit();
    return summaries;
}

} // namespace campaign::store
