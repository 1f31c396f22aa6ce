// What the reports' renderings share: a walk of headings, sentences and tables that prints as an aligned terminal
// table or as Markdown, and the HTML page's frame, style and table writer.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "core/table.hpp"

namespace campaign::report {

struct TextTable {
    core::Row header;
    std::vector<core::Row> rows;
};

// A report walks its parts in order, handing each heading, sentence and table to the rendering.
struct Writer {
    std::function<void(const std::string&)> heading;
    std::function<void(const std::string&)> sentence;
    std::function<void(const TextTable&)> table;
};

// The title line, then the parts as a terminal shows them: aligned columns, cells cut at 60 characters. The report of
// a rehearsal (`rehearsal_of`, the live CRM's file name) says so under its title.
Writer terminal_writer(std::ostream& out, const std::string& title, const std::optional<std::string>& rehearsal_of);
// The title as a level-1 heading, the parts' headings as level 2, tables as pipe tables; a rehearsal's note in bold.
Writer markdown_writer(std::ostream& out, const std::string& title, const std::optional<std::string>& rehearsal_of);
std::string markdown_cell(const std::string& cell);

// How an HTML table lays out: its first `labels` columns say what a row is and read left to right, a `text` column
// wraps, and `extra` may give a cell a class of its own (a variant's row, a reply's class).
struct Layout {
    std::size_t labels = 1;
    std::size_t text = static_cast<std::size_t>(-1);
    std::function<std::string(std::size_t row, std::size_t column)> extra;
};

void html_table(std::ostream& out, const TextTable& table, const Layout& layout);

// What a report of a rehearsal says first, in every format: `copy_of` is the live CRM's file name.
std::string rehearsal_note(const std::string& copy_of);
// The banner under an HTML report's heading, when it is of a rehearsal.
void html_rehearsal_banner(std::ostream& out, const std::optional<std::string>& copy_of);

// The page up to the start of its content: the document head with the shared style and `style` after it, the
// heading and the scope line under it.
void begin_page(std::ostream& out, const std::string& heading, const std::string& scope, const char* style = "");
// The footer's note and the end of the document.
void end_page(std::ostream& out, const std::string& note);

} // namespace campaign::report
