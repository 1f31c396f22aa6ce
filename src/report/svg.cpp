#include "report/svg.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace campaign::report {

namespace {

std::string number(double value) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.1f", value);
    return buffer.data();
}

constexpr double k_width = 720;

std::string legend(const std::vector<Series>& series, double y) {
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
    std::int64_t highest = 1;
    for (std::size_t d = 0; d < days.size(); ++d) {
        std::int64_t stacked = 0;
        for (const auto& series : bars) {
            stacked += series.values.at(d);
        }
        highest = std::max(highest, stacked);
        for (const auto& series : lines) {
            highest = std::max(highest, series.values.at(d));
        }
    }
    double slot = plot_width / static_cast<double>(count);
    auto y_of = [&](double value) { return top + plot_height - plot_height * value / static_cast<double>(highest); };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + number(k_width) + " " + number(top + plot_height + 52) +
                      "\" role=\"img\" aria-label=\"daily activity\">";
    // Axis, with the top value and zero.
    svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(top + plot_height) + "\" x2=\"" +
           number(k_width - right) + "\" y2=\"" + number(top + plot_height) + "\" stroke=\"#999\"/>";
    svg += "<text x=\"" + number(left - 6) + "\" y=\"" + number(top + 8) + "\" text-anchor=\"end\">" +
           std::to_string(highest) + "</text><text x=\"" + number(left - 6) + "\" y=\"" + number(top + plot_height) +
           "\" text-anchor=\"end\">0</text>";
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
    for (const auto& series : lines) {
        std::string points;
        for (std::size_t d = 0; d < days.size(); ++d) {
            points += number(left + slot * (static_cast<double>(d) + 0.5)) + "," +
                      number(y_of(static_cast<double>(series.values[d]))) + " ";
        }
        svg += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + series.color + "\" points=\"" + points + "\"/>";
    }
    if (!days.empty()) {
        double label_y = top + plot_height + 16;
        svg += "<text x=\"" + number(left) + "\" y=\"" + number(label_y) + "\">" + escape_html(days.front()) +
               "</text><text x=\"" + number(k_width - right) + "\" y=\"" + number(label_y) + "\" text-anchor=\"end\">" +
               escape_html(days.back()) + "</text>";
    }
    auto all = bars;
    all.insert(all.end(), lines.begin(), lines.end());
    svg += legend(all, top + plot_height + 42);
    return svg + "</svg>";
}

} // namespace campaign::report
