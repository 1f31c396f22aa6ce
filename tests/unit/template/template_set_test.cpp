// A campaign's templates: loaded and checked at once, rendered for a prospect as the action will send them, with
// LinkedIn's length limits counted as LinkedIn counts.
#include <catch2/catch.hpp>

#include "template/length.hpp"
#include "unit/template/fixture.hpp"

using namespace campaign;
using campaign::test::Lines;
using campaign::test::prospect;
using campaign::test::step;
using campaign::test::TemplateFolder;
using core::ActionType;

namespace {

std::string repeat(const std::string& text, int times) {
    std::string result;
    for (int i = 0; i < times; ++i) {
        result += text;
    }
    return result;
}

templating::RenderResult render(const TemplateFolder& folder, const core::Campaign& campaign, const std::string& name,
                                ActionType type, const core::Prospect& who) {
    templating::TemplateSet templates(campaign);
    auto result = templates.render(name, type, {who, campaign.senders.front(), campaign, "invite"});
    result.failure = folder.relative(result.failure);
    return result;
}

} // namespace

TEST_CASE("length is counted in UTF-16 units, as LinkedIn's text boxes count", "[template]") {
    CHECK(templating::linkedin_length("") == 0);
    CHECK(templating::linkedin_length("Zoë") == 3);
    CHECK(templating::linkedin_length("José") == 4);
    CHECK(templating::linkedin_length("王小明") == 3);
    CHECK(templating::linkedin_length("👋") == 2);
    CHECK(templating::linkedin_length("Hi 👋 Zoë") == 9);
    CHECK(templating::linkedin_length("e\xCC\x81") == 2); // e and a combining accent are two characters
    CHECK(templating::linkedin_length("line\nbreak") == 10);
}

TEST_CASE("a connection note is held to the sender's note length", "[template]") {
    TemplateFolder folder;
    folder.write("note.mustache", "{{first_name}}");
    auto premium = folder.campaign({step("invite", ActionType::connect, "note.mustache")});
    auto free = folder.campaign({step("invite", ActionType::connect, "note.mustache")}, core::AccountType::free);

    CHECK(render(folder, premium, "note.mustache", ActionType::connect, prospect(repeat("é", 300))).message);
    CHECK(render(folder, premium, "note.mustache", ActionType::connect, prospect(repeat("王", 300))).message);
    CHECK(render(folder, premium, "note.mustache", ActionType::connect, prospect(repeat("👋", 150))).message);
    auto emoji = render(folder, premium, "note.mustache", ActionType::connect, prospect(repeat("👋", 150) + "!"));
    CHECK_FALSE(emoji.message);
    CHECK(emoji.failure ==
          "templates/note.mustache: the connection note would be 301 characters, over the limit of 300");
    auto accented = render(folder, free, "note.mustache", ActionType::connect, prospect(repeat("Zoë", 67)));
    CHECK(accented.failure ==
          "templates/note.mustache: the connection note would be 201 characters, over the limit of 200");
    CHECK(render(folder, free, "note.mustache", ActionType::connect, prospect(repeat("Zoë", 66) + "ab")).message);
}

TEST_CASE("messages and InMails have LinkedIn's limits", "[template]") {
    TemplateFolder folder;
    folder.write("message.mustache", "{{first_name}}");
    folder.write("inmail.mustache", "---\nsubject: {{company}}\n---\n{{first_name}}");
    auto campaign = folder.campaign({step("hello", ActionType::message, "message.mustache"),
                                     step("inmail", ActionType::inmail, "inmail.mustache")});

    CHECK(render(folder, campaign, "message.mustache", ActionType::message, prospect(repeat("a", 8000))).message);
    CHECK(render(folder, campaign, "message.mustache", ActionType::message, prospect(repeat("a", 8001))).failure ==
          "templates/message.mustache: the message would be 8001 characters, over the limit of 8000");

    auto fits =
        render(folder, campaign, "inmail.mustache", ActionType::inmail, prospect(repeat("a", 1900), repeat("b", 200)));
    REQUIRE(fits.message);
    CHECK(fits.message->subject == repeat("b", 200));
    CHECK(render(folder, campaign, "inmail.mustache", ActionType::inmail, prospect("Ann", repeat("b", 201))).failure ==
          "templates/inmail.mustache: the InMail subject would be 201 characters, over the limit of 200");
    CHECK(
        render(folder, campaign, "inmail.mustache", ActionType::inmail, prospect(repeat("a", 1901), "Acme")).failure ==
        "templates/inmail.mustache: the InMail body would be 1901 characters, over the limit of 1900");
}

TEST_CASE("a text too long is replaced by the shorter variant the header names", "[template]") {
    TemplateFolder folder;
    folder.write("long.mustache", "---\nshorter: short.mustache\n---\nHi {{first_name}}, " + repeat("x", 280));
    folder.write("short.mustache", "Hi {{first_name}}, " + repeat("y", 150));
    auto campaign = folder.campaign({step("invite", ActionType::connect, "long.mustache")});

    auto fits = render(folder, campaign, "long.mustache", ActionType::connect, prospect("Ann"));
    REQUIRE(fits.message);
    CHECK(fits.message->body == "Hi Ann, " + repeat("x", 280));
    auto shorter = render(folder, campaign, "long.mustache", ActionType::connect, prospect(repeat("z", 20)));
    REQUIRE(shorter.message);
    CHECK(shorter.message->body == "Hi " + repeat("z", 20) + ", " + repeat("y", 150));
    auto neither = render(folder, campaign, "long.mustache", ActionType::connect, prospect(repeat("z", 150)));
    CHECK(neither.failure == "templates/long.mustache: the connection note would be 435 characters, over the limit "
                             "of 300; and templates/short.mustache: the connection note would be 305 characters, "
                             "over the limit of 300");
}

TEST_CASE("every way a rendering fails says why in one line", "[template]") {
    TemplateFolder folder;
    folder.write("thanks.mustache", "Hi {{first_name}},\n{{#x}}{{/x}}");
    folder.write("empty.mustache", "{{#company}}At {{company}}{{/company}}\n");
    auto campaign = folder.campaign(
        {step("thanks", ActionType::message, "thanks.mustache"), step("empty", ActionType::message, "empty.mustache")});
    CHECK(render(folder, campaign, "thanks.mustache", ActionType::message, prospect("")).failure ==
          "templates/thanks.mustache:1:4: no value for 'first_name' and no fallback");
    CHECK(render(folder, campaign, "empty.mustache", ActionType::message, prospect("Ann")).failure ==
          "templates/empty.mustache: the text would be empty");
    CHECK(render(folder, campaign, "nudge.mustache", ActionType::message, prospect("Ann")).failure ==
          "no template 'nudge.mustache' in campaign 'q4'");
    CHECK(render(folder, campaign, "thanks.mustache", ActionType::view_profile, prospect("Ann")).failure ==
          "a view_profile action sends no text");
}

TEST_CASE("templates see the sender and the campaign", "[template]") {
    TemplateFolder folder;
    folder.write("hello.mustache", "{{first_name}}, {{campaign.id}} / {{campaign.description}} / {{step.id}}\n"
                                   "{{sender.first_name}} ({{sender.id}}, {{sender.name}})");
    auto campaign = folder.campaign({step("invite", ActionType::message, "hello.mustache")});
    auto result = render(folder, campaign, "hello.mustache", ActionType::message, prospect("Ann"));
    REQUIRE(result.message);
    CHECK(result.message->body == "Ann, q4 / Founders in Europe / invite\nAlice (alice, Alice Martin)");
}

TEST_CASE("loading reports every problem of every template at once", "[template]") {
    TemplateFolder folder;
    folder.write("a.mustache", "---\nshorter: b.mustache\n---\nHi {{first_name");
    folder.write("b.mustache", "---\nshorter: a.mustache\n---\n{{> sig}}");
    folder.write("c.mustache", "---\nshorter: gone.mustache\n---\nHi");
    folder.write("inmail.mustache", "Hi");
    auto campaign =
        folder.campaign({step("one", ActionType::message, "a.mustache"), step("two", ActionType::connect, "c.mustache"),
                         step("three", ActionType::inmail, "inmail.mustache")});
    Lines expected{"templates/a.mustache:4:4: error: tag '{{' is never closed: no '}}' after it",
                   "templates/b.mustache:4:1: error: partial 'sig' not found: no file templates/partials/sig.mustache",
                   "templates/c.mustache:2:10: error: shorter template 'gone.mustache' not found in templates",
                   "templates/a.mustache:2:10: error: the shorter templates form a loop: a.mustache -> b.mustache -> "
                   "a.mustache",
                   "templates/inmail.mustache:1:1: error: an InMail needs a subject: start the template with a "
                   "header, '---', 'subject: ...', '---'"};
    CHECK(folder.problems(campaign) == expected);
    try {
        templating::TemplateSet templates(campaign);
        FAIL("no exception");
    } catch (const core::UserError& error) {
        std::string all;
        for (const auto& line : expected) {
            all += (all.empty() ? "" : "\n") + line;
        }
        CHECK(folder.relative(error.what()) == all);
    }
}

TEST_CASE("variables that are no field are reported, with the field probably meant", "[template]") {
    TemplateFolder folder;
    folder.write("t.mustache", "Hi {{frist_name}} {{#compnay}}{{/compnay}} {{team_size}} {{sender.frist_name}} "
                               "{{campaign.idd}} {{step.id}} {{#sender}}{{first_name}}{{/sender}} {{zzzzzz}}");
    auto campaign = folder.campaign({step("hello", ActionType::message, "t.mustache")});
    templating::TemplateSet templates(campaign);
    std::vector<std::string> custom{"team_size"};
    CHECK(folder.relative(templates.unknown_variables(&custom)) ==
          Lines{"templates/t.mustache:1:4: error: unknown variable 'frist_name' (did you mean 'first_name'?)",
                "templates/t.mustache:1:19: error: unknown variable 'compnay' (did you mean 'company'?)",
                "templates/t.mustache:1:58: error: unknown variable 'sender.frist_name' (did you mean "
                "'sender.first_name'?)",
                "templates/t.mustache:1:80: error: unknown variable 'campaign.idd' (did you mean 'campaign.id'?)",
                "templates/t.mustache:1:146: error: unknown variable 'zzzzzz'"});
    // Without a CRM, custom fields cannot be told from typos: only sender.*, campaign.* and step.* are checked.
    CHECK(folder.relative(templates.unknown_variables(nullptr)) ==
          Lines{"templates/t.mustache:1:58: error: unknown variable 'sender.frist_name' (did you mean "
                "'sender.first_name'?)",
                "templates/t.mustache:1:80: error: unknown variable 'campaign.idd' (did you mean 'campaign.id'?)"});
}
