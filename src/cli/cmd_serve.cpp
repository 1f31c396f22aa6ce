// campaign serve --listen HOST:PORT [--gateway FILE | CAMPAIGN.yaml]: receives the gateway's webhooks and records
// their events in the database, where the running `campaign run` applies them. It takes no runner lock: it runs
// beside a run, and writes only the events table, each body in one transaction.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <httplib.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <spdlog/spdlog.h>
#include <thread>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/run_support.hpp"
#include "config/campaign_loader.hpp"
#include "config/gateway_loader.hpp"
#include "engine/inbound.hpp"
#include "store/database.hpp"
#include "transport/webhook.hpp"

namespace campaign::cli {

namespace {

struct ServeArguments {
    std::string listen;
    std::filesystem::path gateway;
    std::filesystem::path campaign;
};

// Larger bodies are refused before they are read whole: a page of events is a few kilobytes.
constexpr std::size_t k_max_body = std::size_t{1024} * 1024;
// A run holds the database for one short transaction at a time; a gateway waits about this long for an answer.
constexpr std::chrono::seconds k_patience_with_runs{10};

struct Address {
    std::string host;
    int port = 0;

    std::string to_string() const {
        auto shown = host.find(':') == std::string::npos ? host : "[" + host + "]";
        return shown + ":" + std::to_string(port);
    }
};

// Only HOST:PORT ("[::1]:8787" for IPv6): without a host, a server would listen on every network of the machine.
std::optional<Address> parse_address(const std::string& text) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return std::nullopt;
    }
    Address address{text.substr(0, colon), 0};
    auto port = text.substr(colon + 1);
    if (address.host.front() == '[' && address.host.back() == ']' && address.host.size() > 2) {
        address.host = address.host.substr(1, address.host.size() - 2);
    } else if (address.host.find_first_of(":/[] ") != std::string::npos) {
        return std::nullopt;
    }
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    address.port = std::stoi(port);
    if (address.port > 65535) {
        return std::nullopt;
    }
    return address;
}

core::GatewaySettings load_settings(const ServeArguments& arguments) {
    if (!arguments.gateway.empty()) {
        auto loaded = config::load_gateway(arguments.gateway);
        fail_on(loaded.diagnostics);
        return *loaded.settings;
    }
    if (arguments.campaign.empty()) {
        spdlog::warn("no gateway given: serving the engine profile, without a webhook secret");
        return {};
    }
    auto loaded = config::load_campaign(arguments.campaign);
    fail_on(loaded.diagnostics);
    if (!loaded.gateway) {
        throw core::UserError(arguments.campaign.string() +
                              ": error: the campaign has no 'gateway:' section to say the profile and the webhook "
                              "secret; add one, or give --gateway FILE");
    }
    return *loaded.gateway;
}

// The secret stays in the environment and in memory: it is never printed, logged or written.
std::string read_secret(const core::GatewaySettings& settings) {
    if (settings.webhook_secret_env.empty()) {
        return {};
    }
    const char* secret = std::getenv(settings.webhook_secret_env.c_str());
    if (secret == nullptr || *secret == '\0') {
        throw core::UserError(core::Diagnostic{settings.location, "webhook_secret_env names " +
                                                                      settings.webhook_secret_env +
                                                                      ", which is not set or empty: set it to the "
                                                                      "secret the gateway signs its webhooks with"}
                                  .to_string());
    }
    return secret;
}

struct Reply {
    int status = 200;
    std::string body;
    std::string problem; // why the request was refused, for the log; empty when it was not
};

// Errors in the engine protocol's own shape, so that a gateway reads them as it reads the engine's.
Reply refusal(int status, std::string_view code, std::string message) {
    nlohmann::ordered_json body = {{"error", {{"code", code}, {"message", message}}}};
    return {status, body.dump(), std::move(message)};
}

// From a request's body and proof to its answer, the events recorded whole or not at all.
class Receiver {
public:
    Receiver(store::Database& database, const core::Clock& clock, core::GatewaySettings settings, std::string secret)
        : m_database(database), m_clock(clock), m_settings(std::move(settings)), m_secret(std::move(secret)) {}

    Reply receive(std::string_view body, const std::optional<std::string>& proof, std::string_view content_type) {
        if (auto refused = check_proof(body, proof)) {
            return *refused;
        }
        if (auto why = transport::unreadable_body(m_settings.profile, content_type, body)) {
            return refusal(415, "unsupported_media_type", *why);
        }
        std::string error;
        auto received_at = m_clock.now();
        auto events = transport::read_webhook(m_settings.profile, body, m_settings, received_at, error);
        if (!events) {
            return refusal(400, "malformed", error);
        }
        return record(*events, received_at);
    }

    std::string totals() {
        std::lock_guard lock(m_mutex);
        return std::to_string(m_recorded) + " events recorded, " + std::to_string(m_duplicates) + " duplicates";
    }

private:
    std::optional<Reply> check_proof(std::string_view body, const std::optional<std::string>& proof) const {
        if (m_secret.empty()) {
            return std::nullopt;
        }
        auto header = std::string(transport::webhook_auth_header(m_settings.profile));
        if (!proof) {
            return refusal(401, "unauthorized", "the request has no " + header + " header");
        }
        if (!transport::webhook_is_authentic(m_settings.profile, body, *proof, m_secret)) {
            return refusal(401, "unauthorized",
                           m_settings.profile == core::WireProfile::unipile
                               ? "the " + header + " header is not the webhook secret"
                               : "the " + header +
                                     " header is not sha256= and the lower-case hex HMAC-SHA256 of "
                                     "the body under the webhook secret");
        }
        return std::nullopt;
    }

    Reply record(const std::vector<core::Event>& events, core::Timestamp received_at) {
        // One SQLite connection, and httplib answers on several threads.
        std::lock_guard lock(m_mutex);
        try {
            store::Transaction transaction(m_database);
            engine::InboundRecorder recorder(m_database);
            int recorded = 0;
            for (const auto& event : events) {
                recorded += recorder.record(event, received_at) ? 1 : 0;
            }
            transaction.commit();
            auto duplicates = static_cast<int>(events.size()) - recorded;
            m_recorded += recorded;
            m_duplicates += duplicates;
            return {200, nlohmann::ordered_json{{"recorded", recorded}, {"duplicates", duplicates}}.dump(), {}};
        } catch (const std::exception& failure) {
            // A 5xx has the gateway send the body again later, which is what a busy or failing database needs.
            spdlog::error("cannot record events: {}", failure.what());
            return refusal(503, "unavailable", "the events could not be recorded now; send them again later");
        }
    }

    store::Database& m_database;
    const core::Clock& m_clock;
    core::GatewaySettings m_settings;
    std::string m_secret;
    std::mutex m_mutex;
    long m_recorded = 0;
    long m_duplicates = 0;
};

// For the log: what was asked and by whom. Never a header: the proof of the secret stays out of the log.
std::string request_line(const httplib::Request& request) {
    return request.method + " " + request.path + " from " + request.remote_addr;
}

void answer(const httplib::Request& request, httplib::Response& response, const Reply& reply) {
    if (request.method.empty()) {
        // What httplib reads after a body it stopped reading at the limit: the rest of that body, no request.
        spdlog::debug("refused bytes that are not a request: {}", reply.status);
    } else if (!reply.problem.empty()) {
        spdlog::warn("refused {}: {} {}", request_line(request), reply.status, reply.problem);
    }
    response.status = reply.status;
    response.set_content(reply.body, "application/json");
}

std::optional<std::string> header_of(const httplib::Request& request, std::string_view name) {
    std::string key(name);
    return request.has_header(key) ? std::optional(request.get_header_value(key)) : std::nullopt;
}

Reply refusal_by_httplib(const httplib::Request& request, int status, core::WireProfile profile) {
    switch (status) {
    case 404:
        return refusal(404, "not_found",
                       "nothing at " + request.path + ": this gateway posts its events to " +
                           std::string(transport::webhook_path(profile)));
    case 413:
        return refusal(413, "too_large", "the body is over 1 MiB");
    default:
        return refusal(status, "refused", "the request could not be read as HTTP/1.1 of this server");
    }
}

// Read here, not by httplib, so that the limit holds for chunked and compressed bodies too.
std::optional<Reply> read_body(const httplib::ContentReader& read, const httplib::Response& response,
                               std::string& body) {
    bool too_large = false;
    bool complete = read([&](const char* data, std::size_t length) {
        too_large = body.size() + length > k_max_body;
        if (!too_large) {
            body.append(data, length);
        }
        return !too_large;
    });
    if (too_large || response.status == 413) { // 413: a Content-Length over the limit, which httplib refused
        return refusal(413, "too_large", "the body is over 1 MiB");
    }
    if (!complete) {
        return refusal(400, "malformed", "the body could not be read");
    }
    return std::nullopt;
}

void route(httplib::Server& server, Receiver& receiver, core::WireProfile profile) {
    server.Post(std::string(transport::webhook_path(profile)),
                [&receiver, profile](const httplib::Request& request, httplib::Response& response,
                                     const httplib::ContentReader& read) {
                    std::string body;
                    if (auto refused = read_body(read, response, body)) {
                        answer(request, response, *refused);
                        response.set_header("Connection", "close"); // the rest of the body is of no use
                        return;
                    }
                    answer(request, response,
                           receiver.receive(body, header_of(request, transport::webhook_auth_header(profile)),
                                            request.get_header_value("Content-Type")));
                });
    server.Get("/health",
               [](const httplib::Request&, httplib::Response& response) { response.set_content("ok", "text/plain"); });
    // What httplib answers by itself (an unknown path, a body too large to read) gets an error body too.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([profile](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled; // a refusal of ours, answered already
            }
            answer(request, response, refusal_by_httplib(request, response.status, profile));
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        if (!request.method.empty()) {
            spdlog::debug("{}: {}", request_line(request), response.status);
        }
    });
}

// The port listened on: the one asked for, or the free one picked for port 0.
int bind(httplib::Server& server, const Address& address) {
    bool bound = false;
    int port = address.port;
    if (port == 0) {
        port = server.bind_to_any_port(address.host);
        bound = port > 0;
    } else {
        bound = server.bind_to_port(address.host, port);
    }
    if (!bound) {
        throw core::RuntimeFailure("error: cannot listen on " + address.to_string() +
                                   ": the port is taken or the address is not this machine's");
    }
    return port;
}

// httplib blocks in listen; a signal only sets a flag, so a second thread turns the flag into server.stop().
void serve_until_stopped(httplib::Server& server) {
    StopOnSignal stop;
    std::atomic<bool> done = false;
    std::thread watcher([&] {
        while (!done) {
            if (stop.requested()) {
                server.stop(); // again until it takes: a signal may come before listening has started
            }
            std::this_thread::sleep_for(std::chrono::milliseconds{50});
        }
    });
    server.listen_after_bind();
    done = true;
    watcher.join();
}

int serve(Context& context, const ServeArguments& arguments) {
    auto address = parse_address(arguments.listen);
    if (!address) {
        throw core::UserError("error: --listen: '" + arguments.listen + "' is not HOST:PORT like 127.0.0.1:8787");
    }
    auto settings = load_settings(arguments);
    auto secret = read_secret(settings);
    store::Database database(context.database_path, store::OpenMode::must_exist);
    database.wait_for_writers(k_patience_with_runs);
    auto profile = settings.profile;
    Receiver receiver(database, context.clock, std::move(settings), std::move(secret));

    // A gateway that hangs up before its answer must not end the server: httplib writes without MSG_NOSIGNAL.
    std::signal(SIGPIPE, SIG_IGN);
    httplib::Server server;
    // httplib's default, SO_REUSEPORT, lets a second server take the same port and half the webhooks, silently.
    server.set_socket_options([](socket_t socket) {
        int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server.set_payload_max_length(k_max_body);
    route(server, receiver, profile);
    address->port = bind(server, *address);
    // Flushed at once: whoever started the server (a service manager, a test) may be waiting for the port.
    context.out << "receiving " << core::to_string(profile) << " webhooks at POST " << transport::webhook_path(profile)
                << '\n';
    context.out << "listening on " << address->to_string() << std::endl;
    serve_until_stopped(server);
    context.out << "stopped: " << receiver.totals() << '\n';
    return k_ok;
}

} // namespace

void add_serve_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("serve", "Receive the gateway's webhooks and record their events");
    set_examples(*command, {"campaign serve campaigns/founders-intro.yaml",
                            "campaign serve --gateway gateway.yaml --listen 127.0.0.1:8787"});
    auto arguments = std::make_shared<ServeArguments>();
    command->add_option("--listen", arguments->listen, "HOST:PORT to listen on, e.g. 127.0.0.1:8787 (port 0: any)")
        ->required();
    auto* gateway = command->add_option("--gateway", arguments->gateway, "The gateway file")->check(CLI::ExistingFile);
    auto* campaign = command->add_option("CAMPAIGN", arguments->campaign, "A campaign file with a gateway: section")
                         ->check(CLI::ExistingFile);
    gateway->excludes(campaign);
    on_run(*command, context, [&context, arguments] { return serve(context, *arguments); });
}

} // namespace campaign::cli
