// How the gateway transports speak HTTP: one connection to a gateway over libcurl, with connect and total timeouts, TLS
// always verified (against the system's certificates and an optional CA file), the connection kept alive between
// requests, and the key sent in its header but never in anything the client says about a failure. The transports see
// only the HttpClient interface, so that tests and fuzzing can answer them without a network.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/gateway.hpp"

namespace campaign::transport {

struct HttpRequest {
    std::string method = "GET";
    std::string path; // after the gateway's base URL, e.g. "/actions"; query included
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body; // with content_type, for a JSON body
    std::string content_type;
    std::vector<std::pair<std::string, std::string>> form; // multipart/form-data fields, instead of a body
    // libcurl sends a request again by itself when a connection it reused turns out dead before any answer: a
    // request that must not reach the gateway twice goes on a connection of its own.
    bool replayable = true;
};

enum class Failure {
    none,
    not_connected, // the request never left: no connection (refused, unresolved, TLS handshake)
    no_answer,     // it left and no whole answer came back (timeout, reset): the gateway may have acted on it
};

struct HttpResponse {
    Failure failure = Failure::none;
    std::string error; // what went wrong, when there was no answer
    long status = 0;   // the HTTP status, when there was one
    std::string body;
    std::optional<std::string> retry_after; // the Retry-After header
    std::optional<std::string> date;        // the Date header: when the gateway answered, by its own clock

    bool answered() const { return failure == Failure::none; }
};

class HttpClient {
public:
    virtual ~HttpClient() = default;
    virtual HttpResponse perform(const HttpRequest& request) = 0;
    // Text about a request or an answer with the key taken out, for errors and logs.
    virtual std::string redact(std::string text) const = 0;
};

class CurlClient final : public HttpClient {
public:
    // The key goes into `key_header` (e.g. "Authorization" with "Bearer KEY", or "X-API-KEY") of every request; no
    // header when it is empty (a webhook's receiver, which a signature convinces instead).
    CurlClient(const core::GatewaySettings& settings, std::string key_header, std::string key_value);
    ~CurlClient() override;
    CurlClient(const CurlClient&) = delete;
    CurlClient& operator=(const CurlClient&) = delete;

    HttpResponse perform(const HttpRequest& request) override;
    std::string redact(std::string text) const override;

private:
    struct Handle;
    std::unique_ptr<Handle> m_handle;
    std::string m_base;
    std::string m_key_header;
    std::string m_key_value;
};

// Percent-encoding of one path segment or query value.
std::string url_encode(const std::string& text);

} // namespace campaign::transport
