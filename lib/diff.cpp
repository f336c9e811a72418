#include "diff.h"

#include <fmt/core.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <unordered_map>

#include "myers.h"
#include "normalise.h"

namespace policy {
namespace {

// Word bigrams count as much as words: they are what tells "加强 安全 培训" from
// "安全 培训 加强" and what keeps a task sharing only scattered common words well apart.
constexpr double k_bigram_weight = 1.0;

// Among near-equal candidates, prefer the one at the same relative place in its notice, so
// duplicated tasks pair up in order. Small enough never to outweigh a real difference.
constexpr double k_position_bonus = 0.005;

// Sections pair up when heading similarity plus the share of their tasks that pair up
// reaches this.
constexpr double k_section_threshold = 0.5;

bool is_han(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN;
}

// The task text as the similarity and the comparison see it.
std::string normalised_view(std::string_view text) {
    return normalise(text).text;
}

// Sorted (feature, weight) with unit L2 norm.
using Vector = std::vector<std::pair<std::uint32_t, double>>;

class FeatureSpace {
public:
    // The raw counts of one text's words and word bigrams.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> count(const std::vector<std::string>& words) {
        std::vector<std::uint32_t> ids;
        ids.reserve(words.size());
        for (const std::string& word : words) {
            auto [it, inserted] = m_words.try_emplace(word, static_cast<std::uint32_t>(m_words.size()));
            ids.push_back(it->second);
        }
        std::vector<std::uint32_t> features;
        features.reserve(ids.size() * 2);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            features.push_back(feature(ids[i]));
            if (i + 1 < ids.size()) {
                features.push_back(feature((static_cast<std::uint64_t>(ids[i]) + 1) << 32 | ids[i + 1]));
            }
        }
        std::sort(features.begin(), features.end());
        std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;
        for (std::uint32_t f : features) {
            if (!counts.empty() && counts.back().first == f) {
                ++counts.back().second;
            } else {
                counts.emplace_back(f, 1);
            }
        }
        return counts;
    }

    bool is_bigram(std::uint32_t feature) const { return m_bigram[feature]; }
    std::size_t size() const { return m_bigram.size(); }

private:
    std::uint32_t feature(std::uint64_t key) {
        auto [it, inserted] = m_features.try_emplace(key, static_cast<std::uint32_t>(m_features.size()));
        if (inserted) {
            m_bigram.push_back(key >= (std::uint64_t{1} << 32));
        }
        return it->second;
    }

    std::unordered_map<std::string, std::uint32_t> m_words;
    std::unordered_map<std::uint64_t, std::uint32_t> m_features;
    std::vector<bool> m_bigram;
};

// TF-IDF vectors of every text of both sides, IDF over all of them.
void weigh(FeatureSpace& space, const std::vector<std::vector<std::string>>& old_words,
           const std::vector<std::vector<std::string>>& new_words, std::vector<Vector>& old_vectors,
           std::vector<Vector>& new_vectors) {
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> counts;
    counts.reserve(old_words.size() + new_words.size());
    for (const auto& words : old_words) {
        counts.push_back(space.count(words));
    }
    for (const auto& words : new_words) {
        counts.push_back(space.count(words));
    }
    std::vector<std::uint32_t> document_frequency(space.size(), 0);
    for (const auto& text : counts) {
        for (const auto& [feature, n] : text) {
            ++document_frequency[feature];
        }
    }
    const double total = static_cast<double>(counts.size());
    std::vector<Vector> vectors;
    vectors.reserve(counts.size());
    for (const auto& text : counts) {
        Vector vector;
        vector.reserve(text.size());
        double norm = 0;
        for (const auto& [feature, n] : text) {
            const double idf = std::log(1.0 + total / document_frequency[feature]);
            double weight = (1.0 + std::log(static_cast<double>(n))) * idf;
            if (space.is_bigram(feature)) {
                weight *= k_bigram_weight;
            }
            vector.emplace_back(feature, weight);
            norm += weight * weight;
        }
        norm = std::sqrt(norm);
        for (auto& entry : vector) {
            entry.second /= norm;
        }
        vectors.push_back(std::move(vector));
    }
    old_vectors.assign(std::make_move_iterator(vectors.begin()),
                       std::make_move_iterator(vectors.begin() + static_cast<long>(old_words.size())));
    new_vectors.assign(std::make_move_iterator(vectors.begin() + static_cast<long>(old_words.size())),
                       std::make_move_iterator(vectors.end()));
}

// Minimum-cost assignment of every row to a distinct column (rows <= columns), the
// Hungarian algorithm with potentials in O(rows² · columns). Returns the column of each row.
std::vector<std::size_t> hungarian(const std::vector<std::vector<double>>& cost) {
    const std::size_t n = cost.size();
    const std::size_t m = n == 0 ? 0 : cost[0].size();
    const double infinity = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0), v(m + 1, 0);
    std::vector<std::size_t> p(m + 1, 0), way(m + 1, 0);
    for (std::size_t i = 1; i <= n; ++i) {
        p[0] = i;
        std::size_t j0 = 0;
        std::vector<double> minv(m + 1, infinity);
        std::vector<bool> used(m + 1, false);
        do {
            used[j0] = true;
            const std::size_t i0 = p[j0];
            double delta = infinity;
            std::size_t j1 = 0;
            for (std::size_t j = 1; j <= m; ++j) {
                if (used[j]) {
                    continue;
                }
                const double current = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if (current < minv[j]) {
                    minv[j] = current;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (std::size_t j = 0; j <= m; ++j) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const std::size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<std::size_t> column(n, 0);
    for (std::size_t j = 1; j <= m; ++j) {
        if (p[j] != 0) {
            column[p[j] - 1] = j - 1;
        }
    }
    return column;
}

class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), 0); }
    std::size_t find(std::size_t x) {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    void join(std::size_t a, std::size_t b) { m_parent[find(a)] = find(b); }

private:
    std::vector<std::size_t> m_parent;
};

std::size_t utf8_length_at(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::min(length, text.size() - i);
}

// The text cut into tokens that cover it exactly: each word where it is found (in order),
// every other character a token of its own.
std::vector<std::string_view> cover_tokens(std::string_view text, const std::vector<std::string>& words) {
    std::vector<std::string_view> tokens;
    std::size_t position = 0;
    auto add_gap = [&](std::size_t end) {
        while (position < end) {
            const std::size_t length = utf8_length_at(text, position);
            tokens.push_back(text.substr(position, length));
            position += length;
        }
    };
    for (const std::string& word : words) {
        if (word.empty()) {
            continue;
        }
        const std::size_t found = text.find(word, position);
        if (found == std::string_view::npos) {
            continue;  // the tokenizer changed the word; its characters come out one by one
        }
        add_gap(found);
        tokens.push_back(text.substr(found, word.size()));
        position = found + word.size();
    }
    add_gap(text.size());
    return tokens;
}

std::string department_key(const Department& department) {
    return department.canonical.empty() ? department.name : department.canonical;
}

std::vector<DepartmentChange> department_changes(const Task& old_task, const Task& new_task) {
    struct Seen {
        bool named = false;
        bool lead = false;
        std::string role;
    };
    std::map<std::string, std::pair<Seen, Seen>> by_name;
    std::vector<std::string> order;
    auto note = [&](const Department& department, bool is_new) {
        const std::string key = department_key(department);
        if (by_name.find(key) == by_name.end()) {
            order.push_back(key);
        }
        Seen& seen = is_new ? by_name[key].second : by_name[key].first;
        seen.named = true;
        if (department.role == "lead") {
            seen.lead = true;
        }
        if (seen.role.empty() || department.role == "lead") {
            seen.role = department.role;
        }
    };
    for (const Department& department : old_task.departments) {
        note(department, false);
    }
    for (const Department& department : new_task.departments) {
        note(department, true);
    }
    std::vector<DepartmentChange> changes;
    for (const std::string& name : order) {
        const auto& [before, after] = by_name[name];
        if (before.named && !after.named) {
            changes.push_back({name, "dropped", before.role, ""});
        } else if (!before.named && after.named) {
            changes.push_back({name, "added", "", after.role});
        } else if (!before.lead && after.lead) {
            changes.push_back({name, "lead_gained", before.role, after.role});
        } else if (before.lead && !after.lead) {
            changes.push_back({name, "lead_lost", before.role, after.role});
        }
    }
    return changes;
}

// Multiset difference both ways, keeping the order of first appearance.
void multiset_changes(const std::vector<std::string>& before, const std::vector<std::string>& after,
                      std::vector<std::string>& added, std::vector<std::string>& removed) {
    std::map<std::string, int> balance;
    for (const std::string& text : before) {
        --balance[comparable_text(text)];
    }
    for (const std::string& text : after) {
        ++balance[comparable_text(text)];
    }
    std::map<std::string, int> left = balance;
    for (const std::string& text : after) {
        int& n = left[comparable_text(text)];
        if (n > 0) {
            added.push_back(text);
            --n;
        }
    }
    for (const std::string& text : before) {
        int& n = left[comparable_text(text)];
        if (n < 0) {
            removed.push_back(text);
            ++n;
        }
    }
}

std::vector<std::string> deadline_texts(const std::vector<Deadline>& deadlines) {
    std::vector<std::string> texts;
    for (const Deadline& deadline : deadlines) {
        texts.push_back(deadline.text);
    }
    return texts;
}

double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() && b.empty()) {
        return 1;
    }
    std::set<std::string> left(a.begin(), a.end());
    std::set<std::string> right(b.begin(), b.end());
    std::size_t shared = 0;
    for (const std::string& word : left) {
        shared += right.count(word);
    }
    return 2.0 * static_cast<double>(shared) / static_cast<double>(left.size() + right.size());
}

// The section paths a task path lies under: "六/(一)" → {"六", "六/(一)"}.
std::vector<std::string> path_prefixes(const std::string& path) {
    std::vector<std::string> prefixes;
    if (path.empty()) {
        return prefixes;
    }
    std::size_t position = 0;
    while (true) {
        const std::size_t slash = path.find('/', position);
        if (slash == std::string::npos) {
            prefixes.push_back(path);
            return prefixes;
        }
        prefixes.push_back(path.substr(0, slash));
        position = slash + 1;
    }
}

// Pairs the sections of both notices: by heading words and by where their tasks went. Returns
// the changes and fills `mapping` (old section path → new section path) for matched ones.
std::vector<SectionChange> align_sections(const Record& old_record, const Record& new_record,
                                          const std::vector<std::pair<std::size_t, std::size_t>>& matched,
                                          const Tokenizer& tokenize, std::map<std::string, std::string>& mapping) {
    const auto& old_sections = old_record.sections;
    const auto& new_sections = new_record.sections;
    std::map<std::string, std::size_t> old_by_path, new_by_path;
    for (std::size_t i = 0; i < old_sections.size(); ++i) {
        old_by_path.emplace(old_sections[i].path, i);
    }
    for (std::size_t j = 0; j < new_sections.size(); ++j) {
        new_by_path.emplace(new_sections[j].path, j);
    }
    std::vector<int> old_count(old_sections.size(), 0), new_count(new_sections.size(), 0);
    for (const Task& task : old_record.tasks) {
        for (const std::string& prefix : path_prefixes(task.section)) {
            if (auto it = old_by_path.find(prefix); it != old_by_path.end()) {
                ++old_count[it->second];
            }
        }
    }
    for (const Task& task : new_record.tasks) {
        for (const std::string& prefix : path_prefixes(task.section)) {
            if (auto it = new_by_path.find(prefix); it != new_by_path.end()) {
                ++new_count[it->second];
            }
        }
    }
    std::map<std::pair<std::size_t, std::size_t>, int> votes;
    for (const auto& [i, j] : matched) {
        const auto old_prefixes = path_prefixes(old_record.tasks[i].section);
        const auto new_prefixes = path_prefixes(new_record.tasks[j].section);
        for (std::size_t level = 0; level < std::min(old_prefixes.size(), new_prefixes.size()); ++level) {
            auto a = old_by_path.find(old_prefixes[level]);
            auto b = new_by_path.find(new_prefixes[level]);
            if (a != old_by_path.end() && b != new_by_path.end()) {
                ++votes[{a->second, b->second}];
            }
        }
    }
    std::vector<std::vector<std::string>> old_words, new_words;
    for (const Section& section : old_sections) {
        old_words.push_back(tokenize(normalised_view(section.heading)));
    }
    for (const Section& section : new_sections) {
        new_words.push_back(tokenize(normalised_view(section.heading)));
    }
    struct Candidate {
        double score;
        double heading;
        std::size_t i;
        std::size_t j;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < old_sections.size(); ++i) {
        for (std::size_t j = 0; j < new_sections.size(); ++j) {
            if (old_sections[i].level != new_sections[j].level) {
                continue;
            }
            const double heading = dice(old_words[i], new_words[j]);
            double share = 0;
            if (auto it = votes.find({i, j}); it != votes.end()) {
                share = it->second / static_cast<double>(std::max(old_count[i], new_count[j]));
            }
            double score = heading + share;
            if (old_sections[i].path == new_sections[j].path) {
                score += 0.01;
            }
            if (score >= k_section_threshold) {
                candidates.push_back({score, heading, i, j});
            }
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    std::vector<std::optional<std::size_t>> old_match(old_sections.size()), new_match(new_sections.size());
    std::vector<double> heading_similarity(old_sections.size(), 0);
    for (const Candidate& candidate : candidates) {
        if (old_match[candidate.i] || new_match[candidate.j]) {
            continue;
        }
        old_match[candidate.i] = candidate.j;
        new_match[candidate.j] = candidate.i;
        heading_similarity[candidate.i] = candidate.heading;
    }
    std::vector<SectionChange> changes;
    // In reading order of the new notice, removed ones after the new section that follows them.
    std::size_t next_old = 0;
    auto flush_removed = [&](std::size_t until) {
        for (; next_old < until; ++next_old) {
            if (!old_match[next_old]) {
                changes.push_back({"removed", old_sections[next_old], std::nullopt, 0});
            }
        }
    };
    for (std::size_t j = 0; j < new_sections.size(); ++j) {
        if (!new_match[j]) {
            changes.push_back({"added", std::nullopt, new_sections[j], 0});
            continue;
        }
        const std::size_t i = *new_match[j];
        flush_removed(i);
        mapping[old_sections[i].path] = new_sections[j].path;
        const bool same_heading = comparable_text(old_sections[i].heading) == comparable_text(new_sections[j].heading);
        if (!same_heading) {
            changes.push_back({"renamed", old_sections[i], new_sections[j], heading_similarity[i]});
        } else if (old_sections[i].path != new_sections[j].path) {
            changes.push_back({"renumbered", old_sections[i], new_sections[j], 1});
        }
    }
    flush_removed(old_sections.size());
    return changes;
}

}  // namespace

std::vector<std::string> character_words(std::string_view text) {
    std::vector<std::string> words;
    std::string run;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        UChar32 c;
        U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, text.size(), c);
        if (c < 0) {
            continue;
        }
        const std::string_view piece = text.substr(start, i - start);
        if (is_han(c)) {
            if (!run.empty()) {
                words.push_back(std::move(run));
                run.clear();
            }
            words.emplace_back(piece);
        } else if (u_isalnum(c)) {
            run += piece;
        } else if (!run.empty()) {
            words.push_back(std::move(run));
            run.clear();
        }
    }
    if (!run.empty()) {
        words.push_back(std::move(run));
    }
    return words;
}

std::string_view to_string(PairClass kind) {
    switch (kind) {
        case PairClass::unchanged:
            return "unchanged";
        case PairClass::modified:
            return "modified";
        case PairClass::moved:
            return "moved";
        case PairClass::added:
            return "added";
        case PairClass::removed:
            return "removed";
    }
    return "unchanged";
}

std::string_view to_string(Edit::Op op) {
    switch (op) {
        case Edit::Op::equal:
            return "equal";
        case Edit::Op::insert:
            return "insert";
        case Edit::Op::remove:
            return "delete";
    }
    return "equal";
}

std::string comparable_text(std::string_view text) {
    std::string folded = normalise(text).text;
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
            out += c;
        }
    }
    return out;
}

std::vector<SimilarPair> similar_pairs(const std::vector<std::vector<std::string>>& old_words,
                                       const std::vector<std::vector<std::string>>& new_words, double floor) {
    FeatureSpace space;
    std::vector<Vector> old_vectors, new_vectors;
    weigh(space, old_words, new_words, old_vectors, new_vectors);
    // Exact sparse dot products through an inverted index of the new side: feature → (task,
    // weight), accumulated into one dense row per old task.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> postings(space.size());
    for (std::size_t j = 0; j < new_vectors.size(); ++j) {
        for (const auto& [feature, weight] : new_vectors[j]) {
            postings[feature].emplace_back(static_cast<std::uint32_t>(j), weight);
        }
    }
    std::vector<SimilarPair> pairs;
    std::vector<double> scores(new_vectors.size(), 0);
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < old_vectors.size(); ++i) {
        for (const auto& [feature, weight] : old_vectors[i]) {
            for (const auto& [j, other] : postings[feature]) {
                if (scores[j] == 0) {
                    touched.push_back(j);
                }
                scores[j] += weight * other;
            }
        }
        const std::size_t first = pairs.size();
        for (std::uint32_t j : touched) {
            const double similarity = std::min(1.0, scores[j]);
            if (similarity >= floor) {
                pairs.push_back({i, j, similarity});
            }
            scores[j] = 0;
        }
        touched.clear();
        std::sort(pairs.begin() + static_cast<long>(first), pairs.end(),
                  [](const SimilarPair& a, const SimilarPair& b) { return a.new_index < b.new_index; });
    }
    return pairs;
}

std::vector<std::size_t> assign_pairs(const std::vector<SimilarPair>& pairs, const std::vector<double>& weight,
                                      std::size_t exact_limit) {
    std::size_t old_size = 0, new_size = 0;
    for (const SimilarPair& pair : pairs) {
        old_size = std::max(old_size, pair.old_index + 1);
        new_size = std::max(new_size, pair.new_index + 1);
    }
    // Components of the bipartite graph: old task i is node i, new task j is node old_size + j.
    DisjointSets sets(old_size + new_size);
    for (const SimilarPair& pair : pairs) {
        sets.join(pair.old_index, old_size + pair.new_index);
    }
    std::map<std::size_t, std::vector<std::size_t>> components;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        components[sets.find(pairs[k].old_index)].push_back(k);
    }
    std::vector<std::size_t> chosen;
    for (const auto& [root, edges] : components) {
        std::vector<std::size_t> rows, columns;
        for (std::size_t k : edges) {
            rows.push_back(pairs[k].old_index);
            columns.push_back(pairs[k].new_index);
        }
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        std::sort(columns.begin(), columns.end());
        columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
        if (rows.size() == 1 || columns.size() == 1) {
            chosen.push_back(*std::max_element(edges.begin(), edges.end(),
                                               [&](std::size_t a, std::size_t b) { return weight[a] < weight[b]; }));
            continue;
        }
        if (std::max(rows.size(), columns.size()) > exact_limit) {
            std::vector<std::size_t> order = edges;
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });
            std::set<std::size_t> used_old, used_new;
            for (std::size_t k : order) {
                if (used_old.count(pairs[k].old_index) == 0 && used_new.count(pairs[k].new_index) == 0) {
                    used_old.insert(pairs[k].old_index);
                    used_new.insert(pairs[k].new_index);
                    chosen.push_back(k);
                }
            }
            continue;
        }
        // Dense cost matrix, rows the smaller side; no edge costs 0 (left unmatched).
        const bool transpose = rows.size() > columns.size();
        const std::vector<std::size_t>& r = transpose ? columns : rows;
        const std::vector<std::size_t>& c = transpose ? rows : columns;
        std::vector<std::vector<double>> cost(r.size(), std::vector<double>(c.size(), 0));
        std::vector<std::vector<std::size_t>> edge_at(r.size(), std::vector<std::size_t>(c.size(), pairs.size()));
        for (std::size_t k : edges) {
            const std::size_t a = pairs[k].old_index;
            const std::size_t b = pairs[k].new_index;
            const std::size_t ri =
                static_cast<std::size_t>(std::lower_bound(r.begin(), r.end(), transpose ? b : a) - r.begin());
            const std::size_t ci =
                static_cast<std::size_t>(std::lower_bound(c.begin(), c.end(), transpose ? a : b) - c.begin());
            cost[ri][ci] = -weight[k];
            edge_at[ri][ci] = k;
        }
        const std::vector<std::size_t> column = hungarian(cost);
        for (std::size_t ri = 0; ri < r.size(); ++ri) {
            const std::size_t k = edge_at[ri][column[ri]];
            if (k < pairs.size()) {
                chosen.push_back(k);
            }
        }
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

std::vector<Edit> word_edits(std::string_view old_text, std::string_view new_text, const Tokenizer& tokenize) {
    // Tokens are found and compared in the normalised view (so a full-width comma equals a
    // half-width one) and shown as the original text they came from.
    const NormalisedText old_view = normalise(old_text);
    const NormalisedText new_view = normalise(new_text);
    const std::vector<std::string_view> a = cover_tokens(old_view.text, tokenize(old_view.text));
    const std::vector<std::string_view> b = cover_tokens(new_view.text, tokenize(new_view.text));
    std::unordered_map<std::string_view, std::uint32_t> ids;
    auto intern = [&](const std::vector<std::string_view>& tokens) {
        std::vector<std::uint32_t> out;
        out.reserve(tokens.size());
        for (std::string_view token : tokens) {
            out.push_back(ids.try_emplace(token, static_cast<std::uint32_t>(ids.size())).first->second);
        }
        return out;
    };
    const std::vector<std::uint32_t> a_ids = intern(a);
    const std::vector<std::uint32_t> b_ids = intern(b);
    // The original text of tokens [first, last) of a cover of `view`.
    auto original = [](std::string_view text, const NormalisedText& view, const std::vector<std::string_view>& tokens,
                       std::size_t first, std::size_t last) {
        const std::size_t begin = static_cast<std::size_t>(tokens[first].data() - view.text.data());
        const std::size_t end =
            static_cast<std::size_t>(tokens[last - 1].data() - view.text.data()) + tokens[last - 1].size();
        std::string out;
        view.append_original(out, text, begin, end);
        return out;
    };
    std::vector<Edit> edits;
    std::size_t x = 0, y = 0;
    for (const EditRun& run : myers_diff(a_ids, b_ids)) {
        if (run.op == EditOp::insert) {
            edits.push_back({Edit::Op::insert, original(new_text, new_view, b, y, y + run.count)});
            y += run.count;
            continue;
        }
        edits.push_back({run.op == EditOp::equal ? Edit::Op::equal : Edit::Op::remove,
                         original(old_text, old_view, a, x, x + run.count)});
        x += run.count;
        if (run.op == EditOp::equal) {
            y += run.count;
        }
    }
    return edits;
}

DiffResult diff_records(const Record& old_record, const Record& new_record, const Tokenizer& tokenize,
                        const DiffOptions& options) {
    DiffResult result;
    result.old_name = old_record.path;
    result.new_name = new_record.path;
    result.old_title = old_record.title;
    result.new_title = new_record.title;
    result.threshold = options.threshold;

    std::vector<std::string> old_views, new_views;
    std::vector<std::vector<std::string>> old_words, new_words;
    for (const Task& task : old_record.tasks) {
        old_views.push_back(normalised_view(task.text));
        old_words.push_back(tokenize(old_views.back()));
    }
    for (const Task& task : new_record.tasks) {
        new_views.push_back(normalised_view(task.text));
        new_words.push_back(tokenize(new_views.back()));
    }

    // Align: candidates at or above the threshold, weighted by their margin above it, so one
    // strong match is never traded for two marginal ones.
    const double floor = std::max(options.threshold, 1e-9);
    std::vector<SimilarPair> candidates = similar_pairs(old_words, new_words, floor);
    const double old_size = static_cast<double>(std::max<std::size_t>(old_record.tasks.size(), 1));
    const double new_size = static_cast<double>(std::max<std::size_t>(new_record.tasks.size(), 1));
    std::vector<double> weights;
    weights.reserve(candidates.size());
    for (const SimilarPair& pair : candidates) {
        const double distance = std::abs((static_cast<double>(pair.old_index) + 0.5) / old_size -
                                         (static_cast<double>(pair.new_index) + 0.5) / new_size);
        weights.push_back(pair.similarity - floor + 1e-6 + k_position_bonus * (1.0 - distance));
    }
    std::vector<std::optional<std::size_t>> old_match(old_record.tasks.size());
    std::vector<std::optional<std::size_t>> new_match(new_record.tasks.size());
    std::vector<double> new_similarity(new_record.tasks.size(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> matched;
    for (std::size_t k : assign_pairs(candidates, weights)) {
        old_match[candidates[k].old_index] = candidates[k].new_index;
        new_match[candidates[k].new_index] = candidates[k].old_index;
        new_similarity[candidates[k].new_index] = candidates[k].similarity;
        matched.emplace_back(candidates[k].old_index, candidates[k].new_index);
    }

    std::map<std::string, std::string> section_mapping;
    result.sections = align_sections(old_record, new_record, matched, tokenize, section_mapping);

    auto task_citations = [](const Record& record, const std::string& path) {
        std::vector<std::string> texts;
        for (const Citation& citation : record.citations) {
            if (citation.task && *citation.task == path) {
                texts.push_back(citation.text);
            }
        }
        return texts;
    };
    auto make_pair = [&](std::optional<std::size_t> i, std::optional<std::size_t> j) {
        TaskPair pair;
        if (i && !j) {
            pair.kind = PairClass::removed;
            pair.old_task = old_record.tasks[*i];
            return pair;
        }
        if (j && !i) {
            pair.kind = PairClass::added;
            pair.new_task = new_record.tasks[*j];
            return pair;
        }
        const Task& before = old_record.tasks[*i];
        const Task& after = new_record.tasks[*j];
        pair.old_task = before;
        pair.new_task = after;
        pair.text_changed = comparable_text(old_views[*i]) != comparable_text(new_views[*j]);
        pair.similarity = pair.text_changed ? new_similarity[*j] : 1.0;
        auto mapped = section_mapping.find(before.section);
        const std::string& old_section_now = mapped == section_mapping.end() ? before.section : mapped->second;
        const bool moved = old_section_now != after.section;
        pair.kind = moved ? PairClass::moved : pair.text_changed ? PairClass::modified : PairClass::unchanged;
        if (pair.text_changed) {
            pair.edits = word_edits(before.text, after.text, tokenize);
        }
        pair.departments = department_changes(before, after);
        multiset_changes(deadline_texts(before.deadlines), deadline_texts(after.deadlines), pair.deadlines_added,
                         pair.deadlines_removed);
        multiset_changes(task_citations(old_record, before.path), task_citations(new_record, after.path),
                         pair.citations_added, pair.citations_dropped);
        return pair;
    };

    // Reading order of the new notice; each removed task goes before the first matched task
    // that followed it in the old notice.
    std::size_t next_old = 0;
    auto flush_removed = [&](std::size_t until) {
        for (; next_old < until; ++next_old) {
            if (!old_match[next_old]) {
                result.pairs.push_back(make_pair(next_old, std::nullopt));
            }
        }
    };
    for (std::size_t j = 0; j < new_record.tasks.size(); ++j) {
        if (new_match[j]) {
            flush_removed(*new_match[j]);
        }
        result.pairs.push_back(make_pair(new_match[j], j));
    }
    flush_removed(old_record.tasks.size());

    // Notice-level deadlines and all citations.
    std::vector<std::string> old_deadlines, new_deadlines, old_citations, new_citations;
    for (const Deadline& deadline : old_record.deadlines) {
        if (!deadline.task) {
            old_deadlines.push_back(deadline.text);
        }
    }
    for (const Deadline& deadline : new_record.deadlines) {
        if (!deadline.task) {
            new_deadlines.push_back(deadline.text);
        }
    }
    for (const Citation& citation : old_record.citations) {
        old_citations.push_back(citation.text);
    }
    for (const Citation& citation : new_record.citations) {
        new_citations.push_back(citation.text);
    }
    multiset_changes(old_deadlines, new_deadlines, result.deadlines_added, result.deadlines_removed);
    multiset_changes(old_citations, new_citations, result.citations_added, result.citations_dropped);

    // Summary.
    DiffSummary& summary = result.summary;
    summary.old_tasks = old_record.tasks.size();
    summary.new_tasks = new_record.tasks.size();
    for (PairClass kind :
         {PairClass::unchanged, PairClass::modified, PairClass::moved, PairClass::added, PairClass::removed}) {
        summary.counts[kind] = 0;
    }
    std::map<std::string, DepartmentChurn> churn;
    auto touch = [&](const std::string& name) -> DepartmentChurn& {
        DepartmentChurn& entry = churn[name];
        entry.name = name;
        return entry;
    };
    for (const TaskPair& pair : result.pairs) {
        ++summary.counts[pair.kind];
        if (pair.kind == PairClass::added || pair.kind == PairClass::removed) {
            const bool gained = pair.kind == PairClass::added;
            std::set<std::string> seen;
            for (const Department& department : (gained ? pair.new_task : pair.old_task)->departments) {
                const std::string name = department_key(department);
                if (!seen.insert(name).second) {
                    continue;
                }
                DepartmentChurn& entry = touch(name);
                (gained ? entry.gained : entry.lost) += 1;
                if (department.role == "lead") {
                    (gained ? entry.lead_gained : entry.lead_lost) += 1;
                }
            }
            continue;
        }
        for (const DepartmentChange& change : pair.departments) {
            DepartmentChurn& entry = touch(change.name);
            if (change.change == "added") {
                ++entry.gained;
                entry.lead_gained += change.new_role == "lead" ? 1 : 0;
            } else if (change.change == "dropped") {
                ++entry.lost;
                entry.lead_lost += change.old_role == "lead" ? 1 : 0;
            } else if (change.change == "lead_gained") {
                ++entry.lead_gained;
            } else if (change.change == "lead_lost") {
                ++entry.lead_lost;
            }
        }
    }
    for (auto& [name, entry] : churn) {
        summary.departments.push_back(entry);
    }
    std::stable_sort(summary.departments.begin(), summary.departments.end(),
                     [](const DepartmentChurn& a, const DepartmentChurn& b) {
                         const int left = a.gained + a.lost + a.lead_gained + a.lead_lost;
                         const int right = b.gained + b.lost + b.lead_gained + b.lead_lost;
                         return left > right;
                     });
    return result;
}

Record record_from_outline(const ResultSet& outline) {
    Record record;
    const auto kind_column = outline.column("kind");
    const auto depth_column = outline.column("depth");
    const auto path_column = outline.column("path");
    const auto text_column = outline.column("text");
    const auto detail_column = outline.column("detail");
    const auto line_column = outline.column("line");
    if (!kind_column || !depth_column || !path_column || !text_column || !detail_column || !line_column) {
        return record;
    }
    auto text = [](const Value& value) -> std::string {
        const std::string* s = std::get_if<std::string>(&value);
        return s == nullptr ? std::string() : *s;
    };
    auto integer = [](const Value& value) -> std::int64_t {
        const std::int64_t* n = std::get_if<std::int64_t>(&value);
        return n == nullptr ? 0 : *n;
    };
    Task* current = nullptr;
    for (const std::vector<Value>& row : outline.rows) {
        const std::string kind = text(row[*kind_column]);
        const std::int64_t depth = integer(row[*depth_column]);
        const std::uint32_t line = static_cast<std::uint32_t>(integer(row[*line_column]));
        if (kind == "document") {
            record.title = text(row[*text_column]);
        } else if (kind == "section") {
            Section section;
            section.path = text(row[*path_column]);
            section.heading = text(row[*text_column]);
            section.level = static_cast<int>(depth);
            section.where.line = line;
            record.sections.push_back(std::move(section));
            current = nullptr;
        } else if (kind == "task") {
            Task task;
            task.path = text(row[*path_column]);
            task.number = text(row[*detail_column]);
            const std::size_t slash = task.path.rfind('/');
            task.section = slash == std::string::npos ? std::string() : task.path.substr(0, slash);
            task.text = text(row[*text_column]);
            task.where.line = line;
            record.tasks.push_back(std::move(task));
            current = &record.tasks.back();
        } else if (kind == "department" && current != nullptr) {
            current->departments.push_back({text(row[*text_column]), text(row[*detail_column]), ""});
        } else if (kind == "deadline") {
            Deadline deadline;
            deadline.text = text(row[*text_column]);
            const std::string date = text(row[*detail_column]);
            if (!date.empty() && date != "undated") {
                deadline.date = date;
            }
            deadline.where.line = line;
            if (depth > 1 && current != nullptr) {
                deadline.task = current->path;
                current->deadlines.push_back(deadline);
            }
            record.deadlines.push_back(std::move(deadline));
        } else if (kind == "citation") {
            Citation citation;
            std::string cited = text(row[*text_column]);
            const std::string open = "《";
            const std::string close = "》";
            if (cited.size() > open.size() + close.size() && cited.compare(0, open.size(), open) == 0 &&
                cited.compare(cited.size() - close.size(), close.size(), close) == 0) {
                citation.kind = "title";
                cited = cited.substr(open.size(), cited.size() - open.size() - close.size());
            } else {
                citation.kind = "doc_number";
            }
            citation.text = std::move(cited);
            citation.where.line = line;
            if (depth > 1 && current != nullptr) {
                citation.task = current->path;
            }
            record.citations.push_back(std::move(citation));
        }
    }
    return record;
}

// Renderers.

namespace {

nlohmann::json task_json(const std::optional<Task>& task) {
    if (!task) {
        return nullptr;
    }
    nlohmann::json departments = nlohmann::json::array();
    for (const Department& department : task->departments) {
        departments.push_back({{"name", department.name}, {"role", department.role}});
    }
    nlohmann::json deadlines = nlohmann::json::array();
    for (const Deadline& deadline : task->deadlines) {
        deadlines.push_back(deadline.text);
    }
    return {{"path", task->path},
            {"section", task->section},
            {"text", task->text},
            {"departments", std::move(departments)},
            {"deadlines", std::move(deadlines)},
            {"line", task->where.line}};
}

nlohmann::json section_json(const std::optional<Section>& section) {
    if (!section) {
        return nullptr;
    }
    return {{"path", section->path}, {"heading", section->heading}};
}

double rounded(double value) {
    return std::round(value * 10000.0) / 10000.0;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += parts[i];
    }
    return out;
}

std::string department_change_text(const DepartmentChange& change) {
    if (change.change == "added") {
        return fmt::format("+{}{}", change.name, change.new_role == "lead" ? " (lead)" : "");
    }
    if (change.change == "dropped") {
        return fmt::format("-{}{}", change.name, change.old_role == "lead" ? " (lead)" : "");
    }
    if (change.change == "lead_gained") {
        return fmt::format("{} now leads", change.name);
    }
    return fmt::format("{} no longer leads", change.name);
}

std::string section_change_text(const SectionChange& change) {
    if (change.change == "added") {
        return fmt::format("{} {}", change.new_section->path, change.new_section->heading);
    }
    if (change.change == "removed") {
        return fmt::format("{} {}", change.old_section->path, change.old_section->heading);
    }
    if (change.change == "renamed") {
        return fmt::format("{} {} → {} {}", change.old_section->path, change.old_section->heading,
                           change.new_section->path, change.new_section->heading);
    }
    return fmt::format("{} → {} {}", change.old_section->path, change.new_section->path, change.new_section->heading);
}

int section_count(const DiffResult& result, std::string_view change) {
    return static_cast<int>(std::count_if(result.sections.begin(), result.sections.end(),
                                          [&](const SectionChange& c) { return c.change == change; }));
}

constexpr const char* k_red = "\x1b[31m";
constexpr const char* k_green = "\x1b[32m";
constexpr const char* k_bold = "\x1b[1m";
constexpr const char* k_dim = "\x1b[2m";
constexpr const char* k_reset = "\x1b[0m";

}  // namespace

nlohmann::json to_json(const DiffResult& result) {
    nlohmann::json out;
    out["old_notice"] = {{"path", result.old_name}, {"title", result.old_title}, {"tasks", result.summary.old_tasks}};
    out["new_notice"] = {{"path", result.new_name}, {"title", result.new_title}, {"tasks", result.summary.new_tasks}};
    out["threshold"] = result.threshold;
    nlohmann::json summary = nlohmann::json::object();
    for (const auto& [kind, count] : result.summary.counts) {
        summary[std::string(to_string(kind))] = count;
    }
    out["summary"] = std::move(summary);
    nlohmann::json departments = nlohmann::json::array();
    for (const DepartmentChurn& churn : result.summary.departments) {
        departments.push_back({{"name", churn.name},
                               {"gained", churn.gained},
                               {"lost", churn.lost},
                               {"lead_gained", churn.lead_gained},
                               {"lead_lost", churn.lead_lost}});
    }
    out["departments"] = std::move(departments);
    nlohmann::json pairs = nlohmann::json::array();
    for (const TaskPair& pair : result.pairs) {
        nlohmann::json edits = nlohmann::json::array();
        for (const Edit& edit : pair.edits) {
            edits.push_back({{"op", to_string(edit.op)}, {"text", edit.text}});
        }
        nlohmann::json changes = nlohmann::json::array();
        for (const DepartmentChange& change : pair.departments) {
            changes.push_back(
                {{"name", change.name},
                 {"change", change.change},
                 {"old_role", change.old_role.empty() ? nlohmann::json(nullptr) : nlohmann::json(change.old_role)},
                 {"new_role", change.new_role.empty() ? nlohmann::json(nullptr) : nlohmann::json(change.new_role)}});
        }
        pairs.push_back({{"class", to_string(pair.kind)},
                         {"similarity", rounded(pair.similarity)},
                         {"modified", pair.text_changed},
                         {"old", task_json(pair.old_task)},
                         {"new", task_json(pair.new_task)},
                         {"edits", std::move(edits)},
                         {"departments", std::move(changes)},
                         {"deadlines", {{"added", pair.deadlines_added}, {"removed", pair.deadlines_removed}}},
                         {"citations", {{"added", pair.citations_added}, {"dropped", pair.citations_dropped}}}});
    }
    out["pairs"] = std::move(pairs);
    nlohmann::json sections = nlohmann::json::array();
    for (const SectionChange& change : result.sections) {
        sections.push_back({{"change", change.change},
                            {"similarity", rounded(change.similarity)},
                            {"old", section_json(change.old_section)},
                            {"new", section_json(change.new_section)}});
    }
    out["sections"] = std::move(sections);
    out["deadlines"] = {{"added", result.deadlines_added}, {"removed", result.deadlines_removed}};
    out["citations"] = {{"added", result.citations_added}, {"dropped", result.citations_dropped}};
    return out;
}

std::string render_text(const DiffResult& result, bool colour, bool show_unchanged) {
    auto paint = [&](const char* code, std::string_view text) {
        return colour ? fmt::format("{}{}{}", code, text, k_reset) : std::string(text);
    };
    std::string out;
    out += paint(k_bold, fmt::format("{} → {}", result.old_name, result.new_name)) + "\n";
    if (!result.old_title.empty() || !result.new_title.empty()) {
        out += fmt::format("  old: {} ({} tasks)\n  new: {} ({} tasks)\n",
                           result.old_title.empty() ? "-" : result.old_title, result.summary.old_tasks,
                           result.new_title.empty() ? "-" : result.new_title, result.summary.new_tasks);
    }
    out += '\n';
    out += paint(k_bold, "Summary");
    out += '\n';
    const auto& counts = result.summary.counts;
    out += fmt::format("  tasks      {} → {}: {} unchanged, {} modified, {} moved, {} added, {} removed\n",
                       result.summary.old_tasks, result.summary.new_tasks, counts.at(PairClass::unchanged),
                       counts.at(PairClass::modified), counts.at(PairClass::moved), counts.at(PairClass::added),
                       counts.at(PairClass::removed));
    out += fmt::format("  sections   {} renamed, {} added, {} removed, {} renumbered\n",
                       section_count(result, "renamed"), section_count(result, "added"),
                       section_count(result, "removed"), section_count(result, "renumbered"));
    if (!result.summary.departments.empty()) {
        out += "  most change (tasks gained/lost; lead gained/lost)\n";
        std::size_t shown = 0;
        for (const DepartmentChurn& churn : result.summary.departments) {
            if (shown++ == 5) {
                break;
            }
            out += fmt::format("             {}  +{} -{}", churn.name, churn.gained, churn.lost);
            if (churn.lead_gained != 0 || churn.lead_lost != 0) {
                out += fmt::format("  lead +{} -{}", churn.lead_gained, churn.lead_lost);
            }
            out += "\n";
        }
    }
    if (!result.deadlines_added.empty() || !result.deadlines_removed.empty()) {
        out += fmt::format("  deadlines  +[{}] -[{}]\n", join(result.deadlines_added, ", "),
                           join(result.deadlines_removed, ", "));
    }
    if (!result.citations_added.empty() || !result.citations_dropped.empty()) {
        out += fmt::format("  citations  {} added, {} dropped\n", result.citations_added.size(),
                           result.citations_dropped.size());
    }

    if (!result.sections.empty()) {
        out += '\n';
        out += paint(k_bold, "Sections");
        out += '\n';
        for (const SectionChange& change : result.sections) {
            const char* code = change.change == "added" ? k_green : change.change == "removed" ? k_red : k_bold;
            out += fmt::format("  {:<10} {}\n", paint(code, change.change), section_change_text(change));
        }
    }
    out += '\n';
    out += paint(k_bold, "Tasks");
    out += '\n';
    for (const TaskPair& pair : result.pairs) {
        if (pair.kind == PairClass::unchanged && !show_unchanged) {
            continue;
        }
        const std::string kind(to_string(pair.kind));
        if (pair.kind == PairClass::added) {
            out += fmt::format("{} {}  {}\n", paint(k_green, "+ added"), pair.new_task->path,
                               paint(k_green, pair.new_task->text));
            continue;
        }
        if (pair.kind == PairClass::removed) {
            out += fmt::format("{} {}  {}\n", paint(k_red, "- removed"), pair.old_task->path,
                               paint(k_red, pair.old_task->text));
            continue;
        }
        const char* marker = pair.kind == PairClass::moved ? "> " : pair.kind == PairClass::modified ? "~ " : "= ";
        out += fmt::format("{}{} {} → {}", paint(k_bold, marker), paint(k_bold, kind), pair.old_task->path,
                           pair.new_task->path);
        if (pair.kind == PairClass::moved && pair.text_changed) {
            out += ", modified";
        }
        out += fmt::format("  similarity {:.2f}\n", pair.similarity);
        if (pair.text_changed) {
            std::string line;
            for (const Edit& edit : pair.edits) {
                if (edit.op == Edit::Op::equal) {
                    line += edit.text;
                } else if (edit.op == Edit::Op::remove) {
                    line += colour ? paint(k_red, edit.text) : fmt::format("[-{}-]", edit.text);
                } else {
                    line += colour ? paint(k_green, edit.text) : fmt::format("{{+{}+}}", edit.text);
                }
            }
            out += "    " + line + "\n";
        } else {
            out += "    " + (colour ? paint(k_dim, pair.new_task->text) : pair.new_task->text) + "\n";
        }
        if (!pair.departments.empty()) {
            std::vector<std::string> parts;
            for (const DepartmentChange& change : pair.departments) {
                parts.push_back(department_change_text(change));
            }
            out += "    departments: " + join(parts, "; ") + "\n";
        }
        if (!pair.deadlines_added.empty() || !pair.deadlines_removed.empty()) {
            out += fmt::format("    deadlines: +[{}] -[{}]\n", join(pair.deadlines_added, ", "),
                               join(pair.deadlines_removed, ", "));
        }
        if (!pair.citations_added.empty() || !pair.citations_dropped.empty()) {
            out += fmt::format("    citations: +[{}] -[{}]\n", join(pair.citations_added, ", "),
                               join(pair.citations_dropped, ", "));
        }
    }
    if (!result.citations_added.empty() || !result.citations_dropped.empty()) {
        out += '\n';
        out += paint(k_bold, "Citations");
        out += '\n';
        for (const std::string& text : result.citations_added) {
            out += paint(k_green, "  + " + text) + "\n";
        }
        for (const std::string& text : result.citations_dropped) {
            out += paint(k_red, "  - " + text) + "\n";
        }
    }
    return out;
}

ResultSet to_result_set(const DiffResult& result) {
    ResultSet set;
    set.columns = {"class",           "similarity",        "modified",        "old_path",         "new_path",
                   "old_section",     "new_section",       "old_text",        "new_text",         "departments",
                   "deadlines_added", "deadlines_removed", "citations_added", "citations_dropped"};
    for (const TaskPair& pair : result.pairs) {
        std::vector<std::string> departments;
        for (const DepartmentChange& change : pair.departments) {
            departments.push_back(department_change_text(change));
        }
        auto text_or_null = [](const std::optional<Task>& task, auto field) -> Value {
            if (!task) {
                return std::monostate{};
            }
            return std::string(field(*task));
        };
        set.rows.push_back({std::string(to_string(pair.kind)), rounded(pair.similarity),
                            std::int64_t{pair.text_changed ? 1 : 0},
                            text_or_null(pair.old_task, [](const Task& t) { return t.path; }),
                            text_or_null(pair.new_task, [](const Task& t) { return t.path; }),
                            text_or_null(pair.old_task, [](const Task& t) { return t.section; }),
                            text_or_null(pair.new_task, [](const Task& t) { return t.section; }),
                            text_or_null(pair.old_task, [](const Task& t) { return t.text; }),
                            text_or_null(pair.new_task, [](const Task& t) { return t.text; }), join(departments, "; "),
                            join(pair.deadlines_added, "; "), join(pair.deadlines_removed, "; "),
                            join(pair.citations_added, "; "), join(pair.citations_dropped, "; ")});
    }
    return set;
}

}  // namespace policy
