#include "crm/spooled_input.hpp"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include "core/error.hpp"

namespace campaign::crm {

namespace {

core::UserError spool_error(const std::string& name, const std::string& what) {
    return core::UserError{name + ": error: " + what};
}

// A new, empty file of our own in the temporary folder ($TMPDIR, or /tmp).
std::filesystem::path temporary_file(const std::string& name) {
    std::error_code error;
    auto folder = std::filesystem::temp_directory_path(error);
    if (error) {
        throw spool_error(name, "cannot copy the input to a temporary file: " + error.message());
    }
    auto pattern = (folder / "campaign-import-XXXXXX").string(); // mkstemp replaces the Xs with a unique name
    int descriptor = mkstemp(pattern.data());
    if (descriptor < 0) {
        throw spool_error(name, "cannot copy the input to a temporary file in " + folder.string() + ": " +
                                    std::strerror(errno));
    }
    close(descriptor);
    return pattern;
}

} // namespace

SpooledInput spool(std::istream& input, const std::string& name) {
    auto path = temporary_file(name);
    SpooledInput spooled;
    {
        std::ofstream copy(path, std::ios::binary | std::ios::trunc);
        std::array<char, 1 << 16> buffer{};
        while (input.read(buffer.data(), buffer.size()) || input.gcount() > 0) {
            copy.write(buffer.data(), input.gcount());
            spooled.size += static_cast<std::uint64_t>(input.gcount());
        }
        bool read_failed = input.bad();
        copy.close();
        if (read_failed || !copy) {
            std::filesystem::remove(path);
            throw spool_error(name,
                              read_failed ? "cannot read the input" : "cannot copy the input to " + path.string());
        }
    }
    spooled.copy.open(path, std::ios::binary);
    std::filesystem::remove(path); // the open stream keeps the file until it is closed
    if (!spooled.copy) {
        throw spool_error(name, "cannot read back the copy of the input");
    }
    return spooled;
}

} // namespace campaign::crm
