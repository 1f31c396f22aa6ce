// campaign ssi record [--sender S] [--date D] --brand X --people X --insights X --relationships X
//                     [--industry-rank N] [--network-rank N]
// campaign ssi import FILE|FOLDER [--sender S] [--date D]
// campaign ssi list [--sender S] [--format table|json|csv]
// campaign activity import FILE.csv [--sender S] [--source NAME]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "crm/ssi_files.hpp"
#include "report/cells.hpp"
#include "schedule/calendar.hpp"
#include "store/campaign_store.hpp"
#include "store/ssi_store.hpp"

namespace campaign::cli {

namespace {

struct RecordArguments {
    std::string sender;
    std::string date;
    std::array<double, 4> pillars{};
    std::optional<int> industry_rank;
    std::optional<int> network_rank;
};

struct ImportArguments {
    std::filesystem::path path;
    std::string sender;
    std::string date;
    std::string source;
};

struct SnapshotListArguments {
    std::string sender;
    std::string format = "table";
};

// An import that replaces a long history says so for the first few days and counts the rest.
constexpr std::size_t k_replacements_shown = 20;

// The sender named, or the only one the database knows; none when there are several and none was named.
std::optional<std::string> sender_or_only(store::Database& database, const std::string& named) {
    if (!named.empty()) {
        return named;
    }
    auto senders = store::CampaignStore(database).senders();
    if (senders.size() == 1) {
        return senders.front().name;
    }
    return std::nullopt;
}

std::string need_sender(store::Database& database, const std::string& named) {
    auto sender = sender_or_only(database, named);
    if (!sender) {
        auto known = store::CampaignStore(database).senders().size();
        throw core::UserError(known == 0 ? "error: which sender? pass --sender NAME (no sender is known yet)"
                                         : "error: which sender? pass --sender NAME (" + std::to_string(known) +
                                               " senders are known: campaign sender list)");
    }
    return *sender;
}

// Today on the sender's own calendar, the one campaign activity is counted on, so that the SSI and the activity of a
// day are the same day's: in the time zone the CRM knows for the sender, else UTC's.
core::Day today(store::Database& database, const std::string& sender, const core::Clock& clock) {
    core::Sender zoned;
    zoned.id = sender;
    zoned.timezone = "UTC";
    zoned.working_hours.days.fill(true); // a calendar needs some; only its days are asked for
    if (auto row = store::CampaignStore(database).find_sender(sender); row && !row->timezone.empty()) {
        zoned.timezone = row->timezone;
    }
    return core::Day{std::chrono::days{schedule::SenderCalendar(zoned).local_day(clock.now())}};
}

std::string describe(const core::SsiSnapshot& snapshot) {
    return report::fixed(snapshot.total, 2) + " (brand " + report::fixed(snapshot.pillars[0], 2) + ", people " +
           report::fixed(snapshot.pillars[1], 2) + ", insights " + report::fixed(snapshot.pillars[2], 2) +
           ", relationships " + report::fixed(snapshot.pillars[3], 2) + ")";
}

// The senders an import names that the database did not know: said, so that a misspelt name is seen at once.
class NewSenders {
public:
    explicit NewSenders(store::SsiStore& ssi) : m_ssi(ssi) {}

    void note(const std::string& sender) {
        if (m_seen.insert(sender).second && !m_ssi.has_sender(sender)) {
            m_added.push_back(sender);
        }
    }
    void say(std::ostream& out) const {
        for (const auto& sender : m_added) {
            out << "added sender '" << sender << "' (no campaign uses it yet)\n";
        }
    }

private:
    store::SsiStore& m_ssi;
    std::set<std::string> m_seen;
    std::vector<std::string> m_added;
};

void say_replaced(std::ostream& out, const core::SsiSnapshot& previous, const core::SsiSnapshot& now) {
    out << "replaced " << previous.sender << "'s snapshot of " << core::format_day(now.day) << ": was "
        << describe(previous) << " from " << previous.source << ", now " << describe(now) << '\n';
}

int record_snapshot(Context& context, const RecordArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::create);
    core::SsiSnapshot snapshot;
    snapshot.sender = need_sender(database, arguments.sender);
    snapshot.day =
        arguments.date.empty() ? today(database, snapshot.sender, context.clock) : day_option("--date", arguments.date);
    snapshot.pillars = arguments.pillars;
    snapshot.total = core::pillar_sum(snapshot);
    snapshot.industry_rank = arguments.industry_rank;
    snapshot.network_rank = arguments.network_rank;
    snapshot.source = "manual";
    auto problems = core::check_snapshot(snapshot);
    if (!problems.empty()) {
        std::string message;
        for (const auto& problem : problems) {
            auto option = std::string(problem.field);
            std::replace(option.begin(), option.end(), '_', '-');
            message += (message.empty() ? "" : "\n") + ("error: --" + option + " ") + problem.message;
        }
        throw core::UserError(message);
    }
    store::SsiStore ssi(database);
    NewSenders added(ssi);
    added.note(snapshot.sender);
    auto previous = ssi.record(snapshot, context.clock.now());
    added.say(context.out);
    if (previous) {
        say_replaced(context.out, *previous, snapshot);
    } else {
        context.out << "recorded " << snapshot.sender << "'s SSI of " << core::format_day(snapshot.day) << ": "
                    << describe(snapshot) << '\n';
    }
    return k_ok;
}

int import_snapshots(Context& context, const ImportArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::create);
    crm::SsiReadOptions options;
    options.sender = sender_or_only(database, arguments.sender);
    if (!arguments.date.empty()) {
        options.day = day_option("--date", arguments.date);
    }
    store::SsiStore ssi(database);
    std::vector<std::pair<core::SsiSnapshot, core::SsiSnapshot>> replaced; // what was there, and what replaced it
    std::size_t replacements = 0;
    std::size_t unchanged = 0;
    store::Transaction transaction(database);
    NewSenders added(ssi);
    auto read = crm::read_ssi(arguments.path, options, [&](const core::SsiSnapshot& snapshot) {
        added.note(snapshot.sender);
        auto previous = ssi.record(snapshot, context.clock.now());
        if (!previous) {
            return;
        }
        if (core::same_scores(*previous, snapshot)) {
            ++unchanged;
        } else if (++replacements <= k_replacements_shown) {
            replaced.emplace_back(std::move(*previous), snapshot);
        }
    });
    fail_on(read.diagnostics); // and the transaction rolls back: a file with a problem stores nothing
    transaction.commit();
    added.say(context.out);
    for (const auto& [previous, now] : replaced) {
        say_replaced(context.out, previous, now);
    }
    if (replacements > replaced.size()) {
        context.out << "and " << replacements - replaced.size() << " more snapshots replaced\n";
    }
    std::string parts;
    for (auto [count, what] : {std::pair{read.rows - replacements - unchanged, "new"},
                               std::pair{replacements, "replaced"}, std::pair{unchanged, "unchanged"}}) {
        if (count > 0) {
            parts += (parts.empty() ? "" : ", ") + std::to_string(count) + " " + what;
        }
    }
    context.out << "imported " << read.rows << " SSI snapshots from " << read.files
                << (read.files == 1 ? " file" : " files") << (parts.empty() ? "" : " (" + parts + ")") << '\n';
    return k_ok;
}

int list_snapshots(Context& context, const SnapshotListArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::SsiStore ssi(database);
    std::vector<std::string> senders;
    if (!arguments.sender.empty()) {
        if (!ssi.has_sender(arguments.sender)) {
            throw core::UserError("error: no sender '" + arguments.sender + "' in " + context.database_path.string());
        }
        senders.push_back(arguments.sender);
    } else {
        for (const auto& sender : ssi.senders()) {
            senders.push_back(sender.name);
        }
    }
    using Json = nlohmann::ordered_json;
    auto rank = [](const std::optional<int>& value) { return value ? std::to_string(*value) : std::string(); };
    auto optional = [](const auto& value) { return value ? Json(*value) : Json(nullptr); };
    std::vector<Row> rows;
    auto json = Json::array();
    for (const auto& sender : senders) {
        for (const auto& snapshot : ssi.snapshots(sender)) {
            rows.push_back({snapshot.sender, core::format_day(snapshot.day), report::fixed(snapshot.total, 2),
                            report::fixed(snapshot.pillars[0], 2), report::fixed(snapshot.pillars[1], 2),
                            report::fixed(snapshot.pillars[2], 2), report::fixed(snapshot.pillars[3], 2),
                            rank(snapshot.industry_rank), rank(snapshot.network_rank), snapshot.source});
            // The fields, and their order, of the SSI report's series.
            Json item{{"sender", snapshot.sender},
                      {"date", core::format_day(snapshot.day)},
                      {"brand", snapshot.pillars[0]},
                      {"people", snapshot.pillars[1]},
                      {"insights", snapshot.pillars[2]},
                      {"relationships", snapshot.pillars[3]},
                      {"total", snapshot.total},
                      {"industry_rank", optional(snapshot.industry_rank)},
                      {"network_rank", optional(snapshot.network_rank)},
                      {"industry_average", optional(snapshot.industry_average)},
                      {"network_average", optional(snapshot.network_average)},
                      {"source", snapshot.source}};
            json.push_back(std::move(item));
        }
    }
    std::vector<std::string> header{"sender",   "date",          "total",         "brand",        "people",
                                    "insights", "relationships", "industry_rank", "network_rank", "source"};
    auto format = parse_format(arguments.format);
    if (format == Format::json) {
        context.out << json.dump(2) << '\n';
    } else if (format == Format::csv) {
        print_csv_row(context.out, header);
        for (const auto& row : rows) {
            print_csv_row(context.out, row);
        }
    } else if (rows.empty()) {
        context.out << "no SSI recorded yet: campaign ssi record or campaign ssi import\n";
    } else {
        print_table(context.out, header, rows, 40);
    }
    return k_ok;
}

int import_activity(Context& context, const ImportArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::create);
    // The file's full path names its series: jan/activity.csv and feb/activity.csv are two.
    auto source =
        arguments.source.empty() ? std::filesystem::weakly_canonical(arguments.path).string() : arguments.source;
    auto shown = arguments.source.empty() ? arguments.path.string() : arguments.source;
    store::SsiStore ssi(database);
    // A series imported again replaces its earlier counts, sender by sender; rows of one day add up.
    std::set<std::string> cleared;
    std::size_t replaced = 0;
    NewSenders added(ssi);
    store::Transaction transaction(database);
    auto read = crm::read_activity_csv(arguments.path, sender_or_only(database, arguments.sender),
                                       [&](const crm::ImportedActivity& row) {
                                           if (cleared.insert(row.sender).second) {
                                               added.note(row.sender);
                                               replaced += ssi.clear_activity(row.sender, source);
                                           }
                                           ssi.add_activity(row.sender, row.activity, source);
                                       });
    fail_on(read.diagnostics); // and the transaction rolls back: a file with a problem stores nothing
    transaction.commit();
    added.say(context.out);
    context.out << "imported " << read.rows << " activity counts from " << shown;
    if (replaced > 0) {
        context.out << ", replacing the " << replaced << " daily counts of its earlier import";
    }
    context.out << '\n';
    return k_ok;
}

void add_pillar_options(CLI::App& command, RecordArguments& arguments) {
    for (auto pillar : core::k_pillars) {
        auto name = std::string(core::to_string(pillar));
        command
            .add_option("--" + name, arguments.pillars[static_cast<std::size_t>(pillar)],
                        std::string(core::display_name(pillar)) + ", 0 to 25")
            ->required();
    }
}

} // namespace

void add_ssi_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("ssi", "Record, import and list the Social Selling Index of senders");
    set_examples(*command,
                 {"campaign ssi record --sender alice --brand 14.2 --people 11.8 --insights 9.6 --relationships 13.1",
                  "campaign ssi import ssi-history.csv", "campaign ssi list --sender alice"});
    command->require_subcommand(1);

    auto* record = command->add_subcommand("record", "Record one day's SSI by hand, as LinkedIn's page shows it");
    set_examples(*record, {"campaign ssi record --brand 14.2 --people 11.8 --insights 9.6 --relationships 13.1",
                           "campaign ssi record --sender alice --date 2026-11-23 --brand 14.2 --people 11.8 --insights "
                           "9.6 --relationships 13.1 --industry-rank 4"});
    auto recorded = std::make_shared<RecordArguments>();
    record->add_option("--sender", recorded->sender, "Whose SSI (default: the only sender)");
    record->add_option(
        "--date", recorded->date,
        "The day, YYYY-MM-DD (default: today on the sender's calendar, the day campaign activity counts on)");
    add_pillar_options(*record, *recorded);
    record->add_option("--industry-rank", recorded->industry_rank, "Top N% of the industry, 1 to 100");
    record->add_option("--network-rank", recorded->network_rank, "Top N% of the network, 1 to 100");
    on_run(*record, context, [&context, recorded] { return record_snapshot(context, *recorded); });

    auto* import = command->add_subcommand(
        "import", "Import SSI history: a CSV, LinkedIn's salesApiSsi JSON, or a folder of daily files");
    set_examples(*import, {"campaign ssi import ssi-history.csv",
                           "campaign ssi import salesApiSsi-2026-11-23.json --sender alice",
                           "campaign ssi import ssi-history/"});
    auto imported = std::make_shared<ImportArguments>();
    import->add_option("FILE", imported->path, "A .csv or .json file, or a folder of them")
        ->required()
        ->check(CLI::ExistingPath);
    import->add_option("--sender", imported->sender, "For rows and JSON files that do not say (default: the only one)");
    import->add_option("--date", imported->date, "The day of a JSON answer whose file name holds no date");
    on_run(*import, context, [&context, imported] { return import_snapshots(context, *imported); });

    auto* list = command->add_subcommand("list", "The SSI snapshots recorded, by sender and day");
    set_examples(*list, {"campaign ssi list", "campaign ssi list --sender alice --format csv"});
    auto listed = std::make_shared<SnapshotListArguments>();
    list->add_option("--sender", listed->sender, "Only this sender");
    list->add_option("--format", listed->format, "table (default), json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    on_run(*list, context, [&context, listed] { return list_snapshots(context, *listed); });

    add_ssi_plan_command(*command, context);
}

void add_activity_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("activity", "Off-campaign activity that may move the SSI: posts, comments, ...");
    set_examples(*command,
                 {"campaign activity import activity.csv", "campaign activity import posts.csv --sender alice"});
    command->require_subcommand(1);
    auto* import = command->add_subcommand("import", "Import daily activity counts: date,activity,count[,sender]");
    set_examples(*import,
                 {"campaign activity import activity.csv", "campaign activity import posts.csv --sender alice"});
    auto arguments = std::make_shared<ImportArguments>();
    import->add_option("FILE", arguments->path, "The activity CSV")->required()->check(CLI::ExistingFile);
    import->add_option("--sender", arguments->sender, "For rows that do not say (default: the only sender)");
    import->add_option("--source", arguments->source,
                       "Name of this series (default: the file's name); importing it again replaces its counts");
    on_run(*import, context, [&context, arguments] { return import_activity(context, *arguments); });
}

} // namespace campaign::cli
