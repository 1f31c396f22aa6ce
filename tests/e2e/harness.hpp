// Runs the built campaign binary as a user would: in a fresh temporary folder, with arguments, capturing what it
// prints and its exit code.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace campaign::e2e {

struct Result {
    int exit_code = -1;
    std::string out;
    std::string err;
};

class Workspace {
public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path database() const { return m_path / "campaign.db"; }

    // Runs `campaign ARGS...` with the workspace as the current folder.
    Result run(const std::vector<std::string>& arguments) const;
    // The same, killed with SIGKILL as soon as the file `watched` of the workspace has grown past `bytes`: a crash in
    // the middle of the work. The exit code is 137 when it was killed, its own when it finished first.
    Result run_killed_when_grown(const std::filesystem::path& watched, std::uintmax_t bytes,
                                 const std::vector<std::string>& arguments) const;
    // The same, sent `signal` after `delay` (if it has not finished by then), and waited for.
    Result run_signalled_after(int signal, std::chrono::milliseconds delay,
                               const std::vector<std::string>& arguments) const;
    void write(const std::filesystem::path& relative, const std::string& content) const;
    std::string read(const std::filesystem::path& relative) const;
    // Copies a file or folder of the source tree (e.g. "campaigns") into the workspace.
    void copy_from_source(const std::filesystem::path& relative) const;

private:
    pid_t spawn(const std::vector<std::string>& arguments) const;
    Result collect(int status) const;

    std::filesystem::path m_path;
};

} // namespace campaign::e2e
