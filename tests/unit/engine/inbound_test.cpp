// Recording an inbound event with the prospect it is about: by the normalized URL, or by the member id a gateway told
// when it looked the profile up, for an event that names the prospect by it alone.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "engine/inbound.hpp"
#include "store/database.hpp"
#include "store/prospect_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

core::Event reply(std::string id, std::string profile_url, std::string member_id = "") {
    return {std::move(id),
            core::EventType::replied,
            "alice",
            std::move(profile_url),
            *core::parse_utc("2026-12-02T16:40:07Z"),
            "Thanks, happy to talk",
            "",
            std::move(member_id)};
}

struct Recorded {
    std::optional<core::ProspectId> prospect_id;
    std::string profile_url;
};

Recorded recorded(store::Database& database, const std::string& id) {
    SQLite::Statement row(database.sqlite(), "SELECT prospect_id, profile_url FROM events WHERE external_id = ?");
    row.bind(1, id);
    REQUIRE(row.executeStep());
    Recorded result;
    if (!row.getColumn(0).isNull()) {
        result.prospect_id = row.getColumn(0).getInt64();
    }
    result.profile_url = row.getColumn(1).getString();
    return result;
}

} // namespace

TEST_CASE("an event naming the prospect by member id alone is recorded as theirs", "[engine]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::ProspectStore prospects(database);
    core::Prospect kim;
    kim.profile_url = "https://linkedin.com/in/kim-doe";
    auto kim_id = prospects.insert(kim);
    prospects.set_member_id(kim_id, "ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E");
    engine::InboundRecorder recorder(database);
    auto now = *core::parse_utc("2026-12-02T17:00:00Z");

    SECTION("by member id, in a URL of the id rather than of the prospect's public profile") {
        REQUIRE(recorder.record(reply("m-1", "https://www.linkedin.com/in/ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E/",
                                      "ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E"),
                                now));
        auto event = recorded(database, "m-1");
        CHECK(event.prospect_id == kim_id);
        CHECK(event.profile_url == "https://linkedin.com/in/kim-doe"); // what an opt-out would suppress
    }
    SECTION("by URL, whatever member id comes with it") {
        REQUIRE(recorder.record(reply("m-2", "https://www.linkedin.com/in/Kim-Doe/", "ACoAAOther"), now));
        CHECK(recorded(database, "m-2").prospect_id == kim_id);
    }
    SECTION("by a member id of nobody's, or the id in another case") {
        REQUIRE(recorder.record(reply("m-3", "https://www.linkedin.com/in/ACoAAUnknown", "ACoAAUnknown"), now));
        CHECK_FALSE(recorded(database, "m-3").prospect_id);
        // The id keeps its case: a gateway that is asked about it later knows it only so.
        CHECK(recorded(database, "m-3").profile_url == "https://linkedin.com/in/ACoAAUnknown");
        REQUIRE(recorder.record(reply("m-4", "https://www.linkedin.com/in/acoaaacdmmqbodylwzrrcgyhrkcafurgqva0u4e",
                                      "acoaaacdmmqbodylwzrrcgyhrkcafurgqva0u4e"),
                                now));
        CHECK_FALSE(recorded(database, "m-4").prospect_id);
    }
}
