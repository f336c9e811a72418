// main only forwards to run(), so the whole command line is testable in-process.
#include <iostream>

#include "app.h"

int main(int argc, char** argv) { return policy::cli::run(argc, argv, std::cout, std::cerr); }
