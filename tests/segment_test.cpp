// Tests for lib/segment.h and `policy segment`.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "grammar.h"
#include "segment.h"

namespace {

using policy::Segmenter;
using policy::Token;
using policy::TokenKind;
using Words = std::vector<std::string>;

// The real dictionary (embedded jieba lexicon plus grammars/segmenter-domain.txt), loaded
// once for the whole file.
const Segmenter& segmenter() {
    static const Segmenter instance = [] {
        auto grammar = policy::Grammar::load();
        REQUIRE(grammar.ok());
        auto loaded = Segmenter::load(*grammar);
        REQUIRE(loaded.ok());
        return std::move(loaded).value();
    }();
    return instance;
}

std::vector<Token> tokens_of(const Segmenter& s, std::string_view text) {
    std::vector<Token> tokens;
    s.segment(text, tokens);
    return tokens;
}

// "text:kind" for each token, to compare kinds and boundaries at once.
Words described(std::string_view text, const std::vector<Token>& tokens) {
    Words out;
    for (const Token& token : tokens) {
        out.push_back(std::string(text.substr(token.begin, token.end - token.begin)) + ":" +
                      std::string(policy::to_string(token.kind)));
    }
    return out;
}

// Tokens are in order and cover the text with no gap and no overlap.
void check_coverage(std::string_view text, const std::vector<Token>& tokens) {
    std::uint32_t at = 0;
    for (const Token& token : tokens) {
        REQUIRE(token.begin == at);
        REQUIRE(token.end > token.begin);
        at = token.end;
    }
    REQUIRE(at == text.size());
}

}  // namespace

TEST_CASE("policy vocabulary that ICU splits stays whole") {
    CHECK(segmenter().words("省应急管理厅牵头，各有关部门分工负责") ==
          Words{"省应急管理厅", "牵头", "各", "有关部门", "分工负责"});
    CHECK(segmenter().words("开展尾矿库隐患排查治理") == Words{"开展", "尾矿库", "隐患排查治理"});
    CHECK(segmenter().words("化学品生产企业") == Words{"化学品", "生产", "企业"});
    CHECK(segmenter().words("打好危险化学品综合治理攻坚战") == Words{"打好", "危险化学品", "综合治理", "攻坚战"});
    CHECK(segmenter().words("吉林省安全生产委员会") == Words{"吉林省", "安全生产委员会"});
    CHECK(segmenter().words("省发展和改革委员会") == Words{"省发展和改革委员会"});
    CHECK(segmenter().words("委员会会同") == Words{"委员会", "会同"});
}

TEST_CASE("ICU's word BreakIterator alone splits 尾矿库 and 攻坚战, which is why the segmenter exists") {
    // Byte offsets: 尾 0-3, 矿 3-6, 库 6-9.
    auto boundaries = policy::icu_word_boundaries("尾矿库");
    REQUIRE(boundaries.ok());
    CHECK(boundaries->size() > 2);
    CHECK(boundaries->front() == 0);
    CHECK(boundaries->back() == 9);
    auto count = policy::count_icu_word_boundaries("攻坚战");
    REQUIRE(count.ok());
    CHECK(*count > 2);
}

TEST_CASE("ICU's boundaries of empty text are just 0") {
    auto boundaries = policy::icu_word_boundaries(std::string_view{});
    REQUIRE(boundaries.ok());
    CHECK(*boundaries == std::vector<std::uint32_t>{0});
}

TEST_CASE("ordinary text splits as jieba splits it") {
    CHECK(segmenter().words("我们今天去北京") == Words{"我们", "今天", "去", "北京"});
    CHECK(segmenter().words("研究生命起源") == Words{"研究", "生命", "起源"});
}

TEST_CASE("a corpus sentence splits into the words a reader sees") {
    // corpus/jilin-anweihui-2019-gongzuo-yaodian.txt, task 5.
    const std::string_view sentence = "5.打好危险化学品综合治理攻坚战，加快实施16户危化品生产企业搬迁改造工程。";
    CHECK(described(sentence, tokens_of(segmenter(), sentence)) ==
          Words{"5:number", ".:punctuation", "打好:word", "危险化学品:word", "综合治理:word", "攻坚战:word",
                "，:punctuation", "加快:word", "实施:word", "16:number", "户:word", "危化品:word", "生产:word",
                "企业:word", "搬迁:word", "改造:word", "工程:word", "。:punctuation"});
    // Task 6: 非煤矿山, 专项整治, 头顶库 and 尾矿库 from the domain lexicon.
    CHECK(segmenter().words("深化非煤矿山安全专项整治，开展17座“头顶库”安全风险评估，完成尾矿库治理任务。") ==
          Words{"深化", "非煤矿山", "安全", "专项整治", "开展", "17", "座", "头顶库", "安全风险", "评估", "完成",
                "尾矿库", "治理", "任务"});
}

TEST_CASE("token offsets are byte offsets into the segmented text") {
    const std::string_view text = "2019年3月 省公安厅";
    const std::vector<Token> tokens = tokens_of(segmenter(), text);
    check_coverage(text, tokens);
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == 4);
    CHECK(tokens[0].kind == TokenKind::number);
    CHECK(tokens[1].begin == 4);
    CHECK(tokens[1].end == 7);
    CHECK(tokens[1].kind == TokenKind::word);
    CHECK(tokens[3].begin == 8);
    CHECK(tokens[3].end == 11);
    CHECK(tokens[4].begin == 11);
    CHECK(tokens[4].end == 12);
    CHECK(tokens[4].kind == TokenKind::space);
    CHECK(tokens[5].begin == 12);
    CHECK(tokens[5].end == 24);
    CHECK(text.substr(tokens[5].begin, tokens[5].end - tokens[5].begin) == "省公安厅");
}

TEST_CASE("numbers, Latin words and punctuation are tokens of their own kind") {
    const std::string_view text = "3.5万吨COVID-19，don't H7N9 1,000元";
    const std::vector<Token> tokens = tokens_of(segmenter(), text);
    check_coverage(text, tokens);
    CHECK(described(text, tokens) == Words{"3.5:number", "万吨:word", "COVID:latin", "-:punctuation", "19:number",
                                           "，:punctuation", "don't:latin", " :space", "H7N9:latin", " :space",
                                           "1,000:number", "元:word"});
}

TEST_CASE("a trailing dot or comma is not part of the number") {
    const std::string_view text = "第5.";
    CHECK(described(text, tokens_of(segmenter(), text)) == Words{"第:word", "5:number", ".:punctuation"});
}

TEST_CASE("whitespace runs are one space token and lines stay apart") {
    const std::string_view text = "安全生产\n\n  牵头";
    CHECK(described(text, tokens_of(segmenter(), text)) == Words{"安全生产:word", "\n\n  :space", "牵头:word"});
}

TEST_CASE("empty input gives no tokens") {
    std::vector<Token> tokens;
    segmenter().segment("", tokens);
    CHECK(tokens.empty());
    CHECK(segmenter().words("").empty());
}

TEST_CASE("segment appends to the tokens already there") {
    std::vector<Token> tokens{Token{0, 1, TokenKind::space}};
    segmenter().segment("牵头", tokens);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[1].begin == 0);
    CHECK(tokens[1].end == 6);
}

TEST_CASE("invalid UTF-8 bytes become one-byte punctuation tokens") {
    const std::string text = "\xff尾矿库\xe5\xb0";  // a stray byte, then a truncated 尾
    const std::vector<Token> tokens = tokens_of(segmenter(), text);
    check_coverage(text, tokens);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].kind == TokenKind::punctuation);
    CHECK(tokens[1].begin == 1);
    CHECK(tokens[1].end == 10);
    CHECK(tokens[1].kind == TokenKind::word);
    CHECK(tokens[2].end - tokens[2].begin == 1);
    CHECK(tokens[3].end - tokens[3].begin == 1);
}

TEST_CASE("random bytes never crash the segmenter and are always covered") {
    std::mt19937 random(20240601);
    const std::string alphabet[] = {"\xe5", "\xb0", "\xbe", "\x80", "\xff", "\xf0\x9f", "\xed\xa0\x80", "尾", "矿",
                                    "库",   "1",    ".",    "a",    "'",    " ",        "\xcc\x81"};
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 24);
        for (int i = 0; i < length; ++i) {
            text += alphabet[random() % std::size(alphabet)];
        }
        check_coverage(text, tokens_of(segmenter(), text));
    }
}

TEST_CASE("combining marks and variation selectors stay with the character before them") {
    const std::string text = "cafe\xcc\x81 葛\xf3\xa0\x84\x80城";  // e + U+0301; 葛 + U+E0100
    CHECK(described(text, tokens_of(segmenter(), text)) ==
          Words{"cafe\xcc\x81:latin", " :space", "葛\xf3\xa0\x84\x80:word", "城:word"});
}

TEST_CASE("Han characters outside the BMP are words too") {
    const std::string text = "𠀀安全";  // U+20000, CJK Extension B
    CHECK(described(text, tokens_of(segmenter(), text)) == Words{"𠀀:word", "安全:word"});
}

TEST_CASE("the most probable path wins over the longest match") {
    auto s = Segmenter::build("研究 1000 vn\n研究生 500 n\n生命 1000 n\n命 10 n\n起源 1000 n\n", {});
    REQUIRE(s.ok());
    CHECK(s->size() == 5);
    CHECK(s->words("研究生命起源") == Words{"研究", "生命", "起源"});
    CHECK(s->words("研究生") == Words{"研究生"});
}

TEST_CASE("characters in no word fall back to single characters") {
    auto s = Segmenter::build("安全 1000\n", {});
    REQUIRE(s.ok());
    CHECK(s->words("甲安全乙丙") == Words{"甲", "安全", "乙", "丙"});
}

TEST_CASE("a domain word without a frequency beats every split of it") {
    auto s = Segmenter::build("一二 100000\n三四 100000\n二三 100000\n", {{"一二三四", 0}});
    REQUIRE(s.ok());
    CHECK(s->words("一二三四") == Words{"一二三四"});
    const double whole = *s->log_probability("一二三四");
    CHECK(whole > *s->log_probability("一二") + *s->log_probability("三四"));
}

TEST_CASE("a domain word with a frequency keeps it, even when that loses") {
    auto s = Segmenter::build("一二 100000\n三四 100000\n", {{"一二三四", 1}});
    REQUIRE(s.ok());
    CHECK(s->words("一二三四") == Words{"一二", "三四"});
    CHECK(s->log_probability("一二三四").has_value());
    CHECK_FALSE(s->log_probability("一二三").has_value());
}

TEST_CASE("the domain lexicon comes from the grammar's segmenter-domain.txt") {
    auto grammar = policy::Grammar::from_files({{"segmenter-domain.txt", "# test\n甲乙丙丁\n戊己\t50\n"}});
    REQUIRE(grammar.ok());
    auto s = Segmenter::load(*grammar);
    REQUIRE(s.ok());
    CHECK(s->words("甲乙丙丁戊己") == Words{"甲乙丙丁", "戊己"});
}

TEST_CASE("a domain entry that is not all Han is an error naming the file and entry") {
    auto grammar = policy::Grammar::from_files({{"segmenter-domain.txt", "安全生产\nPM2.5\n"}});
    REQUIRE(grammar.ok());
    auto s = Segmenter::load(*grammar);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message == "segmenter-domain.txt: 'PM2.5': a dictionary word must be Han characters only");
    CHECK(s.error().code == policy::ErrorCode::bad_argument);
}

TEST_CASE("a domain frequency that is not a positive number is an error") {
    auto grammar = policy::Grammar::from_files({{"segmenter-domain.txt", "安全生产\tmany\n"}});
    REQUIRE(grammar.ok());
    auto s = Segmenter::load(*grammar);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message == "segmenter-domain.txt: '安全生产': frequency 'many' is not a positive number");
}

TEST_CASE("a general lexicon line with a bad frequency is an error naming the line") {
    auto s = Segmenter::build("安全 10\n生产 lots\n", {});
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message == "jieba-dict.txt:2: frequency 'lots' is not a number");
}

TEST_CASE("the embedded general lexicon loads with all its Han words") {
    CHECK(segmenter().size() > 340000);
    CHECK(segmenter().log_probability("委员会").has_value());
    CHECK(segmenter().log_probability("省应急管理厅").has_value());
    CHECK_FALSE(segmenter().log_probability("B超").has_value());  // not all Han: skipped
}

TEST_CASE("segmenting from several threads at once gives the same tokens") {
    const std::string text = "省应急管理厅牵头，各有关部门分工负责。打好危险化学品综合治理攻坚战。";
    const Words expected = segmenter().words(text);
    std::vector<Words> results(4);
    std::vector<std::thread> threads;
    for (Words& result : results) {
        threads.emplace_back([&text, &result] {
            for (int i = 0; i < 200; ++i) {
                result = segmenter().words(text);
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const Words& result : results) {
        CHECK(result == expected);
    }
}

// ---- End to end: the real binary in a temporary directory.

namespace {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "policy-segment-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(m_path / name, std::ios::binary) << text;
    }
    std::string read(const std::string& name) const {
        std::ifstream in(m_path / name, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

private:
    std::filesystem::path m_path;
};

// Runs `policy ARGS` in `dir` (a shell command line after the binary).
RunResult run_policy(const TempDir& dir, const std::string& args) {
    const std::string command = "cd '" + dir.path().string() + "' && '" POLICY_BINARY "' " + args + " 2>stderr.txt";
    RunResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        result.out.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = dir.read("stderr.txt");
    return result;
}

}  // namespace

TEST_CASE("policy segment prints the words of each line, punctuation as written") {
    TempDir dir;
    dir.write("notice.txt", "省应急管理厅牵头，各有关部门分工负责。\r\n\r\n　　打好攻坚战（２０１９年）\r\n");
    const RunResult result = run_policy(dir, "segment notice.txt");
    CHECK(result.exit_code == 0);
    CHECK(result.err == "");
    CHECK(result.out ==
          "省应急管理厅 牵头 ， 各 有关部门 分工负责 。\n"
          "\n"
          "打好 攻坚战 （ ２０１９ 年 ）\n");
}

TEST_CASE("policy segment reads standard input and takes a delimiter") {
    TempDir dir;
    dir.write("in.txt", "尾矿库、化学品。\n");
    const RunResult result = run_policy(dir, "segment -d / --no-punctuation - < in.txt");
    CHECK(result.exit_code == 0);
    CHECK(result.out == "尾矿库/化学品\n");
}

TEST_CASE("policy segment on an unreadable file exits 3 naming it") {
    TempDir dir;
    const RunResult result = run_policy(dir, "segment missing.txt");
    CHECK(result.exit_code == 3);
    CHECK(result.out == "");
    CHECK(result.err == "policy: missing.txt: No such file or directory\n");
}

TEST_CASE("policy segment --help shows an example") {
    TempDir dir;
    const RunResult result = run_policy(dir, "segment --help");
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("policy segment") != std::string::npos);
    CHECK(result.out.find("省应急管理厅 牵头 ， 各 有关部门 分工负责 。") != std::string::npos);
    CHECK(result.out.find("--bench") == std::string::npos);
}
