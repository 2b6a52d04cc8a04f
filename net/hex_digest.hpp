// Bytes as lower-case hexadecimal, and the SHA-256 fingerprint of a certificate in that form: the
// text tokens, token hashes and certificate fingerprints are written in.
#pragma once

#include <openssl/types.h>

#include <cstddef>
#include <string>

namespace crossmatch::net {

std::string hex(const unsigned char* bytes, std::size_t n);

// The certificate's SHA-256 digest in hexadecimal; empty when there is no certificate or the
// digest cannot be computed.
std::string fingerprint_of(X509* certificate);

}  // namespace crossmatch::net
