#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

TEST_CASE("validate passes the example campaigns", "[e2e][validate]") {
    Workspace workspace;
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    auto result = workspace.run({"validate", "campaigns/founders-intro.yaml"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "campaigns/founders-intro.yaml: ok: campaign 'founders-intro', 2 senders, 5 steps, "
                        "4 templates, 1 A/B test\n"
                        "note: no CRM at campaign.db: templates not checked against prospects\n");
    CHECK(result.err.empty());
}

TEST_CASE("validate reports every problem of every file at once", "[e2e][validate]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name}}\n");
    workspace.write("campaigns/broken.yaml", R"(campaign: broken
sendr: []
senders:
  - id: alice
    timezone: Europe/Pari
audience:
  tags: [founders]
steps:
  - id: invite
    type: conect
  - id: hello
    type: message
    template: helo.mustache
    on:
      no_reply: { within: 3 days, goto: nowhere }
)");
    workspace.write("campaigns/good.yaml", R"(campaign: good
senders:
  - id: bob
    timezone: America/New_York
audience:
  tags: [founders]
steps:
  - id: hello
    type: message
    template: hello.mustache
)");
    auto result = workspace.run({"validate", "campaigns/broken.yaml", "campaigns/good.yaml", "campaigns/none.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.out == "campaigns/good.yaml: ok: campaign 'good', 1 sender, 1 step, 1 template, 0 A/B tests\n"
                        "note: no CRM at campaign.db: templates not checked against prospects\n");
    CHECK(result.err ==
          "campaigns/broken.yaml:2:1: error: unknown key 'sendr' in the campaign file (did you mean 'senders'?)\n"
          "campaigns/broken.yaml:5:15: error: unknown time zone 'Europe/Pari' (did you mean 'Europe/Paris'?)\n"
          "campaigns/broken.yaml:10:11: error: unknown step type 'conect' (did you mean 'connect'?)\n"
          "campaigns/broken.yaml:13:15: error: template 'helo.mustache' not found in templates (did you mean "
          "'hello.mustache'?)\n"
          "campaigns/broken.yaml:15:27: error: 'within' must be a duration such as 30m, 4h, 2d or 1w, not "
          "'3 days'\n"
          "campaigns/broken.yaml:15:41: error: no step 'nowhere' to go to\n"
          "campaigns/none.yaml: error: cannot read the file\n"
          "7 problems found\n");
}

TEST_CASE("validate points at YAML syntax errors", "[e2e][validate]") {
    Workspace workspace;
    workspace.write("campaigns/bad.yaml", "campaign: x\nsenders: [\n");
    auto result = workspace.run({"validate", "campaigns/bad.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.err.rfind("campaigns/bad.yaml:3:1: error: ", 0) == 0);
}
