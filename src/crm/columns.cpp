#include "crm/columns.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/text.hpp"

namespace campaign::crm {

namespace {

struct Alias {
    std::string_view key; // lower-case letters and digits only
    ColumnKind kind;
};

// The names of docs/prospects.md's tables: the generic ones, and those of the exports of LinkedIn, PhantomBuster,
// Waalaxy, lemlist, Dripify and Apollo.
constexpr std::array k_aliases{
    Alias{"linkedinurl", ColumnKind::profile_url},
    Alias{"linkedinprofileurl", ColumnKind::profile_url},
    Alias{"linkedinprofile", ColumnKind::profile_url},
    Alias{"linkedin", ColumnKind::profile_url},
    Alias{"profileurl", ColumnKind::profile_url},
    Alias{"publicprofileurl", ColumnKind::profile_url},
    Alias{"defaultprofileurl", ColumnKind::profile_url},
    Alias{"profilelink", ColumnKind::profile_url},
    Alias{"profile", ColumnKind::profile_url},
    Alias{"url", ColumnKind::profile_url},
    Alias{"personlinkedinurl", ColumnKind::profile_url},
    Alias{"contactlinkedinurl", ColumnKind::profile_url},
    Alias{"vmid", ColumnKind::member_id},
    Alias{"memberid", ColumnKind::member_id},
    Alias{"linkedinmemberid", ColumnKind::member_id},
    Alias{"firstname", ColumnKind::first_name},
    Alias{"first", ColumnKind::first_name},
    Alias{"givenname", ColumnKind::first_name},
    Alias{"lastname", ColumnKind::last_name},
    Alias{"last", ColumnKind::last_name},
    Alias{"surname", ColumnKind::last_name},
    Alias{"familyname", ColumnKind::last_name},
    Alias{"name", ColumnKind::full_name},
    Alias{"fullname", ColumnKind::full_name},
    Alias{"email", ColumnKind::email},
    Alias{"emailaddress", ColumnKind::email},
    Alias{"workemail", ColumnKind::email},
    Alias{"professionalemail", ColumnKind::email},
    Alias{"businessemail", ColumnKind::email},
    Alias{"mail", ColumnKind::email},
    Alias{"company", ColumnKind::company},
    Alias{"companyname", ColumnKind::company},
    Alias{"currentcompany", ColumnKind::company},
    Alias{"organization", ColumnKind::company},
    Alias{"organisation", ColumnKind::company},
    Alias{"employer", ColumnKind::company},
    Alias{"account", ColumnKind::company},
    Alias{"title", ColumnKind::title},
    Alias{"jobtitle", ColumnKind::title},
    Alias{"position", ColumnKind::title},
    Alias{"headline", ColumnKind::title},
    Alias{"occupation", ColumnKind::title},
    Alias{"currentposition", ColumnKind::title},
    Alias{"currenttitle", ColumnKind::title},
    Alias{"role", ColumnKind::title},
    Alias{"location", ColumnKind::location},
    Alias{"geography", ColumnKind::location},
    Alias{"industry", ColumnKind::industry},
    Alias{"tags", ColumnKind::tags},
    Alias{"tag", ColumnKind::tags},
    Alias{"labels", ColumnKind::tags},
    Alias{"source", ColumnKind::source},
    Alias{"id", ColumnKind::ignored},
};

const std::set<std::string> k_standard_names{"profile_url", "first_name", "last_name", "email",  "company",
                                             "title",       "location",   "industry",  "source", "tags"};

std::string alias_key(std::string_view header) {
    std::string key;
    for (char c : core::to_lower_ascii(header)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            key += c;
        }
    }
    return key;
}

} // namespace

std::vector<Column> map_columns(const std::vector<std::string>& header) {
    std::vector<Column> columns;
    std::set<ColumnKind> taken;
    std::set<std::string> custom_names;
    for (const auto& cell : header) {
        auto key = alias_key(cell);
        auto alias = std::find_if(k_aliases.begin(), k_aliases.end(),
                                  [&key](const Alias& candidate) { return candidate.key == key; });
        // Every profile URL column is kept: exports often have a Sales Navigator link beside the public one, and
        // each row uses the first that is a profile.
        bool url = alias != k_aliases.end() && alias->kind == ColumnKind::profile_url;
        if (alias != k_aliases.end() && (url || taken.insert(alias->kind).second)) {
            columns.push_back({alias->kind, ""});
            continue;
        }
        // An unknown column, or a second one for a standard field, is kept as a custom field under a name
        // that no other field has.
        auto base = core::field_name(cell);
        if (base.empty()) {
            columns.push_back({ColumnKind::ignored, ""});
            continue;
        }
        auto name = base;
        for (int suffix = 2; k_standard_names.contains(name) || custom_names.contains(name); ++suffix) {
            name = base + '_' + std::to_string(suffix);
        }
        custom_names.insert(name);
        columns.push_back({ColumnKind::custom, name});
    }
    return columns;
}

} // namespace campaign::crm
