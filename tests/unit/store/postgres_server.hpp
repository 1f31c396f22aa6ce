// A database of its own for one test on the suite's PostgreSQL server (scripts/lib/postgres.sh, which CTest starts
// before the tests tagged [postgresql] and stops after them), dropped when the test ends. Header-only, for every
// module's tests.
#pragma once

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "store/connection.hpp"

namespace campaign::test {

class PostgresDatabase {
public:
    PostgresDatabase() {
        const char* state = std::getenv("CAMPAIGN_TEST_POSTGRESQL");
        if (!state || !*state) {
            throw std::runtime_error("CAMPAIGN_TEST_POSTGRESQL is not set: run the tests tagged [postgresql] through "
                                     "ctest, which starts their server");
        }
        // libpq reads the password from the file, as it would from ~/.pgpass.
        setenv("PGPASSFILE", (std::string(state) + "/pgpass").c_str(), 0);
        std::ifstream uri_file(std::string(state) + "/uri");
        std::getline(uri_file, m_server);
        if (m_server.empty()) {
            throw std::runtime_error(std::string("no server is running: ") + state + "/uri is missing");
        }
        static std::atomic<int> made{0};
        m_name = "test_" + std::to_string(getpid()) + "_" + std::to_string(++made);
        server().execute("CREATE DATABASE " + m_name);
        m_uri = m_server.substr(0, m_server.rfind('/') + 1) + m_name;
    }
    ~PostgresDatabase() {
        try {
            server().execute("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        } catch (const std::exception&) {
            // The server's cluster goes at the end of the suite anyway.
        }
    }
    PostgresDatabase(const PostgresDatabase&) = delete;
    PostgresDatabase& operator=(const PostgresDatabase&) = delete;

    // The database's libpq URI, without a password (libpq reads it from PGPASSFILE).
    const std::string& uri() const { return m_uri; }
    // The server's own, for what a test does around its database.
    const std::string& server_uri() const { return m_server; }

private:
    store::Connection& server() {
        if (!m_connection) {
            m_connection = store::open_postgresql(m_server);
        }
        return *m_connection;
    }

    std::string m_server;
    std::string m_name;
    std::string m_uri;
    std::unique_ptr<store::Connection> m_connection;
};

} // namespace campaign::test
