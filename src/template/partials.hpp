// The shared snippets (signature, P.S.) that templates include with {{> name}}: templates/partials/<name>.mustache,
// each read and parsed once however many templates use it.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "template/syntax.hpp"

namespace campaign::templating {

class Partials {
public:
    explicit Partials(std::filesystem::path folder) : m_folder(std::move(folder)) {}

    // Reads the partials `nodes` names, and those they name in turn; one that is missing, includes itself or is
    // nested deeper than k_partial_depth is reported at the tag.
    void load(const Nodes& nodes, core::Diagnostics& diagnostics);
    const Nodes* find(std::string_view name) const;
    // The names of the partials `nodes` uses, directly or through other partials.
    std::set<std::string> used_by(const Nodes& nodes) const;

private:
    void load(const Nodes& nodes, std::vector<std::string>& chain, core::Diagnostics& diagnostics);

    std::filesystem::path m_folder;
    std::map<std::string, Nodes, std::less<>> m_parsed;
    std::set<std::string, std::less<>> m_missing;
};

// The text of a template file with Windows line ends made Unix ones; throws core::UserError, saying why without the
// file's name, when it cannot be read or is not UTF-8.
std::string read_template_file(const std::filesystem::path& path);

// How a file is named in messages: "templates/partials/signature.mustache".
std::string display_path(const std::filesystem::path& path);

} // namespace campaign::templating
