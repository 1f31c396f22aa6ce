#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "crm/importer.hpp"
#include "crm/suppression.hpp"
#include "store/connection.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using Catch::Matchers::Message;

namespace {

const std::filesystem::path k_examples = std::filesystem::path(CAMPAIGN_SOURCE_DIR) / "examples";

core::Timestamp at(std::string_view text) {
    return core::parse_utc(text).value();
}

// A CRM on a fresh database file, and the files to import into it.
struct Crm {
    test::TempFolder folder;
    store::Database database{folder / "campaign.db", store::OpenMode::create};
    store::ProspectStore prospects{database};
    core::ManualClock clock{at("2026-11-26T09:30:00Z")};

    crm::ImportSummary import(std::string_view name, std::string_view contents,
                              const crm::ImportOptions& options = {}) {
        return crm::import_prospects(database, folder.write(name, contents), options, clock);
    }

    core::Prospect find(const std::string& slug) {
        auto prospect = prospects.find_by_url("https://linkedin.com/in/" + slug);
        if (!prospect) {
            throw std::runtime_error("no prospect " + slug);
        }
        return *prospect;
    }

    bool has(const std::string& slug) { return prospects.find_by_url("https://linkedin.com/in/" + slug).has_value(); }
};

using Rejections = std::vector<std::pair<int, std::string>>;

Rejections rejections_of(const crm::ImportSummary& summary) {
    Rejections rejections;
    for (const auto& row : summary.first_rejected) {
        rejections.emplace_back(row.line, row.reason);
    }
    return rejections;
}

using Duplicates = std::vector<std::pair<int, int>>;

Duplicates duplicates_of(const crm::ImportSummary& summary) {
    Duplicates duplicates;
    for (const auto& row : summary.first_duplicates) {
        duplicates.emplace_back(row.line, row.same_as);
    }
    CHECK(summary.duplicates >= duplicates.size());
    return duplicates;
}

// inserted/updated/unchanged/rejected, to compare a summary's counts in one line.
std::string counts_of(const crm::ImportSummary& summary) {
    return std::to_string(summary.inserted) + "/" + std::to_string(summary.updated) + "/" +
           std::to_string(summary.unchanged) + "/" + std::to_string(summary.rejected);
}

const std::string k_linkedin_notes =
    "Notes:\r\n"
    "\"When exporting your connection data, you may notice that some of the email addresses are "
    "missing. You "
    "will only see email addresses for connections who have allowed their connections to see or "
    "download their "
    "email address using this setting https://www.linkedin.com/psettings/privacy/email. You can "
    "learn more here "
    "https://www.linkedin.com/help/linkedin/answer/261\"\r\n"
    "\r\n";

} // namespace

TEST_CASE("a generic CSV imports each row with its standard fields, custom fields and tags", "[crm]") {
    Crm crm;
    std::string file = "First Name,Last Name,LinkedIn URL,Email Address,Company,Position,Location,Industry,"
                       "Deal Size,tags\n"
                       "Jane,Doe,https://www.linkedin.com/in/jane-doe/,jane@example.com,Acme,\"Head of Sales, "
                       "EMEA\",London,Software,50k,Founders; SaaS\n"
                       "Ola,Nordmann,linkedin.com/in/ola-nordmann,,Fjord AS,CTO,Oslo,,,\n";

    SECTION("the source is the file's name unless one is given") {
        auto summary = crm.import("prospects.csv", file, {{" VIP ", "Q4"}, ""});
        CHECK(summary.dialect == "csv");
        CHECK(counts_of(summary) == "2/0/0/0");
        CHECK(summary.first_rejected.empty());
        CHECK(crm.prospects.count() == 2);

        auto jane = crm.find("jane-doe");
        CHECK(jane.first_name == "Jane");
        CHECK(jane.last_name == "Doe");
        CHECK(jane.email == "jane@example.com");
        CHECK(jane.company == "Acme");
        CHECK(jane.title == "Head of Sales, EMEA");
        CHECK(jane.location == "London");
        CHECK(jane.industry == "Software");
        CHECK(jane.source == "prospects.csv");
        CHECK(jane.fields == std::map<std::string, std::string>{{"deal_size", "50k"}});
        CHECK(jane.tags == std::set<std::string>{"founders", "saas", "vip", "q4"});
        CHECK(jane.created_at == crm.clock.now());
        CHECK(jane.updated_at == crm.clock.now());

        auto ola = crm.find("ola-nordmann");
        CHECK(ola.company == "Fjord AS");
        CHECK(ola.industry == "");
        CHECK(ola.fields.empty()); // an empty custom value is not stored
        CHECK(ola.tags == std::set<std::string>{"vip", "q4"});
        CHECK(crm.prospects.custom_field_names() == std::vector<std::string>{"deal_size"});
    }
    SECTION("--source names it") {
        crm.import("prospects.csv", file, {{}, "Web Summit 2026"});
        CHECK(crm.find("jane-doe").source == "Web Summit 2026");
        CHECK(crm.find("jane-doe").tags == std::set<std::string>{"founders", "saas"});
    }
}

TEST_CASE("a full name column is split when there are no first and last name columns", "[crm]") {
    Crm crm;
    crm.import("names.csv", "Name,URL\n"
                            "Jane van der Berg,linkedin.com/in/jane\n"
                            "Madonna,linkedin.com/in/madonna\n");
    CHECK(crm.find("jane").first_name == "Jane");
    CHECK(crm.find("jane").last_name == "van der Berg");
    CHECK(crm.find("madonna").first_name == "Madonna");
    CHECK(crm.find("madonna").last_name == "");
}

TEST_CASE("LinkedIn's Connections.csv export imports as is", "[crm]") {
    Crm crm;

    SECTION("the export itself") {
        auto summary = crm::import_prospects(crm.database, k_examples / "connections-linkedin.csv", {}, crm.clock);
        CHECK(summary.dialect == "linkedin-connections");
        CHECK(counts_of(summary) == "8/0/0/0");

        auto hannah = crm.find("example-hannah-whitfield-3c9e1a");
        CHECK(hannah.first_name == "Hannah");
        CHECK(hannah.last_name == "Whitfield");
        CHECK(hannah.email == "");
        CHECK(hannah.company == "Dunmere Software");
        CHECK(hannah.title == "Head of Sales");
        CHECK(hannah.source == "connections-linkedin.csv");
        CHECK(hannah.fields == std::map<std::string, std::string>{{"connected_on", "12 Mar 2024"}});

        auto mateo = crm.find("example-mateo-alvarez-ruiz-8f21b7");
        CHECK(mateo.last_name == "Álvarez Ruiz");
        CHECK(mateo.email == "mateo.alvarez@example.com");
        CHECK(mateo.title == "Founder, CEO");

        auto chloe = crm.find("example-chloé-fournier-91ab3f");
        CHECK(chloe.first_name == "Chloé");
        CHECK(chloe.title == "Director, Growth Marketing");
        // The last row: the file's final CRLF does not make an extra record.
        CHECK(crm.find("example-lars-vermeulen-2a7c5d4b").fields.at("connected_on") == "08 May 2022");
    }
    SECTION("rows after the notes carry their line in the file") {
        auto summary =
            crm.import("Connections.csv", k_linkedin_notes +
                                              "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                                              "Hannah,Whitfield,https://www.linkedin.com/in/hannah-whitfield,,Dunmere,"
                                              "\"Head of Sales\r\nEMEA\",12 Mar 2024\r\n"
                                              "Acme,,https://www.linkedin.com/company/acme,,,,01 Jan 2024\r\n");
        CHECK(summary.dialect == "linkedin-connections");
        CHECK(counts_of(summary) == "1/0/0/1");
        CHECK(rejections_of(summary) ==
              Rejections{{7, "row 'https://www.linkedin.com/company/acme' is not a LinkedIn profile URL: a "
                             "company or school page, not a person's profile"}});
        CHECK(crm.find("hannah-whitfield").title == "Head of Sales\r\nEMEA");
    }
    SECTION("with a byte order mark") {
        auto summary = crm.import("Connections.csv", "\xEF\xBB\xBF" + k_linkedin_notes +
                                                         "First Name,URL\r\nIngrid,linkedin.com/in/ingrid\r\n");
        CHECK(summary.dialect == "linkedin-connections");
        CHECK(counts_of(summary) == "1/0/0/0");
        CHECK(crm.find("ingrid").first_name == "Ingrid");
    }
}

TEST_CASE("a UTF-8 byte order mark is not part of the first column's name", "[crm]") {
    Crm crm;
    auto summary = crm.import("bom.csv", "\xEF\xBB\xBF"
                                         "Region,URL\r\nEMEA,linkedin.com/in/jane-doe\r\n");
    CHECK(summary.dialect == "csv");
    CHECK(counts_of(summary) == "1/0/0/0");
    CHECK(crm.find("jane-doe").fields == std::map<std::string, std::string>{{"region", "EMEA"}});
}

TEST_CASE("semicolon- and tab-delimited files import", "[crm]") {
    Crm crm;
    SECTION("semicolons, as European spreadsheets write") {
        auto summary = crm.import("export.csv", "Vorname;Nachname;Profile URL;Position;Firma\r\n"
                                                "Jürgen;Müller;https://de.linkedin.com/in/juergen-mueller;"
                                                "Founder, CEO;\"Müller; Söhne\"\r\n");
        CHECK(counts_of(summary) == "1/0/0/0");
        auto jurgen = crm.find("juergen-mueller");
        CHECK(jurgen.title == "Founder, CEO");
        CHECK(jurgen.fields == std::map<std::string, std::string>{
                                   {"firma", "Müller; Söhne"}, {"nachname", "Müller"}, {"vorname", "Jürgen"}});
    }
    SECTION("tabs") {
        auto summary = crm.import("export.tsv", "URL\tCompany\tTitle\nlinkedin.com/in/jane\tAcme, Inc.\tCEO\n");
        CHECK(counts_of(summary) == "1/0/0/0");
        CHECK(crm.find("jane").company == "Acme, Inc.");
        CHECK(crm.find("jane").title == "CEO");
    }
}

TEST_CASE("re-importing updates prospects and never duplicates them", "[crm]") {
    Crm crm;
    const std::string header = "URL,First Name,Company,Title,tags,Note\n";
    auto first = crm.import("first.csv", header + "linkedin.com/in/jane-doe,Jane,Acme,CEO,a,met at Web Summit\n"
                                                  "linkedin.com/in/ola,Ola,Fjord,CTO,,\n"
                                                  "linkedin.com/in/kim,Kim,,,,\n");
    REQUIRE(counts_of(first) == "3/0/0/0");
    auto created = crm.clock.now();
    crm.clock.advance(std::chrono::hours{24});

    SECTION("new values win, empty values erase nothing, tags are added") {
        auto second = crm.import("second.csv", header + "https://www.linkedin.com/in/Jane-Doe/,Jane,Acme Corp,,B,\n"
                                                        "linkedin.com/in/ola,Ola,Fjord,CTO,,\n"
                                                        "linkedin.com/in/new-person,New,,,,\n");
        CHECK(counts_of(second) == "1/1/1/0");
        CHECK(crm.prospects.count() == 4);

        auto jane = crm.find("jane-doe");
        CHECK(jane.company == "Acme Corp");
        CHECK(jane.title == "CEO");
        CHECK(jane.fields == std::map<std::string, std::string>{{"note", "met at Web Summit"}});
        CHECK(jane.tags == std::set<std::string>{"a", "b"});
        CHECK(jane.source == "first.csv"); // where a prospect first came from
        CHECK(jane.created_at == created);
        CHECK(jane.updated_at == crm.clock.now());

        auto ola = crm.find("ola");
        CHECK(ola.updated_at == created); // unchanged rows are not written
        CHECK(crm.find("kim").first_name == "Kim");
        CHECK(crm.find("new-person").source == "second.csv");
    }
    SECTION("the same rows again change nothing") {
        auto again = crm.import("first-again.csv", header + "linkedin.com/in/jane-doe,Jane,Acme,CEO,a,\n"
                                                            "linkedin.com/in/ola,,,,,\n"
                                                            "linkedin.com/in/kim,Kim,,,,\n");
        CHECK(counts_of(again) == "0/0/3/0");
        CHECK(crm.prospects.count() == 3);
        CHECK(crm.find("jane-doe").updated_at == created);
    }
    SECTION("--tag adds its tag to everyone in the file") {
        auto tagged = crm.import("first.csv",
                                 header + "linkedin.com/in/jane-doe,,,,,\n"
                                          "linkedin.com/in/ola,,,,,\n",
                                 {{"Q4-Push"}, ""});
        CHECK(counts_of(tagged) == "0/2/0/0");
        CHECK(crm.find("jane-doe").tags == std::set<std::string>{"a", "q4-push"});
        CHECK(crm.find("ola").tags == std::set<std::string>{"q4-push"});
        CHECK(crm.find("kim").tags.empty());
    }
}

TEST_CASE("one person under several spellings in one file is one prospect, and the later lines duplicates", "[crm]") {
    Crm crm;
    auto summary = crm.import("dupes.csv", "URL,First Name,Title\n"
                                           "https://www.linkedin.com/in/jane-doe,Jane,\n"
                                           "http://uk.linkedin.com/in/JANE-DOE/?trk=abc,,CEO\n"
                                           "linkedin.com/in/jane-doe#about,Jane,CEO\n");
    CHECK(counts_of(summary) == "1/0/0/0");
    CHECK(duplicates_of(summary) == Duplicates{{3, 2}, {4, 2}});
    CHECK(crm.prospects.count() == 1);
    CHECK(crm.find("jane-doe").first_name == "Jane");
    CHECK(crm.find("jane-doe").title == "CEO");
}

TEST_CASE("the later line of a duplicate gives its non-empty values, as a re-import would", "[crm]") {
    Crm crm;
    REQUIRE(counts_of(crm.import("first.csv", "URL,First Name,Title,Team Size\n"
                                              "linkedin.com/in/ola,Ola,CTO,11-50\n")) == "1/0/0/0");
    auto summary = crm.import("scrapes.csv", "URL,First Name,Title,Company,Team Size,tags\n"
                                             "linkedin.com/in/ola,Ola,CTO,,,scrape-1\n"            // 2: unchanged
                                             "linkedin.com/in/kim,Kim,CEO,Brightwater,,scrape-1\n" // 3: inserted
                                             "linkedin.com/in/ola,,VP Engineering,Quillfern,,scrape-2\n"
                                             "linkedin.com/in/kim,,,,2-10,\n");
    // Ola's first line left her as she was; her second changed her, so she counts as updated.
    CHECK(counts_of(summary) == "1/1/0/0");
    CHECK(duplicates_of(summary) == Duplicates{{4, 2}, {5, 3}});
    auto ola = crm.find("ola");
    CHECK(ola.first_name == "Ola"); // an empty value erases nothing
    CHECK(ola.title == "VP Engineering");
    CHECK(ola.company == "Quillfern");
    CHECK(ola.fields == std::map<std::string, std::string>{{"team_size", "11-50"}});
    CHECK(ola.tags == std::set<std::string>{"scrape-1", "scrape-2"});
    CHECK(crm.find("kim").fields == std::map<std::string, std::string>{{"team_size", "2-10"}});
    CHECK(crm.prospects.count() == 2);
}

TEST_CASE("a duplicate that changes nothing leaves the counts of people alone", "[crm]") {
    Crm crm;
    crm.import("first.csv", "URL,First Name\nlinkedin.com/in/ola,Ola\n");
    auto summary = crm.import("again.csv", "URL,First Name\nlinkedin.com/in/ola,Ola\nlinkedin.com/in/ola,\n");
    CHECK(counts_of(summary) == "0/0/1/0");
    CHECK(duplicates_of(summary) == Duplicates{{3, 2}});
}

TEST_CASE("the same member id on two lines is the same person", "[crm]") {
    Crm crm;
    auto summary = crm.import("phantom.csv", "linkedInProfileUrl,vmid,defaultProfileUrl,firstName,title\n"
                                             "https://www.linkedin.com/in/ACwAAABGC0cB,ACwAAABGC0cB,"
                                             "https://linkedin.com/in/zhenya,Zhenya,Partner\n"
                                             "https://www.linkedin.com/in/ACwAAABGC0cB,,,,Managing Partner\n"
                                             ",ACwAAABGC0cB,https://linkedin.com/in/zhenya-l,,\n");
    CHECK(counts_of(summary) == "1/0/0/0");
    CHECK(duplicates_of(summary) == Duplicates{{3, 2}, {4, 2}});
    // The public profile URL is the identity, though the member id URL comes first; the first line's stays.
    CHECK(crm.find("zhenya").title == "Managing Partner");
    CHECK_FALSE(crm.has("zhenya-l"));
    CHECK(crm.prospects.find_by_member_id("ACwAAABGC0cB")->profile_url == "https://linkedin.com/in/zhenya");

    // A later file finds them by member id as well.
    auto later = crm.import("later.csv", "linkedInProfileUrl,firstName\nlinkedin.com/in/ACwAAABGC0cB,Zhenya L.\n");
    CHECK(counts_of(later) == "0/1/0/0");
    CHECK(crm.find("zhenya").first_name == "Zhenya L.");
    CHECK(crm.prospects.count() == 1);
}

TEST_CASE("a member id URL alone is a prospect, under the id's own case", "[crm]") {
    Crm crm;
    auto summary = crm.import("ids.csv", "linkedInProfileUrl,firstName\n"
                                         "https://www.linkedin.com/in/ACoAAAbCdEf0123/,Ida\n"
                                         "https://www.linkedin.com/in/ACoAAAbCdEf0124/,Ivo\n");
    CHECK(counts_of(summary) == "2/0/0/0");
    CHECK(crm.find("ACoAAAbCdEf0123").first_name == "Ida");
    CHECK(crm.find("ACoAAAbCdEf0124").first_name == "Ivo");
    CHECK(crm.prospects.find_by_member_id("ACoAAAbCdEf0123")->first_name == "Ida");
}

TEST_CASE("a member id URL lower-cased by an earlier version is found, and takes its case back", "[crm]") {
    Crm crm;
    core::Prospect old;
    old.profile_url = "https://linkedin.com/in/acoaaabcdef0123";
    old.first_name = "Ida";
    old.created_at = old.updated_at = crm.clock.now();
    crm.prospects.insert(old);

    auto summary = crm.import("ids.csv", "URL,Title\nhttps://www.linkedin.com/in/ACoAAAbCdEf0123,CFO\n");
    CHECK(counts_of(summary) == "0/1/0/0");
    CHECK(crm.prospects.count() == 1);
    auto ida = crm.find("ACoAAAbCdEf0123");
    CHECK(ida.first_name == "Ida");
    CHECK(ida.title == "CFO");
    CHECK(crm.import("again.csv", "URL,Title\nhttps://www.linkedin.com/in/ACoAAAbCdEf0123,CFO\n").unchanged == 1);
}

TEST_CASE("a name written with a decomposed accent is the person with the composed one", "[crm]") {
    Crm crm;
    auto summary = crm.import("accents.csv", "URL,First Name\n"
                                             "linkedin.com/in/jos%C3%A9-garcia,José\n"
                                             "linkedin.com/in/jose\xCC\x81-garcia,\n");
    CHECK(counts_of(summary) == "1/0/0/0");
    CHECK(duplicates_of(summary) == Duplicates{{3, 2}});
    CHECK(crm.find("josé-garcia").first_name == "José");
}

TEST_CASE("bad rows are rejected with their line and reason while the rest imports", "[crm]") {
    Crm crm;
    auto summary = crm.import("mixed.csv", "URL,First Name,Company\n"                           // 1
                                           "linkedin.com/in/good-one,Good,Acme\n"               // 2
                                           ",No URL,Acme\n"                                     // 3
                                           "https://www.linkedin.com/company/acme,Page,Acme\n"  // 4
                                           "linkedin.com/in/too-many,Too,Many,Fields\n"         // 5
                                           "linkedin.com/in/latin-1,Ren\xE9,Acme\n"             // 6
                                           "\"linkedin.com/in/multi-line\",\"Two\n"             // 7
                                           "Lines\",Acme\n"                                     // 8
                                           "\n"                                                 // 9
                                           "linkedin.com/in/after-blank,After,\"Acme, Inc.\"\n" // 10
                                           "not a url,X,Y\n"                                    // 11
                                           "linkedin.com/in/short\n");                          // 12
    CHECK(counts_of(summary) == "4/0/0/5");
    CHECK(rejections_of(summary) ==
          Rejections{
              {3, "row has no LinkedIn profile URL"},
              {4, "row 'https://www.linkedin.com/company/acme' is not a LinkedIn profile URL: a "
                  "company or school "
                  "page, not a person's profile"},
              {5, "row has 4 fields but the header has 3 (an unquoted delimiter in a value?)"},
              {6, "row is not valid UTF-8 text (save the file as CSV UTF-8)"},
              {11, "row 'not a url' is not a LinkedIn profile URL: not a LinkedIn address"},
          });
    CHECK(crm.prospects.count() == 4);
    CHECK(crm.find("multi-line").first_name == "Two\nLines");
    CHECK(crm.find("after-blank").company == "Acme, Inc.");
    CHECK(crm.find("short").first_name == "");
    CHECK_FALSE(crm.has("too-many"));
    CHECK_FALSE(crm.has("latin-1"));
}

TEST_CASE("only the first rejections are kept, but all are counted", "[crm]") {
    Crm crm;
    std::string file = "URL,First Name\n";
    for (int i = 0; i < 25; ++i) {
        file += ",Nobody " + std::to_string(i) + "\n";
    }
    file += "linkedin.com/in/somebody,Somebody\n";
    auto summary = crm.import("many.csv", file);
    CHECK(counts_of(summary) == "1/0/0/25");
    REQUIRE(summary.first_rejected.size() == crm::ImportSummary::k_rejections_kept);
    CHECK(crm::ImportSummary::k_rejections_kept == 20);
    CHECK(summary.first_rejected.front().line == 2);
    CHECK(summary.first_rejected.back().line == 21);
    CHECK(summary.first_rejected.back().reason == "row has no LinkedIn profile URL");
}

TEST_CASE("a fatal import error names the file and line and leaves the database as it was", "[crm]") {
    Crm crm;
    REQUIRE(counts_of(crm.import("first.csv", "URL,First Name\nlinkedin.com/in/jane-doe,Jane\n")) == "1/0/0/0");
    auto path = crm.folder / "bad.csv";
    auto error_for = [&](std::string_view contents) {
        crm.folder.write("bad.csv", contents);
        return crm::import_prospects(crm.database, path, {{"fatal"}, ""}, crm.clock);
    };

    SECTION("UTF-16, little or big endian") {
        CHECK_THROWS_MATCHES(
            error_for(std::string("\xFF\xFEU\0R\0L\0\n\0", 10)), core::UserError,
            Message(path.string() + ": error: the file is UTF-16 text; save it as CSV UTF-8 and import it again"));
        CHECK_THROWS_MATCHES(
            error_for(std::string("\xFE\xFF\0U\0R\0L\0\n", 10)), core::UserError,
            Message(path.string() + ": error: the file is UTF-16 text; save it as CSV UTF-8 and import it again"));
    }
    SECTION("an empty file") {
        CHECK_THROWS_MATCHES(error_for(""), core::UserError,
                             Message(path.string() + ": error: no header row: the file is empty"));
        CHECK_THROWS_MATCHES(error_for("\n \r\n,,\n"), core::UserError,
                             Message(path.string() + ": error: no header row: the file is empty"));
    }
    SECTION("no profile URL column") {
        CHECK_THROWS_MATCHES(error_for("\n\nFirst Name,Company\nJane,Acme\n"), core::UserError,
                             Message(path.string() +
                                     ":3: error: the header has no LinkedIn profile URL column (name one "
                                     "'linkedin_url', 'profile_url' or 'URL')"));
    }
    SECTION("a quoted field that never ends, after rows that were fine") {
        CHECK_THROWS_MATCHES(error_for("URL,First Name\n"
                                       "linkedin.com/in/jane-doe,Janet\n"
                                       "linkedin.com/in/new-one,New\n"
                                       "\"linkedin.com/in/open,Never\n"
                                       "linkedin.com/in/after,After\n"),
                             core::UserError,
                             Message(path.string() + ":4: error: a quoted field starts here and never ends"));
    }
    SECTION("a file that is not there") {
        std::filesystem::remove(path);
        CHECK_THROWS_MATCHES(crm::import_prospects(crm.database, path, {}, crm.clock), core::UserError,
                             Message(path.string() + ": error: cannot read the file: No such file or directory"));
    }

    CHECK(crm.prospects.count() == 1);
    auto jane = crm.find("jane-doe");
    CHECK(jane.first_name == "Jane");
    CHECK(jane.tags.empty());
    CHECK_FALSE(crm.has("new-one"));
}

TEST_CASE("a person forgotten under the form an earlier version gave their URL is not imported again", "[crm]") {
    Crm crm;
    store::SuppressionStore suppressions(crm.database);
    // Before schema 8, the hash was of the lower-cased member id.
    suppressions.add({0,
                      core::SuppressionKind::forgotten,
                      crm::identity_hash("https://linkedin.com/in/acoaaabcdef0123"),
                      "erased on request",
                      {}});
    auto summary = crm.import("ids.csv", "URL\nhttps://www.linkedin.com/in/ACoAAAbCdEf0123\n");
    CHECK(rejections_of(summary) == Rejections{{2, "row is a person who asked to be forgotten; not imported"}});
    CHECK(crm.prospects.count() == 0);
}

TEST_CASE("a person who was forgotten is not imported again", "[crm]") {
    Crm crm;
    const std::string file = "URL,First Name\nlinkedin.com/in/jane-doe,Jane\nlinkedin.com/in/ola,Ola\n";
    crm.import("first.csv", file);
    crm::forget_prospect(crm.database, crm.find("jane-doe"), crm.clock);

    auto again = crm.import("again.csv", file + "https://uk.linkedin.com/in/Jane-Doe/,Jane\n");
    CHECK(counts_of(again) == "0/0/1/2");
    CHECK(rejections_of(again) == Rejections{{2, "row is a person who asked to be forgotten; not imported"},
                                             {4, "row is a person who asked to be forgotten; not imported"}});
    CHECK(crm.prospects.count() == 1);
    CHECK_FALSE(crm.has("jane-doe"));
}

TEST_CASE("the import reports its progress every 10,000 rows", "[crm]") {
    Crm crm;
    std::string file = "URL,First Name\n";
    std::vector<std::size_t> offsets; // where each row ends
    for (int i = 1; i <= 25000; ++i) {
        file += "linkedin.com/in/person-" + std::to_string(i) + ",Person\n";
        if (i == 5000) {
            file += "\n"; // blank lines are not rows
        }
        offsets.push_back(file.size());
    }
    auto path = crm.folder.write("big.csv", file);

    std::vector<crm::ImportProgress> reports;
    auto summary =
        crm::import_prospects(crm.database, path, {}, crm.clock,
                              [&reports](const crm::ImportProgress& progress) { reports.push_back(progress); });
    CHECK(counts_of(summary) == "25000/0/0/0");
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].rows == 10000);
    CHECK(reports[1].rows == 20000);
    CHECK(reports[0].total_bytes == file.size());
    CHECK(reports[1].total_bytes == file.size());
    CHECK(reports[0].bytes_read == offsets[9999]);
    CHECK(reports[1].bytes_read == offsets[19999]);
}

TEST_CASE("an input that can be read only once imports as a file does: standard input, a FIFO", "[crm]") {
    Crm crm;
    const std::string people = "URL,First Name\nlinkedin.com/in/jane-doe,Jane\n,Nobody\nlinkedin.com/in/ola,Ola\n";
    crm::ImportSummary summary;
    SECTION("a stream, read once") {
        std::istringstream input(people);
        crm::ImportFile file(input, "stdin");
        CHECK(file.name() == "stdin");
        summary = crm::import_prospects(crm.database, file, {}, crm.clock);
        CHECK(crm.find("jane-doe").source == "stdin");
    }
    SECTION("a FIFO, as bash's <(...) gives") {
        auto path = crm.folder / "people.fifo";
        REQUIRE(mkfifo(path.c_str(), 0600) == 0);
        std::thread writer([&path, &people] { std::ofstream(path) << people; });
        crm::ImportFile file(path);
        writer.join();
        CHECK(file.name() == path.string());
        summary = crm::import_prospects(crm.database, file, {}, crm.clock);
        CHECK(crm.find("jane-doe").source == "people.fifo");
    }
    CHECK(counts_of(summary) == "2/0/0/1");
    CHECK(rejections_of(summary) == Rejections{{3, "row has no LinkedIn profile URL"}});
    CHECK(crm.find("ola").first_name == "Ola");
}

TEST_CASE("blank --tag options are ignored", "[crm]") {
    Crm crm;
    crm::ImportOptions options;
    options.tags = {"  ", "Q4 ", ""};
    crm.import("people.csv", "url\nhttps://linkedin.com/in/jane-doe\n", options);
    CHECK(crm.find("jane-doe").tags == std::set<std::string>{"q4"});
}

TEST_CASE("a source column says where each row came from, and other rows get the import's source", "[crm]") {
    Crm crm;
    crm.import("export.csv", "id,url,source\n"
                             "7,https://linkedin.com/in/from-event,spring-event.csv\n"
                             "8,https://linkedin.com/in/no-source,\n");
    CHECK(crm.find("from-event").source == "spring-event.csv");
    CHECK(crm.find("no-source").source == "export.csv");
    CHECK(crm.find("from-event").fields.empty()); // the id of another CRM is not a custom field
}

TEST_CASE("each row uses the first of its URL columns that is a profile", "[crm]") {
    Crm crm;
    auto summary = crm.import("phantom.csv", "profileUrl,linkedInProfileUrl,firstName\n"
                                             "https://www.linkedin.com/sales/lead/ACwAAA123,"
                                             "https://www.linkedin.com/in/jane-doe,Jane\n"
                                             "https://www.linkedin.com/sales/lead/ACwAAA456,,Nobody\n");
    CHECK(crm.find("jane-doe").first_name == "Jane");
    REQUIRE(summary.rejected == 1);
    CHECK(summary.first_rejected[0].reason ==
          "row 'https://www.linkedin.com/sales/lead/ACwAAA456' is not a LinkedIn profile URL: a Sales Navigator or "
          "Recruiter link; use the public profile URL (linkedin.com/in/...)");
}

TEST_CASE("spreadsheet habits import: trailing empty cells, Excel's sep= line, a Notes: column", "[crm]") {
    Crm crm;
    auto trailing = crm.import("trailing.csv", "url,first\nhttps://linkedin.com/in/a-person,A,,\n");
    CHECK(trailing.inserted == 1);
    auto excel = crm.import("excel.csv", "sep=;\r\nurl;first\r\nhttps://linkedin.com/in/b-person;B\r\n");
    CHECK(excel.inserted == 1);
    CHECK(crm.find("b-person").first_name == "B");
    auto notes = crm.import("notes.csv", "Notes:,url\nfollow up,https://linkedin.com/in/c-person\n");
    CHECK(notes.dialect == "csv");
    CHECK(crm.find("c-person").fields.at("notes") == "follow up");
}

TEST_CASE("a header that is not UTF-8 is refused before anything is written", "[crm]") {
    Crm crm;
    CHECK_THROWS_MATCHES(crm.import("latin1.csv", "Pr\xE9nom,url\nJos\xE9,https://linkedin.com/in/jose\n"),
                         core::UserError,
                         Message((crm.folder / "latin1.csv").string() +
                                 ":1: error: the header is not UTF-8 text; save the file as CSV UTF-8"));
    CHECK(crm.prospects.count() == 0);
}

TEST_CASE("a file of many rows imports in its own order, across the batches it is read and written in", "[crm]") {
    Crm crm;
    REQUIRE(counts_of(crm.import("first.csv", "URL,First Name,Tags\nlinkedin.com/in/known,Known,old\n")) == "1/0/0/0");
    auto rows = [](int from, int to) {
        std::string text;
        for (int i = from; i <= to; ++i) {
            text += "linkedin.com/in/p" + std::to_string(i) + ",P" + std::to_string(i) + ",a;b\n";
        }
        return text;
    };

    SECTION("duplicates far apart, a known prospect, bad rows: each counted at its line") {
        auto contents = "URL,First Name,Tags\n" + rows(1, 1500) + "linkedin.com/in/p2,Later,c\n" + // line 1502
                        "not a url,X,\n" +                                                         // line 1503
                        "linkedin.com/in/known,Known,new\n" + rows(1501, 3000) +                   // line 1504
                        "linkedin.com/in/p2999,P2999,a\n";                                         // line 3005
        auto summary = crm.import("many.csv", contents);
        CHECK(counts_of(summary) == "3000/1/0/1");
        CHECK(summary.duplicates == 2);
        CHECK(duplicates_of(summary) == Duplicates{{1502, 3}, {3005, 3003}});
        REQUIRE(summary.first_rejected.size() == 1);
        CHECK(summary.first_rejected.front().line == 1503);
        CHECK(crm.prospects.count() == 3001);
        CHECK(crm.find("p2").first_name == "Later");
        CHECK(crm.find("p2").tags == std::set<std::string>{"a", "b", "c"});
        CHECK(crm.find("p3000").tags == std::set<std::string>{"a", "b"});
        CHECK(crm.find("known").tags == std::set<std::string>{"new", "old"});
        // SQLite took the import's references on trust: they hold, and it checks them again afterwards.
        CHECK(store::query_integer(crm.database.connection(), "SELECT count(*) FROM pragma_foreign_key_check") == 0);
        CHECK(store::query_integer(crm.database.connection(), "PRAGMA foreign_keys") == 1);
    }
    SECTION("known rows, then new ones, then both by turns: each is found or inserted") {
        REQUIRE(counts_of(crm.import("half.csv", "URL,First Name,Tags\n" + rows(1, 500))) == "500/0/0/0");
        std::string mixed;
        for (int i = 1001; i <= 1100; ++i) { // a known row and a new one by turns
            mixed += "linkedin.com/in/p" + std::to_string(i - 1000) + ",Again,a;b\n" + rows(i, i);
        }
        auto summary = crm.import("more.csv", "URL,First Name,Tags\n" + rows(1, 500) + rows(501, 1000) + mixed);
        CHECK(counts_of(summary) == "600/100/400/0");
        CHECK(summary.duplicates == 100);
        CHECK(crm.prospects.count() == 1101);
        CHECK(crm.find("p1").first_name == "Again");
        CHECK(crm.find("p1000").tags == std::set<std::string>{"a", "b"});
        CHECK(crm.find("p1100").tags == std::set<std::string>{"a", "b"});
    }
    SECTION("a quoted field that never ends, thousands of rows in, leaves nothing of the file") {
        auto path = crm.folder / "broken.csv";
        crm.folder.write("broken.csv", "URL,First Name,Tags\n" + rows(1, 2500) + "\"linkedin.com/in/open,Never\n");
        CHECK_THROWS_MATCHES(crm::import_prospects(crm.database, path, {}, crm.clock), core::UserError,
                             Message(path.string() + ":2502: error: a quoted field starts here and never ends"));
        CHECK(crm.prospects.count() == 1);
        CHECK_FALSE(crm.has("p1"));
        CHECK(store::query_integer(crm.database.connection(), "SELECT count(*) FROM prospect_tags") == 1);
        CHECK(store::query_integer(crm.database.connection(), "PRAGMA foreign_keys") == 1);
        // The database takes the next import as before.
        CHECK(counts_of(crm.import("again.csv", "URL,First Name,Tags\n" + rows(1, 10))) == "10/0/0/0");
    }
}
