#include "config/campaign_loader.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "config/parts.hpp"
#include "core/text.hpp"

namespace campaign::config {

namespace {

constexpr std::array k_outcomes{core::Outcome::accepted, core::Outcome::not_accepted, core::Outcome::replied,
                                core::Outcome::no_reply};

core::Audience read_audience(YamlReader& reader, const YAML::Node& node) {
    core::Audience audience;
    if (!reader.check_map(node, "'audience'", {"tags", "any_tags", "where", "exclude", "allow_other_campaigns"})) {
        return audience;
    }
    audience.tags = lower_tags(reader.strings(node, "tags").value_or(std::vector<std::string>{}));
    audience.any_tags = lower_tags(reader.strings(node, "any_tags").value_or(std::vector<std::string>{}));
    audience.where = read_filters(reader, node["where"]);
    if (auto exclude = node["exclude"]; exclude && reader.check_map(exclude, "'exclude'", {"tags", "where"})) {
        audience.exclude_tags = lower_tags(reader.strings(exclude, "tags").value_or(std::vector<std::string>{}));
        audience.exclude_where = read_filters(reader, exclude["where"]);
    }
    audience.allow_other_campaigns = reader.boolean(node, "allow_other_campaigns").value_or(false);
    if (audience.tags.empty() && audience.any_tags.empty() && audience.where.empty()) {
        reader.error(node, "the audience would be every prospect in the CRM: name 'tags', 'any_tags' or 'where'");
    }
    return audience;
}

// The senders of a routing rule, each one of the campaign's.
std::vector<std::string> read_rule_senders(YamlReader& reader, const YAML::Node& rule,
                                           const std::vector<core::Sender>& senders) {
    std::vector<std::string_view> ids;
    for (const auto& sender : senders) {
        ids.push_back(sender.id);
    }
    std::vector<std::string> named;
    auto list = rule["senders"];
    if (!list) {
        reader.error(rule, "a routing rule needs 'senders': the senders that take the prospects it matches");
        return named;
    }
    for (const auto& id : reader.strings(rule, "senders").value_or(std::vector<std::string>{})) {
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
            named.push_back(id);
            continue;
        }
        auto suggestion = core::closest_match(id, ids);
        reader.error(item_reading(list, id), "'" + id + "' is not a sender of this campaign" +
                                                 (suggestion ? " (did you mean '" + *suggestion + "'?)" : ""));
    }
    if (list.IsSequence() && list.size() == 0) {
        reader.error(list, "a routing rule needs at least one sender");
    }
    return named;
}

std::vector<core::RoutingRule> read_routing(YamlReader& reader, const YAML::Node& node,
                                            const std::vector<core::Sender>& senders) {
    std::vector<core::RoutingRule> rules;
    if (!reader.check_sequence(node, "'routing'")) {
        return rules;
    }
    if (node.size() == 0) {
        reader.error(node, "'routing' needs at least one rule; without it every sender takes a share of everyone");
    }
    std::set<std::string> routed;
    std::optional<int> catch_all; // the line of the first rule without conditions
    for (const auto& item : node) {
        if (!reader.check_map(item, "a routing rule", {"senders", "tags", "any_tags", "where"})) {
            continue;
        }
        if (catch_all) {
            reader.warning(item, "this rule is never used: the rule at line " + std::to_string(*catch_all) +
                                     " has no condition and takes every prospect first");
        }
        core::RoutingRule rule;
        rule.location = reader.where(item);
        rule.senders = read_rule_senders(reader, item, senders);
        rule.tags = lower_tags(reader.strings(item, "tags").value_or(std::vector<std::string>{}));
        rule.any_tags = lower_tags(reader.strings(item, "any_tags").value_or(std::vector<std::string>{}));
        rule.where = read_filters(reader, item["where"]);
        if (rule.tags.empty() && rule.any_tags.empty() && rule.where.empty() && !catch_all) {
            catch_all = rule.location.line;
        }
        routed.insert(rule.senders.begin(), rule.senders.end());
        rules.push_back(std::move(rule));
    }
    for (const auto& sender : senders) {
        if (!sender.id.empty() && !routed.contains(sender.id) && !rules.empty()) {
            reader.warning(node, "sender '" + sender.id + "' is in no routing rule: it gets no prospects");
        }
    }
    return rules;
}

core::StopRules read_stop(YamlReader& reader, const YAML::Node& node) {
    core::StopRules stop;
    if (!reader.check_map(node, "'stop'",
                          {"on_reply", "opt_out_keywords", "not_interested", "out_of_office", "later"})) {
        return stop;
    }
    stop.on_reply = reader.boolean(node, "on_reply").value_or(true);
    if (auto keywords = reader.strings(node, "opt_out_keywords")) {
        if (keywords->empty()) {
            reader.error(node["opt_out_keywords"], "'opt_out_keywords' must name at least one keyword");
        } else {
            stop.opt_out_keywords = *keywords;
        }
    }
    if (auto rule = reader.string(node, "not_interested")) {
        if (*rule == "suppress") {
            stop.not_interested = core::DeclineRule::suppress;
        } else if (*rule != "lost") {
            reader.error(node["not_interested"], "'not_interested' must be 'lost' (the campaign ends for them) or "
                                                 "'suppress' (no campaign reaches them again), not '" +
                                                     *rule + "'");
        }
    }
    // A pause of no time would resume at once: a typo, most likely.
    for (auto [key, pause] : {std::pair{"out_of_office", &stop.out_of_office}, std::pair{"later", &stop.later}}) {
        if (auto duration = reader.duration(node, key)) {
            if (duration->count() <= 0) {
                reader.error(node[key], "'" + std::string(key) + "' must be longer than 0s");
            } else {
                *pause = *duration;
            }
        }
    }
    return stop;
}

// A branch's target: a step id or 'end'.
std::optional<std::string> read_target(YamlReader& reader, const YAML::Node& value, const std::string& name) {
    auto target = reader.scalar(value, "'" + name + "'");
    if (!target) {
        return std::nullopt;
    }
    if (core::trim(*target).empty()) {
        reader.error(value, "'" + name + "' must not be empty");
        return std::nullopt;
    }
    return target;
}

// The classes a "replied" branch can name: an away notice is no reply (it pauses the sequence) and an opt-out always
// ends it and suppresses the prospect.
constexpr std::array k_branch_classes{core::ReplyClass::interested, core::ReplyClass::not_interested,
                                      core::ReplyClass::later, core::ReplyClass::referral, core::ReplyClass::neutral};

// `replied: { interested: book-call, later: nurture, default: end }`: a branch per class of reply, and `default`
// for the others.
std::vector<core::Branch> read_reply_branches(YamlReader& reader, const YAML::Node& key, const YAML::Node& value) {
    std::vector<core::Branch> branches;
    std::vector<std::string_view> keys;
    for (auto reply_class : k_branch_classes) {
        keys.push_back(core::to_string(reply_class));
    }
    keys.emplace_back("default");
    keys.emplace_back("out_of_office"); // known, to be refused with the reason below
    keys.emplace_back("opt_out");
    for (const auto& entry : value) {
        auto name = entry.first.Scalar();
        if (name == "out_of_office") {
            reader.error(entry.first, "'out_of_office' is not a reply: an away notice pauses the sequence until the "
                                      "prospect is back ('stop: out_of_office' sets how long when it gives no date)");
        } else if (name == "opt_out") {
            reader.error(entry.first, "'opt_out' cannot branch: an opt-out always ends the campaign and suppresses "
                                      "the prospect everywhere");
        }
    }
    // Unknown keys are reported; the known ones are read all the same, so that every problem shows at once.
    if (!reader.check_map(value, "'replied'", keys) && !value.IsMap()) {
        return branches;
    }
    for (const auto& entry : value) {
        auto name = entry.first.Scalar();
        bool known = std::find(keys.begin(), keys.end(), name) != keys.end();
        if (!known || name == "out_of_office" || name == "opt_out") {
            continue; // reported above; the other targets are still checked
        }
        auto target = read_target(reader, entry.second, name);
        if (!target) {
            continue;
        }
        core::Branch branch;
        branch.on = core::Outcome::replied;
        branch.reply_class = core::parse_reply_class(name);
        branch.target = *target;
        branch.location = reader.where(key);
        branch.target_location = reader.where(entry.second);
        if (std::none_of(branches.begin(), branches.end(),
                         [&branch](const core::Branch& other) { return other.reply_class == branch.reply_class; })) {
            branches.push_back(std::move(branch));
        }
    }
    if (value.size() == 0) {
        reader.error(value, "'replied' names no class: e.g. { interested: book-call, default: end }");
    }
    return branches;
}

std::vector<core::Branch> read_branch(YamlReader& reader, const YAML::Node& key, const YAML::Node& value) {
    auto name = key.as<std::string>();
    auto outcome = std::find_if(k_outcomes.begin(), k_outcomes.end(),
                                [&name](core::Outcome candidate) { return core::to_string(candidate) == name; });
    if (outcome == k_outcomes.end()) {
        return {}; // an unknown key, reported with the keys of 'on'
    }
    if (*outcome == core::Outcome::replied && value.IsMap()) {
        return read_reply_branches(reader, key, value);
    }
    core::Branch branch;
    branch.location = reader.where(key);
    branch.on = *outcome;
    bool timed = branch.on == core::Outcome::not_accepted || branch.on == core::Outcome::no_reply;
    if (!timed) {
        auto target = read_target(reader, value, name);
        if (!target) {
            return {};
        }
        branch.target = *target;
        branch.target_location = reader.where(value);
        return {branch};
    }
    if (!value.IsMap()) {
        reader.error(value, "'" + name + "' needs 'within' and 'goto', e.g. { within: 7d, goto: follow_up }");
        return {};
    }
    if (!reader.check_map(value, "'" + name + "'", {"within", "goto"})) {
        return {};
    }
    // A bad 'within' is reported on its own; the target is still checked, and the step it names still reached.
    branch.within = reader.duration(value, "within", true);
    auto target = reader.string(value, "goto", true);
    if (!target) {
        return {};
    }
    branch.target = *target;
    branch.target_location = reader.where(value["goto"]);
    return {branch};
}

std::vector<core::Variant> read_variants(YamlReader& reader, const YAML::Node& node, std::string_view text_key) {
    std::vector<core::Variant> variants;
    if (!reader.check_sequence(node, "'variants'")) {
        return variants;
    }
    std::set<std::string> ids;
    for (const auto& item : node) {
        core::Variant variant;
        if (!reader.check_map(item, "a variant", {"id", "weight", std::string_view(text_key)})) {
            continue;
        }
        variant.location = reader.where(item[std::string(text_key)] ? item[std::string(text_key)] : item);
        variant.id = reader.string(item, "id", true).value_or("");
        if (!variant.id.empty() && !ids.insert(variant.id).second) {
            reader.error(item["id"], "variant '" + variant.id + "' is listed twice");
        }
        variant.weight = reader.integer(item, "weight", 1, 1000000).value_or(1);
        variant.template_name = reader.string(item, text_key, true).value_or("");
        variants.push_back(std::move(variant));
    }
    if (node.size() < 2) {
        reader.error(node, "an A/B test needs at least two variants");
    }
    return variants;
}

void read_step_text(YamlReader& reader, const YAML::Node& node, core::Step& step) {
    bool is_connect = step.type == core::ActionType::connect;
    std::string_view text_key = is_connect ? "note" : "template";
    std::string_view wrong_key = is_connect ? "template" : "note";
    if (!core::sends_text(step.type)) {
        for (const char* key : {"note", "template", "variants"}) {
            if (node[key]) {
                reader.error(node[key], a_step(step.type) + " sends no text: remove '" + key + "'");
            }
        }
        return;
    }
    if (node[std::string(wrong_key)]) {
        reader.error(node[std::string(wrong_key)],
                     "the text of " + a_step(step.type) + " is its '" + std::string(text_key) + "'");
    }
    step.template_name = reader.string(node, text_key).value_or("");
    step.template_location = reader.where(node[std::string(text_key)]);
    if (auto variants = node["variants"]) {
        step.variants = read_variants(reader, variants, text_key);
        if (!step.template_name.empty()) {
            reader.error(node[std::string(text_key)],
                         "a step with variants takes its text from them: remove '" + std::string(text_key) + "'");
        }
    } else if (step.template_name.empty() && !is_connect) {
        reader.error(node, a_step(step.type) + " needs a 'template'");
    }
}

core::Step read_step(YamlReader& reader, const YAML::Node& node) {
    core::Step step;
    step.location = reader.where(node);
    if (!reader.check_map(node, "a step", {"id", "type", "after", "note", "template", "variants", "on", "next"})) {
        return step;
    }
    if (auto id = reader.string(node, "id", true)) {
        if (*id == core::k_end_step) {
            reader.error(node["id"], "'end' is reserved for the end of the campaign; name the step otherwise");
        } else if (!is_identifier(*id, true)) {
            reader.error(node["id"], "step id '" + *id + "' must be lower-case letters, digits, '-' and '_'");
        } else {
            step.id = *id;
        }
    }
    if (auto type = reader.string(node, "type", true)) {
        if (auto parsed = core::parse_action_type(*type)) {
            step.type = *parsed;
            read_step_text(reader, node, step);
        } else {
            auto suggestion = core::closest_match(*type, core::action_type_names());
            reader.error(node["type"], "unknown step type '" + *type + "'" +
                                           (suggestion ? " (did you mean '" + *suggestion + "'?)" : ""));
        }
    }
    step.after = reader.duration(node, "after").value_or(core::Duration{0});
    step.next = reader.string(node, "next");
    if (auto on = node["on"]; on && reader.check_map(on, "'on'", {"accepted", "not_accepted", "replied", "no_reply"})) {
        for (const auto& entry : on) {
            auto branches = read_branch(reader, entry.first, entry.second);
            // A key given twice is reported by check_map; the first one holds, as for every other key.
            if (!branches.empty() &&
                std::none_of(step.branches.begin(), step.branches.end(),
                             [&branches](const core::Branch& other) { return other.on == branches.front().on; })) {
                step.branches.insert(step.branches.end(), branches.begin(), branches.end());
            }
        }
    }
    return step;
}

std::vector<core::Step> read_steps(YamlReader& reader, const YAML::Node& node) {
    std::vector<core::Step> steps;
    if (!reader.check_sequence(node, "'steps'")) {
        return steps;
    }
    if (node.size() == 0) {
        reader.error(node, "a campaign needs at least one step");
    }
    std::map<std::string, int> lines;
    for (const auto& item : node) {
        auto step = read_step(reader, item);
        if (!step.id.empty()) {
            if (auto [first, inserted] = lines.emplace(step.id, step.location.line); !inserted) {
                reader.error(item["id"], "step '" + step.id + "' is defined twice (first on line " +
                                             std::to_string(first->second) + ")");
            }
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

void read_campaign(YamlReader& reader, const YAML::Node& root, const std::filesystem::path& file,
                   core::Campaign& campaign) {
    campaign.location = reader.where(root);
    if (!reader.check_map(root, "the campaign file",
                          {"campaign", "description", "templates", "senders", "audience", "routing", "prospect_hours",
                           "when_notes_run_out", "stop", "steps", "mock", "gateway", "hooks"})) {
        return;
    }
    if (auto id = reader.string(root, "campaign", true)) {
        if (is_identifier(*id, false)) {
            campaign.id = *id;
        } else {
            reader.error(root["campaign"], "campaign name '" + *id + "' must be lower-case letters, digits and " +
                                               "'-', starting with a letter");
        }
    }
    campaign.description = reader.string(root, "description").value_or("");
    campaign.templates_dir =
        (file.parent_path() / reader.string(root, "templates").value_or("../templates")).lexically_normal().string();
    auto required = [&reader, &root](const char* key) {
        auto node = root[key];
        if (!node) {
            reader.error(root, std::string("missing required key '") + key + "'");
        }
        return node;
    };
    if (auto senders = required("senders")) {
        campaign.senders = read_senders(reader, senders);
    }
    if (auto audience = required("audience")) {
        campaign.audience = read_audience(reader, audience);
    }
    if (auto routing = root["routing"]) {
        campaign.routing = read_routing(reader, routing, campaign.senders);
        campaign.routing_location = reader.where_key(root, "routing");
    }
    if (auto hours = root["prospect_hours"]) {
        campaign.prospect_hours.emplace();
        campaign.prospect_hours_location = reader.where(hours);
        campaign.prospect_hours->days = {false, true, true, true, true, true, false};
        read_working_hours(reader, hours, "prospect_hours", "'prospect_hours'", *campaign.prospect_hours);
    }
    if (auto then = reader.string(root, "when_notes_run_out")) {
        if (*then == "hold") {
            campaign.notes_run_out = core::NotesRunOut::hold;
        } else if (*then != "without_note") {
            reader.error(root["when_notes_run_out"], "'when_notes_run_out' must be 'without_note' (invitations go "
                                                     "without their note) or 'hold' (they wait for next month's "
                                                     "notes), not '" +
                                                         *then + "'");
        }
    }
    if (auto steps = required("steps")) {
        campaign.steps = read_steps(reader, steps);
    }
    if (auto stop = root["stop"]) {
        campaign.stop = read_stop(reader, stop);
    }
    check_sequence(reader, campaign, root["steps"]);
    check_templates(reader, campaign, root["templates"]);
}

} // namespace

bool is_identifier(std::string_view text, bool allow_underscore) {
    bool starts_well =
        !text.empty() && ((text[0] >= 'a' && text[0] <= 'z') || (allow_underscore && text[0] >= '0' && text[0] <= '9'));
    if (!starts_well) {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [allow_underscore](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (allow_underscore && c == '_');
    });
}

std::string a_step(core::ActionType type) {
    auto name = std::string(core::to_string(type));
    bool vowel = std::string_view("aeiou").find(name.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + name + " step";
}

namespace {

LoadedCampaign load_document(YamlReader& reader, const std::optional<YAML::Node>& root,
                             const std::filesystem::path& file) {
    LoadedCampaign result;
    if (!root) {
        result.diagnostics = reader.take_diagnostics();
        return result;
    }
    core::Campaign campaign;
    read_campaign(reader, *root, file, campaign);
    std::optional<core::MockModel> mock_model;
    if (root->IsMap() && (*root)["mock"]) {
        mock_model = read_mock_model(reader, (*root)["mock"], "'mock'");
    }
    std::optional<core::GatewaySettings> gateway;
    if (root->IsMap() && (*root)["gateway"]) {
        gateway = read_gateway(reader, (*root)["gateway"], file);
    }
    if (root->IsMap() && (*root)["hooks"]) {
        campaign.hooks = read_hooks(reader, (*root)["hooks"], file);
    }
    result.diagnostics = reader.take_diagnostics();
    sort_by_place(result.diagnostics);
    bool any_error = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                 [](const core::Diagnostic& one) { return one.severity == core::Severity::error; });
    if (!any_error) {
        result.campaign = std::move(campaign);
        result.mock_model = std::move(mock_model);
        result.gateway = std::move(gateway);
    }
    return result;
}

} // namespace

LoadedCampaign load_campaign(const std::filesystem::path& file) {
    YamlReader reader(file.string());
    return load_document(reader, read_document(reader, file), file);
}

LoadedCampaign load_campaign_text(const std::string& text, const std::filesystem::path& file) {
    YamlReader reader(file.string());
    return load_document(reader, parse_document(reader, text, file), file);
}

} // namespace campaign::config
