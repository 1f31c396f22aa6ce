// Working hours as the sender's wall clock reads them, on the nights the clocks change (DESIGN.md, invariant 2), and
// a day's work spread over the hours as a person would spread it, checked from what `campaign actions` prints.
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

void prepare(const Workspace& workspace, int prospects, const std::string& sender) {
    workspace.write("templates/hello.mustache", "Hello {{first_name}}\n");
    workspace.write("prospects.csv", campaign::e2e::prospects_csv("hours", "test", prospects));
    REQUIRE(workspace.run({"prospects", "import", "prospects.csv"}).exit_code == 0);
    workspace.write("campaigns/look.yaml", R"(campaign: look
templates: ../templates
senders:
)" + sender + R"(audience:
  tags: [test]
steps:
  - id: look
    type: view_profile
  - id: hello
    type: message
    after: 1d
    template: hello.mustache
mock:
  reply: 0
  failure: 0
)");
}

nlohmann::json actions(const Workspace& workspace) {
    auto listed = workspace.run({"--rehearsal", "actions", "--format", "json"});
    REQUIRE(listed.exit_code == 0);
    return nlohmann::json::parse(listed.out);
}

// "2026-10-25T01:30:00+00:00" -> minutes after local midnight.
int local_minutes(const std::string& at_local) {
    return std::stoi(at_local.substr(11, 2)) * 60 + std::stoi(at_local.substr(14, 2));
}

struct ChangeNight {
    const char* zone;
    const char* start; // UTC, the day before
    const char* day;   // the local day of the change
    const char* from;
    const char* to;
};

} // namespace

TEST_CASE("no action outside the hours on the wall clock the night the clocks change", "[e2e][run][hours]") {
    // Each window lies across the hour the clocks repeat (autumn) or skip (spring).
    const ChangeNight nights[] = {
        {"Europe/London", "2026-10-24T12:00:00Z", "2026-10-25", "01:30", "02:30"},
        {"America/New_York", "2026-10-31T12:00:00Z", "2026-11-01", "01:30", "02:30"},
        {"America/St_Johns", "2026-10-31T12:00:00Z", "2026-11-01", "01:30", "02:30"},
        {"Australia/Sydney", "2026-04-04T00:00:00Z", "2026-04-05", "02:30", "03:30"},
        {"Europe/London", "2026-03-28T12:00:00Z", "2026-03-29", "00:30", "01:30"},
        {"America/New_York", "2026-03-07T12:00:00Z", "2026-03-08", "01:30", "02:30"},
    };
    for (const auto& night : nights) {
        INFO(night.zone << " on " << night.day);
        Workspace workspace;
        prepare(workspace, 40,
                std::string("  - id: alice\n    timezone: ") + night.zone +
                    "\n    working_hours: {days: [sun], from: \"" + night.from + "\", to: \"" + night.to +
                    "\"}\n    limits: {per_day: {view_profile: 200}}\n    pacing: {min_gap: 3m, jitter: 2m}\n");
        auto result = workspace.run({"run", "campaigns/look.yaml", "--start", night.start, "--for", "2d"});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        auto from = local_minutes(std::string("0000-00-00T") + night.from);
        auto to = local_minutes(std::string("0000-00-00T") + night.to);
        int on_the_night = 0;
        for (const auto& action : actions(workspace)) {
            auto at_local = action["at_local"].get<std::string>();
            INFO(at_local);
            CHECK(local_minutes(at_local) >= from);
            CHECK(local_minutes(at_local) < to);
            on_the_night += at_local.substr(0, 10) == night.day ? 1 : 0;
        }
        CHECK(on_the_night > 3);
    }
}

TEST_CASE("a day's actions spread over the working hours, none at the opening second", "[e2e][run][hours]") {
    Workspace workspace;
    // 20 invitations' worth of views a day over 09:00-17:00: 400 prospects keep the sender busy for weeks.
    prepare(workspace, 400, R"(  - id: alice
    timezone: Europe/Berlin
    working_hours: {days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00"}
    limits: {per_day: {view_profile: 20, message: 20}}
    pacing: {min_gap: 2m, jitter: 3m}
)");
    auto result = workspace.run({"run", "campaigns/look.yaml", "--start", "2026-11-02T06:00:00Z", "--for", "21d"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::array<int, 10> tenths{};
    std::map<std::string, int> first_of_day; // minutes after the opening
    int total = 0;
    for (const auto& action : actions(workspace)) {
        auto at_local = action["at_local"].get<std::string>();
        auto seconds = (local_minutes(at_local) - 9 * 60) * 60 + std::stoi(at_local.substr(17, 2));
        REQUIRE(seconds >= 0);
        REQUIRE(seconds < 8 * 3600);
        ++tenths[static_cast<std::size_t>(seconds / (8 * 360))];
        auto day = at_local.substr(0, 10);
        auto found = first_of_day.find(day);
        if (found == first_of_day.end() || seconds < found->second) {
            first_of_day[day] = seconds;
        }
        ++total;
    }
    REQUIRE(total > 400);
    // Each tenth of the day holds about a tenth of the actions.
    for (auto share : tenths) {
        INFO("tenths: " << tenths[0] << " " << tenths[1] << " " << tenths[2] << " " << tenths[3] << " " << tenths[4]
                        << " " << tenths[5] << " " << tenths[6] << " " << tenths[7] << " " << tenths[8] << " "
                        << tenths[9]);
        CHECK(share > total / 20);
        CHECK(share < total * 2 / 10);
    }
    // The day's first action is not the opening second, nor the same minute every day.
    int at_opening = 0;
    for (const auto& [day, seconds] : first_of_day) {
        at_opening += seconds == 0 ? 1 : 0;
    }
    CHECK(at_opening <= 1);
    CHECK(first_of_day.size() >= 14);
}
