#include "report/svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace campaign::report {

namespace {

std::string number(double value) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.1f", value);
    return buffer.data();
}

constexpr double k_width = 720;
// Activities a row of a chart's legend holds: their names are long.
constexpr std::size_t k_legend_row = 4;

template <typename Item>
std::string legend(const std::vector<Item>& series, double y) {
    std::string svg;
    double x = 48;
    for (const auto& item : series) {
        svg += "<rect x=\"" + number(x) + "\" y=\"" + number(y - 9) + "\" width=\"10\" height=\"10\" fill=\"" +
               item.color + "\"/><text x=\"" + number(x + 14) + "\" y=\"" + number(y) + "\">" +
               escape_html(item.label) + "</text>";
        x += 24 + 7.0 * static_cast<double>(item.label.size());
    }
    return svg;
}

// The height of the tallest day of the stacked bars, at least 1.
std::int64_t tallest_stack(std::size_t days, const std::vector<Series>& bars) {
    std::int64_t tallest = 1;
    for (std::size_t d = 0; d < days; ++d) {
        std::int64_t stacked = 0;
        for (const auto& series : bars) {
            stacked += series.values.at(d);
        }
        tallest = std::max(tallest, stacked);
    }
    return tallest;
}

// A chart's baseline at `y`, from `left` to `right` of the right edge.
std::string baseline(double left, double right, double y) {
    return "<line x1=\"" + number(left) + "\" y1=\"" + number(y) + "\" x2=\"" + number(k_width - right) + "\" y2=\"" +
           number(y) + "\" stroke=\"#999\"/>";
}

// The first and the last day, under a chart's left and right ends.
std::string day_labels(const std::vector<std::string>& days, double left, double right, double y) {
    if (days.empty()) {
        return {};
    }
    return "<text x=\"" + number(left) + "\" y=\"" + number(y) + "\">" + escape_html(days.front()) +
           "</text><text x=\"" + number(k_width - right) + "\" y=\"" + number(y) + "\" text-anchor=\"end\">" +
           escape_html(days.back()) + "</text>";
}

// A day's bars stacked one on the other, a slot a day from `left`, on the scale `y_of` (value to height).
template <typename Scale>
std::string stacked_bars(const std::vector<std::string>& days, const std::vector<Series>& bars, double left,
                         double slot, Scale y_of) {
    std::string svg;
    for (std::size_t d = 0; d < days.size(); ++d) {
        double base = 0;
        for (const auto& series : bars) {
            auto value = static_cast<double>(series.values[d]);
            if (value > 0) {
                svg += "<rect x=\"" + number(left + slot * static_cast<double>(d) + slot * 0.1) + "\" y=\"" +
                       number(y_of(base + value)) + "\" width=\"" + number(slot * 0.8) + "\" height=\"" +
                       number(y_of(base) - y_of(base + value)) + "\" fill=\"" + series.color + "\"><title>" +
                       escape_html(days[d] + ": " + std::to_string(series.values[d]) + " " + series.label) +
                       "</title></rect>";
            }
            base += value;
        }
    }
    return svg;
}

// White at 0, the full shade at |r| = 0.6 or more: daily correlations are rarely larger. Red for positive, blue for
// negative; grey for a cell that does not survive, whatever its sign.
std::string heat_color(double value, bool marked) {
    double strength = std::min(std::fabs(value) / 0.6, 1.0);
    auto fade = [strength](int full) {
        return std::to_string(static_cast<int>(std::lround(255 - (255 - full) * strength)));
    };
    if (!marked) {
        return "rgb(" + fade(190) + "," + fade(190) + "," + fade(190) + ")";
    }
    return value >= 0 ? "rgb(" + fade(200) + "," + fade(40) + "," + fade(40) + ")"
                      : "rgb(" + fade(40) + "," + fade(90) + "," + fade(190) + ")";
}

} // namespace

std::string escape_html(const std::string& text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

std::string funnel_svg(const std::vector<Stage>& stages) {
    constexpr double row = 28;
    constexpr double label_width = 150;
    constexpr double bar_space = k_width - label_width - 90;
    double height = row * static_cast<double>(stages.size()) + 8;
    std::int64_t widest = 1;
    for (const auto& stage : stages) {
        widest = std::max(widest, stage.count);
    }
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + number(k_width) + " " + number(height) +
                      "\" role=\"img\" aria-label=\"funnel\">";
    for (std::size_t i = 0; i < stages.size(); ++i) {
        double y = 4 + row * static_cast<double>(i);
        double length = bar_space * static_cast<double>(stages[i].count) / static_cast<double>(widest);
        svg += "<text x=\"" + number(label_width - 8) + "\" y=\"" + number(y + 17) + "\" text-anchor=\"end\">" +
               escape_html(stages[i].label) + "</text>";
        svg += "<rect x=\"" + number(label_width) + "\" y=\"" + number(y + 3) + "\" width=\"" +
               number(std::max(length, 1.0)) + "\" height=\"20\" rx=\"3\" fill=\"#3b6fb6\"/>";
        svg += "<text x=\"" + number(label_width + std::max(length, 1.0) + 6) + "\" y=\"" + number(y + 17) + "\">" +
               std::to_string(stages[i].count) + "</text>";
    }
    return svg + "</svg>";
}

std::string daily_svg(const std::vector<std::string>& days, const std::vector<Series>& bars,
                      const std::vector<Series>& lines) {
    constexpr double left = 48;
    constexpr double top = 12;
    constexpr double plot_height = 180;
    constexpr double right = 12;
    double plot_width = k_width - left - right;
    std::size_t count = std::max<std::size_t>(days.size(), 1);
    std::int64_t highest = tallest_stack(days.size(), bars);
    for (const auto& series : lines) {
        for (std::size_t d = 0; d < days.size(); ++d) {
            highest = std::max(highest, series.values.at(d));
        }
    }
    double slot = plot_width / static_cast<double>(count);
    auto y_of = [&](double value) { return top + plot_height - plot_height * value / static_cast<double>(highest); };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + number(k_width) + " " + number(top + plot_height + 52) +
                      "\" role=\"img\" aria-label=\"daily activity\">";
    // Axis, with the top value and zero.
    svg += baseline(left, right, top + plot_height);
    svg += "<text x=\"" + number(left - 6) + "\" y=\"" + number(top + 8) + "\" text-anchor=\"end\">" +
           std::to_string(highest) + "</text><text x=\"" + number(left - 6) + "\" y=\"" + number(top + plot_height) +
           "\" text-anchor=\"end\">0</text>";
    svg += stacked_bars(days, bars, left, slot, y_of);
    for (const auto& series : lines) {
        std::string points;
        for (std::size_t d = 0; d < days.size(); ++d) {
            points += number(left + slot * (static_cast<double>(d) + 0.5)) + "," +
                      number(y_of(static_cast<double>(series.values[d]))) + " ";
        }
        svg += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + series.color + "\" points=\"" + points + "\"/>";
    }
    svg += day_labels(days, left, right, top + plot_height + 16);
    auto all = bars;
    all.insert(all.end(), lines.begin(), lines.end());
    svg += legend(all, top + plot_height + 42);
    return svg + "</svg>";
}

std::string trend_svg(const std::vector<std::string>& days, const std::vector<Line>& lines,
                      const std::vector<Series>& bars) {
    constexpr double left = 48;
    constexpr double top = 12;
    constexpr double line_height = 200;
    constexpr double gap = 16;
    constexpr double bar_height = 70;
    constexpr double right = 12;
    double plot_width = k_width - left - right;
    std::size_t count = std::max<std::size_t>(days.size(), 1);
    double slot = plot_width / static_cast<double>(count);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const auto& line : lines) {
        for (double value : line.values) {
            if (std::isfinite(value)) {
                low = std::min(low, value);
                high = std::max(high, value);
            }
        }
    }
    if (!std::isfinite(low)) {
        low = 0;
        high = 25;
    }
    // A little room above and below, and never a flat scale.
    double pad = std::max((high - low) * 0.08, 0.25);
    low = std::max(0.0, low - pad);
    high = high + pad;
    auto y_of = [&](double value) { return top + line_height - line_height * (value - low) / (high - low); };
    auto x_of = [&](std::size_t d) { return left + slot * (static_cast<double>(d) + 0.5); };
    double bars_top = top + line_height + gap;
    std::size_t legend_rows = std::max<std::size_t>(1, (bars.size() + k_legend_row - 1) / k_legend_row);
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + number(k_width) + " " +
                      number(bars_top + bar_height + 52 + 16 * static_cast<double>(legend_rows - 1)) +
                      "\" role=\"img\" aria-label=\"SSI trend and activity\">";
    svg += baseline(left, right, top + line_height);
    svg += "<text x=\"" + number(left - 6) + "\" y=\"" + number(top + 8) + "\" text-anchor=\"end\">" + number(high) +
           "</text><text x=\"" + number(left - 6) + "\" y=\"" + number(top + line_height) + "\" text-anchor=\"end\">" +
           number(low) + "</text>";
    for (const auto& line : lines) {
        std::string points;
        auto flush = [&] {
            if (!points.empty()) {
                svg += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + line.color + "\" points=\"" + points +
                       "\"><title>" + escape_html(line.label) + "</title></polyline>";
                points.clear();
            }
        };
        for (std::size_t d = 0; d < line.values.size() && d < days.size(); ++d) {
            if (!std::isfinite(line.values[d])) {
                flush();
                continue;
            }
            points += number(x_of(d)) + "," + number(y_of(line.values[d])) + " ";
        }
        flush();
    }
    std::int64_t highest = tallest_stack(days.size(), bars);
    auto bar_y = [&](double value) {
        return bars_top + bar_height - bar_height * value / static_cast<double>(highest);
    };
    svg += baseline(left, right, bars_top + bar_height);
    svg += "<text x=\"" + number(left - 6) + "\" y=\"" + number(bars_top + 8) + "\" text-anchor=\"end\">" +
           std::to_string(highest) + "</text>";
    svg += stacked_bars(days, bars, left, slot, bar_y);
    svg += day_labels(days, left, right, bars_top + bar_height + 16);
    svg += legend(lines, bars_top + bar_height + 32);
    // Up to ten activities: a row of the legend for every few, so that none runs off the chart.
    for (std::size_t row = 0; row * k_legend_row < bars.size(); ++row) {
        auto from = bars.begin() + static_cast<std::ptrdiff_t>(row * k_legend_row);
        auto to = bars.begin() + static_cast<std::ptrdiff_t>(std::min(bars.size(), (row + 1) * k_legend_row));
        svg += legend(std::vector<Series>(from, to), bars_top + bar_height + 48 + 16 * static_cast<double>(row));
    }
    return svg + "</svg>";
}

std::string heatmap_svg(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                        const std::vector<std::vector<HeatCell>>& cells, const std::string& marked_means) {
    constexpr double label_width = 170;
    constexpr double row_height = 22;
    constexpr double header = 20;
    constexpr double key_height = 50;
    double cell_width =
        std::min(36.0, (k_width - label_width - 8) / static_cast<double>(std::max<std::size_t>(columns.size(), 1)));
    double grid_bottom = header + row_height * static_cast<double>(rows.size());
    double height = grid_bottom + key_height;
    double width = std::max(label_width + cell_width * static_cast<double>(columns.size()) + 8, 560.0);
    std::string svg = "<svg class=\"heatmap\" viewBox=\"0 0 " + number(width) + " " + number(height) +
                      "\" style=\"max-width:" + number(width) + "px\" role=\"img\" aria-label=\"correlation by lag\">";
    for (std::size_t c = 0; c < columns.size(); ++c) {
        svg += "<text x=\"" + number(label_width + cell_width * (static_cast<double>(c) + 0.5)) + "\" y=\"14\" " +
               "text-anchor=\"middle\">" + escape_html(columns[c]) + "</text>";
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        double y = header + row_height * static_cast<double>(r);
        svg += "<text x=\"" + number(label_width - 8) + "\" y=\"" + number(y + 15) + "\" text-anchor=\"end\">" +
               escape_html(rows[r]) + "</text>";
        for (std::size_t c = 0; c < columns.size() && c < cells[r].size(); ++c) {
            const auto& cell = cells[r][c];
            if (!std::isfinite(cell.value)) {
                continue;
            }
            double x = label_width + cell_width * static_cast<double>(c);
            svg += "<rect x=\"" + number(x + 1) + "\" y=\"" + number(y + 1) + "\" width=\"" + number(cell_width - 2) +
                   "\" height=\"" + number(row_height - 2) + "\" fill=\"" + heat_color(cell.value, cell.marked) +
                   "\"><title>" + escape_html(cell.tooltip) + "</title></rect>";
            if (cell.marked) {
                svg += "<circle cx=\"" + number(x + cell_width / 2) + "\" cy=\"" + number(y + row_height / 2) +
                       "\" r=\"3.5\" fill=\"#111\"/>";
            }
        }
    }
    // The key: the scale in colour, then what grey and the dot mean.
    double key_y = grid_bottom + 10;
    svg += "<g class=\"key\">";
    constexpr double swatch = 18;
    const double scale[] = {-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6};
    double x = label_width;
    svg += "<text x=\"" + number(label_width - 8) + "\" y=\"" + number(key_y + 13) +
           "\" text-anchor=\"end\">Spearman</text>";
    for (double value : scale) {
        svg += "<rect x=\"" + number(x) + "\" y=\"" + number(key_y) + "\" width=\"" + number(swatch) + "\" height=\"" +
               number(swatch) + "\" fill=\"" + heat_color(value, true) + "\" stroke=\"#ddd\"/>";
        x += swatch;
    }
    svg += "<text x=\"" + number(label_width) + "\" y=\"" + number(key_y + swatch + 12) + "\">-0.6</text>";
    svg += "<text x=\"" + number(x) + "\" y=\"" + number(key_y + swatch + 12) + "\" text-anchor=\"end\">+0.6</text>";
    x += 16;
    svg += "<circle cx=\"" + number(x + 5) + "\" cy=\"" + number(key_y + swatch / 2) + "\" r=\"3.5\" fill=\"#111\"/>";
    svg +=
        "<text x=\"" + number(x + 14) + "\" y=\"" + number(key_y + 13) + "\">" + escape_html(marked_means) + "</text>";
    x += 14 + 7.0 * static_cast<double>(marked_means.size()) + 16;
    svg += "<rect x=\"" + number(x) + "\" y=\"" + number(key_y) + "\" width=\"" + number(swatch) + "\" height=\"" +
           number(swatch) + "\" fill=\"" + heat_color(0.6, false) + "\"/>";
    svg += "<text x=\"" + number(x + swatch + 6) + "\" y=\"" + number(key_y + 13) + "\">grey: not significant</text>";
    return svg + "</g></svg>";
}

} // namespace campaign::report
