#include <CLI/CLI.hpp>

#include "app.h"

namespace policy::cli {

void add_diff(CLI::App& app, Context& context) {
    auto* sub = app.add_subcommand("diff", "(not yet implemented)");
    sub->callback([&context] { print_error(context, "diff: not yet implemented"); context.exit_code = 2; });
}

}  // namespace policy::cli
