// The reply report as text: aligned tables for a terminal, or Markdown.
#include "report/cells.hpp"
#include "report/page.hpp"
#include "report/reply_render.hpp"

namespace campaign::report {

namespace {

bool shows(Section wanted, Section part) {
    return wanted == Section::all || wanted == part;
}

void write_parts(const ReplyReport& report, Section section, const Writer& writer) {
    if (auto nothing = nothing_sent_text(report)) {
        writer.sentence(*nothing);
    }
    if (shows(section, Section::funnel)) {
        writer.heading("Campaigns");
        writer.table(campaign_table(report));
        writer.heading("Steps and variants");
        writer.table(step_table(report));
        writer.heading("Senders");
        writer.table(sender_table(report));
    }
    if (shows(section, Section::ab_tests)) {
        writer.heading("A/B tests");
        if (report.ab_tests.empty()) {
            writer.sentence("No step with variants has sends in this period.");
        }
        for (const auto& test : report.ab_tests) {
            writer.sentence(test.campaign + " / " + test.step + ", " + test.variant + " vs " + test.control + ": " +
                            test.verdict + ".");
        }
    }
    if (shows(section, Section::replies)) {
        writer.heading("Replies");
        writer.sentence(reply_class_summary(report) + ".");
        if (!report.latest_replies.empty()) {
            writer.table(latest_reply_table(report));
        }
    }
    if (shows(section, Section::daily)) {
        writer.heading("Daily activity (UTC)");
        writer.table(daily_table(report));
    }
}

std::string title(const ReplyReport& report) {
    return "Reply report: " + scope_text(report.options) + " (as of " + core::format_utc(report.options.now) + ")";
}

} // namespace

void write_table(std::ostream& out, const ReplyReport& report, Section section) {
    write_parts(report, section, terminal_writer(out, title(report), report.rehearsal_of));
}

void write_markdown(std::ostream& out, const ReplyReport& report, Section section) {
    write_parts(report, section, markdown_writer(out, title(report), report.rehearsal_of));
}

std::optional<Section> parse_section(std::string_view name) {
    if (name == "all") {
        return Section::all;
    }
    if (name == "funnel") {
        return Section::funnel;
    }
    if (name == "ab") {
        return Section::ab_tests;
    }
    if (name == "replies") {
        return Section::replies;
    }
    if (name == "daily") {
        return Section::daily;
    }
    return std::nullopt;
}

} // namespace campaign::report
