// LinkedIn's salesApiSsi JSON, read as `campaign ssi import FILE.json` reads a file of it and as a run reads a
// gateway's fetched answer: both go through the same reader.
#include "crm/ssi_files.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"

CAMPAIGN_FUZZ_TARGET(ssi_json) {
    using namespace campaign;
    auto day = std::chrono::floor<std::chrono::days>(fuzz::fuzz_now());
    auto read = crm::read_fetched_ssi(std::string(input), "the gateway's SSI of sender 'alice'", {"alice", day},
                                      [](const core::SsiSnapshot&) {});
    return read.diagnostics.empty() ? fuzz::Verdict::accepted : fuzz::Verdict::rejected;
}
