#include "template/audience_check.hpp"

#include <filesystem>
#include <optional>

#include "template/partials.hpp"
#include "template/values.hpp"

namespace campaign::templating {

namespace {

std::string count_of_prospects(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " prospect" : " prospects");
}

} // namespace

AudienceCheck::AudienceCheck(const TemplateSet& templates, const core::Campaign& campaign)
    : m_templates(templates), m_campaign(campaign) {
    auto add_use = [this](const std::string& name, const core::Step& step) {
        for (const auto& use : m_uses) {
            if (use.template_name == name && use.type == step.type) {
                return;
            }
        }
        Use use;
        use.template_name = name;
        use.path = display_path(std::filesystem::path(m_campaign.templates_dir) / name);
        use.type = step.type;
        use.step_id = step.id;
        m_uses.push_back(std::move(use));
    };
    for (const auto& step : campaign.steps) {
        if (!step.template_name.empty()) {
            add_use(step.template_name, step);
        }
        for (const auto& variant : step.variants) {
            add_use(variant.template_name, step);
        }
    }
}

void AudienceCheck::add(const core::Prospect& prospect) {
    ++m_prospects;
    if (m_campaign.senders.empty()) {
        return;
    }
    std::optional<Values> values; // the prospect's, made once for all the templates; only step.id differs
    for (auto& use : m_uses) {
        RenderContext context{prospect, m_campaign.senders.front(), m_campaign, use.step_id};
        if (!values) {
            values = TemplateSet::values_of(context);
        } else {
            set_value(*values, "step.id", use.step_id);
        }
        record(use, prospect, m_templates.render_in_detail(use.template_name, use.type, context, *values));
    }
}

void AudienceCheck::record(Use& use, const core::Prospect& prospect, const Rendering& rendering) {
    if (rendering.message) {
        return;
    }
    if (rendering.too_long) {
        if (use.too_long++ == 0 || rendering.too_long->length > use.longest.length) {
            use.longest = *rendering.too_long;
            use.longest_prospect = prospect.profile_url;
        }
    } else if (rendering.missing) {
        auto& missing = use.missing[rendering.missing->name];
        missing.location = rendering.missing->location;
        ++missing.count;
    } else {
        ++use.other_failures[rendering.failure];
    }
}

core::Diagnostics AudienceCheck::findings() const {
    core::Diagnostics findings;
    for (const auto& use : m_uses) {
        report(use, findings);
    }
    return findings;
}

void AudienceCheck::report(const Use& use, core::Diagnostics& findings) const {
    auto severity = [this](std::size_t count) {
        return count == m_prospects ? core::Severity::error : core::Severity::warning;
    };
    auto of = [this](std::size_t count) { return std::to_string(count) + " of " + count_of_prospects(m_prospects); };
    for (const auto& [name, missing] : use.missing) {
        findings.push_back({missing.location,
                            of(missing.count) + " have no value for '" + name + "', which has no fallback",
                            severity(missing.count)});
    }
    if (use.too_long > 0) {
        findings.push_back({{use.path},
                            of(use.too_long) + " would get a " + use.longest.part + " over the limit of " +
                                std::to_string(use.longest.limit) + " characters (longest: " +
                                std::to_string(use.longest.length) + " characters, " + use.longest_prospect + ")",
                            severity(use.too_long)});
    }
    for (const auto& [failure, count] : use.other_failures) {
        findings.push_back({{use.path}, of(count) + ": " + failure, severity(count)});
    }
}

} // namespace campaign::templating
