// campaign completion bash|zsh|fish: a completion script made from the commands and options this binary has, so
// that it cannot drift from them. Each script finds the command typed so far (skipping options and their values),
// then offers its commands, its options and the global ones, the choices of an option, or file names.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>
#include <set>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "core/text.hpp"

namespace campaign::cli {

namespace {

struct OptionShape {
    std::vector<std::string> names; // "--format", "-v"
    std::string description;
    bool takes_value = false;
    std::vector<std::string> choices; // of an option checked with CLI::IsMember
};

struct CommandShape {
    std::string path; // "" for campaign itself, "prospects import"
    std::string description;
    std::vector<std::string> commands;
    std::vector<OptionShape> options;
    bool takes_arguments = false;
    std::vector<std::string> argument_choices; // of its first argument, when it has some (completion SHELL)
};

// CLI::IsMember describes itself as "{table,json}".
std::vector<std::string> choices_of(const CLI::Option& option) {
    auto type = option.get_type_name();
    auto open = type.find('{');
    auto close = type.find('}', open);
    if (open == std::string::npos || close == std::string::npos) {
        return {};
    }
    return core::split_list(type.substr(open + 1, close - open - 1), ",");
}

void collect(const CLI::App& command, const std::string& path, std::vector<CommandShape>& shapes) {
    CommandShape shape{path, command.get_description(), {}, {}, false, {}};
    for (const auto* option : command.get_options()) {
        if (option->get_positional()) {
            if (!shape.takes_arguments) {
                shape.argument_choices = choices_of(*option);
            }
            shape.takes_arguments = true;
        }
        if (!option->nonpositional()) {
            continue;
        }
        OptionShape one{{}, option->get_description(), option->get_type_size_max() > 0, choices_of(*option)};
        for (const auto& name : option->get_lnames()) {
            one.names.push_back("--" + name);
        }
        for (const auto& name : option->get_snames()) {
            one.names.push_back("-" + name);
        }
        shape.options.push_back(std::move(one));
    }
    auto below = command.get_subcommands([](const CLI::App*) { return true; });
    for (const auto* subcommand : below) {
        shape.commands.push_back(subcommand->get_name());
    }
    shapes.push_back(std::move(shape));
    for (const auto* subcommand : below) {
        collect(*subcommand, path.empty() ? subcommand->get_name() : path + " " + subcommand->get_name(), shapes);
    }
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) {
        text += (text.empty() ? "" : " ") + word;
    }
    return text;
}

std::vector<std::string> option_names(const CommandShape& shape) {
    std::vector<std::string> names;
    for (const auto& option : shape.options) {
        names.insert(names.end(), option.names.begin(), option.names.end());
    }
    return names;
}

// Single quotes for the shells: descriptions are prose.
std::string quoted(const std::string& text) {
    std::string result = "'";
    for (char c : text) {
        result += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return result + "'";
}

// The functions bash and zsh share: what each command has, as `case` tables.
void write_tables(std::ostream& out, const std::vector<CommandShape>& shapes) {
    out << "_campaign_commands() {\n    case \"$1\" in\n";
    for (const auto& shape : shapes) {
        if (!shape.commands.empty()) {
            out << "        " << quoted(shape.path) << ") echo " << quoted(joined(shape.commands)) << " ;;\n";
        }
    }
    out << "    esac\n}\n\n_campaign_options() {\n    case \"$1\" in\n";
    for (const auto& shape : shapes) {
        out << "        " << quoted(shape.path) << ") echo " << quoted(joined(option_names(shape))) << " ;;\n";
    }
    out << "    esac\n}\n\n# The commands that take arguments, files most often: they complete file names, or the\n"
        << "# argument's choices when it has some.\n"
        << "_campaign_takes_arguments() {\n    case \"$1\" in\n";
    for (const auto& shape : shapes) {
        if (shape.takes_arguments) {
            out << "        " << quoted(shape.path) << ") echo " << quoted(joined(shape.argument_choices))
                << "; return 0 ;;\n";
        }
    }
    out << "    esac\n    return 1\n}\n\n# An option that takes a value, and its choices when it has some: "
           "\"COMMAND|OPTION\".\n"
        << "_campaign_value_of() {\n    case \"$1|$2\" in\n";
    for (const auto& shape : shapes) {
        for (const auto& option : shape.options) {
            if (!option.takes_value) {
                continue;
            }
            for (const auto& name : option.names) {
                out << "        " << quoted(shape.path + "|" + name) << ") echo " << quoted(joined(option.choices))
                    << "; return 0 ;;\n";
            }
        }
    }
    out << "    esac\n    return 1\n}\n\n"
        << "# The command typed so far, from the words before the cursor: \"prospects import\".\n"
        << "_campaign_command_path() {\n"
        << "    local cmdpath=\"\" word skip=0\n"
        << "    for word in \"$@\"; do\n"
        << "        if [ \"$skip\" = 1 ]; then\n"
        << "            skip=0\n"
        << "            continue\n"
        << "        fi\n"
        << "        case \"$word\" in\n"
        << "            --*=*) ;;\n"
        << "            -*) _campaign_option_value \"$cmdpath\" \"$word\" >/dev/null && skip=1 ;;\n"
        << "            *) case \" $(_campaign_commands \"$cmdpath\") \" in\n"
        << "                   *\" $word \"*) cmdpath=\"${cmdpath:+$cmdpath }$word\" ;;\n"
        << "               esac ;;\n"
        << "        esac\n"
        << "    done\n"
        << "    echo \"$cmdpath\"\n"
        << "}\n\n"
        << "# The option's choices, if it takes a value: its command's own, else a global one (they work anywhere).\n"
        << "_campaign_option_value() {\n"
        << "    _campaign_value_of \"$1\" \"$2\" || _campaign_value_of '' \"$2\"\n"
        << "}\n\n";
}

void write_bash(std::ostream& out, const std::vector<CommandShape>& shapes) {
    out << "# bash completion for campaign, made by `campaign completion bash`:\n"
        << "#   source <(campaign completion bash)\n\n";
    write_tables(out, shapes);
    out << "_campaign() {\n"
        << "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmdpath choices\n"
        << "    cmdpath=$(_campaign_command_path \"${COMP_WORDS[@]:1:COMP_CWORD-1}\")\n"
        << "    COMPREPLY=()\n"
        << "    if [ \"$COMP_CWORD\" -gt 1 ] && [[ $prev == -* ]] && choices=$(_campaign_option_value \"$cmdpath\" "
           "\"$prev\"); then\n"
        << "        if [ -n \"$choices\" ]; then\n"
        << "            COMPREPLY=($(compgen -W \"$choices\" -- \"$cur\"))\n"
        << "        else\n"
        << "            COMPREPLY=($(compgen -f -- \"$cur\"))\n"
        << "        fi\n"
        << "        return 0\n"
        << "    fi\n"
        << "    if [[ $cur == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W \"$(_campaign_options \"$cmdpath\") $(_campaign_options '')\" -- "
           "\"$cur\"))\n"
        << "        return 0\n"
        << "    fi\n"
        << "    COMPREPLY=($(compgen -W \"$(_campaign_commands \"$cmdpath\")\" -- \"$cur\"))\n"
        << "    if choices=$(_campaign_takes_arguments \"$cmdpath\"); then\n"
        << "        if [ -n \"$choices\" ]; then\n"
        << "            COMPREPLY+=($(compgen -W \"$choices\" -- \"$cur\"))\n"
        << "        else\n"
        << "            COMPREPLY+=($(compgen -f -- \"$cur\"))\n"
        << "        fi\n"
        << "    fi\n"
        << "}\n\n"
        << "complete -o filenames -F _campaign campaign\n";
}

void write_zsh(std::ostream& out, const std::vector<CommandShape>& shapes) {
    out << "#compdef campaign\n"
        << "# zsh completion for campaign, made by `campaign completion zsh`: save it as _campaign in a folder of\n"
        << "# $fpath, or load it now with: source <(campaign completion zsh)\n\n";
    write_tables(out, shapes);
    out << "_campaign() {\n"
        << "    local cmdpath choices\n"
        << "    local -a offered\n"
        << "    cmdpath=$(_campaign_command_path \"${(@)words[2,CURRENT-1]}\")\n"
        << "    local prev=${words[CURRENT-1]}\n"
        << "    if (( CURRENT > 2 )) && [[ $prev == -* ]] && choices=$(_campaign_option_value \"$cmdpath\" "
           "\"$prev\"); then\n"
        << "        if [[ -n $choices ]]; then\n"
        << "            offered=(${=choices})\n"
        << "            compadd -a offered\n"
        << "        else\n"
        << "            _files\n"
        << "        fi\n"
        << "        return\n"
        << "    fi\n"
        << "    if [[ $PREFIX == -* ]]; then\n"
        << "        offered=(${=$(_campaign_options \"$cmdpath\")} ${=$(_campaign_options '')})\n"
        << "        compadd -a offered\n"
        << "        return\n"
        << "    fi\n"
        << "    offered=(${=$(_campaign_commands \"$cmdpath\")})\n"
        << "    compadd -a offered\n"
        << "    if choices=$(_campaign_takes_arguments \"$cmdpath\"); then\n"
        << "        if [[ -n $choices ]]; then\n"
        << "            offered=(${=choices})\n"
        << "            compadd -a offered\n"
        << "        else\n"
        << "            _files\n"
        << "        fi\n"
        << "    fi\n"
        << "}\n\n"
        << "if (( $+functions[compdef] )); then\n"
        << "    compdef _campaign campaign\n"
        << "fi\n";
}

void write_fish(std::ostream& out, const std::vector<CommandShape>& shapes) {
    out << "# fish completion for campaign, made by `campaign completion fish`: save it as\n"
        << "# ~/.config/fish/completions/campaign.fish, or load it now with: campaign completion fish | source\n\n"
        << "complete -c campaign -e\n\n"
        << "function __campaign_commands\n    switch \"$argv[1]\"\n";
    for (const auto& shape : shapes) {
        if (!shape.commands.empty()) {
            out << "        case " << quoted(shape.path) << "\n            echo " << quoted(joined(shape.commands))
                << "\n";
        }
    }
    out << "    end\nend\n\n# The options that take a value, of every command.\nset -g __campaign_valued";
    std::set<std::string> valued;
    for (const auto& shape : shapes) {
        for (const auto& option : shape.options) {
            if (option.takes_value) {
                valued.insert(option.names.begin(), option.names.end());
            }
        }
    }
    for (const auto& name : valued) {
        out << " -- " << name;
    }
    out << "\n\n"
        << "# The command typed so far, from the words before the cursor: \"prospects import\".\n"
        << "function __campaign_command_path\n"
        << "    set -l cmdpath\n"
        << "    set -l skip 0\n"
        << "    for word in (commandline -opc)[2..-1]\n"
        << "        if test $skip = 1\n"
        << "            set skip 0\n"
        << "            continue\n"
        << "        end\n"
        << "        switch $word\n"
        << "            case '--*=*'\n"
        << "            case '-*'\n"
        << "                if contains -- $word $__campaign_valued\n"
        << "                    set skip 1\n"
        << "                end\n"
        << "            case '*'\n"
        << "                if contains -- $word (string split ' ' (__campaign_commands \"$cmdpath\"))\n"
        << "                    set cmdpath (string trim \"$cmdpath $word\")\n"
        << "                end\n"
        << "        end\n"
        << "    end\n"
        << "    echo \"$cmdpath\"\n"
        << "end\n\n"
        << "function __campaign_at\n"
        << "    test \"$(__campaign_command_path)\" = \"$argv[1]\"\n"
        << "end\n\n";
    for (const auto& shape : shapes) {
        auto condition = "-n " + quoted("__campaign_at " + quoted(shape.path));
        for (const auto& command : shape.commands) {
            auto below = std::find_if(shapes.begin(), shapes.end(), [&](const CommandShape& one) {
                return one.path == (shape.path.empty() ? command : shape.path + " " + command);
            });
            out << "complete -c campaign -f " << condition << " -a " << quoted(command) << " -d "
                << quoted(below == shapes.end() ? "" : below->description) << '\n';
        }
        for (const auto& option : shape.options) {
            out << "complete -c campaign";
            // The global options work after any command.
            if (!shape.path.empty()) {
                out << ' ' << condition;
            }
            for (const auto& name : option.names) {
                out << (name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1));
            }
            if (!option.choices.empty()) {
                out << " -x -a " << quoted(joined(option.choices));
            } else if (option.takes_value) {
                out << " -r";
            }
            out << " -d " << quoted(option.description) << '\n';
        }
        if (!shape.argument_choices.empty()) {
            out << "complete -c campaign -f " << condition << " -a " << quoted(joined(shape.argument_choices)) << '\n';
        } else if (!shape.takes_arguments && !shape.commands.empty()) {
            out << "complete -c campaign -f " << condition << '\n';
        }
    }
}

int completion(Context& context, const CLI::App& app, const std::string& shell) {
    std::vector<CommandShape> shapes;
    collect(app, "", shapes);
    if (shell == "bash") {
        write_bash(context.out, shapes);
    } else if (shell == "zsh") {
        write_zsh(context.out, shapes);
    } else {
        write_fish(context.out, shapes);
    }
    return k_ok;
}

} // namespace

void add_completion_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("completion", "Print a shell completion script: bash, zsh or fish");
    auto shell = std::make_shared<std::string>();
    command->add_option("SHELL", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    set_examples(*command, {"source <(campaign completion bash)   # in ~/.bashrc",
                            "campaign completion zsh > \"${fpath[1]}/_campaign\"",
                            "campaign completion fish > ~/.config/fish/completions/campaign.fish"});
    on_run(*command, context, [&context, &app, shell] { return completion(context, app, *shell); });
}

} // namespace campaign::cli
