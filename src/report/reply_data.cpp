// The reply report for other programs: JSON with stable field names, and CSV one table at a time.
#include <nlohmann/json.hpp>

#include "core/table.hpp"
#include "report/cells.hpp"
#include "report/reply_render.hpp"

namespace campaign::report {

namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json rate_json(stats::Proportion rate) {
    auto interval = stats::wilson_interval(rate.successes, rate.trials);
    return {{"successes", rate.successes},
            {"trials", rate.trials},
            {"rate", rate.trials == 0 ? nlohmann::json(nullptr) : nlohmann::json(rate.rate())},
            {"low", interval ? nlohmann::json(interval->low) : nlohmann::json(nullptr)},
            {"high", interval ? nlohmann::json(interval->high) : nlohmann::json(nullptr)}};
}

nlohmann::json wait_json(const Wait& wait) {
    return {{"count", wait.count},
            {"median_seconds", optional_number(wait.median)},
            {"p90_seconds", optional_number(wait.p90)}};
}

nlohmann::json funnel_json(const FunnelRow& row) {
    const auto& funnel = row.funnel;
    nlohmann::json json;
    if (!row.campaign.empty()) {
        json["campaign"] = row.campaign;
    }
    if (!row.step.empty()) {
        json["step"] = row.step;
        json["type"] = core::to_string(row.type);
        json["sent"] = row.sent;
    }
    if (!row.variant.empty()) {
        json["variant"] = row.variant;
    }
    if (!row.sender.empty()) {
        json["sender"] = row.sender;
    }
    if (funnel.enrolled) {
        json["enrolled"] = *funnel.enrolled;
    }
    json["invitations"] = funnel.invitations;
    json["accepted"] = funnel.accepted;
    json["acceptance"] = rate_json(funnel.acceptance());
    json["messages"] = funnel.messages;
    json["reached"] = funnel.reached;
    json["replied"] = funnel.replied;
    json["reply_rate"] = rate_json(funnel.reply_rate());
    json["interested"] = funnel.interested;
    json["interested_rate"] = rate_json(funnel.interested_rate());
    json["opt_outs"] = funnel.opt_outs;
    json["failures"] = funnel.failures;
    json["accept_wait"] = wait_json(funnel.accept_wait);
    json["reply_wait"] = wait_json(funnel.reply_wait);
    return json;
}

nlohmann::json funnels_json(const std::vector<FunnelRow>& rows) {
    auto json = nlohmann::json::array();
    for (const auto& row : rows) {
        json.push_back(funnel_json(row));
    }
    return json;
}

nlohmann::json ab_json(const AbTest& test) {
    nlohmann::json json{{"campaign", test.campaign},
                        {"step", test.step},
                        {"metric", test.metric},
                        {"control", test.control},
                        {"variant", test.variant},
                        {"control_rate", rate_json(test.control_rate)},
                        {"variant_rate", rate_json(test.variant_rate)},
                        {"lift", optional_number(test.lift)},
                        {"test", nullptr},
                        {"p_value", nullptr},
                        {"more_sends_needed", test.more_needed ? nlohmann::json(*test.more_needed) : nullptr},
                        {"verdict", test.verdict}};
    if (test.comparison) {
        json["test"] = test.comparison->method == stats::TestMethod::fisher_exact ? "fisher_exact" : "z_test";
        json["p_value"] = test.comparison->p_value;
    }
    return json;
}

nlohmann::json reply_json(const ReplyLine& reply) {
    auto optional = [](const std::string& text) {
        return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
    };
    return {{"at", core::format_utc(reply.at)},
            {"prospect", optional(reply.prospect)},
            {"profile_url", optional(reply.profile_url)},
            {"company", optional(reply.company)},
            {"campaign", reply.campaign},
            {"step", reply.step},
            {"variant", optional(reply.variant)},
            {"sender", reply.sender},
            {"class", core::to_string(reply.reply_class)},
            {"text", reply.text}};
}

nlohmann::json replies_json(const ReplyReport& report) {
    nlohmann::json by_class = nlohmann::json::object();
    for (auto reply_class : core::k_reply_classes) {
        by_class[std::string(core::to_string(reply_class))] =
            report.reply_classes.at(static_cast<std::size_t>(reply_class));
    }
    auto latest = nlohmann::json::array();
    for (const auto& reply : report.latest_replies) {
        latest.push_back(reply_json(reply));
    }
    return {{"by_class", by_class}, {"latest", latest}};
}

nlohmann::json daily_json(const ReplyReport& report) {
    auto json = nlohmann::json::array();
    for (const auto& day : report.days) {
        json.push_back({{"day", day.day},
                        {"invitations", day.invitations},
                        {"messages", day.messages},
                        {"other_actions", day.other},
                        {"accepted", day.accepted},
                        {"replies", day.replies}});
    }
    return json;
}

nlohmann::json scope_json(const ReplyReportOptions& options) {
    auto optional_time = [](const std::optional<core::Timestamp>& at) {
        return at ? nlohmann::json(core::format_utc(*at)) : nlohmann::json(nullptr);
    };
    return {{"campaign", options.campaign ? nlohmann::json(*options.campaign) : nullptr},
            {"sender", options.sender ? nlohmann::json(*options.sender) : nullptr},
            {"since", optional_time(options.since)},
            {"until", optional_time(options.until)}};
}

std::string number_cell(const std::optional<double>& value) {
    return value ? nlohmann::json(*value).dump() : "";
}

void rate_cells(core::Row& row, stats::Proportion rate) {
    auto interval = stats::wilson_interval(rate.successes, rate.trials);
    row.push_back(rate.trials == 0 ? "" : nlohmann::json(rate.rate()).dump());
    row.push_back(interval ? nlohmann::json(interval->low).dump() : "");
    row.push_back(interval ? nlohmann::json(interval->high).dump() : "");
}

void write_funnel_csv(std::ostream& out, const std::string& level, const std::vector<FunnelRow>& rows) {
    for (const auto& row : rows) {
        const auto& funnel = row.funnel;
        core::Row cells{level,
                        row.campaign,
                        row.step,
                        row.step.empty() ? "" : std::string(core::to_string(row.type)),
                        row.variant,
                        row.sender,
                        funnel.enrolled ? std::to_string(*funnel.enrolled) : "",
                        row.step.empty() ? "" : std::to_string(row.sent),
                        std::to_string(funnel.invitations),
                        std::to_string(funnel.accepted)};
        rate_cells(cells, funnel.acceptance());
        for (auto count : {funnel.messages, funnel.reached, funnel.replied}) {
            cells.push_back(std::to_string(count));
        }
        rate_cells(cells, funnel.reply_rate());
        cells.push_back(std::to_string(funnel.interested));
        rate_cells(cells, funnel.interested_rate());
        for (auto count : {funnel.opt_outs, funnel.failures}) {
            cells.push_back(std::to_string(count));
        }
        for (const auto* wait : {&funnel.accept_wait, &funnel.reply_wait}) {
            cells.push_back(number_cell(wait->median));
            cells.push_back(number_cell(wait->p90));
        }
        core::print_csv_row(out, cells);
    }
}

// {"copy_of": "campaign.db"} when the report is of a rehearsal, null when it is of the live CRM.
nlohmann::json rehearsal_json(const std::optional<std::string>& copy_of) {
    return copy_of ? nlohmann::json{{"copy_of", *copy_of}} : nlohmann::json(nullptr);
}

} // namespace

void write_json(std::ostream& out, const ReplyReport& report, Section section) {
    nlohmann::json json{{"report", "replies"},
                        {"generated_at", core::format_utc(report.options.now)},
                        {"scope", scope_json(report.options)},
                        {"rehearsal", rehearsal_json(report.rehearsal_of)},
                        {"sent_days", report.sent_days ? nlohmann::json{{"first", report.sent_days->first},
                                                                        {"last", report.sent_days->second}}
                                                       : nlohmann::json(nullptr)}};
    auto shows = [section](Section part) { return section == Section::all || section == part; };
    if (shows(Section::funnel)) {
        json["campaigns"] = funnels_json(report.campaigns);
        json["steps"] = funnels_json(report.steps);
        json["variants"] = funnels_json(report.variants);
        json["senders"] = funnels_json(report.senders);
    }
    if (shows(Section::ab_tests)) {
        json["ab_tests"] = nlohmann::json::array();
        for (const auto& test : report.ab_tests) {
            json["ab_tests"].push_back(ab_json(test));
        }
    }
    if (shows(Section::replies)) {
        json["replies"] = replies_json(report);
    }
    if (shows(Section::daily)) {
        json["daily"] = daily_json(report);
    }
    out << json.dump(2) << '\n';
}

void write_csv(std::ostream& out, const ReplyReport& report, Section section) {
    switch (section) {
    case Section::all:
    case Section::funnel:
        core::print_csv_row(out, {"level",
                                  "campaign",
                                  "step",
                                  "type",
                                  "variant",
                                  "sender",
                                  "enrolled",
                                  "sent",
                                  "invitations",
                                  "accepted",
                                  "acceptance",
                                  "acceptance_low",
                                  "acceptance_high",
                                  "messages",
                                  "reached",
                                  "replied",
                                  "reply_rate",
                                  "reply_rate_low",
                                  "reply_rate_high",
                                  "interested",
                                  "interested_rate",
                                  "interested_rate_low",
                                  "interested_rate_high",
                                  "opt_outs",
                                  "failures",
                                  "accept_wait_median_seconds",
                                  "accept_wait_p90_seconds",
                                  "reply_wait_median_seconds",
                                  "reply_wait_p90_seconds"});
        write_funnel_csv(out, "campaign", report.campaigns);
        write_funnel_csv(out, "step", report.steps);
        write_funnel_csv(out, "variant", report.variants);
        write_funnel_csv(out, "sender", report.senders);
        break;
    case Section::ab_tests:
        core::print_csv_row(out, {"campaign", "step", "metric", "control", "variant", "control_successes",
                                  "control_trials", "variant_successes", "variant_trials", "lift", "test", "p_value",
                                  "more_sends_needed", "verdict"});
        for (const auto& test : report.ab_tests) {
            auto json = ab_json(test);
            auto text = [&json](const char* key) {
                return json[key].is_null()     ? std::string()
                       : json[key].is_string() ? json[key].get<std::string>()
                                               : json[key].dump();
            };
            core::print_csv_row(out,
                                {test.campaign, test.step, test.metric, test.control, test.variant,
                                 std::to_string(test.control_rate.successes), std::to_string(test.control_rate.trials),
                                 std::to_string(test.variant_rate.successes), std::to_string(test.variant_rate.trials),
                                 text("lift"), text("test"), text("p_value"), text("more_sends_needed"), test.verdict});
        }
        break;
    case Section::replies:
        core::print_csv_row(out, {"at", "prospect", "profile_url", "company", "campaign", "step", "variant", "sender",
                                  "class", "text"});
        for (const auto& reply : report.latest_replies) {
            core::print_csv_row(out, {core::format_utc(reply.at), reply.prospect, reply.profile_url, reply.company,
                                      reply.campaign, reply.step, reply.variant, reply.sender,
                                      std::string(core::to_string(reply.reply_class)), reply.text});
        }
        break;
    case Section::daily:
        core::print_csv_row(out, {"day", "invitations", "messages", "other_actions", "accepted", "replies"});
        for (const auto& day : report.days) {
            core::print_csv_row(out,
                                {day.day, std::to_string(day.invitations), std::to_string(day.messages),
                                 std::to_string(day.other), std::to_string(day.accepted), std::to_string(day.replies)});
        }
        break;
    }
}

} // namespace campaign::report
