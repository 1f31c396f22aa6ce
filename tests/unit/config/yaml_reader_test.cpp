// What any part of a campaign file can get wrong: YAML syntax, the kind of a value, unknown,
// repeated and missing keys. Each message is checked whole, with the line and column it points at.
#include <catch2/catch.hpp>

#include "unit/config/project.hpp"

using campaign::test::Lines;
using campaign::test::Project;

TEST_CASE("a file that is not YAML is reported where the parser stopped", "[config]") {
    Project project;
    CHECK(project.errors_as_written("campaign: q4\nsenders: [alice\n") ==
          Lines{"campaigns/q4.yaml:3:1: error: end of sequence flow not found"});
    CHECK(project.errors_as_written("campaign: q4\n  senders: alice\n") ==
          Lines{"campaigns/q4.yaml:2:10: error: illegal map value"});
    CHECK(project.errors_as_written("campaign: q4\n\tdescription: tabs\n") ==
          Lines{"campaigns/q4.yaml:2:1: error: illegal tab when looking for indentation"});
    CHECK(project.errors_as_written("campaign: &name q4\ndescription: *nickname\n") ==
          Lines{"campaigns/q4.yaml:2:14: error: the referenced anchor is not defined"});
    CHECK_FALSE(project.load("campaign: q4\nsenders: [alice\n").campaign);
}

TEST_CASE("a file that cannot be read is one error for the whole file", "[config]") {
    Project project;
    CHECK(project.lines(campaign::config::load_campaign(project.root() / "campaigns/missing.yaml")) ==
          Lines{"campaigns/missing.yaml: error: cannot read the file"});
    CHECK(project.lines(campaign::config::load_campaign(project.root() / "campaigns")) ==
          Lines{"campaigns: error: cannot read the file"});
}

TEST_CASE("the top level of a campaign file is a map", "[config]") {
    Project project;
    CHECK(project.errors_as_written("- campaign: q4\n- steps: []\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: the campaign file must be a map of keys and values"});
    CHECK(project.errors_as_written("just some text\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: the campaign file must be a map of keys and values"});
    CHECK(project.errors_as_written("") ==
          Lines{"campaigns/q4.yaml: error: the campaign file must be a map of keys and values"});
}

TEST_CASE("an unknown key is reported with the key the user probably meant", "[config]") {
    Project project;
    CHECK(project.errors(R"(campaign: q4
sendr:
  - id: alice
    timezone: Europe/Paris
)") == Lines{"campaigns/q4.yaml:2:1: error: unknown key 'sendr' in the campaign file (did you mean "
             "'senders'?)"});
    CHECK(project.errors(R"(audiance:
  tags: [founders]
)") == Lines{"campaigns/q4.yaml:1:1: error: unknown key 'audiance' in the campaign file (did you "
             "mean "
             "'audience'?)"});
    CHECK(project.errors(R"(steps:
  - id: thanks
    type: message
    temlate: thanks.mustache
)") == Lines{"campaigns/q4.yaml:2:5: error: a message step needs a 'template'",
             "campaigns/q4.yaml:4:5: error: unknown key 'temlate' in a step (did you mean "
             "'template'?)"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezon: Europe/Paris
)") == Lines{"campaigns/q4.yaml:2:5: error: missing required key 'timezone'",
             "campaigns/q4.yaml:3:5: error: unknown key 'timezon' in a sender (did you mean "
             "'timezone'?)"});
}

TEST_CASE("an unknown key too far from any is reported with the keys expected", "[config]") {
    Project project;
    CHECK(project.errors("owner: bob\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: unknown key 'owner' in the campaign file (expected one of 'campaign', "
                "'description', 'templates', 'senders', 'audience', 'routing', 'prospect_hours', "
                "'when_notes_run_out', 'stop', 'steps', 'mock', 'gateway', 'hooks')"});
    CHECK(project.errors(R"(stop:
  on_reply: true
  keywords: [stop]
)") == Lines{"campaigns/q4.yaml:3:3: error: unknown key 'keywords' in 'stop' (expected one of "
             "'on_reply', 'opt_out_keywords', 'not_interested', 'out_of_office', 'later')"});
}

TEST_CASE("a key given twice is reported where it is repeated", "[config]") {
    Project project;
    CHECK(project.errors(R"(campaign: q4
description: first
campaign: q5
)") == Lines{"campaigns/q4.yaml:3:1: error: duplicate key 'campaign' (first given on line 1)"});
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
    type: follow
)") == Lines{"campaigns/q4.yaml:4:5: error: duplicate key 'type' (first given on line 3)"});
}

TEST_CASE("every missing required key of the top level is reported", "[config]") {
    Project project;
    CHECK(project.errors_as_written("description: not written yet\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: missing required key 'campaign'",
                "campaigns/q4.yaml:1:1: error: missing required key 'senders'",
                "campaigns/q4.yaml:1:1: error: missing required key 'audience'",
                "campaigns/q4.yaml:1:1: error: missing required key 'steps'"});
}

TEST_CASE("a value of the wrong kind names the kind expected", "[config]") {
    Project project;
    CHECK(project.errors("campaign: [q4]\n") ==
          Lines{"campaigns/q4.yaml:1:11: error: 'campaign' must be a single value, not a list"});
    CHECK(project.errors("description: {text: hello}\n") ==
          Lines{"campaigns/q4.yaml:1:14: error: 'description' must be a single value, not a map"});
    CHECK(project.errors("senders: alice\n") == Lines{"campaigns/q4.yaml:1:10: error: 'senders' must be a list"});
    CHECK(project.errors("steps:\n  id: look\n  type: view_profile\n") ==
          Lines{"campaigns/q4.yaml:2:3: error: 'steps' must be a list"});
    CHECK(project.errors("stop: yes\n") ==
          Lines{"campaigns/q4.yaml:1:7: error: 'stop' must be a map of keys and values"});
    CHECK(project.errors("stop:\n  on_reply: sometimes\n") ==
          Lines{"campaigns/q4.yaml:2:13: error: 'on_reply' must be true or false"});
    CHECK(project.errors("campaign: \"  \"\n") == Lines{"campaigns/q4.yaml:1:11: error: 'campaign' must not be empty"});
}

// yaml-cpp marks an empty value at the next token, which is often on the next line.
TEST_CASE("an empty value is reported at its key, not on the line after", "[config]") {
    Project project;
    CHECK(project.errors("description:\ncampaign: q4\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: 'description' must not be empty"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone:
    name: Alice Martin
)") == Lines{"campaigns/q4.yaml:3:5: error: 'timezone' must not be empty"});
    CHECK(project.errors("audience:\ncampaign: q4\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: 'audience' must be a map of keys and values"});
}

TEST_CASE("a key that is a list or a map is an error, not a crash", "[config]") {
    Project project;
    CHECK(project.errors("? [campaign, q4]\n: yes\n") ==
          Lines{"campaigns/q4.yaml:1:3: error: a key in the campaign file must be a single value, "
                "not a list"});
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      {accepted: yes}: end
)") == Lines{"campaigns/q4.yaml:5:7: error: a key in 'on' must be a single value, not a map"});
}
