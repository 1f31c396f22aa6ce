// What each column of an imported CSV means, from its header: the standard prospect fields under their common
// names (matched case-insensitively, ignoring spaces and punctuation), and custom fields for everything else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace campaign::crm {

enum class ColumnKind {
    profile_url,
    member_id, // LinkedIn's id of the member (ACoAA..., ACwAA...): PhantomBuster's vmid
    first_name,
    last_name,
    full_name, // split into first and last name when those columns are absent
    email,
    company,
    title,
    location,
    industry,
    tags,
    source,
    custom,
    ignored, // a column without a usable name, or the id column of an export from this program
};

struct Column {
    ColumnKind kind = ColumnKind::ignored;
    std::string name; // the custom field's name, for custom columns
};

std::vector<Column> map_columns(const std::vector<std::string>& header);

} // namespace campaign::crm
