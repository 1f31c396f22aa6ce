// The command line: parses the arguments, runs the chosen command, and turns its errors into exit codes.
#pragma once

namespace campaign::cli {

int run(int argc, char** argv);

} // namespace campaign::cli
