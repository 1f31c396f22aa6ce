#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/prospect_store.hpp"
#include "store/schema.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using Catch::Matchers::Message;

namespace {

constexpr int k_application_id = 0x43414d50; // 'CAMP'

core::Prospect prospect_named(std::string slug) {
    core::Prospect prospect;
    prospect.profile_url = "https://linkedin.com/in/" + slug;
    prospect.first_name = slug;
    return prospect;
}

// A database made by the migrations up to `version` alone, as a campaign of that schema left it.
void make_database_at(const std::filesystem::path& path, int version) {
    SQLite::Database sqlite(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sqlite.exec("PRAGMA journal_mode = WAL");
    for (int applied = 1; applied <= version; ++applied) {
        const auto& migration = store::migrations()[static_cast<std::size_t>(applied - 1)];
        sqlite.exec(std::string(migration.sql));
        if (migration.then) {
            migration.then(sqlite);
        }
    }
    sqlite.exec("PRAGMA user_version = " + std::to_string(version));
    sqlite.exec("PRAGMA application_id = " + std::to_string(k_application_id));
}

std::string contents_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("a new database is at the latest schema, in WAL mode, with foreign keys on", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    store::Database database(path, store::OpenMode::create);
    auto& sqlite = database.sqlite();

    REQUIRE(store::latest_schema_version() >= 1);
    CHECK(database.path() == path);
    CHECK(database.schema_version() == store::latest_schema_version());
    CHECK(sqlite.execAndGet("PRAGMA user_version").getInt() == store::latest_schema_version());
    CHECK(sqlite.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(sqlite.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(sqlite.execAndGet("PRAGMA application_id").getInt() == k_application_id);
    CHECK(sqlite.tableExists("prospects"));
    CHECK(sqlite.tableExists("prospect_tags"));
    CHECK(sqlite.tableExists("suppressions"));

    SECTION("foreign keys are enforced, not just declared") {
        CHECK_THROWS_AS(sqlite.exec("INSERT INTO prospect_tags (prospect_id, tag) VALUES (42, 'ghost')"),
                        SQLite::Exception);
        CHECK(sqlite.execAndGet("SELECT count(*) FROM prospect_tags").getInt() == 0);
    }
    SECTION("WAL mode is written into the file, so other connections see it too") {
        SQLite::Database other(path.string(), SQLite::OPEN_READONLY);
        CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
}

TEST_CASE("reopening a database keeps its schema and its data", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        store::Database database(path, store::OpenMode::create);
        store::ProspectStore(database).insert(prospect_named("jane-doe"));
    }
    for (auto mode : {store::OpenMode::create, store::OpenMode::must_exist, store::OpenMode::create}) {
        store::Database database(path, mode);
        CHECK(database.schema_version() == store::latest_schema_version());
        store::ProspectStore prospects(database);
        CHECK(prospects.count() == 1);
        CHECK(prospects.find_by_url("https://linkedin.com/in/jane-doe"));
    }
}

TEST_CASE("an empty file becomes a new database", "[store]") {
    test::TempFolder folder;
    auto path = folder.write("campaign.db", "");
    store::Database database(path, store::OpenMode::must_exist);
    CHECK(database.schema_version() == store::latest_schema_version());
    CHECK(store::ProspectStore(database).count() == 0);
}

TEST_CASE("a database written by a newer campaign is refused", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    int newer = store::latest_schema_version() + 1;
    {
        store::Database database(path, store::OpenMode::create);
        database.sqlite().exec("PRAGMA user_version = " + std::to_string(newer));
    }
    CHECK_THROWS_MATCHES(store::Database(path, store::OpenMode::create), core::UserError,
                         Message(path.string() + ": error: the database has schema version " + std::to_string(newer) +
                                 ", written by a newer campaign; this one knows " + "versions up to " +
                                 std::to_string(store::latest_schema_version()) + ": upgrade campaign to open it"));
    SQLite::Database sqlite(path.string(), SQLite::OPEN_READONLY);
    CHECK(sqlite.execAndGet("PRAGMA user_version").getInt() == newer);
}

TEST_CASE("a file that is not an SQLite database is refused and left alone", "[store]") {
    test::TempFolder folder;
    std::string contents = GENERATE(std::string("First Name,URL\nJane,linkedin.com/in/jane\n"), std::string("x"),
                                    std::string("SQLite format 2\0 and more", 25));
    auto path = folder.write("prospects.csv", contents);
    CHECK_THROWS_MATCHES(store::Database(path, store::OpenMode::create), core::UserError,
                         Message(path.string() + ": error: not a database (is --db pointing at the right file?)"));
    CHECK(contents_of(path) == contents);
}

TEST_CASE("an SQLite database made by another program is refused and left alone", "[store]") {
    test::TempFolder folder;
    auto path = folder / "other.db";
    {
        SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SECTION("it has tables and no application id") {
            other.exec("CREATE TABLE notes (text TEXT)");
        }
        SECTION("it has another program's application id") {
            other.exec("PRAGMA application_id = 1234");
            other.exec("PRAGMA user_version = 1");
        }
    }
    CHECK_THROWS_MATCHES(store::Database(path, store::OpenMode::create), core::UserError,
                         Message(path.string() + ": error: this SQLite database was not made by campaign"));

    SQLite::Database other(path.string(), SQLite::OPEN_READONLY);
    CHECK_FALSE(other.tableExists("prospects"));
    CHECK(other.execAndGet("PRAGMA application_id").getInt() != k_application_id);
    // Switching another program's file to WAL would change how that program must open it.
    CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("OpenMode::must_exist refuses a missing database and creates nothing", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    CHECK_THROWS_MATCHES(store::Database(path, store::OpenMode::must_exist), core::UserError,
                         Message(path.string() + ": error: no database here yet; import prospects first "
                                                 "('campaign prospects import FILE') or name one with --db"));
    CHECK(std::filesystem::is_empty(folder.path()));
}

TEST_CASE("a transaction that is not committed is rolled back", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    prospects.insert(prospect_named("before"));

    SECTION("committed, it stays") {
        {
            store::Transaction transaction(database);
            prospects.insert(prospect_named("inside"));
            transaction.commit();
        }
        CHECK(prospects.count() == 2);
        CHECK(prospects.find_by_url("https://linkedin.com/in/inside"));
    }
    SECTION("left without commit, it is gone") {
        {
            store::Transaction transaction(database);
            prospects.insert(prospect_named("inside"));
            CHECK(prospects.count() == 2);
        }
        CHECK(prospects.count() == 1);
        CHECK_FALSE(prospects.find_by_url("https://linkedin.com/in/inside"));
    }
    SECTION("left by an exception, it is gone") {
        try {
            store::Transaction transaction(database);
            prospects.insert(prospect_named("inside"));
            throw std::runtime_error("the import failed");
        } catch (const std::runtime_error&) {
        }
        CHECK(prospects.count() == 1);
        CHECK_FALSE(prospects.find_by_url("https://linkedin.com/in/inside"));
    }
    CHECK(prospects.find_by_url("https://linkedin.com/in/before"));
}

TEST_CASE("a database of schema 1 is migrated to the latest, keeping its prospects", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        SQLite::Database sqlite(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        sqlite.exec("PRAGMA journal_mode = WAL");
        sqlite.exec(std::string(store::migrations()[0].sql));
        sqlite.exec("PRAGMA user_version = 1");
        sqlite.exec("PRAGMA application_id = " + std::to_string(k_application_id));
        sqlite.exec("INSERT INTO prospects (profile_url, created_at, updated_at)"
                    " VALUES ('https://linkedin.com/in/ada', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
    }
    store::Database database(path, store::OpenMode::must_exist);
    CHECK(database.schema_version() == store::latest_schema_version());
    CHECK(store::ProspectStore(database).find_by_url("https://linkedin.com/in/ada").has_value());
    CHECK(database.sqlite().execAndGet("SELECT count(*) FROM runs").getInt() == 0);
    CHECK(database.sqlite()
              .execAndGet("SELECT count(*) FROM pragma_table_info('enrollments')"
                          " WHERE name IN ('due_action', 'waiting_since')")
              .getInt() == 2);
}

TEST_CASE("schema 9 writes the state checks as comparisons, and keeps tags by prospect", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        // Schema 8 as it was: the lists SQLite builds a temporary index of on every write.
        SQLite::Database sqlite(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        sqlite.exec("PRAGMA journal_mode = WAL");
        for (int version = 1; version <= 8; ++version) {
            sqlite.exec(std::string(store::migrations()[static_cast<std::size_t>(version - 1)].sql));
        }
        sqlite.exec("PRAGMA user_version = 8");
        sqlite.exec("PRAGMA application_id = " + std::to_string(k_application_id));
        sqlite.exec("INSERT INTO senders (name) VALUES ('alice'); INSERT INTO campaigns (name, created_at)"
                    " VALUES ('q4', '2026-11-01T00:00:00Z'); INSERT INTO campaign_versions (campaign_id, version,"
                    " digest, definition, created_at) VALUES (1, 1, 'd', 'campaign: q4', '2026-11-01T00:00:00Z');"
                    " INSERT INTO prospects (profile_url, created_at, updated_at)"
                    " VALUES ('https://linkedin.com/in/ada', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');"
                    " INSERT INTO enrollments (campaign_id, campaign_version_id, prospect_id, sender_id, state,"
                    " enrolled_at) VALUES (1, 1, 1, 1, 'active', '2026-11-01T00:00:00Z');"
                    " INSERT INTO prospect_tags VALUES (1, 'founders'), (1, 'europe')");
        REQUIRE(
            sqlite.execAndGet("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%state IN (''active''%'").getInt() ==
            1);
    }
    store::Database database(path, store::OpenMode::must_exist);
    auto& db = database.sqlite();
    CHECK(database.schema_version() == store::latest_schema_version());
    // No list of three or more words is left in a table written by a run, or in a trigger.
    SQLite::Statement schema(db, "SELECT name, sql FROM sqlite_schema WHERE name IN ('enrollments', 'actions',"
                                 " 'events') OR type = 'trigger'");
    while (schema.executeStep()) {
        auto sql = schema.getColumn(1).getString();
        INFO(schema.getColumn(0).getString());
        for (std::size_t at = sql.find(" IN ('"); at != std::string::npos; at = sql.find(" IN ('", at + 1)) {
            auto list = sql.substr(at, sql.find(')', at) - at);
            CHECK(std::count(list.begin(), list.end(), ',') < 2);
        }
    }
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%state = ''active'' OR state = ''done''%'")
              .getInt() == 1);
    db.exec("UPDATE enrollments SET state = 'done'");
    CHECK_THROWS_WITH(db.exec("UPDATE enrollments SET state = 'paused'"), Catch::Contains("CHECK constraint failed"));
    CHECK_THROWS_WITH(db.exec("INSERT INTO actions (enrollment_id, campaign_id, campaign_version_id, prospect_id,"
                              " sender_id, step, type, idempotency_key, state, at_utc, at_local, failure) VALUES"
                              " (1, 1, 1, 1, 1, 'look', 'view_profile', 'k', 'sent', 't', 't', 'because')"),
                      Catch::Contains("CHECK constraint failed"));
    // The tags, kept by prospect without a row id, still go with their prospect.
    CHECK(
        db.execAndGet("SELECT group_concat(tag, ',') FROM (SELECT tag FROM prospect_tags ORDER BY tag)").getString() ==
        "europe,founders");
    CHECK(db.execAndGet("SELECT sql LIKE '%WITHOUT ROWID' FROM sqlite_schema WHERE name = 'prospect_tags'").getInt() ==
          1);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'prospect_tags_by_tag'").getInt() == 1);
    db.exec("INSERT INTO prospects (profile_url, created_at, updated_at)"
            " VALUES ('https://linkedin.com/in/bo', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');"
            " INSERT INTO prospect_tags VALUES (2, 'saas'); DELETE FROM prospects WHERE id = 2");
    CHECK(db.execAndGet("SELECT count(*) FROM prospect_tags WHERE prospect_id = 2").getInt() == 0);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
    CHECK_FALSE(dangling.executeStep());
    // Opened again, as the next command would.
    store::Database again(path, store::OpenMode::must_exist);
    CHECK(again.sqlite().execAndGet("SELECT state FROM enrollments").getString() == "done");
}

TEST_CASE("schema 10 keeps replies read and lets an enrollment end as lost or wait out a pause", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        make_database_at(path, 9);
        SQLite::Database sqlite(path.string(), SQLite::OPEN_READWRITE);
        sqlite.exec("INSERT INTO senders (name) VALUES ('alice'); INSERT INTO campaigns (name, created_at)"
                    " VALUES ('q4', '2026-11-01T00:00:00Z'); INSERT INTO campaign_versions (campaign_id, version,"
                    " digest, definition, created_at) VALUES (1, 1, 'd', 'campaign: q4', '2026-11-01T00:00:00Z');"
                    " INSERT INTO prospects (profile_url, created_at, updated_at)"
                    " VALUES ('https://linkedin.com/in/ada', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');"
                    " INSERT INTO enrollments (campaign_id, campaign_version_id, prospect_id, sender_id, state,"
                    " enrolled_at) VALUES (1, 1, 1, 1, 'active', '2026-11-01T00:00:00Z');"
                    " INSERT INTO events (external_id, type, prospect_id, occurred_at, received_at, text)"
                    " VALUES ('r-1', 'replied', 1, '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z', 'No thanks')");
        REQUIRE_THROWS(sqlite.exec("UPDATE enrollments SET state = 'lost'"));
    }
    store::Database database(path, store::OpenMode::must_exist);
    auto& db = database.sqlite();
    CHECK(database.schema_version() == store::latest_schema_version());
    db.exec("UPDATE enrollments SET state = 'lost', paused_until = '2026-11-09T00:00:00Z'");
    CHECK_THROWS_WITH(db.exec("UPDATE enrollments SET state = 'paused'"), Catch::Contains("CHECK constraint failed"));
    db.exec("INSERT INTO replies (event_id, class, confidence, read_at) VALUES (1, 'not_interested', 0.85,"
            " '2026-11-02T00:00:00Z')");
    CHECK_THROWS_WITH(db.exec("INSERT INTO replies (event_id, class, confidence, read_at) VALUES (1, 'maybe', 0.5,"
                              " '2026-11-02T00:00:00Z')"),
                      Catch::Contains("constraint failed"));
    CHECK_THROWS_WITH(db.exec("INSERT INTO replies (event_id, class, confidence, read_at) VALUES (2, 'neutral', 0.5,"
                              " '2026-11-02T00:00:00Z')"),
                      Catch::Contains("FOREIGN KEY"));
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    store::Database again(path, store::OpenMode::must_exist);
    CHECK(again.sqlite().execAndGet("SELECT state FROM enrollments").getString() == "lost");
}

TEST_CASE("schema 12 keeps the SSI history and the imported activity, clustered by their keys", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        make_database_at(path, 11);
        SQLite::Database sqlite(path.string(), SQLite::OPEN_READWRITE);
        sqlite.exec("INSERT INTO senders (name) VALUES ('alice'), ('bo');"
                    " INSERT INTO ssi_snapshots (sender_id, day, brand, people, insights, relationships, total,"
                    " industry_rank, network_rank, source, recorded_at, industry_average, network_average) VALUES"
                    " (1, '2026-11-02', 10.5, 11, 9.25, 12, 42.75, 3, NULL, 'import', '2026-11-02T08:00:00Z', 31.5,"
                    " NULL), (2, '2026-11-01', 1, 2, 3, 4, 10, NULL, 7, 'record', '2026-11-01T08:00:00Z', NULL, 12.5),"
                    " (1, '2026-11-01', 10, 11, 9, 12, 42, NULL, NULL, 'import', '2026-11-01T08:00:00Z', NULL, NULL);"
                    " INSERT INTO activities VALUES (1, '2026-11-01', 'posts', 2, 'a.csv'),"
                    " (1, '2026-11-01', 'posts', 1, 'b.csv'), (2, '2026-11-03', 'likes', 9, 'a.csv')");
    }
    store::Database database(path, store::OpenMode::must_exist);
    auto& db = database.sqlite();
    CHECK(database.schema_version() == store::latest_schema_version());
    for (const char* table : {"ssi_snapshots", "activities"}) {
        INFO(table);
        CHECK(db.execAndGet(std::string("SELECT sql LIKE '%WITHOUT ROWID' FROM sqlite_schema WHERE name = '") + table +
                            "'")
                  .getInt() == 1);
    }
    CHECK(db.execAndGet("SELECT group_concat(row, ';') FROM (SELECT sender_id || ',' || day || ',' || brand || ',' ||"
                        " total || ',' || coalesce(industry_rank, '-') || ',' || coalesce(network_rank, '-') || ',' ||"
                        " coalesce(industry_average, '-') || ',' || coalesce(network_average, '-') || ',' || source"
                        " AS row FROM ssi_snapshots ORDER BY sender_id, day)")
              .getString() == "1,2026-11-01,10.0,42.0,-,-,-,-,import;1,2026-11-02,10.5,42.75,3,-,31.5,-,import;"
                              "2,2026-11-01,1.0,10.0,-,7,-,12.5,record");
    CHECK(db.execAndGet("SELECT group_concat(row, ';') FROM (SELECT sender_id || ',' || activity || ',' || count ||"
                        " ',' || source AS row FROM activities ORDER BY sender_id, day, source)")
              .getString() == "1,posts,2,a.csv;1,posts,1,b.csv;2,likes,9,a.csv");
    // The keys and checks hold as before.
    CHECK_THROWS_WITH(db.exec("INSERT INTO activities (sender_id, day, activity, count, source) VALUES (1, "
                              "'2026-11-01', 'posts', 5, 'a.csv')"),
                      Catch::Contains("UNIQUE constraint failed"));
    CHECK_THROWS_WITH(db.exec("INSERT INTO activities (sender_id, day, activity, count, source) VALUES (1, "
                              "'2026-11-04', 'dances', 1, 'a.csv')"),
                      Catch::Contains("CHECK constraint failed"));
    CHECK_THROWS_WITH(db.exec("INSERT INTO activities (sender_id, day, activity, count, source) VALUES (3, "
                              "'2026-11-04', 'posts', 1, 'a.csv')"),
                      Catch::Contains("FOREIGN KEY"));
    CHECK_THROWS_WITH(db.exec("UPDATE ssi_snapshots SET brand = 26 WHERE sender_id = 2"),
                      Catch::Contains("CHECK constraint failed"));
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
    CHECK_FALSE(dangling.executeStep());
}
