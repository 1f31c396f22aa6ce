#include "cli/color.hpp"

#include <array>
#include <cstdlib>
#include <unistd.h>

namespace campaign::cli {

namespace {

constexpr std::string_view k_reset = "\033[0m";

struct Prefix {
    std::string_view word; // "error:"
    std::string_view color;
};

// As GCC and Clang paint them.
constexpr std::array<Prefix, 3> k_prefixes{Prefix{"error:", "\033[1;31m"}, Prefix{"warning:", "\033[1;35m"},
                                           Prefix{"note:", "\033[1;36m"}};

std::string colored(std::string_view color, std::string_view text) {
    return std::string(color) + std::string(text) + std::string(k_reset);
}

} // namespace

bool use_color(std::string_view choice, int fd) {
    if (choice == "always") {
        return true;
    }
    if (choice == "never" || std::getenv("NO_COLOR") != nullptr) {
        return false;
    }
    const char* term = std::getenv("TERM");
    return isatty(fd) != 0 && !(term && std::string_view(term) == "dumb");
}

std::string painted_line(std::string_view line) {
    std::size_t at = std::string_view::npos;
    const Prefix* found = nullptr;
    for (const auto& prefix : k_prefixes) {
        std::size_t here = std::string_view::npos;
        if (line.substr(0, prefix.word.size() + 1) == std::string(prefix.word) + " ") {
            here = 0;
        } else if (auto after_place = line.find(": " + std::string(prefix.word) + " ");
                   after_place != std::string_view::npos) {
            here = after_place + 2;
        }
        if (here < at) {
            at = here;
            found = &prefix;
        }
    }
    if (!found) {
        return std::string(line);
    }
    return std::string(line.substr(0, at)) + colored(found->color, found->word) +
           std::string(line.substr(at + found->word.size()));
}

std::string in_green(std::string_view text) {
    return colored("\033[32m", text);
}

std::string in_red(std::string_view text) {
    return colored("\033[1;31m", text);
}

PaintingBuffer::int_type PaintingBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) {
        return traits_type::not_eof(c);
    }
    m_line += traits_type::to_char_type(c);
    if (m_line.back() == '\n') {
        write_pending();
    }
    return c;
}

int PaintingBuffer::sync() {
    write_pending();
    return m_target->pubsync();
}

void PaintingBuffer::write_pending() {
    auto text = m_paint ? painted_line(m_line) : m_line;
    m_target->sputn(text.data(), static_cast<std::streamsize>(text.size()));
    m_line.clear();
}

} // namespace campaign::cli
