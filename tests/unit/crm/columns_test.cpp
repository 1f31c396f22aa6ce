#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "crm/columns.hpp"

using namespace campaign::crm;

namespace {

// A column as "kind" or "custom:name", so that a whole header compares in one line.
std::string describe(const Column& column) {
    switch (column.kind) {
    case ColumnKind::profile_url:
        return "profile_url";
    case ColumnKind::member_id:
        return "member_id";
    case ColumnKind::first_name:
        return "first_name";
    case ColumnKind::last_name:
        return "last_name";
    case ColumnKind::full_name:
        return "full_name";
    case ColumnKind::email:
        return "email";
    case ColumnKind::company:
        return "company";
    case ColumnKind::title:
        return "title";
    case ColumnKind::location:
        return "location";
    case ColumnKind::industry:
        return "industry";
    case ColumnKind::tags:
        return "tags";
    case ColumnKind::source:
        return "source";
    case ColumnKind::custom:
        return "custom:" + column.name;
    case ColumnKind::ignored:
        return "ignored" + column.name;
    }
    return "?";
}

std::vector<std::string> describe(const std::vector<std::string>& header) {
    std::vector<std::string> described;
    for (const auto& column : map_columns(header)) {
        described.push_back(describe(column));
    }
    return described;
}

} // namespace

TEST_CASE("standard columns are recognized under their common names", "[crm]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"First Name", "first_name"},
        {"firstName", "first_name"},
        {"first_name", "first_name"},
        {"FIRST-NAME", "first_name"},
        {"Given name", "first_name"},
        {"Last Name", "last_name"},
        {"surname", "last_name"},
        {"Name", "full_name"},
        {"Full Name", "full_name"},
        {"LinkedIn URL", "profile_url"},
        {"linkedin_url", "profile_url"},
        {"profile_url", "profile_url"},
        {"Profile URL", "profile_url"},
        {"URL", "profile_url"},
        {"LinkedIn Profile", "profile_url"},
        {"Email Address", "email"},
        {"E-mail", "email"},
        {"email", "email"},
        {"Company", "company"},
        {"Company Name", "company"},
        {"Organisation", "company"},
        {"Position", "title"},
        {"Job Title", "title"},
        {"Headline", "title"},
        {"Location", "location"},
        {"Industry", "industry"},
        {"Tags", "tags"},
        {"Labels", "tags"},
    };
    for (const auto& [header, kind] : cases) {
        CAPTURE(header);
        auto columns = map_columns({header});
        REQUIRE(columns.size() == 1);
        CHECK(describe(columns[0]) == kind);
        CHECK(columns[0].name == "");
    }
}

// The headers as the exports write them: PhantomBuster's from published result files of its Sales Navigator Search
// Export, Apollo's from its people export, lemlist's from the lead fields its API documents.
TEST_CASE("PhantomBuster's Sales Navigator export maps its columns to the prospect fields", "[crm]") {
    CHECK(describe({"profileUrl",
                    "fullName",
                    "firstName",
                    "lastName",
                    "companyName",
                    "title",
                    "companyId",
                    "companyUrl",
                    "regularCompanyUrl",
                    "summary",
                    "titleDescription",
                    "industry",
                    "companyLocation",
                    "location",
                    "durationInRole",
                    "durationInCompany",
                    "connectionDegree",
                    "profileImageUrl",
                    "sharedConnectionsCount",
                    "name",
                    "vmid",
                    "linkedInProfileUrl",
                    "isPremium",
                    "isOpenLink",
                    "query",
                    "timestamp",
                    "defaultProfileUrl"}) == std::vector<std::string>{"profile_url",
                                                                      "full_name",
                                                                      "first_name",
                                                                      "last_name",
                                                                      "company",
                                                                      "title",
                                                                      "custom:companyid",
                                                                      "custom:companyurl",
                                                                      "custom:regularcompanyurl",
                                                                      "custom:summary",
                                                                      "custom:titledescription",
                                                                      "industry",
                                                                      "custom:companylocation",
                                                                      "location",
                                                                      "custom:durationinrole",
                                                                      "custom:durationincompany",
                                                                      "custom:connectiondegree",
                                                                      "custom:profileimageurl",
                                                                      "custom:sharedconnectionscount",
                                                                      "custom:name",
                                                                      "member_id",
                                                                      "profile_url",
                                                                      "custom:ispremium",
                                                                      "custom:isopenlink",
                                                                      "custom:query",
                                                                      "custom:timestamp",
                                                                      "profile_url"});
}

TEST_CASE("Apollo's and lemlist's exports map their columns to the prospect fields", "[crm]") {
    CHECK(
        describe({"First Name", "Last Name", "Title", "Company", "Company Name for Emails", "Email", "Email Status",
                  "Industry", "Person Linkedin Url", "Website", "Company Linkedin Url", "City", "State", "Country"}) ==
        std::vector<std::string>{"first_name", "last_name", "title", "company", "custom:company_name_for_emails",
                                 "email", "custom:email_status", "industry", "profile_url", "custom:website",
                                 "custom:company_linkedin_url", "custom:city", "custom:state", "custom:country"});
    CHECK(describe({"email", "firstName", "lastName", "companyName", "jobTitle", "linkedinUrl", "phone",
                    "icebreaker"}) == std::vector<std::string>{"email", "first_name", "last_name", "company", "title",
                                                               "profile_url", "custom:phone", "custom:icebreaker"});
}

TEST_CASE("the names other exports give the fields are recognized too", "[crm]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"defaultProfileUrl", "profile_url"}, {"Profile link", "profile_url"}, {"vmid", "member_id"},
        {"Member ID", "member_id"},           {"occupation", "title"},         {"Current position", "title"},
        {"Current title", "title"},           {"Current company", "company"},  {"Professional email", "email"},
        {"Business email", "email"},
    };
    for (const auto& [header, kind] : cases) {
        CAPTURE(header);
        CHECK(describe({header}) == std::vector<std::string>{kind});
    }
}

TEST_CASE("unknown columns become custom fields with snake_case names", "[crm]") {
    CHECK(describe({"First Name", "Connected On", "Deal Size ($)", "URL"}) ==
          std::vector<std::string>{"first_name", "custom:connected_on", "custom:deal_size", "profile_url"});

    CHECK(campaign::core::field_name("Connected On") == "connected_on");
    CHECK(campaign::core::field_name("  Deal Size ($) ") == "deal_size");
    CHECK(campaign::core::field_name("company-size") == "company_size");
    CHECK(campaign::core::field_name("Account__Owner") == "account_owner");
    CHECK(campaign::core::field_name("#Employees") == "employees");
    CHECK(campaign::core::field_name("(Deal) Stage") == "deal_stage");
    CHECK(campaign::core::field_name("2nd Degree") == "2nd_degree");
    CHECK(campaign::core::field_name("Société Générale") == "société_générale");
    CHECK(campaign::core::field_name("???") == "");
    CHECK(campaign::core::field_name("") == "");
}

TEST_CASE("a second column for a standard field becomes a custom field that clashes with nothing", "[crm]") {
    CHECK(describe({"Email", "Email", "Email"}) ==
          std::vector<std::string>{"email", "custom:email_2", "custom:email_3"});
    CHECK(describe({"Email 2", "Email", "E-mail"}) ==
          std::vector<std::string>{"custom:email_2", "email", "custom:e_mail"});
    CHECK(describe({"Email 2", "Email", "Email"}) ==
          std::vector<std::string>{"custom:email_2", "email", "custom:email_3"});
    CHECK(describe({"URL", "Company", "Profile URL", "company"}) ==
          std::vector<std::string>{"profile_url", "company", "profile_url", "custom:company_2"});
    CHECK(describe({"Note", "note", "NOTE"}) ==
          std::vector<std::string>{"custom:note", "custom:note_2", "custom:note_3"});
    CHECK(describe({"Source", "source"}) == std::vector<std::string>{"source", "custom:source_2"});
}

TEST_CASE("the id and source columns of a listing read back as what they were", "[crm]") {
    CHECK(describe({"id", "profile_url", "source", "tags"}) ==
          std::vector<std::string>{"ignored", "profile_url", "source", "tags"});
    CHECK(describe({"Person Linkedin Url", "Company Linkedin Url"}) ==
          std::vector<std::string>{"profile_url", "custom:company_linkedin_url"});
}

TEST_CASE("header cells without a usable name are ignored", "[crm]") {
    CHECK(describe({"URL", "", "  ", "---", "Company"}) ==
          std::vector<std::string>{"profile_url", "ignored", "ignored", "ignored", "company"});
    CHECK(map_columns({}).empty());
}
