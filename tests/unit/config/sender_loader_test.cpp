// Senders: who acts, in which time zone and working hours, and within which limits, merged over the
// defaults of their account type.
#include <catch2/catch.hpp>

#include "core/campaign.hpp"
#include "unit/config/project.hpp"

using namespace campaign::core;
using campaign::test::complete_campaign;
using campaign::test::Lines;
using campaign::test::Project;
using std::chrono::minutes;

namespace {

// The one sender of a campaign whose senders are `senders`, or nothing (and the problems as a
// failure) if it does not load.
std::optional<Sender> load_sender(const Project& project, const std::string& senders) {
    auto loaded = project.load(complete_campaign("senders:\n" + senders));
    CHECK(project.lines(loaded) == Lines{});
    if (!loaded.campaign || loaded.campaign->senders.size() != 1) {
        return std::nullopt;
    }
    return loaded.campaign->senders[0];
}

} // namespace

TEST_CASE("a sender with only an id and a time zone takes every default", "[config]") {
    Project project;
    auto sender = load_sender(project, "  - id: alice\n    timezone: America/New_York\n");
    REQUIRE(sender);
    CHECK(sender->id == "alice");
    CHECK(sender->timezone == "America/New_York");
    CHECK(sender->fields.empty());
    CHECK(sender->account == AccountType::premium);
    auto defaults = default_limits(AccountType::premium);
    CHECK(sender->limits.per_day == defaults.per_day);
    CHECK(sender->limits.invitations_per_week == defaults.invitations_per_week);
    CHECK(sender->limits.connect_note_length == defaults.connect_note_length);
    CHECK(sender->working_hours.days == std::array<bool, 7>{false, true, true, true, true, true, false});
    CHECK(sender->working_hours.from_minute == 9 * 60);
    CHECK(sender->working_hours.to_minute == 18 * 60);
    CHECK(sender->pacing.min_gap == minutes{3});
    CHECK(sender->pacing.jitter == minutes{5});
}

TEST_CASE("a sender's limits override the defaults of its account one by one", "[config]") {
    Project project;
    auto sender = load_sender(project, R"(  - id: ravi
    timezone: Asia/Kolkata
    account: free
    limits:
      per_day:
        connect: 12
        inmail: 0
)");
    REQUIRE(sender);
    CHECK(sender->account == AccountType::free);
    auto expected = default_limits(AccountType::free);
    expected.per_day[ActionType::connect] = 12;
    CHECK(sender->limits.per_day == expected.per_day);
    CHECK(sender->limits.invitations_per_week == 80);
    CHECK(sender->limits.connect_note_length == 200);

    sender = load_sender(project, R"(  - id: marcus
    timezone: America/New_York
    account: sales_navigator
    limits:
      invitations_per_week: 90
)");
    REQUIRE(sender);
    CHECK(sender->limits.per_day == default_limits(AccountType::sales_navigator).per_day);
    CHECK(sender->limits.invitations_per_week == 90);
}

TEST_CASE("a sender's limits may be anything from zero to the ceiling, with a warning above the safe values",
          "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign(R"(senders:
  - id: alice
    timezone: Europe/Paris
    limits:
      per_day:
        connect: 100
        message: 250
        inmail: 50
        view_profile: 500
        follow: 0
      invitations_per_week: 200
)"));
    CHECK(project.lines(loaded) ==
          Lines{"campaigns/q4.yaml:6:18: warning: 'connect' is 100 a day, above the safe 25: LinkedIn restricts "
                "accounts that send more than about 100 invitations a week (see docs/campaigns.md#limits)",
                "campaigns/q4.yaml:7:18: warning: 'message' is 250 a day, above the safe 150: LinkedIn flags accounts "
                "that send more than about 100-150 messages a day (see docs/campaigns.md#limits)",
                "campaigns/q4.yaml:8:17: warning: 'inmail' is 50 a day, above the safe 20: no LinkedIn plan gives more "
                "than 50 InMail credits a month (see docs/campaigns.md#limits)",
                "campaigns/q4.yaml:9:23: warning: 'view_profile' is 500 a day, above the safe 250: LinkedIn flags "
                "accounts that act much faster than a person would (see docs/campaigns.md#limits)",
                "campaigns/q4.yaml:11:29: warning: 'invitations_per_week' is 200 a week, above the safe 100: LinkedIn "
                "restricts accounts that send more than about 100 invitations a week (see docs/campaigns.md#limits)"});
    REQUIRE(loaded.campaign);
    auto sender = std::optional<Sender>(loaded.campaign->senders[0]);
    CHECK(sender->limits.per_day.at(ActionType::connect) == 100);
    CHECK(sender->limits.per_day.at(ActionType::message) == 250);
    CHECK(sender->limits.per_day.at(ActionType::inmail) == 50);
    CHECK(sender->limits.per_day.at(ActionType::view_profile) == 500);
    CHECK(sender->limits.per_day.at(ActionType::follow) == 0);
    CHECK(sender->limits.invitations_per_week == 200);
}

TEST_CASE("a sender's working hours, pacing and fields are read", "[config]") {
    Project project;
    auto sender = load_sender(project, R"(  - id: nora
    name: Nora Lindqvist
    first_name: Nora
    last_name: Lindqvist
    title: Customer Success Lead
    company: Acme
    timezone: Europe/London
    working_hours:
      days: [Sat, sun]
      from: "07:45"
      to: "24:00"
    pacing:
      min_gap: 1h
      jitter: 90s
)");
    REQUIRE(sender);
    CHECK(sender->fields == std::map<std::string, std::string>{{"name", "Nora Lindqvist"},
                                                               {"first_name", "Nora"},
                                                               {"last_name", "Lindqvist"},
                                                               {"title", "Customer Success Lead"},
                                                               {"company", "Acme"}});
    CHECK(sender->working_hours.days == std::array<bool, 7>{true, false, false, false, false, false, true});
    CHECK(sender->working_hours.from_minute == 7 * 60 + 45);
    CHECK(sender->working_hours.to_minute == 24 * 60);
    CHECK(sender->pacing.min_gap == minutes{60});
    CHECK(sender->pacing.jitter == std::chrono::seconds{90});

    sender = load_sender(project, "  - id: nora\n    timezone: UTC\n    working_hours:\n      days: wed\n");
    REQUIRE(sender);
    CHECK(sender->working_hours.days == std::array<bool, 7>{false, false, false, true, false, false, false});
}

TEST_CASE("a sender needs an id and a time zone", "[config]") {
    Project project;
    CHECK(project.errors(R"(senders:
  - name: Alice Martin
)") == Lines{"campaigns/q4.yaml:2:5: error: missing required key 'id'",
             "campaigns/q4.yaml:2:5: error: missing required key 'timezone'"});
    CHECK(project.errors("senders: []\n") ==
          Lines{"campaigns/q4.yaml:1:10: error: a campaign needs at least one sender"});
    CHECK(project.errors("senders:\n  - alice\n") ==
          Lines{"campaigns/q4.yaml:2:5: error: a sender must be a map of keys and values"});
}

TEST_CASE("a sender id is lower-case letters, digits, '-' and '_', and unique", "[config]") {
    Project project;
    CHECK(project.errors("senders:\n  - id: alice_m-2\n    timezone: UTC\n") == Lines{});
    CHECK(project.errors("senders:\n  - id: Alice\n    timezone: UTC\n") ==
          Lines{"campaigns/q4.yaml:2:9: error: sender id 'Alice' must be lower-case letters, "
                "digits, '-' and '_'"});
    CHECK(project.errors("senders:\n  - id: alice martin\n    timezone: UTC\n") ==
          Lines{"campaigns/q4.yaml:2:9: error: sender id 'alice martin' must be lower-case "
                "letters, digits, '-' "
                "and '_'"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
  - id: alice
    timezone: America/New_York
)") == Lines{"campaigns/q4.yaml:4:9: error: sender 'alice' is listed twice"});
}

TEST_CASE("an unknown time zone is reported with the IANA name meant", "[config]") {
    Project project;
    CHECK(project.errors("senders:\n  - id: alice\n    timezone: Europe/Pari\n") ==
          Lines{"campaigns/q4.yaml:3:15: error: unknown time zone 'Europe/Pari' (did you mean "
                "'Europe/Paris'?)"});
    CHECK(project.errors("senders:\n  - id: alice\n    timezone: Paris time\n") ==
          Lines{"campaigns/q4.yaml:3:15: error: unknown time zone 'Paris time' (expected an IANA "
                "name such as "
                "Europe/Paris)"});
}

TEST_CASE("working hours name known days and a time span", "[config]") {
    Project project;
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    working_hours:
      days: [mon, tues, wed]
)") == Lines{"campaigns/q4.yaml:5:19: error: unknown day 'tues' (use mon, tue, wed, thu, fri, sat, "
             "sun)"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    working_hours:
      days: []
)") == Lines{"campaigns/q4.yaml:5:13: error: a sender needs at least one working day"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    working_hours:
      from: 9am
      to: "25:00"
)") == Lines{"campaigns/q4.yaml:5:13: error: 'from' must be a time of day such as \"09:00\", not "
             "'9am'",
             "campaigns/q4.yaml:6:11: error: 'to' must be a time of day such as \"09:00\", not "
             "'25:00'"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    working_hours:
      from: "18:00"
      to: "09:00"
)") == Lines{"campaigns/q4.yaml:5:7: error: working hours must start before they end"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    working_hours:
      from: "12:00"
      to: "12:00"
)") == Lines{"campaigns/q4.yaml:5:7: error: working hours must start before they end"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    working_hours:
      dys: [mon]
)") == Lines{"campaigns/q4.yaml:5:7: error: unknown key 'dys' in 'working_hours' (did you mean "
             "'days'?)"});
}

TEST_CASE("an unknown account type is reported with the three known", "[config]") {
    Project project;
    CHECK(project.errors("senders:\n  - id: alice\n    timezone: UTC\n    account: gold\n") ==
          Lines{"campaigns/q4.yaml:4:14: error: unknown account type 'gold' (expected free, premium or "
                "sales_navigator)"});
}

TEST_CASE("limits outside what LinkedIn tolerates are refused", "[config]") {
    Project project;
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    limits:
      per_day:
        connect: 101
        message: -1
        inmail: 51
        view_profile: 501
        endorse: lots
        like_post: 2.5
      invitations_per_week: 201
)") == Lines{"campaigns/q4.yaml:6:18: error: 'connect' must be between 0 and 100, not 101: LinkedIn "
             "restricts accounts that send more than about 100 invitations a week",
             "campaigns/q4.yaml:7:18: error: 'message' must be between 0 and 250, not -1",
             "campaigns/q4.yaml:8:17: error: 'inmail' must be between 0 and 50, not 51: no LinkedIn plan gives more "
             "than 50 InMail credits a month",
             "campaigns/q4.yaml:9:23: error: 'view_profile' must be between 0 and 500, not 501: LinkedIn flags "
             "accounts that act much faster than a person would",
             "campaigns/q4.yaml:10:18: error: 'endorse' must be a whole number, not 'lots'",
             "campaigns/q4.yaml:11:20: error: 'like_post' must be a whole number, not '2.5'",
             "campaigns/q4.yaml:12:29: error: 'invitations_per_week' must be between 0 and 200, not 201: LinkedIn "
             "restricts accounts that send more than about 100 invitations a week"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    limits:
      invitations_per_week: -5
)") == Lines{"campaigns/q4.yaml:5:29: error: 'invitations_per_week' must be between 0 and 200, not "
             "-5"});
}

TEST_CASE("limits per day name action types", "[config]") {
    Project project;
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    limits:
      per_day:
        conect: 20
        invite: 20
)") == Lines{"campaigns/q4.yaml:6:9: error: unknown key 'conect' in 'per_day' (did you mean "
             "'connect'?)",
             "campaigns/q4.yaml:7:9: error: unknown key 'invite' in 'per_day' (expected one of "
             "'view_profile', "
             "'follow', 'like_post', 'endorse', 'connect', 'message', 'inmail', 'withdraw_invite')"});
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    limits:
      connect: 20
)") == Lines{"campaigns/q4.yaml:5:7: error: unknown key 'connect' in 'limits' (expected one of "
             "'per_day', 'invitations_per_week', 'pending_invitations', 'notes_per_month', 'inmails_per_month')"});
}

TEST_CASE("pacing takes durations", "[config]") {
    Project project;
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    pacing:
      min_gap: 3 min
      jiter: 5m
)") == Lines{"campaigns/q4.yaml:5:16: error: 'min_gap' must be a duration such as 30m, 4h, 2d or "
             "1w, not '3 min'",
             "campaigns/q4.yaml:6:7: error: unknown key 'jiter' in 'pacing' (did you mean "
             "'jitter'?)"});
}

TEST_CASE("limits at the safe values and the defaults of every account need no warning", "[config]") {
    Project project;
    CHECK(project.errors(R"(senders:
  - id: alice
    timezone: Europe/Paris
    limits:
      per_day:
        connect: 25
        message: 150
        inmail: 20
        view_profile: 250
        follow: 80
      invitations_per_week: 100
)") == Lines{});
    for (const char* account : {"free", "premium", "sales_navigator"}) {
        INFO(account);
        CHECK(project.errors(std::string("senders:\n  - id: alice\n    timezone: Europe/Paris\n    account: ") +
                             account + "\n") == Lines{});
    }
}

TEST_CASE("a sender's holidays are its country calendars' and its own days and stretches", "[config]") {
    Project project;
    auto sender = load_sender(project, R"(  - id: alice
    timezone: Europe/Berlin
    holidays:
      calendars: [de, AT]
      dates: [2026-12-24, "2026-08-03..2026-08-05"]
)");
    REQUIRE(sender);
    CHECK(sender->holidays.calendars == std::vector<std::string>{"AT", "DE"}); // in order, whatever the file's
    auto day = [](const char* text) { return static_cast<int>(parse_day(text)->time_since_epoch().count()); };
    for (const char* holiday : {"2026-10-03", "2026-12-25", "2026-12-08", "2030-12-26", "2026-12-24", "2026-08-03",
                                "2026-08-04", "2026-08-05"}) {
        INFO(holiday);
        CHECK(sender->holidays.days.contains(day(holiday)));
    }
    CHECK_FALSE(sender->holidays.days.contains(day("2026-08-06")));
    CHECK_FALSE(sender->holidays.days.contains(day("2026-12-23")));
}

TEST_CASE("holidays name calendars that exist and days that do", "[config]") {
    Project project;
    auto lines = project.errors(
        "senders:\n  - id: alice\n    timezone: UTC\n    holidays:\n"
        "      calendars: [DX]\n      dates: [2026-02-30, 2026-08-09..2026-08-01, 2026-01-01..2027-06-01]\n"
        "      when: never\n");
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].starts_with("campaigns/q4.yaml:5:19: error: no holiday calendar 'DX' (did you mean 'DE'?): the "
                               "calendars are those of AT, AU, BE,"));
    CHECK(lines[0].ends_with(", 2026 to 2030 (docs/campaigns.md#holidays); list other days under 'dates'"));
    CHECK(lines[1] == "campaigns/q4.yaml:6:15: error: '2026-02-30' is not a day (YYYY-MM-DD) or a stretch of days "
                      "(YYYY-MM-DD..YYYY-MM-DD)");
    CHECK(lines[2] == "campaigns/q4.yaml:6:27: error: '2026-08-09..2026-08-01' ends before it begins");
    CHECK(lines[3] == "campaigns/q4.yaml:6:51: error: '2026-01-01..2027-06-01' is longer than a year: a sender "
                      "needs working days");
    CHECK(lines[4].starts_with("campaigns/q4.yaml:7:7: error: unknown key 'when'"));
}

TEST_CASE("a warm-up ramps from its invitations over its weeks, from a start day or the first action", "[config]") {
    Project project;
    auto sender = load_sender(project, "  - id: alice\n    timezone: UTC\n    warmup:\n      weeks: 6\n"
                                       "      invitations: 3\n      start: 2026-12-07\n");
    REQUIRE(sender);
    REQUIRE(sender->warmup);
    CHECK(sender->warmup->weeks == 6);
    CHECK(sender->warmup->invitations == 3);
    CHECK(sender->warmup->start_day == static_cast<int>(parse_day("2026-12-07")->time_since_epoch().count()));
    auto defaults = load_sender(project, "  - id: bob\n    timezone: UTC\n    warmup: {}\n");
    REQUIRE(defaults);
    REQUIRE(defaults->warmup);
    CHECK(*defaults->warmup == Warmup{std::nullopt, 4, 5});
    CHECK_FALSE(load_sender(project, "  - id: carol\n    timezone: UTC\n")->warmup);
}

TEST_CASE("a warm-up's weeks, invitations and start are checked", "[config]") {
    Project project;
    CHECK(
        project.errors("senders:\n  - id: alice\n    timezone: UTC\n    limits:\n      per_day:\n        connect: 10\n"
                       "    warmup:\n      weeks: 1\n      invitations: 11\n      start: next monday\n") ==
        Lines{"campaigns/q4.yaml:8:14: error: 'weeks' must be between 2 and 26, not 1",
              "campaigns/q4.yaml:9:20: error: 'invitations' must be between 1 and 10, not 11",
              "campaigns/q4.yaml:10:14: error: 'start' must be a day such as 2026-12-07, not 'next monday'"});
    CHECK(project.lines(project.load(complete_campaign(
              "senders:\n  - id: alice\n    timezone: UTC\n    limits:\n      per_day:\n        connect: 10\n"
              "    warmup:\n      invitations: 10\n"))) ==
          Lines{"campaigns/q4.yaml:8:20: warning: 'invitations' (10) is not below the daily connect limit (10): "
                "nothing ramps up; give fewer invitations a day"});
}

TEST_CASE("holidays that leave a sender no working day for a year, and a warm-up that ramps nothing, are reported",
          "[config]") {
    Project project;
    CHECK(project.errors("senders:\n  - id: alice\n    timezone: UTC\n    holidays:\n"
                         "      dates: [2026-12-01..2027-11-30, 2027-12-01..2028-11-29]\n") ==
          Lines{"campaigns/q4.yaml:5:7: error: the holidays leave no working day from 2026-12-01 for 393 days or "
                "more: a sender needs a working day in every year"});
    CHECK(project.lines(
              project.load(complete_campaign("senders:\n  - id: alice\n    timezone: UTC\n    limits:\n"
                                             "      per_day:\n        connect: 4\n    warmup: {weeks: 3}\n"))) ==
          Lines{"campaigns/q4.yaml:7:13: warning: 'invitations' (5) is not below the daily connect limit (4): nothing "
                "ramps up; give fewer invitations a day"});
}

TEST_CASE("InMail credits default by account type, and a sender can withdraw its old invitations", "[config]") {
    Project project;
    auto navigator = load_sender(project, "  - id: alice\n    timezone: UTC\n    account: sales_navigator\n"
                                          "    withdraw_invitations_after: 3w\n");
    REQUIRE(navigator);
    CHECK(navigator->limits.inmails_per_month == 50);
    CHECK(navigator->withdraw_invitations_after == std::chrono::days{21});
    auto free = load_sender(project, "  - id: bob\n    timezone: UTC\n    account: free\n");
    CHECK(free->limits.inmails_per_month == 0);
    CHECK_FALSE(free->withdraw_invitations_after);
    auto own = load_sender(project, "  - id: carol\n    timezone: UTC\n    limits: {inmails_per_month: 12}\n");
    CHECK(own->limits.inmails_per_month == 12);
    CHECK(
        project.errors("senders:\n  - id: alice\n    timezone: UTC\n    withdraw_invitations_after: 6h\n"
                       "    limits: {inmails_per_month: -1}\n") ==
        Lines{"campaigns/q4.yaml:4:33: error: 'withdraw_invitations_after' must be a day or more (invitations pending "
              "longer are withdrawn)",
              "campaigns/q4.yaml:5:33: error: 'inmails_per_month' must be between 0 and 10000, not -1"});
}
