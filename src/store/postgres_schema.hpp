// The schema of a CRM on PostgreSQL (store/postgres_schema.cpp): the base, which matches SQLite's schema at the base
// version, and the migrations after it, the first of which is number postgres_base_version() + 1.
#pragma once

#include <span>
#include <string_view>

namespace campaign::store {

int postgres_base_version();
std::string_view postgres_schema();
std::span<const std::string_view> postgres_migrations();

} // namespace campaign::store
