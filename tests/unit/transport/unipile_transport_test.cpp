// The unipile profile against a fake Unipile on 127.0.0.1 that speaks the endpoints the transport uses, records every
// request and fails on demand, so that lost answers, rate limits and account errors can be played out for real.
#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <thread>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "transport/unipile_transport.hpp"

namespace {

using namespace campaign;
using json = nlohmann::json;
using transport::SendStatus;

const std::string k_key = "unipile-key-8f3Kq2";
const core::Timestamp k_now = *core::parse_utc("2026-12-01T09:30:00Z");

enum class Trouble {
    status_500,          // 500 errors/unexpected_error, nothing done
    status_500_after,    // done, then 500
    stall_after,         // done, then no answer within the client's timeout
    reset_after,         // done, then the connection is reset
    garbled_after,       // done, then 200 with a body that is not JSON
    rate_limited,        // 429 errors/too_many_requests, Retry-After: 120
    disconnected,        // 401 errors/disconnected_account
    too_many_characters, // 400 errors/too_many_characters
    limit_exceeded,      // 422 errors/limit_exceeded, no Retry-After
    echo_key,            // 400 whose detail quotes the X-API-KEY it got
};

struct Seen {
    std::string method;
    std::string target; // path and query
    std::string key;    // X-API-KEY
    json body;          // the JSON body, or the multipart fields as an object
};

struct Invitation {
    std::string id;
    std::string member;
    std::string text;
};

struct Message {
    std::string id;
    std::string chat;
    std::string member;
    std::string text;
    std::string timestamp;
    std::string subject;
    bool inmail = false;
};

// Connecting a TCP socket to AF_UNSPEC aborts it with a RST; cpp-httplib hands a handler no socket, so it is found
// among the process's descriptors by its two ports.
void reset_connection(const httplib::Request& req) {
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        int fd = std::atoi(entry.path().filename().c_str());
        sockaddr_in local{}, peer{};
        socklen_t local_size = sizeof local, peer_size = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) == 0 &&
            getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) == 0 && local.sin_family == AF_INET &&
            ntohs(local.sin_port) == req.local_port && ntohs(peer.sin_port) == req.remote_port) {
            sockaddr unspecified{};
            unspecified.sa_family = AF_UNSPEC;
            ::connect(fd, &unspecified, sizeof unspecified);
            return;
        }
    }
}

void problem(httplib::Response& res, int status, const std::string& type, const std::string& title,
             const std::string& detail) {
    res.status = status;
    res.set_content(json{{"status", status}, {"type", type}, {"title", title}, {"detail", detail}}.dump(),
                    "application/json");
}

class FakeUnipile {
public:
    FakeUnipile() {
        route_get(R"(/api/v1/users/invite/sent)", "invitations", [this](auto& req, auto& res) { list(req, res); });
        route_get(R"(/api/v1/users/([^/]+))", "profile", [this](auto& req, auto& res) { profile(req, res); });
        m_server.Post("/api/v1/users/invite", wrap("invite", [this](auto& req, auto& res) { invite(req, res); }));
        m_server.Delete(R"(/api/v1/users/invite/sent/([^/]+))",
                        wrap("withdraw", [this](auto& req, auto& res) { withdraw(req, res); }));
        m_server.Post("/api/v1/chats", wrap("start_chat", [this](auto& req, auto& res) { start_chat(req, res); }));
        m_server.Post(R"(/api/v1/chats/([^/]+)/messages)",
                      wrap("send_in_chat", [this](auto& req, auto& res) { send_in_chat(req, res); }));
        route_get(R"(/api/v1/chats/([^/]+)/messages)", "chat_messages",
                  [this](auto& req, auto& res) { chat_messages(req, res); });
        route_get(R"(/api/v1/chat_attendees/([^/]+)/chats)", "attendee_chats",
                  [this](auto& req, auto& res) { attendee_chats(req, res); });
        // Each answer in one go: held back for the client's delayed ACK, every request would take 40 ms.
        m_server.set_tcp_nodelay(true);
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~FakeUnipile() {
        m_server.stop();
        m_thread.join();
    }
    FakeUnipile(const FakeUnipile&) = delete;
    FakeUnipile& operator=(const FakeUnipile&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/api/v1"; }

    void fail_next(const std::string& route, Trouble trouble, int times = 1) {
        std::lock_guard lock(m_mutex);
        m_troubles[route].insert(m_troubles[route].end(), times, trouble);
    }
    // A message the account sent before the test, as LinkedIn stamped it.
    void add_sent_message(const std::string& member, const std::string& text, const std::string& timestamp) {
        std::lock_guard lock(m_mutex);
        m_messages.push_back(
            {"msg-" + std::to_string(m_messages.size() + 1), chat_of(member), member, text, timestamp, "", false});
    }

    std::vector<Seen> seen() const {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }
    std::vector<Seen> seen(const std::string& method, const std::string& prefix) const {
        std::vector<Seen> matching;
        for (auto& request : seen()) {
            if (request.method == method && request.target.starts_with(prefix)) {
                matching.push_back(request);
            }
        }
        return matching;
    }
    std::vector<Invitation> invitations() const {
        std::lock_guard lock(m_mutex);
        return m_invitations;
    }
    std::vector<Message> messages() const {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }

private:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    void route_get(const std::string& pattern, const std::string& name, Handler handler) {
        m_server.Get(pattern, wrap(name, std::move(handler)));
    }

    Handler wrap(std::string name, Handler handler) {
        return [this, name = std::move(name), handler = std::move(handler)](const auto& req, auto& res) {
            auto trouble = take(name, req);
            if (trouble && refuse(*trouble, req, res)) {
                return;
            }
            {
                std::lock_guard lock(m_mutex);
                handler(req, res);
            }
            if (trouble) {
                spoil(*trouble, req, res);
            }
        };
    }

    std::optional<Trouble> take(const std::string& name, const httplib::Request& req) {
        json body = json::parse(req.body, nullptr, false);
        if (req.is_multipart_form_data()) {
            body = json::object();
            for (const auto& [field, file] : req.files) {
                body[field] = file.content;
            }
        }
        std::lock_guard lock(m_mutex);
        m_seen.push_back({req.method, req.target, req.get_header_value("X-API-KEY"), body});
        auto& queue = m_troubles[name];
        if (queue.empty()) {
            return std::nullopt;
        }
        auto trouble = queue.front();
        queue.erase(queue.begin());
        return trouble;
    }

    static bool refuse(Trouble trouble, const httplib::Request& req, httplib::Response& res) {
        switch (trouble) {
        case Trouble::status_500:
            problem(res, 500, "errors/unexpected_error", "Unexpected error", "Something went wrong.");
            return true;
        case Trouble::rate_limited:
            res.set_header("Retry-After", "120");
            problem(res, 429, "errors/too_many_requests", "Too many requests",
                    "The provider cannot accept any more requests at the moment.");
            return true;
        case Trouble::disconnected:
            problem(res, 401, "errors/disconnected_account", "Disconnected account",
                    "The account appears to be disconnected from the provider service.");
            return true;
        case Trouble::too_many_characters:
            problem(res, 400, "errors/too_many_characters", "Too many characters",
                    "The provided content exceeds the character limit.");
            return true;
        case Trouble::limit_exceeded:
            problem(res, 422, "errors/limit_exceeded", "Limit exceeded", "The weekly invitation limit is reached.");
            return true;
        case Trouble::echo_key:
            problem(res, 400, "errors/invalid_parameters", "Invalid parameters",
                    "bad key " + req.get_header_value("X-API-KEY"));
            return true;
        default:
            return false;
        }
    }

    static void spoil(Trouble trouble, const httplib::Request& req, httplib::Response& res) {
        switch (trouble) {
        case Trouble::status_500_after:
            problem(res, 500, "errors/provider_error", "Provider error", "LinkedIn did not answer in time.");
            break;
        case Trouble::stall_after:
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            break;
        case Trouble::reset_after:
            reset_connection(req);
            break;
        case Trouble::garbled_after:
            res.set_content(R"({"object": "UserInvit)", "application/json");
            break;
        default:
            break;
        }
    }

    static std::string member_of(const std::string& public_id) { return "ACo-" + public_id; }

    std::string chat_of(const std::string& member) {
        auto& chat = m_chats[member];
        if (chat.empty()) {
            chat = "chat-" + std::to_string(m_chats.size());
        }
        return chat;
    }

    void profile(const httplib::Request& req, httplib::Response& res) {
        auto id = req.matches[1].str();
        if (id == "nobody") {
            problem(res, 404, "errors/resource_not_found", "User not found", "");
            return;
        }
        res.set_content(json{{"object", "UserProfile"},
                             {"provider", "LINKEDIN"},
                             {"provider_id", member_of(id)},
                             {"public_identifier", id}}
                            .dump(),
                        "application/json");
    }

    void invite(const httplib::Request& req, httplib::Response& res) {
        auto body = json::parse(req.body);
        Invitation invitation{"inv-" + std::to_string(++m_invitations_sent), body.value("provider_id", ""),
                              body.value("message", "")};
        m_invitations.push_back(invitation);
        res.set_content(json{{"object", "UserInvitationSent"}, {"invitation_id", invitation.id}}.dump(),
                        "application/json");
    }

    void list(const httplib::Request&, httplib::Response& res) {
        json items = json::array();
        for (auto at = m_invitations.rbegin(); at != m_invitations.rend(); ++at) {
            items.push_back({{"object", "InvitationSent"},
                             {"id", at->id},
                             {"invited_user_id", at->member},
                             {"invited_user_public_id", at->member.substr(4)},
                             {"invitation_text", at->text}});
        }
        res.set_content(json{{"object", "InvitationList"}, {"items", items}, {"cursor", nullptr}}.dump(),
                        "application/json");
    }

    void withdraw(const httplib::Request& req, httplib::Response& res) {
        auto id = req.matches[1].str();
        auto found = std::find_if(m_invitations.begin(), m_invitations.end(), [&](auto& i) { return i.id == id; });
        if (found == m_invitations.end()) {
            problem(res, 400, "errors/invalid_parameters", "Invalid parameters", "The invitation ID is invalid");
            return;
        }
        m_invitations.erase(found);
        res.set_content(R"({"object": "UserInvitationCancelled"})", "application/json");
    }

    std::string record_message(const std::string& member, const std::string& text, const httplib::Request& req) {
        Message message{"msg-" + std::to_string(m_messages.size() + 1),
                        chat_of(member),
                        member,
                        text,
                        "2026-12-01T09:30:02.417Z",
                        req.has_file("subject") ? req.get_file_value("subject").content : "",
                        req.has_file("linkedin[inmail]") && req.get_file_value("linkedin[inmail]").content == "true"};
        m_messages.push_back(message);
        return message.id;
    }

    void start_chat(const httplib::Request& req, httplib::Response& res) {
        auto member = req.get_file_value("attendees_ids").content;
        auto id = record_message(member, req.get_file_value("text").content, req);
        res.status = 201;
        res.set_content(json{{"object", "ChatStarted"}, {"chat_id", m_chats[member]}, {"message_id", id}}.dump(),
                        "application/json");
    }

    void send_in_chat(const httplib::Request& req, httplib::Response& res) {
        auto chat = req.matches[1].str();
        auto member = std::find_if(m_chats.begin(), m_chats.end(), [&](auto& c) { return c.second == chat; })->first;
        auto id = record_message(member, req.get_file_value("text").content, req);
        res.status = 201;
        res.set_content(json{{"object", "MessageSent"}, {"message_id", id}}.dump(), "application/json");
    }

    void chat_messages(const httplib::Request& req, httplib::Response& res) {
        json items = json::array();
        for (auto at = m_messages.rbegin(); at != m_messages.rend(); ++at) {
            if (at->chat == req.matches[1].str()) {
                items.push_back({{"object", "Message"},
                                 {"id", at->id},
                                 {"chat_id", at->chat},
                                 {"text", at->text},
                                 {"is_sender", 1},
                                 {"timestamp", at->timestamp}});
            }
        }
        res.set_content(json{{"object", "MessageList"}, {"items", items}, {"cursor", nullptr}}.dump(),
                        "application/json");
    }

    void attendee_chats(const httplib::Request& req, httplib::Response& res) {
        auto chat = m_chats.find(req.matches[1].str());
        if (chat == m_chats.end()) {
            problem(res, 404, "errors/resource_not_found", "Resource not found.", "");
            return;
        }
        json items = json::array({{{"object", "Chat"}, {"id", chat->second}, {"attendee_provider_id", chat->first}}});
        res.set_content(json{{"object", "ChatList"}, {"items", items}, {"cursor", nullptr}}.dump(), "application/json");
    }

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::map<std::string, std::vector<Trouble>> m_troubles;
    std::vector<Seen> m_seen;
    std::vector<Invitation> m_invitations;
    std::vector<Message> m_messages;
    std::map<std::string, std::string> m_chats; // member -> chat id
    int m_invitations_sent = 0;                 // withdrawn ones included
};

class RecordingSleeper final : public transport::Sleeper {
public:
    bool sleep_for(std::chrono::milliseconds wait) override {
        waits.push_back(wait);
        return true;
    }
    std::vector<std::chrono::milliseconds> waits;
};

core::GatewaySettings settings_for(const std::string& url) {
    core::GatewaySettings settings;
    settings.profile = core::WireProfile::unipile;
    settings.url = url;
    settings.api_key_env = "UNIPILE_KEY";
    settings.timeout = std::chrono::milliseconds{200};
    settings.attempts = 3;
    settings.backoff = std::chrono::milliseconds{2};
    settings.max_backoff = std::chrono::milliseconds{8};
    settings.accounts = {{"alice", "acc-alice"}};
    return settings;
}

transport::Outbound action(core::ActionType type, const std::string& slug, std::string text = "",
                           std::string sender = "alice") {
    transport::Outbound outbound;
    outbound.idempotency_key = "q4/" + slug + "/" + std::string(core::to_string(type));
    outbound.type = type;
    outbound.sender = std::move(sender);
    outbound.prospect.profile_url = "https://linkedin.com/in/" + slug;
    outbound.text = std::move(text);
    outbound.at = k_now;
    return outbound;
}

struct Fixture {
    FakeUnipile unipile;
    core::ManualClock clock{k_now};
    core::SeededRandom random{7};
    RecordingSleeper sleeper;
    std::vector<std::string> warnings;

    std::unique_ptr<transport::UnipileTransport> make(const std::string& url) {
        transport::GatewayHooks hooks{clock, random, sleeper, [this](const std::string& w) { warnings.push_back(w); }};
        return std::make_unique<transport::UnipileTransport>(settings_for(url), k_key, std::move(hooks));
    }
    std::unique_ptr<transport::UnipileTransport> gateway = make(unipile.url());

    transport::SendResult send(const transport::Outbound& outbound) {
        auto result = gateway->send(outbound);
        CHECK(result.error.find(k_key) == std::string::npos);
        CHECK(result.response.find(k_key) == std::string::npos);
        return result;
    }
};

} // namespace

TEST_CASE("unipile: an invitation goes to the member of the profile's public id, with the key", "[transport]") {
    Fixture f;
    auto result = f.send(action(core::ActionType::connect, "jane-doe", "Hi Jane"));

    CHECK(result.status == SendStatus::sent);
    CHECK(result.response == "invitation inv-1");
    auto requests = f.unipile.seen();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].method == "GET");
    CHECK(requests[0].target == "/api/v1/users/jane-doe?account_id=acc-alice");
    CHECK(requests[1].target == "/api/v1/users/invite");
    CHECK(requests[1].body ==
          json{{"provider_id", "ACo-jane-doe"}, {"account_id", "acc-alice"}, {"message", "Hi Jane"}});
    for (const auto& request : requests) {
        CHECK(request.key == k_key);
    }

    SECTION("without a note, no message field") {
        f.send(action(core::ActionType::connect, "john-roe"));
        CHECK(f.unipile.seen().back().body == json{{"provider_id", "ACo-john-roe"}, {"account_id", "acc-alice"}});
    }
    SECTION("the member id is looked up once per account and profile") {
        f.send(action(core::ActionType::message, "jane-doe", "Thanks for connecting"));
        CHECK(f.unipile.seen("GET", "/api/v1/users/jane-doe").size() == 1);
    }
    SECTION("a sender without an account entry acts through the account of its own name") {
        f.send(action(core::ActionType::connect, "john-roe", "", "bob"));
        CHECK(f.unipile.seen("GET", "/api/v1/users/john-roe").front().target ==
              "/api/v1/users/john-roe?account_id=bob");
    }
}

TEST_CASE("unipile: an invitation whose answer is lost is found among the sent ones, not sent again", "[transport]") {
    Fixture f;
    auto trouble =
        GENERATE(Trouble::status_500_after, Trouble::stall_after, Trouble::reset_after, Trouble::garbled_after);
    f.unipile.fail_next("invite", trouble);

    auto result = f.send(action(core::ActionType::connect, "jane-doe", "Hi Jane"));

    CHECK(result.status == SendStatus::sent);
    CHECK(result.response.starts_with("invitation inv-1, found among what the account did after no clear answer when "
                                      "sending the invitation ("));
    CHECK(f.unipile.invitations().size() == 1);
    CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 1);
    CHECK(f.unipile.seen("GET", "/api/v1/users/invite/sent?account_id=acc-alice").size() == 1);
}

TEST_CASE("unipile: an invitation that certainly did not arrive is sent once more", "[transport]") {
    Fixture f;
    f.unipile.fail_next("invite", Trouble::status_500);

    SECTION("and goes") {
        auto result = f.send(action(core::ActionType::connect, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response == "invitation inv-1");
        CHECK(f.unipile.invitations().size() == 1);
        CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 2);
    }
    SECTION("but not a third time: it waits for a later try") {
        f.unipile.fail_next("invite", Trouble::status_500);
        auto result = f.send(action(core::ActionType::connect, "jane-doe"));
        CHECK(result.status == SendStatus::retry_later);
        CHECK(result.retry_at == k_now + transport::k_unreachable_wait);
        CHECK(f.unipile.invitations().empty());
        CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 2);
    }
}

TEST_CASE("unipile: an invitation is in doubt when the sent ones cannot be listed", "[transport]") {
    Fixture f;
    f.unipile.fail_next("invite", Trouble::stall_after);
    f.unipile.fail_next("invitations", Trouble::status_500, 3);

    auto result = f.send(action(core::ActionType::connect, "jane-doe"));

    CHECK(result.status == SendStatus::in_doubt);
    CHECK(result.error.find(", and whether it was done cannot be told: the sent invitations could not be listed "
                            "(HTTP 500 after 3 tries); check on LinkedIn") != std::string::npos);
    CHECK(f.unipile.invitations().size() == 1);
    CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 1);
    CHECK(f.sleeper.waits.size() == 2); // between the three tries of the list, never before sending again
}

TEST_CASE("unipile: messages start a chat, then go into it", "[transport]") {
    Fixture f;
    auto first = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
    auto second = f.send(action(core::ActionType::message, "jane-doe", "Any news?"));

    CHECK(first.status == SendStatus::sent);
    CHECK(first.response == "message msg-1 in chat chat-1");
    CHECK(second.response == "message msg-2");
    auto started = f.unipile.seen("POST", "/api/v1/chats");
    REQUIRE(started.size() == 2);
    CHECK(started[0].body == json{{"account_id", "acc-alice"}, {"attendees_ids", "ACo-jane-doe"}, {"text", "Hi Jane"}});
    CHECK(started[1].target == "/api/v1/chats/chat-1/messages");
    CHECK(started[1].body == json{{"text", "Any news?"}});
}

TEST_CASE("unipile: a message whose answer is lost is found in the chat, not sent again", "[transport]") {
    Fixture f;
    SECTION("in a new chat") {
        f.unipile.fail_next("start_chat", Trouble::stall_after);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response.starts_with("message msg-1 in chat chat-1, found among what the account did after"));
        CHECK(f.unipile.messages().size() == 1);
    }
    SECTION("in a known chat") {
        f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        f.unipile.fail_next("send_in_chat", Trouble::reset_after);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Any news?"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response.starts_with("message msg-2 in chat chat-1, found"));
        CHECK(f.unipile.messages().size() == 2);
    }
    SECTION("the same text sent hours before is an earlier message, not this one") {
        f.unipile.add_sent_message("ACo-jane-doe", "Hi Jane", "2026-12-01T07:10:00.000Z");
        f.unipile.fail_next("start_chat", Trouble::status_500);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response == "message msg-2 in chat chat-1");
        CHECK(f.unipile.messages().size() == 2);
    }
    SECTION("a chat Unipile does not know means it did not go: sent once more") {
        f.unipile.fail_next("start_chat", Trouble::status_500);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        CHECK(result.status == SendStatus::sent);
        CHECK(f.unipile.seen("GET", "/api/v1/chat_attendees/ACo-jane-doe/chats?account_id=acc-alice").size() == 1);
        CHECK(f.unipile.messages().size() == 1);
    }
}

TEST_CASE("unipile: an InMail starts a chat with the InMail option and its subject", "[transport]") {
    Fixture f;
    auto inmail = action(core::ActionType::inmail, "jane-doe", "Hello Jane");
    inmail.subject = "A question";
    auto result = f.send(inmail);

    CHECK(result.status == SendStatus::sent);
    auto messages = f.unipile.messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].inmail);
    CHECK(messages[0].subject == "A question");
}

TEST_CASE("unipile: Unipile's errors say what the engine does", "[transport]") {
    Fixture f;
    auto connect = action(core::ActionType::connect, "jane-doe", "Hi Jane");

    SECTION("429: the sender waits until Retry-After") {
        f.unipile.fail_next("invite", Trouble::rate_limited);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::rate_limited);
        CHECK(result.retry_at == k_now + std::chrono::seconds{120});
        CHECK(f.unipile.invitations().empty());
    }
    SECTION("a disconnected account blocks the sender") {
        f.unipile.fail_next("profile", Trouble::disconnected);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::sender_blocked);
        CHECK(result.error == "looking up profile 'jane-doe': Unipile answered HTTP 401 errors/disconnected_account: "
                              "Disconnected account: The account appears to be disconnected from the provider "
                              "service.");
    }
    SECTION("a note too long is rejected with Unipile's reason") {
        f.unipile.fail_next("invite", Trouble::too_many_characters);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error == "sending the invitation: Unipile answered HTTP 400 errors/too_many_characters: Too many "
                              "characters: The provided content exceeds the character limit.");
    }
    SECTION("the account's weekly limit holds the sender back a day") {
        f.unipile.fail_next("invite", Trouble::limit_exceeded);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::rate_limited);
        CHECK(result.retry_at == k_now + transport::k_provider_limit_wait);
    }
    SECTION("an unknown profile is rejected") {
        auto result = f.send(action(core::ActionType::connect, "nobody"));
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error == "looking up profile 'nobody': Unipile answered HTTP 404 errors/resource_not_found: User "
                              "not found");
    }
    SECTION("a URL without a public id is rejected before any request") {
        auto odd = connect;
        odd.prospect.profile_url = "https://linkedin.com/company/acme";
        auto result = f.send(odd);
        CHECK(result.status == SendStatus::rejected);
        CHECK(f.unipile.seen().empty());
    }
    SECTION("the key never shows in what the transport says") {
        f.unipile.fail_next("invite", Trouble::echo_key);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error.ends_with("Invalid parameters: bad key [redacted]"));
    }
    SECTION("Unipile out of reach: tried again later") {
        auto unreachable = f.make("http://127.0.0.1:1/api/v1");
        auto result = unreachable->send(connect);
        CHECK(result.status == SendStatus::retry_later);
        CHECK(result.retry_at == k_now + transport::k_unreachable_wait);
        CHECK(f.sleeper.waits.size() == 2);
    }
}

TEST_CASE("unipile: a visit, a withdrawal, and what Unipile cannot do", "[transport]") {
    Fixture f;
    SECTION("a visit reads the profile with notify=true") {
        auto result = f.send(action(core::ActionType::view_profile, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(f.unipile.seen().back().target == "/api/v1/users/jane-doe?account_id=acc-alice&notify=true");
    }
    SECTION("a withdrawal cancels the pending invitation by its id") {
        f.send(action(core::ActionType::connect, "jane-doe"));
        auto result = f.send(action(core::ActionType::withdraw_invite, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response == "invitation inv-1 withdrawn");
        CHECK(f.unipile.seen("DELETE", "/api/v1/users/invite/sent/inv-1?account_id=acc-alice").size() == 1);
        CHECK(f.unipile.invitations().empty());
    }
    SECTION("a withdrawal whose answer is lost is done when nothing is pending any more") {
        f.send(action(core::ActionType::connect, "jane-doe"));
        f.unipile.fail_next("withdraw", Trouble::stall_after);
        auto result = f.send(action(core::ActionType::withdraw_invite, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response.starts_with("no invitation pending any more, found among what the account did"));
        CHECK(f.unipile.seen("DELETE", "/api/v1/users/invite/sent/").size() == 1);
    }
    SECTION("nothing pending to withdraw is rejected") {
        auto result = f.send(action(core::ActionType::withdraw_invite, "jane-doe"));
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error == "no invitation to 'jane-doe' is pending: it was accepted, declined or withdrawn already");
    }
    SECTION("follow, like and endorse are refused without a request") {
        CHECK(f.send(action(core::ActionType::follow, "jane-doe")).error ==
              "'follow' is not offered by the unipile profile: Unipile's API v1 documents no way to follow a member");
        CHECK(f.send(action(core::ActionType::like_post, "jane-doe")).status == SendStatus::rejected);
        CHECK(f.send(action(core::ActionType::endorse, "jane-doe")).status == SendStatus::rejected);
        CHECK(f.unipile.seen().empty());
    }
    SECTION("events come by webhook: nothing to poll, no SSI") {
        CHECK(f.gateway->poll(k_now).empty());
        CHECK_FALSE(f.gateway->next_event_at());
        CHECK_FALSE(f.gateway->fetch_ssi("alice"));
        CHECK(f.gateway->name() == "http");
    }
}

TEST_CASE("unipile: after a crash, an action is looked for among what was sent", "[transport]") {
    Fixture f;
    auto connect = action(core::ActionType::connect, "jane-doe", "Hi Jane");
    auto message = action(core::ActionType::message, "jane-doe", "Hi Jane");

    SECTION("an invitation that went") {
        f.send(connect);
        auto restarted = f.make(f.unipile.url());
        auto found = restarted->lookup(connect);
        CHECK(found.status == transport::LookupStatus::performed);
        CHECK(found.result.status == SendStatus::sent);
        CHECK(found.result.response == "invitation inv-1 (found among what the account sent)");
    }
    SECTION("a message that went") {
        f.send(message);
        CHECK(f.make(f.unipile.url())->lookup(message).status == transport::LookupStatus::performed);
    }
    SECTION("what did not go") {
        CHECK(f.gateway->lookup(connect).status == transport::LookupStatus::not_performed);
        CHECK(f.gateway->lookup(message).status == transport::LookupStatus::not_performed);
        CHECK(f.unipile.invitations().empty());
    }
    SECTION("cannot tell, and says why") {
        f.unipile.fail_next("invitations", Trouble::status_500, 3);
        CHECK(f.gateway->lookup(connect).status == transport::LookupStatus::unknown);
        REQUIRE(f.warnings.size() == 1);
        CHECK(f.warnings[0] == "cannot tell whether action q4/jane-doe/connect was performed: the sent invitations "
                               "could not be listed (HTTP 500 after 3 tries)");
    }
}
