#include <CLI/CLI.hpp>

#include "app.h"

namespace policy::cli {

void add_query_commands(CLI::App& app, Context& context) { (void)app; (void)context; }

}  // namespace policy::cli
