#include "print/qr_matrix.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

#include "core/i18n/translation.hpp"

namespace crossmatch::print {

core::Result<QrMatrix> qr_matrix(std::string_view text) {
  if (text.empty())
    // TRANSLATORS: an error: a QR code was asked for an empty text
    return core::make_error("required", "text", core::tr("There is nothing to encode."));
  if (text.size() > kMaxQrText)
    return core::make_error(
        "too_long", "text",
        core::format_text(
            core::tr_n("A QR code here holds at most %zu character, not %zu.",
                       "A QR code here holds at most %zu characters, not %zu.", kMaxQrText),
            kMaxQrText, text.size()));
  const std::string copy(text);
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code)
    return core::make_error(
        "invalid", "text",
        core::format_text(core::tr("'%s' cannot be made into a QR code."), copy.c_str()));
  QrMatrix out;
  out.size = code->width;
  out.dark.resize(static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size));
  for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;
  return out;
}

}  // namespace crossmatch::print
