#include "transport/http_client.hpp"

#include <curl/curl.h>
#include <mutex>

#include "core/text.hpp"

namespace campaign::transport {

namespace {

constexpr std::string_view k_redacted = "[redacted]";
constexpr const char* k_system_certificates = "/etc/ssl/certs"; // Debian's, as ca-certificates installs them

void initialize_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// No answer of a gateway is this long; a longer one is cut off as a failure rather than filling memory.
constexpr std::size_t k_max_answer = 16 * 1024 * 1024;

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
    auto& text = *static_cast<std::string*>(body);
    if (text.size() + size * count > k_max_answer) {
        return 0;
    }
    text.append(data, size * count);
    return size * count;
}

std::size_t read_header(char* data, std::size_t size, std::size_t count, void* response) {
    std::string_view line(data, size * count);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return size * count;
    }
    auto name = core::to_lower_ascii(std::string(line.substr(0, colon)));
    auto value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
    }
    while (!value.empty() &&
           (value.back() == '\r' || value.back() == '\n' || value.back() == ' ' || value.back() == '\t')) {
        value.remove_suffix(1);
    }
    if (name == "retry-after") {
        static_cast<HttpResponse*>(response)->retry_after = std::string(value);
    } else if (name == "date") {
        static_cast<HttpResponse*>(response)->date = std::string(value);
    }
    return size * count;
}

// The request never left when no connection was made: sending it again cannot act twice.
bool never_left(CURLcode code, CURL* curl) {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
        return true;
    default:
        break;
    }
    long sent = 0;
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &sent);
    return sent == 0;
}

} // namespace

struct CurlClient::Handle {
    CURL* curl = nullptr;
    ~Handle() {
        if (curl != nullptr) {
            curl_easy_cleanup(curl);
        }
    }
};

CurlClient::CurlClient(const core::GatewaySettings& settings, std::string key_header, std::string key_value)
    : m_handle(std::make_unique<Handle>()), m_base(settings.url), m_key_header(std::move(key_header)),
      m_key_value(std::move(key_value)) {
    while (!m_base.empty() && m_base.back() == '/') {
        m_base.pop_back();
    }
    if (!m_base.starts_with("https://") && !core::is_loopback_url(m_base)) {
        throw core::UserError("error: the url must start with https:// (" + m_base + ")");
    }
    initialize_curl();
    m_handle->curl = curl_easy_init();
    if (m_handle->curl == nullptr) {
        throw core::RuntimeFailure("error: the HTTP client could not start (libcurl)");
    }
    auto* curl = m_handle->curl;
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (settings.ca_file) {
        // The file takes the place of the system's bundle; the system's folder of certificates stays trusted.
        curl_easy_setopt(curl, CURLOPT_CAINFO, settings.ca_file->c_str());
        curl_easy_setopt(curl, CURLOPT_CAPATH, k_system_certificates);
    }
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    // HTTP/1.1 on every gateway: a request that must go on a connection of its own can then be sure to.
    curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "campaign/" CAMPAIGN_VERSION);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
}

CurlClient::~CurlClient() = default;

HttpResponse CurlClient::perform(const HttpRequest& request) {
    auto* curl = m_handle->curl;
    HttpResponse response;
    char error[CURL_ERROR_SIZE] = {};
    auto url = m_base + request.path;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);

    curl_slist* headers = nullptr;
    auto add_header = [&headers](const std::string& line) { headers = curl_slist_append(headers, line.c_str()); };
    if (!m_key_header.empty()) {
        add_header(m_key_header + ": " + m_key_value);
    }
    add_header("Accept: application/json");
    add_header("Expect:"); // no 100-continue round trip before a body
    for (const auto& [name, value] : request.headers) {
        add_header(name + ": " + value);
    }
    curl_mime* mime = nullptr;
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    if (!request.form.empty()) {
        mime = curl_mime_init(curl);
        for (const auto& [name, value] : request.form) {
            auto* part = curl_mime_addpart(mime);
            curl_mime_name(part, name.c_str());
            curl_mime_data(part, value.data(), value.size());
        }
        curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
    } else if (request.method != "GET" && (request.method != "DELETE" || !request.body.empty())) {
        if (!request.content_type.empty()) {
            add_header("Content-Type: " + request.content_type);
        }
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method == "GET" ? nullptr : request.method.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, request.replayable ? 0L : 1L);
    curl_easy_setopt(curl, CURLOPT_FORBID_REUSE, request.replayable ? 0L : 1L);

    auto code = curl_easy_perform(curl);
    if (code == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    } else {
        response.failure = never_left(code, curl) ? Failure::not_connected : Failure::no_answer;
        response.error = redact(error[0] != '\0' ? std::string(error) : std::string(curl_easy_strerror(code)));
        response.body.clear();
    }
    // Nothing of this request stays on the handle for the next one.
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, nullptr);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, nullptr);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, -1L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    curl_slist_free_all(headers);
    curl_mime_free(mime);
    return response;
}

std::string CurlClient::redact(std::string text) const {
    // The header's value, and the token alone, as it would show without its "Bearer ".
    std::string_view value = m_key_value;
    for (auto secret : {value, value.substr(value.rfind(' ') + 1)}) {
        if (secret.empty()) {
            continue;
        }
        for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
            text.replace(at, secret.size(), k_redacted);
            at += k_redacted.size();
        }
    }
    return text;
}

std::string url_encode(const std::string& text) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += k_hex[c >> 4];
            encoded += k_hex[c & 15];
        }
    }
    return encoded;
}

} // namespace campaign::transport
