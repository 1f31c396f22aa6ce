// Reading SSI history and activity from files: the SSI CSV, LinkedIn's salesApiSsi JSON answer, a folder of daily
// files, and the activity CSV. Every problem is reported at file:line:col, and only good rows reach the importer,
// which stores nothing from a file with a problem.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "crm/ssi_files.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using core::Activity;
using Lines = std::vector<std::string>;

namespace {

core::Day day(std::string_view text) {
    return core::parse_day(text).value();
}

// The diagnostics as `campaign ssi import` prints them, with the temporary folder left out.
Lines lines(const core::Diagnostics& diagnostics, const test::TempFolder& folder) {
    Lines result;
    auto prefix = folder.path().string() + "/";
    for (const auto& diagnostic : diagnostics) {
        auto text = diagnostic.to_string();
        for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
            text.erase(at, prefix.size());
        }
        result.push_back(text);
    }
    return result;
}

// What a read handed over, and what it found wrong.
struct SsiRead {
    std::vector<core::SsiSnapshot> snapshots; // in file order; a folder's files by name
    core::Diagnostics diagnostics;
    std::size_t rows = 0;
    std::size_t files = 0;
};

SsiRead read_ssi(const std::filesystem::path& path, const crm::SsiReadOptions& options) {
    SsiRead read;
    auto problems = crm::read_ssi(path, options,
                                  [&read](const core::SsiSnapshot& snapshot) { read.snapshots.push_back(snapshot); });
    read.diagnostics = problems.diagnostics;
    read.rows = problems.rows;
    read.files = problems.files;
    CHECK(read.rows == read.snapshots.size());
    return read;
}

struct ActivityRead {
    std::vector<crm::ImportedActivity> rows;
    core::Diagnostics diagnostics;
};

ActivityRead read_activity(const std::filesystem::path& path, const std::optional<std::string>& sender) {
    ActivityRead read;
    auto problems =
        crm::read_activity_csv(path, sender, [&read](const crm::ImportedActivity& row) { read.rows.push_back(row); });
    read.diagnostics = problems.diagnostics;
    CHECK(problems.rows == read.rows.size());
    return read;
}

crm::SsiReadOptions for_sender(std::string sender) {
    crm::SsiReadOptions options;
    options.sender = std::move(sender);
    return options;
}

// LinkedIn's answer with the pillars 10.5, 11.25, 12 and 13 (46.75 in all), top 5% of the industry, 12% of the
// network.
const std::string k_answer = R"json({
  "memberScore": {
    "overall": 46.75,
    "subScores": [
      {"pillar": "PROFESSIONAL_BRAND", "score": 10.5},
      {"pillar": "FIND_RIGHT_PEOPLE", "score": 11.25},
      {"pillar": "INSIGHT_ENGAGEMENT", "score": 12},
      {"pillar": "STRONG_RELATIONSHIP", "score": 13}
    ]
  },
  "groupScore": [
    {"groupType": "INDUSTRY", "rank": 5, "score": {"overall": 30.5}},
    {"groupType": "NETWORK", "rank": 12, "score": {"overall": 28.25}}
  ]
}
)json";

void check_answer(const core::SsiSnapshot& snapshot) {
    CHECK(snapshot.pillars == std::array<double, 4>{10.5, 11.25, 12, 13});
    CHECK(snapshot.total == 46.75);
    CHECK(snapshot.industry_rank == 5);
    CHECK(snapshot.network_rank == 12);
    CHECK(snapshot.industry_average == 30.5);
    CHECK(snapshot.network_average == 28.25);
    CHECK(snapshot.source == "json");
}

} // namespace

TEST_CASE("an SSI CSV reads every column, ranks written either way", "[crm]") {
    test::TempFolder folder;
    auto path = folder.write("ssi.csv", "date,sender,brand,people,insights,relationships,total,industry_rank,"
                                        "network_rank\n"
                                        "2026-11-03,alice,10.5,11.25,12,13,46.75,Top 5%,12\n"
                                        "\n"
                                        "2026-11-04,bob,10.6,11.25,12,13.1,,5,top 12 %\n");
    auto contents = read_ssi(path, {});
    REQUIRE(lines(contents.diagnostics, folder) == Lines{});
    CHECK(contents.files == 1);
    REQUIRE(contents.snapshots.size() == 2);
    const auto& first = contents.snapshots[0];
    CHECK(first.sender == "alice");
    CHECK(first.day == day("2026-11-03"));
    CHECK(first.pillars == std::array<double, 4>{10.5, 11.25, 12, 13});
    CHECK(first.total == 46.75);
    CHECK(first.industry_rank == 5);
    CHECK(first.network_rank == 12);
    CHECK_FALSE(first.industry_average);
    CHECK(first.source == "csv");
    const auto& second = contents.snapshots[1];
    CHECK(second.sender == "bob");
    CHECK(second.total == Approx(46.95)); // left out: the pillars' sum
    CHECK(second.industry_rank == 5);
    CHECK(second.network_rank == 12);
}

TEST_CASE("an SSI CSV's columns match whatever their case, order and delimiter", "[crm]") {
    test::TempFolder folder;
    auto path = folder.write("ssi.csv", "\xEF\xBB\xBF"
                                        "Relationships;Insights;People;Brand;Date\r\n"
                                        "13;12;11;10;2026-11-03\r\n");
    auto contents = read_ssi(path, for_sender("alice"));
    REQUIRE(lines(contents.diagnostics, folder) == Lines{});
    REQUIRE(contents.snapshots.size() == 1);
    CHECK(contents.snapshots[0].sender == "alice"); // from the options, as the file names none
    CHECK(contents.snapshots[0].pillars == std::array<double, 4>{10, 11, 12, 13});
    CHECK(contents.snapshots[0].total == 46);
    CHECK_FALSE(contents.snapshots[0].industry_rank);

    SECTION("a sender in the row wins over the one passed") {
        auto named = folder.write("named.csv", "date,brand,people,insights,relationships,sender\n"
                                               "2026-11-03,10,11,12,13,bob\n"
                                               "2026-11-04,10,11,12,13,\n");
        auto read = read_ssi(named, for_sender("alice"));
        REQUIRE(read.snapshots.size() == 2);
        CHECK(read.snapshots[0].sender == "bob");
        CHECK(read.snapshots[1].sender == "alice");
    }
}

TEST_CASE("every problem of an SSI CSV is reported at its line and column, and nothing is read", "[crm]") {
    test::TempFolder folder;
    auto path = folder.write("ssi.csv", "date,brand,people,insights,relationships,total,industry_rank,network_rank\n"
                                        "2026-11-03,10,11,12,13,46,5,7\n"
                                        "2026-02-30,10,11,12,13,,,\n"
                                        "2026-11-05,26,11,12,13,,,\n"
                                        "2026-11-06,ten,11,12,13,,,\n"
                                        "2026-11-07,10,11,12,13,50,,\n"
                                        "2026-11-08,10,11,12,13,,0,top 101%\n"
                                        "2026-11-09,10,11,12,13,lots,first,\n");
    auto contents = read_ssi(path, for_sender("alice"));
    CHECK(lines(contents.diagnostics, folder) ==
          Lines{"ssi.csv:3:1: error: '2026-02-30' is not a date like 2026-11-03",
                "ssi.csv:4:12: error: 'brand' is 26, outside 0 to 25 (each pillar is scored out of 25)",
                "ssi.csv:5:12: error: 'brand' is 'ten', not a number",
                "ssi.csv:6:24: error: 'total' is 50, not the sum of the pillars (46)",
                "ssi.csv:7:25: error: 'industry_rank' is 0, outside 1 to 100 (it is a 'top N%')",
                "ssi.csv:7:27: error: 'network_rank' is 101, outside 1 to 100 (it is a 'top N%')",
                "ssi.csv:8:24: error: 'total' is 'lots', not a number",
                "ssi.csv:8:29: error: 'industry_rank' is 'first', not a rank like 5"});
    // Only the good first row reaches the importer.
    REQUIRE(contents.snapshots.size() == 1);
    CHECK(contents.snapshots[0].day == day("2026-11-03"));
}

TEST_CASE("an SSI CSV says which sender it is about, in a column or through --sender", "[crm]") {
    test::TempFolder folder;
    auto without = folder.write("without.csv", "date,brand,people,insights,relationships\n2026-11-03,10,11,12,13\n");
    CHECK(lines(read_ssi(without, {}).diagnostics, folder) ==
          Lines{"without.csv:2: error: which sender are these rows for? add a 'sender' column or pass --sender"});
    auto empty = folder.write("empty.csv", "date,brand,people,insights,relationships,sender\n"
                                           "2026-11-03,10,11,12,13,alice\n"
                                           "2026-11-04,10,11,12,13,\n");
    auto contents = read_ssi(empty, {});
    CHECK(lines(contents.diagnostics, folder) ==
          Lines{"empty.csv:3:24: error: the row names no sender; fill in its 'sender' or pass --sender"});
    REQUIRE(contents.snapshots.size() == 1);
    CHECK(contents.snapshots[0].sender == "alice");
}

TEST_CASE("an SSI CSV without its header or its columns is refused whole", "[crm]") {
    test::TempFolder folder;
    auto empty = folder.write("empty.csv", "");
    CHECK(lines(read_ssi(empty, for_sender("alice")).diagnostics, folder) ==
          Lines{"empty.csv:1: error: the file is empty; its first line should be a header such as date, brand, "
                "people, insights, relationships"});
    auto short_header = folder.write("short.csv", "date,brand,people,insights\n2026-11-03,10,11,12\n");
    auto contents = read_ssi(short_header, for_sender("alice"));
    CHECK(lines(contents.diagnostics, folder) ==
          Lines{"short.csv:1: error: the header has no 'relationships' column; it needs date, brand, people, "
                "insights, relationships (and may have sender, total, industry_rank, network_rank)"});
    CHECK(contents.snapshots.empty());
    auto broken = folder.write("broken.csv", "date,brand,people,insights,relationships\n"
                                             "2026-11-03,10,11,12,13\n"
                                             "2026-11-04,\"10,11,12,13\n");
    auto unclosed = read_ssi(broken, for_sender("alice"));
    REQUIRE(unclosed.diagnostics.size() == 1);
    CHECK(unclosed.diagnostics[0].location.line == 3);
    CHECK(unclosed.snapshots.size() == 1); // the row before it
}

TEST_CASE("LinkedIn's SSI answer reads with its ranks and group averages, dated by its file name", "[crm]") {
    test::TempFolder folder;
    auto path = folder.write("ssi-2026-11-03.json", k_answer);
    auto contents = read_ssi(path, for_sender("alice"));
    REQUIRE(lines(contents.diagnostics, folder) == Lines{});
    REQUIRE(contents.snapshots.size() == 1);
    CHECK(contents.snapshots[0].sender == "alice");
    CHECK(contents.snapshots[0].day == day("2026-11-03"));
    check_answer(contents.snapshots[0]);

    SECTION("the name's date wins over --date, and a date in the answer over both") {
        auto options = for_sender("alice");
        options.day = day("2026-12-01");
        CHECK(read_ssi(path, options).snapshots.at(0).day == day("2026-11-03"));
        auto dated = folder.write("dated-2026-11-03.json", "{\"date\": \"2026-11-05\"," + k_answer.substr(1));
        CHECK(read_ssi(dated, options).snapshots.at(0).day == day("2026-11-05"));
    }
    SECTION("an answer whose name holds no date takes --date") {
        auto undated = folder.write("answer.txt", k_answer); // told apart by its first character, not its name
        auto options = for_sender("alice");
        options.day = day("2026-11-07");
        auto read = read_ssi(undated, options);
        REQUIRE(read.snapshots.size() == 1);
        CHECK(read.snapshots[0].day == day("2026-11-07"));
        check_answer(read.snapshots[0]);
        CHECK(lines(read_ssi(undated, for_sender("alice")).diagnostics, folder) ==
              Lines{"answer.txt: error: LinkedIn's answer holds no date: name the file by its day (2026-11-03.json) "
                    "or pass --date"});
    }
    SECTION("a gateway's {\"data\": ...} wrapper is taken off") {
        auto wrapped = folder.write("2026-11-04.json", "{\"data\": " + k_answer + "}");
        auto read = read_ssi(wrapped, for_sender("alice"));
        REQUIRE(read.snapshots.size() == 1);
        CHECK(read.snapshots[0].day == day("2026-11-04"));
        check_answer(read.snapshots[0]);
    }
    SECTION("without overall, the total is the pillars' sum; without groups, no ranks") {
        auto bare = folder.write("2026-11-04.json",
                                 R"({"memberScore": {"subScores": [{"pillar": "STRONG_RELATIONSHIP", "score": 4},
                                     {"pillar": "INSIGHT_ENGAGEMENT", "score": 3},
                                     {"pillar": "FIND_RIGHT_PEOPLE", "score": 2},
                                     {"pillar": "PROFESSIONAL_BRAND", "score": 1}]}})");
        auto read = read_ssi(bare, for_sender("alice"));
        REQUIRE(read.snapshots.size() == 1);
        CHECK(read.snapshots[0].pillars == std::array<double, 4>{1, 2, 3, 4});
        CHECK(read.snapshots[0].total == 10);
        CHECK_FALSE(read.snapshots[0].industry_rank);
        CHECK_FALSE(read.snapshots[0].network_average);
    }
}

TEST_CASE("what is wrong with LinkedIn's answer is said, and nothing is read", "[crm]") {
    test::TempFolder folder;
    SECTION("no sender") {
        auto path = folder.write("2026-11-03.json", k_answer);
        auto contents = read_ssi(path, {});
        CHECK(lines(contents.diagnostics, folder) ==
              Lines{"2026-11-03.json: error: LinkedIn's answer does not say whose score it is: pass --sender"});
        CHECK(contents.snapshots.empty());
    }
    SECTION("not JSON at all, at the line and column where it breaks") {
        auto path = folder.write("2026-11-03.json", "{\n  \"memberScore\": {\n    \"overall\": 46.75,\n  }\n}\n");
        auto found = lines(read_ssi(path, for_sender("alice")).diagnostics, folder);
        REQUIRE(found.size() == 1);
        CHECK(found[0].starts_with("2026-11-03.json:4:3: error: not valid JSON: "));
        CHECK(found[0].find("unexpected '}'") != std::string::npos);
    }
    SECTION("JSON, but not LinkedIn's answer") {
        auto path = folder.write("2026-11-03.json", "[1, 2, 3]\n");
        CHECK(lines(read_ssi(path, for_sender("alice")).diagnostics, folder) ==
              Lines{"2026-11-03.json: error: this is not LinkedIn's SSI answer: it has no 'memberScore' object"});
    }
    SECTION("pillars unknown, without a score or missing") {
        auto path = folder.write("2026-11-03.json", R"({"memberScore": {"overall": 20, "subScores": [
            {"pillar": "PROFESSIONAL_BRAND", "score": 10},
            {"pillar": "BRAND", "score": 3},
            {"pillar": "FIND_RIGHT_PEOPLE", "score": "high"},
            {"pillar": "INSIGHT_ENGAGEMENT", "score": 10}]}})");
        auto contents = read_ssi(path, for_sender("alice"));
        CHECK(lines(contents.diagnostics, folder) ==
              Lines{"2026-11-03.json:3:14: error: memberScore.subScores[1]: unknown pillar 'BRAND' (expected "
                    "PROFESSIONAL_BRAND, FIND_RIGHT_PEOPLE, INSIGHT_ENGAGEMENT or STRONG_RELATIONSHIP)",
                    "2026-11-03.json:4:14: error: memberScore.subScores[2] (FIND_RIGHT_PEOPLE) has no numeric 'score'",
                    "2026-11-03.json:1:2: error: memberScore.subScores has no FIND_RIGHT_PEOPLE score",
                    "2026-11-03.json:1:2: error: memberScore.subScores has no STRONG_RELATIONSHIP score"});
        CHECK(contents.snapshots.empty());
    }
    SECTION("numbers that fail the snapshot's checks") {
        auto path = folder.write("2026-11-03.json", R"({"memberScore": {"overall": 60, "subScores": [
            {"pillar": "PROFESSIONAL_BRAND", "score": 26},
            {"pillar": "FIND_RIGHT_PEOPLE", "score": 11},
            {"pillar": "INSIGHT_ENGAGEMENT", "score": 12},
            {"pillar": "STRONG_RELATIONSHIP", "score": 13}]},
            "groupScore": [{"groupType": "INDUSTRY", "rank": 0}]})");
        CHECK(lines(read_ssi(path, for_sender("alice")).diagnostics, folder) ==
              Lines{"2026-11-03.json:2:24: error: PROFESSIONAL_BRAND is 26, outside 0 to 25 (each pillar is scored "
                    "out of 25)",
                    "2026-11-03.json:1:18: error: memberScore.overall is 60, not the sum of the pillars (62)",
                    "2026-11-03.json:6:42: error: the INDUSTRY rank is 0, outside 1 to 100 (it is a 'top N%')"});
    }
    SECTION("an overall that is not a number") {
        auto path = folder.write("2026-11-03.json", R"({"memberScore": {"overall": "46", "subScores": [
            {"pillar": "PROFESSIONAL_BRAND", "score": 10}, {"pillar": "FIND_RIGHT_PEOPLE", "score": 11},
            {"pillar": "INSIGHT_ENGAGEMENT", "score": 12}, {"pillar": "STRONG_RELATIONSHIP", "score": 13}]}})");
        auto contents = read_ssi(path, for_sender("alice"));
        REQUIRE(contents.diagnostics.size() == 1);
        CHECK(contents.diagnostics[0].message.starts_with("memberScore.overall is "));
        CHECK(contents.diagnostics[0].location.line == 1);
        CHECK(contents.snapshots.empty());
    }
}

TEST_CASE("a folder of daily files reads its .csv and .json files in name order", "[crm]") {
    test::TempFolder folder;
    std::filesystem::create_directory(folder / "daily");
    folder.write("daily/2026-11-04.json", k_answer);
    folder.write("daily/2026-11-03.JSON", k_answer);
    folder.write("daily/history.csv", "date,brand,people,insights,relationships\n2026-11-01,9,10,11,12\n");
    folder.write("daily/notes.txt", "not SSI");
    folder.write("daily/2026-11-05.json.bak", "not SSI either");
    auto contents = read_ssi(folder / "daily", for_sender("alice"));
    REQUIRE(lines(contents.diagnostics, folder) == Lines{});
    CHECK(contents.files == 3);
    REQUIRE(contents.snapshots.size() == 3);
    CHECK(contents.snapshots[0].day == day("2026-11-03"));
    CHECK(contents.snapshots[1].day == day("2026-11-04"));
    CHECK(contents.snapshots[2].day == day("2026-11-01"));
    CHECK(contents.snapshots[2].source == "csv");
    for (const auto& snapshot : contents.snapshots) {
        CHECK(snapshot.sender == "alice");
    }

    SECTION("every file's problems are reported, and only the good files' rows handed over") {
        folder.write("daily/2026-11-06.json", "{}");
        folder.write("daily/more.csv", "date,brand,people,insights,relationships\n2026-11-02,30,10,11,12\n");
        auto bad = read_ssi(folder / "daily", for_sender("alice"));
        CHECK(
            lines(bad.diagnostics, folder) ==
            Lines{"daily/2026-11-06.json:1:1: error: this is not LinkedIn's SSI answer: it has no 'memberScore' object",
                  "daily/more.csv:2:12: error: 'brand' is 30, outside 0 to 25 (each pillar is scored out of 25)"});
        CHECK(bad.files == 5);
        REQUIRE(bad.snapshots.size() == 3);
        CHECK(bad.snapshots[2].day == day("2026-11-01"));
    }
    SECTION("a folder with nothing to read is an error") {
        std::filesystem::create_directory(folder / "none");
        folder.write("none/readme.md", "#");
        CHECK_THROWS_MATCHES(
            read_ssi(folder / "none", {}), core::UserError,
            Catch::Matchers::Message((folder / "none").string() + ": error: the folder holds no .csv or .json files"));
    }
    SECTION("a file that is not there cannot be read") {
        CHECK_THROWS_MATCHES(
            read_ssi(folder / "missing.csv", {}), core::UserError,
            Catch::Matchers::Message((folder / "missing.csv").string() + ": error: cannot read the file"));
    }
}

TEST_CASE("a day in a file's name is its first YYYY-MM-DD", "[crm]") {
    CHECK(crm::day_in_name("ssi-2026-11-03.json") == day("2026-11-03"));
    CHECK(crm::day_in_name("/exports/2025-01-01/ssi-2026-11-03-and-2026-11-04.json") == day("2026-11-03"));
    CHECK(crm::day_in_name("2026-11-03") == day("2026-11-03"));
    CHECK_FALSE(crm::day_in_name("/exports/2026-11-03/ssi.json")); // the file's name only
    CHECK_FALSE(crm::day_in_name("ssi.json"));
    CHECK_FALSE(crm::day_in_name("ssi-20261103.json"));
    CHECK_FALSE(crm::day_in_name("ssi-2026-02-30.json"));
}

TEST_CASE("an activity CSV reads each day's counts, activities in any case", "[crm]") {
    test::TempFolder folder;
    auto path = folder.write("activity.csv", "Date,Activity,Count,Sender\n"
                                             "2026-11-03,posts,2,alice\n"
                                             "2026-11-03,Comments, 5 ,bob\n"
                                             "2026-11-04,likes,0,\n");
    auto contents = read_activity(path, std::string("carol"));
    REQUIRE(lines(contents.diagnostics, folder) == Lines{});
    REQUIRE(contents.rows.size() == 3);
    CHECK(contents.rows[0].sender == "alice");
    CHECK(contents.rows[0].activity.day == day("2026-11-03"));
    CHECK(contents.rows[0].activity.activity == Activity::posts);
    CHECK(contents.rows[0].activity.count == 2);
    CHECK(contents.rows[1].sender == "bob");
    CHECK(contents.rows[1].activity.activity == Activity::comments);
    CHECK(contents.rows[1].activity.count == 5);
    CHECK(contents.rows[2].sender == "carol");
    CHECK(contents.rows[2].activity.activity == Activity::likes);
    CHECK(contents.rows[2].activity.count == 0);
}

TEST_CASE("every problem of an activity CSV is reported at its place, and nothing is read", "[crm]") {
    test::TempFolder folder;
    auto path = folder.write("activity.csv", "date,activity,count,sender\n"
                                             "2026-11-03,posts,2,alice\n"
                                             "2026-11-03,post,1,alice\n"
                                             "2026-11-03,xyzzy,1,alice\n"
                                             "2026-11-31,likes,1,alice\n"
                                             "2026-11-04,likes,-1,alice\n"
                                             "2026-11-04,likes,2.5,alice\n"
                                             "2026-11-04,likes,,alice\n"
                                             "2026-11-04,likes,3,\n");
    auto contents = read_activity(path, std::nullopt);
    const std::string known = " (one of profile_views, connection_requests, connections_accepted, messages_sent, "
                              "replies_received, posts, comments, likes, follows, endorsements)";
    CHECK(lines(contents.diagnostics, folder) ==
          Lines{"activity.csv:3:12: error: unknown activity 'post'; did you mean 'posts'?" + known,
                "activity.csv:4:12: error: unknown activity 'xyzzy'" + known,
                "activity.csv:5:1: error: '2026-11-31' is not a date like 2026-11-03",
                "activity.csv:6:18: error: 'count' is '-1', not a whole number 0 or more",
                "activity.csv:7:18: error: 'count' is '2.5', not a whole number 0 or more",
                "activity.csv:8:18: error: 'count' is '', not a whole number 0 or more",
                "activity.csv:9:20: error: the row names no sender; fill in its 'sender' or pass --sender"});
    REQUIRE(contents.rows.size() == 1); // the one good row
    CHECK(contents.rows[0].activity.count == 2);

    SECTION("without a sender column, --sender names it") {
        auto plain = folder.write("plain.csv", "date,activity,count\n2026-11-03,posts,2\n");
        CHECK(lines(read_activity(plain, std::nullopt).diagnostics, folder) ==
              Lines{"plain.csv:2: error: which sender are these rows for? add a 'sender' column or pass --sender"});
        auto read = read_activity(plain, std::string("alice"));
        REQUIRE(read.rows.size() == 1);
        CHECK(read.rows[0].sender == "alice");
    }
    SECTION("a header without its columns") {
        auto headless = folder.write("headless.csv", "day,what,how many\n2026-11-03,posts,2\n");
        CHECK(lines(read_activity(headless, std::string("alice")).diagnostics, folder) ==
              Lines{"headless.csv:1: error: the header has no 'date' column; it needs date, activity, count (and "
                    "may have sender)",
                    "headless.csv:1: error: the header has no 'activity' column; it needs date, activity, count (and "
                    "may have sender)",
                    "headless.csv:1: error: the header has no 'count' column; it needs date, activity, count (and "
                    "may have sender)"});
    }
}

TEST_CASE("a file with many problems shows the first ones and counts the rest", "[crm]") {
    test::TempFolder folder;
    std::string text = "date,brand,people,insights,relationships\n";
    for (int i = 0; i < 60; ++i) {
        text += "2026-11-03,30,11,12,13\n";
    }
    text += "2026-11-04,10,11,12,13\n";
    auto read = read_ssi(folder.write("ssi.csv", text), for_sender("alice"));
    auto found = lines(read.diagnostics, folder);
    REQUIRE(found.size() == crm::ReadSummary::k_problems_shown + 1);
    CHECK(found[0] == "ssi.csv:2:12: error: 'brand' is 30, outside 0 to 25 (each pillar is scored out of 25)");
    CHECK(found[crm::ReadSummary::k_problems_shown - 1].starts_with("ssi.csv:51:12: error: 'brand' is 30"));
    CHECK(found.back() == "error: and 10 more problems");
    CHECK(read.snapshots.size() == 1); // the last row, read to the end
}

TEST_CASE("a number too large for a double in LinkedIn's answer is an error at the number", "[crm]") {
    std::size_t taken = 0;
    auto read = crm::read_fetched_ssi(R"({"memberScore": {"overall": 1e400}})", "the gateway's SSI of sender 'alice'",
                                      {"alice", day("2026-11-03")}, [&taken](const core::SsiSnapshot&) { ++taken; });
    CHECK(taken == 0);
    REQUIRE(read.diagnostics.size() == 1);
    CHECK(read.diagnostics.front().to_string() ==
          "the gateway's SSI of sender 'alice':1:29: error: not valid JSON: the number 1e400 is out of range");
}
