// Outbound webhooks (docs/hooks.md): what the engine and the inbox tell the hooks of a campaign, written with what it
// tells, and the posting of what is due, signed, retried with backoff until delivered or given up. At least once:
// a receiver de-duplicates by the event id.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/hook.hpp"
#include "core/time.hpp"
#include "store/database.hpp"
#include "store/hook_store.hpp"

namespace campaign::engine {

// A POST as a hook's receiver answered it: an HTTP status, or no answer and why.
struct HookAnswer {
    std::optional<int> status;
    std::string error;
};

// How a delivery is posted: over HTTP, or in tests by a fake.
using HookPost = std::function<HookAnswer(const store::HookDelivery& delivery,
                                          const std::vector<std::pair<std::string, std::string>>& headers)>;
HookPost http_hook_post();

// The environment, by name: where a hook's secret is.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
Environment process_environment();

inline constexpr int k_hook_attempts = 10; // then given up: about 8 hours of tries

// When a failed delivery is tried again: 30 s after the first failure, doubling, at most 2 hours apart.
core::Duration hook_backoff(int failures);

// The headers of a delivery posted at `now` (the wall clock): its event, id, time and signature, "sha256=" and the
// lower-case hex HMAC-SHA256 of "<timestamp>.<body>" under the secret.
std::vector<std::pair<std::string, std::string>> hook_headers(const store::HookDelivery& delivery,
                                                              const std::string& secret, core::Timestamp now);

struct HookRound {
    int delivered = 0;
    int failed = 0;
    int given_up = 0;
    int unsigned_ = 0; // waiting for their secret's variable
};

// Posts the deliveries due by `now` (the run's clock, which their retries wait on), up to `limit`, each outside any
// transaction, signed with the time of `wall`, which a receiver compares with its own; and writes each outcome.
HookRound deliver_hooks(store::Database& database, core::Timestamp now, const core::Clock& wall, const HookPost& post,
                        const Environment& environment, std::size_t limit = 100);

// Where the events told come from: the live CRM, or one rehearsal of it ("rehearsal <when it was copied>"), so that
// the same row of two databases is never one event to a receiver.
std::string hook_scope(store::Database& database);

// What to tell: an event for the campaign's hooks that hear of `topic`. `source` says what the event is within
// `scope` (its row, class and time): one source is one event id, delivered once to each URL however often it is
// written. A rehearsal's tells go only to the hooks that hear of rehearsals, marked as such.
void tell_hooks(store::Database& database, const std::vector<core::Hook>& hooks, const std::string& scope,
                core::HookTopic topic, const std::string& type, const std::string& source, const nlohmann::json& data,
                std::optional<core::RowId> prospect_id, core::Timestamp now);

} // namespace campaign::engine
