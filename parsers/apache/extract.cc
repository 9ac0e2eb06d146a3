// SPDX-License-Identifier: MIT
#include "parsers/apache/extract.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/file_system.h"
#include "parsers/apache/listen_address.h"

namespace synlint::apache {

namespace {

// Schemes mod_proxy reaches over TCP.
constexpr std::string_view kTcpSchemes[] = {
    "http://", "https://", "ws://",   "wss://",   "ajp://",
    "fcgi://", "scgi://",  "uwsgi://", "h2://",   "h2c://",
};

constexpr std::string_view kLimits[] = {
    "MaxRequestWorkers", "ServerLimit", "ThreadsPerChild", "StartServers",
};

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool IsTcpUrl(std::string_view url) {
  for (std::string_view scheme : kTcpSchemes) {
    if (StartsWithIgnoreCase(url, scheme)) return true;
  }
  return false;
}

// atoi(): leading blanks, a sign, digits; nullopt when there is no digit.
std::optional<int64_t> AtoI(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsApacheSpace(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  int64_t v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (v < (int64_t{1} << 40)) v = v * 10 + (s[i] - '0');
  }
  return negative ? -v : v;
}

std::optional<int64_t> Integer(std::string_view s) {
  if (s.empty()) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return AtoI(s);
}

class FactsCollector : public DirectiveVisitor {
 public:
  explicit FactsCollector(ServiceFacts* facts) : facts_(facts) {}

  void OnDirective(const ActiveDirective& d) override {
    if (d.directive->section) return;
    const std::string_view name = d.Name();
    if (EqualsIgnoreCase(name, "Listen")) {
      Listen(d);
    } else if (EqualsIgnoreCase(name, "ListenBacklog")) {
      Backlog(d);
    } else if (EqualsIgnoreCase(name, "LoadModule")) {
      Mpm(d);
    } else if (EqualsIgnoreCase(name, "ProxyPass") ||
               EqualsIgnoreCase(name, "ProxyPassMatch")) {
      // ProxyPass [path] url [key=value ...]: the path is left out inside
      // <Location>, so the target is the first argument that is a URL.
      for (size_t i = 0; i < d.args.size() && i < 2; ++i) {
        if (IsTcpUrl(d.args[i])) {
          Outbound(d, i);
          break;
        }
      }
    } else if (EqualsIgnoreCase(name, "BalancerMember")) {
      // BalancerMember [balancer://name] url [key=value ...]
      size_t i = 0;
      if (d.args.size() > 1 && StartsWithIgnoreCase(d.args[0], "balancer://")) i = 1;
      if (i < d.args.size() && IsTcpUrl(d.args[i])) Outbound(d, i);
    } else if (EqualsIgnoreCase(name, "ProxyRemote") ||
               EqualsIgnoreCase(name, "ProxyRemoteMatch")) {
      if (d.args.size() >= 2 && IsTcpUrl(d.args[1])) Outbound(d, 1);
    } else if (EqualsIgnoreCase(name, "RewriteRule")) {
      if (d.args.size() >= 3 && HasProxyFlag(d.args[2]) && IsTcpUrl(d.args[1])) {
        Outbound(d, 1);
      }
    } else {
      Limit(d);
    }
  }

  /// ListenBacklog applies to every listener, wherever it is written.
  void Finish() {
    if (!backlog_) return;
    for (Listener& l : facts_->listeners) l.backlog = backlog_;
    facts_->limits["ListenBacklog"] = *backlog_;
  }

 private:
  void Error(const ActiveDirective& d, Span span, std::string message) {
    facts_->findings.push_back(SyntaxFinding(*d.file, {span, std::move(message), ""}));
  }

  // Listen and ListenBacklog are server-config only (ap_check_cmd_context
  // with GLOBAL_ONLY).
  bool ServerConfigOnly(const ActiveDirective& d) {
    if (d.section.empty()) return true;
    Error(d, d.directive->span,
          "'" + std::string(d.Name()) + "' cannot occur within '<" + d.section +
              ">' section");
    return false;
  }

  void Listen(const ActiveDirective& d) {
    if (!ServerConfigOnly(d)) return;
    if (d.args.empty() || d.args.size() > 2) {
      Error(d, d.directive->span, "'Listen' requires 1 or 2 arguments");
      return;
    }
    const SourceFile& file = *d.file;
    const Directive& dir = *d.directive;
    const Span arg = d.words[0].span;
    Listener l;
    l.service = facts_->service;
    l.address_text = std::string(file.Slice(arg));
    l.context = "Listen";
    l.declared_at = MakeLocation(file, dir.span);
    l.insert_at = MakeLocation(file, {dir.line.end, dir.line.end});
    const std::string_view line = file.Slice(dir.line);
    l.extra["indent"] = std::string(line.substr(0, dir.span.begin - dir.line.begin));
    if (dir.line.end == file.text.size() && (line.empty() || line.back() != '\n')) {
      l.extra["insert_prefix"] = "\n";
    }
    if (d.opaque[0]) {
      l.extra["unresolved"] = "1";
      facts_->listeners.push_back(std::move(l));
      return;
    }
    const ListenAddress a = ParseListenAddress(d.args[0]);
    if (!a.error.empty()) {
      Error(d, arg, a.error + " in 'Listen " + d.args[0] + "'");
      return;
    }
    l.host = a.host.empty() ? "*" : a.host;
    l.port = a.port;
    std::string protocol = a.port == 443 ? "https" : "http";
    if (d.args.size() == 2) {
      protocol = d.args[1];
      for (char& c : protocol) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    l.extra["protocol"] = protocol;
    // httpd refuses a second Listen for the same address text and port
    // ("Cannot define multiple Listeners on the same IP:port").
    const std::string key = l.host + "|" + std::to_string(l.port);
    if (auto it = seen_.find(key); it != seen_.end()) {
      Finding f = SyntaxFinding(file, {dir.span,
                                       "multiple listeners on the same address and "
                                       "port '" + d.args[0] + "'", ""});
      f.related.push_back(facts_->listeners[it->second].declared_at);
      f.related.back().note = "first defined here";
      facts_->findings.push_back(std::move(f));
      return;
    }
    seen_[key] = facts_->listeners.size();
    facts_->listeners.push_back(std::move(l));
  }

  void Backlog(const ActiveDirective& d) {
    if (!ServerConfigOnly(d)) return;
    if (d.args.size() != 1) {
      Error(d, d.directive->span, "'ListenBacklog' takes one argument");
      return;
    }
    const Span arg = d.words[0].span;
    Setting s;
    s.text = d.args[0];
    s.location = MakeLocation(*d.file, arg);
    if (!d.opaque[0]) {
      const std::optional<int64_t> v = AtoI(d.args[0]);  // httpd uses atoi()
      if (!v || *v < 1) {
        Error(d, arg, "'ListenBacklog' must be greater than 0");
        return;
      }
      s.value = v;
    }
    backlog_ = std::move(s);
  }

  void Mpm(const ActiveDirective& d) {
    if (d.args.size() != 2 || d.opaque[0]) return;
    const std::string& id = d.args[0];
    if (id.size() > 11 && id.compare(0, 4, "mpm_") == 0 &&
        id.compare(id.size() - 7, 7, "_module") == 0) {
      Setting s;
      s.text = id.substr(4, id.size() - 11);
      s.location = MakeLocation(*d.file, d.words[0].span);
      facts_->limits["mpm"] = std::move(s);
    }
  }

  void Limit(const ActiveDirective& d) {
    std::string_view name = d.Name();
    if (EqualsIgnoreCase(name, "MaxClients")) name = "MaxRequestWorkers";
    for (std::string_view limit : kLimits) {
      if (!EqualsIgnoreCase(name, limit)) continue;
      if (!d.section.empty() || d.args.size() != 1) return;
      Setting s;
      s.text = d.args[0];
      if (!d.opaque[0]) s.value = Integer(d.args[0]);
      s.location = MakeLocation(*d.file, d.words[0].span);
      facts_->limits[std::string(limit)] = std::move(s);
      return;
    }
  }

  static bool HasProxyFlag(std::string_view flags) {
    if (flags.size() < 2 || flags.front() != '[' || flags.back() != ']') return false;
    flags = flags.substr(1, flags.size() - 2);
    while (!flags.empty()) {
      const size_t comma = flags.find(',');
      std::string_view flag = flags.substr(0, comma);
      if (EqualsIgnoreCase(flag, "P") || EqualsIgnoreCase(flag, "proxy")) return true;
      if (comma == std::string_view::npos) break;
      flags.remove_prefix(comma + 1);
    }
    return false;
  }

  void Outbound(const ActiveDirective& d, size_t arg) {
    facts_->outbound_connects.push_back(
        MakeLocation(*d.file, d.words[arg].span));
  }

  ServiceFacts* facts_;
  std::optional<Setting> backlog_;
  std::map<std::string, size_t> seen_;  // "host|port" -> listener index
};

}  // namespace

ServiceFacts ExtractApacheFacts(SourceSet& sources, const LoadOptions& options,
                                const std::string& service) {
  ServiceFacts facts;
  facts.service = service;
  facts.kind = ConfigFormat::kApache;
  facts.main_file = options.main_file;
  FactsCollector collector(&facts);
  LoadResult loaded = LoadConfig(sources, options, &collector);
  collector.Finish();
  facts.files = std::move(loaded.files);
  facts.findings.insert(facts.findings.begin(), loaded.findings.begin(),
                        loaded.findings.end());
  std::stable_sort(facts.findings.begin(), facts.findings.end(), FindingLess);
  return facts;
}

std::optional<ServiceFacts> LoadApacheService(SourceSet& sources) {
  struct Layout {
    const char* main_file;
    const char* server_root;
    const char* envvars;
    const char* service;
  };
  static constexpr Layout kLayouts[] = {
      {"etc/apache2/apache2.conf", "etc/apache2", "etc/apache2/envvars", "apache2"},
      {"etc/httpd/conf/httpd.conf", "etc/httpd", "", "httpd"},
  };
  for (const Layout& layout : kLayouts) {
    if (Resolve(sources.fs(), layout.main_file).status == Resolved::Status::kMissing) {
      continue;
    }
    LoadOptions options;
    options.main_file = layout.main_file;
    options.server_root = layout.server_root;
    options.envvars_file = layout.envvars;
    return ExtractApacheFacts(sources, options, layout.service);
  }
  return std::nullopt;
}

}  // namespace synlint::apache
