// diff.h — compares two notices task by task, as an analyst reads one year's work points
// against the next. Tasks are aligned as a one-to-one assignment maximising total similarity
// (TF-IDF weighted cosine over words and word bigrams, IDF over both notices' tasks), so a
// task that was renumbered, moved to another section, reworded or re-assigned still finds its
// counterpart, while one that merely shares a few common words does not. Each aligned pair is
// classified (unchanged, modified, moved, added, removed) and carries a word-level edit script
// (Myers over the same words) and its department, deadline and citation changes; section
// headings are aligned too (added, removed, renamed, renumbered).
//
// It does not extract, segment, read files or print: the caller passes two Records and a
// Tokenizer (cli/ uses Segmenter::words; tests use a fake) and renders the DiffResult with
// one of the functions at the end of this file.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "record.h"
#include "result.h"
#include "tabular.h"

namespace policy {

// Words of a text, without spaces or punctuation (Segmenter::words has this shape).
using Tokenizer = std::function<std::vector<std::string>(std::string_view)>;

// A tokenizer that needs no dictionary: each Han character a word, each run of Latin letters
// or digits a word, punctuation and spaces dropped. The CLI falls back to it for a text the
// segmenter returns no words for; tests use it as their fake.
std::vector<std::string> character_words(std::string_view text);

// Measured on perturbed pairs of the corpus (scripts/make-diff-pairs.py; README.md, "Year over year"):
// reworded tasks keep a similarity above it, unrelated tasks of the same field stay below.
constexpr double k_default_threshold = 0.18;

struct DiffOptions {
    double threshold = k_default_threshold;  // pairs below it are added/removed, not matched
};

enum class PairClass { unchanged, modified, moved, added, removed };

std::string_view to_string(PairClass kind);

// One run of a word-level edit script; `text` is the exact text of the run (punctuation kept).
struct Edit {
    enum class Op { equal, insert, remove };
    Op op;
    std::string text;
};

std::string_view to_string(Edit::Op op);  // "equal", "insert", "delete"

// A department whose responsibility for a matched task changed.
struct DepartmentChange {
    std::string name;
    std::string change;    // "added", "dropped", "lead_gained", "lead_lost"
    std::string old_role;  // empty when it was not named
    std::string new_role;
};

struct TaskPair {
    PairClass kind = PairClass::unchanged;
    std::optional<Task> old_task;  // none for added
    std::optional<Task> new_task;  // none for removed
    double similarity = 0;         // cosine in [0, 1]; 1 for unchanged, 0 for added/removed
    bool text_changed = false;     // modified, or moved with a changed text
    std::vector<Edit> edits;       // empty unless text_changed
    std::vector<DepartmentChange> departments;
    std::vector<std::string> deadlines_added;  // deadline texts
    std::vector<std::string> deadlines_removed;
    std::vector<std::string> citations_added;  // citation texts inside the task
    std::vector<std::string> citations_dropped;
};

struct SectionChange {
    std::string change;  // "added", "removed", "renamed", "renumbered"
    std::optional<Section> old_section;
    std::optional<Section> new_section;
    double similarity = 0;  // of the headings' words (Dice), 0 for added/removed
};

// How a department's responsibility moved over the whole comparison: tasks it gained (added
// tasks naming it, or named on a matched task it was not on) and lost.
struct DepartmentChurn {
    std::string name;
    int gained = 0;
    int lost = 0;
    int lead_gained = 0;
    int lead_lost = 0;
};

struct DiffSummary {
    std::map<PairClass, int> counts;  // every class present, 0 when none
    std::size_t old_tasks = 0;
    std::size_t new_tasks = 0;
    std::vector<DepartmentChurn> departments;  // most change first
};

struct DiffResult {
    std::string old_name;  // Record::path of each side
    std::string new_name;
    std::string old_title;
    std::string new_title;
    double threshold = 0;
    DiffSummary summary;
    std::vector<TaskPair> pairs;  // in reading order of the new notice, removed tasks where they stood
    std::vector<SectionChange> sections;
    std::vector<std::string> deadlines_added;  // the notice's own deadlines (outside any task)
    std::vector<std::string> deadlines_removed;
    std::vector<std::string> citations_added;  // every citation, as a multiset
    std::vector<std::string> citations_dropped;
};

// Compares `old_record` with `new_record`. `tokenize` is called once per task and heading.
DiffResult diff_records(const Record& old_record, const Record& new_record, const Tokenizer& tokenize,
                        const DiffOptions& options = {});

// The parts, exposed for tests.

// Similarity matrix entries at or above `floor`, as (old index, new index, cosine).
struct SimilarPair {
    std::size_t old_index;
    std::size_t new_index;
    double similarity;
};
std::vector<SimilarPair> similar_pairs(const std::vector<std::vector<std::string>>& old_words,
                                       const std::vector<std::vector<std::string>>& new_words, double floor);

// A one-to-one assignment over `pairs` maximising the total of `weight`, all weights > 0.
// Returns the chosen pairs' positions in `pairs`. Exact (Hungarian) on each connected
// component of up to `exact_limit` tasks a side, greedy by weight above it.
std::vector<std::size_t> assign_pairs(const std::vector<SimilarPair>& pairs, const std::vector<double>& weight,
                                      std::size_t exact_limit = 400);

// Word-level edit script between two texts, words from `tokenize` and the text between them
// (punctuation, spaces) as tokens of their own, so the runs reassemble both texts exactly.
std::vector<Edit> word_edits(std::string_view old_text, std::string_view new_text, const Tokenizer& tokenize);

// The text with width folded (normalise.h) and all white space removed: "unchanged" compares it.
std::string comparable_text(std::string_view text);

// The Record an indexed notice's outline describes (query.h show_document: kind, depth, path,
// text, detail, line), so an indexed notice can be compared like a file: title, sections,
// tasks with their departments and deadlines, citations. Offsets are not in the outline.
Record record_from_outline(const ResultSet& outline);

// Renderers. None prints: each returns what the CLI writes.

// The whole result as JSON: {"summary": {class: count}, "pairs": [...], "sections": [...], ...}.
nlohmann::json to_json(const DiffResult& result);

// Summary first, then each changed pair; `colour` adds ANSI red/green to the inline diff
// (otherwise deletions are [-…-] and insertions {+…+}, as git's --word-diff=plain).
// `show_unchanged` lists unchanged pairs too.
std::string render_text(const DiffResult& result, bool colour, bool show_unchanged = false);

// One row per aligned pair, for a spreadsheet.
ResultSet to_result_set(const DiffResult& result);

// One self-contained HTML page (inline CSS, nothing fetched), old and new side by side.
std::string render_html(const DiffResult& result);

}  // namespace policy
