// SPDX-License-Identifier: MIT
#include "linter/output/fingerprint.h"

#include <cstdint>
#include <cstdio>
#include <map>

#include "linter/output/report_util.h"

namespace synlint {
namespace {

/// 64-bit FNV-1a: fixed by its definition, so fingerprints do not change
/// with the compiler or the platform (std::hash may).
class Fnv1a {
 public:
  void Add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
    hash_ ^= 0xff;  // field separator: ("ab","c") and ("a","bc") differ
    hash_ *= 0x100000001b3ULL;
  }
  std::string Hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_));
    return buf;
  }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

/// The finding's first line with runs of blanks made one space and trimmed;
/// "" for a finding about a whole file or a file not at hand.
std::string LineContent(const Report& r, const Location& loc) {
  const SourceFile* file = FindSource(r, loc.file);
  if (file == nullptr || loc.start.line == 0) return "";
  const std::string_view line = file->lines().LineText(file->text, loc.start.line);
  std::string out;
  bool blank = false;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
      blank = !out.empty();
      continue;
    }
    if (blank) out.push_back(' ');
    blank = false;
    out.push_back(c);
  }
  return out;
}

/// Hashes, then ":N" on the N-th repeat of a hash.
std::vector<std::string> Numbered(std::vector<std::string> hashes) {
  std::map<std::string, unsigned> seen;
  for (std::string& h : hashes) {
    const unsigned n = ++seen[h];
    if (n > 1) h += ":" + std::to_string(n);
  }
  return hashes;
}

}  // namespace

std::string FingerprintHash(const Report& r, const Finding& f, std::string_view host) {
  std::string path;
  RootRelativePath(r, f.location.file, &path);
  Fnv1a h;
  h.Add(f.rule);
  h.Add(host);
  h.Add(path);
  h.Add(LineContent(r, f.location));
  return h.Hex();
}

std::vector<std::string> FindingFingerprints(const Report& r) {
  std::vector<std::string> hashes;
  hashes.reserve(r.findings.size());
  for (size_t i = 0; i < r.findings.size(); ++i)
    hashes.push_back(FingerprintHash(r, r.findings[i], HostOf(r, i)));
  return Numbered(std::move(hashes));
}

std::vector<std::string> SuppressedFingerprints(const Report& r) {
  std::vector<std::string> hashes;
  hashes.reserve(r.suppressed_findings.size());
  for (const SuppressedFinding& s : r.suppressed_findings)
    hashes.push_back(FingerprintHash(r, s.finding, s.host));
  return Numbered(std::move(hashes));
}

}  // namespace synlint
