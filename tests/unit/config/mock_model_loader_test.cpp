// The mock transport's model: the `mock:` section of a campaign and a model file of its own read the same way, with
// the defaults filling in what they leave out and every problem at its line and column.
#include <catch2/catch.hpp>

#include "config/mock_model_loader.hpp"
#include "core/mock_model.hpp"
#include "unit/config/project.hpp"

using namespace campaign::core;
using campaign::config::load_mock_model;
using campaign::test::complete_campaign;
using campaign::test::Lines;
using campaign::test::Project;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

const std::filesystem::path k_source_dir = CAMPAIGN_SOURCE_DIR;

// The example of the "Mock model" section of docs/campaigns.md.
std::string docs_mock_example() {
    auto docs = campaign::test::read_text(k_source_dir / "docs/campaigns.md");
    auto start = docs.find("```yaml\nmock:\n");
    if (start == std::string::npos) {
        throw std::runtime_error("no ```yaml example of 'mock:' in docs/campaigns.md");
    }
    start += std::string_view("```yaml\n").size();
    return docs.substr(start, docs.find("```\n", start) - start);
}

// The errors of a model file holding `yaml`.
Lines file_errors(const Project& project, std::string_view yaml) {
    project.write("mock.yaml", yaml);
    return project.lines(load_mock_model(project.root() / "mock.yaml").diagnostics);
}

void check_documented_model(const MockModel& model) {
    CHECK(model.base.accept == 0.35);
    CHECK(model.base.accept_delay == hours{30});
    CHECK(model.base.reply == 0.12);
    CHECK(model.base.reply_delay == hours{20});
    CHECK(model.base.opt_out == 0.08);
    CHECK(model.base.failure == 0.01);
    REQUIRE(model.overrides.size() == 2);
    const auto& founders = model.overrides[0];
    CHECK(founders.tags == std::vector<std::string>{"founders"});
    CHECK(founders.where.empty());
    CHECK(founders.rates.accept == 0.5);
    CHECK_FALSE(founders.rates.reply);
    CHECK_FALSE(founders.rates.accept_delay);
    const auto& vps = model.overrides[1];
    CHECK(vps.tags.empty());
    REQUIRE(vps.where.size() == 1);
    CHECK(vps.where[0].field == "title");
    CHECK(vps.where[0].test == FieldTest::contains);
    CHECK(vps.where[0].values == std::vector<std::string>{"VP"});
    CHECK(vps.rates.accept == 0.2);
    CHECK(vps.rates.reply == 0.06);
    CHECK_FALSE(vps.rates.opt_out);
}

} // namespace

TEST_CASE("the mock section of the documentation loads with every rate right", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign(docs_mock_example()));
    REQUIRE(project.lines(loaded) == Lines{});
    REQUIRE(loaded.mock_model);
    check_documented_model(*loaded.mock_model);
    CHECK(loaded.mock_model->overrides[0].location.line == 9);
}

TEST_CASE("a model file reads as the mock section does", "[config]") {
    Project project;
    auto example = docs_mock_example();
    std::string file; // the section's body, one level up
    for (std::size_t at = example.find('\n') + 1; at < example.size();) {
        auto end = example.find('\n', at);
        file += example.substr(at + 2, end - at - 2) + "\n";
        at = end + 1;
    }
    project.write("mock.yaml", file);
    auto loaded = load_mock_model(project.root() / "mock.yaml");
    REQUIRE(project.lines(loaded.diagnostics) == Lines{});
    REQUIRE(loaded.model);
    check_documented_model(*loaded.model);
}

TEST_CASE("a campaign without a mock section has no model", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign(""));
    REQUIRE(loaded.campaign);
    CHECK_FALSE(loaded.mock_model);
}

TEST_CASE("rates the model leaves out are the defaults, and tags are lower-case", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign("mock:\n  reply: 0.3\n  overrides:\n    - tags: Founders, SaaS\n"
                                                 "      reply_delay: 90m\n"));
    REQUIRE(project.lines(loaded) == Lines{});
    REQUIRE(loaded.mock_model);
    auto defaults = default_outcome_rates();
    const auto& base = loaded.mock_model->base;
    CHECK(base.accept == defaults.accept);
    CHECK(base.accept_delay == defaults.accept_delay);
    CHECK(base.reply == 0.3);
    CHECK(base.reply_delay == defaults.reply_delay);
    CHECK(base.opt_out == defaults.opt_out);
    CHECK(base.failure == defaults.failure);
    REQUIRE(loaded.mock_model->overrides.size() == 1);
    CHECK(loaded.mock_model->overrides[0].tags == std::vector<std::string>{"founders", "saas"});
    CHECK(loaded.mock_model->overrides[0].rates.reply_delay == minutes{90});
    CHECK_FALSE(loaded.mock_model->overrides[0].rates.reply);

    project.write("empty-rates.yaml", "overrides: []\n");
    auto file = load_mock_model(project.root() / "empty-rates.yaml");
    REQUIRE(file.model);
    CHECK(file.model->base.accept == defaults.accept);
    CHECK(file.model->overrides.empty());
}

TEST_CASE("rates must be probabilities and delays longer than nothing", "[config]") {
    Project project;
    CHECK(project.errors("mock:\n  accept: 1.5\n  reply: -0.1\n  opt_out: lots\n  failure: .nan\n") ==
          Lines{"campaigns/q4.yaml:2:11: error: 'accept' must be a probability between 0 and 1, not '1.5'",
                "campaigns/q4.yaml:3:10: error: 'reply' must be a probability between 0 and 1, not '-0.1'",
                "campaigns/q4.yaml:4:12: error: 'opt_out' must be a probability between 0 and 1, not 'lots'",
                "campaigns/q4.yaml:5:12: error: 'failure' must be a probability between 0 and 1, not '.nan'"});
    CHECK(project.errors("mock:\n  accept_delay: 0h\n  reply_delay: soon\n  accept: [0.3]\n") ==
          Lines{"campaigns/q4.yaml:2:17: error: 'accept_delay' must be longer than 0s",
                "campaigns/q4.yaml:3:16: error: 'reply_delay' must be a duration such as 30m, 4h, 2d or 1w, not "
                "'soon'",
                "campaigns/q4.yaml:4:11: error: 'accept' must be a single value, not a list"});
    CHECK(project.errors("mock:\n  accept: 0\n  reply: 1\n") == Lines{});
}

TEST_CASE("unknown keys of the model are reported with the key meant", "[config]") {
    Project project;
    CHECK(project.errors("mok:\n  accept: 0.3\n") ==
          Lines{"campaigns/q4.yaml:1:1: error: unknown key 'mok' in the campaign file (did you mean 'mock'?)"});
    CHECK(project.errors("mock:\n  acept: 0.3\n  overrides:\n    - tags: [founders]\n      replay: 0.2\n") ==
          Lines{"campaigns/q4.yaml:2:3: error: unknown key 'acept' in 'mock' (did you mean 'accept'?)",
                "campaigns/q4.yaml:5:7: error: unknown key 'replay' in an override (did you mean 'reply'?)"});
    CHECK(file_errors(project, "accept: 0.3\nreply_dealy: 2d\n") ==
          Lines{"mock.yaml:2:1: error: unknown key 'reply_dealy' in the mock model file (did you mean "
                "'reply_delay'?)"});
}

TEST_CASE("an override says whom it is for with tags or field filters", "[config]") {
    Project project;
    CHECK(project.errors("mock:\n  overrides:\n    - accept: 0.5\n    - tags: []\n      reply: 0.1\n") ==
          Lines{"campaigns/q4.yaml:3:7: error: an override needs 'tags' or 'where' to say which prospects it is for",
                "campaigns/q4.yaml:4:7: error: an override needs 'tags' or 'where' to say which prospects it is for"});
    CHECK(project.errors("mock:\n  overrides:\n    - where:\n        - field: title\n      accept: 0.2\n") ==
          Lines{"campaigns/q4.yaml:4:11: error: a field filter needs exactly one of 'equals', 'in', 'contains' or "
                "'exists'"});
    CHECK(project.errors("mock:\n  overrides:\n    tags: [founders]\n") ==
          Lines{"campaigns/q4.yaml:3:5: error: 'overrides' must be a list"});
    CHECK(project.errors("mock:\n  overrides:\n    - founders\n") ==
          Lines{"campaigns/q4.yaml:3:7: error: an override must be a map of keys and values"});
}

TEST_CASE("a mock section or model file that is not a map is an error", "[config]") {
    Project project;
    CHECK(project.errors("mock: yes\n") ==
          Lines{"campaigns/q4.yaml:1:7: error: 'mock' must be a map of keys and values"});
    CHECK(file_errors(project, "- accept: 0.3\n") ==
          Lines{"mock.yaml:1:1: error: the mock model file must be a map of keys and values"});
    CHECK(file_errors(project, "accept: [0.3\n") == Lines{"mock.yaml:2:1: error: end of sequence flow not found"});
    CHECK(project.lines(load_mock_model(project.root() / "missing.yaml").diagnostics) ==
          Lines{"missing.yaml: error: cannot read the file"});
}

TEST_CASE("a campaign with a bad mock section has neither campaign nor model", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign("mock:\n  accept: 2\n"));
    CHECK(project.lines(loaded).size() == 1);
    CHECK_FALSE(loaded.campaign);
    CHECK_FALSE(loaded.mock_model);
}

TEST_CASE("the ssi part of a mock model sets the pillars' start, drift, noise, quiet days and effects", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign("mock:\n"
                                                 "  accept: 0.3\n"
                                                 "  ssi:\n"
                                                 "    start: {brand: 14.5, relationships: 25}\n"
                                                 "    drift: {people: -0.01, insights: 0.02}\n"
                                                 "    noise: 0.1\n"
                                                 "    quiet_days: 0.4\n"
                                                 "    effects:\n"
                                                 "      - activity: connections_accepted\n"
                                                 "        pillar: relationships\n"
                                                 "        per: 0.05\n"
                                                 "        lag: 1d\n"
                                                 "      - activity: posts\n"
                                                 "        pillar: brand\n"
                                                 "        per: -0.1\n"
                                                 "      - activity: endorsements\n"
                                                 "        pillar: people\n"
                                                 "        per: 0\n"
                                                 "        lag: 1w\n"));
    REQUIRE(project.lines(loaded) == Lines{});
    REQUIRE(loaded.mock_model);
    CHECK(loaded.mock_model->base.accept == 0.3);
    REQUIRE(loaded.mock_model->ssi);
    const auto& ssi = *loaded.mock_model->ssi;
    SsiModel defaults;
    CHECK(ssi.start == std::array<double, 4>{14.5, defaults.start[1], defaults.start[2], 25});
    CHECK(ssi.drift == std::array<double, 4>{0, -0.01, 0.02, 0});
    CHECK(ssi.noise == 0.1);
    CHECK(ssi.quiet_days == 0.4);
    REQUIRE(ssi.effects.size() == 3);
    CHECK(ssi.effects[0].activity == Activity::connections_accepted);
    CHECK(ssi.effects[0].pillar == Measure::relationships);
    CHECK(ssi.effects[0].per == 0.05);
    CHECK(ssi.effects[0].lag_days == 1);
    CHECK(ssi.effects[0].location.line == 9);
    CHECK(ssi.effects[0].location.column == 9);
    CHECK(ssi.effects[1].activity == Activity::posts);
    CHECK(ssi.effects[1].pillar == Measure::brand);
    CHECK(ssi.effects[1].per == -0.1);
    CHECK(ssi.effects[1].lag_days == 0); // the same day unless it says
    CHECK(ssi.effects[2].lag_days == 7);
    CHECK(ssi.effects[2].per == 0);

    SECTION("without an ssi part no SSI is simulated; an empty one takes every default") {
        auto without = project.load(complete_campaign("mock:\n  accept: 0.3\n"));
        REQUIRE(without.mock_model);
        CHECK_FALSE(without.mock_model->ssi);
        auto empty = project.load(complete_campaign("mock:\n  ssi: {}\n"));
        REQUIRE(project.lines(empty) == Lines{});
        REQUIRE(empty.mock_model->ssi);
        CHECK(empty.mock_model->ssi->start == defaults.start);
        CHECK(empty.mock_model->ssi->drift == defaults.drift);
        CHECK(empty.mock_model->ssi->noise == defaults.noise);
        CHECK(empty.mock_model->ssi->quiet_days == defaults.quiet_days);
        CHECK(empty.mock_model->ssi->effects.empty());
    }
    SECTION("a model file reads its ssi part the same way") {
        project.write("mock.yaml", "ssi:\n  noise: 0.2\n  effects:\n    - {activity: likes, pillar: insights, per: "
                                   "0.01, lag: 2d}\n");
        auto file = load_mock_model(project.root() / "mock.yaml");
        REQUIRE(project.lines(file.diagnostics) == Lines{});
        REQUIRE(file.model->ssi);
        CHECK(file.model->ssi->noise == 0.2);
        REQUIRE(file.model->ssi->effects.size() == 1);
        CHECK(file.model->ssi->effects[0].activity == Activity::likes);
        CHECK(file.model->ssi->effects[0].pillar == Measure::insights);
        CHECK(file.model->ssi->effects[0].lag_days == 2);
    }
}

TEST_CASE("an SSI effect names a known activity and pillar, a change per unit and a lag of whole days", "[config]") {
    Project project;
    CHECK(project.errors("mock:\n"
                         "  ssi:\n"
                         "    effects:\n"
                         "      - activity: connection_accepted\n"
                         "        pillar: total\n"
                         "        per: 0.1\n"
                         "        lag: 12h\n"
                         "      - activity: posts\n"
                         "        pillar: brand\n"
                         "        lag: 61d\n"
                         "      - activity: post\n"
                         "        pillar: Brand\n"
                         "        per: 30\n"
                         "        lag: soon\n"
                         "      - activity: xyzzy\n"
                         "        pillar: ssi\n"
                         "        per: lots\n"
                         "        lag: 1d12h\n") ==
          Lines{"campaigns/q4.yaml:4:19: error: unknown activity 'connection_accepted'; did you mean "
                "'connections_accepted'?",
                "campaigns/q4.yaml:5:17: error: 'pillar' must be brand, people, insights or relationships, not "
                "'total'",
                "campaigns/q4.yaml:7:14: error: 'lag' must be whole days up to 60d, like 0d or 1d",
                "campaigns/q4.yaml:8:9: error: an effect needs 'per': how much each unit of the activity moves the "
                "pillar",
                "campaigns/q4.yaml:10:14: error: 'lag' must be whole days up to 60d, like 0d or 1d",
                "campaigns/q4.yaml:11:19: error: unknown activity 'post'; did you mean 'posts'?",
                "campaigns/q4.yaml:12:17: error: 'pillar' must be brand, people, insights or relationships, not "
                "'Brand'",
                "campaigns/q4.yaml:13:14: error: 'per' must be a change of a pillar per unit of activity, not '30'",
                "campaigns/q4.yaml:14:14: error: 'lag' must be a duration such as 30m, 4h, 2d or 1w, not 'soon'",
                "campaigns/q4.yaml:15:19: error: unknown activity 'xyzzy'",
                "campaigns/q4.yaml:16:17: error: 'pillar' must be brand, people, insights or relationships, not "
                "'ssi'",
                "campaigns/q4.yaml:17:14: error: 'per' must be a change of a pillar per unit of activity, not "
                "'lots'",
                "campaigns/q4.yaml:18:14: error: 'lag' must be whole days up to 60d, like 0d or 1d"});
    CHECK(project.errors("mock:\n  ssi:\n    effects:\n      - per: 0.1\n      - posts\n") ==
          Lines{"campaigns/q4.yaml:4:9: error: missing required key 'activity'",
                "campaigns/q4.yaml:4:9: error: missing required key 'pillar'",
                "campaigns/q4.yaml:5:9: error: an effect must be a map of keys and values"});
    CHECK(project.errors("mock:\n  ssi:\n    effects:\n      - {activity: posts, pillar: brand, per: 0.1, lag: 60d}\n"
                         "      - {activity: posts, pillar: brand, per: -25, lag: 0d}\n") == Lines{});
}

TEST_CASE("the ssi part's numbers are checked against their ranges, and its keys against the known ones", "[config]") {
    Project project;
    CHECK(project.errors("mock:\n"
                         "  ssi:\n"
                         "    start: {brand: 26, people: -1, insights: 25}\n"
                         "    drift: {insights: 2, relationships: -1}\n"
                         "    noise: -0.5\n"
                         "    quiet_days: 1.5\n"
                         "    effects: {activity: posts}\n") ==
          Lines{"campaigns/q4.yaml:3:20: error: 'brand' must be a pillar between 0 and 25, not '26'",
                "campaigns/q4.yaml:3:32: error: 'people' must be a pillar between 0 and 25, not '-1'",
                "campaigns/q4.yaml:4:23: error: 'insights' must be a daily change between -1 and 1, not '2'",
                "campaigns/q4.yaml:5:12: error: 'noise' must be a standard deviation between 0 and 5, not '-0.5'",
                "campaigns/q4.yaml:6:17: error: 'quiet_days' must be a probability between 0 and 1, not '1.5'",
                "campaigns/q4.yaml:7:14: error: 'effects' must be a list"});
    CHECK(project.errors("mock:\n"
                         "  ssi:\n"
                         "    strat: {brand: 3}\n"
                         "    drift: {brnd: 0.1}\n"
                         "    noise: [0.1]\n"
                         "    effects:\n"
                         "      - {activity: posts, pillar: brand, per: 0.1, lags: 1d}\n"
                         "      - {activity: posts, pillar: brand, per: 0.1, delay: 1d}\n") ==
          Lines{"campaigns/q4.yaml:3:5: error: unknown key 'strat' in 'ssi' (did you mean 'start'?)",
                "campaigns/q4.yaml:4:13: error: unknown key 'brnd' in 'drift' (did you mean 'brand'?)",
                "campaigns/q4.yaml:5:12: error: 'noise' must be a single value, not a list",
                "campaigns/q4.yaml:7:52: error: unknown key 'lags' in an effect (did you mean 'lag'?)",
                "campaigns/q4.yaml:8:52: error: unknown key 'delay' in an effect (expected one of 'activity', "
                "'pillar', 'per', 'lag')"});
    CHECK(project.errors("mock:\n  ssi: yes\n") ==
          Lines{"campaigns/q4.yaml:2:8: error: 'ssi' must be a map of keys and values"});
    CHECK(project.errors("mock:\n  ssi:\n    start: 12\n") ==
          Lines{"campaigns/q4.yaml:3:12: error: 'start' must be a map of keys and values"});
    CHECK(file_errors(project, "ssi:\n  quiet_day: 0.5\n") ==
          Lines{"mock.yaml:2:3: error: unknown key 'quiet_day' in 'ssi' (did you mean 'quiet_days'?)"});
    auto loaded = project.load(complete_campaign("mock:\n  ssi:\n    noise: 9\n"));
    CHECK(project.lines(loaded).size() == 1);
    CHECK_FALSE(loaded.campaign);
    CHECK_FALSE(loaded.mock_model);
}
