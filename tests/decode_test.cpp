#include <doctest/doctest.h>

#include <filesystem>

#include "decode.h"
#include "test_support.h"

using policy::test::read_file;
using policy::test::source_path;

namespace {

const std::string& utf8_original() {
    static const std::string text =
        read_file(source_path("corpus/jilin-gongxinting-2024-anquan-shengchan-yaodian.txt"));
    return text;
}

policy::Decoded decode_file(const std::string& name) {
    const std::string bytes = read_file(source_path("tests/data/" + name));
    auto decoded = policy::decode(bytes, name);
    REQUIRE_MESSAGE(decoded.ok(), (decoded.ok() ? "" : decoded.error().message));
    return std::move(decoded).value();
}

}  // namespace

TEST_CASE("valid UTF-8 is taken as it is") {
    auto decoded = policy::decode(utf8_original(), "a.txt");
    REQUIRE(decoded.ok());
    CHECK(decoded->encoding == "UTF-8");
    CHECK(decoded->text == utf8_original());
    CHECK(decoded->source_offset(10) == 10);
}

TEST_CASE("bytes handed over decode exactly as bytes viewed, whatever they are") {
    for (const char* name : {"gongxinting-2024.gb18030.txt", "gongxinting-2024.utf16le-bom.txt",
                             "gongxinting-2024.utf8-bom.txt", "gongxinting-2024.utf16le-nobom.txt"}) {
        const std::string path = source_path(std::string("tests/data/") + name);
        REQUIRE(std::filesystem::exists(path));
        const std::string bytes = read_file(path);
        auto viewed = policy::decode(std::string_view(bytes), name);
        auto taken = policy::decode(std::string(bytes), name);
        REQUIRE(viewed.ok() == taken.ok());
        if (viewed.ok()) {
            CHECK(taken->text == viewed->text);
            CHECK(taken->encoding == viewed->encoding);
            CHECK(taken->source_offset(taken->text.size()) == viewed->source_offset(viewed->text.size()));
        }
    }
    std::string valid = utf8_original();
    const char* const before = valid.data();
    auto taken = policy::decode(std::move(valid), "a.txt");
    REQUIRE(taken.ok());
    CHECK(taken->text == utf8_original());
    CHECK(taken->text.data() == before);  // used in place, not copied
    for (const std::string& odd : {std::string("abc\xC3"), std::string("a\0b\0c\0d\0e\0f\0", 12),
                                   std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16), std::string()}) {
        auto viewed = policy::decode(std::string_view(odd), "odd.txt");
        auto owned = policy::decode(std::string(odd), "odd.txt");
        REQUIRE(viewed.ok() == owned.ok());
        if (viewed.ok()) {
            CHECK(owned->text == viewed->text);
            CHECK(owned->warnings == viewed->warnings);
        }
    }
}

TEST_CASE("a UTF-8 BOM is honoured and removed, offsets still point into the file") {
    const auto decoded = decode_file("gongxinting-2024.utf8-bom.txt");
    CHECK(decoded.encoding == "UTF-8");
    CHECK(decoded.had_bom);
    CHECK(decoded.text == utf8_original());
    CHECK(decoded.source_offset(0) == 3);
}

TEST_CASE("UTF-16LE and UTF-16BE with a BOM decode to the same text") {
    for (const char* name : {"gongxinting-2024.utf16le-bom.txt", "gongxinting-2024.utf16be-bom.txt"}) {
        CAPTURE(name);
        const auto decoded = decode_file(name);
        CHECK(decoded.had_bom);
        CHECK(decoded.text == utf8_original());
    }
}

TEST_CASE("UTF-16LE without a BOM is recognised by its NUL bytes") {
    const auto decoded = decode_file("gongxinting-2024.utf16le-nobom.txt");
    CHECK(decoded.encoding.find("UTF-16") != std::string::npos);
    CHECK(decoded.text == utf8_original());
}

TEST_CASE("UTF-16 without a BOM is read in the byte order that gives text, though 一 has a NUL low byte") {
    // Chinese with many 一 (U+4E00: 00 4E in UTF-16LE) puts NULs at both parities.
    std::u16string text =
        u"一、一一一一一一一一一一一一一一一一一一一一一一一一一一一一\n某某县人民政府关于2022年的通知\n";
    for (const bool little : {true, false}) {
        std::string bytes;
        for (const char16_t unit : text) {
            const char lo = static_cast<char>(unit & 0xFF);
            const char hi = static_cast<char>(unit >> 8);
            bytes += little ? std::string{lo, hi} : std::string{hi, lo};
        }
        auto decoded = policy::decode(bytes, "x.txt");
        REQUIRE(decoded.ok());
        CHECK(decoded->encoding == (little ? "UTF-16LE" : "UTF-16BE"));
        CHECK(decoded->text.starts_with("一、一一"));
    }
}

TEST_CASE("GB18030 is detected, converted, and offsets map back to its bytes") {
    const auto decoded = decode_file("gongxinting-2024.gb18030.txt");
    CHECK(decoded.encoding == "GB18030");
    CHECK(decoded.text == utf8_original());
    // The file starts "\n\n省工信厅": 省 is the third character, at byte 2 in GB18030 and in UTF-8.
    CHECK(decoded.source_offset(2) == 2);
    // 工 follows 省: 3 UTF-8 bytes later, 2 GB18030 bytes later.
    CHECK(decoded.source_offset(5) == 4);
}

TEST_CASE("--encoding overrides detection") {
    const std::string bytes = read_file(source_path("tests/data/gongxinting-2024.gb18030.txt"));
    policy::DecodeOptions options;
    options.encoding = "GBK";
    auto decoded = policy::decode(bytes, "x.txt", options);
    REQUIRE(decoded.ok());
    CHECK(decoded->text == utf8_original());
    options.encoding = "NO-SUCH-CHARSET";
    auto bad = policy::decode(bytes, "x.txt", options);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "x.txt: unknown encoding 'NO-SUCH-CHARSET'");
}

TEST_CASE("binary input is refused with a message naming the file") {
    static const char header[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    const std::string png(header, sizeof header - 1);
    auto decoded = policy::decode(png, "image.png");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == policy::ErrorCode::bad_input);
    CHECK(decoded.error().message == "image.png: binary data (NUL bytes), not text");
}

TEST_CASE("a few broken bytes in UTF-8 text are replaced, with a warning") {
    std::string text = utf8_original();
    const std::size_t at = text.find('\n', 300);
    text.insert(at, 1, '\xFF');
    auto decoded = policy::decode(text, "broken.txt");
    REQUIRE(decoded.ok());
    CHECK(decoded->encoding == "UTF-8");
    REQUIRE(decoded->warnings.size() == 1);
    CHECK(decoded->warnings[0] ==
          "broken.txt: 1 invalid UTF-8 sequence replaced by U+FFFD (first at byte " + std::to_string(at) + ")");
    CHECK(decoded->text.find("\xEF\xBF\xBD") == at);
}

TEST_CASE("an empty input decodes to empty text") {
    auto decoded = policy::decode("", "empty.txt");
    REQUIRE(decoded.ok());
    CHECK(decoded->text.empty());
}

TEST_CASE("read_input names the file it cannot read") {
    auto missing = policy::read_input("/nonexistent/notice.txt");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "/nonexistent/notice.txt: No such file or directory");
    auto directory = policy::read_input(source_path("corpus"));
    REQUIRE_FALSE(directory.ok());
    CHECK(directory.error().message == source_path("corpus") + ": is a directory");
}
