// The HTML form of a DiffResult: one self-contained page (inline CSS, no script, no fonts or
// images fetched) that a person opens in a browser, old and new side by side with the
// changed words highlighted.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "diff.h"

namespace policy {
namespace {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

constexpr const char* k_style = R"(
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.4em 0.6em; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
td.text { width: 44%; line-height: 1.6; }
td.kind { white-space: nowrap; font-weight: bold; }
.path { color: #666; font-size: 0.85em; display: block; }
.note { color: #555; font-size: 0.85em; display: block; margin-top: 0.3em; }
del { background: #fdd; color: #a00; text-decoration: line-through; }
ins { background: #dfd; color: #060; text-decoration: none; }
tr.added td.new { background: #f0fff0; } tr.removed td.old { background: #fff0f0; }
tr.added td.kind { color: #060; } tr.removed td.kind { color: #a00; }
tr.modified td.kind { color: #a60; } tr.moved td.kind { color: #06a; } tr.unchanged td.kind { color: #888; }
table.summary { width: auto; } table.summary td { text-align: right; }
)";

std::string side_cell(const TaskPair& pair, bool old_side) {
    const std::optional<Task>& task = old_side ? pair.old_task : pair.new_task;
    if (!task) {
        return fmt::format("<td class=\"text {}\"></td>", old_side ? "old" : "new");
    }
    std::string body;
    if (pair.text_changed) {
        for (const Edit& edit : pair.edits) {
            if (edit.op == Edit::Op::equal) {
                body += escape_html(edit.text);
            } else if (edit.op == Edit::Op::remove && old_side) {
                body += "<del>" + escape_html(edit.text) + "</del>";
            } else if (edit.op == Edit::Op::insert && !old_side) {
                body += "<ins>" + escape_html(edit.text) + "</ins>";
            }
        }
    } else {
        body = escape_html(task->text);
    }
    std::string section = task->section.empty() ? "" : fmt::format(" ({})", escape_html(task->section));
    return fmt::format("<td class=\"text {}\"><span class=\"path\">{}{}</span>{}</td>", old_side ? "old" : "new",
                       escape_html(task->path), section, body);
}

}  // namespace

std::string render_html(const DiffResult& result) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += fmt::format("<title>policy diff: {} → {}</title>\n", escape_html(result.old_name),
                       escape_html(result.new_name));
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n", k_style);
    out += fmt::format("<h1>{} → {}</h1>\n", escape_html(result.old_title.empty() ? result.old_name : result.old_title),
                       escape_html(result.new_title.empty() ? result.new_name : result.new_title));
    out +=
        fmt::format("<p>{} ({} tasks) → {} ({} tasks); threshold {:.2f}</p>\n", escape_html(result.old_name),
                    result.summary.old_tasks, escape_html(result.new_name), result.summary.new_tasks, result.threshold);

    out += "<h2>Summary</h2>\n<table class=\"summary\">\n";
    for (const auto& [kind, count] : result.summary.counts) {
        out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", to_string(kind), count);
    }
    out += "</table>\n";
    if (!result.summary.departments.empty()) {
        out +=
            "<h2>Departments with the most change</h2>\n<table class=\"summary\">\n"
            "<tr><th>department</th><th>tasks gained</th><th>tasks lost</th><th>lead gained</th>"
            "<th>lead lost</th></tr>\n";
        std::size_t shown = 0;
        for (const DepartmentChurn& churn : result.summary.departments) {
            if (shown++ == 10) {
                break;
            }
            out += fmt::format("<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                               escape_html(churn.name), churn.gained, churn.lost, churn.lead_gained, churn.lead_lost);
        }
        out += "</table>\n";
    }
    if (!result.sections.empty()) {
        out += "<h2>Sections</h2>\n<table>\n<tr><th>change</th><th>old</th><th>new</th></tr>\n";
        for (const SectionChange& change : result.sections) {
            auto cell = [](const std::optional<Section>& section) {
                return section
                           ? fmt::format("<td>{} {}</td>", escape_html(section->path), escape_html(section->heading))
                           : std::string("<td></td>");
            };
            out += fmt::format("<tr class=\"{}\"><td class=\"kind\">{}</td>{}{}</tr>\n", change.change, change.change,
                               cell(change.old_section), cell(change.new_section));
        }
        out += "</table>\n";
    }

    out += "<h2>Tasks</h2>\n<table>\n<tr><th>class</th><th>old</th><th>new</th></tr>\n";
    for (const TaskPair& pair : result.pairs) {
        const std::string kind(to_string(pair.kind));
        std::string label = kind;
        if (pair.kind == PairClass::modified || pair.kind == PairClass::moved) {
            label += fmt::format("<span class=\"note\">{:.2f}</span>", pair.similarity);
        }
        std::string notes;
        for (const DepartmentChange& change : pair.departments) {
            notes += fmt::format("<span class=\"note\">{} {}</span>", escape_html(change.name), change.change);
        }
        for (const std::string& text : pair.deadlines_added) {
            notes += fmt::format("<span class=\"note\">deadline + {}</span>", escape_html(text));
        }
        for (const std::string& text : pair.deadlines_removed) {
            notes += fmt::format("<span class=\"note\">deadline − {}</span>", escape_html(text));
        }
        for (const std::string& text : pair.citations_added) {
            notes += fmt::format("<span class=\"note\">cites + 《{}》</span>", escape_html(text));
        }
        for (const std::string& text : pair.citations_dropped) {
            notes += fmt::format("<span class=\"note\">cites − 《{}》</span>", escape_html(text));
        }
        out += fmt::format("<tr class=\"{}\"><td class=\"kind\">{}{}</td>{}{}</tr>\n", kind, label, notes,
                           side_cell(pair, true), side_cell(pair, false));
    }
    out += "</table>\n";
    if (!result.citations_added.empty() || !result.citations_dropped.empty()) {
        out += "<h2>Citations</h2>\n<ul>\n";
        for (const std::string& text : result.citations_added) {
            out += fmt::format("<li><ins>{}</ins></li>\n", escape_html(text));
        }
        for (const std::string& text : result.citations_dropped) {
            out += fmt::format("<li><del>{}</del></li>\n", escape_html(text));
        }
        out += "</ul>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace policy
