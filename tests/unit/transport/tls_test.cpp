// TLS is always verified: a gateway whose certificate no trusted authority signed is not talked to, and `ca_file`
// is how a gateway with a certificate of its own is trusted. The certificate is made for the test with openssl.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <httplib.h>
#include <thread>

#include "transport/engine_transport.hpp"
#include "unit/store/temp_folder.hpp"
#include "unit/transport/gateway_fixture.hpp"

using namespace campaign;
using transport::SendStatus;

namespace {

// A certificate for 127.0.0.1, signed by itself: no system authority knows it.
void make_certificate(const std::filesystem::path& folder) {
    auto command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext "
                   "subjectAltName=IP:127.0.0.1 -keyout '" +
                   (folder / "key.pem").string() + "' -out '" + (folder / "cert.pem").string() + "' 2>/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
}

class TlsGateway {
public:
    explicit TlsGateway(const std::filesystem::path& folder)
        : m_server((folder / "cert.pem").c_str(), (folder / "key.pem").c_str()) {
        m_server.Post("/v1/actions", [](const httplib::Request&, httplib::Response& response) {
            response.set_content(R"({"status":"sent","id":"gw-1"})", "application/json");
        });
        m_server.set_tcp_nodelay(true);
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds{1});
        }
    }
    ~TlsGateway() {
        m_server.stop();
        m_thread.join();
    }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port) + "/v1"; }

private:
    httplib::SSLServer m_server;
    int m_port = 0;
    std::thread m_thread;
};

} // namespace

TEST_CASE("a gateway is trusted only with a certificate an authority or ca_file vouches for", "[transport]") {
    test::TempFolder folder;
    make_certificate(folder.path());
    TlsGateway gateway(folder.path());
    transport::Outbound action;
    action.idempotency_key = "q4/1/invite";
    action.type = core::ActionType::connect;
    action.sender = "alice";
    action.prospect.profile_url = "https://www.linkedin.com/in/jane-doe";

    test::GatewayFixture untrusted(gateway.url());
    auto refused = transport::EngineTransport(untrusted.settings, "key", untrusted.hooks()).send(action);
    CHECK(refused.status == SendStatus::unreachable);
    CHECK(refused.error.find("certificate") != std::string::npos);

    test::GatewayFixture trusted(gateway.url());
    trusted.settings.ca_file = (folder.path() / "cert.pem").string();
    CHECK(transport::EngineTransport(trusted.settings, "key", trusted.hooks()).send(action).status == SendStatus::sent);
}
