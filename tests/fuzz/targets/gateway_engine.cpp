// A gateway of the engine profile answering whatever the input says, through the transport a run uses.
#include "fuzz/gateway_support.hpp"
#include "fuzz/target.hpp"
#include "transport/engine_transport.hpp"

CAMPAIGN_FUZZ_TARGET(gateway_engine) {
    using namespace campaign;
    fuzz::Run run;
    try {
        transport::EngineTransport transport(fuzz::gateway_settings(core::WireProfile::engine),
                                             std::make_unique<fuzz::ScriptedClient>(input),
                                             {run.clock, run.random, run.sleeper, [](const std::string&) {}});
        fuzz::drive(transport, run);
    } catch (const core::RuntimeFailure&) {
        return fuzz::Verdict::rejected; // the run stops with the gateway's failure, exit 3
    }
    return fuzz::Verdict::accepted;
}
