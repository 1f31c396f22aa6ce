// campaign validate FILE...: checks campaign files without running them, and their templates against the
// prospects of the CRM when there is one; one line per problem.
#include <CLI/CLI.hpp>
#include <ostream>
#include <set>

#include "cli/context.hpp"
#include "config/across_files.hpp"
#include "config/campaign_loader.hpp"
#include "core/audience.hpp"
#include "core/text.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"
#include "template/audience_check.hpp"

namespace campaign::cli {

namespace {

std::string summary(const core::Campaign& campaign) {
    std::size_t templates = 0;
    std::size_t ab_tests = 0;
    for (const auto& step : campaign.steps) {
        templates += step.template_name.empty() ? 0 : 1;
        templates += step.variants.size();
        ab_tests += step.variants.empty() ? 0 : 1;
    }
    auto count = [](std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); };
    return "campaign '" + campaign.id + "', " + count(campaign.senders.size(), "sender") + ", " +
           count(campaign.steps.size(), "step") + ", " + count(templates, "template") + ", " +
           count(ab_tests, "A/B test");
}

// The CRM, when there is one: validate never creates it.
struct Crm {
    explicit Crm(const std::filesystem::path& path) : database(path, store::OpenMode::must_exist) {
        store::ProspectStore prospects(database);
        custom_fields = prospects.custom_field_names();
        store::SuppressionStore suppressions(database);
        for (const auto& entry : suppressions.list()) {
            suppressed.insert(entry.value);
        }
    }

    // Profiles and email domains on the suppression list; read once, since every prospect is asked.
    bool is_suppressed(const core::Prospect& prospect) const {
        auto at = prospect.email.rfind('@');
        return suppressed.contains(prospect.profile_url) ||
               (at != std::string::npos && suppressed.contains(core::to_lower_ascii(prospect.email.substr(at + 1))));
    }

    store::Database database;
    std::vector<std::string> custom_fields;
    std::set<std::string> suppressed;
};

// Renders every template for every prospect of the audience (not suppressed) and reports what would fail.
std::size_t check_audience(Crm& crm, const core::Campaign& campaign, const templating::TemplateSet& templates,
                           core::Diagnostics& findings) {
    templating::AudienceCheck check(templates, campaign);
    store::ProspectStore prospects(crm.database);
    prospects.for_each({}, [&](const core::Prospect& prospect) {
        if (core::matches(campaign.audience, prospect) && !crm.is_suppressed(prospect)) {
            check.add(prospect);
        }
    });
    auto found = check.findings();
    findings.insert(findings.end(), found.begin(), found.end());
    return check.prospects();
}

// The templates' syntax, their variables, and with a CRM what they give for the audience. Returns the number of
// prospects checked.
std::optional<std::size_t> check_templates(Crm* crm, const core::Campaign& campaign, core::Diagnostics& findings) {
    templating::TemplateSet templates(campaign, findings);
    if (!findings.empty()) {
        return std::nullopt;
    }
    auto unknown = templates.unknown_variables(crm ? &crm->custom_fields : nullptr);
    findings.insert(findings.end(), unknown.begin(), unknown.end());
    if (!findings.empty() || !crm) {
        return std::nullopt;
    }
    return check_audience(*crm, campaign, templates, findings);
}

int validate(Context& context, const std::vector<std::filesystem::path>& files) {
    std::unique_ptr<Crm> crm;
    if (std::filesystem::exists(context.database_path)) {
        crm = std::make_unique<Crm>(context.database_path);
    }
    std::vector<config::LoadedCampaign> files_loaded;
    std::vector<const core::Campaign*> campaigns;
    for (const auto& file : files) {
        files_loaded.push_back(config::load_campaign(file));
    }
    for (const auto& loaded : files_loaded) {
        if (loaded.campaign) {
            campaigns.push_back(&*loaded.campaign);
        }
    }
    // What the files must agree on, as one run of them all would check it.
    auto across = config::check_across_files(campaigns);
    int problems = 0;
    std::size_t campaign_index = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& file = files[i];
        const auto& loaded = files_loaded[i];
        auto diagnostics = loaded.diagnostics;
        std::optional<std::size_t> checked;
        if (loaded.campaign) {
            const auto& shared = across[campaign_index++];
            diagnostics.insert(diagnostics.end(), shared.begin(), shared.end());
            checked = check_templates(crm.get(), *loaded.campaign, diagnostics);
        }
        int errors = 0;
        for (const auto& diagnostic : diagnostics) {
            context.err << diagnostic.to_string() << '\n';
            errors += diagnostic.severity == core::Severity::error ? 1 : 0;
        }
        problems += errors;
        if (loaded.campaign && errors == 0) {
            context.out << file.string() << ": ok: " << summary(*loaded.campaign)
                        << (checked ? ", templates checked for " + std::to_string(*checked) + " prospects" : "")
                        << '\n';
        }
    }
    if (!crm) {
        context.out << "note: no CRM at " << context.database_path.string()
                    << ": templates not checked against prospects\n";
    }
    if (problems > 0) {
        context.err << problems << (problems == 1 ? " problem" : " problems") << " found\n";
        return k_user_error;
    }
    return k_ok;
}

} // namespace

void add_validate_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("validate", "Check campaign files and their templates without running them");
    auto files = std::make_shared<std::vector<std::filesystem::path>>();
    command->add_option("FILE", *files, "Campaign YAML files")->required();
    on_run(*command, context, [&context, files] { return validate(context, *files); });
}

} // namespace campaign::cli
