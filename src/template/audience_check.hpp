// What `campaign validate` says about a campaign's templates once rendered for every prospect of its audience: how
// many lack a value that has no fallback, and how many would get a text over LinkedIn's limit.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "template/template_set.hpp"

namespace campaign::templating {

class AudienceCheck {
public:
    // Each template is rendered once per prospect, for the first step that uses it and by the campaign's first
    // sender (the one the limits of a connection note are taken from).
    AudienceCheck(const TemplateSet& templates, const core::Campaign& campaign);

    void add(const core::Prospect& prospect);
    std::size_t prospects() const { return m_prospects; }

    // Warnings, or errors when every prospect of the audience fails the same way.
    core::Diagnostics findings() const;

private:
    struct Missing {
        core::SourceLocation location;
        std::size_t count = 0;
    };
    struct Use {
        std::string template_name;
        std::string path;
        core::ActionType type = core::ActionType::message;
        std::string step_id;
        std::map<std::string, Missing> missing; // by variable
        std::size_t too_long = 0;
        TooLong longest;
        std::string longest_prospect;
        std::map<std::string, std::size_t> other_failures;
    };

    void record(Use& use, const core::Prospect& prospect, const Rendering& rendering);
    void report(const Use& use, core::Diagnostics& findings) const;

    const TemplateSet& m_templates;
    const core::Campaign& m_campaign;
    std::vector<Use> m_uses;
    std::size_t m_prospects = 0;
};

} // namespace campaign::templating
