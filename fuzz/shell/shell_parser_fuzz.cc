// SPDX-License-Identifier: MIT
// libFuzzer target for the shell extraction (parsers/shell, tree-sitter-bash) and the model and
// rules above it: extract the sysctl writes of arbitrary bytes and abort unless every span lies
// inside the input, each key and value span holds what it claims when it is exact, and removals
// lie inside their statement's line; then load a host where the input is a boot script
// (etc/rc.local, executable) and a script run by hand, beside a sysctl file, run every rule,
// and check that findings and fix edits point inside the files they name.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/file_system.h"
#include "model/host.h"
#include "parsers/shell/sysctl_calls.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "shell fuzz invariant violated: %s\n", what);
  std::abort();
}

bool Inside(synlint::Span s, size_t size) { return s.begin <= s.end && s.end <= size; }

void CheckExtraction(std::string_view text) {
  const synlint::shell::Extraction x = synlint::shell::ExtractSysctlWrites(text);
  for (const synlint::shell::SysctlWrite& w : x.writes) {
    Check(!w.key.empty(), "write without a key");
    for (synlint::Span s : {w.key_span, w.value_span, w.command, w.removal})
      Check(Inside(s, text.size()), "write span outside the input");
    if (w.value_exact)
      Check(text.substr(w.value_span.begin, w.value_span.size()) == w.value, "exact value span holds another value");
    if (!w.removal.empty() && w.kind != synlint::shell::WriteKind::kContainer)
      Check(w.removal.begin <= w.key_span.begin || w.key_span.empty(), "removal starts after its key");
  }
  for (const synlint::shell::SysctlLoad& l : x.loads) Check(Inside(l.command, text.size()), "load span");
  for (const synlint::shell::NotEvaluated& n : x.not_evaluated)
    Check(Inside(n.span, text.size()) && !n.why.empty(), "not-evaluated span or reason");
  for (const synlint::SyntaxError& e : x.errors) Check(Inside(e.span, text.size()), "error span");
}

void CheckFindings(const synlint::Host& host, const std::vector<synlint::Finding>& findings) {
  for (const synlint::Finding& f : findings) {
    Check(!f.rule.empty() && !f.message.empty(), "finding without rule or message");
    if (const synlint::SourceFile* file = host.sources.Find(f.location.file))
      Check(Inside(f.location.span, file->text.size()), "finding span");
    if (!f.fix) continue;
    for (const synlint::TextEdit& e : f.fix->edits) {
      if (const synlint::SourceFile* target = host.sources.Find(e.file))
        Check(Inside(e.span, target->text.size()), "edit span");
      else
        Check(e.span.empty() && e.span.begin == 0, "edit inside a file that does not exist");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  CheckExtraction(text);

  synlint::MemoryFileSystem fs;
  fs.AddFile("etc/rc.local", text, 0755);
  fs.AddFile("usr/local/sbin/fuzz.sh", text);
  fs.AddFile("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 1024\nnet.ipv4.tcp_syncookies = 1\n");
  const std::unique_ptr<synlint::Host> host = synlint::LoadHost(fs, synlint::HostOptions{});
  Check(host != nullptr, "no host");
  const std::vector<synlint::Finding> findings = synlint::RunRules(*host, synlint::FixOptions{});
  CheckFindings(*host, host->load_findings);
  CheckFindings(*host, findings);
  return 0;
}
