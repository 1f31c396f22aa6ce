// A reply, as runs, reports and `campaign replies classify` read it with the built-in rules.
#include "config/triage_rules_loader.hpp"
#include "fuzz/target.hpp"
#include "triage/triage.hpp"

CAMPAIGN_FUZZ_TARGET(reply_text) {
    using namespace campaign;
    static const triage::Triage triage(config::load_triage_rules().languages);
    triage.read(input,
                std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::December, std::chrono::day{4}});
    return fuzz::Verdict::accepted;
}
