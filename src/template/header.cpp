#include "template/header.hpp"

#include "core/text.hpp"

namespace campaign::templating {

namespace {

constexpr std::string_view k_fence = "---";

struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;  // before the '\n'
    std::size_t next = 0; // after it
    int number = 0;
};

Line line_at(std::string_view text, std::size_t begin, int number) {
    auto end = text.find('\n', begin);
    if (end == std::string_view::npos) {
        return {begin, text.size(), text.size(), number};
    }
    return {begin, end, end + 1, number};
}

class HeaderReader {
public:
    HeaderReader(std::string_view text, const std::string& file, core::Diagnostics& diagnostics)
        : m_text(text), m_file(file), m_diagnostics(diagnostics) {}

    // Returns false when the line ends the header.
    bool read(const Line& line, Header& header);

private:
    core::SourceLocation where(const Line& line, std::size_t offset) const {
        return {m_file, line.number,
                static_cast<int>(core::utf8_length(m_text.substr(line.begin, offset - line.begin)) + 1)};
    }
    void error(core::SourceLocation location, std::string message) {
        m_diagnostics.push_back({std::move(location), std::move(message)});
    }

    std::string_view m_text;
    const std::string& m_file;
    core::Diagnostics& m_diagnostics;
};

bool HeaderReader::read(const Line& line, Header& header) {
    auto content = m_text.substr(line.begin, line.end - line.begin);
    if (core::trim(content) == k_fence) {
        header.body_begin = line.next;
        return false;
    }
    if (core::trim(content).empty()) {
        return true;
    }
    auto colon = content.find(':');
    if (colon == std::string_view::npos) {
        error(where(line, line.begin), "a header line is 'key: value', not '" + std::string(core::trim(content)) + "'");
        return true;
    }
    auto key = core::trim(content.substr(0, colon));
    auto value = core::trim(content.substr(colon + 1));
    auto value_begin = value.empty() ? line.end : static_cast<std::size_t>(value.data() - m_text.data());
    if (key == "subject") {
        header.subject = std::pair{value_begin, value_begin + value.size()};
    } else if (key == "shorter") {
        header.shorter = std::string(value);
        header.shorter_location = where(line, value_begin);
    } else {
        auto suggestion = core::closest_match(key, k_header_keys);
        error(where(line, line.begin), "unknown header key '" + std::string(key) + "'" +
                                           (suggestion ? " (did you mean '" + *suggestion + "'?)" : ""));
    }
    return true;
}

} // namespace

Header parse_header(std::string_view text, const std::string& file, core::Diagnostics& diagnostics) {
    Header header;
    auto first = line_at(text, 0, 1);
    if (core::trim(text.substr(first.begin, first.end - first.begin)) != k_fence) {
        return header;
    }
    auto first_problem = diagnostics.size(); // an unclosed header is reported before the lines it swallowed
    HeaderReader reader(text, file, diagnostics);
    for (auto line = line_at(text, first.next, 2); line.begin < text.size();
         line = line_at(text, line.next, line.number + 1)) {
        if (!reader.read(line, header)) {
            return header;
        }
    }
    diagnostics.insert(diagnostics.begin() + static_cast<std::ptrdiff_t>(first_problem),
                       {{file, 1, 1}, "the header that starts with '---' has no closing '---' line"});
    header.body_begin = text.size();
    return header;
}

} // namespace campaign::templating
