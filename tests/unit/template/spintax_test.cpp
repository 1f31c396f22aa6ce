// Spintax: one option per group, the same for a prospect at a step every time it is rendered, spread evenly across
// prospects, and out of the way of Mustache's braces.
#include <array>
#include <catch2/catch.hpp>
#include <set>

#include "template/template_file.hpp"
#include "unit/template/fixture.hpp"

using namespace campaign;
using campaign::test::TemplateFolder;

namespace {

class Spinner {
public:
    explicit Spinner(const std::string& source) {
        m_folder.write("t.mustache", source);
        core::Diagnostics diagnostics;
        m_file.emplace(m_folder.templates(), "t.mustache",
                       std::make_shared<templating::Partials>(m_folder.templates() / "partials"), diagnostics);
        REQUIRE(m_folder.relative(diagnostics).empty());
    }

    std::string body(const std::string& prospect, const std::string& step = "thanks",
                     const templating::Values& values = {}) const {
        return m_file->render(values, {prospect, "q4", step}).body;
    }

private:
    TemplateFolder m_folder;
    std::optional<templating::TemplateFile> m_file;
};

std::string url(int i) {
    return "https://linkedin.com/in/prospect-" + std::to_string(i);
}

} // namespace

TEST_CASE("the same prospect at the same step always gets the same option", "[template]") {
    Spinner spinner("{Hi|Hello|Hey} there, {quick question|one question}");
    for (int i = 0; i < 50; ++i) {
        CHECK(spinner.body(url(i)) == spinner.body(url(i)));
    }
    std::set<std::string> texts;
    int differs_by_step = 0;
    for (int i = 0; i < 50; ++i) {
        texts.insert(spinner.body(url(i)));
        differs_by_step += spinner.body(url(i), "thanks") != spinner.body(url(i), "nudge") ? 1 : 0;
    }
    CHECK(texts.size() == 6); // every combination of the two groups turns up
    CHECK(differs_by_step > 10);
}

TEST_CASE("options are spread evenly across prospects", "[template]") {
    Spinner spinner("{Hi|Hello|Hey}");
    std::map<std::string, int> counts;
    for (int i = 0; i < 3000; ++i) {
        ++counts[spinner.body(url(i))];
    }
    REQUIRE(counts.size() == 3);
    for (const auto& [option, count] : counts) {
        INFO(option);
        CHECK(count > 900); // 1000 expected, with a standard deviation of about 26
        CHECK(count < 1100);
    }
}

TEST_CASE("two groups with the same options choose independently", "[template]") {
    Spinner spinner("{a|b} {a|b}");
    int same = 0;
    for (int i = 0; i < 1000; ++i) {
        auto text = spinner.body(url(i));
        same += text[0] == text[2] ? 1 : 0;
    }
    CHECK(same > 400);
    CHECK(same < 600);
}

TEST_CASE("groups nest, hold tags, and braces can be written as text", "[template]") {
    Spinner nested("{a|{b|c}}");
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        seen.insert(nested.body(url(i)));
    }
    CHECK(seen == std::set<std::string>{"a", "b", "c"});

    Spinner tags("{Hi {{first_name}}|Hello {{first_name | there}}}!");
    for (int i = 0; i < 20; ++i) {
        auto text = tags.body(url(i), "thanks", {{"first_name", "Zoë"}});
        CHECK((text == "Hi Zoë!" || text == "Hello Zoë!"));
    }

    CHECK(Spinner("\\{not spintax\\} a\\|b {just braces} a|b").body(url(1)) == "{not spintax} a|b {just braces} a|b");
    CHECK(Spinner("\\{{{x | y}}").body(url(1)) == "{y");
    CHECK(Spinner("{\\{|\\}}").body(url(1)).size() == 1);
}

TEST_CASE("options in a partial are chosen the same way", "[template]") {
    TemplateFolder folder;
    folder.write("partials/ps.mustache", "{Cheers|Best|Thanks}");
    folder.write("t.mustache", "{{> ps}}");
    core::Diagnostics diagnostics;
    templating::TemplateFile file(folder.templates(), "t.mustache",
                                  std::make_shared<templating::Partials>(folder.templates() / "partials"), diagnostics);
    REQUIRE(diagnostics.empty());
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        auto text = file.render({}, {url(i), "q4", "thanks"}).body;
        CHECK(text == file.render({}, {url(i), "q4", "thanks"}).body);
        seen.insert(text);
    }
    CHECK(seen == std::set<std::string>{"Best", "Cheers", "Thanks"});
}
