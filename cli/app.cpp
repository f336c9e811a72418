#include "app.h"

#include <fmt/core.h>
#include <re2/re2.h>
#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <CLI/CLI.hpp>

#include <sys/ioctl.h>
#include <unistd.h>
#include <algorithm>
#include <csignal>
#include <iostream>

#include <cstdlib>

#include "result.h"

namespace policy::cli {
namespace {

constexpr const char* k_exit_codes =
    "Exit codes: 0 success (an empty result too), 2 bad arguments or query, 3 an input file\n"
    "could not be read or decoded, 4 the index cannot be opened or written, 130 interrupted.";

std::string version_text() {
    char icu[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, icu);
    return fmt::format("policy {}\nICU {} (Unicode {})\nRE2 {}\nSQLite {}\n", POLICY_VERSION, icu, U_UNICODE_VERSION,
                       POLICY_RE2_VERSION, sqlite3_libversion());
}

}  // namespace

void print_error(Context& context, const std::string& message) {
    context.err << "policy: " << message << '\n';
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

const std::vector<Command>& commands() {
    static const std::vector<Command> k_commands = {
        {"extract", "extract tasks, departments, deadlines and citations from notices", &add_extract},
        {"segment", "print the words of a text, space-separated", &add_segment},
        {"query", "", &add_query_commands},
        {"diff", "compare two notices task by task", &add_diff},
    };
    return k_commands;
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    std::signal(SIGPIPE, SIG_IGN);
    Context context{out, err, ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1};

    CLI::App app{
        "policy — read Chinese government policy notices into data you can query.\n\n"
        "  policy extract corpus/*.txt            index notices into ./policy.db\n"
        "  policy tasks --dept 省应急管理厅 --role lead\n"
        "  policy diff 2019.txt 2024.txt          year-over-year comparison\n",
        "policy"};
    app.footer(k_exit_codes);
    app.require_subcommand(0, 1);
    app.set_version_flag("--version", version_text());
    for (const Command& command : commands()) {
        command.add(app, context);
    }

    // A mistyped subcommand gets "did you mean".
    if (argc > 1 && argv[1][0] != '-') {
        const std::string given = argv[1];
        bool known = false;
        std::string best;
        std::size_t best_distance = 3;
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
            const std::string name = sub->get_name();
            if (name == given) {
                known = true;
                break;
            }
            const std::size_t distance = edit_distance(given, name);
            if (distance < best_distance) {
                best_distance = distance;
                best = name;
            }
        }
        if (!known) {
            print_error(context, best.empty() ? fmt::format("unknown command '{}' (see policy --help)", given)
                                              : fmt::format("unknown command '{}'; did you mean '{}'?", given, best));
            return static_cast<int>(ErrorCode::bad_argument);
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        out << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp& e) {
        out << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion& e) {
        out << version_text();
        return 0;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            // --help on a subcommand.
            app.exit(e, out, err);
            return 0;
        }
        std::string message = e.what();
        print_error(context, message);
        return static_cast<int>(ErrorCode::bad_argument);
    } catch (const std::exception& e) {
        print_error(context, fmt::format("internal error: {}", e.what()));
        return 70;
    }
    if (app.get_subcommands().empty()) {
        out << app.help();
        return 0;
    }
    out.flush();
    return context.exit_code;
}

bool colour_wanted(const Context& context) {
    const char* no_colour = std::getenv("NO_COLOR");
    return context.out_is_tty && (no_colour == nullptr || *no_colour == '\0');
}

std::size_t terminal_width(const Context& context) {
    if (context.out_is_tty) {
        winsize size{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
            return size.ws_col;
        }
    }
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
        const long value = std::strtol(columns, nullptr, 10);
        if (value > 0) {
            return static_cast<std::size_t>(value);
        }
    }
    return context.out_is_tty ? 80 : 0;
}

}  // namespace policy::cli
