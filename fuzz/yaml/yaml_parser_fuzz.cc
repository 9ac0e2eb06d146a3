// SPDX-License-Identifier: MIT
// libFuzzer target: reading YAML and extracting Kubernetes and Compose facts
// never throws or crashes, every span lies inside the input, and a block
// scalar's text maps back inside the file.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "parsers/yaml/block_scalar.h"
#include "parsers/yaml/compose.h"
#include "parsers/yaml/kubernetes.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "yaml extraction invariant violated: %s\n", what);
  std::abort();
}

void CheckSpan(synlint::Span s, size_t n) { Check(s.begin <= s.end && s.end <= n, "span outside the input"); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const synlint::yaml::YamlFile f = synlint::yaml::ReadYaml(text);
  if (f.error) {
    CheckSpan(f.error->span, size);
    return 0;
  }
  synlint::yaml::KubernetesObjects k;
  synlint::yaml::ExtractKubernetes(text, f.docs, &k);
  for (const auto& p : k.pods) {
    CheckSpan(p.at, size);
    for (const auto& s : p.sysctls) CheckSpan(s.name.span, size);
    if (p.add_sysctl) Check(p.add_sysctl->where <= size, "insertion outside the input");
  }
  for (const auto& cm : k.configmaps) {
    for (const auto& e : cm.data) {
      if (!e.block) continue;
      auto b = synlint::yaml::ReadBlockScalar(text, e.value_at);
      if (!b) continue;
      for (uint32_t i = 0; i <= b->text.size(); ++i) Check(b->ToFile(i) <= size, "block scalar maps outside");
    }
  }
  synlint::yaml::ComposeFile c;
  synlint::yaml::ExtractCompose(text, f.docs, &c);
  for (const auto& s : c.services) {
    for (const auto& y : s.sysctls) {
      CheckSpan(y.key_span, size);
      CheckSpan(y.value_span, size);
    }
  }
  return 0;
}
