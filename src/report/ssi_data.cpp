// The SSI-impact report for other programs: JSON with every number under a stable name, and CSV, one table a section.
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/table.hpp"
#include "report/ssi_render.hpp"

namespace campaign::report {

namespace {

using Json = nlohmann::ordered_json;

// NaN and infinities are not JSON: an undefined number is null.
Json number(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json optional_number(const std::optional<double>& value) {
    return value ? number(*value) : Json(nullptr);
}

Json optional_rank(const std::optional<int>& rank) {
    return rank ? Json(*rank) : Json(nullptr);
}

Json interval_json(const std::optional<stats::Interval>& interval) {
    if (!interval) {
        return nullptr;
    }
    return Json::array({number(interval->low), number(interval->high)});
}

Json correlation_json(const stats::Correlation& correlation, double q) {
    return {{"r", number(correlation.r)},
            {"p", number(correlation.p_value)},
            {"q", number(q)},
            {"ci", interval_json(correlation.interval)},
            {"effective_n", number(correlation.tested_n)}};
}

Json coefficient_json(const stats::Coefficient& coefficient) {
    return {{"estimate", number(coefficient.estimate)},
            {"standard_error", number(coefficient.standard_error)},
            {"t", number(coefficient.t)},
            {"p", number(coefficient.p_value)},
            {"ci", Json::array({number(coefficient.interval.low), number(coefficient.interval.high)})}};
}

Json sender_json(const SenderSsi& sender) {
    Json trend = Json::array();
    for (const auto& row : sender.trends) {
        trend.push_back({{"pillar", core::to_string(row.measure)},
                         {"first", number(row.first)},
                         {"last", number(row.last)},
                         {"change", number(row.last - row.first)},
                         {"low", number(row.low)},
                         {"high", number(row.high)},
                         {"changes", row.changes},
                         {"unchanged", row.unchanged},
                         {"days_at_cap", row.days_at_cap}});
    }
    Json activities = Json::array();
    for (const auto& activity : sender.activities) {
        activities.push_back({{"activity", core::to_string(activity.activity)},
                              {"total", activity.total},
                              {"active_days", activity.active_days}});
    }
    Json series = Json::array();
    for (const auto& snapshot : sender.snapshots) {
        Json day{{"date", core::format_day(snapshot.day)}};
        for (auto measure : core::k_measures) {
            day[std::string(core::to_string(measure))] = number(snapshot.value(measure));
        }
        day["industry_rank"] = optional_rank(snapshot.industry_rank);
        day["network_rank"] = optional_rank(snapshot.network_rank);
        day["industry_average"] = optional_number(snapshot.industry_average);
        day["network_average"] = optional_number(snapshot.network_average);
        day["source"] = snapshot.source;
        series.push_back(std::move(day));
    }
    return {{"sender", sender.sender},
            {"first_day", core::format_day(sender.first)},
            {"last_day", core::format_day(sender.last)},
            {"days", sender.days()},
            {"snapshots", sender.snapshot_count},
            {"analyses",
             {{"correlations", sender.correlated}, {"regressions", sender.regressed}, {"granger", sender.granger}}},
            {"notes", sender.notes},
            {"trend", std::move(trend)},
            {"activities", std::move(activities)},
            {"series", std::move(series)}};
}

Json correlation_row(const LaggedCorrelation& row) {
    return {{"sender", row.sender},
            {"pillar", core::to_string(row.measure)},
            {"activity", core::to_string(row.activity)},
            {"lag", row.lag},
            {"n", row.spearman.n},
            {"whitening_order", row.whitening_order},
            {"spearman", correlation_json(row.spearman, row.spearman_q)},
            {"pearson", correlation_json(row.pearson, row.pearson_q)}};
}

Json regression_row(const LagRegression& row) {
    Json lags = Json::array();
    for (std::size_t k = 0; k < row.model.lags.size(); ++k) {
        auto coefficient = coefficient_json(row.model.lags[k]);
        coefficient["lag"] = k;
        lags.push_back(std::move(coefficient));
    }
    return {{"sender", row.sender},
            {"pillar", core::to_string(row.measure)},
            {"activity", core::to_string(row.activity)},
            {"n", row.model.n},
            {"hac_lags", row.model.hac_lags},
            {"residual_df", row.model.residual_df},
            {"constant", coefficient_json(row.model.constant)},
            {"lags", std::move(lags)},
            {"cumulative", coefficient_json(row.model.cumulative)}};
}

Json experiment_result_json(const SsiReport& report, const ExperimentResult& row) {
    const auto& experiment = report.experiments[row.experiment];
    Json result = {{"experiment", experiment.name},
                   {"sender", experiment.sender},
                   {"pillar", core::to_string(row.measure)},
                   {"pairs_planned", row.pairs_planned},
                   {"sentence", describe(row, experiment)}};
    if (!row.effect) {
        result["pairs"] = 0;
        result["effect"] = nullptr;
        return result;
    }
    const auto& effect = *row.effect;
    result["pairs"] = effect.pairs;
    result["effect"] = {{"on", number(effect.mean_on)},
                        {"off", number(effect.mean_off)},
                        {"difference", number(effect.difference)},
                        {"standard_error", number(effect.standard_error)},
                        {"ci", interval_json(effect.interval)},
                        {"p", number(effect.p_value)},
                        {"exact", effect.exact},
                        {"assignments", effect.assignments}};
    return result;
}

Json granger_row(const GrangerResult& row) {
    return {{"sender", row.sender},
            {"pillar", core::to_string(row.measure)},
            {"activity", core::to_string(row.activity)},
            {"n", row.test.n},
            {"lags", row.test.lags},
            {"f", number(row.test.f)},
            {"df_num", row.test.df_num},
            {"df_den", row.test.df_den},
            {"p", number(row.test.p_value)},
            {"q", number(row.q)}};
}

// One top-level object written a member at a time, and an array member an element at a time, laid out as
// Json::dump(2) would lay out the whole: a report over thousands of senders is never one document in memory.
class StreamedObject {
public:
    explicit StreamedObject(std::ostream& out) : m_out(out) { m_out << '{'; }
    ~StreamedObject() { m_out << (m_empty ? "}\n" : "\n}\n"); }
    StreamedObject(const StreamedObject&) = delete;
    StreamedObject& operator=(const StreamedObject&) = delete;

    void member(const std::string& key, const Json& value) {
        begin(key);
        m_out << indented(value.dump(2), 2);
    }

    template <typename Items, typename ToJson>
    void array(const std::string& key, const Items& items, ToJson to_json) {
        begin(key);
        m_out << '[';
        bool first = true;
        for (const auto& item : items) {
            m_out << (first ? "\n    " : ",\n    ") << indented(to_json(item).dump(2), 4);
            first = false;
        }
        m_out << (first ? "]" : "\n  ]");
    }

private:
    void begin(const std::string& key) {
        m_out << (m_empty ? "\n  " : ",\n  ") << Json(key).dump() << ": ";
        m_empty = false;
    }

    static std::string indented(const std::string& text, std::size_t by) {
        std::string result;
        result.reserve(text.size());
        for (char c : text) {
            result += c;
            if (c == '\n') {
                result.append(by, ' ');
            }
        }
        return result;
    }

    std::ostream& m_out;
    bool m_empty = true;
};

bool shows(SsiSection wanted, SsiSection part) {
    return wanted == SsiSection::all || wanted == part;
}

std::string cell(double value) {
    if (!std::isfinite(value)) {
        return "";
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

std::string low(const std::optional<stats::Interval>& interval) {
    return interval ? cell(interval->low) : "";
}

std::string high(const std::optional<stats::Interval>& interval) {
    return interval ? cell(interval->high) : "";
}

} // namespace

nlohmann::ordered_json experiment_json(const core::Experiment& experiment) {
    Json periods = Json::array();
    for (const auto& period : experiment.periods) {
        periods.push_back({{"pair", period.pair},
                           {"first_day", core::format_day(period.first)},
                           {"last_day", core::format_day(period.last())},
                           {"days", period.days},
                           {"arm", period.on ? "on" : "off"}});
    }
    return {{"name", experiment.name},
            {"sender", experiment.sender},
            {"activity", core::to_string(experiment.activity)},
            {"unit", core::to_string(experiment.unit)},
            {"start", core::format_day(experiment.start)},
            {"end", core::format_day(experiment.end())},
            {"weeks", experiment.weeks},
            {"seed", experiment.seed},
            {"lag_days", experiment.lag_days},
            {"periods", std::move(periods)}};
}

void write_ssi_json(std::ostream& out, const SsiReport& report, SsiSection section) {
    const auto& options = report.options;
    StreamedObject json(out);
    json.member("report", "ssi");
    json.member("rehearsal", report.rehearsal_of ? Json{{"copy_of", *report.rehearsal_of}} : Json(nullptr));
    json.member("recorded_days", report.recorded_days ? Json{{"first", core::format_day(report.recorded_days->first)},
                                                             {"last", core::format_day(report.recorded_days->second)}}
                                                      : Json(nullptr));
    json.member("scope",
                {{"sender", options.sender ? Json(*options.sender) : Json(nullptr)},
                 {"since", options.since ? Json(core::format_day(*options.since)) : Json(nullptr)},
                 {"until", options.until ? Json(core::format_day(*options.until)) : Json(nullptr)},
                 {"max_lag", options.max_lag},
                 {"adjust", options.weekday_adjust ? "weekday" : "none"},
                 {"inference", inference_name(options.inference)},
                 {"q_threshold", options.q_threshold},
                 {"regression_lags", k_regression_lags},
                 {"granger_lags", options.inference == SsiInference::plain ? Json(k_granger_lags) : Json("aic")}});
    if (shows(section, SsiSection::trend)) {
        json.array("senders", report.senders, sender_json);
    }
    if (shows(section, SsiSection::correlations)) {
        json.array("significant", report.significant, [&report](std::size_t index) {
            auto row = correlation_row(report.correlations[index]);
            row["sentence"] = describe(report.correlations[index], report.senders.size() > 1, report.options.inference);
            return row;
        });
        json.array("correlations", report.correlations, correlation_row);
        json.member("undefined_correlations", report.undefined_correlations);
    }
    if (shows(section, SsiSection::regressions)) {
        json.array("regressions", report.regressions, regression_row);
    }
    if (shows(section, SsiSection::granger)) {
        json.array("granger", report.granger, granger_row);
    }
    if (shows(section, SsiSection::experiments)) {
        json.array("experiments", report.experiments, experiment_json);
        json.array("experiment_results", report.experiment_results,
                   [&report](const ExperimentResult& row) { return experiment_result_json(report, row); });
    }
}

void write_ssi_csv(std::ostream& out, const SsiReport& report, SsiSection section) {
    switch (section) {
    case SsiSection::trend:
        core::print_csv_row(out, {"sender", "date", "brand", "people", "insights", "relationships", "total",
                                  "industry_rank", "network_rank", "source"});
        for (const auto& sender : report.senders) {
            for (const auto& snapshot : sender.snapshots) {
                auto rank = [](const std::optional<int>& value) {
                    return value ? std::to_string(*value) : std::string();
                };
                core::print_csv_row(out, {sender.sender, core::format_day(snapshot.day), cell(snapshot.pillars[0]),
                                          cell(snapshot.pillars[1]), cell(snapshot.pillars[2]),
                                          cell(snapshot.pillars[3]), cell(snapshot.total), rank(snapshot.industry_rank),
                                          rank(snapshot.network_rank), snapshot.source});
            }
        }
        return;
    case SsiSection::regressions:
        core::print_csv_row(out, {"sender", "pillar", "activity", "n", "hac_lags", "term", "estimate", "standard_error",
                                  "t", "p", "ci_low", "ci_high"});
        for (const auto& row : report.regressions) {
            auto print = [&](const std::string& term, const stats::Coefficient& c) {
                core::print_csv_row(out,
                                    {row.sender, std::string(core::to_string(row.measure)),
                                     std::string(core::to_string(row.activity)), std::to_string(row.model.n),
                                     std::to_string(row.model.hac_lags), term, cell(c.estimate), cell(c.standard_error),
                                     cell(c.t), cell(c.p_value), cell(c.interval.low), cell(c.interval.high)});
            };
            print("constant", row.model.constant);
            for (std::size_t k = 0; k < row.model.lags.size(); ++k) {
                print("lag" + std::to_string(k), row.model.lags[k]);
            }
            print("cumulative", row.model.cumulative);
        }
        return;
    case SsiSection::granger:
        core::print_csv_row(out, {"sender", "pillar", "activity", "n", "lags", "f", "df_num", "df_den", "p", "q"});
        for (const auto& row : report.granger) {
            core::print_csv_row(out, {row.sender, std::string(core::to_string(row.measure)),
                                      std::string(core::to_string(row.activity)), std::to_string(row.test.n),
                                      std::to_string(row.test.lags), cell(row.test.f), std::to_string(row.test.df_num),
                                      std::to_string(row.test.df_den), cell(row.test.p_value), cell(row.q)});
        }
        return;
    case SsiSection::experiments:
        core::print_csv_row(out, {"sender", "experiment", "pillar", "activity", "unit", "pairs", "pairs_planned", "on",
                                  "off", "difference", "ci_low", "ci_high", "p", "exact"});
        for (const auto& row : report.experiment_results) {
            const auto& experiment = report.experiments[row.experiment];
            std::vector<std::string> cells{experiment.sender,
                                           experiment.name,
                                           std::string(core::to_string(row.measure)),
                                           std::string(core::to_string(experiment.activity)),
                                           std::string(core::to_string(experiment.unit)),
                                           std::to_string(row.effect ? row.effect->pairs : 0),
                                           std::to_string(row.pairs_planned)};
            if (row.effect) {
                const auto& e = *row.effect;
                for (auto value : {e.mean_on, e.mean_off, e.difference, e.interval.low, e.interval.high, e.p_value}) {
                    cells.push_back(cell(value));
                }
                cells.push_back(e.exact ? "true" : "false");
            } else {
                cells.insert(cells.end(), 7, "");
            }
            core::print_csv_row(out, cells);
        }
        return;
    case SsiSection::all:
    case SsiSection::correlations:
        core::print_csv_row(out, {"sender", "pillar", "activity", "lag", "n", "spearman_r", "spearman_ci_low",
                                  "spearman_ci_high", "spearman_p", "spearman_q", "pearson_r", "pearson_ci_low",
                                  "pearson_ci_high", "pearson_p", "pearson_q", "spearman_effective_n",
                                  "pearson_effective_n", "whitening_order"});
        for (const auto& row : report.correlations) {
            core::print_csv_row(out, {row.sender, std::string(core::to_string(row.measure)),
                                      std::string(core::to_string(row.activity)), std::to_string(row.lag),
                                      std::to_string(row.spearman.n), cell(row.spearman.r), low(row.spearman.interval),
                                      high(row.spearman.interval), cell(row.spearman.p_value), cell(row.spearman_q),
                                      cell(row.pearson.r), low(row.pearson.interval), high(row.pearson.interval),
                                      cell(row.pearson.p_value), cell(row.pearson_q), cell(row.spearman.tested_n),
                                      cell(row.pearson.tested_n), std::to_string(row.whitening_order)});
        }
        return;
    }
}

} // namespace campaign::report
