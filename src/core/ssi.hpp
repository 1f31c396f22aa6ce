// The Social Selling Index: a sender's daily snapshot of four pillars (0 to 25 each, summed to the 0-100 score) and
// ranks, the activities that may move it, and the checks a snapshot must pass before it is stored.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace campaign::core {

// The four pillars, and the score that sums them, in the order LinkedIn's page shows them.
enum class Measure { brand, people, insights, relationships, total };
constexpr std::array<Measure, 4> k_pillars{Measure::brand, Measure::people, Measure::insights, Measure::relationships};
constexpr std::array<Measure, 5> k_measures{Measure::brand, Measure::people, Measure::insights, Measure::relationships,
                                            Measure::total};
std::string_view to_string(Measure measure);
std::optional<Measure> parse_measure(std::string_view text);
// As LinkedIn's page names it: "Establish your professional brand", ..., "SSI".
std::string_view display_name(Measure measure);

constexpr double k_pillar_cap = 25;

enum class Activity {
    profile_views,
    connection_requests,
    connections_accepted,
    messages_sent,
    replies_received,
    posts,
    comments,
    likes,
    follows,
    endorsements
};
constexpr std::size_t k_activity_count = 10;
std::string_view to_string(Activity activity);
std::optional<Activity> parse_activity(std::string_view text);
// For sentences: "accepted connections", "posts".
std::string_view plural_noun(Activity activity);
const std::array<std::string_view, k_activity_count>& activity_names();

struct SsiSnapshot {
    std::string sender;
    Day day{};
    std::array<double, 4> pillars{}; // in the order of k_pillars
    double total = 0;
    std::optional<int> industry_rank;       // "top N%" of the sender's industry, 1 to 100
    std::optional<int> network_rank;        // and of their network
    std::optional<double> industry_average; // the group's average score, when the source gives it
    std::optional<double> network_average;
    std::string source; // "manual", "csv", "json", "mock"

    double value(Measure measure) const;
};

// Whether two snapshots give the same pillars, total and ranks.
bool same_scores(const SsiSnapshot& a, const SsiSnapshot& b);

// The sum of the pillars, as a total that a source leaves out.
double pillar_sum(const SsiSnapshot& snapshot);

struct SnapshotProblem {
    std::string_view field; // the CSV column at fault: "brand", ..., "total", "industry_rank", "network_rank"
    std::string message;    // to follow the field's name: "is 26, outside 0 to 25 (...)"
};

// What is wrong with a snapshot: a pillar outside 0..25, a total that is not the pillars' sum to within rounding (of
// the total to `total_decimals`, as LinkedIn's page shows the score as a whole number and its JSON with decimals, and
// of the four pillars to two), a rank outside 1..100, a group average outside 0..100.
std::vector<SnapshotProblem> check_snapshot(const SsiSnapshot& snapshot, int total_decimals = 2);

} // namespace campaign::core
