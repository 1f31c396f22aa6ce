// Rows of text as a terminal and other programs read them: aligned tables and CSV records.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace campaign::core {

using Row = std::vector<std::string>;

// Columns padded to their widest cell (in terminal columns, not bytes); cells wider than `max_width` are cut,
// except in the last column. A line break, a tab or another control character in a cell shows escaped ("\n", "\t",
// "\x1b"), so that every row stays on its line.
void print_table(std::ostream& out, const Row& header, const std::vector<Row>& rows, std::size_t max_width = 40);

// One CSV record, quoted where needed, ending in a newline.
void print_csv_row(std::ostream& out, const Row& fields);

} // namespace campaign::core
