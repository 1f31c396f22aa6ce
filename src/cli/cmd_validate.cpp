// campaign validate FILE...: checks campaign files without running them; one line per problem.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "config/campaign_loader.hpp"

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
    int problems = 0;
    for (const auto& file : files) {
        auto loaded = config::load_campaign(file);
        for (const auto& diagnostic : loaded.diagnostics) {
            context.err << diagnostic.to_string() << '\n';
        }
        problems += static_cast<int>(loaded.diagnostics.size());
        if (loaded.campaign) {
            context.out << file.string() << ": ok: " << summary(*loaded.campaign) << '\n';
        }
    }
    if (problems > 0) {
        context.err << problems << (problems == 1 ? " problem" : " problems") << " found\n";
        return k_user_error;
    }
    return k_ok;
}

} // namespace

void add_validate_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("validate", "Check campaign files without running them");
    auto files = std::make_shared<std::vector<std::filesystem::path>>();
    command->add_option("FILE", *files, "Campaign YAML files")->required();
    on_run(*command, context, [&context, files] { return validate(context, *files); });
}

} // namespace campaign::cli
