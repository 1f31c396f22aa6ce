// The SSI-impact report as one self-contained HTML page: per sender, the pillars over time with the activity beneath
// and a heat map of correlation by activity and lag for each pillar; then the associations and the full tables.
#include <cmath>
#include <map>

#include "report/cells.hpp"
#include "report/ssi_render.hpp"
#include "report/svg.hpp"

namespace campaign::report {

namespace {

constexpr const char* k_ssi_style = R"css(
.heatmap { width: 100%; height: auto; display: block; margin-bottom: 0.6em; }
.heatmap text { font-size: 12px; fill: #333; }
.note { color: #5a6578; }
)css";

constexpr std::array<const char*, 5> k_measure_colors{"#3b6fb6", "#1d7a3a", "#d9822b", "#8e44ad", "#1d2430"};
// The bars beneath take colours none of the pillars' lines above has.
constexpr std::array<const char*, core::k_activity_count> k_activity_colors{
    "#b0b7c3", "#7fb0d8", "#6cc08b", "#c9d6e8", "#f0b27a", "#c0392b", "#d4ac0d", "#e6b0aa", "#16a085", "#5d6d7e"};

void trend_chart(std::ostream& out, const SenderSsi& sender) {
    std::vector<std::string> days;
    for (std::size_t i = 0; i < sender.days(); ++i) {
        days.push_back(core::format_day(sender.first + std::chrono::days{static_cast<int>(i)}));
    }
    std::vector<Line> lines;
    for (auto measure : core::k_pillars) {
        Line line{std::string(core::to_string(measure)), k_measure_colors[static_cast<std::size_t>(measure)],
                  std::vector<double>(days.size(), NAN)};
        for (const auto& snapshot : sender.snapshots) {
            line.values[static_cast<std::size_t>((snapshot.day - sender.first).count())] = snapshot.value(measure);
        }
        lines.push_back(std::move(line));
    }
    std::vector<Series> bars;
    for (std::size_t a = 0; a < sender.activities.size(); ++a) {
        auto activity = sender.activities[a].activity;
        Series series{
            std::string(core::to_string(activity)), k_activity_colors[static_cast<std::size_t>(activity)], {}};
        for (double count : sender.activity_days[a]) {
            series.values.push_back(static_cast<std::int64_t>(count));
        }
        bars.push_back(std::move(series));
    }
    out << trend_svg(days, lines, bars) << '\n';
}

void heat_maps(std::ostream& out, const SsiReport& report, const SenderSsi& sender) {
    std::map<std::pair<core::Measure, core::Activity>, std::vector<const LaggedCorrelation*>> by_pair;
    for (const auto& row : report.correlations) {
        if (row.sender == sender.sender) {
            by_pair[{row.measure, row.activity}].push_back(&row);
        }
    }
    if (by_pair.empty()) {
        return;
    }
    std::vector<std::string> columns;
    for (int lag = 0; lag <= report.options.max_lag; ++lag) {
        columns.push_back(std::to_string(lag) + "d");
    }
    for (auto measure : core::k_measures) {
        std::vector<std::string> rows;
        std::vector<std::vector<HeatCell>> cells;
        for (const auto& activity : sender.activities) {
            rows.push_back(std::string(core::to_string(activity.activity)));
            std::vector<HeatCell> line(columns.size(), HeatCell{NAN, false, ""});
            for (const auto* row : by_pair[{measure, activity.activity}]) {
                line[static_cast<std::size_t>(row->lag)] = {
                    row->spearman.r, row->spearman_q < report.options.q_threshold,
                    rows.back() + ", lag " + std::to_string(row->lag) + "d: Spearman " + fixed(row->spearman.r, 2) +
                        ", q " + fixed(row->spearman_q, 3) + ", n " + std::to_string(row->spearman.n)};
            }
            cells.push_back(std::move(line));
        }
        out << "<h3>" << escape_html(std::string(core::display_name(measure))) << ": Spearman by lag</h3>\n"
            << heatmap_svg(rows, columns, cells, "q < " + fixed(report.options.q_threshold, 2)) << '\n';
    }
}

} // namespace

void write_ssi_html(std::ostream& out, const SsiReport& report) {
    begin_page(out, "SSI report", ssi_scope_text(report), k_ssi_style);
    html_rehearsal_banner(out, report.rehearsal_of);
    if (report.senders.empty()) {
        out << "<p>" << escape_html(no_ssi_text(report)) << "</p>\n";
    }
    out << "<h2>Associations</h2>\n";
    if (report.significant.empty()) {
        out << "<p>"
            << (report.correlations.empty() ? "Nothing to test yet."
                                            : "None survives the q < " + fixed(report.options.q_threshold, 2) + " cut.")
            << "</p>\n";
    }
    for (auto index : report.significant) {
        out << "<p class=\"verdict win\">"
            << escape_html(describe(report.correlations[index], report.senders.size() > 1, report.options.inference))
            << ".</p>\n";
    }
    for (const auto& sender : report.senders) {
        out << "<h2>" << escape_html(sender_heading(sender)) << "</h2>\n";
        trend_chart(out, sender);
        html_table(out, trend_table(sender), {});
        if (!sender.activities.empty()) {
            html_table(out, activity_table(sender), {});
        }
        for (const auto& note : sender.notes) {
            out << "<p class=\"note\">Note: " << escape_html(note) << ".</p>\n";
        }
        heat_maps(out, report, sender);
    }
    if (!report.correlations.empty()) {
        out << "<h2>Correlations</h2>\n<details><summary>Every correlation (" << report.correlations.size()
            << ")</summary>\n";
        html_table(out, correlation_table(report, false), {4, static_cast<std::size_t>(-1), {}});
        out << "</details>\n";
    }
    if (!report.regressions.empty()) {
        out << "<h2>Distributed-lag regressions</h2>\n";
        html_table(out, regression_table(report), {3, static_cast<std::size_t>(-1), {}});
    }
    if (!report.experiments.empty()) {
        out << "<h2>Randomized experiments</h2>\n";
        for (const auto& result : report.experiment_results) {
            if (result.measure != core::Measure::total) {
                bool found = result.effect && result.effect->p_value < 0.05;
                out << "<p class=\"verdict" << (found ? " win" : "") << "\">"
                    << escape_html(describe(result, report.experiments[result.experiment])) << ".</p>\n";
            }
        }
        html_table(out, experiment_table(report), {4, static_cast<std::size_t>(-1), {}});
    }
    if (!report.granger.empty()) {
        out << "<h2>Granger tests: predictive precedence</h2>\n";
        html_table(out, granger_table(report), {3, static_cast<std::size_t>(-1), {}});
    }
    end_page(
        out,
        "Each activity's daily count is set against each pillar's change to the next days (lag k: activity "
        "on day t, change from day t+k-1 to t+k; a change only between consecutive recorded days). "
        "Intervals are 95% Fisher-z; q-values are Benjamini-Hochberg over the report's Spearman tests, its Pearson "
        "tests and its Granger tests, each family on its own. "
        "Correlations are of prewhitened series unless the report says plain tests, and a test's n is the pairs' "
        "effective number. Activity counts on the sender's own calendar day. Associations are not causes; only a "
        "randomized experiment shows what an activity does.");
}

} // namespace campaign::report
