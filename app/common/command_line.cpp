#include "app/common/command_line.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "app/common/host_port.hpp"

namespace crossmatch::app {
namespace {

// 0.25, 600, 1000000: no trailing zeros, no exponent for the numbers flags take.
std::string format_number(double value) {
  char text[64];
  if (std::fabs(value) < 1e15 && value == std::floor(value)) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else {
    std::snprintf(text, sizeof text, "%.6g", value);
  }
  return text;
}

std::string range_text(const std::string& low, const std::string& high) {
  return low + " to " + high;
}

// Options as "--port N   the port to listen on [0 to 65535; default 7420]": the type beside the
// name, and what else there is to know (the range, the default, what goes with what) after the
// description rather than squeezed beside the name.
class Formatter final : public CLI::Formatter {
 public:
  explicit Formatter(const std::map<const CLI::Option*, std::string>& ranges) : ranges_(ranges) {
    column_width(28);
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    if (opt->get_type_size() == 0 || opt->get_type_name().empty()) return {};
    return " " + opt->get_type_name();
  }

  std::string make_option_desc(const CLI::Option* opt) const override {
    std::vector<std::string> notes;
    if (opt->get_required()) notes.push_back("required");
    if (const auto it = ranges_.find(opt); it != ranges_.end()) notes.push_back(it->second);
    if (!opt->get_default_str().empty()) notes.push_back("default " + opt->get_default_str());
    for (const CLI::Option* other : opt->get_needs()) notes.push_back("with " + other->get_name());
    for (const CLI::Option* other : opt->get_excludes())
      notes.push_back("not with " + other->get_name());
    std::string text = opt->get_description();
    if (notes.empty()) return text;
    text += text.empty() ? "[" : " [";
    for (std::size_t i = 0; i < notes.size(); ++i) text += (i == 0 ? "" : "; ") + notes[i];
    return text + "]";
  }

 private:
  const std::map<const CLI::Option*, std::string>& ranges_;
};

void allow_extras_everywhere(CLI::App& app) {
  app.allow_extras();
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    allow_extras_everywhere(*sub);
}

// Every option of `app` and its subcommands, to find the one a CLI11 message is about.
void collect_options(const CLI::App& app, std::vector<const CLI::Option*>& out) {
  for (const CLI::Option* opt : app.get_options()) out.push_back(opt);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    collect_options(*sub, out);
}

std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

}  // namespace

struct CommandLine::State {
  std::string program;
  CLI::App app;
  std::map<const CLI::Option*, std::string> ranges;  // for the help: "0 to 65535"
  std::optional<core::Error> failure;  // what one of our checks found wrong, in our words

  State(std::string name, std::string about)
      : program(std::move(name)), app(std::move(about), program) {}

  // A check that records its complaint: CLI11 reports a failed check as "--flag: text"; the
  // recorded error is the one printed.
  CLI::Option* check(CLI::Option* option, Test test) {
    const std::string flag = option->get_name();
    option->check(CLI::Validator(
        [this, flag, test = std::move(test)](std::string& text) -> std::string {
          auto problem = test(flag, text);
          if (!problem) return {};
          failure = *problem;
          return problem->message;
        },
        ""));
    return option;
  }

  core::Error from_cli11(const CLI::ParseError& e) const {
    if (failure) return *failure;
    const std::string what = e.what();
    std::vector<const CLI::Option*> options;
    collect_options(app, options);
    const CLI::Option* about = nullptr;
    for (const CLI::Option* opt : options) {
      const std::string name = opt->get_name();
      if (what.rfind(name + ":", 0) == 0 || what.rfind(name + " ", 0) == 0) about = opt;
    }
    const std::string flag = about != nullptr ? about->get_name() : std::string();
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr)
      return core::make_error("missing_flag", flag, sentence(what));
    if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr)
      return core::make_error("missing_flag", flag, sentence(what));
    if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr)
      return core::make_error("conflicting_flags", flag, sentence(what));
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr && about != nullptr) {
      // "--db: 1 required FILE missing", "--db: At Most 1 required but received 2".
      if (what.find("missing") != std::string::npos)
        return core::make_error("missing_value", flag, flag + " needs a value.");
      if (what.find("At Most") != std::string::npos)
        return core::make_error("duplicate_flag", flag, flag + " is given more than once.");
    }
    return core::make_error("invalid", flag, sentence(what));
  }

  // Words CLI11 kept aside (allow_extras): the first is the problem.
  std::optional<core::Error> extras() const {
    const std::vector<std::string> rest = app.remaining(true);
    if (rest.empty()) return std::nullopt;
    const std::string& first = rest.front();
    if (first.size() > 1 && first[0] == '-')
      return core::make_error("unknown_flag", first,
                              "Unknown option " + first.substr(0, first.find('=')) + ".");
    // A word where a command was expected is a command that does not exist.
    const CLI::App* at = &app;
    while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
    if (at->get_subcommands().empty() &&
        !at->get_subcommands([](const CLI::App*) { return true; }).empty())
      return core::make_error("unknown_command", first, "Unknown command '" + first + "'.");
    return core::make_error("unexpected_argument", first, "Unexpected argument '" + first + "'.");
  }
};

CommandLine::CommandLine(std::string program, std::string about)
    : state_(std::make_unique<State>(std::move(program), std::move(about))) {
  state_->app.formatter(std::make_shared<Formatter>(state_->ranges));
  state_->app.get_formatter()->label("Usage", "usage");
}

CommandLine::~CommandLine() = default;

CLI::App& CommandLine::app() {
  return state_->app;
}
const std::string& CommandLine::program() const {
  return state_->program;
}

CLI::Option* CommandLine::whole_number(CLI::Option* option, std::int64_t min, std::int64_t max) {
  state_->ranges[option] = range_text(std::to_string(min), std::to_string(max));
  if (option->get_type_name().empty() || option->get_type_name() == "INT" ||
      option->get_type_name() == "UINT")
    option->type_name("N");
  return state_->check(
      option,
      [min, max](const std::string& flag, const std::string& text) -> std::optional<core::Error> {
        errno = 0;
        char* end = nullptr;
        const long long value = std::strtoll(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || errno == ERANGE)
          return core::make_error("not_a_number", flag,
                                  flag + " needs a whole number, not '" + text + "'.");
        if (value < min || value > max)
          return core::make_error("out_of_range", flag,
                                  flag + " is " + text + "; it must be between " +
                                      std::to_string(min) + " and " + std::to_string(max) + ".");
        return std::nullopt;
      });
}

CLI::Option* CommandLine::number(CLI::Option* option, double min, double max) {
  state_->ranges[option] = range_text(format_number(min), format_number(max));
  if (option->get_type_name().empty() || option->get_type_name() == "FLOAT") option->type_name("X");
  return state_->check(
      option,
      [min, max](const std::string& flag, const std::string& text) -> std::optional<core::Error> {
        errno = 0;
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(value))
          return core::make_error("not_a_number", flag,
                                  flag + " needs a number, not '" + text + "'.");
        if (value < min || value > max)
          return core::make_error("out_of_range", flag,
                                  flag + " is " + text + "; it must be between " +
                                      format_number(min) + " and " + format_number(max) + ".");
        return std::nullopt;
      });
}

CLI::Option* CommandLine::one_of(CLI::Option* option, std::vector<std::string> values) {
  std::string listed;
  for (std::size_t i = 0; i < values.size(); ++i) {
    listed += i == 0 ? "" : (i + 1 == values.size() ? " or " : ", ");
    listed += values[i];
  }
  std::string choices;
  for (const std::string& v : values) choices += (choices.empty() ? "" : "|") + v;
  option->type_name(choices);
  return state_->check(
      option,
      [values = std::move(values), listed](const std::string& flag,
                                           const std::string& text) -> std::optional<core::Error> {
        for (const std::string& v : values) {
          if (text == v) return std::nullopt;
        }
        return core::make_error("invalid", flag,
                                flag + " is '" + text + "'; expected " + listed + ".");
      });
}

CLI::Option* CommandLine::host_port(CLI::Option* option) {
  option->type_name("HOST:PORT");
  return state_->check(
      option, [](const std::string& flag, const std::string& text) -> std::optional<core::Error> {
        auto address = parse_host_port(text);
        if (address) return std::nullopt;
        core::Error e = address.error();
        e.field = flag;
        e.message = flag + ": " + e.message;
        return e;
      });
}

CLI::Option* CommandLine::check(CLI::Option* option, Test test) {
  return state_->check(option, std::move(test));
}

core::Result<CommandLine::Outcome> CommandLine::parse(int argc, const char* const* argv) {
  State& s = *state_;
  s.failure.reset();
  // Unknown words are kept rather than thrown, so that the message can say what they are.
  allow_extras_everywhere(s.app);
  try {
    s.app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return Outcome::Help;
  } catch (const CLI::CallForAllHelp&) {
    return Outcome::Help;
  } catch (const CLI::ParseError& e) {
    return s.from_cli11(e);
  }
  if (auto extra = s.extras()) return *extra;
  return Outcome::Run;
}

bool CommandLine::given(const CLI::Option* option) {
  return option->count() > 0;
}

namespace {
std::string ending_in_newline(std::string text) {
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}
}  // namespace

std::string CommandLine::help() const {
  return ending_in_newline(state_->app.help());
}

std::string CommandLine::usage() const {
  const CLI::App& app = state_->app;
  return ending_in_newline(
      app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
}

std::optional<int> CommandLine::parse_or_exit(int argc, const char* const* argv) {
  const auto outcome = parse(argc, argv);
  if (!outcome) {
    std::cerr << state_->program << ": " << outcome.error().message << "\n";
    return 2;
  }
  if (*outcome == Outcome::Help) {
    std::cout << help();
    return 0;
  }
  return std::nullopt;
}

}  // namespace crossmatch::app
