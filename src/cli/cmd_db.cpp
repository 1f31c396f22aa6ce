// campaign db copy FROM TO: a whole CRM copied between backends (a SQLite file and a PostgreSQL server's database,
// either way), checked table by table by counts and digests, so that a team can move when it grows and take a file
// of a shared CRM to rehearse or keep.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/rehearsal_place.hpp"
#include "core/error.hpp"
#include "store/copy.hpp"
#include "store/rehearsal.hpp"

namespace campaign::cli {

namespace {

bool same_place(const std::filesystem::path& from, const std::filesystem::path& to) {
    if (store::on_server(from) || store::on_server(to)) {
        return from == to;
    }
    std::error_code error;
    return std::filesystem::equivalent(from, to, error) ||
           std::filesystem::absolute(from).lexically_normal() == std::filesystem::absolute(to).lexically_normal();
}

int copy(Context& context, const std::filesystem::path& from, const std::filesystem::path& to) {
    if (same_place(from, to)) {
        throw core::UserError("error: " + shown(from) + " and " + shown(to) + " are the same database");
    }
    if (!store::crm_exists(from)) {
        throw core::UserError("error: " + shown(from) + ": there is no CRM here to copy");
    }
    // A file is written under another name and takes its own once the copy is whole and checked, so that a copy
    // stopped halfway leaves no file that looks like a CRM.
    std::filesystem::path partial;
    if (!store::on_server(to)) {
        if (std::filesystem::exists(to)) {
            throw core::UserError("error: " + shown(to) +
                                  " is there already: copy into a new file, or move that one away first");
        }
        partial = to.string() + ".partial";
        store::remove_database_files(partial);
    }
    std::vector<store::TableSummary> tables;
    try {
        store::Database origin(from, store::OpenMode::must_exist);
        store::Database copy(partial.empty() ? to : partial, store::OpenMode::create);
        tables = store::copy_database(origin, copy);
    } catch (...) {
        if (!partial.empty()) {
            store::remove_database_files(partial);
        }
        throw;
    }
    if (!partial.empty()) {
        std::filesystem::rename(partial, to);
    }
    std::vector<Row> rows;
    std::int64_t total = 0;
    for (const auto& table : tables) {
        rows.push_back({table.table, std::to_string(table.rows), table.digest});
        total += table.rows;
    }
    print_table(context.out, {"TABLE", "ROWS", "DIGEST"}, rows);
    context.out << "\ncopied " << total << " rows of " << tables.size() << " tables from " << shown(from) << " to "
                << shown(to) << "; each table's count and digest are the same in both\n";
    return k_ok;
}

} // namespace

void add_db_command(CLI::App& app, Context& context) {
    auto* db = app.add_subcommand("db", "The CRM's database as a whole: copy it between SQLite and PostgreSQL");
    set_examples(*db, {"campaign db copy campaign.db postgresql://agency@db.example:5432/crm",
                       "campaign db copy campaign.db backup.db"});
    db->require_subcommand(1);

    auto* copy_command = db->add_subcommand(
        "copy", "Copy a whole CRM into a new file or an empty PostgreSQL database, checked by counts and digests");
    set_examples(*copy_command, {"campaign db copy campaign.db postgresql://agency@db.example:5432/crm",
                                 "campaign db copy postgresql://agency@db.example:5432/crm snapshot.db"});
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    copy_command->add_option("FROM", *from, "The CRM to copy: a SQLite file or a postgresql:// URI")->required();
    copy_command
        ->add_option("TO", *to, "Where to: a file that does not exist yet, or an empty database as a postgresql:// URI")
        ->required();
    on_run(*copy_command, context, [&context, from, to] { return copy(context, *from, *to); });
}

} // namespace campaign::cli
