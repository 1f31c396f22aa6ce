#include "crm/import_row.hpp"

#include "core/profile_url.hpp"
#include "core/text.hpp"

namespace campaign::crm {

namespace {

void assign_full_name(core::Prospect& prospect, std::string_view full_name) {
    auto space = full_name.find(' ');
    prospect.first_name = std::string(full_name.substr(0, space));
    if (space != std::string_view::npos) {
        prospect.last_name = std::string(core::trim(full_name.substr(space + 1)));
    }
}

// The standard field a column fills, or nothing for the columns that are not one.
std::string* standard_field(core::Prospect& prospect, ColumnKind kind) {
    switch (kind) {
    case ColumnKind::first_name:
        return &prospect.first_name;
    case ColumnKind::last_name:
        return &prospect.last_name;
    case ColumnKind::email:
        return &prospect.email;
    case ColumnKind::company:
        return &prospect.company;
    case ColumnKind::title:
        return &prospect.title;
    case ColumnKind::location:
        return &prospect.location;
    case ColumnKind::industry:
        return &prospect.industry;
    case ColumnKind::source:
        return &prospect.source;
    default:
        return nullptr;
    }
}

} // namespace

ImportRow read_row(const std::vector<Column>& columns, const CsvRecord& record) {
    ImportRow row;
    auto& prospect = row.prospect;
    std::string full_name;
    for (std::size_t i = 0; i < columns.size() && i < record.fields.size(); ++i) {
        std::string value(core::trim(record.fields[i]));
        if (auto* field = standard_field(prospect, columns[i].kind)) {
            *field = std::move(value);
            continue;
        }
        switch (columns[i].kind) {
        case ColumnKind::profile_url:
            row.urls.push_back(std::move(value));
            break;
        case ColumnKind::member_id:
            row.member_id = std::move(value);
            break;
        case ColumnKind::full_name:
            full_name = std::move(value);
            break;
        case ColumnKind::tags:
            for (auto& tag : core::split_list(value, ";,|")) {
                prospect.tags.insert(core::to_lower_ascii(tag));
            }
            break;
        case ColumnKind::custom:
            if (!value.empty()) {
                prospect.fields[columns[i].name] = std::move(value);
            }
            break;
        default:
            break;
        }
    }
    if (prospect.first_name.empty() && prospect.last_name.empty() && !full_name.empty()) {
        assign_full_name(prospect, full_name);
    }
    return row;
}

RowIdentity identify(const ImportRow& row) {
    core::NormalizedUrl public_profile;
    core::NormalizedUrl member_profile;
    std::string problem = "has no LinkedIn profile URL";
    for (const auto& url : row.urls) {
        auto identity = core::normalize_profile_url(url);
        if (!identity) {
            if (!url.empty() && problem.starts_with("has no")) {
                problem = "'" + url + "' is not a LinkedIn profile URL: " + identity.problem;
            }
            continue;
        }
        auto& first = core::member_id_of(identity.url).empty() ? public_profile : member_profile;
        if (!first) {
            first = std::move(identity);
        }
    }
    RowIdentity identity;
    identity.url = public_profile ? public_profile.url : member_profile.url;
    identity.problem = identity.url.empty() ? problem : "";
    auto column = core::trim(row.member_id);
    identity.member_id =
        core::is_member_id(column) ? std::string(column) : std::string(core::member_id_of(member_profile.url));
    return identity;
}

} // namespace campaign::crm
