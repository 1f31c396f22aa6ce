#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/prospect_store.hpp"
#include "store/schema.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

constexpr int k_application_id = 0x43414d50; // 'CAMP'
const std::string k_in = "https://linkedin.com/in/";
// José and Zoë written with decomposed accents (e and U+0301, e and U+0308), as versions before schema 8 kept them.
const std::string k_jose_decomposed = k_in + "jose\xCC\x81";
const std::string k_zoe_decomposed = k_in + "zoe\xCC\x88";

// A CRM as schema 7 left it, normalized by the rules of then: every name lower-cased, member ids too, and no
// Unicode normalization, so that one person could be two prospects.
void write_schema_7(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    for (std::size_t version = 0; version < 7; ++version) {
        db.exec(std::string(store::migrations()[version].sql));
    }
    db.exec("PRAGMA user_version = 7");
    db.exec("PRAGMA application_id = " + std::to_string(k_application_id));
    SQLite::Statement prospect(db, "INSERT INTO prospects (id, profile_url, first_name, company, title, source,"
                                   " fields, member_id, created_at, updated_at, erased_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto add = [&prospect](int id, const std::string& url, const char* first, const char* company, const char* title,
                           const char* source, const char* fields, const char* member_id, const char* updated,
                           const char* erased) {
        prospect.reset();
        prospect.clearBindings();
        prospect.bind(1, id);
        prospect.bind(2, url);
        prospect.bind(3, first);
        prospect.bind(4, company);
        prospect.bind(5, title);
        prospect.bind(6, source);
        prospect.bind(7, fields);
        if (member_id) {
            prospect.bind(8, member_id);
        }
        prospect.bind(9, "2026-11-01T00:00:00Z");
        prospect.bind(10, updated);
        if (erased) {
            prospect.bind(11, erased);
        }
        prospect.exec();
    };
    add(1, k_in + "josé", "José", "Acme", "", "first.csv", "{}", nullptr, "2026-11-01T00:00:00Z", nullptr);
    add(2, k_jose_decomposed, "", "Acme Labs", "CTO", "second.csv", R"({"team":"10"})", nullptr, "2026-11-05T00:00:00Z",
        nullptr);
    add(3, k_in + "acoaaabcdef0123", "Ida", "", "", "ids.csv", "{}", "ACoAAAbCdEf0123", "2026-11-01T00:00:00Z",
        nullptr);
    add(4, k_in + "acoaaxyz999", "Ivo", "", "", "ids.csv", "{}", nullptr, "2026-11-01T00:00:00Z", nullptr);
    add(5, k_zoe_decomposed, "Zoë", "", "", "mac.csv", "{}", nullptr, "2026-11-01T00:00:00Z", nullptr);
    add(6, k_in + "zoë", "Zoë", "Brightwater", "", "pc.csv", "{}", "ACoAAZoe", "2026-11-02T00:00:00Z", nullptr);
    add(7, "erased:7", "", "", "", "", "{}", nullptr, "2026-11-03T00:00:00Z", "2026-11-03T00:00:00Z");
    db.exec(R"sql(
INSERT INTO prospect_tags VALUES (1, 'vip'), (2, 'q4'), (2, 'vip'), (6, 'founders');
INSERT INTO senders (id, name) VALUES (1, 'ana');
INSERT INTO campaigns (id, name, created_at) VALUES (1, 'q4', '2026-11-01T00:00:00Z'), (2, 'nurture', '2026-11-01T00:00:00Z');
INSERT INTO campaign_versions (id, campaign_id, version, digest, definition, created_at)
    VALUES (1, 1, 1, 'd1', '{}', '2026-11-01T00:00:00Z'), (2, 2, 1, 'd2', '{}', '2026-11-01T00:00:00Z');
INSERT INTO enrollments (id, campaign_id, campaign_version_id, prospect_id, sender_id, state, current_step, enrolled_at)
    VALUES (1, 1, 1, 2, 1, 'replied', 'invite', '2026-11-06T09:00:00Z'),
           (2, 1, 1, 5, 1, 'active', 'invite', '2026-11-06T09:00:00Z'),
           (3, 1, 1, 6, 1, 'active', 'invite', '2026-11-06T09:00:00Z'),
           (4, 2, 2, 6, 1, 'done', 'invite', '2026-11-07T09:00:00Z');
INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, type,
                     idempotency_key, state, at_utc, at_local)
    VALUES (1, 1, 1, 1, 2, 1, 'invite', 'connect', 'k1', 'sent', '2026-11-06T10:00:00Z', '2026-11-06T11:00:00'),
           (2, 3, 1, 1, 6, 1, 'invite', 'connect', 'k2', 'sent', '2026-11-06T10:05:00Z', '2026-11-06T11:05:00'),
           (3, 4, 2, 2, 6, 1, 'invite', 'connect', 'k3', 'sent', '2026-11-07T10:00:00Z', '2026-11-07T11:00:00'),
           (4, 2, 1, 1, 5, 1, 'invite', 'connect', 'k4', 'sent', '2026-11-06T10:10:00Z', '2026-11-06T11:10:00');
INSERT INTO events (id, external_id, type, prospect_id, enrollment_id, action_id, occurred_at, received_at, profile_url)
    VALUES (1, 'x1', 'replied', 2, 1, 1, '2026-11-08T10:00:00Z', '2026-11-08T10:00:00Z', 'https://linkedin.com/in/jose' || char(769)),
           (2, 'x2', 'accepted', 6, 3, 2, '2026-11-08T10:00:00Z', '2026-11-08T10:00:00Z', 'https://linkedin.com/in/zoë'),
           (3, 'x3', 'accepted', 6, NULL, 3, '2026-11-08T10:00:00Z', '2026-11-08T10:00:00Z', NULL),
           (4, 'x4', 'accepted', 6, NULL, NULL, '2026-11-08T10:00:00Z', '2026-11-08T10:00:00Z', 'https://linkedin.com/in/acoaaabcdef0123');
INSERT INTO suppressions (kind, value, reason, created_at)
    VALUES ('profile', 'https://linkedin.com/in/jose' || char(769), 'asked', '2026-11-09T00:00:00Z'),
           ('profile', 'https://linkedin.com/in/josé', 'asked again', '2026-11-10T00:00:00Z'),
           ('profile', 'https://linkedin.com/in/acoaaabcdef0123', '', '2026-11-10T00:00:00Z'),
           ('email_domain', 'example.com', '', '2026-11-10T00:00:00Z');
)sql");
}

std::string column(SQLite::Database& db, const std::string& sql) {
    auto value = db.execAndGet(sql);
    return value.isNull() ? "NULL" : value.getString();
}

// Every row of a query as "a|b|c", one a line.
std::string rows_of(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement query(db, sql);
    std::string text;
    while (query.executeStep()) {
        for (int i = 0; i < query.getColumnCount(); ++i) {
            text += (i > 0 ? "|" : "") + (query.getColumn(i).isNull() ? "NULL" : query.getColumn(i).getString());
        }
        text += '\n';
    }
    return text;
}

const char* k_tallies = "SELECT * FROM action_tallies ORDER BY 1, 2, 3, 4, 5, 6, 7";
const char* k_enrollment_tallies = "SELECT * FROM enrollment_tallies ORDER BY 1, 2, 3";

} // namespace

TEST_CASE("schema 8 normalizes the stored profile URLs again and merges who turn out to be one person", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    write_schema_7(path);
    std::string tallies;
    std::string enrollment_tallies;
    {
        SQLite::Database before(path.string(), SQLite::OPEN_READONLY);
        tallies = rows_of(before, k_tallies);
        enrollment_tallies = rows_of(before, k_enrollment_tallies);
    }
    store::Database database(path, store::OpenMode::must_exist);
    auto& db = database.sqlite();
    REQUIRE(database.schema_version() == store::latest_schema_version());

    // 2 was José under the decomposed é: merged into 1, imported first. Zoë was 5 and 6, both enrolled in q4: 6 stays
    // for that enrollment, hidden. Ida's member id gives her URL its case back; Ivo's case is not known.
    CHECK(rows_of(db, "SELECT id, profile_url, merged_into FROM prospects ORDER BY id") ==
          "1|" + k_in + "josé|NULL\n" + "3|" + k_in + "ACoAAAbCdEf0123|NULL\n" + "4|" + k_in + "acoaaxyz999|NULL\n" +
              "5|" + k_in + "zoë|NULL\n" + "6|merged:6|5\n" + "7|erased:7|NULL\n");

    SECTION("the details of the row updated last win where they are not empty; the first source stays") {
        CHECK(rows_of(db, "SELECT first_name, company, title, source, fields, created_at, updated_at"
                          " FROM prospects WHERE id = 1") ==
              "José|Acme Labs|CTO|first.csv|{\"team\":\"10\"}|2026-11-01T00:00:00Z|2026-11-05T00:00:00Z\n");
        CHECK(rows_of(db, "SELECT first_name, company, source, member_id FROM prospects WHERE id = 5") ==
              "Zoë|Brightwater|mac.csv|ACoAAZoe\n");
        CHECK(column(db, "SELECT member_id FROM prospects WHERE id = 6") == "NULL");
    }
    SECTION("tags, enrollments, actions and events move to the kept row, except what the kept row cannot take") {
        CHECK(rows_of(db, "SELECT prospect_id, tag FROM prospect_tags ORDER BY 1, 2") == "1|q4\n1|vip\n5|founders\n");
        CHECK(rows_of(db, "SELECT id, prospect_id FROM enrollments ORDER BY id") == "1|1\n2|5\n3|6\n4|5\n");
        CHECK(rows_of(db, "SELECT id, prospect_id FROM actions ORDER BY id") == "1|1\n2|6\n3|5\n4|5\n");
        CHECK(rows_of(db, "SELECT id, prospect_id, profile_url FROM events ORDER BY id") ==
              "1|1|" + k_in + "josé\n" + "2|6|" + k_in + "zoë\n" + "3|5|NULL\n" + "4|5|" + k_in + "ACoAAAbCdEf0123\n");
        // Every action still belongs to an enrollment of its own prospect.
        CHECK(column(db, "SELECT count(*) FROM actions a JOIN enrollments e ON e.id = a.enrollment_id"
                         " WHERE a.prospect_id <> e.prospect_id") == "0");
    }
    SECTION("suppressions name the URLs as they are now, once each") {
        CHECK(rows_of(db, "SELECT kind, value, reason FROM suppressions ORDER BY id") ==
              "profile|" + k_in + "josé|asked again\n" + "profile|" + k_in + "ACoAAAbCdEf0123|\n" +
                  "email_domain|example.com|\n");
    }
    SECTION("the tallies, the foreign keys and the file hold together") {
        CHECK(rows_of(db, k_tallies) == tallies);
        CHECK(rows_of(db, k_enrollment_tallies) == enrollment_tallies);
        CHECK(rows_of(db, "PRAGMA foreign_key_check").empty());
        CHECK(column(db, "PRAGMA integrity_check") == "ok");
    }
    SECTION("the CRM knows each person once, under any form of their URL") {
        store::ProspectStore prospects(database);
        CHECK(prospects.count() == 4);
        CHECK(prospects.find_by_url(k_in + "josé")->id == 1);
        CHECK(prospects.find_by_url(k_in + "zoë")->id == 5);
        CHECK_FALSE(prospects.find(6));
        CHECK(prospects.find_by_url(k_in + "ACoAAAbCdEf0123")->id == 3);
        CHECK(prospects.find_by_url(k_in + "ACoAAxyz999")->id == 4); // by the lower-cased form it has
        std::vector<core::ProspectId> listed;
        prospects.for_each({}, [&listed](const core::Prospect& prospect) { listed.push_back(prospect.id); });
        CHECK(listed == std::vector<core::ProspectId>{1, 3, 4, 5});
    }
    SECTION("forgetting the kept row forgets the row merged into it") {
        store::ProspectStore(database).erase(5, core::parse_utc("2026-12-01T00:00:00Z").value());
        CHECK(rows_of(db, "SELECT id, profile_url, first_name, company FROM prospects WHERE id IN (5, 6)") ==
              "5|erased:5||\n6|erased:6||\n");
    }
}

TEST_CASE("schema 8 leaves a CRM whose URLs are already normalized as it was", "[store]") {
    test::TempFolder folder;
    auto path = folder / "campaign.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (std::size_t version = 0; version < 7; ++version) {
            db.exec(std::string(store::migrations()[version].sql));
        }
        db.exec("PRAGMA user_version = 7");
        db.exec("PRAGMA application_id = " + std::to_string(k_application_id));
        db.exec("INSERT INTO prospects (profile_url, created_at, updated_at) VALUES"
                " ('https://linkedin.com/in/jane-doe', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),"
                " ('https://linkedin.com/in/łukasz-nowak', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
    }
    store::Database database(path, store::OpenMode::must_exist);
    CHECK(rows_of(database.sqlite(), "SELECT id, profile_url, updated_at FROM prospects ORDER BY id") ==
          "1|https://linkedin.com/in/jane-doe|2026-11-01T00:00:00Z\n"
          "2|https://linkedin.com/in/łukasz-nowak|2026-11-01T00:00:00Z\n");
}
