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

TEST_CASE("a database from a newer version is refused, untouched", "[e2e][cli][store]") {
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
                        "this one knows versions up to 1: upgrade campaign to open it\n");
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

TEST_CASE("the schema is in WAL mode with foreign keys enforced", "[e2e][cli][store]") {
    Workspace workspace;
    workspace.write("people.csv", "url\nhttps://linkedin.com/in/someone\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    for (const char* table : {"prospects", "prospect_tags", "senders", "campaigns", "campaign_versions", "enrollments",
                              "actions", "events", "suppressions", "ssi_snapshots", "activities"}) {
        INFO(table);
        CHECK(db.tableExists(table));
    }
}
