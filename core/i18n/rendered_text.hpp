// Texts another program made in English from the catalogue's templates, shown in the reader's
// language: the hub has no language per connection and writes its refusals in English ("There is
// no session 5."); the client finds the template that made the text ("There is no session %u."),
// takes the arguments back out of it ("5") and fills them into the template's translation.
//
// The arguments themselves stay as the hub wrote them (a session's name is the organiser's own
// words); a text no template made (an announcement, a name) comes back unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crossmatch::core {

// One message of a catalogue, as its template holds it: context and plural may be null.
struct MessageKey {
  const char* context = nullptr;
  const char* singular = nullptr;
  const char* plural = nullptr;
};

// The templates among a catalogue's messages (those with printf conversions in them), ready to
// be matched against English texts.
class EnglishTemplates {
 public:
  // The keys' texts must outlive this object.
  explicit EnglishTemplates(const std::vector<MessageKey>& messages);
  ~EnglishTemplates();
  EnglishTemplates(EnglishTemplates&&) noexcept;
  EnglishTemplates& operator=(EnglishTemplates&&) noexcept;

  struct Match {
    MessageKey key;
    std::vector<std::string> args;  // the text of each conversion, in the English order
    unsigned long count = 1;        // for a plural message: its first whole-number argument
  };
  // The template that made `english` with the most fixed text of all that match it (so that
  // "%s: %s" never wins over a real sentence), if one has at least a few letters of its own.
  std::optional<Match> match(std::string_view english) const;

  std::size_t size() const;

 private:
  struct Template;
  std::vector<Template> templates_;
};

// `format` (a printf template, its conversions positional "%2$s" or in order) with each
// conversion replaced by the text of its argument, as EnglishTemplates::match took them out.
std::string fill_template(std::string_view format, const std::vector<std::string>& args);

// `english`, made by the hub from a catalogue message, in the current language: a fixed message
// is looked up; a template's text is matched and filled again; anything else is kept.
std::string tr_rendered(const std::string& english);

}  // namespace crossmatch::core
