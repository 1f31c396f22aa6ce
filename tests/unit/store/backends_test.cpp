// The CRM on either backend: PostgreSQL's schema has SQLite's tables and columns, is made once when runners start at
// once, refuses a database that is not campaign's, and the stores read and write the same there as on SQLite.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "store/action_store.hpp"
#include "store/campaign_store.hpp"
#include "store/database.hpp"
#include "store/enrollment_store.hpp"
#include "store/import_mentions.hpp"
#include "store/prospect_store.hpp"
#include "store/schema.hpp"
#include "store/suppression_store.hpp"
#include "unit/store/postgres_server.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using Catch::Matchers::Contains;

namespace {

using Columns = std::map<std::string, std::set<std::string>>; // by table

Columns columns_of(store::Database& database, const std::string& sql) {
    Columns columns;
    store::Statement query(database.connection(), sql);
    while (query.step()) {
        columns[query.column(0).text()].insert(query.column(1).text());
    }
    return columns;
}

core::Prospect prospect(const std::string& slug, std::set<std::string> tags) {
    core::Prospect made;
    made.profile_url = "https://linkedin.com/in/" + slug;
    made.first_name = slug;
    made.company = "Acme";
    made.email = slug + "@acme.example";
    made.fields = {{"city", "Köln"}, {"plan", "it's \"pro\""}};
    made.tags = std::move(tags);
    made.created_at = made.updated_at = *core::parse_utc("2026-11-23T09:00:00Z");
    return made;
}

// What every backend must do alike with prospects.
void exercise_prospects(store::Database& database) {
    store::ProspectStore prospects(database);
    {
        store::Transaction transaction(database);
        prospects.insert(prospect("ana", {"founders", "berlin"}));
        prospects.insert(prospect("ben", {"founders"}));
        prospects.insert(prospect("cleo", {"berlin"}));
        transaction.commit();
    }
    CHECK(prospects.count() == 3);
    auto ana = prospects.find_by_url("https://linkedin.com/in/ana");
    REQUIRE(ana);
    CHECK(ana->fields.at("plan") == "it's \"pro\"");
    CHECK(ana->fields.at("city") == "Köln");
    CHECK(ana->tags == std::set<std::string>{"berlin", "founders"});
    CHECK(prospects.find(ana->id)->profile_url == ana->profile_url);
    std::vector<std::string> founders;
    store::ProspectFilter filter;
    filter.tags = {"founders"};
    prospects.for_each(filter, [&founders](const core::Prospect& found) { founders.push_back(found.first_name); });
    CHECK(founders == std::vector<std::string>{"ana", "ben"});
    CHECK(prospects.custom_field_names() == std::vector<std::string>{"city", "plan"});
    // A rollback leaves nothing behind.
    {
        store::Transaction transaction(database);
        prospects.insert(prospect("dora", {}));
    }
    CHECK(prospects.count() == 3);
    CHECK_FALSE(prospects.find_by_url("https://linkedin.com/in/dora"));
    CHECK_THROWS_WITH(prospects.insert(prospect("ana", {})), Contains(database.connection().where()));
}

// The lines an import has met, in a temporary table of the connection's.
void exercise_import_mentions(store::Database& database) {
    store::ImportMentions mentions(database);
    CHECK_FALSE(mentions.first(7));
    mentions.record(7, {12, false});
    mentions.record(7, {12, true});
    auto first = mentions.first(7);
    REQUIRE(first);
    CHECK(first->line == 12);
    CHECK(first->changed);
    // The prospects it inserted, ids one after the other, and one after a gap.
    mentions.record_inserted(20, 30);
    mentions.record_inserted(21, 31);
    mentions.record_inserted(23, 33);
    mentions.record(21, {90, false}); // inserted: changed already, and its first line stays
    for (auto [id, line] : {std::pair{20, 30}, std::pair{21, 31}, std::pair{23, 33}}) {
        auto inserted = mentions.first(id);
        REQUIRE(inserted);
        CHECK(inserted->line == line);
        CHECK(inserted->changed);
    }
    CHECK_FALSE(mentions.first(22));
    CHECK(mentions.first(7)->line == 12);
}

void exercise_suppressions(store::Database& database) {
    store::SuppressionStore suppressions(database);
    auto now = *core::parse_utc("2026-11-23T09:00:00Z");
    core::Suppression entry;
    entry.kind = core::SuppressionKind::email_domain;
    entry.value = "acme.example";
    entry.reason = "a client";
    entry.created_at = now;
    CHECK(suppressions.add(entry));
    CHECK_FALSE(suppressions.add(entry));
    CHECK(suppressions.contains(core::SuppressionKind::email_domain, "acme.example"));
    CHECK_FALSE(suppressions.contains(core::SuppressionKind::profile, "acme.example"));
    CHECK(suppressions.find(core::SuppressionKind::email_domain, "acme.example")->reason == "a client");
    CHECK(suppressions.list().size() == 1);
    CHECK(suppressions.remove(core::SuppressionKind::email_domain, "acme.example"));
    CHECK_FALSE(suppressions.any(core::SuppressionKind::email_domain));
}

// Campaigns, senders, enrollments and the action log, with the tallies its triggers keep.
void exercise_actions(store::Database& database) {
    auto now = *core::parse_utc("2026-11-23T09:00:00Z");
    store::CampaignStore campaigns(database);
    store::EnrollmentStore enrollments(database);
    store::ActionStore actions(database);
    store::Transaction transaction(database);
    auto version = campaigns.register_version("q4", "d1", "{}", "q4.yaml", now);
    CHECK(version.is_new);
    CHECK_FALSE(campaigns.register_version("q4", "d1", "{}", "q4.yaml", now).is_new);
    CHECK(campaigns.register_version("q4", "d2", "{}", "q4.yaml", now).current.version == 2);
    core::Sender sender;
    sender.id = "ana";
    sender.timezone = "Europe/Berlin";
    auto sender_id = campaigns.register_sender(sender);
    CHECK(campaigns.find_sender("ana")->id == sender_id);
    auto prospect_id = store::ProspectStore(database).find_by_url("https://linkedin.com/in/ben")->id;
    core::Enrollment enrollment;
    enrollment.campaign_id = version.current.campaign_id;
    enrollment.version_id = version.current.version_id;
    enrollment.prospect_id = prospect_id;
    enrollment.sender_id = sender_id;
    enrollment.current_step = "invite";
    enrollment.due_action = core::ActionType::connect;
    enrollment.next_due_at = now;
    enrollment.enrolled_at = now;
    enrollment.id = enrollments.insert(enrollment);
    CHECK(enrollments.is_enrolled(enrollment.campaign_id, prospect_id));
    CHECK(enrollments.get(enrollment.id).current_step == "invite");
    core::Action invite;
    invite.enrollment_id = enrollment.id;
    invite.campaign_id = enrollment.campaign_id;
    invite.version_id = enrollment.version_id;
    invite.prospect_id = prospect_id;
    invite.sender_id = sender_id;
    invite.step = "invite";
    invite.type = core::ActionType::connect;
    invite.idempotency_key = "k1";
    invite.at_utc = now;
    invite.at_local = "2026-11-23T10:00:00+01:00";
    auto id = actions.begin(invite);
    actions.finish(id, core::ActionState::sent, "ok", "");
    CHECK(actions.get(id)->state == core::ActionState::sent);
    CHECK(actions.invitation_record(sender_id, now + std::chrono::hours(1), 50, std::chrono::days{14}).pending == 1);
    transaction.commit();
    // Its intent and its outcome moved one action from the group of those sending to those sent, the enrollment's
    // first contact.
    auto sum = [&database](const std::string& what) {
        return store::query_integer(database.connection(), "SELECT coalesce(sum(" + what + "), 0) FROM action_tallies");
    };
    CHECK(sum("actions") == 1);
    CHECK(sum("CASE WHEN state = 'sent' THEN actions END") == 1);
    CHECK(sum("first_contacts") == 1);
    CHECK(store::query_integer(database.connection(), "SELECT enrolled FROM enrollment_tallies") == 1);
    // Once its enrollment is done, the invitation is one to withdraw when stale; not once the prospect's email
    // domain is suppressed.
    enrollment.state = core::EnrollmentState::done;
    enrollments.update(enrollment, now);
    auto later = now + std::chrono::days{30};
    REQUIRE(actions.stale_invitation(sender_id, later, 5));
    CHECK(actions.stale_invitation(sender_id, later, 5)->campaign == "q4");
    core::Suppression domain;
    domain.kind = core::SuppressionKind::email_domain;
    domain.value = "acme.example";
    domain.created_at = now;
    store::SuppressionStore(database).add(domain);
    CHECK_FALSE(actions.stale_invitation(sender_id, later, 5));
    // What went out stays sent. (On PostgreSQL the refusal ends the transaction it is in: outside one here.)
    CHECK_THROWS_WITH(actions.finish(id, core::ActionState::failed, "", ""), Contains("stays sent"));
    CHECK(actions.get(id)->state == core::ActionState::sent);
}

} // namespace

TEST_CASE("the stores on SQLite", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    exercise_prospects(database);
    exercise_suppressions(database);
    exercise_actions(database);
    exercise_import_mentions(database);
}

TEST_CASE("the stores on PostgreSQL", "[store][postgresql]") {
    test::PostgresDatabase server;
    store::Database database(server.uri(), store::OpenMode::create);
    CHECK(database.backend() == store::Backend::postgresql);
    CHECK(database.schema_version() == store::latest_schema_version());
    exercise_prospects(database);
    exercise_suppressions(database);
    exercise_actions(database);
    exercise_import_mentions(database);
}

namespace {

// A transaction opened inside another is refused, and the outer one goes on whole.
void exercise_nested_transactions(store::Database& database) {
    store::Transaction outer(database);
    database.connection().execute("INSERT INTO suppressions (kind, value, reason, created_at)"
                                  " VALUES ('email_domain', 'outer.example', 'test', '2026-12-01T00:00:00Z')");
    CHECK_THROWS_AS(store::Transaction(database), core::RuntimeFailure);
    CHECK_THROWS_AS(store::ReadSnapshot(database), core::RuntimeFailure);
    outer.commit();
    CHECK(store::query_integer(database.connection(),
                               "SELECT count(*) FROM suppressions WHERE value = 'outer.example'") == 1);
}

} // namespace

TEST_CASE("a transaction within a transaction is refused on both backends", "[store][postgresql]") {
    test::TempFolder folder;
    store::Database sqlite(folder / "campaign.db", store::OpenMode::create);
    exercise_nested_transactions(sqlite);
    test::PostgresDatabase server;
    store::Database postgres(server.uri(), store::OpenMode::create);
    exercise_nested_transactions(postgres);
}

TEST_CASE("PostgreSQL's schema has SQLite's tables and columns", "[store][postgresql]") {
    test::TempFolder folder;
    store::Database sqlite(folder / "campaign.db", store::OpenMode::create);
    test::PostgresDatabase server;
    store::Database postgres(server.uri(), store::OpenMode::create);
    auto expected = columns_of(sqlite, "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c"
                                       " WHERE m.type = 'table'");
    auto found = columns_of(postgres, "SELECT table_name, column_name FROM information_schema.columns"
                                      " WHERE table_schema = current_schema() AND table_name <> 'campaign_schema'");
    CHECK(found == expected);
}

TEST_CASE("a PostgreSQL CRM is made once when runners start at once, and only in a database of its own",
          "[store][postgresql]") {
    test::PostgresDatabase server;
    SECTION("four at once") {
        std::vector<std::thread> runners;
        std::atomic<int> opened{0};
        for (int i = 0; i < 4; ++i) {
            runners.emplace_back([&] {
                store::Database database(server.uri(), store::OpenMode::create);
                opened += database.schema_version() == store::latest_schema_version() ? 1 : 0;
            });
        }
        for (auto& runner : runners) {
            runner.join();
        }
        CHECK(opened == 4);
    }
    SECTION("a read-only command finds no CRM, and makes none") {
        CHECK_THROWS_AS(store::Database(server.uri(), store::OpenMode::must_exist), core::UserError);
        CHECK_THROWS_AS(store::Database(server.uri(), store::OpenMode::must_exist), core::UserError);
    }
    SECTION("another program's database is left alone") {
        store::open_postgresql(server.uri())->execute("CREATE TABLE invoices (id INTEGER)");
        CHECK_THROWS_WITH(store::Database(server.uri(), store::OpenMode::create),
                          Contains("holds tables that campaign did not make"));
    }
    SECTION("a CRM of the base schema is brought up to date by the migrations after it") {
        { store::Database made(server.uri(), store::OpenMode::create); }
        auto older = store::open_postgresql(server.uri());
        older->execute("DROP TABLE leases; DROP TABLE runners; UPDATE campaign_schema SET version = 13");
        store::Database upgraded(server.uri(), store::OpenMode::must_exist);
        CHECK(upgraded.schema_version() == store::latest_schema_version());
        CHECK(store::query_integer(upgraded.connection(),
                                   "SELECT count(*) FROM pg_tables WHERE schemaname ="
                                   " current_schema() AND tablename IN ('runners', 'leases')") == 2);
    }
    SECTION("a newer campaign's database is not opened") {
        { store::Database made(server.uri(), store::OpenMode::create); }
        store::open_postgresql(server.uri())->execute("UPDATE campaign_schema SET version = version + 1");
        CHECK_THROWS_WITH(store::Database(server.uri(), store::OpenMode::create), Contains("written by a newer"));
    }
}
