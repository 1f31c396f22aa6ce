#include "engine/hooks.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/stable_hash.hpp"
#include "store/rehearsal.hpp"
#include "transport/http_client.hpp"
#include "transport/webhook.hpp"

namespace campaign::engine {

namespace {

constexpr core::Duration k_first_backoff = std::chrono::seconds{30};
constexpr core::Duration k_longest_backoff = std::chrono::hours{2};

// A receiver that refuses what it was sent (400, 401, 404, 410, ...) will refuse it again; one that is busy, down or
// slow (408, 429, 5xx) may take it later.
bool worth_again(int status) {
    return status == 408 || status == 429 || status >= 500;
}

} // namespace

HookPost http_hook_post() {
    return [](const store::HookDelivery& delivery, const std::vector<std::pair<std::string, std::string>>& headers) {
        core::GatewaySettings settings;
        settings.url = delivery.url;
        settings.timeout = delivery.timeout;
        settings.connect_timeout = std::min(delivery.timeout, std::chrono::milliseconds{10'000});
        try {
            transport::CurlClient client(settings, "", "");
            transport::HttpRequest request;
            request.method = "POST";
            request.headers = headers;
            request.body = delivery.payload;
            request.content_type = "application/json";
            request.replayable = false;
            auto response = client.perform(request);
            if (!response.answered()) {
                return HookAnswer{std::nullopt, response.error};
            }
            return HookAnswer{static_cast<int>(response.status), ""};
        } catch (const std::exception& failure) {
            return HookAnswer{std::nullopt, failure.what()};
        }
    };
}

Environment process_environment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr || *value == '\0') {
            return std::nullopt;
        }
        return std::string(value);
    };
}

core::Duration hook_backoff(int failures) {
    auto delay = k_first_backoff;
    for (int i = 1; i < failures && delay < k_longest_backoff; ++i) {
        delay *= 2;
    }
    return std::min(delay, k_longest_backoff);
}

std::vector<std::pair<std::string, std::string>> hook_headers(const store::HookDelivery& delivery,
                                                              const std::string& secret, core::Timestamp now) {
    auto timestamp = std::to_string(now.time_since_epoch().count());
    return {{"X-Campaign-Event", delivery.type},
            {"X-Campaign-Delivery", delivery.event_key},
            {"X-Campaign-Timestamp", timestamp},
            {"X-Campaign-Signature", transport::signature_of(timestamp + "." + delivery.payload, secret)}};
}

HookRound deliver_hooks(store::Database& database, core::Timestamp now, const core::Clock& wall, const HookPost& post,
                        const Environment& environment, std::size_t limit) {
    store::HookStore hooks(database);
    HookRound round;
    for (const auto& delivery : hooks.due(now, limit)) {
        auto secret = environment(delivery.secret_env);
        if (!secret) {
            // Never posted unsigned, and no try used up: it waits until the variable is set.
            store::Transaction transaction(database);
            hooks.waiting(delivery.id,
                          "the environment variable " + delivery.secret_env +
                              " that holds the hook's secret is not set",
                          now + hook_backoff(1));
            transaction.commit();
            ++round.unsigned_;
            continue;
        }
        // Signed with the time of the post on the wall clock, whatever clock the run plays on.
        auto answer = post(delivery, hook_headers(delivery, *secret, wall.now()));
        store::Transaction transaction(database);
        if (answer.status && *answer.status >= 200 && *answer.status < 300) {
            hooks.delivered(delivery.id, *answer.status, now);
            ++round.delivered;
        } else {
            auto failures = delivery.attempts + 1;
            bool again = failures < k_hook_attempts && (!answer.status || worth_again(*answer.status));
            auto error = answer.status ? "HTTP " + std::to_string(*answer.status) : answer.error;
            hooks.failed(delivery.id, answer.status, error,
                         again ? std::optional(now + hook_backoff(failures)) : std::nullopt);
            ++(again ? round.failed : round.given_up);
        }
        transaction.commit();
    }
    return round;
}

std::string hook_scope(store::Database& database) {
    auto origin = store::rehearsal_origin(database);
    return origin ? "rehearsal " + core::format_utc(origin->copied_at) : "live";
}

void tell_hooks(store::Database& database, const std::vector<core::Hook>& hooks, const std::string& scope,
                core::HookTopic topic, const std::string& type, const std::string& source, const nlohmann::json& data,
                std::optional<core::RowId> prospect_id, core::Timestamp now) {
    if (hooks.empty()) {
        return;
    }
    char key[24];
    std::snprintf(key, sizeof key, "evt_%016llx",
                  static_cast<unsigned long long>(core::stable_hash({scope, type, source})));
    bool rehearsal = scope != "live";
    nlohmann::json payload{
        {"id", key}, {"type", type}, {"occurred_at", core::format_utc(now)}, {"rehearsal", rehearsal}, {"data", data}};
    store::HookStore(database).enqueue(hooks, topic, rehearsal, type, key,
                                       payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                       prospect_id, now);
}

} // namespace campaign::engine
