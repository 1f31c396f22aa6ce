// Reading SSI history and off-campaign activity from files: the SSI CSV (date, brand, people, insights,
// relationships; optionally sender, total, industry_rank, network_rank), LinkedIn's own salesApiSsi JSON answer, a
// folder of daily files of either kind, and the activity CSV (date, activity, count; optionally sender). A file is
// read and checked whole before anything is stored: every problem is reported at its line and column, and a file with
// one stores nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ssi.hpp"
#include "store/ssi_store.hpp"

namespace campaign::crm {

struct SsiReadOptions {
    std::optional<std::string> sender; // for rows and files that do not name one
    std::optional<core::Day> day;      // for a JSON answer whose file name holds no date
};

struct SsiFileContents {
    std::vector<core::SsiSnapshot> snapshots; // in file order; a folder's files by name
    core::Diagnostics diagnostics;
    std::size_t files = 0;
};

// A CSV or JSON file (told apart by its first character), or every .csv and .json file of a folder.
SsiFileContents read_ssi(const std::filesystem::path& path, const SsiReadOptions& options);

struct ImportedActivity {
    std::string sender;
    store::DailyActivity activity;
};

struct ActivityFileContents {
    std::vector<ImportedActivity> rows;
    core::Diagnostics diagnostics;
};

ActivityFileContents read_activity_csv(const std::filesystem::path& path, const std::optional<std::string>& sender);

// The first YYYY-MM-DD in a file's name: "ssi-2026-11-03.json" is that day's answer.
std::optional<core::Day> day_in_name(const std::filesystem::path& path);

} // namespace campaign::crm
