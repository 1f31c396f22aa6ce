#include "core/ssi.hpp"

#include <cmath>
#include <cstdio>

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, 5> k_measure_names{"brand", "people", "insights", "relationships", "total"};
constexpr std::array<std::string_view, 5> k_measure_titles{"Establish your professional brand", "Find the right people",
                                                           "Engage with insights", "Build relationships", "SSI"};
constexpr std::array<std::string_view, k_activity_count> k_activity_names{"profile_views",
                                                                          "connection_requests",
                                                                          "connections_accepted",
                                                                          "messages_sent",
                                                                          "replies_received",
                                                                          "posts",
                                                                          "comments",
                                                                          "likes",
                                                                          "follows",
                                                                          "endorsements"};
constexpr std::array<std::string_view, k_activity_count> k_activity_nouns{"profile views",
                                                                          "connection requests",
                                                                          "accepted connections",
                                                                          "messages sent",
                                                                          "replies received",
                                                                          "posts",
                                                                          "comments",
                                                                          "likes",
                                                                          "follows",
                                                                          "endorsements"};

// LinkedIn shows pillars to two decimals: four of them rounded may miss their sum by up to 0.02.
constexpr double k_pillar_rounding = 0.02;

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

} // namespace

std::string_view to_string(Measure measure) {
    return k_measure_names[static_cast<std::size_t>(measure)];
}

std::optional<Measure> parse_measure(std::string_view text) {
    return parse_enum<Measure>(k_measure_names, text);
}

std::string_view display_name(Measure measure) {
    return k_measure_titles[static_cast<std::size_t>(measure)];
}

std::string_view to_string(Activity activity) {
    return k_activity_names[static_cast<std::size_t>(activity)];
}

std::optional<Activity> parse_activity(std::string_view text) {
    return parse_enum<Activity>(k_activity_names, text);
}

std::string_view plural_noun(Activity activity) {
    return k_activity_nouns[static_cast<std::size_t>(activity)];
}

const std::array<std::string_view, k_activity_count>& activity_names() {
    return k_activity_names;
}

double SsiSnapshot::value(Measure measure) const {
    return measure == Measure::total ? total : pillars[static_cast<std::size_t>(measure)];
}

bool same_scores(const SsiSnapshot& a, const SsiSnapshot& b) {
    return a.pillars == b.pillars && a.total == b.total && a.industry_rank == b.industry_rank &&
           a.network_rank == b.network_rank && a.industry_average == b.industry_average &&
           a.network_average == b.network_average;
}

double pillar_sum(const SsiSnapshot& snapshot) {
    return snapshot.pillars[0] + snapshot.pillars[1] + snapshot.pillars[2] + snapshot.pillars[3];
}

std::vector<SnapshotProblem> check_snapshot(const SsiSnapshot& snapshot, int total_decimals) {
    std::vector<SnapshotProblem> problems;
    for (auto pillar : k_pillars) {
        double value = snapshot.value(pillar);
        if (!(value >= 0 && value <= k_pillar_cap)) {
            problems.push_back(
                {to_string(pillar), "is " + number(value) + ", outside 0 to 25 (each pillar is scored out of 25)"});
        }
    }
    // With a pillar that is not a number, the sum says nothing more.
    double tolerance = 0.5 * std::pow(10.0, -total_decimals) + k_pillar_rounding + 1e-9;
    if (double sum = pillar_sum(snapshot); std::isfinite(sum) && !(std::fabs(snapshot.total - sum) <= tolerance)) {
        problems.push_back(
            {"total", "is " + number(snapshot.total) + ", not the sum of the pillars (" + number(sum) + ")"});
    }
    for (auto [field, rank] : {std::pair{std::string_view("industry_rank"), snapshot.industry_rank},
                               std::pair{std::string_view("network_rank"), snapshot.network_rank}}) {
        if (rank && (*rank < 1 || *rank > 100)) {
            problems.push_back({field, "is " + std::to_string(*rank) + ", outside 1 to 100 (it is a 'top N%')"});
        }
    }
    for (auto [field, average] : {std::pair{std::string_view("industry_average"), snapshot.industry_average},
                                  std::pair{std::string_view("network_average"), snapshot.network_average}}) {
        if (average && !(*average >= 0 && *average <= 100)) {
            problems.push_back({field, "is " + number(*average) + ", outside 0 to 100 (it is a group's average SSI)"});
        }
    }
    return problems;
}

} // namespace campaign::core
