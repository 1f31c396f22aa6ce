// How commands print: aligned tables for a terminal, CSV and JSON for other programs.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace campaign::cli {

enum class Format { table, json, csv };

// CLI11 transform: the names of the formats a command accepts.
Format parse_format(std::string_view name);

using Row = std::vector<std::string>;

// Columns padded to their widest cell (in terminal columns, not bytes); cells wider than `max_width` are cut,
// except in the last column.
void print_table(std::ostream& out, const Row& header, const std::vector<Row>& rows, std::size_t max_width = 40);

// One CSV record, quoted where needed, ending in a newline.
void print_csv_row(std::ostream& out, const Row& fields);

bool stdout_is_terminal();

// Throws the problems as one core::UserError, a "file:line:col: error: ..." line each; nothing when there are none.
void fail_on(const core::Diagnostics& diagnostics);

} // namespace campaign::cli
