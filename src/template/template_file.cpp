#include "template/template_file.hpp"

#include "core/stable_hash.hpp"
#include "core/text.hpp"
#include "template/header.hpp"

namespace campaign::templating {

TemplateFile::TemplateFile(const std::filesystem::path& folder, std::string name, std::shared_ptr<Partials> partials,
                           core::Diagnostics& diagnostics)
    : m_name(std::move(name)), m_path(display_path(folder / m_name)), m_partials(std::move(partials)) {
    try {
        parse(read_template_file(folder / m_name), diagnostics);
    } catch (const core::UserError& error) {
        diagnostics.push_back({{m_path}, error.what()});
    }
}

void TemplateFile::parse(const std::string& text, core::Diagnostics& diagnostics) {
    auto header = parse_header(text, m_path, diagnostics);
    m_shorter = header.shorter;
    m_shorter_location = header.shorter_location;
    int ordinal = 0; // the subject's spintax groups and the body's are numbered as one file
    if (header.subject) {
        auto [begin, end] = *header.subject;
        m_subject = parse_template(SourceText{text, begin, end, m_path}, ordinal, diagnostics);
        m_partials->load(*m_subject, diagnostics);
        m_used_partials = m_partials->used_by(*m_subject);
    }
    m_body = parse_template(SourceText{text, header.body_begin, text.size(), m_path}, ordinal, diagnostics);
    m_partials->load(m_body, diagnostics);
    m_used_partials.merge(m_partials->used_by(m_body));
}

RenderedText TemplateFile::render(const Values& values, const SpintaxSeed& seed) const {
    Chooser choose = [&seed](std::string_view file, int ordinal, std::size_t count) {
        auto hash = core::stable_hash({seed.prospect, seed.campaign, seed.step, file, std::to_string(ordinal)});
        return std::min(count - 1, static_cast<std::size_t>(core::unit_interval(hash) * static_cast<double>(count)));
    };
    PartialFinder find = [this](std::string_view name) { return m_partials->find(name); };
    RenderedText result;
    // A template file ends in a line break, and the message starts and ends with its first and last words.
    for (auto [part, text] : {std::pair{m_subject ? &*m_subject : nullptr, &result.subject}, {&m_body, &result.body}}) {
        if (!part) {
            continue;
        }
        auto evaluation = evaluate(*part, m_name, values, choose, find);
        if (evaluation.missing) {
            return {"", "", std::move(evaluation.missing)};
        }
        *text = core::trim(evaluation.text);
    }
    return result;
}

void TemplateFile::for_each_name(const std::function<void(const Node&)>& visit) const {
    auto names = [&visit](const Node& node) {
        if (node.kind == NodeKind::variable || node.kind == NodeKind::section || node.kind == NodeKind::inverted) {
            visit(node);
        }
    };
    if (m_subject) {
        for_each_node(*m_subject, names);
    }
    for_each_node(m_body, names);
    for (const auto& name : m_used_partials) {
        for_each_node(*m_partials->find(name), names);
    }
}

} // namespace campaign::templating
