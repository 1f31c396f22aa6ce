#include "cli/run.hpp"

int main(int argc, char** argv) {
    return campaign::cli::run(argc, argv);
}
