// The schema of a CRM on PostgreSQL (store/postgres_schema.cpp), and the version of SQLite's migrations it matches.
#pragma once

#include <string_view>

namespace campaign::store {

int postgres_schema_version();
std::string_view postgres_schema();

} // namespace campaign::store
