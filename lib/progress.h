// progress.h — the text of a progress line (files, MB, MB/s, ETA) and when to redraw it.
// It only formats: the command decides whether stderr is a terminal and prints the line
// (lib never prints).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace policy {

struct ProgressCounts {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;  // 0 when unknown (standard input)
    double seconds = 0;             // since the start
};

// "1204/2500 files  24.1/50.0 MB  12.3 MB/s  ETA 0:02"; the ETA is left out until there is
// a rate to base it on.
std::string progress_line(const ProgressCounts& counts);

// Decides when a redraw is due: at most every `interval`, so a fast run does not spend its
// time on the terminal.
class ProgressClock {
public:
    explicit ProgressClock(std::chrono::milliseconds interval = std::chrono::milliseconds(100));
    double seconds() const;  // since construction
    bool due();              // true at most once per interval

private:
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last;
    std::chrono::milliseconds m_interval;
};

}  // namespace policy
