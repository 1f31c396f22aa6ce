// A limit of a sender's account for one type of action, kept for the next run until it ends.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "store/campaign_store.hpp"
#include "store/database.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

TEST_CASE("a sender's holds by action type are kept until they end, the latest of each type", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::CampaignStore campaigns(database);
    core::Sender ana;
    ana.id = "ana";
    ana.timezone = "Europe/Paris";
    auto id = campaigns.register_sender(ana);
    auto at = [](const char* text) { return *core::parse_utc(text); };
    campaigns.hold_actions(id, {core::ActionType::connect, at("2026-12-14T10:00:00Z"), "weekly limit"});
    campaigns.hold_actions(id, {core::ActionType::inmail, at("2026-12-08T10:00:00Z"), "no credits"});
    auto holds = campaigns.action_holds(id, at("2026-12-07T10:00:00Z"));
    REQUIRE(holds.size() == 2);
    CHECK(holds[0].type == core::ActionType::connect);
    CHECK(holds[0].until == at("2026-12-14T10:00:00Z"));
    CHECK(holds[0].reason == "weekly limit");
    // A later answer replaces the earlier hold of its type; an ended one is not shown.
    campaigns.hold_actions(id, {core::ActionType::connect, at("2026-12-21T10:00:00Z"), "weekly limit again"});
    holds = campaigns.action_holds(id, at("2026-12-09T10:00:00Z"));
    REQUIRE(holds.size() == 1);
    CHECK(holds[0].until == at("2026-12-21T10:00:00Z"));
    CHECK(holds[0].reason == "weekly limit again");
    // A type the database does not know is an error, not a hold of some other type.
    database.sqlite().exec("INSERT INTO sender_holds VALUES (1, 'telegram', '2099-01-01T00:00:00Z', 'x')");
    CHECK_THROWS_WITH(campaigns.action_holds(id, at("2026-12-09T10:00:00Z")),
                      "error: the database holds 'telegram' in a column 'action_type', a value this version of "
                      "campaign does not know (written by a newer version, or by hand)");
}
