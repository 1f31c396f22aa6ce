// campaign validate FILE...: checks campaign files without running them, and their templates against the
// prospects of the CRM when there is one; one line per problem.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/validation.hpp"

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

int validate(Context& context, const std::vector<std::filesystem::path>& files) {
    // The CRM, when there is one: validate never creates it.
    std::optional<store::Database> crm;
    if (std::filesystem::exists(context.database_path)) {
        crm.emplace(context.database_path, store::OpenMode::must_exist);
    }
    int problems = 0;
    for (const auto& checked : check_campaign_files(files, crm ? &*crm : nullptr)) {
        for (const auto& diagnostic : checked.diagnostics) {
            context.err << diagnostic.to_string() << '\n';
        }
        int errors = error_count(checked.diagnostics);
        problems += errors;
        if (checked.loaded.campaign && errors == 0) {
            const auto& count = checked.prospects_checked;
            context.out << checked.file.string() << ": ok: " << summary(*checked.loaded.campaign)
                        << (count ? ", templates checked for " + std::to_string(*count) + " prospects" : "") << '\n';
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
