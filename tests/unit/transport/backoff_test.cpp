// Retry waits and Retry-After, and the small HTTP helpers: pure, so checked without a server or a wait.
#include <catch2/catch.hpp>

#include "core/gateway.hpp"
#include "transport/backoff.hpp"
#include "transport/http_client.hpp"

using namespace campaign;
using std::chrono::milliseconds;

namespace {

// Always the same draw: the waits are then exact.
class FixedRandom final : public core::Random {
public:
    explicit FixedRandom(double value) : m_value(value) {}
    double uniform() override { return m_value; }

private:
    double m_value;
};

} // namespace

TEST_CASE("backoff doubles from the first wait up to the longest, drawn in its upper half", "[transport]") {
    transport::BackoffPolicy policy{6, milliseconds{1000}, milliseconds{5000}};
    FixedRandom top(0.999999);
    FixedRandom bottom(0.0);
    CHECK(transport::backoff_delay(policy, 1, bottom) == milliseconds{500});
    CHECK(transport::backoff_delay(policy, 1, top) == milliseconds{999});
    CHECK(transport::backoff_delay(policy, 2, bottom) == milliseconds{1000});
    CHECK(transport::backoff_delay(policy, 3, bottom) == milliseconds{2000});
    CHECK(transport::backoff_delay(policy, 4, bottom) == milliseconds{2500}); // capped at 5 s, then halved
    CHECK(transport::backoff_delay(policy, 40, top) == milliseconds{4999});
}

TEST_CASE("Retry-After is read in seconds or as an HTTP date, never into the past", "[transport]") {
    auto now = *core::parse_utc("2026-12-01T09:00:00Z");
    CHECK(transport::parse_retry_after("120", now) == now + std::chrono::seconds{120});
    CHECK(transport::parse_retry_after("0", now) == now);
    CHECK(transport::parse_retry_after("Tue, 01 Dec 2026 09:30:00 GMT", now) == now + std::chrono::minutes{30});
    CHECK(transport::parse_retry_after("Mon, 30 Nov 2026 09:30:00 GMT", now) == now);
    CHECK_FALSE(transport::parse_retry_after("soon", now));
    CHECK_FALSE(transport::parse_retry_after("-5", now));
    CHECK_FALSE(transport::parse_retry_after("Tue, 31 Feb 2026 09:30:00 GMT", now));
    CHECK_FALSE(transport::parse_retry_after("", now));
}

TEST_CASE("a Retry-After date is a wait from the answer's Date, on the run's clock", "[transport]") {
    auto now = *core::parse_utc("2026-12-01T09:00:00Z");
    // A gateway on the wall clock of 2025 answering a run simulated in 2026, and one whose clock is ahead.
    CHECK(transport::parse_retry_after("Mon, 03 Feb 2025 10:02:00 GMT", now, "Mon, 03 Feb 2025 10:00:00 GMT") ==
          now + std::chrono::minutes{2});
    CHECK(transport::parse_retry_after("Fri, 01 Dec 2028 09:30:00 GMT", now, "Fri, 01 Dec 2028 09:00:00 GMT") ==
          now + std::chrono::minutes{30});
    CHECK(transport::parse_retry_after("Mon, 03 Feb 2025 09:59:00 GMT", now, "Mon, 03 Feb 2025 10:00:00 GMT") == now);
    // A Date that cannot be read leaves the date on the run's clock; a year is the longest wait either way.
    CHECK(transport::parse_retry_after("Tue, 01 Dec 2026 09:30:00 GMT", now, "yesterday") ==
          now + std::chrono::minutes{30});
    CHECK(transport::parse_retry_after("Sat, 01 Dec 2040 09:00:00 GMT", now) == now + std::chrono::hours{366 * 24});
    CHECK(transport::parse_retry_after("99999999999", now) == now + std::chrono::hours{366 * 24});
}

TEST_CASE("plain http only to this machine, and path parts percent-encoded", "[transport]") {
    CHECK(core::is_loopback_url("http://127.0.0.1:8080/v1"));
    CHECK(core::is_loopback_url("http://localhost/v1"));
    CHECK(core::is_loopback_url("http://[::1]:9000"));
    CHECK_FALSE(core::is_loopback_url("http://127.0.0.1.example.com/v1"));
    CHECK_FALSE(core::is_loopback_url("http://localhost:8080@evil.example.com/v1"));
    CHECK_FALSE(core::is_loopback_url("http://user@127.0.0.1/v1"));
    CHECK_FALSE(core::is_loopback_url("http://gateway.example.com"));
    CHECK_FALSE(core::is_loopback_url("https://localhost"));
    CHECK(transport::url_encode("q4-outreach/17/invite") == "q4-outreach%2F17%2Finvite");
    CHECK(transport::url_encode("a b~c") == "a%20b~c");
}
