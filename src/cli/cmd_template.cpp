// campaign template render TEMPLATE (--prospect ID|URL | --data JSON) [--campaign FILE] [--step STEP] [--sender S]:
// prints exactly the text a prospect would be sent, or why none would be.
#include <CLI/CLI.hpp>
#include <ostream>
#include <set>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/template_data.hpp"
#include "config/campaign_loader.hpp"
#include "crm/suppression.hpp"
#include "template/template_set.hpp"

namespace campaign::cli {

namespace {

struct RenderArguments {
    std::filesystem::path file;
    std::string prospect;
    std::string data;
    std::filesystem::path campaign;
    std::string step;
    std::string sender;
};

core::Prospect find_prospect(Context& context, const RenderArguments& arguments) {
    if (!arguments.data.empty()) {
        auto fields = prospect_from_data(arguments.data);
        for (const auto& key : fields.left_out) {
            context.err << "note: --data: '" << key << "' is left out: in a template a dotted name is a path, so "
                        << "write it as nested objects ({\"a\": {\"b\": ...}} for a.b)\n";
        }
        return std::move(fields.prospect);
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    return crm::resolve_prospect(database, arguments.prospect);
}

void print(Context& context, const std::string& subject, const std::string& body) {
    if (!subject.empty()) {
        context.out << "Subject: " << subject << "\n\n";
    }
    context.out << body << '\n';
}

std::string name_in(const core::Campaign& campaign, const std::filesystem::path& file) {
    std::error_code refused; // a name the system refuses (over 255 bytes) names no template of the campaign
    auto relative = std::filesystem::weakly_canonical(file, refused)
                        .lexically_relative(std::filesystem::weakly_canonical(campaign.templates_dir, refused));
    return relative.generic_string();
}

bool names_template(const core::Step& step, const std::string& name) {
    return step.template_name == name ||
           std::any_of(step.variants.begin(), step.variants.end(),
                       [&name](const auto& variant) { return variant.template_name == name; });
}

const core::Step* find_step(const core::Campaign& campaign, const std::string& id, const std::string& name) {
    if (!id.empty()) {
        const auto* step = campaign.find_step(id);
        if (!step) {
            throw core::UserError("error: no step '" + id + "' in campaign '" + campaign.id + "'");
        }
        return step;
    }
    auto found = std::find_if(campaign.steps.begin(), campaign.steps.end(),
                              [&name](const core::Step& step) { return names_template(step, name); });
    return found == campaign.steps.end() ? nullptr : &*found;
}

const core::Sender& find_sender(const core::Campaign& campaign, const std::string& id) {
    for (const auto& sender : campaign.senders) {
        if (id.empty() || sender.id == id) {
            return sender;
        }
    }
    throw core::UserError("error: no sender '" + id + "' in campaign '" + campaign.id + "'");
}

// With the campaign, as the run would send it: its sender and campaign values, the shorter variant, the limit.
int render_for_campaign(Context& context, const RenderArguments& arguments, const core::Prospect& prospect) {
    auto loaded = config::load_campaign(arguments.campaign);
    fail_on(loaded.diagnostics);
    const auto& campaign = *loaded.campaign;
    const auto& sender = find_sender(campaign, arguments.sender);
    auto name = name_in(campaign, arguments.file);
    const auto* step = find_step(campaign, arguments.step, name);
    if (!step || !names_template(*step, name)) {
        throw core::UserError(
            "error: " + (step ? "step '" + step->id + "'" : "no step of campaign '" + campaign.id + "'") +
            " uses the template " + arguments.file.generic_string());
    }
    templating::TemplateSet templates(campaign);
    auto rendering = templates.render_in_detail(name, step->type, {prospect, sender, campaign, step->id});
    if (!rendering.message) {
        throw core::UserError(rendering.problem.to_string());
    }
    print(context, rendering.message->subject, rendering.message->body);
    return k_ok;
}

int render(Context& context, const RenderArguments& arguments) {
    auto prospect = find_prospect(context, arguments);
    if (!arguments.campaign.empty()) {
        return render_for_campaign(context, arguments, prospect);
    }
    core::Diagnostics diagnostics;
    auto folder = arguments.file.parent_path();
    auto partials = std::make_shared<templating::Partials>(folder / "partials");
    templating::TemplateFile file(folder, arguments.file.filename().string(), partials, diagnostics);
    fail_on(diagnostics);
    auto values = templating::prospect_values(prospect);
    // Without a campaign the sender and the campaign are unknown: their values show as placeholders, so that a
    // preview of the prospect's side still works. A prospect's own value missing is still an error.
    std::set<std::string> placeholders;
    file.for_each_name([&](const templating::Node& node) {
        bool theirs = node.text.starts_with("sender.") || node.text.starts_with("campaign.");
        if (node.kind == templating::NodeKind::variable && !node.fallback && theirs && !values.contains(node.text)) {
            placeholders.insert(node.text);
        }
    });
    for (const auto& name : placeholders) {
        templating::set_value(values, name, "[" + name + "]");
    }
    if (!placeholders.empty()) {
        context.err << "note: without --campaign, " << *placeholders.begin()
                    << (placeholders.size() > 1 ? " and the others in brackets are" : " is")
                    << " shown as a placeholder; --campaign FILE renders as its sender would send it, or --data can "
                       "give them ({\"sender\": {\"first_name\": \"Ann\"}})\n";
    }
    auto text = file.render(values, {prospect.profile_url, "", arguments.step});
    if (text.missing) {
        fail_on({{text.missing->location, "no value for '" + text.missing->name + "' and no fallback"}});
    }
    print(context, text.subject, text.body);
    return k_ok;
}

} // namespace

void add_template_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("template", "Work with message templates");
    set_examples(
        *command,
        {"campaign template render templates/thanks.mustache --prospect 1",
         "campaign template render templates/thanks.mustache --campaign campaigns/founders-intro.yaml --prospect 1"});
    command->require_subcommand(1);
    auto* render_command = command->add_subcommand("render", "Print exactly what a template would send a prospect");
    set_examples(
        *render_command,
        {"campaign template render templates/thanks.mustache --prospect 1",
         "campaign template render templates/thanks.mustache --data '{\"first_name\": \"Ada\", \"company\": \"Acme\"}'",
         "campaign template render templates/thanks.mustache --campaign campaigns/founders-intro.yaml --prospect 1"});
    auto arguments = std::make_shared<RenderArguments>();
    render_command->add_option("TEMPLATE", arguments->file, "A .mustache file; partials come from partials/ beside it")
        ->required();
    auto* prospect = render_command->add_option("--prospect", arguments->prospect, "A prospect of the CRM: ID or URL");
    auto* data = render_command->add_option("--data", arguments->data, "The fields as a JSON object");
    prospect->excludes(data);
    render_command->add_option("--campaign", arguments->campaign,
                               "Render as this campaign would: its sender, its values, the step's length limit");
    render_command->add_option("--step", arguments->step, "The step of the campaign (default: the first using it)");
    render_command->add_option("--sender", arguments->sender, "The sender of the campaign (default: its first)");
    on_run(*render_command, context, [&context, arguments] {
        if (arguments->prospect.empty() && arguments->data.empty()) {
            throw core::UserError("error: say whom to render for: --prospect ID|URL or --data JSON");
        }
        return render(context, *arguments);
    });
}

} // namespace campaign::cli
