// A sender as the schedule tests need one: a zone, Monday-to-Friday hours and the defaults of a premium account.
#pragma once

#include <string>

#include "core/campaign.hpp"
#include "core/time.hpp"

namespace test {

inline campaign::core::Sender sender_in(const std::string& zone, int from_minute = 9 * 60, int to_minute = 18 * 60) {
    campaign::core::Sender sender;
    sender.id = "alice";
    sender.timezone = zone;
    sender.working_hours.days = {false, true, true, true, true, true, false};
    sender.working_hours.from_minute = from_minute;
    sender.working_hours.to_minute = to_minute;
    sender.limits = campaign::core::default_limits(campaign::core::AccountType::premium);
    return sender;
}

inline campaign::core::Timestamp utc(const char* text) {
    return *campaign::core::parse_utc(text);
}

} // namespace test
