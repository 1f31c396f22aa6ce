#include "crm/importer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <thread>
#include <utility>

#include "core/bounded_queue.hpp"
#include "core/error.hpp"
#include "core/files.hpp"
#include "core/profile_url.hpp"
#include "core/text.hpp"
#include "crm/columns.hpp"
#include "crm/csv_reader.hpp"
#include "crm/import_row.hpp"
#include "crm/spooled_input.hpp"
#include "crm/suppression.hpp"
#include "store/import_mentions.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"

namespace campaign::crm {

namespace {

constexpr std::size_t k_progress_every = 10000;

core::UserError file_error(const std::string& name, int line, const std::string& message) {
    std::string where = name;
    if (line > 0) {
        where += ':' + std::to_string(line);
    }
    return core::UserError{where + ": error: " + message};
}

// The first line of the file, without a UTF-8 byte order mark; the stream is rewound.
std::string first_line(std::istream& input) {
    std::string line;
    std::getline(input, line);
    input.clear();
    input.seekg(0);
    if (line.starts_with("\xEF\xBB\xBF")) {
        line.erase(0, 3);
    }
    if (line.ends_with('\r')) {
        line.pop_back();
    }
    return line;
}

// The header row: the first record that is not blank, after LinkedIn's notes when there are any.
CsvRecord find_header(CsvReader& reader, bool linkedin, const std::string& name) {
    CsvRecord record;
    if (linkedin) {
        while (reader.next(record) && !record.is_blank()) {
        }
    }
    while (reader.next(record)) {
        if (!record.is_blank()) {
            return record;
        }
    }
    throw file_error(name, 0, "no header row: the file is empty");
}

bool all_utf8(const CsvRecord& record) {
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](const std::string& field) { return core::is_valid_utf8(field); });
}

// A row read, checked and given the shape it is stored in, or the reason it is rejected: all that can be done
// without the database, on the thread that reads the file.
struct PreparedRow {
    int line = 0;
    std::string rejection; // empty for a row to store
    core::Prospect prospect;
    std::string fields_json; // its custom fields as they are stored
    std::string member_id;
    std::uint64_t bytes_read = 0; // of the file, up to the end of the row
};

// The rows read one after the other, handed to the writer together; a failure to read (a quoted field that never
// ends) comes after the rows before it.
struct PreparedBatch {
    std::vector<PreparedRow> rows;
    std::exception_ptr failure;
};

constexpr std::size_t k_rows_per_batch = 256;
constexpr std::size_t k_batches_ahead = 8; // how far reading may run ahead of writing

PreparedRow prepare(const std::vector<Column>& columns, const CsvRecord& record, const ImportOptions& options,
                    core::Timestamp now) {
    PreparedRow prepared;
    prepared.line = record.line;
    // Spreadsheets often end rows with empty cells the header does not have: only a value there is a problem.
    bool extra_values =
        std::any_of(record.fields.begin() + static_cast<std::ptrdiff_t>(std::min(columns.size(), record.fields.size())),
                    record.fields.end(), [](const std::string& field) { return !core::trim(field).empty(); });
    if (extra_values) {
        prepared.rejection = "has " + std::to_string(record.fields.size()) + " fields but the header has " +
                             std::to_string(columns.size()) + " (an unquoted delimiter in a value?)";
        return prepared;
    }
    if (!all_utf8(record)) {
        prepared.rejection = "is not valid UTF-8 text (save the file as CSV UTF-8)";
        return prepared;
    }
    auto row = read_row(columns, record);
    auto identity = identify(row);
    if (!identity) {
        prepared.rejection = identity.problem;
        return prepared;
    }
    auto& prospect = prepared.prospect = std::move(row.prospect);
    prospect.profile_url = identity.url;
    if (prospect.source.empty()) {
        prospect.source = options.source;
    }
    prospect.tags.insert(options.tags.begin(), options.tags.end());
    prospect.created_at = prospect.updated_at = now;
    prepared.fields_json = store::ProspectStore::fields_json(prospect.fields);
    prepared.member_id = std::move(identity.member_id);
    return prepared;
}

// The rows on their way from the reading thread to the writing one, and the batches the writer is done with, which
// go back to be freed where they were made (memory freed by the thread that allocated it is cheaper to free).
struct RowQueues {
    core::BoundedQueue<PreparedBatch> ready{k_batches_ahead};
    core::BoundedQueue<PreparedBatch> spent{k_batches_ahead};
};

// Reads the file's rows, prepares them and hands them on in batches, until the file ends, reading fails or the
// writer stops taking them; closes the queue of ready rows.
void read_rows(CsvReader& reader, const std::vector<Column>& columns, const ImportOptions& options, core::Timestamp now,
               RowQueues& queues) {
    PreparedBatch batch;
    try {
        CsvRecord record;
        while (reader.next(record)) {
            if (record.is_blank()) {
                continue;
            }
            batch.rows.push_back(prepare(columns, record, options, now));
            batch.rows.back().bytes_read = reader.bytes_read();
            if (batch.rows.size() == k_rows_per_batch) {
                if (!queues.ready.push(std::exchange(batch, {}))) {
                    return;
                }
                while (auto spent = queues.spent.try_pop()) {
                    spent.reset(); // freed on the thread that allocated its rows
                }
            }
        }
    } catch (...) {
        batch.failure = std::current_exception();
    }
    queues.ready.push(std::move(batch));
    queues.ready.close();
}

class ImportRun {
public:
    ImportRun(store::Database& database, const ImportOptions& options, core::Timestamp now)
        : m_prospects(database), m_suppressions(database), m_mentions(database),
          m_check_forgotten(m_suppressions.any(core::SuppressionKind::forgotten)), m_options(options), m_now(now) {}

    void add(const PreparedRow& row, ImportSummary& summary) {
        if (!row.rejection.empty()) {
            reject(summary, row.line, row.rejection);
            return;
        }
        if (m_check_forgotten && is_forgotten(m_suppressions, row.prospect.profile_url)) {
            reject(summary, row.line, "is a person who asked to be forgotten; not imported");
            return;
        }
        store(row, summary);
    }

    // Before the commit: what the stores keep to write many at a time.
    void finish() { m_prospects.write_queued_tags(); }

private:
    void store(const PreparedRow& row, ImportSummary& summary) {
        const auto& incoming = row.prospect;
        const auto& member_id = row.member_id;
        int line = row.line;
        // Most rows of a first import are new: they are inserted unless their URL is known, without a look first.
        // Most rows of a second one are known: while the last rows were, each is looked up first. A URL an earlier
        // version may have kept in another form, or a member id, always takes the look.
        if (member_id.empty() && core::earlier_profile_urls(incoming.profile_url).empty() &&
            m_known_lately < k_known_to_look_first) {
            if (auto id = m_prospects.insert_if_new(incoming, row.fields_json)) {
                m_known_lately = std::max(0, m_known_lately - 1);
                m_mentions.record_inserted(*id, line);
                ++summary.inserted;
                return;
            }
        }
        auto known = m_prospects.find_by_url(incoming.profile_url);
        m_known_lately = known ? std::min(k_known_lately_max, m_known_lately + 1) : std::max(0, m_known_lately - 1);
        // Found under the form an earlier version gave the URL (a member id lower-cased): it takes the file's.
        bool renamed = known && known->profile_url != incoming.profile_url;
        if (renamed) {
            known->profile_url = incoming.profile_url;
        }
        if (!known && !member_id.empty()) {
            known = m_prospects.find_by_member_id(member_id); // keeps the URL it was first imported under
        }
        if (!known) {
            auto id = m_prospects.insert(incoming);
            if (!member_id.empty()) {
                m_prospects.adopt_member_id(id, member_id);
            }
            m_mentions.record_inserted(id, line);
            ++summary.inserted;
            return;
        }
        bool changed = merge_prospect(*known, incoming) || renamed;
        if (changed) {
            known->updated_at = m_now;
            m_prospects.update(*known);
        }
        if (!member_id.empty()) {
            m_prospects.adopt_member_id(known->id, member_id);
        }
        if (auto first = m_mentions.first(known->id)) {
            count_duplicate(summary, line, *first, changed, known->id);
            return;
        }
        m_mentions.record(known->id, {line, changed});
        ++(changed ? summary.updated : summary.unchanged);
    }

    // A later line about someone counts as a duplicate; if it changed a person its first line left as it was, that
    // person now counts as updated.
    void count_duplicate(ImportSummary& summary, int line, const store::Mention& first, bool changed,
                         core::ProspectId id) {
        ++summary.duplicates;
        if (summary.first_duplicates.size() < ImportSummary::k_rejections_kept) {
            summary.first_duplicates.push_back({line, first.line});
        }
        if (changed && !first.changed) {
            --summary.unchanged;
            ++summary.updated;
            m_mentions.record(id, {first.line, true});
        }
    }

    static void reject(ImportSummary& summary, int line, const std::string& reason) {
        ++summary.rejected;
        if (summary.first_rejected.size() < ImportSummary::k_rejections_kept) {
            summary.first_rejected.push_back({line, "row " + reason});
        }
    }

    store::ProspectStore m_prospects;
    store::SuppressionStore m_suppressions;
    store::ImportMentions m_mentions;
    bool m_check_forgotten; // hashing every row is wasted work while nobody has been forgotten
    // Up by one for each row found known, down by one for each new row, within 0 and k_known_lately_max.
    int m_known_lately = 0;
    static constexpr int k_known_to_look_first = 8;
    static constexpr int k_known_lately_max = 16;
    const ImportOptions& m_options;
    core::Timestamp m_now;
};

// What a prospect's source says when neither --source nor a source column does: the file's name, or what the input
// is when it has no name of its own (bash's <(...) is /dev/fd/63).
std::string default_source(const std::filesystem::path& path) {
    auto folder = path.parent_path();
    if (folder == "/dev/fd" || folder == "/proc/self/fd") {
        return path.filename() == "0" ? "stdin" : "pipe";
    }
    return path.filename().string();
}

} // namespace

bool merge_prospect(core::Prospect& known, const core::Prospect& incoming) {
    bool changed = false;
    auto take = [&changed](std::string& current, const std::string& offered) {
        if (!offered.empty() && offered != current) {
            current = offered;
            changed = true;
        }
    };
    take(known.first_name, incoming.first_name);
    take(known.last_name, incoming.last_name);
    take(known.email, incoming.email);
    take(known.company, incoming.company);
    take(known.title, incoming.title);
    take(known.location, incoming.location);
    take(known.industry, incoming.industry);
    if (known.source.empty()) {
        take(known.source, incoming.source); // the first source of a prospect is kept
    }
    for (const auto& [name, value] : incoming.fields) {
        if (!value.empty()) { // known.fields[name] would otherwise add an empty field
            take(known.fields[name], value);
        }
    }
    for (const auto& tag : incoming.tags) {
        changed = known.tags.insert(tag).second || changed;
    }
    return changed;
}

struct ImportFile::State {
    std::string name;
    std::string source;
    std::ifstream input;
    std::unique_ptr<CsvReader> reader; // reads `input`
    std::string dialect;
    std::vector<Column> columns;
    std::uint64_t total_bytes = 0;

    void read_header();
};

ImportFile::ImportFile(const std::filesystem::path& path) : m_state(std::make_unique<State>()) {
    auto& state = *m_state;
    state.name = path.string();
    state.source = default_source(path);
    auto kind = core::file_status(path).kind;
    if (kind == core::FileKind::folder) {
        throw file_error(state.name, 0, "cannot read the file: it is a folder");
    }
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw file_error(state.name, 0, "cannot read the file: " + std::string(std::strerror(errno)));
    }
    if (kind == core::FileKind::regular) {
        state.input = std::move(input);
        std::error_code error;
        auto size = std::filesystem::file_size(path, error);
        state.total_bytes = error ? 0 : size;
    } else {
        auto spooled = spool(input, state.name);
        state.input = std::move(spooled.copy);
        state.total_bytes = spooled.size;
    }
    state.read_header();
}

ImportFile::ImportFile(std::istream& input, const std::string& name) : m_state(std::make_unique<State>()) {
    auto& state = *m_state;
    state.name = name;
    state.source = name;
    auto spooled = spool(input, name);
    state.input = std::move(spooled.copy);
    state.total_bytes = spooled.size;
    state.read_header();
}

void ImportFile::State::read_header() {
    auto line = first_line(input);
    if (line.starts_with("\xFF\xFE") || line.starts_with("\xFE\xFF")) {
        throw file_error(name, 0, "the file is UTF-16 text; save it as CSV UTF-8 and import it again");
    }
    bool linkedin = core::trim(line) == "Notes:";
    // Excel writes "sep=;" on a line of its own to say which delimiter the file uses.
    bool excel_separator = line.size() == 5 && line.starts_with("sep=");
    char delimiter = linkedin ? ',' : excel_separator ? line[4] : guess_delimiter(line);
    dialect = linkedin ? "linkedin-connections" : "csv";
    reader = std::make_unique<CsvReader>(input, delimiter);
    try {
        CsvRecord separator_line;
        if (excel_separator) {
            reader->next(separator_line);
        }
        auto header = find_header(*reader, linkedin, name);
        if (!all_utf8(header)) {
            throw file_error(name, header.line, "the header is not UTF-8 text; save the file as CSV UTF-8");
        }
        columns = map_columns(header.fields);
        if (std::none_of(columns.begin(), columns.end(),
                         [](const Column& column) { return column.kind == ColumnKind::profile_url; })) {
            throw file_error(name, header.line,
                             "the header has no LinkedIn profile URL column (name one 'linkedin_url', "
                             "'profile_url' or 'URL')");
        }
    } catch (const CsvError& failure) {
        throw file_error(name, failure.line(), failure.what());
    }
}

ImportFile::~ImportFile() = default;

const std::string& ImportFile::name() const {
    return m_state->name;
}

ImportSummary import_prospects(store::Database& database, const std::filesystem::path& file,
                               const ImportOptions& options, const core::Clock& clock,
                               const ProgressCallback& progress) {
    ImportFile opened(file);
    return import_prospects(database, opened, options, clock, progress);
}

ImportSummary import_prospects(store::Database& database, ImportFile& file, const ImportOptions& options,
                               const core::Clock& clock, const ProgressCallback& progress) {
    auto& state = *file.m_state;
    ImportSummary summary;
    summary.dialect = state.dialect;
    ImportProgress status{0, state.total_bytes, 0};

    ImportOptions effective = options;
    if (effective.source.empty()) {
        effective.source = state.source;
    }
    effective.tags.clear();
    for (const auto& tag : options.tags) {
        if (!core::trim(tag).empty()) {
            effective.tags.push_back(core::to_lower_ascii(core::trim(tag)));
        }
    }

    // One thread reads and prepares the rows while this one stores them, in the file's order.
    try {
        store::TrustedReferences trusted(database); // the tags it adds are of prospects it holds
        store::Transaction transaction(database);
        auto now = clock.now();
        ImportRun run(database, effective, now);
        RowQueues queues;
        std::jthread reading([&] { read_rows(*state.reader, state.columns, effective, now, queues); });
        core::CloseOnExit closing(queues.ready); // a reader waiting to hand rows on stops before it is joined
        while (auto batch = queues.ready.pop()) {
            for (const auto& row : batch->rows) {
                run.add(row, summary);
                if (progress && ++status.rows % k_progress_every == 0) {
                    status.bytes_read = row.bytes_read;
                    progress(status);
                }
            }
            if (batch->failure) {
                std::rethrow_exception(batch->failure);
            }
            queues.spent.try_push(*batch); // else freed here
        }
        run.finish();
        transaction.commit();
    } catch (const CsvError& failure) {
        throw file_error(state.name, failure.line(), failure.what());
    }
    return summary;
}

} // namespace campaign::crm
