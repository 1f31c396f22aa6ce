#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "config/reply_rules_loader.hpp"

using namespace campaign;

namespace {

std::filesystem::path write_rules(const std::string& name, const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST_CASE("a rules file replaces the classes it names and keeps the others", "[config]") {
    auto path = write_rules("campaign-rules-good.yaml", "positive: [yes please, \"let's do it\"]\n"
                                                        "negative: nope, no way\n");
    auto loaded = config::load_reply_rules(path);
    REQUIRE(loaded.diagnostics.empty());
    REQUIRE(loaded.rules);
    CHECK(loaded.rules->of(core::ReplyClass::positive) == std::vector<std::string>{"yes please", "let's do it"});
    CHECK(loaded.rules->of(core::ReplyClass::negative) == std::vector<std::string>{"nope", "no way"});
    CHECK(loaded.rules->of(core::ReplyClass::opt_out) == core::default_reply_rules().of(core::ReplyClass::opt_out));
    std::filesystem::remove(path);
}

TEST_CASE("a rules file's mistakes are reported where they are", "[config]") {
    auto path = write_rules("campaign-rules-bad.yaml", "positive: [yes]\npositve: [sure]\nneutral: [ok]\n");
    auto loaded = config::load_reply_rules(path);
    CHECK_FALSE(loaded.rules);
    REQUIRE(loaded.diagnostics.size() == 2);
    CHECK(loaded.diagnostics[0].to_string() ==
          path.string() + ":2:1: error: unknown key 'positve' in the reply rules file (did you mean 'positive'?)");
    CHECK(loaded.diagnostics[1].to_string().rfind(path.string() + ":3:1: error: unknown key 'neutral'", 0) == 0);
    std::filesystem::remove(path);

    auto missing = config::load_reply_rules("no-such-rules.yaml");
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].to_string() == "no-such-rules.yaml: error: cannot read the file");
}
