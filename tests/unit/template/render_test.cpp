// Rendering: plain text, fallbacks, sections, partials, the header, and prospect data that looks like a template.
#include <catch2/catch.hpp>

#include "template/template_file.hpp"
#include "unit/template/fixture.hpp"

using namespace campaign;
using campaign::test::TemplateFolder;
using templating::Values;

namespace {

const templating::SpintaxSeed k_seed{"https://linkedin.com/in/ann-example", "q4", "thanks"};

templating::RenderedText render(const TemplateFolder& folder, const std::string& source, const Values& values,
                                const templating::SpintaxSeed& seed = k_seed) {
    folder.write("t.mustache", source);
    core::Diagnostics diagnostics;
    auto partials = std::make_shared<templating::Partials>(folder.templates() / "partials");
    templating::TemplateFile file(folder.templates(), "t.mustache", partials, diagnostics);
    REQUIRE(folder.relative(diagnostics).empty());
    return file.render(values, seed);
}

std::string body(const TemplateFolder& folder, const std::string& source, const Values& values) {
    auto text = render(folder, source, values);
    REQUIRE_FALSE(text.missing);
    return text.body;
}

std::string missing(const TemplateFolder& folder, const std::string& source, const Values& values) {
    auto text = render(folder, source, values);
    REQUIRE(text.missing);
    CHECK(text.body.empty());
    return text.missing->name + " at " + folder.relative(text.missing->location.file) + ":" +
           std::to_string(text.missing->location.line) + ":" + std::to_string(text.missing->location.column);
}

} // namespace

TEST_CASE("values are inserted as plain text, never HTML-escaped", "[template]") {
    TemplateFolder folder;
    Values values{{"first_name", "O'Brien"}, {"company", "Smith & <Sons> \"Ltd\""}};
    CHECK(body(folder, "Hi {{first_name}} of {{company}}", values) == "Hi O'Brien of Smith & <Sons> \"Ltd\"");
    CHECK(body(folder, "{{{first_name}}} {{&company}}", values) == "O'Brien Smith & <Sons> \"Ltd\"");
}

TEST_CASE("a fallback stands in for a missing or empty value", "[template]") {
    TemplateFolder folder;
    CHECK(body(folder, "Hi {{first_name | there}},", {}) == "Hi there,");
    CHECK(body(folder, "Hi {{first_name | there}},", {{"first_name", "Zoë"}}) == "Hi Zoë,");
    CHECK(body(folder, "Hi {{ first_name|there friend }},", {}) == "Hi there friend,");
    CHECK(body(folder, "Hi{{first_name |}},", {}) == "Hi,");
    CHECK(body(folder, "{{sender.first_name | The team}}", {}) == "The team");
    CHECK(body(folder, "{{sender.first_name | The team}}", {{"sender.first_name", "Alice"}}) == "Alice");
    CHECK(body(folder, "{{{company | your team}}}", {}) == "your team");
}

TEST_CASE("a variable without fallback must have a value, unless a section on it guards it", "[template]") {
    TemplateFolder folder;
    CHECK(missing(folder, "Hi {{first_name}},", {}) == "first_name at templates/t.mustache:1:4");
    CHECK(missing(folder, "---\nsubject: For {{company}}\n---\nHi", {}) == "company at templates/t.mustache:2:14");
    CHECK(body(folder, "Hello{{#company}} at {{company}}{{/company}}.", {}) == "Hello.");
    CHECK(body(folder, "Hello{{#company}} at {{company}}{{/company}}.", {{"company", "Acme"}}) == "Hello at Acme.");
    CHECK(body(folder, "{{^company}}Hello there.{{/company}}", {}) == "Hello there.");
    CHECK(missing(folder, "{{^company}}at {{company}}{{/company}}", {}) == "company at templates/t.mustache:1:16");
    CHECK(body(folder, "{{#sender}}Best, {{first_name}}{{/sender}}", {{"sender.first_name", "Alice"}}) ==
          "Best, Alice");
    CHECK(missing(folder, "{{#sender}}Best, {{name}}{{/sender}}", {{"sender.first_name", "Alice"}}) ==
          "name at templates/t.mustache:1:18");
}

TEST_CASE("prospect data is text, never template syntax", "[template]") {
    TemplateFolder folder;
    for (std::string company : {"{{evil}}", "{a|b}", "{{> signature}}", "\\{x\\}", "{{#x}}y{{/x}}", "<%x%>"}) {
        CHECK(body(folder, "At {{company}}.", {{"company", company}}) == "At " + company + ".");
        CHECK(
            body(folder, "{Hi|Hello} {{company | there}}{{#company}} ({{company}}){{/company}}", {{"company", company}})
                .ends_with(company + " (" + company + ")"));
    }
}

TEST_CASE("the text is trimmed: a file's last line break and blank lines around are not sent", "[template]") {
    TemplateFolder folder;
    CHECK(body(folder, "\n{{#x}}\nnever\n{{/x}}\nHi there,\n\nSee you.\n\n", {}) == "Hi there,\n\nSee you.");
}

TEST_CASE("partials come from templates/partials, with their own partials", "[template]") {
    TemplateFolder folder;
    folder.write("partials/signature.mustache", "Best,\n{{sender.first_name}}\n{{> ps}}");
    folder.write("partials/ps.mustache", "P.S. {{ps | No pressure.}}");
    CHECK(body(folder, "Hi {{first_name}},\n\n{{> signature}}\n",
               {{"first_name", "Zoë"}, {"sender.first_name", "Al"}}) == "Hi Zoë,\n\nBest,\nAl\nP.S. No pressure.");
    CHECK(missing(folder, "Hi,\n{{> signature}}", {}) ==
          "sender.first_name at templates/partials/signature.mustache:2:1");
}

TEST_CASE("a partial that is missing is an error at the tag", "[template]") {
    TemplateFolder folder;
    folder.write("t.mustache", "Hi,\n\n{{> signatur}}\n");
    core::Diagnostics diagnostics;
    auto partials = std::make_shared<templating::Partials>(folder.templates() / "partials");
    templating::TemplateFile file(folder.templates(), "t.mustache", partials, diagnostics);
    CHECK(folder.relative(diagnostics) ==
          test::Lines{"templates/t.mustache:3:1: error: partial 'signatur' not found: no file "
                      "templates/partials/signatur.mustache"});
}

TEST_CASE("the header gives a subject and a shorter variant, and the body keeps its line numbers", "[template]") {
    TemplateFolder folder;
    auto text =
        render(folder, "---\nsubject: {{company | Your team}}, a question\nshorter: short.mustache\n---\nHi\n", {});
    CHECK(text.subject == "Your team, a question");
    CHECK(text.body == "Hi");
    CHECK(missing(folder, "---\nsubject: Hello\n---\n\nHi {{first_name}}", {}) ==
          "first_name at templates/t.mustache:5:4");

    folder.write("h.mustache", "---\nsubjet: Hi\nno colon here\n\n---\nHi");
    core::Diagnostics diagnostics;
    auto partials = std::make_shared<templating::Partials>(folder.templates() / "partials");
    templating::TemplateFile file(folder.templates(), "h.mustache", partials, diagnostics);
    CHECK(folder.relative(diagnostics) ==
          test::Lines{"templates/h.mustache:2:1: error: unknown header key 'subjet' (did you mean 'subject'?)",
                      "templates/h.mustache:3:1: error: a header line is 'key: value', not 'no colon here'"});

    folder.write("open.mustache", "---\nsubject: Hi\nHello there\n");
    diagnostics.clear();
    templating::TemplateFile open(folder.templates(), "open.mustache", partials, diagnostics);
    CHECK(folder.relative(diagnostics) ==
          test::Lines{"templates/open.mustache:1:1: error: the header that starts with '---' has no closing '---' line",
                      "templates/open.mustache:3:1: error: a header line is 'key: value', not 'Hello there'"});
}

TEST_CASE("a template that cannot be read is an error at the file", "[template]") {
    TemplateFolder folder;
    folder.write("latin1.mustache", "Caf\xE9");
    core::Diagnostics diagnostics;
    auto partials = std::make_shared<templating::Partials>(folder.templates() / "partials");
    templating::TemplateFile latin1(folder.templates(), "latin1.mustache", partials, diagnostics);
    templating::TemplateFile none(folder.templates(), "none.mustache", partials, diagnostics);
    CHECK(folder.relative(diagnostics) == test::Lines{"templates/latin1.mustache: error: the file is not UTF-8 text",
                                                      "templates/none.mustache: error: cannot read the file"});
}

// Outreach data has no lists: a section that is true in a partial stays true in the partial it includes, so a
// partial that includes itself could never stop, and is refused even inside a section.
TEST_CASE("a partial that includes itself, directly or through others, is an error at the tag", "[template]") {
    TemplateFolder folder;
    folder.write("partials/loop.mustache", "{{#more}}again {{> loop}}{{/more}}");
    folder.write("partials/a.mustache", "{{> b}}");
    folder.write("partials/b.mustache", "{{> c}}");
    folder.write("partials/c.mustache", "{{#x}}{{> a}}{{/x}}");
    folder.write("t.mustache", "x{{> loop}} {{> a}} {{> b}}");
    core::Diagnostics diagnostics;
    auto partials = std::make_shared<templating::Partials>(folder.templates() / "partials");
    templating::TemplateFile file(folder.templates(), "t.mustache", partials, diagnostics);
    CHECK(folder.relative(diagnostics) ==
          test::Lines{"templates/partials/loop.mustache:1:16: error: partial 'loop' includes itself: loop -> loop",
                      "templates/partials/c.mustache:1:7: error: partial 'a' includes itself: a -> b -> c -> a"});
}

TEST_CASE("partials include partials at most 16 levels", "[template]") {
    TemplateFolder folder;
    for (int level = 1; level <= 17; ++level) {
        folder.write("partials/p" + std::to_string(level) + ".mustache",
                     std::to_string(level) + (level < 17 ? "{{> p" + std::to_string(level + 1) + "}}" : ""));
    }
    folder.write("t.mustache", "{{> p2}}");
    core::Diagnostics fine;
    auto partials = std::make_shared<templating::Partials>(folder.templates() / "partials");
    templating::TemplateFile deep(folder.templates(), "t.mustache", partials, fine);
    CHECK(folder.relative(fine).empty());
    CHECK(deep.render({}, k_seed).body == "234567891011121314151617");
    folder.write("u.mustache", "{{> p1}}");
    core::Diagnostics too_deep;
    auto others = std::make_shared<templating::Partials>(folder.templates() / "partials");
    templating::TemplateFile deeper(folder.templates(), "u.mustache", others, too_deep);
    CHECK(folder.relative(too_deep) ==
          test::Lines{"templates/partials/p16.mustache:1:3: error: partial 'p17' is nested too deep: partials "
                      "include partials at most 16 levels"});
}

TEST_CASE("a section, comment or partial alone on its line leaves no blank line behind", "[template]") {
    TemplateFolder folder;
    folder.write("partials/signature.mustache", "Best,\n{{sender.first_name}}\n");
    const std::string message = "Hi {{first_name}},\n"
                                "{{! the paragraph only for those with a company }}\n"
                                "{{#company}}\n"
                                "I saw {{company}} is hiring.\n"
                                "{{/company}}\n"
                                "Open to a call?\n"
                                "  {{> signature}}\n";
    Values values{{"first_name", "Ann"}, {"sender.first_name", "Alice"}};
    CHECK(body(folder, message, values) == "Hi Ann,\nOpen to a call?\n  Best,\n  Alice");
    values.emplace("company", "Acme");
    CHECK(body(folder, message, values) == "Hi Ann,\nI saw Acme is hiring.\nOpen to a call?\n  Best,\n  Alice");
    CHECK(body(folder, "{Hi|Hi} {{first_name}},\n  {{#company}}\nAt {{company}}.\n  {{/company}}\nBye", values) ==
          "Hi Ann,\nAt Acme.\nBye");
}

TEST_CASE("a section hides for a value of false, no or 0, and shows for any other", "[template]") {
    TemplateFolder folder;
    const std::string source = "{{#customer}}Thanks for being a customer.{{/customer}}{{^customer}}Hello.{{/customer}}";
    for (std::string falsey : {"false", "FALSE", "No", "0", " no "}) {
        CHECK(body(folder, source, {{"customer", falsey}}) == "Hello.");
    }
    for (std::string truthy : {"true", "yes", "1", "00", "none", "2024-01-01"}) {
        CHECK(body(folder, source, {{"customer", truthy}}) == "Thanks for being a customer.");
    }
    CHECK(body(folder, source, {}) == "Hello.");
    // A falsey word is still a value: it is inserted, and a fallback does not replace it.
    CHECK(body(folder, "{{employees | some}} people", {{"employees", "0"}}) == "0 people");
    CHECK(body(folder, "{{^a.b.c}}Not {{/a.b.c}}here", {{"a.b.c", "false"}}) == "Not here");
}

TEST_CASE("changed delimiters hold for sections, inverted sections and fallbacks", "[template]") {
    TemplateFolder folder;
    CHECK(body(folder, "{{=<% %>=}}\n<%^company%>\nHi <%first_name | there%>,\n<%/company%>\n{{not a tag}}", {}) ==
          "Hi there,\n{{not a tag}}");
}

TEST_CASE("{{.}} in a section on a value is that value", "[template]") {
    TemplateFolder folder;
    CHECK(body(folder, "{{#company}}at {{.}}{{/company}}", {{"company", "Acme"}}) == "at Acme");
}
