// What a run does with each class of reply (docs/replies.md): an away notice pauses the sequence until the prospect
// is back, across a weekend and a daylight-saving change, and it goes on where it stood; a "later" snoozes it until
// the date and then takes its branch; a decline ends it as lost without suppressing the prospect; the other classes
// take the branch a campaign names for them.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

std::string text(const Workspace& workspace, const std::string& sql) {
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, sql);
    if (!query.executeStep() || query.getColumn(0).isNull()) {
        return "";
    }
    return query.getColumn(0).getString();
}

int count(const Workspace& workspace, const std::string& sql) {
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

std::string profile(int prospect) {
    return "https://linkedin.com/in/talk-p" + std::to_string(prospect); // as the CRM keeps it
}

// Prospect N's enrollment column.
std::string of(int prospect, const std::string& column) {
    return "SELECT n." + column +
           " FROM enrollments n JOIN prospects p ON p.id = n.prospect_id WHERE p.profile_url = '" + profile(prospect) +
           "'";
}

// When prospect N's step went out, on the sender's wall clock; empty when it did not.
std::string sent_local(const Workspace& workspace, int prospect, const std::string& step) {
    return text(workspace, "SELECT a.at_local FROM actions a JOIN prospects p ON p.id = a.prospect_id WHERE"
                           " p.profile_url = '" +
                               profile(prospect) + "' AND a.step = '" + step + "' AND a.state = 'sent'");
}

std::string reply(const std::string& id, int prospect, const std::string& at, const std::string& said) {
    return R"({"id": ")" + id + R"(", "type": "replied", "sender": "alice", "at": ")" + at + R"(", "profile_url": ")" +
           profile(prospect) + R"(", "text": ")" + said + "\"}\n";
}

void ingest(const Workspace& workspace, const std::string& events) {
    workspace.write("events.jsonl", events);
    auto result = workspace.run({"--rehearsal", "events", "ingest", "events.jsonl"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
}

void run_for(const Workspace& workspace, const std::string& period) {
    auto result = workspace.run({"run", "campaigns/talk.yaml", "--for", period});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
}

// Alice works in Paris, Monday to Friday; the clocks go forward there on Sunday 28 March 2027.
void prepare(const Workspace& workspace, const std::string& stop = "") {
    for (const auto* name : {"hello", "followup", "book", "nurture"}) {
        workspace.write(std::string("templates/") + name + ".mustache", std::string(name) + ", {{first_name}}\n");
    }
    workspace.write("prospects.csv", campaign::e2e::prospects_csv("talk", "test", 8));
    REQUIRE(workspace.run({"prospects", "import", "prospects.csv"}).exit_code == 0);
    workspace.write("campaigns/talk.yaml", R"(campaign: talk
templates: ../templates
senders:
  - id: alice
    name: Alice Martin
    timezone: Europe/Paris
    working_hours: {days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:30"}
    pacing: {min_gap: 2m, jitter: 1m}
audience:
  tags: [test]
)" + stop + R"(steps:
  - id: hello
    type: message
    template: hello.mustache
    on:
      replied: {interested: book, later: nurture, default: end}
      no_reply: {within: 3d, goto: followup}
  - id: followup
    type: message
    template: followup.mustache
    next: end
  - id: book
    type: message
    template: book.mustache
    next: end
  - id: nurture
    type: message
    template: nurture.mustache
mock:
  reply: 0
  failure: 0
)");
    auto first = workspace.run({"run", "campaigns/talk.yaml", "--start", "2027-03-22T06:00:00Z", "--for", "1d"});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    REQUIRE(count(workspace, "SELECT count(*) FROM actions WHERE step = 'hello' AND state = 'sent'") == 8);
}

} // namespace

TEST_CASE("an away notice pauses the sequence across a weekend and a DST change, then it goes on where it stood",
          "[e2e][run][replies]") {
    Workspace workspace;
    prepare(workspace);
    ingest(workspace, reply("ooo-1", 1, "2027-03-23T10:00:00Z",
                            "I am out of the office until Tuesday 30 March with limited access to email."));
    run_for(workspace, "1d");
    // Back on Tuesday 30 March: from midnight in Paris, summer time by then.
    CHECK(text(workspace, of(1, "paused_until")) == "2027-03-29T22:00:00Z");
    CHECK(text(workspace, of(1, "state")) == "active");
    // The "no reply within 3d" timer ran out on Thursday 25 March at the time hello went out; it now runs out seven
    // of Alice's days later, at the same time on her clock, an hour earlier in UTC.
    auto hello = sent_local(workspace, 1, "hello");
    REQUIRE(hello.size() == 25);
    REQUIRE(hello.substr(19) == "+01:00");
    auto hour = std::stoi(hello.substr(11, 2));
    char expected[32];
    std::snprintf(expected, sizeof expected, "2027-04-01T%02d:%sZ", hour - 2, hello.substr(14, 5).c_str());
    CHECK(text(workspace, of(1, "next_due_at")) == expected);
    CHECK(text(workspace, "SELECT class FROM replies") == "out_of_office");

    run_for(workspace, "14d");
    // The others' follow-ups went out on the Thursday; prospect 1's on the Thursday after the pause, not before.
    CHECK(sent_local(workspace, 2, "followup").substr(0, 10) == "2027-03-25");
    CHECK(sent_local(workspace, 1, "followup").substr(0, 10) == "2027-04-01");
    CHECK(sent_local(workspace, 1, "followup").substr(19) == "+02:00");
    // An away notice is no reply: the report counts it apart, and no reply rate includes it.
    auto report = workspace.run({"--rehearsal", "report", "replies", "--format", "json"});
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    CHECK(report.out.find(R"("out_of_office": 1)") != std::string::npos);
    CHECK(report.out.find(R"("replied": 0)") != std::string::npos);
}

TEST_CASE("each class of reply takes its branch: a later snoozes, a decline is lost, a referral is kept",
          "[e2e][run][replies]") {
    Workspace workspace;
    prepare(workspace);
    ingest(workspace,
           reply("r-2", 2, "2027-03-23T10:00:00Z", "Not right now, ping me in Q3.") +
               reply("r-3", 3, "2027-03-23T10:05:00Z", "Yes, let's talk next week - can you send a few times?") +
               reply("r-4", 4, "2027-03-23T10:10:00Z", "No thanks, not interested.") +
               reply("r-5", 5, "2027-03-23T10:15:00Z", "Thanks for connecting!") +
               reply("r-6", 6, "2027-03-23T10:20:00Z",
                     "Please talk to my colleague Jane Doe (jane.doe@example.com), she runs purchasing."));
    run_for(workspace, "14d");
    // Interested: the 'book' step, at once.
    CHECK(sent_local(workspace, 3, "book").substr(0, 10) == "2027-03-23");
    // Later: waiting for 'nurture' until the first day of the third quarter, in Paris.
    CHECK(text(workspace, of(2, "current_step")) == "nurture");
    CHECK(text(workspace, of(2, "next_due_at")) == "2027-06-30T22:00:00Z");
    CHECK(sent_local(workspace, 2, "nurture").empty());
    // A decline ends as lost, and the prospect is not suppressed from other campaigns.
    CHECK(text(workspace, of(4, "state")) == "lost");
    CHECK(count(workspace, "SELECT count(*) FROM suppressions") == 0);
    // The others end on the default branch; none of the five got a follow-up.
    CHECK(text(workspace, of(5, "state")) == "replied");
    CHECK(text(workspace, of(6, "state")) == "replied");
    for (int prospect = 2; prospect <= 6; ++prospect) {
        CHECK(sent_local(workspace, prospect, "followup").empty());
    }
    CHECK(sent_local(workspace, 7, "followup").substr(0, 10) == "2027-03-25");

    auto referrals = workspace.run({"--rehearsal", "replies", "referrals", "--format", "csv"});
    INFO(referrals.err);
    REQUIRE(referrals.exit_code == 0);
    CHECK(referrals.out.find("jane.doe@example.com") != std::string::npos);
    CHECK(referrals.out.find(profile(6)) != std::string::npos);

    auto status = workspace.run({"--rehearsal", "status", "--format", "json"});
    REQUIRE(status.exit_code == 0);
    CHECK(status.out.find(R"("lost": 1)") != std::string::npos);

    // The snooze ends on Thursday 1 July: 'nurture' goes out then.
    run_for(workspace, "100d");
    CHECK(sent_local(workspace, 2, "nurture").substr(0, 10) == "2027-07-01");
    CHECK(text(workspace, of(2, "state")) == "done");
}

TEST_CASE("a campaign can suppress those who decline, as it does those who opt out", "[e2e][run][replies]") {
    Workspace workspace;
    prepare(workspace, "stop:\n  not_interested: suppress\n");
    ingest(workspace, reply("r-4", 4, "2027-03-23T10:10:00Z", "No thanks, not interested."));
    run_for(workspace, "1d");
    CHECK(text(workspace, of(4, "state")) == "lost");
    CHECK(text(workspace, "SELECT reason FROM suppressions WHERE value = '" + profile(4) + "'") ==
          "not interested: \"No thanks, not interested.\"");
}

TEST_CASE("the inbox lists the replies to deal with, and a correction is applied by the next run",
          "[e2e][run][replies][inbox]") {
    Workspace workspace;
    prepare(workspace);
    ingest(workspace, reply("r-1", 1, "2027-03-22T14:00:00Z", "Sounds great, can you send a few times next week?") +
                          reply("r-2", 2, "2027-03-22T15:00:00Z", "I'm out of the office until 29 March.") +
                          reply("r-3", 3, "2027-03-22T16:00:00Z", "Thanks for connecting!"));
    run_for(workspace, "1d");
    auto listed = workspace.run({"--rehearsal", "inbox", "--format", "json"});
    INFO(listed.err);
    REQUIRE(listed.exit_code == 0);
    auto inbox = nlohmann::json::parse(listed.out);
    REQUIRE(inbox.size() == 3);
    CHECK(inbox[0]["class"] == "neutral"); // newest first
    CHECK(inbox[1]["class"] == "out_of_office");
    CHECK(inbox[1]["until"] == "2027-03-29");
    CHECK(inbox[2]["class"] == "interested");
    CHECK(inbox[2]["campaign"] == "talk");
    CHECK(inbox[2]["step"] == "hello");
    CHECK(inbox[2]["prospect"] == "P1 Tester");
    auto away = std::to_string(inbox[1]["id"].get<int>());
    auto thanks = std::to_string(inbox[0]["id"].get<int>());
    auto interested = std::to_string(inbox[2]["id"].get<int>());

    auto only = workspace.run({"--rehearsal", "inbox", "--class", "interested,later"});
    CHECK(only.out.find("P1 Tester") != std::string::npos);
    CHECK(only.out.find("P2 Tester") == std::string::npos);
    auto shown = workspace.run({"--rehearsal", "inbox", "show", interested});
    CHECK(shown.out.find("class: interested") != std::string::npos);
    CHECK(shown.out.find("alice (hello, sent):\n  hello, P1\n") != std::string::npos);
    CHECK(shown.out.find("prospect (interested):\n  Sounds great") != std::string::npos);

    // The away notice was a prospect's own answer: marked interested, the next run takes the 'book' branch.
    REQUIRE(workspace.run({"--rehearsal", "inbox", "mark", away, "interested"}).exit_code == 0);
    CHECK(workspace.run({"--rehearsal", "inbox", "mark", away, "intrested"}).err.find("did you mean 'interested'") !=
          std::string::npos);
    CHECK(workspace.run({"--rehearsal", "inbox", "done", interested}).exit_code == 0);
    CHECK(workspace.run({"--rehearsal", "inbox", "snooze", thanks, "2027-04-01"}).exit_code == 0);
    auto left = nlohmann::json::parse(workspace.run({"--rehearsal", "inbox", "--format", "json"}).out);
    REQUIRE(left.size() == 1);
    CHECK(left[0]["class"] == "interested");
    CHECK(left[0]["corrected"] == true);
    CHECK(nlohmann::json::parse(workspace.run({"--rehearsal", "inbox", "--all", "--format", "json"}).out).size() == 3);
    run_for(workspace, "1d");
    CHECK(text(workspace, of(2, "paused_until")).empty());
    CHECK_FALSE(sent_local(workspace, 2, "book").empty());
    CHECK(workspace.run({"--rehearsal", "inbox", "show", "99"}).exit_code == 1);
}

TEST_CASE("reclassify reads kept replies again with new rules, says what changed, and the run applies it",
          "[e2e][run][replies][inbox]") {
    Workspace workspace;
    prepare(workspace);
    ingest(workspace, reply("r-1", 1, "2027-03-22T14:00:00Z", "Thanks, this is not for us right now."));
    run_for(workspace, "1d");
    REQUIRE(text(workspace, of(1, "state")) == "lost");
    workspace.write("rules/en.yaml",
                    "language: en\nclasses:\n  later:\n    strong:\n      - \"not for us right now\"\n");
    auto dry = workspace.run({"--rehearsal", "replies", "reclassify", "--rules", "rules", "--dry-run"});
    INFO(dry.err);
    REQUIRE(dry.exit_code == 0);
    CHECK(dry.out.find("not_interested  later") != std::string::npos);
    CHECK(dry.out.find("1 reads differently (a dry run: nothing was changed)") != std::string::npos);
    CHECK(text(workspace, "SELECT class FROM replies") == "not_interested");
    auto changed = workspace.run({"--rehearsal", "replies", "reclassify", "--rules", "rules", "--format", "json"});
    REQUIRE(changed.exit_code == 0);
    CHECK(nlohmann::json::parse(changed.out)[0]["to"] == "later");
    // The decline ended the campaign as lost; read as a later, it waits for its branch instead.
    run_for(workspace, "1d");
    CHECK(text(workspace, of(1, "state")) == "active");
    CHECK(text(workspace, of(1, "current_step")) == "nurture");
    CHECK_FALSE(text(workspace, of(1, "paused_until")).empty());
}

TEST_CASE("an opt-out corrected in the inbox is lifted, and the person's class wins over the campaign's phrases",
          "[e2e][run][replies][inbox]") {
    Workspace workspace;
    prepare(workspace, "stop:\n  opt_out_keywords: [unsubscribe]\n");
    ingest(workspace, reply("r-1", 1, "2027-03-23T10:00:00Z",
                            "Sure, let's talk! (I clicked unsubscribe on your newsletter by mistake.)"));
    run_for(workspace, "1d");
    REQUIRE(text(workspace, of(1, "state")) == "opted_out");
    REQUIRE(count(workspace, "SELECT count(*) FROM suppressions") == 1);
    auto id = text(workspace, "SELECT event_id FROM replies");
    auto marked = workspace.run({"--rehearsal", "inbox", "mark", id, "interested"});
    INFO(marked.err);
    REQUIRE(marked.exit_code == 0);
    CHECK(marked.out.find(", undoing what the last run did with it as opt_out") != std::string::npos);
    run_for(workspace, "1d");
    CHECK(count(workspace, "SELECT count(*) FROM suppressions") == 0);
    CHECK_FALSE(sent_local(workspace, 1, "book").empty());
    CHECK(text(workspace, "SELECT applied_class FROM replies") == "interested");
}
