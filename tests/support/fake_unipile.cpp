#include "support/fake_unipile.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <filesystem>
#include <sys/socket.h>

namespace campaign::testing {

using json = nlohmann::json;

namespace {

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

bool refuse(Trouble trouble, const httplib::Request& req, httplib::Response& res) {
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

void spoil(Trouble trouble, const httplib::Request& req, httplib::Response& res) {
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

} // namespace

FakeUnipile::FakeUnipile() {
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

FakeUnipile::~FakeUnipile() {
    m_server.stop();
    m_thread.join();
}

void FakeUnipile::fail_next(const std::string& route, Trouble trouble, int times) {
    std::lock_guard lock(m_mutex);
    m_troubles[route].insert(m_troubles[route].end(), times, trouble);
}

void FakeUnipile::add_sent_message(const std::string& member, const std::string& text, const std::string& timestamp) {
    std::lock_guard lock(m_mutex);
    m_messages.push_back(
        {"msg-" + std::to_string(m_messages.size() + 1), chat_of(member), member, text, timestamp, "", false});
}

void FakeUnipile::set_member_id(const std::string& public_id, const std::string& member_id) {
    std::lock_guard lock(m_mutex);
    m_member_ids[public_id] = member_id;
}

std::vector<Seen> FakeUnipile::seen() const {
    std::lock_guard lock(m_mutex);
    return m_seen;
}

std::vector<Seen> FakeUnipile::seen(const std::string& method, const std::string& prefix) const {
    std::vector<Seen> matching;
    for (auto& request : seen()) {
        if (request.method == method && request.target.starts_with(prefix)) {
            matching.push_back(request);
        }
    }
    return matching;
}

std::vector<Invitation> FakeUnipile::invitations() const {
    std::lock_guard lock(m_mutex);
    return m_invitations;
}

std::vector<Message> FakeUnipile::messages() const {
    std::lock_guard lock(m_mutex);
    return m_messages;
}

void FakeUnipile::route_get(const std::string& pattern, const std::string& name, Handler handler) {
    m_server.Get(pattern, wrap(name, std::move(handler)));
}

FakeUnipile::Handler FakeUnipile::wrap(std::string name, Handler handler) {
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

std::optional<Trouble> FakeUnipile::take(const std::string& name, const httplib::Request& req) {
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

std::string FakeUnipile::member_of(const std::string& public_id) const {
    auto set = m_member_ids.find(public_id);
    return set == m_member_ids.end() ? "ACo-" + public_id : set->second;
}

std::string FakeUnipile::chat_of(const std::string& member) {
    auto& chat = m_chats[member];
    if (chat.empty()) {
        chat = "chat-" + std::to_string(m_chats.size());
    }
    return chat;
}

void FakeUnipile::profile(const httplib::Request& req, httplib::Response& res) {
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

void FakeUnipile::invite(const httplib::Request& req, httplib::Response& res) {
    auto body = json::parse(req.body);
    Invitation invitation{"inv-" + std::to_string(++m_invitations_sent), body.value("provider_id", ""),
                          body.value("message", "")};
    m_invitations.push_back(invitation);
    res.set_content(json{{"object", "UserInvitationSent"}, {"invitation_id", invitation.id}}.dump(),
                    "application/json");
}

std::string FakeUnipile::public_id_of(const std::string& member) const {
    for (const auto& [public_id, member_id] : m_member_ids) {
        if (member_id == member) {
            return public_id;
        }
    }
    return member.starts_with("ACo-") ? member.substr(4) : "";
}

void FakeUnipile::list(const httplib::Request&, httplib::Response& res) {
    json items = json::array();
    for (auto at = m_invitations.rbegin(); at != m_invitations.rend(); ++at) {
        items.push_back({{"object", "InvitationSent"},
                         {"id", at->id},
                         {"invited_user_id", at->member},
                         {"invited_user_public_id", public_id_of(at->member)},
                         {"invitation_text", at->text}});
    }
    res.set_content(json{{"object", "InvitationList"}, {"items", items}, {"cursor", nullptr}}.dump(),
                    "application/json");
}

void FakeUnipile::withdraw(const httplib::Request& req, httplib::Response& res) {
    auto id = req.matches[1].str();
    auto found = std::find_if(m_invitations.begin(), m_invitations.end(), [&](auto& i) { return i.id == id; });
    if (found == m_invitations.end()) {
        problem(res, 400, "errors/invalid_parameters", "Invalid parameters", "The invitation ID is invalid");
        return;
    }
    m_invitations.erase(found);
    res.set_content(R"({"object": "UserInvitationCancelled"})", "application/json");
}

std::string FakeUnipile::record_message(const std::string& member, const std::string& text,
                                        const httplib::Request& req) {
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

void FakeUnipile::start_chat(const httplib::Request& req, httplib::Response& res) {
    auto member = req.get_file_value("attendees_ids").content;
    auto id = record_message(member, req.get_file_value("text").content, req);
    res.status = 201;
    res.set_content(json{{"object", "ChatStarted"}, {"chat_id", m_chats[member]}, {"message_id", id}}.dump(),
                    "application/json");
}

void FakeUnipile::send_in_chat(const httplib::Request& req, httplib::Response& res) {
    auto chat = req.matches[1].str();
    auto member = std::find_if(m_chats.begin(), m_chats.end(), [&](auto& c) { return c.second == chat; })->first;
    auto id = record_message(member, req.get_file_value("text").content, req);
    res.status = 201;
    res.set_content(json{{"object", "MessageSent"}, {"message_id", id}}.dump(), "application/json");
}

void FakeUnipile::chat_messages(const httplib::Request& req, httplib::Response& res) {
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
    res.set_content(json{{"object", "MessageList"}, {"items", items}, {"cursor", nullptr}}.dump(), "application/json");
}

void FakeUnipile::attendee_chats(const httplib::Request& req, httplib::Response& res) {
    auto chat = m_chats.find(req.matches[1].str());
    if (chat == m_chats.end()) {
        problem(res, 404, "errors/resource_not_found", "Resource not found.", "");
        return;
    }
    json items = json::array({{{"object", "Chat"}, {"id", chat->second}, {"attendee_provider_id", chat->first}}});
    res.set_content(json{{"object", "ChatList"}, {"items", items}, {"cursor", nullptr}}.dump(), "application/json");
}

} // namespace campaign::testing
