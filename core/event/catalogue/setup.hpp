// Catalogue entries of the organiser's set-up and running of the event: the event, sessions,
// tables, announcements, the auto-schedule and team rounds. Included by operation_catalogue.hpp.
#pragma once

#include <algorithm>

namespace crossmatch::core {

template <>
struct Catalogue<CreateEvent> : facts::AboutNobody,
                                facts::HubDecidesNothing,
                                facts::NothingBeforehand,
                                facts::SeenByEveryone,
                                facts::NoNotice,
                                facts::NothingPersonal {
  static constexpr std::string_view name = "create_event";
  static constexpr std::string_view action = tr_noop("Create the event");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can create the event.")};
  static void changes(const CreateEvent&, const ChangeContext&, ChangeSink& sink) {
    sink.event_record();
  }
};

template <>
struct Catalogue<SetRegistration> : facts::AboutNobody,
                                    facts::HubDecidesNothing,
                                    facts::NothingBeforehand,
                                    facts::SeenByEveryone,
                                    facts::NoNotice,
                                    facts::NothingPersonal {
  static constexpr std::string_view name = "set_registration";
  static constexpr std::string_view action = tr_noop("Open or close registration");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can open or close registration.")};
  static void changes(const SetRegistration&, const ChangeContext&, ChangeSink& sink) {
    sink.event_record();
  }
};

template <>
struct Catalogue<SetSettings> : facts::AboutNobody,
                                facts::HubDecidesNothing,
                                facts::NothingBeforehand,
                                facts::SeenByEveryone,
                                facts::NoNotice,
                                facts::NothingPersonal {
  static constexpr std::string_view name = "set_settings";
  static constexpr std::string_view action = tr_noop("Change the matching settings");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can change the matching settings.")};
  static void changes(const SetSettings&, const ChangeContext&, ChangeSink& sink) {
    sink.event_record();
    sink.settings();
  }
};

template <>
struct Catalogue<DefineSession> : facts::AboutNobody,
                                  facts::HubDecidesNothing,
                                  facts::NothingBeforehand,
                                  facts::SeenByEveryone,
                                  facts::NoNotice,
                                  facts::NothingPersonal {
  static constexpr std::string_view name = "define_session";
  static constexpr std::string_view action = tr_noop("Save the session");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can define sessions.")};
  static void changes(const DefineSession& p, const ChangeContext& c, ChangeSink& sink) {
    // A new session's id is the one just assigned: the highest.
    sink.session(p.session != 0 ? p.session : c.after.next_session - 1);
  }
};

template <>
struct Catalogue<RemoveSession> : facts::AboutNobody,
                                  facts::HubDecidesNothing,
                                  facts::SeenByEveryone,
                                  facts::NoNotice,
                                  facts::NothingPersonal {
  static constexpr std::string_view name = "remove_session";
  static constexpr std::string_view action = tr_noop("Remove the session");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can remove sessions.")};
  // Everyone's unavailable slots and every meeting's preferred and pinned slots in the session are
  // dropped.
  static void changes_before(const RemoveSession& p, const EventState& before, ChangeSink& sink) {
    const auto in_session = [&](const SlotRef& s) { return s.session == p.session; };
    for (const auto& [id, person] : before.participants) {
      const auto& u = person.availability.unavailable;
      if (std::any_of(u.begin(), u.end(), in_session)) sink.availability(id);
    }
    for (const auto& [id, m] : before.meetings) {
      if (std::any_of(m.preferred.begin(), m.preferred.end(), in_session) ||
          (m.pinned && in_session(*m.pinned)))
        sink.meeting(id, false);
    }
  }
  static void changes(const RemoveSession& p, const ChangeContext&, ChangeSink& sink) {
    sink.session_removed(p.session);
  }
};

template <>
struct Catalogue<DefineTable> : facts::AboutNobody,
                                facts::HubDecidesNothing,
                                facts::NothingBeforehand,
                                facts::SeenByEveryone,
                                facts::NoNotice,
                                facts::NothingPersonal {
  static constexpr std::string_view name = "define_table";
  static constexpr std::string_view action = tr_noop("Add the table");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can define tables.")};
  static void changes(const DefineTable& p, const ChangeContext& c, ChangeSink& sink) {
    sink.table(p.table != 0 ? p.table : c.after.next_table - 1);
  }
};

template <>
struct Catalogue<RemoveTable> : facts::AboutNobody,
                                facts::HubDecidesNothing,
                                facts::NothingBeforehand,
                                facts::SeenByEveryone,
                                facts::NoNotice,
                                facts::NothingPersonal {
  static constexpr std::string_view name = "remove_table";
  static constexpr std::string_view action = tr_noop("Remove the table");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can remove tables.")};
  static void changes(const RemoveTable& p, const ChangeContext&, ChangeSink& sink) {
    sink.table_removed(p.table);
  }
};

template <>
struct Catalogue<Announce>
    : facts::AboutNobody, facts::NothingBeforehand, facts::SeenByEveryone, facts::NothingPersonal {
  static constexpr std::string_view name = "announce";
  static constexpr std::string_view action = tr_noop("Send the announcement");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can make announcements.")};
  static void clear_decided(Announce& p) { p.announcement = 0; }
  static void changes(const Announce& p, const ChangeContext&, ChangeSink& sink) {
    sink.announcement(p.announcement);
  }
  // Every app, the organiser's own too.
  static std::optional<Notice> notice(const Announce& p, const NoticeContext&) {
    return Notice{NoticeKind::Announcement, p.text, 0};
  }
};

template <>
struct Catalogue<ApplySchedule> : facts::AboutNobody,
                                  facts::HubDecidesNothing,
                                  facts::NothingBeforehand,
                                  facts::NoNotice,
                                  facts::NothingPersonal {
  static constexpr std::string_view name = "apply_schedule";
  static constexpr std::string_view action = tr_noop("Apply the schedule");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", tr_noop("Only the organiser can apply a schedule.")};
  static void changes(const ApplySchedule& p, const ChangeContext&, ChangeSink& sink) {
    for (const auto& [meeting, placement] : p.placements) sink.meeting(meeting, false);
  }
  // A participant sees the placements of their own meetings, and nothing when there are none.
  static bool view(ApplySchedule& p, ViewContext& v) {
    std::erase_if(p.placements, [&](const auto& placement) {
      const Meeting* m = v.after.meeting(placement.first);
      return m == nullptr || v.self == 0 || !m->involves(v.self);
    });
    return !p.placements.empty();
  }
};

template <>
struct Catalogue<PublishTeamRound>
    : facts::AboutNobody, facts::NothingBeforehand, facts::SeenByEveryone, facts::NothingPersonal {
  static constexpr std::string_view name = "publish_team_round";
  static constexpr std::string_view action = tr_noop("Publish the team round");
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor",
                                   tr_noop("Only the organiser can publish a team round.")};
  static void clear_decided(PublishTeamRound& p) { p.round = 0; }
  static void changes(const PublishTeamRound& p, const ChangeContext&, ChangeSink& sink) {
    sink.round(p.round);
  }
  static std::optional<Notice> notice(const PublishTeamRound& p, const NoticeContext&) {
    return Notice{NoticeKind::TeamRound,
                  // TRANSLATORS: a notification; %s is the name of the team round
                  format_text(tr("Team round published: %s"), p.name.c_str()), 0};
  }
};

}  // namespace crossmatch::core
