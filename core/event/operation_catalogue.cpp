// Asking the catalogue about an operation: each question visits the payload and asks its kind's
// entry, so the kinds are listed nowhere but in OperationPayload and their entries.
#include "core/event/operation_catalogue.hpp"

#include <array>
#include <utility>

namespace crossmatch::core {
namespace {

template <std::size_t... I>
constexpr std::array<std::string_view, sizeof...(I)> names_of(std::index_sequence<I...>) {
  return {Catalogue<std::variant_alternative_t<I, OperationPayload>>::name...};
}
constexpr auto kNames = names_of(std::make_index_sequence<std::variant_size_v<OperationPayload>>{});

constexpr bool names_unique() {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (kNames[i] == kNames[j]) return false;
    }
  }
  return true;
}
static_assert(names_unique(), "two kinds of operation share a wire name");

template <std::size_t... I>
OperationPayload make_payload(std::size_t index, std::index_sequence<I...>) {
  OperationPayload out;
  ((index == I ? (out = std::variant_alternative_t<I, OperationPayload>{}, true) : false) || ...);
  return out;
}

template <class T>
using EntryOf = Catalogue<std::decay_t<T>>;

}  // namespace

Sender sender_of(const Actor& actor) {
  switch (actor.role) {
    case Role::Organiser:
      return kOrganiser;
    case Role::Broker:
      return kBroker;
    case Role::Helper:
      return kHelper;
    case Role::Participant:
      return actor.participant == 0 ? kNewcomer : kParticipant;
  }
  return kParticipant;
}

const char* operation_type(const OperationPayload& payload) {
  // Every name is a string literal, so its view ends in a terminating zero.
  return kNames[payload.index()].data();
}

int operation_index(std::string_view type) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (type == kNames[i]) return static_cast<int>(i);
  }
  return -1;
}

std::string_view operation_action(const OperationPayload& payload) {
  return std::visit([](const auto& p) { return std::string_view(EntryOf<decltype(p)>::action); },
                    payload);
}

OperationPayload payload_of_kind(std::size_t index) {
  return make_payload(index, std::make_index_sequence<std::variant_size_v<OperationPayload>>{});
}

Senders senders(const OperationPayload& payload) {
  return std::visit([](const auto& p) -> Senders { return EntryOf<decltype(p)>::senders; },
                    payload);
}

std::optional<Error> refuse_sender(const Operation& op) {
  return std::visit(
      [&](const auto& p) -> std::optional<Error> {
        using Entry = EntryOf<decltype(p)>;
        if ((Entry::senders & sender_of(op.actor)) != 0) return std::nullopt;
        return make_error("forbidden", std::string(Entry::refusal.field),
                          std::string(Entry::refusal.message));
      },
      op.payload);
}

Subject subject(const OperationPayload& payload) {
  return std::visit([](const auto& p) { return EntryOf<decltype(p)>::subject(p); }, payload);
}

void clear_decided(OperationPayload& payload) {
  std::visit([](auto& p) { EntryOf<decltype(p)>::clear_decided(p); }, payload);
}

void report_changes_before(const EventState& before, const Operation& op, ChangeSink& sink) {
  std::visit([&](const auto& p) { EntryOf<decltype(p)>::changes_before(p, before, sink); },
             op.payload);
}

void report_changes(const Operation& applied, const EventState& after, ChangeSink& sink) {
  const ChangeContext context{applied, after};
  std::visit([&](const auto& p) { EntryOf<decltype(p)>::changes(p, context, sink); },
             applied.payload);
}

bool view_payload(OperationPayload& payload, const Operation& op, const EventState& after,
                  ParticipantId self, std::vector<Contact>& contacts) {
  ViewContext context{op, after, self, contacts};
  return std::visit([&](auto& p) { return EntryOf<decltype(p)>::view(p, context); }, payload);
}

std::optional<Notice> notice(const Operation& op, const EventState& after, Role role,
                             ParticipantId me) {
  const NoticeContext context{op, after, role, me};
  return std::visit([&](const auto& p) { return EntryOf<decltype(p)>::notice(p, context); },
                    op.payload);
}

bool forget(OperationPayload& payload, const Forgotten& forgotten) {
  return std::visit([&](auto& p) { return EntryOf<decltype(p)>::forget(p, forgotten); }, payload);
}

}  // namespace crossmatch::core
