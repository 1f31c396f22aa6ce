// The templates of a campaign, read and checked once, then rendered for each prospect as the message that will be
// sent: variables filled in, fallbacks and sections for what is missing, spintax chosen, and the length checked
// against LinkedIn's limit for the action.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign.hpp"
#include "core/error.hpp"
#include "core/prospect.hpp"
#include "template/length.hpp"
#include "template/template_file.hpp"
#include "template/values.hpp"

namespace campaign::templating {

struct Message {
    std::string subject; // InMail subject from the template's header; empty otherwise
    std::string body;
};

struct RenderContext {
    const core::Prospect& prospect;
    const core::Sender& sender;
    const core::Campaign& campaign;
    std::string_view step_id; // spintax choices are stable per (prospect, step)
};

struct RenderResult {
    std::optional<Message> message; // set when the text can be sent
    std::string failure;            // otherwise why not, in one line a user understands
};

// A rendering with the reasons apart, for `campaign validate` to count them over an audience.
struct Rendering {
    std::optional<Message> message;
    std::string failure;                 // as in RenderResult
    core::Diagnostic problem;            // the failure, for a command to print as "file:line:col: error: ..."
    std::optional<MissingValue> missing; // the first variable without a value
    std::optional<TooLong> too_long;     // the named template's text, when it was too long
    std::string template_used;           // the named template, or the shorter one that was sent instead
};

class TemplateSet {
public:
    // Reads and parses every template the campaign's steps and variants name (campaign.templates_dir), and the
    // partials they use; throws core::UserError listing every problem as "file:line:col: error: ..." lines.
    explicit TemplateSet(const core::Campaign& campaign);
    // The same, adding the problems to `diagnostics` instead of throwing; render only when there were none.
    TemplateSet(const core::Campaign& campaign, core::Diagnostics& diagnostics);

    // Renders one template for a prospect for an action of `type` (connect note, message, inmail) and enforces the
    // length limit for that type and sender (connect: sender.limits.connect_note_length; message 8000; inmail
    // subject 200, body 1900).
    RenderResult render(std::string_view template_name, core::ActionType type, const RenderContext& context) const;
    Rendering render_in_detail(std::string_view template_name, core::ActionType type,
                               const RenderContext& context) const;
    // The same with the values of `context` made already (values_of): for one prospect's several templates.
    Rendering render_in_detail(std::string_view template_name, core::ActionType type, const RenderContext& context,
                               const Values& values) const;
    // What a template's variables stand for in `context`: the prospect's fields, the sender's, the campaign's.
    static Values values_of(const RenderContext& context);

    // Variable and section names that are not a prospect field, one of `custom_fields`, a field of one of the
    // campaign's senders (sender.*) or a campaign value (campaign.id, campaign.description, step.id). Without the
    // custom fields (no CRM to ask), only the sender.*, campaign.* and step.* names can be checked.
    core::Diagnostics unknown_variables(const std::vector<std::string>* custom_fields) const;

private:
    void build(const core::Campaign& campaign, core::Diagnostics& diagnostics);
    void load(const std::filesystem::path& folder, const std::string& name, core::Diagnostics& diagnostics);
    void check_shorter_loops(core::Diagnostics& diagnostics) const;
    void check_subjects(const core::Campaign& campaign, core::Diagnostics& diagnostics) const;
    const TemplateFile* find(std::string_view name) const;
    void attempt(const TemplateFile& file, core::ActionType type, const core::Sender& sender, const Values& values,
                 const SpintaxSeed& seed, Rendering& result, int depth) const;

    std::shared_ptr<Partials> m_partials;
    std::map<std::string, TemplateFile, std::less<>> m_templates;
    std::vector<std::string> m_sender_fields; // sender.id and sender.<field> of every sender
};

} // namespace campaign::templating
