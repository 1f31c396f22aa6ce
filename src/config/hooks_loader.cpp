#include "config/hooks_loader.hpp"

#include "config/parts.hpp"
#include "core/files.hpp"
#include "core/gateway.hpp"

namespace campaign::config {

namespace {

std::optional<core::Hook> read_hook(YamlReader& reader, const YAML::Node& node) {
    if (!reader.check_map(node, "a hook", {"url", "secret_env", "events", "rehearsals", "timeout"})) {
        return std::nullopt;
    }
    auto errors = reader.diagnostics().size();
    core::Hook hook;
    hook.location = reader.where(node);
    if (auto url = reader.string(node, "url", true)) {
        auto authority = url->substr(0, url->find_first_of("/?#", url->find("//") + 2));
        if (!url->starts_with("https://") && !core::is_loopback_url(*url)) {
            reader.error(node["url"], "'url' must start with https:// ('" + *url +
                                          "'): what a hook carries about prospects travels without TLS only to this "
                                          "machine (127.0.0.1, localhost, [::1])");
        } else if (authority.find('@') != std::string::npos) {
            reader.error(node["url"], "'url' must not hold a user or a password ('" + *url + "')");
        } else {
            hook.url = *url;
        }
    }
    hook.secret_env = read_variable_name(reader, node, "secret_env", true).value_or("");
    if (auto events = reader.strings(node, "events")) {
        hook.topics.clear();
        for (const auto& name : *events) {
            if (auto topic = core::parse_hook_topic(name)) {
                hook.topics.insert(*topic);
            } else {
                reader.error(node["events"],
                             "unknown event '" + name + "' (expected reply, accepted, opted_out or inbox)");
            }
        }
        if (events->empty()) {
            reader.error(node["events"], "'events' must name at least one of reply, accepted, opted_out, inbox");
        }
    }
    hook.rehearsals = reader.boolean(node, "rehearsals").value_or(false);
    if (auto timeout = read_milliseconds(reader, node, "timeout")) {
        hook.timeout = *timeout;
    }
    if (reader.diagnostics().size() != errors) {
        return std::nullopt;
    }
    return hook;
}

std::vector<core::Hook> read_list(YamlReader& reader, const YAML::Node& node) {
    std::vector<core::Hook> hooks;
    if (!reader.check_sequence(node, "'hooks'")) {
        return hooks;
    }
    for (const auto& item : node) {
        if (auto hook = read_hook(reader, item)) {
            hooks.push_back(std::move(*hook));
        }
    }
    return hooks;
}

} // namespace

std::vector<core::Hook> read_hooks(YamlReader& reader, const YAML::Node& node, const std::filesystem::path& file) {
    if (!node.IsScalar()) {
        return read_list(reader, node);
    }
    auto path = (file.parent_path() / node.Scalar()).lexically_normal();
    auto status = core::file_status(path);
    if (status.kind != core::FileKind::regular) {
        reader.error(node,
                     "'hooks': " + (status.kind == core::FileKind::unusable ? path.string() + ": " + status.problem
                                                                            : "no such file: " + path.string()));
        return {};
    }
    auto loaded = load_hooks(path);
    for (auto& diagnostic : loaded.diagnostics) {
        reader.error(diagnostic.location, diagnostic.message);
    }
    return loaded.hooks.value_or(std::vector<core::Hook>{});
}

LoadedHooks load_hooks(const std::filesystem::path& file) {
    YamlReader reader(file.string());
    LoadedHooks result;
    if (auto root = read_document(reader, file)) {
        reader.remember_empty_values(*root);
        if (reader.check_map(*root, "a hooks file", {"hooks"})) {
            if (auto list = (*root)["hooks"]) {
                auto hooks = read_list(reader, list);
                if (reader.diagnostics().empty()) {
                    result.hooks = std::move(hooks);
                }
            } else {
                reader.error(*root, "a hooks file needs 'hooks:', a list of hooks");
            }
        }
    }
    result.diagnostics = reader.take_diagnostics();
    sort_by_place(result.diagnostics);
    return result;
}

} // namespace campaign::config
