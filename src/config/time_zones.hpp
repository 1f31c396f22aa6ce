// What validate says of a sender's time zone besides whether the tz database knows it: old names and System V
// abbreviations (US/Central, EST, CET) with the zone to use, from legacy_time_zones.tsv, which is made from
// tzdata; and the inverted sign of POSIX offsets (Etc/GMT+1 is UTC-01:00).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace campaign::config {

// A warning for a zone the tz database knows: an old name, an abbreviation, a fixed offset. None for a zone of a
// region and city, and for UTC.
std::optional<std::string> time_zone_warning(std::string_view name);

// The error for a name the tz database does not know but that a user means something by ("GMT+1", "UTC-5"); none
// for other names, which get a "did you mean".
std::optional<std::string> unknown_time_zone_advice(std::string_view name);

// The lines of legacy_time_zones.tsv.
std::string_view legacy_time_zone_table();

} // namespace campaign::config
