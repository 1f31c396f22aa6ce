// The steps as a graph: branches that fit their step and lead to a step that exists, no step out of
// reach, no loop, and templates that exist inside the templates folder.
#include <catch2/catch.hpp>

#include "unit/config/project.hpp"

using campaign::test::Lines;
using campaign::test::Project;

TEST_CASE("a branch follows only the steps whose outcome it names", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: thanks
    type: message
    template: thanks.mustache
    on:
      accepted: end
      not_accepted: {within: 7d, goto: end}
)") == Lines{"campaigns/q4.yaml:6:7: error: 'accepted' cannot follow a message step",
             "campaigns/q4.yaml:7:7: error: 'not_accepted' cannot follow a message step"});
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      replied: end
      no_reply: {within: 7d, goto: end}
)") == Lines{"campaigns/q4.yaml:5:7: error: 'replied' cannot follow a connect step without a note",
             "campaigns/q4.yaml:6:7: error: 'no_reply' cannot follow a connect step"});
    CHECK(project.errors(R"(steps:
  - id: look
    type: endorse
    on:
      accepted: end
)") == Lines{"campaigns/q4.yaml:5:7: error: 'accepted' cannot follow an endorse step"});
}

TEST_CASE("a reply can follow a connect step that sends a note", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    note: connect-short.mustache
    on:
      replied: end
      accepted: end
)") == Lines{});
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    variants:
      - id: a
        note: connect-short.mustache
      - id: b
        note: connect-question.mustache
    on:
      replied: end
)") == Lines{});
    CHECK(project.errors(R"(steps:
  - id: pitch
    type: inmail
    template: thanks.mustache
    on:
      replied: end
      no_reply: {within: 3d, goto: end}
)") == Lines{});
}

TEST_CASE("a branch on a step of an unknown type is not judged against a type it does not have", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: invite
    type: conect
    on:
      accepted: end
)") == Lines{"campaigns/q4.yaml:3:11: error: unknown step type 'conect' (did you mean 'connect'?)"});
}

TEST_CASE("a branch with a bad 'within' still has its target checked", "[config]") {
    Project project;
    auto errors = project.errors(campaign::test::complete_campaign(R"(steps:
  - id: hello
    type: message
    template: thanks.mustache
    on:
      no_reply: {within: 3 days, goto: nowhere}
)"));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].find("'within' must be a duration") != std::string::npos);
    CHECK(errors[1].find("no step 'nowhere' to go to") != std::string::npos);
}

TEST_CASE("a branch that waits needs 'within' and 'goto'", "[config]") {
    Project project;
    auto errors = [&project](const std::string& branch) {
        return project.errors("steps:\n  - id: invite\n    type: connect\n    on:\n" + branch);
    };
    CHECK(errors("      not_accepted: end\n") ==
          Lines{"campaigns/q4.yaml:5:21: error: 'not_accepted' needs 'within' and 'goto', e.g. { "
                "within: 7d, goto: "
                "follow_up }"});
    CHECK(errors("      not_accepted:\n        goto: end\n") ==
          Lines{"campaigns/q4.yaml:6:9: error: missing required key 'within'"});
    CHECK(errors("      not_accepted:\n        within: 14d\n") ==
          Lines{"campaigns/q4.yaml:6:9: error: missing required key 'goto'"});
    CHECK(errors("      not_accepted: {within: 2 weeks, goto: end}\n") ==
          Lines{"campaigns/q4.yaml:5:30: error: 'within' must be a duration such as 30m, 4h, 2d or "
                "1w, not '2 "
                "weeks'"});
    CHECK(errors("      not_accepted: {within: 14d, goto: end, then: end}\n") ==
          Lines{"campaigns/q4.yaml:5:46: error: unknown key 'then' in 'not_accepted' (expected one "
                "of 'within', "
                "'goto')"});
    CHECK(errors("      accepted: {goto: end}\n") ==
          Lines{"campaigns/q4.yaml:5:17: error: 'accepted' must be a single value, not a map"});
}

TEST_CASE("an unknown outcome under 'on' is one error, with the outcome meant", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      acepted: end
)") == Lines{"campaigns/q4.yaml:5:7: error: unknown key 'acepted' in 'on' (did you mean "
             "'accepted'?)"});
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      accepted: end
      accepted: nowhere
)") == Lines{"campaigns/q4.yaml:6:7: error: duplicate key 'accepted' (first given on line 5)"});
}

TEST_CASE("a branch or 'next' must lead to a step that exists", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      accepted: end
      not_accepted:
        within: 21d
        goto: withdrw
  - id: withdraw
    type: withdraw_invite
)") == Lines{"campaigns/q4.yaml:8:15: error: no step 'withdrw' to go to (did you mean 'withdraw'?)",
             "campaigns/q4.yaml:9:5: error: step 'withdraw' is unreachable: no step leads to it"});
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
    next: somewhere-else
)") == Lines{"campaigns/q4.yaml:4:11: error: no step 'somewhere-else' to go to"});
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      accepted: ed
)") == Lines{"campaigns/q4.yaml:5:17: error: no step 'ed' to go to (did you mean 'end'?)"});
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      accepted: ""
)") == Lines{"campaigns/q4.yaml:5:17: error: 'accepted' must not be empty"});
}

TEST_CASE("a step cannot lead to itself", "[config]") {
    Project project;
    CHECK(project.errors("steps:\n  - id: look\n    type: view_profile\n    next: look\n") ==
          Lines{"campaigns/q4.yaml:4:11: error: step 'look' cannot lead to itself"});
    CHECK(project.errors(R"(steps:
  - id: thanks
    type: message
    template: thanks.mustache
    on:
      no_reply: {within: 3d, goto: thanks}
)") == Lines{"campaigns/q4.yaml:6:36: error: step 'thanks' cannot lead to itself"});
}

TEST_CASE("a step with branches names in 'next' where an outcome without a branch goes", "[config]") {
    Project project;
    // Accepted goes to 'thanks' through 'next', which the steps can therefore reach.
    CHECK(project
              .errors(R"(steps:
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
    template: thanks.mustache
)")
              .empty());
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    next: thank
    on:
      accepted: end
)") == Lines{"campaigns/q4.yaml:4:11: error: no step 'thank' to go to"});
}

TEST_CASE("every step can be reached from the first", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
    next: end
  - id: follow
    type: follow
)") == Lines{"campaigns/q4.yaml:5:5: error: step 'follow' is unreachable: no step leads to it"});
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
    next: praise
  - id: follow
    type: follow
  - id: praise
    type: endorse
)") == Lines{"campaigns/q4.yaml:5:5: error: step 'follow' is unreachable: no step leads to it"});
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
    next: praise
  - id: follow
    type: follow
    next: end
  - id: praise
    type: endorse
    next: follow
)") == Lines{});
}

TEST_CASE("the steps cannot form a loop", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
  - id: follow
    type: follow
    next: look
)") == Lines{"campaigns/q4.yaml:2:5: error: the steps form a loop (look -> follow -> look); each "
             "step runs at "
             "most once per prospect"});
    CHECK(project.errors(R"(steps:
  - id: look
    type: view_profile
  - id: invite
    type: connect
    on:
      accepted: thanks
      not_accepted: {within: 14d, goto: end}
  - id: thanks
    type: message
    template: thanks.mustache
    next: invite
)") == Lines{"campaigns/q4.yaml:4:5: error: the steps form a loop (invite -> thanks -> invite); "
             "each step runs "
             "at most once per prospect"});
}

TEST_CASE("a template must exist inside the templates folder", "[config]") {
    Project project;
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    template: thank-you.mustache\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: template 'thank-you.mustache' not found in "
                "templates (did you "
                "mean 'thanks.mustache'?)"});
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    template: welcome-aboard.txt\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: template 'welcome-aboard.txt' not found in templates"});

    project.write("templates/partials/thanks.mustache", "Thanks!\n");
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    template: "
                         "partials/thanks.mustache\n") == Lines{});
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    template: partial/thanks.mustache\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: template 'partial/thanks.mustache' not found in "
                "templates (did "
                "you mean 'partials/thanks.mustache'?)"});
}

TEST_CASE("a template cannot name a file outside the templates folder", "[config]") {
    Project project;
    project.write("secret.txt", "the database password\n");
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    template: ../secret.txt\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: template '../secret.txt' must be a path inside the "
                "templates "
                "folder"});
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    template: /etc/passwd\n") ==
          Lines{"campaigns/q4.yaml:4:15: error: template '/etc/passwd' must be a path inside the "
                "templates folder"});
}

// The messages name the folder by its full path; Project leaves out the temporary folder it lives
// in.
TEST_CASE("a missing templates folder is reported once, where it is named", "[config]") {
    Project project;
    std::filesystem::remove_all(project.root() / "templates");
    CHECK(project.errors("steps:\n  - id: thanks\n    type: message\n    template: thanks.mustache\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: templates folder templates does not exist (set "
                "'templates' to the "
                "folder of the templates)"});
    CHECK(project.errors("templates: ../mustache\n") ==
          Lines{"campaigns/q4.yaml:1:12: error: templates folder mustache does not exist"});
}

TEST_CASE("a 'replied' branch can name a step per class of reply, and 'default' for the others", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign(R"(steps:
  - id: hello
    type: message
    template: thanks.mustache
    on:
      replied: {interested: book, later: nurture, not_interested: end, default: end}
  - id: book
    type: message
    template: thanks.mustache
    next: end
  - id: nurture
    type: message
    template: thanks.mustache
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& branches = loaded.campaign->steps[0].branches;
    REQUIRE(branches.size() == 4);
    CHECK(branches[0].reply_class == campaign::core::ReplyClass::interested);
    CHECK(branches[0].target == "book");
    CHECK(branches[1].reply_class == campaign::core::ReplyClass::later);
    CHECK(branches[2].reply_class == campaign::core::ReplyClass::not_interested);
    CHECK_FALSE(branches[3].reply_class);
    CHECK(loaded.campaign->successors(loaded.campaign->steps[0]) ==
          std::vector<std::string>{"book", "nurture", "end", "end"});
}

TEST_CASE("a class branch leads to a step that exists, and names a class a reply can branch on", "[config]") {
    Project project;
    CHECK(project.errors(R"(steps:
  - id: hello
    type: message
    template: thanks.mustache
    on:
      replied: {interested: bok, default: end}
  - id: book
    type: message
    template: thanks.mustache
)") == Lines{"campaigns/q4.yaml:6:29: error: no step 'bok' to go to (did you mean 'book'?)",
             "campaigns/q4.yaml:7:5: error: step 'book' is unreachable: no step leads to it"});
    CHECK(project.errors(R"(steps:
  - id: hello
    type: message
    template: thanks.mustache
    on:
      replied: {out_of_office: end, opt_out: end, intrested: end}
)") == Lines{"campaigns/q4.yaml:6:17: error: 'out_of_office' is not a reply: an away notice pauses the sequence "
             "until the prospect is back ('stop: out_of_office' sets how long when it gives no date)",
             "campaigns/q4.yaml:6:37: error: 'opt_out' cannot branch: an opt-out always ends the campaign and "
             "suppresses the prospect everywhere",
             "campaigns/q4.yaml:6:51: error: unknown key 'intrested' in 'replied' (did you mean 'interested'?)"});
    CHECK(project.errors(R"(steps:
  - id: invite
    type: connect
    on:
      replied: {interested: end, default: end}
)") == Lines{"campaigns/q4.yaml:5:7: error: 'replied' cannot follow a connect step without a note"});
}
