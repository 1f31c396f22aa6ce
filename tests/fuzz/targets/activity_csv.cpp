// An activity CSV, read as `campaign activity import FILE` reads it.
#include "crm/ssi_files.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"

CAMPAIGN_FUZZ_TARGET(activity_csv) {
    using namespace campaign;
    auto file = fuzz::scratch().write("activity.csv", input);
    try {
        auto read = crm::read_activity_csv(file, std::nullopt, [](const crm::ImportedActivity&) {});
        return read.diagnostics.empty() ? fuzz::Verdict::accepted : fuzz::Verdict::rejected;
    } catch (const core::UserError&) {
        return fuzz::Verdict::rejected;
    }
}
