// The fields `template render --data` takes as a JSON object, read into a prospect: nested objects become dotted
// names ({"sender": {"first_name": "Ann"}} is sender.first_name). Throws core::UserError naming --data.
#pragma once

#include <string>

#include "core/prospect.hpp"

namespace campaign::cli {

// How deep --data's objects may nest: deeper would be no field a template can name.
inline constexpr int k_data_depth = 8;

core::Prospect prospect_from_data(const std::string& text);

} // namespace campaign::cli
