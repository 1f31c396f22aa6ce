// Runs the built campaign binary as a user would: in a fresh temporary folder, with arguments, capturing what it
// prints and its exit code.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace campaign::e2e {

struct Result {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Variables to set for a command, besides the test's own environment.
using Environment = std::vector<std::pair<std::string, std::string>>;

// A command that runs until it is stopped (`campaign serve`), with its output in files of its own so that other
// commands can run in the workspace meanwhile. Killed, if still running, when it goes out of scope.
class Background {
public:
    Background(pid_t child, std::filesystem::path out, std::filesystem::path err)
        : m_child(child), m_out(std::move(out)), m_err(std::move(err)) {}
    ~Background();
    Background(Background&& other) noexcept;
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;
    Background& operator=(Background&&) = delete;

    // The first line it printed that starts with `prefix`, waited for up to `patience`; empty when none came.
    std::string wait_for_line(std::string_view prefix,
                              std::chrono::milliseconds patience = std::chrono::seconds{20}) const;
    // What it printed so far.
    std::string out() const;
    std::string err() const;
    // Sends `signal` and waits for it to end; after 20 seconds it is killed, and the exit code is 137.
    Result stop(int signal);
    // Sends `signal` and goes on (SIGSTOP, SIGCONT).
    void signal(int signal) const;
    // Whether it has ended (it is still to be stopped, for its exit code).
    bool ended() const;

private:
    pid_t m_child;
    std::filesystem::path m_out;
    std::filesystem::path m_err;
};

class Workspace {
public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    // The CRM the commands use when --db names none: campaign.db in the workspace or, when the suite runs on
    // PostgreSQL (CAMPAIGN_TEST_E2E_BACKEND=postgresql), a database of the workspace's own on the suite's server, as
    // $CAMPAIGN_DB names it.
    std::string crm() const;
    bool on_postgresql() const { return !m_uri.empty(); }
    std::filesystem::path database() const { return m_path / "campaign.db"; }
    // The rows a query of the CRM (crm()) gives, each column as text and NULL as empty, on its backend.
    using Rows = std::vector<std::vector<std::string>>;
    Rows query_crm(const std::string& sql) const;
    // The one number a query of the CRM gives.
    long long count_in_crm(const std::string& sql) const;
    // Where runs on the mock transport or the simulated clock work: the rehearsal of database().
    // On PostgreSQL it is named after the database, in the workspace (the commands' current folder).
    std::filesystem::path rehearsal() const {
        return m_path / ((m_uri.empty() ? "campaign" : m_database_name) + ".rehearsal.db");
    }

    // Runs `campaign ARGS...` with the workspace as the current folder.
    Result run(const std::vector<std::string>& arguments) const;
    // Runs a bash command line in the workspace, in which `campaign` is the binary: for pipes, redirections and <(...).
    Result run_shell(const std::string& command_line) const;
    // The same, killed with SIGKILL as soon as the file `watched` of the workspace has grown past `bytes`: a crash in
    // the middle of the work. The exit code is 137 when it was killed, its own when it finished first.
    Result run_killed_when_grown(const std::filesystem::path& watched, std::uintmax_t bytes,
                                 const std::vector<std::string>& arguments) const;
    // The same, sent `signal` after `delay` (if it has not finished by then), and waited for.
    Result run_signalled_after(int signal, std::chrono::milliseconds delay,
                               const std::vector<std::string>& arguments) const;
    // Starts `campaign ARGS...` in the background, with `environment` added to the test's.
    Background start(const std::vector<std::string>& arguments, const Environment& environment = {}) const;
    void write(const std::filesystem::path& relative, const std::string& content) const;
    std::string read(const std::filesystem::path& relative) const;
    // Copies a file or folder of the source tree (e.g. "campaigns") into the workspace.
    void copy_from_source(const std::filesystem::path& relative) const;

private:
    // Runs a shell command in the workspace, with standard input from /dev/null.
    Result run_command(const std::string& shell_command) const;
    pid_t spawn(const std::vector<std::string>& arguments, const std::string& output = ".stdout",
                const std::string& errors = ".stderr", const Environment& environment = {}) const;
    Result collect(int status) const;

    // CAMPAIGN_DB as the commands see it: unset on SQLite, the database's URI on PostgreSQL.
    std::string environment_prefix() const;

    std::filesystem::path m_path;
    std::string m_server;        // the suite's PostgreSQL server, when the tests run on it
    std::string m_database_name; // the workspace's own database there
    std::string m_uri;
};

// A database of its own on the suite's PostgreSQL server, for a test tagged [postgresql] (which CTest runs with the
// server started), dropped when it goes out of scope.
class ServerDatabase {
public:
    ServerDatabase();
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    const std::string& uri() const { return m_uri; }

private:
    std::string m_server;
    std::string m_name;
    std::string m_uri;
};

// The rows a query of a SQLite file gives, each column as text and NULL as empty.
Workspace::Rows sqlite_rows(const std::filesystem::path& database, const std::string& sql);

// The rows a query of a PostgreSQL database gives, each column as text and NULL as empty.
Workspace::Rows postgresql_rows(const std::string& uri, const std::string& sql);

// The commands a help lists under "Subcommands:", by name.
std::vector<std::string> commands_in_help(const std::string& help);

// A prospects CSV of `count` people with one tag, at https://www.linkedin.com/in/SLUG-pN.
std::string prospects_csv(const std::string& slug, const std::string& tag, int count);

} // namespace campaign::e2e
