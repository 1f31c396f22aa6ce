#include "template/mustache.hpp"

#include <mstch/mstch.hpp>

#include "template/rewrite.hpp"

namespace campaign::templating {

namespace {

void insert(mstch::map& object, std::string_view name, const std::string& value) {
    auto dot = name.find('.');
    std::string key(name.substr(0, dot));
    if (dot == std::string_view::npos) {
        object.emplace(key, value); // an object of the same name, already there, wins
        return;
    }
    auto& slot = object[key];
    if (!boost::get<mstch::map>(&slot)) {
        slot = mstch::map{};
    }
    insert(boost::get<mstch::map>(slot), name.substr(dot + 1), value);
}

} // namespace

void render_as_plain_text() {
    static const bool k_done = [] {
        mstch::config::escape = [](const std::string& text) { return text; };
        return true;
    }();
    (void)k_done;
}

std::string render_mustache(const std::string& source, const Values& values,
                            const std::map<std::string, std::string>& partials) {
    render_as_plain_text();
    mstch::map data{
        {std::string(k_open_brace_variable), std::string("{")},
        {std::string(k_close_brace_variable), std::string("}")},
        {std::string(k_bar_variable), std::string("|")},
    };
    for (const auto& [name, value] : values) {
        insert(data, name, value);
    }
    return mstch::render(source, data, partials);
}

} // namespace campaign::templating
