#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

TEST_CASE("validate passes the example campaigns", "[e2e][validate][sqlite]") {
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

TEST_CASE("validate reports every problem of every file at once", "[e2e][validate][sqlite]") {
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

namespace {

// A campaign whose sender keeps the time zone given, with one valid template.
void write_campaign_in_zone(const Workspace& workspace, const std::string& file, const std::string& zone) {
    workspace.write("templates/hello.mustache", "Hi {{first_name}}\n");
    workspace.write(file, "campaign: zoned\n"
                          "senders:\n"
                          "  - id: alice\n"
                          "    timezone: " +
                              zone +
                              "\n"
                              "audience:\n"
                              "  tags: [founders]\n"
                              "steps:\n"
                              "  - id: hello\n"
                              "    type: message\n"
                              "    template: hello.mustache\n");
}

} // namespace

TEST_CASE("validate --format json gives CI every problem with its place and each file's status", "[e2e][validate]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{frist_name}}\n");
    workspace.write("campaigns/broken.yaml", R"(campaign: broken
senders:
  - id: alice
    timezone: Europe/Pari
audience:
  tags: [founders]
steps:
  - id: hello
    type: message
    template: hello.mustache
)");
    write_campaign_in_zone(workspace, "campaigns/warned.yaml", "US/Central");
    auto result = workspace.run(
        {"validate", "campaigns/broken.yaml", "campaigns/warned.yaml", "campaigns/none.yaml", "--format", "json"});
    CHECK(result.exit_code == 1); // as for text: an error anywhere
    CHECK(result.err.empty());
    auto json = nlohmann::json::parse(result.out);
    CHECK(json["valid"] == false);
    CHECK(json["errors"] == 2);
    CHECK(json["warnings"] == 1);
    CHECK(json["crm"].is_null());
    REQUIRE(json["files"].size() == 3);
    CHECK(json["files"][0] == nlohmann::json{{"file", "campaigns/broken.yaml"},
                                             {"status", "error"},
                                             {"campaign", nullptr},
                                             {"errors", 1},
                                             {"warnings", 0},
                                             {"prospects_checked", nullptr}});
    CHECK(json["files"][1]["status"] == "warning");
    CHECK(json["files"][1]["campaign"] == "zoned");
    CHECK(json["files"][2]["status"] == "error");
    REQUIRE(json["problems"].size() == 3);
    CHECK(json["problems"][0] ==
          nlohmann::json{{"file", "campaigns/broken.yaml"},
                         {"line", 4},
                         {"column", 15},
                         {"severity", "error"},
                         {"message", "unknown time zone 'Europe/Pari' (did you mean 'Europe/Paris'?)"},
                         {"campaign_file", "campaigns/broken.yaml"}});
    CHECK(json["problems"][1]["severity"] == "warning");
    CHECK(json["problems"][1]["line"] == 4);
    CHECK(json["problems"][2] == nlohmann::json{{"file", "campaigns/none.yaml"},
                                                {"line", nullptr},
                                                {"column", nullptr},
                                                {"severity", "error"},
                                                {"message", "cannot read the file"},
                                                {"campaign_file", "campaigns/none.yaml"}});
}

TEST_CASE("validate --format json names the template a problem is in, and passes valid files",
          "[e2e][validate][sqlite]") {
    Workspace workspace;
    write_campaign_in_zone(workspace, "campaigns/q4.yaml", "Europe/Paris");
    workspace.write("templates/hello.mustache", "Hi {{sender.first_nme}}\n");
    auto broken = workspace.run({"validate", "campaigns/q4.yaml", "--format", "json"});
    CHECK(broken.exit_code == 1);
    auto problem = nlohmann::json::parse(broken.out)["problems"][0];
    CHECK(problem["file"] == "templates/hello.mustache");
    CHECK(problem["line"] == 1);
    CHECK(problem["column"] == 4);
    CHECK(problem["campaign_file"] == "campaigns/q4.yaml");

    workspace.write("templates/hello.mustache", "Hi {{first_name}}\n");
    workspace.write("people.csv", campaign::e2e::prospects_csv("zoe", "founders", 3));
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto valid = workspace.run({"validate", "campaigns/q4.yaml", "--format", "json"});
    CHECK(valid.exit_code == 0);
    auto json = nlohmann::json::parse(valid.out);
    CHECK(json["valid"] == true);
    CHECK(json["crm"] == "campaign.db");
    CHECK(json["files"][0]["status"] == "ok");
    CHECK(json["files"][0]["prospects_checked"] == 3);
    CHECK(json["problems"].empty());
}

TEST_CASE("old time zone names and abbreviations are warnings that name the zone to use", "[e2e][validate]") {
    Workspace workspace;
    auto warned = [&workspace](const std::string& zone) {
        write_campaign_in_zone(workspace, "campaigns/q4.yaml", zone);
        auto result = workspace.run({"validate", "campaigns/q4.yaml"});
        CHECK(result.exit_code == 0); // a warning: the file stays valid
        return result.err;
    };
    CHECK(warned("EST") == "campaigns/q4.yaml:4:15: warning: 'EST' is a fixed offset (UTC-05:00) that never observes "
                           "summer time; use America/New_York (or America/Panama if the sender's clocks never "
                           "change)\n");
    CHECK(warned("HST") == "campaigns/q4.yaml:4:15: warning: 'HST' is a fixed offset (UTC-10:00) that never observes "
                           "summer time; use Pacific/Honolulu\n");
    CHECK(warned("CET") == "campaigns/q4.yaml:4:15: warning: 'CET' is a System V name for a set of rules, not a "
                           "place; use the zone of the sender's city, such as Europe/Brussels\n");
    CHECK(
        warned("US/Central") ==
        "campaigns/q4.yaml:4:15: warning: 'US/Central' is an old name, kept for compatibility; use America/Chicago\n");
    CHECK(warned("Asia/Calcutta") == "campaigns/q4.yaml:4:15: warning: 'Asia/Calcutta' is an old name, kept for "
                                     "compatibility; use Asia/Kolkata\n");
    CHECK(warned("Etc/GMT+1") == "campaigns/q4.yaml:4:15: warning: 'Etc/GMT+1' is UTC-01:00, not UTC+01:00 (POSIX "
                                 "inverts the sign), and a fixed offset never observes summer time; use the zone of "
                                 "the sender's city (Region/City, such as Europe/Paris), which follows its summer "
                                 "time\n");
    // The zones of regions, and UTC, are what to write.
    CHECK(warned("America/Chicago").empty());
    CHECK(warned("Europe/Bratislava").empty());
    CHECK(warned("UTC").empty());
}

TEST_CASE("GMT+1 is explained, not answered with GMT+0", "[e2e][validate]") {
    Workspace workspace;
    write_campaign_in_zone(workspace, "campaigns/q4.yaml", "GMT+1");
    auto result = workspace.run({"validate", "campaigns/q4.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "campaigns/q4.yaml:4:15: error: unknown time zone 'GMT+1': the tz database writes UTC+01:00 "
                        "as Etc/GMT-1, since POSIX inverts the sign (Etc/GMT+1 is UTC-01:00), and a fixed offset "
                        "never observes summer time; use the zone of the sender's city (Region/City, such as "
                        "Europe/Paris), which follows its summer time\n"
                        "1 problem found\n");
    write_campaign_in_zone(workspace, "campaigns/q4.yaml", "UTC-05:00");
    auto west = workspace.run({"validate", "campaigns/q4.yaml"});
    CHECK(west.err.find("writes UTC-05:00 as Etc/GMT+5") != std::string::npos);
}

TEST_CASE("run shows a time zone warning and runs all the same", "[e2e][validate][run]") {
    Workspace workspace;
    write_campaign_in_zone(workspace, "campaigns/q4.yaml", "US/Eastern");
    workspace.write("people.csv", campaign::e2e::prospects_csv("zoe", "founders", 2));
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto run = workspace.run({"run", "campaigns/q4.yaml", "--for", "3d"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("campaigns/q4.yaml:4:15: warning: 'US/Eastern' is an old name, kept for compatibility; use "
                       "America/New_York\n") != std::string::npos);
    auto strict = workspace.run({"run", "campaigns/q4.yaml", "--for", "3d", "--strict"});
    CHECK(strict.exit_code == 1);
}

TEST_CASE("validate explains a sender's limits: a warning above the safe value, an error above the hard one",
          "[e2e][validate]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name}}\n");
    auto campaign_with = [](const std::string& limits) {
        return "campaign: paced\nsenders:\n  - id: alice\n    timezone: Europe/Paris\n    limits:\n" + limits +
               "audience:\n  tags: [founders]\nsteps:\n  - id: hello\n    type: message\n"
               "    template: hello.mustache\n";
    };
    workspace.write("campaigns/eager.yaml", campaign_with("      invitations_per_week: 150\n"));
    auto eager = workspace.run({"validate", "campaigns/eager.yaml"});
    CHECK(eager.exit_code == 0);
    CHECK(eager.err == "campaigns/eager.yaml:6:29: warning: 'invitations_per_week' is 150 a week, above the safe 100: "
                       "LinkedIn restricts accounts that send more than about 100 invitations a week (see "
                       "docs/campaigns.md#limits)\n");

    workspace.write("campaigns/reckless.yaml", campaign_with("      per_day: {connect: 120}\n"));
    auto reckless = workspace.run({"validate", "campaigns/reckless.yaml"});
    CHECK(reckless.exit_code == 1);
    CHECK(reckless.err == "campaigns/reckless.yaml:6:26: error: 'connect' must be between 0 and 100, not 120: "
                          "LinkedIn restricts accounts that send more than about 100 invitations a week\n"
                          "1 problem found\n");
}
