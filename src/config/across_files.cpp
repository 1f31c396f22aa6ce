#include "config/across_files.hpp"

#include <map>

namespace campaign::config {

namespace {

std::string where(const core::SourceLocation& location) {
    return location.file + ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
}

// The keys of the campaign file in which two definitions of a sender differ.
std::vector<std::string> differences(const core::Sender& a, const core::Sender& b) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : a.fields) {
        if (auto other = b.fields.find(key); other == b.fields.end() || other->second != value) {
            keys.push_back(key);
        }
    }
    for (const auto& [key, value] : b.fields) {
        if (!a.fields.contains(key)) {
            keys.push_back(key);
        }
    }
    if (a.timezone != b.timezone) {
        keys.emplace_back("timezone");
    }
    if (a.account != b.account) {
        keys.emplace_back("account");
    }
    if (a.working_hours != b.working_hours) {
        keys.emplace_back("working_hours");
    }
    if (a.limits.per_day != b.limits.per_day || a.limits.invitations_per_week != b.limits.invitations_per_week ||
        a.limits.connect_note_length != b.limits.connect_note_length ||
        a.limits.pending_invitations != b.limits.pending_invitations ||
        a.limits.notes_per_month != b.limits.notes_per_month ||
        a.limits.inmails_per_month != b.limits.inmails_per_month) {
        keys.emplace_back("limits");
    }
    if (a.pacing.min_gap != b.pacing.min_gap || a.pacing.jitter != b.pacing.jitter) {
        keys.emplace_back("pacing");
    }
    if (a.holidays != b.holidays) {
        keys.emplace_back("holidays");
    }
    if (a.warmup != b.warmup) {
        keys.emplace_back("warmup");
    }
    if (a.withdraw_invitations_after != b.withdraw_invitations_after) {
        keys.emplace_back("withdraw_invitations_after");
    }
    return keys;
}

std::string joined(const std::vector<std::string>& keys) {
    std::string text;
    for (const auto& key : keys) {
        text += (text.empty() ? "" : ", ") + key;
    }
    return text;
}

} // namespace

std::vector<core::Diagnostics> check_across_files(const std::vector<const core::Campaign*>& campaigns) {
    std::vector<core::Diagnostics> problems(campaigns.size());
    std::map<std::string, const core::Campaign*> ids;
    std::map<std::string, const core::Sender*> senders;
    for (std::size_t i = 0; i < campaigns.size(); ++i) {
        const auto& campaign = *campaigns[i];
        if (auto [first, added] = ids.emplace(campaign.id, &campaign); !added) {
            problems[i].push_back({campaign.location, "campaign '" + campaign.id + "' is also the campaign of " +
                                                          first->second->location.file});
        }
        for (const auto& sender : campaign.senders) {
            auto [first, added] = senders.emplace(sender.id, &sender);
            if (added) {
                continue;
            }
            if (auto keys = differences(*first->second, sender); !keys.empty()) {
                problems[i].push_back(
                    {sender.location, "sender '" + sender.id + "' is defined differently in " +
                                          where(first->second->location) + " (" + joined(keys) +
                                          "): a sender is one account, whose limits and hours every campaign "
                                          "shares; define it the same in both files"});
            }
        }
    }
    return problems;
}

} // namespace campaign::config
