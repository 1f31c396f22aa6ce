// A campaign file with its templates, partials, gateway and model files, checked as `campaign validate` checks it
// with a CRM: loaded, its templates parsed and their variables checked, then rendered for a few prospects.
#include "config/campaign_loader.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"
#include "template/audience_check.hpp"

CAMPAIGN_FUZZ_TARGET(campaign) {
    using namespace campaign;
    auto files = fuzz::split_files(input, "campaigns/campaign.yaml");
    auto loaded = config::load_campaign(fuzz::scratch().write(files));
    if (!loaded.campaign) {
        return fuzz::Verdict::rejected;
    }
    core::Diagnostics diagnostics;
    templating::TemplateSet templates(*loaded.campaign, diagnostics);
    if (fuzz::has_errors(diagnostics)) {
        return fuzz::Verdict::rejected;
    }
    std::vector<std::string> custom_fields{"team_size", "city"};
    if (fuzz::has_errors(templates.unknown_variables(&custom_fields))) {
        return fuzz::Verdict::rejected;
    }
    templating::AudienceCheck check(templates, *loaded.campaign);
    for (const auto& prospect : fuzz::fuzz_prospects()) {
        check.add(prospect);
    }
    return fuzz::has_errors(check.findings()) ? fuzz::Verdict::rejected : fuzz::Verdict::accepted;
}
