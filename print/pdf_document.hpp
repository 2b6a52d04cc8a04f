// A PDF being drawn with cairo, its text set with Pango: pages of a paper size, text fitted into
// boxes (shrunk, then wrapped, then cut short with an ellipsis, never outside its box), lines and
// QR codes; the bytes come out at the end, the same bytes for the same drawing.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace crossmatch::print {

enum class Paper { A4, Letter };

// "a4", "letter"
const char* to_string(Paper paper);
bool parse_paper(std::string_view text, Paper& out);

// A page's size in points (1/72 inch), portrait.
struct PageSize {
  double width = 0;
  double height = 0;
};
PageSize page_size(Paper paper);

// A rectangle on the page, in points from the top left corner.
struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

enum class Align { Left, Centre, Right };

struct TextStyle {
  double size = 11;  // points, the largest size tried
  bool bold = false;
  Align align = Align::Left;
  double min_size = 6;  // shrinks no smaller; beyond it the text wraps and is cut short
  int max_lines = 0;    // 0: as many as the box holds
  double grey = 0;      // 0 black .. 1 white
};

struct PdfMetadata {
  std::string title;
  std::string creation_date;  // "YYYY-MM-DDThh:mm:ss"; fixed by the caller, so that output repeats
};

class PdfDocument {
 public:
  PdfDocument(Paper paper, const PdfMetadata& metadata);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  PageSize size() const { return size_; }
  // Ends the current page and starts the next (the first page needs no call).
  void next_page();

  // Sets `text` inside `box` with `style` and returns the height it took (at most box.height).
  double text(const Box& box, std::string_view text, const TextStyle& style);
  // The height `text` would take in a box this wide, at style.size without shrinking or cutting.
  double text_height(double width, std::string_view text, const TextStyle& style);
  // A thin line, in grey (0 black .. 1 white).
  void line(double x0, double y0, double x1, double y1, double width = 0.5, double grey = 0);
  void rectangle(const Box& box, double line_width = 0.5, double grey = 0);
  void fill(const Box& box, double grey);
  // `text` as a QR code filling the square at (x, y) of side `side`, quiet zone included.
  core::Status qr_code(double x, double y, double side, std::string_view text);

  // Closes the document; its bytes, or why it failed.
  core::Result<std::string> finish();

 private:
  struct Cairo;
  std::unique_ptr<Cairo> cairo_;
  PageSize size_;
  bool finished_ = false;
};

}  // namespace crossmatch::print
