#include "config/reply_rules_loader.hpp"

#include "config/yaml_reader.hpp"

namespace campaign::config {

namespace {

// Neutral is what matches no phrase, so it takes none.
const std::vector<std::string_view> k_keys{"opt_out", "out_of_office", "negative", "positive"};

void read_phrases(YamlReader& reader, const YAML::Node& root, core::ReplyClass reply_class, core::ReplyRules& rules) {
    auto key = std::string(core::to_string(reply_class));
    auto phrases = reader.strings(root, key);
    if (!phrases) {
        return;
    }
    for (const auto& phrase : *phrases) {
        if (phrase.empty()) {
            reader.error(root[key], "'" + key + "' has an empty phrase, which would match no reply");
        }
    }
    rules.of(reply_class) = std::move(*phrases);
}

} // namespace

LoadedReplyRules load_reply_rules(const std::filesystem::path& file) {
    YamlReader reader(file.string());
    LoadedReplyRules result;
    auto rules = core::default_reply_rules();
    if (auto root = read_document(reader, file); root && reader.check_map(*root, "the reply rules file", k_keys)) {
        for (auto reply_class : core::k_reply_classes) {
            if (reply_class != core::ReplyClass::neutral) {
                read_phrases(reader, *root, reply_class, rules);
            }
        }
    }
    result.diagnostics = reader.take_diagnostics();
    sort_by_place(result.diagnostics);
    if (result.diagnostics.empty()) {
        result.rules = std::move(rules);
    }
    return result;
}

} // namespace campaign::config
