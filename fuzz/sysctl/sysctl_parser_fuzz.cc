// SPDX-License-Identifier: MIT
// libFuzzer target for the sysctl parser and the host model above it: parse
// arbitrary bytes and abort unless the tokens give the input back byte for
// byte and every span lies inside the input; then load a host whose files
// are the input (as an etc/sysctl.d file overriding a vendor file of the same
// name, and as /etc/sysctl.conf, which systemd reads through the
// 99-sysctl.conf link and procps last) and run every rule on it, checking
// that findings and fix edits point inside the files they name.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/file_system.h"
#include "model/host.h"
#include "parsers/sysctl/parser.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "sysctl fuzz invariant violated: %s\n", what);
  std::abort();
}

bool Inside(synlint::Span s, size_t size) { return s.begin <= s.end && s.end <= size; }

void CheckParse(std::string_view text) {
  const synlint::sysctl::ParseResult r = synlint::sysctl::Parse(text);
  Check(synlint::TokensCover(r.tokens, text), "tokens do not cover the input");
  std::string joined;
  joined.reserve(text.size());
  for (const synlint::Token& t : r.tokens) {
    Check(Inside(t.span, text.size()), "token span");
    joined.append(text.substr(t.span.begin, t.span.size()));
  }
  Check(joined == text, "tokens do not give the input back");
  for (const synlint::sysctl::Assignment& a : r.assignments) {
    Check(Inside(a.line, text.size()), "line span");
    Check(!a.key.empty() && a.key.begin >= a.line.begin && a.key.end <= a.line.end,
          "key outside its line");
    // Value and '=' are empty spans at 0 on exclusions ("-key" has neither).
    for (synlint::Span s : {a.value, a.equals})
      Check(Inside(s, text.size()) &&
                ((s.empty() && a.exclusion) || (s.begin >= a.line.begin && s.end <= a.line.end)),
            "value or '=' outside its line");
    Check(a.exclusion == a.equals.empty(), "'=' present on an exclusion or missing elsewhere");
    Check(!a.name.empty() || a.key.empty(), "key without a name");
    Check(!a.exclusion || a.ignore_failure, "exclusion without '-'");
  }
  for (const synlint::SyntaxError& e : r.errors)
    Check(Inside(e.span, text.size()) && !e.message.empty(), "syntax error span");
  (void)synlint::sysctl::DumpTokens(text, r);
}

// Every finding and edit must name a file the host read (or, for edits, a
// new override file) and lie inside it.
void CheckFindings(const synlint::Host& host, const std::vector<synlint::Finding>& findings) {
  for (const synlint::Finding& f : findings) {
    Check(!f.rule.empty() && !f.message.empty(), "finding without rule or message");
    const synlint::SourceFile* file = host.sources.Find(f.location.file);
    if (file != nullptr) Check(Inside(f.location.span, file->text.size()), "finding span");
    if (!f.fix) continue;
    for (const synlint::TextEdit& e : f.fix->edits) {
      const synlint::SourceFile* target = host.sources.Find(e.file);
      if (target != nullptr) Check(Inside(e.span, target->text.size()), "edit span");
      else Check(e.span.empty() && e.span.begin == 0, "edit inside a file that does not exist");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  CheckParse(text);

  synlint::MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/60-fuzz.conf", text);
  fs.AddFile("usr/lib/sysctl.d/60-fuzz.conf", "net.core.somaxconn = 128\n");  // overridden
  fs.AddFile("usr/lib/sysctl.d/50-vendor.conf", "net.ipv4.tcp_syncookies = 1\n-net.*.x\n");
  fs.AddFile("etc/sysctl.conf", text);
  fs.AddSymlink("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
  const std::unique_ptr<synlint::Host> host = synlint::LoadHost(fs, synlint::HostOptions{});
  Check(host != nullptr, "no host");
  const std::vector<synlint::Finding> findings = synlint::RunRules(*host, synlint::FixOptions{});
  CheckFindings(*host, host->load_findings);
  CheckFindings(*host, findings);
  return 0;
}
