// fuzz_decode: any bytes through decode() (BOMs, UTF-8 repair, charset detection, ICU
// conversion) and normalise(). The output must be valid UTF-8 and every offset must map
// back inside the input.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace policy;
    const std::string_view bytes = fuzz::as_bytes(data, size);
    DecodeOptions forced;
    // The first byte picks a forced encoding some of the time, as --encoding would.
    if (size > 0 && data[0] % 4 == 1) {
        forced.encoding = data[0] % 8 == 1 ? "GB18030" : "UTF-16LE";
    }
    auto decoded = decode(bytes, "fuzz", forced);
    if (!decoded) {
        fuzz::check(!decoded.error().message.empty());
        return 0;
    }
    const std::string& text = decoded->text;
    fuzz::check(valid_utf8_prefix(text) == text.size());
    for (std::size_t i = 0; i <= text.size(); i += 1 + text.size() / 64) {
        fuzz::check(decoded->source_offset(i) <= size + 4);
    }
    const NormalisedText normalised = normalise(text);
    fuzz::check(valid_utf8_prefix(normalised.text) == normalised.text.size());
    for (std::size_t i = 0; i <= normalised.text.size(); i += 1 + normalised.text.size() / 64) {
        fuzz::check(normalised.to_original(i) <= text.size());
    }
    return 0;
}
