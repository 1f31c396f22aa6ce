// LinkedIn's salesApiSsi answer, read whole (it is one day's score), each problem at the value it concerns.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "crm/ssi_reading.hpp"

namespace campaign::crm {

namespace {

using Json = nlohmann::json;

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

// The number of nlohmann's "number overflow parsing '1e400'".
std::string number_in(const std::string& message) {
    auto begin = message.find('\'');
    auto end = message.rfind('\'');
    return begin < end ? message.substr(begin + 1, end - begin - 1) : std::string();
}

} // namespace

// LinkedIn's answer: {"memberScore": {"overall", "subScores": [{"pillar", "score"}]}, "groupScore": [{"groupType":
// "INDUSTRY" | "NETWORK", "rank", "score": {"overall"}}]}. It holds neither the day nor the member: the file's name
// or --date gives the day, --sender the member.
void read_ssi_json(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take,
                   Problems& problems) {
    read_ssi_answer(read_text(path), path, options, take, problems);
}

void read_ssi_answer(const std::string& text, const std::filesystem::path& path, const SsiReadOptions& options,
                     const TakeSnapshot& take, Problems& problems) {
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
    } catch (const Json::out_of_range& overflow) {
        // A number too large for a double; the exception tells which, but not where.
        auto number = number_in(overflow.what());
        fail(where(number), "not valid JSON: the number " + number + " is out of range");
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

} // namespace campaign::crm
