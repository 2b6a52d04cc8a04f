// crossmatch-bench: one program, one subcommand per benchmark. A benchmark joins with a function
// of its options (bench/bench_options.hpp) and its flags in bench/bench_command_line.cpp.
#include "bench/bench_options.hpp"

int main(int argc, char** argv) {
  return crossmatch::bench::run_command_line(argc, argv);
}
