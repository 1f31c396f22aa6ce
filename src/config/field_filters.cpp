#include <array>

#include "config/parts.hpp"
#include "core/text.hpp"

namespace campaign::config {

namespace {

constexpr std::array<std::string_view, 4> k_field_tests{"equals", "in", "contains", "exists"};

core::FieldFilter read_filter(YamlReader& reader, const YAML::Node& node) {
    core::FieldFilter filter;
    if (!reader.check_map(node, "a field filter", {"field", "equals", "in", "contains", "exists"})) {
        return filter;
    }
    if (auto field = reader.string(node, "field", true)) {
        // Imported columns are stored under their snake_case names: 'Team Size' would never match.
        if (auto name = core::field_name(*field); name != *field) {
            reader.error(node["field"], "'" + *field + "' is not a field name; fields are named like '" + name + "'");
        }
        filter.field = *field;
    }
    int tests = 0;
    for (std::size_t i = 0; i < k_field_tests.size(); ++i) {
        if (node[std::string(k_field_tests[i])]) {
            ++tests;
            filter.test = static_cast<core::FieldTest>(i);
        }
    }
    if (tests != 1) {
        reader.error(node, "a field filter needs exactly one of 'equals', 'in', 'contains' or 'exists'");
        return filter;
    }
    switch (filter.test) {
    case core::FieldTest::exists:
        filter.exists = reader.boolean(node, "exists").value_or(true);
        break;
    case core::FieldTest::in:
        filter.values = reader.strings(node, "in").value_or(std::vector<std::string>{});
        if (filter.values.empty()) {
            reader.error(node["in"], "'in' needs at least one value");
        }
        break;
    default:
        if (auto value = reader.string(node, k_field_tests[static_cast<std::size_t>(filter.test)], true)) {
            filter.values = {*value};
        }
    }
    return filter;
}

} // namespace

std::vector<core::FieldFilter> read_filters(YamlReader& reader, const YAML::Node& node) {
    std::vector<core::FieldFilter> filters;
    if (node && reader.check_sequence(node, "'where'")) {
        for (const auto& item : node) {
            filters.push_back(read_filter(reader, item));
        }
    }
    return filters;
}

std::vector<std::string> lower_tags(std::vector<std::string> tags) {
    for (auto& tag : tags) {
        tag = core::to_lower_ascii(core::trim(tag));
    }
    return tags;
}

} // namespace campaign::config
