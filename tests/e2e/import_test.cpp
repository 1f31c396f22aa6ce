#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

int count(const Workspace& workspace, const std::string& sql) {
    return static_cast<int>(workspace.count_in_crm(sql));
}

const std::string k_people =
    "First Name,Last Name,LinkedIn URL,Company,Title,Tags,Team Size\n"
    "Zoë,van den Berg,https://www.linkedin.com/in/zoe-vdb-1a2b/,Brightwater,CEO,founders,12\n"
    "Łukasz,Nowak,http://pl.linkedin.com/in/%C5%82ukasz-nowak?trk=x,Quillfern,CTO,\"saas;founders\",40\n"
    "Ana,Lima,,Nowhere,CMO,,3\n"
    "Sam,Company,https://www.linkedin.com/company/acme,Acme,,,\n";

} // namespace

TEST_CASE("import reports inserted rows and rejects bad ones with their line", "[e2e][import]") {
    Workspace workspace;
    workspace.write("people.csv", k_people);
    auto result = workspace.run({"prospects", "import", "people.csv", "--tag", "Q4"});
    CHECK(result.exit_code == 1);
    CHECK(result.out == "people.csv (csv): inserted 2, updated 0, unchanged 0, rejected 2\n");
    CHECK(result.err == "people.csv:4: error: row has no LinkedIn profile URL\n"
                        "people.csv:5: error: row 'https://www.linkedin.com/company/acme' is not a LinkedIn profile "
                        "URL: a company or school page, not a person's profile\n");
    CHECK(count(workspace, "SELECT count(*) FROM prospects") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM prospect_tags WHERE tag = 'q4'") == 2);

    auto show = workspace.run({"prospects", "show", "linkedin.com/in/ŁUKASZ-nowak"});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("profile     https://linkedin.com/in/łukasz-nowak\n") != std::string::npos);
    CHECK(show.out.find("team_size   40\n") != std::string::npos);
    CHECK(show.out.find("tags        founders, q4, saas\n") != std::string::npos);
}

TEST_CASE("a re-import updates and never duplicates", "[e2e][import][sqlite]") {
    Workspace workspace;
    workspace.write("people.csv", k_people);
    workspace.run({"prospects", "import", "people.csv"});
    workspace.write("again.csv", "url,company,title,tags\n"
                                 "https://linkedin.com/in/zoe-vdb-1a2b,Brightwater Labs,,vip\n"
                                 "linkedin.com/in/%C5%81ukasz-nowak/,,,\n");
    auto result = workspace.run({"prospects", "import", "again.csv"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "again.csv (csv): inserted 0, updated 1, unchanged 1, rejected 0\n");
    CHECK(count(workspace, "SELECT count(*) FROM prospects") == 2);
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
    SQLite::Statement zoe(db, "SELECT company, title, source FROM prospects WHERE profile_url = "
                              "'https://linkedin.com/in/zoe-vdb-1a2b'");
    REQUIRE(zoe.executeStep());
    CHECK(zoe.getColumn(0).getString() == "Brightwater Labs");
    CHECK(zoe.getColumn(1).getString() == "CEO"); // an empty value does not erase
    CHECK(zoe.getColumn(2).getString() == "people.csv");
}

TEST_CASE("LinkedIn's Connections.csv export imports as is", "[e2e][import][sqlite]") {
    Workspace workspace;
    workspace.copy_from_source("examples/connections-linkedin.csv");
    auto result = workspace.run({"prospects", "import", "examples/connections-linkedin.csv", "--format", "json"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("\"dialect\": \"linkedin-connections\"") != std::string::npos);
    CHECK(result.out.find("\"inserted\": 8") != std::string::npos);
    CHECK(result.out.find("\"first_rejected\": []") != std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM prospects WHERE json_extract(fields, '$.connected_on') != ''") == 8);
}

TEST_CASE("a fatal error leaves the database as it was", "[e2e][import][invariant]") {
    Workspace workspace;
    workspace.write("people.csv", k_people);
    workspace.run({"prospects", "import", "people.csv"});
    // Good rows first, then a quote that never closes: nothing of this file may land.
    workspace.write("broken.csv", "linkedin_url,first_name\n"
                                  "https://linkedin.com/in/new-one,New\n"
                                  "https://linkedin.com/in/new-two,\"Two\n");
    auto result = workspace.run({"prospects", "import", "broken.csv"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "broken.csv:3: error: a quoted field starts here and never ends\n");
    CHECK(result.out.empty());
    CHECK(count(workspace, "SELECT count(*) FROM prospects") == 2);

    workspace.write("nourl.csv", "name,company\nJane Doe,Acme\n");
    auto no_url = workspace.run({"prospects", "import", "nourl.csv"});
    CHECK(no_url.exit_code == 1);
    CHECK(no_url.err == "nourl.csv:1: error: the header has no LinkedIn profile URL column (name one "
                        "'linkedin_url', 'profile_url' or 'URL')\n");

    auto missing = workspace.run({"prospects", "import", "nothing.csv"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == "nothing.csv: error: cannot read the file: No such file or directory\n");
    CHECK(count(workspace, "SELECT count(*) FROM prospects") == 2);
}

TEST_CASE("the database is chosen by --db, then $CAMPAIGN_DB, then ./campaign.db", "[e2e][import][sqlite]") {
    Workspace workspace;
    workspace.write("people.csv", k_people);
    auto result = workspace.run({"--db", "crm/one.db", "prospects", "import", "people.csv"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "crm/one.db: error: cannot create the database: there is no folder crm\n");

    CHECK(workspace.run({"--db", "one.db", "prospects", "import", "people.csv"}).exit_code == 1);
    CHECK(std::filesystem::exists(workspace.path() / "one.db"));
    CHECK_FALSE(std::filesystem::exists(workspace.database()));

    auto listed = workspace.run({"prospects", "list"});
    CHECK(listed.exit_code == 1);
    CHECK(listed.err == "campaign.db: error: no database here yet; import prospects first ('campaign prospects "
                        "import FILE') or name one with --db\n");
    CHECK_FALSE(std::filesystem::exists(workspace.database()));
}

TEST_CASE("an import killed halfway leaves the database as it was", "[e2e][import][invariant][sqlite]") {
    Workspace workspace;
    workspace.write("people.csv", k_people);
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 1);
    std::string big = "linkedin_url,first_name,company,tags\n";
    for (int i = 0; i < 400000; ++i) {
        big += "https://www.linkedin.com/in/person-" + std::to_string(i) + ",Person,Company " +
               std::to_string(i % 977) + ",bulk\n";
    }
    workspace.write("big.csv", big);
    // Killed once a few megabytes of the import sit in the write-ahead log, uncommitted.
    auto killed = workspace.run_killed_when_grown("campaign.db-wal", 4 << 20, {"prospects", "import", "big.csv"});
    REQUIRE(killed.exit_code == 128 + 9); // still importing when killed: the test means nothing otherwise
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(count(workspace, "SELECT count(*) FROM prospects") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM prospect_tags WHERE tag = 'bulk'") == 0);

    auto finished = workspace.run({"prospects", "import", "big.csv"});
    CHECK(finished.exit_code == 0);
    CHECK(count(workspace, "SELECT count(*) FROM prospects") == 400002);
}

TEST_CASE("import reads a pipe, /dev/stdin and <(...) as it reads a file", "[e2e][import]") {
    Workspace workspace;
    workspace.write("people.csv", k_people);
    const std::string counts = " (csv): inserted 2, updated 0, unchanged 0, rejected 2\n";

    auto dash = workspace.run_shell("cat people.csv | campaign prospects import - --tag piped");
    CHECK(dash.exit_code == 1);
    CHECK(dash.out == "stdin" + counts);
    CHECK(dash.err == "stdin:4: error: row has no LinkedIn profile URL\n"
                      "stdin:5: error: row 'https://www.linkedin.com/company/acme' is not a LinkedIn profile URL: "
                      "a company or school page, not a person's profile\n");
    CHECK(count(workspace, "SELECT count(*) FROM prospects WHERE source = 'stdin'") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM prospect_tags WHERE tag = 'piped'") == 2);

    // The header once claimed to have no profile URL column: the first line was read, then the pipe "rewound".
    auto dev_stdin = workspace.run_shell("cat people.csv | campaign --db dev-stdin.db prospects import /dev/stdin");
    CHECK(dev_stdin.exit_code == 1);
    CHECK(dev_stdin.out == "/dev/stdin" + counts);
    CHECK(dev_stdin.err.starts_with("/dev/stdin:4: error: row has no LinkedIn profile URL\n"));

    auto redirected = workspace.run_shell("campaign --db redirected.db prospects import /dev/stdin < people.csv");
    CHECK(redirected.out == "/dev/stdin" + counts);

    auto substituted = workspace.run_shell("campaign --db fifo.db prospects import <(cat people.csv) --format json");
    CHECK(substituted.exit_code == 1);
    CHECK(substituted.out.find("\"file\": \"/dev/fd/") != std::string::npos);
    CHECK(substituted.out.find("\"inserted\": 2") != std::string::npos);
    SQLite::Database fifo((workspace.path() / "fifo.db").string(), SQLite::OPEN_READONLY);
    CHECK(fifo.execAndGet("SELECT group_concat(DISTINCT source) FROM prospects").getString() == "pipe");

    auto empty = workspace.run_shell("printf '' | campaign --db empty.db prospects import -");
    CHECK(empty.exit_code == 1);
    CHECK(empty.err == "stdin: error: no header row: the file is empty\n");
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "empty.db"));
}

TEST_CASE("the same person twice in one file is a warning, counted in the summary", "[e2e][import]") {
    Workspace workspace;
    workspace.write("dupes.csv", "URL,First Name,Title,tags\n"
                                 "https://www.linkedin.com/in/jane-doe,Jane,Head of Sales,scrape-1\n"
                                 "https://www.linkedin.com/in/ola,Ola,CTO,\n"
                                 "http://uk.linkedin.com/in/JANE-DOE/?trk=abc,,VP Sales,scrape-2\n"
                                 ",Nobody,,\n"
                                 "linkedin.com/in/ola/,,,\n");
    auto result = workspace.run({"prospects", "import", "dupes.csv"});
    CHECK(result.exit_code == 1); // for the rejected row; duplicates alone are only a warning
    CHECK(result.out == "dupes.csv (csv): inserted 2, updated 0, unchanged 0, rejected 1, 2 duplicates\n");
    CHECK(result.err == "dupes.csv:4: warning: same person as line 2\n"
                        "dupes.csv:5: error: row has no LinkedIn profile URL\n"
                        "dupes.csv:6: warning: same person as line 3\n");
    auto jane = workspace.run({"prospects", "show", "linkedin.com/in/jane-doe"});
    CHECK(jane.out.find("title       VP Sales\n") != std::string::npos);
    CHECK(jane.out.find("tags        scrape-1, scrape-2\n") != std::string::npos);

    auto json = workspace.run({"--db", "json.db", "prospects", "import", "dupes.csv", "--format", "json"});
    CHECK(json.out.find("\"duplicates\": 2") != std::string::npos);
    CHECK(json.out.find("\"first_duplicates\": [\n    {\n      \"line\": 4,\n      \"same_as\": 2\n    },") !=
          std::string::npos);

    workspace.write("once.csv", "URL\nlinkedin.com/in/jane-doe\nlinkedin.com/in/jane-doe\n");
    auto once = workspace.run({"prospects", "import", "once.csv"});
    CHECK(once.exit_code == 0);
    CHECK(once.out == "once.csv (csv): inserted 0, updated 0, unchanged 1, rejected 0, 1 duplicate\n");
    CHECK(once.err == "once.csv:3: warning: same person as line 2\n");
}

TEST_CASE("PhantomBuster's Sales Navigator export imports as is", "[e2e][import][sqlite]") {
    Workspace workspace;
    workspace.copy_from_source("tests/data/exports/phantombuster-sales-navigator.csv");
    auto result = workspace.run({"prospects", "import", "tests/data/exports/phantombuster-sales-navigator.csv"});
    CHECK(result.exit_code == 0);
    CHECK(result.out ==
          "tests/data/exports/phantombuster-sales-navigator.csv (csv): inserted 2, updated 0, unchanged 0, "
          "rejected 0, 1 duplicate\n");
    CHECK(result.err == "tests/data/exports/phantombuster-sales-navigator.csv:4: warning: same person as line 2\n");
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
    // The public profile is the identity, the Sales Navigator id the member id; the later scrape's title wins.
    SQLite::Statement hannah(db, "SELECT first_name, last_name, company, title, location, industry, member_id,"
                                 " json_extract(fields, '$.query'), json_extract(fields, '$.timestamp')"
                                 " FROM prospects WHERE profile_url ="
                                 " 'https://linkedin.com/in/example-hannah-whitfield-3c9e1a'");
    REQUIRE(hannah.executeStep());
    CHECK(hannah.getColumn(0).getString() == "Hannah");
    CHECK(hannah.getColumn(1).getString() == "Whitfield");
    CHECK(hannah.getColumn(2).getString() == "Dunmere Software");
    CHECK(hannah.getColumn(3).getString() == "VP Sales");
    CHECK(hannah.getColumn(4).getString() == "Leeds, England, United Kingdom");
    CHECK(hannah.getColumn(5).getString() == "Software Development");
    CHECK(hannah.getColumn(6).getString() == "ACwAAAExAmP1eHannahWh1tf1eLd0");
    CHECK(hannah.getColumn(7).getString() == "https://www.linkedin.com/sales/search/people?query=example-2");
    CHECK(hannah.getColumn(8).getString() == "2026-11-27T08:01:10.007Z");
    // No first and last name: the full name is split.
    SQLite::Statement mateo(db, "SELECT first_name, last_name FROM prospects WHERE profile_url ="
                                " 'https://linkedin.com/in/example-mateo-alvarez-ruiz-8f21b7'");
    REQUIRE(mateo.executeStep());
    CHECK(mateo.getColumn(0).getString() == "Mateo");
    CHECK(mateo.getColumn(1).getString() == "Álvarez Ruiz");
}

TEST_CASE("Apollo's and lemlist's exports import as they are", "[e2e][import][sqlite]") {
    Workspace workspace;
    workspace.copy_from_source("tests/data/exports");
    CHECK(workspace.run({"prospects", "import", "tests/data/exports/apollo-people.csv"}).out ==
          "tests/data/exports/apollo-people.csv (csv): inserted 2, updated 0, unchanged 0, rejected 0\n");
    CHECK(workspace.run({"prospects", "import", "tests/data/exports/lemlist-leads.csv"}).out ==
          "tests/data/exports/lemlist-leads.csv (csv): inserted 2, updated 0, unchanged 0, rejected 0\n");
    auto csv = workspace.run({"prospects", "list", "--format", "csv"});
    CHECK(csv.out.find("https://linkedin.com/in/example-ingridsolheim-5d0e42a7,Ingrid,Solheim,"
                       "ingrid.solheim@example.com,Nordvik Ledger,VP Sales,,financial services,") != std::string::npos);
    CHECK(csv.out.find("https://linkedin.com/in/example-chloé-fournier-91ab3f,Chloé,Fournier,"
                       "chloe.fournier@example.com,Brisecourt Media,\"Director, Growth Marketing\",,,") !=
          std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM prospects WHERE json_extract(fields, '$.city') = 'Oslo'") == 1);
    CHECK(count(workspace, "SELECT count(*) FROM prospects WHERE json_extract(fields, '$.icebreaker') <> ''") == 1);
}

TEST_CASE("a CRM made before schema 8 opens with one prospect per person, and imports duplicate nobody",
          "[e2e][import][invariant][sqlite]") {
    Workspace workspace;
    workspace.write("first.csv", "url,first_name\nhttps://linkedin.com/in/ola,Ola\n");
    REQUIRE(workspace.run({"prospects", "import", "first.csv"}).exit_code == 0);
    {
        // As schema 7 wrote it: a member id lower-cased, and José twice, under a composed and a decomposed é.
        SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
        db.exec("ALTER TABLE prospects DROP COLUMN merged_into; PRAGMA user_version = 7");
        db.exec("INSERT INTO prospects (profile_url, first_name, company, created_at, updated_at, member_id) VALUES"
                " ('https://linkedin.com/in/josé', 'José', '', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', NULL),"
                " ('https://linkedin.com/in/jose' || char(769), '', 'Acme', '2026-11-02T00:00:00Z',"
                "  '2026-11-02T00:00:00Z', NULL),"
                " ('https://linkedin.com/in/acoaaabcdef0123', 'Ida', '', '2026-11-01T00:00:00Z',"
                "  '2026-11-01T00:00:00Z', NULL)");
        db.exec("INSERT INTO prospect_tags VALUES (2, 'mac'), (3, 'pc')");
    }
    auto listed = workspace.run({"prospects", "list", "--format", "csv"});
    CHECK(listed.exit_code == 0);
    CHECK(listed.out == "id,profile_url,first_name,last_name,email,company,title,location,industry,tags,source\n"
                        "1,https://linkedin.com/in/ola,Ola,,,,,,,,first.csv\n"
                        "2,https://linkedin.com/in/josé,José,,,Acme,,,,mac;pc,\n"
                        "4,https://linkedin.com/in/acoaaabcdef0123,Ida,,,,,,,,\n");
    CHECK(count(workspace, "PRAGMA user_version") == 14);

    workspace.write("again.csv", "url,title\n"
                                 "https://www.linkedin.com/in/jose%CC%81,CTO\n"
                                 "https://www.linkedin.com/in/ACoAAAbCdEf0123,CFO\n");
    auto again = workspace.run({"prospects", "import", "again.csv"});
    CHECK(again.out == "again.csv (csv): inserted 0, updated 2, unchanged 0, rejected 0\n");
    CHECK(count(workspace, "SELECT count(*) FROM prospects") == 3);
    // The member id takes its case from the file.
    CHECK(count(workspace, "SELECT count(*) FROM prospects WHERE profile_url = "
                           "'https://linkedin.com/in/ACoAAAbCdEf0123' AND title = 'CFO'") == 1);
}
