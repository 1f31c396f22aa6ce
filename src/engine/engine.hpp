// The run loop: enroll the audience, take due work from each sender's queue, render it, record the intent, send
// it, record the outcome, apply what comes back, and after a crash reconcile before anything else. Decisions come
// from schedule/; this module does the I/O around them.
#pragma once

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "engine/hooks.hpp"
#include "engine/inbound.hpp"
#include "engine/messages.hpp"
#include "engine/observer.hpp"
#include "schedule/calendar.hpp"
#include "schedule/ledger.hpp"
#include "schedule/prospect_time.hpp"
#include "store/action_store.hpp"
#include "store/campaign_store.hpp"
#include "store/enrollment_store.hpp"
#include "store/event_store.hpp"
#include "store/leases.hpp"
#include "store/prospect_store.hpp"
#include "store/reply_store.hpp"
#include "store/suppression_store.hpp"
#include "transport/transport.hpp"
#include "triage/triage.hpp"

namespace campaign::engine {

// A campaign as this run plays it: the file's definition and its text, which is stored as a version.
struct CampaignInput {
    core::Campaign campaign;
    std::string definition;
    std::string source; // the file's path
};

// What changed since the campaign's previous version, and what happens to the enrollments that started on it.
struct VersionChange {
    std::string campaign;
    int version = 0;
    bool is_new = false;
    std::optional<int> previous_version;
    std::vector<std::string> changes;
    int enrollments_on_older_versions = 0;
};

// How the loop waits for the next due moment: a simulated clock jumps to it, a wall clock sleeps until it or until a
// stop is requested. False when the run should stop.
class Waiter {
public:
    virtual ~Waiter() = default;
    virtual bool wait_until(core::Timestamp when) = 0;
    virtual bool simulated() const = 0;
};

// The simulated clock: waiting is jumping to the moment, so ninety days of a campaign take seconds.
class SimulatedWaiter final : public Waiter {
public:
    explicit SimulatedWaiter(core::ManualClock& clock) : m_clock(clock) {}
    bool wait_until(core::Timestamp when) override {
        m_clock.set(std::max(when, m_clock.now()));
        return true;
    }
    bool simulated() const override { return true; }

private:
    core::ManualClock& m_clock;
};

struct RunLimits {
    std::optional<core::Timestamp> until; // stop when the clock reaches this
    bool once = false;                    // one pass over what is due now
    // How often a wall-clock run asks the transport for events when nothing else is due, and looks for prospects
    // imported since it started.
    core::Duration poll_interval = std::chrono::seconds{30};
};

struct RunSummary {
    Progress totals;
    std::string stop_reason;
    core::Timestamp reached{};
};

// Parses the definition of an older version, read from `source` then, for the enrollments that keep it.
using DefinitionParser = std::function<core::Campaign(const std::string& definition, const std::string& source)>;

class Engine {
public:
    Engine(store::Database& database, transport::Transport& transport, Messages& messages, core::Random& random,
           RunObserver& observer);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Stores each campaign's version, and loads every version that active enrollments keep: older versions of these
    // campaigns, which it plays too, and versions of other campaigns, whose events it applies without sending.
    std::vector<VersionChange> load(std::vector<CampaignInput> campaigns, const DefinitionParser& parse,
                                    core::Timestamp now);
    // Settles the actions a crash left in flight, asking the transport whether each one happened.
    int recover(core::Timestamp now);
    // Enrolls the prospects of each campaign's audience that are not enrolled yet (of those imported or changed
    // since `updated_since`, when given); returns how many.
    int enroll(core::Timestamp now, std::optional<core::Timestamp> updated_since = std::nullopt);

    RunSummary run(const core::Clock& clock, Waiter& waiter, const RunLimits& limits,
                   const std::atomic<bool>& stop_requested);

    // A simulated run on the mock transport, whose sends nothing outside the machine sees, writes each action once
    // the transport has answered (its intent and outcome in one write) and commits `actions` actions and what follows
    // them at a time instead of one by one. A run killed in between loses the uncommitted ones as if they had never
    // been taken, and the mock transport's journal forgets them when it is opened again (MockTransport's
    // `recorded`). A run that reaches LinkedIn keeps the default, one: each intent is committed before the transport
    // is called.
    void share_commits(int actions) { m_commit_every = std::max(actions, 1); }
    // One of several runners on the wall clock (store/leases.hpp): it acts only for the senders whose leases it holds,
    // and does the chores (enrolling new prospects, polling the gateway's events, posting hooks) only while it holds
    // theirs; every intent and outcome is written under its sender's fenced lease. Without, it acts for every sender
    // of its campaigns.
    void share_senders_with(store::Leases& leases) { m_leases = &leases; }
    // How replies are read, and so what each does (docs/replies.md); each reading is kept with its reply. Without
    // them, every reply is one that says nothing more, and only a campaign's own `opt_out_keywords` opt out.
    void read_replies_with(std::shared_ptr<const triage::Triage> triage) { m_triage = std::move(triage); }
    // How the campaigns' hooks are posted while the run goes on (docs/hooks.md); without, what they are told waits
    // for `campaign hooks deliver`.
    void post_hooks_with(HookPost post, Environment environment, const core::Clock& wall) {
        m_post = std::move(post);
        m_environment = std::move(environment);
        m_wall = &wall;
    }

private:
    struct CampaignRuntime;
    struct SenderRuntime;
    using QueueKey = std::tuple<core::RowId, core::RowId, core::ActionType>; // campaign, sender, action type
    // What a reply said, as a run acts on it.
    struct Said {
        core::ReplyClass reply_class = core::ReplyClass::neutral;
        std::optional<core::Day> until; // the day it names to come back on
    };

    VersionChange load_current(CampaignInput input, const DefinitionParser& parse, core::Timestamp now);
    void load_versions_in_use(const DefinitionParser& parse);
    void add_version(CampaignRuntime runtime);
    SenderRuntime& sender_runtime(const core::Sender& sender, core::Timestamp now);
    // The sender as the database has it: its row, its experiments, pause and holds, and the ledger of its actions.
    std::unique_ptr<SenderRuntime> loaded_sender(const core::Sender& definition, core::Timestamp now);

    // Several runners: leases renewed, taken and let go every third of their period, and what that changes here.
    void balance_leases(core::Timestamp now);
    core::Duration balance_interval() const;
    // A sender this runner now holds the lease of, loaded again since another runner may have acted for it; its
    // actions left in flight are settled.
    void take_over(core::RowId sender_id, core::Timestamp now);
    void let_go(core::RowId sender_id, const std::string& why);
    // A fence found a lease lost: what was written under it is rolled back.
    void lost_lease(const store::LeaseLost& lost);
    static constexpr core::RowId k_chores = 0; // no sender's row: the chores' lease
    // Before writing for the sender (or k_chores): what other senders wrote is committed, and the sender's
    // lease fenced in the transaction that goes on. Writes that belong to one sender start with this, so that a lost
    // lease rolls back nothing of another's.
    void guard(core::RowId sender_id);
    // Before an intent is written: the leases were renewed recently enough to be surely still this runner's.
    void check_fresh(const SenderRuntime& sender);
    // Before an intent is written: the sender's counts of the type, read in the intent's transaction, leave room
    // for it, whatever another runner wrote.
    void check_limits(SenderRuntime& sender, core::ActionType type, core::Timestamp now);
    bool acts_for(core::RowId sender_id) const;
    // The senders whose rows this runner reads, when it is one of several.
    std::optional<store::SenderScope> scope() const;
    bool does_chores() const { return m_leases == nullptr || m_leases->holds_chores(); }
    void notice_resumed_senders();
    const CampaignRuntime* version_of(const core::Enrollment& enrollment) const;
    std::vector<core::RowId> current_campaign_ids() const;
    bool is_suppressed(const core::Prospect& prospect);

    // The enrollment's version, loaded from the database if this run has not loaded it (an ended enrollment of an
    // older version, whose late reply must be judged by its own campaign); nothing when it does not load.
    const CampaignRuntime* load_version(const core::Enrollment& enrollment);

    // Takes in and applies what came back; true when an event was applied. Before a send, the transport is asked
    // whenever it last was, and on the wall clock what `campaign serve` recorded is looked for too.
    bool ingest_events(core::Timestamp now, bool before_send = false);
    std::optional<core::Action> answered_action(const store::StoredEvent& stored);
    bool apply_event(const store::StoredEvent& stored, core::Timestamp now);
    void apply_accept(const store::StoredEvent& stored, core::Enrollment enrollment, const std::string& answered_step,
                      core::Timestamp now);
    void apply_reply(const store::StoredEvent& stored, core::Enrollment enrollment, const std::string& answered_step,
                     const Said& said, core::Timestamp now);
    void pause(core::Enrollment enrollment, core::Timestamp resume, const schedule::SenderCalendar& calendar,
               core::Timestamp at, core::Timestamp now);
    const schedule::SenderCalendar& calendar_of(const core::Enrollment& enrollment, const core::Campaign& campaign);
    // The reading kept with a reply, or the rules' reading of it, kept; nothing for other events or without rules.
    std::optional<store::ReplyReading> read_reply(const store::StoredEvent& stored, core::Timestamp now);
    void undo(const store::StoredEvent& stored, const store::ReplyReading& reading, const core::Action& answered,
              core::Enrollment& enrollment, const core::Campaign& campaign, core::Timestamp now);
    void tell(const core::Campaign& campaign, const store::StoredEvent& stored,
              const std::optional<core::Action>& answered, const std::optional<store::ReplyReading>& reading,
              core::ReplyClass reply_class, bool opt_out, core::Timestamp now);
    // Posts the hooks due, outside the write transaction.
    void deliver_due_hooks(core::Timestamp now);
    // When the next delivery is due, read again only after this run told a hook or posted some, and at each look on
    // the wall clock: a query a tick was a tenth of a rehearsal's work.
    std::optional<core::Timestamp> next_hook_due();
    // Reads the replies recorded before replies were kept read.
    void read_unread_replies(core::Timestamp now);
    void suppress_everywhere(std::optional<core::ProspectId> prospect_id, const std::string& profile_url,
                             const std::string& reason, core::Timestamp now);
    // Ends the campaign for the prospect in `state`.
    void finish(core::Enrollment enrollment, core::EnrollmentState state, core::Timestamp now);

    void fire_timers(core::Timestamp now);
    // On the wall clock, every poll interval: prospects imported since the last look join their campaigns, and what
    // other commands wrote meanwhile is looked for.
    void look_again(core::Timestamp now, core::Timestamp last_look);
    // Shares the day's work of each type out over the sender's working hours, once a day.
    void plan_day(SenderRuntime& sender, core::Timestamp now);
    void govern_invitations(SenderRuntime& sender, schedule::LocalDay day, core::Timestamp now);
    std::optional<core::Timestamp> settle_own(SenderRuntime& sender, core::Action& action,
                                              const transport::SendResult& result, const std::string& what,
                                              core::Timestamp now);
    // The sender's oldest invitation that is to be withdrawn once it has been pending too long, if any.
    std::optional<store::StaleInvitation> next_stale(SenderRuntime& sender, core::Timestamp now);
    // Withdraws it, once, through the transport, counted against the sender's withdrawal limits.
    void withdraw_stale(SenderRuntime& sender, const store::StaleInvitation& stale, core::Timestamp now);
    bool allowance_left(SenderRuntime& sender, store::MonthlyAllowance allowance, core::Timestamp now,
                        const std::string& then);
    // When the prospect's own hours next meet the sender's, at or after `now`, for a campaign with prospect hours;
    // nothing when they are open now, or when the prospect's zone is unknown or never meets the sender's.
    std::optional<core::Timestamp> prospect_opens(SenderRuntime& sender, const CampaignRuntime& version,
                                                  const core::Prospect& prospect, core::Timestamp now);
    // Sends what the sender may send now; returns when its next action can go, if it has one waiting.
    std::optional<core::Timestamp> serve_sender(SenderRuntime& sender, core::Timestamp now);
    void act(SenderRuntime& sender, core::Enrollment enrollment, core::Timestamp now);
    void send_answer(SenderRuntime& sender, const store::InboxAnswer& answer, core::Timestamp now);
    void give_up_answer(const store::InboxAnswer& answer, const std::string& why);
    void settle_answer(core::Action& action, const transport::Lookup& lookup);
    core::Action intent(const core::Enrollment& enrollment, const core::Step& step, const SenderRuntime& sender,
                        core::Timestamp now);
    void record_outcome(SenderRuntime& sender, core::Enrollment& enrollment, const core::Step& step,
                        core::Action& action, const transport::SendResult& result, core::Timestamp now);
    void learn_member_id(core::ProspectId prospect_id, const transport::SendResult& result);
    void refuse(core::Enrollment enrollment, core::Timestamp now);
    void stop_enrollment(const core::Enrollment& enrollment, const std::string& why, core::Timestamp now);
    void fail_step(core::Enrollment& enrollment, core::Action& action, core::Failure failure, const std::string& error,
                   core::Timestamp now);
    void hold(SenderRuntime& sender, const transport::SendResult& result, core::ActionType type, core::Timestamp until);
    void hold_in_doubt(core::Enrollment& enrollment, core::Action& action, const std::string& why, core::Timestamp now);
    transport::Outbound outbound_of(const core::Action& action);
    void settle_sent(core::Enrollment& enrollment, const core::Step& step, core::Timestamp sent_at);

    // Writes go into one open transaction, committed before the transport is next called (reaching), when the run
    // sleeps or stops: a commit per call instead of one per write, or per `share_commits` actions.
    void writing();
    void commit();
    // The transport, for a call that reaches the other side: a send, a lookup, a poll. Every such call goes through
    // here, and on every run but a simulated one on the mock (whose sends share commits and reach nobody) what was
    // written is committed first: no write transaction is open while the transport is called, as a gateway's answer
    // can take seconds and the write lock would hold back every other command meanwhile.
    transport::Transport& reaching();
    // Counts an action of a run that shares its commits, and commits when the share is full.
    void count_shared_commit();

    // Writes an enrollment and forgets the queue heads it leaves or joins.
    void save(core::Enrollment& enrollment, const core::Enrollment& before, core::Timestamp now);
    std::optional<store::QueueHead> head(const QueueKey& key);
    std::optional<core::Timestamp> next_wake(core::Timestamp now, const RunLimits& limits, bool simulated);

    store::Database& m_database;
    transport::Transport& m_transport;
    Messages& m_messages;
    core::Random& m_random;
    RunObserver& m_observer;
    store::CampaignStore m_campaigns;
    store::EnrollmentStore m_enrollments;
    store::ActionStore m_actions;
    store::EventStore m_events;
    store::ProspectStore m_prospects;
    store::SuppressionStore m_suppressions;
    store::ReplyStore m_replies;
    InboundRecorder m_inbound;

    DefinitionParser m_parse;           // for versions loaded when an event needs them
    std::set<core::RowId> m_unloadable; // versions that did not load, and why not said once
    std::map<core::RowId, schedule::ProspectHours> m_prospect_hours; // by version, of the campaigns that have them
    bool m_simulated = true;                                         // the run's clock
    std::vector<std::unique_ptr<CampaignRuntime>> m_versions;        // current versions first
    std::map<core::RowId, const CampaignRuntime*> m_by_version;
    std::map<std::string, std::unique_ptr<SenderRuntime>> m_senders; // by sender id
    std::map<core::RowId, SenderRuntime*> m_senders_by_row;
    std::unique_ptr<store::Transaction> m_transaction; // open while writes wait for the next commit
    store::Leases* m_leases = nullptr;                 // one of several runners
    std::optional<core::RowId> m_guarded;              // the lease fenced in the open transaction
    core::Timestamp m_next_balance{};                  // on the run's clock (the wall clock: runners are live runs)
    int m_commit_every = 1;                            // intents a commit covers
    std::shared_ptr<const triage::Triage> m_triage;
    HookPost m_post;
    Environment m_environment;
    const core::Clock* m_wall = nullptr; // what the hooks' posts are signed with the time of
    std::string m_hook_scope;            // hook_scope(): the live CRM or a rehearsal
    bool m_next_hook_known = false;      // m_next_hook is what the database says
    std::optional<core::Timestamp> m_next_hook;
    std::map<std::pair<std::string, core::Day>, triage::Reading> m_readings; // by text and day received
    std::map<core::RowId, std::unique_ptr<schedule::SenderCalendar>>
        m_other_calendars; // senders this run does not play
    int m_uncommitted_actions = 0;
    std::map<QueueKey, std::optional<store::QueueHead>> m_heads; // cached; absent means not read yet
    bool m_events_pending = true;                                // events recorded and perhaps not applied yet
    std::optional<core::Timestamp> m_next_recorded_event;        // the first recorded for later than the clock
    std::string m_saved_cursor;                                  // the transport's event cursor, as last saved
    std::optional<core::Timestamp> m_transport_held_until;       // the gateway was out of reach: nothing before
    Progress m_progress;
};

} // namespace campaign::engine
