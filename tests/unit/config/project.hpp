// A campaign project in a fresh temporary folder, laid out as a real one: campaign files under
// campaigns/ beside the templates they name under templates/. Diagnostics come back as the text
// `campaign validate` prints, with the temporary folder left out so that tests can assert the exact
// lines.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <stdlib.h>
#include <string>
#include <string_view>
#include <vector>

#include "config/campaign_loader.hpp"

namespace campaign::test {

using Lines = std::vector<std::string>;

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

// Appends to `text` each required top-level section it does not give, valid and small, so that a
// test writes only what it is about and the line numbers of its text are those of the file.
inline std::string complete_campaign(std::string text) {
    auto gives = [&text](std::string_view key) {
        auto at = text.find(std::string(key) + ":");
        return at != std::string::npos && (at == 0 || text[at - 1] == '\n');
    };
    if (!gives("campaign")) {
        text += "campaign: q4\n";
    }
    if (!gives("senders")) {
        text += "senders:\n  - id: alice\n    timezone: Europe/Paris\n";
    }
    if (!gives("audience")) {
        text += "audience:\n  tags: [founders]\n";
    }
    if (!gives("steps")) {
        text += "steps:\n  - id: look\n    type: view_profile\n";
    }
    return text;
}

class Project {
public:
    // The templates the example of docs/campaigns.md names.
    static constexpr std::string_view k_templates[] = {"connect-short.mustache", "connect-question.mustache",
                                                       "thanks.mustache", "nudge.mustache"};

    Project() {
        auto pattern = (std::filesystem::temp_directory_path() / "campaign-config-XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            throw std::runtime_error("cannot make a temporary folder");
        }
        m_root = pattern;
        std::filesystem::create_directory(m_root / "campaigns");
        for (auto name : k_templates) {
            write(std::filesystem::path("templates") / name, "Hi {{first_name}}\n");
        }
    }
    ~Project() {
        std::error_code ignored;
        std::filesystem::remove_all(m_root, ignored);
    }
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    const std::filesystem::path& root() const { return m_root; }

    void write(const std::filesystem::path& relative, std::string_view content) const {
        std::filesystem::create_directories((m_root / relative).parent_path());
        std::ofstream output(m_root / relative, std::ios::binary);
        output << content;
        if (!output) {
            throw std::runtime_error("cannot write " + relative.string());
        }
    }

    config::LoadedCampaign load(std::string_view yaml,
                                const std::filesystem::path& relative = "campaigns/q4.yaml") const {
        write(relative, yaml);
        return config::load_campaign(m_root / relative);
    }

    // The diagnostics of campaigns/q4.yaml holding `text` and the sections complete_campaign adds
    // to it, one `file:line:col: error: message` line each.
    Lines errors(std::string_view text) const { return lines(load(complete_campaign(std::string(text)))); }
    // The same, of campaigns/q4.yaml holding exactly `yaml`.
    Lines errors_as_written(std::string_view yaml) const { return lines(load(yaml)); }

    Lines lines(const config::LoadedCampaign& loaded) const { return lines(loaded.diagnostics); }
    Lines lines(const core::Diagnostics& diagnostics) const {
        Lines result;
        for (const auto& diagnostic : diagnostics) {
            result.push_back(relative_paths(diagnostic.to_string()));
        }
        return result;
    }

private:
    std::string relative_paths(std::string text) const {
        auto prefix = m_root.string() + "/";
        for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
            text.erase(at, prefix.size());
        }
        return text;
    }

    std::filesystem::path m_root;
};

} // namespace campaign::test
