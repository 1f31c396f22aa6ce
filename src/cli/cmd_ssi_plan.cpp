// campaign ssi plan create --name N --sender S --activity A --start DAY [--weeks N] [--unit week|day] [--seed N]
//                         [--lag 1d] [--effect X] [--format table|json|csv]
// campaign ssi plan list [--sender S] [--format table|json]
// campaign ssi plan show NAME [--format table|json|csv]
// campaign ssi plan remove NAME
#include <CLI/CLI.hpp>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "core/experiment.hpp"
#include "report/cells.hpp"
#include "report/ssi_render.hpp"
#include "report/ssi_report.hpp"
#include "stats/experiment.hpp"
#include "store/experiment_store.hpp"
#include "store/ssi_store.hpp"

namespace campaign::cli {

namespace {

using Json = nlohmann::ordered_json;

// A pillar's daily change when the sender has no SSI history to measure it from: the mock's default noise.
constexpr double k_assumed_daily_sd = 0.05;
// Fewer pairs of windows than this in the history, and the noise of a pair is taken from the daily changes alone.
constexpr std::size_t k_windows_for_estimate = 10;

struct CreateArguments {
    std::string name;
    std::string sender;
    std::string activity;
    std::string start;
    int weeks = 12;
    std::string unit = "week";
    std::int64_t seed = 1;
    std::string lag = "1d";
    double effect = 0.02;
    std::string format = "table";
};

struct PlanListArguments {
    std::string sender;
    std::string format = "table";
};

struct ShowArguments {
    std::string name;
    std::string format = "table";
};

// How much a pair's difference of outcomes varies when the activity does nothing, from the sender's history.
struct Noise {
    double sd = 0;
    std::string source;
};

double sample_sd(const std::vector<double>& values) {
    double mean = 0;
    for (double v : values) {
        mean += v;
    }
    mean /= static_cast<double>(values.size());
    double squares = 0;
    for (double v : values) {
        squares += (v - mean) * (v - mean);
    }
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

// The measure's daily changes over the sender's history, a slot a day (NaN where not measured); the pair
// differences the plan would see are read from it directly: a week's mean against the next week's, or a day against
// the same weekday a week later.
Noise noise_of(const std::vector<core::SsiSnapshot>& snapshots, core::Measure measure, core::ExperimentUnit unit) {
    if (snapshots.size() < 2) {
        return {unit == core::ExperimentUnit::week ? k_assumed_daily_sd * std::sqrt(2.0 / 7)
                                                   : k_assumed_daily_sd * std::sqrt(2.0),
                "assumed: no SSI history yet"};
    }
    auto first = snapshots.front().day;
    auto days = static_cast<std::size_t>((snapshots.back().day - first).count()) + 1;
    std::vector<double> levels(days, NAN);
    for (const auto& snapshot : snapshots) {
        levels[static_cast<std::size_t>((snapshot.day - first).count())] = snapshot.value(measure);
    }
    std::vector<double> changes(days, NAN);
    std::vector<double> known;
    for (std::size_t i = 1; i < days; ++i) {
        changes[i] = levels[i] - levels[i - 1];
        if (std::isfinite(changes[i])) {
            known.push_back(changes[i]);
        }
    }
    auto mean_over = [&](std::size_t from, std::size_t length) -> std::optional<double> {
        double sum = 0;
        int measured = 0;
        for (std::size_t i = from; i < from + length && i < days; ++i) {
            if (std::isfinite(changes[i])) {
                sum += changes[i];
                ++measured;
            }
        }
        int needed = length == 1 ? 1 : report::k_changes_for_a_week;
        return measured >= needed ? std::optional(sum / measured) : std::nullopt;
    };
    std::size_t length = unit == core::ExperimentUnit::week ? 7 : 1;
    std::vector<double> differences;
    for (std::size_t t = 1; t + 7 + length <= days; ++t) {
        auto earlier = mean_over(t, length);
        auto later = mean_over(t + 7, length);
        if (earlier && later) {
            differences.push_back(*later - *earlier);
        }
    }
    if (differences.size() >= k_windows_for_estimate) {
        return {sample_sd(differences), std::to_string(snapshots.size()) + " days of SSI"};
    }
    if (known.size() >= 2) {
        double daily = sample_sd(known);
        return {unit == core::ExperimentUnit::week ? daily * std::sqrt(2.0 / 7) : daily * std::sqrt(2.0),
                std::to_string(snapshots.size()) + " days of SSI, days taken as independent"};
    }
    return {unit == core::ExperimentUnit::week ? k_assumed_daily_sd * std::sqrt(2.0 / 7)
                                               : k_assumed_daily_sd * std::sqrt(2.0),
            "assumed: too little SSI history"};
}

std::string how_to_follow(const core::Experiment& experiment) {
    auto types = core::action_types_of(experiment.activity);
    std::string noun(core::plural_noun(experiment.activity));
    if (types.empty()) {
        return "Follow it by hand: " + noun + " only in the on " + std::string(core::to_string(experiment.unit)) +
               "s, none in the off ones, and import them with 'campaign activity import'.";
    }
    return "Campaigns of " + experiment.sender + " send " + noun + " only in its on " +
           std::string(core::to_string(experiment.unit)) +
           "s (a campaign file's 'experiments: ignore' opts out); do "
           "none of them by hand in the off ones.";
}

std::vector<Row> period_rows(const core::Experiment& experiment) {
    constexpr std::array<const char*, 7> k_weekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};
    std::vector<Row> rows;
    for (const auto& period : experiment.periods) {
        rows.push_back(
            {std::to_string(period.pair + 1), core::format_day(period.first), core::format_day(period.last()),
             period.days == 1 ? k_weekdays[static_cast<std::size_t>(core::weekday_index(period.first))] : "week",
             period.on ? "on" : "off"});
    }
    return rows;
}

void print_periods_csv(std::ostream& out, const core::Experiment& experiment) {
    print_csv_row(out, {"experiment", "sender", "activity", "pair", "first_day", "last_day", "arm"});
    for (const auto& period : experiment.periods) {
        print_csv_row(out, {experiment.name, experiment.sender, std::string(core::to_string(experiment.activity)),
                            std::to_string(period.pair + 1), core::format_day(period.first),
                            core::format_day(period.last()), period.on ? "on" : "off"});
    }
}

std::string heading(const core::Experiment& experiment) {
    std::size_t pairs = 0;
    for (const auto& period : experiment.periods) {
        pairs = std::max(pairs, static_cast<std::size_t>(period.pair) + 1);
    }
    return "Experiment '" + experiment.name + "' for " + experiment.sender + ": " +
           std::string(core::plural_noun(experiment.activity)) + " on or off, " + std::to_string(pairs) + " pairs of " +
           std::string(core::to_string(experiment.unit)) + "s, " + core::format_day(experiment.start) + " to " +
           core::format_day(experiment.end()) + " (" + std::to_string(experiment.weeks) + " weeks, seed " +
           std::to_string(experiment.seed) + "); outcomes " + std::to_string(experiment.lag_days) +
           (experiment.lag_days == 1 ? " day" : " days") + " later";
}

int create_plan(Context& context, const CreateArguments& arguments) {
    auto activity = core::parse_activity(arguments.activity);
    if (!activity) {
        throw core::UserError("error: --activity '" + arguments.activity +
                              "' is not an activity: profile_views, connection_requests, connections_accepted, "
                              "messages_sent, replies_received, posts, comments, likes, follows or endorsements");
    }
    if (*activity == core::Activity::connections_accepted || *activity == core::Activity::replies_received) {
        throw core::UserError("error: --activity " + arguments.activity +
                              ": prospects decide those, not the sender, so they cannot be switched on and off");
    }
    if (arguments.weeks <= 0 || arguments.weeks % 2 != 0) {
        throw core::UserError("error: --weeks " + std::to_string(arguments.weeks) +
                              ": an experiment runs for an even number of weeks, as it pairs them");
    }
    auto lag = core::parse_duration(arguments.lag);
    if (!lag || *lag % std::chrono::days{1} != core::Duration::zero() || lag->count() < 0) {
        throw core::UserError("error: --lag '" + arguments.lag + "' is not a whole number of days (0d, 1d, 2d, ...)");
    }
    if (arguments.seed < 0) {
        throw core::UserError("error: --seed must be 0 or more");
    }
    core::Experiment experiment;
    experiment.name = arguments.name;
    experiment.sender = arguments.sender;
    experiment.activity = *activity;
    experiment.unit = *core::parse_experiment_unit(arguments.unit);
    experiment.start = day_option("--start", arguments.start);
    experiment.weeks = arguments.weeks;
    experiment.seed = static_cast<std::uint64_t>(arguments.seed);
    experiment.lag_days = static_cast<int>(std::chrono::duration_cast<std::chrono::days>(*lag).count());
    experiment.periods = core::plan_periods(experiment.unit, experiment.start, experiment.weeks, experiment.seed);

    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::ExperimentStore(database).add(experiment, context.clock.now());

    // The power the plan will have, for each pillar, from the noise of the sender's own history.
    auto snapshots = store::SsiStore(database).snapshots(experiment.sender);
    std::size_t pairs = experiment.unit == core::ExperimentUnit::week
                            ? static_cast<std::size_t>(experiment.weeks / 2)
                            : static_cast<std::size_t>(7 * experiment.weeks / 2);
    std::vector<Row> power_rows;
    Json power = Json::array();
    for (auto measure : core::k_measures) {
        auto noise = noise_of(snapshots, measure, experiment.unit);
        double reach = stats::paired_power(arguments.effect, noise.sd, pairs);
        auto needed = stats::pairs_for_power(arguments.effect, noise.sd);
        auto needed_text = needed ? std::to_string(*needed) : std::string("over 1000");
        power_rows.push_back({std::string(core::to_string(measure)), report::fixed(noise.sd, 4), noise.source,
                              std::isnan(reach) ? std::string("–") : report::fixed(reach, 2), needed_text});
        power.push_back({{"pillar", core::to_string(measure)},
                         {"pair_sd", noise.sd},
                         {"source", noise.source},
                         {"power", std::isnan(reach) ? Json(nullptr) : Json(reach)},
                         {"pairs_for_80_percent", needed ? Json(*needed) : Json(nullptr)}});
    }
    if (arguments.format == "json") {
        auto json = report::experiment_json(experiment);
        json["effect"] = arguments.effect;
        json["pairs"] = pairs;
        json["power"] = std::move(power);
        context.out << json.dump(2) << '\n';
        return k_ok;
    }
    if (arguments.format == "csv") {
        print_periods_csv(context.out, experiment);
        return k_ok;
    }
    context.out << heading(experiment) << ".\n" << how_to_follow(experiment) << "\n\n";
    print_table(context.out, {"pair", "from", "to", "period", "arm"}, period_rows(experiment));
    context.out << "\nPower to find " << (arguments.effect > 0 ? "+" : "") << report::fixed(arguments.effect, 3)
                << " a day in a pillar's mean daily change between on and off " << core::to_string(experiment.unit)
                << "s (paired t-test, two-sided, 5%), with " << pairs << " pairs:\n";
    print_table(context.out, {"pillar", "sd of a pair's difference", "from", "power", "pairs for 80%"}, power_rows);
    return k_ok;
}

int list_plans(Context& context, const PlanListArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto experiments = store::ExperimentStore(database).list(
        arguments.sender.empty() ? std::nullopt : std::optional<std::string>(arguments.sender));
    if (arguments.format == "json") {
        Json json = Json::array();
        for (const auto& experiment : experiments) {
            json.push_back(report::experiment_json(experiment));
        }
        context.out << json.dump(2) << '\n';
        return k_ok;
    }
    if (experiments.empty()) {
        context.out << "No experiment yet: 'campaign ssi plan create' makes one.\n";
        return k_ok;
    }
    std::vector<Row> rows;
    for (const auto& experiment : experiments) {
        rows.push_back({experiment.name, experiment.sender, std::string(core::to_string(experiment.activity)),
                        std::string(core::to_string(experiment.unit)), core::format_day(experiment.start),
                        core::format_day(experiment.end()), std::to_string(experiment.seed)});
    }
    print_table(context.out, {"name", "sender", "activity", "unit", "start", "end", "seed"}, rows);
    return k_ok;
}

core::Experiment need_plan(store::Database& database, const std::string& name) {
    auto experiment = store::ExperimentStore(database).find(name);
    if (!experiment) {
        throw core::UserError("error: no experiment named '" + name + "' (campaign ssi plan list shows them)");
    }
    return *experiment;
}

int show_plan(Context& context, const ShowArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto experiment = need_plan(database, arguments.name);
    if (arguments.format == "json") {
        context.out << report::experiment_json(experiment).dump(2) << '\n';
    } else if (arguments.format == "csv") {
        print_periods_csv(context.out, experiment);
    } else {
        context.out << heading(experiment) << ".\n" << how_to_follow(experiment) << "\n\n";
        print_table(context.out, {"pair", "from", "to", "period", "arm"}, period_rows(experiment));
    }
    return k_ok;
}

int remove_plan(Context& context, const std::string& name) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    need_plan(database, name);
    store::ExperimentStore(database).remove(name);
    context.out << "removed the experiment '" << name << "': campaigns no longer follow it\n";
    return k_ok;
}

} // namespace

void add_ssi_plan_command(CLI::App& ssi, Context& context) {
    auto* plan = ssi.add_subcommand("plan", "A randomized activity experiment: which weeks or days are on and off");
    set_examples(*plan, {"campaign ssi plan create --name invites --sender alice --activity connection_requests "
                         "--start 2027-01-04 --weeks 12",
                         "campaign ssi plan show invites --format csv", "campaign ssi plan list"});
    plan->require_subcommand(1);

    auto* create = plan->add_subcommand("create", "Draw a plan, record it in the CRM and show its power");
    set_examples(*create, {"campaign ssi plan create --name invites --sender alice --activity connection_requests "
                           "--start 2027-01-04 --weeks 12",
                           "campaign ssi plan create --name posting --sender alice --activity posts --unit day "
                           "--start 2027-01-04 --weeks 8 --lag 2d --effect 0.05"});
    auto created = std::make_shared<CreateArguments>();
    create->add_option("--name", created->name, "What to call it")->required();
    create->add_option("--sender", created->sender, "Whose activity")->required();
    create
        ->add_option("--activity", created->activity,
                     "What is switched on and off: connection_requests, messages_sent, profile_views, follows, "
                     "likes, endorsements (campaigns follow the plan), posts or comments (by hand)")
        ->required();
    create->add_option("--start", created->start, "The first day, YYYY-MM-DD, on the sender's calendar")->required();
    create->add_option("--weeks", created->weeks, "How long, an even number of weeks (default: 12)");
    create
        ->add_option("--unit", created->unit,
                     "week (default): pairs of weeks, one on, one off; or day: each weekday's two days of a "
                     "fortnight, one on, one off")
        ->check(CLI::IsMember({"week", "day"}));
    create->add_option("--seed", created->seed, "The coins' seed: the same seed draws the same plan (default: 1)");
    create->add_option("--lag", created->lag,
                       "How long an effect takes to show: each period's outcome is measured that much later "
                       "(default: 1d)");
    create->add_option("--effect", created->effect,
                       "The effect to find, in points a day of a pillar's mean daily change, for the power "
                       "(default: 0.02)");
    create->add_option("--format", created->format, "table (default), json, or csv (the periods, one a row)")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    on_run(*create, context, [&context, created] { return create_plan(context, *created); });

    auto* list = plan->add_subcommand("list", "The experiments in the CRM");
    set_examples(*list, {"campaign ssi plan list", "campaign ssi plan list --sender alice --format json"});
    auto listed = std::make_shared<PlanListArguments>();
    list->add_option("--sender", listed->sender, "Only this sender's");
    list->add_option("--format", listed->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
    on_run(*list, context, [&context, listed] { return list_plans(context, *listed); });

    auto* show = plan->add_subcommand("show", "One experiment's periods, on and off");
    set_examples(*show, {"campaign ssi plan show invites", "campaign ssi plan show invites --format csv"});
    auto shown = std::make_shared<ShowArguments>();
    show->add_option("NAME", shown->name, "The experiment")->required();
    show->add_option("--format", shown->format, "table (default), json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    on_run(*show, context, [&context, shown] { return show_plan(context, *shown); });

    auto* remove = plan->add_subcommand("remove", "Delete an experiment: campaigns stop following it");
    set_examples(*remove, {"campaign ssi plan remove invites", "campaign ssi plan remove posting"});
    auto removed = std::make_shared<std::string>();
    remove->add_option("NAME", *removed, "The experiment")->required();
    on_run(*remove, context, [&context, removed] { return remove_plan(context, *removed); });
}

} // namespace campaign::cli
