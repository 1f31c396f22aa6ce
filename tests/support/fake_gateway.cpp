#include "support/fake_gateway.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <sys/socket.h>

namespace campaign::testing {

using nlohmann::json;

namespace {

const std::set<std::string> k_action_types = {"view_profile", "follow",  "like_post", "endorse",
                                              "connect",      "message", "inmail",    "withdraw_invite"};
const std::string k_actions_path = "/v1/actions";
const std::string k_lookup_prefix = "/v1/actions/";

// Only the one form the wire profile uses, "2026-12-01T09:30:00Z", so that a sloppy client shows up as a 400.
std::optional<std::chrono::sys_seconds> parse_utc(const std::string& text) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    char zulu = 0;
    if (text.size() != 20 || std::sscanf(text.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u%c", &year, &month, &day, &hour, &minute,
                                         &second, &zulu) != 7) {
        return std::nullopt;
    }
    std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (zulu != 'Z' || !date.ok() || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    return std::chrono::sys_days{date} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
}

std::string format_utc(std::chrono::sys_seconds when) {
    auto days = std::chrono::floor<std::chrono::days>(when);
    std::chrono::year_month_day date{days};
    std::chrono::hh_mm_ss time{when - days};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return text;
}

void answer_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    res.status = status;
    res.set_content(json{{"error", {{"code", code}, {"message", message}}}}.dump(), "application/json");
}

std::optional<int> parse_number(const std::string& text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

// A request the wire profile does not allow, answered 400 with the reason.
struct BadRequest : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string string_field(const json& object, const char* name, bool required = true) {
    auto field = object.find(name);
    if (field == object.end() && !required) {
        return "";
    }
    if (field == object.end() || !field->is_string()) {
        throw BadRequest(std::string("'") + name + "' is missing or not a string");
    }
    return field->get<std::string>();
}

// Checked as strictly as the wire profile allows, so that a client's slip shows as a 400 rather than passing.
std::pair<PerformedAction, std::chrono::sys_seconds> parse_action(const httplib::Request& req) {
    auto body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.contains("prospect") || !body["prospect"].is_object()) {
        throw BadRequest("the body is not a JSON action with a prospect");
    }
    PerformedAction action;
    action.key = string_field(body, "idempotency_key");
    action.type = string_field(body, "type");
    action.sender = string_field(body, "sender");
    action.account = string_field(body, "account");
    action.profile_url = string_field(body["prospect"], "profile_url");
    action.text = string_field(body, "text", false);
    action.subject = string_field(body, "subject", false);
    action.at = string_field(body, "at");
    if (!k_action_types.contains(action.type)) {
        throw BadRequest("unknown action type '" + action.type + "'");
    }
    if (action.key.empty() || req.get_header_value("Idempotency-Key") != action.key) {
        throw BadRequest("the Idempotency-Key header is not the body's idempotency_key");
    }
    auto at = parse_utc(action.at);
    if (!at) {
        throw BadRequest("'at' is not an ISO 8601 UTC time: '" + action.at + "'");
    }
    return {action, *at};
}

int count_of(const std::map<std::string, int>& counts, const std::string& key) {
    auto count = counts.find(key);
    return count == counts.end() ? 0 : count->second;
}

// The optional fields are left out when empty, as a gateway would.
json event_json(const Event& event) {
    json object = {{"id", event.id}, {"type", event.type}, {"sender", event.sender}, {"at", event.at}};
    for (const auto& [name, value] : {std::pair{"profile_url", &event.profile_url}, std::pair{"text", &event.text},
                                      std::pair{"idempotency_key", &event.idempotency_key}}) {
        if (!value->empty()) {
            object[name] = *value;
        }
    }
    return object;
}

// A connected IPv4 socket's local and remote ports; none for any other descriptor.
std::optional<std::pair<int, int>> ports_of(int fd) {
    sockaddr_in local{};
    sockaddr_in peer{};
    socklen_t local_size = sizeof local;
    socklen_t peer_size = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 || local.sin_family != AF_INET ||
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) {
        return std::nullopt;
    }
    return std::pair{static_cast<int>(ntohs(local.sin_port)), static_cast<int>(ntohs(peer.sin_port))};
}

// cpp-httplib hands a handler no socket, so the connection is found among the process's descriptors by its two ends.
int find_connection(int local_port, int remote_port) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
        auto fd = parse_number(entry.path().filename().string());
        if (fd && ports_of(*fd) == std::pair{local_port, remote_port}) {
            return *fd;
        }
    }
    return -1;
}

// Connecting a TCP socket to AF_UNSPEC aborts it with a RST on Linux, and leaves the descriptor to cpp-httplib,
// which closes it. A shutdown() would only send a FIN, which clients report as an empty reply rather than a reset.
void reset_connection(const httplib::Request& req) {
    int fd = find_connection(req.local_port, req.remote_port);
    sockaddr unspecified{};
    unspecified.sa_family = AF_UNSPEC;
    if (fd < 0 || ::connect(fd, &unspecified, sizeof unspecified) != 0) {
        throw std::runtime_error("fake gateway: the connection could not be reset");
    }
}

// The SENDER of /v1/senders/SENDER/ssi, empty for any other path.
std::string ssi_sender(const std::string& path) {
    static const std::string prefix = "/v1/senders/";
    static const std::string suffix = "/ssi";
    if (path.size() <= prefix.size() + suffix.size() || !path.starts_with(prefix) || !path.ends_with(suffix)) {
        return "";
    }
    return path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
}

// The sender a request is for, so that a fault can be aimed at one sender.
std::string sender_of(const httplib::Request& req) {
    if (req.method == "POST" && req.path == k_actions_path) {
        auto body = json::parse(req.body, nullptr, false);
        return body.is_object() && body.value("sender", json()).is_string() ? body["sender"].get<std::string>() : "";
    }
    return ssi_sender(req.path);
}

} // namespace

FakeGateway::FakeGateway(std::string key) : m_key(std::move(key)) {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
    m_server.Get(".*", handler).Post(".*", handler).Put(".*", handler).Patch(".*", handler).Delete(".*", handler);
    // Each answer in one go: held back for the client's delayed ACK, every request would take 40 ms.
    m_server.set_tcp_nodelay(true);
    m_port = m_server.bind_to_any_port("127.0.0.1");
    if (m_port <= 0) {
        throw std::runtime_error("fake gateway: cannot listen on 127.0.0.1");
    }
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    // stop() does nothing until the server runs, and the destructor would then wait for ever.
    while (!m_server.is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

FakeGateway::~FakeGateway() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_stopping_changed.notify_all();
    m_server.stop();
    m_thread.join();
}

std::string FakeGateway::url() const {
    return "http://127.0.0.1:" + std::to_string(m_port) + "/v1";
}

void FakeGateway::handle(const httplib::Request& req, httplib::Response& res) {
    log_request(req);
    if (req.get_header_value("Authorization") != "Bearer " + m_key) {
        answer_error(res, 401, "unauthorized", "the request does not carry the gateway's key");
        return;
    }
    auto fault = take_fault(req.path, sender_of(req));
    if (fault && answer_before_routing(*fault, req, res)) {
        return;
    }
    route(req, res, fault);
    if (fault) {
        spoil_answer(*fault, res);
    }
}

void FakeGateway::log_request(const httplib::Request& req) {
    std::lock_guard lock(m_mutex);
    m_requests.push_back({req.method, req.path, req.target, req.headers, req.body});
    if (req.method == "POST" && req.path == k_actions_path) {
        auto key = req.get_header_value("Idempotency-Key");
        auto body = json::parse(req.body, nullptr, false);
        if (key.empty() && body.is_object() && body.value("idempotency_key", json()).is_string()) {
            key = body["idempotency_key"].get<std::string>();
        }
        ++m_posts_per_key[key];
    } else if (req.method == "GET" && req.path.starts_with(k_lookup_prefix)) {
        ++m_lookups_per_key[req.path.substr(k_lookup_prefix.size())];
    }
}

std::optional<Fault> FakeGateway::take_fault(const std::string& path, const std::string& sender) {
    std::lock_guard lock(m_mutex);
    for (auto queued = m_faults.begin(); queued != m_faults.end(); ++queued) {
        if (!path.starts_with(queued->path_prefix) || (!queued->sender.empty() && queued->sender != sender)) {
            continue;
        }
        Fault fault = queued->fault;
        if (--queued->times <= 0) {
            m_faults.erase(queued);
        }
        return fault;
    }
    return std::nullopt;
}

// The faults that answer in place of the gateway, with nothing performed; false for those that come after.
bool FakeGateway::answer_before_routing(const Fault& fault, const httplib::Request& req, httplib::Response& res) {
    switch (fault.kind) {
    case FaultKind::status_500:
        answer_error(res, 500, "internal", "the gateway failed");
        return true;
    case FaultKind::too_many_requests:
        answer_error(res, 429, "rate_limited", "too many requests for this account");
        if (!fault.retry_after.empty()) {
            res.set_header("Retry-After", fault.retry_after);
        }
        if (!fault.date.empty()) {
            res.set_header("Date", fault.date);
        }
        return true;
    case FaultKind::timeout_before_performing:
        stall();
        answer_error(res, 504, "timeout", "LinkedIn did not answer in time");
        return true;
    case FaultKind::reset:
        reset_connection(req);
        res.status = 500;
        return true;
    case FaultKind::restricted:
        answer_error(res, 403, "account_restricted", "LinkedIn restricted this account");
        return true;
    case FaultKind::disconnected:
        answer_error(res, 403, "account_disconnected", "the account's LinkedIn session has ended");
        return true;
    default:
        return false;
    }
}

// The faults that strike after the gateway did its work, so that the answer is lost or garbled.
void FakeGateway::spoil_answer(const Fault& fault, httplib::Response& res) {
    if (fault.kind == FaultKind::status_500_after_performing) {
        answer_error(res, 500, "internal", "the gateway failed after acting");
    } else if (fault.kind == FaultKind::timeout_after_performing) {
        stall();
    } else if (fault.kind == FaultKind::malformed_json) {
        res.status = 200;
        res.set_content(R"({"status": "sent", "id": )", "application/json");
    }
}

void FakeGateway::route(const httplib::Request& req, httplib::Response& res, const std::optional<Fault>& fault) {
    auto sender = ssi_sender(req.path);
    if (req.method == "POST" && req.path == k_actions_path) {
        post_action(req, res, fault);
    } else if (req.method == "GET" && req.path.starts_with(k_lookup_prefix)) {
        look_up(req.path.substr(k_lookup_prefix.size()), res);
    } else if (req.method == "GET" && req.path == "/v1/events") {
        page_events(req, res);
    } else if (req.method == "GET" && !sender.empty()) {
        answer_ssi(sender, res);
    } else {
        answer_error(res, 404, "not_found", "no such endpoint: " + req.method + " " + req.path);
    }
}

void FakeGateway::post_action(const httplib::Request& req, httplib::Response& res, const std::optional<Fault>& fault) {
    PerformedAction action;
    std::chrono::sys_seconds at;
    try {
        std::tie(action, at) = parse_action(req);
    } catch (const BadRequest& error) {
        answer_error(res, 400, "bad_request", error.what());
        return;
    }
    std::lock_guard lock(m_mutex);
    if (m_restricted.contains(action.sender)) {
        answer_error(res, 403, "account_restricted", "LinkedIn restricted this account");
        return;
    }
    if (action.type == "connect" && m_invitations_limited.contains(action.sender)) {
        ++m_invitations_refused;
        answer_error(res, 429, "limit_reached", "the account reached its weekly invitation limit");
        return;
    }
    if (!m_answers.contains(action.key)) {
        if (fault && fault->kind == FaultKind::rejected) {
            m_answers[action.key] = json{{"status", "rejected"}, {"reason", fault->reason}}.dump();
        } else {
            perform(action, at);
        }
    }
    res.status = 200;
    res.set_content(m_answers[action.key], "application/json");
}

// Called with the mutex held, once per key.
void FakeGateway::perform(PerformedAction action, std::chrono::sys_seconds at) {
    action.id = "gw-" + std::to_string(m_performed.size() + 1);
    m_answers[action.key] = json{{"status", "sent"}, {"id", action.id}}.dump();
    if (action.type == "connect" && m_accept) {
        m_events.push_back({"acc-" + action.key, "accepted", action.sender, action.profile_url,
                            format_utc(at + m_accept->delay), "", action.key});
    } else if (action.type == "message" && m_reply) {
        m_events.push_back({"rep-" + action.key, "replied", action.sender, action.profile_url,
                            format_utc(at + m_reply->delay), m_reply->text, action.key});
    }
    m_performed.push_back(std::move(action));
}

void FakeGateway::look_up(const std::string& key, httplib::Response& res) {
    std::lock_guard lock(m_mutex);
    auto answer = m_answers.find(key);
    if (answer == m_answers.end()) {
        answer_error(res, 404, "not_found", "no action with the key '" + key + "'");
        return;
    }
    res.status = 200;
    res.set_content(answer->second, "application/json");
}

// The cursor after the first `count` events: "N", or "E.N" once the cursors were forgotten E times.
std::string FakeGateway::cursor_after(std::size_t count) const {
    return (m_cursor_epoch == 0 ? "" : std::to_string(m_cursor_epoch) + ".") + std::to_string(count);
}

void FakeGateway::page_events(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(m_mutex);
    if (!m_raw_pages.empty()) {
        res.status = 200;
        res.set_content(m_raw_pages.front(), "application/json");
        m_raw_pages.pop_front();
        return;
    }
    std::optional<std::size_t> after = 0;
    if (req.has_param("after")) {
        // A cursor of another epoch, or past the events it has, is one this gateway does not know.
        auto cursor = req.get_param_value("after");
        auto prefix = cursor_after(0);
        prefix.pop_back();
        auto number = cursor.starts_with(prefix) ? parse_number(cursor.substr(prefix.size())) : std::nullopt;
        after = number && cursor_after(static_cast<std::size_t>(*number)) == cursor &&
                        static_cast<std::size_t>(*number) <= m_events.size()
                    ? std::optional<std::size_t>(*number)
                    : std::nullopt;
    }
    auto limit = req.has_param("limit") ? parse_number(req.get_param_value("limit")) : 100;
    if (!after) {
        answer_error(res, 410, "cursor_unknown", "unknown cursor '" + req.get_param_value("after") + "'");
        return;
    }
    if (!limit || *limit == 0) {
        answer_error(res, 400, "bad_request", "'limit' is not a positive number");
        return;
    }
    auto end = std::min(m_events.size(), *after + static_cast<size_t>(*limit));
    json events = json::array();
    for (auto index = *after; index < end; ++index) {
        events.push_back(event_json(m_events[index]));
    }
    res.status = 200;
    res.set_content(json{{"events", events}, {"cursor", cursor_after(end)}, {"more", end < m_events.size()}}.dump(),
                    "application/json");
}

void FakeGateway::answer_ssi(const std::string& sender, httplib::Response& res) {
    std::lock_guard lock(m_mutex);
    auto ssi = m_ssi.find(sender);
    if (ssi == m_ssi.end()) {
        answer_error(res, 404, "not_found", "no SSI for the sender '" + sender + "'");
        return;
    }
    res.status = 200;
    res.set_content(ssi->second, "application/json");
}

// Waits without the mutex held, and ends early when the gateway stops, so that a test does not wait out a stall.
void FakeGateway::stall() {
    std::unique_lock lock(m_mutex);
    m_stopping_changed.wait_for(lock, m_stall, [this] { return m_stopping; });
}

void FakeGateway::add_event(Event event) {
    std::lock_guard lock(m_mutex);
    m_events.push_back(std::move(event));
}

void FakeGateway::add_raw_page(std::string body) {
    std::lock_guard lock(m_mutex);
    m_raw_pages.push_back(std::move(body));
}

void FakeGateway::forget_cursors() {
    std::lock_guard lock(m_mutex);
    ++m_cursor_epoch;
}

void FakeGateway::accept_invitations_after(std::chrono::seconds delay) {
    std::lock_guard lock(m_mutex);
    m_accept = AutoEvent{delay, ""};
}

void FakeGateway::reply_to_messages_after(std::chrono::seconds delay, std::string text) {
    std::lock_guard lock(m_mutex);
    m_reply = AutoEvent{delay, std::move(text)};
}

void FakeGateway::set_ssi(const std::string& sender, std::string json_text) {
    std::lock_guard lock(m_mutex);
    m_ssi[sender] = std::move(json_text);
}

void FakeGateway::fail_next(Fault fault, int times, std::string path_prefix) {
    std::lock_guard lock(m_mutex);
    m_faults.push_back({std::move(fault), times, std::move(path_prefix), ""});
}

void FakeGateway::fail_next_for_sender(std::string sender, Fault fault, int times) {
    std::lock_guard lock(m_mutex);
    m_faults.push_back({std::move(fault), times, k_actions_path, std::move(sender)});
}

void FakeGateway::restrict_sender(const std::string& sender) {
    std::lock_guard lock(m_mutex);
    m_restricted.insert(sender);
}

void FakeGateway::limit_invitations(const std::string& sender) {
    std::lock_guard lock(m_mutex);
    m_invitations_limited.insert(sender);
}

int FakeGateway::invitations_refused() const {
    std::lock_guard lock(m_mutex);
    return m_invitations_refused;
}

void FakeGateway::unrestrict_sender(const std::string& sender) {
    std::lock_guard lock(m_mutex);
    m_restricted.erase(sender);
}

void FakeGateway::set_stall(std::chrono::milliseconds stall) {
    std::lock_guard lock(m_mutex);
    m_stall = stall;
}

std::vector<PerformedAction> FakeGateway::performed() const {
    std::lock_guard lock(m_mutex);
    auto performed = m_performed;
    for (auto& action : performed) {
        action.requests = m_posts_per_key.at(action.key);
    }
    return performed;
}

int FakeGateway::faults_pending() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_faults.size());
}

int FakeGateway::performed_count(const std::string& key) const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(
        std::count_if(m_performed.begin(), m_performed.end(), [&](const auto& action) { return action.key == key; }));
}

int FakeGateway::requests_for(const std::string& key) const {
    std::lock_guard lock(m_mutex);
    return count_of(m_posts_per_key, key);
}

int FakeGateway::lookups_for(const std::string& key) const {
    std::lock_guard lock(m_mutex);
    return count_of(m_lookups_per_key, key);
}

int FakeGateway::request_count(std::string_view path_prefix, std::string_view method) const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(std::count_if(m_requests.begin(), m_requests.end(), [&](const RequestLog& request) {
        return request.path.starts_with(path_prefix) && (method.empty() || request.method == method);
    }));
}

std::vector<RequestLog> FakeGateway::requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
}

bool FakeGateway::saw_text(std::string_view text) const {
    std::lock_guard lock(m_mutex);
    auto contains = [&](const std::string& where) { return where.find(text) != std::string::npos; };
    for (const auto& request : m_requests) {
        if (contains(request.target) || contains(request.body)) {
            return true;
        }
        for (const auto& [name, value] : request.headers) {
            if (contains(name) || contains(value)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace campaign::testing
