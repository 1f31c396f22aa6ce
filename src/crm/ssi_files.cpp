#include "crm/ssi_files.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/text.hpp"
#include "crm/ssi_reading.hpp"

namespace campaign::crm {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw core::UserError(path.string() + ": error: cannot read the file");
    }
    std::ostringstream text;
    text << input.rdbuf();
    return text.str();
}

std::optional<double> parse_number(std::string_view text) {
    text = core::trim(text);
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<int> parse_rank(std::string_view text) {
    std::string lowered = core::to_lower_ascii(core::trim(text));
    std::string_view rest = lowered;
    if (rest.starts_with("top")) {
        rest = core::trim(rest.substr(3));
    }
    if (rest.ends_with('%')) {
        rest = core::trim(rest.substr(0, rest.size() - 1));
    }
    int value = 0;
    auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (rest.empty() || error != std::errc{} || end != rest.data() + rest.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> date_text_in_name(const std::filesystem::path& path) {
    static const std::regex k_date(R"((\d{4}-\d{2}-\d{2}))");
    auto name = path.filename().string();
    std::smatch match;
    if (!std::regex_search(name, match, k_date)) {
        return std::nullopt;
    }
    return match.str(1);
}

namespace {

bool looks_like_json(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    char c = 0;
    while (input.get(c)) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            return c == '{' || c == '[';
        }
    }
    return path.extension() == ".json";
}

void read_ssi_file(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take,
                   Problems& problems) {
    problems.opened_file();
    if (looks_like_json(path)) {
        read_ssi_json(path, options, take, problems);
    } else {
        read_ssi_csv(path, options, take, problems);
    }
}

} // namespace

std::optional<core::Day> day_in_name(const std::filesystem::path& path) {
    auto text = date_text_in_name(path);
    return text ? core::parse_day(*text) : std::nullopt;
}

ReadSummary read_fetched_ssi(const std::string& answer, const std::string& source, const SsiReadOptions& options,
                             const TakeSnapshot& take) {
    Problems problems;
    problems.opened_file();
    read_ssi_answer(answer, source, options, take, problems);
    return problems.finish();
}

ReadSummary read_ssi(const std::filesystem::path& path, const SsiReadOptions& options, const TakeSnapshot& take) {
    Problems problems;
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
        read_ssi_file(path, options, take, problems);
        return problems.finish();
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
        auto extension = core::to_lower_ascii(entry.path().extension().string());
        if (entry.is_regular_file() && (extension == ".json" || extension == ".csv")) {
            files.push_back(entry.path());
        }
    }
    if (files.empty()) {
        throw core::UserError(path.string() + ": error: the folder holds no .csv or .json files");
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        read_ssi_file(file, options, take, problems);
    }
    return problems.finish();
}

} // namespace campaign::crm
