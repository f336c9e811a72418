// app.h — the command line: one table of subcommands (as ninja's Tool table), each a small
// function that parses its arguments with CLI11, calls one library function and prints.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace policy::cli {

struct Context {
    std::ostream& out;
    std::ostream& err;
    bool out_is_tty = false;
    bool err_is_tty = false;
    int exit_code = 0;
};

// Whether stdout takes colour: a terminal, and NO_COLOR unset or empty.
bool colour_wanted(const Context& context);

// Columns to fit a table to: the terminal's (ioctl), else $COLUMNS, else 80 on a terminal
// and no limit (0) otherwise.
std::size_t terminal_width(const Context& context);

// Prints "policy: message" on err.
void print_error(Context& context, const std::string& message);

int run(int argc, char** argv, std::ostream& out, std::ostream& err);

struct Command {
    const char* name;
    const char* summary;
    void (*add)(CLI::App& app, Context& context);
};

// The subcommands, in the order --help lists them.
const std::vector<Command>& commands();

// One per subcommand family; each lives in its own cmd_*.cpp.
void add_extract(CLI::App& app, Context& context);
void add_segment(CLI::App& app, Context& context);
void add_query_commands(CLI::App& app,
                        Context& context);  // docs show tasks search cites cited-by depts deadlines graph export sql
void add_diff(CLI::App& app, Context& context);

// Edit distance between two ASCII strings, for "did you mean".
std::size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace policy::cli
