#include "core/prospect.hpp"

namespace campaign::core {

std::string* standard_field(Prospect& prospect, std::string_view name) {
    std::string* members[] = {&prospect.first_name, &prospect.last_name, &prospect.email,
                              &prospect.company,    &prospect.title,     &prospect.location,
                              &prospect.industry,   &prospect.source,    &prospect.profile_url};
    static_assert(std::size(members) == k_standard_fields.size());
    for (std::size_t i = 0; i < k_standard_fields.size(); ++i) {
        if (k_standard_fields[i] == name) {
            return members[i];
        }
    }
    return nullptr;
}

const std::string* standard_field(const Prospect& prospect, std::string_view name) {
    return standard_field(const_cast<Prospect&>(prospect), name);
}

} // namespace campaign::core
