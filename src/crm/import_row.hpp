// One line of an import read as a prospect: its values by the header's columns, and the person it is about.
#pragma once

#include <string>
#include <vector>

#include "core/prospect.hpp"
#include "crm/columns.hpp"
#include "crm/csv_reader.hpp"

namespace campaign::crm {

struct ImportRow {
    core::Prospect prospect;       // everything but the profile URL
    std::vector<std::string> urls; // of every profile URL column, in order
    std::string member_id;         // of a member id column, as written
};

ImportRow read_row(const std::vector<Column>& columns, const CsvRecord& record);

struct RowIdentity {
    std::string url;       // normalized; empty when the row names no profile
    std::string member_id; // LinkedIn's id of the member, when the row gives it
    std::string problem;   // why there is no URL

    explicit operator bool() const { return !url.empty(); }
};

// Who a row is about: the first of its URLs that is a public profile (linkedin.com/in/<name>), else the first that
// is a member id URL (/in/ACoAA...), as exports often have both; and the member id of a member id column, else of a
// member id URL among its columns.
RowIdentity identify(const ImportRow& row);

} // namespace campaign::crm
