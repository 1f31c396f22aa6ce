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

struct Line {
    std::string label;
    std::string color;
    std::vector<double> values; // one per day; NaN where nothing was measured, and the line breaks there
};

// Lines over days on top (the pillars, on a scale that fits them), and beneath them stacked bars of counts on the
// same days (the activity).
std::string trend_svg(const std::vector<std::string>& days, const std::vector<Line>& lines,
                      const std::vector<Series>& bars);

struct HeatCell {
    double value = 0;    // -1 to 1; NaN leaves the cell blank
    bool marked = false; // what survives the test: in colour, with a dot; the other cells in grey
    std::string tooltip;
};

// A grid of cells, a row per label and a column per heading: marked cells coloured from blue (-1) through white to
// red (+1) and dotted, the others in shades of grey of the same strength, so that only what survives shows in
// colour. Under it a key of the scale, `marked_means` beside the dot ("q < 0.10") and what grey means.
std::string heatmap_svg(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                        const std::vector<std::vector<HeatCell>>& cells, const std::string& marked_means);

} // namespace campaign::report
