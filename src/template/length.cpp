#include "template/length.hpp"

namespace campaign::templating {

std::size_t linkedin_length(std::string_view text) {
    std::size_t units = 0;
    for (unsigned char byte : text) {
        if ((byte & 0xC0) != 0x80) {
            units += byte >= 0xF0 ? 2 : 1; // a four-byte sequence is a code point beyond U+FFFF: a surrogate pair
        }
    }
    return units;
}

std::string TooLong::to_string() const {
    return "the " + part + " would be " + std::to_string(length) + " characters, over the limit of " +
           std::to_string(limit);
}

std::optional<TooLong> check_length(std::string_view subject, std::string_view body, core::ActionType type,
                                    const core::Sender& sender) {
    auto over = [](std::string part, std::string_view text, std::size_t limit) -> std::optional<TooLong> {
        auto length = linkedin_length(text);
        return length > limit ? std::optional<TooLong>(TooLong{std::move(part), length, limit}) : std::nullopt;
    };
    switch (type) {
    case core::ActionType::connect:
        return over("connection note", body, static_cast<std::size_t>(sender.limits.connect_note_length));
    case core::ActionType::message:
        return over("message", body, k_message_length);
    case core::ActionType::inmail: {
        auto too_long = over("InMail subject", subject, k_inmail_subject_length);
        return too_long ? too_long : over("InMail body", body, k_inmail_body_length);
    }
    default:
        return std::nullopt;
    }
}

} // namespace campaign::templating
