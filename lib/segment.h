// segment.h — Chinese word segmentation that keeps policy vocabulary whole. ICU's character
// properties find script runs, numbers, Latin words and punctuation; inside each Han run a
// dictionary segmentation picks the most probable path through the word graph (as jieba
// does) over the general lexicon (jieba's dict.txt, embedded at build time) plus the domain
// lexicon grammars/segmenter-domain.txt. It does not normalise: feed it the normalised view.
//
// How: the text is scanned once, code point by code point. ICU's character properties
// (Script=Han, White_Space, general category) split it into Han runs, number and letter runs
// (ICU word-break style: "3.5", "1,000", "don't", "H7N9" stay whole), whitespace runs and
// single punctuation/symbol characters. Each Han run is segmented as jieba does without its
// HMM: for every start i the dictionary gives the words starting there, and
//     route[i] = max over words w at i of log(freq(w) / total) + route[i + |w|]
// picks the most probable path (ties go to the longer word). A Han character that is in no
// word becomes a word of its own. ICU's BreakIterator itself is not used on the hot path: the
// property scan plus the dictionary is faster than the BreakIterator alone (see
// scripts/bench.d/segment.sh), and its CJK dictionary is what splits 牵头 and 尾矿库.
//
// What it does not do: no HMM for unknown words (runs of unknown characters stay single
// characters), no part-of-speech tags, no normalisation.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace policy {

class Grammar;

enum class TokenKind : std::uint8_t { word, number, latin, punctuation, space };

// "word", "number", "latin", "punctuation", "space".
std::string_view to_string(TokenKind kind);

struct Token {
    std::uint32_t begin;  // byte offsets into the segmented text
    std::uint32_t end;
    TokenKind kind;
};

// One entry of the domain lexicon: a word and, optionally, its frequency. Without a
// frequency the word gets one just high enough that it beats every way of splitting it
// into general-lexicon words (and at least that of the general lexicon, when it is there).
struct LexiconEntry {
    std::string word;
    double frequency = 0;  // 0: derive as above
};

class Segmenter {
public:
    // Builds the dictionary from the embedded general lexicon and the grammar's domain lexicon
    // (segmenter-domain.txt: `word` or `word<TAB>freq` per line). A domain entry that is not
    // all Han characters, or has a frequency that is not a positive number, is an error
    // naming the file and entry.
    static Result<Segmenter> load(const Grammar& grammar);

    // Builds from explicit lexicons: `general` in jieba's dict.txt format ("word freq [tag]"
    // per line; entries that are not all Han are skipped, as they could never match inside
    // a Han run). For tests and for tools that bring their own dictionary.
    static Result<Segmenter> build(std::string_view general, const std::vector<LexiconEntry>& domain);

    Segmenter(Segmenter&&) noexcept;
    Segmenter& operator=(Segmenter&&) noexcept;
    ~Segmenter();

    // Appends the tokens of `text` (punctuation and spaces included) to `out`. Thread-safe.
    // Tokens cover the text without gaps. Invalid UTF-8 never fails: each bad byte becomes a
    // punctuation token of its own. `text` must be shorter than 4 GiB (offsets are 32-bit).
    void segment(std::string_view text, std::vector<Token>& out) const;

    // The words of `text` (no spaces or punctuation), as strings.
    std::vector<std::string> words(std::string_view text) const;

    // Number of distinct words in the dictionary (general and domain).
    std::size_t size() const;

    // log(freq / total) of `word` when it is a dictionary word.
    std::optional<double> log_probability(std::string_view word) const;

private:
    struct Impl;
    explicit Segmenter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// The word boundaries (byte offsets, 0 and text.size() included) that ICU's plain word
// BreakIterator (root locale, its own CJK dictionary) finds in `text`. The baseline the
// segmenter is measured and tested against; not used by it.
Result<std::vector<std::uint32_t>> icu_word_boundaries(std::string_view text);

// The number of ICU word boundaries in `text`, without storing them (for benchmarks).
Result<std::size_t> count_icu_word_boundaries(std::string_view text);

}  // namespace policy
