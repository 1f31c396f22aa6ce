// The tab-separated tables compiled into the binary (holidays, places, legacy time zone names), read line by line.
#pragma once

#include <string_view>
#include <vector>

namespace campaign::config {

// The fields of one line, split at its tabs.
inline std::vector<std::string_view> tab_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    for (std::size_t from = 0;;) {
        auto tab = line.find('\t', from);
        fields.push_back(line.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
        if (tab == std::string_view::npos) {
            return fields;
        }
        from = tab + 1;
    }
}

// Calls visit(fields, line) for each line of the table but empty lines and comments ('#').
template <typename Visit>
void for_each_row(std::string_view table, Visit&& visit) {
    while (!table.empty()) {
        auto end = table.find('\n');
        auto line = table.substr(0, end);
        table.remove_prefix(end == std::string_view::npos ? table.size() : end + 1);
        if (!line.empty() && !line.starts_with('#')) {
            visit(tab_fields(line), line);
        }
    }
}

} // namespace campaign::config
