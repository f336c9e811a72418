#include <doctest/doctest.h>

#include <algorithm>

#include "lines.h"
#include "outline.h"
#include "test_support.h"

namespace {

std::vector<policy::Paragraph> paragraphs_of(const std::string& text) {
    static const auto rules = policy::OutlineRules::create(policy::test::default_grammar());
    return policy::split_paragraphs(policy::test::normalised(text), rules->line_rules());
}

}  // namespace

TEST_CASE("a word broken by a page break is joined") {
    const auto paragraphs = paragraphs_of(
        "8. "
        "推动工业制造领域加强安全管理，指导督促工业企业及其主要负责人进一步落实全员安全生产岗位责任制，确定从主要负\n\n"
        "责人到一线从业人员的全员安全生产责任。\n\n四、全力夯实安全管理基础\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text.find("主要负责人到一线") != std::string::npos);
    CHECK(paragraphs[0].joined);
    CHECK(paragraphs[0].first_line == 1);
    CHECK(paragraphs[0].last_line == 3);
    CHECK(paragraphs[1].text == "四、全力夯实安全管理基础");
}

TEST_CASE("a heading is not joined to the paragraph after it") {
    const auto paragraphs =
        paragraphs_of("吉林省安委会2019年工作要点\n\n坚持以习近平新时代中国特色社会主义思想为指导。\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK_FALSE(paragraphs[0].joined);
}

TEST_CASE("indentation is a property, not text") {
    const auto paragraphs = paragraphs_of("　　一、深入学习\n\n    1.开展活动。\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text == "一、深入学习");
    CHECK(paragraphs[0].indent == 2);
    CHECK(paragraphs[1].text == "1.开展活动。");
    CHECK(paragraphs[1].indent == 4);
}

TEST_CASE("hard-wrapped lines join into their paragraph, and new items start new ones") {
    std::string text;
    const std::string sentence =
        "深入开展学习习近平总书记关于安全生产重要论述的专题宣传活动推动各地各部门将其纳入学习内容阐释加强新时代安全生产"
        "工作重要意义。";
    for (int item = 1; item <= 4; ++item) {
        const std::string paragraph = std::to_string(item) + "." + sentence;
        // Cut every 20 characters (60 bytes of Chinese), as a PDF copy does.
        std::size_t pos = 0;
        while (pos < paragraph.size()) {
            std::size_t take = std::min<std::size_t>(60, paragraph.size() - pos);
            text += paragraph.substr(pos, take) + "\n";
            pos += take;
        }
    }
    const auto paragraphs = paragraphs_of(text);
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[2].text == "3." + sentence);
}

TEST_CASE("a title split inside 《》 is joined") {
    const auto paragraphs = paragraphs_of("关于印发《吉林省全面深化安全生产领域\n\n改革试点方案》的通知\n");
    REQUIRE(paragraphs.size() == 1);
    CHECK(paragraphs[0].text == "关于印发《吉林省全面深化安全生产领域改革试点方案》的通知");
}

TEST_CASE("paragraph offsets map to the normalised text across a join") {
    const std::string text =
        "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙\n\n丙丁。\n";
    const auto paragraphs = paragraphs_of(text);
    REQUIRE(paragraphs.size() == 1);
    const std::size_t joined_at = text.find('\n');
    // The first character after the join is at byte joined_at + 2 of the input.
    CHECK(paragraphs[0].normalised_offset(joined_at) == joined_at + 2);
}

TEST_CASE("page numbers and running footers are dropped like page breaks") {
    const auto paragraphs = paragraphs_of(
        "2.开展专项整治，确保2021年底前完成各项整治任务。（厅安全生产综合协调处牵头）\n\n— 2 —\n\n"
        "二、提升防灾减灾救灾能力\n3."
        "加强汛期应急准备，汛期前完成全省各级各类应急预案的修订工作并组织开展实战化的应急\n－3－\n演练。\n第4页 "
        "共8页\n");
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[0].text.ends_with("牵头)"));
    CHECK(paragraphs[1].text == "二、提升防灾减灾救灾能力");
    CHECK(paragraphs[2].text ==
          "3.加强汛期应急准备,汛期前完成全省各级各类应急预案的修订工作并组织开展实战化的应急演练。");
    CHECK(paragraphs[2].joined);
}

TEST_CASE("a number alone in running text is not a page marker") {
    const auto paragraphs = paragraphs_of("全省共有企业：\n2020\n- 2020年 -\n");
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[1].text == "2020");
    CHECK(paragraphs[2].text == "- 2020年 -");
}

TEST_CASE("a page's number printed bare between blank lines is dropped like a page break") {
    const auto paragraphs = paragraphs_of(
        "    "
        "3."
        "开展地质灾害隐患排查，2018年6\n\n3\n\n月底前完成全省中小河流重点河段防洪能力评估。（省水利厅、省发展改\n\n4\n"
        "\n"
        "革委负责）\n\n    4.加强宣传。\n\n·5·\n\n    5.开展演练。\n");
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[0].text ==
          "3.开展地质灾害隐患排查,2018年6月底前完成全省中小河流重点河段防洪能力评估。(省水利厅、省发展改革委负责)");
    CHECK(paragraphs[1].text == "4.加强宣传。");
    CHECK(paragraphs[2].text == "5.开展演练。");
    // (A number between lines of text stays: a table's cell, a count.)
    const auto kept = paragraphs_of("各地上报数量：\n12\n处。\n");
    CHECK(kept.size() >= 2);
    CHECK(std::any_of(kept.begin(), kept.end(),
                      [](const policy::Paragraph& p) { return p.text.find("12") != std::string::npos; }));
}

TEST_CASE("a page's number printed bare next to a form feed is dropped with no blank line about it") {
    for (const std::string page : {"3\n\f", "\f3\n"}) {
        const auto paragraphs = paragraphs_of("1.开展专项检查。(市住建委、市质监局、温州电\n" + page +
                                              "业局、市旅游局分工负责)\n2.开展检查。\n");
        REQUIRE(paragraphs.size() == 2);
        CHECK(paragraphs[0].text == "1.开展专项检查。(市住建委、市质监局、温州电业局、市旅游局分工负责)");
    }
}

TEST_CASE("the notice's own 文号 as the header of its one other page is dropped, its head copy kept") {
    const auto paragraphs = paragraphs_of(
        "苏安办〔2016〕21号\n\n关于做好汛期安全生产工作的通知\n\n"
        "1.严禁渡船在恶劣\n\n- 1 -\n\n苏安办〔2016〕21号\n天气条件下冒险航行。\n");
    REQUIRE(!paragraphs.empty());
    CHECK(paragraphs[0].text == "苏安办〔2016〕21号");
    CHECK(std::count_if(paragraphs.begin(), paragraphs.end(),
                        [](const policy::Paragraph& p) { return p.text.find("苏安办") != std::string::npos; }) == 1);
}

TEST_CASE("text wrapped by character count, digits and all, is joined back") {
    // Every line 20 characters, indentation included, whatever its display width.
    const auto paragraphs = paragraphs_of(
        "  省政府安全生产领域改革领导小组办公室\n于2014年11月底前组织验收,各市(州\n)于2014年12月20日前将侧重突破的\n"
        "单项改革试点方案报省政府领导小组办公室。\n  "
        "其他地区:网格划分基本完成,高危行业\n在生产企业达到标准化建设最低以上标准,信\n"
        "息化建设全面启动,社会化监督各项制度基本\n建立。\n  "
        "各市(州)、省直各有关部门于2015\n年10月31日前将全面深化改革任务报省政\n"
        "府安全生产领域改革领导小组办公室。\n");
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[0].text.find("于2014年11月底前组织验收,各市(州)于2014年12月20日前") != std::string::npos);
    CHECK(paragraphs[1].text.find("标准,信息化") != std::string::npos);
    CHECK(paragraphs[2].text.find("2015年10月31日前") != std::string::npos);
}

TEST_CASE("a line that starts with closing punctuation continues the one before") {
    const auto paragraphs =
        paragraphs_of("贯彻落实《安全应急装备重点领域发展行动计划(2023—2025年)\n》,会同有关部门推动落实。\n");
    REQUIRE(paragraphs.size() == 1);
    CHECK(paragraphs[0].text == "贯彻落实《安全应急装备重点领域发展行动计划(2023—2025年)》,会同有关部门推动落实。");
}

TEST_CASE("a line that is only a 文号 starts a paragraph") {
    const auto paragraphs = paragraphs_of("关于印发2019年工作要点的\n吉安委〔2019〕6号\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[1].text == "吉安委〔2019〕6号");
}

TEST_CASE("a line that is only a 文号 or a date is never continued, not even across a blank line") {
    const auto paragraphs = paragraphs_of(
        "河北省人民政府办公厅关于印发工作任务分工的通知\n冀政办字〔2021〕15号\n\n各市(含定州)人民政府,省政府各部门:\n"
        "河北省人民政府办公厅\n2021年3月5日\n\n附件续页\n");
    REQUIRE(paragraphs.size() >= 4);
    CHECK(paragraphs[1].text == "冀政办字〔2021〕15号");
    CHECK(paragraphs[2].text == "各市(含定州)人民政府,省政府各部门:");
    const auto dated = std::find_if(paragraphs.begin(), paragraphs.end(),
                                    [](const policy::Paragraph& p) { return p.text.starts_with("2021年3月5日"); });
    REQUIRE(dated != paragraphs.end());
    CHECK(dated->text == "2021年3月5日");
}

TEST_CASE("short lines before headings, dates and 文号 are not taken for a hard wrap") {
    // Many headings of ten characters, each before a numbered item: lines that stop
    // mid-sentence, but not cut ones, so no wrap at 20 columns joins the labelled lines.
    std::string text = "一、强化安全生产责任落实\n";
    for (int i = 0; i < 6; ++i) {
        text += i % 2 ? "(一)" : "(二)";
        text += "压实地方领导责任\n1.开展排查整治工作。\n";
    }
    text += "2.推进改革。\n责任单位:省市场监管局\n完成时限:2021年9月底\n";
    const auto paragraphs = paragraphs_of(text);
    const auto label = std::find_if(paragraphs.begin(), paragraphs.end(),
                                    [](const policy::Paragraph& p) { return p.text.starts_with("责任单位"); });
    REQUIRE(label != paragraphs.end());
    CHECK(label->text == "责任单位:省市场监管局");
    for (const policy::Paragraph& paragraph : paragraphs) {
        CHECK_FALSE(paragraph.joined);
    }
}

TEST_CASE("inside a parenthesis opened just before, a line ending in ；or ） is continued") {
    const auto paragraphs = paragraphs_of(
        "5.强化基层治理（省应急管理厅牵头，各市（州）、县（市、区）\n政府负责）。\n"
        "7.推进信息化建设（省应急管理厅按职责分工负责；\n各地政府配合）。\n8.开展检查（省公安厅负责）。\n另起一段。\n");
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[0].text == "5.强化基层治理(省应急管理厅牵头,各市(州)、县(市、区)政府负责)。");
    CHECK(paragraphs[1].text == "7.推进信息化建设(省应急管理厅按职责分工负责;各地政府配合)。");
    CHECK(paragraphs[3].text == "另起一段。");
}

TEST_CASE("a line of one to three characters after a long unfinished one is its tail") {
    const auto paragraphs = paragraphs_of(
        "6.完善标准体系。\n责任单位：省应急管理厅（牵头）、省市场监管局、省住房城乡建设\n厅\n7.推进建设。\n");
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[1].text == "责任单位:省应急管理厅(牵头)、省市场监管局、省住房城乡建设厅");
    // A short line after a short one stays apart.
    CHECK(paragraphs_of("联系人\n张三\n").size() == 2);
}

TEST_CASE("a number is not cut from its unit by a wrap") {
    const auto paragraphs = paragraphs_of("3.严格执行实施方案(安委〔2020〕3号),9\n月30日前报送总结。\n4.开展检查。\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text == "3.严格执行实施方案(安委〔2020〕3号),9月30日前报送总结。");
}

TEST_CASE("a short notice cut at a character count is recognised by its longest lines") {
    // Three lines of exactly 26 characters stop mid-sentence; nothing is longer.
    const auto paragraphs = paragraphs_of(
        "关于开展专项检查的通知\n\n各有关单位:\n"
        "一、工作任务\n"
        "1.全面开展隐患排查整治工作并建立问题隐患和整改\n"
        "措施两个清单。\n"
        "2.严格落实企业安全生产主体责任全面推行安全风险\n"
        "分级管控。\n"
        "3.深入推进安全生产标准化建设进一步提升企业本质\n"
        "安全水平。\n");
    REQUIRE(paragraphs.size() == 6);
    CHECK(paragraphs[3].text == "1.全面开展隐患排查整治工作并建立问题隐患和整改措施两个清单。");
    CHECK(paragraphs[5].text == "3.深入推进安全生产标准化建设进一步提升企业本质安全水平。");
    CHECK(paragraphs[0].text == "关于开展专项检查的通知");
}

TEST_CASE("a web page's field (发布时间:…) is no wrapped line") {
    std::string text =
        "湖南省应急管理厅关于做好2023年汛期安全防范工作的通知\n发布时间:2023-04-20 来源:本站\n"
        "湘应急〔2023〕25号\n";
    // Wrapped body text around it: lines of 28 characters that stop mid-sentence.
    for (int i = 0; i < 4; ++i) {
        text += "为切实做好汛期安全防范工作现将有关事项通知如下各地\n要认真落实。\n";
    }
    const auto paragraphs = paragraphs_of(text);
    REQUIRE(paragraphs.size() >= 3);
    CHECK(paragraphs[0].text == "湖南省应急管理厅关于做好2023年汛期安全防范工作的通知");
    CHECK(paragraphs[1].text == "发布时间:2023-04-20 来源:本站");
    CHECK(paragraphs[3].text == "为切实做好汛期安全防范工作现将有关事项通知如下各地要认真落实。");
}

TEST_CASE("a cited title cut by a wrap after its document type is joined back") {
    const auto paragraphs = paragraphs_of("一、总体要求\n认真落实《国务院关于进一步加强安全生产工作的通知\n》要求。\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[1].text == "认真落实《国务院关于进一步加强安全生产工作的通知》要求。");
}

TEST_CASE("a title's 文号 in brackets on the next line goes on the title's paragraph, however short the line") {
    // A wrap that keeps half-width runs whole leaves the title's line short.
    const auto paragraphs = paragraphs_of(
        "2.根据《吉林省人民政府办公厅关于印发吉\n林省安全生产综合监管办法的通知》\n(吉政办发[2013]44号)精神,"
        "制定出台组织管理办法。\n"
        "3.落实《广西壮族自治区安全生产条例》\n（桂政发 [2014] 12 号）要求。\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text.find("的通知》(吉政办发[2013]44号)精神") != std::string::npos);
    CHECK(paragraphs[1].text.starts_with("3.落实"));
    CHECK(paragraphs[1].text.ends_with("要求。"));
    // Not a bracket that names no 文号, and not after a line that ends otherwise.
    CHECK(paragraphs_of("1.学习《安全生产法》\n(2021年修正)。\n").size() == 2);
    CHECK(paragraphs_of("1.开展专项整治。\n(吉政办发[2013]44号)\n").size() == 2);
}

TEST_CASE("a 文号 cut after its year's bracket and a date cut inside its day are joined back") {
    const auto paragraphs = paragraphs_of(
        "5.严格执行《广东省安全生产条例》和粤府办〔2022〕\n18号文件要求。\n6.各市于2015年6月3\n0日前报送方案。\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text == "5.严格执行《广东省安全生产条例》和粤府办〔2022〕18号文件要求。");
    CHECK(paragraphs[1].text == "6.各市于2015年6月30日前报送方案。");
    // A year on the next line is no number's tail.
    CHECK(paragraphs_of("联系电话:0431-88888888\n2023年工作安排如下。\n").size() == 2);
}

namespace {

// Body text wrapped at 26 characters around `middle`: two paragraphs of three full lines.
std::string wrapped_26(const std::string& middle) {
    const std::string lines =
        "为切实做好汛期安全防范工作现将有关事项通知如下各地要\n认真落实工作责任加强隐患排查治理确保人民群众生命财产\n安"
        "全和社会稳定。\n";
    return lines + middle + lines;
}

// The texts of the paragraphs `text` makes.
std::vector<std::string> texts_of(const std::string& text) {
    std::vector<std::string> texts;
    for (const auto& paragraph : paragraphs_of(text)) {
        texts.push_back(paragraph.text);
    }
    return texts;
}

}  // namespace

TEST_CASE("signatures pushed to the right are not joined, though padded to the wrap's width") {
    // pdftotext -layout: each line of the signature block right-aligned at the 26th column.
    const auto texts = texts_of(wrapped_26("                   国家发展改革委\n                       国家能源局\n"));
    REQUIRE(texts.size() == 4);
    CHECK(texts[1] == "国家发展改革委");
    CHECK(texts[2] == "国家能源局");
}

TEST_CASE("a title as long as the wrap is not continued across a blank line") {
    const auto paragraphs =
        paragraphs_of(wrapped_26("吉林省应急管理厅关于开展危险化学品安全专项整治的通知\n\n各市（州）应急管理局，长白山"
                                 "管委会、梅河口市应急管理\n局：\n"));
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[1].text == "吉林省应急管理厅关于开展危险化学品安全专项整治的通知");
    CHECK(paragraphs[2].text == "各市(州)应急管理局,长白山管委会、梅河口市应急管理局:");
}

TEST_CASE("a title ending in 实施意见, the longest line of its notice, is not continued") {
    const auto texts = texts_of(
        "湖北省人民政府文件\n\n鄂政发〔2010〕52号\n\n"
        "湖北省人民政府关于贯彻落实《国务院关于进一步加强企业安全生产工作的通知》的实施意见\n\n"
        "各市、州、县人民政府，省政府各部门：\n\n　　为认真贯彻落实国务院通知精神，现提出如下实施意见。\n");
    REQUIRE(texts.size() == 5);
    CHECK(texts[2] == "湖北省人民政府关于贯彻落实《国务院关于进一步加强企业安全生产工作的通知》的实施意见");
}

TEST_CASE("a web page's document table line is a paragraph of its own, though as wide as the wrap") {
    // Text wrapped at 36 characters; the table line is as wide, with its padding.
    const std::string sentence =
        "全市安全生产工作要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻\n党的二十大精神，坚持人民至上、生命"
        "至上，统筹发展和安全，扎实推进安全生产\n治理体系和治理能力现代化，坚决防范遏制重特大事故，为建设现代化美丽省会"
        "城\n"
        "市营造安全稳定环境。\n\n";
    const auto texts = texts_of(
        "文　　号：石安〔2023〕1号　　　　　　发布日期：2023-02-20\n\n"
        "石家庄市安全生产委员会关于印发安全生产工作要点的通知\n\n" +
        sentence + sentence + sentence + sentence);
    REQUIRE(texts.size() == 6);
    CHECK(texts[1] == "石家庄市安全生产委员会关于印发安全生产工作要点的通知");
}

TEST_CASE("a label line after a paragraph opening with a label is its own, however wide the one before") {
    const auto texts =
        texts_of(wrapped_26("1."
                            "开展隐患排查。\n责任单位：县工业和信息化局、县住房和城乡建设局、各乡镇人民政府\n完成时限："
                            "2021年12月31日前\n"));
    REQUIRE(texts.size() == 5);
    CHECK(texts[2] == "责任单位:县工业和信息化局、县住房和城乡建设局、各乡镇人民政府");
    CHECK(texts[3] == "完成时限:2021年12月31日前");
}

TEST_CASE("an item opening with its limit's month begins a paragraph after a line left unfinished") {
    const auto texts = texts_of(
        "1．镇党委、政府每季度至少召开一次安全生产专题会议，研究解决重大问题，落实分管领域安全生产职责 "
        "责任单位：镇党政办\n2．3月底前完成责任书签订\n");
    REQUIRE(texts.size() == 2);
    CHECK(texts[1] == "2.3月底前完成责任书签订");
}

TEST_CASE("a line opening with a 文号's year and serial goes on the issuer's code before it") {
    const auto texts =
        texts_of("1.认真落实安委办\n〔2021〕6号文件要求，开展排查。\n2.落实省安委会\n（2022）3号文件。\n");
    REQUIRE(texts.size() == 2);
    CHECK(texts[0] == "1.认真落实安委办〔2021〕6号文件要求,开展排查。");
    CHECK(texts[1] == "2.落实省安委会(2022)3号文件。");
}

TEST_CASE("letter-spaced letterhead lines as wide as the wrap are lines of their own") {
    // Each counts 25 characters with its spaces and indentation: as many as the wrap's.
    const auto texts = texts_of(wrapped_26("  贵 州 省 安 全 生 产 监 督 管 理 局\n  贵 州 煤 矿 安 全 监 察 局\n"));
    REQUIRE(texts.size() == 4);
    CHECK(texts[1] == "贵州省安全生产监督管理局");
    CHECK(texts[2] == "贵州煤矿安全监察局");
}

TEST_CASE("a labelled line cut in the middle of a name goes on with the flush-left line under it") {
    const auto texts = texts_of(
        "    4、建筑施工。重点检查建设工程和电梯。\n    责任单位：州住房和城乡建设局（牵头）、州质监局、州交通运\n"
        "输局、州水务局\n    完成时限：2013年8月底前\n");
    REQUIRE(texts.size() == 3);
    CHECK(texts[1] == "责任单位:州住房和城乡建设局(牵头)、州质监局、州交通运输局、州水务局");
    CHECK(texts[2] == "完成时限:2013年8月底前");
}

TEST_CASE("a 文号 line with its 签发人 ends its paragraph in wrapped text") {
    // As wide as the wrap (26): without the rule the title's first line would continue it.
    const auto texts = texts_of(
        wrapped_26("黑应急发〔2023〕15号　　　　　　签发人：刘国华\n黑龙江省应急管理厅关于开展危险化学品安全专项\n"
                   "整治的通知\n"));
    REQUIRE(texts.size() == 4);
    CHECK(texts[1].starts_with("黑应急发〔2023〕15号"));
    CHECK(texts[1].ends_with("签发人:刘国华"));
    CHECK(texts[2] == "黑龙江省应急管理厅关于开展危险化学品安全专项整治的通知");
}

TEST_CASE("a paragraph's first line that lost its indentation is still a wrapped line") {
    // Cut at 26 characters counting two characters of indentation, then unindented.
    const auto paragraphs =
        paragraphs_of(wrapped_26("2.修订《江西省生产安全事故应急预案》，9月\n底前报省政府审定。\n"));
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[1].text == "2.修订《江西省生产安全事故应急预案》,9月底前报省政府审定。");
    // Not a web page's field line a little shorter than the wrap.
    CHECK(paragraphs_of(wrapped_26("当前位置:首页>政务公开>政策文件>通知公告\n关于做好汛期安全防范工作的通知\n"))
              .size() == 4);
}

TEST_CASE("a web page's breadcrumb starts a paragraph") {
    // The page's title line is within a wrap's slack of the width.
    const auto paragraphs =
        paragraphs_of(wrapped_26("关于开展安全生产检查的通知_通知公告_某某网站\n首页 > 政务公开 > 通知公告\n"));
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[2].text == "首页 > 政务公开 > 通知公告");
}

TEST_CASE("a web page's links and buttons are lines of their own, though as wide as the wrap") {
    const auto texts = texts_of(
        wrapped_26("【打印】【关闭】\n下一篇:关于印发《某某市安全生产专项整治三年行动实施方案》的通知\n相关链接:\n"
                   "国务院安委会办公室关于进一步加强安全生产工作的通知(安委办〔2022〕9号)\n"));
    REQUIRE(texts.size() == 6);
    CHECK(texts[1] == "【打印】【关闭】");
    CHECK(texts[2] == "下一篇:关于印发《某某市安全生产专项整治三年行动实施方案》的通知");
    CHECK(texts[3] == "相关链接:");
}

TEST_CASE("an outline number alone on its line is continued by its text") {
    const auto texts = texts_of(
        "一、\n加强组织领导\n（二）\n\n— 3 —\n\n完善工作机制\n1.\n贯彻落实《某某办法》。（省公安厅牵头）\n"
        "2、\n（1）加强培训。\n第五条\n本办法自印发之日起施行。\n");
    REQUIRE(texts.size() == 6);
    CHECK(texts[0] == "一、加强组织领导");
    CHECK(texts[1] == "(二)完善工作机制");
    CHECK(texts[2] == "1.贯彻落实《某某办法》。(省公安厅牵头)");
    // A line that opens an item of its own is no number's text.
    CHECK(texts[3] == "2、");
    CHECK(texts[4] == "(1)加强培训。");
    CHECK(texts[5] == "第五条本办法自印发之日起施行。");
}

TEST_CASE("a line cut at the wrap's width mid-sentence is continued by one that opens like a heading") {
    // …对 / 一、二级重大危险源…: the wrap fell before a list, not a heading.
    const auto texts = texts_of(
        wrapped_26("4.推进危险化学品安全风险集中治理，加强重点监管，对\n一、二级重大危险源企业开展专家指导服务。\n"
                   "责任单位：省安委办（牵头）、省应急管理厅、省公安厅\n（二）深化重点领域整治\n"));
    REQUIRE(texts.size() == 5);
    CHECK(texts[1] == "4.推进危险化学品安全风险集中治理,加强重点监管,对一、二级重大危险源企业开展专家指导服务。");
    // A labelled line as long as the wrap is complete: the heading after it stands.
    CHECK(texts[3] == "(二)深化重点领域整治");
}

TEST_CASE("the line openings that continue a cut line are the grammar's (lines.heading_open, lines.item_open)") {
    static const auto outline = policy::OutlineRules::create(policy::test::default_grammar());
    policy::LineRules rules = outline->line_rules();
    const std::string text = policy::test::normalised(
        wrapped_26("4.推进危险化学品安全风险集中治理，加强重点监管，对\n一、二级重大危险源企业开展专家指导服务。\n"));
    CHECK(policy::split_paragraphs(text, rules).size() == 3);
    rules.heading_open = nullptr;  // a grammar without the rule: 一、 opens a heading
    const auto paragraphs = policy::split_paragraphs(text, rules);
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[2].text == "一、二级重大危险源企业开展专家指导服务。");
}

TEST_CASE("a PDF's running header written by the page markers is dropped like them") {
    const auto texts = texts_of(
        "豫政办〔2010〕23号\n\n1.健全三级道路交通安全联席会议制度，每季度召开一次联席会议，\n\n-1-"
        "\n\n豫政办〔2010〕23号\n\n"
        "研究解决重大问题。（省公安厅负责）\n2.加强驾驶人培训。（省交通运输厅负责\n\n-2-\n\n豫政办〔2010〕23号\n\n）\n"
        "3.严格考试管理。\n负责）\n\n-3-\n\n4.加强监管。\n负责）\n\n-4-\n\n5.开展检查。\n");
    REQUIRE(texts.size() == 8);
    // The head's own 文号, away from any marker, stays.
    CHECK(texts[0] == "豫政办〔2010〕23号");
    CHECK(texts[1] == "1.健全三级道路交通安全联席会议制度,每季度召开一次联席会议,研究解决重大问题。(省公安厅负责)");
    CHECK(texts[2] == "2.加强驾驶人培训。(省交通运输厅负责)");
    // A task's last words by two markers are no header.
    CHECK(texts[4] == "负责)");
}

TEST_CASE("a form feed opens a page: the header after it, its page's number in it, is dropped") {
    // Left and right pages set the number on either side of the gazette's name.
    const auto texts = texts_of(
        "（五）道路运输\n\f广东省人民政府公报　　　　·20·\n\n和交通运输安全专项整治\n1."
        "加强监管。（省公安厅、省财政厅按职\n"
        "\f·21·　　　　广东省人民政府公报\n\n责分工负责）\n2.推进整治。（省生\n\f广东省人民政府公报　　　　·22·\n\n"
        "态环境厅牵头）\n3.强化督查。\n\f·23·　　　　广东省人民政府公报\n\n4.开展检查。\n");
    // (The heading stays apart from its rest: nothing here says how wide a full line is.)
    CHECK(texts == std::vector<std::string>{"(五)道路运输", "和交通运输安全专项整治",
                                            "1.加强监管。(省公安厅、省财政厅按职责分工负责)",
                                            "2.推进整治。(省生态环境厅牵头)", "3.强化督查。", "4.开展检查。"});
}

TEST_CASE("a long line repeated right after itself is read once; a short one, or one by a page break, stays") {
    CHECK(texts_of(
              "（三）夯实消防工作基础\n（三）夯实消防工作基础\n2.推动行业部门落实安全责任。（市消防救援支队负责）\n\n"
              "2.推动行业部门落实安全责任。（市消防救援支队负责）\n一、\n一、\n") ==
          std::vector<std::string>{"(三)夯实消防工作基础", "2.推动行业部门落实安全责任。(市消防救援支队负责)", "一、",
                                   "一、"});
    // A running header saying the plan's title above the title itself.
    const auto paged = texts_of(
        "各有关单位：\n\n- 1 -\n\n某省安全生产重点工作分工方案\n\n某省安全生产重点工作分工方案\n\n"
        "为确保目标任务落到实处，制定本方案。\n\n- 2 -\n\n某省安全生产重点工作分工方案\n\n"
        "一、总体要求\n");
    CHECK(std::count(paged.begin(), paged.end(), "某省安全生产重点工作分工方案") == 1);
}

TEST_CASE("a page's number inside an indented paragraph's line joins the unindented rest to it") {
    const auto texts = texts_of(
        "　　一、深\n\n— 1 —\n\n入学习贯彻习近平总书记关于安全生产重要论述\n\n"
        "　　吉林省安全生产委员会\n\n　　2\n\n— 2 —\n\n019年3月22日\n\n"
        "　　二、强化责任\n\n— 3 —\n\n　　坚持问题导向。\n");
    REQUIRE(texts.size() == 5);
    CHECK(texts[0] == "一、深入学习贯彻习近平总书记关于安全生产重要论述");
    CHECK(texts[2] == "2019年3月22日");
    // One or two characters alone before the page's number are the start of a word, indented or not.
    const auto short_start = texts_of("中\n\n— 2 —\n\n共吉林省委办公厅\n\n吉林省人民政府办公厅\n");
    REQUIRE(short_start.size() == 2);
    CHECK(short_start[0] == "中共吉林省委办公厅");
    // An indented line after the page's number is a paragraph of its own.
    CHECK(texts[3] == "二、强化责任");
    CHECK(texts[4] == "坚持问题导向。");
}

TEST_CASE("a letter-spaced line is read without its spaces, each character still at its place") {
    const std::string text = "烟 台 市 人 民 政 府 关 于 印 发 2 0 1 6 年 工 作 要 点 的 通 知\n\n各区市人民政府：\n";
    const auto paragraphs = paragraphs_of(text);
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text == "烟台市人民政府关于印发2016年工作要点的通知");
    // 关 is the eighth character: seven characters and seven spaces before it.
    const std::size_t guan = paragraphs[0].text.find("关");
    CHECK(paragraphs[0].normalised_offset(guan) == text.find("关"));
    CHECK(paragraphs[0].normalised_offset(paragraphs[0].text.find("2016")) == text.find("2 0 1 6"));
    // Words parted by spaces, a short spaced heading and ASCII letters stay as written.
    CHECK(texts_of("烟台市人民政府　烟台军分区　烟台市安委会\n") ==
          std::vector<std::string>{"烟台市人民政府 烟台军分区 烟台市安委会"});
    CHECK(texts_of("通 知\n") == std::vector<std::string>{"通 知"});
    CHECK(texts_of("a b c d e f 年\n") == std::vector<std::string>{"a b c d e f 年"});
    // A number set whole among the spaced characters.
    CHECK(texts_of("关 于 做 好 2021 年 汛 期 安 全 生 产 工 作 的 通 知\n") ==
          std::vector<std::string>{"关于做好2021年汛期安全生产工作的通知"});
    CHECK(texts_of("2021 年 10 月 1 日 前 报 送\n") == std::vector<std::string>{"2021年10月1日前报送"});
    CHECK(texts_of("共 12345 人 参 加 培 训 活 动\n") == std::vector<std::string>{"共 12345 人 参 加 培 训 活 动"});
    // Two names set side by side keep one space where the wide gap parts them.
    const std::string side = "广 东 省 应 急 管 理 厅　　　　　广 东 省 公 安 厅\n";
    const auto signed_by = paragraphs_of(side);
    REQUIRE(signed_by.size() == 1);
    CHECK(signed_by[0].text == "广东省应急管理厅 广东省公安厅");
    CHECK(signed_by[0].normalised_offset(signed_by[0].text.find("广东省公安厅")) ==
          policy::test::normalised(side).find("广 东 省 公"));
}

TEST_CASE("a table's row, its cells parted by tabs, is a paragraph of its own however long") {
    std::string text = "序号\t存在问题\t整改措施\t责任单位\t整改时限\n";
    for (int row = 1; row <= 6; ++row) {
        text += std::to_string(row) +
                "\t部分苏木乡镇未建立专职或志愿消防队\t按照标准建立专职消防队并配齐装备确保市政消火栓完好率达到百分之百"
                "\t锡林浩特市人民政府"
                "\t到2017年\n";
    }
    const auto texts = texts_of(text);
    REQUIRE(texts.size() == 7);
    CHECK(texts[1].starts_with("1\t"));
    CHECK(texts[1].ends_with("\t到2017年"));
    CHECK(texts[2].starts_with("2\t"));
}

TEST_CASE("a paragraph split off at an offset keeps its way back to the text, and its line") {
    static const auto rules = policy::OutlineRules::create(policy::test::default_grammar());
    const std::string text = policy::test::normalised("一、任务\n1.开展检查(省应急厅\n负责)2.开展执法。\n");
    auto paragraphs = policy::split_paragraphs(text, rules->line_rules());
    REQUIRE(paragraphs.size() == 2);
    policy::Paragraph& head = paragraphs[1];
    const std::size_t cut = head.text.find("2.");
    REQUIRE(cut != std::string::npos);
    const policy::Paragraph tail = policy::split_off(head, cut, text);
    CHECK(head.text == "1.开展检查(省应急厅负责)");
    CHECK(tail.text == "2.开展执法。");
    CHECK(tail.first_line == 3);
    CHECK(head.first_line == 2);
    CHECK(text.substr(tail.normalised_offset(0), 2) == "2.");
    CHECK(tail.normalised_offset(tail.text.size()) == text.find("。") + 3);
    CHECK(text.substr(head.normalised_offset(head.text.find("负责")), 6) == "负责");
}

TEST_CASE("a time limit cut by a line break after one of its parts is joined back, however short the line") {
    CHECK(texts_of("4.开展风险评估，\n2021年6月底\n前完成全部评估工作。\n") ==
          std::vector<std::string>{policy::test::normalised("4.开展风险评估，2021年6月底前完成全部评估工作。")});
    CHECK(texts_of("4.开展风险评估，于2021年6月\n底前完成。\n") ==
          std::vector<std::string>{policy::test::normalised("4.开展风险评估，于2021年6月底前完成。")});
    CHECK(texts_of("4.开展风险评估，于2021年6月30日\n前完成。\n") ==
          std::vector<std::string>{policy::test::normalised("4.开展风险评估，于2021年6月30日前完成。")});
    CHECK(texts_of("4.开展风险评估，于2021年\n6月底前完成。\n") ==
          std::vector<std::string>{policy::test::normalised("4.开展风险评估，于2021年6月底前完成。")});
    CHECK(texts_of("3.推进监测预警系统建设，到2\n021年，全部接入。\n") ==
          std::vector<std::string>{policy::test::normalised("3.推进监测预警系统建设，到2021年，全部接入。")});
    // Not a new paragraph that opens with 前言 or 前期.
    CHECK(texts_of("（一）工作目标\n前期工作已经完成。\n").size() == 2);
}

TEST_CASE("a page's breadcrumb is a line of its own, however wide") {
    // As wide as the wrapped lines around it (26 characters): the title would go on it.
    const auto texts =
        texts_of(wrapped_26("您现在的位置：首页>政务公开>通知公告>政策文>正文\n关于做好汛期安全防范工作的通知\n"));
    REQUIRE(texts.size() == 4);
    CHECK(texts[2] == "关于做好汛期安全防范工作的通知");
}

TEST_CASE("a title line as wide as the wrap, in text with no blank lines, is a paragraph of its own") {
    // Wrapped at 26 characters, no blank lines: the title is as wide as the lines around it.
    const auto texts = texts_of(
        wrapped_26("省安委会关于印发2018年全省安全生产工作要点的通知\n各设区市人民政府，省安委会各成员单位：\n"));
    REQUIRE(texts.size() == 4);
    CHECK(texts[1] == "省安委会关于印发2018年全省安全生产工作要点的通知");
    CHECK(texts[2] == policy::test::normalised("各设区市人民政府，省安委会各成员单位："));
    // Over two lines too.
    const auto two = texts_of(wrapped_26(
        "湖北省安全生产委员会关于印发《湖北省进一步强化安全生\n产责任落实坚决防范遏制重大事故十五条措施》的通知\n"
        "各市、州、县人民政府，省安委会各成员单位：\n"));
    REQUIRE(two.size() == 4);
    CHECK(two[1] ==
          "湖北省安全生产委员会关于印发《湖北省进一步强化安全生产责任落实坚决防范遏制重大事故十五条措施》的通知");
    // A title cut before its 的通知 still goes on.
    CHECK(texts_of(wrapped_26("省安委会关于印发2018年全省安全生产工作要点\n的通知\n"))[1] ==
          "省安委会关于印发2018年全省安全生产工作要点的通知");
}

TEST_CASE("a task's label cut from its bodies by a wrap is joined to them") {
    using policy::test::normalised;
    // The label alone at a line's end, after a sentence or a lenticular label.
    CHECK(texts_of("1.优化自然保护地体系，2020年底前完成预案。责任单位：\n省林草局、省自然资源厅。\n") ==
          std::vector<std::string>{
              normalised("1.优化自然保护地体系，2020年底前完成预案。责任单位：省林草局、省自然资源厅。")});
    CHECK(texts_of("6.开展监测预警。【牵头单位】省应急厅【完成时间】\n2023年12月底前\n") ==
          std::vector<std::string>{normalised("6.开展监测预警。【牵头单位】省应急厅【完成时间】2023年12月底前")});
    // A label cut inside its brackets.
    CHECK(texts_of("6.开展监测预警。【牵头单位】省应急厅【配合单\n位】省公安厅\n") ==
          std::vector<std::string>{normalised("6.开展监测预警。【牵头单位】省应急厅【配合单位】省公安厅")});
    // A labelled line's last word or two, after a name ending in a bracket.
    CHECK(texts_of("1.再取消下放一批行政审批事项。\n责任单位：省直有关部门，各省辖市政府、省直管县（市）\n政府\n") ==
          std::vector<std::string>{normalised("1.再取消下放一批行政审批事项。"),
                                   normalised("责任单位：省直有关部门，各省辖市政府、省直管县（市）政府")});
    // A sentence ending in a colon is no label: the list after it is a paragraph of its own.
    CHECK(texts_of("现将有关事项通知如下：\n一、总体要求\n").size() == 2);
}

TEST_CASE("a heading after a blank line does not go on a line cut at the wrap's width") {
    const auto texts =
        texts_of(wrapped_26("11.推进数据共享，严格落实数据安全管理要求，2023年3月31日前\n\n五、强化组织保障\n"));
    REQUIRE(texts.size() == 4);
    CHECK(texts[2] == "五、强化组织保障");
}

TEST_CASE("an ordinal cut after its 第 goes on, though the numeral opens like a heading") {
    CHECK(texts_of("全国安全生产工作要坚持人民至上、生命至上，坚持安全第\n一、预防为主，统筹发展和安全。\n") ==
          std::vector<std::string>{policy::test::normalised(
              "全国安全生产工作要坚持人民至上、生命至上，坚持安全第一、预防为主，统筹发展和安全。")});
}

namespace {

// A task's text long enough that a one-line notice's line is far longer than any other.
std::string task_filler() {
    std::string filler;
    for (int i = 0; i < 12; ++i) {
        filler += "加强监督检查，推进隐患排查治理体系建设，";
    }
    return filler;
}

// How many paragraphs open with `prefix`.
std::ptrdiff_t count_opening(const std::vector<policy::Paragraph>& paragraphs, std::string_view prefix) {
    return std::count_if(paragraphs.begin(), paragraphs.end(),
                         [&](const policy::Paragraph& p) { return p.text.starts_with(prefix); });
}

}  // namespace

TEST_CASE("a notice that lost its line breaks is broken again where its outline numbers go on in sequence") {
    const std::string filler = task_filler();
    const std::string one_line =
        "某某县人民政府办公室关于印发2021年安全生产工作要点的通知某政办发〔2021〕7号各乡镇人民政府："
        "现将要点印发给你们。某某县人民政府办公室2021年3月5日一、强化责任落实1.开展排查，" +
        filler + "6月底前完成。（县应急局牵头）2.增长1.5倍，一、二级重大危险源全覆盖。" + filler +
        "二、加强基础建设3.推进建设。" + filler + "三、工作要求各乡镇要于12月10日前报送总结。— 3 —抄送：县委办。";
    const auto paragraphs = paragraphs_of(one_line);
    const std::vector<std::string> openings = {"某某县人民政府办公室",
                                               "关于印发",
                                               "某政办发",
                                               "各乡镇人民政府:",
                                               "现将要点",
                                               "某某县人民政府办公室",
                                               "2021年3月5日",
                                               "一、强化责任落实",
                                               "1.开展排查",
                                               "2.增长1.5倍,一、二级",
                                               "二、加强基础建设",
                                               "3.推进建设",
                                               "三、工作要求",
                                               "各乡镇要于12月10日前报送总结。",
                                               "抄送:县委办"};
    REQUIRE(paragraphs.size() == openings.size());
    for (std::size_t i = 0; i < openings.size(); ++i) {
        CAPTURE(i);
        CHECK(paragraphs[i].text.starts_with(openings[i]));
    }
    CHECK(paragraphs[1].text == "关于印发2021年安全生产工作要点的通知");
    // A heading's usual words end it; a page's number is dropped.
    CHECK(paragraphs[12].text == "三、工作要求");
    CHECK(paragraphs[13].text == "各乡镇要于12月10日前报送总结。");
    // A run of spaces left by the next paragraph's indentation is a break too.
    const auto indented = paragraphs_of(one_line.substr(0, one_line.find("抄送")) + "        各乡镇要及时报送。");
    CHECK(indented.back().text == "各乡镇要及时报送。");
    // Lines enough that it has kept its breaks: a long line with numbers in it stays whole.
    const auto kept = paragraphs_of("标题\n\n第一段。\n\n第二段。\n\n第三段。\n\n第四段。\n\n第五段。\n\n" + one_line);
    CHECK(kept.size() == 7);
}

TEST_CASE(
    "a one-line notice breaks at a signature dated in Chinese numerals, after a heading's joined words, "
    "and before a closing paragraph after the last task's parenthesis") {
    const std::string filler = task_filler();
    const std::string one_line =
        "某某县教育局关于印发校园安全专项整治方案的通知某教发〔2018〕32号各学校：现将方案印发给你们。"
        "某某县教育局二〇一八年八月二十七日某某县校园安全专项整治方案一、整治内容和措施以排查为主" +
        filler + "1.全面排查隐患，" + filler + "（县教育局负责）2.加强巡查，" + filler +
        "（县监察局、县林业局负责）各乡镇、各有关部门要于2018年12月10日前报送总结。某某县教育局二〇一八年八月二十七日"
        "抄送：县委办。";
    const auto paragraphs = paragraphs_of(one_line);
    CHECK(count_opening(paragraphs, "二〇一八年八月二十七日") == 2);
    CHECK(count_opening(paragraphs, "某某县校园安全专项整治方案") == 1);
    CHECK(count_opening(paragraphs, "以排查为主") == 1);
    CHECK(count_opening(paragraphs, "各乡镇、各有关部门要") == 1);
    CHECK(std::any_of(paragraphs.begin(), paragraphs.end(),
                      [](const policy::Paragraph& p) { return p.text == "一、整治内容和措施"; }));
}

TEST_CASE("a one-line notice breaks at a page's fields and chrome, a red head's 文件, a note after the signature") {
    const std::string filler = task_filler();
    const std::string one_line =
        "某某市应急管理局 首页 > 政务公开 发布时间：2023-11-22 【字体：大 中 小】某某市安全生产委员会办公室文件"
        "某安办〔2023〕87号某某市安全生产委员会办公室关于加强安全生产工作的实施意见各县区：现将意见印发给你们。一、基本"
        "情况此次检查" +
        filler + "1.全面排查隐患，" + filler + "（县教育局负责）2.加强巡查，" + filler +
        "（县应急局负责）某某市安全生产委员会办公室2023年11月20日（此件公开发布）抄送：市委办。";
    const auto paragraphs = paragraphs_of(one_line);
    CHECK(count_opening(paragraphs, "首页") == 1);
    CHECK(count_opening(paragraphs, "发布时间:") == 1);
    CHECK(count_opening(paragraphs, "某安办〔2023〕87号") == 1);
    CHECK(count_opening(paragraphs, "关于加强安全生产工作的实施意见") == 1);
    CHECK(count_opening(paragraphs, "(此件公开发布)") == 1);
    CHECK(std::any_of(paragraphs.begin(), paragraphs.end(),
                      [](const policy::Paragraph& p) { return p.text == "一、基本情况"; }));
}

TEST_CASE("a title's bracket on the next line that ends it goes on the title") {
    const auto paragraphs = paragraphs_of(
        "河南省人民政府办公厅\n关于印发河南省城乡供水一体化三年行动方案\n（2019—2021年）的通知\n\n各省辖市人民政府："
        "\n");
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[1].text == "关于印发河南省城乡供水一体化三年行动方案(2019—2021年)的通知");
}

TEST_CASE("a month's digits and 月 at a line's end go on with the day on the next") {
    const auto paragraphs = paragraphs_of("1. 各市(州)于2015年6月\n30日前将侧重点报送。（省安委办负责）\n");
    REQUIRE(paragraphs.size() == 1);
    CHECK(paragraphs[0].text == "1. 各市(州)于2015年6月30日前将侧重点报送。(省安委办负责)");
}

TEST_CASE(
    "a 文号 or a date alone on its line inside a parenthesis just opened goes on, and the closing line after it") {
    // (A narrow wrap set a cited 文号 apart: …考核办法》（吉政 / 办明电〔2010〕71号 / ），将….)
    const auto paragraphs = paragraphs_of(
        "修订完善《吉林省安全生产\n工作目标考核办法》（吉政\n办明电〔2010〕71号\n），将各级党委、政府职责纳入考核。\n"
        "按时完成（截至\n2019年3月22日\n）各项任务。\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text ==
          "修订完善《吉林省安全生产工作目标考核办法》(吉政办明电〔2010〕71号),将各级党委、政府职责纳入考核。");
    CHECK(paragraphs[1].text == "按时完成(截至2019年3月22日)各项任务。");
    // (A notice's own 文号 under its title stays a line of its own.)
    CHECK(paragraphs_of("关于印发要点的通知\n吉安委〔2019〕6号\n各市（州）").size() == 3);
}

TEST_CASE("a short heading parted from its numeral by a space begins a paragraph") {
    const auto texts =
        texts_of("4.落实考核办法，严格落实“一票否决”\n三 深入推进专项整治三年行动\n5.开展危险化学品整治\n");
    REQUIRE(texts.size() == 3);
    CHECK(texts[1] == "三 深入推进专项整治三年行动");
}

TEST_CASE("a 文号 in brackets alone under a title ending like one is a line of its own, however long the title") {
    const auto texts = texts_of(
        "中共鹤壁市委办公室 鹤壁市人民政府办公室关于印发《鹤壁市2014年安全生产工作要点》的通知\n（鹤办〔2014〕5号）\n\n"
        "各县区党委和人民政府：\n");
    REQUIRE(texts.size() == 3);
    CHECK(texts[1] == "(鹤办〔2014〕5号)");
    // (Under a line that is no title it goes on as the wrap says: …贯彻落实《办法》 / （…）精神.)
    CHECK(texts_of("各地要认真贯彻落实《吉林省安全生产工作目标责任制考核办法》\n（吉政办明电〔2010〕71号）\n").size() ==
          1);
}

TEST_CASE("a running header of two lines, the issuer over the 文号, is dropped whole") {
    const auto texts = texts_of(
        "四川省应急管理厅\n川应急[2022]63号\n\n1.开展汛前检查，全面排查\n- 2 "
        "-\n\n四川省应急管理厅\n川应急[2022]63号\n\n"
        "山洪沟道隐患。（省水利厅负责）\n2.加强值守。\n- 3 -\n\n四川省应急管理厅\n川应急[2022]63号\n\n"
        "牵头单位：省应急管理厅\n配合单位：省水利厅\n");
    // The head's issuer and 文号 stay; the pages' copies go.
    CHECK(texts == std::vector<std::string>{"四川省应急管理厅", "川应急[2022]63号", "1.开展汛前检查,全面排查",
                                            "山洪沟道隐患。(省水利厅负责)", "2.加强值守。", "牵头单位:省应急管理厅",
                                            "配合单位:省水利厅"});
}

TEST_CASE("an item's number alone on its line takes the text after its dot on the next") {
    CHECK(texts_of("一、强化责任\n1\n.统筹做好企业复工复产安全防范。\n2\n．严格落实条例。\n") ==
          std::vector<std::string>{"一、强化责任", "1.统筹做好企业复工复产安全防范。", "2.严格落实条例。"});
}

TEST_CASE("a wrapped line left after 到 or 于 goes on, however short") {
    const std::string wrapped =
        "3.制定实施全省安全生产专项整治三年行动实施方案，\n"
        "建立问题隐患和制度措施两个清单，年底前基本完成排查整治阶段的各项任务，\n"
        "力争各地区各部门都完成阶段任务，到\n"
        "2022年，全省安全生产整体水平明显提高，事故总量持续下降。\n";
    CHECK(texts_of(wrapped).size() == 1);
    // (A line ending in 的 or 向 may end a heading: 编制目的, 发展方向.)
    CHECK(texts_of("1.1编制目的\n规范全市危险化学品事故的应急处置工作，迅速有序高效地组织救援。\n").size() == 2);
}
