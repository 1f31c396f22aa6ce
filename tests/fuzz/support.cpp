#include "fuzz/support.hpp"

#include <algorithm>
#include <fstream>
#include <unistd.h>

#include "fuzz/target.hpp"

namespace campaign::fuzz {

namespace {

constexpr std::size_t k_most_files = 16;
constexpr std::size_t k_longest_name = 64;
constexpr std::string_view k_open = "==> ";
constexpr std::string_view k_close = " <==";

bool usable_name(const std::string& name) {
    auto plain = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-' || c == '/';
    });
    return plain && !name.empty() && name.size() <= k_longest_name && name.front() != '/' && name.back() != '/' &&
           name.find("..") == std::string::npos && name.find("//") == std::string::npos;
}

} // namespace

std::map<std::string, Target>& targets() {
    static std::map<std::string, Target> k_targets;
    return k_targets;
}

std::vector<File> split_files(std::string_view input, const std::string& first) {
    std::vector<File> files{{first, ""}};
    while (!input.empty()) {
        auto end = input.find('\n');
        auto line = input.substr(0, end == std::string_view::npos ? input.size() : end + 1);
        input.remove_prefix(line.size());
        auto bare = line.substr(0, line.size() - (line.ends_with('\n') ? 1 : 0));
        if (bare.starts_with(k_open) && bare.ends_with(k_close) && bare.size() > k_open.size() + k_close.size()) {
            std::string name(bare.substr(k_open.size(), bare.size() - k_open.size() - k_close.size()));
            files.push_back({name, ""});
            continue;
        }
        files.back().content += line;
    }
    std::vector<File> kept;
    for (auto& file : files) {
        bool taken = std::any_of(kept.begin(), kept.end(), [&file](const File& other) {
            return other.name == file.name || other.name.starts_with(file.name + "/") ||
                   file.name.starts_with(other.name + "/");
        });
        if (usable_name(file.name) && !taken && kept.size() < k_most_files) {
            kept.push_back(std::move(file));
        }
    }
    return kept;
}

Scratch::Scratch() {
    auto base = std::filesystem::temp_directory_path() / ("campaign-fuzz-" + std::to_string(getpid()));
    std::filesystem::remove_all(base);
    std::filesystem::create_directories(base);
    m_path = base;
}

Scratch::~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
    for (auto suffix : {".db", ".db-wal", ".db-shm", "-empty.db", "-empty.db-wal", "-empty.db-shm"}) {
        std::filesystem::remove(m_path.string() + suffix, ignored);
    }
}

std::filesystem::path Scratch::write(const std::vector<File>& files) const {
    for (const auto& entry : std::filesystem::directory_iterator(m_path)) {
        std::filesystem::remove_all(entry.path());
    }
    for (const auto& file : files) {
        auto path = m_path / file.name;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << file.content;
    }
    return m_path / files.front().name;
}

std::filesystem::path Scratch::write(const std::string& name, std::string_view content) const {
    return write({{name, std::string(content)}});
}

const Scratch& scratch() {
    static const Scratch k_scratch;
    return k_scratch;
}

bool has_errors(const core::Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const core::Diagnostic& diagnostic) { return diagnostic.severity == core::Severity::error; });
}

core::Timestamp fuzz_now() {
    return core::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}} + std::chrono::hours{9};
}

std::vector<core::Prospect> fuzz_prospects() {
    core::Prospect full;
    full.profile_url = "https://linkedin.com/in/zoe-vdb";
    full.first_name = "Zoë";
    full.last_name = "van den Berg";
    full.company = "Brightwater";
    full.title = "CEO";
    full.tags = {"founders", "customer"};
    full.fields = {{"team_size", "12"}, {"city", "Utrecht"}};
    core::Prospect bare;
    bare.profile_url = "https://linkedin.com/in/nameless";
    bare.tags = {"founders"};
    return {full, bare};
}

} // namespace campaign::fuzz
