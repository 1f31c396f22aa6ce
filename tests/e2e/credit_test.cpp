// Replies and acceptances are credited to the action they answer and judged by that action's campaign and step
// (DESIGN.md, invariant 9), whatever the prospect's enrollment did since and whichever campaign the run plays.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

int count(const Workspace& workspace, const std::string& sql) {
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

// A sender who works every hour of every day, so that only the campaign decides what goes when.
constexpr const char* k_sender = R"(senders:
  - id: alice
    name: Alice Martin
    first_name: Alice
    timezone: Europe/Paris
    working_hours: {days: [mon, tue, wed, thu, fri, sat, sun], from: "00:00", to: "24:00"}
    pacing: {min_gap: 1m, jitter: 1m}
)";

void prepare(const Workspace& workspace, int prospects) {
    workspace.write("templates/hello.mustache", "Hello {{first_name}}\n");
    workspace.write("templates/followup.mustache", "Any thoughts, {{first_name}}?\n");
    workspace.write("templates/thanks.mustache", "Thanks for your answer, {{first_name}}.\n");
    workspace.write("prospects.csv", campaign::e2e::prospects_csv("credit", "test", prospects));
    REQUIRE(workspace.run({"prospects", "import", "prospects.csv"}).exit_code == 0);
}

// The first reply of each enrollment, with the step of the action it was credited to; an away notice is none.
constexpr const char* k_first_replies = R"sql(
    SELECT a.enrollment_id, a.step, min(e.occurred_at) AS at FROM events e JOIN actions a ON a.id = e.action_id
    JOIN replies c ON c.event_id = e.id WHERE e.type = 'replied' AND c.class <> 'out_of_office'
    GROUP BY a.enrollment_id)sql";

} // namespace

TEST_CASE("a reply to a step without a 'replied' branch ends the campaign, whatever went out after it",
          "[e2e][run][credit]") {
    Workspace workspace;
    prepare(workspace, 24);
    workspace.write("campaigns/followup.yaml", std::string(R"(campaign: followup
templates: ../templates
)") + k_sender + R"(audience:
  tags: [test]
steps:
  - id: hello
    type: message
    template: hello.mustache
  - id: followup
    type: message
    after: 1h
    template: followup.mustache
    on:
      replied: thanks
  - id: thanks
    type: message
    template: thanks.mustache
mock:
  reply: 1.0
  reply_delay: 5d
  opt_out: 0
  failure: 0
)");
    auto result = workspace.run({"run", "campaigns/followup.yaml", "--start", "2026-11-02T08:00:00Z", "--for", "40d"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    // Most replies to 'hello' come in after 'followup' went out; each must still end the campaign.
    auto answered_hello = std::string("SELECT count(*) FROM (") + k_first_replies + ") WHERE step = 'hello'";
    auto answered_followup = std::string("SELECT count(*) FROM (") + k_first_replies + ") WHERE step = 'followup'";
    REQUIRE(count(workspace, answered_hello) >= 5);
    REQUIRE(count(workspace, answered_followup) >= 5);
    CHECK(count(workspace, std::string("SELECT count(*) FROM actions t JOIN (") + k_first_replies +
                               ") r ON r.enrollment_id = t.enrollment_id"
                               " WHERE r.step = 'hello' AND t.at_utc > r.at") == 0);
    // The 'replied' branch of 'followup' is taken for replies to 'followup' (and only for those).
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'thanks'") >= 3);
    CHECK(count(workspace,
                std::string("SELECT count(*) FROM actions t JOIN (") + k_first_replies +
                    ") r ON r.enrollment_id = t.enrollment_id WHERE t.step = 'thanks' AND r.step = 'followup'") ==
          count(workspace, "SELECT count(*) FROM actions WHERE step = 'thanks'"));
    CHECK(count(workspace,
                std::string("SELECT count(*) FROM enrollments n JOIN (") + k_first_replies +
                    ") r ON r.enrollment_id = n.id WHERE r.step = 'hello' AND n.state IN ('replied', 'lost')") ==
          count(workspace, answered_hello));
}

namespace {

void write_pair(const Workspace& workspace, const std::string& first_keywords, const std::string& second_keywords) {
    workspace.write("campaigns/one.yaml", std::string(R"(campaign: one
templates: ../templates
)") + k_sender + R"(audience:
  tags: [test]
stop:
  opt_out_keywords: )" + first_keywords + R"(
steps:
  - id: hello
    type: message
    template: hello.mustache
mock:
  reply: 1.0
  reply_delay: 2d
  opt_out: 1.0
  failure: 0
)");
    workspace.write("campaigns/two.yaml", std::string(R"(campaign: two
templates: ../templates
)") + k_sender + R"(audience:
  tags: [test]
stop:
  opt_out_keywords: )" + second_keywords + R"(
steps:
  - id: look
    type: view_profile
  - id: ping
    type: message
    after: 10d
    template: followup.mustache
mock:
  reply: 0
)");
}

// Campaign one's messages go out; their answers come in while a run plays campaign two only.
void play_one_then_two(const Workspace& workspace) {
    auto first = workspace.run({"run", "campaigns/one.yaml", "--start", "2026-11-02T08:00:00Z", "--for", "1d"});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    REQUIRE(count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'done'") == 12);
    auto second = workspace.run({"run", "campaigns/two.yaml", "--for", "30d"});
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    REQUIRE(count(workspace, "SELECT count(*) FROM events WHERE type = 'replied' AND applied_at IS NOT NULL") == 12);
}

} // namespace

TEST_CASE("a late reply to an ended campaign that asks to be removed suppresses the prospect", "[e2e][run][credit]") {
    // The mock's opt-outs are requests the triage rules read ("Please remove me from your list."), whatever words a
    // campaign adds of its own.
    for (const auto& [first, second] : {std::pair{"[please stop]", "[do not contact]"},
                                        std::pair{"[do not contact]", "[please stop, remove me, unsubscribe]"}}) {
        Workspace workspace;
        prepare(workspace, 12);
        write_pair(workspace, first, second);
        play_one_then_two(workspace);
        CHECK(count(workspace, "SELECT count(*) FROM suppressions") == 12);
        CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'ping'") == 0);
        // Those who answered during the first run were never enrolled in the second; the others were stopped.
        CHECK(count(workspace, "SELECT count(*) FROM enrollments n JOIN campaigns c ON c.id = n.campaign_id"
                               " WHERE c.name = 'two' AND n.state <> 'stopped'") == 0);
    }
}
