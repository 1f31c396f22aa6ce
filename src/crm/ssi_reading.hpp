// What the readers of SSI and activity files share: a read in progress and its problems, and the small parsers of
// their fields. Internal to crm; the interface is crm/ssi_files.hpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "crm/ssi_files.hpp"

namespace campaign::crm {

// A read in progress: how many rows and files it handed over, and its first problems, counting the others.
class Problems {
public:
    void add(core::SourceLocation location, std::string message) {
        if (m_read.diagnostics.size() < ReadSummary::k_problems_shown) {
            m_read.diagnostics.push_back({std::move(location), std::move(message)});
        } else {
            ++m_hidden;
        }
    }
    std::size_t count() const { return m_read.diagnostics.size() + m_hidden; }
    void took_row() { ++m_read.rows; }
    void opened_file() { ++m_read.files; }

    ReadSummary finish() {
        if (m_hidden > 0) {
            m_read.diagnostics.push_back({{}, "and " + std::to_string(m_hidden) + " more problems"});
            m_hidden = 0;
        }
        return std::move(m_read);
    }

private:
    ReadSummary m_read;
    std::size_t m_hidden = 0;
};

std::string read_text(const std::filesystem::path& path);
std::optional<double> parse_number(std::string_view text);
// A rank as LinkedIn's page shows it, "Top 5%", or just 5.
std::optional<int> parse_rank(std::string_view text);
// The text of the first YYYY-MM-DD in a file's name, a real day or not.
std::optional<std::string> date_text_in_name(const std::filesystem::path& path);

// One file of each kind, its good snapshots to `take`.
void read_ssi_csv(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take,
                  Problems& problems);
void read_ssi_json(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take,
                   Problems& problems);
// The same answer as text, read from `path` or fetched from a gateway (then `path` names where).
void read_ssi_answer(const std::string& text, const std::filesystem::path& path, const SsiReadOptions& options,
                     const TakeSnapshot& take, Problems& problems);

} // namespace campaign::crm
