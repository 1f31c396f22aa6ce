// campaign inbox [--class C]... [--sender S] [--campaign C] [--since DAY] [--until DAY] [--all] [--format table|json]
// campaign inbox show ID [--format table|json]
// campaign inbox mark ID CLASS
// campaign inbox snooze ID DAY|DURATION
// campaign inbox done ID... [--undo]
// campaign inbox reply ID (--text TEXT | --template FILE)
// The replies a team has to deal with, across every sender and campaign, newest first, as the runs read them; each
// is dealt with here: answered (once; a run sends it within the sender's hours and limits), its class corrected (the
// next run applies what the new class implies), put off, or done.
#include <CLI/CLI.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/rehearsal_place.hpp"
#include "cli/stored_campaigns.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "engine/hooks.hpp"
#include "store/campaign_store.hpp"
#include "store/prospect_store.hpp"
#include "store/rehearsal.hpp"
#include "store/reply_store.hpp"
#include "store/suppression_store.hpp"
#include "template/template_set.hpp"

namespace campaign::cli {

namespace {

struct InboxListArguments {
    std::vector<std::string> classes;
    std::string sender;
    std::string campaign;
    std::string since;
    std::string until;
    bool everything = false;
    std::string format = "table";
};

// A database played on the simulated clock is looked at on that clock, as `status` does.
core::Timestamp inbox_now(store::Database& database, const core::Clock& clock) {
    store::CampaignStore campaigns(database);
    if (auto run = campaigns.latest_run(); run && run->clock == "simulated") {
        return campaigns.last_simulated_time().value_or(run->reached_at);
    }
    return clock.now();
}

core::ReplyClass class_argument(const std::string& name) {
    if (auto parsed = core::parse_reply_class(name)) {
        return *parsed;
    }
    std::vector<std::string_view> names;
    for (auto reply_class : core::k_reply_classes) {
        names.push_back(core::to_string(reply_class));
    }
    auto suggestion = core::closest_match(name, names);
    throw core::UserError("error: unknown class '" + name + "'" +
                          (suggestion ? " (did you mean '" + *suggestion + "'?)" : "") +
                          "; the classes are interested, not_interested, later, referral, out_of_office, opt_out and "
                          "neutral");
}

store::InboxItem find_item(store::ReplyStore& replies, core::RowId id) {
    auto item = replies.item(id);
    if (!item) {
        throw core::UserError("error: no reply " + std::to_string(id) +
                              " in the inbox ('campaign inbox --all' lists "
                              "every one)");
    }
    return *item;
}

// The hooks of the campaign a reply answers hear of what the inbox did with it, in the transaction that did it.
void tell_hooks(store::Database& database, const store::InboxItem& item, const std::string& type, nlohmann::json data,
                core::Timestamp now) {
    if (item.campaign.empty()) {
        return;
    }
    auto campaigns = latest_campaigns(database);
    auto found = std::find_if(campaigns.begin(), campaigns.end(),
                              [&item](const core::Campaign& campaign) { return campaign.id == item.campaign; });
    if (found == campaigns.end() || found->hooks.empty()) {
        return;
    }
    data["reply"] = {{"id", item.reading.event_id}, {"class", core::to_string(item.reading.reply_class)}};
    data["at"] = core::format_utc(item.at);
    data["campaign"] = item.campaign;
    data["step"] = item.step;
    data["sender"] = item.sender;
    data["prospect"] = {{"profile_url", item.profile_url}};
    if (item.prospect_id) {
        if (auto known = store::ProspectStore(database).find(*item.prospect_id)) {
            data["prospect"] = {{"profile_url", known->profile_url},
                                {"first_name", known->first_name},
                                {"last_name", known->last_name},
                                {"company", known->company}};
        }
    }
    engine::tell_hooks(database, found->hooks, engine::hook_scope(database), core::HookTopic::inbox, type,
                       std::to_string(item.reading.event_id) + "/" + core::format_utc(now), data, item.prospect_id,
                       now);
}

// And are posted to at once, once what they hear of is committed; what fails is tried again by the next run.
void post_hooks(store::Database& database, core::Timestamp now, const core::Clock& wall) {
    engine::deliver_hooks(database, now, wall, engine::http_hook_post(), engine::process_environment());
}

std::string one_line(const std::string& text) {
    std::string line;
    bool space = false;
    for (char c : text) {
        bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (blank) {
            space = !line.empty();
            continue;
        }
        if (space) {
            line += ' ';
            space = false;
        }
        line += c;
    }
    return line;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::string::size_type start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        lines.push_back(line);
        start = end + 1;
    }
    while (lines.size() > 1 && lines.back().empty()) {
        lines.pop_back();
    }
    return lines;
}

nlohmann::json optional_time_json(const std::optional<core::Timestamp>& when) {
    return when ? nlohmann::json(core::format_utc(*when)) : nlohmann::json(nullptr);
}

nlohmann::json item_json(const store::InboxItem& item) {
    const auto& reading = item.reading;
    return {{"id", reading.event_id},
            {"at", core::format_utc(item.at)},
            {"class", core::to_string(reading.reply_class)},
            {"corrected", reading.corrected_at.has_value()},
            {"language", reading.language},
            {"confidence", std::round(reading.confidence * 100) / 100},
            {"until", reading.until ? nlohmann::json(core::format_day(*reading.until)) : nlohmann::json(nullptr)},
            {"reason", reading.reason},
            {"referral", reading.referral ? nlohmann::json(*reading.referral) : nlohmann::json(nullptr)},
            {"prospect", item.prospect},
            {"profile_url", item.profile_url},
            {"company", item.company},
            {"campaign", item.campaign},
            {"step", item.step},
            {"sender", item.sender},
            {"text", item.text},
            {"done_at", optional_time_json(reading.done_at)},
            {"snoozed_until", optional_time_json(reading.snoozed_until)},
            {"answer", item.answer ? nlohmann::json(*item.answer) : nlohmann::json(nullptr)},
            {"answer_state", item.answer_state ? nlohmann::json(*item.answer_state) : nlohmann::json(nullptr)}};
}

std::string class_cell(const store::ReplyReading& reading) {
    auto text = std::string(core::to_string(reading.reply_class));
    if (reading.until) {
        text += " " + core::format_day(*reading.until);
    }
    return reading.corrected_at ? text + " (set)" : text;
}

int list(Context& context, const InboxListArguments& arguments) {
    auto format = parse_format(arguments.format);
    if (format == Format::csv) {
        throw core::UserError("error: --format must be table or json, not 'csv'");
    }
    store::InboxFilter filter;
    for (const auto& name : arguments.classes) {
        for (const auto& one : core::split_list(name, ",")) {
            filter.classes.push_back(class_argument(one));
        }
    }
    if (!arguments.sender.empty()) {
        filter.sender = arguments.sender;
    }
    if (!arguments.campaign.empty()) {
        filter.campaign = arguments.campaign;
    }
    if (!arguments.since.empty()) {
        filter.since = core::Timestamp{day_option("--since", arguments.since)};
    }
    if (!arguments.until.empty()) {
        filter.until = core::Timestamp{day_option("--until", arguments.until) + std::chrono::days{1}};
    }
    filter.everything = arguments.everything;
    if (filter.since && filter.until && *filter.until <= *filter.since) {
        throw core::UserError("error: --until (" + arguments.until + ") is before --since (" + arguments.since + ")");
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::CampaignStore names(database);
    if (filter.sender && !names.find_sender(*filter.sender)) {
        throw core::UserError("error: no sender '" + *filter.sender + "' in " + shown(context.database_path));
    }
    if (filter.campaign && !names.find_campaign(*filter.campaign)) {
        throw core::UserError("error: no campaign '" + *filter.campaign + "' in " + shown(context.database_path) +
                              " (it has not been run yet)");
    }
    filter.now = inbox_now(database, context.clock);
    auto items = store::ReplyStore(database).inbox(filter);
    if (format == Format::json) {
        auto json = nlohmann::json::array();
        for (const auto& item : items) {
            json.push_back(item_json(item));
        }
        context.out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return k_ok;
    }
    if (items.empty()) {
        bool filtered = !filter.classes.empty() || filter.sender || filter.campaign || filter.since || filter.until;
        context.out << (arguments.everything ? "no reply yet"
                        : filtered           ? "no reply to deal with among those asked for"
                                             : "nothing to deal with: every reply is done");
        auto rehearsal = store::rehearsal_path(context.database_path);
        if (!store::rehearsal_origin(database) && std::filesystem::exists(rehearsal)) {
            context.out << "; the rehearsal's replies are in " << shown(rehearsal) << " ('campaign --rehearsal inbox')";
        }
        context.out << '\n';
        return k_ok;
    }
    std::vector<Row> rows;
    bool any_state = false;
    for (const auto& item : items) {
        auto where = item.campaign.empty() ? std::string("-") : item.campaign + " / " + item.step;
        std::string state;
        if (item.answer_state) {
            state = "answered (" + *item.answer_state + ")";
        } else if (item.reading.done_at) {
            state = "done";
        } else if (item.reading.snoozed_until && *item.reading.snoozed_until > filter.now) {
            state = "snoozed";
        }
        any_state = any_state || !state.empty();
        rows.push_back({std::to_string(item.reading.event_id), core::format_utc(item.at).substr(0, 16) + "Z",
                        class_cell(item.reading), item.prospect.empty() ? "(erased)" : item.prospect, item.company,
                        where, item.sender, one_line(item.text), state});
    }
    Row header{"id", "received", "class", "prospect", "company", "campaign / step", "sender", "text", "state"};
    if (!any_state) {
        header.pop_back();
        for (auto& row : rows) {
            row.pop_back();
        }
    }
    print_table(context.out, header, rows, 48);
    context.out << "\n"
                << items.size() << (items.size() == 1 ? " reply" : " replies")
                << "; 'campaign inbox show ID' shows the conversation\n";
    return k_ok;
}

int show(Context& context, core::RowId id, const std::string& format_name) {
    auto format = parse_format(format_name);
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::ReplyStore replies(database);
    auto item = find_item(replies, id);
    auto lines = replies.conversation(id);
    if (format == Format::json) {
        auto json = item_json(item);
        auto conversation = nlohmann::json::array();
        for (const auto& line : lines) {
            conversation.push_back(
                {{"at", core::format_utc(line.at)},
                 {"from", line.from_prospect ? "prospect" : "sender"},
                 {"what", line.what},
                 {"state", line.state.empty() ? nlohmann::json(nullptr) : nlohmann::json(line.state)},
                 {"text", line.text}});
        }
        json["conversation"] = conversation;
        context.out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return k_ok;
    }
    const auto& reading = item.reading;
    context.out << "reply " << id << " from " << (item.prospect.empty() ? "(erased)" : item.prospect)
                << (item.company.empty() ? "" : ", " + item.company) << " to " << item.sender << ", "
                << core::format_utc(item.at) << '\n'
                << "class: " << core::to_string(reading.reply_class)
                << (reading.corrected_at ? " (set by hand " + core::format_utc(*reading.corrected_at) + ")" : "")
                << (reading.until ? ", until " + core::format_day(*reading.until) : "");
    if (!reading.corrected_at) {
        char confidence[8];
        std::snprintf(confidence, sizeof confidence, "%.2f", reading.confidence);
        context.out << ", language " << reading.language << ", confidence " << confidence
                    << (reading.reason.empty() ? "" : ", because \"" + reading.reason + "\"");
    }
    context.out << '\n';
    if (reading.referral) {
        context.out << "points to: " << *reading.referral << '\n';
    }
    if (!item.campaign.empty()) {
        context.out << "answers: " << item.campaign << " / " << item.step << '\n';
    }
    if (item.answer) {
        context.out << "answered: " << *item.answer_state << '\n';
    } else if (reading.done_at) {
        context.out << "done: " << core::format_utc(*reading.done_at) << '\n';
    } else if (reading.snoozed_until) {
        context.out << "snoozed until: " << core::format_utc(*reading.snoozed_until) << '\n';
    }
    context.out << "\nconversation:\n";
    for (const auto& line : lines) {
        context.out << "\n"
                    << core::format_utc(line.at) << "  "
                    << (line.from_prospect ? "prospect (" + line.what + ")"
                                           : item.sender + " (" + line.what + ", " + line.state + ")")
                    << ":\n";
        for (const auto& text_line : lines_of(line.text.empty() ? "(no text)" : line.text)) {
            context.out << "  " << text_line << '\n';
        }
    }
    if (item.answer && *item.answer_state == "queued") {
        context.out << "\n(queued) " << item.sender << ":\n";
        for (const auto& text_line : lines_of(*item.answer)) {
            context.out << "  " << text_line << '\n';
        }
    }
    return k_ok;
}

// A later or an away notice keeps the day the rules read unless told another; the other classes have none.
int mark(Context& context, core::RowId id, const std::string& class_name, const std::string& until_text) {
    auto reply_class = class_argument(class_name);
    bool dated = reply_class == core::ReplyClass::later || reply_class == core::ReplyClass::out_of_office;
    if (!until_text.empty() && !dated) {
        throw core::UserError("error: --until is for later and out_of_office, not " + class_name);
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::Transaction transaction(database);
    store::ReplyStore replies(database);
    auto item = find_item(replies, id);
    auto was = item.reading.reply_class;
    std::optional<core::Day> until;
    if (!until_text.empty()) {
        until = day_option("--until", until_text);
    } else if (dated) {
        until = item.reading.until;
    }
    auto now = inbox_now(database, context.clock);
    replies.correct(id, reply_class, until, now);
    if (reply_class == core::ReplyClass::opt_out && item.answer_state == std::optional<std::string>("queued")) {
        replies.drop_answer(id);
        context.out << "reply " << id << ": its queued answer will not be sent\n";
    }
    tell_hooks(database, item, "inbox.marked",
               {{"class", core::to_string(reply_class)},
                {"was", core::to_string(was)},
                {"until", until ? nlohmann::json(core::format_day(*until)) : nlohmann::json(nullptr)}},
               now);
    transaction.commit();
    post_hooks(database, now, context.clock);
    context.out << "reply " << id << ": " << core::to_string(was) << " -> " << core::to_string(reply_class)
                << "; the next run applies it";
    if (item.reading.applied_class && *item.reading.applied_class != reply_class) {
        context.out << ", undoing what the last run did with it as " << core::to_string(*item.reading.applied_class);
    }
    context.out << '\n';
    return k_ok;
}

int snooze(Context& context, core::RowId id, const std::string& until_text) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto now = inbox_now(database, context.clock);
    core::Timestamp until;
    if (auto day = core::parse_day(until_text)) {
        until = core::Timestamp{*day};
    } else if (auto duration = core::parse_duration(until_text)) {
        until = now + *duration;
    } else {
        throw core::UserError("error: snooze until a day (2027-01-11) or for a while (3d, 2w), not '" + until_text +
                              "'");
    }
    if (until <= now) {
        bool simulated = now != context.clock.now();
        throw core::UserError("error: " + core::format_utc(until) + " is not after now (" + core::format_utc(now) +
                              (simulated ? ", where the simulated clock of the last run stands" : "") + ")");
    }
    store::Transaction transaction(database);
    store::ReplyStore replies(database);
    auto item = find_item(replies, id);
    replies.snooze(id, until);
    tell_hooks(database, item, "inbox.snoozed", {{"until", core::format_utc(until)}}, now);
    transaction.commit();
    post_hooks(database, now, context.clock);
    context.out << "reply " << id << ": out of the inbox until " << core::format_utc(until) << '\n';
    return k_ok;
}

int done(Context& context, const std::vector<core::RowId>& ids, bool undo) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto now = inbox_now(database, context.clock);
    store::Transaction transaction(database);
    store::ReplyStore replies(database);
    std::vector<store::InboxItem> items;
    for (auto id : ids) {
        items.push_back(find_item(replies, id)); // every id is checked before any is written
    }
    for (const auto& item : items) {
        auto id = item.reading.event_id;
        if (item.reading.done_at.has_value() != undo) {
            context.out << "reply " << id << (undo ? ": in the inbox already\n" : ": done already\n");
            continue;
        }
        replies.set_done(id, undo ? std::nullopt : std::optional(now));
        tell_hooks(database, item, undo ? "inbox.reopened" : "inbox.done", nlohmann::json::object(), now);
        context.out << "reply " << id << (undo ? ": back in the inbox\n" : ": done\n");
    }
    transaction.commit();
    post_hooks(database, now, context.clock);
    return k_ok;
}

// An answer written from a template beside the campaign's: the prospect's fields, and the sender's as the campaign
// that was answered defines them.
std::string render_answer(store::Database& database, const store::InboxItem& item, const core::Prospect& prospect,
                          const std::filesystem::path& file) {
    auto campaigns = latest_campaigns(database);
    auto found = std::find_if(campaigns.begin(), campaigns.end(),
                              [&item](const core::Campaign& campaign) { return campaign.id == item.campaign; });
    if (found == campaigns.end()) {
        throw core::UserError("error: campaign '" + item.campaign +
                              "' does not load from the database: write the "
                              "answer with --text");
    }
    auto sender = std::find_if(found->senders.begin(), found->senders.end(),
                               [&item](const core::Sender& candidate) { return candidate.id == item.sender; });
    if (sender == found->senders.end()) {
        throw core::UserError("error: campaign '" + item.campaign + "' no longer has sender '" + item.sender +
                              "': write the answer with --text");
    }
    core::Campaign campaign = *found;
    campaign.templates_dir = file.parent_path().empty() ? "." : file.parent_path().string();
    core::Step step;
    step.id = "inbox";
    step.type = core::ActionType::message;
    step.template_name = file.filename().string();
    campaign.steps = {step};
    templating::TemplateSet templates(campaign);
    auto rendered = templates.render(step.template_name, core::ActionType::message,
                                     templating::RenderContext{prospect, *sender, campaign, step.id});
    if (!rendered.message) {
        throw core::UserError("error: " + rendered.failure);
    }
    return rendered.message->body;
}

int answer(Context& context, core::RowId id, const std::string& text, const std::string& template_file) {
    if (!text.empty() && !template_file.empty()) {
        throw core::UserError("error: give the answer with --text or with --template, not both");
    }
    if (text.empty() && template_file.empty()) {
        throw core::UserError("error: give the answer with --text TEXT or --template FILE");
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::Transaction transaction(database);
    store::ReplyStore replies(database);
    auto item = find_item(replies, id);
    if (item.answer) {
        throw core::UserError("error: reply " + std::to_string(id) + " is answered already (" + *item.answer_state +
                              "): 'campaign inbox show " + std::to_string(id) + "'");
    }
    if (!item.enrollment_id || !item.sender_id || !item.prospect_id) {
        throw core::UserError("error: reply " + std::to_string(id) +
                              " answers nothing a campaign sent: answer it on LinkedIn");
    }
    auto prospect = store::ProspectStore(database).find(*item.prospect_id);
    if (!prospect) {
        throw core::UserError("error: the prospect of reply " + std::to_string(id) + " was erased");
    }
    if (store::SuppressionStore(database).contains(core::SuppressionKind::profile, prospect->profile_url)) {
        throw core::UserError("error: " + prospect->profile_url +
                              " is on the suppression list: no answer goes to them");
    }
    auto body = text.empty() ? render_answer(database, item, *prospect, template_file) : text;
    if (core::trim(body).empty()) {
        throw core::UserError("error: the answer is empty");
    }
    auto now = inbox_now(database, context.clock);
    if (!replies.queue_answer(id, *item.enrollment_id, *item.sender_id, body, now)) {
        throw core::UserError("error: reply " + std::to_string(id) + " was answered meanwhile: 'campaign inbox show " +
                              std::to_string(id) + "'");
    }
    replies.set_done(id, now);
    tell_hooks(database, item, "inbox.answered", {{"text", body}}, now);
    transaction.commit();
    post_hooks(database, now, context.clock);
    context.out << "answer to reply " << id << " queued: the next run of a campaign of " << item.sender
                << "'s sends it once, within " << item.sender << "'s working hours and limits\n";
    return k_ok;
}

} // namespace

void add_inbox_command(CLI::App& app, Context& context) {
    auto* inbox = app.add_subcommand("inbox", "The replies to deal with, across every sender and campaign");
    inbox->require_subcommand(0, 1);
    auto arguments = std::make_shared<InboxListArguments>();
    auto add_list_options = [&arguments](CLI::App& command) {
        command.add_option("--class", arguments->classes,
                           "Only replies of these classes (interested, not_interested, later, referral, "
                           "out_of_office, opt_out, neutral)");
        command.add_option("--sender", arguments->sender, "Only replies to this sender");
        command.add_option("--campaign", arguments->campaign, "Only replies to this campaign");
        command.add_option("--since", arguments->since, "Replies from this day on (YYYY-MM-DD, UTC)");
        command.add_option("--until", arguments->until, "Replies up to this day, inclusive");
        command.add_flag("--all", arguments->everything, "The replies dealt with and snoozed too");
        command.add_option("--format", arguments->format, "table or json");
    };
    add_list_options(*inbox);
    set_examples(
        *inbox, {"campaign inbox", "campaign inbox --class interested,later --sender alice", "campaign inbox show 42"});
    inbox->callback([&context, inbox, arguments] {
        if (inbox->get_subcommands().empty()) {
            context.command = [&context, arguments] { return list(context, *arguments); };
        }
    });

    auto show_id = std::make_shared<core::RowId>(0);
    auto show_format = std::make_shared<std::string>("table");
    auto* show_command = inbox->add_subcommand("show", "A reply, how it was read, and the conversation so far");
    show_command->add_option("id", *show_id, "The reply's id, as the inbox lists it")->required();
    show_command->add_option("--format", *show_format, "table or json");
    set_examples(*show_command, {"campaign inbox show 42", "campaign inbox show 42 --format json"});
    on_run(*show_command, context, [&context, show_id, show_format] { return show(context, *show_id, *show_format); });

    auto mark_id = std::make_shared<core::RowId>(0);
    auto mark_class = std::make_shared<std::string>();
    auto mark_until = std::make_shared<std::string>();
    auto* mark_command =
        inbox->add_subcommand("mark", "Correct a reply's class: it wins over the rules, and the next run applies it");
    mark_command->add_option("id", *mark_id, "The reply's id")->required();
    mark_command->add_option("class", *mark_class, "Its class")->required();
    mark_command->add_option("--until", *mark_until,
                             "For later and out_of_office: the day to come back on (YYYY-MM-DD)");
    set_examples(*mark_command,
                 {"campaign inbox mark 42 interested", "campaign inbox mark 43 later --until 2027-04-01"});
    on_run(*mark_command, context,
           [&context, mark_id, mark_class, mark_until] { return mark(context, *mark_id, *mark_class, *mark_until); });

    auto snooze_id = std::make_shared<core::RowId>(0);
    auto snooze_until = std::make_shared<std::string>();
    auto* snooze_command = inbox->add_subcommand("snooze", "Put a reply out of the inbox until a day, or for a while");
    snooze_command->add_option("id", *snooze_id, "The reply's id")->required();
    snooze_command->add_option("until", *snooze_until, "A day (YYYY-MM-DD, UTC) or a duration (3d, 2w)")->required();
    set_examples(*snooze_command, {"campaign inbox snooze 42 2027-01-11", "campaign inbox snooze 42 3d"});
    on_run(*snooze_command, context,
           [&context, snooze_id, snooze_until] { return snooze(context, *snooze_id, *snooze_until); });

    auto reply_id = std::make_shared<core::RowId>(0);
    auto reply_text = std::make_shared<std::string>();
    auto reply_template = std::make_shared<std::string>();
    auto* reply_command =
        inbox->add_subcommand("reply", "Answer a reply: the next run sends it once, within the sender's hours");
    reply_command->add_option("id", *reply_id, "The reply's id")->required();
    reply_command->add_option("--text", *reply_text, "The answer");
    reply_command->add_option("--template", *reply_template,
                              "A Mustache template of the answer, filled with the prospect's and sender's fields");
    set_examples(*reply_command, {"campaign inbox reply 42 --text \"Great, does Tuesday at 10 work?\"",
                                  "campaign inbox reply 42 --template templates/book-call.mustache"});
    on_run(*reply_command, context, [&context, reply_id, reply_text, reply_template] {
        return answer(context, *reply_id, *reply_text, *reply_template);
    });

    auto done_ids = std::make_shared<std::vector<core::RowId>>();
    auto done_undo = std::make_shared<bool>(false);
    auto* done_command = inbox->add_subcommand("done", "Mark replies dealt with: they leave the inbox");
    done_command->add_option("id", *done_ids, "The replies' ids")->required();
    done_command->add_flag("--undo", *done_undo, "Put them back in the inbox");
    set_examples(*done_command, {"campaign inbox done 42", "campaign inbox done 42 43 --undo"});
    on_run(*done_command, context, [&context, done_ids, done_undo] { return done(context, *done_ids, *done_undo); });
}

} // namespace campaign::cli
