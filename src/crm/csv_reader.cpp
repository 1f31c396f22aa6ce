#include "crm/csv_reader.hpp"

#include <algorithm>
#include <array>

namespace campaign::crm {

bool CsvRecord::is_blank() const {
    return std::all_of(fields.begin(), fields.end(),
                       [](const std::string& field) { return field.find_first_not_of(" \t") == std::string::npos; });
}

CsvReader::CsvReader(std::istream& input, char delimiter) : m_input(input), m_delimiter(delimiter) {
    // A UTF-8 byte order mark is not part of the first column's name.
    constexpr std::string_view k_bom = "\xEF\xBB\xBF";
    std::array<char, 3> start{};
    m_input.read(start.data(), start.size());
    auto got = static_cast<std::size_t>(m_input.gcount());
    if (got == 3 && std::string_view(start.data(), 3) == k_bom) {
        m_bytes_read = 3;
        return;
    }
    m_input.clear();
    m_input.seekg(0);
}

// Straight from the stream buffer: istream::get() takes a lock and builds a sentry for every character.
int CsvReader::get() {
    int c = m_input.rdbuf()->sbumpc();
    if (c != std::char_traits<char>::eof()) {
        ++m_bytes_read;
    }
    return c;
}

int CsvReader::peek() {
    return m_input.rdbuf()->sgetc();
}

bool CsvReader::next(CsvRecord& record) {
    constexpr int k_eof = std::char_traits<char>::eof();
    record.fields.clear();
    record.line = m_line;
    if (peek() == k_eof) {
        return false;
    }
    std::string field;
    bool quoted = false;     // inside a quoted section of the field
    bool was_quoted = false; // the field started with a quote
    for (;;) {
        int c = get();
        if (quoted) {
            if (c == k_eof) {
                throw CsvError(record.line, "a quoted field starts here and never ends");
            }
            if (c == '"') {
                if (peek() == '"') {
                    get();
                    field += '"';
                } else {
                    quoted = false;
                }
                continue;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                ++m_line; // a lone CR ends a line here as it does outside quotes
            }
            field += static_cast<char>(c);
            continue;
        }
        if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
            continue;
        }
        if (c == m_delimiter) {
            record.fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
            continue;
        }
        if (c == '\r' && peek() == '\n') {
            continue; // CRLF ends the record at the '\n'
        }
        if (c == '\n' || c == '\r' || c == k_eof) {
            if (c != k_eof) {
                ++m_line;
            }
            record.fields.push_back(std::move(field));
            return true;
        }
        field += static_cast<char>(c);
    }
}

char guess_delimiter(const std::string& header_line) {
    std::array<std::pair<char, int>, 3> counts{{{',', 0}, {';', 0}, {'\t', 0}}};
    bool quoted = false;
    for (char c : header_line) {
        if (c == '"') {
            quoted = !quoted;
        }
        for (auto& [delimiter, count] : counts) {
            if (!quoted && c == delimiter) {
                ++count;
            }
        }
    }
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return best->second > 0 ? best->first : ',';
}

} // namespace campaign::crm
