#include "template/template_set.hpp"

#include <set>

#include "core/files.hpp"
#include "core/text.hpp"

namespace campaign::templating {

namespace {

// A shorter variant may name a shorter one still; a loop is refused when loading, this is a second guard.
constexpr int k_shorter_depth = 8;

std::vector<std::string> template_names(const core::Step& step) {
    std::vector<std::string> names;
    if (!step.template_name.empty()) {
        names.push_back(step.template_name);
    }
    for (const auto& variant : step.variants) {
        names.push_back(variant.template_name);
    }
    return names;
}

std::string joined(const core::Diagnostics& diagnostics) {
    std::string text;
    for (const auto& diagnostic : diagnostics) {
        text += (text.empty() ? "" : "\n") + diagnostic.to_string();
    }
    return text;
}

// "file:line:col: message", for a run's log: a failure there is about one prospect, not an error of the campaign.
std::string located(const core::Diagnostic& problem) {
    const auto& [file, line, column] = problem.location;
    std::string place = file;
    if (line > 0) {
        place += ':' + std::to_string(line) + (column > 0 ? ':' + std::to_string(column) : "");
    }
    return (place.empty() ? "" : place + ": ") + problem.message;
}

} // namespace

TemplateSet::TemplateSet(const core::Campaign& campaign) {
    core::Diagnostics diagnostics;
    build(campaign, diagnostics);
    if (!diagnostics.empty()) {
        throw core::UserError(joined(diagnostics));
    }
}

TemplateSet::TemplateSet(const core::Campaign& campaign, core::Diagnostics& diagnostics) {
    build(campaign, diagnostics);
}

void TemplateSet::build(const core::Campaign& campaign, core::Diagnostics& diagnostics) {
    std::filesystem::path folder(campaign.templates_dir);
    m_partials = std::make_shared<Partials>(folder / "partials");
    for (const auto& step : campaign.steps) {
        for (const auto& name : template_names(step)) {
            load(folder, name, diagnostics);
        }
    }
    check_shorter_loops(diagnostics);
    check_subjects(campaign, diagnostics);
    std::set<std::string> fields{"sender.id"};
    for (const auto& sender : campaign.senders) {
        for (const auto& [name, value] : sender.fields) {
            fields.insert("sender." + name);
        }
    }
    m_sender_fields.assign(fields.begin(), fields.end());
}

void TemplateSet::load(const std::filesystem::path& folder, const std::string& name, core::Diagnostics& diagnostics) {
    if (m_templates.contains(name)) {
        return;
    }
    auto& file = m_templates.try_emplace(name, folder, name, m_partials, diagnostics).first->second;
    if (file.shorter().empty()) {
        return;
    }
    std::filesystem::path shorter(file.shorter());
    bool inside = !shorter.is_absolute() &&
                  std::none_of(shorter.begin(), shorter.end(), [](const auto& part) { return part == ".."; });
    auto status = inside ? core::file_status(folder / shorter) : core::FileStatus{};
    if (status.kind == core::FileKind::unusable) {
        diagnostics.push_back(
            {file.shorter_location(), "shorter template '" + file.shorter() + "': " + status.problem});
        return;
    }
    if (status.kind != core::FileKind::regular) {
        diagnostics.push_back({file.shorter_location(),
                               "shorter template '" + file.shorter() + "' not found in " + display_path(folder)});
        return;
    }
    load(folder, file.shorter(), diagnostics);
}

void TemplateSet::check_shorter_loops(core::Diagnostics& diagnostics) const {
    for (const auto& [first, file] : m_templates) {
        const auto& name = first; // clang 14 cannot capture a structured binding in a lambda
        std::vector<std::string> chain{name};
        for (const auto* next = find(file.shorter()); next; next = find(next->shorter())) {
            bool seen = std::find(chain.begin(), chain.end(), next->name()) != chain.end();
            chain.push_back(next->name());
            if (seen) {
                break;
            }
        }
        // Reported once, at the template of the loop that sorts first.
        if (chain.size() > 1 && chain.back() == name &&
            std::all_of(chain.begin(), chain.end(), [&name](const std::string& other) { return name <= other; })) {
            std::string loop;
            for (const auto& link : chain) {
                loop += (loop.empty() ? "" : " -> ") + link;
            }
            diagnostics.push_back({file.shorter_location(), "the shorter templates form a loop: " + loop});
        }
    }
}

void TemplateSet::check_subjects(const core::Campaign& campaign, core::Diagnostics& diagnostics) const {
    std::set<std::string> checked;
    for (const auto& step : campaign.steps) {
        if (step.type != core::ActionType::inmail) {
            continue;
        }
        for (const auto& name : template_names(step)) {
            const auto* file = find(name);
            for (int depth = 0; file && depth < k_shorter_depth; file = find(file->shorter()), ++depth) {
                if (!file->has_subject() && checked.insert(file->name()).second) {
                    diagnostics.push_back({{file->path(), 1, 1},
                                           "an InMail needs a subject: start the template with a header, '---', "
                                           "'subject: ...', '---'"});
                }
            }
        }
    }
}

const TemplateFile* TemplateSet::find(std::string_view name) const {
    auto found = m_templates.find(name);
    return found == m_templates.end() ? nullptr : &found->second;
}

RenderResult TemplateSet::render(std::string_view template_name, core::ActionType type,
                                 const RenderContext& context) const {
    auto rendering = render_in_detail(template_name, type, context);
    return {std::move(rendering.message), std::move(rendering.failure)};
}

Values TemplateSet::values_of(const RenderContext& context) {
    auto values = prospect_values(context.prospect);
    add_sender_values(values, context.sender);
    add_campaign_values(values, context.campaign, context.step_id);
    return values;
}

Rendering TemplateSet::render_in_detail(std::string_view template_name, core::ActionType type,
                                        const RenderContext& context) const {
    return render_in_detail(template_name, type, context, values_of(context));
}

Rendering TemplateSet::render_in_detail(std::string_view template_name, core::ActionType type,
                                        const RenderContext& context, const Values& values) const {
    Rendering result;
    const auto* file = find(template_name);
    if (!core::sends_text(type)) {
        result.problem.message = "a " + std::string(core::to_string(type)) + " action sends no text";
    } else if (!file) {
        result.problem.message =
            "no template '" + std::string(template_name) + "' in campaign '" + context.campaign.id + "'";
    } else {
        SpintaxSeed seed{context.prospect.profile_url, context.campaign.id, std::string(context.step_id)};
        attempt(*file, type, context.sender, values, seed, result, 0);
    }
    if (!result.message) {
        result.failure = located(result.problem);
    }
    return result;
}

void TemplateSet::attempt(const TemplateFile& file, core::ActionType type, const core::Sender& sender,
                          const Values& values, const SpintaxSeed& seed, Rendering& result, int depth) const {
    auto text = file.render(values, seed);
    if (text.missing) {
        result.missing = result.missing ? result.missing : text.missing;
        result.problem = {text.missing->location, "no value for '" + text.missing->name + "' and no fallback"};
        return;
    }
    if (text.body.empty()) {
        result.problem = {{file.path()}, "the text would be empty"};
        return;
    }
    auto too_long = check_length(text.subject, text.body, type, sender);
    if (!too_long) {
        result.message = Message{std::move(text.subject), std::move(text.body)};
        result.template_used = file.name();
        return;
    }
    core::Diagnostic problem{{file.path()}, too_long->to_string()};
    result.too_long = result.too_long ? result.too_long : too_long;
    const auto* shorter = find(file.shorter());
    if (shorter && depth < k_shorter_depth) {
        attempt(*shorter, type, sender, values, seed, result, depth + 1);
        if (result.message) {
            return;
        }
        problem.message += "; and " + located(result.problem);
    }
    result.problem = problem;
}

core::Diagnostics TemplateSet::unknown_variables(const std::vector<std::string>* custom_fields) const {
    std::vector<std::string> known(core::k_standard_fields.begin(), core::k_standard_fields.end());
    known.insert(known.end(), k_campaign_values.begin(), k_campaign_values.end());
    known.insert(known.end(), m_sender_fields.begin(), m_sender_fields.end());
    if (custom_fields) {
        known.insert(known.end(), custom_fields->begin(), custom_fields->end());
    }
    std::set<std::string, std::less<>> known_names(known.begin(), known.end());
    known_names.insert({"sender", "campaign", "step", "."});
    std::vector<std::string_view> candidates(known.begin(), known.end());
    core::Diagnostics diagnostics;
    std::set<std::tuple<std::string, int, int>> reported;
    auto check = [&](const Node& node) {
        auto namespaced =
            node.text.starts_with("sender.") || node.text.starts_with("campaign.") || node.text.starts_with("step.");
        if (known_names.contains(node.text) || (!custom_fields && !namespaced) ||
            !reported.emplace(node.location.file, node.location.line, node.location.column).second) {
            return;
        }
        auto suggestion = core::closest_match(node.text, candidates);
        diagnostics.push_back({node.location, "unknown variable '" + node.text + "'" +
                                                  (suggestion ? " (did you mean '" + *suggestion + "'?)" : "")});
    };
    for (const auto& [name, file] : m_templates) {
        file.for_each_name(check);
    }
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::tie(a.location.file, a.location.line, a.location.column) <
               std::tie(b.location.file, b.location.line, b.location.column);
    });
    return diagnostics;
}

} // namespace campaign::templating
