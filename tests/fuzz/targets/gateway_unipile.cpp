// A gateway of the unipile profile answering whatever the input says, through the transport a run uses.
#include "fuzz/gateway_support.hpp"
#include "fuzz/target.hpp"
#include "transport/unipile_transport.hpp"

CAMPAIGN_FUZZ_TARGET(gateway_unipile) {
    using namespace campaign;
    fuzz::Run run;
    try {
        transport::UnipileTransport transport(fuzz::gateway_settings(core::WireProfile::unipile),
                                              std::make_unique<fuzz::ScriptedClient>(input),
                                              {run.clock, run.random, run.sleeper, [](const std::string&) {}});
        fuzz::drive(transport, run);
    } catch (const core::RuntimeFailure&) {
        return fuzz::Verdict::rejected; // the run stops with the gateway's failure, exit 3
    }
    return fuzz::Verdict::accepted;
}
