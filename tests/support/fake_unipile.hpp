// A fake Unipile on 127.0.0.1 that speaks the endpoints of its API v1 the unipile profile uses (profiles, invitations,
// chats and messages), records every request and fails on demand, so that lost answers, rate limits and account errors
// can be played out for real, by the transport's tests and by runs of the built binary.
#pragma once

#include <functional>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace campaign::testing {

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
    std::string target;  // path and query
    std::string key;     // X-API-KEY
    nlohmann::json body; // the JSON body, or the multipart fields as an object
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

class FakeUnipile {
public:
    FakeUnipile();
    ~FakeUnipile();
    FakeUnipile(const FakeUnipile&) = delete;
    FakeUnipile& operator=(const FakeUnipile&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/api/v1"; }

    // The next `times` requests of a route ("profile", "invite", "start_chat", ...) meet the trouble.
    void fail_next(const std::string& route, Trouble trouble, int times = 1);
    // A message the account sent before the test, as LinkedIn stamped it.
    void add_sent_message(const std::string& member, const std::string& text, const std::string& timestamp);
    // The member id (provider_id) the profile of a public id answers: "ACo-" and the public id unless set.
    void set_member_id(const std::string& public_id, const std::string& member_id);

    std::vector<Seen> seen() const;
    std::vector<Seen> seen(const std::string& method, const std::string& prefix) const;
    std::vector<Invitation> invitations() const;
    std::vector<Message> messages() const;

private:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    void route_get(const std::string& pattern, const std::string& name, Handler handler);
    Handler wrap(std::string name, Handler handler);
    std::optional<Trouble> take(const std::string& name, const httplib::Request& req);

    // Called with the mutex held.
    std::string member_of(const std::string& public_id) const;
    std::string public_id_of(const std::string& member) const;
    std::string chat_of(const std::string& member);
    void profile(const httplib::Request& req, httplib::Response& res);
    void invite(const httplib::Request& req, httplib::Response& res);
    void list(const httplib::Request& req, httplib::Response& res);
    void withdraw(const httplib::Request& req, httplib::Response& res);
    std::string record_message(const std::string& member, const std::string& text, const httplib::Request& req);
    void start_chat(const httplib::Request& req, httplib::Response& res);
    void send_in_chat(const httplib::Request& req, httplib::Response& res);
    void chat_messages(const httplib::Request& req, httplib::Response& res);
    void attendee_chats(const httplib::Request& req, httplib::Response& res);

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::map<std::string, std::vector<Trouble>> m_troubles;
    std::vector<Seen> m_seen;
    std::vector<Invitation> m_invitations;
    std::vector<Message> m_messages;
    std::map<std::string, std::string> m_chats;      // member -> chat id
    std::map<std::string, std::string> m_member_ids; // public id -> member id, where set
    int m_invitations_sent = 0;                      // withdrawn ones included
};

} // namespace campaign::testing
