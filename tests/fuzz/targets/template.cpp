// A template with its partials and the fields of --data, rendered as `campaign template render TEMPLATE --data JSON`
// renders it. The input's first file is the template; one named "data" holds the JSON, the others are partials.
#include <algorithm>

#include "cli/template_data.hpp"
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"
#include "template/template_file.hpp"

CAMPAIGN_FUZZ_TARGET(template) {
    using namespace campaign;
    auto files = fuzz::split_files(input, "hello.mustache");
    std::string data = "{}";
    for (auto& file : files) {
        if (file.name == "data") {
            data = file.content;
        } else if (&file != &files.front()) {
            file.name = "partials/" + file.name;
        }
    }
    auto path = fuzz::scratch().write(files);
    core::Prospect prospect;
    try {
        prospect = cli::prospect_from_data(data).prospect;
    } catch (const core::UserError&) {
        return fuzz::Verdict::rejected;
    }
    core::Diagnostics diagnostics;
    auto partials = std::make_shared<templating::Partials>(path.parent_path() / "partials");
    templating::TemplateFile file(path.parent_path(), path.filename().string(), partials, diagnostics);
    if (!diagnostics.empty()) {
        return fuzz::Verdict::rejected;
    }
    auto text = file.render(templating::prospect_values(prospect), {prospect.profile_url, "", "hello"});
    return text.missing ? fuzz::Verdict::rejected : fuzz::Verdict::accepted;
}
