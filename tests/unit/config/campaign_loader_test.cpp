// Loading whole campaigns: the example of docs/campaigns.md and those of the repository load with
// every field right; the top level, the audience and the stop rules report what is wrong with them,
// all of it at once.
#include <catch2/catch.hpp>
#include <set>

#include "core/campaign.hpp"
#include "unit/config/project.hpp"

using namespace campaign::core;
using campaign::test::Lines;
using campaign::test::Project;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

const std::filesystem::path k_source_dir = CAMPAIGN_SOURCE_DIR;

// The example of docs/campaigns.md: the documentation cannot promise what the loader refuses.
std::string docs_example() {
    auto docs = campaign::test::read_text(k_source_dir / "docs/campaigns.md");
    auto start = docs.find("```yaml\n");
    auto end = docs.find("```\n", start + 1);
    if (start == std::string::npos || end == std::string::npos) {
        throw std::runtime_error("no ```yaml example in docs/campaigns.md");
    }
    start += std::string_view("```yaml\n").size();
    return docs.substr(start, end - start);
}

void check_filter(const FieldFilter& filter, const std::string& field, FieldTest test,
                  const std::vector<std::string>& values) {
    CHECK(filter.field == field);
    CHECK(filter.test == test);
    CHECK(filter.values == values);
}

} // namespace

TEST_CASE("the example of the documentation loads with every field right", "[config]") {
    Project project;
    auto loaded = project.load(docs_example(), "campaigns/founders-intro.yaml");
    REQUIRE(project.lines(loaded) == Lines{});
    REQUIRE(loaded.campaign);
    const auto& campaign = *loaded.campaign;

    CHECK(campaign.id == "founders-intro");
    CHECK(campaign.description == "Intro to SaaS founders in Europe, Q4");
    CHECK(campaign.templates_dir == (project.root() / "templates").string());

    REQUIRE(campaign.senders.size() == 1);
    const auto& alice = campaign.senders[0];
    CHECK(alice.id == "alice");
    CHECK(alice.fields == std::map<std::string, std::string>{{"name", "Alice Martin"}, {"first_name", "Alice"}});
    CHECK(alice.timezone == "Europe/Paris");
    CHECK(alice.account == AccountType::premium);
    CHECK(alice.working_hours.days == std::array<bool, 7>{false, true, true, true, true, true, false});
    CHECK(alice.working_hours.from_minute == 9 * 60);
    CHECK(alice.working_hours.to_minute == 17 * 60 + 30);
    auto limits = default_limits(AccountType::premium);
    limits.per_day[ActionType::connect] = 20;
    limits.per_day[ActionType::message] = 80;
    limits.per_day[ActionType::view_profile] = 60;
    CHECK(alice.limits.per_day == limits.per_day);
    CHECK(alice.limits.invitations_per_week == 80);
    CHECK(alice.limits.connect_note_length == 300);
    CHECK(alice.pacing.min_gap == minutes{4});
    CHECK(alice.pacing.jitter == minutes{6});

    const auto& audience = campaign.audience;
    CHECK(audience.tags == std::vector<std::string>{"founders"});
    CHECK(audience.any_tags == std::vector<std::string>{"saas", "fintech"});
    REQUIRE(audience.where.size() == 2);
    check_filter(audience.where[0], "location", FieldTest::contains, {"Europe"});
    check_filter(audience.where[1], "title", FieldTest::in, {"Founder", "Co-Founder", "CEO"});
    CHECK(audience.exclude_tags == std::vector<std::string>{"customer", "competitor"});
    REQUIRE(audience.exclude_where.size() == 1);
    check_filter(audience.exclude_where[0], "company", FieldTest::equals, {"Acme Corp"});
    CHECK_FALSE(audience.allow_other_campaigns);

    CHECK(campaign.stop.on_reply);
    CHECK(campaign.stop.opt_out_keywords == std::vector<std::string>{"take me off"});

    REQUIRE(campaign.steps.size() == 5);
    const auto& look = campaign.steps[0];
    CHECK(look.id == "look");
    CHECK(look.type == ActionType::view_profile);
    CHECK(look.after == Duration{0});
    CHECK(look.template_name.empty());
    CHECK(look.variants.empty());
    CHECK(look.branches.empty());
    CHECK_FALSE(look.next);

    const auto& invite = campaign.steps[1];
    CHECK(invite.id == "invite");
    CHECK(invite.type == ActionType::connect);
    CHECK(invite.after == days{1});
    CHECK(invite.template_name.empty());
    REQUIRE(invite.variants.size() == 2);
    CHECK(invite.variants[0].id == "short");
    CHECK(invite.variants[0].weight == 50);
    CHECK(invite.variants[0].template_name == "connect-short.mustache");
    CHECK(invite.variants[1].id == "question");
    CHECK(invite.variants[1].weight == 50);
    CHECK(invite.variants[1].template_name == "connect-question.mustache");
    REQUIRE(invite.branches.size() == 2);
    CHECK(invite.branches[0].on == Outcome::accepted);
    CHECK(invite.branches[0].target == "thanks");
    CHECK_FALSE(invite.branches[0].within);
    CHECK(invite.branches[1].on == Outcome::not_accepted);
    CHECK(invite.branches[1].within == Duration{days{21}});
    CHECK(invite.branches[1].target == "withdraw");

    const auto& thanks = campaign.steps[2];
    CHECK(thanks.id == "thanks");
    CHECK(thanks.type == ActionType::message);
    CHECK(thanks.after == days{1});
    CHECK(thanks.template_name == "thanks.mustache");
    CHECK(thanks.variants.empty());
    REQUIRE(thanks.branches.size() == 2);
    CHECK(thanks.branches[0].on == Outcome::replied);
    CHECK(thanks.branches[0].target == "end");
    CHECK(thanks.branches[1].on == Outcome::no_reply);
    CHECK(thanks.branches[1].within == Duration{days{5}});
    CHECK(thanks.branches[1].target == "nudge");

    const auto& nudge = campaign.steps[3];
    CHECK(nudge.id == "nudge");
    CHECK(nudge.type == ActionType::message);
    CHECK(nudge.after == Duration{0});
    CHECK(nudge.template_name == "nudge.mustache");
    CHECK(nudge.branches.empty());
    CHECK(nudge.next == "end");

    const auto& withdraw = campaign.steps[4];
    CHECK(withdraw.id == "withdraw");
    CHECK(withdraw.type == ActionType::withdraw_invite);
    CHECK(withdraw.template_name.empty());
    CHECK_FALSE(withdraw.next);
}

TEST_CASE("the example campaigns of the repository load without a problem", "[config]") {
    Project project;
    std::filesystem::copy(k_source_dir / "templates", project.root() / "templates",
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    std::vector<std::string> loaded_ids;
    for (const auto& entry : std::filesystem::directory_iterator(k_source_dir / "campaigns")) {
        if (entry.path().extension() != ".yaml") {
            continue;
        }
        auto name = entry.path().filename().string();
        INFO(name);
        auto loaded = project.load(campaign::test::read_text(entry.path()), "campaigns/" + name);
        CHECK(project.lines(loaded) == Lines{});
        if (loaded.campaign) {
            CHECK(loaded.campaign->id == entry.path().stem().string());
            CHECK(loaded.campaign->templates_dir == (project.root() / "templates").string());
            loaded_ids.push_back(loaded.campaign->id);
        }
    }
    std::sort(loaded_ids.begin(), loaded_ids.end());
    CHECK(loaded_ids == std::vector<std::string>{"customer-checkin", "founders-intro", "vp-sales-followup"});
}

TEST_CASE("a campaign with a problem is not returned", "[config]") {
    Project project;
    auto valid = project.load(campaign::test::complete_campaign(""));
    CHECK(valid.diagnostics.empty());
    CHECK(valid.campaign);
    auto invalid = project.load(campaign::test::complete_campaign("description: [a list]\n"));
    CHECK(invalid.diagnostics.size() == 1);
    CHECK_FALSE(invalid.campaign);
}

TEST_CASE("each part of a campaign keeps its place in the file", "[config]") {
    Project project;
    auto loaded = project.load(R"(campaign: q4
senders:
  - id: alice
    timezone: Europe/Paris
audience:
  tags: [founders]
steps:
  - id: invite
    type: connect
    note: connect-short.mustache
    on:
      accepted: thanks
      not_accepted: {within: 14d, goto: end}
  - id: thanks
    type: message
    variants:
      - id: a
        template: thanks.mustache
      - id: b
        template: nudge.mustache
)");
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& campaign = *loaded.campaign;
    auto file = (project.root() / "campaigns/q4.yaml").string();
    auto place = [](const SourceLocation& location) { return std::pair(location.line, location.column); };
    CHECK(campaign.location.file == file);
    CHECK(place(campaign.location) == std::pair(1, 1));
    CHECK(campaign.senders[0].location.file == file);
    CHECK(place(campaign.senders[0].location) == std::pair(3, 5));
    CHECK(place(campaign.steps[0].location) == std::pair(8, 5));
    CHECK(place(campaign.steps[0].template_location) == std::pair(10, 11));
    CHECK(place(campaign.steps[0].branches[0].location) == std::pair(12, 7));
    CHECK(place(campaign.steps[0].branches[1].location) == std::pair(13, 7));
    CHECK(place(campaign.steps[1].location) == std::pair(14, 5));
    CHECK(place(campaign.steps[1].variants[0].location) == std::pair(18, 19));
    CHECK(place(campaign.steps[1].variants[1].location) == std::pair(20, 19));
}

TEST_CASE("the templates folder is found relative to the campaign file", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign(""));
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK(loaded.campaign->templates_dir == (project.root() / "templates").string());

    std::filesystem::create_directories(project.root() / "shared/templates");
    loaded = project.load(campaign::test::complete_campaign("templates: ../shared/templates\n"));
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK(loaded.campaign->templates_dir == (project.root() / "shared/templates").string());

    loaded = project.load(campaign::test::complete_campaign("templates: ../../templates\n"), "campaigns/2024/q4.yaml");
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK(loaded.campaign->templates_dir == (project.root() / "templates").string());
}

TEST_CASE("a campaign name is lower-case letters, digits and '-', starting with a letter", "[config]") {
    Project project;
    CHECK(project.errors("campaign: q4-2024-founders\n") == Lines{});
    CHECK(project.errors("campaign: Q4_2024\n") ==
          Lines{"campaigns/q4.yaml:1:11: error: campaign name 'Q4_2024' must be lower-case "
                "letters, digits and "
                "'-', starting with a letter"});
    CHECK(project.errors("campaign: 2024-q4\n") ==
          Lines{"campaigns/q4.yaml:1:11: error: campaign name '2024-q4' must be lower-case "
                "letters, digits and "
                "'-', starting with a letter"});
}

TEST_CASE("audience tags are lower-cased and trimmed, a single value is split at its commas", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign(R"(audience:
  tags: [Founders, " SaaS "]
  any_tags: FinTech
  exclude:
    tags: Customer, Competitor
  allow_other_campaigns: true
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& audience = loaded.campaign->audience;
    CHECK(audience.tags == std::vector<std::string>{"founders", "saas"});
    CHECK(audience.any_tags == std::vector<std::string>{"fintech"});
    CHECK(audience.exclude_tags == std::vector<std::string>{"customer", "competitor"});
    CHECK(audience.where.empty());
    CHECK(audience.allow_other_campaigns);
}

TEST_CASE("audience field filters take each kind of test", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign(R"(audience:
  where:
    - field: company
      equals: Acme Corp
    - field: title
      in: [Founder, CEO]
    - field: industry
      in: Software
    - field: location
      contains: Europe
    - field: email
      exists: true
    - field: employees
      exists: false
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& where = loaded.campaign->audience.where;
    REQUIRE(where.size() == 6);
    check_filter(where[0], "company", FieldTest::equals, {"Acme Corp"});
    check_filter(where[1], "title", FieldTest::in, {"Founder", "CEO"});
    check_filter(where[2], "industry", FieldTest::in, {"Software"});
    check_filter(where[3], "location", FieldTest::contains, {"Europe"});
    check_filter(where[4], "email", FieldTest::exists, {});
    CHECK(where[4].exists);
    check_filter(where[5], "employees", FieldTest::exists, {});
    CHECK_FALSE(where[5].exists);
}

TEST_CASE("an audience that would take every prospect is refused", "[config]") {
    Project project;
    CHECK(project.errors(R"(audience:
  allow_other_campaigns: true
)") == Lines{"campaigns/q4.yaml:2:3: error: the audience would be every prospect in the CRM: name "
             "'tags', "
             "'any_tags' or 'where'"});
    CHECK(project.errors(R"(audience:
  exclude:
    tags: [customer]
)") == Lines{"campaigns/q4.yaml:2:3: error: the audience would be every prospect in the CRM: name "
             "'tags', "
             "'any_tags' or 'where'"});
    CHECK(project.errors("audience: {}\n") ==
          Lines{"campaigns/q4.yaml:1:11: error: the audience would be every prospect in the CRM: "
                "name 'tags', "
                "'any_tags' or 'where'"});
}

TEST_CASE("a field filter has a field and exactly one test", "[config]") {
    Project project;
    CHECK(project.errors(R"(audience:
  where:
    - field: title
    - field: title
      equals: CEO
      contains: Founder
    - equals: Acme Corp
    - field: email
      exists: maybe
)") == Lines{"campaigns/q4.yaml:3:7: error: a field filter needs exactly one of 'equals', 'in', "
             "'contains' or "
             "'exists'",
             "campaigns/q4.yaml:4:7: error: a field filter needs exactly one of 'equals', 'in', "
             "'contains' or "
             "'exists'",
             "campaigns/q4.yaml:7:7: error: missing required key 'field'",
             "campaigns/q4.yaml:9:15: error: 'exists' must be true or false"});
    CHECK(project.errors(R"(audience:
  tags: [founders]
  exclude:
    where:
      - field: company
        equal: Acme Corp
)") == Lines{"campaigns/q4.yaml:5:9: error: a field filter needs exactly one of 'equals', 'in', "
             "'contains' or "
             "'exists'",
             "campaigns/q4.yaml:6:9: error: unknown key 'equal' in a field filter (did you mean "
             "'equals'?)"});
}

TEST_CASE("a filter names a field as it is stored, and 'in' lists at least one value", "[config]") {
    Project project;
    CHECK(project.errors(R"(audience:
  where:
    - field: Team Size
      equals: 11-50
    - field: title
      in: []
)") == Lines{"campaigns/q4.yaml:3:14: error: 'Team Size' is not a field name; fields are named like 'team_size'",
             "campaigns/q4.yaml:6:11: error: 'in' needs at least one value"});
}

TEST_CASE("stop rules default to stopping on a reply, with no opt-out keywords beside the triage rules", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign(""));
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK(loaded.campaign->stop.on_reply);
    CHECK(loaded.campaign->stop.opt_out_keywords.empty());

    loaded = project.load(campaign::test::complete_campaign(R"(stop:
  on_reply: false
  opt_out_keywords: [unsubscribe, "opt out"]
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK_FALSE(loaded.campaign->stop.on_reply);
    CHECK(loaded.campaign->stop.opt_out_keywords == std::vector<std::string>{"unsubscribe", "opt out"});

    CHECK(project.errors("stop:\n  opt_out_keywords: []\n") ==
          Lines{"campaigns/q4.yaml:2:21: error: 'opt_out_keywords' must name at least one keyword"});
}

TEST_CASE("every problem of a file is reported, in the order of the lines", "[config]") {
    Project project;
    // Read in the order senders, audience, steps, then the sequence and the templates: not the
    // order of the file.
    CHECK(project.errors_as_written(R"(steps:
  - id: look
    type: view_profile
    next: invte
  - id: invite
    type: connect
    note: connect-long.mustache
audience:
  tags: [founders]
  exclude: customer
senders:
  - id: alice
    timezone: Europe/Pari
campaign: Q4
sendr: bob
)") == Lines{"campaigns/q4.yaml:4:11: error: no step 'invte' to go to (did you mean 'invite'?)",
             "campaigns/q4.yaml:5:5: error: step 'invite' is unreachable: no step leads to it",
             "campaigns/q4.yaml:7:11: error: template 'connect-long.mustache' not found in templates "
             "(did you "
             "mean 'connect-short.mustache'?)",
             "campaigns/q4.yaml:10:12: error: 'exclude' must be a map of keys and values",
             "campaigns/q4.yaml:13:15: error: unknown time zone 'Europe/Pari' (did you mean "
             "'Europe/Paris'?)",
             "campaigns/q4.yaml:14:11: error: campaign name 'Q4' must be lower-case letters, digits "
             "and '-', "
             "starting with a letter",
             "campaigns/q4.yaml:15:1: error: unknown key 'sendr' in the campaign file (did you mean "
             "'senders'?)"});
}

TEST_CASE("a stored version loads from its text as from its file", "[config]") {
    Project project;
    auto text = campaign::test::complete_campaign("");
    auto from_file = project.load(text);
    REQUIRE(from_file.campaign);
    auto file = project.root() / "campaigns/q4.yaml";
    auto from_text = campaign::config::load_campaign_text(text, file);
    REQUIRE(from_text.campaign);
    CHECK(from_text.campaign->templates_dir == from_file.campaign->templates_dir);
    CHECK(from_text.campaign->steps.size() == from_file.campaign->steps.size());

    auto broken = campaign::config::load_campaign_text("campaign: x\nsenders: [\n", file);
    CHECK_FALSE(broken.campaign);
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].location.file == file.string());
    CHECK(broken.diagnostics[0].location.line == 3);
}

TEST_CASE("stop rules say what a decline does and how long a pause lasts without a date", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign(""));
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK(loaded.campaign->stop.not_interested == campaign::core::DeclineRule::lost);
    CHECK(loaded.campaign->stop.out_of_office == std::chrono::days{7});
    CHECK(loaded.campaign->stop.later == std::chrono::days{30});

    loaded = project.load(campaign::test::complete_campaign(R"(stop:
  not_interested: suppress
  out_of_office: 10d
  later: 8w
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    CHECK(loaded.campaign->stop.not_interested == campaign::core::DeclineRule::suppress);
    CHECK(loaded.campaign->stop.out_of_office == std::chrono::days{10});
    CHECK(loaded.campaign->stop.later == std::chrono::weeks{8});

    CHECK(project.errors("stop:\n  not_interested: forget\n  out_of_office: 0d\n") ==
          Lines{"campaigns/q4.yaml:2:19: error: 'not_interested' must be 'lost' (the campaign ends for them) or "
                "'suppress' (no campaign reaches them again), not 'forget'",
                "campaigns/q4.yaml:3:18: error: 'out_of_office' must be longer than 0s"});
}

TEST_CASE("a campaign's hooks name a URL, the variable of their secret and what they hear of", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign(R"(hooks:
  - url: https://crm.example.com/hooks
    secret_env: CRM_HOOK_SECRET
    events: [reply, inbox]
    timeout: 5s
  - url: http://127.0.0.1:8080/hooks
    secret_env: LOCAL_SECRET
    rehearsals: true
)"));
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& hooks = loaded.campaign->hooks;
    REQUIRE(hooks.size() == 2);
    CHECK(hooks[0].url == "https://crm.example.com/hooks");
    CHECK(hooks[0].topics ==
          std::set<campaign::core::HookTopic>{campaign::core::HookTopic::reply, campaign::core::HookTopic::inbox});
    CHECK(hooks[0].timeout == std::chrono::seconds{5});
    CHECK_FALSE(hooks[0].rehearsals);
    CHECK(hooks[1].topics.size() == 4);
    CHECK(hooks[1].rehearsals);

    CHECK(project.errors(R"(hooks:
  - url: http://crm.example.com/hooks
    secret_env: whsec_123
    events: [replies]
    secret: abc
)") == Lines{"campaigns/q4.yaml:2:10: error: 'url' must start with https:// ('http://crm.example.com/hooks'): what a "
             "hook carries about prospects travels without TLS only to this machine (127.0.0.1, localhost, [::1])",
             "campaigns/q4.yaml:3:17: error: 'secret_env' names an environment variable (like CAMPAIGN_GATEWAY_KEY), "
             "not a secret itself: 'secret_env' must be upper-case letters, digits and '_'",
             "campaigns/q4.yaml:4:13: error: unknown event 'replies' (expected reply, accepted, opted_out or inbox)",
             "campaigns/q4.yaml:5:5: error: unknown key 'secret' in a hook (expected one of 'url', 'secret_env', "
             "'events', 'rehearsals', 'timeout')"});
    CHECK(project.errors("hooks: missing.yaml\n") ==
          Lines{"campaigns/q4.yaml:1:8: error: 'hooks': no such file: campaigns/missing.yaml"});
}

TEST_CASE("routing rules name the campaign's senders and the prospects they take", "[config]") {
    Project project;
    auto loaded = project.load(R"(campaign: q4
senders:
  - id: hans
    timezone: Europe/Berlin
  - id: marcus
    timezone: America/Chicago
audience:
  tags: [founders]
routing:
  - where:
      - field: location
        contains: Germany
    senders: [hans]
  - any_tags: [usa, Canada]
    senders: marcus
  - senders: [hans, marcus]
steps:
  - id: look
    type: view_profile
)");
    REQUIRE(project.lines(loaded) == Lines{});
    const auto& routing = loaded.campaign->routing;
    REQUIRE(routing.size() == 3);
    CHECK(routing[0].senders == std::vector<std::string>{"hans"});
    CHECK(routing[0].where.size() == 1);
    CHECK(routing[1].any_tags == std::vector<std::string>{"usa", "canada"});
    CHECK(routing[1].senders == std::vector<std::string>{"marcus"});
    CHECK(routing[2].where.empty());
    CHECK(routing[0].location.line == 10);
}

TEST_CASE("a routing rule's mistakes are reported where they are", "[config]") {
    Project project;
    auto lines = project.lines(project.load(R"(campaign: q4
senders:
  - id: hans
    timezone: Europe/Berlin
  - id: marcus
    timezone: America/Chicago
  - id: priya
    timezone: Asia/Kolkata
audience:
  tags: [founders]
routing:
  - senders: [hans, markus]
  - where: [{field: country, equals: US}]
    senders: [marcus]
  - tags: [vip]
  - senders: []
    town: Paris
steps:
  - id: look
    type: view_profile
)"));
    CHECK(lines == Lines{"campaigns/q4.yaml:12:3: warning: sender 'priya' is in no routing rule: it gets no prospects",
                         "campaigns/q4.yaml:12:21: error: 'markus' is not a sender of this campaign (did you mean "
                         "'marcus'?)",
                         "campaigns/q4.yaml:13:5: warning: this rule is never used: the rule at line 12 has no "
                         "condition and takes every prospect first",
                         "campaigns/q4.yaml:15:5: warning: this rule is never used: the rule at line 12 has no "
                         "condition and takes every prospect first",
                         "campaigns/q4.yaml:15:5: error: a routing rule needs 'senders': the senders that take the "
                         "prospects it matches",
                         "campaigns/q4.yaml:16:5: warning: this rule is never used: the rule at line 12 has no "
                         "condition and takes every prospect first",
                         "campaigns/q4.yaml:16:14: error: a routing rule needs at least one sender",
                         "campaigns/q4.yaml:17:5: error: unknown key 'town' in a routing rule (expected one of "
                         "'senders', 'tags', 'any_tags', 'where')"});
}

TEST_CASE("prospect hours and what invitations do once the notes run out are read, with the defaults", "[config]") {
    Project project;
    auto loaded = project.load(campaign::test::complete_campaign("prospect_hours: {from: \"08:30\", to: \"17:00\"}\n"
                                                                 "when_notes_run_out: hold\n"));
    REQUIRE(project.lines(loaded) == Lines{});
    REQUIRE(loaded.campaign->prospect_hours);
    const auto& prospect_hours = *loaded.campaign->prospect_hours;
    CHECK(prospect_hours.days == std::array<bool, 7>{false, true, true, true, true, true, false}); // Monday to Friday
    CHECK(prospect_hours.from_minute == 8 * 60 + 30);
    CHECK(prospect_hours.to_minute == 17 * 60);
    CHECK(loaded.campaign->notes_run_out == NotesRunOut::hold);
    auto plain = project.load(campaign::test::complete_campaign(""));
    CHECK_FALSE(plain.campaign->prospect_hours);
    CHECK(plain.campaign->notes_run_out == NotesRunOut::without_note);
    CHECK(project.errors("prospect_hours: {days: [], from: \"18:00\", to: \"09:00\"}\nwhen_notes_run_out: wait\n") ==
          Lines{"campaigns/q4.yaml:1:17: error: working hours must start before they end",
                "campaigns/q4.yaml:1:24: error: 'prospect_hours' needs at least one working day",
                "campaigns/q4.yaml:2:21: error: 'when_notes_run_out' must be 'without_note' (invitations go without "
                "their note) or 'hold' (they wait for next month's notes), not 'wait'"});
}
