// campaign suppress add|list|remove: the do-not-contact list, by profile URL or email domain.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "crm/suppression.hpp"
#include "store/suppression_store.hpp"

namespace campaign::cli {

namespace {

// Every target is checked before any is written: a typo in the third leaves the list as it was.
std::vector<core::Suppression> parse_targets(const std::vector<std::string>& targets) {
    std::vector<core::Suppression> entries;
    entries.reserve(targets.size());
    for (const auto& target : targets) {
        entries.push_back(crm::parse_suppression_target(target));
    }
    return entries;
}

int add(Context& context, const std::vector<std::string>& targets, const std::string& reason) {
    auto entries = parse_targets(targets);
    for (auto& entry : entries) {
        entry.reason = reason;
    }
    store::Database database(context.database_path, store::OpenMode::create);
    store::Transaction transaction(database);
    for (const auto& entry : entries) {
        bool added = crm::add_suppression(database, entry, context.clock);
        context.out << (added ? "suppressed " : "already suppressed ") << core::to_string(entry.kind) << ' '
                    << entry.value << '\n';
    }
    transaction.commit();
    return k_ok;
}

int remove(Context& context, const std::vector<std::string>& targets) {
    auto entries = parse_targets(targets);
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::Transaction transaction(database);
    int missing = 0;
    for (const auto& entry : entries) {
        if (crm::remove_suppression(database, entry)) {
            context.out << "removed " << core::to_string(entry.kind) << ' ' << entry.value << '\n';
        } else {
            context.err << "error: " << core::to_string(entry.kind) << ' ' << entry.value
                        << " is not on the suppression list\n";
            ++missing;
        }
    }
    transaction.commit();
    return missing == 0 ? k_ok : k_user_error;
}

int list(Context& context, const std::string& format) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto entries = store::SuppressionStore(database).list();
    switch (parse_format(format)) {
    case Format::json: {
        auto json = nlohmann::json::array();
        for (const auto& entry : entries) {
            json.push_back({{"kind", core::to_string(entry.kind)},
                            {"value", entry.value},
                            {"reason", entry.reason},
                            {"created_at", core::format_utc(entry.created_at)}});
        }
        context.out << json.dump(2) << '\n';
        break;
    }
    case Format::csv:
        print_csv_row(context.out, {"kind", "value", "reason", "created_at"});
        for (const auto& entry : entries) {
            print_csv_row(context.out, {std::string(core::to_string(entry.kind)), entry.value, entry.reason,
                                        core::format_utc(entry.created_at)});
        }
        break;
    case Format::table: {
        std::vector<Row> rows;
        rows.reserve(entries.size());
        for (const auto& entry : entries) {
            rows.push_back({std::string(core::to_string(entry.kind)), entry.value, entry.reason,
                            core::format_utc(entry.created_at)});
        }
        print_table(context.out, {"KIND", "VALUE", "REASON", "SINCE"}, rows, 64);
        break;
    }
    }
    return k_ok;
}

} // namespace

void add_suppress_command(CLI::App& app, Context& context) {
    auto* suppress = app.add_subcommand("suppress", "The do-not-contact list");
    set_examples(*suppress,
                 {"campaign suppress add competitor.example --reason \"competitor\"", "campaign suppress list",
                  "campaign suppress remove https://www.linkedin.com/in/jane-doe"});
    suppress->require_subcommand(1);

    auto* add_command = suppress->add_subcommand("add", "Never contact these profiles or email domains");
    set_examples(*add_command,
                 {"campaign suppress add https://www.linkedin.com/in/jane-doe --reason \"asked by phone\"",
                  "campaign suppress add competitor.example"});
    auto targets = std::make_shared<std::vector<std::string>>();
    auto reason = std::make_shared<std::string>("do not contact");
    add_command->add_option("TARGET", *targets, "Profile URL, or email domain such as example.com")->required();
    add_command->add_option("--reason", *reason, "Why, for the record");
    on_run(*add_command, context, [&context, targets, reason] { return add(context, *targets, *reason); });

    auto* remove_command = suppress->add_subcommand("remove", "Take profiles or email domains off the list");
    set_examples(*remove_command, {"campaign suppress remove competitor.example",
                                   "campaign suppress remove https://www.linkedin.com/in/jane-doe"});
    auto removed = std::make_shared<std::vector<std::string>>();
    remove_command->add_option("TARGET", *removed, "Profile URL or email domain")->required();
    on_run(*remove_command, context, [&context, removed] { return remove(context, *removed); });

    auto* list_command = suppress->add_subcommand("list", "Show the suppression list");
    set_examples(*list_command, {"campaign suppress list", "campaign suppress list --format csv > suppressed.csv"});
    auto format = std::make_shared<std::string>("table");
    list_command->add_option("--format", *format, "Output format")->check(CLI::IsMember({"table", "json", "csv"}));
    on_run(*list_command, context, [&context, format] { return list(context, *format); });
}

} // namespace campaign::cli
