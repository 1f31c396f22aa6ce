// Writing an enrollment's moves: the state and the time it finished change only when the state does.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "core/time.hpp"
#include "store/database.hpp"
#include "store/enrollment_store.hpp"
#include "unit/report/reply_fixture.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

std::string finished_at(store::Database& database, core::EnrollmentId id) {
    SQLite::Statement query(database.sqlite(), "SELECT COALESCE(finished_at, '-') FROM enrollments WHERE id = ?");
    query.bind(1, id);
    query.executeStep();
    return query.getColumn(0).getString();
}

} // namespace

TEST_CASE("a move that keeps the state writes the position only, and a change of state stamps the finish", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    database.sqlite().exec(fixture::k_reply_fixture_sql);
    database.sqlite().exec("UPDATE enrollments SET state = 'active', finished_at = NULL WHERE id = 1");
    store::EnrollmentStore enrollments(database);
    auto enrollment = enrollments.get(1);
    auto at = [](const char* text) { return *core::parse_utc(text); };

    enrollment.current_step = "nudge";
    enrollment.due_action = core::ActionType::message;
    enrollment.next_due_at = at("2026-12-01T09:00:00Z");
    enrollment.waiting_since.reset();
    enrollments.update(enrollment, core::EnrollmentState::active, at("2026-11-20T09:00:00Z"));
    auto moved = enrollments.get(1);
    CHECK(moved.state == core::EnrollmentState::active);
    CHECK(moved.current_step == "nudge");
    CHECK(moved.next_due_at == enrollment.next_due_at);
    CHECK(finished_at(database, 1) == "-");
    auto head = enrollments.queue_head(moved.campaign_id, moved.sender_id, core::ActionType::message);
    REQUIRE(head);
    CHECK(head->id == 1);

    enrollment.state = core::EnrollmentState::done;
    enrollment.current_step.clear();
    enrollment.due_action.reset();
    enrollment.next_due_at.reset();
    enrollments.update(enrollment, core::EnrollmentState::active, at("2026-11-21T09:00:00Z"));
    CHECK(enrollments.get(1).state == core::EnrollmentState::done);
    CHECK(finished_at(database, 1) == "2026-11-21T09:00:00Z");
    CHECK_FALSE(enrollments.queue_head(moved.campaign_id, moved.sender_id, core::ActionType::message));

    // Still done, a later write keeps the time it finished.
    enrollments.update(enrollment, core::EnrollmentState::done, at("2026-11-25T09:00:00Z"));
    CHECK(finished_at(database, 1) == "2026-11-21T09:00:00Z");
}
