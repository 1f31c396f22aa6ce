#include "store/connection.hpp"

#include <stdexcept>

namespace campaign::store {

int Statement::run() {
    while (m_impl->step()) {
    }
    auto written = m_impl->changes();
    m_impl->reset();
    return written;
}

std::int64_t StatementImpl::insert() {
    if (!step()) {
        throw std::logic_error("an insert returned no id");
    }
    auto id = integer(0);
    reset();
    return id;
}

std::optional<std::int64_t> StatementImpl::try_insert() {
    if (!step()) {
        reset();
        return std::nullopt;
    }
    auto id = integer(0);
    reset();
    return id;
}

int Statement::named(const char* name) const {
    auto index = m_impl->parameter_index(name);
    if (index == 0) {
        throw std::logic_error(std::string("no parameter ") + name + " in the statement");
    }
    return index;
}

void Statement::try_reset() noexcept {
    try {
        m_impl->reset();
    } catch (...) {
        // The statement's error was said when it ran.
    }
}

std::int64_t query_integer(Connection& connection, const std::string& sql) {
    Statement query(connection, sql);
    return query.step() ? query.column(0).integer() : 0;
}

void Connection::try_execute(const std::string& sql) noexcept {
    try {
        execute(sql);
    } catch (...) {
        // What failed was said where it did.
    }
}

Backend backend_of(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://") ? Backend::postgresql
                                                                                        : Backend::sqlite;
}

} // namespace campaign::store
