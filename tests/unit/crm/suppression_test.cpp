#include <catch2/catch.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "crm/suppression.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using Catch::Matchers::Message;
using core::SuppressionKind;

namespace {

core::Timestamp at(std::string_view text) {
    return core::parse_utc(text).value();
}

// The parsed target as "kind value", so that both compare in one line.
std::string target_of(std::string_view text) {
    auto entry = crm::parse_suppression_target(text);
    return std::string(core::to_string(entry.kind)) + " " + entry.value;
}

struct Crm {
    test::TempFolder folder;
    store::Database database{folder / "campaign.db", store::OpenMode::create};
    store::ProspectStore prospects{database};
    store::SuppressionStore suppressions{database};
    core::ManualClock clock{at("2026-11-26T09:30:00Z")};

    core::Prospect add(const std::string& slug, const std::string& email = "") {
        core::Prospect prospect;
        prospect.profile_url = "https://linkedin.com/in/" + slug;
        prospect.first_name = slug;
        prospect.email = email;
        prospect.created_at = prospect.updated_at = clock.now();
        prospect.id = prospects.insert(prospect);
        return prospect;
    }
};

} // namespace

TEST_CASE("a suppression target is a profile URL or an email domain", "[crm]") {
    CHECK(target_of("https://www.linkedin.com/in/Jane-Doe/?trk=x") == "profile https://linkedin.com/in/jane-doe");
    CHECK(target_of("  linkedin.com/in/jane-doe ") == "profile https://linkedin.com/in/jane-doe");
    CHECK(target_of("https://uk.linkedin.com/in/jos%C3%A9") == "profile https://linkedin.com/in/josé");
    CHECK(target_of("https://www.LinkedIn.com/in/jane-doe") == "profile https://linkedin.com/in/jane-doe");
    CHECK(target_of("example.com") == "email_domain example.com");
    CHECK(target_of("@Example.COM") == "email_domain example.com");
    CHECK(target_of(" mail.example-group.co.uk ") == "email_domain mail.example-group.co.uk");
}

TEST_CASE("a suppression target that is neither is refused with what it is", "[crm]") {
    auto neither = [](const std::string& text) {
        return Message("error: '" + text +
                       "' is neither a LinkedIn profile URL nor an email domain such as example.com");
    };
    CHECK_THROWS_MATCHES(crm::parse_suppression_target("garbage"), core::UserError, neither("garbage"));
    CHECK_THROWS_MATCHES(crm::parse_suppression_target("jane@example.com"), core::UserError,
                         neither("jane@example.com"));
    CHECK_THROWS_MATCHES(crm::parse_suppression_target(".example.com"), core::UserError, neither(".example.com"));
    CHECK_THROWS_MATCHES(crm::parse_suppression_target("example.com."), core::UserError, neither("example.com."));
    CHECK_THROWS_MATCHES(crm::parse_suppression_target("exa mple.com"), core::UserError, neither("exa mple.com"));
    CHECK_THROWS_MATCHES(crm::parse_suppression_target(" @ "), core::UserError, neither("@"));
    CHECK_THROWS_MATCHES(crm::parse_suppression_target(""), core::UserError, neither(""));
    CHECK_THROWS_MATCHES(crm::parse_suppression_target("https://www.linkedin.com/company/acme"), core::UserError,
                         Message("error: 'https://www.linkedin.com/company/acme' is not a LinkedIn profile URL: "
                                 "a company or school page, not a person's profile"));
}

TEST_CASE("suppressions are added, found for a prospect and removed", "[crm]") {
    Crm crm;
    auto jane = crm.add("jane-doe", "jane@acme.example");
    auto ola = crm.add("ola", "Ola@Example.COM");
    auto kim = crm.add("kim", "kim@mail.example.com");
    auto nobody = crm.add("nobody");
    CHECK_FALSE(crm::find_suppression(crm.database, jane));
    CHECK_FALSE(crm::find_suppression(crm.database, nobody));

    auto jane_entry = crm::parse_suppression_target("https://www.linkedin.com/in/jane-doe");
    jane_entry.reason = "asked us to stop";
    CHECK(crm::add_suppression(crm.database, jane_entry, crm.clock));
    crm.clock.advance(std::chrono::minutes{1});
    CHECK_FALSE(crm::add_suppression(crm.database, jane_entry, crm.clock));
    CHECK(crm::add_suppression(crm.database, crm::parse_suppression_target("@example.com"), crm.clock));

    auto entries = crm.suppressions.list();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].reason == "asked us to stop");
    CHECK(entries[0].created_at == at("2026-11-26T09:30:00Z"));
    CHECK(entries[1].created_at == at("2026-11-26T09:31:00Z"));

    auto found = crm::find_suppression(crm.database, jane);
    REQUIRE(found);
    CHECK(found->kind == SuppressionKind::profile);
    CHECK(found->value == "https://linkedin.com/in/jane-doe");

    found = crm::find_suppression(crm.database, ola);
    REQUIRE(found);
    CHECK(found->kind == SuppressionKind::email_domain);
    CHECK(found->value == "example.com");

    CHECK_FALSE(crm::find_suppression(crm.database, kim)); // a subdomain is another domain
    CHECK_FALSE(crm::find_suppression(crm.database, nobody));

    SECTION("a profile entry is found before an email domain entry") {
        crm::add_suppression(crm.database, crm::parse_suppression_target("linkedin.com/in/ola"), crm.clock);
        CHECK(crm::find_suppression(crm.database, ola)->kind == SuppressionKind::profile);
    }
    SECTION("removed, it no longer applies") {
        CHECK(crm::remove_suppression(crm.database, jane_entry));
        CHECK_FALSE(crm::remove_suppression(crm.database, jane_entry));
        CHECK_FALSE(crm::find_suppression(crm.database, jane));
        CHECK(crm::find_suppression(crm.database, ola));
        CHECK(crm::remove_suppression(crm.database, crm::parse_suppression_target("EXAMPLE.com")));
        CHECK_FALSE(crm::find_suppression(crm.database, ola));
        CHECK(crm.suppressions.list().empty());
    }
}

TEST_CASE("a prospect is found by id or by any spelling of their URL", "[crm]") {
    Crm crm;
    crm.add("ola");
    auto jane = crm.add("jane-doe");

    CHECK(crm::resolve_prospect(crm.database, std::to_string(jane.id)).first_name == "jane-doe");
    CHECK(crm::resolve_prospect(crm.database, " " + std::to_string(jane.id) + " ").id == jane.id);
    CHECK(crm::resolve_prospect(crm.database, "https://www.linkedin.com/in/Jane-Doe/").id == jane.id);

    CHECK_THROWS_MATCHES(crm::resolve_prospect(crm.database, "42"), core::UserError,
                         Message("error: no prospect with id 42"));
    CHECK_THROWS_MATCHES(crm::resolve_prospect(crm.database, "linkedin.com/in/kim"), core::UserError,
                         Message("error: no prospect with profile https://linkedin.com/in/kim"));
    CHECK_THROWS_MATCHES(crm::resolve_prospect(crm.database, "42x"), core::UserError,
                         Message("error: '42x' is neither a prospect id nor a LinkedIn profile URL: not a "
                                 "LinkedIn address"));
}

TEST_CASE("forgetting a prospect erases their personal data and keeps only a hash", "[crm]") {
    Crm crm;
    core::Prospect jane;
    jane.profile_url = "https://linkedin.com/in/jane-doe";
    jane.first_name = "Jane";
    jane.last_name = "Doe";
    jane.email = "jane@acme.example";
    jane.company = "Acme";
    jane.title = "CEO";
    jane.source = "prospects.csv";
    jane.fields = {{"secret_project", "Falcon"}};
    jane.tags = {"founders"};
    jane.created_at = jane.updated_at = crm.clock.now();
    jane.id = crm.prospects.insert(jane);
    auto ola = crm.add("ola", "ola@acme.example");
    ola.tags = {"founders"};
    crm.prospects.update(ola);

    crm::add_suppression(crm.database, {0, SuppressionKind::profile, jane.profile_url, "asked to stop", {}}, crm.clock);
    crm::add_suppression(crm.database, {0, SuppressionKind::email_domain, "acme.example", "", {}}, crm.clock);
    crm.clock.advance(std::chrono::hours{48});

    crm::forget_prospect(crm.database, crm::resolve_prospect(crm.database, "linkedin.com/in/jane-doe"), crm.clock);

    CHECK_FALSE(crm.prospects.find(jane.id));
    CHECK_FALSE(crm.prospects.find_by_url("https://linkedin.com/in/jane-doe"));
    CHECK_THROWS_MATCHES(crm::resolve_prospect(crm.database, "https://www.linkedin.com/in/jane-doe"), core::UserError,
                         Message("error: no prospect with profile https://linkedin.com/in/jane-doe"));
    CHECK(crm.prospects.count() == 1);
    CHECK(crm.prospects.custom_field_names().empty());
    std::vector<std::string> founders;
    crm.prospects.for_each({{"founders"}, {}, {}},
                           [&founders](const core::Prospect& prospect) { founders.push_back(prospect.first_name); });
    CHECK(founders == std::vector<std::string>{"ola"});

    auto entries = crm.suppressions.list();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].kind == SuppressionKind::email_domain);
    CHECK(entries[0].value == "acme.example");
    CHECK(entries[1].kind == SuppressionKind::forgotten);
    CHECK(entries[1].value == crm::identity_hash("https://linkedin.com/in/jane-doe"));
    CHECK(entries[1].value == "3fb82eadce117a1008bb75666e7cc398ebe26da46144583a4fa489277bdd929d");
    CHECK(entries[1].reason == "erased on request");
    CHECK(entries[1].created_at == at("2026-11-28T09:30:00Z"));

    // The erased row stays, so that the history of actions holds together: the next id is not
    // reused.
    CHECK(crm.add("next").id == ola.id + 1);
    CHECK(crm.prospects.find(ola.id)->email == "ola@acme.example");
}

TEST_CASE("the identity hash is the hex SHA-256 of the normalized URL", "[crm]") {
    // printf %s 'https://linkedin.com/in/jane-doe' | sha256sum
    CHECK(crm::identity_hash("https://linkedin.com/in/jane-doe") ==
          "3fb82eadce117a1008bb75666e7cc398ebe26da46144583a4fa489277bdd929d");
    // printf '' | sha256sum
    CHECK(crm::identity_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(crm::identity_hash("https://linkedin.com/in/jane-do") !=
          crm::identity_hash("https://linkedin.com/in/jane-doe"));
}

TEST_CASE("a person forgotten under an earlier form of their URL is still forgotten", "[crm]") {
    Crm crm;
    auto forgotten = [&crm](const std::string& url) { return crm::is_forgotten(crm.suppressions, url); };
    crm.suppressions.add({0, SuppressionKind::forgotten, crm::identity_hash("https://linkedin.com/in/acoaaabcdef0123"),
                          "erased on request", crm.clock.now()});
    crm.suppressions.add({0, SuppressionKind::forgotten, crm::identity_hash("https://linkedin.com/in/jose\xCC\x81"),
                          "erased on request", crm.clock.now()});
    CHECK(forgotten("https://linkedin.com/in/ACoAAAbCdEf0123"));
    CHECK(forgotten("https://linkedin.com/in/josé"));
    CHECK_FALSE(forgotten("https://linkedin.com/in/ACoAAAbCdEf0124"));
    CHECK_FALSE(forgotten("https://linkedin.com/in/jane-doe"));
    crm::forget(crm.database, "linkedin.com/in/jane-doe", crm.clock);
    CHECK(forgotten("https://linkedin.com/in/jane-doe"));
}

TEST_CASE("a profile suppressed under the form an earlier version gave its URL is still suppressed", "[crm]") {
    Crm crm;
    // Before schema 8, a member id was lower-cased.
    crm.suppressions.add({0, SuppressionKind::profile, "https://linkedin.com/in/acoaaabcdef0123", "", crm.clock.now()});
    auto ida = crm.add("ACoAAAbCdEf0123");
    auto found = crm::find_suppression(crm.database, ida);
    REQUIRE(found);
    CHECK(found->kind == SuppressionKind::profile);
    CHECK_FALSE(crm::find_suppression(crm.database, crm.add("ACoAAAbCdEf0124")));
}
