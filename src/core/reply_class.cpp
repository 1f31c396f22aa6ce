#include "core/reply_class.hpp"

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, k_reply_classes.size()> k_names{
    "interested", "not_interested", "later", "referral", "out_of_office", "opt_out", "neutral"};

} // namespace

std::string_view to_string(ReplyClass reply_class) {
    return k_names.at(static_cast<std::size_t>(reply_class));
}

std::optional<ReplyClass> parse_reply_class(std::string_view text) {
    return parse_enum<ReplyClass>(k_names, text);
}

} // namespace campaign::core
