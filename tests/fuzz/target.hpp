// A fuzz target is one function of an input that must end, whatever the input, in a result or in an error the program
// reports, never in a crash or an exception nobody catches. Under the fuzz build (CAMPAIGN_FUZZ_ENTRY) a target's
// file is libFuzzer's entry point; under the normal build it registers itself for the replay of tests/fuzz/regressions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace campaign::fuzz {

enum class Verdict {
    accepted, // the input was read and used
    rejected, // the program would report an error and exit 1
};

using Target = Verdict (*)(std::string_view input);

// The targets linked into this program, by name.
std::map<std::string, Target>& targets();

inline bool register_target(const char* name, Target target) {
    targets().emplace(name, target);
    return true;
}

} // namespace campaign::fuzz

// CAMPAIGN_FUZZ_TARGET(name) { ... return Verdict::...; } defines target `name`, with the input as `input`.
#ifdef CAMPAIGN_FUZZ_ENTRY
#define CAMPAIGN_FUZZ_TARGET(name)                                                                                     \
    static campaign::fuzz::Verdict fuzz_##name(std::string_view input);                                                \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {                                \
        fuzz_##name(std::string_view(reinterpret_cast<const char*>(data), size));                                      \
        return 0;                                                                                                      \
    }                                                                                                                  \
    static campaign::fuzz::Verdict fuzz_##name(std::string_view input)
#else
#define CAMPAIGN_FUZZ_TARGET(name)                                                                                     \
    static campaign::fuzz::Verdict fuzz_##name(std::string_view input);                                                \
    static const bool k_registered_##name = campaign::fuzz::register_target(#name, fuzz_##name);                       \
    static campaign::fuzz::Verdict fuzz_##name(std::string_view input)
#endif
