// Campaign files that mean what they say when a run plays several: each campaign's mock model for its own
// prospects, one definition per sender, `next` beside branches as docs/campaigns.md describes it, and a period that
// is already over.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

// Counts in the rehearsal, where the mock runs of these tests work.
int count(const Workspace& workspace, const std::string& sql) {
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

void import_prospects(const Workspace& workspace, const std::string& tag, int count) {
    workspace.write(tag + ".csv", campaign::e2e::prospects_csv(tag, tag, count));
    REQUIRE(workspace.run({"prospects", "import", tag + ".csv"}).exit_code == 0);
}

std::string sender(const std::string& zone, const std::string& min_gap) {
    return R"(senders:
  - id: alice
    name: Alice Martin
    timezone: )" +
           zone + R"(
    working_hours: {days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00"}
    pacing: {min_gap: )" +
           min_gap + R"(, jitter: 1m}
)";
}

std::string message_campaign(const std::string& id, const std::string& tag, const std::string& reply,
                             const std::string& senders) {
    return "campaign: " + id + "\ntemplates: ../templates\n" + senders + "audience:\n  tags: [" + tag +
           "]\nsteps:\n  - id: hello\n    type: message\n    template: hello.mustache\nmock:\n  reply: " + reply +
           "\n  reply_delay: 1d\n  opt_out: 0\n  failure: 0\n";
}

} // namespace

TEST_CASE("each campaign's mock model governs its own prospects", "[e2e][run][files]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hello {{first_name}}\n");
    import_prospects(workspace, "aaa", 10);
    import_prospects(workspace, "bbb", 10);
    auto alice = sender("Europe/Paris", "2m");
    workspace.write("campaigns/aaa.yaml", message_campaign("aaa", "aaa", "0", alice));
    workspace.write("campaigns/bbb.yaml", message_campaign("bbb", "bbb", "1.0", alice));
    // bbb first: its model must not answer for aaa's prospects.
    auto result = workspace.run(
        {"run", "campaigns/bbb.yaml", "campaigns/aaa.yaml", "--start", "2026-11-02T06:00:00Z", "--for", "20d"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    auto replies_in = [&workspace](const std::string& campaign) {
        return count(workspace, "SELECT count(*) FROM events e JOIN actions a ON a.id = e.action_id"
                                " JOIN campaigns c ON c.id = a.campaign_id WHERE e.type = 'replied' AND c.name = '" +
                                    campaign + "'");
    };
    CHECK(replies_in("bbb") == 10);
    CHECK(replies_in("aaa") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state = 'sent'") == 20);
}

TEST_CASE("one sender defined differently in two files is an error naming both places", "[e2e][validate][files]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hello {{first_name}}\n");
    import_prospects(workspace, "aaa", 3);
    workspace.write("campaigns/aaa.yaml", message_campaign("aaa", "aaa", "0", sender("Europe/Paris", "2m")));
    workspace.write("campaigns/bbb.yaml", message_campaign("bbb", "aaa", "0", sender("America/Chicago", "1h")));
    const std::string expected =
        "campaigns/bbb.yaml:4:5: error: sender 'alice' is defined differently in campaigns/aaa.yaml:4:5 (timezone, "
        "pacing): a sender is one account, whose limits and hours every campaign shares; define it the same in both "
        "files\n";

    auto validated = workspace.run({"validate", "campaigns/aaa.yaml", "campaigns/bbb.yaml"});
    CHECK(validated.exit_code == 1);
    CHECK(validated.err == expected + "1 problem found\n");
    CHECK(validated.out.find("campaigns/aaa.yaml: ok") != std::string::npos);

    auto ran = workspace.run({"run", "campaigns/aaa.yaml", "campaigns/bbb.yaml", "--for", "1d"});
    CHECK(ran.exit_code == 1);
    CHECK(ran.err.find(expected) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(workspace.rehearsal()));

    // The same definition in both files is one sender, shared.
    workspace.write("campaigns/bbb.yaml", message_campaign("bbb", "aaa", "0", sender("Europe/Paris", "2m")));
    CHECK(workspace.run({"validate", "campaigns/aaa.yaml", "campaigns/bbb.yaml"}).exit_code == 0);
}

TEST_CASE("'next' on a step with branches is where an outcome without a branch goes", "[e2e][run][files]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hello {{first_name}}\n");
    import_prospects(workspace, "aaa", 5);
    workspace.write("campaigns/invite.yaml",
                    "campaign: invite\ntemplates: ../templates\n" + sender("Europe/Paris", "2m") + R"(audience:
  tags: [aaa]
steps:
  - id: invite
    type: connect
    next: thanks
    on:
      not_accepted: {within: 14d, goto: withdraw}
  - id: withdraw
    type: withdraw_invite
    next: end
  - id: thanks
    type: message
    template: hello.mustache
mock:
  accept: 1.0
  accept_delay: 1d
  reply: 0
  failure: 0
)");
    auto validated = workspace.run({"validate", "campaigns/invite.yaml"});
    INFO(validated.err);
    CHECK(validated.exit_code == 0);
    auto ran = workspace.run({"run", "campaigns/invite.yaml", "--start", "2026-11-02T06:00:00Z", "--for", "10d"});
    INFO(ran.err);
    REQUIRE(ran.exit_code == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'thanks' AND state = 'sent'") == 5);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'withdraw'") == 0);
}

TEST_CASE("a run until the moment the clock stands at has nothing to do", "[e2e][run][files]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hello {{first_name}}\n");
    import_prospects(workspace, "aaa", 3);
    workspace.write("campaigns/aaa.yaml", message_campaign("aaa", "aaa", "0", sender("Europe/Paris", "2m")));
    auto first = workspace.run(
        {"run", "campaigns/aaa.yaml", "--start", "2026-11-02T06:00:00Z", "--until", "2026-11-03T06:00:00Z"});
    REQUIRE(first.exit_code == 0);
    auto again = workspace.run({"run", "campaigns/aaa.yaml", "--until", "2026-11-03T06:00:00Z"});
    CHECK(again.exit_code == 0);
    CHECK(again.err.empty());
    CHECK(again.out.ends_with(
        "\nnothing to do: the simulated clock already stands at 2026-11-03T06:00:00Z, the end of the "
        "period asked for\n"));
    CHECK(count(workspace, "SELECT count(*) FROM runs") == 1);
}
