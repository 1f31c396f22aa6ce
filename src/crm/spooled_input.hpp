// A pipe, a FIFO or standard input can be read only once, and an import reads the start of its input twice (the first
// line for the dialect and the delimiter, then the records): such an input is copied to a temporary file first, which
// is removed as soon as it is open again, so that nothing is left behind whatever happens to the import.
#pragma once

#include <cstdint>
#include <fstream>
#include <istream>
#include <string>

namespace campaign::crm {

struct SpooledInput {
    std::ifstream copy; // positioned at the start
    std::uint64_t size = 0;
};

// Throws core::UserError, naming the input as `name`, when the input cannot be read or the copy cannot be written.
SpooledInput spool(std::istream& input, const std::string& name);

} // namespace campaign::crm
