#include "progress.h"

#include <fmt/core.h>

namespace policy {

std::string progress_line(const ProgressCounts& counts) {
    constexpr double k_mb = 1024.0 * 1024.0;
    const double done_mb = static_cast<double>(counts.bytes_done) / k_mb;
    const double rate = counts.seconds > 0 ? done_mb / counts.seconds : 0;
    std::string line = fmt::format("{}/{} files  ", counts.files_done, counts.files_total);
    if (counts.bytes_total > 0) {
        line += fmt::format("{:.1f}/{:.1f} MB", done_mb, static_cast<double>(counts.bytes_total) / k_mb);
    } else {
        line += fmt::format("{:.1f} MB", done_mb);
    }
    line += fmt::format("  {:.1f} MB/s", rate);
    if (rate > 0 && counts.bytes_total >= counts.bytes_done && counts.bytes_done > 0) {
        const auto remaining =
            static_cast<long>(static_cast<double>(counts.bytes_total - counts.bytes_done) / k_mb / rate + 0.5);
        line += fmt::format("  ETA {}:{:02}", remaining / 60, remaining % 60);
    }
    return line;
}

ProgressClock::ProgressClock(std::chrono::milliseconds interval)
    : m_start(std::chrono::steady_clock::now()), m_last(m_start), m_interval(interval) {}

double ProgressClock::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

bool ProgressClock::due() {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last < m_interval) {
        return false;
    }
    m_last = now;
    return true;
}

}  // namespace policy
