#include "print/pdf_document.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

#include "core/i18n/translation.hpp"
#include "print/qr_matrix.hpp"

namespace crossmatch::print {

const char* to_string(Paper paper) {
  return paper == Paper::A4 ? "a4" : "letter";
}

bool parse_paper(std::string_view text, Paper& out) {
  if (text == "a4") {
    out = Paper::A4;
  } else if (text == "letter") {
    out = Paper::Letter;
  } else {
    return false;
  }
  return true;
}

PageSize page_size(Paper paper) {
  // A4 is 210 x 297 mm; US Letter 8.5 x 11 inches.
  return paper == Paper::A4 ? PageSize{595.276, 841.89} : PageSize{612, 792};
}

namespace {

// The family every page is set in: DejaVu covers the Latin letters of every partner city's
// language; Pango falls back through fontconfig for anything else.
constexpr const char* kFamily = "DejaVu Sans";

int units(double points) {
  return static_cast<int>(std::lround(points * PANGO_SCALE));
}
double points(int units) {
  return static_cast<double>(units) / PANGO_SCALE;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PangoAlignment pango_alignment(Align align) {
  switch (align) {
    case Align::Left:
      return PANGO_ALIGN_LEFT;
    case Align::Centre:
      return PANGO_ALIGN_CENTER;
    case Align::Right:
      return PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

struct PdfDocument::Cairo {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoLayout* layout = nullptr;
  PangoFontDescription* font = nullptr;

  ~Cairo() {
    if (font) pango_font_description_free(font);
    if (layout) g_object_unref(layout);
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  void set_font(double size, bool bold) {
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
  }

  // The layout holds `text` at `size` in `width`, unlimited in height, nothing cut.
  void prepare(std::string_view text, double width, const TextStyle& style, double size) {
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    pango_layout_set_width(layout, units(width));
    pango_layout_set_height(layout, -1);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_alignment(layout, pango_alignment(style.align));
    set_font(size, style.bold);
  }
};

PdfDocument::PdfDocument(Paper paper, const PdfMetadata& metadata)
    : cairo_(std::make_unique<Cairo>()), size_(page_size(paper)) {
  Cairo& c = *cairo_;
  c.surface =
      cairo_pdf_surface_create_for_stream(&append_bytes, &c.bytes, size_.width, size_.height);
  cairo_pdf_surface_set_metadata(c.surface, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(c.surface, CAIRO_PDF_METADATA_CREATOR, "crossmatch");
  if (!metadata.creation_date.empty())
    cairo_pdf_surface_set_metadata(c.surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   metadata.creation_date.c_str());
  c.cr = cairo_create(c.surface);
  c.layout = pango_cairo_create_layout(c.cr);
  // Unhinted metrics: glyph positions do not depend on a screen's pixel grid.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango_layout_get_context(c.layout), options);
  pango_layout_context_changed(c.layout);
  cairo_font_options_destroy(options);
  c.font = pango_font_description_from_string(kFamily);
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::next_page() {
  cairo_show_page(cairo_->cr);
}

double PdfDocument::text(const Box& box, std::string_view text, const TextStyle& style) {
  if (text.empty() || box.width <= 0 || box.height <= 0) return 0;
  Cairo& c = *cairo_;
  double size = style.size;
  int width = 0, height = 0;
  for (;;) {
    c.prepare(text, box.width, style, size);
    pango_layout_get_size(c.layout, &width, &height);
    const int lines = pango_layout_get_line_count(c.layout);
    if (height <= units(box.height) && (style.max_lines == 0 || lines <= style.max_lines)) break;
    if (size <= style.min_size) {
      // Still too long at the smallest size: as many lines as the box holds, the last one cut
      // short with an ellipsis.
      pango_layout_set_ellipsize(c.layout, PANGO_ELLIPSIZE_END);
      int fitting = std::max(
          1, static_cast<int>(box.height * PANGO_SCALE / std::max(1, height / std::max(1, lines))));
      if (style.max_lines > 0) fitting = std::min(fitting, style.max_lines);
      pango_layout_set_height(c.layout, -fitting);
      pango_layout_get_size(c.layout, &width, &height);
      break;
    }
    size = std::max(style.min_size, size * 0.9);
  }
  cairo_set_source_rgb(c.cr, style.grey, style.grey, style.grey);
  cairo_move_to(c.cr, box.x, box.y);
  pango_cairo_show_layout(c.cr, c.layout);
  return std::min(points(height), box.height);
}

double PdfDocument::text_height(double width, std::string_view text, const TextStyle& style) {
  if (text.empty() || width <= 0) return 0;
  cairo_->prepare(text, width, style, style.size);
  int w = 0, h = 0;
  pango_layout_get_size(cairo_->layout, &w, &h);
  return points(h);
}

void PdfDocument::line(double x0, double y0, double x1, double y1, double width, double grey) {
  cairo_t* cr = cairo_->cr;
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

void PdfDocument::rectangle(const Box& box, double line_width, double grey) {
  cairo_t* cr = cairo_->cr;
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_set_line_width(cr, line_width);
  cairo_rectangle(cr, box.x, box.y, box.width, box.height);
  cairo_stroke(cr);
}

void PdfDocument::fill(const Box& box, double grey) {
  cairo_t* cr = cairo_->cr;
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_rectangle(cr, box.x, box.y, box.width, box.height);
  cairo_fill(cr);
}

core::Status PdfDocument::qr_code(double x, double y, double side, std::string_view text) {
  auto matrix = qr_matrix(text);
  if (!matrix) return matrix.error();
  cairo_t* cr = cairo_->cr;
  const double module = side / (matrix->size + 2 * kQuietZone);
  const double left = x + kQuietZone * module;
  const double top = y + kQuietZone * module;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, side, side);
  cairo_fill(cr);
  // One path for every dark run of every row, filled once: no seams between modules.
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < matrix->size; ++row) {
    int column = 0;
    while (column < matrix->size) {
      if (!matrix->at(column, row)) {
        ++column;
        continue;
      }
      const int start = column;
      while (column < matrix->size && matrix->at(column, row)) ++column;
      cairo_rectangle(cr, left + start * module, top + row * module, (column - start) * module,
                      module);
    }
  }
  cairo_fill(cr);
  return core::Status();
}

core::Result<std::string> PdfDocument::finish() {
  if (finished_) return core::make_error("finished", "", "The document was already finished.");
  finished_ = true;
  Cairo& c = *cairo_;
  cairo_destroy(c.cr);
  c.cr = nullptr;
  g_object_unref(c.layout);
  c.layout = nullptr;
  cairo_surface_finish(c.surface);
  const cairo_status_t status = cairo_surface_status(c.surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return core::make_error("pdf", "",
                            // TRANSLATORS: %s is cairo's own description of what went wrong (in
                            // English)
                            core::format_text(core::tr("The PDF could not be made: %s."),
                                              cairo_status_to_string(status)));
  return std::move(c.bytes);
}

}  // namespace crossmatch::print
