#include "report/page.hpp"

#include "report/svg.hpp"

namespace campaign::report {

namespace {

constexpr const char* k_page_style = R"css(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; margin: 2em auto;
       max-width: 1440px; padding: 0 1.5em; background: #fff; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #dde2ea; padding-bottom: 0.2em; }
h3 { font-size: 1em; margin: 1.2em 0 0.3em; }
.scope { color: #5a6578; margin-top: 0; }
.rehearsal { background: #fff4d6; border: 1px solid #e0b44c; border-radius: 4px; padding: 0.6em 0.9em;
             font-weight: 600; color: #6b4a00; }
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
.class-interested { color: #1d7a3a; } .class-not_interested { color: #a33; } .class-opt_out { color: #a33; font-weight: 600; }
.class-out_of_office, .class-neutral { color: #667; }
footer { color: #778; margin-top: 3em; font-size: 0.9em; }
)css";

void markdown_row(std::ostream& out, const core::Row& row) {
    out << '|';
    for (const auto& cell : row) {
        out << ' ' << markdown_cell(cell) << " |";
    }
    out << '\n';
}

} // namespace

Writer terminal_writer(std::ostream& out, const std::string& title, const std::optional<std::string>& rehearsal_of) {
    out << title << '\n';
    if (rehearsal_of) {
        out << rehearsal_note(*rehearsal_of) << '\n';
    }
    return {[&out](const std::string& text) { out << '\n'
                                                  << text << '\n'; },
            [&out](const std::string& text) { out << text << '\n'; },
            [&out](const TextTable& table) { core::print_table(out, table.header, table.rows, 60); }};
}

Writer markdown_writer(std::ostream& out, const std::string& title, const std::optional<std::string>& rehearsal_of) {
    out << "# " << markdown_cell(title) << '\n';
    if (rehearsal_of) {
        out << "\n**" << markdown_cell(rehearsal_note(*rehearsal_of)) << "**\n";
    }
    return {[&out](const std::string& text) { out << "\n## " << text << "\n\n"; },
            [&out](const std::string& text) { out << markdown_cell(text) << "\n\n"; },
            [&out](const TextTable& table) {
                markdown_row(out, table.header);
                markdown_row(out, core::Row(table.header.size(), "---"));
                for (const auto& row : table.rows) {
                    markdown_row(out, row);
                }
                out << '\n';
            }};
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

void begin_page(std::ostream& out, const std::string& heading, const std::string& scope, const char* style) {
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << escape_html(heading + ": " + scope) << "</title>\n<style>" << k_page_style << style
        << "</style>\n</head>\n<body>\n"
        << "<h1>" << escape_html(heading) << "</h1>\n<p class=\"scope\">" << escape_html(scope) << "</p>\n";
}

std::string rehearsal_note(const std::string& copy_of) {
    return "REHEARSAL: simulated in a copy of " + copy_of + "; nothing in this report happened on LinkedIn";
}

void html_rehearsal_banner(std::ostream& out, const std::optional<std::string>& copy_of) {
    if (copy_of) {
        out << "<p class=\"rehearsal\" role=\"note\">" << escape_html(rehearsal_note(*copy_of)) << "</p>\n";
    }
}

void end_page(std::ostream& out, const std::string& note) {
    out << "<footer>" << escape_html(note) << "</footer>\n</body>\n</html>\n";
}

} // namespace campaign::report
