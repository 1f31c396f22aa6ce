#include "store/rehearsal.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

std::filesystem::path with_suffix(const std::filesystem::path& path, const char* suffix) {
    return path.string() + suffix;
}

} // namespace

std::filesystem::path rehearsal_path(const std::filesystem::path& live) {
    if (on_server(live)) {
        return std::filesystem::absolute(postgresql_database_name(live.string()) + ".rehearsal.db");
    }
    auto name = live.stem().string() + ".rehearsal" + live.extension().string();
    return live.parent_path() / name;
}

std::filesystem::path mock_journal_path(const std::filesystem::path& rehearsal) {
    if (on_server(rehearsal)) {
        return std::filesystem::absolute(postgresql_database_name(rehearsal.string()) + ".mock-journal.jsonl");
    }
    return with_suffix(rehearsal, ".mock-journal.jsonl");
}

std::optional<RehearsalOrigin> rehearsal_origin(Database& database) {
    Statement query(database.connection(), "SELECT copied_from, copied_at, fingerprint FROM rehearsal");
    if (!query.step()) {
        return std::nullopt;
    }
    // A file name is the live CRM's beside the rehearsal, wherever the two have been moved together.
    std::filesystem::path copied_from = query.column(0).text();
    // On a server, where a copy of a file's rehearsal has no folder, it is in the current one.
    if (!on_server(copied_from) && copied_from.is_relative()) {
        copied_from = on_server(database.path()) ? std::filesystem::absolute(copied_from)
                                                 : database.path().parent_path() / copied_from;
    }
    return RehearsalOrigin{copied_from, read_time(query.column(1)), query.column(2).text()};
}

namespace {

// The live CRM copied into `partial`, marked as the rehearsal of it that will be at `target`.
void write_rehearsal(Database& live, const std::filesystem::path& partial, const std::filesystem::path& target,
                     core::Timestamp now) {
    live.copy_to(partial);
    {
        Database copy(partial, OpenMode::must_exist);
        // A rehearsal of a rehearsal is a rehearsal of the same live CRM. The fingerprint is the copy's own, taken
        // before anything changes in it: what the live CRM held at the instant it was copied.
        auto origin = rehearsal_origin(copy);
        auto copied_from = origin ? origin->copied_from : live.path();
        bool beside = false;
        if (!on_server(copied_from)) {
            copied_from = std::filesystem::absolute(copied_from).lexically_normal();
            beside = copied_from.parent_path() == std::filesystem::absolute(target).lexically_normal().parent_path();
        }
        Transaction transaction(copy);
        auto fingerprint = origin ? origin->fingerprint : live_fingerprint(copy);
        copy.connection().execute("DELETE FROM rehearsal");
        Statement mark(copy.connection(),
                       "INSERT INTO rehearsal (id, copied_from, copied_at, fingerprint) VALUES (1, ?, ?, ?)");
        mark.bind(1, beside ? copied_from.filename().string() : copied_from.string());
        mark.bind(2, core::format_utc(now));
        mark.bind(3, fingerprint);
        mark.run();
        transaction.commit();
    }
}

} // namespace

void copy_for_rehearsal(Database& live, const std::filesystem::path& target, core::Timestamp now) {
    auto partial = with_suffix(target, ".partial");
    remove_database_files(partial);
    try {
        write_rehearsal(live, partial, target, now);
    } catch (...) {
        remove_database_files(partial); // a copy that failed leaves nothing behind
        throw;
    }
    // The old copy's write-ahead log is folded into it and emptied before the new file takes its name, so that no
    // reader ever pairs the new file with the old one's log (an empty log is no log); the rename replaces the file in
    // one step.
    if (std::filesystem::exists(target)) {
        SQLite::Database old(target.string(), SQLite::OPEN_READWRITE);
        old.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::error_code ignored;
    std::filesystem::remove(mock_journal_path(target), ignored);
    std::filesystem::rename(partial, target);
}

int run_count(Database& database) {
    return static_cast<int>(query_integer(database.connection(), "SELECT count(*) FROM runs"));
}

void set_rehearsal_fingerprint(Database& rehearsal, const std::string& fingerprint) {
    Statement update(rehearsal.connection(), "UPDATE rehearsal SET fingerprint = ?");
    update.bind(1, fingerprint);
    update.run();
}

bool remove_database_files(const std::filesystem::path& database) {
    std::error_code ignored;
    bool removed = std::filesystem::remove(database, ignored);
    for (const char* suffix : {"-wal", "-shm"}) {
        std::filesystem::remove(with_suffix(database, suffix), ignored);
    }
    std::filesystem::remove(mock_journal_path(database), ignored);
    return removed;
}

std::string live_fingerprint(Database& database) {
    // Counts and the latest change of each table a user imports into or a live run writes: cheap on a large CRM,
    // as each reads an index or a small table.
    Statement query(database.connection(),
                    "SELECT (SELECT count(*) FROM prospects) || '/' || (SELECT coalesce(max(updated_at), '')"
                    " FROM prospects) || '/' || (SELECT count(*) FROM suppressions) || '/' ||"
                    " (SELECT coalesce(max(id), 0) FROM suppressions) || '/' ||"
                    " (SELECT count(*) FROM ssi_snapshots) || '/' || (SELECT count(*) FROM activities) || '/' ||"
                    " (SELECT coalesce(max(id), 0) FROM runs)");
    query.step();
    return query.column(0).text();
}

std::optional<SimulatedWork> simulated_work(Database& database) {
    if (rehearsal_origin(database)) {
        return std::nullopt;
    }
    Statement query(database.connection(), "SELECT count(*) FILTER (WHERE transport = 'mock' OR clock = 'simulated'),"
                                           " max(started_at) FILTER (WHERE transport = 'mock' OR clock = 'simulated'),"
                                           " count(*) FILTER (WHERE transport <> 'mock' AND clock = 'wall') FROM runs");
    query.step();
    int runs = query.column(0).small_integer();
    if (runs == 0) {
        return std::nullopt;
    }
    return SimulatedWork{runs, read_time(query.column(1)), query.column(2).small_integer()};
}

void remove_simulated_work(Database& database) {
    auto work = simulated_work(database);
    if (!work) {
        return;
    }
    if (work->live_runs > 0) {
        throw core::UserError(database.path().string() + ": error: this database holds " +
                              std::to_string(work->live_runs) +
                              " live runs besides the simulated ones, so their work cannot be told apart");
    }
    Transaction transaction(database);
    // The opt-outs that simulated replies made; one that a gateway reported, even during a rehearsal, stays.
    database.connection().execute(R"sql(
DELETE FROM suppressions WHERE kind = 'profile' AND (reason LIKE 'opted out: %' OR reason LIKE 'not interested: %')
    AND value IN (SELECT e.profile_url FROM events e WHERE e.external_id LIKE 'mock:%' AND e.profile_url IS NOT NULL
                  UNION SELECT p.profile_url FROM events e JOIN prospects p ON p.id = e.prospect_id
                        WHERE e.external_id LIKE 'mock:%')
    AND value NOT IN (SELECT e.profile_url FROM events e
                      WHERE e.external_id NOT LIKE 'mock:%' AND e.profile_url IS NOT NULL
                      UNION SELECT p.profile_url FROM events e JOIN prospects p ON p.id = e.prospect_id
                            WHERE e.external_id NOT LIKE 'mock:%');
DELETE FROM hook_deliveries;
DELETE FROM inbox_answers;
DELETE FROM replies;
DELETE FROM events;
DELETE FROM actions;
DELETE FROM enrollments;
DELETE FROM action_tallies;
DELETE FROM enrollment_tallies;
DELETE FROM event_cursors;
DELETE FROM runs;
DELETE FROM ssi_snapshots WHERE source = 'mock';
UPDATE senders SET paused_at = NULL, pause_reason = NULL, held_until = NULL;
DELETE FROM sender_holds;
)sql");
    transaction.commit();
}

} // namespace campaign::store
