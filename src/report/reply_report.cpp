#include "report/reply_report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "core/error.hpp"
#include "report/ab_test.hpp"
#include "stats/quantile.hpp"
#include "store/campaign_store.hpp"
#include "store/rehearsal.hpp"

namespace campaign::report {

namespace {

// A funnel being summed up, with the waiting times it has seen so far.
struct Tally {
    Funnel funnel;
    std::int64_t sent = 0;
    core::ActionType type = core::ActionType::view_profile;
    core::ActionId first_id = 0;
    std::vector<double> accept_waits;
    std::vector<double> reply_waits;
};

// What one action drew: its first reply, and what its replies say taken together.
struct Answer {
    store::ActionGroup group;
    core::EnrollmentId enrollment_id = 0;
    core::Timestamp sent_at{};
    core::Timestamp first_at{};
    std::optional<core::ReplyClass> latest_word; // the latest reply that is not an out-of-office notice
    bool opted_out = false;

    core::ReplyClass reply_class() const {
        return opted_out ? core::ReplyClass::opt_out : latest_word.value_or(core::ReplyClass::out_of_office);
    }
};

// A prospect's replies in one campaign, for the campaign and sender funnels.
struct ProspectAnswer {
    bool interested = false;
    bool opted_out = false;
    bool to_text_only_in_notes = true; // answered nothing but an invitation's note: they were never messaged
    std::vector<double> waits;
};

using StepKey = std::pair<core::RowId, std::string>;
using VariantKey = std::tuple<core::RowId, std::string, std::string>;
using ProspectKey = std::tuple<core::RowId, core::RowId, core::EnrollmentId>;

double seconds_between(core::Timestamp from, core::Timestamp to) {
    return static_cast<double>((to - from).count());
}

Wait summarize(std::vector<double>& waits) {
    return Wait{static_cast<std::int64_t>(waits.size()), stats::quantile(waits, 0.5), stats::quantile(waits, 0.9)};
}

const triage::Triage& triage_of(const ReplyReportOptions& options) {
    if (!options.triage) {
        throw std::invalid_argument("the reply report needs the triage rules to read replies with");
    }
    return *options.triage;
}

class Builder {
public:
    Builder(store::Database& database, const ReplyReportOptions& options)
        : m_options(options), m_triage(triage_of(options)) {
        store::CampaignStore names(database);
        for (const auto& [id, name] : names.campaigns()) {
            m_campaign_names[id] = name;
        }
        for (const auto& sender : names.senders()) {
            m_sender_names[sender.id] = sender.name;
        }
        m_filter = filter_of(names);
    }

    const store::OutcomeFilter& filter() const { return m_filter; }

    void add(const store::SendTally& send) {
        for (auto* tally : group_tallies(send.group)) {
            tally->sent += send.sent;
            tally->type = send.group.type;
            tally->first_id = tally->first_id == 0 ? send.first_id : std::min(tally->first_id, send.first_id);
            add_sends(tally->funnel, send);
            // A reply to an invitation's note counts for its step, but the step's reply rate is that of messages.
            if (send.group.type == core::ActionType::message || send.group.type == core::ActionType::inmail) {
                tally->funnel.reached += send.sent;
            }
        }
        for (auto* tally : {&m_campaigns[send.group.campaign_id], &m_senders[send.group.sender_id]}) {
            add_sends(tally->funnel, send);
        }
    }

    void add(const store::ProspectTally& prospects) {
        for (auto* tally : {&m_campaigns[prospects.campaign_id], &m_senders[prospects.sender_id]}) {
            tally->funnel.enrolled = tally->funnel.enrolled.value_or(0) + prospects.enrolled;
            tally->funnel.reached += prospects.messaged;
        }
    }

    // An invitation reported accepted more than once counts once, at its first acceptance.
    void add(const store::Acceptance& acceptance) {
        auto [found, first] = m_acceptances.try_emplace(acceptance.action_id, acceptance);
        if (!first && acceptance.accepted_at < found->second.accepted_at) {
            found->second.accepted_at = acceptance.accepted_at;
        }
    }

    void add(const store::Reply& reply) {
        auto reply_class = reply.opted_out ? core::ReplyClass::opt_out : reply.reply_class.value_or(read(reply));
        if (in_period(reply.at)) {
            ++day(reply.at).replies;
            ++m_reply_classes.at(static_cast<std::size_t>(reply_class));
            m_latest.push_back(line_of(reply, reply_class));
        }
        if (!in_period(reply.sent_at)) {
            return;
        }
        auto [answer, first] = m_answers.try_emplace(reply.action_id);
        if (first) {
            answer->second = Answer{reply.group, reply.enrollment_id, reply.sent_at, reply.at, std::nullopt, false};
        }
        answer->second.opted_out = answer->second.opted_out || reply_class == core::ReplyClass::opt_out;
        if (reply_class != core::ReplyClass::out_of_office) {
            answer->second.latest_word = reply_class;
        }
    }

    void add(const store::DailySends& sends) {
        auto& today = day(core::parse_utc(sends.day + "T00:00:00Z").value_or(core::Timestamp{}));
        today.invitations = sends.invitations;
        today.messages = sends.messages;
        today.other = sends.other;
    }

    ReplyReport finish() {
        settle_acceptances();
        settle_answers();
        ReplyReport report;
        report.options = m_options;
        report.campaigns =
            rows_of(m_campaigns, [this](core::RowId id, FunnelRow& row) { row.campaign = m_campaign_names[id]; });
        report.senders =
            rows_of(m_senders, [this](core::RowId id, FunnelRow& row) { row.sender = m_sender_names[id]; });
        report.steps = step_rows();
        report.variants = variant_rows();
        report.ab_tests = ab_tests(report.variants);
        report.reply_classes = m_reply_classes;
        report.latest_replies = latest_replies();
        report.days = days();
        return report;
    }

private:
    // A reply no run has applied yet, read as the run will read it.
    core::ReplyClass read(const store::Reply& reply) const {
        if (reply.reply_class) {
            return *reply.reply_class;
        }
        auto received = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(reply.at)};
        return m_triage.read(reply.text, received).reply_class;
    }

    store::OutcomeFilter filter_of(store::CampaignStore& names) const {
        store::OutcomeFilter filter{std::nullopt, std::nullopt, m_options.since, m_options.until};
        if (m_options.campaign) {
            filter.campaign_id = names.find_campaign(*m_options.campaign);
            if (!filter.campaign_id) {
                throw core::UserError("error: no campaign '" + *m_options.campaign +
                                      "' in the database (it has not been run yet)");
            }
        }
        if (m_options.sender) {
            auto sender = names.find_sender(*m_options.sender);
            if (!sender) {
                throw core::UserError("error: no sender '" + *m_options.sender + "' in the database");
            }
            filter.sender_id = sender->id;
        }
        return filter;
    }

    bool in_period(core::Timestamp at) const {
        return (!m_options.since || at >= *m_options.since) && (!m_options.until || at < *m_options.until);
    }

    static void add_sends(Funnel& funnel, const store::SendTally& send) {
        if (send.group.type == core::ActionType::connect) {
            funnel.invitations += send.sent;
        } else if (send.group.type == core::ActionType::message || send.group.type == core::ActionType::inmail) {
            funnel.messages += send.sent;
        }
        funnel.failures += send.failed;
    }

    // The step's tally and, when the step has variants, the variant's.
    std::vector<Tally*> group_tallies(const store::ActionGroup& group) {
        std::vector<Tally*> tallies{&m_steps[{group.campaign_id, group.step}]};
        if (!group.variant.empty()) {
            tallies.push_back(&m_variants[{group.campaign_id, group.step, group.variant}]);
        }
        return tallies;
    }

    std::vector<Tally*> all_tallies(const store::ActionGroup& group) {
        auto tallies = group_tallies(group);
        tallies.push_back(&m_campaigns[group.campaign_id]);
        tallies.push_back(&m_senders[group.sender_id]);
        return tallies;
    }

    // Days are kept by number and named at the end: a report may count a million things by day.
    Day& day(core::Timestamp at) {
        return m_days[std::chrono::floor<std::chrono::days>(at).time_since_epoch().count()];
    }

    ReplyLine line_of(const store::Reply& reply, core::ReplyClass reply_class) {
        return ReplyLine{reply.at,
                         reply.prospect_name,
                         reply.profile_url,
                         reply.company,
                         m_campaign_names[reply.group.campaign_id],
                         reply.group.step,
                         reply.group.variant,
                         m_sender_names[reply.group.sender_id],
                         reply_class,
                         reply.text};
    }

    void settle_acceptances() {
        for (const auto& [id, acceptance] : m_acceptances) {
            if (in_period(acceptance.accepted_at)) {
                ++day(acceptance.accepted_at).accepted;
            }
            if (!in_period(acceptance.sent_at)) {
                continue;
            }
            auto wait = seconds_between(acceptance.sent_at, acceptance.accepted_at);
            for (auto* tally : all_tallies(acceptance.group)) {
                ++tally->funnel.accepted;
                tally->accept_waits.push_back(wait);
            }
        }
    }

    // Sends that were answered count in their step and variant; prospects who answered, in their campaign and sender.
    void settle_answers() {
        std::map<ProspectKey, ProspectAnswer> prospects;
        for (auto& [id, answer] : m_answers) {
            auto reply_class = answer.reply_class();
            if (reply_class == core::ReplyClass::out_of_office) {
                continue; // nothing but away notices: no reply
            }
            auto wait = seconds_between(answer.sent_at, answer.first_at);
            for (auto* tally : group_tallies(answer.group)) {
                count_reply(*tally, reply_class, wait);
            }
            auto& prospect = prospects[{answer.group.campaign_id, answer.group.sender_id, answer.enrollment_id}];
            prospect.interested = prospect.interested || reply_class == core::ReplyClass::interested;
            prospect.opted_out = prospect.opted_out || reply_class == core::ReplyClass::opt_out;
            prospect.to_text_only_in_notes =
                prospect.to_text_only_in_notes && answer.group.type == core::ActionType::connect;
            prospect.waits.push_back(wait);
        }
        for (const auto& [key, prospect] : prospects) {
            for (auto* tally : {&m_campaigns[std::get<0>(key)], &m_senders[std::get<1>(key)]}) {
                ++tally->funnel.replied;
                tally->funnel.interested += prospect.interested ? 1 : 0;
                tally->funnel.opt_outs += prospect.opted_out ? 1 : 0;
                tally->funnel.reached += prospect.to_text_only_in_notes ? 1 : 0;
                tally->reply_waits.insert(tally->reply_waits.end(), prospect.waits.begin(), prospect.waits.end());
            }
        }
    }

    static void count_reply(Tally& tally, core::ReplyClass reply_class, double wait) {
        ++tally.funnel.replied;
        tally.funnel.interested += reply_class == core::ReplyClass::interested ? 1 : 0;
        tally.funnel.opt_outs += reply_class == core::ReplyClass::opt_out ? 1 : 0;
        tally.reply_waits.push_back(wait);
    }

    static FunnelRow row_of(Tally& tally) {
        FunnelRow row;
        row.sent = tally.sent;
        row.type = tally.type;
        row.funnel = tally.funnel;
        row.funnel.accept_wait = summarize(tally.accept_waits);
        row.funnel.reply_wait = summarize(tally.reply_waits);
        return row;
    }

    template <typename Name>
    std::vector<FunnelRow> rows_of(std::map<core::RowId, Tally>& tallies, Name name) {
        std::vector<FunnelRow> rows;
        for (auto& [id, tally] : tallies) {
            rows.push_back(row_of(tally));
            name(id, rows.back());
        }
        std::sort(rows.begin(), rows.end(), [](const FunnelRow& a, const FunnelRow& b) {
            return std::tie(a.campaign, a.sender) < std::tie(b.campaign, b.sender);
        });
        return rows;
    }

    // A row with where it goes: its step by the first action the campaign took for it, a variant by its place in
    // the campaign file.
    struct OrderedRow {
        core::ActionId first_id = 0;
        std::size_t rank = 0;
        FunnelRow row;
    };

    // Campaigns by name; within one, steps in the order the campaign first reached them, a step's variants in the
    // order its file lists them.
    static std::vector<FunnelRow> in_campaign_order(std::vector<OrderedRow> ordered) {
        std::sort(ordered.begin(), ordered.end(), [](const OrderedRow& a, const OrderedRow& b) {
            return std::tie(a.row.campaign, a.first_id, a.rank, a.row.variant) <
                   std::tie(b.row.campaign, b.first_id, b.rank, b.row.variant);
        });
        std::vector<FunnelRow> rows;
        for (auto& one : ordered) {
            rows.push_back(std::move(one.row));
        }
        return rows;
    }

    // Where the campaign file lists the variant; after every listed one when it does not.
    std::size_t variant_rank(const FunnelRow& row) const {
        const auto& order = m_options.variant_order;
        auto campaign = order.find(row.campaign);
        if (campaign == order.end()) {
            return 0;
        }
        auto step = campaign->second.find(row.step);
        if (step == campaign->second.end()) {
            return 0;
        }
        const auto& variants = step->second;
        return static_cast<std::size_t>(std::find(variants.begin(), variants.end(), row.variant) - variants.begin());
    }

    std::vector<FunnelRow> step_rows() {
        std::vector<OrderedRow> ordered;
        for (auto& [key, tally] : m_steps) {
            auto row = row_of(tally);
            row.campaign = m_campaign_names[key.first];
            row.step = key.second;
            ordered.push_back({tally.first_id, 0, std::move(row)});
        }
        return in_campaign_order(std::move(ordered));
    }

    std::vector<FunnelRow> variant_rows() {
        std::vector<OrderedRow> ordered;
        for (auto& [key, tally] : m_variants) {
            auto row = row_of(tally);
            row.campaign = m_campaign_names[std::get<0>(key)];
            row.step = std::get<1>(key);
            row.variant = std::get<2>(key);
            auto rank = variant_rank(row);
            ordered.push_back({m_steps.at({std::get<0>(key), std::get<1>(key)}).first_id, rank, std::move(row)});
        }
        return in_campaign_order(std::move(ordered));
    }

    // Each variant against the step's first variant, its control: variant_rows() put it first.
    static std::vector<AbTest> ab_tests(const std::vector<FunnelRow>& variants) {
        std::vector<AbTest> tests;
        for (auto first = variants.begin(); first != variants.end();) {
            auto last = std::find_if(first, variants.end(), [&first](const FunnelRow& row) {
                return row.campaign != first->campaign || row.step != first->step;
            });
            bool invitation = first->type == core::ActionType::connect;
            auto rate = [invitation](const FunnelRow& row) {
                return invitation ? row.funnel.acceptance() : row.funnel.interested_rate();
            };
            for (auto other = std::next(first); other != last; ++other) {
                tests.push_back(ab_test(first->campaign, first->step, invitation ? "acceptance" : "interested",
                                        first->variant, rate(*first), other->variant, rate(*other)));
            }
            first = last;
        }
        return tests;
    }

    std::vector<ReplyLine> latest_replies() {
        std::stable_sort(m_latest.begin(), m_latest.end(),
                         [](const ReplyLine& a, const ReplyLine& b) { return a.at > b.at; });
        if (m_latest.size() > m_options.latest) {
            m_latest.resize(m_options.latest);
        }
        return std::move(m_latest);
    }

    // Every day from the first to the last, those without activity at zero, so that charts keep their time scale.
    std::vector<Day> days() {
        std::vector<Day> result;
        if (m_days.empty()) {
            return result;
        }
        for (auto number = m_days.begin()->first; number <= m_days.rbegin()->first; ++number) {
            auto found = m_days.find(number);
            result.push_back(found == m_days.end() ? Day{} : found->second);
            core::Timestamp midnight{std::chrono::sys_days{std::chrono::days{number}}};
            result.back().day = core::format_utc(midnight).substr(0, 10);
        }
        return result;
    }

    const ReplyReportOptions& m_options;
    const triage::Triage& m_triage;
    store::OutcomeFilter m_filter;
    std::map<core::RowId, std::string> m_campaign_names;
    std::map<core::RowId, std::string> m_sender_names;
    std::map<core::RowId, Tally> m_campaigns;
    std::map<core::RowId, Tally> m_senders;
    std::map<StepKey, Tally> m_steps;
    std::map<VariantKey, Tally> m_variants;
    std::unordered_map<core::ActionId, store::Acceptance> m_acceptances;
    std::map<core::ActionId, Answer> m_answers;
    std::array<std::int64_t, core::k_reply_classes.size()> m_reply_classes{};
    std::vector<ReplyLine> m_latest;
    std::map<std::int64_t, Day> m_days; // by days since 1970-01-01
};

} // namespace

ReplyReport build_reply_report(store::Database& database, const ReplyReportOptions& options) {
    Builder builder(database, options);
    store::OutcomeStore outcomes(database);
    // One read snapshot: the report sees one state of the database, and a run goes on writing while it reads.
    store::ReadSnapshot snapshot(database);
    const auto& filter = builder.filter();
    outcomes.for_each_send_tally(filter, [&](const store::SendTally& tally) { builder.add(tally); });
    outcomes.for_each_prospect_tally(filter, [&](const store::ProspectTally& tally) { builder.add(tally); });
    outcomes.for_each_acceptance(filter, [&](const store::Acceptance& acceptance) { builder.add(acceptance); });
    outcomes.for_each_reply(filter, [&](const store::Reply& reply) { builder.add(reply); });
    outcomes.for_each_day(filter, [&](const store::DailySends& sends) { builder.add(sends); });
    auto report = builder.finish();
    report.sent_days = outcomes.sent_days(filter);
    if (auto origin = store::rehearsal_origin(database)) {
        report.rehearsal_of = origin->copied_from.filename().string();
    }
    return report;
}

} // namespace campaign::report
