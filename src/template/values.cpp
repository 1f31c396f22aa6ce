#include "template/values.hpp"

#include "core/audience.hpp"

namespace campaign::templating {

void set_value(Values& values, std::string name, std::string_view value) {
    if (!value.empty()) {
        values.insert_or_assign(std::move(name), std::string(value));
    }
}

Values prospect_values(const core::Prospect& prospect) {
    Values values;
    for (const auto& [name, value] : prospect.fields) {
        set_value(values, name, value);
    }
    for (auto field : core::k_standard_fields) {
        set_value(values, std::string(field), core::field_value(prospect, field).value_or(""));
    }
    return values;
}

void add_sender_values(Values& values, const core::Sender& sender) {
    set_value(values, "sender.id", sender.id);
    for (const auto& [name, value] : sender.fields) {
        set_value(values, "sender." + name, value);
    }
}

void add_campaign_values(Values& values, const core::Campaign& campaign, std::string_view step_id) {
    set_value(values, "campaign.id", campaign.id);
    set_value(values, "campaign.description", campaign.description);
    set_value(values, "step.id", step_id);
}

bool is_object(const Values& values, std::string_view name) {
    std::string prefix = std::string(name) + '.';
    auto next = values.lower_bound(prefix);
    return next != values.end() && next->first.starts_with(prefix);
}

} // namespace campaign::templating
