#include "transport/unipile_webhook.hpp"

#include "transport/wire_fields.hpp"

namespace campaign::transport {

namespace {

// A string field a webhook cannot do without; empty, with the reason in `error`, when it is missing.
std::string required(const Json& object, const char* key, std::string_view kind, std::string& error) {
    auto value = text_of(object, key);
    if (value.empty()) {
        error = "a '" + std::string(kind) + "' webhook without '" + key + "'";
    }
    return value;
}

// Who someone is, as Unipile names them: by public id ("jane-doe") when it gives one, and by member id (ACoAA...),
// which is all it gives of some senders (".../in/ACoAA..."). The engine matches the prospect on either.
struct Member {
    std::string public_id;
    std::string member_id;

    bool empty() const { return public_id.empty() && member_id.empty(); }
    // The public profile's URL, or for a member known by id alone the URL LinkedIn answers for it.
    std::string profile_url() const { return linkedin_profile_url(public_id.empty() ? member_id : public_id); }
};

Member member_of(const std::string& public_id, const std::string& provider_id, const std::string& profile_url) {
    Member member{public_id, provider_id.empty() ? linkedin_member_id(profile_url) : provider_id};
    if (member.public_id.empty() && linkedin_member_id(profile_url).empty()) {
        member.public_id = linkedin_public_id(profile_url);
    }
    return member;
}

bool is_own_message(const Json& body, const Json& sender) {
    auto own_id = body.contains("account_info") && body["account_info"].is_object()
                      ? text_of(body["account_info"], "user_id")
                      : std::string();
    return is_set(body, "is_sender") || (!own_id.empty() && own_id == text_of(sender, "attendee_provider_id"));
}

std::optional<std::vector<core::Event>> read_message(const Json& body, const core::GatewaySettings& settings,
                                                     std::string& error) {
    constexpr std::string_view kind = "message_received";
    auto account = required(body, "account_id", kind, error);
    auto id = account.empty() ? "" : required(body, "message_id", kind, error);
    if (id.empty()) {
        return std::nullopt;
    }
    auto type = text_of(body, "account_type");
    if (!type.empty() && type != "LINKEDIN") {
        return std::vector<core::Event>{}; // the same account's WhatsApp or mail is none of the engine's business
    }
    auto sender = body.find("sender");
    if (sender == body.end() || !sender->is_object()) {
        error = "message '" + id + "' has no 'sender'";
        return std::nullopt;
    }
    if (is_own_message(body, *sender)) {
        return std::vector<core::Event>{}; // the account's own message, sent by the engine or from another device
    }
    auto member = member_of(text_of(*sender, "attendee_public_identifier"), text_of(*sender, "attendee_provider_id"),
                            text_of(*sender, "attendee_profile_url"));
    if (member.empty()) {
        error = "message '" + id +
                "': the sender has no 'attendee_provider_id', 'attendee_public_identifier' or 'attendee_profile_url'";
        return std::nullopt;
    }
    auto at = parse_unipile_time(text_of(body, "timestamp"));
    if (!at) {
        error = "message '" + id + "': 'timestamp' is not a time like 2023-09-24T13:49:07.965Z";
        return std::nullopt;
    }
    core::Event event{
        id, core::EventType::replied, settings.sender_of(account), member.profile_url(), *at, text_of(body, "message"),
        "", member.member_id};
    return std::vector<core::Event>{std::move(event)};
}

std::optional<std::vector<core::Event>> read_relation(const Json& body, const core::GatewaySettings& settings,
                                                      std::string& error) {
    constexpr std::string_view kind = "new_relation";
    auto account = required(body, "account_id", kind, error);
    auto member = account.empty() ? "" : required(body, "user_provider_id", kind, error);
    if (member.empty()) {
        return std::nullopt;
    }
    auto who = member_of(text_of(body, "user_public_identifier"), member, text_of(body, "user_profile_url"));
    // Unipile finds new relations by polling LinkedIn and gives them no id: a relation is new once per account.
    core::Event event{"new_relation:" + account + ":" + member,
                      core::EventType::accepted,
                      settings.sender_of(account),
                      who.profile_url(),
                      parse_unipile_time(text_of(body, "timestamp")).value_or(core::Timestamp{}),
                      "",
                      "",
                      who.member_id};
    return std::vector<core::Event>{std::move(event)};
}

// The statuses after which nothing can be sent through the account until a person acts, and what to do. ERROR,
// STOPPED and CONNECTING are about syncing, and pass by themselves; OK, RECONNECTED and the like are good news.
std::optional<std::string> what_to_do(const std::string& status) {
    if (status == "CREDENTIALS") {
        return "its LinkedIn session is gone (expired, ended by the member, or restricted by LinkedIn): connect the "
               "account again in Unipile";
    }
    if (status == "PERMISSIONS") {
        return "Unipile lacks a permission it needs on the account: connect the account again in Unipile and grant "
               "what it asks for";
    }
    if (status == "DELETED") {
        return "the account was removed from Unipile: connect it again, and put its new id under the gateway's "
               "accounts";
    }
    return std::nullopt;
}

std::optional<std::vector<core::Event>> read_account_status(const Json& status, const core::GatewaySettings& settings,
                                                            std::string& error) {
    constexpr std::string_view kind = "AccountStatus";
    if (!status.is_object()) {
        error = "'AccountStatus' is not an object";
        return std::nullopt;
    }
    auto account = required(status, "account_id", kind, error);
    auto message = account.empty() ? "" : required(status, "message", kind, error);
    if (message.empty()) {
        return std::nullopt;
    }
    auto remedy = what_to_do(message);
    if (!remedy) {
        return std::vector<core::Event>{};
    }
    core::Event event{"account_status:" + account + ":" + message,
                      core::EventType::restricted,
                      settings.sender_of(account),
                      "",
                      core::Timestamp{},
                      "Unipile reports the account " + message + ": " + *remedy,
                      "",
                      ""};
    return std::vector<core::Event>{std::move(event)};
}

} // namespace

std::optional<std::vector<core::Event>>
parse_unipile_webhook(std::string_view body, const core::GatewaySettings& settings, std::string& error) {
    auto document = Json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        error = "the body is not a JSON object";
        return std::nullopt;
    }
    if (auto status = document.find("AccountStatus"); status != document.end()) {
        return read_account_status(*status, settings, error);
    }
    if (!document.contains("event")) {
        error = "the body has neither 'event' nor 'AccountStatus': not a Unipile webhook";
        return std::nullopt;
    }
    auto kind = text_of(document, "event");
    if (kind == "message_received") {
        return read_message(document, settings, error);
    }
    if (kind == "new_relation") {
        return read_relation(document, settings, error);
    }
    return std::vector<core::Event>{}; // reactions, reads, edits, mail: nothing the engine records
}

std::optional<core::Timestamp> parse_unipile_time(std::string_view text) {
    // "YYYY-MM-DDTHH:MM:SS" then an optional fraction, then "Z".
    constexpr std::size_t seconds_end = 19;
    if (text.size() > seconds_end + 1 && text[seconds_end] == '.' && text.ends_with('Z')) {
        auto fraction = text.substr(seconds_end + 1, text.size() - seconds_end - 2);
        if (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string_view::npos) {
            return std::nullopt;
        }
        return core::parse_utc(std::string(text.substr(0, seconds_end)) + "Z");
    }
    return core::parse_utc(text);
}

} // namespace campaign::transport
