// Charts as inline SVG, sized by viewBox so that they scale with the page: no script, no external asset.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace campaign::report {

std::string escape_html(const std::string& text);

struct Stage {
    std::string label;
    std::int64_t count = 0;
};

// Horizontal bars, one per stage of a funnel, each as long as its count against the first stage.
std::string funnel_svg(const std::vector<Stage>& stages);

struct Series {
    std::string label;
    std::string color;
    std::vector<std::int64_t> values; // one per day
};

// Stacked bars for `bars` and lines for `lines` over the same days, with the first and last day marked.
std::string daily_svg(const std::vector<std::string>& days, const std::vector<Series>& bars,
                      const std::vector<Series>& lines);

} // namespace campaign::report
