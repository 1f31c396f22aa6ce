#include "config/mock_model_loader.hpp"

#include "config/parts.hpp"

namespace campaign::config {

namespace {

const std::vector<std::string_view> k_rate_keys{"accept", "accept_delay", "reply", "reply_delay", "opt_out", "failure"};

std::optional<double> probability(YamlReader& reader, const YAML::Node& map, std::string_view key) {
    auto node = map[std::string(key)];
    if (!node) {
        return std::nullopt;
    }
    auto text = reader.scalar(node, "'" + std::string(key) + "'");
    if (!text) {
        return std::nullopt;
    }
    double value = 0;
    // The negated test also refuses NaN, which YAML spells .nan.
    if (!YAML::convert<double>::decode(node, value) || !(value >= 0.0 && value <= 1.0)) {
        reader.error(node, "'" + std::string(key) + "' must be a probability between 0 and 1, not '" + *text + "'");
        return std::nullopt;
    }
    return value;
}

// A mean wait of zero would make every acceptance or reply instant, which no prospect does: a typo, most likely.
std::optional<core::Duration> mean_delay(YamlReader& reader, const YAML::Node& map, std::string_view key) {
    auto delay = reader.duration(map, key);
    if (delay && delay->count() <= 0) {
        reader.error(map[std::string(key)], "'" + std::string(key) + "' must be longer than 0s");
        return std::nullopt;
    }
    return delay;
}

core::OutcomeRates read_rates(YamlReader& reader, const YAML::Node& node) {
    core::OutcomeRates rates;
    rates.accept = probability(reader, node, "accept");
    rates.accept_delay = mean_delay(reader, node, "accept_delay");
    rates.reply = probability(reader, node, "reply");
    rates.reply_delay = mean_delay(reader, node, "reply_delay");
    rates.opt_out = probability(reader, node, "opt_out");
    rates.failure = probability(reader, node, "failure");
    return rates;
}

std::optional<core::MockOverride> read_override(YamlReader& reader, const YAML::Node& node) {
    auto keys = k_rate_keys;
    keys.insert(keys.begin(), {"tags", "where"});
    if (!reader.check_map(node, "an override", keys)) {
        return std::nullopt;
    }
    core::MockOverride result;
    result.location = reader.where(node);
    result.tags = lower_tags(reader.strings(node, "tags").value_or(std::vector<std::string>{}));
    result.where = read_filters(reader, node["where"]);
    if (result.tags.empty() && result.where.empty()) {
        reader.error(node, "an override needs 'tags' or 'where' to say which prospects it is for");
    }
    result.rates = read_rates(reader, node);
    return result;
}

core::OutcomeRates with_defaults(core::OutcomeRates rates) {
    auto defaults = core::default_outcome_rates();
    rates.accept = rates.accept.value_or(*defaults.accept);
    rates.accept_delay = rates.accept_delay.value_or(*defaults.accept_delay);
    rates.reply = rates.reply.value_or(*defaults.reply);
    rates.reply_delay = rates.reply_delay.value_or(*defaults.reply_delay);
    rates.opt_out = rates.opt_out.value_or(*defaults.opt_out);
    rates.failure = rates.failure.value_or(*defaults.failure);
    return rates;
}

} // namespace

core::MockModel read_mock_model(YamlReader& reader, const YAML::Node& node, std::string_view what) {
    core::MockModel model;
    model.base = core::default_outcome_rates();
    auto keys = k_rate_keys;
    keys.push_back("overrides");
    if (!reader.check_map(node, what, keys)) {
        return model;
    }
    model.base = with_defaults(read_rates(reader, node));
    if (auto overrides = node["overrides"]; overrides && reader.check_sequence(overrides, "'overrides'")) {
        for (const auto& item : overrides) {
            if (auto read = read_override(reader, item)) {
                model.overrides.push_back(std::move(*read));
            }
        }
    }
    return model;
}

LoadedMockModel load_mock_model(const std::filesystem::path& file) {
    YamlReader reader(file.string());
    LoadedMockModel result;
    auto root = read_document(reader, file);
    std::optional<core::MockModel> model;
    if (root) {
        model = read_mock_model(reader, *root, "the mock model file");
    }
    result.diagnostics = reader.take_diagnostics();
    sort_by_place(result.diagnostics);
    if (result.diagnostics.empty()) {
        result.model = std::move(model);
    }
    return result;
}

} // namespace campaign::config
