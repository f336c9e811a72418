// decode.h — bytes to UTF-8. Reads a file or stdin ("-"), honours a BOM (UTF-8, UTF-16LE/BE),
// accepts valid UTF-8, otherwise detects GB18030/GBK (and BOM-less UTF-16) with ICU's charset
// detector and converts, validating as it goes. Binary input is refused. It does not
// normalise or split lines: see normalise.h and lines.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace policy {

struct DecodeOptions {
    std::string encoding;  // an ICU converter name to force ("GB18030", "UTF-16LE"); empty: detect
};

struct Decoded {
    std::string text;      // UTF-8, BOM removed
    std::string encoding;  // what the bytes were: "UTF-8", "UTF-16LE", "GB18030", ...
    bool had_bom = false;
    std::vector<std::string> warnings;  // e.g. invalid UTF-8 bytes replaced by U+FFFD

    // Byte offset in the source bytes of the character at `utf8_offset` in `text`.
    std::size_t source_offset(std::size_t utf8_offset) const;

    // Internal: runs of characters with the same (UTF-8 length, source length). Empty when
    // the source was UTF-8 (offsets then differ only by the BOM).
    struct Run {
        std::uint64_t utf8_begin;
        std::uint64_t source_begin;
        std::uint8_t utf8_len;
        std::uint8_t source_len;
    };
    std::vector<Run> runs;
    std::size_t bom_size = 0;
};

// Reads all of `path` ("-" for stdin). Errors name the path.
Result<std::string> read_input(const std::string& path);

// Decodes `bytes`; `name` is used in error messages ("FILE: ...").
Result<Decoded> decode(std::string_view bytes, std::string_view name, const DecodeOptions& options = {});

// The same, taking the bytes over: valid UTF-8 without a BOM (the common case) becomes the
// decoded text without a copy.
Result<Decoded> decode(std::string&& bytes, std::string_view name, const DecodeOptions& options = {});
inline Result<Decoded> decode(const char* bytes, std::string_view name, const DecodeOptions& options = {}) {
    return decode(std::string_view(bytes), name, options);
}

// Length of the longest prefix of `bytes` that is valid UTF-8.
std::size_t valid_utf8_prefix(std::string_view bytes);

}  // namespace policy
