// myers.h — the shortest edit script between two token sequences (Myers, "An O(ND) Difference
// Algorithm and Its Variations", 1986), as git and GNU diff compute it. It works on integer
// token ids, so callers decide what a token is (diff.h uses the segmenter's words); it knows
// nothing of text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace policy {

enum class EditOp : std::uint8_t { equal, insert, remove };

// One step of an edit script: `count` tokens kept, inserted (from b) or removed (from a).
struct EditRun {
    EditOp op;
    std::size_t count;
};

// The shortest edit script turning `a` into `b`, as runs in order: replaying them consumes
// every token of a (equal and remove) and of b (equal and insert). Among scripts of the same
// length, removals come before insertions. When more than `max_cost` edits would be needed,
// the common prefix and suffix are kept and the middle is one removal and one insertion
// (cheap and still correct, just not minimal).
std::vector<EditRun> myers_diff(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                                std::size_t max_cost = 2000);

}  // namespace policy
