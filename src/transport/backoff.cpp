#include "transport/backoff.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>

namespace campaign::transport {

std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int retry, core::Random& random) {
    auto full = policy.initial;
    for (int doubling = 1; doubling < retry && full < policy.max; ++doubling) {
        full *= 2;
    }
    full = std::min(full, policy.max);
    auto half = full / 2;
    return half + std::chrono::milliseconds(
                      static_cast<long long>(random.uniform() * static_cast<double>((full - half).count())));
}

namespace {

std::optional<int> month_of(std::string_view name) {
    static constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto found = std::find(k_months.begin(), k_months.end(), name);
    if (found == k_months.end()) {
        return std::nullopt;
    }
    return static_cast<int>(found - k_months.begin()) + 1;
}

// "Wed, 21 Oct 2026 07:28:00 GMT", the one date form RFC 9110 asks senders to use.
std::optional<core::Timestamp> parse_http_date(std::string_view text) {
    auto comma = text.find(", ");
    if (comma == std::string_view::npos || text.size() != comma + 2 + 24 || !text.ends_with(" GMT")) {
        return std::nullopt;
    }
    auto date = text.substr(comma + 2); // "21 Oct 2026 07:28:00 GMT"
    auto number = [&date](std::size_t at, std::size_t length) -> std::optional<int> {
        int value = 0;
        auto field = date.substr(at, length);
        auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
        if (error != std::errc{} || end != field.data() + field.size()) {
            return std::nullopt;
        }
        return value;
    };
    auto day = number(0, 2);
    auto month = month_of(date.substr(3, 3));
    auto year = number(7, 4);
    auto hour = number(12, 2);
    auto minute = number(15, 2);
    auto second = number(18, 2);
    if (!day || !month || !year || !hour || !minute || !second || date[11] != ' ' || date[14] != ':' ||
        date[17] != ':') {
        return std::nullopt;
    }
    std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                    std::chrono::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok() || *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    return core::Timestamp{std::chrono::sys_days{ymd}} + std::chrono::hours{*hour} + std::chrono::minutes{*minute} +
           std::chrono::seconds{*second};
}

} // namespace

std::optional<core::Timestamp> parse_retry_after(std::string_view header, core::Timestamp now,
                                                 std::string_view answered_at) {
    constexpr auto k_longest = std::chrono::seconds{366LL * 24 * 3600};
    if (!header.empty() && std::all_of(header.begin(), header.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        long long seconds = 0;
        auto [end, error] = std::from_chars(header.data(), header.data() + header.size(), seconds);
        if (error != std::errc{}) {
            return std::nullopt;
        }
        return now + std::min(std::chrono::seconds{seconds}, k_longest);
    }
    auto date = parse_http_date(header);
    if (!date) {
        return std::nullopt;
    }
    auto answered = parse_http_date(answered_at);
    auto wait = *date - (answered ? *answered : now);
    return now + std::clamp<core::Duration>(wait, core::Duration::zero(), k_longest);
}

} // namespace campaign::transport
