// The Mustache specification's core modules through `campaign template render --data`, as a user would run them:
// each case's template and partials written as files, its data given as --data. The message is the specified text
// with the product's two documented changes, Windows line ends read as Unix ones and the message trimmed; a case
// the product refuses is refused with the documented message.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;
using json = nlohmann::json;

namespace {

std::string as_sent(std::string text) {
    const std::pair<std::string, std::string> entities[] = {{"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
                                                            {"&quot;", "\""}, {"&#39;", "'"}, {"\r", ""}};
    for (const auto& [entity, character] : entities) {
        for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + character.size())) {
            text.replace(at, entity.size(), character);
        }
    }
    auto first = text.find_first_not_of(" \t\n");
    auto last = text.find_last_not_of(" \t\n");
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// Which documented refusal the error is, or empty.
std::string refusal(const std::string& err) {
    for (std::string known : {"and no fallback", "is a list; a field holds text", "must be a JSON object of fields",
                              "not found: no file"}) {
        if (err.find(known) != std::string::npos) {
            return known;
        }
    }
    return "";
}

} // namespace

TEST_CASE("the Mustache specification's core modules render through template render as specified", "[template]") {
    std::map<std::string, int> refusals;
    int rendered = 0;
    for (std::string module : {"interpolation", "sections", "inverted", "comments", "partials", "delimiters"}) {
        std::ifstream input(std::string(CAMPAIGN_SOURCE_DIR) + "/tests/unit/template/spec/" + module + ".json");
        REQUIRE(input);
        auto tests = json::parse(input)["tests"];
        for (const auto& test : tests) {
            INFO(module << ": " << test["name"].get<std::string>() << "\n" << test["template"].dump());
            Workspace workspace;
            workspace.write("templates/t.mustache", test["template"].get<std::string>());
            if (test.contains("partials")) {
                for (const auto& [name, source] : test["partials"].items()) {
                    workspace.write("templates/partials/" + name + ".mustache", source.get<std::string>());
                }
            }
            auto result = workspace.run({"template", "render", "templates/t.mustache", "--data", test["data"].dump()});
            INFO(result.err);
            if (result.exit_code == 0) {
                ++rendered;
                CHECK(result.out == as_sent(test["expected"].get<std::string>()) + "\n");
            } else {
                auto reason = refusal(result.err);
                CHECK_FALSE(reason.empty());
                ++refusals[reason];
            }
        }
    }
    CHECK(rendered == 107);
    CHECK(refusals == std::map<std::string, int>{{"and no fallback", 9},
                                                 {"is a list; a field holds text", 13},
                                                 {"must be a JSON object of fields", 6},
                                                 {"not found: no file", 1}});
}
