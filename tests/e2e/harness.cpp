#include "e2e/harness.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <libpq-fe.h>
#include <memory>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
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

// The suite's PostgreSQL server (scripts/lib/postgres.sh, started by CTest): its URI, from the state in
// CAMPAIGN_TEST_POSTGRESQL.
std::string server_uri() {
    const char* state = std::getenv("CAMPAIGN_TEST_POSTGRESQL");
    if (!state || !*state) {
        throw std::runtime_error("CAMPAIGN_TEST_POSTGRESQL is not set: run the tests through ctest, which starts the "
                                 "suite's PostgreSQL server");
    }
    // libpq reads the password from the file, in the test and in the commands it runs.
    setenv("PGPASSFILE", (std::string(state) + "/pgpass").c_str(), 0);
    std::ifstream uri_file(std::string(state) + "/uri");
    std::string uri;
    std::getline(uri_file, uri);
    if (uri.empty()) {
        throw std::runtime_error(std::string("no PostgreSQL server is running: ") + state + "/uri is missing");
    }
    return uri;
}

// The server, when the end-to-end tests run on that backend (CAMPAIGN_TEST_E2E_BACKEND=postgresql); empty on SQLite.
std::string postgres_server() {
    const char* backend = std::getenv("CAMPAIGN_TEST_E2E_BACKEND");
    if (!backend || std::string_view(backend) != "postgresql") {
        return {};
    }
    return server_uri();
}

// Runs one statement on the server, outside any transaction (CREATE and DROP DATABASE).
void on_server(const std::string& server, const std::string& sql) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(server.c_str()), &PQfinish);
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        throw std::runtime_error("cannot connect to " + server + ": " + PQerrorMessage(connection.get()));
    }
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
    }
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

bool has_ended(pid_t child) {
    siginfo_t info{};
    // WNOWAIT leaves it to be waited for, so that stop() still learns its exit code.
    return waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == child;
}

int exit_code_of(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

} // namespace

Background::~Background() {
    if (m_child > 0) {
        kill(m_child, SIGKILL);
        waitpid(m_child, nullptr, 0);
    }
}

Background::Background(Background&& other) noexcept
    : m_child(other.m_child), m_out(std::move(other.m_out)), m_err(std::move(other.m_err)) {
    other.m_child = -1;
}

std::string Background::wait_for_line(std::string_view prefix, std::chrono::milliseconds patience) const {
    auto deadline = std::chrono::steady_clock::now() + patience;
    for (;;) {
        // Looked at before the exit is: a server that printed its line and then failed still shows the line.
        bool ended = has_ended(m_child);
        std::istringstream lines(slurp(m_out));
        std::string line;
        while (std::getline(lines, line) && !lines.eof()) { // a line without its newline yet is not finished
            if (line.rfind(prefix, 0) == 0) {
                return line;
            }
        }
        if (ended || std::chrono::steady_clock::now() > deadline) {
            return {};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
}

std::string Background::out() const {
    return slurp(m_out);
}

std::string Background::err() const {
    return slurp(m_err);
}

void Background::signal(int signal) const {
    kill(m_child, signal);
}

bool Background::ended() const {
    return has_ended(m_child);
}

Result Background::stop(int signal) {
    kill(m_child, signal);
    int status = 0;
    pid_t waited = 0;
    for (int tick = 0; tick < 2000 && (waited = waitpid(m_child, &status, WNOHANG)) == 0; ++tick) {
        usleep(10000);
    }
    if (waited == 0) {
        kill(m_child, SIGKILL);
        waitpid(m_child, &status, 0);
    }
    m_child = -1;
    return {exit_code_of(status), out(), err()};
}

Workspace::Workspace() {
    auto pattern = (std::filesystem::temp_directory_path() / "campaign-e2e-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        throw std::runtime_error("cannot make a temporary folder");
    }
    m_path = pattern;
    m_server = postgres_server();
    if (!m_server.empty()) {
        m_database_name = "e2e_" + m_path.filename().string().substr(std::string("campaign-e2e-").size());
        std::transform(m_database_name.begin(), m_database_name.end(), m_database_name.begin(),
                       [](unsigned char c) { return std::isalnum(c) ? std::tolower(c) : '_'; });
        on_server(m_server, "CREATE DATABASE " + m_database_name);
        m_uri = m_server.substr(0, m_server.rfind('/') + 1) + m_database_name;
    }
}

Workspace::~Workspace() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
    if (!m_uri.empty()) {
        try {
            on_server(m_server, "DROP DATABASE IF EXISTS " + m_database_name + " WITH (FORCE)");
        } catch (const std::exception&) {
            // The server's cluster goes at the end of the suite anyway.
        }
    }
}

ServerDatabase::ServerDatabase() : m_server(server_uri()) {
    static int made = 0;
    m_name = "e2e_" + std::to_string(getpid()) + "_" + std::to_string(++made);
    on_server(m_server, "CREATE DATABASE " + m_name);
    m_uri = m_server.substr(0, m_server.rfind('/') + 1) + m_name;
}

ServerDatabase::~ServerDatabase() {
    try {
        on_server(m_server, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The server's cluster goes at the end of the suite anyway.
    }
}

std::string Workspace::crm() const {
    return m_uri.empty() ? database().string() : m_uri;
}

Workspace::Rows sqlite_rows(const std::filesystem::path& database, const std::string& sql) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, sql);
    Workspace::Rows rows;
    while (query.executeStep()) {
        std::vector<std::string> row;
        for (int i = 0; i < query.getColumnCount(); ++i) {
            row.push_back(query.getColumn(i).getString());
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Workspace::Rows postgresql_rows(const std::string& uri, const std::string& sql) {
    Workspace::Rows rows;
    std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(uri.c_str()), &PQfinish);
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        throw std::runtime_error("cannot connect to " + uri + ": " + PQerrorMessage(connection.get()));
    }
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
        throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
    }
    for (int r = 0; r < PQntuples(result.get()); ++r) {
        std::vector<std::string> row;
        for (int c = 0; c < PQnfields(result.get()); ++c) {
            row.emplace_back(PQgetvalue(result.get(), r, c));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Workspace::Rows Workspace::query_crm(const std::string& sql) const {
    return m_uri.empty() ? sqlite_rows(database(), sql) : postgresql_rows(m_uri, sql);
}

long long Workspace::count_in_crm(const std::string& sql) const {
    auto rows = query_crm(sql);
    return rows.empty() || rows[0].empty() || rows[0][0].empty() ? 0 : std::stoll(rows[0][0]);
}

std::string Workspace::environment_prefix() const {
    return m_uri.empty() ? "env -u CAMPAIGN_DB " : "env CAMPAIGN_DB=" + quote(m_uri) + " ";
}

Result Workspace::run(const std::vector<std::string>& arguments) const {
    std::string command = environment_prefix() + quote(CAMPAIGN_BINARY);
    for (const auto& argument : arguments) {
        command += " " + quote(argument);
    }
    return run_command(command);
}

Result Workspace::run_shell(const std::string& command_line) const {
    auto script = "campaign() { " + quote(CAMPAIGN_BINARY) + " \"$@\"; }; " + command_line;
    return run_command(environment_prefix() + "bash -c " + quote(script));
}

Result Workspace::run_command(const std::string& shell_command) const {
    auto command = "cd " + quote(m_path.string()) + " && " + shell_command;
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

// Starts the binary in the workspace with stdout and stderr going to files there; the caller waits for it.
pid_t Workspace::spawn(const std::vector<std::string>& arguments, const std::string& output, const std::string& errors,
                       const Environment& environment) const {
    std::vector<std::string> words{CAMPAIGN_BINARY};
    words.insert(words.end(), arguments.begin(), arguments.end());
    auto out = (m_path / output).string();
    auto err = (m_path / errors).string();
    // What the test printed and has not flushed would otherwise be written again by the child, when it reopens stdout.
    std::fflush(nullptr);
    pid_t child = fork();
    if (child == 0) {
        std::vector<char*> argv;
        for (auto& word : words) {
            argv.push_back(word.data());
        }
        argv.push_back(nullptr);
        if (chdir(m_path.c_str()) != 0 || !freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr)) {
            _exit(127);
        }
        if (m_uri.empty()) {
            unsetenv("CAMPAIGN_DB");
        } else {
            setenv("CAMPAIGN_DB", m_uri.c_str(), 1);
        }
        for (const auto& [name, value] : environment) {
            setenv(name.c_str(), value.c_str(), 1);
        }
        execv(argv[0], argv.data());
        _exit(127);
    }
    return child;
}

Result Workspace::collect(int status) const {
    Result result;
    result.exit_code = exit_code_of(status);
    result.out = slurp(m_path / ".stdout");
    result.err = slurp(m_path / ".stderr");
    return result;
}

Result Workspace::run_killed_when_grown(const std::filesystem::path& watched, std::uintmax_t bytes,
                                        const std::vector<std::string>& arguments) const {
    auto child = spawn(arguments);
    int status = 0;
    // Polled for at most a minute: a run that never writes that much is not killed, and the caller sees why.
    for (int tick = 0; tick < 6000 && waitpid(child, &status, WNOHANG) == 0; ++tick) {
        std::error_code ignored;
        if (std::filesystem::file_size(m_path / watched, ignored) > bytes && !ignored) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
            break;
        }
        usleep(10000);
    }
    return collect(status);
}

Result Workspace::run_signalled_after(int signal, std::chrono::milliseconds delay,
                                      const std::vector<std::string>& arguments) const {
    auto child = spawn(arguments);
    int status = 0;
    usleep(static_cast<useconds_t>(delay.count() * 1000));
    if (waitpid(child, &status, WNOHANG) == 0) {
        kill(child, signal);
        waitpid(child, &status, 0);
    }
    return collect(status);
}

Background Workspace::start(const std::vector<std::string>& arguments, const Environment& environment) const {
    static int started = 0;
    auto name = ".background-" + std::to_string(++started);
    return {spawn(arguments, name + ".stdout", name + ".stderr", environment), m_path / (name + ".stdout"),
            m_path / (name + ".stderr")};
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

std::vector<std::string> commands_in_help(const std::string& help) {
    std::vector<std::string> names;
    std::istringstream lines(help);
    std::string line;
    bool listing = false;
    while (std::getline(lines, line)) {
        if (line == "Subcommands:") {
            listing = true;
        } else if (listing && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
            names.push_back(line.substr(2, line.find(' ', 2) - 2));
        } else if (listing && line.empty()) {
            listing = false;
        }
    }
    return names;
}

std::string prospects_csv(const std::string& slug, const std::string& tag, int count) {
    std::string csv = "first_name,last_name,linkedin_url,company,tags\n";
    for (int i = 1; i <= count; ++i) {
        csv += "P" + std::to_string(i) + ",Tester,https://www.linkedin.com/in/" + slug + "-p" + std::to_string(i) +
               ",Acme," + tag + "\n";
    }
    return csv;
}

} // namespace campaign::e2e
