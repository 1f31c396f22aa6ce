#include "store/connection.hpp"

namespace campaign::store {

int Statement::run() {
    while (m_impl->step()) {
    }
    auto written = m_impl->changes();
    m_impl->reset();
    return written;
}

Backend backend_of(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://") ? Backend::postgresql
                                                                                        : Backend::sqlite;
}

} // namespace campaign::store
