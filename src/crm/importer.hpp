// Prospect import from CSV: a generic file with a header row, or LinkedIn's own Connections.csv export, from a file,
// a pipe or standard input. The import streams the file in one transaction: it all lands, or (on a fatal error)
// nothing does.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/prospect.hpp"
#include "store/database.hpp"

namespace campaign::crm {

struct ImportOptions {
    std::vector<std::string> tags; // added to every imported prospect
    std::string source; // where the prospects came from, unless a source column says; default: the file's name
};

struct RejectedRow {
    int line = 0;
    std::string reason;
};

// A line about a person an earlier line of the same file was about: the same profile or the same member id.
struct DuplicateRow {
    int line = 0;
    int same_as = 0; // the first line about them
};

// Counts of people (inserted, updated, unchanged) and of lines (rejected, duplicates): every line with a value is one
// of the five.
struct ImportSummary {
    std::string dialect; // "csv" or "linkedin-connections"
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t rejected = 0;
    std::size_t duplicates = 0;
    std::vector<RejectedRow> first_rejected;    // the first few, in file order
    std::vector<DuplicateRow> first_duplicates; // the same

    static constexpr std::size_t k_rejections_kept = 20;
};

struct ImportProgress {
    std::uint64_t bytes_read = 0;
    std::uint64_t total_bytes = 0;
    std::size_t rows = 0;
};

using ProgressCallback = std::function<void(const ImportProgress&)>;

// A CSV file opened for import, its dialect, delimiter and header read and checked before any database is touched.
// Throws core::UserError, with the file and line, for what makes the whole file unusable: not a readable file, UTF-16,
// no header, a header that is not UTF-8, no profile URL column. A file that can be read only once (a pipe, a FIFO such
// as bash's <(...), /dev/stdin) is read once, into a temporary copy.
class ImportFile {
public:
    explicit ImportFile(const std::filesystem::path& path);
    // An input that is not a file, standard input for `-`: messages and the default source call it `name`.
    ImportFile(std::istream& input, const std::string& name);
    ~ImportFile();
    ImportFile(const ImportFile&) = delete;
    ImportFile& operator=(const ImportFile&) = delete;

    // How messages name the input: the path as given, or the name of a stream.
    const std::string& name() const;

private:
    struct State;
    std::unique_ptr<State> m_state;

    friend ImportSummary import_prospects(store::Database&, ImportFile&, const ImportOptions&, const core::Clock&,
                                          const ProgressCallback&);
};

// Imports every row in one transaction. Rows that are merely bad are rejected and counted; a quoted field that never
// ends throws core::UserError and nothing lands. A line about a person an earlier line was about is a duplicate: it is
// folded into the same prospect as a re-import would be (its non-empty values win, its tags are added).
ImportSummary import_prospects(store::Database& database, ImportFile& file, const ImportOptions& options,
                               const core::Clock& clock, const ProgressCallback& progress = {});
ImportSummary import_prospects(store::Database& database, const std::filesystem::path& file,
                               const ImportOptions& options, const core::Clock& clock,
                               const ProgressCallback& progress = {});

// Folds an imported row into the prospect already known: new non-empty values win, tags are added.
// Returns whether anything changed.
bool merge_prospect(core::Prospect& known, const core::Prospect& incoming);

} // namespace campaign::crm
