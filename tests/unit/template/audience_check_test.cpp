// What validate reports of a campaign's templates rendered for its audience.
#include <catch2/catch.hpp>

#include "template/audience_check.hpp"
#include "unit/template/fixture.hpp"

using namespace campaign;
using campaign::test::Lines;
using campaign::test::prospect;
using campaign::test::step;
using campaign::test::TemplateFolder;
using core::ActionType;

TEST_CASE("missing values and texts too long are counted per template, with the longest", "[template]") {
    TemplateFolder folder;
    folder.write("note.mustache", "Hi {{first_name}}, {{#company}}{{company}}{{/company}}");
    folder.write("thanks.mustache", "Thanks {{first_name | there}}");
    auto campaign = folder.campaign(
        {step("invite", ActionType::connect, "note.mustache"), step("thanks", ActionType::message, "thanks.mustache")});
    templating::TemplateSet templates(campaign);
    templating::AudienceCheck check(templates, campaign);
    check.add(prospect("Ann", "Acme", "https://linkedin.com/in/ann"));
    check.add(prospect("", "Acme", "https://linkedin.com/in/nameless"));
    check.add(prospect("Bo", std::string(310, 'x'), "https://linkedin.com/in/bo"));
    check.add(prospect("Cy", std::string(300, 'x'), "https://linkedin.com/in/cy"));
    CHECK(check.prospects() == 4);
    CHECK(folder.relative(check.findings()) ==
          Lines{"templates/note.mustache:1:4: warning: 1 of 4 prospects have no value for 'first_name', which has "
                "no fallback",
                "templates/note.mustache: warning: 2 of 4 prospects would get a connection note over the limit of 300 "
                "characters (longest: 317 characters, https://linkedin.com/in/bo)"});
}

TEST_CASE("a finding for every prospect of the audience is an error", "[template]") {
    TemplateFolder folder;
    folder.write("note.mustache", "Hi {{nickname}}");
    auto campaign = folder.campaign({step("invite", ActionType::connect, "note.mustache")});
    templating::TemplateSet templates(campaign);
    templating::AudienceCheck check(templates, campaign);
    CHECK(check.findings().empty());
    check.add(prospect("Ann"));
    check.add(prospect("Bo"));
    CHECK(folder.relative(check.findings()) ==
          Lines{"templates/note.mustache:1:4: error: 2 of 2 prospects have no value for 'nickname', which has no "
                "fallback"});
}
