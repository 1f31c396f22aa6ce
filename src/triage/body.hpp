// The part of a reply the prospect wrote: without the quoted history, the forwarded or quoted header block, the
// signature and the legal footer that mail clients and companies add.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "triage/rules.hpp"

namespace campaign::triage {

// `body` holds the quote headers, header fields, closings and footers of every language.
std::string written_part(std::string_view text, const std::vector<const BodyWords*>& body);

} // namespace campaign::triage
