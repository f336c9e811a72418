#include <doctest/doctest.h>

#include "normalise.h"

namespace {

// Every character boundary of the view maps to one of the original.
void check_boundaries(const std::string& original, const policy::NormalisedText& folded) {
    for (std::size_t i = 0; i <= folded.text.size(); ++i) {
        if (i < folded.text.size() && (static_cast<unsigned char>(folded.text[i]) & 0xC0) == 0x80) {
            continue;
        }
        const std::size_t o = folded.to_original(i);
        REQUIRE(o <= original.size());
        CHECK((o == original.size() || (static_cast<unsigned char>(original[o]) & 0xC0) != 0x80));
    }
}

}  // namespace

TEST_CASE("full-width ASCII and the ideographic space fold to half-width") {
    const auto folded = policy::normalise("（１）２０１９年，ＡＢＣ　ｄ．");
    CHECK(folded.text == "(1)2019年,ABC d.");
}

TEST_CASE("Chinese punctuation without a narrow form keeps its shape") {
    const auto folded = policy::normalise("〔2019〕《条例》、。“”【】");
    CHECK(folded.text == "〔2019〕《条例》、。“”【】");
}

TEST_CASE("a box-drawn table's upright lines part cells as tabs; its other lines stay") {
    const auto folded = policy::normalise("│文　　号：│齐政办发〔2020〕15号│\n└──┴──┘\n─ 3 ─");
    CHECK(folded.text == "\t文  号:\t齐政办发〔2020〕15号\t\n└──┴──┘\n─ 3 ─");
    CHECK(folded.to_original(1) == 3);
}

TEST_CASE("CRLF and CR become LF") {
    CHECK(policy::normalise("a\r\nb\rc\n").text == "a\nb\nc\n");
}

TEST_CASE("every normalised offset maps back to the original byte") {
    const std::string original = "一、（二）１２\r\n项";
    const auto folded = policy::normalise(original);
    REQUIRE(folded.text == "一、(二)12\n项");
    // 一 、 at 0 and 3 are unchanged.
    CHECK(folded.to_original(0) == 0);
    CHECK(folded.to_original(3) == 3);
    // "(" at 6 came from （ at 6; "二" at 7 from 9; ")" at 10 from 12; "1" at 11 from 15.
    CHECK(folded.to_original(6) == 6);
    CHECK(folded.to_original(7) == 9);
    CHECK(folded.to_original(10) == 12);
    CHECK(folded.to_original(11) == 15);
    CHECK(folded.to_original(12) == 18);
    // "\n" at 13 came from "\r\n" at 21; 项 at 14 from 23.
    CHECK(folded.to_original(13) == 21);
    CHECK(folded.to_original(14) == 23);
    CHECK(folded.to_original(folded.text.size()) == original.size());
}

TEST_CASE("the no-break space folds to a space") {
    CHECK(policy::normalise("\xC2\xA0"
                            "a")
              .text == " a");
    CHECK(policy::fold_width(U'　') == U' ');
    CHECK(policy::fold_width(U'Ａ') == U'A');
    CHECK(policy::fold_width(U'省') == U'省');
}

TEST_CASE("list numbering characters are spelled out, and spans never cut into them") {
    const std::string original = "⒈加强领导\n⒓落实责任\n⑴排查\n㈠总体要求\n①保留";
    const auto folded = policy::normalise(original);
    CHECK(folded.text == "1.加强领导\n12.落实责任\n(1)排查\n(一)总体要求\n①保留");
    check_boundaries(original, folded);
    CHECK(folded.to_original(2) == 3);  // after "1." is after ⒈
    CHECK(folded.to_original(folded.text.find("落实")) == original.find("落实"));
}

TEST_CASE("HTML character references a scraper left are decoded, and folded like the rest") {
    const std::string original =
        "&nbsp;&nbsp;一、任务&#xFF08;省厅&#65289;&ldquo;三项&rdquo;&#12288;AT&T &unknown; &#0;";
    const auto folded = policy::normalise(original);
    CHECK(folded.text == "  一、任务(省厅)“三项” AT&T &unknown; &#0;");
    check_boundaries(original, folded);
    CHECK(folded.to_original(folded.text.find("一")) == original.find("一"));
    CHECK(folded.to_original(folded.text.find("省厅")) == original.find("省厅"));
    CHECK(folded.to_original(folded.text.find("AT&T")) == original.find("AT&T"));
    // The original text reads the characters referred to, a space as a space.
    std::string written;
    folded.append_original(written, original, 0, folded.text.size());
    CHECK(written == "  一、任务（省厅）“三项” AT&T &unknown; &#0;");
}

TEST_CASE("HTML tags a scraper left are dropped, a block tag inside a line ends it") {
    const std::string original =
        "一、活动目标<br>\n（一）<span style=\"color:red\">加强</span>领导<BR/>二、任务<p>三、保障</p>\n"
        "《关于<安全生产法>的说明》 a<b x<y";
    const auto folded = policy::normalise(original);
    CHECK(folded.text == "一、活动目标\n(一)加强领导\n二、任务\n三、保障\n《关于<安全生产法>的说明》 a<b x<y");
    check_boundaries(original, folded);
    CHECK(folded.to_original(folded.text.find("领导")) == original.find("领导"));
    CHECK(folded.to_original(folded.text.find("三、")) == original.find("三、"));
    CHECK(folded.to_original(folded.text.find("《")) == original.find("《"));
    CHECK(folded.to_original(folded.text.size()) == original.size());
    // The original text of a span leaves out the tags dropped inside and at its ends.
    const auto original_of = [&](std::string_view view_text) {
        std::string out;
        const std::size_t begin = folded.text.find(view_text);
        folded.append_original(out, original, begin, begin + view_text.size());
        return out;
    };
    CHECK(original_of("活动目标") == "活动目标");
    CHECK(original_of("(一)加强领导") == "（一）加强领导");
    CHECK(original_of("加强领导\n二、任务") == "加强领导二、任务");
    CHECK(original_of("《关于<安全生产法>的说明》") == "《关于<安全生产法>的说明》");
}

TEST_CASE("zero-width characters and soft hyphens are dropped, and a post's bullets at a line's start") {
    const std::string original =
        "▲一、促进消费\n　　● "
        "二、市民\u200B政局\n★（一）雨污分\u00AD流\u2060\uFEFF\n说明：●为重点，2024年6\u200B月底前";
    const auto folded = policy::normalise(original);
    CHECK(folded.text == "一、促进消费\n   二、市民政局\n(一)雨污分流\n说明:●为重点,2024年6月底前");
    check_boundaries(original, folded);
    std::string name;
    const std::size_t at = folded.text.find("市民政局");
    folded.append_original(name, original, at, at + std::string("市民政局").size());
    CHECK(name == "市民政局");

    // A post editor's block elements, small squares, arrows and emoji (with their variation
    // selector) before headings; the same marks inside a line stay.
    const std::string post =
        "▍一、统筹\n◾（一）加强\n📌️ "
        "二、深化\n🔹1.落实\n➜3.推进\n完成率达95%🔹以上";
    const auto post_folded = policy::normalise(post);
    CHECK(post_folded.text == "一、统筹\n(一)加强\n 二、深化\n1.落实\n3.推进\n完成率达95%🔹以上");
    check_boundaries(post, post_folded);
}

TEST_CASE("letters a scan's OCR put for digits inside a number are read as the digits") {
    const std::string original = "2O19年6月底前，潭安[2O21]l5号，1l.加强，I2月l5日；ISO9001、CO2、H2O、IO口、l级";
    const auto folded = policy::normalise(original);
    CHECK(folded.text == "2019年6月底前,潭安[2021]15号,11.加强,12月15日;ISO9001、CO2、H2O、IO口、l级");
    std::string written;
    folded.append_original(written, original, 0, folded.text.size());
    CHECK(written == "2019年6月底前，潭安[2021]15号，11.加强，12月15日；ISO9001、CO2、H2O、IO口、l级");
    // A full-width letter folded first reads as the digit too, the whole character replaced.
    const std::string wide = "２Ｏ１９年";
    std::string wide_written;
    const auto wide_folded = policy::normalise(wide);
    CHECK(wide_folded.text == "2019年");
    wide_folded.append_original(wide_written, wide, 0, wide_folded.text.size());
    CHECK(wide_written == "２0１９年");
    // Offsets are unchanged: one byte for one.
    CHECK(folded.to_original(folded.text.find("15号")) == original.find("l5号"));
}

TEST_CASE("an item's 1 and a heading's 一 that OCR read as l and as a dash are read back at a line's start") {
    const std::string original = "—、指导思想\n  （—）加强领导\n　　l．组织自查，l级响应\nl.5米\n全面—、彻底\n甲—乙";
    const auto folded = policy::normalise(original);
    CHECK(folded.text == "一、指导思想\n  (一)加强领导\n  1.组织自查,l级响应\nl.5米\n全面—、彻底\n甲—乙");
    std::string written;
    folded.append_original(written, original, 0, folded.text.size());
    CHECK(written == "一、指导思想\n  （一）加强领导\n　　1．组织自查，l级响应\nl.5米\n全面—、彻底\n甲—乙");
}

TEST_CASE("a line's leading ? are indentation an encoder could not write; other ? stay") {
    // (No-break spaces saved as GBK become ?: ??一、指导思想, a line of ??? alone.)
    const std::string original = "??一、指导思想\n???\n ?? 2014年10月27日\n是否?可以??\n";
    const auto folded = policy::normalise(original);
    CHECK(folded.text == "  一、指导思想\n   \n    2014年10月27日\n是否?可以??\n");
    check_boundaries(original, folded);
    CHECK(folded.to_original(2) == 2);
}
