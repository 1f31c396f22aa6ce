#include "report/cells.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "report/ab_test.hpp"

namespace campaign::report {

namespace {

constexpr const char* k_none = "–";

// "+54.1%", "-12.0%"
std::string lift_text(double lift) {
    std::string text = lift >= 0 ? "+" : "";
    text += fixed(lift * 100, 1);
    text += '%';
    return text;
}

// The columns every funnel table shares, after the ones that say what the row is; the waits' headers name their unit.
const core::Row k_funnel_columns{"invites",    "accepted",   "acceptance",      "messaged", "replied",
                                 "reply rate", "interested", "interested rate", "opt-outs", "failed"};

// A wait column reads down in one unit, the one that suits its longest wait: all in hours or all in days, never
// "9.4h / 30.7h" above "1.2d / 3.0d".
struct WaitUnit {
    const char* name;
    double seconds;
    int decimals;
};

constexpr WaitUnit k_minutes{"min", 60, 0};
constexpr WaitUnit k_hours{"h", 3600, 1};
constexpr WaitUnit k_days{"d", 86400, 1};

WaitUnit unit_for(const std::vector<const Funnel*>& funnels, Wait Funnel::*wait) {
    double longest = 0;
    for (const auto* funnel : funnels) {
        longest = std::max(longest, ((*funnel).*wait).p90.value_or(0));
    }
    return longest < 3600 ? k_minutes : longest < 48 * 3600 ? k_hours : k_days;
}

std::string wait_in(const Wait& wait, WaitUnit unit) {
    if (!wait.median || !wait.p90) {
        return k_none;
    }
    return fixed(*wait.median / unit.seconds, unit.decimals) + " / " + fixed(*wait.p90 / unit.seconds, unit.decimals);
}

core::Row funnel_cells(const Funnel& funnel) {
    return {count_text(funnel.invitations), count_text(funnel.accepted),         rate_text(funnel.acceptance()),
            count_text(funnel.reached),     count_text(funnel.replied),          rate_text(funnel.reply_rate()),
            count_text(funnel.interested),  rate_text(funnel.interested_rate()), count_text(funnel.opt_outs),
            count_text(funnel.failures)};
}

core::Row joined(core::Row head, const core::Row& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

// A funnel table: the columns that say what each row is, the funnel's, and its two waits in one unit each.
class FunnelTable {
public:
    explicit FunnelTable(core::Row head) : m_head(std::move(head)) {}

    void add(core::Row head, const Funnel& funnel) {
        m_rows.emplace_back(std::move(head), &funnel);
        m_funnels.push_back(&funnel);
    }

    TextTable finish() const {
        auto accept = unit_for(m_funnels, &Funnel::accept_wait);
        auto reply = unit_for(m_funnels, &Funnel::reply_wait);
        auto columns = joined(m_head, k_funnel_columns);
        columns.push_back(std::string("accept wait (") + accept.name + ")");
        columns.push_back(std::string("reply wait (") + reply.name + ")");
        TextTable table{columns, {}};
        for (const auto& [head, funnel] : m_rows) {
            auto row = joined(head, funnel_cells(*funnel));
            row.push_back(wait_in(funnel->accept_wait, accept));
            row.push_back(wait_in(funnel->reply_wait, reply));
            table.rows.push_back(std::move(row));
        }
        return table;
    }

private:
    core::Row m_head;
    std::vector<std::pair<core::Row, const Funnel*>> m_rows;
    std::vector<const Funnel*> m_funnels;
};

} // namespace

std::string fixed(double value, int decimals) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, value);
    return buffer.data();
}

std::string count_text(std::int64_t count) {
    auto digits = std::to_string(count < 0 ? -count : count);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            text += ',';
        }
        text += digits[i];
    }
    return count < 0 ? "-" + text : text;
}

std::string rate_text(stats::Proportion rate) {
    auto interval = stats::wilson_interval(rate.successes, rate.trials);
    if (!interval) {
        return k_none;
    }
    return percent(rate.rate()) + " [" + fixed(interval->low * 100, 1) + "–" + fixed(interval->high * 100, 1) + "]";
}

std::string reply_class_text(core::ReplyClass reply_class) {
    switch (reply_class) {
    case core::ReplyClass::opt_out:
        return "opt-out";
    case core::ReplyClass::out_of_office:
        return "out of office";
    case core::ReplyClass::not_interested:
        return "not interested";
    default:
        return std::string(core::to_string(reply_class));
    }
}

std::string scope_text(const ReplyReportOptions& options) {
    std::string text = options.campaign ? "campaign " + *options.campaign : "all campaigns";
    text += options.sender ? ", sender " + *options.sender : ", all senders";
    if (options.since || options.until) {
        text += ", ";
        text += options.since ? core::format_utc(*options.since).substr(0, 10) : "the beginning";
        // The period ends before `until`, so its last day is the one before.
        text += options.until ? " to " + core::format_utc(*options.until - std::chrono::seconds{1}).substr(0, 10)
                              : " to now";
    }
    return text;
}

std::optional<std::string> nothing_sent_text(const ReplyReport& report) {
    if (!report.days.empty()) {
        return std::nullopt;
    }
    if (!report.sent_days) {
        return std::string(report.options.campaign || report.options.sender ? "Nothing has been sent in this scope yet."
                                                                            : "Nothing has been sent yet.");
    }
    const auto& [first, last] = *report.sent_days;
    return "Nothing was sent in this period; what was sent runs from " + first + " to " + last +
           " (--since and --until choose the period).";
}

std::string reply_class_summary(const ReplyReport& report) {
    std::int64_t total = 0;
    for (auto count : report.reply_classes) {
        total += count;
    }
    std::string text = count_text(total) + (total == 1 ? " reply" : " replies");
    if (total == 0) {
        return text;
    }
    const char* separator = ": ";
    for (auto reply_class : core::k_reply_classes) {
        auto count = report.reply_classes.at(static_cast<std::size_t>(reply_class));
        auto name = reply_class == core::ReplyClass::opt_out ? std::string(count == 1 ? "opt-out" : "opt-outs")
                                                             : reply_class_text(reply_class);
        text += separator + count_text(count) + " " + name;
        separator = ", ";
    }
    return text;
}

std::string method_text(const AbTest& test) {
    if (!test.comparison) {
        return k_none;
    }
    return test.comparison->method == stats::TestMethod::fisher_exact ? "Fisher's exact test" : "two-proportion z-test";
}

TextTable campaign_table(const ReplyReport& report) {
    FunnelTable table({"campaign", "enrolled"});
    for (const auto& row : report.campaigns) {
        table.add({row.campaign, count_text(row.funnel.enrolled.value_or(0))}, row.funnel);
    }
    return table.finish();
}

TextTable step_table(const ReplyReport& report) {
    FunnelTable table({"campaign", "step", "type", "sent"});
    for (const auto& step : report.steps) {
        table.add({step.campaign, step.step, std::string(core::to_string(step.type)), count_text(step.sent)},
                  step.funnel);
        for (const auto& variant : report.variants) {
            if (variant.campaign == step.campaign && variant.step == step.step) {
                table.add({"", "  variant " + variant.variant, "", count_text(variant.sent)}, variant.funnel);
            }
        }
    }
    return table.finish();
}

TextTable sender_table(const ReplyReport& report) {
    FunnelTable table({"sender", "enrolled"});
    for (const auto& row : report.senders) {
        table.add({row.sender, count_text(row.funnel.enrolled.value_or(0))}, row.funnel);
    }
    return table.finish();
}

TextTable ab_table(const ReplyReport& report) {
    TextTable table{{"campaign", "step", "metric", "variants", "rates", "lift", "test", "p", "verdict"}, {}};
    for (const auto& test : report.ab_tests) {
        table.rows.push_back({test.campaign, test.step, test.metric, test.variant + " vs " + test.control,
                              percent(test.variant_rate.rate()) + " vs " + percent(test.control_rate.rate()),
                              test.lift ? lift_text(*test.lift) : k_none, method_text(test),
                              test.comparison ? fixed(test.comparison->p_value, 3) : k_none, test.verdict});
    }
    return table;
}

TextTable latest_reply_table(const ReplyReport& report) {
    TextTable table{{"at", "prospect", "company", "campaign", "step", "class", "text"}, {}};
    for (const auto& reply : report.latest_replies) {
        auto step = reply.variant.empty() ? reply.step : reply.step + " (" + reply.variant + ")";
        table.rows.push_back({core::format_utc(reply.at).substr(0, 16) + "Z",
                              reply.prospect.empty() ? "(erased)" : reply.prospect, reply.company, reply.campaign, step,
                              reply_class_text(reply.reply_class), reply.text});
    }
    return table;
}

TextTable daily_table(const ReplyReport& report) {
    TextTable table{{"day", "invites", "messages", "other", "accepted", "replies"}, {}};
    for (const auto& day : report.days) {
        table.rows.push_back({day.day, count_text(day.invitations), count_text(day.messages), count_text(day.other),
                              count_text(day.accepted), count_text(day.replies)});
    }
    return table;
}

} // namespace campaign::report
