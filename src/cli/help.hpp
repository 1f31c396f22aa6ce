// What the command line says about itself: `campaign help [COMMAND...]`, the help of a command group run without
// its command, "unknown command" with the closest one, and the examples that end each command's help.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.hpp"

namespace campaign::cli {

void add_help_command(CLI::App& app, Context& context);

// "campaign prospects import": the command as typed from the root.
std::string command_path(const CLI::App& command);

// The help of `command`, its usage line naming it from the root.
std::string help_of(const CLI::App& command);

// The deepest command the arguments name, skipping options and their values; with the word that names no command
// where a command was expected.
struct NamedCommand {
    const CLI::App* command = nullptr;
    std::optional<std::string> unknown;
};
NamedCommand named_command(const CLI::App& app, const std::vector<std::string>& arguments);

// "error: unknown command 'prospects lst' (did you mean 'prospects list'?)"
std::string unknown_command_message(const CLI::App& parent, const std::string& word);

// Ends the command's help with these command lines, one a line.
void set_examples(CLI::App& command, std::initializer_list<std::string_view> examples);

} // namespace campaign::cli
