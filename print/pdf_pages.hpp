// The four kinds of printed pages, each drawn into a PdfDocument (print_job.cpp picks one).
#pragma once

#include <string>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"
#include "print/agenda_content.hpp"
#include "print/pdf_document.hpp"

namespace crossmatch::print {

// Eight badges a page (two across, four down), cut marks in the margins.
core::Status draw_badges(PdfDocument& pdf, const core::EventState& state,
                         const core::Taxonomy& taxonomy,
                         const std::vector<core::ParticipantId>& participants);
// One page or more per agenda; `join_code` empty: no QR code.
core::Status draw_agendas(PdfDocument& pdf, const core::EventState& state,
                          const std::vector<Agenda>& agendas, const std::string& join_code);
// One page per table and meeting session (more when the slots do not fit).
void draw_table_signs(PdfDocument& pdf, const core::EventState& state);
core::Status draw_join_poster(PdfDocument& pdf, const core::EventState& state,
                              const std::string& hub_address, const std::string& join_code);

// Page margins, in points.
inline constexpr double kMargin = 42;
// Points per millimetre.
inline constexpr double kMillimetre = 72.0 / 25.4;

}  // namespace crossmatch::print
