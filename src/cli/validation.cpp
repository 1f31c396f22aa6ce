#include "cli/validation.hpp"

#include <algorithm>
#include <exception>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "config/across_files.hpp"
#include "core/audience.hpp"
#include "core/bounded_queue.hpp"
#include "core/text.hpp"
#include "schedule/assignment.hpp"
#include "schedule/prospect_time.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"
#include "template/audience_check.hpp"

namespace campaign::cli {

namespace {

// What the CRM says about every campaign: read once.
struct Crm {
    explicit Crm(store::Database& crm) : database(crm) {
        custom_fields = store::ProspectStore(database).custom_field_names();
        for (const auto& entry : store::SuppressionStore(database).list()) {
            suppressed.insert(entry.value);
        }
    }

    // Profiles and email domains on the suppression list.
    bool is_suppressed(const core::Prospect& prospect) const {
        auto at = prospect.email.rfind('@');
        return suppressed.contains(prospect.profile_url) ||
               (at != std::string::npos && suppressed.contains(core::to_lower_ascii(prospect.email.substr(at + 1))));
    }

    store::Database& database;
    std::vector<std::string> custom_fields;
    std::set<std::string> suppressed;
};

// The audience check reads prospects this many at a time, and this many batches ahead of its checking.
constexpr std::size_t k_prospects_per_batch = 256;
constexpr std::size_t k_batches_ahead = 4;

int count_of(const core::Diagnostics& diagnostics, core::Severity severity) {
    return static_cast<int>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [severity](const core::Diagnostic& one) { return one.severity == severity; }));
}

// Where the routing rules send the audience: a rule that takes none of it, and prospects that none takes.
class RoutingCheck {
public:
    explicit RoutingCheck(const core::Campaign& campaign) : m_campaign(campaign), m_taken(campaign.routing.size()) {}

    void add(const core::Prospect& prospect) {
        if (m_campaign.routing.empty()) {
            return;
        }
        if (auto rule = schedule::routing_rule(m_campaign, prospect)) {
            ++m_taken[*rule];
        } else if (++m_unrouted <= k_shown) {
            m_examples.push_back(prospect.profile_url);
        }
    }

    void report(std::size_t audience, core::Diagnostics& findings) const {
        if (m_unrouted > 0) {
            auto shown = core::join(m_examples, ", ");
            findings.push_back({m_campaign.routing_location,
                                std::to_string(m_unrouted) + " of the audience's " + std::to_string(audience) +
                                    (m_unrouted == 1 ? " prospects matches" : " prospects match") +
                                    " no routing rule and would not be enrolled (" + shown +
                                    (m_unrouted > m_examples.size() ? ", ..." : "") +
                                    "); a last rule without conditions takes the rest",
                                core::Severity::warning});
        }
        for (std::size_t rule = 0; rule < m_taken.size(); ++rule) {
            if (m_taken[rule] == 0 && audience > 0) {
                findings.push_back({m_campaign.routing[rule].location,
                                    "this routing rule takes none of the audience's " + std::to_string(audience) +
                                        " prospects in the CRM",
                                    core::Severity::warning});
            }
        }
    }

private:
    static constexpr std::size_t k_shown = 3;
    const core::Campaign& m_campaign;
    std::vector<std::size_t> m_taken; // prospects per rule
    std::size_t m_unrouted = 0;
    std::vector<std::string> m_examples;
};

// Whose zone a campaign with prospect hours knows: prospects reached in the sender's hours alone, and `timezone` (or
// `time_zone`) fields the tz database does not know.
class ZoneCheck {
public:
    explicit ZoneCheck(const core::Campaign& campaign) : m_campaign(campaign) {}

    void add(const core::Prospect& prospect) {
        if (!m_campaign.prospect_hours) {
            return;
        }
        for (auto key : {schedule::k_time_zone_field, schedule::k_time_zone_field_spaced}) {
            auto field = prospect.fields.find(std::string(key));
            if (field == prospect.fields.end()) {
                continue;
            }
            auto name = std::string(core::trim(field->second));
            if (!name.empty() && m_unknown_fields.size() < k_shown && !schedule::known_zone(name)) {
                m_unknown_fields.insert(name);
            }
        }
        if (!schedule::prospect_zone(prospect) && ++m_unknown <= k_shown) {
            m_examples.push_back(prospect.location.empty() ? prospect.profile_url + " (no location)"
                                                           : prospect.profile_url + " (" + prospect.location + ")");
        }
    }

    void report(std::size_t audience, core::Diagnostics& findings) const {
        const auto& where = m_campaign.prospect_hours_location;
        if (!m_unknown_fields.empty()) {
            auto names = "'" + core::join(m_unknown_fields, "', '") + "'";
            findings.push_back({where,
                                "the tz database knows no zone " + names +
                                    " of the prospects' timezone field: their location decides their zone (use IANA "
                                    "names such as America/Chicago)",
                                core::Severity::warning});
        }
        if (m_unknown > 0) {
            auto shown = core::join(m_examples, ", ");
            findings.push_back({where,
                                std::to_string(m_unknown) + " of the audience's " + std::to_string(audience) +
                                    " prospects have no zone known from their timezone field or location and are "
                                    "reached in the sender's hours alone (" +
                                    shown + (m_unknown > m_examples.size() ? ", ..." : "") + ")",
                                core::Severity::warning});
        }
    }

private:
    static constexpr std::size_t k_shown = 3;
    const core::Campaign& m_campaign;
    std::size_t m_unknown = 0;
    std::vector<std::string> m_examples;
    std::set<std::string> m_unknown_fields;
};

// Renders every template for every prospect of the audience (not suppressed) and reports what would fail, where
// the routing rules send them, and whose zone prospect hours do not know. The prospects are read on this thread and
// checked on another: rendering every template for each is most of the time.
std::size_t check_audience(Crm& crm, const core::Campaign& campaign, const templating::TemplateSet& templates,
                           core::Diagnostics& findings) {
    templating::AudienceCheck check(templates, campaign);
    RoutingCheck routing(campaign);
    ZoneCheck zones(campaign);
    core::BoundedQueue<std::vector<core::Prospect>> batches(k_batches_ahead);
    std::exception_ptr failure;
    std::jthread checking([&] {
        try {
            while (auto batch = batches.pop()) {
                for (const auto& prospect : *batch) {
                    if (core::matches(campaign.audience, prospect) && !crm.is_suppressed(prospect)) {
                        check.add(prospect);
                        routing.add(prospect);
                        zones.add(prospect);
                    }
                }
            }
        } catch (...) {
            failure = std::current_exception();
            batches.close();
        }
    });
    {
        core::CloseOnExit closing(batches); // the checker stops before it is joined, however the reading ends
        store::ProspectStore prospects(crm.database);
        store::ProspectFilter filter;
        filter.tags = campaign.audience.tags; // the prospects with every tag of the audience, as enrolling reads them
        std::vector<core::Prospect> batch;
        prospects.for_each(filter, [&](const core::Prospect& prospect) {
            batch.push_back(prospect);
            if (batch.size() == k_prospects_per_batch) {
                batches.push(std::exchange(batch, {})); // dropped once the checker failed: its failure is reported
            }
        });
        batches.push(std::move(batch));
    }
    checking.join();
    if (failure) {
        std::rethrow_exception(failure);
    }
    auto found = check.findings();
    findings.insert(findings.end(), found.begin(), found.end());
    routing.report(check.prospects(), findings);
    zones.report(check.prospects(), findings);
    return check.prospects();
}

// The templates' syntax, their variables, and with a CRM what they give for the audience. Returns the number of
// prospects checked.
std::optional<std::size_t> check_templates(Crm* crm, const core::Campaign& campaign, core::Diagnostics& findings) {
    auto errors_before = error_count(findings);
    templating::TemplateSet templates(campaign, findings);
    if (error_count(findings) > errors_before) {
        return std::nullopt;
    }
    auto unknown = templates.unknown_variables(crm ? &crm->custom_fields : nullptr);
    findings.insert(findings.end(), unknown.begin(), unknown.end());
    if (error_count(findings) > errors_before || !crm) {
        return std::nullopt;
    }
    return check_audience(*crm, campaign, templates, findings);
}

} // namespace

int error_count(const core::Diagnostics& diagnostics) {
    return count_of(diagnostics, core::Severity::error);
}

int warning_count(const core::Diagnostics& diagnostics) {
    return count_of(diagnostics, core::Severity::warning);
}

std::vector<CheckedFile> check_campaign_files(const std::vector<std::filesystem::path>& files, store::Database* crm) {
    std::optional<Crm> known;
    if (crm) {
        known.emplace(*crm);
    }
    std::vector<CheckedFile> checked;
    std::vector<const core::Campaign*> campaigns;
    for (const auto& file : files) {
        checked.push_back({file, config::load_campaign(file), {}, std::nullopt});
    }
    for (const auto& one : checked) {
        if (one.loaded.campaign) {
            campaigns.push_back(&*one.loaded.campaign);
        }
    }
    // What the files must agree on, as one run of them all checks it.
    auto across = config::check_across_files(campaigns);
    std::size_t campaign_index = 0;
    for (auto& one : checked) {
        one.diagnostics = one.loaded.diagnostics;
        if (one.loaded.campaign) {
            const auto& shared = across[campaign_index++];
            one.diagnostics.insert(one.diagnostics.end(), shared.begin(), shared.end());
            one.prospects_checked = check_templates(known ? &*known : nullptr, *one.loaded.campaign, one.diagnostics);
        }
    }
    return checked;
}

} // namespace campaign::cli
