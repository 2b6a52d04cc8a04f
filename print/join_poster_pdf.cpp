// The join poster: the event's name, where the hub is, the join code large and as a QR code.
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
  pdf.text({kMargin, y, width, 26}, "Open crossmatch and join the event",
           {.size = 18, .align = Align::Centre, .min_size = 9, .max_lines = 1, .grey = 0.25});
  y += 40;
  if (!hub_address.empty()) {
    pdf.text({kMargin, y, width, 18}, "Hub", {.size = 13, .align = Align::Centre, .grey = 0.4});
    y += 18;
    pdf.text({kMargin, y, width, 36}, hub_address,
             {.size = 28, .bold = true, .align = Align::Centre, .min_size = 10, .max_lines = 1});
    y += 44;
  }
  pdf.text({kMargin, y, width, 18}, "Join code", {.size = 13, .align = Align::Centre, .grey = 0.4});
  y += 18;
  y += pdf.text({kMargin, y, width, 70}, join_code,
                {.size = 54, .bold = true, .align = Align::Centre, .min_size = 12, .max_lines = 1});
  y += 16;
  const double side = std::min(width * 0.7, page.height - kMargin - 40 - y);
  if (auto s = pdf.qr_code((page.width - side) / 2, y, side, join_code); !s) return s;
  pdf.text({kMargin, page.height - kMargin - 30, width, 30},
           "Scan the code or type it in crossmatch's Join screen.",
           {.size = 12, .align = Align::Centre, .min_size = 7, .max_lines = 2, .grey = 0.35});
  return core::Status();
}

}  // namespace crossmatch::print
