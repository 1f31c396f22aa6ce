#include "schedule/prospect_time.hpp"

#include <date/tz.h>

#include "config/place_zones.hpp"
#include "core/text.hpp"

namespace campaign::schedule {

namespace {

// Each pass moves past one window of the prospect's or the sender's: two weeks of both take about 60, and a holiday
// of the sender's a few more.
constexpr int k_max_passes = 128;

} // namespace

bool known_zone(const std::string& name) {
    try {
        date::locate_zone(name);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

std::optional<std::string> prospect_zone(const core::Prospect& prospect) {
    for (auto key : {k_time_zone_field, k_time_zone_field_spaced}) {
        if (auto field = prospect.fields.find(std::string(key)); field != prospect.fields.end()) {
            auto name = std::string(core::trim(field->second));
            if (!name.empty() && known_zone(name)) {
                return name;
            }
        }
    }
    // A zone newer than the machine's tz database is as good as none.
    auto zone = config::zone_of_place(prospect.location);
    return zone && known_zone(*zone) ? zone : std::nullopt;
}

ProspectHours::ProspectHours(const core::WorkingHours& hours) : m_hours(hours) {}

std::optional<core::Timestamp> ProspectHours::next_shared(const SenderCalendar& sender, const std::string& zone,
                                                          core::Timestamp from) const {
    auto found = m_calendars.find(zone);
    if (found == m_calendars.end()) {
        core::Sender prospect;
        prospect.id = "prospects of " + zone;
        prospect.timezone = zone;
        prospect.working_hours = m_hours;
        found = m_calendars.emplace(zone, SenderCalendar(prospect)).first;
    }
    const auto& theirs = found->second;
    auto when = sender.next_working(from);
    auto last = when + k_shared_hours_search;
    for (int pass = 0; pass < k_max_passes && when <= last; ++pass) {
        auto open = theirs.next_working(when);
        if (open > last) {
            break;
        }
        auto ours = sender.next_working(open);
        if (ours == open) {
            return open;
        }
        if (ours - open > k_long_closure) {
            last += ours - open; // the sender is away: the search goes on from their return
        }
        when = ours;
    }
    return std::nullopt;
}

} // namespace campaign::schedule
