// A gateway file of the http transport, as `campaign run --gateway FILE` and `campaign serve` load it.
#include "config/gateway_loader.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"

CAMPAIGN_FUZZ_TARGET(gateway) {
    using namespace campaign;
    auto files = fuzz::split_files(input, "gateway.yaml");
    auto loaded = config::load_gateway(fuzz::scratch().write(files));
    return loaded.settings ? fuzz::Verdict::accepted : fuzz::Verdict::rejected;
}
