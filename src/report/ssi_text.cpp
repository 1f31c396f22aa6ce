// The SSI-impact report's tables, and the report as text: aligned tables for a terminal, or Markdown.
#include <cmath>

#include "report/cells.hpp"
#include "report/ssi_render.hpp"

namespace campaign::report {

namespace {

constexpr const char* k_none = "–";

std::string signed_fixed(double value, int decimals) {
    return (value > 0 ? "+" : "") + fixed(value, decimals);
}

std::string interval_text(const std::optional<stats::Interval>& interval, int decimals) {
    if (!interval) {
        return k_none;
    }
    return "[" + fixed(interval->low, decimals) + ", " + fixed(interval->high, decimals) + "]";
}

// p- and q-values: three decimals, then "<0.001".
std::string p_text(double p) {
    if (std::isnan(p)) {
        return k_none;
    }
    return p < 0.001 ? "<0.001" : fixed(p, 3);
}

// Effects on a pillar are hundredths of a point per action: four decimals.
std::string effect_text(const stats::Coefficient& coefficient) {
    return signed_fixed(coefficient.estimate, 4) + " ±" + fixed(coefficient.standard_error, 4);
}

std::string rank_text(const std::optional<int>& rank) {
    return rank ? "top " + std::to_string(*rank) + "%" : std::string(k_none);
}

bool shows(SsiSection wanted, SsiSection part) {
    return wanted == SsiSection::all || wanted == part;
}

std::string title(const SsiReport& report) {
    return "SSI report: " + ssi_scope_text(report);
}

void write_parts(const SsiReport& report, SsiSection section, const Writer& writer) {
    bool several = report.senders.size() > 1;
    if (report.senders.empty()) {
        writer.sentence(no_ssi_text(report));
        return;
    }
    if (shows(section, SsiSection::trend)) {
        for (const auto& sender : report.senders) {
            writer.heading("SSI of " + sender_heading(sender));
            writer.table(trend_table(sender));
            if (!sender.activities.empty()) {
                writer.table(activity_table(sender));
            }
            for (const auto& note : sender.notes) {
                writer.sentence("Note: " + note + ".");
            }
        }
    }
    if (shows(section, SsiSection::correlations)) {
        writer.heading("Associations (Spearman q < " + fixed(report.options.q_threshold, 2) + ")");
        if (report.significant.empty()) {
            writer.sentence(report.correlations.empty()
                                ? "Nothing to test yet."
                                : "None of the " + std::to_string(report.correlations.size()) +
                                      " correlations survives the false-discovery cut: no activity is followed by a "
                                      "change in a pillar that chance would not explain.");
        }
        for (auto index : report.significant) {
            writer.sentence(describe(report.correlations[index], several, report.options.inference) + ".");
        }
        if (!report.correlations.empty() && section == SsiSection::all) {
            writer.heading("The strongest lag of each activity and pillar");
            writer.sentence("--section correlations, or --format csv or json, gives every lag.");
            writer.table(correlation_table(report, true));
        } else if (!report.correlations.empty()) {
            writer.heading("Every correlation of daily activity with the next days' change");
            writer.table(correlation_table(report, false));
        }
    }
    if (section == SsiSection::regressions && report.regressions.empty()) {
        writer.sentence("No regression: it needs " + std::to_string(k_days_for_regression) +
                        " days of snapshots and an activity done on at least " +
                        std::to_string(k_active_days_for_regression) + " of them.");
    }
    if (shows(section, SsiSection::regressions) && !report.regressions.empty()) {
        writer.heading("Distributed-lag regressions (lags 0 to " + std::to_string(k_regression_lags) +
                       (report.options.inference == SsiInference::plain
                            ? " days, Newey-West errors)"
                            : " days, errors taken as an autoregression: feasible GLS)"));
        writer.table(regression_table(report));
    }
    if (section == SsiSection::granger && report.granger.empty()) {
        writer.sentence("No Granger test: it needs " + std::to_string(k_days_for_granger) +
                        " days of snapshots and an activity done on at least " +
                        std::to_string(k_active_days_for_regression) + " of them.");
    }
    if (shows(section, SsiSection::experiments) && !report.experiments.empty()) {
        writer.heading("Randomized experiments");
        writer.sentence("Each pair of periods had one on and one off by the plan's coin, so a difference between them "
                        "is the activity's doing or chance, and the randomization test says how likely chance is.");
        for (const auto& result : report.experiment_results) {
            if (result.measure != core::Measure::total) {
                writer.sentence(describe(result, report.experiments[result.experiment]) + ".");
            }
        }
        writer.table(experiment_table(report));
    } else if (section == SsiSection::experiments) {
        writer.sentence("No experiment: 'campaign ssi plan' makes one.");
    }
    if (shows(section, SsiSection::granger) && !report.granger.empty()) {
        writer.heading(report.options.inference == SsiInference::plain
                           ? "Granger tests (" + std::to_string(k_granger_lags) + " days of past)"
                           : "Granger tests (days of past chosen by AIC)");
        writer.sentence("A small q means the activity's past helps predict the pillar's change beyond the pillar's "
                        "own past: predictive precedence, not proof that the activity causes it.");
        writer.table(granger_table(report));
    }
}

} // namespace

std::string sender_heading(const SenderSsi& sender) {
    auto days = sender.snapshot_count;
    return sender.sender + ", " + core::format_day(sender.first) + " to " + core::format_day(sender.last) + " (" +
           std::to_string(days) + (days == 1 ? " day" : " days") + " recorded)";
}

std::string no_ssi_text(const SsiReport& report) {
    if (report.recorded_days) {
        return "No SSI recorded in this period; the SSI recorded runs from " +
               core::format_day(report.recorded_days->first) + " to " + core::format_day(report.recorded_days->second) +
               " (--since and --until choose the period).";
    }
    return "No SSI recorded in this period: record it with 'campaign ssi record', import it with 'campaign ssi "
           "import', or run a campaign whose mock model simulates it.";
}

std::string ssi_scope_text(const SsiReport& report) {
    const auto& options = report.options;
    std::string text = options.sender ? "sender " + *options.sender : "all senders";
    if (options.since || options.until) {
        text += ", " + (options.since ? core::format_day(*options.since) : std::string("the start")) + " to " +
                (options.until ? core::format_day(*options.until) : std::string("the latest"));
    }
    text += ", lags 0 to " + std::to_string(options.max_lag) + " days, ";
    text += options.weekday_adjust ? "weekday means removed" : "no weekday adjustment";
    text += options.inference == SsiInference::plain ? ", plain tests" : ", prewhitened";
    return text;
}

TextTable trend_table(const SenderSsi& sender) {
    TextTable table{{"pillar", "first", "last", "change", "low", "high", "unchanged days", "days at 25"}, {}};
    for (const auto& trend : sender.trends) {
        bool pillar = trend.measure != core::Measure::total;
        table.rows.push_back({std::string(core::display_name(trend.measure)), fixed(trend.first, 2),
                              fixed(trend.last, 2), signed_fixed(trend.last - trend.first, 2), fixed(trend.low, 2),
                              fixed(trend.high, 2),
                              std::to_string(trend.unchanged) + " of " + std::to_string(trend.changes),
                              pillar ? std::to_string(trend.days_at_cap) : std::string(k_none)});
    }
    const auto& first = sender.snapshots.front();
    const auto& last = sender.snapshots.back();
    table.rows.push_back(
        {"industry rank", rank_text(first.industry_rank), rank_text(last.industry_rank), "", "", "", "", ""});
    table.rows.push_back(
        {"network rank", rank_text(first.network_rank), rank_text(last.network_rank), "", "", "", "", ""});
    return table;
}

TextTable activity_table(const SenderSsi& sender) {
    TextTable table{{"activity", "total", "active days", "per day"}, {}};
    for (const auto& activity : sender.activities) {
        table.rows.push_back({std::string(core::to_string(activity.activity)), count_text(activity.total),
                              std::to_string(activity.active_days) + " of " + std::to_string(sender.days()),
                              fixed(static_cast<double>(activity.total) / static_cast<double>(sender.days()), 1)});
    }
    return table;
}

TextTable correlation_table(const SsiReport& report, bool strongest_only) {
    TextTable table{{"sender", "pillar", "activity", "lag", "n", "spearman", "95% interval", "p", "q", "pearson",
                     "95% interval", "p", "q"},
                    {}};
    const auto& rows = report.correlations;
    // The rows of one sender, measure and activity follow each other, a lag a row.
    for (std::size_t start = 0; start < rows.size();) {
        std::size_t end = start;
        std::size_t best = start;
        for (; end < rows.size() && rows[end].sender == rows[start].sender &&
               rows[end].measure == rows[start].measure && rows[end].activity == rows[start].activity;
             ++end) {
            if (rows[end].spearman.p_value < rows[best].spearman.p_value) {
                best = end;
            }
        }
        for (std::size_t i = strongest_only ? best : start; i < (strongest_only ? best + 1 : end); ++i) {
            const auto& row = rows[i];
            table.rows.push_back(
                {row.sender, std::string(core::to_string(row.measure)), std::string(core::to_string(row.activity)),
                 std::to_string(row.lag) + "d", std::to_string(row.spearman.n), signed_fixed(row.spearman.r, 3),
                 interval_text(row.spearman.interval, 2), p_text(row.spearman.p_value), p_text(row.spearman_q),
                 signed_fixed(row.pearson.r, 3), interval_text(row.pearson.interval, 2), p_text(row.pearson.p_value),
                 p_text(row.pearson_q)});
        }
        start = end;
    }
    return table;
}

TextTable regression_table(const SsiReport& report) {
    TextTable table{{"sender", "pillar", "activity", "n", "HAC lag", "cumulative effect", "95% interval", "p",
                     "largest lag", "its effect"},
                    {}};
    for (const auto& row : report.regressions) {
        const auto& model = row.model;
        std::size_t largest = 0;
        for (std::size_t k = 1; k < model.lags.size(); ++k) {
            if (std::fabs(model.lags[k].t) > std::fabs(model.lags[largest].t)) {
                largest = k;
            }
        }
        table.rows.push_back({row.sender, std::string(core::to_string(row.measure)),
                              std::string(core::to_string(row.activity)), std::to_string(model.n),
                              std::to_string(model.hac_lags), effect_text(model.cumulative),
                              interval_text(model.cumulative.interval, 4), p_text(model.cumulative.p_value),
                              std::to_string(largest) + "d", effect_text(model.lags[largest])});
    }
    return table;
}

TextTable granger_table(const SsiReport& report) {
    TextTable table{{"sender", "pillar", "activity", "n", "F", "df", "p", "q"}, {}};
    for (const auto& row : report.granger) {
        table.rows.push_back({row.sender, std::string(core::to_string(row.measure)),
                              std::string(core::to_string(row.activity)), std::to_string(row.test.n),
                              fixed(row.test.f, 3),
                              std::to_string(row.test.df_num) + ", " + std::to_string(row.test.df_den),
                              p_text(row.test.p_value), p_text(row.q)});
    }
    return table;
}

TextTable experiment_table(const SsiReport& report) {
    TextTable table{
        {"sender", "experiment", "pillar", "activity", "pairs", "on", "off", "difference", "95% interval", "p", "test"},
        {}};
    for (const auto& row : report.experiment_results) {
        const auto& experiment = report.experiments[row.experiment];
        std::string pairs = (row.effect ? std::to_string(row.effect->pairs) : std::string("0")) + " of " +
                            std::to_string(row.pairs_planned) + " " + std::string(core::to_string(experiment.unit)) +
                            "s";
        if (!row.effect) {
            table.rows.push_back({experiment.sender, experiment.name, std::string(core::to_string(row.measure)),
                                  std::string(core::to_string(experiment.activity)), pairs, k_none, k_none, k_none,
                                  k_none, k_none, k_none});
            continue;
        }
        const auto& effect = *row.effect;
        table.rows.push_back({experiment.sender, experiment.name, std::string(core::to_string(row.measure)),
                              std::string(core::to_string(experiment.activity)), pairs, signed_fixed(effect.mean_on, 4),
                              signed_fixed(effect.mean_off, 4), signed_fixed(effect.difference, 4),
                              interval_text(effect.interval, 4), p_text(effect.p_value),
                              effect.exact ? "exact" : std::to_string(effect.assignments) + " draws"});
    }
    return table;
}

void write_ssi_table(std::ostream& out, const SsiReport& report, SsiSection section) {
    write_parts(report, section, terminal_writer(out, title(report), report.rehearsal_of));
}

void write_ssi_markdown(std::ostream& out, const SsiReport& report, SsiSection section) {
    write_parts(report, section, markdown_writer(out, title(report), report.rehearsal_of));
}

std::optional<SsiSection> parse_ssi_section(std::string_view name) {
    constexpr std::array<std::pair<std::string_view, SsiSection>, 6> k_sections{
        {{"all", SsiSection::all},
         {"trend", SsiSection::trend},
         {"correlations", SsiSection::correlations},
         {"regressions", SsiSection::regressions},
         {"granger", SsiSection::granger},
         {"experiments", SsiSection::experiments}}};
    for (auto [text, section] : k_sections) {
        if (text == name) {
            return section;
        }
    }
    return std::nullopt;
}

} // namespace campaign::report
