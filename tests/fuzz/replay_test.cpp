// The inputs that once crashed a fuzz target, replayed through the same targets in the normal suite: each must end in
// an error the program reports. The seed corpora go through too, which must end without a crash either way.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/target.hpp"

namespace {

std::vector<std::filesystem::path> sorted_entries(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> entries;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        entries.push_back(entry.path());
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

std::string read(const std::filesystem::path& file) {
    std::ifstream input(file, std::ios::binary);
    std::ostringstream text;
    text << input.rdbuf();
    return text.str();
}

const std::filesystem::path k_fuzz = std::filesystem::path(CAMPAIGN_SOURCE_DIR) / "tests" / "fuzz";

} // namespace

TEST_CASE("every input that once crashed a fuzz target ends in an error", "[fuzz]") {
    const auto& targets = campaign::fuzz::targets();
    std::size_t replayed = 0;
    for (const auto& folder : sorted_entries(k_fuzz / "regressions")) {
        auto target = targets.find(folder.filename().string());
        INFO("target " << folder.filename().string());
        REQUIRE(target != targets.end());
        for (const auto& file : sorted_entries(folder)) {
            INFO("input " << file.filename().string());
            campaign::fuzz::Verdict verdict{};
            CHECK_NOTHROW(verdict = target->second(read(file)));
            CHECK(verdict == campaign::fuzz::Verdict::rejected);
            ++replayed;
        }
    }
    CHECK(replayed >= 8);
}

TEST_CASE("the seed corpus of every fuzz target runs through it", "[fuzz]") {
    const auto& targets = campaign::fuzz::targets();
    CHECK(targets.size() == 15);
    for (const auto& [name, target] : targets) {
        INFO("target " << name);
        auto folder = k_fuzz / "corpus" / name;
        REQUIRE(std::filesystem::is_directory(folder));
        auto seeds = sorted_entries(folder);
        CHECK_FALSE(seeds.empty());
        for (const auto& file : seeds) {
            INFO("input " << file.filename().string());
            CHECK_NOTHROW(target(read(file)));
        }
    }
}
