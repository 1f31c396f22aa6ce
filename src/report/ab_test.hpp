// A/B tests of a step's variants and the sentence that says what they show.
#pragma once

#include <string>

#include "report/reply_report.hpp"

namespace campaign::report {

// Compares `variant` with `control` on `metric` ("acceptance" or "reply") and words the result.
AbTest ab_test(std::string campaign, std::string step, std::string metric, const std::string& control,
               stats::Proportion control_rate, const std::string& variant, stats::Proportion variant_rate);

// "11.2%"; "0%" and "100%" without decimals.
std::string percent(double rate);
// "p = 0.03", "p = 0.004", "p < 0.001".
std::string p_value_text(double p);

} // namespace campaign::report
