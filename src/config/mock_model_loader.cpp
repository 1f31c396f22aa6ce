#include "config/mock_model_loader.hpp"

#include "config/parts.hpp"
#include "core/text.hpp"

namespace campaign::config {

namespace {

const std::vector<std::string_view> k_rate_keys{"accept", "accept_delay", "reply", "reply_delay", "opt_out", "failure"};

// A number within [minimum, maximum]; `meaning` says what it must be when it is not.
std::optional<double> number(YamlReader& reader, const YAML::Node& map, std::string_view key, double minimum,
                             double maximum, std::string_view meaning) {
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
    if (!YAML::convert<double>::decode(node, value) || !(value >= minimum && value <= maximum)) {
        reader.error(node, "'" + std::string(key) + "' must be " + std::string(meaning) + ", not '" + *text + "'");
        return std::nullopt;
    }
    return value;
}

std::optional<double> probability(YamlReader& reader, const YAML::Node& map, std::string_view key) {
    return number(reader, map, key, 0, 1, "a probability between 0 and 1");
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

// {brand: 14.5, relationships: 12} -> the pillars named, the others left as they are.
void read_pillars(YamlReader& reader, const YAML::Node& map, std::string_view key, std::array<double, 4>& pillars,
                  double minimum, double maximum, std::string_view meaning) {
    auto node = map[std::string(key)];
    if (!node) {
        return;
    }
    std::vector<std::string_view> names;
    for (auto pillar : core::k_pillars) {
        names.push_back(core::to_string(pillar));
    }
    if (!reader.check_map(node, "'" + std::string(key) + "'", names)) {
        return;
    }
    for (auto pillar : core::k_pillars) {
        if (auto value = number(reader, node, core::to_string(pillar), minimum, maximum, meaning)) {
            pillars[static_cast<std::size_t>(pillar)] = *value;
        }
    }
}

std::optional<core::SsiEffect> read_effect(YamlReader& reader, const YAML::Node& node) {
    if (!reader.check_map(node, "an effect", {"activity", "pillar", "per", "lag"})) {
        return std::nullopt;
    }
    core::SsiEffect effect;
    effect.location = reader.where(node);
    bool complete = true;
    if (auto name = reader.string(node, "activity", true)) {
        if (auto activity = core::parse_activity(*name)) {
            effect.activity = *activity;
        } else {
            auto guess = core::closest_match(*name, core::activity_names());
            reader.error(node["activity"],
                         "unknown activity '" + *name + "'" + (guess ? "; did you mean '" + *guess + "'?" : ""));
            complete = false;
        }
    } else {
        complete = false;
    }
    if (auto name = reader.string(node, "pillar", true)) {
        auto pillar = core::parse_measure(*name);
        if (pillar && *pillar != core::Measure::total) {
            effect.pillar = *pillar;
        } else {
            reader.error(node["pillar"],
                         "'pillar' must be brand, people, insights or relationships, not '" + *name + "'");
            complete = false;
        }
    } else {
        complete = false;
    }
    if (auto per = number(reader, node, "per", -25, 25, "a change of a pillar per unit of activity")) {
        effect.per = *per;
    } else {
        if (!node["per"]) {
            reader.error(node, "an effect needs 'per': how much each unit of the activity moves the pillar");
        }
        complete = false;
    }
    if (auto lag = reader.duration(node, "lag")) {
        if (lag->count() % (24 * 3600) != 0 || *lag > std::chrono::days{60}) {
            reader.error(node["lag"], "'lag' must be whole days up to 60d, like 0d or 1d");
            complete = false;
        } else {
            effect.lag_days = static_cast<int>(lag->count() / (24 * 3600));
        }
    }
    return complete ? std::optional(effect) : std::nullopt;
}

core::SsiModel read_ssi_model(YamlReader& reader, const YAML::Node& node) {
    core::SsiModel model;
    if (!reader.check_map(node, "'ssi'", {"start", "drift", "noise", "quiet_days", "effects"})) {
        return model;
    }
    read_pillars(reader, node, "start", model.start, 0, core::k_pillar_cap, "a pillar between 0 and 25");
    read_pillars(reader, node, "drift", model.drift, -1, 1, "a daily change between -1 and 1");
    model.noise = number(reader, node, "noise", 0, 5, "a standard deviation between 0 and 5").value_or(model.noise);
    model.quiet_days = probability(reader, node, "quiet_days").value_or(model.quiet_days);
    if (auto effects = node["effects"]; effects && reader.check_sequence(effects, "'effects'")) {
        for (const auto& item : effects) {
            if (auto effect = read_effect(reader, item)) {
                model.effects.push_back(*effect);
            }
        }
    }
    return model;
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
    keys.insert(keys.end(), {"overrides", "ssi"});
    if (!reader.check_map(node, what, keys)) {
        return model;
    }
    if (auto ssi = node["ssi"]) {
        model.ssi = read_ssi_model(reader, ssi);
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
