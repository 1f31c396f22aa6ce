// The edge where actions leave the engine and events come back: the mock simulator for forecasts and tests, or a
// gateway to LinkedIn over HTTP. The engine records an action's intent before send() and its outcome after, and asks
// lookup() after a crash rather than sending twice.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/campaign.hpp"
#include "core/event.hpp"
#include "core/prospect.hpp"
#include "core/time.hpp"

namespace campaign::transport {

struct Outbound {
    std::string idempotency_key; // stable for the (enrollment, step): a retry carries the same key
    std::string campaign;        // the campaign's id
    core::ActionType type = core::ActionType::view_profile;
    std::string sender; // the sender's id
    core::Prospect prospect;
    std::string subject; // InMail only
    std::string text;    // the connection note, message or InMail body; empty for actions without text
    core::Timestamp at{};
    // The end of the sender's working hours: a transport starts no try of the action after it.
    std::optional<core::Timestamp> not_after;
};

enum class SendStatus {
    sent,           // done
    rejected,       // will never be done (too long, not allowed, unknown profile): the action fails with the reason
    retry_later,    // not done this time (timeout, 5xx, rate limit): try again at retry_at
    rate_limited,   // the other side asks this sender to wait until retry_at: none of its actions go before then
    limit_reached,  // a limit of the account for the action's type (LinkedIn's weekly invitations): no action of
                    // that type goes for this sender before retry_at, or the engine's cooldown without it
    unreachable,    // the other side could not be reached, for any sender: nothing goes before retry_at
    refused,        // the other side refuses the engine itself (a wrong key, a wrong address): the run must stop
    sender_blocked, // the account is restricted or disconnected: nothing more for this sender until resumed
    in_doubt,       // it may or may not have gone out, and the other side cannot tell: a person must look
};

struct SendResult {
    SendResult() = default;
    SendResult(SendStatus what, std::string answer, std::string why, std::optional<core::Timestamp> again_at)
        : status(what), response(std::move(answer)), error(std::move(why)), retry_at(again_at) {}

    SendStatus status = SendStatus::sent;
    std::string response; // what the other side answered, for the action log
    std::string error;    // why not, in words a user can act on
    std::optional<core::Timestamp> retry_at;
    // LinkedIn's id of the prospect as the other side named them while acting, whatever the outcome (Unipile's
    // provider_id, ACoAA...): the engine keeps it with the prospect, for the events that name them by it alone.
    std::string member_id;
};

enum class LookupStatus {
    performed,
    not_performed,
    unknown,     // the other side answered and cannot tell: the action is in doubt
    unreachable, // the other side could not be asked: the action stays as it is, for a later run to ask again
};

struct Lookup {
    LookupStatus status = LookupStatus::unknown;
    SendResult result; // when performed: what send() answered; when unreachable: why, in `error`
};

struct Cursor {
    std::string value;
};

class Transport {
public:
    virtual ~Transport() = default;
    virtual std::string_view name() const = 0;

    virtual SendResult send(const Outbound& action) = 0;
    // Whether an action was performed: the engine asks after a crash left it between intent and outcome, with the
    // action as it was recorded (a gateway without idempotency keys looks for it among what was sent).
    virtual Lookup lookup(const Outbound& action) = 0;
    // Events that happened up to `now`. An event may come again (after a restart, from a retried poll): the engine
    // applies each id once.
    virtual std::vector<core::Event> poll(core::Timestamp now) = 0;
    // The same, asked right before an action goes out: a transport that polls only now and then asks now.
    virtual std::vector<core::Event> poll_before_send(core::Timestamp now) { return poll(now); }
    // When the next event is known to happen: a simulator knows, a gateway does not.
    virtual std::optional<core::Timestamp> next_event_at() const = 0;

    // Where polling for events has got to, for a transport that polls with a cursor: saved with the events it
    // brought, and given back to resume() by the next run, so that events are neither lost nor fetched all again.
    virtual std::optional<Cursor> cursor() const { return std::nullopt; }
    virtual void resume(const std::string& /*cursor*/) {}
    // The cursor's name in the database: one per gateway.
    virtual std::string cursor_name() const { return std::string(name()); }

    // The sender's SSI as LinkedIn's salesApiSsi answer, for a gateway that can fetch it.
    virtual std::optional<std::string> fetch_ssi(const std::string& /*sender*/) { return std::nullopt; }
};

} // namespace campaign::transport
