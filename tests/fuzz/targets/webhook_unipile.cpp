// A webhook body of the unipile profile, checked and read as `campaign serve` does with Unipile's POST /unipile.
#include "fuzz/gateway_support.hpp"
#include "fuzz/target.hpp"
#include "transport/webhook.hpp"

CAMPAIGN_FUZZ_TARGET(webhook_unipile) {
    using namespace campaign;
    auto settings = fuzz::gateway_settings(core::WireProfile::unipile);
    transport::webhook_is_authentic(settings.profile, input, "secret", "secret");
    std::string error;
    auto events = transport::read_webhook(settings.profile, input, settings, fuzz::fuzz_now(), error);
    return events ? fuzz::Verdict::accepted : fuzz::Verdict::rejected;
}
