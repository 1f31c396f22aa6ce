// The reply report as one self-contained HTML page: styles inline, charts as inline SVG, nothing fetched.
#include <functional>

#include "report/cells.hpp"
#include "report/reply_render.hpp"
#include "report/svg.hpp"

namespace campaign::report {

namespace {

constexpr const char* k_style = R"css(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; margin: 2em auto;
       max-width: 1440px; padding: 0 1.5em; background: #fff; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #dde2ea; padding-bottom: 0.2em; }
h3 { font-size: 1em; margin: 1.2em 0 0.3em; }
.scope { color: #5a6578; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3em 0.45em; border-bottom: 1px solid #e8ebf0; text-align: right; vertical-align: top;
         white-space: nowrap; }
th { background: #f3f5f8; font-weight: 600; }
th.label, td.label { text-align: left; }
td.text { text-align: left; white-space: normal; min-width: 16em; }
td.variant { color: #445; background: #fafbfc; }
.wrap { overflow-x: auto; }
.chart { width: 100%; max-width: 720px; height: auto; display: block; }
.chart text { font-size: 12px; fill: #333; }
.verdict { margin: 0.3em 0; }
.verdict.win { font-weight: 600; }
.class-positive { color: #1d7a3a; } .class-negative { color: #a33; } .class-opt_out { color: #a33; font-weight: 600; }
.class-out_of_office, .class-neutral { color: #667; }
footer { color: #778; margin-top: 3em; font-size: 0.9em; }
)css";

// How a table lays out: its first `labels` columns say what a row is and read left to right, a `text` column wraps,
// and `extra` may give a cell a class of its own (a variant's row, a reply's class).
struct Layout {
    std::size_t labels = 1;
    std::size_t text = static_cast<std::size_t>(-1);
    std::function<std::string(std::size_t row, std::size_t column)> extra;
};

void html_table(std::ostream& out, const TextTable& table, const Layout& layout) {
    auto alignment = [&layout](std::size_t column) -> std::string {
        return column == layout.text ? "text" : column < layout.labels ? "label" : "";
    };
    auto attribute = [](const std::string& classes) {
        return classes.empty() ? std::string() : " class=\"" + classes + "\"";
    };
    out << "<div class=\"wrap\"><table><thead><tr>";
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        out << "<th" << attribute(alignment(c).empty() ? "" : "label") << ">" << escape_html(table.header[c])
            << "</th>";
    }
    out << "</tr></thead><tbody>\n";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out << "<tr>";
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
            auto classes = alignment(c);
            if (auto extra = layout.extra ? layout.extra(r, c) : ""; !extra.empty()) {
                classes += (classes.empty() ? "" : " ") + extra;
            }
            out << "<td" << attribute(classes) << ">" << escape_html(table.rows[r][c]) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody></table></div>\n";
}

void campaign_funnels(std::ostream& out, const ReplyReport& report) {
    for (const auto& row : report.campaigns) {
        const auto& funnel = row.funnel;
        out << "<h3>" << escape_html(row.campaign) << "</h3>\n"
            << funnel_svg({{"enrolled", funnel.enrolled.value_or(0)},
                           {"invited", funnel.invitations},
                           {"accepted", funnel.accepted},
                           {"messaged", funnel.reached},
                           {"replied", funnel.replied},
                           {"positive", funnel.positive}})
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
    auto scope = scope_text(report.options);
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>Reply report: " << escape_html(scope) << "</title>\n<style>" << k_style
        << "</style>\n</head>\n<body>\n"
        << "<h1>Reply report</h1>\n<p class=\"scope\">" << escape_html(scope) << ", as of "
        << escape_html(core::format_utc(report.options.now)) << "</p>\n";
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
    out << "<footer>Rates show their 95% Wilson interval in brackets; waits are the median and the 90th percentile. "
           "The funnel follows the actions sent in the period to what they led to; the daily activity counts each "
           "thing on the day it happened.</footer>\n</body>\n</html>\n";
}

} // namespace campaign::report
