#include "transport/unipile_transport.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"
#include "transport/unipile_webhook.hpp"
#include "transport/wire_fields.hpp"

namespace campaign::transport {

namespace {

constexpr int k_invitation_pages = 10; // of 100, newest first: one just sent is on the first
constexpr int k_invitation_page_size = 100;
constexpr int k_message_pages = 4; // of 50, newest first
constexpr int k_message_page_size = 50;
constexpr int k_chats_searched = 5;
// How much earlier than the action's own time a sent message may be stamped and still be it: the engine's, Unipile's
// and LinkedIn's clocks differ. An older message with the same text was an earlier step's.
constexpr core::Duration k_clock_slack = std::chrono::hours{1};

bool is_profile(const HttpResponse& response) {
    auto answer = json_object(response.body);
    return answer && !text_of(*answer, "provider_id").empty();
}

bool is_list(const HttpResponse& response) {
    auto answer = json_object(response.body);
    return answer && answer->contains("items") && (*answer)["items"].is_array();
}

bool is_invitation(const HttpResponse& response) {
    auto answer = json_object(response.body);
    return answer && (text_of(*answer, "object") == "UserInvitationSent" || answer->contains("invitation_id"));
}

// POST /chats answers {"object": "ChatStarted", "chat_id", "message_id"}, POST /chats/{id}/messages {"message_id"}.
bool is_message_sent(const HttpResponse& response) {
    auto answer = json_object(response.body);
    return answer && (answer->contains("message_id") || answer->contains("chat_id"));
}

bool is_json(const HttpResponse& response) {
    return json_object(response.body).has_value();
}

// Unipile acts on every request it receives: one that acts goes on a connection of its own, which libcurl cannot
// replay by itself (see HttpRequest::replayable).
HttpRequest request(std::string method, std::string path) {
    HttpRequest made{std::move(method), std::move(path), {}, "", "", {}};
    made.replayable = made.method == "GET";
    return made;
}

HttpRequest form_post(std::string path, std::vector<std::pair<std::string, std::string>> form) {
    auto post = request("POST", std::move(path));
    post.form = std::move(form);
    return post;
}

// Unipile's errors: {"status", "type": "errors/...", "title", "detail"}.
struct Problem {
    std::string type;
    std::string words; // "Title: detail"
};

Problem problem_of(const HttpResponse& response) {
    auto answer = json_object(response.body);
    if (!answer) {
        return {};
    }
    auto title = text_of(*answer, "title");
    auto detail = text_of(*answer, "detail");
    return {text_of(*answer, "type"), title.empty() || detail.empty() ? title + detail : title + ": " + detail};
}

bool is_rate_limit(long status, const std::string& type) {
    return status == 429 || type == "errors/too_many_requests" || type == "api/too_many_requests";
}

// Every 401 is about the account's session (disconnected, expired, a checkpoint) or the key: nothing of the sender
// can go until a person acts. So are these 403s; the others (a feature not subscribed) concern one kind of action.
bool blocks_sender(long status, const std::string& type) {
    static constexpr std::array<std::string_view, 5> k_account_errors{
        "errors/disconnected_account", "errors/account_restricted", "errors/action_required",
        "errors/unknown_authentication_context", "errors/session_mismatch"};
    return status == 401 || std::find(k_account_errors.begin(), k_account_errors.end(), type) != k_account_errors.end();
}

// Whether a request without a usable answer may still have been acted on: it left, and Unipile did not say no.
bool may_have_arrived(const Reply& reply) {
    const auto& response = reply.response;
    if (!response.answered()) {
        return response.failure == Failure::no_answer;
    }
    return response.status >= 500 || (reply.ok() && !reply.usable);
}

// A public id as a path segment: encoded, except for what the profile URL had percent-encoded already.
std::string path_segment(const std::string& id) {
    std::string segment;
    for (std::size_t at = 0; at < id.size(); ++at) {
        bool encoded = id[at] == '%' && at + 2 < id.size() && std::isxdigit(static_cast<unsigned char>(id[at + 1])) &&
                       std::isxdigit(static_cast<unsigned char>(id[at + 2]));
        segment += encoded ? std::string("%") : url_encode(std::string(1, id[at]));
    }
    return segment;
}

// LinkedIn keeps the text as sent, but line ends and edges may come back otherwise.
std::string comparable(std::string text) {
    std::erase(text, '\r');
    return std::string(core::trim(text));
}

std::optional<SendResult> refusal_of(core::ActionType type) {
    std::string why;
    switch (type) {
    case core::ActionType::follow:
        why = "Unipile's API v1 documents no way to follow a member";
        break;
    case core::ActionType::like_post:
        why = "Unipile reacts only to a post named by its id, and a step names a prospect, not a post";
        break;
    case core::ActionType::endorse:
        why = "Unipile's API v1 documents no way to endorse a skill";
        break;
    default:
        return std::nullopt;
    }
    return SendResult{SendStatus::rejected, "",
                      "'" + std::string(core::to_string(type)) + "' is not offered by the unipile profile: " + why,
                      std::nullopt};
}

} // namespace

UnipileTransport::UnipileTransport(const core::GatewaySettings& settings, const std::string& key, GatewayHooks hooks)
    : UnipileTransport(settings, std::make_unique<CurlClient>(settings, "X-API-KEY", key), std::move(hooks)) {}

UnipileTransport::UnipileTransport(const core::GatewaySettings& settings, std::unique_ptr<HttpClient> client,
                                   GatewayHooks hooks)
    : m_settings(settings), m_hooks(std::move(hooks)),
      m_exchange(std::move(client), settings, m_hooks.clock, m_hooks.random, m_hooks.sleeper) {}

SendResult UnipileTransport::send(const Outbound& action) {
    m_exchange.set_deadline(action.not_after);
    auto result = send_within_hours(action);
    m_exchange.set_deadline(std::nullopt);
    return result;
}

SendResult UnipileTransport::send_within_hours(const Outbound& action) {
    if (auto refusal = refusal_of(action.type)) {
        return *refusal;
    }
    bool visit = action.type == core::ActionType::view_profile;
    auto resolved = resolve(action, visit);
    if (!resolved.target) {
        return redacted(resolved.failure);
    }
    SendResult result{SendStatus::sent, "profile visited", "", std::nullopt};
    if (!visit) {
        SendResult refusal;
        auto attempt = attempt_for(action, *resolved.target, refusal);
        result = redacted(attempt ? perform_once(*attempt) : refusal);
    }
    // Learned on the way, whatever became of the action: the member id is how Unipile names them in its webhooks.
    result.member_id = resolved.target->provider_id;
    return result;
}

Lookup UnipileTransport::lookup(const Outbound& action) {
    // send() refuses these, so they never happened; a visit leaves nothing to find, and a second one is the same.
    if (refusal_of(action.type) || action.type == core::ActionType::view_profile) {
        return {LookupStatus::not_performed, {}};
    }
    auto resolved = resolve(action, false);
    if (!resolved.target) {
        if (resolved.failure.status == SendStatus::rejected) {
            return {LookupStatus::not_performed, {}}; // no such profile: nothing can have reached it
        }
        m_hooks.warn(m_exchange.client().redact("cannot look action " + action.idempotency_key +
                                                " up at Unipile: " + resolved.failure.error));
        return {LookupStatus::unknown, {}};
    }
    auto search = search_for(action, *resolved.target);
    Lookup answer{LookupStatus::unknown, {}};
    switch (search.found) {
    case Found::yes:
        answer = {
            LookupStatus::performed,
            redacted({SendStatus::sent, search.detail + " (found among what the account sent)", "", std::nullopt})};
        break;
    case Found::no:
        answer.status = LookupStatus::not_performed;
        break;
    case Found::unknown:
        m_hooks.warn(m_exchange.client().redact("cannot tell whether action " + action.idempotency_key +
                                                " was performed: " + search.detail));
        break;
    }
    answer.result.member_id = resolved.target->provider_id;
    return answer;
}

UnipileTransport::Search UnipileTransport::search_for(const Outbound& action, const Target& target) {
    if (action.type == core::ActionType::message || action.type == core::ActionType::inmail) {
        return find_message(target, action);
    }
    auto pending = find_invitation(target);
    if (action.type == core::ActionType::connect || pending.found == Found::unknown) {
        return pending.found == Found::yes ? Search{Found::yes, "invitation " + pending.detail, {}} : pending;
    }
    // A withdrawal was performed when no invitation to the prospect is pending any more.
    return pending.found == Found::yes ? Search{Found::no, "", {}}
                                       : Search{Found::yes, "no invitation pending any more", {}};
}

UnipileTransport::Resolved UnipileTransport::resolve(const Outbound& action, bool visit) {
    Target target{m_settings.account_of(action.sender), linkedin_public_id(action.prospect.profile_url), ""};
    if (target.public_id.empty()) {
        return {std::nullopt,
                {SendStatus::rejected, "",
                 "'" + action.prospect.profile_url +
                     "' is not a LinkedIn profile URL (https://www.linkedin.com/in/...): Unipile needs its public id",
                 std::nullopt}};
    }
    auto key = std::pair{target.account, core::to_lower_ascii(target.public_id)};
    if (auto known = m_members.find(key); known != m_members.end() && !visit) {
        target.provider_id = known->second;
        return {target, {}};
    }
    // Without notify=true Unipile reads the profile without LinkedIn telling the member of a visit.
    auto path = "/users/" + path_segment(target.public_id) + "?account_id=" + url_encode(target.account) +
                (visit ? "&notify=true" : "");
    auto reply = m_exchange.call(request("GET", path), Resend::always, is_profile);
    if (!reply.ok() || !reply.usable) {
        auto doing = std::string(visit ? "visiting" : "looking up") + " profile '" + target.public_id + "'";
        return {std::nullopt, failure_of(reply, doing)};
    }
    target.provider_id = text_of(*json_object(reply.response.body), "provider_id");
    m_members[key] = target.provider_id;
    return {target, {}};
}

std::optional<UnipileTransport::Attempt> UnipileTransport::attempt_for(const Outbound& action, const Target& target,
                                                                       SendResult& refusal) {
    switch (action.type) {
    case core::ActionType::connect:
        return invite(action, target);
    case core::ActionType::message:
    case core::ActionType::inmail:
        return message(action, target);
    case core::ActionType::withdraw_invite:
        break;
    default:
        refusal = {SendStatus::rejected, "", "the unipile profile cannot perform this action", std::nullopt};
        return std::nullopt;
    }
    // Unipile withdraws an invitation by its id, which only the list of pending invitations tells.
    auto pending = find_invitation(target);
    if (pending.found == Found::yes) {
        return withdraw(target, pending.detail);
    }
    refusal = pending.found == Found::unknown
                  ? pending.failure
                  : SendResult{SendStatus::rejected, "",
                               "no invitation to '" + target.public_id +
                                   "' is pending: it was accepted, declined or withdrawn already",
                               std::nullopt};
    return std::nullopt;
}

UnipileTransport::Attempt UnipileTransport::invite(const Outbound& action, const Target& target) {
    Json body{{"provider_id", target.provider_id}, {"account_id", target.account}};
    if (!action.text.empty()) {
        body["message"] = action.text;
    }
    Attempt attempt;
    attempt.request = request("POST", "/users/invite");
    attempt.request.body = body.dump();
    attempt.request.content_type = "application/json";
    attempt.check = is_invitation;
    attempt.doing = "sending the invitation";
    attempt.on_done = [](const HttpResponse& response) {
        auto id = text_of(*json_object(response.body), "invitation_id");
        return SendResult{SendStatus::sent, id.empty() ? "invitation sent" : "invitation " + id, "", std::nullopt};
    };
    attempt.search = [this, action, target] { return search_for(action, target); };
    return attempt;
}

UnipileTransport::Attempt UnipileTransport::message(const Outbound& action, const Target& target) {
    bool inmail = action.type == core::ActionType::inmail;
    auto chat_key = std::pair{target.account, target.provider_id};
    auto chat = m_chats.find(chat_key);
    Attempt attempt;
    if (chat != m_chats.end() && !inmail) {
        attempt.request = form_post("/chats/" + url_encode(chat->second) + "/messages", {{"text", action.text}});
    } else {
        // A new chat, or the 1:1 chat Unipile already has with the member: it sends into that one.
        std::vector<std::pair<std::string, std::string>> form{
            {"account_id", target.account}, {"attendees_ids", target.provider_id}, {"text", action.text}};
        if (inmail) {
            form.emplace_back("linkedin[inmail]", "true");
            if (!action.subject.empty()) {
                form.emplace_back("subject", action.subject);
            }
        }
        attempt.request = form_post("/chats", std::move(form));
    }
    attempt.check = is_message_sent;
    attempt.doing = inmail ? "sending the InMail" : "sending the message";
    attempt.on_done = [this, chat_key](const HttpResponse& response) {
        auto answer = *json_object(response.body);
        auto message_id = text_of(answer, "message_id");
        auto chat_id = text_of(answer, "chat_id");
        if (!chat_id.empty()) {
            m_chats[chat_key] = chat_id;
        }
        auto said = message_id.empty() ? std::string("message sent") : "message " + message_id;
        return SendResult{SendStatus::sent, said + (chat_id.empty() ? "" : " in chat " + chat_id), "", std::nullopt};
    };
    attempt.search = [this, action, target] { return find_message(target, action); };
    return attempt;
}

UnipileTransport::Attempt UnipileTransport::withdraw(const Target& target, const std::string& invitation_id) {
    Attempt attempt;
    attempt.request = request("DELETE", "/users/invite/sent/" + url_encode(invitation_id) +
                                            "?account_id=" + url_encode(target.account));
    attempt.check = is_json;
    attempt.doing = "withdrawing the invitation";
    attempt.on_done = [invitation_id](const HttpResponse&) {
        return SendResult{SendStatus::sent, "invitation " + invitation_id + " withdrawn", "", std::nullopt};
    };
    attempt.search = [this, target] {
        Outbound withdrawal;
        withdrawal.type = core::ActionType::withdraw_invite;
        return search_for(withdrawal, target);
    };
    return attempt;
}

// Unipile acts on every request it receives: one whose answer is lost is looked for among what the account did, and
// sent once more only when it is certainly not there.
SendResult UnipileTransport::perform_once(const Attempt& attempt) {
    for (int round = 1;; ++round) {
        auto reply = m_exchange.call(attempt.request, Resend::if_never_left, attempt.check);
        if (!may_have_arrived(reply)) {
            return reply.ok() && reply.usable ? attempt.on_done(reply.response) : failure_of(reply, attempt.doing);
        }
        auto unclear = "no clear answer when " + attempt.doing + " (" + reply.describe() + ")";
        auto search = attempt.search();
        switch (search.found) {
        case Found::yes:
            return {SendStatus::sent, search.detail + ", found among what the account did after " + unclear, "",
                    std::nullopt};
        case Found::unknown:
            return {SendStatus::in_doubt, "",
                    unclear + ", and whether it was done cannot be told: " + search.detail + "; check on LinkedIn",
                    std::nullopt};
        case Found::no:
            break;
        }
        if (round == 2) {
            return {SendStatus::retry_later, "", unclear + " twice, and it was not done: trying again later",
                    m_hooks.clock.now() + k_unreachable_wait};
        }
    }
}

UnipileTransport::Search UnipileTransport::find_invitation(const Target& target) {
    std::string cursor;
    for (int page = 0; page < k_invitation_pages; ++page) {
        auto path = "/users/invite/sent?account_id=" + url_encode(target.account) +
                    "&limit=" + std::to_string(k_invitation_page_size) +
                    (cursor.empty() ? "" : "&cursor=" + url_encode(cursor));
        auto reply = m_exchange.call(request("GET", path), Resend::always, is_list);
        if (!reply.ok() || !reply.usable) {
            return {Found::unknown, "the sent invitations could not be listed (" + reply.describe() + ")",
                    failure_of(reply, "listing the sent invitations")};
        }
        auto list = *json_object(reply.response.body);
        for (const auto& item : list["items"]) {
            if (item.is_object() && (text_of(item, "invited_user_id") == target.provider_id ||
                                     core::to_lower_ascii(text_of(item, "invited_user_public_id")) ==
                                         core::to_lower_ascii(target.public_id))) {
                return {Found::yes, text_of(item, "id"), {}};
            }
        }
        cursor = text_of(list, "cursor");
        if (cursor.empty()) {
            return {Found::no, "", {}};
        }
    }
    auto why = "it is not among the newest " + std::to_string(k_invitation_pages * k_invitation_page_size) +
               " pending invitations";
    return {Found::unknown, why, {SendStatus::rejected, "", "cannot find the invitation: " + why, std::nullopt}};
}

UnipileTransport::Search UnipileTransport::find_message(const Target& target, const Outbound& action) {
    std::string why;
    auto chats = chats_with(target, why);
    if (!chats) {
        return {Found::unknown, why, {}};
    }
    for (const auto& chat : *chats) {
        auto search = find_in_chat(chat, action);
        if (search.found == Found::yes) {
            m_chats[{target.account, target.provider_id}] = chat;
        }
        if (search.found != Found::no) {
            return search;
        }
    }
    return {Found::no, "", {}};
}

// The account's chats with the member: the one a message went to before, and those Unipile lists for them.
std::optional<std::vector<std::string>> UnipileTransport::chats_with(const Target& target, std::string& why) {
    std::vector<std::string> chats;
    if (auto known = m_chats.find({target.account, target.provider_id}); known != m_chats.end()) {
        chats.push_back(known->second);
    }
    auto path = "/chat_attendees/" + url_encode(target.provider_id) +
                "/chats?account_id=" + url_encode(target.account) + "&limit=" + std::to_string(k_chats_searched);
    auto reply = m_exchange.call(request("GET", path), Resend::always, is_list);
    if (reply.response.answered() && reply.response.status == 404) {
        return chats; // Unipile has never had a chat with them
    }
    if (!reply.ok() || !reply.usable) {
        why = "the chats with the prospect could not be listed (" + reply.describe() + ")";
        return std::nullopt;
    }
    auto list = *json_object(reply.response.body);
    for (const auto& item : list["items"]) {
        auto id = item.is_object() ? text_of(item, "id") : std::string();
        if (!id.empty() && std::find(chats.begin(), chats.end(), id) == chats.end()) {
            chats.push_back(id);
        }
    }
    return chats;
}

// The account's own message with the action's text, stamped no earlier than the action (within the clocks' slack).
UnipileTransport::Search UnipileTransport::find_in_chat(const std::string& chat, const Outbound& action) {
    auto since = action.at - k_clock_slack;
    auto text = comparable(action.text);
    std::string cursor;
    for (int page = 0; page < k_message_pages; ++page) {
        auto path = "/chats/" + url_encode(chat) + "/messages?limit=" + std::to_string(k_message_page_size) +
                    (cursor.empty() ? "" : "&cursor=" + url_encode(cursor));
        auto reply = m_exchange.call(request("GET", path), Resend::always, is_list);
        if (!reply.ok() || !reply.usable) {
            return {
                Found::unknown, "the messages of chat " + chat + " could not be listed (" + reply.describe() + ")", {}};
        }
        auto list = *json_object(reply.response.body);
        bool reached_older = false;
        for (const auto& item : list["items"]) {
            auto when = item.is_object() ? parse_unipile_time(text_of(item, "timestamp")) : std::nullopt;
            if (when && *when < since) {
                reached_older = true;
            } else if (item.is_object() && is_set(item, "is_sender") && comparable(text_of(item, "text")) == text) {
                return {Found::yes, "message " + text_of(item, "id") + " in chat " + chat, {}};
            }
        }
        cursor = text_of(list, "cursor");
        if (reached_older || cursor.empty()) {
            return {Found::no, "", {}};
        }
    }
    return {Found::unknown, "chat " + chat + " has more messages since the action than were searched", {}};
}

SendResult UnipileTransport::failure_of(const Reply& reply, const std::string& doing) const {
    auto now = m_hooks.clock.now();
    const auto& response = reply.response;
    if (reply.transient() || reply.stopped) {
        // A run stopped between two tries leaves the step due at once, for the next run to send.
        return {SendStatus::retry_later, "", "Unipile unreachable " + doing + ": " + reply.describe(),
                reply.stopped ? now : now + k_unreachable_wait};
    }
    auto problem = problem_of(response);
    auto said = doing + ": Unipile answered HTTP " + std::to_string(response.status) +
                (problem.type.empty() ? "" : " " + problem.type) + (problem.words.empty() ? "" : ": " + problem.words);
    auto after =
        response.retry_after ? parse_retry_after(*response.retry_after, now, response.date.value_or("")) : std::nullopt;
    if (is_rate_limit(response.status, problem.type)) {
        return {SendStatus::rate_limited, "", said, after.value_or(now + k_default_rate_limit_wait)};
    }
    // A limit of the account (the week's invitations): every other prospect would meet it too, and each refused
    // request counts against the account at LinkedIn. Without Retry-After the engine's cooldown holds.
    if (problem.type == "errors/limit_exceeded") {
        return {SendStatus::limit_reached, "", said + " (a LinkedIn limit of the account)", after};
    }
    if (blocks_sender(response.status, problem.type)) {
        return {SendStatus::sender_blocked, "", said, std::nullopt};
    }
    return {SendStatus::rejected, "", said, std::nullopt};
}

SendResult UnipileTransport::redacted(SendResult result) {
    result.error = m_exchange.client().redact(std::move(result.error));
    result.response = m_exchange.client().redact(std::move(result.response));
    return result;
}

} // namespace campaign::transport
