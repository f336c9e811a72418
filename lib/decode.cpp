#include "decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/core.h>

namespace policy {
namespace {

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

// Counts of what a UTF-8 scan found.
struct Utf8Scan {
    std::size_t invalid = 0;    // invalid sequences
    std::size_t multibyte = 0;  // valid multi-byte sequences
    std::size_t nul = 0;        // NUL bytes
};

Utf8Scan scan_utf8(std::string_view bytes) {
    Utf8Scan scan;
    const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const std::int32_t length = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
    std::int32_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {
            scan.nul += s[i] == 0;
            ++i;
            continue;
        }
        // The common 3-byte case (all of CJK and the full-width forms) without ICU's general
        // decoder; ED is left to it (surrogates are not valid UTF-8).
        if (s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED && i + 2 < length && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            ++scan.multibyte;
            i += 3;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            ++scan.invalid;
        } else {
            ++scan.multibyte;
        }
    }
    return scan;
}

void append_utf8(std::string& out, UChar32 c) {
    char buffer[4];
    std::int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), n, 4, c, error);
    if (error) {
        out += "\xEF\xBF\xBD";
    } else {
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

// Converts `bytes` (without BOM) from `encoding` to UTF-8 with ICU, stopping at the first
// byte sequence that is not valid in that encoding. Records runs for offset mapping.
Result<Decoded> convert(std::string_view bytes, std::size_t bom_size, const std::string& encoding,
                        std::string_view name) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status)) {
        return make_error(ErrorCode::bad_argument, fmt::format("{}: unknown encoding '{}'", name, encoding));
    }
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

    Decoded decoded;
    decoded.encoding = encoding;  // as asked for (ICU's own names vary: gb18030, ibm-1386…)
    decoded.bom_size = bom_size;
    decoded.text.reserve(bytes.size() * 3 / 2);

    constexpr std::size_t k_chunk = 1 << 16;
    std::vector<UChar> target(k_chunk);
    std::vector<std::int32_t> offsets(k_chunk);
    const char* source = bytes.data();
    const char* const source_end = bytes.data() + bytes.size();
    std::uint64_t consumed_before_call = 0;
    UChar pending_lead = 0;
    std::uint64_t pending_lead_source = 0;

    auto add_char = [&](UChar32 c, std::uint64_t source_begin, std::uint64_t source_next) {
        const std::uint64_t utf8_begin = decoded.text.size();
        append_utf8(decoded.text, c);
        const auto utf8_len = static_cast<std::uint8_t>(decoded.text.size() - utf8_begin);
        const auto source_len = static_cast<std::uint8_t>(std::min<std::uint64_t>(source_next - source_begin, 255));
        if (decoded.runs.empty() || decoded.runs.back().utf8_len != utf8_len ||
            decoded.runs.back().source_len != source_len) {
            decoded.runs.push_back({utf8_begin, source_begin + bom_size, utf8_len, source_len});
        }
    };

    bool flush = false;
    while (true) {
        UChar* target_begin = target.data();
        UChar* target_cursor = target_begin;
        const char* source_before = source;
        status = U_ZERO_ERROR;
        flush = source_end - source <= static_cast<std::ptrdiff_t>(k_chunk);
        const char* source_limit = flush ? source_end : source + k_chunk;
        ucnv_toUnicode(converter.get(), &target_cursor, target_begin + target.size(), &source, source_limit,
                       offsets.data(), flush, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            status = U_ZERO_ERROR;
        } else if (U_FAILURE(status)) {
            char bad[32];
            std::int8_t bad_length = sizeof bad;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(converter.get(), bad, &bad_length, &ignored);
            const std::uint64_t at = static_cast<std::uint64_t>(source - bytes.data()) - std::max<int>(bad_length, 0);
            return make_error(ErrorCode::bad_input,
                              fmt::format("{}: not valid {} at byte {}", name, decoded.encoding, at + bom_size));
        }
        const std::size_t produced = static_cast<std::size_t>(target_cursor - target_begin);
        for (std::size_t k = 0; k < produced; ++k) {
            const UChar unit = target[k];
            const std::uint64_t unit_source =
                offsets[k] >= 0 ? consumed_before_call + static_cast<std::uint64_t>(offsets[k]) : consumed_before_call;
            const std::uint64_t next_source = k + 1 < produced && offsets[k + 1] >= 0
                                                  ? consumed_before_call + static_cast<std::uint64_t>(offsets[k + 1])
                                                  : static_cast<std::uint64_t>(source - bytes.data());
            if (U16_IS_LEAD(unit)) {
                if (pending_lead != 0) {
                    add_char(0xFFFD, pending_lead_source, unit_source);
                }
                pending_lead = unit;
                pending_lead_source = unit_source;
                continue;
            }
            if (U16_IS_TRAIL(unit) && pending_lead != 0) {
                add_char(U16_GET_SUPPLEMENTARY(pending_lead, unit), pending_lead_source,
                         std::max(next_source, unit_source + 1));
                pending_lead = 0;
                continue;
            }
            if (pending_lead != 0) {
                add_char(0xFFFD, pending_lead_source, unit_source);
                pending_lead = 0;
            }
            add_char(U16_IS_SURROGATE(unit) ? 0xFFFD : unit, unit_source, std::max(next_source, unit_source + 1));
        }
        consumed_before_call += static_cast<std::uint64_t>(source - source_before);
        if (flush && source == source_end && status != U_BUFFER_OVERFLOW_ERROR) {
            break;
        }
    }
    if (pending_lead != 0) {
        add_char(0xFFFD, pending_lead_source, bytes.size());
    }
    return decoded;
}

// True when more than a sliver of the decoded text is control characters: binary data that
// happened to convert.
bool looks_binary(std::string_view utf8) {
    std::size_t control = 0;
    std::size_t total = 0;
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) == 0x80) {
            continue;
        }
        ++total;
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || c == 0x7F) {
            ++control;
        }
    }
    return total > 0 && control * 100 > total;
}

// UTF-16 without a BOM: the byte order under which nearly every code unit is a character a
// notice is written in (ASCII, CJK ideographs and punctuation, full-width forms). Counting
// NUL bytes by parity alone misreads Chinese text, whose 一 (U+4E00) has a NUL low byte.
std::string guess_bomless_utf16(std::string_view bytes) {
    if (bytes.size() % 2 != 0 || bytes.size() < 2) {
        return {};
    }
    const std::size_t limit = std::min<std::size_t>(bytes.size(), 1 << 16) & ~std::size_t{1};
    auto plausible = [](unsigned u) {
        return (u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t' || (u >= 0x4E00 && u <= 0x9FFF) ||
               (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x2000 && u <= 0x206F);
    };
    std::size_t little = 0;
    std::size_t big = 0;
    for (std::size_t i = 0; i < limit; i += 2) {
        const auto lo = static_cast<unsigned char>(bytes[i]);
        const auto hi = static_cast<unsigned char>(bytes[i + 1]);
        little += plausible(lo | (hi << 8)) ? 1 : 0;
        big += plausible((lo << 8) | hi) ? 1 : 0;
    }
    const std::size_t units = limit / 2;
    if (little * 10 >= units * 9 && little > big) {
        return "UTF-16LE";
    }
    if (big * 10 >= units * 9 && big > little) {
        return "UTF-16BE";
    }
    return {};
}

std::string detect_charset(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    DetectorPtr detector(ucsdet_open(&status));
    if (U_FAILURE(status)) {
        return {};
    }
    const std::size_t sample = std::min<std::size_t>(bytes.size(), 1 << 16);
    ucsdet_setText(detector.get(), bytes.data(), static_cast<std::int32_t>(sample), &status);
    std::int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status)) {
        return {};
    }
    for (std::int32_t i = 0; i < count; ++i) {
        const char* name = ucsdet_getName(matches[i], &status);
        if (U_FAILURE(status) || name == nullptr) {
            continue;
        }
        const std::string_view candidate(name);
        if (candidate == "GB18030" || candidate == "Big5" || candidate == "UTF-16LE" || candidate == "UTF-16BE") {
            return std::string(candidate);
        }
    }
    return {};
}

}  // namespace

std::size_t Decoded::source_offset(std::size_t utf8_offset) const {
    if (runs.empty()) {
        return utf8_offset + bom_size;
    }
    auto it = std::upper_bound(runs.begin(), runs.end(), utf8_offset,
                               [](std::size_t offset, const Run& run) { return offset < run.utf8_begin; });
    if (it == runs.begin()) {
        return bom_size;
    }
    --it;
    const std::size_t chars = (utf8_offset - it->utf8_begin) / it->utf8_len;
    return it->source_begin + chars * it->source_len;
}

std::size_t valid_utf8_prefix(std::string_view bytes) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const std::int32_t length = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
    std::int32_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            return static_cast<std::size_t>(start);
        }
    }
    return static_cast<std::size_t>(i);
}

namespace {

// Reads an open descriptor to its end, straight into the string: one fstat, then reads of
// the whole file (a regular file's size is known) or of growing blocks (a pipe's is not).
// Over thousands of small files the system calls cost more than the bytes; stdin through
// std::cin went a character at a time (12 MB/s).
Result<std::string> read_descriptor(int fd, const std::string& name) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        return make_error(ErrorCode::bad_input, fmt::format("{}: {}", name, std::strerror(errno)));
    }
    if (S_ISDIR(info.st_mode)) {
        return make_error(ErrorCode::bad_input, fmt::format("{}: is a directory", name));
    }
    const std::size_t capacity =
        S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) + 1 : std::size_t{1} << 16;
    std::string bytes;
    std::size_t filled = 0;
    for (;;) {
        if (filled == bytes.size()) {
            bytes.resize(std::max(capacity, bytes.size() * 2));
        }
        const ssize_t n = ::read(fd, bytes.data() + filled, bytes.size() - filled);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return make_error(ErrorCode::bad_input, fmt::format("{}: read error: {}", name, std::strerror(errno)));
        }
        if (n == 0) {
            break;
        }
        filled += static_cast<std::size_t>(n);
    }
    bytes.resize(filled);
    return bytes;
}

}  // namespace

Result<std::string> read_input(const std::string& path) {
    if (path == "-") {
        return read_descriptor(STDIN_FILENO, "-");
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return make_error(ErrorCode::bad_input, fmt::format("{}: {}", path, std::strerror(errno)));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    return read_descriptor(fd, path);
}

Result<Decoded> decode(std::string_view bytes, std::string_view name, const DecodeOptions& options) {
    auto starts_with = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };

    if (!options.encoding.empty()) {
        std::size_t bom = 0;
        if (starts_with("\xEF\xBB\xBF")) {
            bom = 3;
        }
        auto decoded = POLICY_TRY(convert(bytes.substr(bom), bom, options.encoding, name));
        if (looks_binary(decoded.text)) {
            return make_error(ErrorCode::bad_input, fmt::format("{}: binary data, not text", name));
        }
        return decoded;
    }
    if (starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        const Utf8Scan scan = scan_utf8(bytes);
        if (scan.invalid > 0 || scan.nul > 0) {
            return make_error(ErrorCode::bad_input, fmt::format("{}: has a UTF-8 BOM but is not valid UTF-8", name));
        }
        Decoded decoded;
        decoded.text.assign(bytes);
        decoded.encoding = "UTF-8";
        decoded.had_bom = true;
        decoded.bom_size = 3;
        return decoded;
    }
    if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
        const bool little = starts_with("\xFF\xFE");
        auto decoded = POLICY_TRY(convert(bytes.substr(2), 2, little ? "UTF-16LE" : "UTF-16BE", name));
        decoded.had_bom = true;
        if (looks_binary(decoded.text)) {
            return make_error(ErrorCode::bad_input, fmt::format("{}: binary data, not text", name));
        }
        return decoded;
    }

    const Utf8Scan scan = scan_utf8(bytes);
    if (scan.nul == 0 && scan.invalid == 0) {
        Decoded decoded;
        decoded.text.assign(bytes);
        decoded.encoding = "UTF-8";
        return decoded;
    }
    if (scan.nul > 0) {
        const std::string utf16 = guess_bomless_utf16(bytes);
        if (!utf16.empty()) {
            auto decoded = convert(bytes, 0, utf16, name);
            if (decoded && !looks_binary(decoded->text)) {
                return decoded;
            }
        }
        return make_error(ErrorCode::bad_input, fmt::format("{}: binary data (NUL bytes), not text", name));
    }
    // Mostly valid UTF-8 with a few broken sequences (a truncated download, a bad paste):
    // keep it as UTF-8, replacing the broken bytes, rather than misreading it all as GBK.
    if (scan.multibyte >= 16 && scan.invalid * 50 <= scan.multibyte) {
        Decoded decoded;
        decoded.encoding = "UTF-8";
        decoded.text.reserve(bytes.size());
        const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
        const std::int32_t length = static_cast<std::int32_t>(bytes.size());
        std::int32_t i = 0;
        std::size_t first_bad = bytes.size();
        while (i < length) {
            const std::int32_t start = i;
            UChar32 c;
            U8_NEXT(s, i, length, c);
            if (c < 0) {
                first_bad = std::min<std::size_t>(first_bad, static_cast<std::size_t>(start));
                decoded.text += "\xEF\xBF\xBD";
                // Keep offsets exact: a replaced sequence is recorded as a run.
            } else {
                decoded.text.append(bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
            }
        }
        // Offsets after a replacement shift; recompute runs as identity where lengths agree.
        if (decoded.text.size() != bytes.size()) {
            decoded.runs.clear();
            std::int32_t k = 0;
            std::uint64_t out = 0;
            while (k < length) {
                const std::int32_t start = k;
                UChar32 c;
                U8_NEXT(s, k, length, c);
                const std::uint8_t source_len = static_cast<std::uint8_t>(k - start);
                const std::uint8_t utf8_len = c < 0 ? 3 : source_len;
                if (decoded.runs.empty() || decoded.runs.back().utf8_len != utf8_len ||
                    decoded.runs.back().source_len != source_len) {
                    decoded.runs.push_back({out, static_cast<std::uint64_t>(start), utf8_len, source_len});
                }
                out += utf8_len;
            }
        }
        decoded.warnings.push_back(fmt::format("{}: {} invalid UTF-8 sequence{} replaced by U+FFFD (first at byte {})",
                                               name, scan.invalid, scan.invalid == 1 ? "" : "s", first_bad));
        return decoded;
    }
    std::string charset = detect_charset(bytes);
    if (charset.empty()) {
        charset = "GB18030";
    }
    auto decoded = convert(bytes, 0, charset, name);
    if (!decoded && charset != "GB18030") {
        decoded = convert(bytes, 0, "GB18030", name);
    }
    if (!decoded) {
        return make_error(
            ErrorCode::bad_input,
            fmt::format("{}: neither UTF-8 nor {} text (use --encoding NAME to say what it is)", name, charset));
    }
    if (looks_binary(decoded->text)) {
        return make_error(ErrorCode::bad_input, fmt::format("{}: binary data, not text", name));
    }
    return decoded;
}

Result<Decoded> decode(std::string&& bytes, std::string_view name, const DecodeOptions& options) {
    const std::string_view view(bytes);
    const bool marked =
        view.starts_with("\xEF\xBB\xBF") || view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF");
    if (options.encoding.empty() && !marked) {
        const Utf8Scan scan = scan_utf8(view);
        if (scan.nul == 0 && scan.invalid == 0) {
            Decoded decoded;
            decoded.text = std::move(bytes);
            decoded.encoding = "UTF-8";
            return decoded;
        }
    }
    return decode(view, name, options);
}

}  // namespace policy
