#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

const std::vector<std::string> k_classes{"interested",    "not_interested", "later",  "referral",
                                         "out_of_office", "opt_out",        "neutral"};

} // namespace

// The labelled corpus of tests/triage (LABELLING.md), every language, through the binary as a user's check would
// run it: the quality bar of the rules.
TEST_CASE("the triage rules reach their quality bar on the labelled corpus", "[e2e][replies]") {
    Workspace workspace;
    std::map<std::string, nlohmann::json> labels;
    std::string all;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(CAMPAIGN_SOURCE_DIR) / "tests/triage/corpus")) {
        std::ifstream input(entry.path());
        for (std::string line; std::getline(input, line);) {
            auto label = nlohmann::json::parse(line);
            labels[label["id"]] = label;
            all += line + "\n";
        }
    }
    workspace.write("corpus.jsonl", all);
    auto result = workspace.run({"replies", "classify", "--file", "corpus.jsonl", "--format", "json"});
    REQUIRE(result.exit_code == 0);
    std::vector<nlohmann::json> readings;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        readings.push_back(nlohmann::json::parse(line));
    }
    REQUIRE(readings.size() == labels.size());
    REQUIRE(labels.size() >= 400);

    std::map<std::string, int> true_positive, labelled, predicted;
    int right = 0, right_language = 0, dated = 0, right_until = 0, false_opt_outs = 0;
    for (const auto& reading : readings) {
        const auto& label = labels.at(reading["id"]);
        std::string want = label["class"], got = reading["class"];
        ++labelled[want];
        ++predicted[got];
        if (want == got) {
            ++right;
            ++true_positive[want];
        } else {
            UNSCOPED_INFO(label["id"].get<std::string>()
                          << ": " << want << " read as " << got << " (" << reading["reason"].get<std::string>() << ")");
        }
        right_language += label["language"] == reading["language"] ? 1 : 0;
        false_opt_outs += want != "opt_out" && got == "opt_out" ? 1 : 0;
        if (want == "later" || want == "out_of_office") {
            ++dated;
            right_until += label["until"] == reading["until"] ? 1 : 0;
        }
    }
    double macro_f1 = 0;
    for (const auto& name : k_classes) {
        double precision = predicted[name] ? double(true_positive[name]) / predicted[name] : 1.0;
        double recall = labelled[name] ? double(true_positive[name]) / labelled[name] : 1.0;
        macro_f1 += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }
    macro_f1 /= double(k_classes.size());
    double n = double(readings.size());
    CHECK(right / n >= 0.92);
    CHECK(macro_f1 >= 0.90);
    CHECK(false_opt_outs <= n / 300);
    CHECK(double(true_positive["interested"]) / labelled["interested"] >= 0.95);
    CHECK(double(right_until) / dated >= 0.85);
    CHECK(right_language / n >= 0.95);
}
