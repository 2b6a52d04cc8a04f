// The hub's TLS identity (its certificate and key, made on first start or given by the
// organiser) and the pins clients check it by: the certificate's SHA-256 fingerprint, and its
// short form that the join code people type carries.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace crossmatch::net {

struct TlsIdentity {
  std::string certificate_pem;  // the hub's certificate first, then any chain
  std::string key_pem;
  std::string fingerprint;  // SHA-256 of the hub's certificate (DER), 64 lower-case hex digits
};

// Reads a certificate (chain) and its private key from PEM files and checks they belong
// together. Each problem names the file.
core::Result<TlsIdentity> load_tls_identity(const std::filesystem::path& certificate_file,
                                            const std::filesystem::path& key_file);

// Where the hub keeps the identity it made itself: beside the database.
std::filesystem::path stored_certificate_file(const std::filesystem::path& db_file);
std::filesystem::path stored_key_file(const std::filesystem::path& db_file);

struct StoredIdentity {
  TlsIdentity identity;
  bool created = false;  // made just now
};
// The identity beside `db_file`; on first start an EC P-256 key and a self-signed certificate
// for `common_name` (valid ten years) are made and written, the key readable by its owner only,
// each file appearing whole or not at all.
core::Result<StoredIdentity> load_or_create_tls_identity(const std::filesystem::path& db_file,
                                                         const std::string& common_name);

// The short pin: the fingerprint's first 60 bits in the join code's alphabet, as three groups
// of four ("ABCD-EFGH-JKLM"). `fingerprint` is 64 hex digits.
std::string short_pin(std::string_view fingerprint);

// A pin as typed: the full fingerprint (hex, colons allowed) or the short pin (any case,
// hyphens and spaces ignored). False when `pin` is neither.
bool valid_pin(std::string_view pin);
// Whether the certificate with `fingerprint` is the one `pin` names.
bool pin_matches(std::string_view pin, std::string_view fingerprint);

// A join code as typed: the event's code ("K7QF-M2XD"), then, for a hub that speaks TLS, the
// pin of its certificate ("K7QF-M2XD-ABCD-EFGH-JKLM"). Case, spaces and hyphens do not matter.
struct JoinCode {
  std::string code;  // what the hello carries
  std::string pin;   // empty when the typed code has none
};
JoinCode split_join_code(std::string_view typed);
// The code people type: the event's code and, when given, the pin.
std::string join_code_with_pin(const std::string& code, const std::string& pin);

}  // namespace crossmatch::net
