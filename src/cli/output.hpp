// How commands print: aligned tables for a terminal, CSV and JSON for other programs.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ssi.hpp"
#include "core/table.hpp"

namespace campaign::cli {

enum class Format { table, json, csv };

// CLI11 transform: the names of the formats a command accepts.
Format parse_format(std::string_view name);

using core::print_csv_row;
using core::print_table;
using core::Row;

bool stdout_is_terminal();

// A day given to an option, "2026-11-23"; throws core::UserError naming the option when it is none.
core::Day day_option(std::string_view option, const std::string& text);

// Throws the problems as one core::UserError, a "file:line:col: error: ..." line each, when any is an error.
void fail_on(const core::Diagnostics& diagnostics);

} // namespace campaign::cli
