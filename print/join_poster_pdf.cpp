// The join poster: the event's name, where the hub is, the join code large and as a QR code.
#include "core/i18n/translation.hpp"
#include "print/pdf_pages.hpp"

namespace crossmatch::print {

core::Status draw_join_poster(PdfDocument& pdf, const core::EventState& state,
                              const std::string& hub_address, const std::string& join_code) {
  const PageSize page = pdf.size();
  const double width = page.width - 2 * kMargin;
  double y = kMargin + 10;
  y += pdf.text({kMargin, y, width, 110}, state.event.name,
                {.size = 40, .bold = true, .align = Align::Centre, .min_size = 14, .max_lines = 2});
  y += 24;
  // TRANSLATORS: on the join poster, under the event's name; crossmatch is the app's name
  pdf.text({kMargin, y, width, 26}, core::tr("Open crossmatch and join the event"),
           {.size = 18, .align = Align::Centre, .min_size = 9, .max_lines = 1, .grey = 0.25});
  y += 40;
  if (!hub_address.empty()) {
    // TRANSLATORS: on the join poster, above the hub's address (host:port) people type to join
    pdf.text({kMargin, y, width, 18}, core::tr("Hub"),
             {.size = 13, .align = Align::Centre, .grey = 0.4});
    y += 18;
    pdf.text({kMargin, y, width, 36}, hub_address,
             {.size = 28, .bold = true, .align = Align::Centre, .min_size = 10, .max_lines = 1});
    y += 44;
  }
  // TRANSLATORS: on the join poster, above the code people type to join the event
  pdf.text({kMargin, y, width, 18}, core::tr("Join code"),
           {.size = 13, .align = Align::Centre, .grey = 0.4});
  y += 18;
  y += pdf.text({kMargin, y, width, 70}, join_code,
                {.size = 54, .bold = true, .align = Align::Centre, .min_size = 12, .max_lines = 1});
  y += 16;
  const double side = std::min(width * 0.7, page.height - kMargin - 40 - y);
  if (auto s = pdf.qr_code((page.width - side) / 2, y, side, join_code); !s) return s;
  pdf.text({kMargin, page.height - kMargin - 30, width, 30},
           // TRANSLATORS: at the foot of the join poster; "Join" is the name of the app's screen
           // where people enter the code: use the same word as that screen does
           core::tr("Scan the code or type it in crossmatch's Join screen."),
           {.size = 12, .align = Align::Centre, .min_size = 7, .max_lines = 2, .grey = 0.35});
  return core::Status();
}

}  // namespace crossmatch::print
