// campaign report replies [--campaign C] [--sender S] [--since DAY] [--until DAY] [--format table|json|csv|md|html]
//                         [--out FILE] [--section all|funnel|ab|replies|daily] [--rules DIR] [--latest N]
// campaign report ssi [--sender S] [--since DAY] [--until DAY] [--max-lag N] [--adjust weekday|none]
//                     [--inference prewhitened|plain] [--format table|json|csv|md|html] [--out FILE]
//                     [--section all|trend|correlations|regressions|granger|experiments]
#include <CLI/CLI.hpp>
#include <fstream>
#include <functional>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/rehearsal_place.hpp"
#include "cli/stored_campaigns.hpp"
#include "cli/triage_rules.hpp"
#include "report/page.hpp"
#include "report/reply_render.hpp"
#include "report/ssi_render.hpp"
#include "store/campaign_store.hpp"
#include "store/rehearsal.hpp"

namespace campaign::cli {

namespace {

struct RepliesArguments {
    std::string campaign;
    std::string sender;
    std::string since;
    std::string until;
    std::string format = "table";
    std::string out;
    std::string section = "all";
    std::string rules;
    std::size_t latest = 20;
};

// Reports count by UTC day; `--until` a day means to the end of it.
core::Timestamp day_of(const std::string& option, const std::string& text, bool end_of_day) {
    core::Timestamp start{day_option(option, text)};
    return end_of_day ? start + std::chrono::days{1} : start;
}

// A report of a simulated run is as of the time its clock reached, so that the same run gives the same report.
core::Timestamp report_time(store::Database& database, const core::Clock& clock) {
    if (auto run = store::CampaignStore(database).latest_run(); run && run->clock == "simulated") {
        return run->reached_at;
    }
    return clock.now();
}

report::ReplyReportOptions options_of(const RepliesArguments& arguments) {
    report::ReplyReportOptions options;
    if (!arguments.campaign.empty()) {
        options.campaign = arguments.campaign;
    }
    if (!arguments.sender.empty()) {
        options.sender = arguments.sender;
    }
    if (!arguments.since.empty()) {
        options.since = day_of("--since", arguments.since, false);
    }
    if (!arguments.until.empty()) {
        options.until = day_of("--until", arguments.until, true);
    }
    if (options.since && options.until && *options.until <= *options.since) {
        throw core::UserError("error: --until (" + arguments.until + ") is not after --since (" + arguments.since +
                              ")");
    }
    options.triage = load_triage(arguments.rules);
    options.latest = arguments.latest;
    return options;
}

void render(std::ostream& out, const report::ReplyReport& report, const std::string& format, report::Section section) {
    if (format == "json") {
        report::write_json(out, report, section);
    } else if (format == "csv") {
        report::write_csv(out, report, section);
    } else if (format == "md") {
        report::write_markdown(out, report, section);
    } else if (format == "html") {
        report::write_html(out, report);
    } else {
        report::write_table(out, report, section);
    }
}

// Prints the report, or writes it to `out` beside the target and renames it over it, so that a reader never sees
// half a report.
int deliver(Context& context, const std::string& out, const std::function<void(std::ostream&)>& render) {
    if (out.empty()) {
        render(context.out);
        return k_ok;
    }
    auto partial = out + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) {
            throw core::UserError("error: " + out + ": cannot write the file");
        }
        render(file);
        if (!file.flush()) {
            std::filesystem::remove(partial);
            throw core::RuntimeFailure("error: " + out + ": the report could not be written in full");
        }
    }
    std::filesystem::rename(partial, out);
    context.out << "wrote " << out << '\n';
    return k_ok;
}

// CSV has no place for a heading that every reader understands: a report of a rehearsal says so beside it.
void note_csv_of_rehearsal(Context& context, const std::string& format, const std::optional<std::string>& copy_of) {
    if (format == "csv" && copy_of) {
        context.err << "note: " << report::rehearsal_note(*copy_of) << '\n';
    }
}

// A live CRM nothing has run on yet, beside a rehearsal that has: the report the user probably wants is that one.
void note_rehearsal_beside(Context& context, bool empty, const std::optional<std::string>& copy_of) {
    auto rehearsal = store::rehearsal_path(context.database_path);
    if (empty && !copy_of && std::filesystem::exists(rehearsal)) {
        context.err << "note: " << shown(context.database_path) << " holds nothing to report yet; its rehearsal, "
                    << shown(rehearsal) << ", does: 'campaign --rehearsal report ...' reads it\n";
    }
}

void need_out_for_html(const std::string& format, const std::string& out) {
    if (format == "html" && out.empty()) {
        throw core::UserError("error: --format html needs --out FILE: the page is meant for a browser");
    }
}

int report_replies(Context& context, const RepliesArguments& arguments) {
    need_out_for_html(arguments.format, arguments.out);
    auto options = options_of(arguments);
    auto section = report::parse_section(arguments.section).value_or(report::Section::all);
    store::Database database(context.database_path, store::OpenMode::must_exist);
    database.read_through_memory_map();
    options.now = report_time(database, context.clock);
    options.variant_order = variant_order(database);
    auto built = report::build_reply_report(database, options);
    note_csv_of_rehearsal(context, arguments.format, built.rehearsal_of);
    note_rehearsal_beside(context, !built.sent_days, built.rehearsal_of);
    return deliver(context, arguments.out, [&](std::ostream& out) { render(out, built, arguments.format, section); });
}

struct SsiArguments {
    std::string sender;
    std::string since;
    std::string until;
    int max_lag = 14;
    std::string adjust = "weekday";
    std::string inference = "prewhitened";
    std::string format = "table";
    std::string out;
    std::string section = "all";
};

int report_ssi(Context& context, const SsiArguments& arguments) {
    need_out_for_html(arguments.format, arguments.out);
    report::SsiReportOptions options;
    if (!arguments.sender.empty()) {
        options.sender = arguments.sender;
    }
    if (!arguments.since.empty()) {
        options.since = day_option("--since", arguments.since);
    }
    if (!arguments.until.empty()) {
        options.until = day_option("--until", arguments.until);
    }
    if (options.since && options.until && *options.until < *options.since) {
        throw core::UserError("error: --until (" + arguments.until + ") is before --since (" + arguments.since + ")");
    }
    options.max_lag = arguments.max_lag;
    options.weekday_adjust = arguments.adjust == "weekday";
    options.inference = report::parse_inference(arguments.inference).value_or(report::SsiInference::prewhitened);
    auto section = report::parse_ssi_section(arguments.section).value_or(report::SsiSection::all);
    bool with_trend = section == report::SsiSection::all || section == report::SsiSection::trend;
    options.daily_series = arguments.format == "html" || (arguments.format == "json" && with_trend) ||
                           (arguments.format == "csv" && section == report::SsiSection::trend);
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto built = report::build_ssi_report(database, options);
    note_csv_of_rehearsal(context, arguments.format, built.rehearsal_of);
    note_rehearsal_beside(context, built.senders.empty() && !options.sender && !options.since && !options.until,
                          built.rehearsal_of);
    return deliver(context, arguments.out, [&](std::ostream& out) {
        if (arguments.format == "json") {
            report::write_ssi_json(out, built, section);
        } else if (arguments.format == "csv") {
            report::write_ssi_csv(out, built, section);
        } else if (arguments.format == "md") {
            report::write_ssi_markdown(out, built, section);
        } else if (arguments.format == "html") {
            report::write_ssi_html(out, built);
        } else {
            report::write_ssi_table(out, built, section);
        }
    });
}

void add_ssi_report_command(CLI::App& report, Context& context) {
    auto* command = report.add_subcommand(
        "ssi", "Did activity move the SSI: which activity, which pillar, after how many days, and how sure");
    set_examples(*command, {"campaign report ssi", "campaign report ssi --sender alice --max-lag 7 --format md",
                            "campaign report ssi --format html --out ssi.html"});
    auto arguments = std::make_shared<SsiArguments>();
    command->add_option("--sender", arguments->sender, "Only this sender (default: every sender with SSI)");
    command->add_option("--since", arguments->since, "From this day on (YYYY-MM-DD)");
    command->add_option("--until", arguments->until, "Up to and including this day");
    command->add_option("--max-lag", arguments->max_lag, "Longest lag in days to test (default: 14)")
        ->check(CLI::Range(0, 60));
    command->add_option("--adjust", arguments->adjust, "weekday (default): remove day-of-week means first; or none")
        ->check(CLI::IsMember({"weekday", "none"}));
    command
        ->add_option("--inference", arguments->inference,
                     "prewhitened (default): tests that hold for autocorrelated days; or plain, the tests that take "
                     "days as independent, for comparison")
        ->check(CLI::IsMember({"prewhitened", "plain"}));
    command->add_option("--format", arguments->format, "table (default), json, csv, md or html")
        ->check(CLI::IsMember({"table", "json", "csv", "md", "html"}));
    command->add_option("--out", arguments->out, "Write the report to this file instead of printing it");
    command
        ->add_option("--section", arguments->section,
                     "Only one part: trend, correlations, regressions, granger or experiments (CSV prints the "
                     "correlations unless told)")
        ->check(CLI::IsMember({"all", "trend", "correlations", "regressions", "granger", "experiments"}));
    on_run(*command, context, [&context, arguments] { return report_ssi(context, *arguments); });
}

void add_report_replies_command(CLI::App& report, Context& context) {
    auto* command = report.add_subcommand(
        "replies", "Who replied, and which campaigns, steps, variants and senders work: funnels, A/B tests, replies");
    set_examples(*command, {"campaign report replies",
                            "campaign report replies --campaign founders-intro --since 2026-11-01 --until 2026-11-30",
                            "campaign report replies --section ab --format json"});
    auto arguments = std::make_shared<RepliesArguments>();
    command->add_option("--campaign", arguments->campaign, "Only this campaign");
    command->add_option("--sender", arguments->sender, "Only this sender's actions");
    command->add_option("--since", arguments->since, "Actions and events from this day or time on (UTC)");
    command->add_option("--until", arguments->until, "Up to the end of this day (YYYY-MM-DD, UTC)");
    command->add_option("--format", arguments->format, "table (default), json, csv, md or html")
        ->check(CLI::IsMember({"table", "json", "csv", "md", "html"}));
    command->add_option("--out", arguments->out, "Write the report to this file instead of printing it");
    command
        ->add_option("--section", arguments->section,
                     "Only one part: funnel, ab, replies or daily (CSV prints the funnel unless told)")
        ->check(CLI::IsMember({"all", "funnel", "ab", "replies", "daily"}));
    command->add_option(
        "--rules", arguments->rules,
        "A directory of <code>.yaml reply triage rules on top of the built-in ones (data/triage/README.md)");
    command->add_option("--latest", arguments->latest, "How many of the latest replies to list (default: 20)")
        ->check(CLI::Range(0, 100000));
    on_run(*command, context, [&context, arguments] { return report_replies(context, *arguments); });
}

} // namespace

void add_report_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("report", "Reports: replies and funnels, and what activity does to the SSI");
    set_examples(*command, {"campaign report replies", "campaign report ssi --sender alice",
                            "campaign report replies --rehearsal --format html --out replies.html"});
    command->require_subcommand(1);
    add_report_replies_command(*command, context);
    add_ssi_report_command(*command, context);
}

} // namespace campaign::cli
