// The parts of the campaign loader, one per section of the file; used only inside this module.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config/yaml_reader.hpp"
#include "core/campaign.hpp"
#include "core/gateway.hpp"
#include "core/hook.hpp"
#include "core/mock_model.hpp"

namespace campaign::config {

std::vector<core::Sender> read_senders(YamlReader& reader, const YAML::Node& node);
// Days and hours of a week ({days, from, to}), as a sender's `working_hours` and a campaign's `prospect_hours`
// write them; `who` names whose they are in messages ("a sender").
void read_working_hours(YamlReader& reader, const YAML::Node& node, std::string_view key, std::string_view who,
                        core::WorkingHours& hours);
// The field filters of a 'where' list, as the audience and the mock model's overrides write them.
std::vector<core::FieldFilter> read_filters(YamlReader& reader, const YAML::Node& node);
// Tags as the CRM stores them: trimmed and lower-case.
std::vector<std::string> lower_tags(std::vector<std::string> tags);
// The `mock:` section of a campaign or the whole of a model file; `what` names it in messages.
core::MockModel read_mock_model(YamlReader& reader, const YAML::Node& node, std::string_view what);

// "250ms" or a duration of campaign files ("30s", "1m"), longer than 0.
std::optional<std::chrono::milliseconds> read_milliseconds(YamlReader& reader, const YAML::Node& map,
                                                           std::string_view key);
// The name of an environment variable that holds a secret (upper-case letters, digits and '_'), never the secret.
std::optional<std::string> read_variable_name(YamlReader& reader, const YAML::Node& map, std::string_view key,
                                              bool required);

// The `gateway:` section of a campaign: the settings, or the name of a file that holds them (beside `file`).
std::optional<core::GatewaySettings> read_gateway(YamlReader& reader, const YAML::Node& node,
                                                  const std::filesystem::path& file);

// The `hooks:` of a campaign: a list of hooks, or the name of a file that holds one (beside `file`).
std::vector<core::Hook> read_hooks(YamlReader& reader, const YAML::Node& node, const std::filesystem::path& file);

// Branch targets that exist, no unreachable step, no loop, branches that fit their step, templates that exist.
// `steps_node` is the list the steps were read from, one item each, to point at the targets.
void check_sequence(YamlReader& reader, const core::Campaign& campaign, const YAML::Node& steps_node);
void check_templates(YamlReader& reader, const core::Campaign& campaign, const YAML::Node& templates_node);

bool is_identifier(std::string_view text, bool allow_underscore);
std::string a_step(core::ActionType type); // "a connect step", "an inmail step"

} // namespace campaign::config
