#include <catch2/catch.hpp>
#include <sstream>

#include "core/table.hpp"

using namespace campaign::core;

namespace {

std::string table_of(const Row& header, const std::vector<Row>& rows, std::size_t max_width = 40) {
    std::ostringstream out;
    print_table(out, header, rows, max_width);
    return out.str();
}

} // namespace

TEST_CASE("a table pads its columns to the widest cell, in terminal columns", "[core]") {
    CHECK(table_of({"ID", "NAME", "TITLE"}, {{"1", "Zoë", "CEO"}, {"12", "婷 陈", "CRO"}}) == "ID  NAME   TITLE\n"
                                                                                              "1   Zoë    CEO\n"
                                                                                              "12  婷 陈  CRO\n");
}

TEST_CASE("line breaks and tabs inside a cell show escaped, so that a row stays on its line", "[core]") {
    auto table = table_of({"ID", "TITLE", "COMPANY"},
                          {{"1", "Head of Sales\nEMEA", "Acme\tLtd"}, {"2", "CEO\r\n", "Quillfern"}});
    CHECK(table == "ID  TITLE                COMPANY\n"
                   "1   Head of Sales\\nEMEA  Acme\\tLtd\n"
                   "2   CEO\\r\\n              Quillfern\n");
}

TEST_CASE("other control characters in a cell do not reach the terminal", "[core]") {
    CHECK(table_of({"NAME"}, {{"\x1b[31mred\x1b[0m"}, {"bell\x07"}}) == "NAME\n"
                                                                        "\\x1b[31mred\\x1b[0m\n"
                                                                        "bell\\x07\n");
}

TEST_CASE("an escaped cell is cut to the column's width like any other", "[core]") {
    CHECK(table_of({"TITLE", "ID"}, {{"one\ntwo\nthree", "7"}}, 10) == "TITLE       ID\n"
                                                                       "one\\ntwo\\…  7\n");
}
