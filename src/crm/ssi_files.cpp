#include "crm/ssi_files.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "core/text.hpp"
#include "crm/csv_reader.hpp"

namespace campaign::crm {

namespace {

using Json = nlohmann::json;

std::string read_text(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw core::UserError(path.string() + ": error: cannot read the file");
    }
    std::ostringstream text;
    text << input.rdbuf();
    return text.str();
}

std::optional<double> parse_number(std::string_view text) {
    text = core::trim(text);
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// A rank as LinkedIn's page shows it, "Top 5%", or just 5.
std::optional<int> parse_rank(std::string_view text) {
    std::string lowered = core::to_lower_ascii(core::trim(text));
    std::string_view rest = lowered;
    if (rest.starts_with("top")) {
        rest = core::trim(rest.substr(3));
    }
    if (rest.ends_with('%')) {
        rest = core::trim(rest.substr(0, rest.size() - 1));
    }
    int value = 0;
    auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (rest.empty() || error != std::errc{} || end != rest.data() + rest.size()) {
        return std::nullopt;
    }
    return value;
}

// A CSV file read against the columns it must and may have, matched by name whatever their case and spacing.
class CsvTable {
public:
    CsvTable(const std::filesystem::path& path, const std::vector<std::string_view>& required,
             const std::vector<std::string_view>& optional, core::Diagnostics& diagnostics)
        : m_path(path.string()), m_text(read_text(path)), m_diagnostics(diagnostics) {
        if (m_text.starts_with("\xEF\xBB\xBF")) {
            m_text.erase(0, 3);
        }
        auto first_line = m_text.substr(0, m_text.find('\n'));
        m_input.str(m_text);
        m_reader.emplace(m_input, guess_delimiter(first_line));
        CsvRecord header;
        if (!m_reader->next(header) || header.is_blank()) {
            error(1, 0, "the file is empty; its first line should be a header such as " + join(required));
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

    void error(int line, int column, std::string message) {
        m_diagnostics.push_back({{m_path, line, column}, std::move(message)});
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
    std::string m_text;
    core::Diagnostics& m_diagnostics;
    std::istringstream m_input;
    std::optional<CsvReader> m_reader;
    std::map<std::string, std::size_t> m_columns;
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
    table.error(record, "sender",
                table.has("sender") ? "the row names no sender; fill in its 'sender' or pass --sender"
                                    : "which sender is this? add a 'sender' column or pass --sender");
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

void check(CsvTable& table, const CsvRecord& record, const core::SsiSnapshot& snapshot) {
    for (auto& problem : core::check_snapshot(snapshot)) {
        table.error(record, problem.field, "'" + std::string(problem.field) + "' " + problem.message);
    }
}

void read_ssi_csv(const std::filesystem::path& path, const SsiReadOptions& options, SsiFileContents& contents) {
    std::size_t problems_before = contents.diagnostics.size();
    CsvTable table(path, {"date", "brand", "people", "insights", "relationships"},
                   {"sender", "total", "industry_rank", "network_rank"}, contents.diagnostics);
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
        check(table, record, snapshot);
        contents.snapshots.push_back(std::move(snapshot));
    }
    if (contents.diagnostics.size() > problems_before) {
        contents.snapshots.clear();
    }
}

// Where byte `offset` of `text` is, as a 1-based line and column.
std::pair<int, int> line_and_column(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    auto line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    auto column = line_start == std::string::npos ? offset + 1 : offset - line_start;
    return {static_cast<int>(line), static_cast<int>(column)};
}

// LinkedIn's answer: {"memberScore": {"overall", "subScores": [{"pillar", "score"}]}, "groupScore": [{"groupType":
// "INDUSTRY" | "NETWORK", "rank", "score": {"overall"}}]}. It holds no date: the file's name or --date gives it.
void read_ssi_json(const std::filesystem::path& path, const SsiReadOptions& options, SsiFileContents& contents) {
    auto text = read_text(path);
    auto fail = [&](int line, int column, std::string message) {
        contents.diagnostics.push_back({{path.string(), line, column}, std::move(message)});
    };
    Json answer;
    try {
        answer = Json::parse(text);
    } catch (const Json::parse_error& broken) {
        auto [line, column] = line_and_column(text, broken.byte == 0 ? 0 : broken.byte - 1);
        std::string message = broken.what();
        if (auto colon = message.rfind(": "); colon != std::string::npos) {
            message = message.substr(colon + 2);
        }
        fail(line, column, "not valid JSON: " + message);
        return;
    }
    // A gateway may wrap the answer as {"data": {...}}.
    if (answer.is_object() && answer.contains("data") && answer["data"].is_object() &&
        !answer.contains("memberScore")) {
        answer = answer["data"];
    }
    auto score = [](const Json& node) -> std::optional<double> {
        if (node.is_number()) {
            return node.get<double>();
        }
        return std::nullopt;
    };
    if (!answer.is_object() || !answer.contains("memberScore") || !answer["memberScore"].is_object()) {
        fail(0, 0, "this is not LinkedIn's SSI answer: it has no 'memberScore' object");
        return;
    }
    const auto& member = answer["memberScore"];
    static const std::map<std::string, core::Measure> k_pillar_names{
        {"PROFESSIONAL_BRAND", core::Measure::brand},
        {"FIND_RIGHT_PEOPLE", core::Measure::people},
        {"INSIGHT_ENGAGEMENT", core::Measure::insights},
        {"STRONG_RELATIONSHIP", core::Measure::relationships}};
    core::SsiSnapshot snapshot;
    snapshot.source = "json";
    std::array<bool, 4> seen{};
    if (member.contains("subScores") && member["subScores"].is_array()) {
        for (std::size_t i = 0; i < member["subScores"].size(); ++i) {
            const auto& sub = member["subScores"][i];
            auto where = "memberScore.subScores[" + std::to_string(i) + "]";
            auto name = sub.is_object() && sub.contains("pillar") && sub["pillar"].is_string()
                            ? sub["pillar"].get<std::string>()
                            : std::string();
            auto pillar = k_pillar_names.find(name);
            auto value = sub.is_object() && sub.contains("score") ? score(sub["score"]) : std::nullopt;
            if (pillar == k_pillar_names.end()) {
                fail(0, 0,
                     where + ": unknown pillar '" + name +
                         "' (expected PROFESSIONAL_BRAND, FIND_RIGHT_PEOPLE, INSIGHT_ENGAGEMENT or "
                         "STRONG_RELATIONSHIP)");
            } else if (!value) {
                fail(0, 0, where + " (" + name + ") has no numeric 'score'");
            } else {
                snapshot.pillars[static_cast<std::size_t>(pillar->second)] = *value;
                seen[static_cast<std::size_t>(pillar->second)] = true;
            }
        }
    }
    for (const auto& [name, pillar] : k_pillar_names) {
        if (!seen[static_cast<std::size_t>(pillar)]) {
            fail(0, 0, "memberScore.subScores has no " + name + " score");
        }
    }
    snapshot.total = member.contains("overall") ? score(member["overall"]).value_or(NAN) : core::pillar_sum(snapshot);
    if (answer.contains("groupScore") && answer["groupScore"].is_array()) {
        for (const auto& group : answer["groupScore"]) {
            if (!group.is_object() || !group.contains("groupType")) {
                continue;
            }
            auto type = group["groupType"].is_string() ? group["groupType"].get<std::string>() : std::string();
            auto rank = group.contains("rank") && group["rank"].is_number_integer()
                            ? std::optional<int>(group["rank"].get<int>())
                            : std::nullopt;
            std::optional<double> average;
            if (group.contains("score") && group["score"].is_object() && group["score"].contains("overall")) {
                average = score(group["score"]["overall"]);
            }
            if (type == "INDUSTRY") {
                snapshot.industry_rank = rank;
                snapshot.industry_average = average;
            } else if (type == "NETWORK") {
                snapshot.network_rank = rank;
                snapshot.network_average = average;
            }
        }
    }
    auto day = day_in_name(path);
    if (answer.contains("date") && answer["date"].is_string()) {
        day = core::parse_day(answer["date"].get<std::string>());
    }
    day = day ? day : options.day;
    if (!day) {
        fail(0, 0, "LinkedIn's answer holds no date: name the file by its day (2026-11-03.json) or pass --date");
    }
    if (!options.sender) {
        fail(0, 0, "LinkedIn's answer does not say whose score it is: pass --sender");
    }
    for (const auto& problem : core::check_snapshot(snapshot)) {
        fail(0, 0, "'" + std::string(problem.field) + "' " + problem.message);
    }
    if (!contents.diagnostics.empty()) {
        return;
    }
    snapshot.day = *day;
    snapshot.sender = *options.sender;
    contents.snapshots.push_back(std::move(snapshot));
}

bool looks_like_json(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    char c = 0;
    while (input.get(c)) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            return c == '{' || c == '[';
        }
    }
    return path.extension() == ".json";
}

void read_ssi_file(const std::filesystem::path& path, const SsiReadOptions& options, SsiFileContents& contents) {
    ++contents.files;
    if (looks_like_json(path)) {
        read_ssi_json(path, options, contents);
    } else {
        read_ssi_csv(path, options, contents);
    }
}

} // namespace

std::optional<core::Day> day_in_name(const std::filesystem::path& path) {
    static const std::regex k_date(R"((\d{4}-\d{2}-\d{2}))");
    auto name = path.filename().string();
    std::smatch match;
    if (!std::regex_search(name, match, k_date)) {
        return std::nullopt;
    }
    return core::parse_day(match.str(1));
}

SsiFileContents read_ssi(const std::filesystem::path& path, const SsiReadOptions& options) {
    SsiFileContents contents;
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
        read_ssi_file(path, options, contents);
        return contents;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
        auto extension = core::to_lower_ascii(entry.path().extension().string());
        if (entry.is_regular_file() && (extension == ".json" || extension == ".csv")) {
            files.push_back(entry.path());
        }
    }
    if (files.empty()) {
        throw core::UserError(path.string() + ": error: the folder holds no .csv or .json files");
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        read_ssi_file(file, options, contents);
    }
    if (!contents.diagnostics.empty()) {
        contents.snapshots.clear();
    }
    return contents;
}

ActivityFileContents read_activity_csv(const std::filesystem::path& path, const std::optional<std::string>& sender) {
    ActivityFileContents contents;
    CsvTable table(path, {"date", "activity", "count"}, {"sender"}, contents.diagnostics);
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
            contents.rows.push_back({*named, {*day, *activity, count}});
        }
    }
    if (!contents.diagnostics.empty()) {
        contents.rows.clear();
    }
    return contents;
}

} // namespace campaign::crm
