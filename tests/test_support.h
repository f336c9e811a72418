// test_support.h — shared helpers: the default grammar, table-driven cases from
// tests/cases/*.jsonl, temporary directories and running the real binary.
#pragma once

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "grammar.h"
#include "normalise.h"

namespace policy::test {

inline const Grammar& default_grammar() {
    static const Grammar grammar = [] {
        auto loaded = Grammar::load();
        if (!loaded) {
            throw std::runtime_error(loaded.error().message);
        }
        return std::move(loaded).value();
    }();
    return grammar;
}

inline std::string source_path(const std::string& relative) {
    return std::string(POLICY_SOURCE_DIR) + "/" + relative;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// Each line of tests/cases/NAME.jsonl: {"id": ..., "input": ..., "expected": ...}.
inline std::vector<nlohmann::json> load_cases(const std::string& name) {
    std::vector<nlohmann::json> cases;
    std::ifstream in(source_path("tests/cases/" + name));
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#') {
            cases.push_back(nlohmann::json::parse(line));
        }
    }
    return cases;
}

// A fresh temporary directory, removed at scope exit.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "policy-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string shell_quote(const std::string& arg) {
    std::string quoted = "'";
    for (const char c : arg) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

// Runs the real policy binary with `args` (and `input` on stdin), capturing both streams.
inline RunResult run_policy(const std::vector<std::string>& args, const std::string& input = {}) {
    TempDir scratch;
    std::string command = shell_quote(POLICY_BINARY);
    for (const std::string& arg : args) {
        command += ' ';
        command += shell_quote(arg);
    }
    const std::string in_path = scratch.file("stdin");
    write_file(in_path, input);
    command += " <" + shell_quote(in_path) + " >" + shell_quote(scratch.file("stdout")) + " 2>" +
               shell_quote(scratch.file("stderr"));
    const int status = std::system(command.c_str());
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(scratch.file("stdout"));
    result.err = read_file(scratch.file("stderr"));
    return result;
}

// The normalised form of `text` (what rules see).
// The lines of `text`, without their line ends.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

inline std::string normalised(const std::string& text) {
    return normalise(text).text;
}

}  // namespace policy::test
