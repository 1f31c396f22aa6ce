// The reply report as one self-contained HTML page: styles inline, charts as inline SVG, nothing fetched.
#include "report/cells.hpp"
#include "report/page.hpp"
#include "report/reply_render.hpp"
#include "report/svg.hpp"

namespace campaign::report {

namespace {

void campaign_funnels(std::ostream& out, const ReplyReport& report) {
    for (const auto& row : report.campaigns) {
        const auto& funnel = row.funnel;
        out << "<h3>" << escape_html(row.campaign) << "</h3>\n"
            << funnel_svg({{"enrolled", funnel.enrolled.value_or(0)},
                           {"invited", funnel.invitations},
                           {"accepted", funnel.accepted},
                           {"messaged", funnel.reached},
                           {"replied", funnel.replied},
                           {"interested", funnel.interested}})
            << '\n';
    }
}

void step_section(std::ostream& out, const ReplyReport& report) {
    auto table = step_table(report);
    // A variant's row leaves its campaign blank, under its step's row.
    html_table(out, table, {3, static_cast<std::size_t>(-1), [&table](std::size_t row, std::size_t) {
                                return table.rows[row][0].empty() ? "variant" : "";
                            }});
}

void ab_section(std::ostream& out, const ReplyReport& report) {
    out << "<h2>A/B tests</h2>\n";
    if (report.ab_tests.empty()) {
        out << "<p>No step with variants has sends in this period.</p>\n";
        return;
    }
    for (const auto& test : report.ab_tests) {
        bool win = test.comparison && test.comparison->p_value < 0.05;
        out << "<p class=\"verdict" << (win ? " win" : "") << "\">" << escape_html(test.campaign + " / " + test.step)
            << ", " << escape_html(test.variant + " vs " + test.control) << ": " << escape_html(test.verdict)
            << ".</p>\n";
    }
    html_table(out, ab_table(report), {4, 8, {}});
}

void replies_section(std::ostream& out, const ReplyReport& report) {
    out << "<h2>Replies</h2>\n<p>" << escape_html(reply_class_summary(report)) << ".</p>\n";
    if (report.latest_replies.empty()) {
        return;
    }
    auto table = latest_reply_table(report);
    constexpr std::size_t class_column = 5;
    html_table(out, table,
               {table.header.size() - 1, table.header.size() - 1, [&report](std::size_t row, std::size_t column) {
                    return column == class_column
                               ? "class-" + std::string(core::to_string(report.latest_replies[row].reply_class))
                               : std::string();
                }});
}

void daily_section(std::ostream& out, const ReplyReport& report) {
    out << "<h2>Daily activity (UTC)</h2>\n";
    std::vector<std::string> days;
    Series invitations{"invitations", "#3b6fb6", {}};
    Series messages{"messages", "#8fb3e0", {}};
    Series accepted{"accepted", "#1d7a3a", {}};
    Series replies{"replies", "#d9822b", {}};
    for (const auto& day : report.days) {
        days.push_back(day.day);
        invitations.values.push_back(day.invitations);
        messages.values.push_back(day.messages);
        accepted.values.push_back(day.accepted);
        replies.values.push_back(day.replies);
    }
    out << daily_svg(days, {invitations, messages}, {accepted, replies}) << '\n';
    out << "<details><summary>Every day</summary>\n";
    html_table(out, daily_table(report), {});
    out << "</details>\n";
}

} // namespace

void write_html(std::ostream& out, const ReplyReport& report) {
    begin_page(out, "Reply report", scope_text(report.options) + ", as of " + core::format_utc(report.options.now));
    html_rehearsal_banner(out, report.rehearsal_of);
    if (auto nothing = nothing_sent_text(report)) {
        out << "<p>" << escape_html(*nothing) << "</p>\n";
    }
    out << "<h2>Campaigns</h2>\n";
    campaign_funnels(out, report);
    html_table(out, campaign_table(report), {});
    out << "<h2>Steps and variants</h2>\n";
    step_section(out, report);
    out << "<h2>Senders</h2>\n";
    html_table(out, sender_table(report), {});
    ab_section(out, report);
    replies_section(out, report);
    daily_section(out, report);
    end_page(out, "Rates show their 95% Wilson interval in brackets; waits are the median and the 90th percentile. "
                  "The funnel follows the actions sent in the period to what they led to; the daily activity counts "
                  "each thing on the day it happened.");
}

} // namespace campaign::report
