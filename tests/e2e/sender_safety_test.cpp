// A sender's account kept safe through the command line on the mock: a new account warms up week by week, nothing
// goes out on its holidays, its monthly allowances hold, stale invitations are withdrawn, and prospects are reached
// in their own hours.
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

// The most connection requests the sender sent on one local day of each week from `first` (a Monday).
std::map<std::string, int> invitations_by_local_day(const Workspace& workspace) {
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    SQLite::Statement rows(db, "SELECT substr(at_local, 1, 10), count(*) FROM actions"
                               " WHERE type = 'connect' AND state = 'sent' GROUP BY 1");
    std::map<std::string, int> days;
    while (rows.executeStep()) {
        days[rows.getColumn(0).getString()] = rows.getColumn(1).getInt();
    }
    return days;
}

// `count` prospects tagged founders, at https://www.linkedin.com/in/SLUG-pN.
void import_founders(const Workspace& workspace, const std::string& slug, int count) {
    workspace.write("people.csv", campaign::e2e::prospects_csv(slug, "founders", count));
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
}

// One sender in Berlin, Monday to Friday, inviting every prospect tagged `tag`; `extra` goes under the sender.
std::string invite_campaign(const std::string& extra) {
    return "campaign: first-month\ntemplates: .\n"
           "senders:\n"
           "  - id: nina\n"
           "    timezone: Europe/Berlin\n"
           "    working_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"17:00\"}\n"
           "    limits:\n      per_day: {connect: 20, view_profile: 60}\n      invitations_per_week: 80\n"
           "    pacing: {min_gap: 2m, jitter: 3m}\n" +
           extra +
           "audience:\n  tags: [founders]\n"
           "steps:\n  - id: look\n    type: view_profile\n  - id: invite\n    type: connect\n    after: 1d\n";
}

// `validate` of the campaign above reaching its prospects in their own office hours; it passes.
campaign::e2e::Result validate_in_prospect_hours(const Workspace& workspace) {
    workspace.write("campaigns/first-month.yaml",
                    invite_campaign("") + "prospect_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: "
                                          "\"17:00\"}\n");
    auto validated = workspace.run({"validate", "campaigns/first-month.yaml"});
    INFO(validated.err);
    REQUIRE(validated.exit_code == 0);
    return validated;
}

} // namespace

TEST_CASE("a new sender's first four weeks on the mock follow its warm-up ramp", "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "warm", 500);
    workspace.write("campaigns/first-month.yaml", invite_campaign("    warmup: {weeks: 4, invitations: 5}\n"));
    auto run = workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "35d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    auto days = invitations_by_local_day(workspace);
    // The first action was Monday 7 December's: weeks from there, each day's most 5, 10, 15, then 20.
    struct Week {
        std::string first;
        std::string last;
        int most;
    };
    for (const auto& [first, last, most] :
         {Week{"2026-12-07", "2026-12-13", 5}, Week{"2026-12-14", "2026-12-20", 10},
          Week{"2026-12-21", "2026-12-27", 15}, Week{"2026-12-28", "2027-01-10", 20}}) {
        INFO("the week of " << first);
        int highest = 0;
        for (auto day = days.lower_bound(first); day != days.end() && day->first <= last; ++day) {
            CHECK(day->second <= most);
            highest = std::max(highest, day->second);
        }
        CHECK(highest == most); // the ramp, not the audience, held it back
    }
}

TEST_CASE("status shows a warming sender's week and today's limits beside the configured ones", "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "warm", 5);
    // A start to come: until then, and in its first week, the sender has a quarter of its limits.
    workspace.write("campaigns/first-month.yaml",
                    invite_campaign("    warmup: {weeks: 4, invitations: 5, start: 2099-01-05}\n"));
    REQUIRE(workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "2d"})
                .exit_code == 0);
    auto table = workspace.run({"--rehearsal", "status"});
    INFO(table.out << table.err);
    CHECK(table.out.find("connect 0/5") != std::string::npos);
    CHECK(table.out.find("/20") != std::string::npos); // invitations this week
    CHECK(table.out.find("warm-up week 1 of 4: 25% of the configured limits") != std::string::npos);
    auto json = nlohmann::json::parse(workspace.run({"--rehearsal", "status", "--format", "json"}).out);
    const auto& nina = json["senders"][0];
    CHECK(nina["today"]["connect"]["limit"] == 5);
    CHECK(nina["today"]["connect"]["configured_limit"] == 20);
    CHECK(nina["invitations_7_days"]["limit"] == 20);
    CHECK(nina["limits_note"] == "warm-up week 1 of 4: 25% of the configured limits");
}

TEST_CASE("nothing goes out on a sender's holidays, and what was due goes on the next working day", "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "festive", 200);
    workspace.write("campaigns/first-month.yaml",
                    invite_campaign("    holidays:\n      calendars: [DE]\n      dates: [2026-12-24, 2026-12-31]\n"));
    REQUIRE(workspace.run({"validate", "campaigns/first-month.yaml"}).exit_code == 0);
    auto run = workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-21T06:00:00Z", "--for", "16d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    auto on = [&db](const char* day) {
        return db.execAndGet("SELECT count(*) FROM actions WHERE substr(at_local, 1, 10) = '" + std::string(day) + "'")
            .getInt();
    };
    // Christmas Eve and New Year's Eve are the sender's own; the 25th, 26th and 1 January Germany's.
    for (const char* holiday : {"2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"}) {
        INFO(holiday);
        CHECK(on(holiday) == 0);
    }
    // Work before and after them: the invitations due on the 24th went on the 28th, at the first working day.
    CHECK(on("2026-12-23") > 0);
    CHECK(on("2026-12-28") > 0);
    CHECK(on("2026-12-30") > 0);
    CHECK(on("2027-01-04") > 0);
}

TEST_CASE("a routed campaign puts every European prospect with the European sender", "[e2e][senders]") {
    Workspace workspace;
    std::string csv = "first_name,last_name,linkedin_url,company,location,tags\n";
    for (int i = 0; i < 60; ++i) {
        const char* place = i % 3 == 0 ? "\"Berlin, Germany\"" : i % 3 == 1 ? "\"Lyon, France\"" : "\"Chicago, IL\"";
        csv += "P" + std::to_string(i) + ",Tester,https://www.linkedin.com/in/routed-" + std::to_string(i) + ",Acme," +
               place + ",founders\n";
    }
    csv += "Solo,Tester,https://www.linkedin.com/in/routed-tokyo,Acme,\"Tokyo, Japan\",founders\n";
    workspace.write("people.csv", csv);
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    workspace.write("campaigns/routed.yaml",
                    "campaign: routed\ntemplates: .\n"
                    "senders:\n"
                    "  - id: hans\n    timezone: Europe/Berlin\n"
                    "  - id: marcus\n    timezone: America/Chicago\n"
                    "audience:\n  tags: [founders]\n"
                    "routing:\n"
                    "  - where: [{field: location, in: [\"Berlin, Germany\", \"Lyon, France\"]}]\n"
                    "    senders: [hans]\n"
                    "  - where: [{field: location, contains: IL}]\n"
                    "    senders: [marcus]\n"
                    "  - where: [{field: location, contains: Brazil}]\n"
                    "    senders: [marcus]\n"
                    "steps:\n  - id: look\n    type: view_profile\n");
    // validate sees, in the CRM, the rule that takes nobody and the prospect no rule takes.
    auto validated = workspace.run({"validate", "campaigns/routed.yaml"});
    INFO(validated.out << validated.err);
    CHECK(validated.exit_code == 0);
    CHECK(validated.err.find("campaigns/routed.yaml:15:5: warning: this routing rule takes none of the audience's 61 "
                             "prospects in the CRM") != std::string::npos);
    CHECK(validated.err.find(
              "campaigns/routed.yaml:10:1: warning: 1 of the audience's 61 prospects matches no routing rule and would "
              "not be"
              " enrolled (https://linkedin.com/in/routed-tokyo); a last rule without conditions takes the rest") !=
          std::string::npos);
    auto run = workspace.run({"run", "campaigns/routed.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "3d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("campaign 'routed': 1 prospect of the audience matches no routing rule and is not enrolled "
                       "(https://linkedin.com/in/routed-tokyo)") != std::string::npos);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    auto count = [&db](const std::string& sql) { return db.execAndGet(sql).getInt(); };
    const std::string by_place = "SELECT count(*) FROM enrollments e JOIN prospects p ON p.id = e.prospect_id"
                                 " JOIN senders s ON s.id = e.sender_id WHERE ";
    CHECK(count(by_place + "s.name = 'hans' AND p.location NOT LIKE '%Chicago%'") == 40);
    CHECK(count(by_place + "s.name = 'marcus' AND p.location LIKE '%Chicago%'") == 20);
    CHECK(count("SELECT count(*) FROM enrollments") == 60);
    CHECK(count("SELECT count(*) FROM actions a JOIN enrollments e ON e.id = a.enrollment_id"
                " JOIN prospects p ON p.id = e.prospect_id JOIN senders s ON s.id = a.sender_id"
                " WHERE s.name = 'marcus' AND p.location NOT LIKE '%Chicago%'") == 0);
}

TEST_CASE("a sender whose invitations are rarely accepted is slowed, and one at its pending ceiling stops inviting",
          "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "cold", 600);
    // Almost nobody accepts: after two weeks of full days the governor sees it.
    workspace.write("campaigns/first-month.yaml", invite_campaign("") + "mock:\n  accept: 0.02\n  accept_delay: 1d\n");
    auto run = workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "28d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("sender 'nina' from 2026-12-2") != std::string::npos);
    CHECK(run.err.find("invitations accepted, under 10%: a quarter of the invitations") != std::string::npos);
    auto days = invitations_by_local_day(workspace);
    // The first two weeks at the day's limit; from the third (invitations 14 days old), a quarter of it.
    CHECK(days["2026-12-08"] == 20);
    CHECK(days["2026-12-15"] == 20);
    for (const auto& day : {"2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"}) {
        INFO(day);
        CHECK(days[day] <= 5);
    }
    CHECK(days["2026-12-28"] == 5);

    // A ceiling of 30 pending: two days of 20, then only the room left, then none.
    Workspace ceiling;
    import_founders(ceiling, "crowd", 200);
    auto text = invite_campaign("") + "mock:\n  accept: 0.0\n";
    text.replace(text.find("invitations_per_week: 80"), 24, "invitations_per_week: 80\n      pending_invitations: 30");
    ceiling.write("campaigns/first-month.yaml", text);
    auto crowded = ceiling.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "7d"});
    INFO(crowded.out << crowded.err);
    REQUIRE(crowded.exit_code == 0);
    auto held = invitations_by_local_day(ceiling);
    int total = 0;
    for (const auto& [day, count] : held) {
        total += count;
    }
    CHECK(total == 30);
    CHECK(crowded.err.find("30 invitations pending, at the ceiling of 30: none until some are accepted or withdrawn") !=
          std::string::npos);
}

TEST_CASE("sender show gives one sender's limits today beside the configured ones, its health and its holidays",
          "[e2e][senders][sqlite]") {
    Workspace workspace;
    import_founders(workspace, "show", 30);
    workspace.write("campaigns/first-month.yaml",
                    invite_campaign("    warmup: {weeks: 4, invitations: 5}\n    holidays:\n      calendars: [DE]\n"));
    // Two days from Monday: the simulated clock stops on Wednesday 9 December, in the warm-up's first week.
    REQUIRE(workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "2d"})
                .exit_code == 0);
    auto shown = workspace.run({"--rehearsal", "sender", "show", "nina"});
    INFO(shown.out << shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.err.empty()); // it only reads
    CHECK(shown.out.find("sender nina, Europe/Berlin, premium account\nactive\ntoday: 2026-12-09 (the simulated clock "
                         "of the last run)\n") == 0);
    CHECK(shown.out.find("\nconnect                20          5") != std::string::npos);
    CHECK(shown.out.find("warm-up week 1 of 4: 25% of the configured limits") != std::string::npos);
    CHECK(shown.out.find("warm-up: 4 weeks from 2026-12-07 (its first action), 5 invitations a day in the first") !=
          std::string::npos);
    CHECK(shown.out.find("next holidays:\n  2026-12-25  DE: Erster Weihnachtstag\n") != std::string::npos);
    auto json = nlohmann::json::parse(workspace.run({"--rehearsal", "sender", "show", "nina", "--format", "json"}).out);
    CHECK(json["today"]["connect"]["limit"] == 5);
    CHECK(json["warmup"]["start"] == "2026-12-07");
    CHECK(json["next_holidays"][0]["date"] == "2026-12-25");
    CHECK(json["invitations"]["pending"].get<int>() > 0);
    auto missing = workspace.run({"--rehearsal", "sender", "show", "nobody"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("error: no sender 'nobody' in campaign.rehearsal.db") != std::string::npos);
}

TEST_CASE("a free account's invitation notes stop at its monthly allowance, and its invitations go on without one",
          "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "free", 60);
    workspace.write("campaigns/note.mustache", "Hi {{first_name}}, glad to connect.\n");
    auto text = invite_campaign("    account: free\n");
    text.replace(text.find("type: connect"), 13, "type: connect\n    note: note.mustache");
    workspace.write("campaigns/first-month.yaml", text);
    // From 29 December: three days of December at 15 invitations a day, then January's own allowance.
    auto run = workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-29T06:00:00Z", "--for", "10d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("sender 'nina' has used its 5 invitation notes of 2026-12: its invitations go without a note "
                       "until 2027-01-01") != std::string::npos);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    auto count = [&db](const std::string& sql) { return db.execAndGet(sql).getInt(); };
    const std::string invitations = "SELECT count(*) FROM actions WHERE type = 'connect' AND state = 'sent' AND ";
    CHECK(count(invitations + "substr(at_local, 1, 7) = '2026-12' AND rendered_text <> ''") == 5);
    CHECK(count(invitations + "substr(at_local, 1, 7) = '2026-12' AND coalesce(rendered_text, '') = ''") > 0);
    CHECK(count(invitations + "substr(at_local, 1, 7) = '2027-01' AND rendered_text <> ''") == 5);
    auto shown = workspace.run({"--rehearsal", "sender", "show", "nina"});
    CHECK(shown.out.find("invitation notes left this month: 0 of 5 (then invitations go without a note, or wait in "
                         "campaigns that hold them)") != std::string::npos);
}

TEST_CASE("a campaign that holds its invitations once the notes are used up sends none without a note",
          "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "held", 60);
    workspace.write("campaigns/note.mustache", "Hi {{first_name}}, glad to connect.\n");
    auto text = invite_campaign("    account: free\n") + "when_notes_run_out: hold\n";
    text.replace(text.find("type: connect"), 13, "type: connect\n    note: note.mustache");
    workspace.write("campaigns/first-month.yaml", text);
    auto run = workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-29T06:00:00Z", "--for", "10d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("sender 'nina' has used its 5 invitation notes of 2026-12: the invitations of campaign "
                       "'first-month' wait until 2027-01-01") != std::string::npos);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    auto count = [&db](const std::string& sql) { return db.execAndGet(sql).getInt(); };
    const std::string invitations = "SELECT count(*) FROM actions WHERE type = 'connect' AND state = 'sent' AND ";
    CHECK(count(invitations + "coalesce(rendered_text, '') = ''") == 0);
    CHECK(count(invitations + "substr(at_local, 1, 7) = '2026-12'") == 5);
    CHECK(count(invitations + "substr(at_local, 1, 7) = '2027-01'") == 5);
    // The held ones wait, due at the next month's start.
    CHECK(count("SELECT count(*) FROM enrollments WHERE state = 'active' AND next_due_at >= '2027-01-31'") == 50);
}

TEST_CASE("a sender's InMails stop at its month's credits and go on with the next month's", "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "credits", 40);
    workspace.write("campaigns/pitch.mustache", "---\nsubject: A question\n---\nHi {{first_name}}.\n");
    auto text = invite_campaign("");
    text.replace(text.find("per_day: {connect: 20, view_profile: 60}"), 40,
                 "per_day: {connect: 20, view_profile: 60, inmail: 10}\n      inmails_per_month: 8");
    text.replace(text.find("type: connect"), 13, "type: inmail\n    template: pitch.mustache");
    workspace.write("campaigns/first-month.yaml", text);
    REQUIRE(workspace.run({"validate", "campaigns/first-month.yaml"}).exit_code == 0);
    auto run = workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-28T06:00:00Z", "--for", "7d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("sender 'nina' has used its 8 InMail credits of 2026-12: its InMails wait until 2027-01-01") !=
          std::string::npos);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    auto count = [&db](const std::string& sql) { return db.execAndGet(sql).getInt(); };
    const std::string inmails = "SELECT count(*) FROM actions WHERE type = 'inmail' AND state = 'sent' AND ";
    CHECK(count(inmails + "substr(at_local, 1, 7) = '2026-12'") == 8);
    CHECK(count(inmails + "substr(at_local, 1, 7) = '2027-01'") == 8);
    // The profile views went as they would, and sender show says what is left.
    CHECK(count("SELECT count(*) FROM actions WHERE type = 'view_profile' AND state = 'sent'") == 40);
    auto shown = workspace.run({"--rehearsal", "sender", "show", "nina"});
    CHECK(shown.out.find("InMail credits left this month: 0 of 8") != std::string::npos);
}

TEST_CASE("invitations pending too long are withdrawn across the sender's campaigns, never an accepted one",
          "[e2e][senders]") {
    Workspace workspace;
    import_founders(workspace, "stale", 60);
    // The first campaign invites and is done with each prospect once the invitation is out.
    auto first = invite_campaign("") + "mock:\n  accept: 0.3\n  accept_delay: 2d\n";
    workspace.write("campaigns/first-month.yaml", first);
    REQUIRE(workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "4d"})
                .exit_code == 0);
    // A second campaign of the same sender, which withdraws what is pending after 14 days, ten a day.
    auto second = invite_campaign("    withdraw_invitations_after: 14d\n") + "mock:\n  accept: 0.3\n";
    second.replace(second.find("campaign: first-month"), 21, "campaign: later");
    second.replace(second.find("tags: [founders]"), 16, "tags: [nobody]");
    second.replace(second.find("connect: 20,"), 12, "connect: 20, withdraw_invite: 10,");
    workspace.write("campaigns/later.yaml", second);
    auto run = workspace.run({"run", "campaigns/later.yaml", "--for", "20d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    auto count = [&db](const std::string& sql) { return db.execAndGet(sql).getInt(); };
    auto withdrawn = count("SELECT count(*) FROM actions WHERE step = 'withdraw:pending' AND state = 'sent'");
    CHECK(withdrawn > 0);
    // Each at least 14 days after its invitation, none of an accepted one, ten a day at most.
    CHECK(count("SELECT count(*) FROM actions w JOIN actions c ON c.enrollment_id = w.enrollment_id"
                " AND c.type = 'connect' WHERE w.step = 'withdraw:pending'"
                " AND julianday(w.at_utc) - julianday(c.at_utc) < 14") == 0);
    CHECK(count("SELECT count(*) FROM actions w JOIN events e ON e.prospect_id = w.prospect_id"
                " AND e.type = 'accepted' WHERE w.step = 'withdraw:pending'") == 0);
    CHECK(count("SELECT count(*) FROM (SELECT substr(at_local, 1, 10) FROM actions WHERE type = 'withdraw_invite'"
                " GROUP BY 1 HAVING count(*) > 10)") == 0);
    // Every invitation of the first campaign's that nobody accepted is withdrawn by the end, and only those.
    auto pending = count("SELECT count(*) FROM actions c WHERE c.type = 'connect' AND c.state = 'sent'"
                         " AND c.prospect_id NOT IN (SELECT prospect_id FROM events WHERE type = 'accepted')");
    CHECK(withdrawn == pending);
}

TEST_CASE("a campaign with prospect hours reaches each prospect in their own working hours and the sender's",
          "[e2e][senders]") {
    Workspace workspace;
    std::string csv = "first_name,linkedin_url,location,timezone,tags\n";
    for (int i = 0; i < 30; ++i) {
        const char* place = i % 3 == 0   ? "Greater Chicago Area,"
                            : i % 3 == 1 ? "\"Brooklyn, NY\",America/New_York"
                                         : "Remote,";
        csv += "P" + std::to_string(i) + ",https://www.linkedin.com/in/zoned-" + std::to_string(i) + "," + place +
               ",founders\n";
    }
    workspace.write("people.csv", csv);
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto validated = validate_in_prospect_hours(workspace);
    INFO(validated.err);
    CHECK(validated.err.find("campaigns/first-month.yaml:19:17: warning: 10 of the audience's 30 prospects have no "
                             "zone known from their timezone field or location and are reached in the sender's hours "
                             "alone (https://linkedin.com/in/zoned-2 (Remote), ") != std::string::npos);
    auto run = workspace.run({"run", "campaigns/first-month.yaml", "--start", "2026-12-07T06:00:00Z", "--for", "4d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    // The UTC hours each kind of prospect was reached in. Berlin's 09:00-17:00 is 08:00-16:00 UTC in December;
    // Chicago's is 15:00-23:00 and New York's 14:00-22:00.
    auto hours = [&db](const std::string& where) {
        SQLite::Statement rows(db, "SELECT DISTINCT CAST(substr(a.at_utc, 12, 2) AS INTEGER) FROM actions a"
                                   " JOIN prospects p ON p.id = a.prospect_id WHERE a.state = 'sent' AND " +
                                       where);
        std::set<int> seen;
        while (rows.executeStep()) {
            seen.insert(rows.getColumn(0).getInt());
        }
        return seen;
    };
    CHECK(hours("p.location = 'Greater Chicago Area'") == std::set<int>{15});
    auto new_york = hours("p.location = 'Brooklyn, NY'");
    CHECK(!new_york.empty());
    CHECK(std::all_of(new_york.begin(), new_york.end(), [](int hour) { return hour == 14 || hour == 15; }));
    auto anywhere = hours("p.location = 'Remote'");
    CHECK(*anywhere.begin() < 14); // the sender's hours alone
    CHECK(*anywhere.rbegin() <= 15);
    CHECK(db.execAndGet("SELECT count(*) FROM actions WHERE type = 'connect' AND state = 'sent'").getInt() == 30);
}

TEST_CASE("validate names the prospects' time zones the tz database does not know, in either spelling of the column",
          "[e2e][senders]") {
    Workspace workspace;
    workspace.write("people.csv", "first_name,linkedin_url,location,Time Zone,tags\n"
                                  "Ann,https://www.linkedin.com/in/zone-ann,Remote,Central Time,founders\n"
                                  "Bob,https://www.linkedin.com/in/zone-bob,Remote,America/Chicago,founders\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto validated = validate_in_prospect_hours(workspace);
    INFO(validated.err);
    CHECK(validated.err.find("the tz database knows no zone 'Central Time' of the prospects' timezone field") !=
          std::string::npos);
    CHECK(validated.err.find("'America/Chicago'") == std::string::npos);
    // Ann's location tells nothing either: she is reached in the sender's hours; Bob in Chicago's.
    CHECK(validated.err.find("1 of the audience's 2 prospects have no zone known") != std::string::npos);
}
