// One template file: an optional header (the InMail subject, a shorter variant), and the body, with the partials
// they use. It renders for a set of values, with the spintax choices fixed by who it is for and at which step.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "template/evaluate.hpp"
#include "template/partials.hpp"
#include "template/values.hpp"

namespace campaign::templating {

// What a spintax choice depends on, so that rendering again gives the same text.
struct SpintaxSeed {
    std::string prospect; // the normalized profile URL
    std::string campaign;
    std::string step;
};

struct RenderedText {
    std::string subject; // empty without a subject in the header
    std::string body;
    std::optional<MissingValue> missing; // set, and the texts empty, when a variable without fallback has no value
};

class TemplateFile {
public:
    // Reads `folder/name` and the partials it uses (into `partials`, shared by the templates of a campaign); every
    // problem is added to `diagnostics`, and the template should not be rendered when there is one.
    TemplateFile(const std::filesystem::path& folder, std::string name, std::shared_ptr<Partials> partials,
                 core::Diagnostics& diagnostics);

    const std::string& name() const { return m_name; }
    const std::string& path() const { return m_path; } // as messages show it
    bool has_subject() const { return m_subject.has_value(); }
    const std::string& shorter() const { return m_shorter; } // the shorter variant's name, from the header
    const core::SourceLocation& shorter_location() const { return m_shorter_location; }

    RenderedText render(const Values& values, const SpintaxSeed& seed) const;

    // Each variable and section tag of the subject, the body and the partials they use.
    void for_each_name(const std::function<void(const Node&)>& visit) const;

private:
    void parse(const std::string& text, core::Diagnostics& diagnostics);

    std::string m_name;
    std::string m_path;
    std::optional<Nodes> m_subject;
    Nodes m_body;
    std::string m_shorter;
    core::SourceLocation m_shorter_location;
    std::shared_ptr<Partials> m_partials;
    std::set<std::string> m_used_partials;
};

} // namespace campaign::templating
