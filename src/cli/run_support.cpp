#include "cli/run_support.hpp"

#include <csignal>
#include <spdlog/spdlog.h>
#include <thread>

namespace campaign::cli {

namespace {

std::atomic<bool> g_stop_requested{false};

extern "C" void request_stop(int) {
    g_stop_requested = true;
}

// How often a sleeping run looks at the stop flag.
constexpr auto k_stop_check = std::chrono::milliseconds{200};

} // namespace

engine::TextResult TemplateMessages::text_for(const core::Campaign& campaign, const core::Step& step,
                                              const std::string& template_name, const core::Prospect& prospect,
                                              const core::Sender& sender) {
    auto& set = m_sets[&campaign];
    if (!set) {
        set = std::make_unique<templating::TemplateSet>(campaign);
    }
    auto rendered =
        set->render(template_name, step.type, templating::RenderContext{prospect, sender, campaign, step.id});
    if (!rendered.message) {
        return {std::nullopt, rendered.failure};
    }
    return {engine::Text{rendered.message->subject, rendered.message->body}, ""};
}

bool WallWaiter::wait_until(core::Timestamp when) {
    while (!m_stop && m_clock.now() < when) {
        std::this_thread::sleep_for(k_stop_check);
    }
    return !m_stop;
}

// In slices, so that a stop is noticed; counted down without reading a clock, as time comes in through Clock only.
bool WallSleeper::sleep_for(std::chrono::milliseconds wait) {
    for (auto left = wait; left > std::chrono::milliseconds::zero(); left -= k_stop_check) {
        if (m_stop) {
            return false;
        }
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(left, k_stop_check));
    }
    return !m_stop;
}

RunPrinter::~RunPrinter() {
    clear_progress();
}

void RunPrinter::clear_progress() {
    if (m_progress_shown) {
        m_err << "\r\033[K" << std::flush;
        m_progress_shown = false;
    }
}

void RunPrinter::on_action(const engine::ActionReport& report) {
    if (!m_schedule) {
        return;
    }
    clear_progress();
    const auto& action = report.action;
    m_out << action.at_local << "  " << report.sender << "  " << report.campaign << "/" << action.step
          << (action.variant.empty() ? "" : "[" + action.variant + "]") << "  " << core::to_string(action.type) << "  "
          << report.profile_url
          << (action.state == core::ActionState::sent
                  ? ""
                  : "  (" + std::string(core::to_string(action.state)) + ": " + action.error + ")")
          << '\n';
}

void RunPrinter::on_progress(const engine::Progress& progress) {
    if (!m_progress) {
        return;
    }
    auto now = m_wall.now();
    if (m_progress_shown && now - m_last_progress < std::chrono::seconds{1}) {
        return;
    }
    m_last_progress = now;
    m_err << "\r\033[K" << core::format_utc(progress.now).substr(0, 16) << "Z  sent " << progress.sent << "  accepted "
          << progress.accepted << "  replied " << progress.replied << "  failed " << progress.failed << std::flush;
    m_progress_shown = true;
}

void RunPrinter::on_note(const std::string& note) {
    clear_progress();
    spdlog::info("{}", note);
}

void RunPrinter::on_warning(const std::string& warning) {
    clear_progress();
    spdlog::warn("{}", warning);
}

StopOnSignal::StopOnSignal() {
    g_stop_requested = false;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
}

StopOnSignal::~StopOnSignal() {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>& StopOnSignal::requested() const {
    return g_stop_requested;
}

} // namespace campaign::cli
