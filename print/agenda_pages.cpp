// Personal agendas: a header with the person and the event's join code, their meetings in time
// order as a table of fixed rows (a long agenda continues on further pages), then their teams,
// pitches and policy-clinic tables.
#include <string>

#include "core/i18n/translation.hpp"
#include "print/pdf_pages.hpp"

namespace crossmatch::print {

namespace {

constexpr double kAgendaQrSide = 92;
constexpr double kRowHeight = 50;
constexpr double kWhenWidth = 104;
constexpr double kTableWidth = 64;
constexpr double kFooter = 30;

class AgendaWriter {
 public:
  AgendaWriter(PdfDocument& pdf, const core::EventState& state, const std::string& join_code)
      : pdf_(pdf), state_(state), join_code_(join_code), page_(pdf.size()) {}

  core::Status write(const Agenda& agenda, bool first) {
    agenda_ = &agenda;
    page_number_ = 0;
    if (!first) pdf_.next_page();
    if (auto s = header(); !s) return s;

    // TRANSLATORS: heading of a printed agenda: the person's one-to-one meetings
    heading(core::tr("Meetings"));
    if (agenda.meetings.empty()) {
      line_of_text(core::tr("No meetings booked yet."), 11, 18);
    } else {
      column_heads();
      for (const AgendaMeeting& meeting : agenda.meetings) {
        if (!room_for(kRowHeight)) {
          if (auto s = continued(); !s) return s;
          column_heads();
        }
        meeting_row(meeting);
      }
    }
    if (!agenda.teams.empty()) {
      // TRANSLATORS: heading of a printed agenda: the teams the person is in
      heading(core::tr("Your team"));
      for (const AgendaTeam& team : agenda.teams) {
        if (!room_for(46))
          if (auto s = continued(); !s) return s;
        std::string title = team.round + " - " + team.when;
        if (!team.table.empty()) title += " - " + team.table;
        pdf_.text({left(), y_, width(), 14}, title,
                  {.size = 10, .bold = true, .min_size = 6, .max_lines = 1});
        std::string others;
        for (std::size_t i = 0; i < team.members.size(); ++i)
          others += (i == 0 ? "" : ", ") + team.members[i];
        // TRANSLATORS: on a printed agenda, the others in the person's team; %s is a list of names
        std::string members = core::format_text(core::tr("With %s"), others.c_str());
        if (team.members.empty()) members = core::tr("On your own so far.");
        pdf_.text({left(), y_ + 15, width(), 26}, members,
                  {.size = 9, .min_size = 6, .max_lines = 2});
        y_ += 46;
      }
    }
    if (!agenda.pitches.empty()) {
      // TRANSLATORS: heading of a printed agenda: the pitching sessions the person pitches in
      heading(core::tr("Pitching"));
      for (const AgendaPitch& pitch : agenda.pitches) {
        if (!room_for(18))
          if (auto s = continued(); !s) return s;
        const std::string place = core::format_text(
            // TRANSLATORS: on a printed agenda, the person's place in a session's pitching
            // order: "you pitch 3 of 7" (third of seven pitches)
            core::tr("you pitch %d of %d"), pitch.position, pitch.pitches);
        line_of_text(pitch.session + " - " + pitch.when + " - " + place, 10, 18);
      }
    }
    if (!agenda.clinics.empty()) {
      // TRANSLATORS: heading of a printed agenda: the policy-clinic tables the person sits at
      heading(core::tr("Policy clinics"));
      for (const AgendaClinic& clinic : agenda.clinics) {
        if (!room_for(32))
          if (auto s = continued(); !s) return s;
        pdf_.text({left(), y_, width(), 14},
                  clinic.session + " - " + clinic.when + " - " + clinic.table,
                  {.size = 10, .bold = true, .min_size = 6, .max_lines = 1});
        pdf_.text({left(), y_ + 15, width(), 13},
                  // TRANSLATORS: on a printed agenda, what a policy-clinic table discusses
                  core::format_text(core::tr("Theme: %s"), clinic.theme.c_str()),
                  {.size = 9, .min_size = 6, .max_lines = 1});
        y_ += 32;
      }
    }
    if (agenda.empty()) {
      y_ += 6;
      line_of_text(
          core::tr("Nothing is on your agenda yet: no meetings, team, pitch or clinic table."), 10,
          18);
    }
    footer();
    return core::Status();
  }

 private:
  double left() const { return kMargin; }
  double width() const { return page_.width - 2 * kMargin; }
  bool room_for(double height) const { return y_ + height <= page_.height - kMargin - kFooter; }

  core::Status header() {
    ++page_number_;
    const double text_width = width() - kAgendaQrSide - 12;
    pdf_.text({left(), kMargin, text_width, 14}, state_.event.name,
              {.size = 10, .min_size = 6, .max_lines = 1, .grey = 0.35});
    pdf_.text({left(), kMargin + 18, text_width, 52}, agenda_->name,
              {.size = 22, .bold = true, .min_size = 9, .max_lines = 2});
    pdf_.text({left(), kMargin + 72, text_width, 30}, agenda_->organisation,
              {.size = 12, .min_size = 7, .max_lines = 2});
    pdf_.text({left(), kMargin + 104, text_width, 14}, agenda_->place,
              {.size = 10, .min_size = 6, .max_lines = 1, .grey = 0.3});
    if (!join_code_.empty()) {
      const double x = page_.width - kMargin - kAgendaQrSide;
      if (auto s = pdf_.qr_code(x, kMargin - 6, kAgendaQrSide, join_code_); !s) return s;
      pdf_.text({x - 20, kMargin + kAgendaQrSide - 4, kAgendaQrSide + 20, 22},
                // TRANSLATORS: under the QR code of a printed agenda; %s is the event's join code
                core::format_text(core::tr("Join code %s"), join_code_.c_str()),
                {.size = 8, .align = Align::Centre, .min_size = 5, .max_lines = 2, .grey = 0.3});
    }
    y_ = kMargin + 128;
    pdf_.line(left(), y_ - 6, left() + width(), y_ - 6, 0.6);
    return core::Status();
  }

  core::Status continued() {
    footer();
    pdf_.next_page();
    ++page_number_;
    pdf_.text({left(), kMargin, width(), 14}, state_.event.name,
              {.size = 10, .min_size = 6, .max_lines = 1, .grey = 0.35});
    pdf_.text({left(), kMargin + 16, width(), 24},
              // TRANSLATORS: at the top of a further page; %s is a person's or a session's name
              core::format_text(core::tr("%s (continued)"), agenda_->name.c_str()),
              {.size = 14, .bold = true, .min_size = 7, .max_lines = 1});
    y_ = kMargin + 50;
    pdf_.line(left(), y_ - 6, left() + width(), y_ - 6, 0.6);
    return core::Status();
  }

  void footer() {
    pdf_.text({left(), page_.height - kMargin - 12, width(), 12},
              // TRANSLATORS: at the foot of a printed agenda: the person's name and the page number
              core::format_text(core::tr("%s - page %d"), agenda_->name.c_str(), page_number_),
              {.size = 8, .align = Align::Right, .min_size = 5, .max_lines = 1, .grey = 0.4});
  }

  void heading(const std::string& title) {
    if (!room_for(48)) (void)continued();
    y_ += 4;
    pdf_.text({left(), y_, width(), 20}, title, {.size = 14, .bold = true, .max_lines = 1});
    y_ += 22;
  }

  void line_of_text(const std::string& text, double size, double height) {
    pdf_.text({left(), y_, width(), height - 2}, text,
              {.size = size, .min_size = 6, .max_lines = 1});
    y_ += height;
  }

  void column_heads() {
    const TextStyle style{.size = 8, .bold = true, .min_size = 6, .max_lines = 1, .grey = 0.4};
    // TRANSLATORS: column head of a printed agenda (in capitals): when a meeting is
    pdf_.text({left(), y_, kWhenWidth, 12}, core::tr("WHEN"), style);
    // TRANSLATORS: column head of a printed agenda (in capitals): the table a meeting is at
    pdf_.text({left() + kWhenWidth, y_, kTableWidth, 12}, core::tr("TABLE"), style);
    pdf_.text({left() + kWhenWidth + kTableWidth, y_, width() - kWhenWidth - kTableWidth, 12},
              // TRANSLATORS: column head of a printed agenda (in capitals): who the person
              // meets, and the reason they were matched
              core::tr("PARTNER, AND WHY YOU MEET"), style);
    y_ += 14;
  }

  void meeting_row(const AgendaMeeting& meeting) {
    const double partner_x = left() + kWhenWidth + kTableWidth;
    const double partner_width = width() - kWhenWidth - kTableWidth;
    pdf_.line(left(), y_, left() + width(), y_, 0.3, 0.75);
    const double top = y_ + 4;
    pdf_.text({left(), top, kWhenWidth - 6, 28}, meeting.when,
              {.size = 10, .bold = true, .min_size = 6, .max_lines = 2});
    pdf_.text({left() + kWhenWidth, top, kTableWidth - 6, 28}, meeting.table,
              {.size = 10, .min_size = 6, .max_lines = 2});
    pdf_.text({partner_x, top, partner_width, 14}, meeting.partner,
              {.size = 10, .bold = true, .min_size = 6, .max_lines = 1});
    std::string about = meeting.organisation;
    for (const std::string* part : {&meeting.sector, &meeting.place}) {
      if (part->empty()) continue;
      if (!about.empty()) about += " - ";
      about += *part;
    }
    pdf_.text({partner_x, top + 15, partner_width, 12}, about,
              {.size = 8.5, .min_size = 6, .max_lines = 1, .grey = 0.15});
    if (!meeting.reason.empty())
      pdf_.text({partner_x, top + 29, partner_width, 12},
                // TRANSLATORS: on a printed agenda, the reason two people were matched
                core::format_text(core::tr("Why: %s"), meeting.reason.c_str()),
                {.size = 8.5, .min_size = 6, .max_lines = 1, .grey = 0.35});
    y_ += kRowHeight;
  }

  PdfDocument& pdf_;
  const core::EventState& state_;
  const std::string& join_code_;
  PageSize page_;
  const Agenda* agenda_ = nullptr;
  double y_ = 0;
  int page_number_ = 0;
};

}  // namespace

core::Status draw_agendas(PdfDocument& pdf, const core::EventState& state,
                          const std::vector<Agenda>& agendas, const std::string& join_code) {
  AgendaWriter writer(pdf, state, join_code);
  for (std::size_t i = 0; i < agendas.size(); ++i)
    if (auto s = writer.write(agendas[i], i == 0); !s) return s;
  if (agendas.empty())
    pdf.text({kMargin, kMargin, pdf.size().width - 2 * kMargin, 40},
             core::tr("No participants to print agendas for."), {.size = 14});
  return core::Status();
}

}  // namespace crossmatch::print
