#include "crm/importer.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "crm/columns.hpp"
#include "crm/csv_reader.hpp"
#include "crm/profile_url.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"

namespace campaign::crm {

namespace {

constexpr std::size_t k_progress_every = 10000;

core::UserError file_error(const std::filesystem::path& file, int line, const std::string& message) {
    std::string where = file.string();
    if (line > 0) {
        where += ':' + std::to_string(line);
    }
    return core::UserError{where + ": error: " + message};
}

// LinkedIn's export starts with a "Notes:" line and a quoted paragraph before a blank line and the header.
bool starts_with_linkedin_notes(std::istream& input) {
    std::string first_line;
    std::getline(input, first_line);
    input.clear();
    input.seekg(0);
    if (first_line.starts_with("\xEF\xBB\xBF")) {
        first_line.erase(0, 3);
    }
    return first_line.starts_with("Notes:");
}

char delimiter_of_first_line(std::istream& input) {
    std::string first_line;
    std::getline(input, first_line);
    input.clear();
    input.seekg(0);
    return guess_delimiter(first_line);
}

void check_encoding(std::istream& input, const std::filesystem::path& file) {
    std::array<char, 2> start{};
    input.read(start.data(), start.size());
    input.clear();
    input.seekg(0);
    auto bytes = std::string_view(start.data(), 2);
    if (bytes == "\xFF\xFE" || bytes == "\xFE\xFF") {
        throw file_error(file, 0, "the file is UTF-16 text; save it as CSV UTF-8 and import it again");
    }
}

// The header row: the first record that is not blank, after LinkedIn's notes when there are any.
CsvRecord read_header(CsvReader& reader, bool linkedin, const std::filesystem::path& file) {
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
    throw file_error(file, 0, "no header row: the file is empty");
}

struct Row {
    core::Prospect prospect;
    std::string url_text;
};

void assign_full_name(core::Prospect& prospect, std::string_view full_name) {
    auto space = full_name.find(' ');
    prospect.first_name = std::string(full_name.substr(0, space));
    if (space != std::string_view::npos) {
        prospect.last_name = std::string(core::trim(full_name.substr(space + 1)));
    }
}

Row read_row(const std::vector<Column>& columns, const CsvRecord& record) {
    Row row;
    auto& prospect = row.prospect;
    std::string full_name;
    for (std::size_t i = 0; i < columns.size() && i < record.fields.size(); ++i) {
        std::string value(core::trim(record.fields[i]));
        switch (columns[i].kind) {
        case ColumnKind::profile_url:
            row.url_text = std::move(value);
            break;
        case ColumnKind::first_name:
            prospect.first_name = std::move(value);
            break;
        case ColumnKind::last_name:
            prospect.last_name = std::move(value);
            break;
        case ColumnKind::full_name:
            full_name = std::move(value);
            break;
        case ColumnKind::email:
            prospect.email = std::move(value);
            break;
        case ColumnKind::company:
            prospect.company = std::move(value);
            break;
        case ColumnKind::title:
            prospect.title = std::move(value);
            break;
        case ColumnKind::location:
            prospect.location = std::move(value);
            break;
        case ColumnKind::industry:
            prospect.industry = std::move(value);
            break;
        case ColumnKind::tags:
            for (auto& tag : core::split_list(value, ";,|")) {
                prospect.tags.insert(core::to_lower_ascii(tag));
            }
            break;
        case ColumnKind::custom:
            if (!value.empty()) {
                prospect.fields[columns[i].name] = std::move(value);
            }
            break;
        case ColumnKind::source:
            prospect.source = std::move(value);
            break;
        case ColumnKind::ignored:
            break;
        }
    }
    if (prospect.first_name.empty() && prospect.last_name.empty() && !full_name.empty()) {
        assign_full_name(prospect, full_name);
    }
    return row;
}

bool all_utf8(const CsvRecord& record) {
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](const std::string& field) { return core::is_valid_utf8(field); });
}

class ImportRun {
public:
    ImportRun(store::Database& database, const ImportOptions& options, const core::Clock& clock)
        : m_prospects(database), m_suppressions(database),
          m_check_forgotten(m_suppressions.any(core::SuppressionKind::forgotten)), m_options(options),
          m_now(clock.now()) {}

    void add(const std::vector<Column>& columns, const CsvRecord& record, ImportSummary& summary) {
        if (record.fields.size() > columns.size()) {
            reject(summary, record.line,
                   "has " + std::to_string(record.fields.size()) + " fields but the header has " +
                       std::to_string(columns.size()) + " (an unquoted delimiter in a value?)");
            return;
        }
        if (!all_utf8(record)) {
            reject(summary, record.line, "is not valid UTF-8 text (save the file as CSV UTF-8)");
            return;
        }
        auto row = read_row(columns, record);
        auto identity = normalize_profile_url(row.url_text);
        if (!identity) {
            reject(summary, record.line,
                   row.url_text.empty() ? "has no LinkedIn profile URL"
                                        : "'" + row.url_text + "' is not a LinkedIn profile URL: " + identity.problem);
            return;
        }
        if (m_check_forgotten &&
            m_suppressions.contains(core::SuppressionKind::forgotten, identity_hash(identity.url))) {
            reject(summary, record.line, "is a person who asked to be forgotten; not imported");
            return;
        }
        auto& prospect = row.prospect;
        prospect.profile_url = identity.url;
        if (prospect.source.empty()) {
            prospect.source = m_options.source;
        }
        prospect.tags.insert(m_options.tags.begin(), m_options.tags.end());
        prospect.created_at = prospect.updated_at = m_now;
        store(prospect, summary);
    }

private:
    void store(const core::Prospect& incoming, ImportSummary& summary) {
        auto known = m_prospects.find_by_url(incoming.profile_url);
        if (!known) {
            m_prospects.insert(incoming);
            ++summary.inserted;
            return;
        }
        if (!merge_prospect(*known, incoming)) {
            ++summary.unchanged;
            return;
        }
        known->updated_at = m_now;
        m_prospects.update(*known);
        ++summary.updated;
    }

    static void reject(ImportSummary& summary, int line, std::string reason) {
        ++summary.rejected;
        if (summary.first_rejected.size() < ImportSummary::k_rejections_kept) {
            summary.first_rejected.push_back({line, "row " + std::move(reason)});
        }
    }

    store::ProspectStore m_prospects;
    store::SuppressionStore m_suppressions;
    bool m_check_forgotten; // hashing every row is wasted work while nobody has been forgotten
    const ImportOptions& m_options;
    core::Timestamp m_now;
};

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

ImportSummary import_prospects(store::Database& database, const std::filesystem::path& file,
                               const ImportOptions& options, const core::Clock& clock,
                               const ProgressCallback& progress) {
    std::ifstream input(file, std::ios::binary);
    if (!input) {
        throw file_error(file, 0, "cannot read the file: " + std::string(std::strerror(errno)));
    }
    check_encoding(input, file);
    ImportSummary summary;
    bool linkedin = starts_with_linkedin_notes(input);
    summary.dialect = linkedin ? "linkedin-connections" : "csv";
    ImportProgress status{0, std::filesystem::file_size(file), 0};

    ImportOptions effective = options;
    if (effective.source.empty()) {
        effective.source = file.filename().string();
    }
    effective.tags.clear();
    for (const auto& tag : options.tags) {
        if (!core::trim(tag).empty()) {
            effective.tags.push_back(core::to_lower_ascii(core::trim(tag)));
        }
    }

    CsvReader reader(input, linkedin ? ',' : delimiter_of_first_line(input));
    try {
        auto header = read_header(reader, linkedin, file);
        auto columns = map_columns(header.fields);
        if (std::none_of(columns.begin(), columns.end(),
                         [](const Column& column) { return column.kind == ColumnKind::profile_url; })) {
            throw file_error(file, header.line,
                             "the header has no LinkedIn profile URL column (name one 'linkedin_url', "
                             "'profile_url' or 'URL')");
        }
        store::Transaction transaction(database);
        ImportRun run(database, effective, clock);
        CsvRecord record;
        while (reader.next(record)) {
            if (record.is_blank()) {
                continue;
            }
            run.add(columns, record, summary);
            if (progress && ++status.rows % k_progress_every == 0) {
                status.bytes_read = reader.bytes_read();
                progress(status);
            }
        }
        transaction.commit();
    } catch (const CsvError& error) {
        throw file_error(file, error.line(), error.what());
    }
    return summary;
}

} // namespace campaign::crm
