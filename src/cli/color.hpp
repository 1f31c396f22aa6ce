// Colour where it helps a person read: the error:, warning: and note: of messages, the state of a sender. Only on a
// terminal, never with NO_COLOR set (https://no-color.org), unless --color always says otherwise.
#pragma once

#include <streambuf>
#include <string>
#include <string_view>

namespace campaign::cli {

// --color never|auto|always for the output `fd` (STDOUT_FILENO, STDERR_FILENO): auto colours a terminal that is not
// TERM=dumb, when NO_COLOR is not set to anything.
bool use_color(std::string_view choice, int fd);

// The line with its "error:", "warning:" or "note:" (at its start, or after its file:line:col) in colour.
std::string painted_line(std::string_view line);

std::string in_green(std::string_view text);
std::string in_red(std::string_view text);

// Passes what is written on to `target`, each line painted with painted_line() once painting is on.
class PaintingBuffer : public std::streambuf {
public:
    explicit PaintingBuffer(std::streambuf* target) : m_target(target) {}
    ~PaintingBuffer() override { write_pending(); } // a last line without its newline
    PaintingBuffer(const PaintingBuffer&) = delete;
    PaintingBuffer& operator=(const PaintingBuffer&) = delete;
    void paint(bool on) { m_paint = on; }

protected:
    int_type overflow(int_type c) override;
    int sync() override;

private:
    void write_pending();

    std::streambuf* m_target;
    bool m_paint = false;
    std::string m_line;
};

} // namespace campaign::cli
