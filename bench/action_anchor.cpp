// The anchor of a simulated run's speed: the same action rows the run wrote, written again into the product's own
// `actions` table (its indexes and triggers) in a fresh database, with nothing else around them. Batched, all rows in
// one transaction; or committed one by one, in WAL mode with synchronous = NORMAL, as a simulated run commits.
//
//   action_anchor SOURCE.db TARGET.db batched|per-row
//
// SOURCE is a database a run wrote; TARGET is made afresh with the product's schema and the rows the actions refer to
// (prospects, senders, campaigns, enrollments), copied before the clock starts. Prints the rows and rows per second.
#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

using namespace campaign;

namespace {

// The integer columns of the list below: id, the five row ids, attempts.
bool is_integer(std::size_t column) {
    return column <= 5 || column == 17;
}

using Rows = std::vector<std::vector<std::optional<std::string>>>;

// The measured part, apart so that an instruction count can be taken of it alone (callgrind's --toggle-collect).
[[gnu::noinline]] void write_rows(SQLite::Database& db, const std::string& columns, const Rows& values, bool batched) {
    SQLite::Statement insert(db, "INSERT INTO main.actions (" + columns +
                                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::unique_ptr<SQLite::Transaction> transaction;
    if (batched) {
        transaction = std::make_unique<SQLite::Transaction>(db);
    }
    for (const auto& row : values) {
        for (std::size_t column = 0; column < row.size(); ++column) {
            auto index = static_cast<int>(column) + 1;
            if (!row[column]) {
                insert.bind(index);
            } else if (is_integer(column)) {
                insert.bind(index, static_cast<std::int64_t>(std::stoll(*row[column])));
            } else {
                insert.bind(index, *row[column]);
            }
        }
        insert.exec();
        insert.reset();
    }
    if (transaction) {
        transaction->commit();
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4 || (std::string(argv[3]) != "batched" && std::string(argv[3]) != "per-row")) {
        std::fprintf(stderr, "usage: action_anchor SOURCE.db TARGET.db batched|per-row\n");
        return 2;
    }
    std::filesystem::path target = argv[2];
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(target.string() + suffix);
    }
    bool batched = std::string(argv[3]) == "batched";
    {
        store::Database made(target, store::OpenMode::create); // the product's schema, migrations and all
    }
    SQLite::Database db(target.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    // As a simulated run writes: commits that do not wait for the disk, statement journals and 64 MiB of pages in
    // memory.
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA temp_store = MEMORY");
    db.exec("PRAGMA cache_size = -65536");
    db.exec("ATTACH DATABASE '" + std::string(argv[1]) + "' AS source");
    {
        SQLite::Transaction copy(db);
        for (const char* table : {"prospects", "senders", "campaigns", "campaign_versions", "enrollments"}) {
            db.exec(std::string("INSERT INTO main.") + table + " SELECT * FROM source." + table);
        }
        copy.commit();
    }
    std::string columns = "id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, variant,"
                          " type, idempotency_key, state, rendered_text, at_utc, at_local, response, error, subject,"
                          " attempts, failure";
    // Read first: a statement still reading would hold each row's implicit transaction open.
    Rows values;
    {
        SQLite::Statement rows(db, "SELECT " + columns + " FROM source.actions ORDER BY id");
        while (rows.executeStep()) {
            auto& row = values.emplace_back();
            for (int column = 0; column < rows.getColumnCount(); ++column) {
                auto value = rows.getColumn(column);
                row.push_back(value.isNull() ? std::nullopt : std::optional<std::string>(value.getString()));
            }
        }
    }
    auto start = std::chrono::steady_clock::now();
    write_rows(db, columns, values, batched);
    auto count = static_cast<long>(values.size());
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%ld rows in %.2f s: %.0f rows/s\n", count, seconds, static_cast<double>(count) / seconds);
    return 0;
}
