#include "myers.h"

#include <algorithm>

namespace policy {
namespace {

void push_run(std::vector<EditRun>& runs, EditOp op, std::size_t count) {
    if (count == 0) {
        return;
    }
    if (!runs.empty() && runs.back().op == op) {
        runs.back().count += count;
        return;
    }
    runs.push_back({op, count});
}

// The middle part, after the common prefix and suffix are gone. Keeps one V array per cost d
// (the furthest x reached on each diagonal) and walks back through them: O((N+M)·D) time and
// O(D²) memory, which is small for sentences of a few hundred words.
std::vector<EditRun> diff_middle(const std::uint32_t* a, std::size_t n, const std::uint32_t* b, std::size_t m,
                                 std::size_t max_cost) {
    std::vector<EditRun> runs;
    if (n == 0 || m == 0) {
        push_run(runs, EditOp::remove, n);
        push_run(runs, EditOp::insert, m);
        return runs;
    }
    const long long total = static_cast<long long>(n + m);
    const long long limit = std::min<long long>(total, static_cast<long long>(max_cost));
    const long long offset = limit + 1;
    std::vector<long long> v(static_cast<std::size_t>(2 * limit + 3), 0);
    std::vector<std::vector<long long>> trace;
    long long found = -1;
    for (long long d = 0; d <= limit; ++d) {
        trace.push_back(v);
        for (long long k = -d; k <= d; k += 2) {
            long long x;
            // Prefer coming down (an insertion) only when it reaches further; otherwise take
            // the removal, so removals come first in the script.
            if (k == -d ||
                (k != d && v[static_cast<std::size_t>(offset + k - 1)] < v[static_cast<std::size_t>(offset + k + 1)])) {
                x = v[static_cast<std::size_t>(offset + k + 1)];
            } else {
                x = v[static_cast<std::size_t>(offset + k - 1)] + 1;
            }
            long long y = x - k;
            while (x < static_cast<long long>(n) && y < static_cast<long long>(m) &&
                   a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
                ++x;
                ++y;
            }
            v[static_cast<std::size_t>(offset + k)] = x;
            if (x >= static_cast<long long>(n) && y >= static_cast<long long>(m)) {
                found = d;
                break;
            }
        }
        if (found >= 0) {
            break;
        }
    }
    if (found < 0) {
        push_run(runs, EditOp::remove, n);
        push_run(runs, EditOp::insert, m);
        return runs;
    }
    // Walk back from (n, m) through the saved frontiers, collecting steps in reverse.
    std::vector<EditOp> steps;
    long long x = static_cast<long long>(n);
    long long y = static_cast<long long>(m);
    for (long long d = found; d > 0; --d) {
        const std::vector<long long>& previous = trace[static_cast<std::size_t>(d)];
        const long long k = x - y;
        long long previous_k;
        if (k == -d || (k != d && previous[static_cast<std::size_t>(offset + k - 1)] <
                                      previous[static_cast<std::size_t>(offset + k + 1)])) {
            previous_k = k + 1;
        } else {
            previous_k = k - 1;
        }
        const long long previous_x = previous[static_cast<std::size_t>(offset + previous_k)];
        const long long previous_y = previous_x - previous_k;
        while (x > previous_x && y > previous_y) {
            steps.push_back(EditOp::equal);
            --x;
            --y;
        }
        steps.push_back(previous_k == k + 1 ? EditOp::insert : EditOp::remove);
        x = previous_x;
        y = previous_y;
    }
    while (x > 0 && y > 0) {
        steps.push_back(EditOp::equal);
        --x;
        --y;
    }
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        push_run(runs, *it, 1);
    }
    return runs;
}

}  // namespace

std::vector<EditRun> myers_diff(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                                std::size_t max_cost) {
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    std::vector<EditRun> runs;
    push_run(runs, EditOp::equal, prefix);
    for (const EditRun& run : diff_middle(a.data() + prefix, a.size() - prefix - suffix, b.data() + prefix,
                                          b.size() - prefix - suffix, max_cost)) {
        push_run(runs, run.op, run.count);
    }
    push_run(runs, EditOp::equal, suffix);
    return runs;
}

}  // namespace policy
