// SPDX-License-Identifier: MIT
#include "parsers/yaml/compose.h"

namespace synlint::yaml {

namespace {

YAML::Node Get(const YAML::Node& n, const char* key) {
  if (!n || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  return n[key];
}

std::string Text(const YAML::Node& n) { return n && n.IsScalar() ? n.Scalar() : std::string(); }

std::optional<Insertion> BeforeFirst(std::string_view text, const YAML::Node& node, std::string open) {
  if (!node || node.size() == 0 || IsFlow(text, node)) return std::nullopt;
  uint32_t p = node.IsMap() ? NodeStart(text, node.begin()->first) : NodeStart(text, node[0]);
  if (node.IsSequence()) {
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    if (p == 0 || text[p - 1] != '-') return std::nullopt;
    --p;
  }
  std::optional<std::string> indent = LineIndent(text, p);
  if (!indent) return std::nullopt;
  return Insertion{LineStartOf(text, p), *indent, std::move(open)};
}

void ReadSysctls(std::string_view text, const YAML::Node& node, ComposeService* s, ComposeFile* out) {
  if (node.IsMap()) {
    s->sysctls_as_map = true;
    s->add_sysctl = BeforeFirst(text, node, "");
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto k = ScalarOf(text, it->first);
      auto v = ScalarOf(text, it->second);
      if (!k || !v) continue;
      s->sysctls.push_back({k->value, v->value, k->span, v->span, v->quoted});
    }
  } else if (node.IsSequence()) {
    s->add_sysctl = BeforeFirst(text, node, "");
    for (const YAML::Node& item : node) {
      auto e = ScalarOf(text, item);
      const size_t eq = e ? e->value.find('=') : std::string::npos;
      if (!e || eq == std::string::npos || eq == 0) {
        const uint32_t at = NodeStart(text, item);
        out->errors.push_back({Span{at, at}, "a compose sysctl list entry must be 'key=value'", ""});
        continue;
      }
      ComposeSysctl c;
      c.key = e->value.substr(0, eq);
      c.value = e->value.substr(eq + 1);
      c.quoted = e->quoted;
      const uint32_t inner = e->span.begin + (e->quoted ? 1 : 0);
      c.key_span = Span{inner, inner + static_cast<uint32_t>(eq)};
      c.value_span = Span{c.key_span.end + 1, c.key_span.end + 1 + static_cast<uint32_t>(c.value.size())};
      if (e->quoted && text.substr(inner, e->value.size()) != e->value) c.value_span = e->span;  // escapes
      s->sysctls.push_back(std::move(c));
    }
  } else if (!node.IsNull()) {
    const uint32_t at = NodeStart(text, node);
    out->errors.push_back({Span{at, at}, "'sysctls' must be a list or a mapping", ""});
  }
}

void ReadMounts(const YAML::Node& service, const YAML::Node& top_configs, ComposeService* s) {
  const YAML::Node volumes = Get(service, "volumes");
  if (volumes && volumes.IsSequence()) {
    for (const YAML::Node& v : volumes) {
      if (v.IsScalar()) {
        const std::string& t = v.Scalar();
        if (t.empty() || (t[0] != '.' && t[0] != '/' && t[0] != '~')) continue;  // a named volume
        const size_t c1 = t.find(':');
        if (c1 == std::string::npos) continue;
        const size_t c2 = t.find(':', c1 + 1);
        s->mounts.push_back({t.substr(0, c1), t.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1)});
      } else if (v.IsMap() && Text(Get(v, "type")) == "bind") {
        s->mounts.push_back({Text(Get(v, "source")), Text(Get(v, "target"))});
      }
    }
  }
  const YAML::Node configs = Get(service, "configs");
  if (configs && configs.IsSequence()) {
    for (const YAML::Node& c : configs) {
      const std::string name = c.IsScalar() ? c.Scalar() : Text(Get(c, "source"));
      std::string target = c.IsMap() ? Text(Get(c, "target")) : "";
      if (target.empty()) target = "/" + name;
      const std::string file = Text(Get(Get(top_configs, name.c_str()), "file"));
      if (!name.empty() && !file.empty()) s->mounts.push_back({file, target});
    }
  }
}

}  // namespace

bool LooksLikeCompose(const std::vector<YAML::Node>& docs) {
  for (const YAML::Node& d : docs) {
    if (d.IsMap() && Get(d, "services").IsDefined() && Get(d, "services").IsMap() && !Get(d, "kind")) return true;
  }
  return false;
}

void ExtractCompose(std::string_view text, const std::vector<YAML::Node>& docs, ComposeFile* out) {
  for (const YAML::Node& d : docs) {
    try {
      const YAML::Node services = Get(d, "services");
      if (!services || !services.IsMap()) continue;
      const YAML::Node top_configs = Get(d, "configs");
      for (auto it = services.begin(); it != services.end(); ++it) {
        auto key = ScalarOf(text, it->first);
        if (!key || !it->second.IsMap()) continue;
        ComposeService s;
        s.name = key->value;
        s.at = key->span;
        s.image = Text(Get(it->second, "image"));
        s.host_network = Text(Get(it->second, "network_mode")) == "host";
        const YAML::Node sysctls = Get(it->second, "sysctls");
        if (sysctls) {
          ReadSysctls(text, sysctls, &s, out);
        } else {
          s.add_sysctl = BeforeFirst(text, it->second, "sysctls");
        }
        ReadMounts(it->second, top_configs, &s);
        out->services.push_back(std::move(s));
      }
    } catch (const YAML::Exception& e) {
      const uint32_t at = NodeStart(text, d);
      out->errors.push_back({Span{at, at}, std::string("yaml: ") + e.what(), ""});
    }
  }
}

}  // namespace synlint::yaml
