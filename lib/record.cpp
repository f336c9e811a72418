#include "record.h"

#include <nlohmann/json.hpp>

namespace policy {
namespace {

using nlohmann::json;

json optional_string(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

json location_json(const Location& where) {
    return json{{"begin", where.begin}, {"end", where.end}, {"line", where.line}};
}

Location location_from(const json& j) {
    Location where;
    if (j.is_object()) {
        where.begin = j.value("begin", std::uint64_t{0});
        where.end = j.value("end", std::uint64_t{0});
        where.line = j.value("line", std::uint32_t{0});
    }
    return where;
}

std::optional<std::string> optional_from(const json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) {
        return std::nullopt;
    }
    return j.at(key).get<std::string>();
}

std::optional<DocNumber> parse_doc_number_json(const json& j) {
    if (!j.is_string()) {
        return std::nullopt;
    }
    DocNumber number;
    number.text = j.get<std::string>();
    return number;
}

}  // namespace

json to_json(const Record& record) {
    json out;
    out["file"] = record.file;
    out["title"] = record.title;
    out["plan_title"] = record.plan_title.empty() ? json(nullptr) : json(record.plan_title);
    out["doc_number"] = record.doc_number ? json(record.doc_number->text) : json(nullptr);
    if (record.doc_number) {
        out["doc_number_parts"] = {{"issuer_code", record.doc_number->issuer_code},
                                   {"year", record.doc_number->year},
                                   {"serial", record.doc_number->serial}};
    }
    out["issuers"] = record.issuers;
    out["issued"] = optional_string(record.issued);
    out["recipients"] = record.recipients;
    out["cc"] = record.cc;
    json sections = json::array();
    for (const Section& section : record.sections) {
        sections.push_back({{"path", section.path},
                            {"heading", section.heading},
                            {"level", section.level},
                            {"where", location_json(section.where)}});
    }
    out["sections"] = std::move(sections);
    json tasks = json::array();
    for (const Task& task : record.tasks) {
        json departments = json::array();
        for (const Department& department : task.departments) {
            json d = {{"name", department.name}, {"role", department.role}};
            if (!department.canonical.empty() && department.canonical != department.name) {
                d["canonical"] = department.canonical;
            }
            departments.push_back(std::move(d));
        }
        json deadlines = json::array();
        for (const Deadline& deadline : task.deadlines) {
            json d = {{"text", deadline.text}, {"date", optional_string(deadline.date)}};
            if (deadline.year_inferred) {
                d["year_inferred"] = true;
            }
            deadlines.push_back(std::move(d));
        }
        tasks.push_back({{"path", task.path},
                         {"number", task.number},
                         {"section", task.section},
                         {"text", task.text},
                         {"departments", std::move(departments)},
                         {"deadlines", std::move(deadlines)},
                         {"where", location_json(task.where)}});
    }
    out["tasks"] = std::move(tasks);
    json deadlines = json::array();
    for (const Deadline& deadline : record.deadlines) {
        json d = {{"text", deadline.text},
                  {"date", optional_string(deadline.date)},
                  {"task", optional_string(deadline.task)},
                  {"where", location_json(deadline.where)}};
        if (deadline.year_inferred) {
            d["year_inferred"] = true;
        }
        deadlines.push_back(std::move(d));
    }
    out["deadlines"] = std::move(deadlines);
    json citations = json::array();
    for (const Citation& citation : record.citations) {
        json c = {{"kind", citation.kind}, {"text", citation.text}};
        if (citation.number) {
            c["issuer_code"] = citation.number->issuer_code;
            c["year"] = citation.number->year;
            c["serial"] = citation.number->serial;
        }
        if (citation.doc_number) {
            c["doc_number"] = *citation.doc_number;
        }
        c["task"] = optional_string(citation.task);
        c["where"] = location_json(citation.where);
        citations.push_back(std::move(c));
    }
    out["citations"] = std::move(citations);
    out["path"] = record.path;
    out["sha256"] = record.sha256;
    out["size"] = record.size;
    out["encoding"] = record.encoding;
    if (!record.warnings.empty()) {
        out["warnings"] = record.warnings;
    }
    return out;
}

Record record_from_json(const json& j) {
    Record record;
    record.file = j.value("file", std::string());
    record.path = j.value("path", std::string());
    record.sha256 = j.value("sha256", std::string());
    record.size = j.value("size", std::uint64_t{0});
    record.encoding = j.value("encoding", std::string());
    record.title = j.contains("title") && j["title"].is_string() ? j["title"].get<std::string>() : "";
    record.plan_title =
        j.contains("plan_title") && j["plan_title"].is_string() ? j["plan_title"].get<std::string>() : "";
    if (j.contains("doc_number")) {
        record.doc_number = parse_doc_number_json(j["doc_number"]);
        if (record.doc_number && j.contains("doc_number_parts")) {
            const json& parts = j["doc_number_parts"];
            record.doc_number->issuer_code = parts.value("issuer_code", std::string());
            record.doc_number->year = parts.value("year", 0);
            record.doc_number->serial = parts.value("serial", 0L);
        }
    }
    record.issuers = j.value("issuers", std::vector<std::string>{});
    record.issued = optional_from(j, "issued");
    record.recipients = j.value("recipients", std::vector<std::string>{});
    record.cc = j.value("cc", std::vector<std::string>{});
    for (const json& s : j.value("sections", json::array())) {
        record.sections.push_back({s.value("path", std::string()), s.value("heading", std::string()),
                                   s.value("level", 1), location_from(s.value("where", json()))});
    }
    for (const json& t : j.value("tasks", json::array())) {
        Task task;
        task.path = t.value("path", std::string());
        task.number = t.value("number", std::string());
        task.section = t.value("section", std::string());
        task.text = t.value("text", std::string());
        task.where = location_from(t.value("where", json()));
        for (const json& d : t.value("departments", json::array())) {
            task.departments.push_back(
                {d.value("name", std::string()), d.value("role", std::string()), d.value("canonical", std::string())});
        }
        for (const json& d : t.value("deadlines", json::array())) {
            Deadline deadline;
            deadline.text = d.value("text", std::string());
            deadline.date = optional_from(d, "date");
            deadline.year_inferred = d.value("year_inferred", false);
            deadline.task = task.path;
            task.deadlines.push_back(std::move(deadline));
        }
        record.tasks.push_back(std::move(task));
    }
    for (const json& d : j.value("deadlines", json::array())) {
        Deadline deadline;
        deadline.text = d.value("text", std::string());
        deadline.date = optional_from(d, "date");
        deadline.task = optional_from(d, "task");
        deadline.year_inferred = d.value("year_inferred", false);
        deadline.where = location_from(d.value("where", json()));
        record.deadlines.push_back(std::move(deadline));
    }
    for (const json& c : j.value("citations", json::array())) {
        Citation citation;
        citation.kind = c.value("kind", std::string());
        citation.text = c.value("text", std::string());
        if (citation.kind == "doc_number") {
            DocNumber number;
            number.text = citation.text;
            number.issuer_code = c.value("issuer_code", std::string());
            number.year = c.value("year", 0);
            number.serial = c.value("serial", 0L);
            citation.number = number;
        }
        citation.doc_number = optional_from(c, "doc_number");
        citation.task = optional_from(c, "task");
        citation.where = location_from(c.value("where", json()));
        record.citations.push_back(std::move(citation));
    }
    return record;
}

}  // namespace policy
