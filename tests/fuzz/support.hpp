// What the fuzz targets share: an input that holds several files, written into a scratch folder of the process, and
// the fixed sender, prospects and moments the targets read them against.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/campaign.hpp"
#include "core/error.hpp"
#include "core/prospect.hpp"
#include "core/time.hpp"

namespace campaign::fuzz {

struct File {
    std::string name;
    std::string content;
};

// The files of an input: the text before the first line "==> NAME <==" is `first`, each such line starts a file
// of that name. Names that could leave the folder, or are odd, long or many, are dropped: the target is the parser,
// not the file system.
std::vector<File> split_files(std::string_view input, const std::string& first);

// A folder of this process's own, emptied and filled again for each input, and removed at its end with the files
// beside it that share its name.
class Scratch {
public:
    Scratch();
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    // Empties the folder and writes the files into it; returns the path of the first.
    std::filesystem::path write(const std::vector<File>& files) const;
    std::filesystem::path write(const std::string& name, std::string_view content) const;

private:
    std::filesystem::path m_path;
};

// The one Scratch of the process, made on first use.
const Scratch& scratch();

bool has_errors(const core::Diagnostics& diagnostics);

// The moment the targets run at, and a few prospects of different shapes to render for.
core::Timestamp fuzz_now();
std::vector<core::Prospect> fuzz_prospects();

} // namespace campaign::fuzz
