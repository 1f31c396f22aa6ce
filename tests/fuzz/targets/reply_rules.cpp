// A user's triage rules file, as `campaign replies classify --rules DIR` loads it, then used on a few replies.
#include "config/triage_rules_loader.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"
#include "triage/triage.hpp"

CAMPAIGN_FUZZ_TARGET(reply_rules) {
    using namespace campaign;
    auto file = fuzz::scratch().write("rules/xx.yaml", input);
    auto loaded = config::load_triage_rules(file.parent_path());
    if (!loaded.ok()) {
        return fuzz::Verdict::rejected;
    }
    triage::Triage triage(std::move(loaded.languages));
    std::chrono::year_month_day received{std::chrono::year{2026}, std::chrono::December, std::chrono::day{4}};
    for (auto reply : {"Please stop messaging me.", "I'm out of the office until Monday", "Sounds great, let's talk!",
                       "Nein danke, erst ab dem 01.04.", ""}) {
        triage.read(reply, received);
    }
    return fuzz::Verdict::accepted;
}
