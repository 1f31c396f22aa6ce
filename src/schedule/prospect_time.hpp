// A prospect's own working hours: their time zone, and the moments that are inside both their hours and their
// sender's, so that a campaign with `prospect_hours` reaches a Chicago prospect of a Berlin sender in the Berlin
// afternoon, not at the Chicago dawn.
//
// The zone is the prospect's `timezone` field when the tz database knows it ("America/Chicago"), or else the zone of
// their location by the place table (config/place_zones.hpp: "Greater Chicago Area"). A prospect whose zone is
// neither is reached in the sender's hours alone, as is one whose hours never meet the sender's.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/campaign.hpp"
#include "core/prospect.hpp"
#include "schedule/calendar.hpp"

namespace campaign::schedule {

// The custom field that names a prospect's time zone, and the one an import's "Time Zone" column gives.
inline constexpr std::string_view k_time_zone_field = "timezone";
inline constexpr std::string_view k_time_zone_field_spaced = "time_zone";
// How far ahead the prospect's hours and the sender's are searched for a moment they share, from the sender's next
// working moment; a closure of the sender's longer than k_long_closure does not count against it: longer than any
// week's days off, it is a holiday.
inline constexpr core::Duration k_shared_hours_search = std::chrono::days{14};
inline constexpr core::Duration k_long_closure = std::chrono::days{7};

// Whether the machine's tz database knows the zone `name` ("America/Chicago").
bool known_zone(const std::string& name);

// The prospect's zone, by their `timezone` (or `time_zone`) field or their location; nothing when neither tells it.
std::optional<std::string> prospect_zone(const core::Prospect& prospect);

// A campaign's prospect hours, with the calendars of the zones met so far.
class ProspectHours {
public:
    explicit ProspectHours(const core::WorkingHours& hours);

    // The first moment at or after `from` inside the sender's working hours and the prospect's hours in `zone`;
    // nothing when the two do not meet within k_shared_hours_search of the sender's open time (a Sydney prospect's
    // day is a Berlin night).
    std::optional<core::Timestamp> next_shared(const SenderCalendar& sender, const std::string& zone,
                                               core::Timestamp from) const;

private:
    core::WorkingHours m_hours;
    // The same few zones come back for every prospect.
    mutable std::map<std::string, SenderCalendar, std::less<>> m_calendars;
};

} // namespace campaign::schedule
