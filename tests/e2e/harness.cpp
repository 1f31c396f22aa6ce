#include "e2e/harness.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace campaign::e2e {

namespace {

std::string quote(const std::string& argument) {
    std::string quoted = "'";
    for (char c : argument) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

} // namespace

Workspace::Workspace() {
    auto pattern = (std::filesystem::temp_directory_path() / "campaign-e2e-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        throw std::runtime_error("cannot make a temporary folder");
    }
    m_path = pattern;
}

Workspace::~Workspace() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

Result Workspace::run(const std::vector<std::string>& arguments) const {
    return run_with_prefix("", arguments);
}

Result Workspace::run_killed_after(double seconds, const std::vector<std::string>& arguments) const {
    return run_with_prefix("timeout -s KILL " + std::to_string(seconds) + " ", arguments);
}

Result Workspace::run_with_prefix(const std::string& prefix, const std::vector<std::string>& arguments) const {
    std::string command =
        "cd " + quote(m_path.string()) + " && " + prefix + "env -u CAMPAIGN_DB " + quote(CAMPAIGN_BINARY);
    for (const auto& argument : arguments) {
        command += " " + quote(argument);
    }
    auto out = m_path / ".stdout";
    auto err = m_path / ".stderr";
    command += " >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    int status = std::system(command.c_str());
    Result result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(out);
    result.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return result;
}

void Workspace::write(const std::filesystem::path& relative, const std::string& content) const {
    auto path = m_path / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream output(path, std::ios::binary);
    output << content;
}

std::string Workspace::read(const std::filesystem::path& relative) const {
    return slurp(m_path / relative);
}

void Workspace::copy_from_source(const std::filesystem::path& relative) const {
    auto target = m_path / relative;
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::copy(std::filesystem::path(CAMPAIGN_SOURCE_DIR) / relative, target,
                          std::filesystem::copy_options::recursive);
}

} // namespace campaign::e2e
