#include "transport/gateway_transport.hpp"

#include "transport/engine_transport.hpp"
#include "transport/unipile_transport.hpp"

namespace campaign::transport {

std::unique_ptr<Transport> make_gateway_transport(const core::GatewaySettings& settings, const std::string& key,
                                                  GatewayHooks hooks) {
    switch (settings.profile) {
    case core::WireProfile::engine:
        return std::make_unique<EngineTransport>(settings, key, std::move(hooks));
    case core::WireProfile::unipile:
        return std::make_unique<UnipileTransport>(settings, key, std::move(hooks));
    }
    return nullptr;
}

} // namespace campaign::transport
