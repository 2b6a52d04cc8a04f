// The hub's TLS identity: made once beside the database with its key readable by the owner only,
// loaded back unchanged, organisers' own files checked with errors naming the file; and the pins
// and join codes that carry them.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "net/tls_identity.hpp"

using namespace crossmatch;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("crossmatch-" + name + "-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(std::random_device{}()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

TEST_CASE(
    "the hub's identity is made once, its key readable by its owner only, and loaded back the "
    "same") {
  const fs::path dir = fresh_dir("tls-identity");
  const fs::path db = dir / "event.db";
  auto made = net::load_or_create_tls_identity(db, "crossmatch hub");
  REQUIRE_MESSAGE(made.ok(), (made.ok() ? "" : made.error().message));
  CHECK(made->created);
  CHECK(made->identity.fingerprint.size() == 64);
  CHECK(made->identity.certificate_pem.find("BEGIN CERTIFICATE") != std::string::npos);
  struct stat key_stat {};
  REQUIRE(::stat(net::stored_key_file(db).c_str(), &key_stat) == 0);
  CHECK((key_stat.st_mode & 0777) == 0600);
  CHECK_FALSE(fs::exists(net::stored_key_file(db).string() + ".tmp"));

  auto again = net::load_or_create_tls_identity(db, "crossmatch hub");
  REQUIRE(again.ok());
  CHECK_FALSE(again->created);
  CHECK(again->identity.fingerprint == made->identity.fingerprint);
  auto direct = net::load_tls_identity(net::stored_certificate_file(db), net::stored_key_file(db));
  REQUIRE(direct.ok());
  CHECK(direct->fingerprint == made->identity.fingerprint);

  // Another hub's identity differs.
  auto other = net::load_or_create_tls_identity(dir / "other.db", "crossmatch hub");
  REQUIRE(other.ok());
  CHECK(other->identity.fingerprint != made->identity.fingerprint);

  // A key left without its certificate (a first start that stopped half-way) is made afresh.
  fs::remove(net::stored_certificate_file(dir / "other.db"));
  auto remade = net::load_or_create_tls_identity(dir / "other.db", "crossmatch hub");
  REQUIRE(remade.ok());
  CHECK(remade->created);

  // A certificate without its key is an error that names the key file.
  fs::remove(net::stored_key_file(db));
  auto lonely = net::load_or_create_tls_identity(db, "crossmatch hub");
  REQUIRE_FALSE(lonely.ok());
  CHECK(lonely.error().message.find(net::stored_key_file(db).string()) != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("an organiser's certificate and key: each problem names the file") {
  const fs::path dir = fresh_dir("tls-files");
  auto a = net::load_or_create_tls_identity(dir / "a.db", "a");
  auto b = net::load_or_create_tls_identity(dir / "b.db", "b");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const fs::path cert = net::stored_certificate_file(dir / "a.db");
  const fs::path key = net::stored_key_file(dir / "a.db");

  auto missing = net::load_tls_identity(dir / "nope.pem", key);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find((dir / "nope.pem").string()) != std::string::npos);

  write(dir / "garbage.pem", "not a certificate\n");
  auto garbage = net::load_tls_identity(dir / "garbage.pem", key);
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.error().message.find((dir / "garbage.pem").string()) != std::string::npos);
  auto garbage_key = net::load_tls_identity(cert, dir / "garbage.pem");
  REQUIRE_FALSE(garbage_key.ok());
  CHECK(garbage_key.error().message.find((dir / "garbage.pem").string()) != std::string::npos);

  // b's key does not belong to a's certificate.
  auto mismatched = net::load_tls_identity(cert, net::stored_key_file(dir / "b.db"));
  REQUIRE_FALSE(mismatched.ok());
  CHECK(mismatched.error().message.find(net::stored_key_file(dir / "b.db").string()) !=
        std::string::npos);
  CHECK(mismatched.error().message.find("not the private key") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE(
    "pins: the short pin is the fingerprint's first 60 bits; full and short pins match their "
    "certificate only") {
  const std::string fp = "60dc90e4d2265886b9d7cd41415d901f529ba790ef88e4e409320ee09faa4889";
  const std::string other =
      "60dc90e4d2265896b9d7cd41415d901f529ba790ef88e4e409320ee09faa4889";  // 15th digit
  const std::string beyond =
      "60dc90e4d2265887b9d7cd41415d901f529ba790ef88e4e409320ee09faa4889";  // 16th digit
  CHECK(net::short_pin(fp) == "NDQK-B3GU-E3NJ");
  CHECK(net::short_pin(other) != net::short_pin(fp));
  CHECK(net::short_pin(beyond) == net::short_pin(fp));  // the short pin is 60 bits ...
  CHECK_FALSE(net::pin_matches(fp, beyond));            // ... the full fingerprint all 256
  CHECK(net::pin_matches("NDQK-B3GU-E3NJ", fp));
  CHECK(net::pin_matches("ndqk b3gu e3nj", fp));
  CHECK(net::pin_matches(fp, fp));
  std::string upper_colons;
  for (std::size_t i = 0; i < fp.size(); i += 2) upper_colons += (i ? ":" : "") + fp.substr(i, 2);
  for (char& c : upper_colons) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(net::pin_matches(upper_colons, fp));
  CHECK_FALSE(net::pin_matches("NDQK-B3GU-E3NK", fp));
  CHECK_FALSE(net::pin_matches(other, fp));
  CHECK_FALSE(net::pin_matches("", fp));
  CHECK_FALSE(net::pin_matches("NDQK-B3GU", fp));
  CHECK(net::valid_pin("NDQK-B3GU-E3NJ"));
  CHECK(net::valid_pin(fp));
  CHECK_FALSE(net::valid_pin("NDQK-B3GU-E3N0"));  // 0 is not in the alphabet
  CHECK_FALSE(net::valid_pin(""));
}

TEST_CASE("join codes: the event's code and the hub's pin, however typed") {
  auto both = net::split_join_code("jn4w-qyem-ndqk-b3gu-e3nj ");
  CHECK(both.code == "JN4W-QYEM");
  CHECK(both.pin == "NDQK-B3GU-E3NJ");
  auto squeezed = net::split_join_code("JN4WQYEMNDQKB3GUE3NJ");
  CHECK(squeezed.code == "JN4W-QYEM");
  CHECK(squeezed.pin == "NDQK-B3GU-E3NJ");
  auto code_only = net::split_join_code("JN4W-QYEM");
  CHECK(code_only.code == "JN4W-QYEM");
  CHECK(code_only.pin.empty());
  auto other = net::split_join_code(" WRONG-CODE ");
  CHECK(other.code == "WRONG-CODE");
  CHECK(other.pin.empty());
  CHECK(net::join_code_with_pin("JN4W-QYEM", "NDQK-B3GU-E3NJ") == "JN4W-QYEM-NDQK-B3GU-E3NJ");
  CHECK(net::join_code_with_pin("JN4W-QYEM", "") == "JN4W-QYEM");
}
