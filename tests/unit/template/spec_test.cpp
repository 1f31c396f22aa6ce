// The Mustache specification's core modules (tests/unit/template/spec/, copied from mustache/spec with its licence)
// through the product's parsing and rendering, whitespace and all. The data goes in as `template render --data` takes
// it: objects become dotted names, numbers and booleans their JSON text, null no value, and a key with a '.' is left
// out (a dotted name is a path, never one key). What prospect data cannot
// hold, a list or data that is not an object, is refused as --data refuses it, and so is a case that leaves a variable
// without a value: the product refuses to send "Hi ,". Everything else renders exactly as specified, in plain text.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "template/evaluate.hpp"

using namespace campaign::templating;
using json = nlohmann::json;

namespace {

// The spec's HTML escaping, undone: messages are plain text, so {{x}} inserts what {{{x}}} does.
std::string unescaped(std::string text) {
    const std::pair<std::string, std::string> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
    for (const auto& [entity, character] : entities) {
        for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
            text.replace(at, entity.size(), character);
        }
    }
    return text;
}

// The values, or why prospect data cannot hold them.
std::string add_values(const json& object, const std::string& prefix, Values& values) {
    for (const auto& [key, value] : object.items()) {
        if (key.find('.') != std::string::npos) {
            continue; // a dotted name is a path, never one key: --data leaves the key out, with a note
        }
        if (value.is_array()) {
            return "a list";
        }
        if (value.is_object()) {
            if (auto refused = add_values(value, prefix + key + ".", values); !refused.empty()) {
                return refused;
            }
        } else if (!value.is_null()) {
            set_value(values, prefix + key, value.is_string() ? value.get<std::string>() : value.dump());
        }
    }
    return "";
}

struct Outcome {
    std::string text;
    std::string refused; // why, when the case is refused
};

Outcome render_case(const json& test) {
    if (!test["data"].is_object()) {
        return {"", "data that is not an object"};
    }
    Values values;
    if (auto refused = add_values(test["data"], "", values); !refused.empty()) {
        return {"", refused};
    }
    campaign::core::Diagnostics diagnostics;
    std::map<std::string, Nodes, std::less<>> partials;
    if (test.contains("partials")) {
        for (const auto& [name, source] : test["partials"].items()) {
            partials[name] = parse_template(source.get<std::string>(), name, diagnostics);
        }
    }
    auto nodes = parse_template(test["template"].get<std::string>(), "template", diagnostics);
    for (const auto& diagnostic : diagnostics) {
        FAIL_CHECK(diagnostic.to_string());
    }
    bool partials_found = true;
    for_each_node(nodes, [&](const Node& node) {
        partials_found = partials_found && (node.kind != NodeKind::partial || partials.contains(node.text));
    });
    if (!partials_found) {
        return {"", "a partial that is not there"}; // a mistyped name must not drop the signature unseen
    }
    auto first_option = [](std::string_view, int, std::size_t) { return std::size_t{0}; };
    auto find = [&partials](std::string_view name) -> const Nodes* {
        auto found = partials.find(name);
        return found == partials.end() ? nullptr : &found->second;
    };
    auto evaluation = evaluate(nodes, "template", values, first_option, find);
    if (evaluation.missing) {
        return {"", "no value for '" + evaluation.missing->name + "'"};
    }
    return {evaluation.text, ""};
}

json spec(const std::string& module) {
    std::ifstream input(std::string(CAMPAIGN_SOURCE_DIR) + "/tests/unit/template/spec/" + module + ".json");
    REQUIRE(input);
    return json::parse(input);
}

} // namespace

TEST_CASE("the core modules of the Mustache specification render as specified, in plain text", "[template]") {
    std::map<std::string, int> refusals;
    int rendered = 0;
    for (std::string module : {"interpolation", "sections", "inverted", "comments", "partials", "delimiters"}) {
        auto tests = spec(module)["tests"];
        for (const auto& test : tests) {
            INFO(module << ": " << test["name"].get<std::string>() << "\n" << test["template"].dump());
            auto outcome = render_case(test);
            if (outcome.refused.empty()) {
                ++rendered;
                CHECK(outcome.text == unescaped(test["expected"].get<std::string>()));
            } else {
                ++refusals[outcome.refused.starts_with("no value") ? "missing" : outcome.refused];
            }
        }
    }
    CHECK(rendered == 107);
    CHECK(refusals ==
          std::map<std::string, int>{
              {"a list", 13}, {"data that is not an object", 6}, {"missing", 9}, {"a partial that is not there", 1}});
}
