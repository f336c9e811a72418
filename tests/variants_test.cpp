// Robustness: each corpus notice (and each notice in tests/data/styles), perturbed the ways
// notices arrive in the wild (other bracket widths, numbering punctuation, hard wrapping by
// characters and by display columns, page numbers, web-page chrome, CRLF, GB18030), must give
// the same record as the original — compared on what an analyst reads: sections, tasks by
// their opening words, departments with roles, deadlines with dates, citations, title, 文号
// and date.
#include <doctest/doctest.h>
#include <re2/re2.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "extract.h"
#include "test_support.h"

namespace {

using policy::test::normalised;

std::string without_spaces(std::string text) {
    text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; }),
               text.end());
    return text;
}

// The first `n` code points of `text`.
std::string prefix_chars(const std::string& text, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t count = 0; i < text.size() && count < n; ++count) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
            ++i;
        }
    }
    return text.substr(0, i);
}

// What an analyst compares, width-folded and without white space.
std::vector<std::string> summary(const policy::Record& record) {
    auto key = [](const std::string& text) { return without_spaces(normalised(text)); };
    std::vector<std::string> out;
    out.push_back("title " + key(record.title));
    out.push_back("doc_number " + (record.doc_number ? record.doc_number->text : std::string("-")));
    out.push_back("issued " + record.issued.value_or("-"));
    for (const auto& section : record.sections) {
        out.push_back("section " + section.path + " " + prefix_chars(key(section.heading), 8));
    }
    for (const auto& task : record.tasks) {
        const std::string task_key = prefix_chars(key(task.text), 12);
        out.push_back("task " + task.path + " " + task_key);
        for (const auto& department : task.departments) {
            out.push_back("  department " + key(department.name) + " " + department.role);
        }
        for (const auto& deadline : task.deadlines) {
            out.push_back("  deadline " + key(deadline.text) + " " + deadline.date.value_or("-"));
        }
    }
    std::vector<std::string> citations;
    for (const auto& citation : record.citations) {
        citations.push_back("citation " + citation.kind + " " + key(citation.text));
    }
    std::sort(citations.begin(), citations.end());
    out.insert(out.end(), citations.begin(), citations.end());
    return out;
}

policy::Record extract(const std::string& bytes, const std::string& name) {
    static const auto extractor = policy::Extractor::create(policy::test::default_grammar());
    REQUIRE(extractor.ok());
    auto record = extractor->extract(bytes, name);
    REQUIRE(record.ok());
    return std::move(record).value();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// Item numbers at line starts (1. 1、 1． with any spacing) rewritten as `marker`.
std::string renumber(std::string text, const std::string& marker) {
    RE2::GlobalReplace(&text, R"((?m)^([ \t]*|(?:　)*)(\d{1,2})(?:\.|、|．)[ \t]*)", "\\1\\2" + marker);
    return text;
}

// Hard-wrapped at `limit`, indentation included: counted in code points as a naive copy
// does, or (`columns`) in display columns as a PDF copy is (ASCII one column, the rest two).
std::string wrap(const std::string& text, std::size_t limit, bool columns = false) {
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
            ++next;
        }
        const std::size_t width = !columns || static_cast<unsigned char>(text[i]) < 0x80 ? 1 : 2;
        if (text[i] == '\n') {
            used = 0;
        } else if (used + width > limit) {
            out += '\n';
            used = 0;
        }
        out.append(text, i, next - i);
        used += text[i] == '\n' ? 0 : width;
        i = next;
    }
    return out;
}

// A page number line after every `every` lines.
std::string paginate(const std::string& text, std::size_t every) {
    std::string out;
    std::size_t lines = 0;
    int page = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '\n' && ++lines % every == 0) {
            out += "\n— " + std::to_string(++page) + " —\n\n";
        }
    }
    return out;
}

std::string to_gb18030(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 16, '\0');
    const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

const std::map<std::string, std::function<std::string(const std::string&)>>& variants() {
    static const std::map<std::string, std::function<std::string(const std::string&)>> all = {
        {"CRLF", [](const std::string& t) { return replace_all(t, "\n", "\r\n"); }},
        {"half-width brackets", [](const std::string& t) { return replace_all(replace_all(t, "（", "("), "）", ")"); }},
        {"full-width brackets", [](const std::string& t) { return replace_all(replace_all(t, "(", "（"), ")", "）"); }},
        {"numbering 1、", [](const std::string& t) { return renumber(t, "、"); }},
        {"numbering 1．", [](const std::string& t) { return renumber(t, "．"); }},
        {"numbering 1 . ", [](const std::string& t) { return renumber(t, " . "); }},
        {"wrapped at 30", [](const std::string& t) { return wrap(t, 30); }},
        {"wrapped at 45", [](const std::string& t) { return wrap(t, 45); }},
        {"wrapped at 50 columns", [](const std::string& t) { return wrap(t, 50, true); }},
        {"wrapped at 60 columns", [](const std::string& t) { return wrap(t, 60, true); }},
        {"wrapped at 72 columns, with page numbers",
         [](const std::string& t) { return paginate(wrap(t, 72, true), 30); }},
        {"page numbers", [](const std::string& t) { return paginate(t, 25); }},
        {"web chrome",
         [](const std::string& t) {
             return "首页 > 政务公开 > 通知公告\n发布时间：2019-04-01 09:30 来源：本站 浏览次数：233\n【字体：大 中 "
                    "小】\n\n" +
                    t +
                    "\n\n【打印本页】【关闭窗口】\n上一篇：关于召开全省安全生产电视电话会议的通知\n"
                    "下一篇：2019年一季度全省生产安全事故情况通报\n版权所有：吉林省人民政府 吉ICP备05002023号\n";
         }},
        {"GB18030", [](const std::string& t) { return to_gb18030(t); }},
        {"GB18030, wrapped at 38, page numbers",
         [](const std::string& t) { return to_gb18030(paginate(wrap(t, 38), 20)); }},
        {"GB18030, the indentation's no-break spaces lost to ?",
         [](const std::string& t) {
             // (A page saved in GBK, which has no no-break space: the encoder wrote ? for each.)
             std::string out = "??";
             for (const char c : replace_all(t, "\u00A0", "?")) {
                 out += c;
                 if (c == '\n') {
                     out += "??";
                 }
             }
             return to_gb18030(out);
         }},
        {"double-spaced, wrapped at 38",
         [](const std::string& t) {
             std::string out;
             for (const char c : wrap(t, 38)) {
                 out += c;
                 if (c == '\n') {
                     out += '\n';
                 }
             }
             return out;
         }},
    };
    return all;
}

void check_variants(const std::string& file, const std::string& dir = "corpus/") {
    const std::string original = policy::test::read_file(policy::test::source_path(dir + file));
    const std::vector<std::string> expected = summary(extract(original, file));
    REQUIRE(expected.size() > 10);
    for (const auto& [name, transform] : variants()) {
        CAPTURE(name);
        const std::vector<std::string> got = summary(extract(transform(original), file));
        // The first difference, readable, rather than two long vectors.
        std::size_t i = 0;
        while (i < got.size() && i < expected.size() && got[i] == expected[i]) {
            ++i;
        }
        const std::string first_expected = i < expected.size() ? expected[i] : "(end)";
        const std::string first_got = i < got.size() ? got[i] : "(end)";
        CHECK(first_got == first_expected);
        CHECK(got.size() == expected.size());
    }
}

}  // namespace

TEST_CASE("the 2019 work points read the same in every variant") {
    check_variants("jilin-anweihui-2019-gongzuo-yaodian.txt");
}

TEST_CASE("the 2024 work points read the same in every variant") {
    check_variants("jilin-gongxinting-2024-anquan-shengchan-yaodian.txt");
}

TEST_CASE("the 2014 reform plan reads the same in every variant") {
    check_variants("jilin-banfa-2014-32-anquan-gaige-shidian-fangan.txt");
}

// Notices written for the tests in other issuers' styles (tests/data/styles/README.md).
TEST_CASE("a task-division notice in another province's style reads the same in every variant") {
    check_variants("hebei-style-task-division.txt", "tests/data/styles/");
}

TEST_CASE("a notice scraped with its web page reads the same in every variant") {
    check_variants("henan-style-web-page.txt", "tests/data/styles/");
}

TEST_CASE("labelled and marked departments read the same in every variant") {
    check_variants("labelled-departments.txt", "tests/data/styles/");
}

TEST_CASE("a notice under its issuer's red header, with asides after the body, reads the same in every variant") {
    check_variants("red-header-with-asides.txt", "tests/data/styles/");
}

TEST_CASE("a notice on a web page with related links after it reads the same in every variant") {
    check_variants("web-page-related-links.txt", "tests/data/styles/");
}

TEST_CASE("a plan numbered by a word processor (⒈ ⑴ ㈠) reads the same in every variant") {
    check_variants("word-processor-numbering.txt", "tests/data/styles/");
}

// A scraper that kept a page's text but not its line breaks (textContent) leaves the whole
// notice on one line: the outline numbers that go on in sequence break it again, so every
// task keeps its text, departments and deadlines (the head and the headings' ends are lost
// with the breaks).
TEST_CASE("a notice that lost every line break keeps its tasks, departments and deadlines") {
    const auto tasks_of = [](const std::vector<std::string>& summary) {
        std::vector<std::string> out;
        std::copy_if(summary.begin(), summary.end(), std::back_inserter(out),
                     [](const std::string& line) { return line.starts_with("task ") || line.starts_with("  "); });
        return out;
    };
    for (const std::string file :
         {"corpus/jilin-anweihui-2019-gongzuo-yaodian.txt",
          "corpus/jilin-gongxinting-2024-anquan-shengchan-yaodian.txt",
          "corpus/jilin-banfa-2014-32-anquan-gaige-shidian-fangan.txt", "tests/data/styles/henan-style-web-page.txt"}) {
        CAPTURE(file);
        const std::string original = policy::test::read_file(policy::test::source_path(file));
        std::string one_line;
        for (const char c : original) {
            if (c != '\n' && c != '\r') {
                one_line += c;
            }
        }
        const std::vector<std::string> expected = tasks_of(summary(extract(original, file)));
        REQUIRE(expected.size() > 10);
        CHECK(tasks_of(summary(extract(one_line, file))) == expected);
    }
}
