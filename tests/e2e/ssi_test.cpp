// The SSI as a user meets it: snapshots recorded by hand or imported from LinkedIn's CSV and JSON, activity imported,
// and the SSI-impact report in every format, including what it finds in simulated histories whose truth is known.
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/harness.hpp"

using campaign::e2e::Result;
using campaign::e2e::Workspace;
using Json = nlohmann::json;
using Day = std::chrono::sys_days;
using std::chrono::days;

namespace {

Day nth(Day first, std::size_t i) {
    return first + days{static_cast<int>(i)};
}

std::string format_day(Day day) {
    std::chrono::year_month_day date{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// Hundredths of a point as LinkedIn shows them: 1234 -> "12.34".
std::string points(int hundredths) {
    char text[16];
    std::snprintf(text, sizeof text, "%d.%02d", hundredths / 100, hundredths % 100);
    return text;
}

// Where a test's runs worked: the rehearsal when a simulated run made one, else the live CRM.
std::filesystem::path worked_in(const Workspace& workspace) {
    return std::filesystem::exists(workspace.rehearsal()) ? workspace.rehearsal() : workspace.database();
}

// Every row a query returns, one line each: two calls that print the same saw the same rows.
std::string rows(const Workspace& workspace, const std::string& sql) {
    SQLite::Database db(worked_in(workspace).string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, sql);
    std::ostringstream text;
    while (query.executeStep()) {
        for (int i = 0; i < query.getColumnCount(); ++i) {
            text << (query.getColumn(i).isNull() ? "NULL" : query.getColumn(i).getString()) << '|';
        }
        text << '\n';
    }
    return text.str();
}

const std::string k_snapshots = "SELECT s.name, p.day, p.brand, p.people, p.insights, p.relationships, p.total, "
                                "p.industry_rank, p.network_rank, p.industry_average, p.network_average, p.source "
                                "FROM ssi_snapshots p JOIN senders s ON s.id = p.sender_id ORDER BY 1, 2";
const std::string k_activities = "SELECT s.name, a.day, a.activity, a.count, a.source FROM activities a "
                                 "JOIN senders s ON s.id = a.sender_id ORDER BY 1, 2, 3, 5";

// A database with one prospect whom no campaign of these tests is for, as after a first prospect import.
void prepare(const Workspace& workspace) {
    workspace.write("people.csv", "linkedin_url,first_name,tags\nhttps://linkedin.com/in/someone,Sam,partners\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
}

Result run_ok(const Workspace& workspace, const std::vector<std::string>& arguments) {
    auto result = workspace.run(arguments);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

// The SSI report of where the test's runs worked.
Json report_json(const Workspace& workspace, std::vector<std::string> options = {}) {
    options.insert(options.begin(), {"report", "ssi", "--format", "json"});
    if (worked_in(workspace) == workspace.rehearsal()) {
        options.insert(options.begin(), "--rehearsal");
    }
    return Json::parse(run_ok(workspace, options).out);
}

// Daily counts on irregular days, zero on most: a fixed linear congruential generator, the same on every machine.
std::vector<int> irregular_counts(std::size_t days, std::uint64_t state) {
    std::vector<int> counts;
    for (std::size_t i = 0; i < days; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        auto draw = static_cast<double>(state >> 11) / 9007199254740992.0;
        counts.push_back(draw < 0.65 ? 0 : draw < 0.85 ? 1 : draw < 0.95 ? 2 : 3);
    }
    return counts;
}

std::string activity_csv(const std::string& activity, Day first, const std::vector<int>& counts) {
    std::string csv = "date,activity,count,sender\n";
    for (std::size_t i = 0; i < counts.size(); ++i) {
        csv += format_day(nth(first, i)) + "," + activity + "," + std::to_string(counts[i]) + ",alice\n";
    }
    return csv;
}

// --- A hand-made history: 45 days from 2026-03-02 with 2026-03-20..22 not recorded; each post lifts the brand by
// 0.25 the next day; insights reaches 25 on the last 5 days.

const Day k_first = std::chrono::year{2026} / 3 / 2;
constexpr std::size_t k_history_days = 45;

bool recorded(std::size_t i) {
    return i < 18 || i > 20;
}

// Changes measured at lag `lag` in the hand-made history: day i against day i-1, both recorded, i from lag on.
std::size_t changes_at(int lag) {
    std::size_t count = 0;
    for (auto i = static_cast<std::size_t>(std::max(lag, 1)); i < k_history_days; ++i) {
        count += recorded(i) && recorded(i - 1) ? 1 : 0;
    }
    return count;
}

std::string history_csv(const std::vector<int>& posts) {
    std::string csv = "date,sender,brand,people,insights,relationships,total,industry_rank,network_rank\n";
    int brand = 1000;
    for (std::size_t i = 0; i < k_history_days; ++i) {
        brand += i > 0 ? 25 * posts[i - 1] : 0;
        int people = 1200 + 2 * static_cast<int>(i % 3);
        int insights = std::min(2500, 2060 + 11 * static_cast<int>(i)); // 25 from day 40 on
        int relationships = 1300 + 5 * static_cast<int>(i / 7);
        if (recorded(i)) {
            csv += format_day(nth(k_first, i)) + ",alice," + points(brand) + "," + points(people) + "," +
                   points(insights) + "," + points(relationships) + "," +
                   points(brand + people + insights + relationships) + ",Top " + std::to_string(40 - i / 3) + "%," +
                   std::to_string(60 - i / 2) + "\n";
        }
    }
    return csv;
}

const std::vector<int> k_history_posts = irregular_counts(k_history_days, 11);

void prepare_history(const Workspace& workspace) {
    prepare(workspace);
    workspace.write("ssi.csv", history_csv(k_history_posts));
    workspace.write("posts.csv", activity_csv("posts", k_first, k_history_posts));
    run_ok(workspace, {"ssi", "import", "ssi.csv"});
    run_ok(workspace, {"activity", "import", "posts.csv"});
}

// --- Simulated histories: a sender who posts, and a run of 120 days from 2026-01-05 that simulates her SSI.

const Day k_run_first = std::chrono::year{2026} / 1 / 5;
constexpr std::size_t k_run_days = 120;
constexpr std::size_t k_lead_days = 3; // posts before the first day, which a lag reaches back to
const std::vector<int> k_posts = irregular_counts(k_lead_days + k_run_days, 2026);
const std::string k_planted = "    effects:\n      - {activity: posts, pillar: brand, per: 0.2, lag: 2d}\n";

std::string posting_campaign(const std::string& effects) {
    return "campaign: posting\n"
           "description: A sender who posts; her SSI is simulated, with the effects below\n"
           "templates: templates\n"
           "senders:\n"
           "  - id: alice\n"
           "    timezone: Europe/Paris\n"
           "    working_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"17:30\"}\n"
           "audience:\n"
           "  tags: [founders]\n"
           "steps:\n"
           "  - id: look\n"
           "    type: view_profile\n"
           "mock:\n"
           "  ssi:\n"
           "    start: {brand: 6, people: 11.8, insights: 9.6, relationships: 13.1}\n"
           "    noise: 0.06\n"
           "    quiet_days: 0.6\n" +
           effects;
}

void prepare_posting(const Workspace& workspace, const std::string& effects) {
    prepare(workspace);
    workspace.write("templates/.keep", "");
    workspace.write("posting.yaml", posting_campaign(effects));
    workspace.write("posts.csv", activity_csv("posts", k_run_first - days{k_lead_days}, k_posts));
    run_ok(workspace, {"activity", "import", "posts.csv"});
}

Result run_posting(const Workspace& workspace, std::uint64_t seed) {
    return run_ok(workspace, {"run", "posting.yaml", "--for", "120d", "--seed", std::to_string(seed), "--start",
                              "2026-01-05T06:00:00Z"});
}

// The first association of the report with `measure`, as "activity/lag", or "none".
std::string first_association(const Json& report, const std::string& measure) {
    for (const auto& row : report["significant"]) {
        if (row["pillar"] == measure) {
            return row["activity"].get<std::string>() + "/" + std::to_string(row["lag"].get<int>());
        }
    }
    return "none";
}

Json regression(const Json& report, const std::string& measure, const std::string& activity) {
    for (const auto& row : report["regressions"]) {
        if (row["pillar"] == measure && row["activity"] == activity) {
            return row;
        }
    }
    return nullptr;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

} // namespace

TEST_CASE("ssi record stores a day by hand, for the only sender, and says what it replaced", "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto record = [&workspace](std::vector<std::string> options) {
        options.insert(options.begin(), {"ssi", "record"});
        return workspace.run(options);
    };
    const std::vector<std::string> pillars{"--brand",    "14.2", "--people",        "11.8",
                                           "--insights", "9.6",  "--relationships", "13.1"};
    auto with = [&pillars](std::vector<std::string> options) {
        options.insert(options.end(), pillars.begin(), pillars.end());
        return options;
    };

    auto nobody = record(pillars);
    CHECK(nobody.exit_code == 1);
    CHECK(nobody.err == "error: which sender? pass --sender NAME (no sender is known yet)\n");

    auto first =
        record(with({"--sender", "alice", "--date", "2026-11-03", "--industry-rank", "5", "--network-rank", "12"}));
    CHECK(first.exit_code == 0);
    CHECK(first.out == "added sender 'alice' (no campaign uses it yet)\n"
                       "recorded alice's SSI of 2026-11-03: 48.70 (brand 14.20, people 11.80, insights 9.60, "
                       "relationships 13.10)\n");
    // Alice is now the only sender: she is the default.
    auto next = record({"--date", "2026-11-04", "--brand", "14.25", "--people", "11.8", "--insights", "9.61",
                        "--relationships", "13.1"});
    CHECK(next.exit_code == 0);
    CHECK(next.out == "recorded alice's SSI of 2026-11-04: 48.76 (brand 14.25, people 11.80, insights 9.61, "
                      "relationships 13.10)\n");
    // The same day again replaces the whole snapshot, ranks included, and says what it was.
    auto again = record({"--date", "2026-11-03", "--brand", "14.5", "--people", "11.8", "--insights", "9.6",
                         "--relationships", "13.1"});
    CHECK(again.exit_code == 0);
    CHECK(again.out == "replaced alice's snapshot of 2026-11-03: was 48.70 (brand 14.20, people 11.80, insights "
                       "9.60, relationships 13.10) from manual, now 49.00 (brand 14.50, people 11.80, insights 9.60, "
                       "relationships 13.10)\n");
    CHECK(rows(workspace, k_snapshots) == "alice|2026-11-03|14.5|11.8|9.6|13.1|49.0|NULL|NULL|NULL|NULL|manual|\n"
                                          "alice|2026-11-04|14.25|11.8|9.61|13.1|48.76|NULL|NULL|NULL|NULL|manual|\n");

    // Out of range: refused with the option named, and nothing stored.
    auto before = rows(workspace, k_snapshots);
    auto refused = [&](const std::vector<std::string>& options, const std::string& message) {
        auto result = record(options);
        INFO(result.out << result.err);
        CHECK(result.exit_code == 1);
        CHECK(result.err == message);
        CHECK(result.out.empty());
    };
    refused(
        {"--date", "2026-11-05", "--brand", "26", "--people", "11.8", "--insights", "9.6", "--relationships", "13.1"},
        "error: --brand is 26, outside 0 to 25 (each pillar is scored out of 25)\n");
    refused({"--date", "2026-11-05", "--brand", "14", "--people=-0.5", "--insights", "9.6", "--relationships", "13.1"},
            "error: --people is -0.5, outside 0 to 25 (each pillar is scored out of 25)\n");
    refused(with({"--date", "2026-11-05", "--industry-rank", "0", "--network-rank", "101"}),
            "error: --industry-rank is 0, outside 1 to 100 (it is a 'top N%')\n"
            "error: --network-rank is 101, outside 1 to 100 (it is a 'top N%')\n");
    refused({"--date", "2026-11-05", "--brand", "25.5", "--people", "11.8", "--insights", "9.6", "--relationships",
             "13.1", "--network-rank", "0"},
            "error: --brand is 25.5, outside 0 to 25 (each pillar is scored out of 25)\n"
            "error: --network-rank is 0, outside 1 to 100 (it is a 'top N%')\n");
    refused(with({"--date", "2026-02-30"}), "error: --date: '2026-02-30' is not a day like 2026-11-23\n");
    refused(with({"--date", "03/11/2026"}), "error: --date: '03/11/2026' is not a day like 2026-11-23\n");
    CHECK(
        record({"--date", "2026-11-05", "--brand", "high", "--people", "1", "--insights", "1", "--relationships", "1"})
            .exit_code == 2);
    CHECK(record({"--date", "2026-11-05", "--brand", "1", "--people", "1", "--insights", "1"}).exit_code == 2);
    CHECK(rows(workspace, k_snapshots) == before);

    // With two senders known, the sender must be named.
    CHECK(record(with({"--sender", "bob", "--date", "2026-11-03"})).exit_code == 0);
    auto which = record(with({"--date", "2026-11-06"}));
    CHECK(which.exit_code == 1);
    CHECK(which.err == "error: which sender? pass --sender NAME (2 senders are known: campaign sender list)\n");
}

TEST_CASE("ssi list prints the snapshots as a table, JSON and CSV", "[e2e][ssi]") {
    Workspace workspace;
    prepare(workspace);
    auto empty = run_ok(workspace, {"ssi", "list"});
    CHECK(empty.out == "no SSI recorded yet: campaign ssi record or campaign ssi import\n");
    CHECK(run_ok(workspace, {"ssi", "list", "--format", "json"}).out == "[]\n");
    run_ok(workspace, {"ssi", "record", "--sender", "bob", "--date", "2026-11-02", "--brand", "10", "--people", "10",
                       "--insights", "10", "--relationships", "10"});
    run_ok(workspace, {"ssi", "record", "--sender", "alice", "--date", "2026-11-03", "--brand", "14.2", "--people",
                       "11.8", "--insights", "9.6", "--relationships", "13.1", "--industry-rank", "5"});

    auto table = run_ok(workspace, {"ssi", "list"});
    CHECK(table.out ==
          "sender  date        total  brand  people  insights  relationships  industry_rank  network_rank  source\n"
          "alice   2026-11-03  48.70  14.20  11.80   9.60      13.10          5                            manual\n"
          "bob     2026-11-02  40.00  10.00  10.00   10.00     10.00                                       manual\n");
    auto csv = run_ok(workspace, {"ssi", "list", "--format", "csv", "--sender", "alice"});
    CHECK(csv.out == "sender,date,total,brand,people,insights,relationships,industry_rank,network_rank,source\n"
                     "alice,2026-11-03,48.70,14.20,11.80,9.60,13.10,5,,manual\n");
    auto json = Json::parse(run_ok(workspace, {"ssi", "list", "--format", "json"}).out);
    REQUIRE(json.size() == 2);
    CHECK(json[0]["sender"] == "alice");
    CHECK(json[0]["date"] == "2026-11-03");
    CHECK(json[0]["brand"].get<double>() == Approx(14.2));
    CHECK(json[0]["total"].get<double>() == Approx(48.7));
    CHECK(json[0]["industry_rank"] == 5);
    CHECK(json[0]["network_rank"].is_null());
    CHECK(json[1]["sender"] == "bob");
    CHECK(workspace.run({"ssi", "list", "--format", "xml"}).exit_code == 2);
}

TEST_CASE("ssi record without --date records today on the sender's calendar, the day activity counts on",
          "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    // Tabu works in Kiritimati, fourteen hours ahead of UTC all year: her day is UTC's plus 14 hours, as her
    // campaign's actions count. Alice's zone is not known: UTC's day.
    run_ok(workspace, {"ssi", "record", "--sender", "tabu", "--date", "2026-01-05", "--brand", "1", "--people", "1",
                       "--insights", "1", "--relationships", "1"});
    {
        SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE senders SET timezone = 'Pacific/Kiritimati' WHERE name = 'tabu'");
    }
    for (auto [sender, offset] : {std::pair{"alice", 0}, std::pair{"tabu", 14}}) {
        auto today = [offset = offset] {
            return format_day(std::chrono::floor<days>(std::chrono::system_clock::now() + std::chrono::hours{offset}));
        };
        auto before = today();
        auto result = workspace.run({"ssi", "record", "--sender", sender, "--brand", "14.2", "--people", "11.8",
                                     "--insights", "9.6", "--relationships", "13.1"});
        auto after = today();
        INFO(sender << ": " << result.out << result.err);
        CHECK(result.exit_code == 0);
        CHECK((contains(result.out, "SSI of " + before + ": 48.70") ||
               contains(result.out, "SSI of " + after + ": 48.70")));
    }
}

TEST_CASE("ssi record names the pillar that is not a number, and only it", "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto result = workspace.run({"ssi", "record", "--sender", "alice", "--date", "2026-11-05", "--brand", "nan",
                                 "--people", "11.8", "--insights", "9.6", "--relationships", "13.1"});
    CHECK(result.exit_code == 1);
    // There is no --total option to blame.
    CHECK(result.err == "error: --brand is nan, outside 0 to 25 (each pillar is scored out of 25)\n");
    CHECK(rows(workspace, k_snapshots).empty());
}

TEST_CASE("ssi import reads the SSI CSV, with ranks as LinkedIn writes them", "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("ssi.csv", "date,brand,people,insights,relationships,sender,total,industry_rank,network_rank\n"
                               "2026-11-01,14.20,11.80,9.60,13.10,alice,48.70,Top 5%,12\n"
                               "2026-11-02,14.25,11.80,9.61,13.10,alice,48.76,top 4 %,Top 11%\n"
                               "2026-11-02,10,10,10,10,bob,,,\n");
    auto result = run_ok(workspace, {"ssi", "import", "ssi.csv"});
    // The senders the database did not know are named, so that a misspelt one shows at once.
    CHECK(result.out == "added sender 'alice' (no campaign uses it yet)\nadded sender 'bob' (no campaign uses it yet)\n"
                        "imported 3 SSI snapshots from 1 file (3 new)\n");
    CHECK(rows(workspace, k_snapshots) == "alice|2026-11-01|14.2|11.8|9.6|13.1|48.7|5|12|NULL|NULL|csv|\n"
                                          "alice|2026-11-02|14.25|11.8|9.61|13.1|48.76|4|11|NULL|NULL|csv|\n"
                                          "bob|2026-11-02|10.0|10.0|10.0|10.0|40.0|NULL|NULL|NULL|NULL|csv|\n");

    // Columns in any order and case, the sender from --sender, a total within rounding of the shown pillars.
    workspace.write("more.csv", "Relationships, Insights, People, Brand, Date, Total\n"
                                "13.10,9.60,11.80,14.30,2026-11-02,48.79\n"
                                "13.12,9.63,11.81,14.31,2026-11-03,48.88\n");
    auto more = run_ok(workspace, {"ssi", "import", "more.csv", "--sender", "alice"});
    CHECK(more.out == "replaced alice's snapshot of 2026-11-02: was 48.76 (brand 14.25, people 11.80, insights 9.61, "
                      "relationships 13.10) from csv, now 48.79 (brand 14.30, people 11.80, insights 9.60, "
                      "relationships 13.10)\n"
                      "imported 2 SSI snapshots from 1 file (1 new, 1 replaced)\n");
    CHECK(
        rows(workspace, "SELECT day, brand, total, industry_rank FROM ssi_snapshots WHERE sender_id = 1 ORDER BY 1") ==
        "2026-11-01|14.2|48.7|5|\n2026-11-02|14.3|48.79|NULL|\n2026-11-03|14.31|48.88|NULL|\n");
}

TEST_CASE("ssi import reads LinkedIn's salesApiSsi JSON, dated by its file name or --date", "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    run_ok(workspace, {"ssi", "record", "--sender", "alice", "--date", "2026-11-01", "--brand", "14", "--people", "12",
                       "--insights", "10", "--relationships", "13"});
    const std::string answer = R"({
  "memberScore": {
    "overall": 51.37,
    "subScores": [
      {"pillar": "PROFESSIONAL_BRAND", "score": 14.9},
      {"pillar": "FIND_RIGHT_PEOPLE", "score": 12.02},
      {"pillar": "INSIGHT_ENGAGEMENT", "score": 10.75},
      {"pillar": "STRONG_RELATIONSHIP", "score": 13.7}
    ]
  },
  "groupScore": [
    {"groupType": "INDUSTRY", "rank": 7, "score": {"overall": 28.4}},
    {"groupType": "NETWORK", "rank": 15, "score": {"overall": 31.9}}
  ]
}
)";
    workspace.write("ssi-2026-11-10.json", answer);
    auto named = run_ok(workspace, {"ssi", "import", "ssi-2026-11-10.json"}); // the only sender's
    CHECK(named.out == "imported 1 SSI snapshots from 1 file (1 new)\n");
    CHECK(rows(workspace, k_snapshots + " LIMIT 1 OFFSET 1") ==
          "alice|2026-11-10|14.9|12.02|10.75|13.7|51.37|7|15|28.4|31.9|json|\n");

    workspace.write("answer.json", answer);
    auto undated = workspace.run({"ssi", "import", "answer.json"});
    CHECK(undated.exit_code == 1);
    CHECK(undated.err == "answer.json: error: LinkedIn's answer holds no date: name the file by its day "
                         "(2026-11-03.json) or pass --date\n");
    run_ok(workspace, {"ssi", "import", "answer.json", "--date", "2026-11-11"});
    // A gateway's wrapping, {"data": ...}, is taken off.
    workspace.write("gateway-2026-11-12.json", "{\"data\": " + answer + "}");
    run_ok(workspace, {"ssi", "import", "gateway-2026-11-12.json"});
    CHECK(rows(workspace, "SELECT day, total, source FROM ssi_snapshots ORDER BY 1") ==
          "2026-11-01|49.0|manual|\n2026-11-10|51.37|json|\n2026-11-11|51.37|json|\n2026-11-12|51.37|json|\n");

    // A folder of daily files, JSON and CSV, in the order of their names; other files are left alone.
    workspace.write("daily/2026-11-20.json", answer);
    auto later = answer;
    later.replace(later.find("14.9"), 4, "15.1");
    later.replace(later.find("51.37"), 5, "51.57");
    workspace.write("daily/2026-11-21.json", later);
    workspace.write("daily/week.csv", "date,brand,people,insights,relationships\n"
                                      "2026-11-22,15.2,12.02,10.75,13.7\n");
    workspace.write("daily/notes.txt", "not SSI\n");
    auto folder = run_ok(workspace, {"ssi", "import", "daily"});
    CHECK(folder.out == "imported 3 SSI snapshots from 3 files (3 new)\n");
    CHECK(rows(workspace, "SELECT day, brand, total FROM ssi_snapshots WHERE day >= '2026-11-20' ORDER BY 1") ==
          "2026-11-20|14.9|51.37|\n2026-11-21|15.1|51.57|\n2026-11-22|15.2|51.67|\n");
}

TEST_CASE("a failed SSI import says where each problem is and stores nothing", "[e2e][ssi][invariant][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("good.csv", "date,sender,brand,people,insights,relationships\n"
                                "2026-11-01,alice,14.2,11.8,9.6,13.1\n2026-11-01,bob,10,10,10,10\n");
    run_ok(workspace, {"ssi", "import", "good.csv"});
    auto before = rows(workspace, k_snapshots);
    auto senders = rows(workspace, "SELECT * FROM senders ORDER BY 1");
    auto refused = [&](const std::vector<std::string>& arguments, const std::string& message) {
        auto result = workspace.run(arguments);
        INFO(result.out << result.err);
        CHECK(result.exit_code == 1);
        CHECK(result.err == message);
        CHECK(rows(workspace, k_snapshots) == before);
        CHECK(rows(workspace, "SELECT * FROM senders ORDER BY 1") == senders);
    };

    // Good rows and bad ones: every problem at its line and column, the good rows not stored either.
    workspace.write("bad.csv", "Date,Brand,People,Insights,Relationships,Total,Industry_Rank\n"
                               "2026-11-02,14.20,11.80,9.60,13.10,48.70,5\n"
                               "2026-02-30,14.20,11.80,9.60,13.10,48.70,5\n"
                               "2026-11-05,26,11.80,9.60,13.10,60.50,5\n"
                               "2026-11-06,14.20,11.80,9.60,13.10,50,5\n"
                               "2026-11-07,14.20,x,9.60,13.10,,Top five\n"
                               "2026-11-08,14.20,11,9.60,13.10,,0\n"
                               "2026-11-09,-1,11,9.60,13.10,,\n"
                               "2026-11-10,14.20,11.80,9.60,13.10,48.70,5\n");
    refused({"ssi", "import", "bad.csv", "--sender", "carol"},
            "bad.csv:3:1: error: '2026-02-30' is not a date like 2026-11-03\n"
            "bad.csv:4:12: error: 'brand' is 26, outside 0 to 25 (each pillar is scored out of 25)\n"
            "bad.csv:5:35: error: 'total' is 50, not the sum of the pillars (48.7)\n"
            "bad.csv:6:18: error: 'people' is 'x', not a number\n"
            "bad.csv:6:32: error: 'industry_rank' is 'Top five', not a rank like 5\n"
            "bad.csv:7:33: error: 'industry_rank' is 0, outside 1 to 100 (it is a 'top N%')\n"
            "bad.csv:8:12: error: 'brand' is -1, outside 0 to 25 (each pillar is scored out of 25)\n");
    workspace.write("nameless.csv", "date,brand,people,insights,relationships\n2026-11-02,14.2,11.8,9.6,13.1\n");
    refused({"ssi", "import", "nameless.csv"},
            "nameless.csv:2: error: which sender are these rows for? add a 'sender' column or pass --sender\n");
    workspace.write("short.csv", "date,brand,people\n2026-11-02,14.2,11.8\n");
    refused({"ssi", "import", "short.csv", "--sender", "alice"},
            "short.csv:1: error: the header has no 'insights' column; it needs date, brand, people, insights, "
            "relationships (and may have sender, total, industry_rank, network_rank)\n"
            "short.csv:1: error: the header has no 'relationships' column; it needs date, brand, people, insights, "
            "relationships (and may have sender, total, industry_rank, network_rank)\n");

    // JSON that does not parse says where; a total that is not the pillars' sum; a pillar LinkedIn does not have.
    workspace.write("broken-2026-11-13.json", "{\n  \"memberScore\": {\n    \"overall\": 51.37,\n"
                                              "    \"subScores\": [\n"
                                              "      {\"pillar\": \"PROFESSIONAL_BRAND\", \"score\": 14.9},,\n"
                                              "    ]\n  }\n}\n");
    refused({"ssi", "import", "broken-2026-11-13.json", "--sender", "alice"},
            "broken-2026-11-13.json:5:55: error: not valid JSON: syntax error while parsing value - unexpected ','; "
            "expected '[', '{', or a literal\n");
    const std::string sixty = R"({"memberScore": {"overall": 60, "subScores": [
      {"pillar": "PROFESSIONAL_BRAND", "score": 14.9}, {"pillar": "FIND_RIGHT_PEOPLE", "score": 12.02},
      {"pillar": "INSIGHT_ENGAGEMENT", "score": 10.75}, {"pillar": "STRONG_RELATIONSHIP", "score": 13.7}]}})";
    workspace.write("total-2026-11-14.json", sixty);
    refused({"ssi", "import", "total-2026-11-14.json", "--sender", "alice"},
            "total-2026-11-14.json:1:18: error: memberScore.overall is 60, not the sum of the pillars (51.37)\n");
    auto renamed = sixty;
    renamed.replace(renamed.find("FIND_RIGHT_PEOPLE"), 17, "FIND_PEOPLE");
    renamed.replace(renamed.find("60"), 2, "51.37");
    workspace.write("pillar-2026-11-15.json", renamed);
    refused({"ssi", "import", "pillar-2026-11-15.json", "--sender", "alice"},
            "pillar-2026-11-15.json:2:57: error: memberScore.subScores[1]: unknown pillar 'FIND_PEOPLE' (expected "
            "PROFESSIONAL_BRAND, FIND_RIGHT_PEOPLE, INSIGHT_ENGAGEMENT or STRONG_RELATIONSHIP)\n"
            "pillar-2026-11-15.json:1:2: error: memberScore.subScores has no FIND_RIGHT_PEOPLE score\n");
    refused({"ssi", "import", "total-2026-11-14.json", "--sender", "alice", "--date", "2026-02-30"},
            "error: --date: '2026-02-30' is not a day like 2026-11-23\n");
    workspace.write("list-2026-11-16.json", "[1, 2]");
    refused({"ssi", "import", "list-2026-11-16.json", "--sender", "alice"},
            "list-2026-11-16.json: error: this is not LinkedIn's SSI answer: it has no 'memberScore' object\n");

    // A folder with one bad file among good ones stores none of them.
    workspace.write("daily/2026-11-20.csv", "date,brand,people,insights,relationships\n2026-11-20,15,12,10,13\n");
    workspace.write("daily/2026-11-21.json", sixty);
    refused({"ssi", "import", "daily", "--sender", "alice"},
            "daily/2026-11-21.json:1:18: error: memberScore.overall is 60, not the sum of the pillars (51.37)\n");
    workspace.write("nothing/readme.txt", "");
    refused({"ssi", "import", "nothing"}, "nothing: error: the folder holds no .csv or .json files\n");
    CHECK(workspace.run({"ssi", "import", "missing.csv"}).exit_code == 2);
}

TEST_CASE("a problem in LinkedIn's JSON is reported at its line and column", "[e2e][ssi]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("ssi-2026-11-14.json", "{\n  \"memberScore\": {\n    \"overall\": 60,\n    \"subScores\": [\n"
                                           "      {\"pillar\": \"PROFESSIONAL_BRAND\", \"score\": 14.9},\n"
                                           "      {\"pillar\": \"FIND_RIGHT_PEOPLE\", \"score\": 12.02},\n"
                                           "      {\"pillar\": \"INSIGHT_ENGAGEMENT\", \"score\": 10.75},\n"
                                           "      {\"pillar\": \"STRONG_RELATIONSHIP\", \"score\": 13.7}\n"
                                           "    ]\n  }\n}\n");
    auto total = workspace.run({"ssi", "import", "ssi-2026-11-14.json", "--sender", "alice"});
    CHECK(total.exit_code == 1);
    // The file says "overall" on line 3; it has no 'total'.
    CHECK(total.err.rfind("ssi-2026-11-14.json:3:", 0) == 0);
    CHECK(contains(total.err, "overall"));
    // A file named by a day that does not exist is not a file "that holds no date".
    workspace.write("ssi-2026-02-30.json", R"({"memberScore": {"overall": 51.37, "subScores": [
      {"pillar": "PROFESSIONAL_BRAND", "score": 14.9}, {"pillar": "FIND_RIGHT_PEOPLE", "score": 12.02},
      {"pillar": "INSIGHT_ENGAGEMENT", "score": 10.75}, {"pillar": "STRONG_RELATIONSHIP", "score": 13.7}]}})");
    auto impossible = workspace.run({"ssi", "import", "ssi-2026-02-30.json", "--sender", "alice"});
    CHECK(impossible.exit_code == 1);
    CHECK(contains(impossible.err, "'2026-02-30'"));
}

TEST_CASE("ssi list of a sender the database does not know says so", "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    run_ok(workspace, {"ssi", "record", "--sender", "alice", "--date", "2026-11-01", "--brand", "14", "--people", "12",
                       "--insights", "10", "--relationships", "13"});
    // As report ssi does: a misspelt sender is not a sender without SSI.
    auto result = workspace.run({"ssi", "list", "--sender", "alcie"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "error: no sender 'alcie' in campaign.db\n");
}

TEST_CASE("activity import reads daily counts, and a file imported again replaces its counts", "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare_history(workspace);
    auto expected_posts = 0;
    for (int count : k_history_posts) {
        expected_posts += count;
    }
    auto posts_total = [&workspace] {
        auto report = report_json(workspace);
        for (const auto& activity : report["senders"][0]["activities"]) {
            if (activity["activity"] == "posts") {
                return activity["total"].get<int>();
            }
        }
        return -1;
    };
    REQUIRE(posts_total() == expected_posts);
    auto table = rows(workspace, k_activities);

    auto again = run_ok(workspace, {"activity", "import", "posts.csv"});
    CHECK(again.out ==
          "imported 45 activity counts from posts.csv, replacing the 45 daily counts of its earlier import\n");
    CHECK(rows(workspace, k_activities) == table);
    CHECK(posts_total() == expected_posts); // not twice as many

    // Other activities, without a sender column: the only sender's. Another series adds to the first.
    workspace.write("elsewhere/log.csv", "Date,Activity,Count\n2026-03-03,Comments,4\n2026-03-04,likes,12\n"
                                         "2026-03-04,posts,2\n");
    auto log = run_ok(workspace, {"activity", "import", "elsewhere/log.csv"});
    CHECK(log.out == "imported 3 activity counts from elsewhere/log.csv\n");
    // The series is named by the file's full path: another folder's log.csv is another series.
    auto series = (std::filesystem::weakly_canonical(workspace.path()) / "elsewhere/log.csv").string();
    CHECK(
        rows(workspace, "SELECT day, activity, count FROM activities WHERE source = '" + series + "' ORDER BY 1, 2") ==
        "2026-03-03|comments|4|\n2026-03-04|likes|12|\n2026-03-04|posts|2|\n");
    CHECK(posts_total() == expected_posts + 2);
    // --source names the series: the same counts under another name are another series.
    auto named = run_ok(workspace, {"activity", "import", "elsewhere/log.csv", "--source", "hootsuite"});
    CHECK(named.out == "imported 3 activity counts from hootsuite\n");
    CHECK(posts_total() == expected_posts + 4);
}

TEST_CASE("a bad activity file says where and what, with a guess, and stores nothing",
          "[e2e][ssi][invariant][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("first.csv", "date,activity,count,sender\n2026-11-01,posts,1,alice\n2026-11-01,likes,3,bob\n");
    run_ok(workspace, {"activity", "import", "first.csv"});
    auto before = rows(workspace, k_activities);
    workspace.write("bad.csv", "date,activity,count\n2026-11-02,posts,1\n2026-11-03,post,1\n2026-11-04,Comments,two\n"
                               "2026-11-05,likes,-1\n2026-11-06,conection_requests,4\n2026-11-07,xyzzy,1\n"
                               "2026-11-31,likes,1\n");
    auto result = workspace.run({"activity", "import", "bad.csv", "--sender", "alice"});
    const std::string known = " (one of profile_views, connection_requests, connections_accepted, messages_sent, "
                              "replies_received, posts, comments, likes, follows, endorsements)\n";
    CHECK(result.exit_code == 1);
    CHECK(result.err == "bad.csv:3:12: error: unknown activity 'post'; did you mean 'posts'?" + known +
                            "bad.csv:4:21: error: 'count' is 'two', not a whole number 0 or more\n"
                            "bad.csv:5:18: error: 'count' is '-1', not a whole number 0 or more\n"
                            "bad.csv:6:12: error: unknown activity 'conection_requests'; did you mean "
                            "'connection_requests'?" +
                            known + "bad.csv:7:12: error: unknown activity 'xyzzy'" + known +
                            "bad.csv:8:1: error: '2026-11-31' is not a date like 2026-11-03\n");
    CHECK(rows(workspace, k_activities) == before);

    workspace.write("nameless.csv", "date,activity,count\n2026-11-02,posts,1\n");
    auto nameless = workspace.run({"activity", "import", "nameless.csv"});
    CHECK(nameless.exit_code == 1);
    CHECK(nameless.err ==
          "nameless.csv:2: error: which sender are these rows for? add a 'sender' column or pass --sender\n");
    workspace.write("header.csv", "day,activity,count\n2026-11-02,posts,1\n");
    auto header = workspace.run({"activity", "import", "header.csv", "--sender", "alice"});
    CHECK(header.exit_code == 1);
    CHECK(header.err == "header.csv:1: error: the header has no 'date' column; it needs date, activity, count (and "
                        "may have sender)\n");
    CHECK(rows(workspace, k_activities) == before);
}

TEST_CASE("two rows of one day and activity in one file add up", "[e2e][ssi][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    // A log with a row per post, as a scheduling tool exports it: both count, never the last row alone, "replaced
    // from an earlier import" that never was.
    workspace.write("log.csv", "date,activity,count\n2026-11-01,posts,1\n2026-11-01,posts,2\n");
    auto result = workspace.run({"activity", "import", "log.csv", "--sender", "alice"});
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    CHECK(rows(workspace, "SELECT sum(count) FROM activities") == "3|\n");
    CHECK_FALSE(contains(result.out, "earlier import"));
}

TEST_CASE("report ssi as a table and as Markdown", "[e2e][ssi][report]") {
    Workspace workspace;
    prepare_history(workspace);
    auto table = run_ok(workspace, {"report", "ssi"}).out;
    CHECK(table.rfind("SSI report: all senders, lags 0 to 14 days, weekday means removed, prewhitened\n", 0) == 0);
    CHECK(contains(table, "\nSSI of alice, 2026-03-02 to 2026-04-15 (42 days recorded)\n"));
    CHECK(contains(table, "\nEstablish your professional brand  10.00    "));
    CHECK(contains(table, "\nindustry rank                      top 40%  top 26%"));
    CHECK(contains(table,
                   "\nNote: Engage with insights sits at 25 on 5 days of 42 recorded: a gain cannot show there, so its "
                   "associations are understated.\n"));
    CHECK(contains(table, "\nNote: the distributed-lag regression needs 90 days of snapshots, and Granger tests 100; "
                          "42 days so far.\n"));
    CHECK(contains(table, "\nAssociations (Spearman q < 0.10)\nposts are followed by gains in Establish your "
                          "professional brand one day later (after prewhitening): Spearman "));
    CHECK(contains(table, "\nThe strongest lag of each activity and pillar\n"));
    // The pillars that never move have no defined correlation, so the measure column is as wide as "insights".
    CHECK(contains(table, "\nalice   brand     posts     1d   " + std::to_string(changes_at(1)) + "  +0.9"));
    CHECK_FALSE(contains(table, "Distributed-lag regressions"));
    CHECK_FALSE(contains(table, "Granger tests ("));

    auto every = run_ok(workspace, {"report", "ssi", "--section", "correlations"}).out;
    CHECK(contains(every, "\nEvery correlation of daily activity with the next days' change\n"));
    CHECK(occurrences(every, "\nalice   brand  ") == 15);
    CHECK_FALSE(contains(every, "SSI of alice"));

    auto markdown = run_ok(workspace, {"report", "ssi", "--format", "md"}).out;
    CHECK(markdown.rfind("# SSI report: all senders, lags 0 to 14 days, weekday means removed, prewhitened\n", 0) == 0);
    CHECK(contains(markdown, "\n## SSI of alice, 2026-03-02 to 2026-04-15 (42 days recorded)\n"));
    CHECK(contains(markdown, "\n| pillar | first | last | change | low | high | unchanged days | days at 25 |\n"
                             "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
                             "| Establish your professional brand | 10.00 | "));
    CHECK(contains(markdown, "\n## Associations (Spearman q < 0.10)\n"));
    auto trend = run_ok(workspace, {"report", "ssi", "--format", "md", "--section", "trend"}).out;
    CHECK(contains(trend, "| posts | "));
    CHECK_FALSE(contains(trend, "Associations"));

    // A second sender: each sentence says whose it is; --sender keeps to one.
    run_ok(workspace, {"ssi", "record", "--sender", "bob", "--date", "2026-03-10", "--brand", "10", "--people", "10",
                       "--insights", "10", "--relationships", "10"});
    auto both = run_ok(workspace, {"report", "ssi"}).out;
    CHECK(contains(both, "\nalice: posts are followed by gains in Establish your professional brand one day later"));
    CHECK(contains(both, "\nSSI of bob, 2026-03-10 to 2026-03-10 ("));
    auto alice = run_ok(workspace, {"report", "ssi", "--sender", "alice", "--adjust", "none"}).out;
    CHECK(alice.rfind("SSI report: sender alice, lags 0 to 14 days, no weekday adjustment, prewhitened\n", 0) == 0);
    CHECK(contains(alice, "\nposts are followed by gains in Establish your professional brand one day later"));
    CHECK_FALSE(contains(alice, "bob"));
}

TEST_CASE("report ssi as JSON and as CSV, a section at a time", "[e2e][ssi][report][sqlite]") {
    Workspace workspace;
    prepare_history(workspace);
    auto report = report_json(workspace);
    CHECK(report["report"] == "ssi");
    CHECK(report["scope"] == Json::parse(R"({"sender": null, "since": null, "until": null, "max_lag": 14,
        "adjust": "weekday", "inference": "prewhitened", "q_threshold": 0.1, "regression_lags": 7,
        "granger_lags": "aic"})"));
    REQUIRE(report["senders"].size() == 1);
    const auto& alice = report["senders"][0];
    CHECK(alice["first_day"] == "2026-03-02");
    CHECK(alice["last_day"] == "2026-04-15");
    CHECK(alice["days"] == 45);
    CHECK(alice["snapshots"] == 42);
    CHECK(alice["analyses"] == Json::parse(R"({"correlations": true, "regressions": false, "granger": false})"));
    CHECK(alice["trend"][2]["pillar"] == "insights");
    CHECK(alice["trend"][2]["days_at_cap"] == 5);
    CHECK(alice["trend"][0]["changes"] == changes_at(0));
    CHECK(alice["series"].size() == 42);
    CHECK(alice["series"][0]["industry_rank"] == 40);
    CHECK(alice["series"][0]["source"] == "csv");
    // Nothing is interpolated: a change is measured only between two recorded days.
    std::size_t posts_rows = 0;
    for (const auto& row : report["correlations"]) {
        CHECK(row["n"] == changes_at(row["lag"].get<int>()));
        posts_rows += row["activity"] == "posts" ? 1 : 0;
    }
    CHECK(posts_rows + report["undefined_correlations"].get<std::size_t>() == 5 * 15);
    REQUIRE_FALSE(report["significant"].empty());
    CHECK(first_association(report, "brand") == "posts/1");
    CHECK(report["significant"][0]["spearman"]["q"].get<double>() < 0.001);
    CHECK(report["significant"][0]["sentence"].get<std::string>().rfind(
              "posts are followed by gains in Establish your professional brand one day later (after prewhitening): "
              "Spearman 0.",
              0) == 0);
    CHECK(report["regressions"].empty());
    CHECK(report["granger"].empty());

    auto section = [&workspace](const std::vector<std::string>& options) {
        std::vector<std::string> arguments{"report", "ssi", "--format", "csv"};
        arguments.insert(arguments.end(), options.begin(), options.end());
        return run_ok(workspace, arguments).out;
    };
    auto trend = section({"--section", "trend"});
    CHECK(trend.rfind("sender,date,brand,people,insights,relationships,total,industry_rank,network_rank,source\n"
                      "alice,2026-03-02,10,12,20.6,13,55.6,40,60,csv\n",
                      0) == 0);
    CHECK(occurrences(trend, "\n") == 43);
    auto correlations = section({"--section", "correlations"});
    CHECK(correlations.rfind(
              "sender,pillar,activity,lag,n,spearman_r,spearman_ci_low,spearman_ci_high,spearman_p,"
              "spearman_q,pearson_r,pearson_ci_low,pearson_ci_high,pearson_p,pearson_q,spearman_effective_n,"
              "pearson_effective_n,whitening_order\n"
              "alice,brand,posts,0," +
                  std::to_string(changes_at(0)) + ",",
              0) == 0);
    CHECK(occurrences(correlations, "\n") == 1 + report["correlations"].size());
    CHECK(section({}) == correlations); // one table: the correlations unless told
    CHECK(section({"--section", "regressions"}) ==
          "sender,pillar,activity,n,hac_lags,term,estimate,standard_error,t,p,ci_low,ci_high\n");
    CHECK(section({"--section", "granger"}) == "sender,pillar,activity,n,lags,f,df_num,df_den,p,q\n");

    auto short_lags = report_json(workspace, {"--max-lag", "3", "--section", "correlations"});
    CHECK(short_lags["scope"]["max_lag"] == 3);
    CHECK_FALSE(short_lags.contains("senders"));
    for (const auto& row : short_lags["correlations"]) {
        CHECK(row["lag"].get<int>() <= 3);
    }
    // A report only reads.
    auto before = rows(workspace, k_snapshots) + rows(workspace, k_activities);
    section({});
    CHECK(rows(workspace, k_snapshots) + rows(workspace, k_activities) == before);
}

TEST_CASE("report ssi over fewer than 30 days shows the trend only, and says why", "[e2e][ssi][report]") {
    Workspace workspace;
    prepare_history(workspace);
    auto table = run_ok(workspace, {"report", "ssi", "--since", "2026-03-02", "--until", "2026-03-21"}).out;
    CHECK(table.rfind("SSI report: all senders, 2026-03-02 to 2026-03-21, lags 0 to 14 days, weekday means removed, "
                      "prewhitened\n",
                      0) == 0);
    CHECK(contains(table, "\nSSI of alice, 2026-03-02 to 2026-03-19 (18 days recorded)\n"));
    CHECK(contains(table, "\nNote: 18 days of SSI: correlations need at least 30 days of snapshots to say anything, so "
                          "this shows the trend only.\n"));
    CHECK(contains(table, "\nAssociations (Spearman q < 0.10)\nNothing to test yet.\n"));
    auto json = report_json(workspace, {"--since", "2026-03-02", "--until", "2026-03-21"});
    CHECK(json["scope"]["since"] == "2026-03-02");
    CHECK(json["scope"]["until"] == "2026-03-21");
    CHECK(json["senders"][0]["analyses"]["correlations"] == false);
    CHECK(json["correlations"].empty());
    CHECK(json["significant"].empty());

    auto later = run_ok(workspace, {"report", "ssi", "--since", "2027-01-01"}).out;
    CHECK(contains(later, "\nNo SSI recorded in this period; the SSI recorded runs from 2026-03-02 to 2026-04-"));
}

TEST_CASE("report ssi refuses bad input with a message that says what", "[e2e][ssi][report][sqlite]") {
    Workspace workspace;
    auto none = workspace.run({"report", "ssi"});
    CHECK(none.exit_code == 1);
    CHECK(contains(none.err, "campaign.db: error: no database here yet"));
    prepare_history(workspace);
    auto expect = [&workspace](const std::vector<std::string>& options, int code, const std::string& message) {
        std::vector<std::string> arguments{"report", "ssi"};
        arguments.insert(arguments.end(), options.begin(), options.end());
        auto result = workspace.run(arguments);
        INFO(result.err);
        CHECK(result.exit_code == code);
        CHECK(contains(result.err, message));
        CHECK(result.out.empty());
    };
    expect({"--sender", "nobody"}, 1, "error: no sender 'nobody' in the database\n");
    expect({"--since", "2026-13-01"}, 1, "error: --since: '2026-13-01' is not a day like 2026-11-23\n");
    expect({"--until", "2026-02-30"}, 1, "error: --until: '2026-02-30' is not a day like 2026-11-23\n");
    expect({"--since", "2026-03-01T00:00:00Z"}, 1, "error: --since: '2026-03-01T00:00:00Z' is not a day like");
    expect({"--since", "2026-03-10", "--until", "2026-03-01"}, 1,
           "error: --until (2026-03-01) is before --since (2026-03-10)\n");
    expect({"--format", "html"}, 1, "error: --format html needs --out FILE: the page is meant for a browser\n");
    expect({"--format", "xml"}, 2, "--format: xml not in {table,json,csv,md,html}");
    expect({"--section", "funnel"}, 2,
           "--section: funnel not in {all,trend,correlations,regressions,granger,experiments}");
    expect({"--max-lag", "61"}, 2, "--max-lag: Value 61 not in range 0 to 60");
    expect({"--adjust", "month"}, 2, "--adjust: month not in {weekday,none}");
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "report.html"));
}

TEST_CASE("a planted effect of posts on the brand is found at its lag, and measured", "[e2e][ssi][report]") {
    Workspace workspace;
    prepare_posting(workspace, k_planted);
    // A 95% interval misses the truth now and then: seed 5 is one of the nine in ten whose interval covers it
    // (bench/ssi-fdr.sh counts them over many seeds).
    auto run = run_posting(workspace, 5);
    CHECK(contains(run.out, "\nsimulated 120 daily SSI snapshots for 1 sender\n"));
    CHECK(rows(workspace, "SELECT count(*), min(day), max(day), min(source), max(source) FROM ssi_snapshots") ==
          "120|2026-01-05|2026-05-04|mock|mock|\n");

    auto report = report_json(workspace);
    const auto& alice = report["senders"][0];
    CHECK(alice["analyses"] == Json::parse(R"({"correlations": true, "regressions": true, "granger": true})"));
    int posts = 0;
    int active_days = 0;
    for (std::size_t i = k_lead_days; i < k_posts.size(); ++i) {
        posts += k_posts[i];
        active_days += k_posts[i] > 0 ? 1 : 0;
    }
    REQUIRE(alice["activities"].size() == 1);
    CHECK(alice["activities"][0]["activity"] == "posts");
    CHECK(alice["activities"][0]["total"] == posts);
    CHECK(alice["activities"][0]["active_days"] == active_days);
    REQUIRE(alice["trend"][0]["days_at_cap"] == 0); // a brand held at 25 would hide the effect
    CHECK(first_association(report, "brand") == "posts/2");
    CHECK(first_association(report, "total") == "posts/2");
    auto brand = regression(report, "brand", "posts");
    REQUIRE(brand.is_object());
    INFO(brand.dump());
    CHECK(brand["cumulative"]["ci"][0].get<double>() <= 0.2);
    CHECK(brand["cumulative"]["ci"][1].get<double>() >= 0.2);
    CHECK(brand["lags"][2]["ci"][0].get<double>() <= 0.2);
    CHECK(brand["lags"][2]["ci"][1].get<double>() >= 0.2);
    for (const auto& row : report["granger"]) {
        if (row["pillar"] == "brand") {
            CHECK(row["q"].get<double>() < 0.001);
        }
    }
}

TEST_CASE("a campaign's accepted connections count as activity, and their planted effect is found",
          "[e2e][ssi][report]") {
    Workspace workspace;
    std::string people = "linkedin_url,first_name,tags\n";
    for (int i = 0; i < 150; ++i) {
        people += "https://www.linkedin.com/in/founder-" + std::to_string(i) + ",Sam,founders\n";
    }
    workspace.write("people.csv", people);
    run_ok(workspace, {"prospects", "import", "people.csv"});
    workspace.write("templates/.keep", "");
    workspace.write("invites.yaml", "campaign: invites\ntemplates: templates\nsenders:\n  - id: alice\n"
                                    "    timezone: Europe/Paris\n"
                                    "    working_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: "
                                    "\"17:30\"}\n"
                                    "    limits:\n      per_day: {connect: 8, view_profile: 20}\n"
                                    "audience:\n  tags: [founders]\n"
                                    "steps:\n  - id: look\n    type: view_profile\n"
                                    "  - id: invite\n    type: connect\n    after: 1d\n"
                                    "mock:\n  accept: 0.5\n  ssi:\n"
                                    "    start: {brand: 12, people: 11.8, insights: 9.6, relationships: 10}\n"
                                    "    effects:\n"
                                    "      - {activity: connections_accepted, pillar: relationships, per: 0.05, "
                                    "lag: 1d}\n");
    run_ok(workspace, {"run", "invites.yaml", "--for", "120d", "--seed", "4", "--start", "2026-01-05T06:00:00Z"});
    auto report = report_json(workspace);
    std::map<std::string, int> totals;
    for (const auto& activity : report["senders"][0]["activities"]) {
        totals[activity["activity"].get<std::string>()] = activity["total"].get<int>();
    }
    CHECK(totals["connections_accepted"] > 30);
    CHECK(std::to_string(totals["connections_accepted"]) + "|\n" ==
          rows(workspace, "SELECT count(*) FROM events WHERE type = 'accepted'"));
    CHECK(std::to_string(totals["connection_requests"]) + "|\n" ==
          rows(workspace, "SELECT count(*) FROM actions WHERE type = 'connect' AND state = 'sent'"));
    CHECK(std::to_string(totals["profile_views"]) + "|\n" ==
          rows(workspace, "SELECT count(*) FROM actions WHERE type = 'view_profile' AND state = 'sent'"));
    CHECK(first_association(report, "relationships") == "connections_accepted/1");
    auto relationships = regression(report, "relationships", "connections_accepted");
    REQUIRE(relationships.is_object());
    INFO(relationships.dump());
    CHECK(relationships["cumulative"]["ci"][0].get<double>() <= 0.05);
    CHECK(relationships["cumulative"]["ci"][1].get<double>() >= 0.05);
}

TEST_CASE("without a planted effect, few seeds find anything", "[e2e][ssi][report]") {
    // Under no effect at all, Benjamini-Hochberg at q < 0.1 over the report's 75 tests finds something in about one
    // history in ten (bench/ssi-fdr.sh measures it over many seeds); a report that often does is broken.
    constexpr int k_seeds = 20;
    int seeds_with_findings = 0;
    for (int seed = 1; seed <= k_seeds; ++seed) {
        Workspace workspace;
        prepare_posting(workspace, "");
        run_posting(workspace, static_cast<std::uint64_t>(seed));
        auto report = report_json(workspace, {"--section", "correlations"});
        INFO("seed " << seed);
        CHECK(report["correlations"].size() + report["undefined_correlations"].get<std::size_t>() == 75);
        CHECK(report["correlations"].size() >= 70);
        seeds_with_findings += report["significant"].empty() ? 0 : 1;
    }
    CHECK(seeds_with_findings <= k_seeds / 5);
}

TEST_CASE("the same seed gives the same SSI report", "[e2e][ssi][report][invariant][sqlite]") {
    auto play = [](const Workspace& workspace, std::uint64_t seed) {
        prepare_posting(workspace, k_planted);
        run_posting(workspace, seed);
        return run_ok(workspace, {"--rehearsal", "report", "ssi", "--format", "json"}).out;
    };
    Workspace first;
    Workspace second;
    Workspace other;
    auto report = play(first, 9);
    CHECK(play(second, 9) == report);
    CHECK(play(other, 10) != report);
    CHECK(rows(first, k_snapshots) == rows(second, k_snapshots));

    // Four runs of 30 days give the history of one of 120.
    Workspace split;
    prepare_posting(split, k_planted);
    for (const char* start : {"2026-01-05", "2026-02-04", "2026-03-06", "2026-04-05"}) {
        run_ok(split,
               {"run", "posting.yaml", "--for", "30d", "--seed", "9", "--start", std::string(start) + "T06:00:00Z"});
    }
    CHECK(rows(split, k_snapshots) == rows(first, k_snapshots));
    CHECK(run_ok(split, {"--rehearsal", "report", "ssi", "--format", "json"}).out == report);
}

TEST_CASE("a second simulated run goes on with the SSI from where the first one's period ended", "[e2e][ssi]") {
    Workspace workspace;
    prepare_posting(workspace, k_planted);
    run_ok(workspace, {"run", "posting.yaml", "--for", "30d", "--seed", "9", "--start", "2026-01-05T06:00:00Z"});
    auto next = run_ok(workspace, {"run", "posting.yaml", "--for", "30d", "--seed", "9"});
    INFO(next.out);
    // The first run simulated 2026-01-05 to 2026-02-03; 30 more days end on 2026-03-05.
    CHECK(rows(workspace, "SELECT count(*), min(day), max(day) FROM ssi_snapshots") == "60|2026-01-05|2026-03-05|\n");
}

TEST_CASE("the SSI page is written whole and renders its charts in a browser", "[e2e][ssi][report][sqlite]") {
    Workspace workspace;
    prepare_posting(workspace, k_planted);
    run_posting(workspace, 5);
    workspace.write("ssi.html", "an older report");
    auto result = run_ok(workspace, {"--rehearsal", "report", "ssi", "--format", "html", "--out", "ssi.html"});
    CHECK(result.out == "wrote ssi.html\n");
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "ssi.html.partial"));
    auto page = workspace.read("ssi.html");
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK_FALSE(contains(page, "<link"));
    CHECK_FALSE(contains(page, "<script"));

    // Debian's chromium, which scripts/test.sh installs: it must lay the page out and paint the charts.
    REQUIRE(std::system("command -v chromium >/dev/null 2>&1") == 0);
    auto folder = workspace.path().string();
    std::string browser = "cd '" + folder +
                          "' && timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --user-data-dir='" +
                          folder + "/browser' --window-size=1440,2400";
    REQUIRE(std::system((browser + " --dump-dom file://" + folder + "/ssi.html > dom.html 2>/dev/null").c_str()) == 0);
    auto dom = workspace.read("dom.html");
    CHECK(contains(dom, "<h1>SSI report</h1>"));
    CHECK(contains(dom, "<p class=\"rehearsal\" role=\"note\">REHEARSAL: simulated in a copy of campaign.db; "
                        "nothing in this report happened on LinkedIn</p>"));
    CHECK(contains(dom, "alice, 2026-01-05 to 2026-05-04 (120 days recorded)"));
    CHECK(occurrences(dom, "aria-label=\"SSI trend and activity\"") == 1);
    CHECK(occurrences(dom, "aria-label=\"correlation by lag\"") == 5);
    for (const char* measure : {"Establish your professional brand", "Find the right people", "Engage with insights",
                                "Build relationships", "SSI"}) {
        CHECK(contains(dom, std::string(measure) + ": Spearman by lag</h3>"));
    }
    CHECK(occurrences(dom, "<polyline") >= 4); // a line a pillar
    auto posted = std::find_if(k_posts.begin() + k_lead_days, k_posts.end(), [](int n) { return n > 0; });
    auto day = nth(k_run_first, static_cast<std::size_t>(posted - k_posts.begin()) - k_lead_days);
    // The activity bars, a day each, and the heat map's cell of the effect.
    CHECK(contains(dom, "<title>" + format_day(day) + ": " + std::to_string(*posted) + " posts</title></rect>"));
    CHECK(contains(dom, "<title>posts, lag 2d: Spearman 0."));
    CHECK(contains(dom, "posts are followed by gains in Establish your professional brand 2 days later"));
    CHECK(contains(dom, "Distributed-lag regressions"));
    CHECK(contains(dom, "Granger tests: predictive precedence"));
    REQUIRE(
        std::system((browser + " --screenshot=" + folder + "/ssi.png file://" + folder + "/ssi.html >/dev/null 2>&1")
                        .c_str()) == 0);
    CHECK(std::filesystem::file_size(workspace.path() / "ssi.png") > 50000); // a blank page is a few kB
}

TEST_CASE("on the SSI chart no activity's bars share a colour with a pillar's line", "[e2e][ssi][report]") {
    Workspace workspace;
    prepare_posting(workspace, k_planted);
    run_posting(workspace, 5);
    run_ok(workspace, {"--rehearsal", "report", "ssi", "--format", "html", "--out", "ssi.html"});
    auto page = workspace.read("ssi.html");
    auto start = page.find("aria-label=\"SSI trend and activity\"");
    REQUIRE(start != std::string::npos);
    auto chart = page.substr(start, page.find("</svg>", start) - start);
    // The legend tells a pillar's line from an activity's bars by colour alone.
    std::vector<std::string> lines;
    for (auto at = chart.find("<polyline"); at != std::string::npos; at = chart.find("<polyline", at + 1)) {
        auto stroke = chart.find("stroke=\"#", at);
        lines.push_back(chart.substr(stroke + 8, 7));
    }
    REQUIRE(lines.size() >= 4);
    auto bar = chart.find(" posts</title></rect>");
    REQUIRE(bar != std::string::npos);
    auto fill = chart.rfind("fill=\"#", bar);
    auto posts = chart.substr(fill + 6, 7);
    INFO("posts " << posts);
    for (const auto& line : lines) {
        CHECK(line != posts);
    }
}
