// Rehearsals: a run on the mock transport or the simulated clock works in a copy of the live CRM kept beside it
// (campaign.db → campaign.rehearsal.db), so that nothing it simulates reaches the live prospects, suppressions,
// enrollments, actions or SSI. The copy says where it came from and when, so that reports can say what they are.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/time.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct RehearsalOrigin {
    std::filesystem::path copied_from; // the live database, as it was named when copied
    core::Timestamp copied_at{};
    std::string fingerprint; // of what the live CRM held then; see live_fingerprint
};

// Where the rehearsal of a live database is kept: beside it, `.rehearsal` before its extension.
std::filesystem::path rehearsal_path(const std::filesystem::path& live);

// Where the mock transport keeps its journal of what a rehearsal's simulated prospects will still do: beside a file,
// and for a rehearsal on a server (one that `campaign db copy` put there), in the current folder, named after its
// database.
std::filesystem::path mock_journal_path(const std::filesystem::path& rehearsal);

// Where this database came from, when it is a rehearsal.
std::optional<RehearsalOrigin> rehearsal_origin(Database& database);

// Replaces `target` with a consistent copy of `live`, taken while others may be writing, marked as its rehearsal at
// `now` (wall time). A reader of `target` sees the old rehearsal or the new one, never half of one. A copy beside
// the live CRM names it by its file name, so that the two can be moved together.
void copy_for_rehearsal(Database& live, const std::filesystem::path& target, core::Timestamp now);

// How many runs the database holds, of any transport and clock.
int run_count(Database& database);

// What the rehearsal takes the live CRM to have held when it was copied: see live_fingerprint.
void set_rehearsal_fingerprint(Database& rehearsal, const std::string& fingerprint);

// Removes a database file with the files SQLite and the run keep beside it. Returns whether there was one.
bool remove_database_files(const std::filesystem::path& database);

// What a live CRM holds that a rehearsal starts from: its prospects, suppressions, SSI, activity and campaign runs,
// summed up so that two equal fingerprints mean nothing changed in between.
std::string live_fingerprint(Database& database);

// Runs on the mock transport or the simulated clock in a database that is not a rehearsal: work from before
// rehearsals had a database of their own, which a live run would take for real.
struct SimulatedWork {
    int runs = 0;
    core::Timestamp last_started{};
    int live_runs = 0; // on the http transport and the wall clock, in the same database
};
std::optional<SimulatedWork> simulated_work(Database& database);

// Takes the simulated work out of such a database once it has been copied to its rehearsal: its enrollments,
// actions, events, runs, simulated SSI and the suppressions that simulated opt-outs made. Prospects, tags, imported
// suppressions and SSI, activity and campaign versions stay. Refused (core::UserError) when live runs are mixed in.
void remove_simulated_work(Database& database);

} // namespace campaign::store
