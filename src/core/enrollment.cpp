#include "core/enrollment.hpp"

#include <array>

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, 7> k_enrollment_states{"active", "done",    "replied", "opted_out",
                                                              "failed", "stopped", "lost"};
constexpr std::array<std::string_view, 4> k_action_states{"sending", "sent", "failed", "in_doubt"};

} // namespace

std::string_view to_string(EnrollmentState state) {
    return k_enrollment_states.at(static_cast<std::size_t>(state));
}

std::optional<EnrollmentState> parse_enrollment_state(std::string_view text) {
    return parse_enum<EnrollmentState>(k_enrollment_states, text);
}

std::string_view to_string(ActionState state) {
    return k_action_states.at(static_cast<std::size_t>(state));
}

std::optional<ActionState> parse_action_state(std::string_view text) {
    return parse_enum<ActionState>(k_action_states, text);
}

std::string_view to_string(Failure failure) {
    return k_failure_names.at(static_cast<std::size_t>(failure));
}

std::optional<Failure> parse_failure(std::string_view text) {
    return parse_enum<Failure>(k_failure_names, text);
}

} // namespace campaign::core
