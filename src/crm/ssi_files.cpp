#include "crm/ssi_files.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
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

// A read in progress: how many rows and files it handed over, and its first problems, counting the others.
class Problems {
public:
    void add(core::SourceLocation location, std::string message) {
        if (m_read.diagnostics.size() < ReadProblems::k_problems_shown) {
            m_read.diagnostics.push_back({std::move(location), std::move(message)});
        } else {
            ++m_hidden;
        }
    }
    std::size_t count() const { return m_read.diagnostics.size() + m_hidden; }
    void took_row() { ++m_read.rows; }
    void opened_file() { ++m_read.files; }

    ReadProblems finish() {
        if (m_hidden > 0) {
            m_read.diagnostics.push_back({{}, "and " + std::to_string(m_hidden) + " more problems"});
            m_hidden = 0;
        }
        return std::move(m_read);
    }

private:
    ReadProblems m_read;
    std::size_t m_hidden = 0;
};

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

// Where byte `offset` of `text` is, as a 1-based line and column.
std::pair<int, int> line_and_column(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    auto line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    auto column = line_start == std::string::npos ? offset + 1 : offset - line_start;
    return {static_cast<int>(line), static_cast<int>(column)};
}

// Where `needle` first appears in `text` at or after `from`, as a line and column; 0, 0 when it does not.
core::SourceLocation locate(const std::string& path, const std::string& text, const std::string& needle,
                            std::size_t from = 0) {
    auto offset = text.find(needle, from);
    if (offset == std::string::npos) {
        return {path, 0, 0};
    }
    auto [line, column] = line_and_column(text, offset);
    return {path, line, column};
}

// The n-th (0-based) place of `needle` in `text`.
std::size_t nth(const std::string& text, const std::string& needle, std::size_t n) {
    std::size_t offset = 0;
    for (std::size_t found = 0; (offset = text.find(needle, offset)) != std::string::npos; ++offset, ++found) {
        if (found == n) {
            return offset;
        }
    }
    return std::string::npos;
}

// The text of the first YYYY-MM-DD in a file's name, a real day or not.
std::optional<std::string> date_text_in_name(const std::filesystem::path& path) {
    static const std::regex k_date(R"((\d{4}-\d{2}-\d{2}))");
    auto name = path.filename().string();
    std::smatch match;
    if (!std::regex_search(name, match, k_date)) {
        return std::nullopt;
    }
    return match.str(1);
}

// LinkedIn's answer: {"memberScore": {"overall", "subScores": [{"pillar", "score"}]}, "groupScore": [{"groupType":
// "INDUSTRY" | "NETWORK", "rank", "score": {"overall"}}]}. It holds neither the day nor the member: the file's name
// or --date gives the day, --sender the member.
void read_ssi_json(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take,
                   Problems& problems) {
    auto text = read_text(path);
    auto problems_before = problems.count();
    auto where = [&](const std::string& needle, std::size_t from = 0) {
        return locate(path.string(), text, needle, from);
    };
    auto fail = [&](core::SourceLocation location, std::string message) {
        problems.add(std::move(location), std::move(message));
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
        fail({path.string(), line, column}, "not valid JSON: " + message);
        return;
    }
    // A gateway may wrap the answer as {"data": {...}}.
    if (answer.is_object() && answer.contains("data") && answer["data"].is_object() &&
        !answer.contains("memberScore")) {
        answer = answer["data"];
    }
    auto score = [](const Json& node) -> std::optional<double> {
        return node.is_number() ? std::optional(node.get<double>()) : std::nullopt;
    };
    if (!answer.is_object() || !answer.contains("memberScore") || !answer["memberScore"].is_object()) {
        fail(where("{"), "this is not LinkedIn's SSI answer: it has no 'memberScore' object");
        return;
    }
    const auto& member = answer["memberScore"];
    auto member_at = text.find("\"memberScore\"");
    static const std::array<std::pair<std::string_view, core::Measure>, 4> k_pillar_names{
        {{"PROFESSIONAL_BRAND", core::Measure::brand},
         {"FIND_RIGHT_PEOPLE", core::Measure::people},
         {"INSIGHT_ENGAGEMENT", core::Measure::insights},
         {"STRONG_RELATIONSHIP", core::Measure::relationships}}};
    core::SsiSnapshot snapshot;
    snapshot.source = "json";
    std::array<bool, 4> seen{};
    if (member.contains("subScores") && member["subScores"].is_array()) {
        const auto& subscores = member["subScores"];
        for (std::size_t i = 0; i < subscores.size(); ++i) {
            const auto& sub = subscores[i];
            auto name = sub.is_object() && sub.contains("pillar") && sub["pillar"].is_string()
                            ? sub["pillar"].get<std::string>()
                            : std::string();
            auto pillar = std::find_if(k_pillar_names.begin(), k_pillar_names.end(),
                                       [&name](const auto& known) { return known.first == name; });
            auto value = sub.is_object() && sub.contains("score") ? score(sub["score"]) : std::nullopt;
            auto place = where("\"pillar\"", nth(text, "\"pillar\"", i));
            auto label = "memberScore.subScores[" + std::to_string(i) + "]";
            if (pillar == k_pillar_names.end()) {
                fail(place, label + ": unknown pillar '" + name +
                                "' (expected PROFESSIONAL_BRAND, FIND_RIGHT_PEOPLE, INSIGHT_ENGAGEMENT or "
                                "STRONG_RELATIONSHIP)");
            } else if (!value) {
                fail(place, label + " (" + name + ") has no numeric 'score'");
            } else {
                snapshot.pillars[static_cast<std::size_t>(pillar->second)] = *value;
                seen[static_cast<std::size_t>(pillar->second)] = true;
            }
        }
    }
    for (const auto& [name, pillar] : k_pillar_names) {
        if (!seen[static_cast<std::size_t>(pillar)]) {
            fail(where("\"memberScore\""), "memberScore.subScores has no " + std::string(name) + " score");
        }
    }
    snapshot.total = core::pillar_sum(snapshot);
    if (member.contains("overall")) {
        if (auto overall = score(member["overall"])) {
            snapshot.total = *overall;
        } else {
            fail(where("\"overall\"", member_at), "memberScore.overall is not a number");
        }
    }
    if (answer.contains("groupScore") && answer["groupScore"].is_array()) {
        for (const auto& group : answer["groupScore"]) {
            if (!group.is_object() || !group.contains("groupType")) {
                continue;
            }
            auto type = group["groupType"].is_string() ? group["groupType"].get<std::string>() : std::string();
            std::optional<int> rank;
            if (group.contains("rank")) {
                // A whole number, as LinkedIn writes it, or the same written as 12.0 or "12".
                const auto& given = group["rank"];
                if (given.is_number() && given.get<double>() == std::floor(given.get<double>())) {
                    rank = static_cast<int>(std::clamp(given.get<double>(), -1.0, 1000.0));
                } else if (given.is_string()) {
                    rank = parse_rank(given.get<std::string>());
                }
                if (!rank) {
                    fail(where("\"" + type + "\""),
                         "the " + type + " rank is " + given.dump() + ", not a rank like 12");
                }
            }
            std::optional<double> average;
            if (group.contains("score") && group["score"].is_object() && group["score"].contains("overall")) {
                average = score(group["score"]["overall"]);
                if (!average) {
                    fail(where("\"" + type + "\""), "the " + type + " group's score.overall is not a number");
                }
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
    std::optional<core::Day> day;
    if (answer.contains("date") && answer["date"].is_string()) {
        auto date = answer["date"].get<std::string>();
        day = core::parse_day(date);
        if (!day) {
            fail(where("\"date\""), "'" + date + "' is not a date like 2026-11-03");
        }
    } else if (auto date = date_text_in_name(path)) {
        day = core::parse_day(*date);
        if (!day) {
            fail({path.string(), 0, 0}, "'" + *date + "' in the file's name is not a real day");
        }
    } else if (options.day) {
        day = options.day;
    } else {
        fail({path.string(), 0, 0},
             "LinkedIn's answer holds no date: name the file by its day (2026-11-03.json) or pass --date");
    }
    if (!options.sender) {
        fail({path.string(), 0, 0}, "LinkedIn's answer does not say whose score it is: pass --sender");
    }
    // Each problem at the value it concerns, by the name the answer gives it; without every pillar, the sum of
    // the pillars says nothing more.
    bool complete = std::all_of(seen.begin(), seen.end(), [](bool found) { return found; });
    for (const auto& problem : complete ? core::check_snapshot(snapshot) : std::vector<core::SnapshotProblem>{}) {
        auto field = std::string(problem.field);
        if (field == "total") {
            fail(where("\"overall\"", member_at), "memberScore.overall " + problem.message);
        } else if (field == "industry_rank" || field == "network_rank") {
            auto group = field == "industry_rank" ? "INDUSTRY" : "NETWORK";
            fail(where("\"" + std::string(group) + "\""), std::string("the ") + group + " rank " + problem.message);
        } else if (field == "industry_average" || field == "network_average") {
            auto group = field == "industry_average" ? "INDUSTRY" : "NETWORK";
            fail(where("\"" + std::string(group) + "\""),
                 std::string("the ") + group + " group's score.overall " + problem.message);
        } else {
            auto pillar = std::find_if(k_pillar_names.begin(), k_pillar_names.end(),
                                       [&field](const auto& known) { return core::to_string(known.second) == field; });
            auto name = std::string(pillar->first);
            fail(where("\"" + name + "\""), name + " " + problem.message);
        }
    }
    if (problems.count() > problems_before) {
        return;
    }
    snapshot.day = *day;
    snapshot.sender = *options.sender;
    take(snapshot);
    problems.took_row();
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

void read_ssi_file(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take,
                   Problems& problems) {
    problems.opened_file();
    if (looks_like_json(path)) {
        read_ssi_json(path, options, take, problems);
    } else {
        read_ssi_csv(path, options, take, problems);
    }
}

} // namespace

std::optional<core::Day> day_in_name(const std::filesystem::path& path) {
    auto text = date_text_in_name(path);
    return text ? core::parse_day(*text) : std::nullopt;
}

ReadProblems read_ssi(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take) {
    Problems problems;
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
        read_ssi_file(path, options, take, problems);
        return problems.finish();
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
        read_ssi_file(file, options, take, problems);
    }
    return problems.finish();
}

ReadProblems read_activity_csv(const std::filesystem::path& path, const std::optional<std::string>& sender,
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
