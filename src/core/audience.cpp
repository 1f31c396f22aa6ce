#include "core/audience.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace campaign::core {

namespace {

// Compared as a user reads them: case and surrounding spaces do not matter ("founder" is "Founder ").
std::string folded(std::string_view text) {
    return to_lower_utf8(trim(text));
}

bool has_tag(const Prospect& prospect, const std::string& tag) {
    return prospect.tags.contains(tag);
}

} // namespace

std::optional<std::string_view> field_value(const Prospect& prospect, std::string_view field) {
    if (const auto* value = standard_field(prospect, field)) {
        return value->empty() ? std::nullopt : std::optional<std::string_view>(*value);
    }
    auto custom = prospect.fields.find(std::string(field));
    if (custom == prospect.fields.end() || custom->second.empty()) {
        return std::nullopt;
    }
    return custom->second;
}

bool matches(const FieldFilter& filter, const Prospect& prospect) {
    auto value = field_value(prospect, filter.field);
    if (filter.test == FieldTest::exists) {
        return value.has_value() == filter.exists;
    }
    if (!value) {
        return false;
    }
    auto have = folded(*value);
    auto equal = [&have](const std::string& wanted) { return folded(wanted) == have; };
    switch (filter.test) {
    case FieldTest::equals:
    case FieldTest::in:
        return std::any_of(filter.values.begin(), filter.values.end(), equal);
    case FieldTest::contains:
        return std::any_of(filter.values.begin(), filter.values.end(),
                           [&have](const std::string& part) { return have.find(folded(part)) != std::string::npos; });
    case FieldTest::exists:
        break;
    }
    return false;
}

bool matches(const Audience& audience, const Prospect& prospect) {
    auto tag = [&prospect](const std::string& name) { return has_tag(prospect, name); };
    auto holds = [&prospect](const FieldFilter& filter) { return matches(filter, prospect); };
    return std::all_of(audience.tags.begin(), audience.tags.end(), tag) &&
           (audience.any_tags.empty() || std::any_of(audience.any_tags.begin(), audience.any_tags.end(), tag)) &&
           std::all_of(audience.where.begin(), audience.where.end(), holds) &&
           std::none_of(audience.exclude_tags.begin(), audience.exclude_tags.end(), tag) &&
           std::none_of(audience.exclude_where.begin(), audience.exclude_where.end(), holds);
}

bool matches(const RoutingRule& rule, const Prospect& prospect) {
    auto tag = [&prospect](const std::string& name) { return has_tag(prospect, name); };
    auto holds = [&prospect](const FieldFilter& filter) { return matches(filter, prospect); };
    return std::all_of(rule.tags.begin(), rule.tags.end(), tag) &&
           (rule.any_tags.empty() || std::any_of(rule.any_tags.begin(), rule.any_tags.end(), tag)) &&
           std::all_of(rule.where.begin(), rule.where.end(), holds);
}

} // namespace campaign::core
