#include "net/tls_identity.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

#include "net/hex_digest.hpp"

namespace crossmatch::net {
namespace {

namespace fs = std::filesystem;

// The join code's alphabet: no 0/O or 1/I.
constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr std::size_t kPinChars = 12;  // 60 bits
constexpr std::size_t kCodeChars = 8;

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

core::Error file_error(const fs::path& file, const std::string& what) {
  return core::make_error("bad_tls_file", file.string(), file.string() + ": " + what);
}

core::Result<std::string> read_file(const fs::path& file, const char* what) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return file_error(
        file, std::string("cannot read the ") + what + " (missing, or not readable by this user).");
  std::stringstream s;
  s << in.rdbuf();
  if (in.bad()) return file_error(file, std::string("cannot read the ") + what + ".");
  return s.str();
}

std::string pem_of_certificate(X509* certificate) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1) return {};
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::string pem_of_key(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    return {};
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

core::Result<TlsIdentity> identity_from_pem(std::string certificate_pem, std::string key_pem,
                                            const fs::path& certificate_file,
                                            const fs::path& key_file) {
  BioPtr cert_bio(
      BIO_new_mem_buf(certificate_pem.data(), static_cast<int>(certificate_pem.size())));
  X509Ptr certificate(cert_bio ? PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr)
                               : nullptr);
  if (!certificate)
    return file_error(certificate_file, "holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
  BioPtr key_bio(BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())));
  KeyPtr key(key_bio ? PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key)
    return file_error(key_file,
                      "holds no unencrypted PEM private key (-----BEGIN PRIVATE KEY-----).");
  if (X509_check_private_key(certificate.get(), key.get()) != 1)
    return file_error(key_file, "is not the private key of the certificate in " +
                                    certificate_file.string() + ".");
  TlsIdentity identity;
  identity.fingerprint = fingerprint_of(certificate.get());
  if (identity.fingerprint.empty())
    return file_error(certificate_file, "the certificate's fingerprint cannot be taken.");
  identity.certificate_pem = std::move(certificate_pem);
  identity.key_pem = std::move(key_pem);
  return identity;
}

// Writes `text` to `file` through a temporary file and one rename, with `mode` from the start.
core::Status write_whole(const fs::path& file, const std::string& text, mode_t mode) {
  const fs::path temporary = file.string() + ".tmp";
  ::unlink(temporary.c_str());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return file_error(temporary, "cannot be created.");
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      ::unlink(temporary.c_str());
      return file_error(temporary, "cannot be written.");
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(temporary.c_str(), file.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return file_error(file, "cannot be written.");
  }
  return core::Status::success();
}

core::Result<TlsIdentity> create_identity(const std::string& common_name) {
  KeyPtr key(EVP_EC_gen("P-256"));
  if (!key) return core::make_error("tls", "", "OpenSSL could not make an EC P-256 key.");
  X509Ptr certificate(X509_new());
  if (!certificate) return core::make_error("tls", "", "OpenSSL could not make a certificate.");
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof serial) != 1)
    return core::make_error("tls", "", "No random bytes for the certificate.");
  serial[0] &= 0x7f;  // a positive serial number
  BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
  const bool serial_set =
      number != nullptr &&
      BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get())) != nullptr;
  BN_free(number);
  X509_NAME* name = X509_get_subject_name(certificate.get());
  const std::string cn = common_name.substr(0, 64);
  const bool ok =
      serial_set && X509_set_version(certificate.get(), 2) == 1 &&
      X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -24L * 3600) != nullptr &&
      X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 10L * 365 * 24 * 3600) != nullptr &&
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1,
                                 0) == 1 &&
      X509_set_issuer_name(certificate.get(), name) == 1 &&
      X509_set_pubkey(certificate.get(), key.get()) == 1 &&
      X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0;
  if (!ok)
    return core::make_error("tls", "", "OpenSSL could not make the hub's self-signed certificate.");
  TlsIdentity identity;
  identity.certificate_pem = pem_of_certificate(certificate.get());
  identity.key_pem = pem_of_key(key.get());
  identity.fingerprint = fingerprint_of(certificate.get());
  if (identity.certificate_pem.empty() || identity.key_pem.empty() || identity.fingerprint.empty())
    return core::make_error("tls", "", "OpenSSL could not write the hub's certificate and key.");
  return identity;
}

// Upper case, without spaces and hyphens.
std::string squeeze(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string groups_of_four(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += text[i];
  }
  return out;
}

bool in_alphabet(const std::string& text) {
  for (const char c : text) {
    if (std::string_view(kAlphabet).find(c) == std::string_view::npos) return false;
  }
  return true;
}

// Lower-case hex without colons and spaces, or empty when `text` is not 64 hex digits.
std::string full_fingerprint(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ':' || c == ' ') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out.size() == 64 ? out : std::string();
}

}  // namespace

core::Result<TlsIdentity> load_tls_identity(const fs::path& certificate_file,
                                            const fs::path& key_file) {
  auto certificate = read_file(certificate_file, "certificate");
  if (!certificate) return certificate.error();
  auto key = read_file(key_file, "private key");
  if (!key) return key.error();
  return identity_from_pem(std::move(*certificate), std::move(*key), certificate_file, key_file);
}

fs::path stored_certificate_file(const fs::path& db_file) {
  return db_file.string() + ".tls-cert.pem";
}
fs::path stored_key_file(const fs::path& db_file) {
  return db_file.string() + ".tls-key.pem";
}

core::Result<StoredIdentity> load_or_create_tls_identity(const fs::path& db_file,
                                                         const std::string& common_name) {
  const fs::path certificate_file = stored_certificate_file(db_file);
  const fs::path key_file = stored_key_file(db_file);
  std::error_code ec;
  const bool have_certificate = fs::exists(certificate_file, ec);
  if (have_certificate) {
    if (!fs::exists(key_file, ec))
      return file_error(
          key_file,
          "is missing, but its certificate " + certificate_file.string() +
              " is there: restore the key, or remove the certificate to make a new pair "
              "(clients that remembered the old one will then refuse the hub until told).");
    auto identity = load_tls_identity(certificate_file, key_file);
    if (!identity) return identity.error();
    return StoredIdentity{std::move(*identity), false};
  }
  // No certificate: a key alone is left over from a start that stopped half-way; nobody can have
  // pinned a certificate that was never written, so both are made afresh. The certificate is
  // renamed into place last: its presence means the pair is complete.
  auto identity = create_identity(common_name);
  if (!identity) return identity.error();
  if (core::Status s = write_whole(key_file, identity->key_pem, 0600); !s) return s.error();
  if (core::Status s = write_whole(certificate_file, identity->certificate_pem, 0644); !s)
    return s.error();
  return StoredIdentity{std::move(*identity), true};
}

std::string short_pin(std::string_view fingerprint) {
  const std::string hex_digits = full_fingerprint(fingerprint);
  if (hex_digits.empty()) return {};
  // 60 bits: the first 15 hex digits, five bits at a time.
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < 15; ++i)
    bits =
        (bits << 4) | static_cast<std::uint64_t>(std::stoi(hex_digits.substr(i, 1), nullptr, 16));
  std::string pin(kPinChars, 'A');
  for (std::size_t i = 0; i < kPinChars; ++i)
    pin[i] = kAlphabet[(bits >> (5 * (kPinChars - 1 - i))) & 31];
  return groups_of_four(pin);
}

bool valid_pin(std::string_view pin) {
  if (!full_fingerprint(pin).empty()) return true;
  const std::string s = squeeze(pin);
  return s.size() == kPinChars && in_alphabet(s);
}

bool pin_matches(std::string_view pin, std::string_view fingerprint) {
  const std::string actual = full_fingerprint(fingerprint);
  if (actual.empty()) return false;
  if (const std::string full = full_fingerprint(pin); !full.empty()) return full == actual;
  const std::string s = squeeze(pin);
  return s.size() == kPinChars && s == squeeze(short_pin(actual));
}

JoinCode split_join_code(std::string_view typed) {
  const std::string s = squeeze(typed);
  if (s.size() == kCodeChars + kPinChars && in_alphabet(s))
    return JoinCode{groups_of_four(s.substr(0, kCodeChars)), groups_of_four(s.substr(kCodeChars))};
  if (s.size() == kCodeChars && in_alphabet(s)) return JoinCode{groups_of_four(s), ""};
  // Not a code of ours: passed on as typed, for the hub to refuse.
  std::string trimmed(typed);
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
    trimmed.pop_back();
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
    trimmed.erase(trimmed.begin());
  return JoinCode{trimmed, ""};
}

std::string join_code_with_pin(const std::string& code, const std::string& pin) {
  return pin.empty() ? code : code + "-" + pin;
}

}  // namespace crossmatch::net
