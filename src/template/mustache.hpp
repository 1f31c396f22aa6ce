// mstch at the edge of the module: values handed over as mstch's data, and its HTML escaping turned off, since a
// LinkedIn message is plain text ("O'Brien & Co" must not arrive as "O&#39;Brien &amp; Co").
#pragma once

#include <map>
#include <string>

#include "template/values.hpp"

namespace campaign::templating {

// Makes {{name}} insert values as they are. mstch's escape function is one global, so this sets it once for all.
void render_as_plain_text();

// Renders rewritten Mustache (see rewrite.hpp): dotted names become nested objects ({{#sender}}{{first_name}}...),
// and the variables that stand for escaped braces are added.
std::string render_mustache(const std::string& source, const Values& values,
                            const std::map<std::string, std::string>& partials);

} // namespace campaign::templating
