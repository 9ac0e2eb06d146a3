// SPDX-License-Identifier: MIT
#include "rules/edits/namespace_sysctl_edit.h"

namespace synlint {

std::optional<Fix> SetNamespaceSysctlFix(const ContainerNamespace& ns, const std::string& key,
                                         const std::string& value, Applicability applicability) {
  const bool pod = ns.kind == ContainerKind::kPod;
  const std::string where = pod ? "the pod's securityContext.sysctls" : "the service's sysctls";
  Fix fix;
  fix.applicability = applicability;
  if (const NamespaceSysctl* s = NamespaceSetting(ns, key)) {
    if (s->from_command || s->value_at.span == s->key_at.span) return std::nullopt;
    Span span = s->value_at.span;
    if (s->quoted && span.size() >= 2) span = Span{span.begin + 1, span.end - 1};
    fix.title = "set '" + key + "' to " + value + " in " + where;
    fix.edits.push_back({s->value_at.file, span, value});
    return fix;
  }
  if (!ns.add_sysctl) return std::nullopt;
  const SysctlAddition& a = *ns.add_sysctl;
  const std::string& br = a.line_break;
  const std::string& in = a.indent;
  std::string text;
  if (pod) {
    const std::string item = "- name: " + key + br;
    if (a.open == "securityContext") {
      text = in + "securityContext:" + br + in + "  sysctls:" + br + in + "  " + item + in + "    value: \"" + value +
             "\"" + br;
    } else if (a.open == "sysctls") {
      text = in + "sysctls:" + br + in + item + in + "  value: \"" + value + "\"" + br;
    } else {
      text = in + item + in + "  value: \"" + value + "\"" + br;
    }
  } else if (a.open == "sysctls") {
    text = in + "sysctls:" + br + in + "  " + key + ": " + value + br;
  } else {
    text = a.compose_map ? in + key + ": " + value + br : in + "- " + key + "=" + value + br;
  }
  fix.title = "add '" + key + ": " + value + "' to " + where;
  fix.edits.push_back({PathRef(a.file), Span{a.where, a.where}, std::move(text)});
  return fix;
}

}  // namespace synlint
