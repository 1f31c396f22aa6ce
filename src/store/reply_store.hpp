// Replies as they were read (data/triage/README.md): the class, language, date and words that decided each, kept
// beside the event once it is applied, so that the run, the reports and the inbox agree on what a reply said and a
// change of the rules changes no past reading unless it is asked to.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

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
    // The replies read as referrals that name someone, newest first, of the period [since, until).
    std::vector<Referral> referrals(std::optional<core::Timestamp> since, std::optional<core::Timestamp> until);

private:
    struct Statements;
    Database& m_database;
    std::unique_ptr<Statements> m_statements;
};

} // namespace campaign::store
