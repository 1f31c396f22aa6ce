// A gateway of the `engine` wire profile (docs/http-transport.md) served over real HTTP on 127.0.0.1, for tests of
// the HTTP transport: it performs each idempotency key at most once, pages events, answers SSI, records every request
// it sees and fails on demand, so that a test can check retries, exactly-once sending and what went over the wire.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <httplib.h>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace campaign::testing {

enum class FaultKind {
    status_500,                  // 500, nothing performed
    status_500_after_performing, // performed, then 500: the answer is lost
    too_many_requests,           // 429 {"error":{"code":"rate_limited"}}, nothing performed
    timeout_before_performing,   // stalls, then 504, nothing performed
    timeout_after_performing,    // performed, then stalls before answering
    reset,                       // the connection is reset before any answer, nothing performed
    malformed_json,              // performed, then 200 with a body that is not JSON
    restricted,                  // 403 account_restricted, nothing performed
    disconnected,                // 403 account_disconnected, nothing performed
    rejected,                    // 200 {"status":"rejected"} to a POST, the key's answer from then on
};

struct Fault {
    // Implicit, so that a fault without parameters reads `fail_next(FaultKind::reset)`.
    Fault(FaultKind fault_kind) : kind(fault_kind) {} // NOLINT(google-explicit-constructor)
    static Fault too_many_requests(std::chrono::seconds retry_after) {
        return too_many_requests(std::to_string(retry_after.count()));
    }
    // The Retry-After header as given, an HTTP date for instance, and the answer's Date header when one is given.
    static Fault too_many_requests(std::string retry_after, std::string date = "") {
        Fault fault{FaultKind::too_many_requests};
        fault.retry_after = std::move(retry_after);
        fault.date = std::move(date);
        return fault;
    }
    static Fault rejected(std::string reason) {
        Fault fault{FaultKind::rejected};
        fault.reason = std::move(reason);
        return fault;
    }

    FaultKind kind;
    std::string retry_after;                                // too_many_requests; empty leaves the header out
    std::string date;                                       // too_many_requests: the Date header, if not empty
    std::string reason = "the gateway rejected the action"; // rejected
};

struct PerformedAction {
    std::string key;
    std::string id; // the gateway's id, "gw-N"
    std::string type;
    std::string sender;
    std::string account;
    std::string profile_url;
    std::string text;
    std::string subject;
    std::string at;
    int requests = 0; // POSTs seen for the key so far, retries included
};

struct Event {
    std::string id;
    std::string type;
    std::string sender;
    std::string profile_url; // left out of the JSON when empty, as for `restricted`
    std::string at;
    std::string text;            // replied
    std::string idempotency_key; // left out of the JSON when empty
};

struct RequestLog {
    std::string method;
    std::string path;   // percent-decoded, without the query
    std::string target; // as sent: percent-encoding and query included
    httplib::Headers headers;
    std::string body;
};

class FakeGateway {
public:
    // Listens at once on a free port; every request must carry `Authorization: Bearer KEY`.
    explicit FakeGateway(std::string key = "test-gateway-key");
    ~FakeGateway();
    FakeGateway(const FakeGateway&) = delete;
    FakeGateway& operator=(const FakeGateway&) = delete;

    std::string url() const; // "http://127.0.0.1:PORT/v1"
    int port() const { return m_port; }

    void add_event(Event event);
    // The next events call answers this body as it is, once; pages queue up.
    void add_raw_page(std::string body);
    // Forgets every cursor it gave, as a gateway whose store was reset: asked after one, it answers 410
    // cursor_unknown. Its events stay.
    void forget_cursors();
    // A performed connect sets off an `accepted` event ("acc-KEY"), a message a `replied` one ("rep-KEY"),
    // at the action's `at` plus the delay.
    void accept_invitations_after(std::chrono::seconds delay);
    void reply_to_messages_after(std::chrono::seconds delay, std::string text);
    void set_ssi(const std::string& sender, std::string json_text);

    // The next `times` requests whose path starts with the prefix meet the fault; "/v1/actions" catches lookups
    // too, "/v1/actions/" only them. Faults queue up and the first that matches a request is used.
    void fail_next(Fault fault, int times = 1, std::string path_prefix = "/v1/actions");
    // Faults queued and not met yet.
    int faults_pending() const;
    // The same for actions posted for one sender only.
    void fail_next_for_sender(std::string sender, Fault fault, int times = 1);
    // Until unrestricted, every action of the sender is answered 403 account_restricted.
    void restrict_sender(const std::string& sender);
    void unrestrict_sender(const std::string& sender);
    // Every invitation of the sender's from now on is answered 429 limit_reached, LinkedIn's weekly limit.
    void limit_invitations(const std::string& sender);
    int invitations_refused() const;
    // How long a timeout fault holds the answer back; the client's timeout must be shorter.
    void set_stall(std::chrono::milliseconds stall);

    std::vector<PerformedAction> performed() const;
    int performed_count(const std::string& key) const; // 0 or 1: the gateway performs a key at most once
    int requests_for(const std::string& key) const;    // POST /v1/actions with the key
    int lookups_for(const std::string& key) const;     // GET /v1/actions/KEY
    // Requests whose path starts with the prefix, of the method if one is given.
    int request_count(std::string_view path_prefix, std::string_view method = "") const;
    std::vector<RequestLog> requests() const;
    // Whether the text shows anywhere in what was sent (targets, headers, bodies): for secrets that must not.
    bool saw_text(std::string_view text) const;

private:
    struct QueuedFault {
        Fault fault;
        int times;
        std::string path_prefix;
        std::string sender; // empty: any
    };
    struct AutoEvent {
        std::chrono::seconds delay;
        std::string text;
    };

    void handle(const httplib::Request& req, httplib::Response& res);
    void log_request(const httplib::Request& req);
    std::optional<Fault> take_fault(const std::string& path, const std::string& sender);
    bool answer_before_routing(const Fault& fault, const httplib::Request& req, httplib::Response& res);
    void spoil_answer(const Fault& fault, httplib::Response& res);
    void route(const httplib::Request& req, httplib::Response& res, const std::optional<Fault>& fault);
    void post_action(const httplib::Request& req, httplib::Response& res, const std::optional<Fault>& fault);
    void perform(PerformedAction action, std::chrono::sys_seconds at);
    void look_up(const std::string& key, httplib::Response& res);
    void page_events(const httplib::Request& req, httplib::Response& res);
    std::string cursor_after(std::size_t count) const;
    void answer_ssi(const std::string& sender, httplib::Response& res);
    void stall();

    const std::string m_key;
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;

    mutable std::mutex m_mutex;
    std::condition_variable m_stopping_changed;
    bool m_stopping = false;
    std::chrono::milliseconds m_stall{1000};
    std::vector<RequestLog> m_requests;
    std::map<std::string, int> m_posts_per_key;
    std::map<std::string, int> m_lookups_per_key;
    std::map<std::string, std::string> m_answers; // key -> the body its first POST was answered with
    std::vector<PerformedAction> m_performed;
    std::vector<Event> m_events;
    std::deque<std::string> m_raw_pages;
    int m_cursor_epoch = 0; // raised when the cursors are forgotten: the cursors given before are unknown
    std::map<std::string, std::string> m_ssi;
    std::deque<QueuedFault> m_faults;
    std::set<std::string> m_restricted;
    std::set<std::string> m_invitations_limited;
    int m_invitations_refused = 0;
    std::optional<AutoEvent> m_accept;
    std::optional<AutoEvent> m_reply;
};

} // namespace campaign::testing
