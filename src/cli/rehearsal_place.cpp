#include "cli/rehearsal_place.hpp"

#include <ostream>
#include <unistd.h>

#include "core/error.hpp"

namespace campaign::cli {

std::string shown(const std::filesystem::path& path) {
    if (store::on_server(path)) {
        return path.string();
    }
    std::error_code error;
    auto relative = std::filesystem::proximate(path, error);
    return (error || relative.empty()) ? path.string() : relative.string();
}

RehearsalPlace rehearsal_place(const std::filesystem::path& named) {
    store::Database database(named, store::OpenMode::must_exist);
    if (auto origin = store::rehearsal_origin(database)) {
        return {origin->copied_from, named};
    }
    return {named, store::rehearsal_path(named)};
}

void check_live(store::Database& database) {
    const auto name = shown(database.path());
    if (auto origin = store::rehearsal_origin(database)) {
        throw core::UserError("error: " + name + " is a rehearsal, a copy of " + shown(origin->copied_from) +
                              ": a live run (--transport http on the wall clock) sends for real and works on the live "
                              "CRM: name that one (--db " +
                              shown(origin->copied_from) + ")");
    }
    auto work = store::simulated_work(database);
    if (!work) {
        return;
    }
    auto runs = std::to_string(work->runs) + (work->runs == 1 ? " simulated run" : " simulated runs");
    auto problem = "error: " + name + " holds the work of " + runs + " (the last started " +
                   core::format_utc(work->last_started) +
                   "), from before rehearsals had a database of their own: a live run would take its enrollments, "
                   "replies and opt-outs for real. ";
    if (work->live_runs > 0) {
        throw core::UserError(problem + "It holds live runs as well, so the two cannot be told apart: keep " + name +
                              " for its history and start the live CRM in a new file (campaign --db live.db prospects "
                              "import ...)");
    }
    throw core::UserError(
        problem + "'campaign rehearsal split' moves that work into " + shown(store::rehearsal_path(database.path())) +
        " and keeps the prospects, the suppressions " + "you made and the SSI you imported in " + name);
}

namespace {

// A file at the rehearsal's place that is not one is someone's database, which a copy must not replace.
std::optional<store::RehearsalOrigin> existing_rehearsal(const std::filesystem::path& path) {
    if (!store::crm_exists(path)) {
        return std::nullopt;
    }
    store::Database database(path, store::OpenMode::must_exist);
    auto origin = store::rehearsal_origin(database);
    if (!origin) {
        throw core::UserError("error: " + shown(path) +
                              " is where the rehearsal is kept, but it is not a rehearsal: move it away first");
    }
    return origin;
}

} // namespace

Rehearsal::Rehearsal(const RehearsalPlace& place, bool fresh, const core::Clock& wall, std::ostream& out)
    : m_place(place), m_lock(place.rehearsal) {
    auto origin = existing_rehearsal(place.rehearsal);
    const auto live_name = shown(place.live);
    const auto name = shown(place.rehearsal);
    // A rehearsal on a server is one that `campaign db copy` put there; it is not copied again in place.
    if (store::on_server(place.rehearsal) && fresh) {
        throw core::UserError("error: --fresh: " + name +
                              " is a rehearsal on a server, which is not copied again in place: rehearse in a file "
                              "(campaign --db " +
                              live_name + " run ...), or copy a new one there with 'campaign db copy'");
    }
    // A server's rehearsal is named after its database: the same name on another server is another CRM's.
    if (origin && !fresh && store::on_server(place.live) &&
        !(store::on_server(origin->copied_from) &&
          store::same_postgresql_database(origin->copied_from.string(), place.live.string()))) {
        throw core::UserError("error: " + name + " is the rehearsal of " + shown(origin->copied_from) + ", not of " +
                              live_name + ": rehearse in another folder, or start it again from " + live_name +
                              " with --fresh");
    }
    if (!store::crm_exists(place.live)) {
        if (!origin || fresh) {
            throw core::UserError("error: " + live_name + ", the live CRM the rehearsal is copied from, is not there");
        }
        out << "rehearsal: " << name << " goes on; " << live_name << ", which it was copied from, is not there\n";
        return;
    }
    store::Database live(place.live, store::OpenMode::must_exist);
    if (!origin || fresh) {
        auto now = wall.now();
        store::copy_for_rehearsal(live, place.rehearsal, now);
        out << "rehearsal: " << name << (origin ? ", started again:" : ":") << " a copy of " << live_name
            << " as it is now (" << core::format_utc(now) << "); " << live_name << " records nothing of it\n";
        return;
    }
    out << "rehearsal: " << name << " goes on where it stopped (copied from " << live_name << " at "
        << core::format_utc(origin->copied_at) << "; --fresh starts it again from " << live_name << " as it is now)\n";
    if (store::live_fingerprint(live) != origin->fingerprint) {
        out << "note: " << live_name << " has changed since the rehearsal was copied from it; --fresh rehearses with "
            << "what it holds now\n";
    }
}

DryRunCopy::DryRunCopy(const std::filesystem::path& database, const core::Clock& wall)
    : m_path(std::filesystem::temp_directory_path() / ("campaign-dry-run-" + std::to_string(::getpid()) + ".db")) {
    store::remove_database_files(m_path);
    store::Database from(database, store::OpenMode::must_exist);
    store::copy_for_rehearsal(from, m_path, wall.now());
}

DryRunCopy::~DryRunCopy() {
    store::remove_database_files(m_path);
}

} // namespace campaign::cli
