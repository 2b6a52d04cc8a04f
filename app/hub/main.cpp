// crossmatch-hub: the hub of an event, and the commands that inspect its data.
#include "app/hub/hub_command_line.hpp"

int main(int argc, char** argv) {
  return crossmatch::hub::run_command_line(argc, argv);
}
