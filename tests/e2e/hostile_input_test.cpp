// Inputs that once crashed the program or stopped it with a library's message: each now gives an error at its place
// and exit 1, and `validate` goes on to the next file.
#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

const std::string k_people = "First Name,LinkedIn URL,Tags\n"
                             "Zoë,https://www.linkedin.com/in/zoe-vdb/,founders\n";

// A campaign of one message step sending `template_name` from `templates`.
std::string campaign_file(const std::string& id, const std::string& template_name,
                          const std::string& templates = "../templates", const std::string& extra = "") {
    return "campaign: " + id + "\ntemplates: " + templates +
           "\nsenders:\n  - id: alice\n    timezone: Europe/Paris\naudience:\n  tags: [founders]\n"
           "steps:\n  - id: hello\n    type: message\n    template: " +
           template_name + "\n" + extra;
}

std::string repeated(const std::string& text, int times) {
    std::string result;
    for (int i = 0; i < times; ++i) {
        result += text;
    }
    return result;
}

const std::string k_good_ok = "campaigns/good.yaml: ok: campaign 'good', 1 sender, 1 step, 1 template, 0 A/B tests\n";
const std::string k_no_crm = "note: no CRM at campaign.db: templates not checked against prospects\n";

} // namespace

TEST_CASE("a partial that includes itself is an error, with and without a CRM", "[e2e][template][validate][sqlite]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name | there}},\n{{> loop}}\n");
    workspace.write("templates/partials/loop.mustache", "Best,\n{{> loop}}\n");
    workspace.write("templates/chain.mustache", "Hi,\n{{> a}}\n");
    workspace.write("templates/partials/a.mustache", "A {{> b}}\n");
    workspace.write("templates/partials/b.mustache", "B {{> a}}\n");
    const std::string loop =
        "templates/partials/loop.mustache:2:1: error: partial 'loop' includes itself: loop -> loop\n";

    auto render = workspace.run({"template", "render", "templates/hello.mustache", "--data", "{}"});
    CHECK(render.exit_code == 1);
    CHECK(render.out.empty());
    CHECK(render.err == loop);
    auto chain = workspace.run({"template", "render", "templates/chain.mustache", "--data", "{}"});
    CHECK(chain.exit_code == 1);
    CHECK(chain.err == "templates/partials/b.mustache:1:3: error: partial 'a' includes itself: a -> b -> a\n");

    workspace.write("campaigns/loop.yaml", campaign_file("loop", "hello.mustache"));
    auto without_crm = workspace.run({"validate", "campaigns/loop.yaml"});
    CHECK(without_crm.exit_code == 1);
    CHECK(without_crm.out == k_no_crm);
    CHECK(without_crm.err == loop + "1 problem found\n");

    workspace.write("people.csv", k_people);
    REQUIRE(workspace.run({"prospects", "import", "people.csv", "--tag", "founders"}).exit_code == 0);
    auto with_crm = workspace.run({"validate", "campaigns/loop.yaml"});
    CHECK(with_crm.exit_code == 1);
    CHECK(with_crm.out.empty());
    CHECK(with_crm.err == loop + "1 problem found\n");
}

TEST_CASE("sections and spintax nested thousands deep are an error at the level too many",
          "[e2e][template][validate]") {
    Workspace workspace;
    // 4,000 sections: the 33rd opens at column 6 * 32 + 1.
    workspace.write("templates/sections.mustache", repeated("{{#a}}", 4000) + "x" + repeated("{{/a}}", 4000) + "\n");
    // 1,000 spintax groups: the 33rd opens at column 3 * 32 + 1.
    workspace.write("templates/spintax.mustache", repeated("{a|", 1000) + "b" + repeated("}", 1000) + "\n");
    const std::string sections = "templates/sections.mustache:1:193: error: section 'a' is nested too deep: sections "
                                 "and spintax groups nest at most 32 levels\n";
    const std::string spintax = "templates/spintax.mustache:1:97: error: a spintax group is nested too deep: sections "
                                "and spintax groups nest at most 32 levels\n";

    auto deep_sections = workspace.run({"template", "render", "templates/sections.mustache", "--data", "{}"});
    CHECK(deep_sections.exit_code == 1);
    CHECK(deep_sections.err == sections);
    auto deep_spintax = workspace.run({"template", "render", "templates/spintax.mustache", "--data", "{}"});
    CHECK(deep_spintax.exit_code == 1);
    CHECK(deep_spintax.err == spintax);

    workspace.write("campaigns/sections.yaml", campaign_file("sections", "sections.mustache"));
    workspace.write("campaigns/spintax.yaml", campaign_file("spintax", "spintax.mustache"));
    auto validated = workspace.run({"validate", "campaigns/sections.yaml", "campaigns/spintax.yaml"});
    CHECK(validated.exit_code == 1);
    CHECK(validated.err == sections + spintax + "2 problems found\n");

    // As deep as allowed still renders.
    workspace.write("templates/fine.mustache", repeated("{{#a}}", 16) + repeated("{x|", 16) + "y" + repeated("}", 16) +
                                                   repeated("{{/a}}", 16) + "\n");
    auto fine = workspace.run({"template", "render", "templates/fine.mustache", "--data", R"({"a": "1"})"});
    CHECK(fine.err.empty());
    CHECK(fine.exit_code == 0);
}

TEST_CASE("a file name over 255 bytes is an error at the place that names it", "[e2e][validate][sqlite]") {
    Workspace workspace;
    const std::string long_name = std::string(300, 'x');
    workspace.write("templates/hello.mustache", "Hi {{first_name | there}}\n");
    workspace.write("templates/partial.mustache", "Hi\n{{> " + long_name + "}}\n");
    workspace.write("templates/partials/signature.mustache", "Best\n");
    workspace.write("templates/shorter.mustache", "---\nshorter: " + long_name + "\n---\nHi\n");
    workspace.write("campaigns/template.yaml", campaign_file("template", long_name + ".mustache"));
    workspace.write("campaigns/partial.yaml", campaign_file("partial", "partial.mustache"));
    workspace.write("campaigns/shorter.yaml", campaign_file("shorter", "shorter.mustache"));
    workspace.write("campaigns/folder.yaml", campaign_file("folder", "hello.mustache", long_name));
    workspace.write("campaigns/gateway.yaml",
                    campaign_file("gateway", "hello.mustache", "../templates", "gateway: " + long_name + ".yaml\n"));
    workspace.write("campaigns/good.yaml", campaign_file("good", "hello.mustache"));

    auto result =
        workspace.run({"validate", "campaigns/template.yaml", "campaigns/partial.yaml", "campaigns/shorter.yaml",
                       "campaigns/folder.yaml", "campaigns/gateway.yaml", "campaigns/good.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.out == k_good_ok + k_no_crm);
    CHECK(result.err == "campaigns/template.yaml:11:15: error: template '" + long_name +
                            ".mustache': file name too long\n"
                            "templates/partial.mustache:2:1: error: partial '" +
                            long_name +
                            "': file name too long\n"
                            "templates/shorter.mustache:2:10: error: shorter template '" +
                            long_name +
                            "': file name too long\n"
                            "campaigns/folder.yaml:2:12: error: templates folder campaigns/" +
                            long_name +
                            ": file name too long\n"
                            "campaigns/gateway.yaml:12:10: error: 'gateway': campaigns/" +
                            long_name + ".yaml: file name too long\n5 problems found\n");

    workspace.write("gateway.yaml", "profile: engine\nurl: https://gateway.example\napi_key_env: GATEWAY_KEY\n"
                                    "ca_file: " +
                                        long_name + ".pem\n");
    auto ca_file = workspace.run({"run", "campaigns/good.yaml", "--transport", "http", "--gateway", "gateway.yaml"});
    CHECK(ca_file.exit_code == 1);
    CHECK(ca_file.err == "gateway.yaml:4:10: error: 'ca_file': " + long_name + ".pem: file name too long\n");

    // Named on the command line.
    auto render = workspace.run({"template", "render", "templates/" + long_name + ".mustache", "--data", "{}",
                                 "--campaign", "campaigns/good.yaml"});
    CHECK(render.exit_code == 1);
    CHECK(render.err == "error: no step of campaign 'good' uses the template templates/" + long_name + ".mustache\n");
}

TEST_CASE("a gateway file that is not a map is an error at its place", "[e2e][http]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name | there}}\n");
    workspace.write("campaigns/good.yaml", campaign_file("good", "hello.mustache"));
    workspace.write("gateway.yaml", "- accept: 0.3\n");
    auto result = workspace.run({"run", "campaigns/good.yaml", "--transport", "http", "--gateway", "gateway.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "gateway.yaml:1:1: error: the gateway must be a map of keys and values\n");
}

TEST_CASE("a number out of range in LinkedIn's SSI JSON is an error at the number", "[e2e][ssi]") {
    Workspace workspace;
    workspace.write("ssi-2026-11-10.json", "{\"memberScore\":\n  {\"overall\":1e400}}\n");
    auto result = workspace.run({"ssi", "import", "ssi-2026-11-10.json", "--sender", "alice"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "ssi-2026-11-10.json:2:14: error: not valid JSON: the number 1e400 is out of range\n");
}

TEST_CASE("an unclosed quote in the header of an SSI or activity CSV is an error at its line", "[e2e][ssi]") {
    Workspace workspace;
    workspace.write("ssi.csv", "\"date,brand,people,insights,relationships\n2026-11-01,1,2,3,4\n");
    auto ssi = workspace.run({"ssi", "import", "ssi.csv", "--sender", "alice"});
    CHECK(ssi.exit_code == 1);
    CHECK(ssi.err == "ssi.csv:1: error: a quoted field starts here and never ends\n");
    workspace.write("activity.csv", "date,\"activity,count\n2026-11-01,posts,1\n");
    auto activity = workspace.run({"activity", "import", "activity.csv", "--sender", "alice"});
    CHECK(activity.exit_code == 1);
    CHECK(activity.err == "activity.csv:1: error: a quoted field starts here and never ends\n");
}

TEST_CASE("template render --data refuses a number out of range and nesting too deep", "[e2e][template]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name | there}}\n");
    auto number = workspace.run({"template", "render", "templates/hello.mustache", "--data", R"({"score": 1e400})"});
    CHECK(number.exit_code == 1);
    CHECK(number.err == "error: --data: the number 1e400 is out of range\n");
    auto deep = workspace.run({"template", "render", "templates/hello.mustache", "--data",
                               repeated("{\"a\":", 15000) + "1" + repeated("}", 15000)});
    CHECK(deep.exit_code == 1);
    CHECK(deep.err == "error: --data: objects nest at most 8 levels\n");
}
