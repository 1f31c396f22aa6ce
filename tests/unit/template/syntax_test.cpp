// Every syntax error a template can have, reported at its line and column, with the exact message.
#include <catch2/catch.hpp>

#include "template/syntax.hpp"

using namespace campaign;

namespace {

std::vector<std::string> errors(std::string_view text) {
    core::Diagnostics diagnostics;
    templating::parse_template(text, "t.mustache", diagnostics);
    std::vector<std::string> lines;
    for (const auto& diagnostic : diagnostics) {
        lines.push_back(diagnostic.to_string());
    }
    return lines;
}

using Lines = std::vector<std::string>;

std::string repeated(std::string_view text, int times) {
    std::string result;
    for (int i = 0; i < times; ++i) {
        result += text;
    }
    return result;
}

} // namespace

TEST_CASE("a valid template has no errors", "[template]") {
    CHECK(errors("Hi {{first_name | there}},\n{Hello|Hi} {{#company}}at {{company}}{{/company}}{{^title}}!{{/title}}"
                 "{{! a comment }}{{> signature}}{{=<% %>=}}<%company%> \\{literal\\} a|b {{x}}")
              .empty());
}

TEST_CASE("tags that do not close, and sections that do not match, are errors at the tag", "[template]") {
    CHECK(errors("Hi {{first_name") == Lines{"t.mustache:1:4: error: tag '{{' is never closed: no '}}' after it"});
    CHECK(errors("Hi {{{first_name}}") == Lines{"t.mustache:1:4: error: tag '{{' is never closed: no '}}}' after it"});
    CHECK(errors("Hello\n  {{#company}}at {{company}}") ==
          Lines{"t.mustache:2:3: error: section 'company' is never closed"});
    CHECK(errors("{{#company}}at {{company}}{{/title}}") ==
          Lines{"t.mustache:1:27: error: closing tag '{{/title}}' does not match the open section 'company' "
                "(line 1)"});
    CHECK(errors("Hi{{/company}}") == Lines{"t.mustache:1:3: error: closing tag '{{/company}}' has no open section"});
}

TEST_CASE("tags must name something", "[template]") {
    CHECK(errors("Hi {{}}") == Lines{"t.mustache:1:4: error: '{{}}' names no variable"});
    CHECK(errors("Hi {{first name}}") == Lines{"t.mustache:1:4: error: '{{first name}}' names no variable"});
    CHECK(errors("{{>  }}") == Lines{"t.mustache:1:1: error: '{{>  }}' names no partial"});
    CHECK(errors("{{#}}x{{/}}") == Lines{"t.mustache:1:1: error: '{{#}}' names no section"});
}

TEST_CASE("fallbacks go on variables and are plain text", "[template]") {
    CHECK(errors("{{#company | acme}}x{{/company | acme}}") ==
          Lines{"t.mustache:1:1: error: a fallback ('|') goes only on a variable, not on '{{#company | acme}}'"});
    CHECK(errors("Hi {{first_name | {there}}") ==
          Lines{"t.mustache:1:4: error: the fallback in '{{first_name | {there}}' must be plain text, without braces"});
}

TEST_CASE("a delimiter change gives two delimiters", "[template]") {
    CHECK(errors("{{=<%=}}") ==
          Lines{"t.mustache:1:1: error: '{{=<%=}}' must give two delimiters separated by a space, as in {{=<% %>=}}"});
    CHECK(errors("{{=<% %>=}}<%#a%>x<%/a%> {{not a tag}} <%b").size() == 1);
}

TEST_CASE("spintax braces must balance, and sections stay inside an option", "[template]") {
    CHECK(errors("{Hi|Hello there") ==
          Lines{"t.mustache:1:1: error: '{' opens a spintax group that is never closed (write \\{ for a literal '{')"});
    CHECK(errors("Hi :-}") ==
          Lines{"t.mustache:1:6: error: '}' closes no spintax group (write \\} for a literal '}')"});
    CHECK(errors("{Hi {{#company}}at|Hello{{/company}}}") ==
          Lines{"t.mustache:1:19: error: section 'company' must close before the spintax option ends (write \\| for "
                "a literal '|')"});
    CHECK(errors("{{#company}}{at {{company}}{{/company}}|x}") ==
          Lines{"t.mustache:1:28: error: closing tag '{{/company}}' is inside a spintax group that section 'company' "
                "encloses",
                "t.mustache:1:1: error: section 'company' is never closed"});
}

TEST_CASE("columns count characters, not bytes", "[template]") {
    CHECK(errors("Zoë, 王 {{#x}}") == Lines{"t.mustache:1:8: error: section 'x' is never closed"});
}

TEST_CASE("sections and spintax groups nest at most 32 levels, counted together", "[template]") {
    auto open = repeated("{{#a}}", 16) + repeated("{x|", 16);
    auto close = repeated("}", 16) + repeated("{{/a}}", 16);
    CHECK(errors(open + "y" + close).empty());
    // Only the level too many is reported, not the sections and groups left open above it.
    CHECK(errors(open + "{{#b}}y{{/b}}" + close) ==
          Lines{"t.mustache:1:145: error: section 'b' is nested too deep: sections and spintax groups nest at most 32 "
                "levels"});
    CHECK(errors(open + "{y|z}" + close) ==
          Lines{"t.mustache:1:145: error: a spintax group is nested too deep: sections and spintax groups nest at "
                "most 32 levels"});
    CHECK(errors(repeated("{{^a}}", 100000)).size() == 1);
}
