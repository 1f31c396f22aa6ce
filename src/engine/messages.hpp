// Where the engine gets the text of a connection note, message or InMail: the campaign's templates in a real run, a
// recording fake in tests.
#pragma once

#include <optional>
#include <string>

#include "core/campaign.hpp"
#include "core/prospect.hpp"

namespace campaign::engine {

struct Text {
    std::string subject; // InMail only
    std::string body;
};

struct TextResult {
    std::optional<Text> text; // what to send
    std::string failure;      // otherwise why it cannot be sent, in words a user can act on
};

class Messages {
public:
    virtual ~Messages() = default;
    virtual TextResult text_for(const core::Campaign& campaign, const core::Step& step,
                                const std::string& template_name, const core::Prospect& prospect,
                                const core::Sender& sender) = 0;
};

} // namespace campaign::engine
