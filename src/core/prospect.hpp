// A prospect of the CRM: a person identified by the normalized URL of their LinkedIn profile.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace campaign::core {

using ProspectId = std::int64_t;

struct Prospect {
    ProspectId id = 0;
    std::string profile_url; // normalized: https://linkedin.com/in/<slug>
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string company;
    std::string title;
    std::string location;
    std::string industry;
    std::string source;
    std::map<std::string, std::string> fields; // custom fields from imports, usable in templates
    std::set<std::string> tags;
    Timestamp created_at{};
    Timestamp updated_at{};
};

// The fields every prospect has, as templates, filters and --data name them; any other name is a custom field.
inline constexpr std::array<std::string_view, 9> k_standard_fields{
    "first_name", "last_name", "email", "company", "title", "location", "industry", "source", "profile_url",
};

// The member holding a standard field, or nothing for a custom field's name.
std::string* standard_field(Prospect& prospect, std::string_view name);
const std::string* standard_field(const Prospect& prospect, std::string_view name);

} // namespace campaign::core
