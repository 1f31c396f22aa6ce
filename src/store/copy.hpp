// A whole CRM copied from one database into another, on either backend: `campaign db copy`, for a team that moves
// from a SQLite file to a PostgreSQL server or takes a file of a shared CRM, and the rehearsal of a CRM on a server,
// which is a SQLite file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace campaign::store {

// What a table holds, summed up: its rows and a digest of them that does not depend on their order or on the backend
// (numbers as numbers, text as its bytes).
struct TableSummary {
    std::string table;
    std::int64_t rows = 0;
    std::string digest; // 32 hexadecimal digits
};

// What every table of the CRM holds, in the order they are copied.
std::vector<TableSummary> summarize(Database& database);

// Copies every row of `from` into `to`, which must hold none (core::UserError otherwise): from one read snapshot of
// `from`, in one transaction of `to`, which is committed only once each of its tables has the same rows and digest
// as in `from` (core::RuntimeFailure otherwise, and `to` is left as it was). Returns the summary both share.
std::vector<TableSummary> copy_database(Database& from, Database& to);

} // namespace campaign::store
