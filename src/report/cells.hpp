// The reply report's numbers as people read them, and its tables as rows of such cells: shared by the terminal
// table, Markdown and HTML renderings so that all three say the same thing the same way.
#pragma once

#include <string>
#include <vector>

#include "report/page.hpp"
#include "report/reply_report.hpp"

namespace campaign::report {

std::string fixed(double value, int decimals); // 3.14
std::string count_text(std::int64_t count);    // 12,345
// "31.5% [24.2–39.9]": the rate and its 95% Wilson interval; "–" without trials.
std::string rate_text(stats::Proportion rate);
std::string reply_class_text(core::ReplyClass reply_class); // "out of office"
// "all campaigns, sender alice, 2026-11-01 to 2026-11-30"
std::string scope_text(const ReplyReportOptions& options);
// What a report that holds no sends says first: that nothing was sent yet, or in the period asked for and on which
// days the sends of its campaign and sender are. None when something was sent in the period.
std::optional<std::string> nothing_sent_text(const ReplyReport& report);
// "38 replies: 20 interested, 5 not interested, 2 later, 1 referral, 3 out of office, 2 opt-outs, 5 neutral"
std::string reply_class_summary(const ReplyReport& report);
std::string method_text(const AbTest& test); // "Fisher's exact test", "two-proportion z-test"

// The funnel tables end with the waits for an acceptance and a reply, "median / 90th percentile", each column in one
// unit that its header names: "accept wait (h)".
TextTable campaign_table(const ReplyReport& report);
TextTable step_table(const ReplyReport& report); // each step, then its variants
TextTable sender_table(const ReplyReport& report);
TextTable ab_table(const ReplyReport& report);
TextTable latest_reply_table(const ReplyReport& report);
TextTable daily_table(const ReplyReport& report);

} // namespace campaign::report
