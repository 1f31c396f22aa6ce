#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

TEST_CASE("usage errors exit with 2", "[e2e][cli]") {
    Workspace workspace;
    CHECK(workspace.run({}).exit_code == 2);
    CHECK(workspace.run({"frobnicate"}).exit_code == 2);
    CHECK(workspace.run({"prospects", "list", "--format", "xml"}).exit_code == 2);
    CHECK(workspace.run({"validate"}).exit_code == 2);
    auto help = workspace.run({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("prospects") != std::string::npos);
}

TEST_CASE("a database from a newer version is refused, untouched", "[e2e][cli][store][sqlite]") {
    Workspace workspace;
    workspace.write("people.csv", "url\nhttps://linkedin.com/in/someone\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    {
        SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    auto result = workspace.run({"prospects", "list"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "campaign.db: error: the database has schema version 99, written by a newer campaign; "
                        "this one knows versions up to 14: upgrade campaign to open it\n");
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 99);
}

TEST_CASE("a file that is not a campaign database is refused, untouched", "[e2e][cli][store]") {
    Workspace workspace;
    workspace.write("notes.txt", "just some text\n");
    auto text = workspace.run({"--db", "notes.txt", "prospects", "list"});
    CHECK(text.exit_code == 1);
    CHECK(text.err == "notes.txt: error: not a database (is --db pointing at the right file?)\n");
    CHECK(workspace.read("notes.txt") == "just some text\n");

    {
        SQLite::Database other((workspace.path() / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
    }
    auto other = workspace.run({"--db", "other.db", "prospects", "list"});
    CHECK(other.exit_code == 1);
    CHECK(other.err == "other.db: error: this SQLite database was not made by campaign\n");
}

TEST_CASE("the schema is in WAL mode with foreign keys enforced", "[e2e][cli][store][sqlite]") {
    Workspace workspace;
    workspace.write("people.csv", "url\nhttps://linkedin.com/in/someone\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 14);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    for (const char* table :
         {"prospects", "prospect_tags", "senders", "campaigns", "campaign_versions", "enrollments", "actions", "events",
          "suppressions", "ssi_snapshots", "activities", "action_tallies", "enrollment_tallies"}) {
        INFO(table);
        CHECK(db.tableExists(table));
    }
}

TEST_CASE("two commands opening a new database at once both succeed", "[e2e][cli][store][sqlite]") {
    for (int attempt = 0; attempt < 5; ++attempt) {
        Workspace workspace;
        std::string campaign = CAMPAIGN_BINARY;
        std::string script = "cd '" + workspace.path().string() +
                             "'; unset CAMPAIGN_DB; "
                             "('" +
                             campaign +
                             "' suppress add one.example >/dev/null 2>one.err; echo $? >one.rc) & "
                             "('" +
                             campaign +
                             "' suppress add two.example >/dev/null 2>two.err; echo $? >two.rc) & "
                             "wait";
        REQUIRE(std::system(("bash -c \"" + script + "\"").c_str()) == 0);
        INFO(workspace.read("one.err") + workspace.read("two.err"));
        CHECK(workspace.read("one.rc") == "0\n");
        CHECK(workspace.read("two.rc") == "0\n");
        auto listed = workspace.run({"suppress", "list", "--format", "csv"});
        CHECK(listed.out.find("email_domain,one.example") != std::string::npos);
        CHECK(listed.out.find("email_domain,two.example") != std::string::npos);
    }
}

TEST_CASE("a database locked by another writer fails with exit 3 and says so", "[e2e][cli][store][sqlite]") {
    Workspace workspace;
    REQUIRE(workspace.run({"suppress", "add", "one.example"}).exit_code == 0);
    SQLite::Database holder(workspace.database().string(), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    auto result = workspace.run({"suppress", "add", "two.example"});
    holder.exec("ROLLBACK");
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("campaign.db: error: cannot start a transaction: database is locked") == 0);
}

TEST_CASE("$CAMPAIGN_DB names the database when --db does not", "[e2e][cli]") {
    Workspace workspace;
    std::string command = "cd '" + workspace.path().string() + "' && CAMPAIGN_DB=from-env.db '" +
                          std::string(CAMPAIGN_BINARY) +
                          "' suppress add one.example >/dev/null && CAMPAIGN_DB=" + "from-env.db '" +
                          std::string(CAMPAIGN_BINARY) + "' --db flag.db suppress add two.example " + ">/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(std::filesystem::exists(workspace.path() / "from-env.db"));
    CHECK(std::filesystem::exists(workspace.path() / "flag.db"));
    CHECK_FALSE(std::filesystem::exists(workspace.database()));
}

TEST_CASE("quiet (-q) prints only errors", "[e2e][cli]") {
    Workspace workspace;
    workspace.write("people.csv", "url\nhttps://linkedin.com/in/someone\nnot a url\n");
    auto quiet = workspace.run({"-q", "prospects", "import", "people.csv"});
    CHECK(quiet.exit_code == 1);
    CHECK(quiet.out.empty());
    CHECK(quiet.err == "people.csv:3: error: row 'not a url' is not a LinkedIn profile URL: not a LinkedIn address\n");
}

TEST_CASE("an import that cannot read its file leaves no database behind", "[e2e][cli][import]") {
    Workspace workspace;
    std::filesystem::create_directory(workspace.path() / "folder.csv");
    auto folder = workspace.run({"prospects", "import", "folder.csv"});
    CHECK(folder.exit_code == 1);
    CHECK(folder.err == "folder.csv: error: cannot read the file: it is a folder\n");
    auto missing = workspace.run({"prospects", "import", "missing.csv"});
    CHECK(missing.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(workspace.database()));
}

TEST_CASE("init prints commands that work when pasted, and reasons when it cannot write", "[e2e][cli][init]") {
    Workspace workspace;
    auto spaced = workspace.run({"init", "my project"});
    CHECK(spaced.exit_code == 0);
    CHECK(spaced.out.find("  cd 'my project' && campaign prospects import prospects.csv\n") != std::string::npos);
    workspace.write("afile", "");
    auto blocked = workspace.run({"init", "afile"});
    CHECK(blocked.exit_code == 1);
    CHECK(blocked.err.rfind("afile/campaigns: error: cannot create the folder: ", 0) == 0);
}
