// The SSI-impact report rendered for a terminal, for Markdown, for other programs (JSON and CSV) and for a browser,
// and its tables as rows of cells, shared by the terminal, Markdown and HTML renderings.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string_view>

#include "report/page.hpp"
#include "report/ssi_report.hpp"

namespace campaign::report {

// What to print: the whole report or one part. CSV holds one table, so it prints the correlations unless told.
enum class SsiSection { all, trend, correlations, regressions, granger, experiments };

std::optional<SsiSection> parse_ssi_section(std::string_view name);

// "sender alice, 2026-09-01 to 2026-11-30, lags 0 to 14 days, weekday means removed"
std::string ssi_scope_text(const SsiReport& report);

// What a report without snapshots in its period says: where the recorded SSI is, or how to record some.
std::string no_ssi_text(const SsiReport& report);

// "alice, 2026-09-01 to 2026-11-30 (88 days recorded)"
std::string sender_heading(const SenderSsi& sender);

TextTable trend_table(const SenderSsi& sender);
TextTable activity_table(const SenderSsi& sender);
// Every lag, or only the lag with the smallest Spearman p of each sender, measure and activity.
TextTable correlation_table(const SsiReport& report, bool strongest_only);
TextTable regression_table(const SsiReport& report);
TextTable granger_table(const SsiReport& report);
TextTable experiment_table(const SsiReport& report);

void write_ssi_table(std::ostream& out, const SsiReport& report, SsiSection section);
void write_ssi_markdown(std::ostream& out, const SsiReport& report, SsiSection section);
// Field names are documented in docs/reports.md and kept stable.
void write_ssi_json(std::ostream& out, const SsiReport& report, SsiSection section);
void write_ssi_csv(std::ostream& out, const SsiReport& report, SsiSection section);
// A plan as JSON, its periods with it: in the report and from `campaign ssi plan`.
nlohmann::ordered_json experiment_json(const core::Experiment& experiment);
// One self-contained page: styles and charts inline, nothing fetched.
void write_ssi_html(std::ostream& out, const SsiReport& report);

} // namespace campaign::report
