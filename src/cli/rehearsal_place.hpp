// Where a run works: a live run in the live CRM, a rehearsal (the mock transport or the simulated clock) in the
// rehearsal beside it, a dry run in a copy of its own that is thrown away. `--db` may name the live CRM or its
// rehearsal; `--rehearsal` names the rehearsal of the one `--db` names.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "store/database.hpp"
#include "store/rehearsal.hpp"
#include "store/runner_lock.hpp"

namespace campaign::cli {

// A path as the user would type it from here.
std::string shown(const std::filesystem::path& path);

struct RehearsalPlace {
    std::filesystem::path live;
    std::filesystem::path rehearsal;
};

// The live CRM and its rehearsal, from the database `--db` names (which must exist).
RehearsalPlace rehearsal_place(const std::filesystem::path& named);

// Throws core::UserError when a live run must not work in `database`: it is a rehearsal, or it holds simulated work
// from before rehearsals had a database of their own.
void check_live(store::Database& database);

// The rehearsal a run works in, made or started again when asked, and held for the run (RunnerLock).
class Rehearsal {
public:
    // Copies the live CRM when there is no rehearsal yet or `fresh` asks for a new one; says which on `out`.
    Rehearsal(const RehearsalPlace& place, bool fresh, const core::Clock& wall, std::ostream& out);

    const std::filesystem::path& path() const { return m_place.rehearsal; }

private:
    RehearsalPlace m_place;
    store::RunnerLock m_lock;
};

// A dry run's copy: marked as a rehearsal, taken while others may be writing, removed when it goes out of scope.
class DryRunCopy {
public:
    DryRunCopy(const std::filesystem::path& database, const core::Clock& wall);
    ~DryRunCopy();
    DryRunCopy(const DryRunCopy&) = delete;
    DryRunCopy& operator=(const DryRunCopy&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace campaign::cli
