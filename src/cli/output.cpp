#include "cli/output.hpp"

#include <algorithm>
#include <unistd.h>

namespace campaign::cli {

Format parse_format(std::string_view name) {
    if (name == "json") {
        return Format::json;
    }
    if (name == "csv") {
        return Format::csv;
    }
    return Format::table;
}

bool stdout_is_terminal() {
    return isatty(STDOUT_FILENO) != 0;
}

core::Day day_option(std::string_view option, const std::string& text) {
    auto day = core::parse_day(text);
    if (!day) {
        throw core::UserError("error: " + std::string(option) + ": '" + text + "' is not a day like 2026-11-23");
    }
    return *day;
}

void fail_on(const core::Diagnostics& diagnostics) {
    bool any_error = std::any_of(diagnostics.begin(), diagnostics.end(),
                                 [](const core::Diagnostic& one) { return one.severity == core::Severity::error; });
    if (!any_error) {
        return;
    }
    std::string text;
    for (const auto& diagnostic : diagnostics) {
        text += (text.empty() ? "" : "\n") + diagnostic.to_string();
    }
    if (!text.empty()) {
        throw core::UserError(text);
    }
}

} // namespace campaign::cli
