// normalise.h — the view rules match against. Full-width ASCII (digits, letters,
// punctuation), the ideographic space and other width variants of the space are folded to
// their half-width forms through ICU (NFKC restricted to those characters), list numbering
// characters are spelled out (⒈ → 1., ⑴ → (1), ㈠ → (一)), HTML character references a
// scraper left are decoded (&nbsp; &#12288; &ldquo;…), and CRLF/CR
// become LF. Everything else is left as written: 〔〕, 《》, 、 and 。 keep their shape.
// Every offset of the view maps back to a byte offset in the decoded text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policy {

struct NormalisedText {
    std::string text;

    // Byte offset in the decoded (original) text of byte `offset` of `text`.
    std::size_t to_original(std::size_t offset) const;

    // Where the mapping shifts: after normalised offset `normalised`, original offsets run on
    // from `original`. One entry per folded character.
    struct Shift {
        std::uint32_t normalised;
        std::uint32_t original;
    };
    std::vector<Shift> shifts;

    // The original bytes [begin, end) the view dropped or decoded (HTML tags, character
    // references), in order, with what the original text reads there instead (&ldquo; → “).
    struct Removed {
        std::uint32_t begin;
        std::uint32_t end;
        std::string text;
    };
    std::vector<Removed> removed;

    // The original text of the view's bytes [begin, end), without what the view dropped and
    // with the character references decoded: `original` is the text `normalise` was given.
    void append_original(std::string& out, std::string_view original, std::size_t begin, std::size_t end) const;
};

NormalisedText normalise(std::string_view utf8);

// The folding of one code point (itself when it is not folded). Exposed for tests.
char32_t fold_width(char32_t c);

}  // namespace policy
