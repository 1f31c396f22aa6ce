// The reply report as text: aligned tables for a terminal, or Markdown.
#include <functional>

#include "report/cells.hpp"
#include "report/reply_render.hpp"

namespace campaign::report {

namespace {

bool shows(Section wanted, Section part) {
    return wanted == Section::all || wanted == part;
}

// Walks the report's parts in order, handing each heading, sentence and table to the rendering.
struct Writer {
    std::function<void(const std::string&)> heading;
    std::function<void(const std::string&)> sentence;
    std::function<void(const TextTable&)> table;
};

void write_parts(const ReplyReport& report, Section section, const Writer& writer) {
    if (shows(section, Section::funnel)) {
        writer.heading("Campaigns");
        writer.table(campaign_table(report));
        writer.heading("Steps and variants");
        writer.table(step_table(report));
        writer.heading("Senders");
        writer.table(sender_table(report));
    }
    if (shows(section, Section::ab_tests)) {
        writer.heading("A/B tests");
        if (report.ab_tests.empty()) {
            writer.sentence("No step with variants has sends in this period.");
        }
        for (const auto& test : report.ab_tests) {
            writer.sentence(test.campaign + " / " + test.step + ", " + test.variant + " vs " + test.control + ": " +
                            test.verdict + ".");
        }
    }
    if (shows(section, Section::replies)) {
        writer.heading("Replies");
        writer.sentence(reply_class_summary(report) + ".");
        if (!report.latest_replies.empty()) {
            writer.table(latest_reply_table(report));
        }
    }
    if (shows(section, Section::daily)) {
        writer.heading("Daily activity (UTC)");
        writer.table(daily_table(report));
    }
}

std::string title(const ReplyReport& report) {
    return "Reply report: " + scope_text(report.options) + " (as of " + core::format_utc(report.options.now) + ")";
}

std::string markdown_cell(const std::string& cell) {
    std::string text;
    for (char c : cell) {
        if (c == '|') {
            text += "\\|";
        } else if (c == '\n' || c == '\r') {
            text += ' ';
        } else {
            text += c;
        }
    }
    return text;
}

void markdown_row(std::ostream& out, const core::Row& row) {
    out << '|';
    for (const auto& cell : row) {
        out << ' ' << markdown_cell(cell) << " |";
    }
    out << '\n';
}

} // namespace

void write_table(std::ostream& out, const ReplyReport& report, Section section) {
    out << title(report) << '\n';
    Writer writer{[&out](const std::string& text) { out << '\n'
                                                        << text << '\n'; },
                  [&out](const std::string& text) { out << text << '\n'; },
                  [&out](const TextTable& table) { core::print_table(out, table.header, table.rows, 60); }};
    write_parts(report, section, writer);
}

void write_markdown(std::ostream& out, const ReplyReport& report, Section section) {
    out << "# " << markdown_cell(title(report)) << '\n';
    Writer writer{[&out](const std::string& text) { out << "\n## " << text << "\n\n"; },
                  [&out](const std::string& text) { out << markdown_cell(text) << "\n\n"; },
                  [&out](const TextTable& table) {
                      markdown_row(out, table.header);
                      markdown_row(out, core::Row(table.header.size(), "---"));
                      for (const auto& row : table.rows) {
                          markdown_row(out, row);
                      }
                      out << '\n';
                  }};
    write_parts(report, section, writer);
}

std::optional<Section> parse_section(std::string_view name) {
    if (name == "all") {
        return Section::all;
    }
    if (name == "funnel") {
        return Section::funnel;
    }
    if (name == "ab") {
        return Section::ab_tests;
    }
    if (name == "replies") {
        return Section::replies;
    }
    if (name == "daily") {
        return Section::daily;
    }
    return std::nullopt;
}

} // namespace campaign::report
