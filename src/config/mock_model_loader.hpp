// Loading the mock transport's model of how prospects behave: the `mock:` section of a campaign file, or a model file
// of its own (`campaign run --model FILE`) whose top level is that section, with every problem at its line and column.
#pragma once

#include <filesystem>
#include <optional>

#include "core/error.hpp"
#include "core/mock_model.hpp"

namespace campaign::config {

struct LoadedMockModel {
    std::optional<core::MockModel> model; // set only when there are no diagnostics
    core::Diagnostics diagnostics;
};

LoadedMockModel load_mock_model(const std::filesystem::path& file);

} // namespace campaign::config
