// What each sender has used of its limits on its own calendar day, and the limits it has that day: the configured
// ones as the latest stored campaigns define them, lowered by a warm-up or the health governor, and why. Read by
// `campaign status` and `campaign sender show`.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/campaign.hpp"
#include "core/time.hpp"
#include "schedule/calendar.hpp"
#include "store/campaign_store.hpp"
#include "store/database.hpp"

namespace campaign::cli {

// A sender's use and limits on its day of `now`, as the latest stored version of a campaign using it defines them.
struct SenderUse {
    store::SenderRow row;
    std::optional<core::Sender> definition; // with the warm-up's first day and today's cap filled in
    std::string local_date;
    std::map<core::ActionType, int> today;
    int invitations_this_week = 0;
    // Today's limits where a definition gives them: lower than the configured ones in a warm-up.
    std::map<core::ActionType, int> limits;
    std::optional<int> week_limit;
    std::string limits_note; // why they differ from the configured ones
    std::string holiday;     // today's, when it is one of the sender's: "holiday (Christmas Day)"
    core::InvitationRecord invitations;
    std::optional<int> notes_left;        // of its monthly allowance of invitation notes, in its month of now
    std::optional<int> inmails_left;      // of its month's InMail credits, for an account that has them
    std::vector<store::ActionHold> holds; // limits of its account that hold its actions of a type, after now
    std::string held;                     // what holds it after now and until when, in words
};

// Every sender of the database, on its day of `now`.
std::vector<SenderUse> sender_use(store::Database& database, core::Timestamp now);

// What the reports of a database call now: the wall clock's, or for a database played on the simulated clock the
// moment its last run reached ("simulated").
std::pair<core::Timestamp, std::string> status_time(store::Database& database, core::Timestamp wall);

// Its use and limits of the day by action type, and its invitations' record, as JSON.
nlohmann::json today_json(const SenderUse& use);
nlohmann::json invitations_json(const SenderUse& use);
nlohmann::json holds_json(const SenderUse& use);

// A day of the sender's holidays by name: "DE: Erster Weihnachtstag", or "its own" for a date of its own.
std::string holiday_name(const core::Sender& sender, schedule::LocalDay day);

} // namespace campaign::cli
