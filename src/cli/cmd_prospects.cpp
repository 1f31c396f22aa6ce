// campaign prospects list|show|forget (import lives in cmd_prospects_import.cpp).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/rehearsal_place.hpp"
#include "core/text.hpp"
#include "crm/suppression.hpp"
#include "store/prospect_store.hpp"
#include "store/rehearsal.hpp"

namespace campaign::cli {

namespace {

struct ProspectListArguments {
    std::vector<std::string> tags;
    std::size_t limit = 0;
    std::string format = "table";
};

// Semicolons in CSV, so that the list imports back as it was; commas for people.
std::string joined(const std::set<std::string>& tags, const char* separator = ";") {
    std::string text;
    for (const auto& tag : tags) {
        text += (text.empty() ? "" : separator) + tag;
    }
    return text;
}

nlohmann::json to_json(const core::Prospect& prospect) {
    return {{"id", prospect.id},
            {"profile_url", prospect.profile_url},
            {"first_name", prospect.first_name},
            {"last_name", prospect.last_name},
            {"email", prospect.email},
            {"company", prospect.company},
            {"title", prospect.title},
            {"location", prospect.location},
            {"industry", prospect.industry},
            {"source", prospect.source},
            {"tags", prospect.tags},
            {"fields", prospect.fields},
            {"created_at", core::format_utc(prospect.created_at)},
            {"updated_at", core::format_utc(prospect.updated_at)}};
}

Row standard_columns(const core::Prospect& prospect) {
    return {std::to_string(prospect.id),
            prospect.profile_url,
            prospect.first_name,
            prospect.last_name,
            prospect.email,
            prospect.company,
            prospect.title,
            prospect.location,
            prospect.industry,
            joined(prospect.tags),
            prospect.source};
}

// The CSV layout that imports back as it is: the standard fields, then one column per custom field.
Row csv_header(const std::vector<std::string>& custom) {
    Row header{"id",    "profile_url", "first_name", "last_name", "email", "company",
               "title", "location",    "industry",   "tags",      "source"};
    header.insert(header.end(), custom.begin(), custom.end());
    return header;
}

Row csv_row(const core::Prospect& prospect, const std::vector<std::string>& custom) {
    auto row = standard_columns(prospect);
    for (const auto& name : custom) {
        auto found = prospect.fields.find(name);
        row.push_back(found == prospect.fields.end() ? "" : found->second);
    }
    return row;
}

int list(Context& context, const ProspectListArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::ProspectStore prospects(database);
    store::ProspectFilter filter;
    for (const auto& tag : arguments.tags) {
        filter.tags.push_back(core::to_lower_ascii(tag));
    }
    if (arguments.limit > 0) {
        filter.limit = arguments.limit;
    }
    auto format = parse_format(arguments.format);
    if (format == Format::json) {
        // Streamed, so that a large CRM lists in constant memory.
        const char* separator = "[\n";
        prospects.for_each(filter, [&](const core::Prospect& prospect) {
            context.out << separator << "  " << to_json(prospect).dump();
            separator = ",\n";
        });
        context.out << (separator[0] == '[' ? "[]\n" : "\n]\n");
    } else if (format == Format::csv) {
        auto custom = prospects.custom_field_names();
        print_csv_row(context.out, csv_header(custom));
        prospects.for_each(
            filter, [&](const core::Prospect& prospect) { print_csv_row(context.out, csv_row(prospect, custom)); });
    } else {
        std::vector<Row> rows;
        prospects.for_each(filter, [&rows](const core::Prospect& prospect) {
            rows.push_back({std::to_string(prospect.id), prospect.first_name + " " + prospect.last_name,
                            prospect.company, prospect.title, joined(prospect.tags, ", "), prospect.profile_url});
        });
        print_table(context.out, {"ID", "NAME", "COMPANY", "TITLE", "TAGS", "PROFILE"}, rows, 32);
        context.out << rows.size() << (rows.size() == 1 ? " prospect\n" : " prospects\n");
    }
    return k_ok;
}

int show(Context& context, const std::string& who, const std::string& format) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto prospect = crm::resolve_prospect(database, who);
    auto suppression = crm::find_suppression(database, prospect);
    std::string suppressed =
        suppression ? "yes (" + std::string(core::to_string(suppression->kind)) + " " + suppression->value + ")" : "no";
    if (parse_format(format) == Format::json) {
        auto json = to_json(prospect);
        json["suppressed"] = suppression.has_value();
        context.out << json.dump(2) << '\n';
        return k_ok;
    }
    if (parse_format(format) == Format::csv) {
        std::vector<std::string> custom;
        for (const auto& [name, value] : prospect.fields) {
            custom.push_back(name);
        }
        print_csv_row(context.out, csv_header(custom));
        print_csv_row(context.out, csv_row(prospect, custom));
        return k_ok;
    }
    std::vector<Row> rows{
        {"id", std::to_string(prospect.id)},
        {"profile", prospect.profile_url},
        {"name", prospect.first_name + " " + prospect.last_name},
        {"email", prospect.email},
        {"company", prospect.company},
        {"title", prospect.title},
        {"location", prospect.location},
        {"industry", prospect.industry},
        {"tags", joined(prospect.tags, ", ")},
        {"source", prospect.source},
        {"suppressed", suppressed},
        {"created", core::format_utc(prospect.created_at)},
        {"updated", core::format_utc(prospect.updated_at)},
    };
    for (const auto& [name, value] : prospect.fields) {
        rows.push_back({name, value});
    }
    print_table(context.out, {"FIELD", "VALUE"}, rows, 80);
    return k_ok;
}

// The database beside this one that holds the same people: the rehearsal of a live CRM, or the live CRM of a
// rehearsal. An erasure is of a person, so it reaches both.
std::optional<std::filesystem::path> twin_of(store::Database& database) {
    auto twin = store::rehearsal_origin(database) ? store::rehearsal_origin(database)->copied_from
                                                  : store::rehearsal_path(database.path());
    return store::crm_exists(twin) ? std::optional(twin) : std::nullopt;
}

int forget(Context& context, const std::string& who) {
    store::Database database(context.database_path, store::OpenMode::create);
    // The profile, before its row is erased: the twin knows the person by it, not by this database's number.
    std::string profile = who;
    if (std::all_of(who.begin(), who.end(), [](char c) { return c >= '0' && c <= '9'; }) && !who.empty()) {
        profile = crm::resolve_prospect(database, who).profile_url;
    }
    auto twin = twin_of(database);
    if (auto erased = crm::forget(database, who, context.clock)) {
        context.out << "forgot prospect " << *erased << ": personal data erased, and a hash of the profile "
                    << "kept on the suppression list so that no later import brings them back\n";
    } else {
        context.out << "not in the CRM; a hash of the profile is now on the suppression list so that no later "
                    << "import brings them in\n";
    }
    if (twin) {
        store::Database other(*twin, store::OpenMode::must_exist);
        crm::forget(other, profile, context.clock);
        context.out << "erased from " << shown(*twin) << " too\n";
    }
    return k_ok;
}

} // namespace

void add_prospects_command(CLI::App& app, Context& context) {
    auto* prospects = app.add_subcommand("prospects", "The prospects of the CRM");
    set_examples(*prospects,
                 {"campaign prospects import prospects.csv --tag founders", "campaign prospects list --tag founders",
                  "campaign prospects show https://www.linkedin.com/in/jane-doe"});
    prospects->require_subcommand(1);
    add_import_command(*prospects, context);

    auto* list_command = prospects->add_subcommand("list", "List prospects");
    set_examples(*list_command,
                 {"campaign prospects list", "campaign prospects list --tag founders --tag paris --limit 20",
                  "campaign prospects list --format csv > prospects.csv"});
    auto list_arguments = std::make_shared<ProspectListArguments>();
    list_command->add_option("--tag", list_arguments->tags, "Only prospects with this tag (repeatable: all of them)");
    list_command->add_option("--limit", list_arguments->limit, "At most this many prospects");
    list_command->add_option("--format", list_arguments->format, "Output format")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    on_run(*list_command, context, [&context, list_arguments] { return list(context, *list_arguments); });

    auto* show_command = prospects->add_subcommand("show", "Show one prospect");
    set_examples(*show_command, {"campaign prospects show 42",
                                 "campaign prospects show https://www.linkedin.com/in/jane-doe --format json"});
    auto who = std::make_shared<std::string>();
    auto show_format = std::make_shared<std::string>("table");
    show_command->add_option("PROSPECT", *who, "Prospect id or profile URL")->required();
    show_command->add_option("--format", *show_format, "Output format")->check(CLI::IsMember({"table", "json", "csv"}));
    on_run(*show_command, context, [&context, who, show_format] { return show(context, *who, *show_format); });

    auto* forget_command =
        prospects->add_subcommand("forget", "Erase a prospect's personal data and never import them again");
    set_examples(*forget_command,
                 {"campaign prospects forget https://www.linkedin.com/in/jane-doe", "campaign prospects forget 42"});
    auto forgotten = std::make_shared<std::string>();
    forget_command->add_option("PROSPECT", *forgotten, "Prospect id or profile URL")->required();
    on_run(*forget_command, context, [&context, forgotten] { return forget(context, *forgotten); });
}

} // namespace campaign::cli
