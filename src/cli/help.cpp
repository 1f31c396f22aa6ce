#include "cli/help.hpp"

#include <CLI/CLI.hpp>
#include <ostream>

#include "core/text.hpp"

namespace campaign::cli {

namespace {

std::vector<const CLI::App*> subcommands_of(const CLI::App& command) {
    return command.get_subcommands([](const CLI::App*) { return true; });
}

const CLI::App* subcommand_named(const CLI::App& command, const std::string& name) {
    for (const auto* subcommand : subcommands_of(command)) {
        if (subcommand->check_name(name)) {
            return subcommand;
        }
    }
    return nullptr;
}

bool takes_positionals(const CLI::App& command) {
    return !command.get_options([](const CLI::Option* option) { return option->get_positional(); }).empty();
}

// Options of the command and of those above it, which fall through to them: whether `word` needs the next word.
bool takes_value(const CLI::App& command, const std::string& word) {
    for (const auto* level = &command; level != nullptr; level = level->get_parent()) {
        if (const auto* option = level->get_option_no_throw(word)) {
            return option->get_type_size_max() > 0;
        }
    }
    return false;
}

// "prospects list" for the help's words: the path without the program's own name.
std::string path_below_root(const CLI::App& command) {
    auto path = command_path(command);
    auto space = path.find(' ');
    return space == std::string::npos ? "" : path.substr(space + 1);
}

int help(Context& context, const CLI::App& app, const std::vector<std::string>& words) {
    auto named = named_command(app, words);
    if (named.unknown) {
        context.err << unknown_command_message(*named.command, *named.unknown) << '\n';
        return k_usage;
    }
    context.out << help_of(*named.command);
    return k_ok;
}

} // namespace

std::string command_path(const CLI::App& command) {
    std::string path = command.get_name();
    for (const auto* parent = command.get_parent(); parent != nullptr; parent = parent->get_parent()) {
        path = parent->get_name() + " " + path;
    }
    return path;
}

std::string help_of(const CLI::App& command) {
    return command.get_formatter()->make_help(&command, command_path(command), CLI::AppFormatMode::Normal);
}

NamedCommand named_command(const CLI::App& app, const std::vector<std::string>& arguments) {
    NamedCommand named{&app, std::nullopt};
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const auto& word = arguments[i];
        if (word == "--") {
            break;
        }
        if (word.size() > 1 && word[0] == '-') {
            i += word.find('=') == std::string::npos && takes_value(*named.command, word) ? 1 : 0;
            continue;
        }
        if (const auto* subcommand = subcommand_named(*named.command, word)) {
            named.command = subcommand;
            continue;
        }
        // An argument of the command, or a command it does not have.
        if (!subcommands_of(*named.command).empty() && !takes_positionals(*named.command)) {
            named.unknown = word;
        }
        break;
    }
    return named;
}

std::string unknown_command_message(const CLI::App& parent, const std::string& word) {
    std::vector<std::string> names;
    for (const auto* subcommand : subcommands_of(parent)) {
        names.push_back(subcommand->get_name());
    }
    std::vector<std::string_view> candidates(names.begin(), names.end());
    auto prefix = path_below_root(parent);
    prefix += prefix.empty() ? "" : " ";
    auto suggestion = core::closest_match(word, candidates);
    return "error: unknown command '" + prefix + word + "'" +
           (suggestion ? " (did you mean '" + prefix + *suggestion + "'?)"
                       : " ('" + command_path(parent) + " --help' lists the commands)");
}

void set_examples(CLI::App& command, std::initializer_list<std::string_view> examples) {
    std::string text = "Examples:";
    for (auto example : examples) {
        text += "\n  ";
        text += example;
    }
    command.footer(text);
}

void add_help_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("help", "Show the help of campaign or of one of its commands");
    auto words = std::make_shared<std::vector<std::string>>();
    command->add_option("COMMAND", *words, "The command, e.g. run or prospects import");
    set_examples(*command, {"campaign help", "campaign help run", "campaign help prospects import"});
    on_run(*command, context, [&context, &app, words] { return help(context, app, *words); });
}

} // namespace campaign::cli
