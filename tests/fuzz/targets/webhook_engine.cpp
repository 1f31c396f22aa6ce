// A webhook body of the engine profile, checked and read as `campaign serve` does with a gateway's POST /events.
#include "fuzz/gateway_support.hpp"
#include "fuzz/target.hpp"
#include "transport/webhook.hpp"

CAMPAIGN_FUZZ_TARGET(webhook_engine) {
    using namespace campaign;
    auto settings = fuzz::gateway_settings(core::WireProfile::engine);
    transport::webhook_is_authentic(settings.profile, input, transport::signature_of(input, "secret"), "secret");
    std::string error;
    auto events = transport::read_webhook(settings.profile, input, settings, fuzz::fuzz_now(), error);
    return events ? fuzz::Verdict::accepted : fuzz::Verdict::rejected;
}
