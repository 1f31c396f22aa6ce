// A prospect of the CRM: a person identified by the normalized URL of their LinkedIn profile.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

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

} // namespace campaign::core
