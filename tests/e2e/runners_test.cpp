// Several runners on one PostgreSQL CRM (docs/operations.md, "Several runners"): three `campaign run` processes share
// twenty senders through a gateway on 127.0.0.1 that fails on demand, while random events kill runners and start them
// again, pause them past their leases and wake them, add runners and stop them. Whatever happens, the gateway
// performs each step once under one key, no sender passes a daily limit or leaves its hours, nothing is left in
// flight, every event is applied once and every prospect's sequence ends.
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "e2e/harness.hpp"
#include "support/fake_gateway.hpp"

using campaign::e2e::Background;
using campaign::e2e::Result;
using campaign::e2e::ServerDatabase;
using campaign::e2e::Workspace;
using campaign::testing::FakeGateway;
using campaign::testing::Fault;
using campaign::testing::FaultKind;

namespace {

const std::string k_key = "gw_fleet_0d41a9";
const char* const k_key_variable = "CAMPAIGN_E2E_GATEWAY_KEY";
constexpr int k_senders = 20;
constexpr int k_prospects_per_sender = 5;
constexpr int k_events = 200;
constexpr const char* k_lease = "2s";

std::string sender_name(int index) {
    char name[8];
    std::snprintf(name, sizeof name, "s%02d", index);
    return name;
}

// A time zone where it is the middle of the day now, so that the senders' working hours, which end a few minutes
// from now, hold the whole test whatever the hour it runs at; and the hours' end there, "HH:MM".
std::pair<std::string, std::string> midday_zone(std::chrono::minutes ahead) {
    using namespace std::chrono;
    auto now = floor<minutes>(system_clock::now());
    auto utc_hour = static_cast<int>((now - floor<days>(now)).count() / 60);
    int offset = 12 - utc_hour; // Etc/GMT-N is N hours ahead of UTC
    auto zone = offset == 0 ? std::string("Etc/UTC")
                            : "Etc/GMT" + std::string(offset > 0 ? "-" : "+") + std::to_string(std::abs(offset));
    auto local = now + hours{offset} + ahead;
    auto minute = (local - floor<days>(local)).count();
    char until[8];
    std::snprintf(until, sizeof until, "%02d:%02d", static_cast<int>(minute / 60), static_cast<int>(minute % 60));
    return {zone, until};
}

void prepare(const Workspace& workspace, const FakeGateway& gateway, const std::string& zone,
             const std::string& until) {
    workspace.copy_from_source("templates");
    std::string people = "first_name,linkedin_url,tags\n";
    for (int sender = 1; sender <= k_senders; ++sender) {
        for (int i = 1; i <= k_prospects_per_sender; ++i) {
            people += "P" + std::to_string(i) + ",https://www.linkedin.com/in/fleet-" + sender_name(sender) + "-" +
                      std::to_string(i) + ",fleet;to-" + sender_name(sender) + "\n";
        }
    }
    workspace.write("people.csv", people);
    workspace.write("campaigns/gateway.yaml", "profile: engine\nurl: " + gateway.url() +
                                                  "\napi_key_env: " + k_key_variable +
                                                  "\ntimeout: 1500ms\nconnect_timeout: 400ms\nattempts: 3\n"
                                                  "backoff: 10ms\nmax_backoff: 50ms\npoll_interval: 1s\n");
    std::string campaign = "campaign: fleet\ntemplates: ../templates\nsenders:\n";
    std::string routing = "routing:\n";
    for (int sender = 1; sender <= k_senders; ++sender) {
        auto name = sender_name(sender);
        campaign += "  - id: " + name + "\n    first_name: " + name + "\n    timezone: " + zone +
                    "\n    working_hours:\n      days: [mon, tue, wed, thu, fri, sat, sun]\n      from: \"00:00\"\n"
                    "      to: \"" +
                    until +
                    "\"\n    limits:\n      per_day:\n        view_profile: 5\n        connect: 5\n        message: 5\n"
                    "      invitations_per_week: 5\n    pacing:\n      min_gap: 1s\n      jitter: 1s\n";
        routing += "  - any_tags: [to-" + name + "]\n    senders: [" + name + "]\n";
    }
    campaign += "audience:\n  tags: [fleet]\n" + routing + R"(steps:
  - id: look
    type: view_profile
  - id: invite
    type: connect
    note: connect-short.mustache
    on:
      accepted: thanks
  - id: thanks
    type: message
    template: thanks.mustache
gateway: gateway.yaml
)";
    workspace.write("campaigns/fleet.yaml", campaign);
    ::setenv(k_key_variable, k_key.c_str(), 1);
}

// The runners of the test, started, paused and stopped at random.
class Fleet {
public:
    Fleet(const Workspace& workspace, std::string uri) : m_workspace(workspace), m_uri(std::move(uri)) {}

    void start() {
        m_runners.push_back(
            {std::make_unique<Background>(m_workspace.start(
                 {"-v", "--db", m_uri, "run", "campaigns/fleet.yaml", "--transport", "http", "--lease", k_lease})),
             std::nullopt});
        ++started;
    }
    // The runners still going (paused or not), after forgetting those that ended by themselves.
    std::vector<std::size_t> live() {
        std::vector<std::size_t> indexes;
        for (std::size_t i = 0; i < m_runners.size(); ++i) {
            if (m_runners[i].process && !m_runners[i].process->ended()) {
                indexes.push_back(i);
            } else if (m_runners[i].process) {
                finish(i, SIGTERM);
            }
        }
        return indexes;
    }
    void kill(std::size_t index) { finish(index, SIGKILL); }
    void terminate(std::size_t index) {
        wake(index);
        finish(index, SIGTERM);
    }
    void pause(std::size_t index, std::chrono::steady_clock::time_point until) {
        if (!m_runners[index].paused_until) {
            m_runners[index].process->signal(SIGSTOP);
            m_runners[index].paused_until = until;
            ++paused;
        }
    }
    // Wakes the runners whose pause is over, or all of them.
    void wake_due(bool all = false) {
        for (std::size_t i = 0; i < m_runners.size(); ++i) {
            if (m_runners[i].paused_until && (all || *m_runners[i].paused_until <= std::chrono::steady_clock::now())) {
                wake(i);
            }
        }
    }
    void stop_all() {
        for (auto index : live()) {
            terminate(index);
        }
    }
    // What every runner said, for a failure's message.
    std::string said() const { return m_said; }

    int started = 0;
    int paused = 0;
    int killed = 0;
    int terminated = 0;
    std::vector<Result> endings; // of the runners stopped with SIGTERM or ended by themselves

private:
    struct Runner {
        std::unique_ptr<Background> process;
        std::optional<std::chrono::steady_clock::time_point> paused_until;
    };

    void wake(std::size_t index) {
        if (m_runners[index].paused_until) {
            m_runners[index].process->signal(SIGCONT);
            m_runners[index].paused_until.reset();
        }
    }
    void finish(std::size_t index, int signal) {
        auto& runner = m_runners[index];
        if (signal == SIGKILL) {
            ++killed;
        } else if (!runner.process->ended()) {
            ++terminated;
        }
        if (runner.paused_until && signal == SIGKILL) {
            runner.paused_until.reset(); // SIGKILL ends a stopped process too
        }
        if (signal == SIGTERM) {
            runner.process->signal(SIGTERM);
            for (int tick = 0; tick < 100 && !runner.process->ended(); ++tick) {
                std::this_thread::sleep_for(std::chrono::milliseconds{50});
            }
            if (!runner.process->ended()) {
                m_said +=
                    "--- runner " + std::to_string(index) + " still going 5 s after SIGTERM; the server's sessions:\n";
                for (const auto& row : campaign::e2e::postgresql_rows(
                         m_uri, "SELECT pid, state, COALESCE(wait_event_type, ''), COALESCE(wait_event, ''), query "
                                "FROM pg_stat_activity WHERE datname = current_database()")) {
                    m_said += row[0] + " " + row[1] + " " + row[2] + "/" + row[3] + " " + row[4] + "\n";
                }
            }
        }
        auto result = runner.process->stop(signal);
        if (signal != SIGKILL) {
            endings.push_back(result);
        }
        m_said += "--- runner " + std::to_string(index) + " (exit " + std::to_string(result.exit_code) + ")\n" +
                  result.out + result.err;
        runner.process.reset();
    }

    const Workspace& m_workspace;
    std::string m_uri;
    std::vector<Runner> m_runners;
    std::string m_said;
};

long long count(const std::string& uri, const std::string& sql) {
    auto rows = campaign::e2e::postgresql_rows(uri, sql);
    return rows.empty() || rows[0].empty() || rows[0][0].empty() ? 0 : std::stoll(rows[0][0]);
}

} // namespace

TEST_CASE("three runners share twenty senders through kills, pauses, new runners and faults, and nothing goes twice",
          "[e2e][runners][postgresql]") {
    FakeGateway gateway(k_key);
    gateway.accept_invitations_after(std::chrono::seconds{0});
    // A stall shorter than the transport's timeout: the request is performed and answered late, a window in which a
    // runner is killed in flight.
    gateway.set_stall(std::chrono::milliseconds{300});
    ServerDatabase server;
    Workspace workspace;
    // The senders' day ends five minutes from now: room for a slow build (the sanitizers') to finish within it. The
    // day's work is shared out over the hours, so a sender's last actions may be held until near their end.
    auto [zone, until] = midday_zone(std::chrono::minutes{5});
    prepare(workspace, gateway, zone, until);
    REQUIRE(workspace.run({"--db", server.uri(), "prospects", "import", "people.csv"}).exit_code == 0);

    auto started_at = std::chrono::steady_clock::now();
    std::mt19937 random(20261207);
    Fleet fleet(workspace, server.uri());
    for (int i = 0; i < 3; ++i) {
        fleet.start();
    }
    // Within a few balances: three runners, the twenty senders shared out between them, one doing the chores.
    nlohmann::json view;
    auto balanced = [&view] {
        int held = 0;
        int chores = 0;
        bool fair = view["runners"].size() == 3;
        for (const auto& runner : view["runners"]) {
            fair = fair && runner["alive"] == true && runner["senders"].get<int>() <= 7;
            held += runner["senders"].get<int>();
            chores += runner["chores"] == true ? 1 : 0;
        }
        return fair && held == k_senders && chores == 1;
    };
    for (int look = 0; look < 40; ++look) {
        std::this_thread::sleep_for(std::chrono::milliseconds{250});
        auto shown = workspace.run({"--db", server.uri(), "runners", "--format", "json"});
        REQUIRE(shown.exit_code == 0);
        view = nlohmann::json::parse(shown.out);
        if (balanced()) {
            break;
        }
    }
    INFO(view.dump(2));
    CHECK(balanced());
    std::map<std::string, int> applied;
    // Faults the transport's own retries get through (a timeout is not retried at once: its step waits a quarter of
    // an hour, past the test); what was performed and not answered is asked again under its key.
    const std::vector<Fault> faults{FaultKind::status_500, FaultKind::status_500_after_performing, FaultKind::reset,
                                    Fault::too_many_requests(std::chrono::seconds{1})};
    for (int event = 0; event < k_events; ++event) {
        std::this_thread::sleep_for(std::chrono::milliseconds{100 + random() % 300});
        fleet.wake_due();
        auto live = fleet.live();
        auto pick = [&] { return live[random() % live.size()]; };
        switch (random() % 7) {
        case 0: // killed, and started again
            if (!live.empty()) {
                fleet.kill(pick());
                fleet.start();
                ++applied["kill and restart"];
            }
            break;
        case 1: // paused past its lease
            if (!live.empty()) {
                fleet.pause(pick(),
                            std::chrono::steady_clock::now() + std::chrono::milliseconds{2500 + random() % 1500});
                ++applied["pause past the lease"];
            }
            break;
        case 2: // one more
            if (live.size() < 4) {
                fleet.start();
                ++applied["runner added"];
            }
            break;
        case 3: // one fewer
            if (live.size() > 1) {
                fleet.terminate(pick());
                ++applied["runner stopped"];
            }
            break;
        case 4: // a runner killed while the gateway takes its time over a request, perhaps that runner's own
            if (!live.empty() && gateway.faults_pending() == 0) {
                gateway.fail_next(FaultKind::timeout_after_performing);
                std::this_thread::sleep_for(std::chrono::milliseconds{150});
                fleet.kill(pick());
                fleet.start();
                ++applied["kill in flight"];
            }
            break;
        default: // the gateway fails the next request, once: the transport's retries get through, where faults in
                 // a row would hold the step back for the default retry, a quarter of an hour
            if (gateway.faults_pending() == 0) {
                gateway.fail_next(faults[random() % faults.size()]);
                ++applied["gateway fault"];
            }
            break;
        }
        if (fleet.live().empty()) {
            fleet.start();
        }
    }
    auto events_done = std::chrono::steady_clock::now();
    fleet.wake_due(true);
    while (fleet.live().size() < 2) {
        fleet.start();
    }
    // Then the runners left finish what is due.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes{4};
    while (count(server.uri(), "SELECT count(*) FROM enrollments WHERE state = 'active'") > 0 &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds{500});
    }
    auto finished_at = std::chrono::steady_clock::now();
    fleet.stop_all();
    INFO(fleet.said());
    const auto& uri = server.uri();
    const int prospects = k_senders * k_prospects_per_sender;

    // What became of the sequences that did not end, for a failure's message.
    std::string unfinished;
    for (const auto& action : campaign::e2e::postgresql_rows(
             uri, "SELECT a.idempotency_key, a.state, a.at_utc, COALESCE(a.error, '') FROM actions a JOIN enrollments e"
                  " ON e.id = a.enrollment_id WHERE e.state <> 'done' ORDER BY a.id")) {
        unfinished += action[0] + " " + action[1] + " at " + action[2] + " " + action[3] + "\n";
    }
    INFO("the actions of the sequences that did not end:\n" << unfinished);
    // Every prospect's sequence ended, nothing is left in flight, and every event was applied.
    CHECK(count(uri, "SELECT count(*) FROM enrollments") == prospects);
    CHECK(count(uri, "SELECT count(*) FROM enrollments WHERE state <> 'done'") == 0);
    CHECK(count(uri, "SELECT count(*) FROM actions WHERE state IN ('sending', 'in_doubt')") == 0);
    CHECK(count(uri, "SELECT count(*) FROM events WHERE type = 'accepted'") == prospects);
    CHECK(count(uri, "SELECT count(*) FROM events WHERE applied_at IS NULL") == 0);

    // The gateway performed each key once, each step under one key, and nothing the CRM does not call sent.
    auto sent = campaign::e2e::postgresql_rows(
        uri, "SELECT a.idempotency_key, s.name, a.type, a.at_local, a.enrollment_id, a.step FROM actions a"
             " JOIN senders s ON s.id = a.sender_id WHERE a.state = 'sent' ORDER BY a.id");
    std::set<std::string> keys;
    std::set<std::pair<std::string, std::string>> steps;
    for (const auto& action : sent) {
        INFO(action[0]);
        CHECK(gateway.performed_count(action[0]) == 1);
        CHECK(keys.insert(action[0]).second);
        CHECK(steps.insert({action[4], action[5]}).second);
        // Within the sender's hours: the day ends at `until`, local time.
        CHECK(action[3].substr(11, 5) < until);
    }
    CHECK(sent.size() == static_cast<std::size_t>(3 * prospects));
    std::map<std::tuple<std::string, std::string, std::string>, int> per_target;
    std::map<std::pair<std::string, std::string>, int> per_sender;
    for (const auto& performed : gateway.performed()) {
        INFO(performed.key);
        CHECK(keys.contains(performed.key));
        CHECK(++per_target[{performed.sender, performed.profile_url, performed.type}] == 1);
        // Five of each type a day: the whole test is one day of the senders'.
        CHECK(++per_sender[{performed.sender, performed.type}] <= 5);
    }
    CHECK(gateway.performed().size() == sent.size());
    // Stopped with SIGTERM, each ended well (143: before its handler was in place, as it started), or it was paused
    // inside a transaction for longer than a lease, the server ended its session, and it said so when it woke.
    for (const auto& ending : fleet.endings) {
        INFO(ending.out << ending.err);
        bool session_ended =
            ending.exit_code == 3 && ending.err.find("server closed the connection") != std::string::npos;
        CHECK((ending.exit_code == 0 || ending.exit_code == 143 || session_ended));
    }

    // The fences and the takeovers did their part: runners woken after their lease let their senders go, and the
    // runners that took senders over settled what was left in flight.
    auto said = fleet.said();
    auto times_said = [&said](const std::string& text) {
        int times = 0;
        for (auto at = said.find(text); at != std::string::npos; at = said.find(text, at + 1)) {
            ++times;
        }
        return times;
    };
    auto let_go = times_said("' let go");
    auto settled = times_said(" actions left in flight settled");
    CHECK(let_go > 0);
    CHECK(settled > 0);

    std::string happened;
    for (const auto& [what, times] : applied) {
        happened += (happened.empty() ? "" : ", ") + what + " " + std::to_string(times);
    }
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(finished_at - started_at).count();
    auto events_seconds = std::chrono::duration_cast<std::chrono::seconds>(events_done - started_at).count();
    std::printf(
        "runners: %d events (%s) in %lld s; %d runners started, %d killed, %d paused, %d stopped; %zu actions"
        " performed, %d requests at the gateway; %d senders let go, %d takeovers settled actions in flight; every"
        " sequence ended %lld s after the first runner started\n",
        k_events, happened.c_str(), static_cast<long long>(events_seconds), fleet.started, fleet.killed, fleet.paused,
        fleet.terminated, gateway.performed().size(), gateway.request_count("/v1/"), let_go, settled,
        static_cast<long long>(seconds));
}

TEST_CASE("campaign runners says who runs, and that no one does", "[e2e][runners]") {
    Workspace workspace;
    workspace.write("people.csv", "first_name,linkedin_url\nAna,https://www.linkedin.com/in/ana\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    auto none = workspace.run({"runners"});
    CHECK(none.exit_code == 0);
    CHECK(none.out == "no runner works on this CRM now (a live run, campaign run --transport http, is one)\n");
    auto json = workspace.run({"runners", "--format", "json"});
    CHECK(json.exit_code == 0);
    auto view = nlohmann::json::parse(json.out);
    CHECK(view["runners"].empty());
    CHECK(view["leases"].empty());
    CHECK(workspace.run({"runners", "--format", "csv"}).exit_code == 1);
}
