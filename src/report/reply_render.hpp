// The reply report rendered for a terminal, for Markdown, for other programs (JSON and CSV) and for a browser.
#pragma once

#include <ostream>
#include <string_view>

#include "report/reply_report.hpp"

namespace campaign::report {

// What to print: the whole report or one part. CSV holds one table, so it prints the funnel unless told otherwise.
enum class Section { all, funnel, ab_tests, replies, daily };

std::optional<Section> parse_section(std::string_view name);

void write_table(std::ostream& out, const ReplyReport& report, Section section);
void write_markdown(std::ostream& out, const ReplyReport& report, Section section);
// Field names are documented in docs/reports.md and kept stable.
void write_json(std::ostream& out, const ReplyReport& report, Section section);
void write_csv(std::ostream& out, const ReplyReport& report, Section section);
// One self-contained page: styles and charts inline, nothing fetched.
void write_html(std::ostream& out, const ReplyReport& report);

} // namespace campaign::report
