// campaign validate FILE... [--format text|json]: checks campaign files without running them, and their templates
// against the prospects of the CRM when there is one; one line per problem, or one JSON document for CI.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
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

struct ValidateArguments {
    std::vector<std::filesystem::path> files;
    std::string format = "text";
};

nlohmann::json position(int number) {
    return number > 0 ? nlohmann::json(number) : nlohmann::json(nullptr);
}

nlohmann::json problem_json(const core::Diagnostic& diagnostic, const std::filesystem::path& checked) {
    return {{"file", diagnostic.location.file.empty() ? checked.string() : diagnostic.location.file},
            {"line", position(diagnostic.location.line)},
            {"column", position(diagnostic.location.column)},
            {"severity", diagnostic.severity == core::Severity::error ? "error" : "warning"},
            {"message", diagnostic.message},
            {"campaign_file", checked.string()}};
}

// One document: each file with its status, every problem with its place. Problems in a template or a shared file
// name that file, and the campaign file that led to them.
int print_json(Context& context, const std::vector<CheckedFile>& checked, bool with_crm) {
    auto files = nlohmann::json::array();
    auto problems = nlohmann::json::array();
    int errors = 0;
    int warnings = 0;
    for (const auto& one : checked) {
        auto file_errors = error_count(one.diagnostics);
        auto file_warnings = warning_count(one.diagnostics);
        errors += file_errors;
        warnings += file_warnings;
        for (const auto& diagnostic : one.diagnostics) {
            problems.push_back(problem_json(diagnostic, one.file));
        }
        const auto& campaign = one.loaded.campaign;
        files.push_back({{"file", one.file.string()},
                         {"status", file_errors > 0     ? "error"
                                    : file_warnings > 0 ? "warning"
                                                        : "ok"},
                         {"campaign", campaign ? nlohmann::json(campaign->id) : nlohmann::json(nullptr)},
                         {"errors", file_errors},
                         {"warnings", file_warnings},
                         {"prospects_checked",
                          one.prospects_checked ? nlohmann::json(*one.prospects_checked) : nlohmann::json(nullptr)}});
    }
    nlohmann::json document{
        {"valid", errors == 0},
        {"errors", errors},
        {"warnings", warnings},
        {"crm", with_crm ? nlohmann::json(context.database_path.string()) : nlohmann::json(nullptr)},
        {"files", files},
        {"problems", problems}};
    context.out << document.dump(2) << '\n';
    return errors > 0 ? k_user_error : k_ok;
}

int validate(Context& context, const ValidateArguments& arguments) {
    // The CRM, when there is one: validate never creates it.
    std::optional<store::Database> crm;
    if (store::crm_exists(context.database_path)) {
        crm.emplace(context.database_path, store::OpenMode::must_exist);
    }
    auto checked_files = check_campaign_files(arguments.files, crm ? &*crm : nullptr);
    if (arguments.format == "json") {
        return print_json(context, checked_files, crm.has_value());
    }
    int problems = 0;
    for (const auto& checked : checked_files) {
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
    auto arguments = std::make_shared<ValidateArguments>();
    command->add_option("FILE", arguments->files, "Campaign YAML files")->required();
    command->add_option("--format", arguments->format, "text (default), or json for CI: every problem and file")
        ->check(CLI::IsMember({"text", "json"}));
    set_examples(*command, {"campaign validate campaigns/*.yaml",
                            "campaign validate campaigns/q4.yaml --format json > validate.json",
                            "campaign validate campaigns/q4.yaml --db client.db"});
    on_run(*command, context, [&context, arguments] { return validate(context, *arguments); });
}

} // namespace campaign::cli
