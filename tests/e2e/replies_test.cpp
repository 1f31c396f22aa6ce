#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> lines;
    std::istringstream input(text);
    for (std::string line; std::getline(input, line);) {
        lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

} // namespace

TEST_CASE("replies classify reads texts and JSON lines without a database", "[e2e][replies]") {
    Workspace workspace;
    auto table = workspace.run({"replies", "classify", "--received", "2026-12-04",
                                "Ha, I can't stop laughing at the video - yes, let's talk next week!",
                                "not interested right now, try me in Q3"});
    INFO(table.err);
    REQUIRE(table.exit_code == 0);
    CHECK(table.out.rfind("id  class       language  confidence  until       reason\n", 0) == 0);
    CHECK(table.out.find("1   interested  en") != std::string::npos);
    CHECK(table.out.find("2   later       en        0.85        2027-07-01  try me in Q3") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "campaign.db"));

    workspace.write("replies.jsonl", "{\"id\": \"a\", \"text\": \"Please remove me from your list.\", \"received\": "
                                     "\"2026-03-02T10:00:00Z\"}\n"
                                     "\n"
                                     "{\"id\": 7, \"text\": \"I'm out of the office until 12 March.\", \"received\": "
                                     "\"2026-03-02T10:00:00Z\"}\n");
    auto json = workspace.run({"replies", "classify", "--file", "replies.jsonl", "--format", "json"});
    REQUIRE(json.exit_code == 0);
    auto lines = json_lines(json.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["id"] == "a");
    CHECK(lines[0]["class"] == "opt_out");
    CHECK(lines[0]["until"].is_null());
    CHECK(lines[0]["reason"] == "remove me");
    CHECK(lines[1]["id"] == "7");
    CHECK(lines[1]["class"] == "out_of_office");
    CHECK(lines[1]["until"] == "2026-03-12");
    CHECK(lines[1]["language"] == "en");
    CHECK(lines[1]["confidence"].get<double>() > 0.5);
}

TEST_CASE("replies classify reports every bad line and classifies none then", "[e2e][replies]") {
    Workspace workspace;
    workspace.write("bad.jsonl", "{\"id\": \"1\", \"text\": \"ok\"}\nnot json\n{\"id\": \"3\"}\n"
                                 "{\"text\": \"x\", \"received\": \"yesterday\"}\n");
    auto result = workspace.run({"replies", "classify", "--file", "bad.jsonl"});
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err == "bad.jsonl:2: error: not a JSON object\n"
                        "bad.jsonl:3: error: 'text' must be a string\n"
                        "bad.jsonl:4: error: 'received' must be an ISO-8601 UTC time such as 2026-12-04T09:30:00Z\n");

    auto nothing = workspace.run({"replies", "classify"});
    CHECK(nothing.exit_code == 1);
    CHECK(nothing.err == "error: no reply to classify: give texts, or --file FILE.jsonl (or - for stdin)\n");
    auto missing = workspace.run({"replies", "classify", "--file", "none.jsonl"});
    CHECK(missing.err == "none.jsonl: error: cannot read the file\n");
    auto format = workspace.run({"replies", "classify", "--format", "xml", "hi"});
    CHECK(format.err == "error: --format must be table or json, not 'xml'\n");

    workspace.write("rules/de.yaml", "language: de\nclasses:\n  opt_out: {strong: [\"bitte ~\"]}\n");
    auto rules = workspace.run({"replies", "classify", "--rules", "rules", "hi"});
    CHECK(rules.exit_code == 1);
    CHECK(rules.err == "rules/de.yaml:3:22: error: 'strong': '~' at the end of a pattern matches nothing more\n");
}

TEST_CASE("a team's rules add to the built-in ones of their language", "[e2e][replies]") {
    Workspace workspace;
    auto before = workspace.run({"replies", "classify", "--format", "json", "Let's sync on the widget"});
    REQUIRE(before.exit_code == 0);
    CHECK(json_lines(before.out)[0]["class"] == "neutral");
    workspace.write("rules/en.yaml", "language: en\nclasses:\n  interested: {strong: [\"sync on ~ widget*\"]}\n");
    auto after = workspace.run({"replies", "classify", "--rules", "rules", "--format", "json",
                                "Let's sync on the widget", "Please remove me from your list."});
    REQUIRE(after.exit_code == 0);
    auto lines = json_lines(after.out);
    CHECK(lines[0]["class"] == "interested");
    CHECK(lines[0]["reason"] == "sync on the widget");
    CHECK(lines[1]["class"] == "opt_out"); // the built-in rules stay
}

TEST_CASE("a run with a broken rules file stops before it writes anything", "[e2e][replies]") {
    Workspace workspace;
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
    workspace.write("rules/en.yaml", "language: en\nclasses:\n  interested: {strng: [yes]}\n");
    for (const auto& extra : std::vector<std::vector<std::string>>{{}, {"--dry-run"}}) {
        std::vector<std::string> arguments{"run",     "campaigns/founders-intro.yaml", "--rules", "rules",
                                           "--start", "2026-11-23T06:00:00Z",          "--for",   "1d"};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        auto result = workspace.run(arguments);
        CHECK(result.exit_code == 1);
        CHECK(result.out.empty());
        CHECK(result.err ==
              "rules/en.yaml:3:16: error: unknown key 'strng' in 'interested' (did you mean 'strong'?)\n");
        CHECK_FALSE(std::filesystem::exists(workspace.rehearsal()));
    }
    CHECK(workspace.count_in_crm("SELECT count(*) FROM enrollments") == 0);
    CHECK(workspace.count_in_crm("SELECT count(*) FROM runs") == 0);
}
