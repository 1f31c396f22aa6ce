// The unipile profile: Unipile's public API v1 (docs/http-transport.md). Unipile takes no idempotency key, so a request
// that may have reached it without an answer is looked for among what the account has sent before it goes again, and
// the answer is "in doubt" when that cannot be told. Events come by webhook (unipile_webhook.hpp), not by polling.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "transport/exchange.hpp"
#include "transport/gateway_transport.hpp"

namespace campaign::transport {

class UnipileTransport final : public Transport {
public:
    UnipileTransport(const core::GatewaySettings& settings, const std::string& key, GatewayHooks hooks);
    // The same over a client of the caller's: a test's or a fuzzer's answers instead of a gateway's.
    UnipileTransport(const core::GatewaySettings& settings, std::unique_ptr<HttpClient> client, GatewayHooks hooks);

    std::string_view name() const override { return "http"; }
    SendResult send(const Outbound& action) override;
    Lookup lookup(const Outbound& action) override;
    // Unipile pushes its events to `campaign serve`; there is nothing to poll.
    std::vector<core::Event> poll(core::Timestamp /*now*/) override { return {}; }
    std::optional<core::Timestamp> next_event_at() const override { return std::nullopt; }

private:
    SendResult send_within_hours(const Outbound& action);
    // Whether an action is among what the account has done, with what was found or why it cannot be told.
    enum class Found { yes, no, unknown };
    struct Search {
        Found found = Found::unknown;
        std::string detail; // the id found, or why it cannot be told
        SendResult failure; // when unknown: what the failed search means for a send that depends on it
    };
    // The prospect as Unipile knows them: the sender's account, the public id of the URL and the member id.
    struct Target {
        std::string account;
        std::string public_id;
        std::string provider_id;
    };
    // A request Unipile would act on twice if it came twice, with how to read its answer and how to look for it.
    struct Attempt {
        HttpRequest request;
        AnswerCheck check;
        std::string doing; // for errors: "sending the invitation"
        std::function<SendResult(const HttpResponse&)> on_done;
        std::function<Search()> search;
    };
    struct Resolved {
        std::optional<Target> target;
        SendResult failure;
    };

    Resolved resolve(const Outbound& action, bool visit);
    SendResult perform_once(const Attempt& attempt);
    std::optional<Attempt> attempt_for(const Outbound& action, const Target& target, SendResult& refusal);
    Attempt invite(const Outbound& action, const Target& target);
    Attempt message(const Outbound& action, const Target& target);
    Attempt withdraw(const Target& target, const std::string& invitation_id);

    Search find_invitation(const Target& target);
    Search find_message(const Target& target, const Outbound& action);
    std::optional<std::vector<std::string>> chats_with(const Target& target, std::string& why);
    Search find_in_chat(const std::string& chat, const Outbound& action);

    Search search_for(const Outbound& action, const Target& target);

    SendResult failure_of(const Reply& reply, const std::string& doing) const;
    SendResult redacted(SendResult result);

    core::GatewaySettings m_settings;
    GatewayHooks m_hooks;
    Exchange m_exchange;
    std::map<std::pair<std::string, std::string>, std::string> m_members; // (account, public id) -> member id
    std::map<std::pair<std::string, std::string>, std::string> m_chats;   // (account, member id) -> chat id
};

} // namespace campaign::transport
