#include "triage/body.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace campaign::triage {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = text.substr(0, end);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return lines;
}

// One sentence of the whole line, so that a pattern can span its punctuation ("On Tue, 3 Mar 2026 at 10:12, Anna
// wrote:").
Sentence line_words(std::string_view line) {
    Sentence all;
    for (auto& sentence : read_sentences(line)) {
        for (auto& word : sentence.words) {
            all.words.push_back(std::move(word));
        }
    }
    return all;
}

bool any_match(const std::vector<const BodyWords*>& body, std::vector<Pattern> BodyWords::*list, const Sentence& words,
               bool whole) {
    return std::any_of(body.begin(), body.end(), [&](const BodyWords* language) {
        return std::any_of((language->*list).begin(), (language->*list).end(), [&](const Pattern& pattern) {
            if (whole) {
                auto end = pattern.match_at(words, 0);
                return end && *end == words.words.size();
            }
            return pattern.match_at(words, 0).has_value();
        });
    });
}

bool is_header_field(const std::vector<const BodyWords*>& body, std::string_view line) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 40) {
        return false;
    }
    auto name = fold(core::trim(line.substr(0, colon)));
    if (name.starts_with('*')) { // "*From:*" in mail clients that write Markdown
        name.erase(0, 1);
    }
    return std::any_of(body.begin(), body.end(), [&name](const BodyWords* language) {
        return std::find(language->header_fields.begin(), language->header_fields.end(), name) !=
               language->header_fields.end();
    });
}

bool is_rule_line(std::string_view line) {
    // "-- " before a signature, "-----Original Message-----", "________________" before Outlook's quote.
    if (line == "--" || line == "-- ") {
        return true;
    }
    auto trimmed = core::trim(line);
    auto dashes = std::count_if(trimmed.begin(), trimmed.end(), [](char c) { return c == '-' || c == '_'; });
    return trimmed.size() >= 5 && dashes >= 5;
}

} // namespace

std::string written_part(std::string_view text, const std::vector<const BodyWords*>& body) {
    auto lines = lines_of(text);
    std::string written;
    bool content = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto line = core::trim(lines[i]);
        if (line.starts_with('>')) {
            continue;
        }
        if (is_rule_line(lines[i])) {
            break;
        }
        if (is_header_field(body, line) && i + 1 < lines.size() && is_header_field(body, core::trim(lines[i + 1]))) {
            break;
        }
        auto words = line_words(line);
        if (!words.words.empty()) {
            if (any_match(body, &BodyWords::quote_headers, words, false)) {
                break;
            }
            // A header written over two lines: "On Tue, 3 Mar 2026 at 10:12, Anna Berg <" and "anna@x.com> wrote:".
            if (i + 1 < lines.size()) {
                auto joined = line_words(std::string(line) + " " + std::string(core::trim(lines[i + 1])));
                if (any_match(body, &BodyWords::quote_headers, joined, false) &&
                    !any_match(body, &BodyWords::quote_headers, line_words(core::trim(lines[i + 1])), false)) {
                    break;
                }
            }
            if (content && (any_match(body, &BodyWords::closings, words, true) ||
                            any_match(body, &BodyWords::footers, words, false))) {
                break;
            }
            content = true;
        }
        written.append(lines[i]);
        written += '\n';
    }
    return written;
}

} // namespace campaign::triage
