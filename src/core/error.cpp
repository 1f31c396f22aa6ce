#include "core/error.hpp"

namespace campaign::core {

std::string Diagnostic::to_string() const {
    std::string text = location.file;
    if (location.line > 0) {
        text += ':' + std::to_string(location.line);
        if (location.column > 0) {
            text += ':' + std::to_string(location.column);
        }
    }
    if (!text.empty()) {
        text += ": ";
    }
    return text + (severity == Severity::warning ? "warning: " : "error: ") + message;
}

} // namespace campaign::core
