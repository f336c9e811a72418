// Extraction facts read off the corpus notices by a person, and notices written here in
// other provinces' and ministries' styles that the corpus does not contain.
#include <doctest/doctest.h>

#include "extract.h"
#include "test_support.h"

namespace {

policy::Record extract_text(const std::string& text, const std::string& name = "notice.txt") {
    static const auto extractor = policy::Extractor::create(policy::test::default_grammar());
    REQUIRE(extractor.ok());
    auto record = extractor->extract(text, name);
    REQUIRE(record.ok());
    return std::move(record).value();
}

// Each department of `task` as (name, role).
std::vector<std::pair<std::string, std::string>> bodies(const policy::Task& task) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& department : task.departments) {
        out.emplace_back(department.name, department.role);
    }
    return out;
}

policy::Record extract_corpus(const std::string& name) {
    return extract_text(policy::test::read_file(policy::test::source_path("corpus/" + name)), name);
}

// The tasks' outline paths, in order.
std::vector<std::string> task_paths(const policy::Record& record) {
    std::vector<std::string> paths;
    for (const auto& task : record.tasks) {
        paths.push_back(task.path);
    }
    return paths;
}

// The sections, each as its path and heading ("二/(一) 强化源头管控").
std::vector<std::string> section_lines(const policy::Record& record) {
    std::vector<std::string> lines;
    for (const auto& section : record.sections) {
        lines.push_back(section.path + " " + section.heading);
    }
    return lines;
}

// How many of the notice's citations are 《》 titles.
std::size_t title_citations(const policy::Record& record) {
    return static_cast<std::size_t>(std::count_if(record.citations.begin(), record.citations.end(),
                                                  [](const policy::Citation& c) { return c.kind == "title"; }));
}

// The dates of the notice's deadlines, in order ("" where undated).
std::vector<std::string> deadline_dates(const policy::Record& record) {
    std::vector<std::string> dates;
    for (const auto& deadline : record.deadlines) {
        dates.push_back(deadline.date.value_or(""));
    }
    return dates;
}

}  // namespace

TEST_CASE("the 2019 work points: cover letter, plan title, 31 tasks in 7 sections") {
    const auto record = extract_corpus("jilin-anweihui-2019-gongzuo-yaodian.txt");
    CHECK(record.title == "关于印发2019年工作要点的通知");
    CHECK(record.plan_title == "吉林省安委会2019年工作要点");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "吉安委〔2019〕6号");
    CHECK(record.issuers == std::vector<std::string>{"吉林省安全生产委员会"});
    CHECK(record.issued == "2019-03-22");
    CHECK(record.sections.size() == 7);
    REQUIRE(record.tasks.size() == 31);
    CHECK(record.tasks[10].path == "二/11");
    REQUIRE(record.tasks[10].departments.size() == 1);
    CHECK(record.tasks[10].departments[0].name == "省公安厅");
    CHECK(record.tasks[10].departments[0].role == "lead");
    // 二/6: 汛期前, no date; the cover letter's 2019年底前 belongs to the document.
    REQUIRE(record.tasks[5].deadlines.size() == 1);
    CHECK(record.tasks[5].deadlines[0].text == "汛期前");
    CHECK_FALSE(record.tasks[5].deadlines[0].date.has_value());
    REQUIRE(record.deadlines.size() == 2);
    CHECK_FALSE(record.deadlines[0].task.has_value());
    CHECK(record.deadlines[0].date == "2019-12-31");
}

TEST_CASE("the 2024 work points: page breaks joined, no responsibility parentheses") {
    const auto record = extract_corpus("jilin-gongxinting-2024-anquan-shengchan-yaodian.txt");
    CHECK(record.title == "省工信厅 2024 年安全生产工作要点");
    CHECK_FALSE(record.doc_number.has_value());
    CHECK(record.issued == "2024-03-22");
    CHECK(record.cc == std::vector<std::string>{"省安委办"});
    REQUIRE(record.tasks.size() == 11);
    CHECK(record.tasks[7].text.find("主要负责人到一线") != std::string::npos);
    CHECK(record.tasks[9].text.ends_with("管理和培育工作。"));
    CHECK(record.tasks[10].text.ends_with("火灾隐患排查整治等工作。"));  // 抄送 is not part of it
    for (const auto& task : record.tasks) {
        CHECK(task.departments.empty());
    }
}

TEST_CASE("the 2014 reform plan: web chrome yields nothing, titles link to their 文号") {
    const auto record = extract_corpus("jilin-banfa-2014-32-anquan-gaige-shidian-fangan.txt");
    CHECK(record.title == "关于印发《吉林省全面深化安全生产领域改革试点方案》的通知");
    CHECK(record.issuers == std::vector<std::string>{"中共吉林省委办公厅", "吉林省人民政府办公厅"});
    CHECK(record.issued == "2014-10-27");
    REQUIRE(record.tasks.size() == 27);
    CHECK(record.tasks[22].path == "七/(一)/1");
    CHECK(record.tasks.back().path == "七/(二)/3");
    int linked = 0;
    for (const auto& citation : record.citations) {
        linked += citation.doc_number.has_value();
        CHECK(citation.text.find("公安部") == std::string::npos);  // the news after the body
    }
    CHECK(linked == 14);
}

TEST_CASE("a county notice with （一） tasks under 一、 and half-width numbering") {
    const auto record = extract_text(
        "某某县人民政府办公室文件\n\n某政办发〔2021〕7号\n\n某某县人民政府办公室\n关于印发2021年安全生产重点工作的通知"
        "\n\n"
        "各乡镇人民政府，县直各部门：\n\n现将有关事项通知如下。\n\n"
        "一、强化责任落实\n\n(一)压实属地责任\n\n1、开展隐患排查，6月底前完成。(县应急局牵头,各乡镇负责)\n\n"
        "2、加强执法检查。(县市场监管局、县公安局负责)\n\n二、加强基础建设\n\n"
        "3、推进信息化建设，2021年12月31日前投入使用。（县工信局会同县财政局负责）\n\n"
        "某某县人民政府办公室\n2021年3月5日\n");
    CHECK(record.title == "关于印发2021年安全生产重点工作的通知");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "某政办发〔2021〕7号");
    CHECK(record.issuers == std::vector<std::string>{"某某县人民政府办公室"});
    CHECK(record.issued == "2021-03-05");
    CHECK(record.recipients == std::vector<std::string>{"各乡镇人民政府", "县直各部门"});
    REQUIRE(record.tasks.size() == 3);
    CHECK(record.tasks[0].path == "一/(一)/1");
    CHECK(record.tasks[2].path == "二/3");
    REQUIRE(record.tasks[0].departments.size() == 2);
    CHECK(record.tasks[0].departments[0].name == "县应急局");
    CHECK(record.tasks[0].departments[0].role == "lead");
    CHECK(record.tasks[0].departments[1].name == "乡镇");
    REQUIRE(record.tasks[0].deadlines.size() == 1);
    CHECK(record.tasks[0].deadlines[0].date == "2021-06-30");
    CHECK(record.tasks[0].deadlines[0].year_inferred);
    REQUIRE(record.tasks[2].departments.size() == 2);
    CHECK(record.tasks[2].departments[0].role == "lead");
    CHECK(record.tasks[2].departments[1].name == "县财政局");
}

TEST_CASE("a street office signs the notice: the 版记's printing office is not its issuer") {
    const auto record = extract_text(
        "某市某区人民政府某某街道办事处\n关于印发2019年安全生产工作要点的通知\n\n各社区居民委员会：\n\n"
        "一、压实责任\n\n1.开展隐患排查，6月底前完成。（街道安监站负责）\n\n"
        "某市某区人民政府某某街道办事处\n2019年3月12日\n\n"
        "某市某区人民政府某某街道办事处党政办公室　　2019年3月13日印发\n");
    CHECK(record.issuers == std::vector<std::string>{"某市某区人民政府某某街道办事处"});
    CHECK(record.issued == "2019-03-12");
}

TEST_CASE("among commas, 、 parts whole names that open alike, not the bodies a place or a 各 is shared by") {
    const auto record = extract_text(
        "关于做好成品油管道安全工作的通知\n\n各省、自治区、直辖市应急管理厅（局），北京市水务局、城市管理委员会，"
        "中国石油天然气集团有限公司、中国石油化工集团有限公司：\n\n一、压实责任\n\n1.开展隐患排查。（各地负责）\n\n"
        "应急管理部\n2021年3月12日\n\n抄送：县委办、县人大办，市政府各委、办、局，各市应急管理局、财政局。\n");
    CHECK(record.recipients == std::vector<std::string>{"各省、自治区、直辖市应急管理厅（局）",
                                                        "北京市水务局、城市管理委员会", "中国石油天然气集团有限公司",
                                                        "中国石油化工集团有限公司"});
    CHECK(record.cc == std::vector<std::string>{"县委办", "县人大办", "市政府各委、办、局", "各市应急管理局、财政局"});
}

TEST_CASE("parts that number their tasks afresh give each task a path of its own, opening with the part") {
    const auto record = extract_text(
        "关于印发燃气安全专项整治实施方案的通知\n\n第一部分　燃气经营环节整治\n\n一、经营许可\n\n1."
        "复核经营许可条件，6月底前完成。"
        "（市城管局负责）\n\n第二部分　燃气用户环节整治\n\n一、餐饮场所\n\n1.排查餐饮企业用气安全，12月15日前完成。"
        "（市市场监管局负责）\n\n某市人民政府办公室\n2022年3月1日\n");
    REQUIRE(record.tasks.size() == 2);
    CHECK(record.tasks[0].path == "第一部分/一/1");
    CHECK(record.tasks[1].path == "第二部分/一/1");
    CHECK(record.tasks[1].section == "一");
    REQUIRE(record.deadlines.size() == 2);
    CHECK(record.deadlines[1].task == "第二部分/一/1");
    // Sections keep their numerals' paths.
    REQUIRE(record.sections.size() == 2);
    CHECK(record.sections[1].path == "一");
}

TEST_CASE("levels of government (直管市, 林区 too) share the name after them in the recipients") {
    const auto record = extract_text(
        "关于做好城市排水防涝工作的通知\n\n各市、州、直管市、神农架林区住房和城乡建设局：\n\n一、压实责任\n\n"
        "1.开展隐患排查。（各地负责）\n\n湖北省住房和城乡建设厅\n2024年3月12日\n");
    CHECK(record.recipients == std::vector<std::string>{"各市、州、直管市、神农架林区住房和城乡建设局"});
}

TEST_CASE("元旦前 in a notice signed the year before its title's year is the coming 元旦's eve") {
    const auto record = extract_text(
        "交通运输部办公厅关于做好2023年春运安全工作的通知\n\n各省交通运输厅：\n\n一、任务\n\n"
        "1.元旦前完成驾驶员安全教育培训，1月10日前完成检查。（各地负责）\n\n交通运输部办公厅\n2022年12月26日\n");
    REQUIRE(record.deadlines.size() == 2);
    CHECK(record.deadlines[0].date == "2022-12-31");
    CHECK(record.deadlines[1].date == "2023-01-10");
}

TEST_CASE("a university signs as itself, not as the office that printed the notice") {
    const auto record = extract_text(
        "江淮大学文件\n\n校发〔2025〕15号\n\n关于印发2025年安全工作要点的通知\n\n各学院、各部门：\n\n一、压实责任\n\n"
        "1.开展隐患排查。（保卫处负责）\n\n江淮大学\n2025年3月12日\n\n江淮大学党政办公室　　2025年3月13日印发\n");
    CHECK(record.issuers == std::vector<std::string>{"江淮大学"});
    CHECK(record.issued == "2025-03-12");
}

TEST_CASE("a fire brigade's 支队 or 大队 signs as itself, not as the office that printed the notice") {
    const auto record = extract_text(
        "苏州市消防救援支队\n\n苏州消〔2020〕118号\n\n苏州市消防救援支队关于印发冬春火灾防控工作方案的通知\n\n"
        "各大队：\n\n一、任务\n\n1.开展隐患排查。（防火监督处负责）\n\n苏州市消防救援支队\n2020年11月6日\n\n"
        "苏州市消防救援支队司令部　　　2020年11月9日印发\n");
    CHECK(record.issuers == std::vector<std::string>{"苏州市消防救援支队"});
    CHECK(record.issued == "2020-11-06");
    const auto county = extract_text(
        "关于做好冬季防火工作的通知\n\n各中队：\n\n一、任务\n\n1.开展检查。（各中队负责）\n\n某县消防救援大队\n"
        "2021年11月2日\n");
    CHECK(county.issuers == std::vector<std::string>{"某县消防救援大队"});
}

TEST_CASE("attachments a copy put after the 版记's 印发 line are the notice's; a page's text there is not") {
    const std::string head =
        "关于印发安全生产月活动方案的通知\n\n各区安委会：\n\n一、重点活动\n\n1.开展专题学习。（市委宣传部负责）\n\n"
        "某市安全生产委员会办公室\n2021年5月18日\n\n抄送：市委办公室。\n\n某市安全生产委员会办公室　　2021年5月18日印发"
        "\n\n";
    const auto record =
        extract_text(head +
                     "附件1\n\n重点活动安排表\n\n序号　活动名称　　时间安排　　牵头单位\n"
                     "1　　专题学习　　6月15日前　　市委宣传部\n2　　活动总结　　7月5日前　　市安委办\n\n"
                     "附件2\n\n活动情况统计表\n\n填报单位：\n");
    CHECK(record.tasks.size() == 1);
    REQUIRE(record.deadlines.size() == 2);
    CHECK(record.deadlines[0].text == "6月15日前");
    CHECK(record.deadlines[0].date == "2021-06-15");
    CHECK(record.deadlines[1].date == "2021-07-05");
    const auto page = extract_text(head + "相关链接\n\n1　　关于做好汛期安全工作的通知　　6月15日前发布\n");
    CHECK(page.deadlines.empty());
}

TEST_CASE("a title whose line ends in a quoted phrase goes on over the next") {
    const auto record = extract_text(
        "大连市安全生产委员会办公室\n\n大安委办发〔2016〕9号\n\n关于印发大连市2016\n年安全生产“打非治违”\n"
        "专项行动实施方案的通知\n\n各区市县安委会：\n为贯彻落实有关要求，现印发给你们。\n\n大连市安全生产委员会办公室\n"
        "2016年3月1日\n");
    CHECK(record.title == "关于印发大连市2016年安全生产“打非治违”专项行动实施方案的通知");
}

TEST_CASE("a title over three lines ending in a line of 的…, and a date written 2019.3.22") {
    const auto record = extract_text(
        "吉林省安全生产委员会\n\n关于印发\n2019年工作要点\n的通知\n\n吉安委〔2019〕6号\n\n各市（州）人民政府：\n"
        "　　现将要点印发给你们。\n\n一、任务\n1. 加强监管。（省应急厅负责）\n\n吉林省安全生产委员会\n2019.3.22\n");
    CHECK(record.title == "关于印发2019年工作要点的通知");
    CHECK(record.issued == "2019-03-22");
    const auto dashed = extract_text(
        "关于做好汛期安全工作的通知\n\n各市：\n\n一、任务\n1. "
        "加强监管。（省应急厅负责）\n\n某省应急管理厅\n2019-06-02\n");
    CHECK(dashed.issued == "2019-06-02");
    const auto printed = extract_text(
        "关于做好汛期安全工作的通知\n\n各市：\n\n一、任务\n1. 加强监管。（省应急厅负责）\n\n"
        "某省应急管理厅办公室　　2024.3.22印发\n");
    CHECK(printed.issued == "2024-03-22");
    CHECK(printed.issuers == std::vector<std::string>{"某省应急管理厅办公室"});
}

TEST_CASE("a labelled line whose last name ends in a level's bracket keeps it (各乡镇（街道）)") {
    const auto record = extract_text(
        "关于印发河道整治方案的通知\n\n各乡镇：\n\n一、整治任务\n\n1.整治河道。\n配合单位：县城管局、各乡镇（街道）\n\n"
        "某县人民政府办公室\n2018年3月1日\n");
    REQUIRE(record.tasks.size() == 1);
    CHECK(bodies(record.tasks[0]) == std::vector<std::pair<std::string, std::string>>{{"县城管局", "responsible"},
                                                                                      {"乡镇（街道）", "responsible"}});
}

TEST_CASE("a plan numbered by decimals: every number a task, quantities and dates none") {
    const auto record = extract_text(
        "某某市防汛抗旱指挥部办公室\n\n某防办〔2022〕3号\n\n某某市2022年防汛工作方案\n\n"
        "1. 总体要求\n\n1.1 工作目标\n\n确保不发生重大险情。\n\n2. 重点任务\n\n2.1 落实责任\n\n"
        "2.1.1 5月底前完成水库安全度汛责任人公示。（市水利局牵头，各区县人民政府负责）\n\n"
        "2.1.2 开展隐患排查，2.5万处隐患6月底前整改到位。（市应急管理局负责）\n\n"
        "2.2 做好应急准备\n\n2.2.1 汛前完成物资储备。（市发展改革委负责）\n\n"
        "3. 保障措施\n\n3.1 加强值守。\n\n7.1—9.30 主汛期24小时值班。\n\n"
        "某某市防汛抗旱指挥部办公室\n\n2022年4月2日\n");
    CHECK(task_paths(record) ==
          std::vector<std::string>{"1", "1.1", "2", "2.1", "2.1.1", "2.1.2", "2.2", "2.2.1", "3", "3.1"});
    REQUIRE(record.tasks.size() == 10);
    CHECK(record.tasks[1].text.find("确保不发生重大险情") != std::string::npos);  // its body runs to the next number
    CHECK(record.tasks[4].number == "2.1.1");
    REQUIRE(record.tasks[4].departments.size() == 2);
    CHECK(record.tasks[4].departments[0].name == "市水利局");
    CHECK(record.tasks[4].departments[0].role == "lead");
    CHECK(record.tasks[5].text.find("2.5万处") != std::string::npos);  // a quantity opens no task
    REQUIRE(record.tasks[4].deadlines.size() == 1);
    CHECK(record.tasks[4].deadlines[0].date == "2022-05-31");
    CHECK(record.tasks[9].text.find("7.1—9.30") != std::string::npos);  // nor does a range of dates
}

TEST_CASE("a 预案's chapters end the task before them; a roster with masked numbers is no task") {
    const auto record = extract_text(
        "某某县地质灾害防治预案\n（2017年修订）\n\n1 总则\n\n1.1 编制目的\n\n保障人民群众生命财产安全。\n\n"
        "1.2 适用范围\n\n本县行政区域内地质灾害的防治。\n\n2 组织指挥体系\n\n2.1 指挥部\n\n"
        "2.2 成员单位职责\n\n县自然资源局负责监测预警。\n\n3 预防和预警\n\n"
        "3.1 汛期前完成隐患排查。\n\n4 附则\n\n4.1 "
        "实施时间\n\n本预案自印发之日起实施。\n\n附件3\n\n各乡镇联系人\n\n1.城关镇 张华 13886xxxx21\n\n"
        "2.官渡镇 李明 13886xxxx22\n");
    CHECK(record.title == "某某县地质灾害防治预案");
    CHECK(task_paths(record) == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2", "3.1", "4.1"});
    REQUIRE(record.tasks.size() == 6);
    // The body of an item that is only a heading, though it reads like the notice's closing.
    CHECK(record.tasks[5].text == "实施时间\n本预案自印发之日起实施。");
    CHECK(record.tasks[1].text == "适用范围\n本县行政区域内地质灾害的防治。");  // 2 组织指挥体系 is not in it
    CHECK(record.tasks[3].text == "成员单位职责\n县自然资源局负责监测预警。");
    REQUIRE(record.tasks[4].deadlines.size() == 1);
    CHECK(record.tasks[4].deadlines[0].text == "汛期前");
}

TEST_CASE("the own 文号 in a web page's document table and again above the text is cited once") {
    const auto record = extract_text(
        "首页 > 政务公开\n\n关于加强危险化学品安全工作的通知\n\n"
        "索引号：FJ001-2013-00046　文号：闽安委〔2013〕5号　发布机构：福建省安全生产委员会\n\n"
        "闽安委〔2013〕5号\n\n各设区市人民政府：\n\n　　现就有关事项通知如下。\n\n　　一、提高认识\n\n"
        "　　1、推进搬迁，落实闽安委〔2012〕3号要求。（省经贸委负责）\n\n福建省安全生产委员会\n\n2013年4月15日\n");
    REQUIRE(record.doc_number.has_value());
    std::vector<std::string> numbers;
    for (const auto& citation : record.citations) {
        numbers.push_back(citation.text);
    }
    CHECK(numbers == std::vector<std::string>{"闽安委〔2013〕5号", "闽安委〔2012〕3号"});
    CHECK(record.citations[0].where.line == 7);  // the line of its own, not the table's
    // With no line of its own, the table's is the one occurrence.
    const auto table_only = extract_text(
        "关于加强危险化学品安全工作的通知\n\n发文字号：闽安委〔2013〕5号\n\n成文日期：2013年04月15日\n\n"
        "各设区市人民政府：\n\n　　一、提高认识\n\n　　1、推进搬迁。（省经贸委负责）\n");
    REQUIRE(table_only.citations.size() == 1);
    CHECK(table_only.citations[0].text == "闽安委〔2013〕5号");
}

TEST_CASE("dropping the document table's own 文号 keeps the citations before it whole") {
    const auto record = extract_text(
        "关于印发《黑龙江省安全生产委员会2020年工作要点》的通知\n\n"
        "索引号：11230000MB1A8925X2/2020-00315    文号：黑安委〔2020〕5号\n\n"
        "黑安委〔2020〕5号\n\n各市（地）人民政府：\n\n　　现将工作要点印发给你们。\n\n　　一、压实责任\n\n"
        "　　1．落实责任制。（省应急管理厅负责）\n\n黑龙江省安全生产委员会\n\n2020年3月20日\n");
    std::vector<std::pair<std::string, std::string>> citations;
    for (const auto& citation : record.citations) {
        citations.emplace_back(citation.kind, citation.text);
    }
    CHECK(citations == std::vector<std::pair<std::string, std::string>>{
                           {"title", "黑龙江省安全生产委员会2020年工作要点"}, {"doc_number", "黑安委〔2020〕5号"}});
}

TEST_CASE("a page's 发布时间 line, breadcrumb and browser title are lines of their own, never the title's") {
    // A 发布时间 line as wide as a wrapped line, before a blank line and the title.
    const auto wide = extract_text(
        "当前位置：首页 > 政务公开 > 政策文件 > 区政府办文件\n"
        "发布时间：2020-06-03 09:41    来源：区政府办公室    字体：[大 中 小]    浏览次数：1286\n\n"
        "宜宾市叙州区人民政府办公室关于印发叙州区安全生产专项整治三年行动实施方案的通知\n\n"
        "各镇人民政府：\n\n　　现将方案印发给你们。\n\n一、工作任务\n\n1.排查隐患。（区应急局负责）\n\n"
        "宜宾市叙州区人民政府办公室\n2020年5月29日\n");
    CHECK(wide.title == "宜宾市叙州区人民政府办公室关于印发叙州区安全生产专项整治三年行动实施方案的通知");
    // A browser's title line (…的通知_栏目_站名), the site's name and a breadcrumb without 首页,
    // above a text hard-wrapped with a blank line after every line.
    const auto browser = extract_text(
        "关于印发《昆明市2025年安全生产治本攻坚三年行动工作要点》的通知_重点领域信息公开_昆明市人民政府\n"
        "昆明市人民政府\n"
        "昆明市人民政府 > 政务公开 > 重点领域信息公开 > 安全生产\n"
        "\n"
        "昆明市安全生产委员会办公室关于印发《昆明市2025年安全生产治本攻坚三年行动工作要点》的通知\n"
        "[ 发布时间：2025-03-07 10:15 ]　[ 来源：昆明市应急管理局 ]　[ 字体：大 中 小 ]　[ 打印 ]\n"
        "分享到：微信　微博　QQ空间\n"
        "\n"
        "昆安办〔2025〕5号\n"
        "\n"
        "\n"
        "各县（市、区）安委会，各开发（度假）区安委会，市安委会各成员单位：\n"
        "\n"
        "现将《昆明市2025年安全生产治本攻坚三年行动工作要点》印发给你们，请结合实际认\n"
        "\n"
        "真抓好落实，并于2025年6月25日前、12月10日前分别将半年和全年工作落实情况报送\n"
        "\n"
        "市安委办。\n"
        "\n"
        "\n"
        "昆明市安全生产委员会办公室\n"
        "\n"
        "2025年3月3日\n"
        "\n"
        "一、压实责任\n"
        "\n"
        "1.落实责任制。（市应急局负责）\n");
    CHECK(browser.title == "昆明市安全生产委员会办公室关于印发《昆明市2025年安全生产治本攻坚三年行动工作要点》的通知");
    // Cited in the title line and in the letter, not in the browser's line.
    CHECK(title_citations(browser) == 2);
    for (const auto& citation : browser.citations) {
        CHECK(citation.where.line > 3);
    }
}

TEST_CASE("a 文号 printed with full-width digits is given as printed, its brackets normalised") {
    const auto record = extract_text(
        "长春市安全生产委员会文件\n\n长安委［２０１９］３号\n\n关于印发2019年工作要点的通知\n\n各县（市、区）安委会：\n"
        "\n"
        "　　按照《吉林省安全生产条例》（吉人常〔２０１７〕１２号）和吉安委〔2019〕6号要求，认真落实。\n\n"
        "一、压实责任\n\n1.落实责任制。（市应急局负责）\n\n长春市安全生产委员会\n\n2019年3月22日\n");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "长安委〔２０１９〕３号");
    CHECK(record.doc_number->year == 2019);
    std::vector<std::string> texts;
    for (const auto& citation : record.citations) {
        texts.push_back(citation.text + (citation.doc_number ? " → " + *citation.doc_number : ""));
    }
    CHECK(texts == std::vector<std::string>{"长安委〔２０１９〕３号", "吉林省安全生产条例 → 吉人常〔２０１７〕１２号",
                                            "吉人常〔２０１７〕１２号", "吉安委〔2019〕6号"});
    // Each digit as wide as printed: a full-width serial after a half-width year.
    const auto mixed = extract_text(
        "关于印发工作要点的通知\n\n吉安委【2017】５号\n\n各市（州）安委会：\n\n一、压实责任\n\n"
        "1.落实责任制。（省应急厅负责）\n\n吉林省安全生产委员会\n\n2017年3月22日\n");
    REQUIRE(mixed.doc_number.has_value());
    CHECK(mixed.doc_number->text == "吉安委〔2017〕５号");
}

TEST_CASE("a form's numbered notes are no tasks; a spaced 联 系 人 line ends the task before it") {
    const auto record = extract_text(
        "关于开展安全生产月活动的通知\n\n各县（市、区）安委会：\n\n一、活动内容\n\n"
        "1.开展宣传咨询日活动。（市应急管理局负责）\n\n2.纳入年度安全生产目标考核。\n\n"
        "联 系 人：刘芳（市应急管理局宣传教育科）\n\n某某市安全生产委员会\n\n2021年5月20日\n\n"
        "附件\n\n安全生产月活动统计表\n\n填表说明：1.本表由各县（市、区）安委办汇总填报；\n"
        "　　　　　2.数据统计时间截至6月30日；\n　　　　　3.请于7月5日前随活动总结一并报送。\n");
    CHECK(task_paths(record) == std::vector<std::string>{"一/1", "一/2"});
    REQUIRE(record.tasks.size() == 2);
    CHECK(record.tasks[1].departments.empty());
    REQUIRE(!record.deadlines.empty());
    CHECK(!record.deadlines.back().task.has_value());
}

TEST_CASE("a document table's fields set side by side with spaces give the 文号 the scraper broke above the text") {
    const auto record = extract_text(
        "首页 > 政务公开 > 政策文件\n索 引 号：11230108/2017-00137　　主题分类：城乡建设\n"
        "发文机关：哈尔滨市呼兰区人民政府办公室　　成文日期：2017年05月10日\n"
        "文　　号：呼政办发〔2017〕37号　　　　　　　　有 效 性：有效\n"
        "哈尔滨市呼兰区人民政府办公室关于印发2017年城乡环境综合整治工作要点的通知\n呼政办发〔201737号\n"
        "各街道办事处：\n一、城区环境整治\n1.开展集中清整行动（区城管执法局负责）。\n");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "呼政办发〔2017〕37号");
    REQUIRE(record.citations.size() == 1);
    CHECK(record.citations[0].text == "呼政办发〔2017〕37号");
    CHECK(record.issued == "2017-05-10");
    // The next field's label cut off by a wrap is not read into the 文号.
    const auto cut = extract_text(
        "文　　号：呼政办发〔2017〕37号　　　　　　　　有 效\n性：有效\n"
        "哈尔滨市呼兰区人民政府办公室关于印发2017年城乡环境综合整治工作要点的通知\n呼政办发〔201737号\n"
        "各街道办事处：\n一、城区环境整治\n1.开展集中清整行动（区城管执法局负责）。\n");
    REQUIRE(cut.doc_number.has_value());
    CHECK(cut.doc_number->text == "呼政办发〔2017〕37号");
}

TEST_CASE("the plan's title after a bare 附件 line is its title") {
    const auto record = extract_text(
        "关于印发《玛纳斯县2020年农村人居环境整治工作实施方案》的通知\n\n各乡镇人民政府：\n\n"
        "现印发给你们，请认真组织实施。\n\n附件：玛纳斯县2020年农村人居环境整治工作实施方案\n\n"
        "玛纳斯县人民政府办公室\n2020年4月8日\n\n附件\n\n玛纳斯县2020年农村人居环境整治工作实施方案\n\n"
        "一、重点任务\n\n1.推进农村生活垃圾治理（县住建局牵头）。\n");
    CHECK(record.plan_title == "玛纳斯县2020年农村人居环境整治工作实施方案");
    CHECK(record.tasks.size() == 1);
    // After a numbered list of attachments, and an 附件1 line.
    const auto listed = extract_text(
        "吉林省应急管理厅关于印发《吉林省2022年“安全生产月”活动方案》的通知\n\n各市（州）应急管理局：\n\n"
        "现印发给你们。\n\n附件：1．吉林省2022年“安全生产月”活动方案\n　　　　　2．活动联络员报名表\n\n"
        "吉林省应急管理厅\n2022年5月20日\n\n附件1\n\n吉林省2022年“安全生产月”活动方案\n\n"
        "一、活动安排\n\n1.开展集中宣传（各市州应急管理局负责）。\n");
    CHECK(listed.plan_title == "吉林省2022年“安全生产月”活动方案");
    // A 分工表 is a plan too.
    const auto table = extract_text(
        "省政府办公厅关于印发江苏省2024年优化营商环境重点任务分工表的通知\n\n各市、县（市、区）人民政府：\n\n"
        "现印发给你们。\n\n附件：江苏省2024年优化营商环境重点任务分工表\n\n江苏省人民政府办公厅\n2024年1月20日\n\n附件"
        "\n\n"
        "江苏省2024年优化营商环境重点任务分工表\n\n一、优化政务服务\n\n1.推进一网通办（省政务办牵头）。\n");
    CHECK(table.plan_title == "江苏省2024年优化营商环境重点任务分工表");
}

TEST_CASE(
    "a page's document table between the title and the notice's head hides neither its 文号 line, recipients nor "
    "plan") {
    const auto record = extract_text(
        "当前位置：首页 > 政务公开 > 通知公告\n\n"
        "广东省安全生产委员会关于印发广东省安全生产委员会2024年工作要点的通知\n\n"
        "发布时间：2024-02-07 10:30:12    来源：本网    浏览次数：3217\n【字体：大 中 小】   打印   分享到：\n\n"
        "索引号：006940060/2024-00089    分类：安全生产\n发布机构：广东省应急管理厅    成文日期：2024-02-05\n"
        "文号：粤安〔2024〕3号\n名称：广东省安全生产委员会关于印发广东省安全生产委员会2024年工作要点的通知\n\n"
        "粤安〔2024〕3号\n\n各地级以上市人民政府，省安委会各成员单位：\n\n　　现将《广东省安全生产委员会2024年工作要点"
        "》"
        "印发给你们，请认真贯彻落实。\n\n广东省安全生产委员会\n2024年2月5日\n\n"
        "广东省安全生产委员会2024年工作要点\n\n一、压实责任\n\n1.落实企业主体责任（省应急管理厅牵头）。\n");
    CHECK(record.plan_title == "广东省安全生产委员会2024年工作要点");
    CHECK(record.recipients == std::vector<std::string>{"各地级以上市人民政府", "省安委会各成员单位"});
    REQUIRE(record.doc_number.has_value());
    CHECK(record.citations[0].where.line == 13);  // its own line, not the table's (10)
}

TEST_CASE(
    "a number given twice by a slip (2． / 2．, （二） / （二）) opens a task or section each time; the second task's "
    "path says #2") {
    const auto record = extract_text(
        "关于做好校园安全工作的通知\n\n各学校：\n\n一、重点任务\n\n（一）安全排查\n\n"
        "1．排查校舍隐患。（县教育局负责）\n\n2．排查食堂隐患。（县市场监管局负责）\n\n"
        "2．排查校园周边消防安全隐患，11月15日前完成整治。（县公安消防大队牵头，各派出所配合）\n\n"
        "（二）督导检查\n\n3．开展督查。（县教育局负责）\n\n（二）严格考核\n\n4．严格考核。（县教育局负责）\n\n"
        "县教育局\n2018年9月3日\n");
    CHECK(task_paths(record) ==
          std::vector<std::string>{"一/(一)/1", "一/(一)/2", "一/(一)/2#2", "一/(二)/3", "一/(二)/4"});
    REQUIRE(record.tasks.size() == 5);
    CHECK(bodies(record.tasks[2]) ==
          std::vector<std::pair<std::string, std::string>>{{"县公安消防大队", "lead"}, {"派出所", "responsible"}});
    REQUIRE(record.tasks[2].deadlines.size() == 1);
    CHECK(record.tasks[2].deadlines[0].task == "一/(一)/2#2");
    REQUIRE(record.sections.size() == 4);
    CHECK(record.sections[3].heading == "严格考核");
}

TEST_CASE("a plan's title may end in the span or year it covers, in brackets") {
    const auto record = extract_text(
        "宁波市应急管理局关于印发《宁波市危险化学品安全专项整治三年行动实施方案（2020—2022年）》的通知\n\n"
        "各区县（市）应急管理局：\n\n现将方案印发给你们。\n\n宁波市应急管理局\n2020年5月8日\n\n"
        "宁波市危险化学品安全专项整治三年行动实施方案（2020—2022年）\n\n一、重点任务\n\n1."
        "开展排查（市应急管理局牵头）。\n");
    CHECK(record.plan_title == "宁波市危险化学品安全专项整治三年行动实施方案（2020—2022年）");
    // Published without its cover letter, the plan's title is the notice's.
    const auto alone = extract_text(
        "某市安全生产工作要点（2024年）\n\n一、重点任务\n\n1.开展排查（市应急管理局牵头）。\n\n"
        "2.强化执法（市应急管理局负责）。\n");
    CHECK(alone.title == "某市安全生产工作要点（2024年）");
}

TEST_CASE("a limit in the month of signing is dated from the date of signing; 下月 and 当月 are limits with no date") {
    const auto record = extract_text(
        "关于印发工作要点的通知\n各科室：\n请各科室于本月底前将工作计划报局办公室，下月10日前报送总结，当月25日前完成自"
        "查。\n"
        "某某市应急管理局\n2021年12月22日\n");
    std::vector<std::pair<std::string, std::optional<std::string>>> found;
    for (const auto& deadline : record.deadlines) {
        found.emplace_back(deadline.text, deadline.date);
    }
    using Found = std::vector<std::pair<std::string, std::optional<std::string>>>;
    CHECK(found == Found{{"本月底前", "2021-12-31"}, {"下月10日前", std::nullopt}, {"当月25日前", std::nullopt}});
    // With no date of signing, none.
    const auto undated = extract_text("关于印发工作要点的通知\n各科室：\n请于本月底前报送。\n");
    REQUIRE(undated.deadlines.size() == 1);
    CHECK_FALSE(undated.deadlines[0].date.has_value());
}

TEST_CASE("a ministry notice with a Chinese-numeral date and 抄送") {
    const auto record = extract_text(
        "应急管理部关于加强汛期安全防范工作的通知\n应急〔2020〕40号\n\n各省、自治区、直辖市应急管理厅（局）：\n\n"
        "为做好汛期安全防范工作，现通知如下：\n\n一、提高认识\n\n1.各地要在主汛期前完成隐患排查。\n\n"
        "2.到2020年底全面完成整改。\n\n应急管理部\n二〇二〇年五月十二日\n\n抄送：国家防总办公室，水利部。\n");
    CHECK(record.title == "应急管理部关于加强汛期安全防范工作的通知");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->issuer_code == "应急");
    CHECK(record.issued == "2020-05-12");
    CHECK(record.issuers == std::vector<std::string>{"应急管理部"});
    CHECK(record.cc == std::vector<std::string>{"国家防总办公室", "水利部"});
    REQUIRE(record.tasks.size() == 2);
    REQUIRE(record.tasks[0].deadlines.size() == 1);
    CHECK(record.tasks[0].deadlines[0].text == "主汛期前");
    REQUIRE(record.tasks[1].deadlines.size() == 1);
    CHECK(record.tasks[1].deadlines[0].text == "2020年底");
    CHECK(record.tasks[1].deadlines[0].date == "2020-12-31");
}

TEST_CASE("a campaign's 专班 or 工作组 signing the plan is its issuer") {
    for (const std::string body : {"遵义市电动自行车安全隐患全链条整治工作专班", "某某县燃气安全专项整治工作组"}) {
        const auto record =
            extract_text("电动自行车安全隐患整治工作方案\n\n一、工作任务\n\n1.开展排查。（市消防救援支队负责）\n\n" +
                         body + "\n2024年5月14日\n");
        CHECK(record.issuers == std::vector<std::string>{body});
        CHECK(record.issued == "2024-05-14");
    }
}

TEST_CASE("a signing body and its date on one line (a two-column layout run together) sign the notice") {
    const auto record = extract_text(
        "关于印发《2022年工贸行业安全生产工作要点》的通知\n\n各区县应急管理局：\n\n现将要点印发给你们。\n\n"
        "常德市应急管理局　　　　　　　　2021年12月28日\n\n2022年工贸行业安全生产工作要点\n\n一、压实责任\n\n"
        "1.推动企业落实全员安全生产责任制。（市应急管理局负责）\n");
    CHECK(record.issuers == std::vector<std::string>{"常德市应急管理局"});
    CHECK(record.issued == "2021-12-28");
    REQUIRE(record.tasks.size() == 1);
    // So they do with the spaces between them lost.
    const auto joined = extract_text(
        "关于开展汛期安全检查的通知\n\n各市州安全监管局：\n\n一、检查\n\n1."
        "开展检查。\n\n甘肃省安全生产监督管理局2013年8月9日\n");
    CHECK(joined.issuers == std::vector<std::string>{"甘肃省安全生产监督管理局"});
    CHECK(joined.issued == "2013-08-09");
}

TEST_CASE("a 文号 run into the 主送 line after it is the notice's own") {
    const auto record = extract_text(
        "湘潭县人民政府办公室关于印发燃气安全专项整治方案的通知\n来源：湘潭县人民政府办公室　发布时间：2023-09-06\n"
        "潭县政办发〔2023〕21号各乡镇人民政府，县直机关各单位：《方案》已经县政府同意，现印发给你们。\n一、任务\n1."
        "开展检查。\n");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "潭县政办发〔2023〕21号");
    // (Not a cited 文号 opening the first sentence.)
    CHECK_FALSE(
        extract_text("关于开展安全检查的通知\n国办发〔2023〕12号文件要求：各地开展检查。\n一、任务\n1.开展检查。\n")
            .doc_number.has_value());
}

TEST_CASE("a gazette's reprint dates the notice by the bracketed date under its title or 文号") {
    const auto record = extract_text(
        "三亚市人民政府公报　2021年第5期\n三亚市人民政府办公室关于印发三亚市汛期安全工作方案的通知\n"
        "三府办〔2021〕56号\n（2021年5月10日）\n各区人民政府：\n现将方案印发给你们。\n一、任务\n1.开展检查。\n");
    CHECK(record.issued == "2021-05-10");
    // (Not a bracketed date further down: a phase's dates.)
    CHECK_FALSE(extract_text("关于开展检查的通知\n各区人民政府：\n现将方案印发给你们。\n一、任务\n（2021年5月10日）\n")
                    .issued.has_value());
}

TEST_CASE("one year's plan signed the December before dates its months in its own year; a holiday notice not") {
    const std::string body =
        "\n\n各区县应急管理局：\n\n现印发给你们。\n\n常德市应急管理局\n2021年12月28日\n\n"
        "一、压实责任\n\n1.12月底前完成除尘系统改造，今年6月底前完成评估。（市应急管理局负责）\n";
    const auto plan = extract_text("关于印发《2022年全市工贸行业安全生产工作要点》的通知" + body);
    REQUIRE(plan.deadlines.size() == 2);
    CHECK(plan.deadlines[0].date == "2022-12-31");
    CHECK(plan.deadlines[1].date == "2022-06-30");
    const auto holiday = extract_text("关于做好2022年元旦春节期间安全防范工作的通知" + body);
    REQUIRE(holiday.deadlines.size() == 2);
    CHECK(holiday.deadlines[0].date == "2021-12-31");
}

TEST_CASE("a line naming the leader in charge (分管领导：) is no wrap of the long labelled line before it") {
    const auto record = extract_text(
        "2020年重点工作任务分工\n\n一、安全生产\n\n1.推进安全生产专项整治三年行动\n牵头处室：安全生产基础处\n"
        "配合处室：危险化学品安全监督管理处、非煤矿山安全监督管理处、工贸行业安全监督管理处\n分管领导：刘宏伟\n"
        "2.开展执法检查。（执法总队负责）\n");
    REQUIRE(record.tasks.size() == 2);
    REQUIRE(record.tasks[0].departments.size() == 4);
    CHECK(record.tasks[0].departments[3].name == "工贸行业安全监督管理处");
    CHECK(record.tasks[0].text.ends_with("工贸行业安全监督管理处\n分管领导：刘宏伟"));
}

TEST_CASE("a document table's row of cells each holding a label and its value gives the 文号 in any cell") {
    const auto record = extract_text(
        "索引号：001\t发文字号：杭安办〔2024〕9号\t发布日期：2024-04-29\n\n关于开展2024年安全生产月活动的通知\n\n"
        "各区县安委办：\n\n一、活动内容\n1.开展宣传。（市安委办负责）\n");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "杭安办〔2024〕9号");
    CHECK(std::count_if(record.citations.begin(), record.citations.end(),
                        [](const auto& c) { return c.text == "杭安办〔2024〕9号"; }) == 1);
}

TEST_CASE("a document table's title row below the title does not cite its 《》 again") {
    const auto record = extract_text(
        "三明市应急管理局 — 政务公开 — 通知公告\n"
        "\n"
        "三明市应急管理局 三明市自然资源局关于印发《三明市2024年非煤矿山安全专项整治工作方案》的通知\n"
        "\n"
        "发布时间：2024-04-12 15:20　　信息来源：三明市应急管理局　　【字体：大 中 小】　　【打印】\n"
        "\n"
        "┌─────────────────────────────────────┐\n"
        "│索 引 号：MB1A54327-0400-2024-00039    │所属机构：三明市应急管理局│\n"
        "│文　　号：明应急〔2024〕17号           │发布日期：2024-04-12      │\n"
        "│标　　题：三明市应急管理局 三明市自然资源局关于印发《三明市2024年非煤矿山安全专项整治工作方案》的通知│\n"
        "└─────────────────────────────────────┘\n"
        "\n"
        "明应急〔2024〕17号\n"
        "\n"
        "各县（市、区）应急管理局、自然资源局，三明高新区经济发展局，各有关企业：\n"
        "\n"
        "　　为深入贯彻落实《国务院安委会关于印发〈安全生产治本攻坚三年行动方案（2024—2026年）〉的通知》（安委〔2024〕2"
        "号）和《福建省非煤矿山安全专项整治工作方案》要求，市应急管理局、市自然资源局联合制定了《三明市2024年非煤矿山安"
        "全专项整治工作方案》，现印发给你们，请认真贯彻执行。\n"
        "\n"
        "三明市应急管理局　　　　　三明市自然资源局\n"
        "2024年4月10日\n"
        "\n"
        "\n"
        "一、工作任务\n"
        "\n"
        "1.开展排查。（市应急管理局负责）\n");
    // The title line's, and the cover letter's three; not the table's.
    CHECK(std::count_if(record.citations.begin(), record.citations.end(),
                        [](const auto& c) { return c.kind == "title"; }) == 4);
    REQUIRE(record.tasks.size() == 1);
}

TEST_CASE("a site's document table drawn in box characters is read as its fields, not as the title's first lines") {
    const auto record = extract_text(
        "┌────┬────────┐\n│索引号：\t│11230200011500427X/2020-00078\t│\n│文　　号：\t│齐政办发〔2020〕15号\t│\n"
        "│名　　称：\t│齐齐哈尔市人民政府办公室关于印发安全生产专项整治三年行动实施方案的通知\t│\n"
        "└────┴────────┘\n\n齐齐哈尔市人民政府办公室关于印发安全生产专项整治三年行动实施方案的通知\n\n"
        "各县（市）区人民政府：\n\n一、工作任务\n\n1.开展排查。（市应急管理局负责）\n");
    CHECK(record.title == "齐齐哈尔市人民政府办公室关于印发安全生产专项整治三年行动实施方案的通知");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "齐政办发〔2020〕15号");
    REQUIRE(record.tasks.size() == 1);
}

TEST_CASE("a signing body and its date parted by one space sign; with no date known the 文号's year dates limits") {
    const auto record = extract_text(
        "关于印发城镇燃气安全专项整治工作方案的通知\n叙府办发〔2023〕12号\n\n各乡镇人民政府：\n\n一、重点任务\n"
        "1.年底前完成排查。（区住建局负责）\n\n宜宾市叙州区人民政府办公室 2023年6月2日\n");
    CHECK(record.issued == "2023-06-02");
    CHECK(record.issuers == std::vector<std::string>{"宜宾市叙州区人民政府办公室"});
    const auto undated = extract_text(
        "关于印发城镇燃气安全专项整治工作方案的通知\n叙府办发〔2023〕12号\n\n"
        "各乡镇人民政府：\n\n一、重点任务\n1.年底前完成排查。（区住建局负责）\n");
    CHECK_FALSE(undated.issued);
    REQUIRE(undated.deadlines.size() == 1);
    CHECK(undated.deadlines[0].date == "2023-12-31");
}

TEST_CASE("a 抄送 list wrapped onto the next line goes on to its 。, the 印发 line after it not") {
    const auto record = extract_text(
        "关于做好防汛工作的通知\n\n各市人民政府：\n\n一、加强领导\n\n1.做好准备工作。（省水利厅负责）\n\n"
        "河南省防汛抗旱指挥部\n2017年4月28日\n\n抄送：国家防汛抗旱总指挥部办公室，水利部黄河、淮河、长江、海\n"
        "　　　河水利委员会。\n河南省防汛抗旱指挥部办公室　　2017年4月28日印发\n");
    CHECK(record.cc ==
          std::vector<std::string>{"国家防汛抗旱总指挥部办公室", "水利部黄河、淮河、长江、海河水利委员会"});
    CHECK(record.issued == "2017-04-28");
    // Unfinished and followed by the 印发 line: the list ends where it is.
    const auto unfinished = extract_text(
        "关于做好防汛工作的通知\n\n各市人民政府：\n\n一、加强领导\n\n1.做好准备工作。（省水利厅负责）\n\n"
        "河南省防汛抗旱指挥部\n2017年4月28日\n\n抄送：国家防汛抗旱总指挥部办公室，省水利厅\n"
        "河南省防汛抗旱指挥部办公室　　2017年4月28日印发\n");
    CHECK(unfinished.cc == std::vector<std::string>{"国家防汛抗旱总指挥部办公室", "省水利厅"});
}

TEST_CASE(
    "a task list's item with its labels before the detail: each label is its own line, read, and the detail "
    "stays the item's") {
    const auto record = extract_text(
        "株洲市2019年安全生产重点工作任务清单\n\n一、强化安全生产责任落实\n\n"
        "1.落实党政领导干部安全生产责任制\n牵头单位：市委办、市政府办\n配合单位：市委组织部、市应急管理局\n"
        "完成时限：2019年12月底前\n　　贯彻落实《地方党政领导干部安全生产责任制规定》，开展专项考核。\n\n"
        "2.安全生产宣传教育\n牵头单位：市委宣传部\n配合单位：市教育局、市总工会\n完成时限：长期坚持\n"
        "　　组织开展“安全生产月”活动，8月底前完成总结。\n\n株洲市安全生产委员会\n2019年3月8日\n");
    REQUIRE(record.tasks.size() == 2);
    CHECK(bodies(record.tasks[0]) == std::vector<std::pair<std::string, std::string>>{{"市委办", "lead"},
                                                                                      {"市政府办", "lead"},
                                                                                      {"市委组织部", "responsible"},
                                                                                      {"市应急管理局", "responsible"}});
    CHECK(bodies(record.tasks[1]) == std::vector<std::pair<std::string, std::string>>{{"市委宣传部", "lead"},
                                                                                      {"市教育局", "responsible"},
                                                                                      {"市总工会", "responsible"}});
    // The last item keeps its detail, and the limit in it.
    CHECK(record.tasks[1].text.find("组织开展") != std::string::npos);
    REQUIRE(record.tasks[1].deadlines.size() == 1);
    CHECK(record.tasks[1].deadlines[0].text == "8月底前");
    CHECK(record.issuers == std::vector<std::string>{"株洲市安全生产委员会"});
}

TEST_CASE("a labelled list the wrap set under its value goes on; a working group's 成员单位 count beside its lead") {
    const auto wrapped = extract_text(
        "关于印发安全生产工作要点的通知\n\n一、重点任务\n\n"
        "　　1.完善考核机制。\n　　牵头单位：市安委会办公室\n　　责任单位：市委组织部、市绩效办及\n"
        "　　　　　　　各县市区人民政府\n　　完成时限：持续推进\n");
    REQUIRE(wrapped.tasks.size() == 1);
    CHECK(bodies(wrapped.tasks[0]) ==
          std::vector<std::pair<std::string, std::string>>{{"市安委会办公室", "lead"},
                                                           {"市委组织部", "responsible"},
                                                           {"市绩效办", "responsible"},
                                                           {"县市区人民政府", "responsible"}});
    const auto groups = extract_text(
        "关于成立专项整治工作专班的通知\n\n一、工作专班\n\n1．综合协调组\n组　长：孙立军　市应急管理局局长\n"
        "牵头单位：市应急管理局\n成员单位：市委组织部、市委宣传部\n\n2．应急指挥部\n总指挥：分管副市长\n"
        "成员单位：市公安局、市财政局\n");
    REQUIRE(groups.tasks.size() == 2);
    CHECK(bodies(groups.tasks[0]) == std::vector<std::pair<std::string, std::string>>{{"市应急管理局", "lead"},
                                                                                      {"市委组织部", "responsible"},
                                                                                      {"市委宣传部", "responsible"}});
    CHECK(groups.tasks[1].departments.empty());
}

TEST_CASE(
    "an attachment's table after the signature is the notice's: its rows' titles and 文号 are cited; the "
    "版记's 公开方式 and 主题词 lines are not") {
    const auto record = extract_text(
        "关于开展重大事故隐患专项排查整治的通知\n\n各市（州）安委会：\n\n一、工作任务\n\n"
        "1.全面开展排查。（省应急管理厅牵头，各有关部门分工负责）\n\n附件：重点行业领域重大事故隐患判定标准目录\n\n"
        "四川省安全生产委员会办公室\n2024年3月28日\n\n附件1\n\n重点行业领域重大事故隐患判定标准目录\n\n"
        "序号　行业领域　标准名称　文号\n1　金属非金属矿山　《金属非金属矿山重大事故隐患判定标准》　矿安〔2022〕88号\n"
        "2　城镇燃气　《城镇燃气经营安全重大隐患判定标准》　建城规〔2023〕4号\n\n公开方式：主动公开\n"
        "主题词：安全生产　隐患　通知\n");
    std::vector<std::string> cited;
    for (const auto& citation : record.citations) {
        cited.push_back(citation.text);
    }
    for (const std::string expected : {"金属非金属矿山重大事故隐患判定标准", "矿安〔2022〕88号",
                                       "城镇燃气经营安全重大隐患判定标准", "建城规〔2023〕4号"}) {
        CAPTURE(expected);
        CHECK(std::find(cited.begin(), cited.end(), expected) != cited.end());
    }
    CHECK(std::none_of(cited.begin(), cited.end(),
                       [](const std::string& c) { return c.find("主题词") != std::string::npos; }));
    CHECK(record.plan_title != "主题词：安全生产　隐患　通知");
}

TEST_CASE(
    "a list of documents is no task: numbered titles alone, and the entries of an attachment of 依据文件; "
    "附表1 opens an attachment as 附件1 does") {
    const auto record = extract_text(
        "关于开展专项行动的通知\n\n一、工作任务\n\n1.全面开展排查。（市应急管理局负责）\n\n"
        "2.加强执法检查，2025年底前完成轮训。\n\n附表1\n\n全市重大事故隐患判定标准目录\n\n"
        "序号　行业领域　标准名称\n1　煤矿　《煤矿重大事故隐患判定标准》\n\n某某市应急管理局\n2025年3月1日\n\n"
        "附件2\n\n专项行动依据文件\n\n1.《中华人民共和国安全生产法》\n"
        "2.《工贸企业重大事故隐患判定标准》（应急管理部令第10号）\n\n附件3\n\n相关法规标准清单\n\n"
        "1.《中华人民共和国消防法》（2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议修正）\n"
        "2.《危险化学品安全管理条例》（国务院令第591号）\n");
    REQUIRE(record.tasks.size() == 2);
    CHECK(record.tasks[1].text.find("附表") == std::string::npos);
    CHECK(record.tasks[1].text.find("判定标准") == std::string::npos);
}

TEST_CASE("a page's headline naming the issuer shorter than the head is chrome: the title is the head's line") {
    const auto record = extract_text(
        "青秀区安委办关于印发青秀区2021年安全生产工作要点的通知\n发布时间：2021-03-16 10:25    来源：青秀区应急管理局\n"
        "【字体：大 中 小】 【打印本页】 "
        "【关闭窗口】\n\n南宁市青秀区安委办关于印发青秀区2021年安全生产工作要点的通知\n\n"
        "青安办〔2021〕4号\n\n各镇人民政府：\n\n一、重点任务\n\n1.压实安全责任。（区应急管理局负责）\n\n"
        "南宁市青秀区安全生产委员会办公室\n2021年3月15日\n");
    CHECK(record.title == "南宁市青秀区安委办关于印发青秀区2021年安全生产工作要点的通知");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "青安办〔2021〕4号");
}

TEST_CASE("a page's headline worded otherwise than the head, its page lines after it, is chrome") {
    const auto record = extract_text(
        "清远市安委会关于贯彻落实市安委会全体会议精神的通知\n2021-04-02 17:08:36　来源：清远市应急管理局\n分享到：\n\n"
        "索引号：\t007218536/2021-00087\t分类：\t安全生产\n文号：\t清安委〔2021〕5号\t发布日期：\t2021-04-02\n\n"
        "清远市安全生产委员会关于认真贯彻落实市安委会2021年第一次全体会议精神的通知\n\n清安委〔2021〕5号\n\n"
        "各县（市、区）人民政府：\n\n一、工作任务\n\n1."
        "压实责任。（市应急管理局负责）\n\n清远市安全生产委员会\n2021年3月30日\n");
    CHECK(record.title == "清远市安全生产委员会关于认真贯彻落实市安委会2021年第一次全体会议精神的通知");
}

TEST_CASE("a heading's parenthesis naming who carries its part out is not the heading's") {
    const auto record = extract_text(
        "关于开展高层建筑消防安全整治的通知\n\n一、整治任务\n\n（一）开展全面排查（各消防大队负责）\n\n"
        "1.全面排查高层建筑消防设施。\n\n（二）集中整改隐患（2023年6月底前）\n\n2.督促整改。\n");
    REQUIRE(record.sections.size() == 3);
    CHECK(record.sections[1].heading == "开展全面排查");
    CHECK(record.sections[2].heading == "集中整改隐患（2023年6月底前）");
}

TEST_CASE("a title's years in brackets on a line of their own go on the title") {
    const auto letter = extract_text(
        "温州市瓯海区人民政府办公室关于印发\n瓯海区安全生产治本攻坚三年行动实施方案\n（2024—2026年）的通知\n\n"
        "各镇人民政府：\n\n现将方案印发给你们，请认真贯彻执行。\n\n温州市瓯海区人民政府办公室\n2024年5月6日\n\n"
        "瓯海区安全生产治本攻坚三年行动实施方案\n（2024—2026年）\n\n一、工作任务\n\n1."
        "压实责任。（区应急管理局负责）\n");
    CHECK(letter.title ==
          "温州市瓯海区人民政府办公室关于印发瓯海区安全生产治本攻坚三年行动实施方案（2024—2026年）的通知");
    CHECK(letter.plan_title == "瓯海区安全生产治本攻坚三年行动实施方案（2024—2026年）");
    const auto plan = extract_text(
        "婺源县城镇燃气安全专项整治工作方案\n（2023—2024年）\n\n为深入贯彻落实…，制定本方案。\n\n"
        "一、工作任务\n\n1.开展排查。（县住建局负责）\n");
    CHECK(plan.title == "婺源县城镇燃气安全专项整治工作方案（2023—2024年）");
}

TEST_CASE("a rectification's labelled lines (责任单位：… / 整改时限：…) are read each on its own") {
    const auto record = extract_text(
        "关于印发巡察反馈问题整改方案的通知\n\n各乡镇：\n\n一、整改任务\n\n1.健全隐患排查治理机制，完善整改台账。\n"
        "　　责任单位：县住房和城乡建设局（牵头），县自然资源局、县城市管理和综合执法局，各乡镇人民政府\n\n"
        "　　整改时限：2025年6月底前\n\n2.加强督查。\n　　责任单位：县应急管理局\n　　整改时限：立行立改并长期坚持\n");
    REQUIRE(record.tasks.size() == 2);
    CHECK(bodies(record.tasks[0]) ==
          std::vector<std::pair<std::string, std::string>>{{"县住房和城乡建设局", "lead"},
                                                           {"县自然资源局", "responsible"},
                                                           {"县城市管理和综合执法局", "responsible"},
                                                           {"乡镇人民政府", "responsible"}});
    REQUIRE(record.tasks[0].deadlines.size() == 1);
    CHECK(record.tasks[0].deadlines[0].date == "2025-06-30");
}

TEST_CASE(
    "the last task's labelled lines end it: a closing request or an office's contact line after them is not its") {
    for (const std::string closing : {"请各地认真抓好落实。", "宜昌市安委会办公室联系人：张某某，0717-6221234。"}) {
        CAPTURE(closing);
        const auto record = extract_text(
            "关于印发2025年安全生产工作要点的通知\n\n各县市区人民政府：\n\n一、重点任务\n\n"
            "1.压实安全责任。\n责任单位：市应急管理局\n完成时限：2025年6月底前\n\n"
            "2.提升基层应急能力，2025年底前实现达标率90%以上。\n责任单位：各县市区人民政府、市应急管理局\n"
            "完成时限：2025年12月底前\n\n" +
            closing + "\n\n宜昌市安全生产委员会\n2025年3月1日\n");
        REQUIRE(record.tasks.size() == 2);
        CHECK(bodies(record.tasks[1]) == std::vector<std::pair<std::string, std::string>>{
                                             {"县市区人民政府", "responsible"}, {"市应急管理局", "responsible"}});
        CHECK(record.tasks[1].text.find(closing.substr(0, 6)) == std::string::npos);
    }
}

TEST_CASE("attachments marked 附件1：title on the title's line number their tasks afresh under their labels") {
    const auto record = extract_text(
        "关于印发方案的通知\n\n各市：\n\n现印发给你们。\n\n附件：1.甲方案\n2."
        "乙清单\n\n某省住房和城乡建设厅\n2024年3月1日\n\n"
        "附件1：全省城镇燃气安全专项整治巩固提升工作方案\n\n一、任务\n\n1.排查隐患（省住建厅负责）。\n\n"
        "2.整治隐患（省住建厅负责）。\n\n附件2：2024年城镇燃气安全重点工作清单\n\n一、任务\n\n1."
        "甲（省住建厅负责）。\n\n"
        "2.乙（省住建厅负责）。\n");
    CHECK(task_paths(record) == std::vector<std::string>{"附件1/一/1", "附件1/一/2", "附件2/一/1", "附件2/一/2"});
    // The first attachment's title after its mark is the plan's (the cover letter's list is not).
    CHECK(record.plan_title == "全省城镇燃气安全专项整治巩固提升工作方案");
}

TEST_CASE("a notice with no structure gives a record with few fields, not an error") {
    const auto record = extract_text("这是一段没有结构的文字。\n");
    CHECK(record.tasks.empty());
    CHECK(record.sections.empty());
    CHECK_FALSE(record.doc_number.has_value());
}

TEST_CASE("item offsets point at the task in the input file") {
    const std::string text = "一、总体要求\n\n1．加强领导。（省应急厅负责）\n";
    const auto record = extract_text(text);
    REQUIRE(record.tasks.size() == 1);
    CHECK(record.tasks[0].text == "加强领导。（省应急厅负责）");
    CHECK(text.substr(record.tasks[0].where.begin, 4) == "1．");
    CHECK(record.tasks[0].where.end == text.size() - 1);
    CHECK(record.tasks[0].where.line == 3);
}

TEST_CASE("a title the page repeats above the text is read there, not in the document table") {
    const auto record = extract_text(
        "索 引 号：11370000004609207A/2021-00187\n发文字号：鲁政办字〔2021〕38号\n成文日期：2021-06-25\n"
        "标　　题：山东省人民政府办公厅关于印发城镇燃气安全专项整治实施方案的通知\n"
        "【字体：大 中 小】  【打印】  【关闭】  分享到：\n\n山东省人民政府办公厅\n"
        "关于印发城镇燃气安全专项整治实施方案的通知\n\n鲁政办字〔2021〕38号\n\n各市人民政府，省政府各部门：\n"
        "现印发给你们，请认真贯彻执行。\n\n山东省人民政府办公厅\n2021年6月25日\n\n城镇燃气安全专项整治实施方案\n\n"
        "一、整治内容\n1.排查燃气经营企业。\n");
    CHECK(record.title == "关于印发城镇燃气安全专项整治实施方案的通知");
    CHECK(record.plan_title == "城镇燃气安全专项整治实施方案");
    CHECK(record.recipients == std::vector<std::string>{"各市人民政府", "省政府各部门"});
    CHECK(record.issuers == std::vector<std::string>{"山东省人民政府办公厅"});
    REQUIRE(record.tasks.size() == 1);
    // The own 文号 in the table and above the text: cited once, above the text.
    REQUIRE(record.citations.size() == 1);
    CHECK(record.citations[0].where.line == 10);
}

TEST_CASE("a page's headline that says the title above the notice's own head cites nothing") {
    const auto record = extract_text(
        "信阳市农业农村局\n首页 > 政务公开 > 通知公告\n关于印发《信阳市2022年推进乡村振兴重点工作实施方案》的通知\n"
        "发布时间：2022-04-08 09:30　　来源：市农业农村局\n【字体：大 中 小】\n\n信阳市农业农村局\n"
        "关于印发《信阳市2022年推进乡村振兴重点工作实施方案》的通知\n\n信农〔2022〕18号\n\n各县区农业农村局：\n\n"
        "现将《信阳市2022年推进乡村振兴重点工作实施方案》印发给你们。\n\n一、重点任务\n\n"
        "1.稳定粮食生产（市农业农村局牵头）。\n\n信阳市农业农村局\n2022年4月8日\n");
    CHECK(record.title == "关于印发《信阳市2022年推进乡村振兴重点工作实施方案》的通知");
    CHECK(record.issuers == std::vector<std::string>{"信阳市农业农村局"});
    for (const auto& citation : record.citations) {
        CHECK(citation.where.line != 3);
    }
    CHECK(title_citations(record) == 2);
    // The headline opening with the issuer, and the own 文号 set above the notice's title.
    const auto red_head = extract_text(
        "首页 > 政务公开\n云溪县安全生产委员会关于印发《云溪县2024年安全生产工作要点》的通知\n"
        "发布时间：2024-03-04 09:30:12  来源：县应急管理局\n\n云溪县安全生产委员会文件\n\n云安委〔2024〕2号\n\n"
        "云溪县安全生产委员会\n关于印发《云溪县2024年安全生产工作要点》的通知\n\n各乡（镇）人民政府：\n\n"
        "现将《云溪县2024年安全生产工作要点》印发给你们。\n\n一、重点任务\n\n1.压实责任（县应急管理局牵头）。\n\n"
        "云溪县安全生产委员会\n2024年3月1日\n");
    CHECK(red_head.title == "关于印发《云溪县2024年安全生产工作要点》的通知");
    CHECK(red_head.doc_number->text == "云安委〔2024〕2号");
    CHECK(title_citations(red_head) == 2);
    // An article's headline with its tag, then its byline and an image's place before the head.
    const auto article = extract_text(
        "点击上方“淄博应急”可以订阅哦！\n\n【通知】关于开展有限空间作业安全专项治理的通知\n\n"
        "淄博应急 淄博应急 2019-05-10\n\n[图片]\n\n来源：淄博市应急管理局\n\n淄博市应急管理局\n"
        "关于开展有限空间作业安全专项治理的通知\n\n淄应急字〔2019〕36号\n\n各区县应急管理局：\n\n"
        "现将有关事项通知如下：\n\n一、治理范围\n\n1.全市工贸企业（区县应急管理局负责）。\n\n淄博市应急管理局\n"
        "2019年5月9日\n");
    CHECK(article.title == "关于开展有限空间作业安全专项治理的通知");
    REQUIRE(article.doc_number.has_value());
    CHECK(article.doc_number->text == "淄应急字〔2019〕36号");
}

TEST_CASE("a government site's document table gives the 文号, date and issuer") {
    const auto record = extract_text(
        "首页 > 政府信息公开 > 政策文件\n索 引 号：000014349/2019-00033\n发文机关：国务院办公厅\n"
        "成文日期：2019年03月11日\n标　　题：国务院办公厅关于做好2019年安全生产工作的通知\n"
        "发文字号：国办发〔2019〕11号\n发布日期：2019年03月18日\n\n"
        "国务院办公厅关于做好2019年安全生产工作的通知\n\n各省、自治区、直辖市人民政府：\n\n一、压实责任\n\n"
        "1.各地要于2019年6月底前完成排查。\n\n【打印】【关闭】\n");
    CHECK(record.title == "国务院办公厅关于做好2019年安全生产工作的通知");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "国办发〔2019〕11号");
    CHECK(record.issued == "2019-03-11");
    CHECK(record.issuers == std::vector<std::string>{"国务院办公厅"});
    REQUIRE(record.tasks.size() == 1);
    CHECK(record.tasks[0].text == "各地要于2019年6月底前完成排查。");
    // The 文号 only in the table is the notice's own, cited there once.
    REQUIRE(record.citations.size() == 1);
    CHECK(record.citations[0].text == "国办发〔2019〕11号");
    CHECK(record.citations[0].where.line == 6);
}

TEST_CASE("a 文号 in brackets under the title is the notice's own") {
    const auto record = extract_text(
        "吉林省人民政府办公厅关于加强安全生产工作的通知\n（吉政办发〔2019〕12号）\n\n一、总体要求\n\n1.抓好落实。\n");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "吉政办发〔2019〕12号");
}

TEST_CASE("a task that ends in labelled lines takes its departments from them") {
    const auto record = extract_text(
        "长春市人民政府办公厅关于印发2021年安全生产重点工作任务分工方案的通知\n\n一、压实安全生产责任\n"
        "1.开展企业安全生产标准化建设。\n责任单位：市应急局、市工信局\n完成时限：2021年12月底前\n"
        "2.落实党政领导干部安全生产责任制。\n牵头单位：市安委办\n配合单位：市委组织部，市纪委监委\n"
        "3.加强执法检查。（责任单位：市应急局；完成时限：2021年6月30日前）\n");
    REQUIRE(record.tasks.size() == 3);
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    CHECK(bodies(record.tasks[0]) == Bodies{{"市应急局", "responsible"}, {"市工信局", "responsible"}});
    CHECK(bodies(record.tasks[1]) ==
          Bodies{{"市安委办", "lead"}, {"市委组织部", "responsible"}, {"市纪委监委", "responsible"}});
    CHECK(bodies(record.tasks[2]) == Bodies{{"市应急局", "responsible"}});
    REQUIRE(record.tasks[0].deadlines.size() == 1);
    CHECK(record.tasks[0].deadlines[0].date == "2021-12-31");
}

TEST_CASE("sub-items that end in parentheses of their own name the task's bodies") {
    const auto record = extract_text(
        "一、重点任务\n1.加强道路运输安全管理。\n（1）开展客运企业检查。（省交通运输厅负责）\n"
        "（2）整治酒驾醉驾。（省公安厅负责）\n（3）推进动态监控。（省交通运输厅负责）\n2.开展排查（省应急厅负责）。\n"
        "3."
        "整治校车。\n（1）排查隐患。（区交委牵头，区公安分局配合）\n（2）督促整改。（区交委、区教委按职责分工负责）\n"
        "（3）开展宣传。（区教委牵头）\n");
    REQUIRE(record.tasks.size() == 3);
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    CHECK(bodies(record.tasks[0]) == Bodies{{"省交通运输厅", "responsible"}, {"省公安厅", "responsible"}});
    CHECK(bodies(record.tasks[1]) == Bodies{{"省应急厅", "responsible"}});
    // One entry each body, lead where it leads any sub-item.
    CHECK(bodies(record.tasks[2]) == Bodies{{"区交委", "lead"}, {"区公安分局", "responsible"}, {"区教委", "lead"}});
}

TEST_CASE("labelled lines after the notice's last task are its own, not the page's") {
    const auto record = extract_text(
        "某市安全生产重点工作任务分工\n\n一、压实安全生产责任\n1.开展安全生产标准化建设。\n责任单位：市应急局\n"
        "完成时限：2023年6月底前\n2.强化道路交通安全管理。\n牵头单位：市公安局\n配合单位：市交通运输局\n"
        "完成时限：长期坚持\n");
    REQUIRE(record.tasks.size() == 2);
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    // Labels in lenticular brackets, on lines of their own or one after another on the item's.
    const auto lenticular = extract_text(
        "一、重点任务\n1.深入学习宣传。\n【牵头单位】市委宣传部、市应急局\n【责任单位】各县（市）区政府\n"
        "【完成时限】2020年12月31日前\n2.开展排查。【牵头单位】市应急局【配合单位】市公安局\n【打印】【关闭】\n");
    REQUIRE(lenticular.tasks.size() == 2);
    CHECK(bodies(lenticular.tasks[0]) ==
          Bodies{{"市委宣传部", "lead"}, {"市应急局", "lead"}, {"县（市）区政府", "responsible"}});
    REQUIRE(lenticular.tasks[0].deadlines.size() == 1);
    CHECK(lenticular.tasks[0].deadlines[0].date == "2020-12-31");
    CHECK(bodies(lenticular.tasks[1]) == Bodies{{"市应急局", "lead"}, {"市公安局", "responsible"}});
    const auto suffixed = extract_text(
        "一、重点任务\n1.开展森林防火检查。\n责任单位：市林业局、市文化广电旅游体育局、市应急管理局按职责分工负责\n");
    REQUIRE(suffixed.tasks.size() == 1);
    CHECK(suffixed.tasks[0].departments.size() == 3);  // the role words after the last body are not its name
    CHECK(record.tasks[1].text ==
          "强化道路交通安全管理。\n牵头单位：市公安局\n配合单位：市交通运输局\n完成时限：长期坚持");
    CHECK(bodies(record.tasks[1]) == Bodies{{"市公安局", "lead"}, {"市交通运输局", "responsible"}});
}

TEST_CASE("a plan over a span of years dates its undated limits in the year it was signed") {
    const std::string body = "\n\n各市（州）人民政府：\n现印发给你们。\n\n四川省人民政府办公厅\n";
    const std::string tasks = "\n\n一、任务\n1.9月30日前完成排查。\n2.年底前完成整改。\n";
    const std::string title = "四川省人民政府办公厅关于印发安全生产专项整治实施方案（2023—2025年）的通知";
    CHECK(deadline_dates(extract_text(title + body + "2023年3月15日" + tasks)) ==
          std::vector<std::string>{"2023-09-30", "2023-12-31"});
    // Signed before the span begins: its first year.
    CHECK(deadline_dates(extract_text(title + body + "2022年12月20日" + tasks)) ==
          std::vector<std::string>{"2023-09-30", "2023-12-31"});
}

TEST_CASE("a title's year before the year of signing is the year looked back on, not the notice's") {
    const std::string body =
        "\n\n各市州人民政府：\n现印发给你们。\n\n湖南省安全生产委员会\n2019年4月26日\n\n一、整改措施\n"
        "1.年底前完成搬迁改造。\n";
    CHECK(deadline_dates(extract_text("关于印发2018年度安全生产考核巡查反馈问题整改方案的通知" + body)) ==
          std::vector<std::string>{"2019-12-31"});
    // A plan for the coming year, signed in December, keeps its title's year.
    const auto coming = extract_text(
        "关于印发2020年安全生产工作要点的通知\n\n各市州人民政府：\n现印发给你们。\n\n湖南省安全生产委员会\n"
        "2019年12月26日\n\n一、重点工作\n1.年底前完成搬迁改造。\n");
    REQUIRE(coming.deadlines.size() == 1);
    CHECK(coming.deadlines[0].date == "2020-12-31");
}

TEST_CASE("a signature in the short form of the head's issuer names no second issuer") {
    const auto record = extract_text(
        "国务院安全生产委员会办公室\n关于开展燃气安全排查整治的通知\n各省级安委会：\n一、排查整治\n"
        "1.全面排查城镇燃气隐患。\n\n国务院安委会办公室\n2022年4月6日\n");
    CHECK(record.issuers == std::vector<std::string>{"国务院安全生产委员会办公室"});
    // Two bodies that only share their ends are two issuers.
    const auto joint = extract_text(
        "关于开展燃气安全排查整治的通知\n各有关单位：\n一、排查整治\n1.全面排查城镇燃气隐患。\n\n"
        "吉林省应急管理厅    吉林省住房和城乡建设厅\n2022年4月6日\n");
    CHECK(joint.issuers == std::vector<std::string>{"吉林省应急管理厅", "吉林省住房和城乡建设厅"});
    // The short form may leave out the country's name opening the full one.
    const auto country = extract_text(
        "中国民用航空华东地区管理局\n关于开展机场安全隐患排查的通知\n各监管局：\n一、排查整治\n"
        "1.全面排查机场安全隐患。\n\n民航华东地区管理局\n2024年4月6日\n");
    CHECK(country.issuers == std::vector<std::string>{"中国民用航空华东地区管理局"});
    // So may the places opening it (the county a township is in).
    const auto township = extract_text(
        "武定县插甸乡人民政府文件\n\n关于做好森林防火工作的通知\n各村委会：\n一、落实责任\n"
        "1.全面排查火灾隐患。\n\n插甸乡人民政府\n2009年1月16日\n");
    CHECK(township.issuers == std::vector<std::string>{"武定县插甸乡人民政府"});
}

TEST_CASE("the body a title opens with issues the notice, not the office on the 印发 line") {
    const auto record = extract_text(
        "西藏自治区安全生产委员会关于印发《2012年全区安全生产工作要点》的通知\n\n各地（市）行署：\n\n"
        "　　现将工作要点印发给你们。\n\n一、压实责任\n\n1.落实责任制。（自治区安监局负责）\n\n"
        "二〇一二年三月五日\n\n西藏自治区安全生产委员会办公室　　　　　　2012年3月6日印发\n");
    CHECK(record.issuers == std::vector<std::string>{"西藏自治区安全生产委员会"});
    CHECK(record.issued == "2012-03-05");
}

TEST_CASE("a 纪要's 分送 list is its 抄送 list") {
    const auto record = extract_text(
        "东营市安全生产委员会会议纪要\n\n一、会议要求\n\n会议要求各地加强隐患排查。\n\n"
        "东营市安全生产委员会办公室\n\n2021年6月8日\n\n分送：市委办公室，市人大常委会办公室，市政府办公室。\n");
    CHECK(record.cc == std::vector<std::string>{"市委办公室", "市人大常委会办公室", "市政府办公室"});
}

TEST_CASE("a heading's first item run on after its 。 is a task of its own") {
    const auto record = extract_text(
        "关于印发2024年安全生产工作要点的通知\n\n各县（区）人民政府：\n\n一、压实责任\n\n"
        "（一）强化党政领导责任。1.深入学习贯彻重要论述，2月底前完成专题学习。（市委宣传部牵头）\n\n"
        "2.落实党政同责。（市应急管理局负责）\n\n二、基础。3.加强宣传。（市委宣传部负责）\n\n"
        "4.开展培训。（市人社局负责）\n\n南宁市安全生产委员会\n\n2024年1月10日\n");
    CHECK(task_paths(record) == std::vector<std::string>{"一/(一)/1", "一/(一)/2", "二/3", "二/4"});
    REQUIRE(record.sections.size() == 3);
    CHECK(record.sections[1].heading == "强化党政领导责任");
    REQUIRE(!record.tasks.empty());
    CHECK(bodies(record.tasks[0]) == std::vector<std::pair<std::string, std::string>>{{"市委宣传部", "lead"}});
}

TEST_CASE("a date of signing in Chinese numerals may name January 元月") {
    const auto record = extract_text(
        "关于做好春节期间安全工作的通知\n各村：\n一、工作\n1.排查隐患。\n\n某某镇人民政府\n二○一八年元月八日\n");
    CHECK(record.issued == "2018-01-08");
}

TEST_CASE("a date of signing in Chinese numerals may write its zero ○, O or 0") {
    for (const std::string zero : {"〇", "○", "O", "0"}) {
        const auto record =
            extract_text("关于开展安全检查的通知\n各有关单位：\n一、检查\n1.开展检查。\n\n吉林省安全生产委员会\n二" +
                         zero + "一五年二月二十六日\n");
        CHECK(record.issued == "2015-02-26");
    }
}

TEST_CASE("a related link's 关于…的通知 after the outline is no title of the notice") {
    const auto record = extract_text(
        "省工信厅2024年安全生产工作要点\n\n一、牢固树立安全发展理念\n1.深入学习贯彻安全生产重要论述。\n"
        "2.压实安全生产责任。\n\n相关链接：\n应急管理部关于做好2023年汛期安全防范工作的通知\n");
    CHECK(record.title == "省工信厅2024年安全生产工作要点");
    CHECK(record.tasks.size() == 2);
}

TEST_CASE("a page with two lists of related links cites neither") {
    const auto record = extract_text(
        "关于做好汛期安全防范工作的通知\n各市州应急管理局：\n一、强化排查\n1.开展汛前检查。\n湖南省应急管理厅\n"
        "2023年4月19日\n相关链接：\n湖南省人民政府办公厅关于印发《湖南省防汛抗旱应急预案》的通知（湘政办发〔2022〕10号"
        "）\n"
        "扫一扫在手机打开当前页\n【打印】【关闭】\n相关链接：\n国务院安委会办公室关于加强安全生产工作的通知（安委办〔20"
        "22〕9号）\n");
    CHECK(record.tasks.size() == 1);
    CHECK(record.citations.empty());
    CHECK(record.issued == "2023-04-19");
}

TEST_CASE("recipients parted by 、 alone keep levels of government with the name they share") {
    const auto record = extract_text(
        "关于开展检查的通知\n\n各省、自治区、直辖市及新疆生产建设兵团生态环境厅（局）、发展改革委、工业和信息化主管部门"
        "：\n"
        "    为做好工作，现通知如下。\n一、任务\n1.开展检查。\n\n生态环境部\n2023年3月1日\n");
    CHECK(record.recipients == std::vector<std::string>{"各省、自治区、直辖市及新疆生产建设兵团生态环境厅（局）",
                                                        "发展改革委", "工业和信息化主管部门"});
}

TEST_CASE("a page's numbered headlines after the notice are no tasks") {
    // After the 版记's 印发 line, under a list heading the rules do not know as such.
    const auto printed = extract_text(
        "黑龙江省2021年安全生产工作要点\n\n一、压实责任\n1.落实安全生产责任制。（省应急管理厅负责）\n"
        "2."
        "开展专项整治。（省公安厅负责）\n\n抄送：应急管理部。\n\n黑龙江省安全生产委员会办公室　　2021年3月18日印发\n\n"
        "热门话题\n1.我省召开全省安全生产电视电话会议\n2.省应急管理厅部署春季森林草原防火工作\n网站地图　|"
        "　联系我们\n");
    REQUIRE(printed.tasks.size() == 2);
    CHECK(printed.tasks[1].text == "开展专项整治。（省公安厅负责）");
    // After the page's tools right under the signature, the related reading numbered like items.
    const auto tools = extract_text(
        "南山区2022年五一假期安全防范工作要点\n\n一、压实责任\n1.落实值班制度。（区应急管理局负责）\n\n"
        "深圳市南山区安全生产委员会办公室\n\n2022年4月22日\n\n【打印本页】【关闭窗口】\n\n相关阅读：\n"
        "1.南山区召开2022年第一季度安全生产形势分析会\n2.关于做好2021年汛期前安全生产工作的通知\n"
        "3.《深圳经济特区安全生产监督管理条例》解读\n");
    CHECK(tools.tasks.size() == 1);
    CHECK(tools.deadlines.empty());
    CHECK(tools.citations.empty());
    // A WeChat article's credits and its 往期推荐 after the last task.
    const auto wechat = extract_text(
        "吴江区2023年安全生产工作要点\n\n一、压实责任\n1.落实值班制度。（区应急管理局负责）\n"
        "2.提升从业人员安全素质。（区人社局、区应急管理局负责）\n\n编辑：沈佳怡\n审核：王晓东\n\n往期推荐\n"
        "1.吴江区召开2023年第一季度安委会全体会议\n2.国庆节前，这份燃气安全提示请收好！\n");
    REQUIRE(wechat.tasks.size() == 2);
    CHECK(wechat.tasks[1].text == "提升从业人员安全素质。（区人社局、区应急管理局负责）");
    CHECK(wechat.deadlines.empty());
    // (Numbered tasks after a heading that only looks like such a list's stay tasks: they are
    // sentences.)
    const auto sentences = extract_text(
        "某县2022年工作要点\n\n一、压实责任\n1.落实值班制度。（县应急管理局负责）\n\n相关文件\n"
        "1.贯彻落实相关文件要求，开展检查。（县应急管理局负责）\n");
    CHECK(sentences.tasks.size() == 2);
}

TEST_CASE("the plan's title is found after a page's 发布日期 line between title and 文号") {
    const auto record = extract_text(
        "宁波市消防安全委员会关于印发2019年全市消防工作要点的通知\n发布日期：2019-03-04    信息来源：市消防救援支队\n"
        "甬消委〔2019〕3号\n各区县（市）人民政府：\n　　现将《2019年全市消防工作要点》印发给你们，请认真抓好落实。\n"
        "宁波市消防安全委员会\n2019年2月26日\n\n2019年全市消防工作要点\n　　一、压实消防安全责任\n　　1、落实责任。\n");
    CHECK(record.plan_title == "2019年全市消防工作要点");
    CHECK(record.issued == "2019-02-26");
}

TEST_CASE("a meeting's 纪要: its title, its head's office and date, and no recipients") {
    const auto record = extract_text(
        "专题会议纪要\n\n云泽市人民政府办公室　　　　2023年7月14日\n\n关于加快推进城镇老旧小区改造工作的会议纪要\n\n　"
        "　2023年7月11日下午，副市长主持召开专题会议，"
        "研究"
        "有关问题。现将会议议定事项纪要如下：\n　　一、加快项目审批\n　　1.9月底前完成项目审批。\n");
    CHECK(record.title == "关于加快推进城镇老旧小区改造工作的会议纪要");
    CHECK(record.recipients.empty());
    // Its head gives the office and the date on one line (GB/T 9704's 纪要 form).
    CHECK(record.issuers == std::vector<std::string>{"云泽市人民政府办公室"});
    CHECK(record.issued == "2023-07-14");
    REQUIRE(record.deadlines.size() == 1);
    CHECK(record.deadlines[0].date == "2023-09-30");
}

TEST_CASE("a section headed by a year's work dates the limits in it that name no year") {
    const auto record = extract_text(
        "关于2023年度全市安全生产工作情况的通报\n各县（市、区）人民政府：\n一、2023年工作情况\n"
        "全年完成整治任务，截至2023年底完成率100%。\n二、2024年重点工作\n1.3月底前印发实施方案。\n"
        "2.第三季度末前完成排查。\n\n某市安全生产委员会\n2024年2月26日\n");
    REQUIRE(record.deadlines.size() == 2);
    CHECK(record.deadlines[0].date == "2024-03-31");
    CHECK(record.deadlines[1].date == "2024-09-30");
}

TEST_CASE("a （N） headed by a year's work dates its limits; the date of signing says nothing of that year") {
    const auto record = extract_text(
        "关于印发安溪县河道整治三年行动方案的通知\n各乡镇人民政府：\n一、重点任务\n（一）2019年重点任务\n"
        "1.3月底前完成摸底，第三季度末前完成方案，12月底前组织验收。\n（二）2020年重点任务\n"
        "2.上半年前完成整治，元旦前全面验收，次年1月底前报送总结。\n\n安溪县人民政府\n2018年6月12日\n");
    REQUIRE(record.deadlines.size() == 6);
    const std::vector<std::string> dates = {"2019-03-31", "2019-09-30", "2019-12-31",
                                            "2020-06-30", "2020-12-31", "2021-01-31"};
    for (std::size_t i = 0; i < dates.size(); ++i) {
        CAPTURE(record.deadlines[i].text);
        CHECK(record.deadlines[i].date == dates[i]);
    }
}

TEST_CASE("numbered contacts and files after the tasks are no tasks") {
    const auto record = extract_text(
        "关于印发2023年安全生产工作要点的通知\n一、重点任务\n1.开展检查。（省应急管理厅负责）\n"
        "2.开展整治。（省公安厅负责）\n联系人：\n1.省安委办综合协调处 陈某某，020-83133210\n"
        "2.省应急管理厅办公室 林某某，13800001234\n附件下载：\n1.2023年重点任务分工表.docx\n");
    REQUIRE(record.tasks.size() == 2);
    REQUIRE(record.tasks[1].departments.size() == 1);
    CHECK(record.tasks[1].departments[0].name == "省公安厅");
    // A task naming a hotline is a sentence, and a task.
    const auto hotline = extract_text("一、值班值守\n1.严格值班值守，公布值班电话0431-88888888。\n2.加强巡查。\n");
    CHECK(hotline.tasks.size() == 2);
}

TEST_CASE("a table of tasks ending the notice keeps its time limits") {
    const auto record = extract_text(
        "关于印发改善医疗服务行动计划的通知\n一、重点任务\n1.扩大预约诊疗服务。（医政医管局负责）\n附件2\n"
        "重点工作任务分工表\n序号  工作任务          牵头单位        完成时限\n"
        "1     扩大预约诊疗服务  医政医管局      2016年6月30日前\n2     推进日间手术      医政医管局      2016年底前\n"
        "整改清单\n序号\n问题\n完成时限\n1\n控辍保学台账不完善\n2019年4月底前\n");
    REQUIRE(record.deadlines.size() == 3);
    CHECK(record.deadlines[0].text == "2016年6月30日前");
    CHECK_FALSE(record.deadlines[0].task.has_value());
    CHECK(record.deadlines[2].text == "2019年4月底前");
}

TEST_CASE("a list of related links numbered like items opens no task and cites nothing") {
    const auto record = extract_text(
        "关于印发2024年安全生产工作要点的通知\n一、强化责任\n1.开展检查。（市应急管理局负责）\n"
        "2.开展整治。（市公安局负责）\n【打印本页】【关闭窗口】\n相关阅读\n"
        "1.株洲市安全生产委员会关于印发《2023年全市安全生产工作要点》的通知  2023-03-01\n"
        "2.株洲市部署安全生产治本攻坚三年行动（株安办〔2024〕3号）  2024-02-27\n"
        "3.广州市民政局关于开展综合减灾示范社区创建工作的通知（2015-02-11）\n4.关于做好防汛工作的通知\n");
    CHECK(record.tasks.size() == 2);
    CHECK(record.citations.empty());
}

TEST_CASE("a site's document table with several fields to a line, parted by tabs") {
    const auto record = extract_text(
        "首页 > 政府信息公开 > 政府文件\n索引号：\t011043253/2017-00123\t主题分类：\t综合政务\n"
        "文件编号：\t鄂政发〔2017〕5号\t发文单位：\t湖北省人民政府\n"
        "文件名称：\t湖北省人民政府关于印发降低企业成本实施方案的通知\n成文日期：\t2017年02月10日\t发布日期：\t2017年02"
        "月14日\n"
        "【打印】【关闭】\n\n各市、州、县人民政府：\n现将实施方案印发给你们。\n\n一、主要任务\n1."
        "降低税费负担（省财政厅牵头）。\n");
    CHECK(record.title == "湖北省人民政府关于印发降低企业成本实施方案的通知");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "鄂政发〔2017〕5号");
    CHECK(record.issuers == std::vector<std::string>{"湖北省人民政府"});
    CHECK(record.issued == "2017-02-10");
    // Labels without ：, each cell followed by its value.
    const auto bare = extract_text(
        "索引号\t11370000004188013R/2023-00056\t主题分类\t教育\n发布机构\t山东省教育厅\t成文日期\t2023-03-28\n"
        "发文字号\t鲁教师函〔2023〕12号\t发布日期\t2023-04-03\n标题\t山东省教育厅关于做好教师培训工作的通知\n\n"
        "各市教育局：\n现将有关事项通知如下。\n\n一、主要任务\n1.做好培训（省教育厅负责）。\n");
    CHECK(bare.title == "山东省教育厅关于做好教师培训工作的通知");
    REQUIRE(bare.doc_number.has_value());
    CHECK(bare.doc_number->text == "鲁教师函〔2023〕12号");
    CHECK(bare.issued == "2023-03-28");
}

TEST_CASE("a share bar ending in ： is no 主送 line") {
    const auto record =
        extract_text("关于开展安全生产大检查的通知\n分享到：\n各市（州）人民政府：\n一、检查内容\n1.全面排查隐患。\n");
    CHECK(record.recipients == std::vector<std::string>{"各市（州）人民政府"});
}

TEST_CASE("a month already past when the notice was signed is next year's") {
    const auto record = extract_text(
        "关于做好今冬明春安全生产工作的通知\n各区县农业农村委：\n一、任务\n1.3月底前完成预案修订。\n"
        "2.12月15日前开展检查，第一季度前完成整改。\n3."
        "11月10日前完成摸排。\n\n重庆市农业农村委员会\n2023年11月20日\n");
    // 11月10日 is the month of signing: not rolled on.
    CHECK(deadline_dates(record) == std::vector<std::string>{"2024-03-31", "2023-12-15", "2024-03-31", "2023-11-10"});
    // A year written before the limit is that year, whatever the month.
    const auto written = extract_text(
        "关于做好安全生产工作的通知\n一、任务\n1.2023年3月底前完成修订。\n\n"
        "某某市应急管理局\n2023年11月20日\n");
    REQUIRE(written.deadlines.size() == 1);
    CHECK(written.deadlines[0].date == "2023-03-31");
}

TEST_CASE("a table's rows ending the notice keep their limits") {
    const auto record = extract_text(
        "关于做好春节期间安全防范工作的通知\n各有关单位：\n一、工作要求\n1.加强值班值守。\n附件\n重点任务清单\n"
        "序号\t任务\t责任单位\t完成时限\n1\t开展道路交通安全检查\t市公安局\t2024年1月31日前\n");
    REQUIRE(record.deadlines.size() == 1);
    CHECK(record.deadlines[0].date == "2024-01-31");
}

TEST_CASE("joint issuers over a title's first lines are not read as part of it") {
    const auto record = extract_text(
        "陕西省生态环境厅 "
        "陕西省发展和改革委员会\n陕西省工业和信息化厅关于印发《陕西省2024年\n大气污染防治工作计划》的通知\n"
        "陕环发〔2024〕12号\n各设区市生态环境局：\n一、主要任务\n1.推进燃煤锅炉淘汰。\n");
    CHECK(record.title == "关于印发《陕西省2024年大气污染防治工作计划》的通知");
    CHECK(record.doc_number->text == "陕环发〔2024〕12号");
}

TEST_CASE("a 印发 line whose date was damaged still names its body, and no date") {
    const auto record = extract_text(
        "省工信厅2024年安全生产工作要点\n\n一、压实责任\n1.压实安全生产责任。\n\n抄送：省安委办。\n\n"
        "吉林省工业和信息化厅办公室\n\n2024年322日印发\n");
    CHECK(record.issuers == std::vector<std::string>{"吉林省工业和信息化厅办公室"});
    CHECK_FALSE(record.issued.has_value());
}

TEST_CASE("the plan's title after a cover letter that lists it as its attachment") {
    const auto record = extract_text(
        "关于印发黑龙江省2018年安全生产工作要点的通知\n各市（地）人民政府：\n现将工作要点印发给你们。\n\n"
        "附件：黑龙江省2018年安全生产工作要点\n\n黑龙江省安全生产委员会\n\n2018年3月9日\n\n（此件公开发布）\n\n"
        "黑龙江省2018年安全生产工作要点\n\n一、强化责任\n1.压实责任。\n");
    CHECK(record.plan_title == "黑龙江省2018年安全生产工作要点");
    CHECK(record.tasks.size() == 1);
}

TEST_CASE("the attachment list before the signature lists files, not tasks") {
    // 3.联系人回执 would follow task 2 in order; it is the list's third entry.
    const auto record = extract_text(
        "关于开展燃气安全排查整治的通知\n各省级安委会：\n一、排查整治\n1.全面排查城镇燃气隐患。\n"
        "2.集中治理危险化学品风险。\n\n附件：1.城镇燃气安全排查整治重点检查事项\n"
        "\u3000\u3000\u3000\u3000\u30002.工作进展情况统计表\n\u3000\u3000\u3000\u3000\u30003.联系人回执\n\n"
        "国务院安委会办公室\n2022年4月6日\n");
    CHECK(task_paths(record) == std::vector<std::string>{"一/1", "一/2"});
}

TEST_CASE("a task's parenthesis on a paragraph of its own before the task goes on names its bodies") {
    const auto record = extract_text(
        "河南省2009年安全生产年活动实施方案\n一、重点任务\n"
        "1.开展建筑施工专项整治。对在用锅炉、压力容器、电梯进行全面检验检测。\n"
        "（牵头单位：省建设厅、省质监局；配合单位：省交通厅、省水利厅）\n"
        "各有关部门要在10月底前对专项整治情况进行检查验收。\n2.开展交通专项整治。\n");
    REQUIRE(record.tasks.size() == 2);
    using Body = std::pair<std::string, std::string>;
    CHECK(bodies(record.tasks[0]) ==
          std::vector<Body>{
              {"省建设厅", "lead"}, {"省质监局", "lead"}, {"省交通厅", "responsible"}, {"省水利厅", "responsible"}});
}

TEST_CASE("a title in the attachment list before the signature is cited, in no task") {
    const auto record = extract_text(
        "关于转发危险化学品企业实施意见的通知\n各市安全监管局：\n一、工作要求\n1.认真组织学习。\n\n"
        "附件：国家安全监管总局关于危险化学品企业贯彻落实《国务院关于进一步加强企业安全生产工作的通知》的实施意见\n\n"
        "辽宁省安全生产监督管理局\n二○一一年一月二十日\n");
    REQUIRE(record.tasks.size() == 1);
    REQUIRE(title_citations(record) == 1);
    CHECK(record.citations[0].text == "国务院关于进一步加强企业安全生产工作的通知");
    CHECK_FALSE(record.citations[0].task.has_value());
}

TEST_CASE("a table of contents lists headings with their pages; its entries are no sections") {
    const auto record = extract_text(
        "山西省安全生产“十二五”规划\n\n目　　录\n\n一、工作回顾………………………… 1\n"
        "二、主要任务 ......... 2\n　（一）强化源头管控\t\t\t3\n三、保障措施　　　　4\n\n"
        "山西省安全生产“十二五”规划\n\n一、工作回顾\n全省事故总量下降。\n二、主要任务\n（一）强化源头管控\n"
        "1.淘汰落后产能。\n三、保障措施\n2.加大安全投入。\n");
    CHECK(section_lines(record) ==
          std::vector<std::string>{"一 工作回顾", "二 主要任务", "二/(一) 强化源头管控", "三 保障措施"});
    CHECK(task_paths(record) == std::vector<std::string>{"二/(一)/1", "三/2"});
}

TEST_CASE("an attachment label alone on its line lists files on the lines below, not tasks") {
    const auto record = extract_text(
        "关于报送隐患排查治理情况的通知\n各乡镇人民政府：\n一、报送内容\n1.隐患排查治理工作开展情况；\n"
        "2.重大隐患挂牌督办情况。\n\n附件：\n1.隐患排查治理情况统计表\n2.重大隐患整改情况一览表\n"
        "3.联络员名单回执\n\n宁乡县安全生产委员会办公室\n2016年3月18日\n");
    CHECK(task_paths(record) == std::vector<std::string>{"一/1", "一/2"});
    // So do a form's notes under their label (注： / 1.… / 2.…).
    const auto form = extract_text(
        "关于报送统计表的通知\n各乡镇：\n一、报送要求\n1.按时报送统计表。\n\n注：\n1.本表由各乡镇汇总填报\n"
        "2.数据截至上月底\n\n某县应急管理局\n2016年3月18日\n");
    CHECK(task_paths(form) == std::vector<std::string>{"一/1"});
}

TEST_CASE("an attachment's numbering starts afresh, outside the notice's sections") {
    const auto record = extract_text(
        "吉林省应急管理厅关于做好汛期安全防范工作的通知\n各市（州）应急管理局：\n一、提高认识\n"
        "1.各地要于汛期前完成隐患排查。\n二、工作要求\n2.请于2021年6月15日前报送工作方案。\n\n"
        "附件：1.汛期安全隐患排查表\n      2.值班值守安排表\n\n吉林省应急管理厅\n2021年5月20日\n\n"
        "附件1\n汛期安全隐患排查表\n1.排查单位名称\n2.排查时间\n附件2\n值班值守安排表\n1.值班人员\n");
    // Numbered afresh in each attachment: the paths open with the attachment.
    CHECK(task_paths(record) == std::vector<std::string>{"一/1", "二/2", "附件1/1", "附件1/2", "附件2/1"});
    CHECK(record.tasks[1].text == "请于2021年6月15日前报送工作方案。");
}

TEST_CASE("a seal's mark after a signing body, after the date or on a line of its own is no part of either") {
    const auto record = extract_text(
        "关于开展安全生产月活动的通知\n各市应急管理局：\n一、工作要求\n1.抓好落实。\n\n湖北省应急管理厅（印章）\n"
        "湖北省教育厅(盖章)"
        "\n（印章）\n湖北省公安厅\n2024年5月20日（印章）\n\n湖北省应急管理厅办公室　　2024年5月22日印发\n");
    CHECK(record.issuers == std::vector<std::string>{"湖北省应急管理厅", "湖北省教育厅", "湖北省公安厅"});
    CHECK(record.issued == "2024-05-20");
}

TEST_CASE("with no signature, the bodies the title opens with are the issuers") {
    auto record = extract_text(
        "山东省应急管理厅关于做好2022年汛期安全生产工作的通知\n鲁应急字〔2022〕30号\n各市应急管理局：\n"
        "一、工作要求\n1.各地要于汛期前完成排查。\n");
    CHECK(record.issuers == std::vector<std::string>{"山东省应急管理厅"});
    record = extract_text(
        "中共中央办公厅 国务院办公厅印发《关于推进安全生产领域改革发展的意见》的通知\n一、工作要求\n1.抓好落实。\n");
    CHECK(record.issuers == std::vector<std::string>{"中共中央办公厅", "国务院办公厅"});
    record = extract_text("关于做好2022年汛期安全生产工作的通知\n一、工作要求\n1.抓好落实。\n");
    CHECK(record.issuers.empty());
}

TEST_CASE("a letter-spaced title is the notice's title; the signature's date is its date") {
    const auto record = extract_text(
        "烟政办发［2016］9号\n\n烟 台 市 人 民 政 府 办 公 室 关 于 印 发 烟 台 市 2 0 1 6 年 安 全 生 产 工 作 要 点 "
        "的 "
        "通 "
        "知\n\n各区市人民政府，市政府各部门：\n　　《烟台市2016年安全生产工作要点》已经市政府同意，现印发给你们。\n\n"
        "　　　　烟台市人民政府办公室\n　　　　２０１６年３月１８日\n\n烟台市2016年安全生产工作要点\n\n一、落实责任\n"
        "1.修订安全生产工作职责。（市安监局牵头）\n\n烟台市人民政府办公室　　2016年3月21日印发\n");
    CHECK(record.title == "烟台市人民政府办公室关于印发烟台市2016年安全生产工作要点的通知");
    CHECK(record.plan_title == "烟台市2016年安全生产工作要点");
    CHECK(record.issued == "2016-03-18");
    CHECK(record.recipients == std::vector<std::string>{"各区市人民政府", "市政府各部门"});
    REQUIRE(record.tasks.size() == 1);
}

TEST_CASE("a 文号 line that lost only its 号 or its closing bracket is the notice's own number, cited once") {
    for (const std::string line : {"平府办发[2011]23", "平府办发〔201123号"}) {
        const auto record = extract_text("平昌县人民政府办公室关于印发2011年安全生产工作要点的通知\n" + line +
                                         "\n\n各乡镇人民政府：\n一、加强领导\n1.开展排查。（县安监局负责）\n");
        REQUIRE(record.doc_number.has_value());
        CHECK(record.doc_number->text == "平府办发〔2011〕23号");
        CHECK(std::count_if(record.citations.begin(), record.citations.end(),
                            [](const auto& c) { return c.text == "平府办发〔2011〕23号"; }) == 1);
        REQUIRE(record.tasks.size() == 1);
    }
}

TEST_CASE("a notice that lost characters to the scraper: the date is read, the broken 文号 is not guessed") {
    const auto record = extract_text(
        "吉林省人民政府办公厅关于做好2018年安全生产工作的通知\n吉政办发〔201737\n\n各市(州)人民政府:\n"
        "一、加强组织领导\n1.各地要在2018年3月底前制定实施方案。(各市州政府负责)\n吉林省人民政府办公厅\n20171228\n");
    CHECK(record.title == "吉林省人民政府办公厅关于做好2018年安全生产工作的通知");
    CHECK_FALSE(record.doc_number.has_value());
    CHECK(record.issued == "2017-12-28");
    CHECK(record.recipients == std::vector<std::string>{"各市(州)人民政府"});
    REQUIRE(record.tasks.size() == 1);
    CHECK(record.tasks[0].text == "各地要在2018年3月底前制定实施方案。(各市州政府负责)");
    CHECK_FALSE(extract_text("关于开展检查的通知\n\n各单位:\n一、检查\n1.开展检查。\n办公室\n20171332\n").issued);
}

namespace {

policy::Record extract_style(const std::string& name) {
    return extract_text(policy::test::read_file(policy::test::source_path("tests/data/styles/" + name)), name);
}

// The head of a notice: its title, 文号 and date of signing.
void check_head(const policy::Record& record, const std::string& title, const std::string& doc_number,
                const std::string& issued) {
    CHECK(record.title == title);
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == doc_number);
    CHECK(record.issued == issued);
}

}  // namespace

TEST_CASE("a task-division notice in another province's style") {
    const auto record = extract_style("hebei-style-task-division.txt");
    check_head(record, "河北省人民政府办公厅关于印发河北省2021年安全生产重点工作任务分工的通知", "冀政办字〔2021〕15号",
               "2021-03-05");
    CHECK(record.issuers == std::vector<std::string>{"河北省人民政府办公厅"});
    REQUIRE(record.tasks.size() == 6);
    CHECK(record.tasks[1].path == "一/(一)/2");
    CHECK(bodies(record.tasks[0]) == std::vector<std::pair<std::string, std::string>>{{"省应急管理厅", "lead"},
                                                                                      {"省委组织部", "responsible"},
                                                                                      {"省财政厅", "responsible"}});
    // Labelled lines after the task: who does it, and by when.
    CHECK(bodies(record.tasks[3]) == std::vector<std::pair<std::string, std::string>>{{"省市场监管局", "responsible"}});
    REQUIRE(record.tasks[3].deadlines.size() == 1);
    CHECK(record.tasks[3].deadlines[0].date == "2021-09-30");
    // The year of 11月30日前 comes from the notice.
    REQUIRE(record.tasks[4].deadlines.size() == 1);
    CHECK(record.tasks[4].deadlines[0].date == "2021-11-30");
    const auto cited = std::find_if(record.citations.begin(), record.citations.end(), [](const policy::Citation& c) {
        return c.number && c.number->issuer_code == "安监总管三";
    });
    CHECK(cited != record.citations.end());
}

TEST_CASE("a notice scraped with its web page") {
    const auto record = extract_style("henan-style-web-page.txt");
    CHECK(record.title == "关于印发《2022年全省安全生产工作要点》的通知");
    CHECK(record.plan_title == "2022年全省安全生产工作要点");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "豫安委办〔2022〕8号");
    CHECK(record.issued == "2022-04-08");
    CHECK(record.issuers == std::vector<std::string>{"河南省安全生产委员会办公室"});
    CHECK(record.cc == std::vector<std::string>{"应急管理部", "省委办公厅", "省政府办公厅"});
    REQUIRE(record.tasks.size() == 7);
    CHECK(bodies(record.tasks[0]) ==
          std::vector<std::pair<std::string, std::string>>{{"省安委办", "responsible"}, {"省委组织部", "responsible"}});
    CHECK(bodies(record.tasks[2]) ==
          std::vector<std::pair<std::string, std::string>>{{"省应急管理厅", "responsible"},
                                                           {"省市场监管局", "responsible"},
                                                           {"省安委会有关成员单位", "responsible"}});
    CHECK(record.tasks[4].path == "二/(一)/5");
    REQUIRE(record.tasks[4].deadlines.size() == 1);
    CHECK(record.tasks[4].deadlines[0].text == "2022年底");
    // Nothing from the page around the notice.
    for (const auto& deadline : record.deadlines) {
        CHECK(deadline.task.has_value());
    }
}

TEST_CASE("labelled and marked departments") {
    const auto record = extract_style("labelled-departments.txt");
    REQUIRE(record.tasks.size() == 10);
    CHECK(bodies(record.tasks[0]) == std::vector<std::pair<std::string, std::string>>{{"省应急管理厅", "responsible"}});
    CHECK(bodies(record.tasks[3]) ==
          std::vector<std::pair<std::string, std::string>>{{"省应急管理厅", "lead"}, {"市州政府", "responsible"}});
    CHECK(bodies(record.tasks[5]) ==
          std::vector<std::pair<std::string, std::string>>{
              {"省应急管理厅", "lead"}, {"省市场监管局", "responsible"}, {"省住房城乡建设厅", "responsible"}});
    CHECK(bodies(record.tasks[7]).size() == 4);
}

TEST_CASE("a notice under its issuer's red header, with asides after the body") {
    const auto record = extract_style("red-header-with-asides.txt");
    CHECK(record.title == "吉林省应急管理厅关于开展危险化学品安全专项整治的通知");
    REQUIRE(record.doc_number.has_value());
    CHECK(record.doc_number->text == "吉应急发〔2021〕12号");
    CHECK(record.issuers == std::vector<std::string>{"吉林省应急管理厅"});
    CHECK(record.issued == "2021-03-22");
    CHECK(record.cc == std::vector<std::string>{"应急管理部危化监管一司"});
    REQUIRE(record.tasks.size() == 4);
    CHECK(bodies(record.tasks[1]) ==
          std::vector<std::pair<std::string, std::string>>{{"省应急管理厅危化处", "responsible"}});
    // The contact line after the last task is not part of it.
    CHECK(record.tasks[3].text ==
          "加强督导检查，年底前完成全覆盖检查（省应急管理厅牵头，省公安厅、省交通运输厅配合）。");
    CHECK(bodies(record.tasks[3]).size() == 3);
    REQUIRE(record.tasks[2].deadlines.size() == 1);
    CHECK(record.tasks[2].deadlines[0].date == "2021-09-30");
}

TEST_CASE("a notice on a web page: navigation before it, related links after it") {
    const auto record = extract_style("web-page-related-links.txt");
    check_head(record, "湖南省应急管理厅关于做好2023年汛期安全防范工作的通知", "湘应急〔2023〕25号", "2023-04-19");
    CHECK(record.recipients == std::vector<std::string>{"各市州应急管理局"});
    REQUIRE(record.tasks.size() == 3);
    // 1.5月1日前…: an item whose text opens with a month, not the decimal 1.5.
    CHECK(record.tasks[0].number == "1");
    REQUIRE(record.tasks[0].deadlines.size() == 1);
    CHECK(record.tasks[0].deadlines[0].date == "2023-05-01");
    // The related links after the signature cite nothing.
    std::vector<std::string> cited;
    for (const auto& citation : record.citations) {
        cited.push_back(citation.text);
    }
    CHECK(cited == std::vector<std::string>{"湘应急〔2023〕25号", "湖南省防汛抗旱应急预案"});
}

TEST_CASE("a portal's header lines without blank lines between them are not the title") {
    const auto record = extract_text(
        "某某省工业和信息化厅门户网站\n网站首页  政务公开  政策文件  新闻动态  互动交流\n"
        "您当前的位置：首页 > 政务公开 > 通知公告\n信息来源：本网  发布日期：2024年03月26日  点击数：822\n"
        "【字体：大 中 小】 【打印】 【关闭】\n\n\n省工信厅2024年安全生产工作要点\n\n"
        "一、强化责任\n1.落实企业主体责任（省工信厅负责）。\n2.开展隐患排查（各市州工信局负责）。\n");
    CHECK(record.title == "省工信厅2024年安全生产工作要点");
    CHECK(record.tasks.size() == 2);
}

TEST_CASE("markers glued to the text before them, where lines break only at 。, open their own paragraphs") {
    const auto record = extract_text(
        "关于印发燃气安全专项整治工作方案的通知\n各镇人民政府、街道办事处：\n"
        "一、整治内容（一）燃气经营企业1.严格燃气经营许可管理，年底前完成核查。\n"
        "（区住建局负责）2.督促燃气经营企业落实主体责任。\n"
        "（区住建局牵头，区市场监管局配合）(二)燃气用户3.组织开展全覆盖排查。\n"
        "（区商务局、区消防救援大队按职责分工负责）二、保障措施（一）加强组织领导。\n"
        "区政府成立工作专班。\n"
        "某某区人民政府办公室\n2023年6月2日\n");
    CHECK(task_paths(record) == std::vector<std::string>{"一/(一)/1", "一/(一)/2", "一/(二)/3"});
    REQUIRE(record.sections.size() == 5);
    CHECK(record.sections[0].heading == "整治内容");
    CHECK(record.sections[1].heading == "燃气经营企业");
    CHECK(record.sections[2].heading == "燃气用户");
    CHECK(record.sections[3].heading == "保障措施");
    CHECK(record.sections[4].heading == "加强组织领导");
    REQUIRE(record.tasks.size() == 3);
    CHECK(bodies(record.tasks[0]) == std::vector<std::pair<std::string, std::string>>{{"区住建局", "responsible"}});
    CHECK(bodies(record.tasks[1]) ==
          std::vector<std::pair<std::string, std::string>>{{"区住建局", "lead"}, {"区市场监管局", "responsible"}});
    CHECK(bodies(record.tasks[2]) == std::vector<std::pair<std::string, std::string>>{
                                         {"区商务局", "responsible"}, {"区消防救援大队", "responsible"}});
    // A heading after a 。 or a closing bracket, in any paragraph.
    const auto chunks = extract_text(
        "关于印发火灾防控工作方案的通知\n为做好今冬明春火灾防控工作，制定本方案。一、工作措施（一）开展隐患排查\n"
        "1、开展检查。（县应急局负责）（二）加强消防宣传\n2、开展宣传。（县委宣传部负责）\n");
    CHECK(task_paths(chunks) == std::vector<std::string>{"一/(一)/1", "一/(二)/2"});
    REQUIRE(chunks.sections.size() == 3);
    CHECK(chunks.sections[2].heading == "加强消防宣传");
    // A heading's usual words with its first sentence run on after them.
    const auto worded = extract_text(
        "关于印发燃气整治方案的通知\n一、工作目标全面排查整治燃气安全隐患，年底前完成整治。\n"
        "二、强化组织保障各县区要加强组织领导，确保落实。\n三、组织实施专项行动\n1.开展检查。\n");
    REQUIRE(worded.sections.size() == 3);
    CHECK(worded.sections[0].heading == "工作目标");
    CHECK(worded.sections[1].heading == "强化组织保障");
    CHECK(worded.sections[2].heading == "组织实施专项行动");
    // A task's label lines run together with the next item and heading; a list of numbers is no item.
    const auto labelled = extract_text(
        "关于印发燃气整治方案的通知\n一、重点任务（一）燃气经营1.开展检查。\n"
        "牵头单位：县住建局完成时限：2022年7月31日前2.规范充装。\n"
        "6、7、8月为主汛期，要加强巡查。\n责任单位：县商务局、县城市管理局（二）燃气用户3.开展排查。\n");
    CHECK(task_paths(labelled) == std::vector<std::string>{"一/(一)/1", "一/(一)/2", "一/(二)/3"});
    // After any labelled value; a level-1 heading after one; level-2 numbers that run on across
    // level-1 headings; an inline list after a colon is no heading.
    const auto valued = extract_text(
        "关于印发燃气整治实施意见的通知\n一、总体要求（一）明确目标1.开展检查。\n"
        "牵头单位：县住建局完成时限：长期坚持2.压实责任，重点检查以下内容：（一）管道；（二）气瓶。\n"
        "牵头单位：县市场监督管理局二、排查范围全区所有燃气用户，重点是餐饮场所。（二）强化执法3.开展执法。\n");
    CHECK(task_paths(valued) == std::vector<std::string>{"一/(一)/1", "一/(一)/2", "二/(二)/3"});
    REQUIRE(valued.sections.size() == 4);
    CHECK(valued.sections[2].heading == "排查范围");
    CHECK(valued.sections[3].path == "二/(二)");
    // Not a number that does not follow on, nor one inside a heading's sentence.
    CHECK(extract_text("关于开展整治的通知\n一、任务\n1.开展检查。\n（省应急厅负责）5.加强执法。\n").tasks.size() == 1);
    CHECK(
        extract_text("关于开展整治的通知\n一、任务\n1.开展检查。（省应急厅负责）（三）加强执法。\n").sections.size() ==
        1);
    CHECK(task_paths(extract_text("关于开展整治的通知\n一、推进2024年工作，落实3.5万家企业自查\n1.开展检查。\n")) ==
          std::vector<std::string>{"一/1"});
}

TEST_CASE("an item a scraper ran into the paragraph before is a task of its own") {
    const auto record = extract_text(
        "关于开展环境整治的通知\n各乡镇人民政府：\n一、重点任务\n"
        "1.开展秸秆禁烧，利用率达到70%以上。（区农委、区环保局按职责分工负责）2.加强村屯绿化，9月底前完成示范村建设。"
        "（区林业局牵头，各乡镇人民政府配合）\n3.开展河道整治（区水务局负责）。\n");
    REQUIRE(record.tasks.size() == 3);
    CHECK(record.tasks[0].text == "开展秸秆禁烧，利用率达到70%以上。（区农委、区环保局按职责分工负责）");
    CHECK(bodies(record.tasks[0]) ==
          std::vector<std::pair<std::string, std::string>>{{"区农委", "responsible"}, {"区环保局", "responsible"}});
    CHECK(record.tasks[0].deadlines.empty());
    CHECK(record.tasks[1].path == "一/2");
    CHECK(record.tasks[1].where.line == 4);
    REQUIRE(record.tasks[1].deadlines.size() == 1);
    CHECK(record.tasks[1].deadlines[0].text == "9月底前");
    // Not where the next numbered paragraph is that item already, nor a number written otherwise.
    CHECK(
        extract_text("关于开展整治的通知\n一、任务\n1.开展检查（省应急厅负责）。2.5万家企业完成自查。\n2.开展执法。\n")
            .tasks.size() == 2);
    CHECK(extract_text("关于开展整治的通知\n一、任务\n1.开展检查（省应急厅负责）。2、3月份开展复查。\n").tasks.size() ==
          1);
}

TEST_CASE("a task that opens with who does it, and ends in no parenthesis") {
    const auto record = extract_text(
        "关于开展农村市场专项整治的通知\n各市（州）市场监管局：\n一、重点任务\n"
        "1.由省市场监管局牵头，省公安厅、省商务厅配合，开展农村假冒伪劣食品专项整治。\n"
        "2.由省市场监管局会同省农业农村厅，开展农资质量专项执法检查。\n"
        "3.由各市（州）市场监管局负责，结合本地实际开展排查。\n"
        "4.省市场监管局牵头，省交通运输厅配合，开展客运站食品安全检查。\n"
        "5.加强与公安部门会同执法，严厉打击违法行为。\n"
        "6.坚持谁主管谁负责，落实监管责任。\n"
        "7.由省市场监管局牵头，开展网络订餐检查（省网信办、省市场监管局按职责分工负责）。\n");
    REQUIRE(record.tasks.size() == 7);
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    CHECK(bodies(record.tasks[0]) ==
          Bodies{{"省市场监管局", "lead"}, {"省公安厅", "responsible"}, {"省商务厅", "responsible"}});
    CHECK(bodies(record.tasks[1]) == Bodies{{"省市场监管局", "lead"}, {"省农业农村厅", "responsible"}});
    CHECK(bodies(record.tasks[2]) == Bodies{{"市（州）市场监管局", "responsible"}});
    CHECK(bodies(record.tasks[3]) == Bodies{{"省市场监管局", "lead"}, {"省交通运输厅", "responsible"}});
    // 会同 without 由 in running text, and a saying, name nobody.
    CHECK(record.tasks[4].departments.empty());
    CHECK(record.tasks[5].departments.empty());
    // The parenthesis at the end, where there is one, is what counts.
    CHECK(bodies(record.tasks[6]) == Bodies{{"省网信办", "responsible"}, {"省市场监管局", "responsible"}});
}

TEST_CASE("after the cover letter's signature, the plan is read to its end") {
    const auto record = extract_text(
        "关于印发工作要点的通知\n各有关单位:\n现印发给你们。\n吉林省应急管理厅\n2022年3月1日\n"
        "2022年工作要点\n一、重点任务\n1.开展排查。\n【典型经验】\n相关链接\n2.开展整治(省公安厅负责)。\n"
        "3.开展检查。\n二、保障措施\n4.加强领导。\n");
    REQUIRE(record.tasks.size() == 4);
    CHECK(record.tasks[3].path == "二/4");
}

TEST_CASE("a task that opens with its parenthesis and lists sub-items after it") {
    const auto record = extract_text(
        "关于开展检查的通知\n各单位:\n一、任务\n1.开展隐患排查治理(省应急管理厅牵头,省公安厅配合):\n(1)排查尾矿库;\n"
        "(2)排查危化品企业。\n2.开展执法检查:\n(1)检查企业;\n(2)检查园区。(省应急管理厅负责)\n");
    REQUIRE(record.tasks.size() == 2);
    CHECK(bodies(record.tasks[0]) ==
          std::vector<std::pair<std::string, std::string>>{{"省应急管理厅", "lead"}, {"省公安厅", "responsible"}});
    // Only the closing parenthesis counts where there is one.
    CHECK(bodies(record.tasks[1]) == std::vector<std::pair<std::string, std::string>>{{"省应急管理厅", "responsible"}});
}

TEST_CASE("a plan numbered by a word processor, with 【】 departments and labelled limits") {
    const auto record = extract_style("word-processor-numbering.txt");
    CHECK(record.issued == "2023-02-10");
    REQUIRE(record.sections.size() == 2);
    CHECK(record.sections[0].path == "(一)");
    REQUIRE(record.tasks.size() == 5);
    CHECK(record.tasks[0].path == "(一)/1");
    CHECK(bodies(record.tasks[0]) ==
          std::vector<std::pair<std::string, std::string>>{{"省安委办", "lead"}, {"省委组织部", "responsible"}});
    CHECK(bodies(record.tasks[1]) ==
          std::vector<std::pair<std::string, std::string>>{{"省安委办", "lead"}, {"省应急管理厅", "responsible"}});
    REQUIRE(record.tasks[1].deadlines.size() == 1);
    CHECK(record.tasks[1].deadlines[0].date == "2023-10-31");
    REQUIRE(record.tasks[2].deadlines.size() == 1);
    CHECK(record.tasks[2].deadlines[0].text == "明年3月底前");
    CHECK(record.tasks[2].deadlines[0].date == "2024-03-31");
    CHECK(bodies(record.tasks[3]).front() == std::pair<std::string, std::string>{"省住房城乡建设厅", "lead"});
    CHECK(bodies(record.tasks[4]) == std::vector<std::pair<std::string, std::string>>{{"省应急管理厅", "responsible"}});
}

TEST_CASE("items numbered 1) are tasks where no 1. items are, else sub-items of them") {
    const auto alone = extract_text(
        "关于印发2012年农业农村工作要点的通知\n一、稳定粮食生产\n1)"
        "落实粮食生产责任。（县农委牵头，各乡镇人民政府负责）\n"
        "2）实施高产创建。（县农委负责）\n二、发展特色产业\n3)扶持龙头企业。（县发改局负责）\n");
    REQUIRE(alone.tasks.size() == 3);
    CHECK(alone.tasks[0].path == "一/1");
    CHECK(alone.tasks[1].path == "一/2");
    CHECK(alone.tasks[2].path == "二/3");
    CHECK(alone.tasks[1].text == "实施高产创建。（县农委负责）");
    CHECK(alone.tasks[0].departments.size() == 2);
    const auto beside = extract_text(
        "关于印发2012年农业农村工作要点的通知\n一、稳定粮食生产\n1.落实粮食生产责任：\n1)分解目标任务。（县农委负责）\n"
        "2)开展督导检查。（县督查室负责）\n2.实施高产创建。（县农委负责）\n");
    REQUIRE(beside.tasks.size() == 2);
    CHECK(beside.tasks[1].path == "一/2");
    std::vector<std::string> names;
    for (const auto& department : beside.tasks[0].departments) {
        names.push_back(department.name);
    }
    CHECK(names == std::vector<std::string>{"县农委", "县督查室"});
}

TEST_CASE("a 第二部分 layer above 一、 ends the task before it and opens no section") {
    const auto record = extract_text(
        "交通运输部关于印发2015年公路工作要点的通知\n第一部分　主要任务\n一、加强养护\n1.推进预防性养护。\n"
        "2.加强行业作风建设。（部公路局负责）\n第二部分　保障措施\n各地要加强组织领导，2015年底前完成评估。\n"
        "1.健全考核机制。\n");
    REQUIRE(record.tasks.size() == 3);
    CHECK(record.tasks[1].text == "加强行业作风建设。（部公路局负责）");
    CHECK(record.tasks[2].path == "1");
    REQUIRE(record.sections.size() == 1);
    REQUIRE(record.deadlines.size() == 1);
    CHECK_FALSE(record.deadlines[0].task.has_value());
}

TEST_CASE("a closing paragraph after the last task is the notice's, not the task's") {
    const auto record = extract_text(
        "2023年全省教育系统安全工作要点\n一、压实责任\n1.健全责任体系。\n各地要将安全工作纳入考核，6月底前完成自查。\n"
        "二、改进作风\n2.改进工作作风。（厅办公室负责）\n"
        "各设区市教育局、各高校要对照本要点，制定具体措施，于2023年12月10日前将落实情况报送省教育厅办公室。\n");
    REQUIRE(record.tasks.size() == 2);
    // A task's own second paragraph stays with it (another task follows).
    CHECK(record.tasks[0].text.find("6月底前") != std::string::npos);
    CHECK(record.tasks[1].text == "改进工作作风。（厅办公室负责）");
    REQUIRE(record.deadlines.size() == 2);
    CHECK(record.deadlines[0].task == "一/1");
    CHECK_FALSE(record.deadlines[1].task.has_value());
    // Nor is the contact paragraph the last task's.
    const auto contact = extract_text(
        "2023年工作要点\n一、任务\n1.改进工作作风。（厅办公室负责）\n"
        "联系人：张三，电话：0791-86765432，传真：0791-86765433。\n");
    REQUIRE(contact.tasks.size() == 1);
    CHECK(contact.tasks[0].text == "改进工作作风。（厅办公室负责）");
    // Nor one addressed to bodies with a bracket in their name.
    const auto bracketed = extract_text(
        "2016年工作要点\n一、任务\n1.开展秸秆禁烧巡查。（县环保局负责）\n"
        "各乡（镇、街道）要于每周五前将巡查情况报县禁烧办。\n");
    REQUIRE(bracketed.tasks.size() == 1);
    CHECK(bracketed.tasks[0].text == "开展秸秆禁烧巡查。（县环保局负责）");
    // Nor one asking to be told of what comes up in carrying the notice out.
    const auto report = extract_text(
        "2020年就业工作要点\n一、任务\n1.开展创业培训（省人力资源社会保障厅牵头，省科技厅配合）。\n"
        "各地在执行中遇到的问题，请及时报告我厅就业促进和失业保险处。\n");
    REQUIRE(report.tasks.size() == 1);
    CHECK(report.tasks[0].text == "开展创业培训（省人力资源社会保障厅牵头，省科技厅配合）。");
    // Nor one asking all of them for something by a date.
    const auto asked = extract_text(
        "2009年工作要点\n一、任务\n1.营造良好舆论氛围。（市委宣传部牵头，市安监局配合）\n"
        "请各县（市）区安委会于3月15日前将节日期间安全生产工作情况报市安委办。\n");
    REQUIRE(asked.tasks.size() == 1);
    CHECK(asked.tasks[0].deadlines.empty());
    REQUIRE(asked.deadlines.size() == 1);
    CHECK_FALSE(asked.deadlines[0].task.has_value());
    // So with no 请 before the bodies asked.
    const auto unasked = extract_text(
        "2026年春节安全防范工作通知\n一、任务\n1.严格值班值守。（市应急管理局负责）\n"
        "各县区、各成员单位于2月24日前将春节期间安全防范工作总结报市安委办。\n");
    REQUIRE(unasked.tasks.size() == 1);
    CHECK(unasked.tasks[0].deadlines.empty());
    REQUIRE(unasked.deadlines.size() == 1);
    CHECK_FALSE(unasked.deadlines[0].task.has_value());
}

TEST_CASE("a plan in parts (第一部分…) with (一) under them: the parts are its sections, each task's path unique") {
    const auto record = extract_text(
        "天津市2013年防汛抗旱工作要点\n\n第一部分　总体目标\n\n确保安全度汛。\n\n第二部分：重点任务\n\n"
        "（一）落实防汛抗旱责任制\n\n1.汛期前完成责任人公示。\n\n第三部分\n\n（一）加强组织领导\n\n"
        "1.4月30日前建立督查制度。\n");
    CHECK(section_lines(record) == std::vector<std::string>{"一 总体目标", "二 重点任务", "二/(一) 落实防汛抗旱责任制",
                                                            "三 ", "三/(一) 加强组织领导"});
    REQUIRE(record.tasks.size() == 2);
    CHECK(record.tasks[0].path == "二/(一)/1");
    CHECK(record.tasks[1].path == "三/(一)/1");
    REQUIRE(record.tasks[1].deadlines.size() == 1);
    CHECK(record.tasks[1].deadlines[0].text == "4月30日前");
}

TEST_CASE(
    "a task table as text: its rows are the tasks, its duty cells their departments, unless the text numbers them") {
    const std::string table =
        "序号\t存在问题\t整改措施\t牵头单位\t配合单位\t整改时限\n一、人员密集场所\n"
        "1\t商铺“三合一”现象突出\t全面清理“三合一”场所\t锡林浩特市人民政府\t盟商务局、盟公安消防支队\t2015年9月底前\n"
        "2\t医院消防设施故障\t更换损坏的火灾自动报警系统\t盟卫生计生委\t盟医院\t2015年10月31日前\n";
    const auto record = extract_text(
        "锡林郭勒盟行政公署办公厅关于印发全盟重大火灾隐患整改任务分工表的通知\n\n各旗县市（区）人民政府：\n"
        "　　现将《全盟重大火灾隐患整改任务分工表》印发给你们，请认真贯彻落实。\n\n锡林郭勒盟行政公署办公厅\n"
        "2015年6月20日\n\n附件\n\n全盟重大火灾隐患整改任务分工表\n\n" +
        table);
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    REQUIRE(record.tasks.size() == 2);
    CHECK(record.tasks[0].path == "一/1");
    CHECK(record.tasks[0].text.starts_with("商铺“三合一”现象突出\t"));
    CHECK(bodies(record.tasks[0]) ==
          Bodies{{"锡林浩特市人民政府", "lead"}, {"盟商务局", "responsible"}, {"盟公安消防支队", "responsible"}});
    CHECK(bodies(record.tasks[1]) == Bodies{{"盟卫生计生委", "lead"}, {"盟医院", "responsible"}});
    REQUIRE(record.tasks[1].deadlines.size() == 1);
    CHECK(record.tasks[1].deadlines[0].text == "2015年10月31日前");
    // Rows hard-wrapped (their rest on a line of its own) go on to the next row.
    const auto wrapped = extract_text(
        "一、任务\n\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t开展道路交通安全隐患排查，重点整治农村面包车\n"
        "违法载人问题\t市公安局\t市交通运输局、市应急管理局\t2024年1月\n31日前\n2\t开展城镇燃气安全排查整治\t"
        "市住房和城乡建设局\t市市场监管局\t2024年2月10日前\n");
    REQUIRE(wrapped.tasks.size() == 2);
    CHECK(wrapped.tasks[0].text.ends_with("2024年1月\n31日前"));
    CHECK(bodies(wrapped.tasks[1]) == Bodies{{"市住房和城乡建设局", "lead"}, {"市市场监管局", "responsible"}});
    // A time column's cell is read as its labelled line: 完成时限：2021年6月 is a limit without 前.
    const auto months = extract_text(
        "一、任务\n\n序号\t工作任务\t牵头单位\t完成时限\n1\t推进工艺装置自动化改造\t省应急管理厅\t2021年6月\n"
        "2\t落实安全生产责任制\t省应急管理厅\t长期坚持\n");
    REQUIRE(months.tasks.size() == 2);
    REQUIRE(months.tasks[0].deadlines.size() == 1);
    CHECK(months.tasks[0].deadlines[0].text == "2021年6月");
    CHECK(months.tasks[0].deadlines[0].date == "2021-06-30");
    CHECK(months.tasks[1].deadlines.empty());
    // A plan whose text numbers its tasks, with the table attached: the table adds no task.
    const auto plan = extract_text(
        "全盟消防工作要点\n\n一、重点任务\n1.开展火灾隐患整改。（盟公安消防支队牵头）\n\n附件\n\n" + table);
    REQUIRE(plan.tasks.size() == 1);
    CHECK(plan.tasks[0].path == "一/1");
}

TEST_CASE("a task table set with spaces (a PDF's layout, full-width spaces): rows, duty cells, cells wrapped under") {
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    const auto record = extract_text(
        "安徽省道路交通安全专项整治任务分工\n\n"
        "序号  工作任务                          牵头单位        配合单位                  完成时限\n"
        "1     开展公路安全生命防护工程建设。    省交通运输厅    省公安厅、省财政厅        2015年底前\n"
        "2     推进“两客一危”车辆动态监控系统建设和联网联控，严格落实运输企业监控主体责任。\n"
        "                                        省交通运输厅    省公安厅、省安全监管局    2016年6月底前\n"
        "3     加强校车安全管理。                省教育厅        省公安厅                  持续推进\n");
    REQUIRE(record.tasks.size() == 3);
    CHECK(record.tasks[0].path == "1");
    CHECK(bodies(record.tasks[0]) ==
          Bodies{{"省交通运输厅", "lead"}, {"省公安厅", "responsible"}, {"省财政厅", "responsible"}});
    REQUIRE(record.tasks[0].deadlines.size() == 1);
    CHECK(record.tasks[0].deadlines[0].text == "2015年底前");
    // The wrapped row's other cells, on the line under its task, fill its last columns.
    CHECK(bodies(record.tasks[1]) ==
          Bodies{{"省交通运输厅", "lead"}, {"省公安厅", "responsible"}, {"省安全监管局", "responsible"}});
    CHECK(bodies(record.tasks[2]) == Bodies{{"省教育厅", "lead"}, {"省公安厅", "responsible"}});
    // Full-width spaces part the cells as well, under a section row.
    const auto wide = extract_text(
        "序号\u3000\u3000工作任务\u3000\u3000牵头单位\u3000\u3000协办单位\u3000\u3000完成时间\n\n一、整合后续工作\n\n"
        "1\u3000\u3000完成采矿许可证变更登记。\u3000\u3000省国土资源厅\u3000\u3000省煤炭工业厅\u3000\u30002010年9月底前"
        "\n2\u3000完成整合矿井资产划转和股权登记，对逾期未办理的矿井依法注销采矿权，确保整合工作按期完成。\u3000\u3000"
        "省煤炭工业厅\u3000\u3000省工商局\u3000\u30002010年10月31日前\n");
    // One space after a row's number parts it from its task, and the row opens a paragraph.
    REQUIRE(wide.tasks.size() == 2);
    CHECK(wide.tasks[1].path == "一/2");
    CHECK(bodies(wide.tasks[1]) == Bodies{{"省煤炭工业厅", "lead"}, {"省工商局", "responsible"}});
    CHECK(wide.tasks[0].path == "一/1");
    CHECK(bodies(wide.tasks[0]) == Bodies{{"省国土资源厅", "lead"}, {"省煤炭工业厅", "responsible"}});
}

TEST_CASE("a task table copied one cell to a line: each row put back together, a wrapped task kept whole") {
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    const auto record = extract_text(
        "宜昌市城镇燃气安全排查整治工作任务分工方案\n二、任务分工\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"
        "（一）全面排查燃气安全风险隐患\n1\n全面排查管道燃气经营企业。\n市城管执法委\n市应急管理局、市市场监管局\n"
        "2021年7月15日前\n2\n排查餐饮、集贸市场等人员密集场所用气安全，\n重点检查燃气泄漏报警装置安装使用情况。\n市商务"
        "局\n"
        "市城管执法委\n2021年7月31日前\n三、工作要求\n各地要加强组织领导。\n");
    REQUIRE(record.tasks.size() == 2);
    CHECK(record.tasks[0].path == "二/(一)/1");
    CHECK(record.tasks[0].text ==
          "全面排查管道燃气经营企业。\t市城管执法委\t市应急管理局、市市场监管局\t2021年7月15日前");
    CHECK(bodies(record.tasks[0]) ==
          Bodies{{"市城管执法委", "lead"}, {"市应急管理局", "responsible"}, {"市市场监管局", "responsible"}});
    // Its task wrapped over two lines: one cell.
    CHECK(record.tasks[1].text.starts_with("排查餐饮、集贸市场等人员密集场所用气安全，重点检查"));
    CHECK(bodies(record.tasks[1]) == Bodies{{"市商务局", "lead"}, {"市城管执法委", "responsible"}});
    REQUIRE(record.tasks[1].deadlines.size() == 1);
    CHECK(record.tasks[1].deadlines[0].date == "2021-07-31");
}

TEST_CASE("a scanned notice's O and l for 0 and 1 are read as digits in its limits and 文号") {
    const auto record = extract_text(
        "关于做好安全生产工作的通知\n\n潭安[2O21]l5号\n\n各县市区：\n\n一、任务\n\n"
        "1.2O21年1O月底前完成整治。（市应急局负责）\n\n2."
        "加强宣传。（市委宣传部牵头）\n\n某市安全生产委员会\n2021年3月1日\n");
    REQUIRE(record.doc_number);
    CHECK(record.doc_number->text == "潭安〔2021〕15号");
    REQUIRE(record.deadlines.size() == 1);
    CHECK(record.deadlines[0].text == "2021年10月底前");
    CHECK(record.deadlines[0].date == "2021-10-31");
    CHECK(record.tasks.size() == 2);
}

TEST_CASE("a duty list's heading with the body's other name in brackets names no one's role") {
    const auto record = extract_text(
        "关于印发县安委会成员单位安全生产工作职责的通知\n\n各成员单位：\n\n一、成员单位职责\n\n"
        "1.县农业局（县农机局）\n负责农业机械安全监督管理。\n\n2.县住建局\n负责建筑施工安全。（县住建局负责）\n\n"
        "某县安全生产委员会\n2016年5月12日\n");
    REQUIRE(record.tasks.size() == 2);
    CHECK(record.tasks[0].departments.empty());
    CHECK(record.tasks[1].departments.size() == 1);
}

TEST_CASE("an item whose text opens with a number after 、 or a spaced dot is an item") {
    const auto record = extract_text(
        "关于实施交通管制的通告\n\n一、管制措施\n\n1.管制路段全天禁止通行。\n\n2 . 7座以上客车禁止驶入。\n\n"
        "3、25吨以上的货车禁止驶入。\n\n4.2.5万元以下的罚款由交警部门执行。\n\n某市公安局\n2023年3月1日\n");
    REQUIRE(record.tasks.size() == 3);
    CHECK(record.tasks[1].text.starts_with("7座以上客车"));
    CHECK(record.tasks[2].text.starts_with("25吨以上的货车"));
}

TEST_CASE("a title ending in 令 or 命令 is a title") {
    const auto record = extract_text(
        "朝阳市人民政府\n森林草原防火戒严令\n\n为切实做好森林草原防火工作，决定如下：\n\n一、戒严期限\n\n"
        "1、戒严期内严禁野外用火。\n\n朝阳市人民政府\n二〇二一年三月一日\n");
    CHECK(record.title == "森林草原防火戒严令");
    CHECK(record.issued == "2021-03-01");
}

TEST_CASE("a clerk's 号 for 日 in the date of signing, and a village's 村（社区） ending a labelled line") {
    const auto record = extract_text(
        "关于做好秸秆禁烧工作的通知\n\n各村：\n\n一、任务\n\n1.开展巡查，确保不烧一把火。责任单位:"
        "镇武装部、各村（社区）\n\n"
        "2.开展宣传。（各社区、街道宣传办负责）\n\n某镇人民政府\n2020年5月20号\n");
    CHECK(record.issued == "2020-05-20");
    REQUIRE(record.tasks.size() == 2);
    REQUIRE(record.tasks[0].departments.size() == 2);
    CHECK(record.tasks[0].departments[1].name == "村（社区）");
    REQUIRE(record.tasks[1].departments.size() == 2);
    CHECK(record.tasks[1].departments[0].name == "社区");
}

TEST_CASE("a labelled time limit before the labelled bodies, and a labelled year the work spans") {
    const auto record = extract_text(
        "关于做好防汛工作的通知\n\n各乡镇：\n\n一、任务\n\n"
        "1.开展排查。【完成时限】2024年5月15日前【责任单位】县应急管理局、县粮食和物资储备中心\n\n"
        "2.开展宣传。（责任单位：县委宣传部；完成时限：2024年全年）\n\n"
        "3.开展巡查。【完成时限】2024年汛期【责任单位】县水务局\n\n某县人民政府办公室\n2024年3月1日\n");
    REQUIRE(record.tasks.size() == 3);
    REQUIRE(record.tasks[0].departments.size() == 2);
    CHECK(record.tasks[0].departments[1].name == "县粮食和物资储备中心");
    CHECK(record.tasks[1].deadlines.empty());
    CHECK(record.tasks[2].deadlines.empty());
    CHECK(record.tasks[2].departments.size() == 1);
}

TEST_CASE("a task whose sentences each end in a parenthesis of their own names every body in them") {
    const auto record = extract_text(
        "一、重点任务\n1.落实领导干部安全生产职责。（省委组织部、省安全监管局牵头，省委办公厅配合）将安全生产纳入考核"
        "内容（省委组织部牵头，省人社厅配合）\n2.建立挂牌督办制度（省安委办牵头），并对整改情况开展回头看。\n"
        "3.完成年度改造任务（市住建局负责）；（2）推动特种设备淘汰（市市场监管局、市经信局负责）。\n"
        "4.加强督导检查。\n（省安全监管局牵头，省有关部门配合）对整改不力的，依法责令停产整顿。\n");
    REQUIRE(record.tasks.size() == 4);
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    // One entry each body, lead where it leads in any of them.
    CHECK(bodies(record.tasks[0]) == Bodies{{"省委组织部", "lead"},
                                            {"省安全监管局", "lead"},
                                            {"省委办公厅", "responsible"},
                                            {"省人社厅", "responsible"}});
    CHECK(bodies(record.tasks[1]) == Bodies{{"省安委办", "lead"}});
    CHECK(bodies(record.tasks[2]) ==
          Bodies{{"市住建局", "responsible"}, {"市市场监管局", "responsible"}, {"市经信局", "responsible"}});
    CHECK(bodies(record.tasks[3]) == Bodies{{"省安全监管局", "lead"}, {"省有关部门", "responsible"}});
}

TEST_CASE("a page's buttons and its list of related pages right after the last task end the notice") {
    const std::string body =
        "某区2021年安全生产工作要点\n\n一、强化责任落实\n1.压实属地责任。（区安委办牵头）\n2."
        "加强执法检查。（区应急管理局负"
        "责）\n\n";
    for (const std::string page_end : {"【打印】【关闭】\n扫一扫在手机打开当前页\n\n相关稿件\n", "相关信息：\n"}) {
        CAPTURE(page_end);
        const auto record = extract_text(
            body + page_end +
            "1、南海区安委会关于开展2021年“安全生产月”活动的通知\n2、佛山市南海区安全生产委员会关于印发《南海区安全生产"
            "专项整治三年行动实施方案》的通知\n3、南海区2020年安全生产工作总结\n\n网站地图 | 关于本网 | 联系我们\n");
        CHECK(record.tasks.size() == 2);
        CHECK(record.citations.empty());
    }
}

TEST_CASE("a 印发 line dated in Chinese numerals dates a notice signed without a date") {
    const auto record = extract_text(
        "中共安化县委办公室\n关于印发2006年安全生产工作要点的通知\n\n各乡镇党委：\n\n一、压实责任\n\n"
        "1.开展隐患排查，4月30日前完成。（县安监局负责）\n\n中共安化县委办公室\n\n"
        "中共安化县委办公室　　　　二〇〇六年三月二日印发\n");
    CHECK(record.issued == "2006-03-02");
    REQUIRE(record.deadlines.size() == 1);
    CHECK(record.deadlines[0].date == "2006-04-30");
}

TEST_CASE("a box's title set into a plan ends the task before it, whose labelled lines are then its last") {
    const auto record = extract_text(
        "某市“十四五”应急体系规划\n\n一、主要任务\n1."
        "提升气象预警精准度。\n【牵头单位】市气象局【配合单位】市应急管理局\n"
        "专栏1　风险防控重点工程\n1.自然灾害综合风险普查工程。\n2.完善应急预案体系。\n牵头单位：市应急管理局\n"
        "第二节　健全应急管理法治体系\n3.修订应急条例。（市司法局负责）\n");
    REQUIRE(record.tasks.size() == 4);
    using Bodies = std::vector<std::pair<std::string, std::string>>;
    CHECK(record.tasks[0].text == "提升气象预警精准度。\n【牵头单位】市气象局【配合单位】市应急管理局");
    CHECK(bodies(record.tasks[0]) == Bodies{{"市气象局", "lead"}, {"市应急管理局", "responsible"}});
    CHECK(bodies(record.tasks[2]) == Bodies{{"市应急管理局", "lead"}});
    CHECK(record.tasks[2].text == "完善应急预案体系。\n牵头单位：市应急管理局");
}

TEST_CASE("an attachment list whose entry's title wrapped onto a line of its own lists the next entry too") {
    const auto record = extract_text(
        "山东省安全生产委员会\n关于印发安全生产治本攻坚三年行动实施方案的通知\n\n各市人民政府：\n\n现将有关方案印发给你"
        "们。\n\n"
        "附件：1．山东省安全生产治本攻坚三年行动实施方案\n　　　　（2024—2026年）\n　　　2．山东省安全生产治本攻坚三年"
        "行动联络员名单\n\n"
        "山东省安全生产委员会\n2024年2月20日\n\n附件1\n\n一、重点任务\n1．开展隐患排查。（省应急厅负责）\n");
    REQUIRE(record.tasks.size() == 1);
    CHECK(record.tasks[0].path == "一/1");
}

TEST_CASE("a 纪要's attendance and 抄报 lines after the last task end it") {
    const auto record = extract_text(
        "某市安委会2023年第一次全体会议纪要\n\n一、议定事项\n1.开展燃气安全排查。（市住建局负责）\n"
        "出席：郑建国　胡晓明（市政府副秘书长）\n列席：市应急管理局、市住建局\n抄报：市安委办。\n");
    REQUIRE(record.tasks.size() == 1);
    CHECK(record.tasks[0].text == "开展燃气安全排查。（市住建局负责）");
}

TEST_CASE("an attached form's numbered fields are no tasks, its numbered notes are") {
    const auto record = extract_text(
        "关于开展专项整治的通知\n\n各市应急管理局：\n\n现将方案印发给你们。\n\n某省应急管理厅\n2024年3月1日\n\n"
        "附件1\n\n专项整治实施方案\n\n一、重点任务\n1．开展隐患排查。（省应急厅负责）\n\n— 2 —\n\n"
        "附件2\n\n专项整治联络员名单\n\n1．单位名称：\n2．联系人：　　　　电话：\n\n— 3 —\n\n"
        "附件3\n\n专项整治进展情况统计表\n\n1．排查重大事故隐患（项）：\n2．请于2024年3月20日前报送。\n");
    // (附件3 after a page's number, alike 附件2 but for its digit, is no running header.)
    std::vector<std::string> texts;
    for (const auto& task : record.tasks) {
        texts.push_back(task.text);
    }
    CHECK(texts == std::vector<std::string>{"开展隐患排查。（省应急厅负责）", "请于2024年3月20日前报送。"});
}

TEST_CASE("a rule drawn under a red head is no part of the title") {
    // (A PDF's copy, wrapped: the rule is as wide as the lines and would go on the title.)
    const auto record = extract_text(
        "交通运输部办公厅文件\n交办运〔2016〕 157 号\n━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n"
        "交通运输部办公厅关于进一步加强长途客运接驳运输\n安全管理工作的通知\n"
        "各省、自治区、直辖市、新疆生产建设兵团交通运输厅\n（局、委）：\n"
        "  为深入贯彻落实党中央、国务院关于道路运输安全工作的\n决策部署，有效防范长途客运夜间行车安全风险，根据\n"
        "《道路旅客运输及客运站管理规定》和《关于进一步加强道\n路客运安全管理工作的通知》，现就加强长途客运接驳运输\n"
        "安全管理有关事项通知如下：\n  一、严格接驳运输企业条件\n  1．开展接驳运输的企业应当具备三类以上班线客运经营\n"
        "资质，车辆技术等级达到一级，驾驶人连续3年无重大以上\n责任事故记录。2016年11月30日前，各省级交通运输主管部\n"
        "门完成对已开展接驳运输企业的条件核查。\n  "
        "2．接驳点应当设置在高速公路服务区等安全区域，停车\n场地面积不小于规定。\n");
    CHECK(record.title == "交通运输部办公厅关于进一步加强长途客运接驳运输安全管理工作的通知");
}
