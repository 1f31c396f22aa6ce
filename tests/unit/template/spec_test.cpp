// The Mustache specification's core modules (tests/unit/template/spec/, copied from mustache/spec) through the same
// path a message takes: parsed and rewritten here, rendered by mstch.
#include <catch2/catch.hpp>
#include <fstream>
#include <mstch/mstch.hpp>
#include <nlohmann/json.hpp>

#include "template/mustache.hpp"
#include "template/rewrite.hpp"

using namespace campaign::templating;
using json = nlohmann::json;

namespace {

mstch::node to_node(const json& value) {
    if (value.is_boolean()) {
        return value.get<bool>();
    }
    if (value.is_number_integer()) {
        return value.get<int>();
    }
    if (value.is_number()) {
        return value.get<double>();
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_array()) {
        mstch::array list;
        for (const auto& item : value) {
            list.push_back(to_node(item));
        }
        return list;
    }
    if (value.is_object()) {
        mstch::map object;
        for (const auto& [key, item] : value.items()) {
            object.emplace(key, to_node(item));
        }
        return object;
    }
    return nullptr;
}

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

std::string rewritten(const std::string& source, const std::string& file) {
    campaign::core::Diagnostics diagnostics;
    auto nodes = parse_template(source, file, diagnostics);
    for (const auto& diagnostic : diagnostics) {
        FAIL_CHECK(diagnostic.to_string());
    }
    return to_mustache(nodes, file, [](std::string_view, int, std::size_t) { return std::size_t{0}; });
}

std::string render_case(const json& test) {
    std::map<std::string, std::string> partials;
    if (test.contains("partials")) {
        for (const auto& [name, source] : test["partials"].items()) {
            partials[name] = rewritten(source.get<std::string>(), name);
        }
    }
    auto data = to_node(test["data"]);
    if (auto* object = boost::get<mstch::map>(&data)) {
        object->emplace(std::string(k_open_brace_variable), std::string("{"));
        object->emplace(std::string(k_close_brace_variable), std::string("}"));
        object->emplace(std::string(k_bar_variable), std::string("|"));
    }
    render_as_plain_text();
    return mstch::render(rewritten(test["template"].get<std::string>(), "template"), data, partials);
}

json spec(const std::string& module) {
    std::ifstream input(std::string(CAMPAIGN_SOURCE_DIR) + "/tests/unit/template/spec/" + module + ".json");
    REQUIRE(input);
    return json::parse(input);
}

} // namespace

TEST_CASE("the core modules of the Mustache specification render as specified, in plain text", "[template]") {
    auto module =
        GENERATE(as<std::string>{}, "interpolation", "sections", "inverted", "comments", "partials", "delimiters");
    auto tests = spec(module)["tests"];
    REQUIRE(tests.size() > 10);
    for (const auto& test : tests) {
        INFO(module << ": " << test["name"].get<std::string>() << "\n" << test["template"].dump());
        CHECK(render_case(test) == unescaped(test["expected"].get<std::string>()));
    }
}
