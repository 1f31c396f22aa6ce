// The SSI CSV and the activity CSV: each read as it streams, its columns found by name, each problem at its line
// and column.
#include <charconv>
#include <fstream>
#include <map>
#include <set>

#include "core/text.hpp"
#include "crm/csv_reader.hpp"
#include "crm/ssi_reading.hpp"

namespace campaign::crm {

namespace {

// A CSV file read against the columns it must and may have, matched by name whatever their case and spacing.
class CsvTable {
public:
    CsvTable(const std::filesystem::path& path, const std::vector<std::string_view>& required,
             const std::vector<std::string_view>& optional, Problems& problems)
        : m_path(path.string()), m_input(path, std::ios::binary), m_problems(problems) {
        if (!m_input) {
            throw core::UserError(m_path + ": error: cannot read the file");
        }
        std::string first_line;
        std::getline(m_input, first_line);
        m_input.clear();
        m_input.seekg(0);
        m_reader.emplace(m_input, guess_delimiter(first_line));
        CsvRecord header;
        try {
            if (!m_reader->next(header) || header.is_blank()) {
                error(1, 0, "the file is empty; its first line should be a header such as " + join(required));
                return;
            }
        } catch (const CsvError& broken) {
            error(broken.line(), 0, broken.what());
            m_usable = false;
            return;
        }
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            m_columns.emplace(core::field_name(header.fields[i]), i);
        }
        for (auto name : required) {
            if (!m_columns.contains(std::string(name))) {
                error(header.line, 0,
                      "the header has no '" + std::string(name) + "' column; it needs " + join(required) +
                          " (and may have " + join(optional) + ")");
                m_usable = false;
            }
        }
    }

    bool next(CsvRecord& record) {
        if (!m_usable) {
            return false;
        }
        try {
            while (m_reader->next(record)) {
                if (!record.is_blank()) {
                    return true;
                }
            }
        } catch (const CsvError& broken) {
            error(broken.line(), 0, broken.what());
        }
        return false;
    }

    // The field of the named column, empty when the row is short or the file has no such column.
    std::string_view field(const CsvRecord& record, std::string_view column) const {
        auto found = m_columns.find(std::string(column));
        if (found == m_columns.end() || found->second >= record.fields.size()) {
            return {};
        }
        return core::trim(record.fields[found->second]);
    }

    // Where the named column's field starts: exact for unquoted fields, which numbers and dates are.
    int column_of(const CsvRecord& record, std::string_view column) const {
        auto found = m_columns.find(std::string(column));
        if (found == m_columns.end()) {
            return 0;
        }
        std::size_t offset = 1;
        for (std::size_t i = 0; i < found->second && i < record.fields.size(); ++i) {
            offset += record.fields[i].size() + 1;
        }
        return static_cast<int>(offset);
    }

    bool has(std::string_view column) const { return m_columns.contains(std::string(column)); }
    // True the first time it is asked about `what`: for a problem of the whole file, found on every row.
    bool first_time(const std::string& what) { return m_said.insert(what).second; }

    void error(int line, int column, std::string message) {
        m_problems.add({m_path, line, column}, std::move(message));
    }
    void error(const CsvRecord& record, std::string_view column, std::string message) {
        error(record.line, column_of(record, column), std::move(message));
    }

private:
    static std::string join(const std::vector<std::string_view>& names) {
        std::string text;
        for (auto name : names) {
            text += (text.empty() ? "" : ", ") + std::string(name);
        }
        return text;
    }

    std::string m_path;
    std::ifstream m_input;
    Problems& m_problems;
    std::optional<CsvReader> m_reader;
    std::map<std::string, std::size_t> m_columns;
    std::set<std::string> m_said;
    bool m_usable = true;
};

std::optional<std::string> sender_of(CsvTable& table, const CsvRecord& record,
                                     const std::optional<std::string>& fallback) {
    if (auto named = table.field(record, "sender"); !named.empty()) {
        return std::string(named);
    }
    if (fallback) {
        return fallback;
    }
    if (table.has("sender")) {
        table.error(record, "sender", "the row names no sender; fill in its 'sender' or pass --sender");
    } else if (table.first_time("no sender column")) { // the same for every row: said once
        table.error(record, "sender", "which sender are these rows for? add a 'sender' column or pass --sender");
    }
    return std::nullopt;
}

std::optional<core::Day> day_of(CsvTable& table, const CsvRecord& record) {
    auto text = table.field(record, "date");
    auto day = core::parse_day(text);
    if (!day) {
        table.error(record, "date", "'" + std::string(text) + "' is not a date like 2026-11-03");
    }
    return day;
}

// How many decimals a number is written with: "52" 0, "51.9" 1.
int decimals_of(std::string_view text) {
    auto point = text.find('.');
    return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

// Whether the snapshot passes its checks; each failure is reported at its column.
bool check(CsvTable& table, const CsvRecord& record, const core::SsiSnapshot& snapshot) {
    auto total = table.field(record, "total");
    auto problems = core::check_snapshot(snapshot, total.empty() ? 2 : decimals_of(total));
    for (const auto& problem : problems) {
        table.error(record, problem.field, "'" + std::string(problem.field) + "' " + problem.message);
    }
    return problems.empty();
}

} // namespace

void read_ssi_csv(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take,
                  Problems& problems) {
    CsvTable table(path, {"date", "brand", "people", "insights", "relationships"},
                   {"sender", "total", "industry_rank", "network_rank"}, problems);
    CsvRecord record;
    while (table.next(record)) {
        core::SsiSnapshot snapshot;
        snapshot.source = "csv";
        auto sender = sender_of(table, record, options.sender);
        auto day = day_of(table, record);
        bool readable = sender && day;
        for (auto pillar : core::k_pillars) {
            auto name = core::to_string(pillar);
            auto text = table.field(record, name);
            auto value = parse_number(text);
            if (!value) {
                table.error(record, name, "'" + std::string(name) + "' is '" + std::string(text) + "', not a number");
                readable = false;
                continue;
            }
            snapshot.pillars[static_cast<std::size_t>(pillar)] = *value;
        }
        snapshot.total = core::pillar_sum(snapshot);
        if (auto text = table.field(record, "total"); !text.empty()) {
            if (auto total = parse_number(text)) {
                snapshot.total = *total;
            } else {
                table.error(record, "total", "'total' is '" + std::string(text) + "', not a number");
                readable = false;
            }
        }
        for (auto [column, rank] :
             {std::pair{"industry_rank", &snapshot.industry_rank}, std::pair{"network_rank", &snapshot.network_rank}}) {
            if (auto text = table.field(record, column); !text.empty()) {
                *rank = parse_rank(text);
                if (!*rank) {
                    table.error(record, column,
                                "'" + std::string(column) + "' is '" + std::string(text) + "', not a rank like 5");
                    readable = false;
                }
            }
        }
        if (!readable) {
            continue;
        }
        snapshot.sender = *sender;
        snapshot.day = *day;
        if (check(table, record, snapshot)) {
            take(snapshot);
            problems.took_row();
        }
    }
}

ReadSummary read_activity_csv(const std::filesystem::path& path, const std::optional<std::string>& sender,
                              const TakeActivity& take) {
    Problems problems;
    CsvTable table(path, {"date", "activity", "count"}, {"sender"}, problems);
    CsvRecord record;
    while (table.next(record)) {
        auto named = sender_of(table, record, sender);
        auto day = day_of(table, record);
        auto text = table.field(record, "activity");
        auto activity = core::parse_activity(core::to_lower_ascii(text));
        if (!activity) {
            const auto& names = core::activity_names();
            auto guess = core::closest_match(core::to_lower_ascii(text), names);
            std::string known;
            for (auto name : names) {
                known += (known.empty() ? "" : ", ") + std::string(name);
            }
            table.error(record, "activity",
                        "unknown activity '" + std::string(text) + "'" +
                            (guess ? "; did you mean '" + *guess + "'?" : "") + " (one of " + known + ")");
        }
        auto count_text = table.field(record, "count");
        std::int64_t count = -1;
        auto [end, error] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
        bool count_ok =
            !count_text.empty() && error == std::errc{} && end == count_text.data() + count_text.size() && count >= 0;
        if (!count_ok) {
            table.error(record, "count", "'count' is '" + std::string(count_text) + "', not a whole number 0 or more");
        }
        if (named && day && activity && count_ok) {
            take({*named, {*day, *activity, count}});
            problems.took_row();
        }
    }
    return problems.finish();
}

} // namespace campaign::crm
