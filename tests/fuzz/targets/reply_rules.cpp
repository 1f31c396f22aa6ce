// A reply rules file, as `campaign report replies --rules FILE` loads it, then used on a few replies.
#include "config/reply_rules_loader.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"

CAMPAIGN_FUZZ_TARGET(reply_rules) {
    using namespace campaign;
    auto loaded = config::load_reply_rules(fuzz::scratch().write("rules.yaml", input));
    if (!loaded.rules) {
        return fuzz::Verdict::rejected;
    }
    core::ReplyClassifier classifier(*loaded.rules);
    for (auto reply : {"Please stop messaging me.", "I'm out of the office until Monday", "Sounds great, let's talk!",
                       "Nein danke", ""}) {
        classifier.classify(reply);
    }
    return fuzz::Verdict::accepted;
}
