#include "core/files.hpp"

#include <cctype>

namespace campaign::core {

FileStatus file_status(const std::filesystem::path& path) {
    std::error_code error;
    auto status = std::filesystem::status(path, error);
    if (error && error != std::errc::no_such_file_or_directory && error != std::errc::not_a_directory) {
        auto problem = error.message();
        if (!problem.empty()) {
            problem[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(problem[0])));
        }
        return {FileKind::unusable, problem};
    }
    switch (status.type()) {
    case std::filesystem::file_type::not_found:
    case std::filesystem::file_type::none:
        return {FileKind::none, {}};
    case std::filesystem::file_type::regular:
        return {FileKind::regular, {}};
    case std::filesystem::file_type::directory:
        return {FileKind::folder, {}};
    default:
        return {FileKind::other, {}};
    }
}

} // namespace campaign::core
