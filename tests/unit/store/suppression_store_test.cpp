#include <catch2/catch.hpp>

#include "core/clock.hpp"
#include "store/database.hpp"
#include "store/suppression_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using core::SuppressionKind;

TEST_CASE("the suppression list adds, finds, lists and removes entries", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::SuppressionStore suppressions(database);
    core::ManualClock clock(core::parse_utc("2026-11-26T09:30:00Z").value());

    CHECK(suppressions.list().empty());
    CHECK(suppressions.add(
        {0, SuppressionKind::profile, "https://linkedin.com/in/jane-doe", "asked us to stop", clock.now()}));
    clock.advance(std::chrono::minutes{5});
    CHECK(suppressions.add({0, SuppressionKind::email_domain, "example.com", "", clock.now()}));
    CHECK(suppressions.add({0, SuppressionKind::forgotten, "3fb82ead", "erased on request", clock.now()}));

    SECTION("adding an entry again returns false and keeps the first reason") {
        CHECK_FALSE(
            suppressions.add({0, SuppressionKind::profile, "https://linkedin.com/in/jane-doe", "again", clock.now()}));
        CHECK(suppressions.list().size() == 3);
        CHECK(suppressions.list().front().reason == "asked us to stop");
    }
    SECTION("the same value under another kind is another entry") {
        CHECK(suppressions.add({0, SuppressionKind::profile, "example.com", "", clock.now()}));
        CHECK(suppressions.list().size() == 4);
    }
    SECTION("contains matches kind and value exactly") {
        CHECK(suppressions.contains(SuppressionKind::profile, "https://linkedin.com/in/jane-doe"));
        CHECK(suppressions.contains(SuppressionKind::email_domain, "example.com"));
        CHECK(suppressions.contains(SuppressionKind::forgotten, "3fb82ead"));
        CHECK_FALSE(suppressions.contains(SuppressionKind::email_domain, "https://linkedin.com/in/jane-doe"));
        CHECK_FALSE(suppressions.contains(SuppressionKind::profile, "https://linkedin.com/in/jane"));
        CHECK_FALSE(suppressions.contains(SuppressionKind::email_domain, "mail.example.com"));
    }
    SECTION("list returns every entry in the order it was added") {
        auto entries = suppressions.list();
        REQUIRE(entries.size() == 3);
        CHECK(entries[0].id > 0);
        CHECK(entries[0].id < entries[1].id);
        CHECK(entries[1].id < entries[2].id);
        CHECK(entries[0].kind == SuppressionKind::profile);
        CHECK(entries[0].value == "https://linkedin.com/in/jane-doe");
        CHECK(entries[0].reason == "asked us to stop");
        CHECK(entries[0].created_at == core::parse_utc("2026-11-26T09:30:00Z").value());
        CHECK(entries[1].kind == SuppressionKind::email_domain);
        CHECK(entries[1].value == "example.com");
        CHECK(entries[1].reason == "");
        CHECK(entries[1].created_at == core::parse_utc("2026-11-26T09:35:00Z").value());
        CHECK(entries[2].kind == SuppressionKind::forgotten);
        CHECK(entries[2].value == "3fb82ead");
    }
    SECTION("remove takes one entry away and returns false when there is none") {
        CHECK(suppressions.remove(SuppressionKind::email_domain, "example.com"));
        CHECK_FALSE(suppressions.contains(SuppressionKind::email_domain, "example.com"));
        CHECK_FALSE(suppressions.remove(SuppressionKind::email_domain, "example.com"));
        CHECK_FALSE(suppressions.remove(SuppressionKind::profile, "example.com"));
        CHECK(suppressions.list().size() == 2);
        CHECK(suppressions.contains(SuppressionKind::profile, "https://linkedin.com/in/jane-doe"));
    }
}
