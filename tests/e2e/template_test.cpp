#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

const std::string k_people = "First Name,Last Name,LinkedIn URL,Company,Title,Tags,Team Size\n"
                             "Zoë,van den Berg,https://www.linkedin.com/in/zoe-vdb/,Brightwater,CEO,founders,12\n"
                             "王,小明,https://www.linkedin.com/in/wang-xiaoming/,,CTO,founders,40\n"
                             ",Nameless,https://www.linkedin.com/in/nameless/,Acme,CMO,founders,3\n"
                             "Ana,Lima,https://www.linkedin.com/in/ana-lima/,Nowhere,CMO,customer,3\n";

const std::string k_campaign = R"(campaign: q4
senders:
  - id: alice
    first_name: Alice
    timezone: Europe/Paris
    account: free
audience:
  tags: [founders]
steps:
  - id: invite
    type: connect
    note: note.mustache
  - id: pitch
    type: inmail
    template: pitch.mustache
)";

// A project of one campaign: a connection note and an InMail, for the three founders of k_people.
void write_project(const Workspace& workspace, const std::string& note) {
    workspace.write("campaigns/q4.yaml", k_campaign);
    workspace.write("templates/note.mustache", note);
    workspace.write("templates/pitch.mustache",
                    "---\nsubject: {A question|One question} for {{company | your team}}\n---\n"
                    "Hi {{first_name | there}},\n\n{{> signature}}\n");
    workspace.write("templates/partials/signature.mustache", "Best,\n{{sender.first_name}}\n");
    workspace.write("people.csv", k_people);
}

} // namespace

TEST_CASE("template render --data prints the text as it would be sent", "[e2e][template]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name | there}}{{#company}} at {{company}}{{/company}}!\n");
    auto result = workspace.run({"template", "render", "templates/hello.mustache", "--data",
                                 R"({"first_name": "O'Brien", "company": "{{evil}} & <Sons> {a|b}"})"});
    CHECK(result.err.empty());
    CHECK(result.exit_code == 0);
    CHECK(result.out == "Hi O'Brien at {{evil}} & <Sons> {a|b}!\n");
    CHECK(workspace.run({"template", "render", "templates/hello.mustache", "--data", "{}"}).out == "Hi there!\n");
    CHECK_FALSE(std::filesystem::exists(workspace.database()));
}

TEST_CASE("template render says which value is missing, and what is wrong with --data", "[e2e][template]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name}},\n");
    auto missing = workspace.run({"template", "render", "templates/hello.mustache", "--data", R"({"company": "x"})"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.empty());
    CHECK(missing.err == "templates/hello.mustache:1:4: error: no value for 'first_name' and no fallback\n");
    auto list = workspace.run({"template", "render", "templates/hello.mustache", "--data", R"({"tags": ["a"]})"});
    CHECK(list.exit_code == 1);
    CHECK(list.err == "error: --data: 'tags' is a list; a field holds text\n");
    auto neither = workspace.run({"template", "render", "templates/hello.mustache"});
    CHECK(neither.exit_code == 1);
    CHECK(neither.err == "error: say whom to render for: --prospect ID|URL or --data JSON\n");
}

TEST_CASE("template render --prospect renders for a prospect of the CRM as the campaign would", "[e2e][template]") {
    Workspace workspace;
    write_project(workspace, "Hi {{first_name | there}}, {{team_size}} people{{#company}} at {{company}}{{/company}}.");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);

    auto note = workspace.run(
        {"template", "render", "templates/note.mustache", "--prospect", "https://www.linkedin.com/in/wang-xiaoming"});
    CHECK(note.err.empty());
    CHECK(note.out == "Hi 王, 40 people.\n");

    auto inmail = workspace.run({"template", "render", "templates/pitch.mustache", "--prospect",
                                 "linkedin.com/in/zoe-vdb", "--campaign", "campaigns/q4.yaml"});
    CHECK(inmail.err.empty());
    bool one_of_two = inmail.out == "Subject: A question for Brightwater\n\nHi Zoë,\n\nBest,\nAlice\n" ||
                      inmail.out == "Subject: One question for Brightwater\n\nHi Zoë,\n\nBest,\nAlice\n";
    CHECK(one_of_two);
    // The same prospect and step give the same text every time.
    CHECK(workspace
              .run({"template", "render", "templates/pitch.mustache", "--prospect", "linkedin.com/in/zoe-vdb",
                    "--campaign", "campaigns/q4.yaml"})
              .out == inmail.out);

    // Without the campaign the sender is unknown: a placeholder, said so, where the preview used to fail.
    auto without_sender = workspace.run({"template", "render", "templates/pitch.mustache", "--prospect", "1"});
    CHECK(without_sender.exit_code == 0);
    CHECK(without_sender.out.ends_with("\n\nBest,\n[sender.first_name]\n"));
    CHECK(without_sender.err == "note: without --campaign, sender.first_name is shown as a placeholder; --campaign "
                                "FILE renders as its sender would send it, or --data can give them "
                                "({\"sender\": {\"first_name\": \"Ann\"}})\n");
    auto given = workspace.run({"template", "render", "templates/pitch.mustache", "--data",
                                R"({"first_name": "Zoë", "sender": {"first_name": "Ann"}})"});
    CHECK(given.err.empty());
    CHECK(given.out.ends_with("\n\nHi Zoë,\n\nBest,\nAnn\n"));
}

TEST_CASE("template render --campaign enforces the step's length limit", "[e2e][template]") {
    Workspace workspace;
    write_project(workspace, "Hi {{first_name | there}}, " + std::string(195, 'x'));
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto result = workspace.run({"template", "render", "templates/note.mustache", "--prospect",
                                 "linkedin.com/in/zoe-vdb", "--campaign", "campaigns/q4.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "templates/note.mustache: error: the connection note would be 203 characters, over the limit "
                        "of 200\n");
}

TEST_CASE("validate reports template syntax errors at file:line:col", "[e2e][template][validate][sqlite]") {
    Workspace workspace;
    write_project(workspace, "Hi {{first_name},\n{Hello|Hi there\n");
    auto result = workspace.run({"validate", "campaigns/q4.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.out == "note: no CRM at campaign.db: templates not checked against prospects\n");
    CHECK(result.err == "templates/note.mustache:1:4: error: tag '{{' is never closed: no '}}' after it\n"
                        "1 problem found\n");
    CHECK_FALSE(std::filesystem::exists(workspace.database()));
}

TEST_CASE("validate reports unknown variables with the field probably meant", "[e2e][template][validate]") {
    Workspace workspace;
    write_project(workspace, "Hi {{frist_name}}, {{team_size}} {{sender.first_nme}}");
    auto without_crm = workspace.run({"validate", "campaigns/q4.yaml"});
    CHECK(without_crm.exit_code == 1);
    CHECK(without_crm.err == "templates/note.mustache:1:34: error: unknown variable 'sender.first_nme' (did you mean "
                             "'sender.first_name'?)\n"
                             "1 problem found\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto with_crm = workspace.run({"validate", "campaigns/q4.yaml"});
    CHECK(with_crm.exit_code == 1);
    CHECK(with_crm.err == "templates/note.mustache:1:4: error: unknown variable 'frist_name' (did you mean "
                          "'first_name'?)\n"
                          "templates/note.mustache:1:34: error: unknown variable 'sender.first_nme' (did you mean "
                          "'sender.first_name'?)\n"
                          "2 problems found\n");
}

TEST_CASE("validate renders the templates for the audience and warns of what would fail", "[e2e][template][validate]") {
    Workspace workspace;
    write_project(workspace, "Hi {{first_name}}, " + std::string(180, 'x') + "{{#company}} at {{company}}{{/company}}");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    REQUIRE(workspace.run({"suppress", "add", "linkedin.com/in/ana-lima"}).exit_code == 0);
    auto result = workspace.run({"validate", "campaigns/q4.yaml"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "campaigns/q4.yaml: ok: campaign 'q4', 1 sender, 2 steps, 2 templates, 0 A/B tests, "
                        "templates checked for 3 prospects\n");
    CHECK(result.err == "templates/note.mustache:1:4: warning: 1 of 3 prospects have no value for 'first_name', "
                        "which has no fallback\n"
                        "templates/note.mustache: warning: 1 of 3 prospects would get a connection note over the "
                        "limit of 200 characters (longest: 203 characters, https://linkedin.com/in/zoe-vdb)\n");
}

TEST_CASE("validate checks every prospect of a large audience, read and rendered in batches",
          "[e2e][template][validate]") {
    Workspace workspace;
    write_project(workspace, "Hi {{first_name}}, a note.");
    std::string people = "First Name,LinkedIn URL,Tags\n";
    for (int i = 0; i < 1500; ++i) {
        // Every 300th founder has no first name; every 7th prospect is not in the audience.
        people += (i % 300 == 299 ? std::string() : "P" + std::to_string(i)) + ",https://www.linkedin.com/in/p" +
                  std::to_string(i) + (i % 7 == 6 ? ",customer\n" : ",founders\n");
    }
    workspace.write("people.csv", people);
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto result = workspace.run({"validate", "campaigns/q4.yaml"});
    CHECK(result.exit_code == 0);
    int founders = 0;
    int nameless = 0;
    for (int i = 0; i < 1500; ++i) {
        if (i % 7 != 6) {
            ++founders;
            nameless += i % 300 == 299 ? 1 : 0;
        }
    }
    CHECK(result.out == "campaigns/q4.yaml: ok: campaign 'q4', 1 sender, 2 steps, 2 templates, 0 A/B tests, "
                        "templates checked for " +
                            std::to_string(founders) + " prospects\n");
    CHECK(result.err == "templates/note.mustache:1:4: warning: " + std::to_string(nameless) + " of " +
                            std::to_string(founders) +
                            " prospects have no value for 'first_name', which has no "
                            "fallback\n");
}
