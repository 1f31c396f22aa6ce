#include "core/table.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace campaign::core {

namespace {

// A cell on one line: a line break or a tab in a value would start a new row or break the columns, and other control
// characters would reach the terminal. They show as C would write them.
std::string one_line(const std::string& cell) {
    auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; };
    if (std::none_of(cell.begin(), cell.end(), control)) {
        return cell;
    }
    constexpr std::string_view k_digits = "0123456789abcdef";
    std::string escaped;
    for (char c : cell) {
        if (c == '\n') {
            escaped += "\\n";
        } else if (c == '\r') {
            escaped += "\\r";
        } else if (c == '\t') {
            escaped += "\\t";
        } else if (control(c)) {
            auto byte = static_cast<unsigned char>(c);
            escaped += std::string("\\x") + k_digits[byte >> 4] + k_digits[byte & 0xF];
        } else {
            escaped += c;
        }
    }
    return escaped;
}

std::string cut(const std::string& cell, std::size_t max_width) {
    if (display_width(cell) <= max_width) {
        return cell;
    }
    // Cut on a code point boundary, leaving room for the ellipsis.
    std::size_t bytes = 0;
    for (;;) {
        std::size_t next = bytes + 1;
        while (next < cell.size() && (static_cast<unsigned char>(cell[next]) & 0xC0) == 0x80) {
            ++next;
        }
        if (display_width(std::string_view(cell).substr(0, next)) > max_width - 1) {
            break;
        }
        bytes = next;
    }
    return cell.substr(0, bytes) + "…";
}

} // namespace

void print_table(std::ostream& out, const Row& header, const std::vector<Row>& rows, std::size_t max_width) {
    std::vector<std::size_t> widths(header.size());
    auto measure = [&widths, max_width](const Row& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], std::min(display_width(one_line(row[i])), max_width));
        }
    };
    measure(header);
    std::for_each(rows.begin(), rows.end(), measure);
    auto print_row = [&out, &widths, max_width](const Row& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            bool last = i + 1 == row.size();
            auto cell = last ? one_line(row[i]) : cut(one_line(row[i]), max_width); // nothing to align after the last
            line += cell;
            if (!last) {
                line += std::string(widths[i] - display_width(cell) + 2, ' ');
            }
        }
        out << line << '\n';
    };
    print_row(header);
    std::for_each(rows.begin(), rows.end(), print_row);
}

void print_csv_row(std::ostream& out, const Row& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& field = fields[i];
        if (i > 0) {
            out << ',';
        }
        if (field.find_first_of(",\"\r\n") == std::string::npos) {
            out << field;
            continue;
        }
        out << '"';
        for (char c : field) {
            out << c;
            if (c == '"') {
                out << '"';
            }
        }
        out << '"';
    }
    out << '\n';
}

} // namespace campaign::core
