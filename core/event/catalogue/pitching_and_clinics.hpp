// Catalogue entries of pitching sessions and policy clinics: the whole room's business, so every
// participant sees their operations. Included by operation_catalogue.hpp.
#pragma once

namespace crossmatch::core {

template <>
struct Catalogue<SetPitchOrder> : facts::AboutNobody,
                                  facts::HubDecidesNothing,
                                  facts::NothingBeforehand,
                                  facts::SeenByEveryone,
                                  facts::NoNotice,
                                  facts::NothingPersonal {
  static constexpr std::string_view name = "set_pitch_order";
  static constexpr std::string_view action = tr_noop("Set the pitch order");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can set the pitch order.")};
  static void changes(const SetPitchOrder& p, const ChangeContext&, ChangeSink& sink) {
    sink.pitching(p.session);
  }
};

template <>
struct Catalogue<ControlPitch> : facts::AboutNobody,
                                 facts::HubDecidesNothing,
                                 facts::NothingBeforehand,
                                 facts::SeenByEveryone,
                                 facts::NoNotice,
                                 facts::NothingPersonal {
  static constexpr std::string_view name = "control_pitch";
  static constexpr std::string_view action = tr_noop("Control the pitch");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can run a pitching session.")};
  static void changes(const ControlPitch& p, const ChangeContext&, ChangeSink& sink) {
    sink.pitching(p.session);
  }
};

template <>
struct Catalogue<MarkInterested> : facts::AboutNobody,
                                   facts::HubDecidesNothing,
                                   facts::NothingBeforehand,
                                   facts::SeenByEveryone,
                                   facts::NoNotice,
                                   facts::NothingPersonal {
  static constexpr std::string_view name = "mark_interested";
  static constexpr std::string_view action = tr_noop("Mark interest in a pitch");
  static constexpr Senders senders = kParticipant;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Participants tap \"interested\" for themselves.")};
  static void changes(const MarkInterested& p, const ChangeContext&, ChangeSink& sink) {
    sink.pitching(p.session);
  }
};

template <>
struct Catalogue<ReopenPitch> : facts::AboutNobody,
                                facts::HubDecidesNothing,
                                facts::NothingBeforehand,
                                facts::SeenByEveryone,
                                facts::NoNotice,
                                facts::NothingPersonal {
  static constexpr std::string_view name = "reopen_pitch";
  static constexpr std::string_view action = tr_noop("Re-open the pitch");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can run a pitching session.")};
  static void changes(const ReopenPitch& p, const ChangeContext&, ChangeSink& sink) {
    sink.pitching(p.session);
  }
};

template <>
struct Catalogue<DefineClinicTable> : facts::AboutNobody,
                                      facts::HubDecidesNothing,
                                      facts::NothingBeforehand,
                                      facts::SeenByEveryone,
                                      facts::NoNotice,
                                      facts::NothingPersonal {
  static constexpr std::string_view name = "define_clinic_table";
  static constexpr std::string_view action = tr_noop("Set up a clinic table");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can set up a policy clinic.")};
  static void changes(const DefineClinicTable& p, const ChangeContext& c, ChangeSink& sink) {
    sink.clinic_table(p.clinic_table != 0 ? p.clinic_table : c.after.next_clinic_table - 1);
  }
};

template <>
struct Catalogue<PickThemes>
    : facts::HubDecidesNothing, facts::NothingBeforehand, facts::SeenByEveryone, facts::NoNotice {
  static constexpr std::string_view name = "pick_themes";
  static constexpr std::string_view action = tr_noop("Pick clinic themes");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the participant themself or the organiser can pick themes.")};
  static Subject subject(const PickThemes& p) { return {p.participant, 0}; }
  static void changes(const PickThemes& p, const ChangeContext&, ChangeSink& sink) {
    sink.clinic_themes(p.participant);
  }
  // The state forgets what an erased person picked.
  static bool forget(PickThemes& p, const Forgotten&) {
    p.themes.clear();
    return true;
  }
};

template <>
struct Catalogue<FormClinicTables> : facts::AboutNobody,
                                     facts::HubDecidesNothing,
                                     facts::NothingBeforehand,
                                     facts::SeenByEveryone,
                                     facts::NoNotice,
                                     facts::NothingPersonal {
  static constexpr std::string_view name = "form_clinic_tables";
  static constexpr std::string_view action = tr_noop("Form the clinic tables");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can seat a policy clinic.")};
  static void changes(const FormClinicTables& p, const ChangeContext&, ChangeSink& sink) {
    for (const ClinicSeating& s : p.seating) sink.clinic_table(s.clinic_table);
  }
};

template <>
struct Catalogue<RecordClinicOutcome> : facts::AboutNobody,
                                        facts::HubDecidesNothing,
                                        facts::NothingBeforehand,
                                        facts::SeenByEveryone,
                                        facts::NoNotice,
                                        facts::NothingPersonal {
  static constexpr std::string_view name = "record_clinic_outcome";
  static constexpr std::string_view action = tr_noop("Record the clinic's outcome");
  static constexpr Senders senders = kOrganiser | kParticipant;
  static constexpr Refusal refusal{
      "actor", tr_noop("Only the table's members or the organiser record its outcome.")};
  static void changes(const RecordClinicOutcome& p, const ChangeContext&, ChangeSink& sink) {
    sink.clinic_table(p.clinic_table);
  }
};

}  // namespace crossmatch::core
