// Randomized activity experiments through the binary: a plan drawn and recorded, a campaign that follows it on the
// mock, a sender who follows it by hand, and the SSI report that analyses it as an experiment.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "e2e/harness.hpp"

using namespace campaign::e2e;
using Json = nlohmann::json;

namespace {

Result run_ok(const Workspace& workspace, const std::vector<std::string>& arguments) {
    auto result = workspace.run(arguments);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

std::string day_after(const std::string& first, int days) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    std::sscanf(first.c_str(), "%d-%u-%u", &y, &m, &d);
    std::chrono::sys_days day = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
    std::chrono::year_month_day date{day + std::chrono::days{days}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// The plan's days: day -> on.
std::map<std::string, bool> plan_days(const Workspace& workspace, const std::string& name) {
    auto plan = Json::parse(run_ok(workspace, {"ssi", "plan", "show", name, "--format", "json"}).out);
    std::map<std::string, bool> days;
    for (const auto& period : plan["periods"]) {
        auto first = period["first_day"].get<std::string>();
        auto last = period["last_day"].get<std::string>();
        for (int i = 0;; ++i) {
            auto day = day_after(first, i);
            days[day] = period["arm"] == "on";
            if (day == last) {
                break;
            }
        }
    }
    return days;
}

const std::string k_start = "2027-01-04"; // a Monday

std::string posting_campaign() {
    return "campaign: posting\ntemplates: templates\nsenders:\n  - id: alice\n    timezone: Europe/Paris\n"
           "    working_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"17:30\"}\n"
           "audience:\n  tags: [founders]\nsteps:\n  - id: look\n    type: view_profile\n"
           "mock:\n  ssi:\n    start: {brand: 8, people: 11.8, insights: 9.6, relationships: 13.1}\n"
           "    effects:\n      - {activity: posts, pillar: brand, per: 0.1, lag: 1d}\n";
}

} // namespace

TEST_CASE("a plan pairs weeks, one on and one off, the same for a seed, and says what it can find", "[e2e][ssi]") {
    Workspace workspace;
    run_ok(workspace, {"init"});
    run_ok(workspace, {"prospects", "import", "prospects.csv"});
    auto made = run_ok(workspace, {"ssi", "plan", "create", "--name", "invites", "--sender", "alice", "--activity",
                                   "connection_requests", "--start", k_start, "--weeks", "12", "--format", "json"});
    auto plan = Json::parse(made.out);
    CHECK(plan["end"] == "2027-03-28");
    REQUIRE(plan["periods"].size() == 12);
    std::map<int, int> on_in_pair;
    for (const auto& period : plan["periods"]) {
        on_in_pair[period["pair"].get<int>()] += period["arm"] == "on" ? 1 : 0;
    }
    CHECK(on_in_pair.size() == 6);
    for (const auto& [pair, on] : on_in_pair) {
        CHECK(on == 1);
    }
    REQUIRE(plan["power"].size() == 5);
    for (const auto& row : plan["power"]) {
        CHECK(row["power"].get<double>() > 0.05); // above the test's level for any real effect
        CHECK(row["pair_sd"].get<double>() > 0);
    }

    SECTION("the same seed draws the same plan; another seed, another") {
        Workspace other;
        run_ok(other, {"init"});
        run_ok(other, {"prospects", "import", "prospects.csv"});
        auto again =
            Json::parse(run_ok(other, {"ssi", "plan", "create", "--name", "invites", "--sender", "alice", "--activity",
                                       "connection_requests", "--start", k_start, "--weeks", "12", "--format", "json"})
                            .out);
        CHECK(again["periods"] == plan["periods"]);
        std::set<std::string> drawn;
        for (int seed = 2; seed < 8; ++seed) {
            auto name = "seed-" + std::to_string(seed);
            auto start = day_after(k_start, 7 * 12 * seed); // one experiment at a time
            auto result = Json::parse(
                run_ok(other, {"ssi", "plan", "create", "--name", name, "--sender", "alice", "--activity", "posts",
                               "--start", start, "--weeks", "12", "--seed", std::to_string(seed), "--format", "json"})
                    .out);
            std::string arms;
            for (const auto& period : result["periods"]) {
                arms += period["arm"].get<std::string>() == "on" ? '1' : '0';
            }
            drawn.insert(arms);
        }
        CHECK(drawn.size() > 1);
    }
    SECTION("bad plans are refused with what is wrong, and nothing is recorded") {
        auto odd = workspace.run({"ssi", "plan", "create", "--name", "odd", "--sender", "alice", "--activity", "posts",
                                  "--start", "2028-01-03", "--weeks", "5"});
        CHECK(odd.exit_code == 1);
        CHECK(odd.err.find("--weeks 5: an experiment runs for an even number of weeks") != std::string::npos);
        auto overlap = workspace.run({"ssi", "plan", "create", "--name", "late", "--sender", "alice", "--activity",
                                      "posts", "--start", "2027-03-01", "--weeks", "4"});
        CHECK(overlap.exit_code == 1);
        CHECK(overlap.err.find("has the experiment 'invites' from 2027-01-04 to 2027-03-28") != std::string::npos);
        auto taken = workspace.run({"ssi", "plan", "create", "--name", "invites", "--sender", "marcus", "--activity",
                                    "posts", "--start", "2027-01-04"});
        CHECK(taken.exit_code == 1);
        CHECK(taken.err.find("already an experiment named 'invites'") != std::string::npos);
        auto accepted = workspace.run({"ssi", "plan", "create", "--name", "acc", "--sender", "marcus", "--activity",
                                       "connections_accepted", "--start", "2027-01-04"});
        CHECK(accepted.exit_code == 1);
        CHECK(accepted.err.find("prospects decide those") != std::string::npos);
        auto day = workspace.run({"ssi", "plan", "create", "--name", "d", "--sender", "marcus", "--activity", "posts",
                                  "--start", "2027-02-30"});
        CHECK(day.exit_code == 1);
        CHECK(day.err.find("--start") != std::string::npos);
        auto listed = run_ok(workspace, {"ssi", "plan", "list", "--format", "json"});
        CHECK(Json::parse(listed.out).size() == 1);
    }
    SECTION("removed, it is gone") {
        run_ok(workspace, {"ssi", "plan", "remove", "invites"});
        CHECK(run_ok(workspace, {"ssi", "plan", "list"}).out.find("No experiment yet") != std::string::npos);
        CHECK(workspace.run({"ssi", "plan", "show", "invites"}).exit_code == 1);
    }
}

TEST_CASE("a campaign follows its sender's experiment: no connection request on an off day", "[e2e][ssi]") {
    Workspace workspace;
    std::string people = "linkedin_url,first_name,tags\n";
    for (int i = 0; i < 400; ++i) {
        people += "https://www.linkedin.com/in/founder-" + std::to_string(i) + ",Sam,founders\n";
    }
    workspace.write("people.csv", people);
    run_ok(workspace, {"prospects", "import", "people.csv"});
    workspace.write("templates/.keep", "");
    workspace.write("invites.yaml", "campaign: invites\ntemplates: templates\nsenders:\n  - id: alice\n"
                                    "    timezone: America/New_York\n"
                                    "    working_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: "
                                    "\"17:30\"}\n"
                                    "    limits:\n      per_day: {connect: 10, view_profile: 30}\n"
                                    "audience:\n  tags: [founders]\n"
                                    "steps:\n  - id: look\n    type: view_profile\n"
                                    "  - id: invite\n    type: connect\n    after: 1d\n");
    run_ok(workspace, {"ssi", "plan", "create", "--name", "invites", "--sender", "alice", "--activity",
                       "connection_requests", "--unit", "day", "--start", k_start, "--weeks", "4"});
    auto days = plan_days(workspace, "invites");
    run_ok(workspace, {"run", "invites.yaml", "--for", "35d", "--seed", "3", "--start", "2027-01-04T06:00:00Z"});
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, "SELECT substr(at_local, 1, 10), type FROM actions WHERE state = 'sent'");
    std::map<std::string, int> connects_on;
    int views_on_off_days = 0;
    while (query.executeStep()) {
        auto day = query.getColumn(0).getString();
        auto found = days.find(day);
        if (query.getColumn(1).getString() == "connect") {
            INFO(day);
            // Inside the plan, only on its on days; after it, as the campaign likes.
            CHECK((found == days.end() || found->second));
            connects_on[day] += 1;
        } else if (found != days.end() && !found->second) {
            ++views_on_off_days; // other work goes on
        }
    }
    CHECK(views_on_off_days > 0);
    int on_days_with_connects = 0;
    for (const auto& [day, on] : days) {
        on_days_with_connects += on && connects_on.contains(day) ? 1 : 0;
    }
    CHECK(on_days_with_connects >= 8); // 10 working on-days in 4 weeks, the first before anyone is due
}

TEST_CASE("an experiment followed by hand is analysed as one, and its planted effect found", "[e2e][ssi][report]") {
    Workspace workspace;
    workspace.write("people.csv", "linkedin_url,first_name,tags\nhttps://linkedin.com/in/someone,Sam,partners\n");
    run_ok(workspace, {"prospects", "import", "people.csv"});
    workspace.write("templates/.keep", "");
    workspace.write("posting.yaml", posting_campaign());
    run_ok(workspace, {"ssi", "plan", "create", "--name", "posting", "--sender", "alice", "--activity", "posts",
                       "--unit", "day", "--start", k_start, "--weeks", "12", "--lag", "1d"});
    // Alice follows the plan: two posts on each on day, none on an off one.
    std::string posts = "date,activity,count,sender\n";
    for (const auto& [day, on] : plan_days(workspace, "posting")) {
        if (on) {
            posts += day + ",posts,2,alice\n";
        }
    }
    workspace.write("posts.csv", posts);
    run_ok(workspace, {"activity", "import", "posts.csv"});
    run_ok(workspace, {"run", "posting.yaml", "--for", "86d", "--seed", "5", "--start", "2027-01-04T06:00:00Z"});
    auto report = Json::parse(
        run_ok(workspace, {"--rehearsal", "report", "ssi", "--format", "json", "--section", "experiments"}).out);
    REQUIRE(report["experiments"].size() == 1);
    CHECK(report["experiments"][0]["name"] == "posting");
    std::map<std::string, Json> by_pillar;
    for (const auto& row : report["experiment_results"]) {
        by_pillar[row["pillar"].get<std::string>()] = row;
    }
    REQUIRE(by_pillar.size() == 5);
    const auto& brand = by_pillar["brand"];
    INFO(brand.dump());
    CHECK(brand["pairs_planned"] == 42);
    CHECK(brand["pairs"].get<int>() >= 40);
    // Two posts of 0.1 each, a day later: on days gain 0.2 more than off days.
    auto effect = brand["effect"];
    CHECK(effect["difference"].get<double>() == Approx(0.2).margin(0.03));
    CHECK(effect["ci"][0].get<double>() <= 0.2);
    CHECK(effect["ci"][1].get<double>() >= 0.2);
    CHECK(effect["p"].get<double>() < 0.001);
    CHECK_FALSE(effect["exact"].get<bool>()); // 42 pairs: the assignments are drawn
    CHECK(brand["sentence"].get<std::string>().find("alice's experiment 'posting' (randomized over 12 weeks") == 0);
    CHECK(brand["sentence"].get<std::string>().find("on days raised Establish your professional brand by +0.") !=
          std::string::npos);
    for (auto pillar : {"people", "insights", "relationships"}) {
        INFO(pillar);
        CHECK(by_pillar[pillar]["effect"]["p"].get<double>() > 0.001); // no effect planted there
    }

    SECTION("the table, Markdown and CSV say the same") {
        auto table = run_ok(workspace, {"--rehearsal", "report", "ssi", "--section", "experiments"}).out;
        CHECK(table.find("Randomized experiments") != std::string::npos);
        CHECK(table.find(brand["sentence"].get<std::string>() + ".") != std::string::npos);
        auto csv = run_ok(workspace, {"--rehearsal", "report", "ssi", "--format", "csv", "--section", "experiments"});
        CHECK(csv.out.rfind("sender,experiment,pillar,activity,unit,pairs,pairs_planned,on,off,difference,ci_low,"
                            "ci_high,p,exact\nalice,posting,brand,posts,day,",
                            0) == 0);
    }
}
