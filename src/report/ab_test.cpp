#include "report/ab_test.hpp"

#include <cmath>
#include <cstdio>

namespace campaign::report {

namespace {

constexpr double k_alpha = 0.05;

std::string format(const char* pattern, double value) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), pattern, value);
    return buffer.data();
}

std::string verdict(const AbTest& test) {
    auto rate_name = test.metric + " rate";
    if (test.control_rate.trials == 0 || test.variant_rate.trials == 0) {
        return "not both variants have sends yet";
    }
    double control = test.control_rate.rate();
    double variant = test.variant_rate.rate();
    if (test.comparison && test.comparison->p_value < k_alpha) {
        bool variant_wins = variant > control;
        const auto& winner = variant_wins ? test.variant : test.control;
        return "variant " + winner + "'s " + rate_name + " is higher, " + percent(std::max(control, variant)) + " vs " +
               percent(std::min(control, variant)) + ", " + p_value_text(test.comparison->p_value);
    }
    if (control == variant) {
        return "no detectable difference yet: both at " + percent(control);
    }
    if (test.more_needed && *test.more_needed > 0) {
        return "no detectable difference yet; about " + std::to_string(*test.more_needed) +
               " more sends per variant needed";
    }
    return "no detectable difference (" + percent(variant) + " vs " + percent(control) + ", " +
           p_value_text(test.comparison->p_value) + ")";
}

} // namespace

std::string percent(double rate) {
    double value = rate * 100;
    if (value == 0 || value == 100) {
        return format("%.0f%%", value);
    }
    return format("%.1f%%", value);
}

std::string p_value_text(double p) {
    if (p < 0.001) {
        return "p < 0.001";
    }
    return format(p < 0.01 ? "p = %.3f" : "p = %.2f", p);
}

AbTest ab_test(std::string campaign, std::string step, std::string metric, const std::string& control,
               stats::Proportion control_rate, const std::string& variant, stats::Proportion variant_rate) {
    AbTest test;
    test.campaign = std::move(campaign);
    test.step = std::move(step);
    test.metric = std::move(metric);
    test.control = control;
    test.variant = variant;
    test.control_rate = control_rate;
    test.variant_rate = variant_rate;
    if (control_rate.trials > 0 && variant_rate.trials > 0) {
        test.comparison = stats::compare(control_rate, variant_rate);
        if (control_rate.successes > 0) {
            test.lift = variant_rate.rate() / control_rate.rate() - 1;
        }
        if (auto needed = stats::trials_per_group(control_rate.rate(), variant_rate.rate(), k_alpha)) {
            auto have = std::min(control_rate.trials, variant_rate.trials);
            test.more_needed = static_cast<std::int64_t>(std::ceil(*needed)) - have;
        }
    }
    test.verdict = verdict(test);
    return test;
}

} // namespace campaign::report
