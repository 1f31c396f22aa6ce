// Loading the http transport's gateway: a campaign's `gateway:` section, inline or naming a file of its own, or that
// file given on the command line, checked as docs/http-transport.md describes it, every problem at its line and
// column. A key in the file is an error: the file names the environment variable that holds it.
#pragma once

#include <filesystem>
#include <optional>

#include "core/error.hpp"
#include "core/gateway.hpp"

namespace campaign::config {

struct LoadedGateway {
    std::optional<core::GatewaySettings> settings; // set only when there are no diagnostics
    core::Diagnostics diagnostics;
};

LoadedGateway load_gateway(const std::filesystem::path& file);

} // namespace campaign::config
