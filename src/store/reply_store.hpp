// Replies as they were read (data/triage/README.md): the class, language, date and words that decided each, kept
// beside the event once it is applied, so that the run, the reports and the inbox agree on what a reply said and a
// change of the rules changes no past reading unless it is asked to.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/enrollment.hpp"
#include "core/reply_class.hpp"
#include "core/time.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct ReplyReading {
    core::RowId event_id = 0;
    core::ReplyClass reply_class = core::ReplyClass::neutral;
    std::string language;
    double confidence = 0.5;
    std::optional<core::Day> until;
    std::string reason;
    std::optional<std::string> referral;
    core::Timestamp read_at{};
    std::optional<core::Timestamp> corrected_at;
    // What a run last did with it: the class it acted on, and when.
    std::optional<core::ReplyClass> applied_class;
    std::optional<core::Timestamp> applied_at;
    std::optional<core::Timestamp> done_at;
    std::optional<core::Timestamp> snoozed_until;
};

struct InboxFilter {
    std::vector<core::ReplyClass> classes; // any when empty
    std::optional<std::string> sender;
    std::optional<std::string> campaign;
    std::optional<core::Timestamp> since;
    std::optional<core::Timestamp> until; // exclusive
    bool everything = false;              // the replies dealt with and snoozed too
    core::Timestamp now{};                // a snooze ends then
};

// A reply as the inbox lists it.
struct InboxItem {
    ReplyReading reading;
    core::Timestamp at{};
    std::string text;
    std::string prospect; // the name; empty when erased
    std::string profile_url;
    std::string company;
    std::string campaign; // of the action it answers; empty when it answers none
    std::string step;
    std::string sender;
    std::optional<core::ProspectId> prospect_id;
    std::optional<core::RowId> sender_id;
    std::optional<core::EnrollmentId> enrollment_id; // of the action it answers
    std::optional<std::string> answer;               // the inbox's answer, when one was written
    std::optional<std::string> answer_state;         // "queued", or its action's state
};

// An answer written in the inbox, waiting for a run to send it through the sender's transport.
struct InboxAnswer {
    core::RowId id = 0;
    core::RowId event_id = 0;
    core::EnrollmentId enrollment_id = 0;
    core::RowId sender_id = 0;
    std::string text;
    core::Timestamp due_at{};
};

// One line of a conversation: something sent to the prospect, or something they wrote.
struct ConversationLine {
    core::Timestamp at{};
    bool from_prospect = false;
    std::string what; // the step, or the class of a reply
    std::string text;
    std::string state; // an action's
};

// A reply that has no reading yet: one recorded before replies were kept read.
struct UnreadReply {
    core::RowId event_id = 0;
    std::string text;
    core::Timestamp at{};
};

// Who a referral points to, and who pointed there.
struct Referral {
    core::RowId event_id = 0;
    core::Timestamp at{};
    std::string referred; // an address, a profile or a name, as the reply gave it
    std::string text;     // the reply
    std::string by_name;  // the prospect who wrote it; empty when erased
    std::string by_profile_url;
    std::string company;
    std::string campaign; // of the action it answers; empty when it answers none
    std::string sender;
};

class ReplyStore {
public:
    explicit ReplyStore(Database& database);
    ~ReplyStore();
    ReplyStore(const ReplyStore&) = delete;
    ReplyStore& operator=(const ReplyStore&) = delete;

    // Keeps a reply's reading; one that has a reading keeps it.
    void record(const ReplyReading& reading);
    std::optional<ReplyReading> find(core::RowId event_id);
    // The replies recorded without a reading, oldest first.
    void for_each_unread(const std::function<void(const UnreadReply&)>& visit);
    // The readings of the rules that no person corrected, with their reply, oldest first.
    void for_each_read(const std::function<void(const ReplyReading&, const UnreadReply&)>& visit);
    // The replies read as referrals that name someone, newest first, of the period [since, until).
    std::vector<Referral> referrals(std::optional<core::Timestamp> since, std::optional<core::Timestamp> until);
    // Whether the prospect (or the profile) asked never to be contacted by another event than `event_id`: one the
    // gateway reported as an opt-out, or a reply read as one.
    bool other_opt_out(core::RowId event_id, std::optional<core::ProspectId> prospect_id,
                       const std::string& profile_url);
    // What a run acted on.
    void mark_applied(core::RowId event_id, core::ReplyClass reply_class, core::Timestamp at);

    // The inbox: replies nobody has dealt with yet (or all of them), newest first.
    std::vector<InboxItem> inbox(const InboxFilter& filter);
    std::optional<InboxItem> item(core::RowId event_id);
    // What was sent to the prospect by the reply's sender, and what came back, oldest first.
    std::vector<ConversationLine> conversation(core::RowId event_id);
    // A person's class for a reply: it wins over the rules from now on, and the next run applies what it implies.
    void correct(core::RowId event_id, core::ReplyClass reply_class, std::optional<core::Day> until,
                 core::Timestamp now);
    // The rules' new reading of a reply no person corrected; a changed class is applied again by the next run.
    void reread(const ReplyReading& reading);
    void set_done(core::RowId event_id, std::optional<core::Timestamp> at);

    // Keeps an answer to a reply for the next run to send; false when the reply has one already.
    bool queue_answer(core::RowId event_id, core::EnrollmentId enrollment_id, core::RowId sender_id,
                      const std::string& text, core::Timestamp now);
    // The sender's answer due first.
    std::optional<InboxAnswer> next_answer(core::RowId sender_id);
    // Whether any sender has an answer waiting.
    bool any_answer_waiting();
    // A run tried it: the action that carries it, and when it may go again (none: it went out, or waits for a person).
    void answer_tried(core::RowId id, core::ActionId action_id, std::optional<core::Timestamp> due_again);
    // Not to be sent: its prospect cannot be reached any more.
    void answer_dropped(core::RowId id);
    // The same, for the answer to a reply that has not gone out yet.
    void drop_answer(core::RowId event_id);
    // The answer an action carries is no longer due: a crash's action settled.
    void answer_settled(core::ActionId action_id);
    void snooze(core::RowId event_id, core::Timestamp until);

private:
    struct Statements;
    Database& m_database;
    std::unique_ptr<Statements> m_statements;
};

} // namespace campaign::store
