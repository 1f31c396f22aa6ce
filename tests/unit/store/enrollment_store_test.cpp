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

TEST_CASE("enrollments written many at once are stored as one at a time would store them, and counted", "[store]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    database.sqlite().exec(fixture::k_reply_fixture_sql);
    store::EnrollmentStore enrollments(database);
    auto model = enrollments.get(1);
    auto at = [](const char* text) { return *core::parse_utc(text); };
    auto count = [&database](const std::string& sql) { return database.sqlite().execAndGet(sql).getInt(); };
    auto enrolled_before = count("SELECT coalesce(sum(enrolled), 0) FROM enrollment_tallies");
    auto rows_before = count("SELECT count(*) FROM enrollments");

    std::vector<core::Enrollment> batch;
    for (int i = 0; i < 150; ++i) { // more than one statement takes
        database.sqlite().exec("INSERT INTO prospects (profile_url, created_at, updated_at) VALUES "
                               "('https://linkedin.com/in/batch-" +
                               std::to_string(i) + "', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
        core::Enrollment enrollment;
        enrollment.campaign_id = model.campaign_id;
        enrollment.version_id = model.version_id;
        enrollment.sender_id = model.sender_id;
        enrollment.prospect_id = database.sqlite().getLastInsertRowid();
        enrollment.state = core::EnrollmentState::active;
        enrollment.current_step = i % 2 == 0 ? "invite" : "";
        if (i % 2 == 0) {
            enrollment.due_action = core::ActionType::connect;
            enrollment.next_due_at = at("2026-12-01T09:00:00Z");
        } else {
            enrollment.waiting_since = at("2026-11-30T10:00:00Z");
        }
        enrollment.enrolled_at = at("2026-11-30T08:00:00Z");
        batch.push_back(enrollment);
    }
    enrollments.insert(batch);

    CHECK(count("SELECT count(*) FROM enrollments") == rows_before + 150);
    CHECK(count("SELECT coalesce(sum(enrolled), 0) FROM enrollment_tallies") == enrolled_before + 150);
    for (std::size_t i : {std::size_t{0}, std::size_t{63}, std::size_t{64}, std::size_t{149}}) {
        const auto& expected = batch[i];
        auto stored = enrollments.find(expected.campaign_id, expected.prospect_id);
        REQUIRE(stored);
        CHECK(stored->version_id == expected.version_id);
        CHECK(stored->sender_id == expected.sender_id);
        CHECK(stored->state == expected.state);
        CHECK(stored->current_step == expected.current_step);
        CHECK(stored->due_action == expected.due_action);
        CHECK(stored->next_due_at == expected.next_due_at);
        CHECK(stored->waiting_since == expected.waiting_since);
        CHECK(stored->enrolled_at == expected.enrolled_at);
        CHECK_FALSE(stored->paused_until);
    }
    enrollments.insert(std::vector<core::Enrollment>{}); // nothing to write is no statement at all
    CHECK(count("SELECT count(*) FROM enrollments") == rows_before + 150);
}
