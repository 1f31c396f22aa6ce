// What a reply says, as the triage module reads it (data/triage/README.md): the seven classes a sales team acts on.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace campaign::core {

enum class ReplyClass { interested, not_interested, later, referral, out_of_office, opt_out, neutral };

inline constexpr std::array k_reply_classes{ReplyClass::interested, ReplyClass::not_interested, ReplyClass::later,
                                            ReplyClass::referral,   ReplyClass::out_of_office,  ReplyClass::opt_out,
                                            ReplyClass::neutral};

// "not_interested"
std::string_view to_string(ReplyClass reply_class);
std::optional<ReplyClass> parse_reply_class(std::string_view text);

} // namespace campaign::core
