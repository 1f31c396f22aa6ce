#include <catch2/catch.hpp>

#include "store/campaign_store.hpp"
#include "store/database.hpp"
#include "store/event_store.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

core::Timestamp utc(const char* text) {
    return *core::parse_utc(text);
}

core::Event accepted(std::string id, const char* at) {
    return {std::move(id), core::EventType::accepted, "alice", "https://linkedin.com/in/jane", utc(at), "", "", ""};
}

} // namespace

TEST_CASE("events are kept once by id and handed over in the order they happened, once due", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    store::EventStore events(database);
    auto received = utc("2026-12-01T12:00:00Z");
    CHECK(events.record(accepted("b", "2026-12-01T10:00:00Z"), std::nullopt, std::nullopt, std::nullopt, received));
    CHECK(events.record(accepted("a", "2026-12-01T09:00:00Z"), std::nullopt, std::nullopt, std::nullopt, received));
    CHECK_FALSE(
        events.record(accepted("a", "2026-12-01T09:00:00Z"), std::nullopt, std::nullopt, std::nullopt, received));
    // Dated ahead of the clock (a gateway whose clock runs fast): it waits.
    CHECK(events.record(accepted("later", "2026-12-03T08:00:00Z"), std::nullopt, std::nullopt, std::nullopt, received));

    auto now = utc("2026-12-01T12:00:00Z");
    auto due = events.pending(10, now);
    REQUIRE(due.size() == 2);
    CHECK(due[0].event.id == "a");
    CHECK(due[1].event.id == "b");
    CHECK(events.next_pending_after(now) == utc("2026-12-03T08:00:00Z"));

    events.mark_applied(due[0].id, std::nullopt, std::nullopt, now);
    events.mark_applied(due[1].id, std::nullopt, std::nullopt, now);
    CHECK(events.pending(10, now).empty());
    auto then = utc("2026-12-03T08:00:00Z");
    REQUIRE(events.pending(10, then).size() == 1);
    CHECK(events.pending(10, then)[0].event.id == "later");
    CHECK_FALSE(events.next_pending_after(then));
}
