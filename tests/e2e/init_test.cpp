#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

TEST_CASE("init scaffolds a project that imports and validates", "[e2e][init]") {
    Workspace workspace;
    auto init = workspace.run({"init"});
    REQUIRE(init.exit_code == 0);
    CHECK(init.out.find("created  ./prospects.csv") != std::string::npos);
    CHECK(std::filesystem::exists(workspace.path() / "campaigns/founders-intro.yaml"));
    CHECK(std::filesystem::exists(workspace.path() / "templates/partials/signature.mustache"));

    auto import = workspace.run({"prospects", "import", "prospects.csv"});
    CHECK(import.exit_code == 0);
    CHECK(import.out == "prospects.csv (csv): inserted 300, updated 0, unchanged 0, rejected 0\n");

    auto validate = workspace.run({"validate", "campaigns/customer-checkin.yaml", "campaigns/founders-intro.yaml",
                                   "campaigns/vp-sales-followup.yaml"});
    CHECK(validate.exit_code == 0);
    CHECK(validate.err.empty());
}

TEST_CASE("init never overwrites a file", "[e2e][init]") {
    Workspace workspace;
    workspace.write("campaigns/founders-intro.yaml", "mine\n");
    auto init = workspace.run({"init"});
    REQUIRE(init.exit_code == 0);
    CHECK(init.out.find("kept     ./campaigns/founders-intro.yaml (already there)") != std::string::npos);
    CHECK(workspace.read("campaigns/founders-intro.yaml") == "mine\n");

    auto again = workspace.run({"init"});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("created") == std::string::npos);
}

TEST_CASE("init writes into a named folder, creating it", "[e2e][init]") {
    Workspace workspace;
    auto init = workspace.run({"init", "acme/outreach"});
    REQUIRE(init.exit_code == 0);
    CHECK(std::filesystem::exists(workspace.path() / "acme/outreach/prospects.csv"));
    CHECK(init.out.find("cd acme/outreach && campaign prospects import prospects.csv") != std::string::npos);
}
