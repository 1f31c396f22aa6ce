#include "config/triage_rules_loader.hpp"

#include <algorithm>
#include <map>

#include "config/yaml_reader.hpp"
#include "core/text.hpp"
#include "triage/text.hpp"

namespace campaign::config {

using triage::LanguageRules;
using triage::Pattern;

namespace {

const std::vector<std::string_view> k_top_keys{"language",  "name",    "replace", "letters", "words",
                                               "negations", "classes", "dates",   "body"};
const std::vector<std::string_view> k_date_lists{"until", "inclusive", "through", "back", "from",
                                                 "in",    "early",     "mid",     "end",  "next"};
const std::vector<std::string_view> k_relative_names{"tomorrow",  "next_week",      "next_month",   "end_of_month",
                                                     "next_year", "after_holidays", "after_summer", "after_easter"};
const std::vector<std::string_view> k_unit_names{"day", "week", "month", "quarter", "half", "year"};

class RulesReader {
public:
    RulesReader(YamlReader& reader, LanguageRules& rules) : m_reader(reader), m_rules(rules) {}

    void read(const YAML::Node& root) {
        if (auto letters = root["letters"]; letters && letters.IsScalar()) {
            read_letters(letters.Scalar());
        } else if (letters && !letters.IsNull()) {
            m_reader.error(letters, "'letters' must be a string of letters");
        }
        if (auto words = m_reader.strings(root, "words")) {
            for (const auto& word : *words) {
                m_rules.words.push_back(triage::fold(core::trim(word)));
            }
            std::sort(m_rules.words.begin(), m_rules.words.end());
        }
        patterns(root, "negations", m_rules.negations);
        if (auto classes = root["classes"]; classes && m_reader.check_map(classes, "'classes'", class_names())) {
            read_classes(classes);
        }
        std::vector<std::string_view> date_keys{"months", "weekdays",        "numbers",          "ordinals",
                                                "units",  "quarter_letters", "lowercase_months", "relative"};
        date_keys.insert(date_keys.end(), k_date_lists.begin(), k_date_lists.end());
        if (auto dates = root["dates"]; dates && m_reader.check_map(dates, "'dates'", date_keys)) {
            read_dates(dates);
        }
        if (auto body = root["body"];
            body && m_reader.check_map(body, "'body'", {"quote_headers", "header_fields", "closings", "footers"})) {
            patterns(body, "quote_headers", m_rules.body.quote_headers);
            patterns(body, "closings", m_rules.body.closings);
            patterns(body, "footers", m_rules.body.footers);
            if (auto fields = m_reader.strings(body, "header_fields")) {
                for (const auto& field : *fields) {
                    m_rules.body.header_fields.push_back(triage::fold(core::trim(field)));
                }
            }
        }
    }

private:
    static std::vector<std::string_view> class_names() {
        std::vector<std::string_view> names;
        for (auto reply_class : core::k_reply_classes) {
            names.push_back(core::to_string(reply_class));
        }
        return names;
    }

    bool is_map(const YAML::Node& node, std::string_view key) {
        if (!node.IsMap()) {
            m_reader.error(node, "'" + std::string(key) + "' must be a map of names to values");
            return false;
        }
        return true;
    }

    void read_letters(std::string_view letters) {
        for (std::size_t at = 0; at < letters.size();) {
            auto lead = static_cast<unsigned char>(letters[at]);
            std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            auto letter = letters.substr(at, size);
            if (letter != " " && letter != ",") {
                m_rules.letters.emplace_back(letter);
            }
            at += size;
        }
    }

    void patterns(const YAML::Node& map, std::string_view key, std::vector<Pattern>& into) {
        auto node = map[std::string(key)];
        if (!node) {
            return;
        }
        if (!m_reader.check_sequence(node, "'" + std::string(key) + "'")) {
            return;
        }
        for (const auto& item : node) {
            auto text = m_reader.scalar(item, "each pattern of '" + std::string(key) + "'");
            if (!text) {
                continue;
            }
            std::string error;
            if (auto pattern = Pattern::compile(*text, error)) {
                into.push_back(std::move(*pattern));
            } else {
                m_reader.error(item, "'" + std::string(key) + "': " + error);
            }
        }
    }

    void read_classes(const YAML::Node& classes) {
        for (auto reply_class : core::k_reply_classes) {
            auto name = std::string(core::to_string(reply_class));
            auto node = classes[name];
            if (!node || !m_reader.check_map(node, "'" + name + "'", {"strong", "weak"})) {
                continue;
            }
            patterns(node, "strong", m_rules.of(reply_class).strong);
            patterns(node, "weak", m_rules.of(reply_class).weak);
        }
    }

    void numbers(const YAML::Node& dates, std::string_view key, int minimum, int maximum,
                 std::map<std::string, int>& into) {
        auto node = dates[std::string(key)];
        if (!node || !is_map(node, key)) {
            return;
        }
        for (const auto& entry : node) {
            auto name = triage::fold(core::trim(entry.first.Scalar()));
            int value = 0;
            if (!entry.second.IsScalar() || !YAML::convert<int>::decode(entry.second, value) || value < minimum ||
                value > maximum) {
                m_reader.error(entry.second, "'" + entry.first.Scalar() + "' must be a whole number from " +
                                                 std::to_string(minimum) + " to " + std::to_string(maximum));
                continue;
            }
            into[join_words(name)] = value;
        }
    }

    static std::string join_words(const std::string& name) {
        std::string joined;
        for (const auto& word : core::split_list(name, " ")) {
            joined += (joined.empty() ? "" : " ") + word;
        }
        return joined;
    }

    void read_dates(const YAML::Node& dates) {
        auto& words = m_rules.dates;
        numbers(dates, "months", 1, 12, words.months);
        numbers(dates, "weekdays", 1, 7, words.weekdays);
        numbers(dates, "numbers", 1, 100, words.numbers);
        numbers(dates, "ordinals", 1, 4, words.ordinals);
        if (auto units = dates["units"]; units && is_map(units, "units")) {
            for (const auto& entry : units) {
                auto value = entry.second.IsScalar() ? entry.second.Scalar() : std::string();
                auto found = std::find(k_unit_names.begin(), k_unit_names.end(), value);
                if (found == k_unit_names.end()) {
                    m_reader.error(entry.second,
                                   "'" + entry.first.Scalar() + "' must be day, week, month, quarter, half or year");
                    continue;
                }
                words.units[triage::fold(core::trim(entry.first.Scalar()))] =
                    static_cast<triage::DateUnit>(found - k_unit_names.begin());
            }
        }
        words.lowercase_months = m_reader.boolean(dates, "lowercase_months").value_or(words.lowercase_months);
        if (auto letters = m_reader.strings(dates, "quarter_letters")) {
            for (const auto& letter : *letters) {
                words.quarter_letters.push_back(triage::fold(core::trim(letter)));
            }
        }
        std::vector<std::vector<Pattern>*> lists{&words.until, &words.inclusive, &words.through, &words.back,
                                                 &words.from,  &words.in,        &words.early,   &words.mid,
                                                 &words.end,   &words.next};
        for (std::size_t i = 0; i < k_date_lists.size(); ++i) {
            patterns(dates, k_date_lists[i], *lists[i]);
        }
        if (auto relative = dates["relative"];
            relative && m_reader.check_map(relative, "'relative'", k_relative_names)) {
            for (std::size_t i = 0; i < k_relative_names.size(); ++i) {
                patterns(relative, k_relative_names[i], words.relative.at(i));
            }
        }
    }

    YamlReader& m_reader;
    LanguageRules& m_rules;
};

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
    std::move(from.begin(), from.end(), std::back_inserter(to));
}

// A user's rules added to the built-in ones of their language.
void merge(LanguageRules& into, LanguageRules& more) {
    append(into.letters, more.letters);
    append(into.words, more.words);
    std::sort(into.words.begin(), into.words.end());
    append(into.negations, more.negations);
    for (std::size_t i = 0; i < into.classes.size(); ++i) {
        append(into.classes[i].strong, more.classes[i].strong);
        append(into.classes[i].weak, more.classes[i].weak);
    }
    auto& d = into.dates;
    auto& m = more.dates;
    d.months.merge(m.months);
    d.weekdays.merge(m.weekdays);
    d.numbers.merge(m.numbers);
    d.ordinals.merge(m.ordinals);
    d.units.merge(m.units);
    append(d.quarter_letters, m.quarter_letters);
    d.lowercase_months = d.lowercase_months || m.lowercase_months;
    for (auto list :
         {&triage::DateWords::until, &triage::DateWords::inclusive, &triage::DateWords::through,
          &triage::DateWords::back, &triage::DateWords::from, &triage::DateWords::in, &triage::DateWords::early,
          &triage::DateWords::mid, &triage::DateWords::end, &triage::DateWords::next}) {
        append(d.*list, m.*list);
    }
    for (std::size_t i = 0; i < d.relative.size(); ++i) {
        append(d.relative[i], m.relative[i]);
    }
    append(into.body.quote_headers, more.body.quote_headers);
    append(into.body.header_fields, more.body.header_fields);
    append(into.body.closings, more.body.closings);
    append(into.body.footers, more.body.footers);
}

struct ReadFile {
    std::optional<LanguageRules> rules;
    bool replace = false;
};

ReadFile read_file(YamlReader& reader, const std::optional<YAML::Node>& root, std::string_view expected_code) {
    ReadFile result;
    if (!root || !reader.check_map(*root, "a triage rules file", k_top_keys)) {
        return result;
    }
    auto code = reader.string(*root, "language", true);
    if (!code) {
        return result;
    }
    if (*code != expected_code) {
        reader.error((*root)["language"],
                     "'language' is '" + *code + "' but the file is named for '" + std::string(expected_code) + "'");
        return result;
    }
    LanguageRules rules;
    rules.code = *code;
    rules.name = reader.string(*root, "name").value_or(*code);
    result.replace = reader.boolean(*root, "replace").value_or(false);
    RulesReader(reader, rules).read(*root);
    result.rules = std::move(rules);
    return result;
}

void add(std::vector<LanguageRules>& languages, ReadFile file) {
    auto found = std::find_if(languages.begin(), languages.end(),
                              [&file](const LanguageRules& rules) { return rules.code == file.rules->code; });
    if (found == languages.end()) {
        languages.push_back(std::move(*file.rules));
    } else if (file.replace) {
        *found = std::move(*file.rules);
    } else {
        merge(*found, *file.rules);
    }
}

} // namespace

LoadedTriageRules load_triage_rules(const std::optional<std::filesystem::path>& directory) {
    LoadedTriageRules result;
    std::vector<LanguageRules> languages;
    for (const auto& [code, text] : built_in_triage_rules()) {
        auto name = "data/triage/" + std::string(code) + ".yaml";
        YamlReader reader(name);
        auto file = read_file(reader, parse_document(reader, std::string(text), name), code);
        auto diagnostics = reader.take_diagnostics();
        append(result.diagnostics, diagnostics);
        if (file.rules) {
            add(languages, std::move(file));
        }
    }
    if (directory) {
        std::error_code error;
        if (!std::filesystem::is_directory(*directory, error)) {
            result.diagnostics.push_back(
                {{directory->string(), 0, 0}, "not a directory of triage rules (<code>.yaml files)"});
        } else {
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::directory_iterator(*directory, error)) {
                if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") {
                    files.push_back(entry.path());
                }
            }
            std::sort(files.begin(), files.end());
            for (const auto& path : files) {
                YamlReader reader(path.string());
                auto root = read_document(reader, path);
                auto file = read_file(reader, root, path.stem().string());
                auto diagnostics = reader.take_diagnostics();
                sort_by_place(diagnostics);
                bool failed = std::any_of(diagnostics.begin(), diagnostics.end(),
                                          [](const auto& d) { return d.severity == core::Severity::error; });
                append(result.diagnostics, diagnostics);
                if (file.rules && !failed) {
                    add(languages, std::move(file));
                }
            }
        }
    }
    bool failed = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                              [](const auto& d) { return d.severity == core::Severity::error; });
    if (!failed) {
        result.languages = std::move(languages);
    }
    return result;
}

} // namespace campaign::config
