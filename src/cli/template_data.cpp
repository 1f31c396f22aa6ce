#include "cli/template_data.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/profile_url.hpp"

namespace campaign::cli {

namespace {

using Json = nlohmann::json;

void set_field(core::Prospect& prospect, const std::string& name, std::string value) {
    if (auto* member = core::standard_field(prospect, name)) {
        *member = std::move(value);
    } else {
        prospect.fields[name] = std::move(value);
    }
}

void add_fields(DataFields& fields, const Json& object, const std::string& prefix) {
    auto& prospect = fields.prospect;
    for (const auto& [key, value] : object.items()) {
        auto name = prefix + key;
        if (key.find('.') != std::string::npos) {
            fields.left_out.push_back(name);
        } else if (value.is_object()) {
            add_fields(fields, value, name + ".");
        } else if (value.is_array()) {
            throw core::UserError("error: --data: '" + name + "' is a list; a field holds text");
        } else if (!value.is_null()) {
            set_field(prospect, name, value.is_string() ? value.get<std::string>() : value.dump());
        }
    }
}

// The number of nlohmann's "number overflow parsing '1e400'".
std::string number_in(const std::string& message) {
    auto begin = message.find('\'');
    auto end = message.rfind('\'');
    return begin < end ? message.substr(begin + 1, end - begin - 1) : std::string();
}

Json parse(const std::string& text) {
    // Refused while it is read, before a deep document is built: the reading of fields recurses.
    auto shallow = [](int depth, Json::parse_event_t /*event*/, Json& /*parsed*/) {
        if (depth > k_data_depth) {
            throw core::UserError("error: --data: objects nest at most " + std::to_string(k_data_depth) + " levels");
        }
        return true;
    };
    try {
        return Json::parse(text, shallow);
    } catch (const Json::parse_error& error) {
        throw core::UserError(std::string("error: --data is not valid JSON: ") + error.what());
    } catch (const Json::out_of_range& overflow) {
        throw core::UserError("error: --data: the number " + number_in(overflow.what()) + " is out of range");
    }
}

} // namespace

DataFields prospect_from_data(const std::string& text) {
    auto data = parse(text);
    if (!data.is_object()) {
        throw core::UserError("error: --data must be a JSON object of fields, such as {\"first_name\": \"Zoë\"}");
    }
    DataFields fields;
    add_fields(fields, data, "");
    // The spintax choices follow the profile URL, so --data picks the options --prospect would for the same person.
    auto& url = fields.prospect.profile_url;
    if (auto normalized = core::normalize_profile_url(url)) {
        url = normalized.url;
    }
    return fields;
}

} // namespace campaign::cli
