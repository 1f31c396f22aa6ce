// The engine profile: the engine's own JSON protocol, with an Idempotency-Key on every action so that any request
// can be retried, a lookup by that key for crash recovery, and inbound events polled after a saved cursor.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "transport/exchange.hpp"
#include "transport/gateway_transport.hpp"

namespace campaign::transport {

class EngineTransport final : public Transport {
public:
    EngineTransport(const core::GatewaySettings& settings, const std::string& key, GatewayHooks hooks);
    // The same over a client of the caller's: a test's or a fuzzer's answers instead of a gateway's.
    EngineTransport(const core::GatewaySettings& settings, std::unique_ptr<HttpClient> client, GatewayHooks hooks);

    std::string_view name() const override { return "http"; }
    SendResult send(const Outbound& action) override;
    Lookup lookup(const Outbound& action) override;
    std::vector<core::Event> poll(core::Timestamp now) override;
    std::vector<core::Event> poll_before_send(core::Timestamp now) override;
    std::optional<core::Timestamp> next_event_at() const override;
    std::optional<Cursor> cursor() const override;
    void resume(const std::string& cursor) override;
    std::string cursor_name() const override;
    std::optional<std::string> fetch_ssi(const std::string& sender) override;

private:
    std::vector<core::Event> fetch_events();
    SendResult read_answer(const Reply& reply, core::Timestamp now) const;
    std::string unreachable(const Reply& reply) const;
    SendResult result_of(const Reply& reply, core::Timestamp now);

    core::GatewaySettings m_settings;
    GatewayHooks m_hooks;
    Exchange m_exchange;
    std::optional<std::string> m_cursor; // after the last page fetched
    std::optional<core::Timestamp> m_next_poll;
};

} // namespace campaign::transport
