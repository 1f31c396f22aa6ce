// The example project that `campaign init` writes: compiled in from the repository's campaigns/, templates/ and
// examples/prospects.csv.
#pragma once

#include <span>
#include <string_view>

namespace campaign::cli {

struct ScaffoldFile {
    std::string_view path; // relative to the project folder
    std::string_view content;
};

std::span<const ScaffoldFile> scaffold_files();

} // namespace campaign::cli
