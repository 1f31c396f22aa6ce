// The cost of rendering a campaign's message for many prospects, as `campaign validate` and `campaign run` do: the
// template read and parsed once, then rendered for each prospect with its fallbacks, sections, spintax and partial.
// The anchor is mstch, the Mustache library, rendering the same message written in plain Mustache from its text.
//
//   render_bench TEMPLATES PROSPECTS [mstch]      (prints: renderings, seconds, microseconds per rendering)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "template/template_set.hpp"
#ifdef CAMPAIGN_BENCH_MSTCH
#include <mstch/mstch.hpp>
#endif

using namespace campaign;

namespace {

// A connection note and a follow-up as a campaign writes them: spintax, fallbacks, a section for what may be
// missing, an inverted one for when it is, and the signature as a partial.
constexpr const char* k_message =
    "{Hi|Hello|Hey} {{first_name | there}},\n"
    "\n"
    "{{#company}}\n"
    "I saw that {{company}} is hiring{{#title}}, and that you lead it as {{title}}{{/title}}.\n"
    "{{/company}}\n"
    "{{^company}}\n"
    "I enjoyed your posts on {{industry | your field}}.\n"
    "{{/company}}\n"
    "\n"
    "{Would you be open to|Are you up for} a short call next week?\n"
    "\n"
    "{{> signature}}\n";
constexpr const char* k_signature = "Best,\n{{sender.first_name}}\n";

// The same message in plain Mustache, with the first spintax options, for the anchor.
constexpr const char* k_plain =
    "Hi {{#first_name}}{{first_name}}{{/first_name}}{{^first_name}}there{{/first_name}},\n"
    "\n"
    "{{#company}}\n"
    "I saw that {{company}} is hiring{{#title}}, and that you lead it as {{title}}{{/title}}.\n"
    "{{/company}}\n"
    "{{^company}}\n"
    "I enjoyed your posts on {{#industry}}{{industry}}{{/industry}}{{^industry}}your field{{/industry}}.\n"
    "{{/company}}\n"
    "\n"
    "Would you be open to a short call next week?\n"
    "\n"
    "{{> signature}}\n";

core::Prospect prospect(int i) {
    core::Prospect result;
    result.profile_url = "https://linkedin.com/in/bench-" + std::to_string(i);
    result.first_name = i % 10 == 0 ? "" : "Ann" + std::to_string(i);
    result.company = i % 3 == 0 ? "" : "Acme " + std::to_string(i % 97);
    result.title = i % 2 == 0 ? "" : "Head of Sales";
    result.industry = "Software";
    return result;
}

core::Campaign bench_campaign(const std::filesystem::path& folder) {
    core::Campaign campaign;
    campaign.id = "bench";
    campaign.templates_dir = folder.string();
    core::Sender sender;
    sender.id = "alice";
    sender.fields = {{"first_name", "Alice"}};
    sender.limits = core::default_limits(core::AccountType::premium);
    campaign.senders.push_back(sender);
    core::Step step;
    step.id = "hello";
    step.type = core::ActionType::message;
    step.template_name = "hello.mustache";
    campaign.steps.push_back(step);
    return campaign;
}

std::size_t render_product(const std::filesystem::path& folder, int prospects) {
    std::ofstream(folder / "hello.mustache") << k_message;
    std::filesystem::create_directories(folder / "partials");
    std::ofstream(folder / "partials" / "signature.mustache") << k_signature;
    auto campaign = bench_campaign(folder);
    templating::TemplateSet templates(campaign);
    std::size_t characters = 0;
    for (int i = 0; i < prospects; ++i) {
        auto person = prospect(i);
        auto result = templates.render("hello.mustache", core::ActionType::message,
                                       {person, campaign.senders.front(), campaign, "hello"});
        characters += result.message ? result.message->body.size() : 0;
    }
    return characters;
}

#ifdef CAMPAIGN_BENCH_MSTCH
std::size_t render_mstch(int prospects) {
    mstch::config::escape = [](const std::string& text) { return text; };
    std::map<std::string, std::string> partials{{"signature", "Best,\n{{#sender}}{{first_name}}{{/sender}}\n"}};
    std::size_t characters = 0;
    for (int i = 0; i < prospects; ++i) {
        auto person = prospect(i);
        mstch::map data{{"sender", mstch::map{{"first_name", std::string("Alice")}}}};
        for (auto [name, value] : {std::pair{"first_name", &person.first_name},
                                   {"company", &person.company},
                                   {"title", &person.title},
                                   {"industry", &person.industry}}) {
            if (!value->empty()) {
                data.emplace(name, *value);
            }
        }
        characters += mstch::render(k_plain, data, partials).size();
    }
    return characters;
}
#endif

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: render_bench TEMPLATES PROSPECTS [mstch]\n");
        return 2;
    }
    std::filesystem::path folder(argv[1]);
    int prospects = std::stoi(argv[2]);
    bool anchor = argc > 3 && std::string(argv[3]) == "mstch";
    std::filesystem::create_directories(folder);
    auto start = std::chrono::steady_clock::now();
    std::size_t characters = 0;
    if (anchor) {
#ifdef CAMPAIGN_BENCH_MSTCH
        characters = render_mstch(prospects);
#else
        std::fprintf(stderr, "render_bench was built without mstch\n");
        return 2;
#endif
    } else {
        characters = render_product(folder, prospects);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d renderings (%zu characters), %.3f s, %.2f us each\n", prospects, characters, seconds,
                seconds * 1e6 / prospects);
    return 0;
}
