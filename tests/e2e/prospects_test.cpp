#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <regex>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

void import_sample(const Workspace& workspace) {
    workspace.copy_from_source("examples/prospects.csv");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
}

} // namespace

TEST_CASE("prospects list filters by tag in table, JSON and CSV", "[e2e][prospects][sqlite]") {
    Workspace workspace;
    import_sample(workspace);

    auto table = workspace.run({"prospects", "list", "--tag", "founders", "--tag", "Customer"});
    CHECK(table.exit_code == 0);
    CHECK(table.out.rfind("ID ", 0) == 0);
    CHECK(table.out.find(" NAME ") != std::string::npos);
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
    int both = db.execAndGet("SELECT count(*) FROM (SELECT prospect_id FROM prospect_tags WHERE tag IN "
                             "('founders', 'customer') GROUP BY prospect_id HAVING count(*) = 2)")
                   .getInt();
    REQUIRE(both > 0);
    CHECK(table.out.find("\n" + std::to_string(both) + " prospects\n") != std::string::npos);

    auto json = workspace.run({"prospects", "list", "--limit", "2", "--format", "json"});
    CHECK(json.exit_code == 0);
    CHECK(json.out.rfind("[\n  {", 0) == 0);
    CHECK(json.out.find("\"profile_url\"") != std::string::npos);

    auto empty = workspace.run({"prospects", "list", "--tag", "nobody-has-this", "--format", "json"});
    CHECK(empty.out == "[]\n");
}

TEST_CASE("a CSV listing imports back into an empty CRM unchanged", "[e2e][prospects]") {
    Workspace workspace;
    import_sample(workspace);
    auto csv = workspace.run({"prospects", "list", "--format", "csv"});
    REQUIRE(csv.exit_code == 0);
    workspace.write("export.csv", csv.out);
    auto again = workspace.run({"--db", "copy.db", "prospects", "import", "export.csv"});
    CHECK(again.out == "export.csv (csv): inserted 300, updated 0, unchanged 0, rejected 0\n");
    auto original = workspace.run({"prospects", "list", "--format", "json"});
    auto copy = workspace.run({"--db", "copy.db", "prospects", "list", "--format", "json"});
    // Same people, fields, tags and sources; only the times of the imports differ.
    auto without_times = [](const std::string& text) {
        static const std::regex k_times("\"(created|updated)_at\":\"[0-9TZ:-]+\"");
        return std::regex_replace(text, k_times, "");
    };
    REQUIRE(original.out.find("\"fields\":{\"city\":") != std::string::npos);
    CHECK(without_times(copy.out) == without_times(original.out));
    CHECK(without_times(copy.out) != copy.out);
}

TEST_CASE("prospects show gives one prospect as CSV that imports back", "[e2e][prospects]") {
    Workspace workspace;
    workspace.write("people.csv", "url,first_name,Team Size,tags\nhttps://linkedin.com/in/jane-doe,Jane,11-50,vip\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto csv = workspace.run({"prospects", "show", "1", "--format", "csv"});
    CHECK(csv.exit_code == 0);
    CHECK(csv.out == "id,profile_url,first_name,last_name,email,company,title,location,industry,tags,source,team_size\n"
                     "1,https://linkedin.com/in/jane-doe,Jane,,,,,,,vip,people.csv,11-50\n");
}

TEST_CASE("prospects show refuses what it cannot find", "[e2e][prospects]") {
    Workspace workspace;
    import_sample(workspace);
    auto by_id = workspace.run({"prospects", "show", "9999"});
    CHECK(by_id.exit_code == 1);
    CHECK(by_id.err == "error: no prospect with id 9999\n");
    auto by_url = workspace.run({"prospects", "show", "https://www.linkedin.com/in/nobody-here/"});
    CHECK(by_url.err == "error: no prospect with profile https://linkedin.com/in/nobody-here\n");
    auto junk = workspace.run({"prospects", "show", "jane"});
    CHECK(junk.err == "error: 'jane' is neither a prospect id nor a LinkedIn profile URL: not a LinkedIn address\n");
}

TEST_CASE("forget erases a prospect and keeps them from coming back", "[e2e][prospects][suppression][sqlite]") {
    Workspace workspace;
    workspace.write("people.csv", "linkedin_url,first_name,email\n"
                                  "https://linkedin.com/in/erase-me,Eve,eve@example.com\n"
                                  "https://linkedin.com/in/keep-me,Kim,kim@example.com\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto forget = workspace.run({"prospects", "forget", "https://www.linkedin.com/in/Erase-Me/"});
    CHECK(forget.exit_code == 0);
    CHECK(forget.out.rfind("forgot prospect 1: personal data erased", 0) == 0);

    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM prospects WHERE first_name = 'Eve' OR email LIKE 'eve%' OR "
                        "profile_url LIKE '%erase-me%'")
              .getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM suppressions WHERE kind = 'forgotten'").getInt() == 1);

    auto again = workspace.run({"prospects", "import", "people.csv"});
    CHECK(again.exit_code == 1);
    CHECK(again.out == "people.csv (csv): inserted 0, updated 0, unchanged 1, rejected 1\n");
    CHECK(again.err == "people.csv:2: error: row is a person who asked to be forgotten; not imported\n");
    CHECK(workspace.run({"prospects", "show", "1"}).exit_code == 1);
}

TEST_CASE("suppress add, list and remove by profile and email domain", "[e2e][suppression]") {
    Workspace workspace;
    auto added = workspace.run(
        {"suppress", "add", "https://uk.linkedin.com/in/No-Thanks?x=1", "@Example.ORG", "--reason", "asked by email"});
    CHECK(added.exit_code == 0);
    CHECK(added.out == "suppressed profile https://linkedin.com/in/no-thanks\n"
                       "suppressed email_domain example.org\n");
    auto twice = workspace.run({"suppress", "add", "example.org"});
    CHECK(twice.out == "already suppressed email_domain example.org\n");

    auto csv = workspace.run({"suppress", "list", "--format", "csv"});
    CHECK(csv.out.rfind("kind,value,reason,created_at\n"
                        "profile,https://linkedin.com/in/no-thanks,asked by email,",
                        0) == 0);

    auto bad = workspace.run({"suppress", "add", "example.com", "not a domain"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err == "error: 'not a domain' is neither a LinkedIn profile URL nor an email domain such as "
                     "example.com\n");
    auto listed = workspace.run({"suppress", "list", "--format", "json"});
    CHECK(listed.out.find("example.com") == std::string::npos); // nothing of a refused command lands

    CHECK(workspace.run({"suppress", "remove", "example.org"}).out == "removed email_domain example.org\n");
    auto gone = workspace.run({"suppress", "remove", "example.org"});
    CHECK(gone.exit_code == 1);
    CHECK(gone.err == "error: email_domain example.org is not on the suppression list\n");
}

TEST_CASE("a prospect whose email domain is suppressed shows as suppressed", "[e2e][suppression]") {
    Workspace workspace;
    workspace.write("people.csv", "linkedin_url,email\nhttps://linkedin.com/in/dana,dana@Competitor.example\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    REQUIRE(workspace.run({"suppress", "add", "competitor.example"}).exit_code == 0);
    auto show = workspace.run({"prospects", "show", "1"});
    CHECK(show.out.find("suppressed  yes (email_domain competitor.example)\n") != std::string::npos);
}

TEST_CASE("forget records an erasure request for someone not imported yet", "[e2e][prospects][suppression]") {
    Workspace workspace;
    auto forget = workspace.run({"prospects", "forget", "https://www.linkedin.com/in/not-here-yet"});
    CHECK(forget.exit_code == 0);
    CHECK(forget.out == "not in the CRM; a hash of the profile is now on the suppression list so that no later "
                        "import brings them in\n");
    workspace.write("people.csv", "url\nhttps://linkedin.com/in/not-here-yet\n");
    auto import = workspace.run({"prospects", "import", "people.csv"});
    CHECK(import.exit_code == 1);
    CHECK(import.out == "people.csv (csv): inserted 0, updated 0, unchanged 0, rejected 1\n");
}

TEST_CASE("a line break or a tab in a field shows escaped in a table, on the prospect's own row", "[e2e][prospects]") {
    Workspace workspace;
    workspace.write("people.csv", "url,first_name,last_name,title,company\n"
                                  "https://linkedin.com/in/jane-doe,Jane,Doe,\"Head of Sales\nEMEA\",Acme\tLtd\n"
                                  "https://linkedin.com/in/ola,Ola,Berg,CTO,Quillfern\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto table = workspace.run({"prospects", "list"});
    CHECK(table.exit_code == 0);
    CHECK(table.out == "ID  NAME      COMPANY    TITLE                TAGS  PROFILE\n"
                       "1   Jane Doe  Acme\\tLtd  Head of Sales\\nEMEA        https://linkedin.com/in/jane-doe\n"
                       "2   Ola Berg  Quillfern  CTO                        https://linkedin.com/in/ola\n"
                       "2 prospects\n");
    auto show = workspace.run({"prospects", "show", "1"});
    CHECK(show.out.find("title       Head of Sales\\nEMEA\n") != std::string::npos);
    // CSV and JSON keep the value as it is.
    auto csv = workspace.run({"prospects", "list", "--format", "csv"});
    CHECK(csv.out.find(",\"Head of Sales\nEMEA\",") != std::string::npos);
}
