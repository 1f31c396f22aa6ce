// campaign replies classify [TEXT...] [--file FILE.jsonl|-] [--rules DIR] [--received TIME] [--format table|json]
// Reads replies without a database, as the runs and the reports read them: for checking the rules on a team's own
// replies before a run relies on them.
//
// campaign replies reclassify [--rules DIR] [--dry-run] [--format table|json]
// Reads the kept replies again with the rules as they are now (a person's correction stays) and says what changed;
// the next run applies each changed class, undoing what the old one did.
//
// campaign replies referrals [--since DAY] [--until DAY] [--format table|csv|json]
// The people replies pointed to ("talk to my colleague jane.doe@example.com"), as the runs read them: in CSV, a file
// `prospects import` takes once each row has its profile URL.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/triage_rules.hpp"
#include "core/table.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "store/campaign_store.hpp"
#include "store/database.hpp"
#include "store/reply_store.hpp"

namespace campaign::cli {

namespace {

struct ClassifyArguments {
    std::vector<std::string> texts;
    std::string file;
    std::string rules;
    std::string received;
    std::string format = "table";
};

struct Reply {
    std::string id;
    std::string text;
    std::chrono::year_month_day received;
};

std::optional<std::chrono::year_month_day> day_of(std::string_view text) {
    if (auto time = core::parse_utc(text)) {
        return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(*time)};
    }
    if (auto day = core::parse_day(text)) {
        return std::chrono::year_month_day{*day};
    }
    return std::nullopt;
}

std::string format_until(const std::optional<std::chrono::year_month_day>& until) {
    return until ? core::format_day(std::chrono::sys_days{*until}) : std::string();
}

// One {"id", "text", "received"} object a line; every bad line is reported, and none is classified then.
std::vector<Reply> read_replies(std::istream& input, const std::string& name, std::chrono::year_month_day today) {
    std::vector<Reply> replies;
    std::string errors;
    std::string line;
    for (int number = 1; std::getline(input, line); ++number) {
        if (core::trim(line).empty()) {
            continue;
        }
        auto where = name + ":" + std::to_string(number) + ": error: ";
        auto object = nlohmann::json::parse(line, nullptr, false);
        if (object.is_discarded() || !object.is_object()) {
            errors += where + "not a JSON object\n";
            continue;
        }
        if (!object.contains("text") || !object["text"].is_string()) {
            errors += where + "'text' must be a string\n";
            continue;
        }
        Reply reply{std::to_string(number), object["text"].get<std::string>(), today};
        if (object.contains("id") && object["id"].is_string()) {
            reply.id = object["id"].get<std::string>();
        } else if (object.contains("id") && object["id"].is_number_integer()) {
            reply.id = std::to_string(object["id"].get<long long>());
        }
        if (object.contains("received") && !object["received"].is_null()) {
            auto day = object["received"].is_string() ? day_of(object["received"].get<std::string>()) : std::nullopt;
            if (!day) {
                errors += where + "'received' must be an ISO-8601 UTC time such as 2026-12-04T09:30:00Z\n";
                continue;
            }
            reply.received = *day;
        }
        replies.push_back(std::move(reply));
    }
    if (!errors.empty()) {
        errors.pop_back();
        throw core::UserError(errors);
    }
    return replies;
}

int classify(Context& context, const ClassifyArguments& arguments) {
    if (arguments.format != "table" && arguments.format != "json") {
        throw core::UserError("error: --format must be table or json, not '" + arguments.format + "'");
    }
    auto today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(context.clock.now())};
    if (!arguments.received.empty()) {
        auto day = day_of(arguments.received);
        if (!day) {
            throw core::UserError("error: --received must be an ISO-8601 UTC time or a day, not '" +
                                  arguments.received + "'");
        }
        today = *day;
    }
    std::vector<Reply> replies;
    for (std::size_t i = 0; i < arguments.texts.size(); ++i) {
        replies.push_back({std::to_string(i + 1), arguments.texts[i], today});
    }
    if (arguments.file == "-") {
        auto more = read_replies(std::cin, "<stdin>", today);
        std::move(more.begin(), more.end(), std::back_inserter(replies));
    } else if (!arguments.file.empty()) {
        std::ifstream input(arguments.file, std::ios::binary);
        if (!input) {
            throw core::UserError(arguments.file + ": error: cannot read the file");
        }
        auto more = read_replies(input, arguments.file, today);
        std::move(more.begin(), more.end(), std::back_inserter(replies));
    }
    if (replies.empty()) {
        throw core::UserError("error: no reply to classify: give texts, or --file FILE.jsonl (or - for stdin)");
    }
    auto triage = load_triage(arguments.rules);
    std::vector<Row> rows;
    for (const auto& reply : replies) {
        auto reading = triage->read(reply.text, reply.received);
        if (arguments.format == "json") {
            nlohmann::json object{{"id", reply.id},
                                  {"class", core::to_string(reading.reply_class)},
                                  {"language", reading.language},
                                  {"confidence", std::round(reading.confidence * 100) / 100},
                                  {"until", reading.until ? nlohmann::json(format_until(reading.until)) : nullptr},
                                  {"reason", reading.reason}};
            if (reading.referral) {
                object["referral"] = *reading.referral;
            }
            context.out << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            char confidence[8];
            std::snprintf(confidence, sizeof confidence, "%.2f", reading.confidence);
            rows.push_back({reply.id, std::string(core::to_string(reading.reply_class)), reading.language, confidence,
                            format_until(reading.until), reading.reason});
        }
    }
    if (arguments.format == "table") {
        print_table(context.out, {"id", "class", "language", "confidence", "until", "reason"}, rows);
    }
    return k_ok;
}

struct ReclassifyArguments {
    std::string rules;
    bool dry_run = false;
    std::string format = "table";
};

int reclassify(Context& context, const ReclassifyArguments& arguments) {
    auto format = parse_format(arguments.format);
    if (format == Format::csv) {
        throw core::UserError("error: --format must be table or json, not 'csv'");
    }
    auto triage = load_triage(arguments.rules);
    store::Database database(context.database_path, store::OpenMode::must_exist);
    // A rehearsal is read again at the time its simulated clock reached, after what its runs applied.
    auto now = context.clock.now();
    store::CampaignStore campaigns(database);
    if (auto run = campaigns.latest_run(); run && run->clock == "simulated") {
        now = std::max(now, campaigns.last_simulated_time().value_or(run->reached_at) + std::chrono::seconds{1});
    }
    store::Transaction transaction(database);
    store::ReplyStore replies(database);
    struct Change {
        store::ReplyReading before;
        store::ReplyReading after;
        std::string text;
        core::Timestamp at;
    };
    std::vector<Change> changes;
    int read = 0;
    replies.for_each_read([&](const store::ReplyReading& kept, const store::UnreadReply& reply) {
        ++read;
        auto day = std::chrono::floor<std::chrono::days>(reply.at);
        auto fresh = triage->read(reply.text, std::chrono::year_month_day{day});
        auto after = kept;
        after.reply_class = fresh.reply_class;
        after.language = fresh.language;
        after.confidence = fresh.confidence;
        after.until = fresh.until ? std::optional(core::Day{std::chrono::sys_days{*fresh.until}}) : std::nullopt;
        after.reason = fresh.reason;
        after.referral = fresh.referral;
        after.read_at = now;
        if (after.reply_class != kept.reply_class || after.until != kept.until) {
            changes.push_back({kept, after, reply.text, reply.at});
        }
    });
    if (!arguments.dry_run) {
        for (const auto& change : changes) {
            replies.reread(change.after);
        }
        transaction.commit();
    }
    auto until_text = [](const store::ReplyReading& reading) {
        return reading.until ? " " + core::format_day(*reading.until) : std::string();
    };
    if (format == Format::json) {
        auto json = nlohmann::json::array();
        for (const auto& change : changes) {
            json.push_back({{"id", change.before.event_id},
                            {"at", core::format_utc(change.at)},
                            {"from", core::to_string(change.before.reply_class)},
                            {"to", core::to_string(change.after.reply_class)},
                            {"until", change.after.until ? nlohmann::json(core::format_day(*change.after.until))
                                                         : nlohmann::json(nullptr)},
                            {"reason", change.after.reason},
                            {"text", change.text}});
        }
        context.out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return k_ok;
    }
    if (!changes.empty()) {
        std::vector<Row> rows;
        for (const auto& change : changes) {
            rows.push_back({std::to_string(change.before.event_id), core::format_utc(change.at).substr(0, 16),
                            std::string(core::to_string(change.before.reply_class)) + until_text(change.before),
                            std::string(core::to_string(change.after.reply_class)) + until_text(change.after),
                            change.after.reason});
        }
        print_table(context.out, {"id", "received", "was", "now", "because"}, rows);
        context.out << '\n';
    }
    context.out << read << (read == 1 ? " reply" : " replies") << " read again, " << changes.size()
                << (changes.size() == 1 ? " reads" : " read") << " differently"
                << (changes.empty()     ? ""
                    : arguments.dry_run ? " (a dry run: nothing was changed)"
                                        : "; the next run applies the new classes")
                << '\n';
    return k_ok;
}

struct ReferralArguments {
    std::string since;
    std::string until;
    std::string format = "table";
};

// The columns `prospects import` reads, from what the reply gave: an address, a profile URL or a name. A name is
// split at its last space; an address like jane.doe@ gives one too.
struct Referred {
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string profile_url;
};

std::string capitalized(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
    }
    return word;
}

Referred referred(const std::string& who) {
    Referred result;
    auto name_of = [&result](const std::string& name, char separator) {
        auto split = name.rfind(separator);
        if (split != std::string::npos && split > 0 && split + 1 < name.size()) {
            result.first_name = capitalized(name.substr(0, split));
            result.last_name = capitalized(name.substr(split + 1));
        }
    };
    if (auto at = who.find('@'); at != std::string::npos) {
        result.email = who;
        auto local = who.substr(0, at);
        if (std::count(local.begin(), local.end(), '.') == 1 &&
            std::all_of(local.begin(), local.end(), [](char c) { return c == '.' || (c >= 'a' && c <= 'z'); })) {
            name_of(local, '.');
        }
    } else if (who.find("linkedin.com/") != std::string::npos) {
        result.profile_url = who;
    } else {
        name_of(who, ' ');
        if (result.first_name.empty()) {
            result.first_name = who;
        }
    }
    return result;
}

int referrals(Context& context, const ReferralArguments& arguments) {
    auto format = parse_format(arguments.format);
    std::optional<core::Timestamp> since;
    std::optional<core::Timestamp> until;
    if (!arguments.since.empty()) {
        since = core::Timestamp{day_option("--since", arguments.since)};
    }
    if (!arguments.until.empty()) {
        until = core::Timestamp{day_option("--until", arguments.until) + std::chrono::days{1}};
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto found = store::ReplyStore(database).referrals(since, until);
    if (format == Format::csv) {
        core::print_csv_row(context.out,
                            {"first_name", "last_name", "email", "linkedin_url", "company", "tags", "referred_by",
                             "referred_by_profile", "campaign", "sender", "referred_at", "reply"});
        for (const auto& referral : found) {
            auto who = referred(referral.referred);
            core::print_csv_row(context.out,
                                {who.first_name, who.last_name, who.email, who.profile_url, referral.company,
                                 "referral", referral.by_name, referral.by_profile_url, referral.campaign,
                                 referral.sender, core::format_utc(referral.at), referral.text});
        }
        return k_ok;
    }
    if (format == Format::json) {
        for (const auto& referral : found) {
            nlohmann::json object{
                {"referred", referral.referred},       {"company", referral.company},
                {"referred_by", referral.by_name},     {"referred_by_profile", referral.by_profile_url},
                {"campaign", referral.campaign},       {"sender", referral.sender},
                {"at", core::format_utc(referral.at)}, {"text", referral.text}};
            context.out << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        }
        return k_ok;
    }
    if (found.empty()) {
        context.out << "no reply has pointed to someone else yet\n";
        return k_ok;
    }
    std::vector<Row> rows;
    for (const auto& referral : found) {
        rows.push_back({core::format_utc(referral.at), referral.referred, referral.by_name, referral.company,
                        referral.campaign, referral.sender});
    }
    print_table(context.out, {"at", "referred", "by", "company", "campaign", "sender"}, rows);
    context.out << "\n'campaign replies referrals --format csv > referrals.csv' writes them for 'campaign prospects "
                   "import' (add each one's profile URL first)\n";
    return k_ok;
}

} // namespace

void add_replies_command(CLI::App& app, Context& context) {
    auto* replies = app.add_subcommand("replies", "Read replies as runs and reports read them");
    replies->require_subcommand(1);
    set_examples(*replies, {"campaign replies classify \"Sounds good, let's talk next week\"",
                            "campaign replies classify --file replies.jsonl --format json"});
    auto arguments = std::make_shared<ClassifyArguments>();
    auto* command = replies->add_subcommand("classify", "Classify reply texts without a database");
    command->add_option("text", arguments->texts, "Reply texts to classify");
    command->add_option("--file", arguments->file,
                        "Replies, one {\"id\", \"text\", \"received\"} JSON object a line (- for stdin)");
    command->add_option("--rules", arguments->rules,
                        "A directory of <code>.yaml triage rules on top of the built-in ones");
    command->add_option("--received", arguments->received, "When the texts given as arguments arrived (default: now)");
    command->add_option("--format", arguments->format, "table or json (one object a line)");
    set_examples(*command,
                 {"campaign replies classify \"Not right now, try me in Q3\"",
                  "campaign replies classify --file replies.jsonl --format json",
                  "campaign replies classify --rules rules/ --received 2026-12-04 \"Bin ab dem 07.01. zurück\""});
    on_run(*command, context, [&context, arguments] { return classify(context, *arguments); });

    auto reclassify_arguments = std::make_shared<ReclassifyArguments>();
    auto* reclassify_command = replies->add_subcommand(
        "reclassify", "Read the kept replies again with the rules as they are now, and say what changed");
    reclassify_command->add_option("--rules", reclassify_arguments->rules,
                                   "A directory of <code>.yaml triage rules on top of the built-in ones");
    reclassify_command->add_flag("--dry-run", reclassify_arguments->dry_run, "Say what would change, change nothing");
    reclassify_command->add_option("--format", reclassify_arguments->format, "table or json");
    set_examples(*reclassify_command,
                 {"campaign replies reclassify --dry-run", "campaign replies reclassify --rules rules/"});
    on_run(*reclassify_command, context,
           [&context, reclassify_arguments] { return reclassify(context, *reclassify_arguments); });

    auto referral_arguments = std::make_shared<ReferralArguments>();
    auto* referral_command =
        replies->add_subcommand("referrals", "The people replies pointed to, for importing as prospects");
    referral_command->add_option("--since", referral_arguments->since, "Replies from this day on (YYYY-MM-DD, UTC)");
    referral_command->add_option("--until", referral_arguments->until, "Replies up to this day, inclusive");
    referral_command->add_option("--format", referral_arguments->format, "table, csv (for prospects import) or json");
    set_examples(*referral_command,
                 {"campaign replies referrals", "campaign replies referrals --format csv > referrals.csv"});
    on_run(*referral_command, context,
           [&context, referral_arguments] { return referrals(context, *referral_arguments); });
}

} // namespace campaign::cli
