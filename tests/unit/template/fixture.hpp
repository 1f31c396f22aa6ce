// Templates in a fresh temporary folder, laid out as in a project (templates/, templates/partials/), and a small
// campaign that names them. Messages come back with the temporary folder left out, so that tests assert exact text.
#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <stdlib.h>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "template/template_set.hpp"

namespace campaign::test {

using Lines = std::vector<std::string>;

class TemplateFolder {
public:
    TemplateFolder() {
        auto pattern = (std::filesystem::temp_directory_path() / "campaign-template-XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            throw std::runtime_error("cannot make a temporary folder");
        }
        m_path = pattern;
        std::filesystem::create_directories(m_path / "templates" / "partials");
    }
    ~TemplateFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TemplateFolder(const TemplateFolder&) = delete;
    TemplateFolder& operator=(const TemplateFolder&) = delete;

    std::filesystem::path templates() const { return m_path / "templates"; }

    // Writes templates/<name>.
    void write(const std::string& name, const std::string& content) const {
        std::ofstream(templates() / name, std::ios::binary) << content;
    }

    std::string relative(std::string text) const {
        auto prefix = m_path.generic_string() + "/";
        for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
            text.erase(at, prefix.size());
        }
        return text;
    }

    Lines relative(const core::Diagnostics& diagnostics) const {
        Lines lines;
        for (const auto& diagnostic : diagnostics) {
            lines.push_back(relative(diagnostic.to_string()));
        }
        return lines;
    }

    // A campaign of one sender (alice, premium, first name Alice) whose steps are `steps`.
    core::Campaign campaign(std::vector<core::Step> steps,
                            core::AccountType account = core::AccountType::premium) const {
        core::Campaign result;
        result.id = "q4";
        result.description = "Founders in Europe";
        result.templates_dir = templates().string();
        core::Sender alice;
        alice.id = "alice";
        alice.fields = {{"first_name", "Alice"}, {"name", "Alice Martin"}};
        alice.account = account;
        alice.limits = core::default_limits(account);
        result.senders.push_back(alice);
        result.steps = std::move(steps);
        return result;
    }

    Lines problems(const core::Campaign& campaign) const {
        core::Diagnostics diagnostics;
        templating::TemplateSet templates(campaign, diagnostics);
        return relative(diagnostics);
    }

private:
    std::filesystem::path m_path;
};

inline core::Step step(std::string id, core::ActionType type, std::string template_name) {
    core::Step result;
    result.id = std::move(id);
    result.type = type;
    result.template_name = std::move(template_name);
    return result;
}

inline core::Prospect prospect(std::string first_name, std::string company = "",
                               std::string url = "https://linkedin.com/in/ann-example") {
    core::Prospect result;
    result.profile_url = std::move(url);
    result.first_name = std::move(first_name);
    result.company = std::move(company);
    return result;
}

} // namespace campaign::test
