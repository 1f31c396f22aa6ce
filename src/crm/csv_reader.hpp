// A streaming CSV reader (RFC 4180 and what spreadsheets really write): quoted fields with commas, quotes and line
// breaks inside, CRLF or LF, an optional UTF-8 byte order mark, and a comma, semicolon or tab delimiter.
#pragma once

#include <cstdint>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

namespace campaign::crm {

// A problem that makes the rest of the file unreadable, at the line where it starts.
class CsvError : public std::runtime_error {
public:
    CsvError(int line, const std::string& message) : std::runtime_error(message), m_line(line) {}
    int line() const { return m_line; }

private:
    int m_line;
};

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0; // the line the record starts on, 1-based

    bool is_blank() const;
};

class CsvReader {
public:
    explicit CsvReader(std::istream& input, char delimiter = ',');

    // Reads the next record into `record`; false at the end of the input.
    // Throws CsvError on a quoted field that never closes.
    bool next(CsvRecord& record);

    std::uint64_t bytes_read() const { return m_bytes_read; }

private:
    int get();
    int peek();

    std::istream& m_input;
    char m_delimiter;
    int m_line = 1;
    std::uint64_t m_bytes_read = 0;
};

// The delimiter a header line most likely uses: the most frequent of comma, semicolon and tab outside quotes.
char guess_delimiter(const std::string& header_line);

} // namespace campaign::crm
