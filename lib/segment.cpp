// segment.cpp — see segment.h for what the segmenter does. Here, how the dictionary is laid
// out so that loading 350k words is quick and segmenting allocates nothing per character:
//
// The lexicon is a trie over code points stored in flat arrays. Edges out of the root for
// BMP characters sit in a direct table indexed by code point (every Han run starts there);
// every other edge lives in one open-addressing hash table keyed by (parent node, code
// point), linear probing, load factor at most 1/2. Nodes are bare numbers: all that is known
// about a node is carried by the edge that leads to it — the child's number, whether the
// child has children of its own (so a walk stops without a failed probe) and the log
// frequency of the word that ends there. A lookup is one multiply and, usually, one cache
// line; no std::string is built and nothing is allocated. Loading is bound by cache misses
// on that table, so words are inserted in batches whose walks advance level by level with
// prefetches (85 -> 50 ms CPU for jieba's 350k words).
#include "segment.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <fmt/core.h>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <span>
#include <stdexcept>

#include "embedded.h"
#include "grammar.h"

namespace policy {
namespace {

constexpr const char* k_general_file = "jieba-dict.txt";
constexpr const char* k_domain_file = "segmenter-domain.txt";

// A domain word given without a frequency gets at least this one (jieba's dict has 牵头 at
// 208, 尾矿库 at 10: 100 makes a word ordinary, not dominant) ...
constexpr double k_domain_floor_frequency = 100;
// ... and at least this many times the probability of the best split of the word.
constexpr double k_domain_split_margin = 4;

constexpr char32_t k_invalid = 0xFFFFFFFF;
constexpr float k_not_a_word = -std::numeric_limits<float>::infinity();

// ---------------------------------------------------------------------------------------
// Characters.

struct CodePoint {
    char32_t value;        // k_invalid for a byte that starts no valid sequence
    std::uint32_t length;  // bytes
};

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). A bad byte decodes as
// k_invalid, one byte long, so the caller always moves on.
inline CodePoint decode_utf8(const unsigned char* s, std::size_t size, std::size_t pos) {
    const unsigned c0 = s[pos];
    if (c0 < 0x80) {
        return {c0, 1};
    }
    const std::size_t left = size - pos;
    auto continuation = [&](std::size_t i) { return i < left && (s[pos + i] & 0xC0) == 0x80; };
    if (c0 < 0xC2) {
        return {k_invalid, 1};
    }
    if (c0 < 0xE0) {
        if (!continuation(1)) {
            return {k_invalid, 1};
        }
        return {((c0 & 0x1Fu) << 6) | (s[pos + 1] & 0x3Fu), 2};
    }
    if (c0 < 0xF0) {
        if (!continuation(1) || !continuation(2)) {
            return {k_invalid, 1};
        }
        const unsigned c1 = s[pos + 1];
        if ((c0 == 0xE0 && c1 < 0xA0) || (c0 == 0xED && c1 >= 0xA0)) {
            return {k_invalid, 1};
        }
        return {((c0 & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (s[pos + 2] & 0x3Fu), 3};
    }
    if (c0 < 0xF5) {
        if (!continuation(1) || !continuation(2) || !continuation(3)) {
            return {k_invalid, 1};
        }
        const unsigned c1 = s[pos + 1];
        if ((c0 == 0xF0 && c1 < 0x90) || (c0 == 0xF4 && c1 >= 0x90)) {
            return {k_invalid, 1};
        }
        return {((c0 & 0x07u) << 18) | ((c1 & 0x3Fu) << 12) | ((s[pos + 2] & 0x3Fu) << 6) | (s[pos + 3] & 0x3Fu), 4};
    }
    return {k_invalid, 1};
}

// What a character contributes to a token. `extend` (combining marks, variation selectors,
// ZWJ) belongs to the character before it, as in ICU's word-break rules (WB4).
enum class CharClass : std::uint8_t { han, digit, letter, space, extend, other };

constexpr std::array<CharClass, 128> k_ascii_classes = [] {
    std::array<CharClass, 128> classes{};
    for (std::size_t c = 0; c < 128; ++c) {
        if (c >= '0' && c <= '9') {
            classes[c] = CharClass::digit;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            classes[c] = CharClass::letter;
        } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
            classes[c] = CharClass::space;
        } else {
            classes[c] = CharClass::other;
        }
    }
    return classes;
}();

inline CharClass classify(char32_t c) {
    if (c < 0x80) {
        return k_ascii_classes[c];
    }
    if (c >= 0x4E00 && c <= 0x9FFF) {  // CJK Unified Ideographs: nearly every Han character
        return CharClass::han;
    }
    if (c == k_invalid) {
        return CharClass::other;
    }
    const auto code_point = static_cast<UChar32>(c);
    if (u_getIntPropertyValue(code_point, UCHAR_SCRIPT) == USCRIPT_HAN) {  // extensions, 〇, 々
        return CharClass::han;
    }
    if (u_isUWhiteSpace(code_point)) {
        return CharClass::space;
    }
    switch (u_charType(code_point)) {
        case U_DECIMAL_DIGIT_NUMBER:
            return CharClass::digit;
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
            return CharClass::letter;
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_COMBINING_SPACING_MARK:
            return CharClass::extend;
        case U_FORMAT_CHAR:
            return c == 0x200D ? CharClass::extend : CharClass::other;
        default:
            return CharClass::other;
    }
}

// Characters that keep a number ("3.5", "1,000") or a word ("don't", "U.S") whole when
// they stand between two digits or two letters (ICU's MidNum, MidNumLet, MidLetter).
inline bool joins(char32_t c, CharClass side) {
    if (side == CharClass::digit) {
        return c == '.' || c == ',';
    }
    return c == '.' || c == '\'' || c == 0x2019;
}

// Appends the code points of `word` to `out`; false (and `out` as it was) when `word` is
// empty, not UTF-8 or not all Han.
bool append_han_word(std::string_view word, std::vector<char32_t>& out) {
    const std::size_t size = out.size();
    const auto* s = reinterpret_cast<const unsigned char*>(word.data());
    for (std::size_t pos = 0; pos < word.size();) {
        const CodePoint c = decode_utf8(s, word.size(), pos);
        if (classify(c.value) != CharClass::han) {
            out.resize(size);
            return false;
        }
        out.push_back(c.value);
        pos += c.length;
    }
    return out.size() > size;
}

// ---------------------------------------------------------------------------------------
// The trie.

constexpr std::uint32_t k_has_children = 0x80000000u;
constexpr std::uint32_t k_node_mask = 0x7FFFFFFFu;

struct EdgeValue {
    std::uint32_t child = 0;        // node number | k_has_children; 0: no edge (0 is the root)
    float log_freq = k_not_a_word;  // log of the frequency of the word ending here
};

struct HashedEdge {
    std::uint64_t key;  // parent << 21 | code point; 0 marks a free slot (never a real key:
                        // edges from the root by a BMP character live in the direct table)
    EdgeValue value;
};
static_assert(sizeof(HashedEdge) == 16);

struct FreeDeleter {
    void operator()(void* p) const { std::free(p); }
};

// A word waiting to be inserted: `length` code points at `begin` in a pool.
struct PendingWord {
    std::uint32_t begin;
    std::uint32_t length;
    float log_freq;
};

class WordTrie {
public:
    explicit WordTrie(std::size_t expected_edges) : m_root(0x10000) {
        std::size_t capacity = 1024;
        while (capacity < expected_edges * 2) {
            capacity *= 2;
        }
        rehash(capacity);
    }

    // The edge from `node` by `c`, or nullptr.
    const EdgeValue* find(std::uint32_t node, char32_t c) const {
        if (node == 0 && c < 0x10000) {
            const EdgeValue& value = m_root[c];
            return value.child != 0 ? &value : nullptr;
        }
        const std::uint64_t key = edge_key(node, c);
        for (std::size_t i = slot_of(key);; i = (i + 1) & m_mask) {
            const HashedEdge& edge = m_slots.get()[i];
            if (edge.key == key) {
                return &edge.value;
            }
            if (edge.key == 0) {
                return nullptr;
            }
        }
    }

    // Hints that find(node, c) is coming (node is not the root).
    void prefetch(std::uint32_t node, char32_t c) const {
        __builtin_prefetch(&m_slots.get()[slot_of(edge_key(node, c))]);
    }

    // The edge that ends `word` (not empty), adding the nodes it lacks.
    EdgeValue& insert(std::span<const char32_t> word) {
        reserve(word.size());
        std::uint32_t node = 0;
        EdgeValue* into = nullptr;
        for (const char32_t c : word) {
            into = &step(node, c, into);
            node = into->child & k_node_mask;
        }
        return *into;
    }

    // Inserts `words` (code points in `pool`; at most k_batch, none empty) with their
    // frequencies, the later of two equal words winning. The walks advance together one
    // level at a time, so the cache misses of one level overlap (prefetch) instead of
    // queueing: loading is bound by those misses. Returns how many words are new.
    static constexpr std::size_t k_batch = 32;
    std::size_t insert_batch(std::span<const char32_t> pool, std::span<const PendingWord> words) {
        std::size_t characters = 0;
        std::uint32_t longest = 0;
        for (const PendingWord& word : words) {
            characters += word.length;
            longest = std::max(longest, word.length);
        }
        reserve(characters);
        std::array<std::uint32_t, k_batch> node{};
        std::array<EdgeValue*, k_batch> into{};
        for (std::uint32_t depth = 0; depth < longest; ++depth) {
            if (depth > 0) {
                for (std::size_t k = 0; k < words.size(); ++k) {
                    if (words[k].length > depth) {
                        prefetch(node[k], pool[words[k].begin + depth]);
                    }
                }
            }
            for (std::size_t k = 0; k < words.size(); ++k) {
                if (words[k].length > depth) {
                    into[k] = &step(node[k], pool[words[k].begin + depth], into[k]);
                    node[k] = into[k]->child & k_node_mask;
                }
            }
        }
        std::size_t added = 0;
        for (std::size_t k = 0; k < words.size(); ++k) {
            added += into[k]->log_freq == k_not_a_word ? 1 : 0;
            into[k]->log_freq = words[k].log_freq;
        }
        return added;
    }

    // The edge that ends `word`, or nullptr.
    const EdgeValue* find_word(std::span<const char32_t> word) const {
        std::uint32_t node = 0;
        const EdgeValue* edge = nullptr;
        for (const char32_t c : word) {
            edge = find(node, c);
            if (edge == nullptr) {
                return nullptr;
            }
            node = edge->child & k_node_mask;
        }
        return edge;
    }

private:
    static std::uint64_t edge_key(std::uint32_t node, char32_t c) { return (std::uint64_t{node} << 21) | c; }

    std::size_t slot_of(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift);
    }

    // Makes room for `characters` more edges, so that no pointer into the table moves
    // during the insertions that follow.
    void reserve(std::size_t characters) {
        while ((m_used + characters) * 2 > m_capacity) {
            rehash(m_capacity * 2);
        }
    }

    // The edge from `node` by `c`, added when missing; `into` is the edge that leads to
    // `node` (nullptr for the root) and learns that its node now has children.
    EdgeValue& step(std::uint32_t node, char32_t c, EdgeValue* into) {
        bool added = false;
        EdgeValue& edge = find_or_add(node, c, added);
        if (added && into != nullptr) {
            into->child |= k_has_children;
        }
        return edge;
    }

    EdgeValue& find_or_add(std::uint32_t node, char32_t c, bool& added) {
        if (node == 0 && c < 0x10000) {
            EdgeValue& value = m_root[c];
            if (value.child == 0) {
                value.child = new_node();
                added = true;
            }
            return value;
        }
        const std::uint64_t key = edge_key(node, c);
        for (std::size_t i = slot_of(key);; i = (i + 1) & m_mask) {
            HashedEdge& edge = m_slots.get()[i];
            if (edge.key == key) {
                return edge.value;
            }
            if (edge.key == 0) {
                edge.key = key;
                edge.value = EdgeValue{new_node(), k_not_a_word};
                ++m_used;
                added = true;
                return edge.value;
            }
        }
    }

    std::uint32_t new_node() {
        if (m_nodes == k_node_mask) {
            throw std::length_error("segmenter dictionary: too many trie nodes");
        }
        return m_nodes++;
    }

    void rehash(std::size_t capacity) {
        // calloc: a zeroed table is a free one, and fresh zero pages cost no memset.
        std::unique_ptr<HashedEdge, FreeDeleter> old = std::move(m_slots);
        const std::size_t old_capacity = m_capacity;
        m_slots.reset(static_cast<HashedEdge*>(std::calloc(capacity, sizeof(HashedEdge))));
        if (!m_slots) {
            throw std::bad_alloc();
        }
        m_capacity = capacity;
        m_mask = capacity - 1;
        m_shift = 64 - std::countr_zero(capacity);
        for (std::size_t j = 0; j < old_capacity; ++j) {
            const HashedEdge& edge = old.get()[j];
            if (edge.key == 0) {
                continue;
            }
            std::size_t i = slot_of(edge.key);
            while (m_slots.get()[i].key != 0) {
                i = (i + 1) & m_mask;
            }
            m_slots.get()[i] = edge;
        }
    }

    std::vector<EdgeValue> m_root;  // edges out of the root, by BMP code point
    std::unique_ptr<HashedEdge, FreeDeleter> m_slots;
    std::size_t m_capacity = 0;
    std::size_t m_mask = 0;
    int m_shift = 64;
    std::size_t m_used = 0;
    std::uint32_t m_nodes = 1;
};

// Scratch space for one Han run, reused across the runs of one segment() call.
struct HanRun {
    std::vector<char32_t> chars;
    std::vector<std::uint32_t> offsets;  // byte offset of each character, then of the run's end
    std::vector<double> route;           // best log probability from i to the end
    std::vector<std::uint32_t> next;     // where the best word starting at i ends
};

// ---------------------------------------------------------------------------------------
// ICU's BreakIterator, for the baseline.

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};
struct BreakIteratorCloser {
    void operator()(UBreakIterator* iterator) const { ubrk_close(iterator); }
};

template <typename F>
Result<void> for_each_icu_boundary(std::string_view text, F f) {
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        return make_error(ErrorCode::bad_input, "ICU word BreakIterator: text longer than 2 GiB");
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> utext(
        utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status));
    std::unique_ptr<UBreakIterator, BreakIteratorCloser> iterator(ubrk_open(UBRK_WORD, "", nullptr, 0, &status));
    if (U_SUCCESS(status)) {
        ubrk_setUText(iterator.get(), utext.get(), &status);
    }
    if (U_FAILURE(status)) {
        return make_error(ErrorCode::bad_input, fmt::format("ICU word BreakIterator: {}", u_errorName(status)));
    }
    for (std::int32_t boundary = ubrk_first(iterator.get()); boundary != UBRK_DONE;
         boundary = ubrk_next(iterator.get())) {
        f(static_cast<std::uint32_t>(boundary));
    }
    return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------

struct Segmenter::Impl {
    explicit Impl(std::size_t expected_edges) : trie(expected_edges) {}

    WordTrie trie;
    double log_total = 0;
    std::size_t words = 0;

    // Fills run.route/run.next for run.chars: route[i] is the best sum, over the words w of
    // a path from i to the end, of log(freq(w) / total). Every candidate at i pays
    // log(total) once, so candidates compare on log freq and it is subtracted after. A
    // character in no word has frequency 1, as in jieba. With `without_whole`, the path may
    // not be the whole run as one word (to price the best split of a word).
    template <bool without_whole>
    void solve(HanRun& run) const {
        const std::size_t n = run.chars.size();
        run.route.resize(n + 1);
        run.next.resize(n + 1);
        run.route[n] = 0;
        for (std::size_t i = n; i-- > 0;) {
            double best = run.route[i + 1];
            std::uint32_t best_end = static_cast<std::uint32_t>(i + 1);
            const EdgeValue* edge = trie.find(0, run.chars[i]);
            if (edge != nullptr) {
                if (edge->log_freq > 0 && !(without_whole && n == 1)) {
                    best = edge->log_freq + run.route[i + 1];
                }
                std::uint32_t child = edge->child;
                for (std::size_t j = i + 1; j < n && (child & k_has_children) != 0; ++j) {
                    edge = trie.find(child & k_node_mask, run.chars[j]);
                    if (edge == nullptr) {
                        break;
                    }
                    child = edge->child;
                    if (without_whole && i == 0 && j + 1 == n) {
                        break;
                    }
                    // Ties go to the longer word, as jieba's max over (log prob, end).
                    const double candidate = edge->log_freq + run.route[j + 1];
                    if (candidate >= best) {
                        best = candidate;
                        best_end = static_cast<std::uint32_t>(j + 1);
                    }
                }
            }
            run.route[i] = best - log_total;
            run.next[i] = best_end;
        }
    }

    void segment_han(HanRun& run, std::vector<Token>& out) const {
        solve<false>(run);
        const std::size_t n = run.chars.size();
        for (std::size_t i = 0; i < n; i = run.next[i]) {
            out.push_back(Token{run.offsets[i], run.offsets[run.next[i]], TokenKind::word});
        }
    }
};

std::string_view to_string(TokenKind kind) {
    switch (kind) {
        case TokenKind::word:
            return "word";
        case TokenKind::number:
            return "number";
        case TokenKind::latin:
            return "latin";
        case TokenKind::punctuation:
            return "punctuation";
        case TokenKind::space:
            return "space";
    }
    return "?";
}

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

Result<Segmenter> Segmenter::load(const Grammar& grammar) {
    const std::optional<std::string_view> general = embedded_file(k_general_file);
    if (!general) {
        return make_error(ErrorCode::bad_argument, fmt::format("{}: not embedded in this build", k_general_file));
    }
    std::vector<LexiconEntry> domain;
    for (const std::vector<std::string>& fields : grammar.lexicon(k_domain_file)) {
        LexiconEntry entry{fields[0], 0};
        if (fields.size() > 1) {
            const std::string& text = fields[1];
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), entry.frequency);
            if (error != std::errc{} || end != text.data() + text.size() || !(entry.frequency > 0) ||
                !std::isfinite(entry.frequency)) {
                return make_error(
                    ErrorCode::bad_argument,
                    fmt::format("{}: '{}': frequency '{}' is not a positive number", k_domain_file, fields[0], text));
            }
        }
        domain.push_back(std::move(entry));
    }
    return build(*general, domain);
}

namespace {

// The frequency field of a lexicon line: digits (the common case, parsed by hand) or any
// number std::from_chars reads. Nothing when it is not a finite number >= 0.
std::optional<double> parse_frequency(std::string_view text) {
    if (!text.empty() && text.size() <= 15) {
        std::uint64_t value = 0;
        std::size_t i = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
            ++i;
        }
        if (i == text.size()) {
            return static_cast<double>(value);
        }
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) || value < 0) {
        return std::nullopt;
    }
    return value;
}

std::size_t field_end(std::string_view line, std::size_t pos) {
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') {
        ++pos;
    }
    return pos;
}

}  // namespace

Result<Segmenter> Segmenter::build(std::string_view general, const std::vector<LexiconEntry>& domain) {
    // jieba's dict.txt averages about 10 bytes per trie edge.
    auto impl = std::make_unique<Impl>(general.size() / 10 + 1024);
    WordTrie& trie = impl->trie;
    double total = 0;

    // Logs of small frequencies, which most words have.
    std::array<float, 1024> small_logs{};
    for (std::size_t i = 1; i < small_logs.size(); ++i) {
        small_logs[i] = static_cast<float>(std::log(static_cast<double>(i)));
    }
    auto log_of = [&small_logs](double frequency) {
        return frequency < static_cast<double>(small_logs.size()) && frequency == std::floor(frequency)
                   ? small_logs[static_cast<std::size_t>(frequency)]
                   : static_cast<float>(std::log(frequency));
    };

    // The general lexicon: "word freq [tag]" per line, inserted in batches.
    std::vector<char32_t> pool;
    std::vector<PendingWord> batch;
    auto flush = [&] {
        impl->words += trie.insert_batch(pool, batch);
        pool.clear();
        batch.clear();
    };
    std::size_t line_number = 0;
    for (std::size_t pos = 0; pos < general.size();) {
        const std::size_t eol = std::min(general.find('\n', pos), general.size());
        std::string_view line = general.substr(pos, eol - pos);
        pos = eol + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        const std::size_t word_end = field_end(line, 0);
        if (word_end == 0) {
            continue;
        }
        double frequency = 1;
        if (word_end < line.size()) {
            const std::string_view field = line.substr(word_end + 1, field_end(line, word_end + 1) - word_end - 1);
            const std::optional<double> parsed = parse_frequency(field);
            if (!parsed) {
                return make_error(ErrorCode::bad_argument, fmt::format("{}:{}: frequency '{}' is not a number",
                                                                       k_general_file, line_number, field));
            }
            frequency = *parsed;
        }
        const std::size_t begin = pool.size();
        if (frequency == 0 || !append_han_word(line.substr(0, word_end), pool)) {
            continue;  // never a word, or could never match inside a Han run
        }
        total += frequency;
        batch.push_back(PendingWord{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pool.size() - begin),
                                    log_of(frequency)});
        if (batch.size() == WordTrie::k_batch) {
            flush();
        }
    }
    flush();

    // Domain words with a frequency are words like any other.
    std::vector<char32_t> chars;
    for (const LexiconEntry& entry : domain) {
        chars.clear();
        if (!append_han_word(entry.word, chars)) {
            return make_error(
                ErrorCode::bad_argument,
                fmt::format("{}: '{}': a dictionary word must be Han characters only", k_domain_file, entry.word));
        }
        if (entry.frequency > 0) {
            total += entry.frequency;
            EdgeValue& edge = trie.insert(chars);
            impl->words += edge.log_freq == k_not_a_word ? 1 : 0;
            edge.log_freq = log_of(entry.frequency);
        }
    }
    impl->log_total = std::log(std::max(total, 1.0));

    // Domain words without one get a frequency that beats their best split, in file order
    // (so 省应急管理厅 must also beat 省/应急管理/厅 when 应急管理 came first).
    HanRun run;
    for (const LexiconEntry& entry : domain) {
        if (entry.frequency > 0) {
            continue;
        }
        run.chars.clear();
        append_han_word(entry.word, run.chars);
        impl->solve<true>(run);
        // route[0] = log P(split); the word alone scores log freq - log total.
        double log_freq = std::max(std::log(k_domain_floor_frequency),
                                   run.route[0] + impl->log_total + std::log(k_domain_split_margin));
        EdgeValue& edge = trie.insert(run.chars);
        if (edge.log_freq == k_not_a_word) {
            ++impl->words;
        } else {
            log_freq = std::max(log_freq, static_cast<double>(edge.log_freq));
        }
        edge.log_freq = static_cast<float>(log_freq);
    }
    return Segmenter(std::move(impl));
}

void Segmenter::segment(std::string_view text, std::vector<Token>& out) const {
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("Segmenter::segment: text of 4 GiB or more");
    }
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    auto emit = [&out](std::size_t begin, std::size_t end, TokenKind kind) {
        out.push_back(Token{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), kind});
    };
    // Moves `pos` past the combining marks that belong to the character before it.
    auto skip_extend = [s, size](std::size_t pos) {
        while (pos < size) {
            const CodePoint c = decode_utf8(s, size, pos);
            if (classify(c.value) != CharClass::extend) {
                break;
            }
            pos += c.length;
        }
        return pos;
    };

    HanRun run;
    std::size_t pos = 0;
    while (pos < size) {
        const std::size_t begin = pos;
        const CodePoint first = decode_utf8(s, size, pos);
        const CharClass first_class = classify(first.value);
        pos += first.length;
        switch (first_class) {
            case CharClass::han: {
                run.chars.clear();
                run.offsets.clear();
                run.chars.push_back(first.value);
                run.offsets.push_back(static_cast<std::uint32_t>(begin));
                while (pos < size) {
                    const CodePoint c = decode_utf8(s, size, pos);
                    const CharClass c_class = classify(c.value);
                    if (c_class == CharClass::han) {
                        run.chars.push_back(c.value);
                        run.offsets.push_back(static_cast<std::uint32_t>(pos));
                    } else if (c_class != CharClass::extend) {
                        break;
                    }
                    pos += c.length;
                }
                run.offsets.push_back(static_cast<std::uint32_t>(pos));
                m_impl->segment_han(run, out);
                break;
            }
            case CharClass::space:
                while (pos < size) {
                    const CodePoint c = decode_utf8(s, size, pos);
                    const CharClass c_class = classify(c.value);
                    if (c_class != CharClass::space && c_class != CharClass::extend) {
                        break;
                    }
                    pos += c.length;
                }
                emit(begin, pos, TokenKind::space);
                break;
            case CharClass::digit:
            case CharClass::letter: {
                bool letters = first_class == CharClass::letter;
                CharClass last = first_class;
                while (pos < size) {
                    const CodePoint c = decode_utf8(s, size, pos);
                    const CharClass c_class = classify(c.value);
                    if (c_class == CharClass::digit || c_class == CharClass::letter) {
                        letters = letters || c_class == CharClass::letter;
                        last = c_class;
                        pos += c.length;
                        continue;
                    }
                    if (c_class == CharClass::extend) {
                        pos += c.length;
                        continue;
                    }
                    if (joins(c.value, last) && pos + c.length < size) {
                        const CodePoint after = decode_utf8(s, size, pos + c.length);
                        if (classify(after.value) == last) {
                            pos += c.length + after.length;
                            continue;
                        }
                    }
                    break;
                }
                emit(begin, pos, letters ? TokenKind::latin : TokenKind::number);
                break;
            }
            case CharClass::extend:
            case CharClass::other:
                pos = skip_extend(pos);
                emit(begin, pos, TokenKind::punctuation);
                break;
        }
    }
}

std::vector<std::string> Segmenter::words(std::string_view text) const {
    std::vector<Token> tokens;
    segment(text, tokens);
    std::vector<std::string> result;
    result.reserve(tokens.size());
    for (const Token& token : tokens) {
        if (token.kind != TokenKind::space && token.kind != TokenKind::punctuation) {
            result.emplace_back(text.substr(token.begin, token.end - token.begin));
        }
    }
    return result;
}

std::size_t Segmenter::size() const {
    return m_impl->words;
}

std::optional<double> Segmenter::log_probability(std::string_view word) const {
    std::vector<char32_t> chars;
    if (!append_han_word(word, chars)) {
        return std::nullopt;
    }
    const EdgeValue* edge = m_impl->trie.find_word(chars);
    if (edge == nullptr || edge->log_freq == k_not_a_word) {
        return std::nullopt;
    }
    return static_cast<double>(edge->log_freq) - m_impl->log_total;
}

Result<std::vector<std::uint32_t>> icu_word_boundaries(std::string_view text) {
    std::vector<std::uint32_t> boundaries;
    POLICY_TRY_VOID(for_each_icu_boundary(text, [&boundaries](std::uint32_t b) { boundaries.push_back(b); }));
    return boundaries;
}

Result<std::size_t> count_icu_word_boundaries(std::string_view text) {
    std::size_t count = 0;
    POLICY_TRY_VOID(for_each_icu_boundary(text, [&count](std::uint32_t) { ++count; }));
    return count;
}

}  // namespace policy
