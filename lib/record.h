// record.h — the contract between stages: what extraction finds in one notice. Every item
// carries its source location (byte offsets into the input file as given, and the 1-based
// line) so an answer can be traced to the text. JSON form: ../shared/eval/FORMAT.md plus
// extra fields (plan_title, recipients, cc, offsets).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace policy {

struct Location {
    std::uint64_t begin = 0;  // byte offsets in the input file
    std::uint64_t end = 0;
    std::uint32_t line = 0;  // 1-based
};

// A 文号 (document number) split into its parts: 吉办发〔2014〕32号.
struct DocNumber {
    std::string text;         // normalised: 〔〕 around the year, no white space
    std::string issuer_code;  // 吉办发
    int year = 0;
    long serial = 0;
};

struct Department {
    std::string name;       // as written, leading 各 and trailing 等 dropped
    std::string role;       // "lead" or "responsible"
    std::string canonical;  // after aliases and renames (grammars/departments.txt)
};

struct Deadline {
    std::string text;                 // the shortest span that states it: 2019年底前
    std::optional<std::string> date;  // last day it allows, ISO; none for 汛期前
    bool year_inferred = false;       // the year came from context, not from the text
    std::optional<std::string> task;  // owning task's path, none for the document
    Location where;
};

struct Citation {
    std::string kind;                       // "doc_number" or "title"
    std::string text;                       // normalised 文号, or the title between 《》 as written
    std::optional<DocNumber> number;        // for kind doc_number
    std::optional<std::string> doc_number;  // for a title followed by its 文号
    std::optional<std::string> task;        // path of the task it sits in
    Location where;
};

struct Section {
    std::string path;     // 六/(二)
    std::string heading;  // cut at the first 。
    int level = 1;
    Location where;
};

struct Task {
    std::string path;     // 六/(一)/3
    std::string number;   // 3
    std::string section;  // 六/(一), empty when outside any section
    std::string text;     // the whole item, department parenthesis included
    std::vector<Department> departments;
    std::vector<Deadline> deadlines;
    Location where;
};

struct Record {
    std::string file;    // base name of the input
    std::string path;    // as given ("-" for stdin)
    std::string sha256;  // of the input bytes
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;  // the file's modification time (ns since 1970; 0: unknown), not printed
    std::string encoding;
    std::string title;       // the notice's title line (关于…的通知), else the plan's
    std::string plan_title;  // the wrapped plan's own title, when there is one
    std::optional<DocNumber> doc_number;
    std::vector<std::string> issuers;
    std::optional<std::string> issued;    // ISO date
    std::vector<std::string> recipients;  // 主送
    std::vector<std::string> cc;          // 抄送
    std::vector<Section> sections;
    std::vector<Task> tasks;
    std::vector<Deadline> deadlines;  // all of them, tasks' included
    std::vector<Citation> citations;
    std::vector<std::string> warnings;
};

nlohmann::json to_json(const Record& record);
Record record_from_json(const nlohmann::json& json);

}  // namespace policy
