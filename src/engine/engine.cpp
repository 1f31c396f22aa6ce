#include "engine/engine.hpp"

#include <algorithm>
#include <set>

#include "core/audience.hpp"
#include "core/stable_hash.hpp"
#include "core/text.hpp"
#include "engine/runtime.hpp"
#include "engine/version_diff.hpp"
#include "schedule/assignment.hpp"
#include "schedule/limits.hpp"
#include "schedule/planner.hpp"
#include "schedule/sequence.hpp"
#include "store/experiment_store.hpp"
#include "store/rehearsal.hpp"

namespace campaign::engine {

namespace {

// Enrollments are committed this many at a time: one transaction for a whole audience holds its pages in memory
// until the end (100 MiB for 100,000 prospects), and a run killed halfway simply enrolls the rest next time.
constexpr int k_enrollment_batch = 5000;
// Enrollments written by one statement (EnrollmentStore::insert of many): the start and end of each cost more than
// the rows.
constexpr std::size_t k_enrollments_written_together = 64;
// How many prospects that no routing rule takes a run names in its warning.
constexpr std::size_t k_unrouted_shown = 3;

// Deliveries posted between two looks at what is due: a receiver that hangs holds the run back at most this many
// timeouts.
constexpr std::size_t k_hooks_per_round = 10;

// Actions older than this cannot count against a day's or a week's limit any more.
constexpr core::Duration k_ledger_history = std::chrono::days{9};

std::string digest_of(const std::string& definition) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(core::stable_hash({definition})));
    return hex;
}

} // namespace

void place(core::Enrollment& enrollment, const schedule::Position& position, const core::Campaign& campaign,
           core::Timestamp now) {
    enrollment.waiting_since.reset();
    if (position.finished()) {
        enrollment.state = core::EnrollmentState::done;
        enrollment.current_step.clear();
        enrollment.due_action.reset();
        enrollment.next_due_at.reset();
        return;
    }
    enrollment.current_step = position.step;
    enrollment.next_due_at = position.due;
    // A pause holds whatever comes due during it: an acceptance while they are away moves on when they are back.
    if (enrollment.paused_until && enrollment.next_due_at && *enrollment.next_due_at < *enrollment.paused_until) {
        enrollment.next_due_at = enrollment.paused_until;
    }
    if (position.waiting) {
        enrollment.due_action.reset();
        enrollment.waiting_since = now;
    } else {
        enrollment.due_action = campaign.find_step(position.step)->type;
    }
}

Engine::Engine(store::Database& database, transport::Transport& transport, Messages& messages, core::Random& random,
               RunObserver& observer)
    : m_database(database), m_transport(transport), m_messages(messages), m_random(random), m_observer(observer),
      m_campaigns(database), m_enrollments(database), m_actions(database), m_events(database), m_prospects(database),
      m_suppressions(database), m_replies(database), m_inbound(database) {}

// Writes not committed when the engine goes (an exception on the way) are rolled back: the database keeps what was
// committed with the last intent, and the next run reconciles from there.
Engine::~Engine() = default;

void Engine::writing() {
    if (!m_transaction) {
        m_transaction = std::make_unique<store::Transaction>(m_database);
    }
}

transport::Transport& Engine::reaching() {
    if (m_commit_every <= 1) {
        commit();
    }
    return m_transport;
}

void Engine::commit() {
    if (m_transaction) {
        m_transaction->commit();
        m_transaction.reset();
    }
    m_guarded.reset();
    m_uncommitted_actions = 0;
}

void Engine::count_shared_commit() {
    if (++m_uncommitted_actions >= m_commit_every) {
        commit();
    }
}

std::vector<VersionChange> Engine::load(std::vector<CampaignInput> campaigns, const DefinitionParser& parse,
                                        core::Timestamp now) {
    std::vector<VersionChange> changes;
    m_parse = parse;
    writing();
    if (m_leases != nullptr) {
        m_leases->take_turns();
    }
    for (auto& input : campaigns) {
        changes.push_back(load_current(std::move(input), parse, now));
    }
    load_versions_in_use(parse);
    read_unread_replies(now);
    m_hook_scope = hook_scope(m_database);
    if (auto cursor = m_campaigns.event_cursor(m_transport.cursor_name())) {
        m_transport.resume(*cursor);
        m_saved_cursor = *cursor;
    }
    // Queues and senders for the campaigns this run plays; a sender defined in several takes the current file's
    // definition, as the current versions come first.
    for (const auto& runtime : m_versions) {
        if (!runtime->played) {
            continue;
        }
        for (const auto& sender : runtime->campaign.senders) {
            auto& served = sender_runtime(sender, now);
            for (const auto& step : runtime->campaign.steps) {
                QueueKey key{runtime->campaign_id, served.id, step.type};
                if (std::find(served.queues.begin(), served.queues.end(), key) == served.queues.end()) {
                    served.queues.push_back(key);
                }
            }
        }
    }
    commit();
    return changes;
}

VersionChange Engine::load_current(CampaignInput input, const DefinitionParser& parse, core::Timestamp now) {
    auto registered = m_campaigns.register_version(input.campaign.id, digest_of(input.definition), input.definition,
                                                   input.source, now);
    VersionChange change{input.campaign.id, registered.current.version, registered.is_new, std::nullopt, {}, 0};
    if (registered.is_new && registered.previous) {
        change.previous_version = registered.previous->version;
        change.changes =
            describe_changes(parse(registered.previous->definition, registered.previous->source), input.campaign);
    }
    change.enrollments_on_older_versions =
        m_enrollments.active_on_other_versions(registered.current.campaign_id, registered.current.version_id);
    add_version(CampaignRuntime{std::move(input.campaign), registered.current.campaign_id,
                                registered.current.version_id, registered.current.version, true, true});
    return change;
}

// The older versions that running enrollments keep, of the campaigns played (they are played too) and of the
// others, whose events this run applies even though it sends nothing for them.
void Engine::load_versions_in_use(const DefinitionParser& parse) {
    std::set<core::RowId> played;
    for (const auto& runtime : m_versions) {
        played.insert(runtime->campaign_id);
    }
    for (const auto& [campaign_id, name] : m_campaigns.campaigns()) {
        bool is_played = played.contains(campaign_id);
        for (const auto& version : m_campaigns.versions_in_use(campaign_id)) {
            if (m_by_version.contains(version.version_id)) {
                continue;
            }
            try {
                add_version(CampaignRuntime{parse(version.definition, version.source), campaign_id, version.version_id,
                                            version.version, false, is_played});
            } catch (const core::UserError& failure) {
                if (is_played) {
                    throw;
                }
                m_observer.on_warning("events for campaign '" + name +
                                      "' wait for a run of its own file: " + failure.what());
            }
        }
    }
}

void Engine::add_version(CampaignRuntime runtime) {
    auto owned = std::make_unique<CampaignRuntime>(std::move(runtime));
    if (owned->campaign.prospect_hours) {
        m_prospect_hours.emplace(owned->version_id, schedule::ProspectHours(*owned->campaign.prospect_hours));
    }
    m_by_version[owned->version_id] = owned.get();
    m_versions.push_back(std::move(owned));
}

Engine::SenderRuntime& Engine::sender_runtime(const core::Sender& sender, core::Timestamp now) {
    auto found = m_senders.find(sender.id);
    if (found != m_senders.end()) {
        return *found->second;
    }
    auto runtime = loaded_sender(sender, now);
    runtime->owned = m_leases == nullptr; // one of several runners acts for it once it holds its lease
    auto& result = *runtime;
    m_senders_by_row[runtime->id] = runtime.get();
    m_senders.emplace(sender.id, std::move(runtime));
    return result;
}

std::unique_ptr<Engine::SenderRuntime> Engine::loaded_sender(const core::Sender& sender, core::Timestamp now) {
    auto runtime = std::make_unique<SenderRuntime>(sender);
    runtime->id = m_campaigns.register_sender(sender);
    // Every campaign of the sender follows the sender's experiments: one that did not would spoil them.
    for (const auto& experiment : store::ExperimentStore(m_database).list(sender.id)) {
        for (auto type : core::action_types_of(experiment.activity)) {
            auto& off = runtime->sender.experiment_off_days[type];
            for (const auto& period : experiment.periods) {
                for (int i = 0; !period.on && i < period.days; ++i) {
                    off.insert(static_cast<int>((period.first + std::chrono::days{i}).time_since_epoch().count()));
                }
            }
        }
    }
    auto row = m_campaigns.find_sender(sender.id);
    runtime->paused = row && row->paused_at.has_value();
    if (row && row->held_until && *row->held_until > now) {
        runtime->held_until = row->held_until; // a rate limit an earlier run met
    }
    for (const auto& hold : m_campaigns.action_holds(runtime->id, now)) {
        runtime->held_types[hold.type] = hold.until; // a limit of the account an earlier run met
    }
    // The gap after the sender's last action holds whatever run or campaign sent it.
    std::optional<core::Timestamp> last;
    m_actions.for_each_counted(runtime->id, now - k_ledger_history, [&](core::ActionType type, core::Timestamp at) {
        runtime->ledger.record(type, at);
        last = std::max(last.value_or(at), at);
    });
    if (last) {
        runtime->ledger.pace(*last, sender.pacing, m_random);
    }
    if (sender.warmup && !sender.warmup->start_day) {
        if (auto first = m_actions.first_counted(runtime->id)) {
            runtime->sender.first_action_day = runtime->calendar.local_day(*first);
        }
    }
    return runtime;
}

bool Engine::acts_for(core::RowId sender_id) const {
    if (m_leases == nullptr) {
        return true;
    }
    auto found = m_senders_by_row.find(sender_id);
    return found != m_senders_by_row.end() && found->second->owned;
}

std::optional<store::SenderScope> Engine::scope() const {
    if (m_leases == nullptr) {
        return std::nullopt;
    }
    store::SenderScope scope{{}, m_leases->holds_chores()};
    for (const auto& [id, sender] : m_senders_by_row) {
        if (sender->owned) {
            scope.senders.push_back(id);
        }
    }
    return scope;
}

void Engine::guard(core::RowId sender_id) {
    if (m_leases == nullptr) {
        writing();
        return;
    }
    if (m_transaction && m_guarded == sender_id) {
        return;
    }
    commit();
    writing();
    if (sender_id == k_chores) {
        m_leases->fence_chores();
    } else {
        m_leases->fence(sender_id);
    }
    m_guarded = sender_id;
}

void Engine::check_fresh(const SenderRuntime& sender) {
    if (m_leases != nullptr && !m_leases->fresh()) {
        throw store::LeaseLost(sender.id, "the leases were not renewed in time (is the database slow to answer?)");
    }
}

void Engine::check_limits(SenderRuntime& sender, core::ActionType type, core::Timestamp now) {
    if (m_leases == nullptr) {
        return; // the one run of the database: its ledger is all there is
    }
    auto day = sender.calendar.local_day(now);
    auto over = [&](std::optional<int> limit, core::Timestamp from, core::Timestamp to) {
        return limit && m_actions.counted_between(sender.id, type, from, to) >= *limit;
    };
    auto day_start = sender.calendar.day_start(day);
    bool full = over(schedule::day_limit(sender.sender, type, day), day_start, sender.calendar.day_start(day + 1));
    if (type == core::ActionType::connect) {
        full = full || over(schedule::week_invitation_limit(sender.sender, day), now - schedule::k_invitation_window,
                            now + std::chrono::seconds{1});
    }
    if (full) {
        // Another runner acted for the sender since this one loaded its ledger: it is loaded again.
        throw store::LeaseLost(sender.id, "the sender's actions in the database are ahead of this runner's ledger");
    }
}

core::Duration Engine::balance_interval() const {
    // A third of the lease, to the second the run's clock counts in.
    return std::max(core::Duration{1}, std::chrono::duration_cast<core::Duration>(m_leases->period() / 3));
}

void Engine::balance_leases(core::Timestamp now) {
    if (m_leases == nullptr || now < m_next_balance) {
        return;
    }
    commit();
    m_next_balance = now + balance_interval();
    std::vector<core::RowId> senders;
    for (const auto& [id, sender] : m_senders) {
        senders.push_back(sender->id);
    }
    auto changes = m_leases->balance(senders);
    for (auto sender_id : changes.lost) {
        let_go(sender_id, "its lease went to another runner");
    }
    for (auto sender_id : changes.gained) {
        take_over(sender_id, now);
    }
    if (!changes.gained.empty()) {
        try {
            if (auto settled = recover(now); settled > 0) {
                m_observer.on_note(std::to_string(settled) + " actions left in flight settled");
            }
        } catch (const core::RuntimeFailure& failure) {
            // The gateway cannot say now what became of them: the senders wait, and are taken over again at the next
            // balance, which asks again.
            m_observer.on_warning(std::string(failure.what()) + "; the senders taken over wait for the next try");
            for (auto sender_id : changes.gained) {
                m_leases->forget(sender_id);
                let_go(sender_id, "its actions left in flight are not settled yet");
            }
        }
        m_events_pending = true;
    }
    if (changes.chores_gained) {
        // Another runner may have polled the gateway since this one started: the feed goes on from its cursor.
        if (auto cursor = m_campaigns.event_cursor(m_transport.cursor_name())) {
            m_transport.resume(*cursor);
            m_saved_cursor = *cursor;
        }
        m_next_hook_known = false;
        m_events_pending = true;
        if (auto joined = enroll(now); joined > 0) {
            m_observer.on_note(std::to_string(joined) + " new prospects enrolled");
        }
    }
    if (!changes.gained.empty() || !changes.lost.empty() || changes.chores_gained || changes.chores_lost) {
        std::vector<std::string> held;
        for (const auto& [id, sender] : m_senders) {
            if (sender->owned) {
                held.push_back(id);
            }
        }
        m_observer.on_note("this runner acts for " + std::to_string(held.size()) + " of " +
                           std::to_string(m_senders.size()) + " senders" +
                           (held.empty() ? std::string() : " (" + core::join(held, ", ") + ")") +
                           (m_leases->holds_chores() ? ", and does the chores" : ""));
    }
}

void Engine::take_over(core::RowId sender_id, core::Timestamp now) {
    auto found = m_senders_by_row.find(sender_id);
    if (found == m_senders_by_row.end()) {
        return;
    }
    auto& old = *found->second;
    writing();
    auto fresh = loaded_sender(old.definition, now);
    commit();
    fresh->queues = old.queues;
    fresh->owned = true;
    for (const auto& key : fresh->queues) {
        m_heads.erase(key);
    }
    auto name = old.sender.id;
    found->second = fresh.get();
    m_senders[name] = std::move(fresh); // the old runtime goes
}

void Engine::let_go(core::RowId sender_id, const std::string& why) {
    auto found = m_senders_by_row.find(sender_id);
    if (found == m_senders_by_row.end() || !found->second->owned) {
        return;
    }
    auto& sender = *found->second;
    sender.owned = false;
    for (const auto& key : sender.queues) {
        m_heads.erase(key);
    }
    m_observer.on_note("sender '" + sender.sender.id + "' let go: " + why);
}

void Engine::lost_lease(const store::LeaseLost& lost) {
    m_transaction.reset(); // rolled back: nothing of it was this runner's to write
    m_guarded.reset();
    m_uncommitted_actions = 0;
    m_leases->forget(lost.sender_id);
    auto lost_sender = lost.sender_id ? m_senders_by_row.find(*lost.sender_id) : m_senders_by_row.end();
    m_observer.on_warning((lost_sender == m_senders_by_row.end() ? std::string("the chores")
                                                                 : "sender '" + lost_sender->second->sender.id + "'") +
                          " let go, nothing written for it: " + lost.what());
    if (lost.sender_id) {
        let_go(*lost.sender_id, lost.what());
    }
    // What this runner had cached may have been written by the rolled-back transaction: read again.
    m_heads.clear();
    m_events_pending = true;
    m_next_hook_known = false;
    for (auto& [id, sender] : m_senders) {
        sender->dirty = true;
    }
    m_next_balance = {}; // at once: the lease may still be this runner's, at a new epoch
}

void Engine::deliver_due_hooks(core::Timestamp now) {
    if (!m_post) {
        return;
    }
    auto next = next_hook_due();
    if (!next || *next > now) {
        return;
    }
    commit(); // what the hooks are told is on disk before it is posted, and no transaction waits on a receiver
    auto round = deliver_hooks(m_database, now, *m_wall, m_post, m_environment, k_hooks_per_round);
    m_next_hook_known = false;
    if (round.given_up > 0) {
        m_observer.on_warning(std::to_string(round.given_up) +
                              (round.given_up == 1 ? " webhook delivery was" : " webhook deliveries were") +
                              " given up: 'campaign hooks log --failed' says why, 'campaign hooks deliver "
                              "--given-up' posts them again");
    }
}

std::optional<core::Timestamp> Engine::next_hook_due() {
    if (!m_next_hook_known) {
        m_next_hook = store::HookStore(m_database).next_due();
        m_next_hook_known = true;
    }
    return m_next_hook;
}

void Engine::notice_resumed_senders() {
    for (auto& [id, sender] : m_senders) {
        if (!sender->paused) {
            continue;
        }
        if (auto row = m_campaigns.find_sender(id); row && !row->paused_at) {
            sender->paused = false;
            sender->held_until.reset();
            sender->dirty = true;
            m_observer.on_note("sender '" + id + "' was resumed: sending for it again");
        }
    }
}

const Engine::CampaignRuntime* Engine::version_of(const core::Enrollment& enrollment) const {
    auto found = m_by_version.find(enrollment.version_id);
    return found == m_by_version.end() ? nullptr : found->second;
}

const Engine::CampaignRuntime* Engine::load_version(const core::Enrollment& enrollment) {
    if (const auto* known = version_of(enrollment)) {
        return known;
    }
    if (!m_parse || m_unloadable.contains(enrollment.version_id)) {
        return nullptr;
    }
    auto stored = m_campaigns.version(enrollment.version_id);
    if (!stored) {
        m_unloadable.insert(enrollment.version_id);
        return nullptr;
    }
    try {
        add_version(CampaignRuntime{m_parse(stored->definition, stored->source), stored->campaign_id,
                                    stored->version_id, stored->version, false, false});
    } catch (const core::UserError& failure) {
        m_unloadable.insert(enrollment.version_id);
        m_observer.on_warning("events answering version " + std::to_string(stored->version) +
                              " of a campaign wait for a run of its own file: " + failure.what());
        return nullptr;
    }
    return version_of(enrollment);
}

bool Engine::is_suppressed(const core::Prospect& prospect) {
    if (m_suppressions.contains(core::SuppressionKind::profile, prospect.profile_url)) {
        return true;
    }
    auto at = prospect.email.rfind('@');
    return at != std::string::npos && m_suppressions.contains(core::SuppressionKind::email_domain,
                                                              core::to_lower_ascii(prospect.email.substr(at + 1)));
}

std::vector<core::RowId> Engine::current_campaign_ids() const {
    std::vector<core::RowId> ids;
    for (const auto& runtime : m_versions) {
        if (runtime->current) {
            ids.push_back(runtime->campaign_id);
        }
    }
    return ids;
}

int Engine::enroll(core::Timestamp now, std::optional<core::Timestamp> updated_since) {
    if (updated_since && !does_chores()) {
        return 0; // the runner that does the chores looks for new prospects
    }
    // One of several runners enrolls the audience when it starts, as a run alone does, taking turns with the others
    // (each batch is one transaction); the one that does the chores does it under their lease.
    auto begin_batch = [this] {
        if (m_leases != nullptr && !does_chores()) {
            writing();
            m_leases->take_turns();
        } else {
            guard(k_chores);
        }
    };
    int enrolled = 0;
    begin_batch();
    for (const auto& runtime : m_versions) {
        if (!runtime->current) {
            continue;
        }
        const auto& campaign = runtime->campaign;
        store::ProspectFilter filter;
        // A look for new prospects goes through the index on the update time; the tags are checked below.
        if (updated_since) {
            filter.updated_since = updated_since;
        } else {
            filter.tags = campaign.audience.tags;
        }
        // Enrolled as they are read, a few dozen to a statement, so that memory does not grow with the audience.
        std::vector<core::Enrollment> pending;
        auto write_pending = [this, &pending] {
            m_enrollments.insert(pending);
            pending.clear();
        };
        std::vector<std::string> unrouted;
        std::size_t unrouted_count = 0;
        m_prospects.for_each(filter, [&](const core::Prospect& prospect) {
            if (!core::matches(campaign.audience, prospect) ||
                m_enrollments.is_enrolled(runtime->campaign_id, prospect.id) || is_suppressed(prospect) ||
                (!campaign.audience.allow_other_campaigns &&
                 m_enrollments.active_elsewhere(prospect.id, runtime->campaign_id))) {
                return;
            }
            const auto* sender = schedule::route(campaign, prospect);
            if (!sender) {
                if (++unrouted_count <= k_unrouted_shown) {
                    unrouted.push_back(prospect.profile_url);
                }
                return;
            }
            core::Enrollment enrollment;
            enrollment.campaign_id = runtime->campaign_id;
            enrollment.version_id = runtime->version_id;
            enrollment.prospect_id = prospect.id;
            enrollment.sender_id = m_senders.at(sender->id)->id;
            enrollment.enrolled_at = now;
            place(enrollment, schedule::start(campaign, now), campaign, now);
            pending.push_back(std::move(enrollment));
            if (pending.size() == k_enrollments_written_together) {
                write_pending();
            }
            if (++enrolled % k_enrollment_batch == 0) {
                write_pending();
                commit();
                begin_batch();
            }
        });
        write_pending(); // before the next campaign asks whom this one enrolled
        if (unrouted_count > 0) {
            auto shown = core::join(unrouted, ", ");
            m_observer.on_warning("campaign '" + campaign.id + "': " + std::to_string(unrouted_count) +
                                  (unrouted_count == 1 ? " prospect of the audience matches no routing rule and is"
                                                       : " prospects of the audience match no routing rule and are") +
                                  " not enrolled (" + shown + (unrouted_count > unrouted.size() ? ", ..." : "") +
                                  "); a last rule without conditions takes the rest");
        }
    }
    commit();
    if (enrolled > 0) {
        m_heads.clear();
        for (auto& [id, sender] : m_senders) {
            sender->dirty = true;
        }
    }
    return enrolled;
}

void Engine::save(core::Enrollment& enrollment, const core::Enrollment& before, core::Timestamp now) {
    m_enrollments.update(enrollment, before.state, now);
    if (enrollment.state == core::EnrollmentState::done && before.state != core::EnrollmentState::done) {
        // Its campaign is done with the prospect: an invitation still pending may be withdrawn once it is too old.
        if (auto sender = m_senders_by_row.find(enrollment.sender_id);
            sender != m_senders_by_row.end() && sender->second->sender.withdraw_invitations_after) {
            sender->second->stale_looked = false;
            sender->second->dirty = true;
        }
    }
    for (const auto* state : {&before, static_cast<const core::Enrollment*>(&enrollment)}) {
        if (state->due_action) {
            m_heads.erase(QueueKey{state->campaign_id, state->sender_id, *state->due_action});
            if (auto sender = m_senders_by_row.find(state->sender_id); sender != m_senders_by_row.end()) {
                sender->second->dirty = true;
            }
        }
    }
}

std::optional<store::QueueHead> Engine::head(const QueueKey& key) {
    auto found = m_heads.find(key);
    if (found == m_heads.end()) {
        auto [campaign_id, sender_id, type] = key;
        found = m_heads.emplace(key, m_enrollments.queue_head(campaign_id, sender_id, type)).first;
    }
    return found->second;
}

void Engine::fire_timers(core::Timestamp now) {
    auto senders = scope();
    for (const auto& runtime : m_versions) {
        if (!runtime->current) {
            continue;
        }
        while (auto timer = m_enrollments.next_timer(runtime->campaign_id, senders ? &*senders : nullptr)) {
            if (timer->due > now) {
                break;
            }
            auto enrollment = m_enrollments.get(timer->id);
            guard(enrollment.sender_id);
            auto before = enrollment;
            const auto* version = version_of(enrollment);
            const auto* step = version ? version->campaign.find_step(enrollment.current_step) : nullptr;
            if (step == nullptr) {
                // A version this run does not play: leave it to a run of its own file, but not in the way.
                enrollment.next_due_at.reset();
            } else {
                place(enrollment, schedule::on_timeout(version->campaign, *step, timer->due), version->campaign,
                      timer->due);
            }
            save(enrollment, before, now);
        }
    }
}

std::optional<core::Timestamp> Engine::next_wake(core::Timestamp now, const RunLimits& limits, bool simulated) {
    std::optional<core::Timestamp> wake;
    auto consider = [&wake](std::optional<core::Timestamp> when) {
        if (when && (!wake || *when < *wake)) {
            wake = when;
        }
    };
    for (const auto& [id, sender] : m_senders) {
        if (!sender->paused && sender->owned) {
            consider(sender->next_slot);
        }
    }
    auto senders = scope();
    for (const auto& runtime : m_versions) {
        if (runtime->current) {
            if (auto timer = m_enrollments.next_timer(runtime->campaign_id, senders ? &*senders : nullptr)) {
                consider(timer->due);
            }
        }
    }
    if (does_chores()) {
        consider(reaching().next_event_at());
    }
    consider(m_next_recorded_event);
    if (m_post && does_chores()) {
        consider(next_hook_due());
    }
    // A gateway does not say when its next event comes: on the wall clock, ask again now and then while anyone is
    // still in a campaign.
    if (!simulated && m_enrollments.any_active(current_campaign_ids())) {
        consider(now + limits.poll_interval);
        // One of several runners looks at its leases every third of their period, whatever else is due: another
        // runner's senders may come its way.
        if (m_leases != nullptr) {
            consider(now + balance_interval());
        }
    }
    if (wake && *wake <= now) {
        wake = now + std::chrono::seconds{1};
    }
    return wake;
}

void Engine::look_again(core::Timestamp now, core::Timestamp last_look) {
    if (!does_chores()) {
        // The runner that does the chores enrolls them: what it enrolled is read again here.
        m_heads.clear();
        for (auto& [id, sender] : m_senders) {
            sender->dirty = true;
        }
    } else if (auto joined = enroll(now, last_look - std::chrono::seconds{1}); joined > 0) {
        m_observer.on_note(std::to_string(joined) + " new prospects enrolled");
    }
    // Events recorded meanwhile by `campaign serve` or `campaign events ingest` are applied too, and a sender resumed
    // with `campaign sender resume` sends again.
    m_events_pending = true;
    m_next_hook_known = false; // and deliveries retried or given up by `campaign hooks deliver`
    notice_resumed_senders();
    // And an answer written in the inbox meanwhile goes out at its sender's next moment.
    if (m_replies.any_answer_waiting()) {
        for (auto& [id, sender] : m_senders) {
            sender->dirty = true;
            sender->answers = true;
        }
    }
}

RunSummary Engine::run(const core::Clock& clock, Waiter& waiter, const RunLimits& limits,
                       const std::atomic<bool>& stop_requested) {
    RunSummary summary;
    m_simulated = waiter.simulated();
    // On the wall clock, prospects imported while the run goes on join their campaigns at the next look.
    auto last_look = clock.now();
    for (;;) {
        auto now = clock.now();
        if (stop_requested) {
            summary.stop_reason = "stopped";
            break;
        }
        if (limits.until && now >= *limits.until) {
            summary.stop_reason = "reached the end of the period";
            break;
        }
        try {
            balance_leases(now);
            if (!waiter.simulated() && now - last_look >= limits.poll_interval) {
                look_again(now, last_look);
                last_look = now;
            }
            ingest_events(now);
            fire_timers(now);
            // Only a sender with something due, or whose queues changed, can have work now.
            for (auto& [id, sender] : m_senders) {
                bool may_act = sender->dirty || (sender->next_slot && *sender->next_slot <= now);
                if (sender->owned && !sender->paused && !stop_requested && may_act) {
                    sender->next_slot = serve_sender(*sender, clock.now()); // a real send takes time: ask again
                }
            }
            if (does_chores()) {
                deliver_due_hooks(now);
            }
        } catch (const store::LeaseLost& lost) {
            if (m_leases == nullptr) {
                throw;
            }
            lost_lease(lost);
            continue;
        }
        if (m_commit_every <= 1) {
            commit(); // an observer may reach out too: the gateway's SSI is fetched once a day
        }
        m_progress.now = now;
        m_observer.on_progress(m_progress);
        if (limits.once) {
            summary.stop_reason = "did what was due";
            break;
        }
        auto wake = next_wake(now, limits, waiter.simulated());
        if (!wake) {
            // Simulated time still passes to the end of the period asked for, as it would on the wall clock: the
            // next run starts there, and the senders' simulated SSI covers it.
            if (waiter.simulated() && limits.until) {
                waiter.wait_until(*limits.until);
            }
            summary.stop_reason = "nothing left to do";
            break;
        }
        if (limits.until && *wake > *limits.until) {
            wake = limits.until;
        }
        if (!waiter.simulated()) {
            commit(); // what a sleeping run did is on disk while it sleeps
        }
        if (!waiter.wait_until(*wake)) {
            summary.stop_reason = "stopped";
            break;
        }
    }
    commit();
    summary.totals = m_progress;
    summary.reached = clock.now();
    return summary;
}

} // namespace campaign::engine
