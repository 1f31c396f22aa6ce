// What a template's variables stand for: the prospect's fields, the sender's as sender.*, and the campaign's as
// campaign.* and step.*. A flat map from the (dotted) name to its text, where an empty value is left out, so that a
// missing value and an empty one read the same.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "core/campaign.hpp"
#include "core/prospect.hpp"

namespace campaign::templating {

using Values = std::map<std::string, std::string, std::less<>>;

inline constexpr std::array<std::string_view, 3> k_campaign_values{"campaign.id", "campaign.description", "step.id"};

void set_value(Values& values, std::string name, std::string_view value);

Values prospect_values(const core::Prospect& prospect);
void add_sender_values(Values& values, const core::Sender& sender);
void add_campaign_values(Values& values, const core::Campaign& campaign, std::string_view step_id);

// True when some value's name starts with `name.`: a section on it enters an object, as {{#sender}} does.
bool is_object(const Values& values, std::string_view name);

} // namespace campaign::templating
