// Reading SSI history and off-campaign activity from files: the SSI CSV (date, brand, people, insights,
// relationships; optionally sender, total, industry_rank, network_rank), LinkedIn's own salesApiSsi JSON answer, a
// folder of daily files of either kind, and the activity CSV (date, activity, count; optionally sender). Files are
// streamed: each good row goes to the caller as it is read, so memory does not grow with the file, and every problem
// is reported at its line and column. The caller stores rows in a transaction and commits it only when there were no
// problems, so that a file with one stores nothing.
#pragma once

#include <filesystem>
#include <functional>
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

// What a read did: the good rows it handed over, the files it read, and the first k_problems_shown problems in
// file order, then one that counts the rest.
struct ReadSummary {
    core::Diagnostics diagnostics;
    std::size_t rows = 0;  // good rows handed over
    std::size_t files = 0; // files read
    static constexpr std::size_t k_problems_shown = 50;
};

using TakeSnapshot = std::function<void(const core::SsiSnapshot&)>;

// A CSV or JSON file (told apart by its first character), or every .csv and .json file of a folder in name order.
ReadSummary read_ssi(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take);

// LinkedIn's salesApiSsi answer fetched from a gateway: `source` names it in problems; options.day is required.
ReadSummary read_fetched_ssi(const std::string& answer, const std::string& source, const SsiReadOptions& options,
                             const TakeSnapshot& take);

struct ImportedActivity {
    std::string sender;
    store::DailyActivity activity;
};

using TakeActivity = std::function<void(const ImportedActivity&)>;

ReadSummary read_activity_csv(const std::filesystem::path& path, const std::optional<std::string>& sender,
                              const TakeActivity& take);

// The first YYYY-MM-DD in a file's name: "ssi-2026-11-03.json" is that day's answer.
std::optional<core::Day> day_in_name(const std::filesystem::path& path);

} // namespace campaign::crm
