#include "extract.h"

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "citations.h"
#include "deadlines.h"
#include "departments.h"
#include "lines.h"
#include "metadata.h"
#include "normalise.h"
#include "outline.h"
#include "rule_match.h"
#include "sha256.h"

namespace policy {
namespace {

// An item's own paragraph this short (bytes after the number) without 。 or ；is a heading
// (1.1 指导思想): the paragraph after it is its body.
constexpr std::size_t k_longest_item_heading = 90;

// An item's first paragraph this short (bytes after the number) is a title its labelled lines
// may follow before the detail (1．修订县安委会成员单位安全生产工作职责。 / 责任单位：… / detail).
constexpr std::size_t k_longest_item_title = 180;

// The decoded text, its normalised view and paragraphs, with the way back from a paragraph
// offset to the original text and to the input file's bytes.
struct SourceText {
    Decoded decoded;
    NormalisedText normalised;
    std::vector<Paragraph> paragraphs;

    std::string original(std::size_t index, std::size_t begin, std::size_t end) const {
        const Paragraph& paragraph = paragraphs[index];
        std::string out;
        std::size_t previous_end = 0;
        for (const Piece& piece : paragraph.pieces) {
            // A tab the line model put between two pieces (the cells of a table copied one to a
            // line) parts them here too.
            for (std::size_t k = std::max(begin, previous_end); k < std::min<std::size_t>(end, piece.paragraph_offset);
                 ++k) {
                if (paragraph.text[k] == '\t') {
                    out.push_back('\t');
                }
            }
            const std::size_t piece_end = piece.paragraph_offset + piece.length;
            previous_end = piece_end;
            const std::size_t b = std::max<std::size_t>(begin, piece.paragraph_offset);
            const std::size_t e = std::min<std::size_t>(end, piece_end);
            if (b >= e) {
                continue;
            }
            normalised.append_original(out, decoded.text, piece.normalised_offset + (b - piece.paragraph_offset),
                                       piece.normalised_offset + (e - piece.paragraph_offset));
        }
        return out;
    }

    std::string original(const TextSpan& span) const { return original(span.paragraph, span.begin, span.end); }

    Location location(std::size_t index, std::size_t begin, std::size_t end) const {
        const Paragraph& paragraph = paragraphs[index];
        Location where;
        where.begin = decoded.source_offset(normalised.to_original(paragraph.normalised_offset(begin)));
        where.end = decoded.source_offset(normalised.to_original(paragraph.normalised_offset(end)));
        where.line = paragraph.first_line;
        return where;
    }
};

std::string join_spans(const SourceText& source, const std::vector<TextSpan>& spans) {
    std::string out;
    for (const TextSpan& span : spans) {
        out += source.original(span);
    }
    return out;
}

// The heading of a section: its text up to the first 。 (the rest of the paragraph is body).
// A heading ending in the parenthesis of the bodies that carry its part out ((一)开展全面排查
// （各消防大队负责）) ends before it: the parenthesis names who, not the part.
std::size_t heading_end(std::string_view text, std::size_t begin, const DepartmentRules& departments) {
    const std::size_t stop = text.find("。", begin);
    std::size_t end = stop == std::string_view::npos ? text.size() : stop;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    if (stop == std::string_view::npos && end > begin && text[end - 1] == ')') {
        const std::string_view heading = text.substr(begin, end - begin);
        const std::vector<DepartmentSpan> bodies = departments.find(heading);
        const std::size_t open = bodies.empty() ? std::string_view::npos : heading.rfind('(', bodies.front().begin);
        if (open != std::string_view::npos && open >= 6) {
            end = begin + open;
            while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
                --end;
            }
        }
    }
    return end;
}

// The separator after an item's number (1. → ".", 1、 → "、"), as classify read it.
std::string_view item_separator(std::string_view text, const OutlineMarker& marker) {
    std::size_t begin = 0;
    while (begin < text.size() && text[begin] >= '0' && text[begin] <= '9') {
        ++begin;
    }
    std::size_t end = std::min(marker.text_begin, text.size());
    while (end > begin && text[end - 1] == ' ') {
        --end;
    }
    while (begin < end && text[begin] == ' ') {
        ++begin;
    }
    return text.substr(begin, end - begin);
}

// The numbers last seen at each level, as paragraphs are read in order.
struct Numbering {
    int heading1 = 0;
    int heading2 = 0;
    int heading2_run = 0;  // the last level-2 number under any level-1 heading
    int item = 0;

    // Whether `marker` follows on from them (the next heading; a level-2 heading or an item
    // that restarts at 1).
    bool follows(const OutlineMarker& marker) const {
        switch (marker.kind) {
            case MarkerKind::heading1:
                return marker.value == heading1 + 1;
            case MarkerKind::heading2:
                // (Or numbered on across the level-1 headings, as 实施意见 are: 二、… （四）….)
                return marker.value == heading2 + 1 || marker.value == 1 ||
                       (heading2 == 0 && marker.value == heading2_run + 1);
            case MarkerKind::item:
                return !marker.closing_only && (marker.value == item + 1 || marker.value == 1);
            default:
                return false;
        }
    }

    void take(const OutlineMarker& marker) {
        if (marker.kind == MarkerKind::heading1) {
            heading1 = marker.value;
            heading2 = 0;
        } else if (marker.kind == MarkerKind::heading2) {
            heading2 = marker.value;
            heading2_run = marker.value;
        } else if (marker.kind == MarkerKind::item && !marker.closing_only) {
            item = marker.value;
        }
    }
};

// Whether a Chinese numeral of a heading (一…十) starts at `at`.
bool chinese_numeral_at(std::string_view text, std::size_t at) {
    for (const std::string_view numeral : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}) {
        if (text.substr(at).starts_with(numeral)) {
            return true;
        }
    }
    return false;
}

// Whether `text` opens as a heading numbered in Chinese may (一、 （一）), a cheap test before
// the outline's rules read it.
bool opens_chinese_numbered(std::string_view text) {
    return chinese_numeral_at(text, text.starts_with("(") ? 1 : 0);
}

// The longest responsibility parenthesis that may open a paragraph before a glued marker.
constexpr std::size_t k_longest_lead_parenthesis = 300;

// Whether a number follows an item's marker (6、7、8月为主汛期: a list of numbers, no item).
bool numbers_follow(std::string_view text, const OutlineMarker& marker) {
    return marker.text_begin < text.size() && std::isdigit(static_cast<unsigned char>(text[marker.text_begin])) != 0;
}

// The longest labelled value (bytes) a marker may be run on after (完成时限：长期坚持2.…).
constexpr std::size_t k_longest_label_value = 120;
// How far before its colon a label's ending is read (bytes).
constexpr std::size_t k_label_reach = 12;
// Whether `before` ends in a labelled line's value: a label of who or when (outline.value_label:
// 牵头单位, 完成时限 — not 重点检查以下内容： before a list), its colon after the last 。, a
// little before the end (牵头单位：县市场监督管理局三、实施步骤, 完成时限：长期坚持2.压实…).
bool ends_in_label_value(std::string_view before, const OutlineRules& outline) {
    // (Only the last bytes, as far as a value reaches: a long paragraph stays linear.)
    if (before.size() > k_longest_label_value + k_label_reach) {
        before.remove_prefix(before.size() - k_longest_label_value - k_label_reach);
    }
    const std::size_t colon = before.rfind(':');
    const std::size_t stop = before.rfind("。");
    if (colon == std::string_view::npos || (stop != std::string_view::npos && colon < stop) ||
        colon + 1 >= before.size() || before.size() - colon > k_longest_label_value) {
        return false;
    }
    return ends_with_rule(before.substr(0, colon), outline.value_label());
}

// Whether text ending so may have the next item run on after it: a closing bracket, a full
// stop or a ；, or — where a CMS kept no break but after a 。 — the end of a labelled line's
// value (outline.value_end: 完成时限：2019年8月底前2.严格…, 配合单位：县商务局7.排查…; or any
// value after a label); not a word a number goes with (outline.number_word: 附件2. 表3. 第2.).
bool ends_before_item(std::string_view before, const OutlineRules& outline) {
    if (before.ends_with(")") || before.ends_with("。") || before.ends_with(";")) {
        return true;
    }
    if (ends_with_rule(before, outline.number_word())) {
        return false;
    }
    return ends_with_rule(before, outline.value_end()) || ends_in_label_value(before, outline);
}

// Where a heading's usual words end (lines.lost_heading_word: 工作目标, 强化组织保障) when its
// first sentence runs on right after them (一、工作目标全面排查整治…，…。), or npos. Only before a
// sentence (a comma or a ； before its 。): a heading goes on after them (（二）组织实施专项行动).
std::size_t heading_word_end(std::string_view text, const OutlineMarker& marker, const OutlineRules& outline) {
    const re2::RE2* heading_word = outline.line_rules().lost_heading_word;
    re2::StringPiece word;
    if ((marker.kind != MarkerKind::heading1 && marker.kind != MarkerKind::heading2) || heading_word == nullptr ||
        !heading_word->Match(text, marker.text_begin, text.size(), re2::RE2::ANCHOR_START, &word, 1)) {
        return std::string_view::npos;
    }
    const std::size_t at = marker.text_begin + word.size();
    const auto lead = static_cast<unsigned char>(at < text.size() ? text[at] : 0);
    const bool runs_on = (lead >= 0xE4 && lead <= 0xE9) || std::isdigit(lead) != 0;
    const std::size_t stop = text.find("。", at);
    const std::string_view sentence = text.substr(at, stop == std::string_view::npos ? stop : stop - at);
    return runs_on && sentence.find_first_of(",;") != std::string_view::npos ? at : std::string_view::npos;
}

// Where a marker glued to the text before it starts, in text whose paragraph breaks a
// scraper lost (lines broken only at 。: …核查。 / （区住建局负责）2.督促… / 二、整治内容（一）燃气
// 经营企业1.严格…), or npos: after a parenthesis that opens a paragraph without a marker (the
// last task's bodies), the next heading or item; in a heading's title, before any
// punctuation, the first marker of the level below (its （一）, or an item); anywhere after
// a 。 or a closing bracket, or a bracketed heading after a labelled line's value
// (ends_before_item), the next heading (…制定本方案。一、工作目标…); in an item's paragraph or
// one with no marker, the next item after such a value (完成时限：2019年8月底前2.严格…) unless
// the next numbered paragraph, `next_numbered`, is that item. Only a number that follows on
// from the ones before counts.
std::size_t glued_marker(std::string_view text, const OutlineMarker& marker, const OutlineRules& outline,
                         Numbering seen, int next_numbered) {
    if (marker.kind == MarkerKind::none && text.starts_with("(")) {
        int depth = 0;
        for (std::size_t i = 0; i < text.size() && i < k_longest_lead_parenthesis; ++i) {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0) {
                std::size_t at = i + 1;
                while (at < text.size() && text[at] == ' ') {
                    ++at;
                }
                if (at < text.size() && seen.follows(outline.classify(text.substr(at)))) {
                    return at;
                }
                break;
            }
        }
    }
    seen.take(marker);
    std::size_t title_cut = std::string_view::npos;
    if (marker.kind == MarkerKind::heading1 || marker.kind == MarkerKind::heading2) {
        const std::size_t title_end =
            std::min({text.size(), text.find("。", marker.text_begin), text.find_first_of(",;:", marker.text_begin)});
        // (At least one character of title before it: 3 bytes.)
        for (std::size_t at = marker.text_begin + 3; at < title_end; ++at) {
            const bool digit = std::isdigit(static_cast<unsigned char>(text[at])) != 0 &&
                               std::isdigit(static_cast<unsigned char>(text[at - 1])) == 0;
            if (!digit && !(marker.kind == MarkerKind::heading1 && text.substr(at).starts_with("(一)"))) {
                continue;
            }
            const OutlineMarker inner = outline.classify(text.substr(at));
            const bool below =
                inner.kind == MarkerKind::item ||
                (marker.kind == MarkerKind::heading1 && inner.kind == MarkerKind::heading2 && inner.value == 1);
            if (below && seen.follows(inner)) {
                title_cut = at;
                break;
            }
        }
    }
    if (title_cut == std::string_view::npos) {
        title_cut = heading_word_end(text, marker, outline);
    }
    // The next item, in an item's paragraph (written as it is) or in one with no marker (a
    // task's label lines run together) — unless the next numbered paragraph is that item.
    const bool own_item =
        marker.kind == MarkerKind::item && !marker.closing_only && marker.numeral.find('.') == std::string::npos;
    const std::string next_item =
        (own_item || marker.kind == MarkerKind::none) && seen.item > 0 && next_numbered != seen.item + 1
            ? std::to_string(seen.item + 1)
            : "";
    const std::string_view separator = own_item ? item_separator(text, marker) : std::string_view();
    // (Only where a 。 (its lead byte), a bracket or, when an item is sought, a digit stands.)
    const bool digits = !next_item.empty();
    const auto candidate = [&](std::size_t at) {
        const auto c = static_cast<unsigned char>(text[at]);
        return c == 0xE3 || c == '(' || c == ')' || (digits && c >= '0' && c <= '9');
    };
    for (std::size_t at = marker.text_begin; at < text.size() && at < title_cut; ++at) {
        if (!candidate(at)) {
            continue;
        }
        if (!next_item.empty() && at > 0 && text.substr(at).starts_with(next_item) &&
            std::isdigit(static_cast<unsigned char>(text[at - 1])) == 0 &&
            ends_before_item(text.substr(0, at), outline)) {
            const OutlineMarker inner = outline.classify(text.substr(at));
            if (inner.kind == MarkerKind::item && !inner.closing_only && inner.value == seen.item + 1 &&
                !numbers_follow(text.substr(at), inner) &&
                (!own_item || item_separator(text.substr(at), inner) == separator)) {
                return at;
            }
        }
        // (After a labelled line's value, too, a heading in brackets (…长期坚持（二）燃气管道设施):
        // 一、 there may be a list of numbers, 前三、四季度.)
        // (A level-1 heading right after a labelled value: 牵头单位：县市场监管局三、实施步骤 —
        // found at its 、, the numeral before it not after another, nor a numeral after it.)
        if (text.substr(at).starts_with("、")) {
            std::size_t numeral = at;
            while (numeral >= 3 && numeral + 9 > at && chinese_numeral_at(text, numeral - 3)) {
                numeral -= 3;
            }
            if (numeral < at && numeral >= 3 && !chinese_numeral_at(text, at + 3) &&
                ends_in_label_value(text.substr(0, numeral), outline) &&
                ends_before_item(text.substr(0, numeral), outline)) {
                const OutlineMarker inner = outline.classify(text.substr(numeral));
                if (inner.kind == MarkerKind::heading1 && seen.follows(inner)) {
                    return numeral;
                }
            }
            continue;
        }
        const bool stop = text.substr(at).starts_with("。") || text[at] == ')';
        const std::size_t after = text.substr(at).starts_with("。") ? at + 3 : at + 1;
        if (!(stop || (text[at] == '(' && !text.substr(0, at).ends_with(";") &&
                       ends_before_item(text.substr(0, at), outline))) ||
            after >= text.size() || !opens_chinese_numbered(text.substr(stop ? after : at))) {
            continue;
        }
        const OutlineMarker inner = outline.classify(text.substr(stop ? after : at));
        if ((inner.kind == MarkerKind::heading1 || inner.kind == MarkerKind::heading2) && seen.follows(inner)) {
            return stop ? after : at;
        }
    }
    return title_cut;
}

// Paragraphs cut at every glued marker (glued_marker); returns each one's marker, as
// classify reads it.
std::vector<OutlineMarker> split_glued_markers(std::vector<Paragraph>& paragraphs, const OutlineRules& outline,
                                               std::string_view normalised) {
    // The number of the next numbered paragraph after each (0: none).
    std::vector<OutlineMarker> markers(paragraphs.size());
    std::vector<int> next_items(paragraphs.size(), 0);
    for (std::size_t i = paragraphs.size(); i-- > 0;) {
        markers[i] = outline.classify(paragraphs[i].text);
        if (i > 0) {
            next_items[i - 1] = markers[i].kind == MarkerKind::item ? markers[i].value : next_items[i];
        }
    }
    std::vector<Paragraph> out;
    std::vector<OutlineMarker> out_markers;
    out.reserve(paragraphs.size());
    out_markers.reserve(paragraphs.size());
    Numbering seen;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        out.push_back(std::move(paragraphs[i]));
        OutlineMarker marker = std::move(markers[i]);
        for (;;) {
            // (6、7、8月为主汛期: numbers, no item.)
            const bool numbers = marker.kind == MarkerKind::item && numbers_follow(out.back().text, marker);
            const OutlineMarker& read = numbers ? OutlineMarker{} : marker;
            const std::size_t cut = glued_marker(out.back().text, read, outline, seen, next_items[i]);
            seen.take(read);
            if (cut == std::string_view::npos) {
                out_markers.push_back(std::move(marker));
                break;
            }
            Paragraph tail = split_off(out.back(), cut, normalised);
            out_markers.push_back(outline.classify(out.back().text));  // (read again without its tail)
            out.push_back(std::move(tail));
            marker = outline.classify(out.back().text);
        }
    }
    paragraphs = std::move(out);
    return out_markers;
}

// Items a scraper ran into the paragraph before (…按职责分工负责）8.加强村屯绿化…): the next
// number, written as this item's is, right after a closing bracket, a full stop or a ；
// opens a paragraph of its own — unless the next numbered paragraph is that item already.
// Returns every paragraph's marker, as classify reads it, for the outline to take up.
std::vector<OutlineMarker> split_run_on_items(std::vector<Paragraph>& paragraphs, const OutlineRules& outline,
                                              std::string_view normalised) {
    std::vector<OutlineMarker> markers = split_glued_markers(paragraphs, outline, normalised);
    // The number of the next numbered paragraph after each (0: none).
    std::vector<int> next_items(paragraphs.size(), 0);
    for (std::size_t i = paragraphs.size(); i-- > 1;) {
        next_items[i - 1] = markers[i].kind == MarkerKind::item ? markers[i].value : next_items[i];
    }
    std::vector<Paragraph> out;
    std::vector<OutlineMarker> out_markers;
    out.reserve(paragraphs.size());
    out_markers.reserve(paragraphs.size());
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const int next_item = next_items[i];
        out.push_back(std::move(paragraphs[i]));
        out_markers.push_back(markers[i]);
        OutlineMarker marker = std::move(markers[i]);
        // A heading with its first item run on after its 。 (（一）强化领导责任。1.深入学习…): the
        // item opens a paragraph of its own, where it is the first or the next item is its next.
        if (marker.kind == MarkerKind::heading1 || marker.kind == MarkerKind::heading2) {
            const std::string_view text = out.back().text;
            const std::size_t stop = text.find("。", marker.text_begin);
            if (stop != std::string_view::npos && stop + 3 < text.size()) {
                OutlineMarker inner = outline.classify(text.substr(stop + 3));
                if (inner.kind == MarkerKind::item && !inner.closing_only &&
                    (inner.value == 1 || next_item == inner.value + 1)) {
                    Paragraph tail = split_off(out.back(), stop + 3, normalised);
                    out_markers.back() = outline.classify(out.back().text);
                    out.push_back(std::move(tail));
                    out_markers.push_back(inner);
                    marker = std::move(inner);
                }
            }
        }
        while (marker.kind == MarkerKind::item && marker.numeral.find('.') == std::string::npos &&
               next_item != marker.value + 1) {
            const std::string_view text = out.back().text;
            const std::string_view separator = item_separator(text, marker);
            const std::string next = std::to_string(marker.value + 1);
            std::size_t cut = std::string_view::npos;
            OutlineMarker inner;
            for (std::size_t pos = text.find(next, marker.text_begin); pos != std::string_view::npos;
                 pos = text.find(next, pos + 1)) {
                const std::string_view before = text.substr(0, pos);
                if (!ends_before_item(before, outline)) {
                    continue;
                }
                inner = outline.classify(text.substr(pos));
                if (inner.kind == MarkerKind::item && inner.value == marker.value + 1 &&
                    !numbers_follow(text.substr(pos), inner) && item_separator(text.substr(pos), inner) == separator) {
                    cut = pos;
                    break;
                }
            }
            if (cut == std::string_view::npos) {
                break;
            }
            Paragraph tail = split_off(out.back(), cut, normalised);
            out_markers.back() = outline.classify(out.back().text);  // (read again without its tail)
            out.push_back(std::move(tail));
            out_markers.push_back(inner);
            marker = std::move(inner);
        }
    }
    paragraphs = std::move(out);
    return out_markers;
}

}  // namespace

struct Extractor::Impl {
    const Grammar* grammar = nullptr;
    OutlineRules outline;
    DeadlineRules deadlines;
    CitationRules citations;
    DepartmentRules departments;
    MetadataRules metadata;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::create(const Grammar& grammar) {
    auto outline = POLICY_TRY(OutlineRules::create(grammar));
    auto deadlines = POLICY_TRY(DeadlineRules::create(grammar));
    auto citations = POLICY_TRY(CitationRules::create(grammar));
    auto departments = POLICY_TRY(DepartmentRules::create(grammar));
    auto metadata = POLICY_TRY(MetadataRules::create(grammar));
    auto impl = std::unique_ptr<Impl>(new Impl{&grammar, std::move(outline), std::move(deadlines), std::move(citations),
                                               std::move(departments), std::move(metadata)});
    return Extractor(std::move(impl));
}

Result<Record> Extractor::extract(std::string_view bytes, const std::string& path, const DecodeOptions& options) const {
    return extract(std::string(bytes), path, options);
}

Result<Record> Extractor::extract(std::string&& bytes, const std::string& path, const DecodeOptions& options,
                                  std::string sha256) const {
    const Impl& rules = *m_impl;
    const std::size_t size = bytes.size();
    if (sha256.empty()) {
        sha256 = sha256_hex(bytes);
    }
    SourceText source;
    source.decoded = POLICY_TRY(decode(std::move(bytes), path, options));
    source.normalised = normalise(source.decoded.text);
    source.paragraphs = split_paragraphs(source.normalised.text, rules.outline.line_rules());
    const std::vector<OutlineMarker> classified =
        split_run_on_items(source.paragraphs, rules.outline, source.normalised.text);
    const std::vector<Paragraph>& paragraphs = source.paragraphs;

    Record record;
    record.path = path;
    record.file = path == "-" ? "-" : std::filesystem::path(path).filename().string();
    record.size = size;
    record.sha256 = std::move(sha256);
    record.encoding = source.decoded.encoding;
    record.warnings = source.decoded.warnings;

    const Layout layout = rules.metadata.layout(paragraphs, rules.citations);
    const Metadata meta = rules.metadata.metadata(paragraphs, layout, rules.citations);
    record.title = join_spans(source, meta.title);
    record.plan_title = join_spans(source, meta.plan_title);
    if (record.title.empty()) {
        record.title = record.plan_title;
    }
    record.doc_number = meta.doc_number;
    for (const TextSpan& span : meta.issuers) {
        record.issuers.push_back(source.original(span));
    }
    record.issued = meta.issued;
    for (const TextSpan& span : meta.recipients) {
        record.recipients.push_back(source.original(span));
    }
    for (const TextSpan& span : meta.cc) {
        record.cc.push_back(source.original(span));
    }

    // The outline.
    std::vector<OutlineMarker> markers(paragraphs.size());
    for (std::size_t i = layout.body_begin; i < layout.body_end; ++i) {
        markers[i] = classified[i];
    }
    for (const std::size_t i : layout.listed) {
        markers[i] = OutlineMarker{};
    }
    // A task table's rows after its header row (序号<TAB>重点任务<TAB>牵头单位<TAB>完成时限) are
    // items, under the headings between them; each row keeps its header for its duty cells.
    std::vector<std::size_t> row_header(paragraphs.size(), k_none);
    std::map<std::size_t, std::vector<std::string_view>> headers;
    int last_row = 0;  // the number of the table's last row
    for (std::size_t i = layout.body_begin, header = k_none; i < layout.body_end; ++i) {
        std::vector<std::string_view> columns = rules.outline.table_header(paragraphs[i].text);
        if (!columns.empty()) {
            header = i;
            last_row = 0;
            headers[i] = std::move(columns);
            markers[i] = OutlineMarker{};
            continue;
        }
        if (header == k_none) {
            continue;
        }
        OutlineMarker row = rules.outline.table_row(paragraphs[i].text);
        // (A number then one space opens a row only where the numbering goes on: 2 个工作日内…
        // in a cell's wrapped rest does not.)
        const std::string_view after_number = std::string_view(paragraphs[i].text).substr(row.numeral.size());
        if (row.kind == MarkerKind::item && after_number.starts_with(" ") && !after_number.starts_with("  ") &&
            row.value != last_row + 1 && row.value != 1) {
            row = OutlineMarker{};
        }
        if (row.kind == MarkerKind::item) {
            last_row = row.value;
            markers[i] = std::move(row);
            row_header[i] = header;
        } else if (rules.outline.other_table_header(paragraphs[i].text)) {
            header = k_none;  // another table's header (序号<TAB>姓名<TAB>电话): this one has ended
        }
        // (Else a heading between rows, or a row's wrapped rest (…2024年1月 / 31日前): it goes on.)
    }
    // A table that sums up tasks numbered in the text (an attached 分工表) adds none: its rows
    // are tasks only where the notice has no others (关于印发…任务分工表的通知).
    bool items_elsewhere = false;
    for (std::size_t i = layout.body_begin; i < layout.body_end; ++i) {
        items_elsewhere = items_elsewhere || (markers[i].kind == MarkerKind::item && row_header[i] == k_none);
    }
    if (items_elsewhere) {
        for (std::size_t i = layout.body_begin; i < layout.body_end; ++i) {
            if (row_header[i] != k_none) {
                markers[i] = OutlineMarker{};
                row_header[i] = k_none;
            }
        }
    }
    std::vector<bool> is_stop(paragraphs.size(), false);
    for (const std::size_t i : layout.stops) {
        is_stop[i] = true;
    }
    // A numbered contact or file after the tasks (1.综合协调处 陈某某，020-83133210) is no task,
    // and ends the one before it.
    for (std::size_t i = layout.body_begin; i < layout.body_end; ++i) {
        if (markers[i].kind == MarkerKind::item && rules.outline.is_listed_aside(paragraphs[i].text)) {
            markers[i] = OutlineMarker{};
            is_stop[i] = true;
        }
        // So does a box's title (专栏1 重点工程): the box's own items are tasks.
        is_stop[i] = is_stop[i] || (markers[i].kind == MarkerKind::none && rules.outline.is_box(paragraphs[i].text));
    }
    // An attachment that is a form or a list (附件2 / …报名回执, 附件3：…统计表): its numbered
    // fields and entries (1．单位名称：, 1．成都市（…）), no sentence, are no tasks, up to the next
    // attachment. (Its numbered notes are: 1．请各单位于5月26日前报送。)
    for (std::size_t i = layout.body_begin, in_form = 0; i < layout.body_end; ++i) {
        if (markers[i].kind == MarkerKind::part) {
            const std::string_view own = paragraphs[i].text;
            std::string_view title = own.substr(std::min(markers[i].text_begin, own.size()));
            if (title.find_first_not_of(" \t:") == std::string_view::npos && i + 1 < layout.body_end) {
                title = paragraphs[i + 1].text;
            }
            in_form = rules.outline.is_form_title(title) ? 1 : 0;
        } else if (in_form != 0 && (markers[i].kind == MarkerKind::item || markers[i].kind == MarkerKind::subitem) &&
                   paragraphs[i].text.find("。") == std::string::npos) {
            markers[i] = OutlineMarker{};
        }
    }
    settle_item_levels(markers);
    const std::vector<OutlineNode> nodes = build_outline(markers, layout.body_begin, layout.body_end);

    // Parts and attachments that number their items afresh (第二部分 / 一、 / 1., 附件2 / 二、 /
    // 1.) would give two tasks one path: then each task's path opens with its part's label
    // (第二部分/一/1), so a path still names one task (its deadlines, its citations).
    std::set<std::string> item_paths;
    bool paths_repeat = false;
    for (const OutlineNode& node : nodes) {
        if (node.kind == MarkerKind::item) {
            paths_repeat = !item_paths.insert(node.path).second || paths_repeat;
        }
    }
    std::string part_label;
    std::map<std::string, int> path_uses;  // task paths given so far, and how often

    // Sections and tasks; which task each paragraph belongs to.
    std::vector<std::size_t> owner(paragraphs.size(), k_none);  // index into record.tasks
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        const OutlineNode& node = nodes[k];
        const std::string_view text = paragraphs[node.paragraph].text;
        if (node.kind == MarkerKind::article) {
            continue;  // it only ends the task before it
        }
        if (node.kind == MarkerKind::part || node.kind == MarkerKind::division) {
            // (Its label: 附件2, 第二部分 — the marker, without the spaces and marks after it.)
            std::size_t end = std::min(node.text_begin, text.size());
            while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == ':')) {
                --end;
            }
            if (std::string_view(text.substr(0, end)).ends_with("、")) {
                end -= 3;
            }
            part_label = std::string(text.substr(0, end));
            continue;  // it only ends the task before it
        }
        if (node.kind == MarkerKind::heading1 || node.kind == MarkerKind::heading2) {
            Section section;
            section.path = node.path;
            section.level = node.kind == MarkerKind::heading1 ? 1 : 2;
            const std::size_t end = heading_end(text, node.text_begin, rules.departments);
            section.heading = source.original(node.paragraph, node.text_begin, end);
            section.where = source.location(node.paragraph, 0, end);
            record.sections.push_back(std::move(section));
            continue;
        }
        // An item: its paragraph and the unnumbered ones after it, up to the next node.
        const std::size_t limit = k + 1 < nodes.size() ? nodes[k + 1].paragraph : layout.body_end;
        std::size_t last = node.paragraph;
        // After the last task, a closing paragraph (各地各部门要…) is the notice's.
        const bool last_item = std::none_of(nodes.begin() + static_cast<std::ptrdiff_t>(k) + 1, nodes.end(),
                                            [](const OutlineNode& n) { return n.kind != MarkerKind::part; });
        // (Not the body of an item that is only a heading: 6.2 预案实施时间 / 本预案自印发之日起实施。)
        const bool heading_only = text.size() - node.text_begin <= k_longest_item_heading &&
                                  text.find("。") == std::string_view::npos && text.find(';') == std::string_view::npos;
        // (Nor, after the last task's labelled lines — 责任单位：… / 完成时限：… —, a paragraph that
        // is no label: the labels end the item. Unless they come first, right after the item's
        // short title, and the detail follows them with no blank line between: 9.安全生产宣传教育 /
        // 牵头单位：… / 完成时限：… / detail.)
        auto labels_end_item = [&](std::size_t at) {
            if (!rules.departments.is_label_line(paragraphs[at].text)) {
                return false;
            }
            std::size_t first = at;
            while (first > node.paragraph + 1 && rules.departments.is_label_line(paragraphs[first - 1].text)) {
                --first;
            }
            return first != node.paragraph + 1 || text.size() - node.text_begin > k_longest_item_title ||
                   paragraphs[at + 1].after_blank;
        };
        while (last + 1 < limit && !is_stop[last + 1] &&
               !(last_item && !(heading_only && last == node.paragraph) &&
                 rules.metadata.is_closing(paragraphs[last + 1].text)) &&
               !(last_item && last > node.paragraph && labels_end_item(last) &&
                 !rules.departments.is_label_line(paragraphs[last + 1].text))) {
            ++last;
        }
        Task task;
        task.path = paths_repeat && !part_label.empty() ? part_label + "/" + node.path : node.path;
        // A number given twice within one part (5． / 5．, a slip in numbering) gives the
        // second task the path with #2, so a path still names one task.
        if (const int seen = ++path_uses[task.path]; seen > 1) {
            task.path += "#" + std::to_string(seen);
        }
        task.number = node.number;
        task.section = node.section;
        task.text = source.original(node.paragraph, node.text_begin, text.size());
        for (std::size_t i = node.paragraph + 1; i <= last; ++i) {
            task.text += '\n';
            task.text += source.original(i, 0, paragraphs[i].text.size());
        }
        task.where = source.location(node.paragraph, 0, text.size());
        task.where.end = source.location(last, 0, paragraphs[last].text.size()).end;
        // The responsibility parenthesis ends the task's last paragraph; or the task ends in
        // labelled lines (责任单位：… / 配合单位：… / 完成时限：…), each read on its own.
        // The bodies `spans` name in paragraph `i`'s text from `base` on, a span's offsets
        // counted from `skip` bytes before it (a table cell's label written before it).
        auto add_found = [&](std::size_t i, const std::vector<DepartmentSpan>& spans, std::size_t base,
                             std::size_t skip) {
            for (const DepartmentSpan& span : spans) {
                if (span.begin < skip) {
                    continue;
                }
                Department department;
                department.name = source.original(i, base + span.begin - skip, base + span.end - skip);
                department.role = span.role;
                const auto named = std::find_if(task.departments.begin(), task.departments.end(),
                                                [&](const Department& d) { return d.name == department.name; });
                if (named != task.departments.end()) {
                    // Named again by another sub-item: one entry each, lead where it leads any.
                    if (department.role == "lead") {
                        named->role = department.role;
                    }
                    continue;
                }
                department.canonical = rules.departments.canonical(department.name);
                task.departments.push_back(std::move(department));
            }
        };
        // Those in the parentheses closing its sentences, then in the one ending it.
        auto add_departments = [&](std::size_t i) {
            const std::size_t dept_begin = i == node.paragraph ? node.text_begin : 0;
            const std::string_view own = std::string_view(paragraphs[i].text).substr(dept_begin);
            add_found(i, rules.departments.find_inner(own), dept_begin, 0);
            add_found(i, rules.departments.find(own), dept_begin, 0);
        };
        if (row_header[node.paragraph] != k_none) {
            // A table's row: its cells under duty columns (牵头单位, 责任单位…) read as labelled lines.
            const std::vector<std::string_view>& columns = headers[row_header[node.paragraph]];
            // The cells under columns `first` on of paragraph `i`'s row (or part of a row).
            auto read_cells = [&](std::size_t i, const std::vector<std::string_view>& cells, std::size_t first) {
                const std::string_view row = paragraphs[i].text;
                for (std::size_t k = 0; k < cells.size() && first + k < columns.size(); ++k) {
                    const std::string_view column = columns[first + k];
                    const std::string labelled = std::string(column) + ":" + std::string(cells[k]);
                    if (!cells[k].empty() && rules.departments.is_label_line(labelled)) {
                        add_found(i, rules.departments.find(labelled),
                                  static_cast<std::size_t>(cells[k].data() - row.data()), column.size() + 1);
                    }
                }
            };
            const std::vector<std::string_view> cells = table_cells(text);
            read_cells(node.paragraph, cells, 0);
            // A row whose task wrapped before its other cells (a PDF's layout: 3  推进…责任。 /
            // <indent>省交通运输厅  省公安厅、省安全监管局  2016年6月底前): those cells are a
            // paragraph of their own under the last columns.
            for (std::size_t i = node.paragraph + 1; i <= last && cells.size() < columns.size(); ++i) {
                const std::vector<std::string_view> rest = table_cells(paragraphs[i].text);
                if (rest.size() >= 2 && cells.size() + rest.size() <= columns.size()) {
                    read_cells(i, rest, columns.size() - rest.size());
                }
            }
            std::fill(owner.begin() + static_cast<std::ptrdiff_t>(node.paragraph),
                      owner.begin() + static_cast<std::ptrdiff_t>(last) + 1, record.tasks.size());
            record.tasks.push_back(std::move(task));
            continue;
        }
        std::size_t first_label = last + 1;
        while (first_label - 1 > node.paragraph && rules.departments.is_label_line(paragraphs[first_label - 1].text)) {
            --first_label;
        }
        // A task that opens with its parenthesis and lists sub-items after it:
        // 1.开展隐患排查治理（省应急管理厅牵头，省公安厅配合）： / （1）… / （2）…
        if (last > node.paragraph) {
            add_departments(node.paragraph);
        }
        // A working group's 成员单位 line counts beside the body that leads it.
        auto add_members = [&](std::size_t i) {
            if (std::any_of(task.departments.begin(), task.departments.end(),
                            [](const Department& d) { return d.role == "lead"; })) {
                add_found(i, rules.departments.members(paragraphs[i].text), 0, 0);
            }
        };
        // Sub-items that end in parentheses of their own: （1）…（省公安厅负责） / （2）…; and a
        // parenthesis on a paragraph of its own, the wrap having put it after the sentence it
        // closes, before the task goes on (…检验检测。 / （牵头单位：…；配合单位：…） / 各有关部门要…).
        // (Labels before the detail, in a task list's item, are read as at its end.)
        for (std::size_t i = node.paragraph + 1; i < first_label && i < last; ++i) {
            const std::string_view own = paragraphs[i].text;
            if (markers[i].kind == MarkerKind::subitem ||
                (own.starts_with("(") && (own.ends_with(")") || own.ends_with(")。")))) {
                add_departments(i);
            } else if (rules.departments.is_duty_line(own)) {
                add_departments(i);
                add_members(i);
            } else {
                add_found(i, rules.departments.find_inner(own), 0, 0);
            }
        }
        for (std::size_t i = first_label; i < last; ++i) {
            add_departments(i);
            add_members(i);
        }
        add_departments(last);
        if (last > node.paragraph) {
            add_members(last);
        }
        if (task.departments.empty()) {
            // 由X牵头，Y配合，开展…: the task opens with who does it.
            add_found(node.paragraph, rules.departments.find_opening(text.substr(node.text_begin)), node.text_begin, 0);
        }
        for (std::size_t i = node.paragraph; i <= last; ++i) {
            owner[i] = record.tasks.size();
        }
        record.tasks.push_back(std::move(task));
    }

    // Deadlines and citations, paragraph by paragraph through the notice. A limit without a
    // year is in the year of its section when the heading names that year's work (二、2024年
    // 重点工作, （二）2023年重点任务), else the notice's; the month of signing dates it too when that is the year of
    // signing (a month already past is next year's).
    const int signed_year = meta.issued && meta.issued->size() == 10 ? std::atoi(meta.issued->substr(0, 4).c_str()) : 0;
    const int signed_month_of_year = signed_year != 0 ? std::atoi(meta.issued->substr(5, 2).c_str()) : 0;
    const int signed_day_of_year = signed_year != 0 ? std::atoi(meta.issued->substr(8, 2).c_str()) : 0;
    int section_year = 0;     // the year the last 一、 names (二、2024年重点工作)
    int subsection_year = 0;  // the year the last （N） under it names (（二）2023年重点任务)
    std::vector<bool> opens_section(paragraphs.size(), false);  // a heading of the outline (not a clause)
    for (const OutlineNode& node : nodes) {
        opens_section[node.paragraph] = node.kind == MarkerKind::heading1 || node.kind == MarkerKind::heading2;
    }
    std::vector<std::size_t> from_field;  // citations of a 文号 in a web page's document table
    // The citations in paragraph `i`, in `task` (null: the notice's).
    auto cite = [&](std::size_t i, const Task* task) {
        const std::string_view text = paragraphs[i].text;
        const bool field_line = rules.metadata.is_field_line(text);
        // A document table's title row below the title (│标　　题：…关于印发《…》的通知│) repeats
        // it: its 《》 are not cited again.
        const bool title_row = rules.metadata.is_title_field(text) &&
                               std::none_of(meta.title.begin(), meta.title.end(),
                                            [&](const TextSpan& span) { return span.paragraph == i; });
        for (const CitationMatch& match : rules.citations.find(text)) {
            if (title_row && match.kind == "title") {
                continue;
            }
            if (field_line && match.number) {
                from_field.push_back(record.citations.size());
            }
            Citation citation;
            citation.kind = match.kind;
            citation.number = match.number;
            citation.text = match.number ? match.number->text : source.original(i, match.begin, match.end);
            // A 文号 printed with full-width digits is given so: FORMAT normalises only its
            // brackets and white space.
            if (match.number) {
                citation.text = digits_as_printed(citation.text, source.original(i, match.begin, match.end));
            }
            citation.doc_number = match.doc_number;
            citation.where = source.location(i, match.begin, match.end);
            if (task != nullptr) {
                citation.task = task->path;
            }
            record.citations.push_back(std::move(citation));
        }
    };
    for (std::size_t i = layout.body_begin; i < layout.body_end; ++i) {
        const std::string_view text = paragraphs[i].text;
        const bool heading1 = markers[i].kind == MarkerKind::heading1;
        if (heading1 || (markers[i].kind == MarkerKind::heading2 && opens_section[i])) {
            re2::StringPiece groups[2];  // the match, its year
            const re2::RE2* heading_year = rules.outline.heading_year();
            const int year = heading_year != nullptr && heading_year->Match(text, markers[i].text_begin, text.size(),
                                                                            re2::RE2::UNANCHORED, groups, 2)
                                 ? std::atoi(std::string(groups[1]).c_str())
                                 : 0;
            subsection_year = heading1 ? 0 : year;
            section_year = heading1 ? year : section_year;
        }
        if (rules.metadata.is_chrome(text)) {
            continue;
        }
        const int context_year = subsection_year != 0 ? subsection_year : section_year != 0 ? section_year : meta.year;
        // (Under a heading naming another year than the signing's (（二）2019年重点任务 in a plan
        // signed in 2018), the date of signing says nothing about its months.)
        // Nor does it in one year's plan signed the year before (12月底前 in a 2022 plan signed on
        // 2021-12-28 is the plan's December).
        const bool other_year =
            (subsection_year != 0 || section_year != 0 || meta.yearly_plan) && context_year != signed_year;
        const int signed_month = other_year ? 0 : signed_month_of_year;
        const int signed_in = other_year ? 0 : signed_year;
        const int signed_day = other_year ? 0 : signed_day_of_year;
        Task* task = owner[i] == k_none ? nullptr : &record.tasks[owner[i]];
        std::vector<DeadlineMatch> limits =
            rules.deadlines.find(text, context_year, signed_month, signed_in, signed_day);
        if (row_header[i] != k_none) {
            // A table row's cell under a time column (完成时限) is read as its labelled line
            // (完成时限：2021年6月, a limit without 前) where the row's text gave none in it.
            const std::vector<std::string_view>& columns = headers[row_header[i]];
            const std::vector<std::string_view> cells = table_cells(text);
            for (std::size_t k = 0; k < cells.size() && k < columns.size(); ++k) {
                const std::size_t cell_begin = static_cast<std::size_t>(cells[k].data() - text.data());
                const std::size_t cell_end = cell_begin + cells[k].size();
                const bool found = std::any_of(limits.begin(), limits.end(), [&](const DeadlineMatch& m) {
                    return m.begin < cell_end && m.end > cell_begin;
                });
                if (cells[k].empty() || found) {
                    continue;
                }
                const std::string labelled = std::string(columns[k]) + ":" + std::string(cells[k]);
                const std::size_t skip = columns[k].size() + 1;
                for (DeadlineMatch match :
                     rules.deadlines.find(labelled, context_year, signed_month, signed_in, signed_day)) {
                    if (match.begin >= skip) {
                        match.begin = cell_begin + match.begin - skip;
                        match.end = cell_begin + match.end - skip;
                        limits.push_back(std::move(match));
                    }
                }
            }
            std::sort(limits.begin(), limits.end(),
                      [](const DeadlineMatch& a, const DeadlineMatch& b) { return a.begin < b.begin; });
        }
        for (const DeadlineMatch& match : limits) {
            Deadline deadline;
            deadline.text = source.original(i, match.begin, match.end);
            deadline.date = match.date;
            deadline.year_inferred = match.year_inferred;
            deadline.where = source.location(i, match.begin, match.end);
            if (task != nullptr) {
                deadline.task = task->path;
                task->deadlines.push_back(deadline);
            }
            record.deadlines.push_back(std::move(deadline));
        }
        cite(i, task);
    }
    // The attachment list after the text, before the signature (附件：…关于贯彻落实《…》的
    // 实施意见 / 2．…), names documents too.
    for (std::size_t i = layout.body_end; i < paragraphs.size() && i > layout.body_begin; ++i) {
        const bool listed = std::find(layout.listed.begin(), layout.listed.end(), i) != layout.listed.end();
        if (!listed && !rules.metadata.is_attachment_line(paragraphs[i].text)) {
            break;
        }
        cite(i, nullptr);
    }
    // The notice's own 文号 only in a web page's document table above the text is cited there.
    auto own = [&](const Citation& c) {
        return c.number && record.doc_number && fold_digits(c.text) == record.doc_number->text;
    };
    if (meta.field_doc_number && std::none_of(record.citations.begin(), record.citations.end(), own)) {
        Citation citation;
        citation.kind = "doc_number";
        citation.number = record.doc_number;
        citation.text = record.doc_number->text;
        citation.text = digits_as_printed(citation.text, source.original(*meta.field_doc_number));
        citation.where =
            source.location(meta.field_doc_number->paragraph, meta.field_doc_number->begin, meta.field_doc_number->end);
        record.citations.insert(record.citations.begin(), std::move(citation));
    }
    // The notice's own 文号 in a web page's document table and again above the text is one
    // occurrence: the table's goes.
    if (record.doc_number && !from_field.empty()) {
        std::vector<bool> drop(record.citations.size(), false);
        for (const std::size_t i : from_field) {
            drop[i] = own(record.citations[i]);
        }
        bool elsewhere = false;
        for (std::size_t i = 0; i < record.citations.size(); ++i) {
            elsewhere = elsewhere || (own(record.citations[i]) && !drop[i]);
        }
        if (elsewhere) {
            std::size_t kept = 0;
            for (std::size_t i = 0; i < record.citations.size(); ++i) {
                if (!drop[i]) {
                    if (kept != i) {  // (moving a citation onto itself would empty it)
                        record.citations[kept] = std::move(record.citations[i]);
                    }
                    ++kept;
                }
            }
            record.citations.resize(kept);
        }
    }
    // The own 文号 and a title's linked one as printed, where the notice printed its number so.
    for (Citation& citation : record.citations) {
        if (citation.number && has_wide_digit(citation.text)) {
            if (record.doc_number && own(citation) && !has_wide_digit(record.doc_number->text)) {
                record.doc_number->text = citation.text;
            }
            const std::string folded = fold_digits(citation.text);
            for (Citation& title : record.citations) {
                if (title.doc_number && *title.doc_number == folded) {
                    title.doc_number = citation.text;
                }
            }
        }
    }
    return record;
}

}  // namespace policy
