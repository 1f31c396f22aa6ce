#include <map>
#include <set>

#include "config/parts.hpp"
#include "core/files.hpp"
#include "core/text.hpp"

namespace campaign::config {

namespace {

bool branch_fits(core::Outcome outcome, const core::Step& step) {
    switch (outcome) {
    case core::Outcome::accepted:
    case core::Outcome::not_accepted:
        return step.type == core::ActionType::connect;
    case core::Outcome::replied:
        return step.type == core::ActionType::message || step.type == core::ActionType::inmail ||
               (step.type == core::ActionType::connect && (!step.template_name.empty() || !step.variants.empty()));
    case core::Outcome::no_reply:
        return step.type == core::ActionType::message || step.type == core::ActionType::inmail;
    }
    return false;
}

void check_target(YamlReader& reader, const core::Campaign& campaign, const core::Step& step, const std::string& target,
                  const core::SourceLocation& location) {
    if (target == core::k_end_step || target.empty()) {
        return;
    }
    if (target == step.id) {
        reader.error(location, "step '" + step.id + "' cannot lead to itself");
        return;
    }
    if (campaign.find_step(target)) {
        return;
    }
    std::vector<std::string_view> names{core::k_end_step};
    for (const auto& candidate : campaign.steps) {
        names.push_back(candidate.id);
    }
    auto suggestion = core::closest_match(target, names);
    reader.error(location,
                 "no step '" + target + "' to go to" + (suggestion ? " (did you mean '" + *suggestion + "'?)" : ""));
}

// A step whose type is missing or unknown has had its error; which branches fit it cannot be told.
bool has_known_type(const YAML::Node& step_node) {
    auto type = step_node["type"];
    return type && type.IsScalar() && core::parse_action_type(type.Scalar());
}

void check_branches(YamlReader& reader, const core::Campaign& campaign, const core::Step& step,
                    const YAML::Node& step_node) {
    std::set<core::Outcome> misfits; // a 'replied' map's branches are one key: said once
    for (const auto& branch : step.branches) {
        if (has_known_type(step_node) && !branch_fits(branch.on, step) && misfits.insert(branch.on).second) {
            bool silent_connect = branch.on == core::Outcome::replied && step.type == core::ActionType::connect;
            reader.error(branch.location, "'" + std::string(core::to_string(branch.on)) + "' cannot follow " +
                                              a_step(step.type) + (silent_connect ? " without a note" : ""));
        }
        check_target(reader, campaign, step, branch.target, branch.target_location);
    }
    if (step.next) {
        check_target(reader, campaign, step, *step.next, reader.where(step_node["next"]));
    }
}

// Depth-first search for a loop; at-most-once per (enrollment, step) means a loop could never be walked again.
bool find_loop(const core::Campaign& campaign, const core::Step& step, std::map<std::string, int>& state,
               std::vector<std::string>& path) {
    state[step.id] = 1;
    path.push_back(step.id);
    for (const auto& target : campaign.successors(step)) {
        const auto* next = campaign.find_step(target);
        if (!next || next->id == step.id) {
            continue;
        }
        if (state[next->id] == 1) {
            path.push_back(next->id);
            return true;
        }
        if (state[next->id] == 0 && find_loop(campaign, *next, state, path)) {
            return true;
        }
    }
    state[step.id] = 2;
    path.pop_back();
    return false;
}

void check_reachable(YamlReader& reader, const core::Campaign& campaign) {
    std::set<std::string> reached{campaign.steps.front().id};
    std::vector<const core::Step*> pending{&campaign.steps.front()};
    while (!pending.empty()) {
        const auto* step = pending.back();
        pending.pop_back();
        for (const auto& target : campaign.successors(*step)) {
            const auto* next = campaign.find_step(target);
            if (next && reached.insert(next->id).second) {
                pending.push_back(next);
            }
        }
    }
    for (const auto& step : campaign.steps) {
        if (!step.id.empty() && !reached.contains(step.id)) {
            reader.error(step.location, "step '" + step.id + "' is unreachable: no step leads to it");
        }
    }
}

} // namespace

void check_sequence(YamlReader& reader, const core::Campaign& campaign, const YAML::Node& steps_node) {
    if (campaign.steps.empty()) {
        return;
    }
    for (std::size_t i = 0; i < campaign.steps.size(); ++i) {
        check_branches(reader, campaign, campaign.steps[i], steps_node[i]);
    }
    check_reachable(reader, campaign);
    std::map<std::string, int> state;
    std::vector<std::string> path;
    if (find_loop(campaign, campaign.steps.front(), state, path)) {
        std::string cycle;
        auto start = std::find(path.begin(), path.end(), path.back());
        for (auto it = start; it != path.end(); ++it) {
            cycle += (cycle.empty() ? "" : " -> ") + *it;
        }
        reader.error(campaign.find_step(path.back())->location,
                     "the steps form a loop (" + cycle + "); each step runs at most once per prospect");
    }
}

namespace {

std::vector<std::string> template_files(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        std::error_code kind_error;
        if (it->is_regular_file(kind_error)) {
            names.push_back(it->path().lexically_relative(folder).generic_string());
        }
    }
    return names;
}

void check_template(YamlReader& reader, const std::filesystem::path& folder, const std::vector<std::string>& files,
                    const std::string& name, const core::SourceLocation& location) {
    if (name.empty()) {
        return;
    }
    std::filesystem::path relative(name);
    bool escapes = relative.is_absolute() ||
                   std::any_of(relative.begin(), relative.end(), [](const auto& part) { return part == ".."; });
    if (escapes) {
        reader.error(location, "template '" + name + "' must be a path inside the templates folder");
        return;
    }
    auto status = core::file_status(folder / relative);
    if (status.kind == core::FileKind::regular) {
        return;
    }
    if (status.kind == core::FileKind::unusable) {
        reader.error(location, "template '" + name + "': " + status.problem);
        return;
    }
    std::vector<std::string_view> candidates(files.begin(), files.end());
    auto suggestion = core::closest_match(name, candidates);
    reader.error(location, "template '" + name + "' not found in " + folder.string() +
                               (suggestion ? " (did you mean '" + *suggestion + "'?)" : ""));
}

} // namespace

void check_templates(YamlReader& reader, const core::Campaign& campaign, const YAML::Node& templates_node) {
    std::filesystem::path folder(campaign.templates_dir);
    auto status = core::file_status(folder);
    if (status.kind == core::FileKind::unusable) {
        reader.error(templates_node ? reader.where(templates_node) : campaign.location,
                     "templates folder " + folder.string() + ": " + status.problem);
        return;
    }
    if (status.kind != core::FileKind::folder) {
        auto location = templates_node ? reader.where(templates_node) : campaign.location;
        reader.error(location, "templates folder " + folder.string() + " does not exist" +
                                   (templates_node ? "" : " (set 'templates' to the folder of the templates)"));
        return;
    }
    auto files = template_files(folder);
    for (const auto& step : campaign.steps) {
        check_template(reader, folder, files, step.template_name, step.template_location);
        for (const auto& variant : step.variants) {
            check_template(reader, folder, files, variant.template_name, variant.location);
        }
    }
}

} // namespace campaign::config
