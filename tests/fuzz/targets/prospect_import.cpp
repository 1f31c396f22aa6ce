// A prospects CSV imported into a CRM as `campaign prospects import FILE` imports it: a generic CSV or LinkedIn's
// Connections.csv, into a fresh database each time.
#include "crm/importer.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"

namespace {

// A database made once, beside the scratch folder, and copied for each input: migrating a new one each time would
// be most of the work.
std::filesystem::path fresh_database() {
    const auto& folder = campaign::fuzz::scratch().path();
    static const auto k_empty = [&folder] {
        std::filesystem::path path = folder.string() + "-empty.db";
        std::filesystem::remove(path);
        campaign::store::Database database(path, campaign::store::OpenMode::create);
        return path;
    }();
    std::filesystem::path copy = folder.string() + ".db";
    for (auto suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(copy.string() + suffix);
    }
    std::filesystem::copy_file(k_empty, copy);
    return copy;
}

} // namespace

CAMPAIGN_FUZZ_TARGET(prospect_import) {
    using namespace campaign;
    auto file = fuzz::scratch().write("prospects.csv", input);
    core::ManualClock clock(fuzz::fuzz_now());
    try {
        store::Database database(fresh_database(), store::OpenMode::must_exist);
        database.relax_durability(); // a copy thrown away after the input: its commits need not reach the disk
        crm::ImportFile opened(file);
        crm::import_prospects(database, opened, {{"fuzz"}, ""}, clock);
    } catch (const core::UserError&) {
        return fuzz::Verdict::rejected;
    }
    return fuzz::Verdict::accepted;
}
