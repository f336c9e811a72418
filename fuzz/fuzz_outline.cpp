// fuzz_outline: the outline markers of every paragraph and the outline built from them;
// also parse_chinese_numeral on the raw bytes. Nodes must point at real paragraphs.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    (void)parse_chinese_numeral(fuzz::as_bytes(data, std::min<std::size_t>(size, 64)));
    const std::string normalised = fuzz::normalised_text(data, size);
    const std::vector<Paragraph> paragraphs = fuzz::paragraphs_of(normalised);
    std::vector<OutlineMarker> markers(paragraphs.size());
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        markers[i] = fuzz::rules().outline.classify(paragraphs[i].text);
        fuzz::check(markers[i].text_begin <= paragraphs[i].text.size());
    }
    const std::size_t begin = size > 0 ? data[0] % 3 : 0;
    const std::size_t bounded_begin = std::min(begin, paragraphs.size());
    for (const OutlineNode& node : build_outline(markers, bounded_begin, paragraphs.size())) {
        fuzz::check(node.paragraph >= bounded_begin && node.paragraph < paragraphs.size());
        fuzz::check(node.text_begin <= paragraphs[node.paragraph].text.size());
    }
    return 0;
}
