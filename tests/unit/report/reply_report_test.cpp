#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/triage_rules_loader.hpp"
#include "report/cells.hpp"
#include "report/reply_render.hpp"
#include "report/reply_report.hpp"
#include "store/rehearsal.hpp"
#include "unit/report/reply_fixture.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;

namespace {

report::ReplyReportOptions with_triage(report::ReplyReportOptions options) {
    static const auto triage = std::make_shared<const triage::Triage>(config::load_triage_rules().languages);
    if (!options.triage) {
        options.triage = triage;
    }
    return options;
}

struct Fixture {
    test::TempFolder folder;
    store::Database database{folder / "campaign.db", store::OpenMode::create};

    Fixture() { database.sqlite().exec(fixture::k_reply_fixture_sql); }

    report::ReplyReport build(report::ReplyReportOptions options = {}) {
        options.now = *core::parse_utc("2026-11-10T00:00:00Z");
        return report::build_reply_report(database, with_triage(options));
    }
};

const report::FunnelRow& find(const std::vector<report::FunnelRow>& rows, const std::string& step,
                              const std::string& variant = "") {
    for (const auto& row : rows) {
        if (row.step == step && row.variant == variant) {
            return row;
        }
    }
    FAIL("no row for step " << step << " variant " << variant);
    throw std::logic_error("unreachable");
}

constexpr double k_hour = 3600;

} // namespace

TEST_CASE("the campaign funnel of the hand-worked fixture", "[report]") {
    Fixture fixture;
    auto report = fixture.build();
    REQUIRE(report.campaigns.size() == 1);
    const auto& alpha = report.campaigns[0];
    CHECK(alpha.campaign == "alpha");
    const auto& funnel = alpha.funnel;
    CHECK(funnel.enrolled == 10);
    CHECK(funnel.invitations == 9); // the tenth failed
    CHECK(funnel.accepted == 4);    // prospect 1's acceptance reported twice counts once
    CHECK(funnel.messages == 4);
    CHECK(funnel.reached == 4);
    CHECK(funnel.replied == 3);
    CHECK(funnel.interested == 2); // prospect 2's out-of-office notice, then a yes
    CHECK(funnel.opt_outs == 1);
    CHECK(funnel.failures == 1);
    // Acceptance after 2, 4, 6 and 10 hours: the median halfway between 4 and 6, the 90th percentile at 2.7 of
    // the order statistics 0..3, 6 + 0.7 * (10 - 6).
    CHECK(funnel.accept_wait.count == 4);
    CHECK(*funnel.accept_wait.median == Approx(5 * k_hour));
    CHECK(*funnel.accept_wait.p90 == Approx(8.8 * k_hour));
    // First replies after 1, 3 and 5 hours: 3 + 0.8 * (5 - 3) at the 90th percentile.
    CHECK(*funnel.reply_wait.median == Approx(3 * k_hour));
    CHECK(*funnel.reply_wait.p90 == Approx(4.6 * k_hour));
}

TEST_CASE("the report reads while another connection holds the write lock, as a run does", "[report]") {
    Fixture fixture;
    SQLite::Database run((fixture.folder / "campaign.db").string(), SQLite::OPEN_READWRITE);
    run.exec("BEGIN IMMEDIATE");
    run.exec("UPDATE prospects SET title = 'not yet committed'");
    auto report = fixture.build();
    REQUIRE(report.campaigns.size() == 1);
    CHECK(report.campaigns[0].funnel.enrolled == 10);
    run.exec("ROLLBACK");
}

TEST_CASE("steps and variants count their own sends and what each drew", "[report]") {
    Fixture fixture;
    auto report = fixture.build();
    REQUIRE(report.steps.size() == 2);
    CHECK(report.steps[0].step == "invite"); // in the order the campaign reached them
    CHECK(report.steps[1].step == "hello");

    const auto& invite = find(report.steps, "invite");
    CHECK(invite.type == core::ActionType::connect);
    CHECK(invite.sent == 9);
    CHECK(invite.funnel.accepted == 4);
    CHECK(invite.funnel.failures == 1);
    CHECK(invite.funnel.reached == 0); // an invitation is not a message

    const auto& a = find(report.variants, "invite", "a");
    CHECK(a.sent == 5);
    CHECK(a.funnel.accepted == 3);
    const auto& b = find(report.variants, "invite", "b");
    CHECK(b.sent == 4);
    CHECK(b.funnel.accepted == 1);
    CHECK(b.funnel.failures == 1);

    const auto& hello = find(report.steps, "hello");
    CHECK(hello.sent == 4);
    CHECK(hello.funnel.replied == 3);
    CHECK(hello.funnel.interested == 2);
    CHECK(hello.funnel.opt_outs == 1);
    CHECK(hello.funnel.reply_rate().rate() == Approx(0.75));
}

TEST_CASE("senders sum their campaigns", "[report]") {
    Fixture fixture;
    auto report = fixture.build();
    REQUIRE(report.senders.size() == 2);
    const auto& alice = report.senders[0];
    CHECK(alice.sender == "alice");
    CHECK(alice.funnel.enrolled == 6);
    CHECK(alice.funnel.invitations == 6);
    CHECK(alice.funnel.accepted == 4);
    CHECK(alice.funnel.replied == 3);
    const auto& bob = report.senders[1];
    CHECK(bob.funnel.enrolled == 4);
    CHECK(bob.funnel.invitations == 3);
    CHECK(bob.funnel.accepted == 0);
    CHECK(bob.funnel.failures == 1);
    CHECK_FALSE(bob.funnel.accept_wait.median);
}

TEST_CASE("the A/B test of the invitation's variants uses Fisher's test on small counts", "[report]") {
    Fixture fixture;
    auto report = fixture.build();
    REQUIRE(report.ab_tests.size() == 1);
    const auto& test = report.ab_tests[0];
    CHECK(test.metric == "acceptance");
    CHECK(test.control == "a");
    CHECK(test.variant == "b");
    CHECK(test.control_rate.successes == 3);
    CHECK(test.control_rate.trials == 5);
    CHECK(test.variant_rate.successes == 1);
    CHECK(test.variant_rate.trials == 4);
    REQUIRE(test.comparison);
    CHECK(test.comparison->method == stats::TestMethod::fisher_exact);
    CHECK(test.comparison->p_value == Approx(0.523809523809524)); // scipy.stats.fisher_exact([[3, 2], [1, 3]])
    CHECK(*test.lift == Approx(0.25 / 0.6 - 1));
    REQUIRE(test.more_needed);
    CHECK(test.verdict == "no detectable difference yet; about " + std::to_string(*test.more_needed) +
                              " more sends per variant needed");
}

TEST_CASE("replies are classified and listed newest first", "[report]") {
    Fixture fixture;
    auto report = fixture.build();
    auto count = [&report](core::ReplyClass reply_class) {
        return report.reply_classes.at(static_cast<std::size_t>(reply_class));
    };
    CHECK(count(core::ReplyClass::interested) == 2);
    CHECK(count(core::ReplyClass::out_of_office) == 1);
    CHECK(count(core::ReplyClass::opt_out) == 1);
    CHECK(count(core::ReplyClass::neutral) == 0);
    REQUIRE(report.latest_replies.size() == 4);
    CHECK(report.latest_replies[0].text == "Sounds good, let's talk on Tuesday.");
    CHECK(report.latest_replies[0].prospect == "First2 Last2");
    CHECK(report.latest_replies[1].prospect.empty()); // erased
    CHECK(report.latest_replies[1].reply_class == core::ReplyClass::opt_out);
    CHECK(report.latest_replies[1].step == "hello");
    CHECK(report.latest_replies[3].reply_class == core::ReplyClass::interested);

    report::ReplyReportOptions options;
    options.latest = 1;
    CHECK(fixture.build(options).latest_replies.size() == 1);
}

TEST_CASE("the daily series counts each thing on its day", "[report]") {
    Fixture fixture;
    auto report = fixture.build();
    REQUIRE(report.days.size() == 3);
    CHECK(report.days[0].day == "2026-11-02");
    CHECK(report.days[0].invitations == 9);
    CHECK(report.days[0].accepted == 4);
    CHECK(report.days[1].messages == 4);
    CHECK(report.days[1].replies == 3);
    CHECK(report.days[2].replies == 1);
}

TEST_CASE("a period counts the actions sent in it and follows them to their outcomes", "[report]") {
    Fixture fixture;
    report::ReplyReportOptions options;
    options.since = core::parse_utc("2026-11-03T00:00:00Z");
    auto report = fixture.build(options);
    REQUIRE(report.campaigns.size() == 1);
    const auto& funnel = report.campaigns[0].funnel;
    CHECK(funnel.enrolled.value_or(0) == 0);
    CHECK(funnel.invitations == 0);
    CHECK(funnel.accepted == 0);
    CHECK(funnel.messages == 4);
    CHECK(funnel.replied == 3);
    CHECK(report.days.front().day == "2026-11-03");

    options.since = core::parse_utc("2026-11-04T00:00:00Z");
    auto later = fixture.build(options);
    CHECK(later.campaigns.empty());
    REQUIRE(later.latest_replies.size() == 1); // a reply in the period to a message before it
    CHECK(later.days.size() == 1);
}

TEST_CASE("a sender filter keeps that sender's actions", "[report]") {
    Fixture fixture;
    report::ReplyReportOptions options;
    options.sender = "bob";
    auto report = fixture.build(options);
    REQUIRE(report.campaigns.size() == 1);
    CHECK(report.campaigns[0].funnel.enrolled == 4);
    CHECK(report.campaigns[0].funnel.invitations == 3);
    CHECK(report.campaigns[0].funnel.replied == 0);
    CHECK(report.latest_replies.empty());

    options.sender = "carol";
    CHECK_THROWS_WITH(fixture.build(options), "error: no sender 'carol' in the database");
    options.sender.reset();
    options.campaign = "beta";
    CHECK_THROWS_WITH(fixture.build(options), "error: no campaign 'beta' in the database (it has not been run yet)");
}

TEST_CASE("an empty database gives an empty report in every format", "[report]") {
    test::TempFolder folder;
    store::Database database(folder / "campaign.db", store::OpenMode::create);
    auto report = report::build_reply_report(database, with_triage({}));
    CHECK(report.campaigns.empty());
    CHECK(report.days.empty());
    std::ostringstream table;
    report::write_table(table, report, report::Section::all);
    CHECK(table.str().find("0 replies.") != std::string::npos);
    std::ostringstream html;
    report::write_html(html, report);
    CHECK(html.str().find("</html>") != std::string::npos);
}

TEST_CASE("the renderings say the same numbers", "[report]") {
    Fixture fixture;
    auto report = fixture.build();

    std::ostringstream table;
    report::write_table(table, report, report::Section::all);
    CHECK(table.str().rfind("Reply report: all campaigns, all senders (as of 2026-11-10T00:00:00Z)\n", 0) == 0);
    // 4 of 9 accepted, 44.4% with the Wilson interval [18.9, 73.3]; 3 of 4 replied, [30.1, 95.4].
    CHECK(table.str().find("alpha     10        9        4         44.4% [18.9–73.3]  4         3        "
                           "75.0% [30.1–95.4]") != std::string::npos);
    CHECK(table.str().find("accept wait (h)  reply wait (h)\n") != std::string::npos);
    CHECK(table.str().find("5.0 / 8.8") != std::string::npos);
    CHECK(
        table.str().find(
            "4 replies: 2 interested, 0 not interested, 0 later, 0 referral, 1 out of office, 1 opt-out, 0 neutral.") !=
        std::string::npos);
    CHECK(table.str().find("alpha / invite, b vs a: no detectable difference yet") != std::string::npos);

    std::ostringstream json;
    report::write_json(json, report, report::Section::all);
    auto parsed = nlohmann::json::parse(json.str());
    CHECK(parsed["report"] == "replies");
    CHECK(parsed["campaigns"][0]["acceptance"]["successes"] == 4);
    CHECK(parsed["campaigns"][0]["acceptance"]["trials"] == 9);
    CHECK(parsed["campaigns"][0]["acceptance"]["low"].get<double>() == Approx(0.188778521097665));
    CHECK(parsed["campaigns"][0]["reply_rate"]["high"].get<double>() == Approx(0.954412739190299));
    CHECK(parsed["campaigns"][0]["accept_wait"]["median_seconds"].get<double>() == Approx(5 * k_hour));
    CHECK(parsed["ab_tests"][0]["test"] == "fisher_exact");
    CHECK(parsed["replies"]["by_class"]["opt_out"] == 1);
    CHECK(parsed["replies"]["latest"][1]["prospect"].is_null());
    CHECK(parsed["daily"][0]["invitations"] == 9);

    std::ostringstream csv;
    report::write_csv(csv, report, report::Section::funnel);
    std::istringstream lines(csv.str());
    std::string header;
    std::string first;
    std::getline(lines, header);
    std::getline(lines, first);
    CHECK(header.rfind("level,campaign,step,type,variant,sender,enrolled,sent,invitations,accepted,acceptance,", 0) ==
          0);
    CHECK(first.rfind("campaign,alpha,,,,,10,,9,4,0.444444444444444", 0) == 0);

    std::ostringstream markdown;
    report::write_markdown(markdown, report, report::Section::ab_tests);
    CHECK(markdown.str().find("## A/B tests\n\n") != std::string::npos);
    CHECK(markdown.str().find("## Campaigns") == std::string::npos);
}

TEST_CASE("the HTML page is self-contained and escapes what prospects wrote", "[report]") {
    Fixture fixture;
    fixture.database.sqlite().exec("UPDATE events SET text = '<script>alert(1)</script> & more' WHERE id = 6");
    auto report = fixture.build();
    std::ostringstream html;
    report::write_html(html, report);
    auto page = html.str();
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") != std::string::npos);
    CHECK(page.find("http://") == std::string::npos);
    CHECK(page.find("src=") == std::string::npos);
    CHECK(page.find("<svg class=\"chart\"") != std::string::npos);
    CHECK(page.find("aria-label=\"daily activity\"") != std::string::npos);
}

TEST_CASE("the report of a rehearsal says so under its title, in every format", "[report]") {
    Fixture fixture;
    auto copy = fixture.folder / "campaign.rehearsal.db";
    store::copy_for_rehearsal(fixture.database, copy, *core::parse_utc("2026-11-10T00:00:00Z"));
    store::Database rehearsal(copy, store::OpenMode::must_exist);
    auto report = report::build_reply_report(rehearsal, with_triage({}));
    REQUIRE(report.rehearsal_of == "campaign.db");
    CHECK_FALSE(fixture.build().rehearsal_of);
    const std::string note =
        "REHEARSAL: simulated in a copy of campaign.db; nothing in this report happened on LinkedIn";

    std::ostringstream table;
    report::write_table(table, report, report::Section::funnel);
    CHECK(table.str().substr(table.str().find('\n') + 1).starts_with(note + "\n\nCampaigns\n"));
    std::ostringstream markdown;
    report::write_markdown(markdown, report, report::Section::all);
    CHECK(markdown.str().substr(markdown.str().find('\n') + 1).starts_with("\n**" + note + "**\n\n## Campaigns\n"));
    std::ostringstream json;
    report::write_json(json, report, report::Section::replies);
    CHECK(nlohmann::json::parse(json.str())["rehearsal"] == nlohmann::json{{"copy_of", "campaign.db"}});
    std::ostringstream html;
    report::write_html(html, report);
    CHECK(html.str().find("<p class=\"rehearsal\" role=\"note\">" + note + "</p>") != std::string::npos);
    std::ostringstream csv;
    report::write_csv(csv, report, report::Section::funnel);
    CHECK(csv.str().starts_with("level,campaign,"));
}

TEST_CASE("a wait column reads in one unit, the one its longest wait needs", "[report]") {
    auto funnel_row = [](const std::string& sender, double median, double p90) {
        report::FunnelRow row;
        row.sender = sender;
        row.funnel.accept_wait = {3, median, p90};
        row.funnel.reply_wait = {1, 20 * 60.0, 40 * 60.0};
        return row;
    };
    report::ReplyReport report;
    // 9.4 and 30.7 hours beside 2.5 and 4 days: once, "9.4h / 30.7h" sat above "2.5d / 4.0d".
    report.senders = {funnel_row("alice", 9.4 * k_hour, 30.7 * k_hour), funnel_row("bob", 60 * k_hour, 96 * k_hour)};
    auto table = report::sender_table(report);
    REQUIRE(table.rows.size() == 2);
    auto accept = table.header.size() - 2;
    CHECK(table.header[accept] == "accept wait (d)");
    CHECK(table.rows[0][accept] == "0.4 / 1.3");
    CHECK(table.rows[1][accept] == "2.5 / 4.0");
    CHECK(table.header[accept + 1] == "reply wait (min)");
    CHECK(table.rows[0][accept + 1] == "20 / 40");

    report.senders.pop_back();
    auto hours = report::sender_table(report);
    CHECK(hours.header[accept] == "accept wait (h)");
    CHECK(hours.rows[0][accept] == "9.4 / 30.7");
}

TEST_CASE("the A/B control is the step's first variant as the campaign file lists them", "[report]") {
    Fixture fixture;
    report::ReplyReportOptions options;
    options.variant_order["alpha"]["invite"] = {"b", "a"};
    auto report = fixture.build(options);
    REQUIRE(report.ab_tests.size() == 1);
    CHECK(report.ab_tests[0].control == "b");
    CHECK(report.ab_tests[0].variant == "a");
    REQUIRE(report.variants.size() == 2);
    CHECK(report.variants[0].variant == "b");
    // A variant the file no longer lists comes after those it does.
    options.variant_order["alpha"]["invite"] = {"b"};
    CHECK(fixture.build(options).ab_tests[0].control == "b");
    options.variant_order["alpha"]["invite"] = {"c", "a"};
    CHECK(fixture.build(options).ab_tests[0].control == "a");
}
