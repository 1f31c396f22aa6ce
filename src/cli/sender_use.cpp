#include "cli/sender_use.hpp"

#include <algorithm>

#include "cli/stored_campaigns.hpp"
#include "config/holiday_calendars.hpp"
#include "core/text.hpp"
#include "schedule/health.hpp"
#include "schedule/ledger.hpp"
#include "schedule/limits.hpp"
#include "store/action_store.hpp"

namespace campaign::cli {

namespace {

std::map<std::string, core::Sender> sender_definitions(store::Database& database) {
    std::map<std::string, core::Sender> senders;
    for (const auto& campaign : latest_campaigns(database)) {
        for (const auto& sender : campaign.senders) {
            senders.emplace(sender.id, sender);
        }
    }
    return senders;
}

} // namespace

std::string holiday_name(const core::Sender& sender, schedule::LocalDay day) {
    for (const auto& code : sender.holidays.calendars) {
        if (const auto* calendar = config::holiday_calendar(code)) {
            for (const auto& holiday : *calendar) {
                if (holiday.day.time_since_epoch().count() == day) {
                    return code + ": " + holiday.name;
                }
            }
        }
    }
    return "its own";
}

nlohmann::json today_json(const SenderUse& use) {
    auto today = nlohmann::json::object();
    for (auto type : core::k_action_types) {
        auto used = use.today.count(type) ? use.today.at(type) : 0;
        nlohmann::json entry{{"used", used}};
        if (auto found = use.limits.find(type); found != use.limits.end()) {
            entry["limit"] = found->second;
            entry["configured_limit"] = use.definition->limits.per_day.at(type);
        }
        today[std::string(core::to_string(type))] = entry;
    }
    return today;
}

nlohmann::json invitations_json(const SenderUse& use) {
    return {
        {"pending", use.invitations.pending},
        {"pending_ceiling",
         use.definition ? nlohmann::json(use.definition->limits.pending_invitations) : nlohmann::json(nullptr)},
        {"settled", use.invitations.settled},
        {"settled_accepted", use.invitations.settled_accepted},
        {"notes_left_this_month", use.notes_left ? nlohmann::json(*use.notes_left) : nlohmann::json(nullptr)},
        {"inmails_left_this_month", use.inmails_left ? nlohmann::json(*use.inmails_left) : nlohmann::json(nullptr)}};
}

std::pair<core::Timestamp, std::string> status_time(store::Database& database, core::Timestamp wall) {
    store::CampaignStore campaigns(database);
    if (auto run = campaigns.latest_run(); run && run->clock == "simulated") {
        return {campaigns.last_simulated_time().value_or(run->reached_at), "simulated"};
    }
    return {wall, "wall"};
}

namespace {

// "held by a rate limit until ...; invitations held until ... by a limit of the account".
std::string held_note(const SenderUse& use, core::Timestamp now) {
    std::vector<std::string> parts;
    if (use.row.held_until && *use.row.held_until > now) {
        parts.push_back("held by a rate limit until " + core::format_utc(*use.row.held_until));
    }
    for (const auto& hold : use.holds) {
        parts.push_back(std::string(core::plural_of(hold.type)) + " held until " + core::format_utc(hold.until) +
                        " by a limit of the account");
    }
    return core::join(parts, "; ");
}

} // namespace

nlohmann::json holds_json(const SenderUse& use) {
    auto holds = nlohmann::json::array();
    for (const auto& hold : use.holds) {
        holds.push_back(
            {{"type", core::to_string(hold.type)}, {"until", core::format_utc(hold.until)}, {"reason", hold.reason}});
    }
    return holds;
}

std::vector<SenderUse> sender_use(store::Database& database, core::Timestamp now) {
    store::CampaignStore campaigns(database);
    store::ActionStore actions(database);
    auto definitions = sender_definitions(database);
    std::vector<SenderUse> result;
    for (const auto& row : campaigns.senders()) {
        SenderUse use{row, std::nullopt, "", {}, 0, {}, std::nullopt, "", "", {}, std::nullopt, std::nullopt, {}, ""};
        use.holds = campaigns.action_holds(row.id, now);
        use.held = held_note(use, now);
        core::Sender sender;
        if (auto found = definitions.find(row.name); found != definitions.end()) {
            use.definition = found->second;
            sender = found->second;
            if (sender.warmup && !sender.warmup->start_day) {
                if (auto first = actions.first_counted(row.id)) {
                    sender.first_action_day = schedule::SenderCalendar(sender).local_day(*first);
                }
            }
        } else {
            // Only its day matters here: any hours will do.
            sender.id = row.name;
            sender.working_hours.days.fill(true);
        }
        sender.timezone = row.timezone;
        schedule::SenderCalendar calendar(sender);
        schedule::SenderLedger ledger(calendar);
        actions.for_each_counted(row.id, now - schedule::k_invitation_window - std::chrono::days{2},
                                 [&](core::ActionType type, core::Timestamp at) { ledger.record(type, at); });
        use.local_date = calendar.format_local(now).substr(0, 10);
        for (auto type : core::k_action_types) {
            if (auto used = ledger.used_on_day(type, now); used > 0) {
                use.today[type] = used;
            }
        }
        use.invitations_this_week = ledger.invitations_in_week(now);
        if (use.definition) {
            auto day = calendar.local_day(now);
            // What the run's governor would cap today's invitations at, from the same record.
            use.invitations =
                actions.invitation_record(row.id, now, schedule::k_settled_invitations, schedule::k_settle);
            if (auto limit = schedule::day_limit(sender, core::ActionType::connect, day)) {
                sender.invitation_cap = schedule::invitation_cap(sender, use.invitations, day, *limit,
                                                                 ledger.used_on_day(core::ActionType::connect, now));
            }
            for (auto type : core::k_action_types) {
                if (auto limit = schedule::day_limit(sender, type, day)) {
                    use.limits[type] = *limit;
                }
            }
            use.week_limit = schedule::week_invitation_limit(sender, day);
            use.limits_note = schedule::limits_note(sender, day);
            use.holiday = sender.holidays.days.contains(day) ? "holiday (" + holiday_name(sender, day) + ")" : "";
            if (const auto& allowance = sender.limits.notes_per_month) {
                auto used = actions.used_in_month(row.id, use.local_date.substr(0, 7), store::MonthlyAllowance::notes);
                use.notes_left = std::max(0, *allowance - used);
            }
            if (auto credits = sender.limits.inmails_per_month; credits > 0) {
                auto used =
                    actions.used_in_month(row.id, use.local_date.substr(0, 7), store::MonthlyAllowance::inmails);
                use.inmails_left = std::max(0, credits - used);
            }
        }
        use.definition = use.definition ? std::optional<core::Sender>(sender) : std::nullopt;
        result.push_back(std::move(use));
    }
    return result;
}

} // namespace campaign::cli
