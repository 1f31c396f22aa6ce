#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "core/clock.hpp"
#include "store/database.hpp"
#include "store/prospect_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

core::Timestamp at(std::string_view text) {
    return core::parse_utc(text).value();
}

core::Prospect prospect_named(const std::string& slug, std::set<std::string> tags = {}) {
    core::Prospect prospect;
    prospect.profile_url = "https://linkedin.com/in/" + slug;
    prospect.first_name = slug;
    prospect.tags = std::move(tags);
    return prospect;
}

std::vector<std::string> first_names(store::ProspectStore& prospects, const store::ProspectFilter& filter) {
    std::vector<std::string> names;
    prospects.for_each(filter, [&names](const core::Prospect& prospect) { names.push_back(prospect.first_name); });
    return names;
}

// Everything a stored prospect has, compared field by field so that a failure names the field.
void check_same(const core::Prospect& found, const core::Prospect& expected) {
    CHECK(found.id == expected.id);
    CHECK(found.profile_url == expected.profile_url);
    CHECK(found.first_name == expected.first_name);
    CHECK(found.last_name == expected.last_name);
    CHECK(found.email == expected.email);
    CHECK(found.company == expected.company);
    CHECK(found.title == expected.title);
    CHECK(found.location == expected.location);
    CHECK(found.industry == expected.industry);
    CHECK(found.source == expected.source);
    CHECK(found.fields == expected.fields);
    CHECK(found.tags == expected.tags);
    CHECK(found.created_at == expected.created_at);
    CHECK(found.updated_at == expected.updated_at);
}

} // namespace

TEST_CASE("a prospect is stored with all its details and found by id or URL", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    core::ManualClock clock(at("2026-11-26T09:30:00Z"));

    core::Prospect jane;
    jane.profile_url = "https://linkedin.com/in/jane-doe";
    jane.first_name = "Jane";
    jane.last_name = "Doe-Ødegård";
    jane.email = "jane@example.com";
    jane.company = "Acme";
    jane.title = "Head of Sales, EMEA";
    jane.location = "London";
    jane.industry = "Software";
    jane.source = "prospects.csv";
    jane.fields = {{"connected_on", "12 Mar 2024"}, {"deal_size", "\"50k\" € {json}"}};
    jane.tags = {"founders", "saas"};
    jane.created_at = jane.updated_at = clock.now();

    CHECK(prospects.count() == 0);
    jane.id = prospects.insert(jane);
    CHECK(jane.id > 0);
    CHECK(prospects.count() == 1);

    SECTION("by id") {
        auto found = prospects.find(jane.id);
        REQUIRE(found);
        check_same(*found, jane);
        CHECK_FALSE(prospects.find(jane.id + 1));
    }
    SECTION("by URL") {
        auto found = prospects.find_by_url("https://linkedin.com/in/jane-doe");
        REQUIRE(found);
        check_same(*found, jane);
        CHECK_FALSE(prospects.find_by_url("https://linkedin.com/in/jane-do"));
        CHECK_FALSE(prospects.find_by_url("https://www.linkedin.com/in/jane-doe")); // only normalized URLs
    }
    SECTION("a second prospect with the same URL is refused") {
        CHECK_THROWS_WITH(prospects.insert(prospect_named("jane-doe")),
                          Catch::Matchers::EndsWith("UNIQUE constraint failed: prospects.profile_url"));
        CHECK(prospects.count() == 1);
    }
    SECTION("an update writes the details, keeps the creation time and adds tags") {
        clock.advance(std::chrono::hours{24});
        core::Prospect changed = jane;
        changed.company = "Acme Corp";
        changed.title = "";
        changed.source = "second.csv";
        changed.fields = {{"deal_size", "80k"}};
        changed.tags = {"vip"};
        changed.updated_at = clock.now();
        changed.created_at = clock.now(); // not a column an update writes
        prospects.update(changed);

        auto found = prospects.find(jane.id);
        REQUIRE(found);
        CHECK(found->company == "Acme Corp");
        CHECK(found->title == "");
        CHECK(found->source == "second.csv");
        CHECK(found->fields == std::map<std::string, std::string>{{"deal_size", "80k"}});
        CHECK(found->tags == std::set<std::string>{"founders", "saas", "vip"});
        CHECK(found->updated_at == at("2026-11-27T09:30:00Z"));
        CHECK(found->created_at == at("2026-11-26T09:30:00Z"));
        CHECK(found->first_name == "Jane");
        CHECK(prospects.count() == 1);
    }
}

TEST_CASE("for_each visits prospects in id order, filtered by all the tags asked for", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    // Inserted so that id order differs from URL and name order.
    prospects.insert(prospect_named("zoe", {"founder", "saas"}));
    prospects.insert(prospect_named("adam", {"saas"}));
    prospects.insert(prospect_named("mia", {"founder", "saas", "vip"}));
    prospects.insert(prospect_named("bob"));

    CHECK(first_names(prospects, {}) == std::vector<std::string>{"zoe", "adam", "mia", "bob"});
    CHECK(first_names(prospects, {{"saas"}, {}, {}}) == std::vector<std::string>{"zoe", "adam", "mia"});
    CHECK(first_names(prospects, {{"saas", "founder"}, {}, {}}) == std::vector<std::string>{"zoe", "mia"});
    CHECK(first_names(prospects, {{"vip", "founder", "saas"}, {}, {}}) == std::vector<std::string>{"mia"});
    CHECK(first_names(prospects, {{"founder", "nobody"}, {}, {}}).empty());
    CHECK(first_names(prospects, {{}, {}, 2}) == std::vector<std::string>{"zoe", "adam"});
    CHECK(first_names(prospects, {{"saas"}, {}, 2}) == std::vector<std::string>{"zoe", "adam"});
    CHECK(first_names(prospects, {{"founder"}, {}, 10}) == std::vector<std::string>{"zoe", "mia"});
    CHECK(first_names(prospects, {{"founder", "founder"}, {}, {}}) == std::vector<std::string>{"zoe", "mia"});

    SECTION("each visited prospect comes with its tags") {
        std::map<std::string, std::set<std::string>> tags;
        prospects.for_each({}, [&tags](const core::Prospect& prospect) { tags[prospect.first_name] = prospect.tags; });
        CHECK(tags["mia"] == std::set<std::string>{"founder", "saas", "vip"});
        CHECK(tags["bob"].empty());
    }
}

TEST_CASE("custom field names are the distinct keys of everyone's fields, sorted", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    CHECK(prospects.custom_field_names().empty());

    auto jane = prospect_named("jane");
    jane.fields = {{"region", "EMEA"}, {"connected_on", "2024"}};
    auto ola = prospect_named("ola");
    ola.fields = {{"region", "Nordics"}, {"deal_size", "50k"}};
    prospects.insert(jane);
    prospects.insert(ola);
    CHECK(prospects.custom_field_names() == std::vector<std::string>{"connected_on", "deal_size", "region"});
}

TEST_CASE("erasing a prospect removes what identifies them and keeps the row", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    auto& sqlite = database.sqlite();

    auto jane = prospect_named("jane-doe", {"founders"});
    jane.last_name = "Doe";
    jane.email = "jane@example.com";
    jane.company = "Acme";
    jane.title = "CEO";
    jane.location = "London";
    jane.industry = "Software";
    jane.source = "prospects.csv";
    jane.fields = {{"secret_project", "Falcon"}};
    auto jane_id = prospects.insert(jane);
    auto ola = prospect_named("ola", {"founders"});
    ola.fields = {{"region", "Nordics"}};
    auto ola_id = prospects.insert(ola);

    // What was written to each of them and what they wrote back.
    sqlite.exec("INSERT INTO senders (id, name) VALUES (1, 'sam')");
    sqlite.exec("INSERT INTO campaigns (id, name, created_at) VALUES (1, 'q4', '2026-11-01T00:00:00Z')");
    sqlite.exec("INSERT INTO campaign_versions (id, campaign_id, version, digest, definition, created_at) "
                "VALUES (1, 1, 1, 'd', 'steps: []', '2026-11-01T00:00:00Z')");
    for (auto id : {jane_id, ola_id}) {
        auto n = std::to_string(id);
        sqlite.exec("INSERT INTO enrollments (id, campaign_id, campaign_version_id, prospect_id, "
                    "sender_id, "
                    "state, enrolled_at) VALUES (" +
                    n + ", 1, 1, " + n + ", 1, 'active', '2026-11-01T00:00:00Z')");
        sqlite.exec("INSERT INTO actions (enrollment_id, campaign_id, campaign_version_id, prospect_id, "
                    "sender_id, step, type, idempotency_key, state, rendered_text, at_utc, at_local) "
                    "VALUES (" +
                    n + ", 1, 1, " + n + ", 1, 'invite', 'connect', 'key-" + n +
                    "', 'sent', 'Hi there', '2026-11-02T09:00:00Z', '2026-11-02T10:00:00')");
        sqlite.exec("INSERT INTO events (external_id, type, prospect_id, occurred_at, received_at, text) "
                    "VALUES ('event-" +
                    n + "', 'replied', " + n + ", '2026-11-03T09:00:00Z', '2026-11-03T09:00:00Z', 'Thanks!')");
    }

    prospects.erase(jane_id, core::parse_utc("2026-12-01T08:00:00Z").value());

    CHECK_FALSE(prospects.find(jane_id));
    CHECK_FALSE(prospects.find_by_url("https://linkedin.com/in/jane-doe"));
    CHECK_FALSE(prospects.find_by_url("erased:" + std::to_string(jane_id)));
    CHECK(prospects.count() == 1);
    CHECK(first_names(prospects, {{"founders"}, {}, {}}) == std::vector<std::string>{"ola"});
    CHECK(prospects.custom_field_names() == std::vector<std::string>{"region"});

    SQLite::Statement row(sqlite, "SELECT profile_url, first_name || last_name || email || company || title || "
                                  "location || industry || source, fields, updated_at, erased_at "
                                  "FROM prospects WHERE id = ?");
    row.bind(1, jane_id);
    REQUIRE(row.executeStep());
    CHECK(row.getColumn(0).getString() == "erased:" + std::to_string(jane_id));
    CHECK(row.getColumn(1).getString() == "");
    CHECK(row.getColumn(2).getString() == "{}");
    CHECK(row.getColumn(3).getString() == "2026-12-01T08:00:00Z");
    CHECK(row.getColumn(4).getString() == "2026-12-01T08:00:00Z");
    CHECK(sqlite.execAndGet("SELECT count(*) FROM prospects").getInt() == 2);

    auto count_for = [&sqlite](const std::string& sql, core::ProspectId id) {
        SQLite::Statement query(sqlite, sql);
        query.bind(1, id);
        query.executeStep();
        return query.getColumn(0).getInt();
    };
    for (auto [id, expected] : {std::pair{jane_id, 0}, std::pair{ola_id, 1}}) {
        CAPTURE(id);
        CHECK(count_for("SELECT count(*) FROM prospect_tags WHERE prospect_id = ?", id) == expected);
        // The words go; that there were some stays, as a note counts against the month's notes.
        CHECK(count_for("SELECT count(*) FROM actions WHERE rendered_text = 'Hi there' AND prospect_id = ?", id) ==
              expected);
        CHECK(count_for("SELECT count(*) FROM actions WHERE rendered_text = '(erased)' AND prospect_id = ?", id) ==
              1 - expected);
        CHECK(count_for("SELECT count(text) FROM events WHERE prospect_id = ?", id) == expected);
        // The history itself stays: the sender's limits still count the action.
        CHECK(count_for("SELECT count(*) FROM actions WHERE prospect_id = ?", id) == 1);
    }
}

TEST_CASE("a member id is kept with its prospect, found as written, and given up by an older one", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    auto jane_id = prospects.insert(prospect_named("jane-doe"));
    auto again_id = prospects.insert(prospect_named("jane-doe-2b7"));
    const std::string member = "ACoAAB3dFgHiJkLmNoP";

    CHECK_FALSE(prospects.find_by_member_id(member));
    prospects.set_member_id(jane_id, member);
    auto found = prospects.find_by_member_id(member);
    REQUIRE(found);
    CHECK(found->id == jane_id);
    CHECK(found->profile_url == "https://linkedin.com/in/jane-doe");
    // LinkedIn's ids are case-sensitive: the lower-case of one is another member's, or nobody's.
    CHECK_FALSE(prospects.find_by_member_id("acoaab3dfghijklmnop"));
    prospects.set_member_id(jane_id, member); // learned again: nothing changes
    CHECK(prospects.find_by_member_id(member)->id == jane_id);

    SECTION("the same member under a newer URL takes the id") {
        prospects.set_member_id(again_id, member);
        CHECK(prospects.find_by_member_id(member)->id == again_id);
        CHECK(database.sqlite().execAndGet("SELECT count(*) FROM prospects WHERE member_id IS NOT NULL").getInt() == 1);
    }
    SECTION("erasing the prospect forgets it") {
        prospects.erase(jane_id, at("2026-12-01T10:00:00Z"));
        CHECK_FALSE(prospects.find_by_member_id(member));
        CHECK(database.sqlite().execAndGet("SELECT count(*) FROM prospects WHERE member_id IS NOT NULL").getInt() == 0);
    }
}

TEST_CASE("insert_if_new inserts a prospect unless its URL is taken, and writes its tags before anyone reads them",
          "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    auto& sqlite = database.sqlite();
    auto tag_rows = [&sqlite] { return sqlite.execAndGet("SELECT count(*) FROM prospect_tags").getInt(); };

    auto jane = prospect_named("jane-doe", {"founders", "saas"});
    jane.fields = {{"city", "Leeds"}};
    auto jane_id = prospects.insert_if_new(jane, store::ProspectStore::fields_json(jane.fields));
    REQUIRE(jane_id);
    CHECK(tag_rows() == 0); // queued, to be written with others

    auto again = prospect_named("jane-doe", {"other"});
    CHECK_FALSE(prospects.insert_if_new(again, "{}"));
    auto found = prospects.find_by_url("https://linkedin.com/in/jane-doe");
    REQUIRE(found);
    CHECK(found->id == *jane_id);
    CHECK(found->fields == jane.fields);
    CHECK(found->tags == std::set<std::string>{"founders", "saas"});

    SECTION("an erased prospect keeps its row, and its URL is not taken again by an insert") {
        prospects.erase(*jane_id, at("2026-11-27T10:00:00Z"));
        auto erased_url =
            sqlite.execAndGet("SELECT profile_url FROM prospects WHERE id = " + std::to_string(*jane_id)).getString();
        auto same = prospect_named("jane-doe");
        same.profile_url = erased_url;
        CHECK_FALSE(prospects.insert_if_new(same, "{}"));
    }
    SECTION("many prospects' tags are written many to a statement, and all of them by write_queued_tags()") {
        for (int i = 0; i < 300; ++i) {
            REQUIRE(prospects.insert_if_new(prospect_named("p" + std::to_string(i), {"a", "b", "c"}), "{}"));
        }
        CHECK(tag_rows() > 0); // a full statement's worth is written as soon as it is queued
        prospects.write_queued_tags();
        CHECK(tag_rows() == 2 + 300 * 3);
        CHECK(first_names(prospects, {{"c"}, {}, {}}).size() == 300);
    }
    SECTION("a store that goes away writes what it queued") {
        {
            store::ProspectStore other(database);
            REQUIRE(other.insert_if_new(prospect_named("ola", {"partner"}), "{}"));
        }
        CHECK(first_names(prospects, {{"partner"}, {}, {}}) == std::vector<std::string>{"ola"});
    }
}
