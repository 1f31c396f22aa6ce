#include "transport/mock_ssi.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/stable_hash.hpp"

namespace campaign::transport {

namespace {

constexpr double k_industry_at_full = 37;
constexpr double k_industry_spread = 11.5;
constexpr double k_network_at_full = 40;
constexpr double k_network_spread = 10;

double shown(double value) {
    return std::round(std::clamp(value, 0.0, core::k_pillar_cap) * 100) / 100;
}

// A normal draw by Box-Muller from two hashed uniforms: the same on every platform.
double standard_normal(double u1, double u2) {
    return std::sqrt(-2 * std::log(1 - u1)) * std::cos(2 * std::numbers::pi * u2);
}

// "Top N%" falls as the score rises: 100% at `at_full` or less, then by a factor e every `spread` points.
int rank_of(double total, double at_full, double spread) {
    double top = 100 * std::exp(-(total - at_full) / spread);
    return static_cast<int>(std::clamp(std::round(top), 1.0, 100.0));
}

} // namespace

std::vector<core::SsiSnapshot> simulate_ssi(const core::SsiModel& model, std::uint64_t seed, const std::string& sender,
                                            core::Day first, core::Day last,
                                            const std::optional<core::SsiSnapshot>& before,
                                            const ActivityCounts& activity) {
    std::array<double, 4> pillars = before ? before->pillars : model.start;
    std::vector<core::SsiSnapshot> result;
    auto seed_text = std::to_string(seed);
    for (auto day = first; day <= last; day += std::chrono::days{1}) {
        auto day_text = core::format_day(day);
        core::SsiSnapshot snapshot;
        snapshot.sender = sender;
        snapshot.day = day;
        snapshot.source = "mock";
        for (auto pillar : core::k_pillars) {
            auto index = static_cast<std::size_t>(pillar);
            auto name = core::to_string(pillar);
            double change = 0;
            for (const auto& effect : model.effects) {
                if (effect.pillar == pillar) {
                    change += effect.per * activity(day - std::chrono::days{effect.lag_days}, effect.activity);
                }
            }
            auto quiet = core::unit_interval(core::stable_hash({"ssi-quiet", seed_text, sender, day_text, name}));
            if (quiet >= model.quiet_days) {
                auto u1 = core::unit_interval(core::stable_hash({"ssi-noise-1", seed_text, sender, day_text, name}));
                auto u2 = core::unit_interval(core::stable_hash({"ssi-noise-2", seed_text, sender, day_text, name}));
                change += model.drift[index] + model.noise * standard_normal(u1, u2);
            }
            pillars[index] = shown(pillars[index] + change);
        }
        snapshot.pillars = pillars;
        snapshot.total = std::round(core::pillar_sum(snapshot) * 100) / 100;
        // About top 50% at 45 and top 1% at 90 in the industry; a network of peers ranks a little harder.
        snapshot.industry_rank = rank_of(snapshot.total, k_industry_at_full, k_industry_spread);
        snapshot.network_rank = rank_of(snapshot.total, k_network_at_full, k_network_spread);
        result.push_back(std::move(snapshot));
    }
    return result;
}

} // namespace campaign::transport
