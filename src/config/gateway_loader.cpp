#include "config/gateway_loader.hpp"

#include <algorithm>

#include "config/parts.hpp"
#include "core/files.hpp"

namespace campaign::config {

namespace {

const std::vector<std::string_view> k_keys{"profile",         "url",           "api_key_env",        "ca_file",
                                           "connect_timeout", "timeout",       "attempts",           "backoff",
                                           "max_backoff",     "poll_interval", "webhook_secret_env", "accounts"};
const std::vector<std::string_view> k_secret_keys{"api_key", "key", "token", "secret", "webhook_secret", "password"};

bool is_variable_name(const std::string& name) {
    return !name.empty() && !(name[0] >= '0' && name[0] <= '9') && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

void read_url(YamlReader& reader, const YAML::Node& map, core::GatewaySettings& settings) {
    auto url = reader.string(map, "url", true);
    if (!url) {
        return;
    }
    auto authority = url->substr(0, url->find_first_of("/?#", url->find("//") + 2));
    if (authority.find('@') != std::string::npos) {
        reader.error(map["url"], "'url' must not hold a user or a password ('" + *url +
                                     "'): the key goes in the environment variable named by 'api_key_env'");
        return;
    }
    if (!url->starts_with("https://") && !core::is_loopback_url(*url)) {
        reader.error(map["url"], "'url' must start with https:// ('" + *url +
                                     "'): the key may travel without TLS only to this machine (127.0.0.1, "
                                     "localhost, [::1])");
        return;
    }
    settings.url = *url;
}

void read_accounts(YamlReader& reader, const YAML::Node& map, core::GatewaySettings& settings) {
    auto node = map["accounts"];
    if (!node) {
        return;
    }
    if (!node.IsMap()) {
        reader.error(node, "'accounts' must map each sender's id to its account at the gateway");
        return;
    }
    for (const auto& entry : node) {
        auto sender = reader.scalar(entry.first, "a sender's id");
        auto account = reader.scalar(entry.second, "the account of sender '" + sender.value_or("") + "'");
        if (sender && account) {
            settings.accounts[*sender] = *account;
        }
    }
}

void read_settings(YamlReader& reader, const YAML::Node& map, const std::filesystem::path& file,
                   core::GatewaySettings& settings) {
    settings.location = reader.where(map);
    if (!map.IsMap()) { // a list's items have no keys to look at for secrets
        reader.error(map, "the gateway must be a map of keys and values");
        return;
    }
    std::vector<std::string_view> allowed = k_keys;
    for (const auto& entry : map) {
        auto key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (auto secret = std::find(k_secret_keys.begin(), k_secret_keys.end(), key); secret != k_secret_keys.end()) {
            allowed.push_back(*secret); // reported here, not as an unknown key
            reader.error(
                entry.first,
                "secrets do not go in files that are kept in git: put it in an environment "
                "variable and name that with '" +
                    std::string(key.find("webhook") != std::string::npos ? "webhook_secret_env" : "api_key_env") + "'");
        }
    }
    if (!reader.check_map(map, "the gateway", allowed)) {
        return;
    }
    if (auto profile = reader.string(map, "profile")) {
        if (auto parsed = core::parse_wire_profile(*profile)) {
            settings.profile = *parsed;
        } else {
            reader.error(map["profile"], "unknown gateway profile '" + *profile + "' (expected engine or unipile)");
        }
    }
    read_url(reader, map, settings);
    settings.api_key_env = read_variable_name(reader, map, "api_key_env", true).value_or("");
    settings.webhook_secret_env = read_variable_name(reader, map, "webhook_secret_env", false).value_or("");
    if (auto ca_file = reader.string(map, "ca_file")) {
        auto path = (file.parent_path() / *ca_file).lexically_normal();
        auto status = core::file_status(path);
        if (status.kind == core::FileKind::regular) {
            settings.ca_file = path.string();
        } else if (status.kind == core::FileKind::unusable) {
            reader.error(map["ca_file"], "'ca_file': " + path.string() + ": " + status.problem);
        } else {
            reader.error(map["ca_file"], "'ca_file': no such file: " + path.string());
        }
    }
    auto set = [](auto& field, auto value) {
        if (value) {
            field = *value;
        }
    };
    set(settings.connect_timeout, read_milliseconds(reader, map, "connect_timeout"));
    set(settings.timeout, read_milliseconds(reader, map, "timeout"));
    set(settings.backoff, read_milliseconds(reader, map, "backoff"));
    set(settings.max_backoff, read_milliseconds(reader, map, "max_backoff"));
    set(settings.poll_interval, read_milliseconds(reader, map, "poll_interval"));
    set(settings.attempts, reader.integer(map, "attempts", 1, 10));
    if (settings.max_backoff < settings.backoff) {
        reader.error(map["max_backoff"] ? map["max_backoff"] : map["backoff"],
                     "'max_backoff' must not be shorter than 'backoff'");
    }
    if (settings.timeout < settings.connect_timeout) {
        reader.error(map["timeout"] ? map["timeout"] : map["connect_timeout"],
                     "'timeout' is for a whole request, connecting included: it must not be shorter than "
                     "'connect_timeout'");
    }
    read_accounts(reader, map, settings);
}

} // namespace

// "250ms" or a duration of campaign files ("30s", "1m"), longer than 0.
std::optional<std::chrono::milliseconds> read_milliseconds(YamlReader& reader, const YAML::Node& map,
                                                           std::string_view key) {
    auto node = map[std::string(key)];
    if (!node) {
        return std::nullopt;
    }
    auto text = reader.scalar(node, "'" + std::string(key) + "'");
    if (!text) {
        return std::nullopt;
    }
    std::optional<std::chrono::milliseconds> value;
    if (text->size() > 2 && text->ends_with("ms") &&
        std::all_of(text->begin(), text->end() - 2, [](char c) { return c >= '0' && c <= '9'; }) &&
        text->size() <= 11) {
        value = std::chrono::milliseconds{std::stoll(text->substr(0, text->size() - 2))};
    } else if (auto duration = core::parse_duration(*text)) {
        value = *duration;
    }
    if (!value || value->count() <= 0) {
        reader.error(node, "'" + std::string(key) + "' must be a duration longer than 0 such as 500ms, 30s or 1m, " +
                               "not '" + *text + "'");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> read_variable_name(YamlReader& reader, const YAML::Node& map, std::string_view key,
                                              bool required) {
    auto name = reader.string(map, key, required);
    if (name && !is_variable_name(*name)) {
        reader.error(map[std::string(key)], "'" + std::string(key) +
                                                "' names an environment variable (like CAMPAIGN_GATEWAY_KEY), "
                                                "not a secret itself: '" +
                                                std::string(key) + "' must be upper-case letters, digits and '_'");
        return std::nullopt;
    }
    return name;
}

std::optional<core::GatewaySettings> read_gateway(YamlReader& reader, const YAML::Node& node,
                                                  const std::filesystem::path& file) {
    core::GatewaySettings settings;
    if (node.IsScalar()) {
        // A file of its own, beside the campaign: its problems are reported at their place in it.
        auto path = (file.parent_path() / node.Scalar()).lexically_normal();
        auto status = core::file_status(path);
        if (status.kind == core::FileKind::unusable) {
            reader.error(node, "'gateway': " + path.string() + ": " + status.problem);
            return std::nullopt;
        }
        if (status.kind != core::FileKind::regular) {
            reader.error(node, "'gateway': no such file: " + path.string());
            return std::nullopt;
        }
        auto loaded = load_gateway(path);
        for (auto& diagnostic : loaded.diagnostics) {
            reader.error(diagnostic.location, diagnostic.message);
        }
        return loaded.settings;
    }
    if (!node.IsMap()) {
        reader.error(node, "'gateway' must be the gateway's settings or the name of a file that holds them");
        return std::nullopt;
    }
    auto errors = reader.diagnostics().size();
    read_settings(reader, node, file, settings);
    if (reader.diagnostics().size() != errors) {
        return std::nullopt;
    }
    return settings;
}

LoadedGateway load_gateway(const std::filesystem::path& file) {
    YamlReader reader(file.string());
    LoadedGateway result;
    auto root = read_document(reader, file);
    if (root) {
        reader.remember_empty_values(*root);
        core::GatewaySettings settings;
        read_settings(reader, *root, file, settings);
        if (reader.diagnostics().empty()) {
            result.settings = std::move(settings);
        }
    }
    result.diagnostics = reader.take_diagnostics();
    sort_by_place(result.diagnostics);
    return result;
}

} // namespace campaign::config
