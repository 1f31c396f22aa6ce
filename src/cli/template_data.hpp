// The fields `template render --data` takes as a JSON object, read into a prospect: nested objects become dotted
// names ({"sender": {"first_name": "Ann"}} is sender.first_name). A key with a '.' in it is left out, since a
// template's {{a.b}} is always a path, never one key. Throws core::UserError naming --data.
#pragma once

#include <string>
#include <vector>

#include "core/prospect.hpp"

namespace campaign::cli {

// How deep --data's objects may nest: deeper would be no field a template can name.
inline constexpr int k_data_depth = 8;

struct DataFields {
    core::Prospect prospect;
    std::vector<std::string> left_out; // the keys with a '.', as "a.b" or "sender.x.y"
};

DataFields prospect_from_data(const std::string& text);

} // namespace campaign::cli
