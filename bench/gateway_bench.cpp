// The cost of the http transport itself, against a minimal gateway of the engine profile on 127.0.0.1 in the same
// process (so the figures are the client's and the loopback's, not a real gateway's): actions sent one after another
// over one kept-alive connection, the same with one answer in ten lost and asked again, and events paged in.
//
//   gateway_bench ACTIONS EVENTS      (prints one line per measurement: name, count, seconds, per second, p50, p99)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <httplib.h>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "transport/engine_transport.hpp"

using namespace campaign;
using Clock = std::chrono::steady_clock;

namespace {

// Performs each key once; every `lose_every`th first answer is a 500, as if it were lost after the action was done.
class MinimalGateway {
public:
    explicit MinimalGateway(int events) {
        for (int i = 0; i < events; ++i) {
            m_events.push_back(R"({"id":"ev-)" + std::to_string(i) +
                               R"(","type":"accepted","sender":"s1","profile_url":"https://www.linkedin.com/in/p)" +
                               std::to_string(i) + R"(","at":"2026-11-30T10:00:00Z"})");
        }
        m_server.Post("/v1/actions", [this](const httplib::Request& request, httplib::Response& response) {
            post(request, response);
        });
        m_server.Get("/v1/events",
                     [this](const httplib::Request& request, httplib::Response& response) { page(request, response); });
        m_server.set_tcp_nodelay(true); // answers in one go, not held back for the client's delayed ACK
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds{1});
        }
    }
    ~MinimalGateway() {
        m_server.stop();
        m_thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }
    void lose_every(int n) { m_lose_every = n; }

private:
    void post(const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(m_mutex);
        auto key = request.get_header_value("Idempotency-Key");
        auto [found, first] = m_answers.emplace(key, R"({"status":"sent","id":"gw-)" + std::to_string(++m_ids) + "\"}");
        if (first && m_lose_every > 0 && m_ids % m_lose_every == 0) {
            response.status = 500;
            return;
        }
        response.set_content(found->second, "application/json");
    }
    void page(const httplib::Request& request, httplib::Response& response) {
        auto after = request.has_param("after") ? std::stoul(request.get_param_value("after")) : 0UL;
        auto limit = std::stoul(request.get_param_value("limit"));
        auto end = std::min(m_events.size(), after + limit);
        std::string body = R"({"events":[)";
        for (auto i = after; i < end; ++i) {
            body += (i > after ? "," : "") + m_events[i];
        }
        body +=
            R"(],"cursor":")" + std::to_string(end) + R"(","more":)" + (end < m_events.size() ? "true" : "false") + "}";
        response.set_content(body, "application/json");
    }

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::mutex m_mutex;
    std::map<std::string, std::string> m_answers;
    std::vector<std::string> m_events;
    long m_ids = 0;
    int m_lose_every = 0;
};

class NoSleep final : public transport::Sleeper {
public:
    bool sleep_for(std::chrono::milliseconds) override { return true; }
};

void report(const char* name, long count, Clock::duration total, std::vector<double> micros) {
    auto seconds = std::chrono::duration<double>(total).count();
    std::sort(micros.begin(), micros.end());
    auto at = [&micros](double q) {
        return micros.empty() ? 0.0 : micros[static_cast<std::size_t>(q * (micros.size() - 1))];
    };
    std::printf("%s\t%ld\t%.3f\t%.0f\t%.0f\t%.0f\n", name, count, seconds, count / seconds, at(0.5), at(0.99));
}

void send_actions(const char* name, MinimalGateway& gateway, int actions, const std::string& prefix) {
    core::GatewaySettings settings;
    settings.url = gateway.url();
    settings.backoff = std::chrono::milliseconds{1};
    core::ManualClock clock(core::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}});
    core::SeededRandom random(1);
    NoSleep sleeper;
    transport::EngineTransport transport(settings, "bench-key", {clock, random, sleeper, [](const std::string&) {}});
    transport::Outbound action;
    action.type = core::ActionType::connect;
    action.sender = "s1";
    action.prospect.profile_url = "https://www.linkedin.com/in/someone";
    action.text = std::string(280, 'x');
    std::vector<double> micros;
    auto start = Clock::now();
    for (int i = 0; i < actions; ++i) {
        action.idempotency_key = prefix + std::to_string(i);
        auto before = Clock::now();
        if (transport.send(action).status != transport::SendStatus::sent) {
            std::fprintf(stderr, "action %d was not sent\n", i);
            std::exit(1);
        }
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - before).count());
    }
    report(name, actions, Clock::now() - start, std::move(micros));
}

void page_events(MinimalGateway& gateway, int events) {
    core::GatewaySettings settings;
    settings.url = gateway.url();
    core::ManualClock clock(core::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}});
    core::SeededRandom random(1);
    NoSleep sleeper;
    transport::EngineTransport transport(settings, "bench-key", {clock, random, sleeper, [](const std::string&) {}});
    long received = 0;
    auto start = Clock::now();
    // Each poll takes up to 50 pages of 100; the clock moves on by the poll interval between polls.
    while (received < events) {
        auto got = transport.poll(clock.now()).size();
        if (got == 0) {
            std::fprintf(stderr, "the events stopped at %ld\n", received);
            std::exit(1);
        }
        received += static_cast<long>(got);
        clock.advance(std::chrono::minutes{1});
    }
    report("events paged", received, Clock::now() - start, {});
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: gateway_bench ACTIONS EVENTS\n");
        return 2;
    }
    auto actions = std::stoi(argv[1]);
    auto events = std::stoi(argv[2]);
    MinimalGateway gateway(events);
    send_actions("actions, kept-alive connection", gateway, actions, "a/");
    gateway.lose_every(10);
    send_actions("actions, one answer in ten lost", gateway, actions, "b/");
    page_events(gateway, events);
    return 0;
}
