// segment.h — Chinese word segmentation that keeps policy vocabulary whole. ICU's word
// BreakIterator finds script runs, numbers, Latin words and punctuation; inside each Han run a
// dictionary segmentation picks the most probable path through the word graph (as jieba
// does) over the general lexicon (jieba's dict.txt, embedded at build time) plus the domain
// lexicon grammars/segmenter-domain.txt. It does not normalise: feed it the normalised view.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace policy {

class Grammar;

enum class TokenKind : std::uint8_t { word, number, latin, punctuation, space };

struct Token {
    std::uint32_t begin;  // byte offsets into the segmented text
    std::uint32_t end;
    TokenKind kind;
};

class Segmenter {
public:
    // Builds the dictionary from the embedded general lexicon and the grammar's domain lexicon.
    static Result<Segmenter> load(const Grammar& grammar);

    Segmenter(Segmenter&&) noexcept;
    Segmenter& operator=(Segmenter&&) noexcept;
    ~Segmenter();

    // Appends the tokens of `text` (punctuation and spaces included) to `out`. Thread-safe.
    void segment(std::string_view text, std::vector<Token>& out) const;

    // The words of `text` (no spaces or punctuation), as strings.
    std::vector<std::string> words(std::string_view text) const;

private:
    struct Impl;
    explicit Segmenter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace policy
