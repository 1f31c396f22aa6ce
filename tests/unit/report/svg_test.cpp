#include <catch2/catch.hpp>
#include <cmath>

#include "report/svg.hpp"

using namespace campaign::report;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

} // namespace

TEST_CASE("a heat map shows in colour only the cells that survive, and has a key", "[report]") {
    std::vector<std::vector<HeatCell>> cells{{{0.6, true, "posts, lag 2d"}, {0.6, false, "posts, lag 3d"}},
                                             {{-0.6, true, "likes, lag 2d"}, {NAN, false, ""}}};
    auto svg = heatmap_svg({"posts", "likes"}, {"2d", "3d"}, cells, "q < 0.10");
    // The surviving cells at full strength: red for a positive correlation, blue for a negative one, each dotted.
    CHECK(occurrences(svg, "fill=\"rgb(200,40,40)\"><title>posts, lag 2d</title>") == 1);
    CHECK(occurrences(svg, "fill=\"rgb(40,90,190)\"><title>likes, lag 2d</title>") == 1);
    // As strong, but not significant: grey, without a dot.
    CHECK(occurrences(svg, "fill=\"rgb(190,190,190)\"><title>posts, lag 3d</title>") == 1);
    CHECK(occurrences(svg, "<circle") == 3); // two cells and the key's
    // A blank cell draws nothing.
    CHECK(occurrences(svg, "<title>") == 3);
    // The key: the scale, the dot and grey.
    CHECK(svg.find("<g class=\"key\">") != std::string::npos);
    CHECK(svg.find(">-0.6</text>") != std::string::npos);
    CHECK(svg.find(">+0.6</text>") != std::string::npos);
    CHECK(svg.find(">q &lt; 0.10</text>") != std::string::npos);
    CHECK(svg.find(">grey: not significant</text>") != std::string::npos);
    CHECK(svg.ends_with("</g></svg>"));
}
