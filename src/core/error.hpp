// Errors the modules raise and cli/ turns into messages and exit codes: a UserError is bad input the user can fix
// (exit 1), a RuntimeFailure is the world failing under us (exit 3). A Diagnostic points at a place in a file.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace campaign::core {

struct SourceLocation {
    std::string file;
    int line = 0;   // 1-based; 0 when the problem concerns the whole file
    int column = 0; // 1-based; 0 when only the line is known
};

// A warning reports what will go wrong for some inputs only (a template too long for a few prospects); it does
// not make a file invalid.
enum class Severity { error, warning };

struct Diagnostic {
    SourceLocation location;
    std::string message;
    Severity severity = Severity::error;

    // "file:line:col: error: message" (or "warning:"), leaving out the parts that are unknown.
    std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class RuntimeFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace campaign::core
