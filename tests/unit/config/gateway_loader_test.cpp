// The http transport's gateway: inline in a campaign, in a file the campaign names, or a file of its own, with the
// defaults of docs/http-transport.md, and every problem at its line and column. Secrets never belong in these files.
#include <catch2/catch.hpp>

#include "config/gateway_loader.hpp"
#include "unit/config/project.hpp"

using namespace campaign::core;
using campaign::config::load_gateway;
using campaign::test::complete_campaign;
using campaign::test::Lines;
using campaign::test::Project;
using std::chrono::milliseconds;

namespace {

const std::filesystem::path k_source_dir = CAMPAIGN_SOURCE_DIR;

Lines file_errors(const Project& project, std::string_view yaml) {
    project.write("gateway.yaml", yaml);
    return project.lines(load_gateway(project.root() / "gateway.yaml").diagnostics);
}

// The example of "Configuring the gateway" in docs/http-transport.md, as a campaign's section.
std::string docs_gateway_example() {
    auto docs = campaign::test::read_text(k_source_dir / "docs/http-transport.md");
    auto start = docs.find("```yaml\ngateway:\n");
    if (start == std::string::npos) {
        throw std::runtime_error("no ```yaml example of 'gateway:' in docs/http-transport.md");
    }
    start += std::string_view("```yaml\n").size();
    return docs.substr(start, docs.find("```\n", start) - start);
}

} // namespace

TEST_CASE("the documented gateway loads with every setting", "[config]") {
    Project project;
    auto example = docs_gateway_example();
    // The example's CA file is one of the reader's machine; here it is one beside the campaign.
    auto ca = example.find("/etc/ssl/private/our-ca.pem");
    REQUIRE(ca != std::string::npos);
    example.replace(ca, std::string_view("/etc/ssl/private/our-ca.pem").size(), "our-ca.pem");
    project.write("campaigns/our-ca.pem", "certificates\n");
    auto loaded = project.load(complete_campaign(example));
    REQUIRE(project.lines(loaded).empty());
    REQUIRE(loaded.gateway);
    const auto& gateway = *loaded.gateway;
    CHECK(gateway.profile == WireProfile::engine);
    CHECK(gateway.url == "https://gateway.example.com/v1");
    CHECK(gateway.api_key_env == "CAMPAIGN_GATEWAY_KEY");
    CHECK(gateway.ca_file == (project.root() / "campaigns/our-ca.pem").string());
    CHECK(gateway.connect_timeout == milliseconds{10'000});
    CHECK(gateway.timeout == milliseconds{30'000});
    CHECK(gateway.attempts == 4);
    CHECK(gateway.backoff == milliseconds{1'000});
    CHECK(gateway.max_backoff == milliseconds{60'000});
    CHECK(gateway.poll_interval == milliseconds{30'000});
    CHECK(gateway.webhook_secret_env == "CAMPAIGN_WEBHOOK_SECRET");
    CHECK(gateway.account_of("alice") == "7ioiu6zHRO67yQBazvXDuQ");
    CHECK(gateway.account_of("bob") == "bob");
}

TEST_CASE("a gateway file reads as the section does, and a campaign may name it", "[config]") {
    Project project;
    project.write("campaigns/gateway.yaml",
                  "profile: unipile\nurl: https://api8.unipile.com:13851/api/v1\n"
                  "api_key_env: UNIPILE_KEY\ntimeout: 750ms\nconnect_timeout: 500ms\nattempts: 2\n");
    auto loaded = project.load(complete_campaign("gateway: gateway.yaml\n"));
    REQUIRE(project.lines(loaded).empty());
    REQUIRE(loaded.gateway);
    CHECK(loaded.gateway->profile == WireProfile::unipile);
    CHECK(loaded.gateway->timeout == milliseconds{750});
    CHECK(loaded.gateway->attempts == 2);
    CHECK(loaded.gateway->connect_timeout == milliseconds{500});

    // Its problems are reported at their place in it.
    project.write("campaigns/gateway.yaml", "url: https://gw.example.com\napi_key_env: KEY\nattempts: 0\n");
    CHECK(project.lines(project.load(complete_campaign("gateway: gateway.yaml\n"))) ==
          Lines{"campaigns/gateway.yaml:3:11: error: 'attempts' must be between 1 and 10, not 0"});
}

TEST_CASE("a gateway file the campaign names and that is not there is reported where it is named", "[config]") {
    Project project;
    CHECK(project.errors("gateway: nothere.yaml\n") ==
          Lines{"campaigns/q4.yaml:1:10: error: 'gateway': no such file: campaigns/nothere.yaml"});
}

TEST_CASE("a gateway file that is a list, not a map, is reported at its place", "[config]") {
    Project project;
    project.write("campaigns/gateway.yaml", "- accept: 0.3\n");
    CHECK(project.errors("gateway: gateway.yaml\n") ==
          Lines{"campaigns/gateway.yaml:1:1: error: the gateway must be a map of keys and values"});
}

TEST_CASE("a campaign without a gateway section has none", "[config]") {
    Project project;
    auto loaded = project.load(complete_campaign(""));
    REQUIRE(loaded.campaign);
    CHECK_FALSE(loaded.gateway);
}

TEST_CASE("the url must be https, unless the gateway is on this machine", "[config]") {
    Project project;
    CHECK(file_errors(project, "url: http://gw.example.com/v1\napi_key_env: KEY\n") ==
          Lines{"gateway.yaml:1:6: error: 'url' must start with https:// ('http://gw.example.com/v1'): the key may "
                "travel without TLS only to this machine (127.0.0.1, localhost, [::1])"});
    CHECK(file_errors(project, "url: http://127.0.0.1.evil.example/v1\napi_key_env: KEY\n").size() == 1);
    CHECK(file_errors(project, "url: http://localhost:80@evil.example/v1\napi_key_env: KEY\n") ==
          Lines{"gateway.yaml:1:6: error: 'url' must not hold a user or a password "
                "('http://localhost:80@evil.example/v1'): the key goes in the environment variable named by "
                "'api_key_env'"});
    CHECK(file_errors(project, "url: http://127.0.0.1:8080/v1\napi_key_env: KEY\n").empty());
    CHECK(file_errors(project, "url: http://localhost/v1\napi_key_env: KEY\n").empty());
    CHECK(file_errors(project, "url: http://[::1]:9000\napi_key_env: KEY\n").empty());
    CHECK(file_errors(project, "api_key_env: KEY\n") == Lines{"gateway.yaml:1:1: error: missing required key 'url'"});
}

TEST_CASE("keys and secrets stay out of gateway files", "[config]") {
    Project project;
    CHECK(file_errors(project, "url: https://gw.example.com\napi_key_env: KEY\napi_key: sk_live_123\n") ==
          Lines{"gateway.yaml:3:1: error: secrets do not go in files that are kept in git: put it in an "
                "environment variable and name that with 'api_key_env'"});
    CHECK(file_errors(project, "url: https://gw.example.com\napi_key_env: sk_live_4f9a8b\n") ==
          Lines{"gateway.yaml:2:14: error: 'api_key_env' names an environment variable (like CAMPAIGN_GATEWAY_KEY), "
                "not a secret itself: 'api_key_env' must be upper-case letters, digits and '_'"});
    CHECK(file_errors(project, "url: https://gw.example.com\napi_key_env: KEY\nwebhook_secret: abc\n") ==
          Lines{"gateway.yaml:3:1: error: secrets do not go in files that are kept in git: put it in an "
                "environment variable and name that with 'webhook_secret_env'"});
}

TEST_CASE("gateway settings are checked one by one", "[config]") {
    Project project;
    auto base = std::string("url: https://gw.example.com\napi_key_env: KEY\n");
    CHECK(file_errors(project, base + "profile: phantombuster\n") ==
          Lines{"gateway.yaml:3:10: error: unknown gateway profile 'phantombuster' (expected engine or unipile)"});
    CHECK(file_errors(project, base + "timeout: soon\n") ==
          Lines{"gateway.yaml:3:10: error: 'timeout' must be a duration longer than 0 such as 500ms, 30s or 1m, not "
                "'soon'"});
    CHECK(file_errors(project, base + "backoff: 0ms\n").size() == 1);
    CHECK(file_errors(project, base + "ca_file: nowhere.pem\n") ==
          Lines{"gateway.yaml:3:10: error: 'ca_file': no such file: nowhere.pem"});
    CHECK(file_errors(project, base + "timeuot: 5s\n") ==
          Lines{"gateway.yaml:3:1: error: unknown key 'timeuot' in the gateway (did you mean 'timeout'?)"});
    CHECK(file_errors(project, base + "backoff: 2m\n") ==
          Lines{"gateway.yaml:3:10: error: 'max_backoff' must not be shorter than 'backoff'"});
    CHECK(file_errors(project, base + "timeout: 5s\n") ==
          Lines{"gateway.yaml:3:10: error: 'timeout' is for a whole request, connecting included: it must not be "
                "shorter than 'connect_timeout'"});
    CHECK(file_errors(project, base + "accounts: [alice]\n") ==
          Lines{"gateway.yaml:3:11: error: 'accounts' must map each sender's id to its account at the gateway"});
}
