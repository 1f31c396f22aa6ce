// Asking what is at a path without an exception: std::filesystem throws when the system refuses the name itself (a
// part of it over 255 bytes), and a name read from a user's file must give an error at its place instead.
#pragma once

#include <filesystem>
#include <string>

namespace campaign::core {

enum class FileKind { none, regular, folder, other, unusable };

struct FileStatus {
    FileKind kind = FileKind::none;
    std::string problem; // when unusable: why, as the system says it ("file name too long")
};

FileStatus file_status(const std::filesystem::path& path);

} // namespace campaign::core
