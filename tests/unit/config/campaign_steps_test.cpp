// Steps as the campaign loader reads them: ids, types, delays and the text each type of step may
// send.
#include <catch2/catch.hpp>

#include "core/campaign.hpp"
#include "unit/config/project.hpp"

using namespace campaign::core;
using campaign::test::complete_campaign;
using campaign::test::Lines;
using campaign::test::Project;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("a step's delay is a duration of whole units, largest first", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign(R"(steps:
  - id: a
    type: view_profile
    after: 30m
  - id: b
    type: follow
    after: 4h
  - id: c
    type: like_post
    after: 1w
  - id: d
    type: endorse
    after: 1d12h
  - id: e
    type: view_profile
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& steps = loaded.campaign->steps;
    REQUIRE(steps.size() == 5);
    CHECK(steps[0].after == minutes{30});
    CHECK(steps[1].after == hours{4});
    CHECK(steps[2].after == days{7});
    CHECK(steps[3].after == hours{36});
    CHECK(steps[4].after == Duration{0});
    CHECK(steps[2].type == ActionType::like_post);
    CHECK(steps[3].type == ActionType::endorse);
}

TEST_CASE("a delay that is not a duration is refused", "[config]") {
    Project project;
    auto after = [&project](const std::string& value) {
        return project.errors("steps:\n  - id: look\n    type: view_profile\n    after: " + value + "\n");
    };
    CHECK(after("2 days") == Lines{"campaigns/q4.yaml:4:12: error: 'after' must be a duration such "
                                   "as 30m, 4h, 2d or 1w, not '2 days'"});
    CHECK(after("1.5d") == Lines{"campaigns/q4.yaml:4:12: error: 'after' must be a duration such "
                                 "as 30m, 4h, 2d or 1w, not '1.5d'"});
    CHECK(after("12h1d") == Lines{"campaigns/q4.yaml:4:12: error: 'after' must be a duration such "
                                  "as 30m, 4h, 2d or 1w, not '12h1d'"});
    CHECK(after("3") == Lines{"campaigns/q4.yaml:4:12: error: 'after' must be a duration such as "
                              "30m, 4h, 2d or 1w, not '3'"});
}

TEST_CASE("a step needs an id and a type", "[config]") {
    Project project;
    CHECK(project.errors("steps:\n  - after: 1d\n") ==
          Lines{"campaigns/q4.yaml:2:5: error: missing required key 'id'",
                "campaigns/q4.yaml:2:5: error: missing required key 'type'"});
    CHECK(project.errors("steps: []\n") == Lines{"campaigns/q4.yaml:1:8: error: a campaign needs at least one step"});
}

TEST_CASE("a step id is lower-case letters, digits, '-' and '_', not 'end', and unique", "[config]") {
    Project project;
    CHECK(project.errors("steps:\n  - id: look_1-st\n    type: view_profile\n") == Lines{});
    CHECK(project.errors("steps:\n  - id: Look\n    type: view_profile\n") ==
          Lines{"campaigns/q4.yaml:2:9: error: step id 'Look' must be lower-case letters, digits, "
                "'-' and '_'"});
    CHECK(project.errors("steps:\n  - id: look!\n    type: view_profile\n") ==
          Lines{"campaigns/q4.yaml:2:9: error: step id 'look!' must be lower-case letters, digits, "
                "'-' and '_'"});
    CHECK(project.errors("steps:\n  - id: end\n    type: view_profile\n") ==
          Lines{"campaigns/q4.yaml:2:9: error: 'end' is reserved for the end of the campaign; name "
                "the step "
                "otherwise"});
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
  - id: look
    type: follow
)") == Lines{"campaigns/q4.yaml:4:9: error: step 'look' is defined twice (first on line 2)"});
}

TEST_CASE("an unknown step type is reported with the type meant", "[config]") {
    Project project;
    CHECK(project.errors("steps:\n  - id: invite\n    type: conect\n") ==
          Lines{"campaigns/q4.yaml:3:11: error: unknown step type 'conect' (did you mean 'connect'?)"});
    CHECK(project.errors("steps:\n  - id: invite\n    type: invite\n") ==
          Lines{"campaigns/q4.yaml:3:11: error: unknown step type 'invite'"});
}

TEST_CASE("a step that sends no text takes no template", "[config]") {
    Project project;
    CHECK(project.errors("steps:\n  - id: look\n    type: view_profile\n    template: thanks.mustache\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: a view_profile step sends no text: remove 'template'"});
    CHECK(project.errors("steps:\n  - id: praise\n    type: endorse\n    note: thanks.mustache\n") ==
          Lines{"campaigns/q4.yaml:4:11: error: an endorse step sends no text: remove 'note'"});
    CHECK(project.errors(R"(steps:
  - id: withdraw
    type: withdraw_invite
    variants:
      - id: a
        template: thanks.mustache
      - id: b
        template: nudge.mustache
)") == Lines{"campaigns/q4.yaml:5:7: error: a withdraw_invite step sends no text: remove "
             "'variants'"});
}

TEST_CASE("a connect step's text is its note, a message's its template", "[config]") {
    Project project;
    CHECK(project.errors("steps:\n  - id: invite\n    type: connect\n") == Lines{});
    CHECK(project.errors("steps:\n  - id: invite\n    type: connect\n    template: connect-short.mustache\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: the text of a connect step is its 'note'"});
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    note: thanks.mustache\n") ==
          Lines{"campaigns/q4.yaml:2:5: error: a message step needs a 'template'",
                "campaigns/q4.yaml:4:11: error: the text of a message step is its 'template'"});
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n") ==
          Lines{"campaigns/q4.yaml:2:5: error: a message step needs a 'template'"});
    CHECK(project.errors("steps:\n  - id: pitch\n    type: inmail\n") ==
          Lines{"campaigns/q4.yaml:2:5: error: an inmail step needs a 'template'"});

    auto loaded = project.load(complete_campaign(R"(steps:
  - id: invite
    type: connect
    note: connect-short.mustache
  - id: pitch
    type: inmail
    template: thanks.mustache
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK(loaded.campaign->steps[0].template_name == "connect-short.mustache");
    CHECK(loaded.campaign->steps[1].template_name == "thanks.mustache");
}

TEST_CASE("variants are an A/B test of at least two, instead of the template", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign(R"(steps:
  - id: thanks
    type: message
    variants:
      - id: warm
        template: thanks.mustache
      - id: short
        weight: 3
        template: nudge.mustache
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& variants = loaded.campaign->steps[0].variants;
    REQUIRE(variants.size() == 2);
    CHECK(variants[0].id == "warm");
    CHECK(variants[0].weight == 1);
    CHECK(variants[0].template_name == "thanks.mustache");
    CHECK(variants[1].id == "short");
    CHECK(variants[1].weight == 3);
    CHECK(variants[1].template_name == "nudge.mustache");
    CHECK(loaded.campaign->steps[0].template_name.empty());

    CHECK(project.errors(R"(steps:
  - id: thanks
    type: message
    variants:
      - id: warm
        template: thanks.mustache
)") == Lines{"campaigns/q4.yaml:5:7: error: an A/B test needs at least two variants"});
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    variants: []\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: an A/B test needs at least two variants"});
    CHECK(project.errors(R"(steps:
  - id: thanks
    type: message
    template: thanks.mustache
    variants:
      - id: warm
        template: thanks.mustache
      - id: short
        template: nudge.mustache
)") == Lines{"campaigns/q4.yaml:4:15: error: a step with variants takes its text from them: remove "
             "'template'"});
}

TEST_CASE("each variant has an id of its own, a positive weight and the step's kind of text", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    variants:
      - id: short
        template: connect-short.mustache
      - id: short
        weight: 0
        note: connect-question.mustache
      - weight: 2
        note: connect-short.mustache
)") == Lines{"campaigns/q4.yaml:5:9: error: missing required key 'note'",
             "campaigns/q4.yaml:6:9: error: unknown key 'template' in a variant (expected one of "
             "'id', 'weight', "
             "'note')",
             "campaigns/q4.yaml:7:13: error: variant 'short' is listed twice",
             "campaigns/q4.yaml:8:17: error: 'weight' must be between 1 and 1000000, not 0",
             "campaigns/q4.yaml:10:9: error: missing required key 'id'"});
}
