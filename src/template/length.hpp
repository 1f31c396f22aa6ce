// How long LinkedIn says a text is, and how long it may be for each kind of action.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/campaign.hpp"

namespace campaign::templating {

inline constexpr std::size_t k_message_length = 8000;
inline constexpr std::size_t k_inmail_subject_length = 200;
inline constexpr std::size_t k_inmail_body_length = 1900;

// Characters as LinkedIn's text boxes count them, in UTF-16 code units: "Zoë", "José" and "王小明" count one a
// letter, an emoji beyond U+FFFF such as 👋 counts two. Counting code points instead would let a note with emoji
// pass here and be cut or refused by LinkedIn.
std::size_t linkedin_length(std::string_view text);

struct TooLong {
    std::string part; // "connection note", "message", "InMail subject", "InMail body"
    std::size_t length = 0;
    std::size_t limit = 0;

    // "the connection note would be 312 characters, over the limit of 300"
    std::string to_string() const;
};

// The first part of the text that is over its limit for an action of `type` by `sender`.
std::optional<TooLong> check_length(std::string_view subject, std::string_view body, core::ActionType type,
                                    const core::Sender& sender);

} // namespace campaign::templating
