// Who a campaign is for: its audience's tags and field filters tested against one prospect, and which routing rule
// takes them. The suppression list
// and other campaigns' enrollments are the engine's to check, since they need the database.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/campaign.hpp"
#include "core/prospect.hpp"

namespace campaign::core {

// A standard field (first_name, company, profile_url, ...) or a custom one; nothing when the prospect lacks it.
std::optional<std::string_view> field_value(const Prospect& prospect, std::string_view field);

bool matches(const FieldFilter& filter, const Prospect& prospect);
bool matches(const Audience& audience, const Prospect& prospect);
bool matches(const RoutingRule& rule, const Prospect& prospect);

} // namespace campaign::core
