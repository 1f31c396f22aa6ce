// An SSI CSV file, read as `campaign ssi import FILE --sender alice` reads it.
#include "crm/ssi_files.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"

CAMPAIGN_FUZZ_TARGET(ssi_csv) {
    using namespace campaign;
    auto file = fuzz::scratch().write("ssi.csv", input);
    try {
        auto read = crm::read_ssi(file, {"alice", std::nullopt}, [](const core::SsiSnapshot&) {});
        return read.diagnostics.empty() ? fuzz::Verdict::accepted : fuzz::Verdict::rejected;
    } catch (const core::UserError&) {
        return fuzz::Verdict::rejected;
    }
}
