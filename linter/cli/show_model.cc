// SPDX-License-Identifier: MIT
#include "linter/cli/show_model.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "core/json.h"
#include "linter/cli/live_attach.h"
#include "linter/output/report_util.h"
#include "model/listen_model.h"
#include "model/live_match.h"
#include "model/setting.h"

namespace synlint::cli {

namespace {

uint32_t LineOf(const SysctlEntry& e) { return e.file->lines().At(e.assignment->key.begin).line; }

/// Paths as the user sees them (ShownPath; the path itself without one).
struct Paths {
  const ShownPath& shown;
  std::string operator()(const std::string& path) const { return shown ? shown(path) : path; }
  std::string operator()(PathRef path) const { return (*this)(path.str()); }
  /// A version's origin: a file of the root ("usr/sbin/nginx"), or dpkg's
  /// status file and the package ("var/lib/dpkg/status, nginx 1.22.1-9").
  std::string Origin(const std::string& origin) const {
    if (origin.empty() || origin == "given") return origin;
    const size_t comma = origin.find(", ");
    return (*this)(origin.substr(0, comma)) + (comma == std::string::npos ? "" : origin.substr(comma));
  }
};

std::string Loc(const SysctlEntry& e, const Paths& p) { return p(e.file->path) + ":" + std::to_string(LineOf(e)); }

// A key's kernel default as text: the version's value, or what the machine
// gives for a default the kernel computes at boot.
std::optional<std::string> DefaultText(const Host& host, const std::string& key) {
  const KeyInfo* info = host.kb->Find(key);
  if (info && !info->default_depends_on.empty()) {
    if (const auto d = DefaultSettingOf(host, key)) return d->Known() ? d->Text() : d->Explained();
  }
  return host.Default(key);
}

constexpr const char* kMaxSynBacklog = "net.ipv4.tcp_max_syn_backlog";

// Exact keys set anywhere, plus their history without repeated applications
// of the same line (a 99-sysctl.conf link makes procps apply a file twice).
std::vector<const SysctlEntry*> Overridden(const Host& host, const std::string& key) {
  std::vector<const SysctlEntry*> hist = host.sysctl().History(key);
  std::vector<const SysctlEntry*> out;
  std::set<const sysctl::Assignment*> seen{hist.back()->assignment};
  for (const SysctlEntry* e : hist) {
    if (seen.insert(e->assignment).second) out.push_back(e);
  }
  return out;
}

// "252 (from usr/lib/.../libsystemd-shared-252.so)" and the source that disagreed.
std::string VersionText(const DetectedVersion& d, bool major_only, const std::string& unknown, const Paths& p) {
  if (!d.version) return unknown + "\n";
  std::string out = major_only ? std::to_string(d.version->major) : d.version->ToString();
  out += d.origin == "given" ? " (given)" : " (from " + p.Origin(d.origin) + ")";
  out += "\n";
  if (!d.note.empty()) out += "  note: " + d.note + "\n";
  return out;
}

void VersionJson(JsonWriter& w, const std::string& name, const DetectedVersion& d, bool major_only,
                 const Paths& p) {
  w.Key(name + "_version");
  if (!d.version) w.Null();
  else if (major_only) w.Int(d.version->major);
  else w.String(d.version->ToString());
  w.Key(name + "_version_origin");
  if (d.version) w.String(p.Origin(d.origin));
  else w.Null();
}

void PackageJson(JsonWriter& w, const Host& host, const std::string& path) {
  w.Key("package");
  const PackageOwner* o = host.packages.Owner(path);
  if (!o) {
    w.Null();
    return;
  }
  w.BeginObject().Key("name").String(o->package).Key("conffile").Bool(o->conffile);
  w.Key("changed_locally").Bool(o->changed_locally).Key("editable").Bool(host.packages.Editable(path));
  w.EndObject();
}

// Pods and Compose services: each its own network namespace, with its own
// somaxconn (its sysctls, else the kernel's per-namespace default).
std::string ContainersText(const Host& host, const Paths& paths) {
  std::ostringstream out;
  out << "\ncontainer network namespaces (the node's sysctls do not apply inside):\n";
  const std::optional<int64_t> fresh = host.IntDefault("net.core.somaxconn");
  for (const ContainerNamespace& ns : host.containers) {
    out << "  " << ns.name << "  declared at " << paths(ns.declared_at.file) << ":" << ns.declared_at.start.line
        << "\n";
    if (ns.host_network) {
      out << "    shares the node's network namespace (host network)\n";
      continue;
    }
    for (const NamespaceSysctl& s : ns.sysctls)
      out << "    " << s.key << " = " << s.value << " (" << paths(s.key_at.file) << ":" << s.key_at.start.line
          << (s.from_command ? ", a command" : "") << ")\n";
    const NamespaceSysctl* own = NamespaceSetting(ns, "net.core.somaxconn");
    if (!own && fresh)
      out << "    net.core.somaxconn " << *fresh << " (the Linux " << host.kernel.ToString()
          << " default every new network namespace starts with)\n";
    for (const ServiceFacts& svc : ns.services) {
      for (const Listener& l : svc.listeners) {
        out << "    " << svc.service << " " << l.address_text << "  declared at " << paths(l.declared_at.file) << ":"
            << l.declared_at.start.line;
        if (l.backlog) out << "  backlog=" << l.backlog->text;
        out << "\n";
      }
    }
  }
  return out.str();
}

// The scripts that set kernel settings, what each does and when it runs (only when there are any).
std::string ScriptsText(const Host& host, const Paths& paths) {
  if (host.script_parses.empty()) return "";
  std::ostringstream out;
  out << "\nscripts that may set kernel settings:\n";
  for (const ScriptParse& p : host.script_parses) {
    const SourceFile& f = *p.script->file;
    const shell::Extraction& x = p.extraction;
    const WritePhase phase = p.script->place == shell::ScriptPlace::kBoot ? WritePhase::kBoot : WritePhase::kByHand;
    out << "  " << paths(std::string(p.script->listed_as)) << "  (" << PhaseText(phase) << ")\n";
    auto line = [&](Span s) { return std::to_string(f.lines().At(s.begin).line); };
    for (const shell::SysctlWrite& w : x.writes) {
      out << "    line " << line(w.command) << ": " << sysctl::NormalizeKey(w.key) << " = " << w.value;
      if (w.kind == shell::WriteKind::kContainer) out << "  (a container's, with --sysctl; not the host's)";
      out << "\n";
    }
    for (const shell::SysctlLoad& l : x.loads) {
      out << "    line " << line(l.command) << ": "
          << (l.system ? std::string("sysctl --system")
                       : "sysctl -p " + (l.files.empty() ? std::string("/etc/sysctl.conf") : l.files.front()))
          << " (applies sysctl files again; not modelled)\n";
    }
    for (const shell::NotEvaluated& n : x.not_evaluated)
      out << "    line " << line(n.span) << ": not evaluated: " << n.why << "\n";
    if (x.writes.empty() && x.loads.empty() && x.not_evaluated.empty()) out << "    (no kernel settings)\n";
  }
  return out.str();
}

}  // namespace

std::string ShowText(const Host& host, const std::string& root, const ShownPath& shown) {
  const Paths p{shown};
  std::ostringstream out;
  out << "root: " << root << "\n";
  out << "kernel: " << host.kernel.ToString() << " (" << host.kernel_origin << ")\n";
  out << "sysctl loader: " << sysctl::LoaderName(host.loader) << " (" << host.loader_origin << ")\n";
  out << "systemd version: " << VersionText(host.versions.systemd, true, "unknown (pass --systemd-version)", p);
  out << "nginx version: "
      << VersionText(host.versions.nginx, false, "unknown (a current nginx is assumed; pass --nginx-version)", p);
  if (host.versions.apache.version) out << "apache version: " << VersionText(host.versions.apache, false, "", p);
  if (!host.packages.manager.empty()) {
    out << "package files: " << host.packages.manager
        << " (var/lib/dpkg; a package's file as shipped is never edited)\n";
    for (const std::string& p : host.packages.problems) out << "  not read: " << p << "\n";
  }
  if (const auto d = DefaultSettingOf(host, kMaxSynBacklog)) {
    out << "tcp_max_syn_backlog default: "
        << (d->Known() ? d->Text() + " (" + d->origin + ")" : d->Explained() + "; " + d->origin) << "\n";
  }
  out << LiveSummaryText(host);
  out << "\nsysctl files, in the order " << sysctl::LoaderName(host.loader) << " applies them:\n";
  const auto& disc = host.sysctl_discovery();
  if (disc.files.empty()) out << "  (none)\n";
  for (const auto& f : disc.files) {
    out << "  " << p(f.listed_as);
    if (f.listed_as != f.file->path) out << " -> " << p(f.file->path);
    if (const std::string owner = host.packages.Describe(f.file->path); !owner.empty()) out << "  (" << owner << ")";
    out << "\n";
  }
  for (const auto& m : disc.masked) {
    out << "  " << p(m.path) << " (masked by " << p(m.masked_by) << (m.by_dev_null ? ", a /dev/null link" : "")
        << ")\n";
  }
  out << "\neffective sysctl settings:\n";
  const auto keys = host.sysctl().Keys();
  if (keys.empty()) out << "  (none set; kernel defaults apply)\n";
  size_t width = 0;
  for (const auto& k : keys) width = std::max(width, k.size());
  for (const std::string_view name : keys) {
    const std::string key(name);
    const SysctlEntry* w = host.sysctl().Winner(key);
    out << "  " << key << std::string(width - key.size(), ' ') << " = " << w->value() << "  "
        << Loc(*w, p);
    if (const ScriptSetting* script = host.sysctl().Script(*w)) out << "  (script, " << PhaseText(script->phase) << ")";
    const auto def = DefaultText(host, key);
    if (def) out << "  (kernel default " << *def << ")";
    out << "\n";
    for (const SysctlEntry* o : Overridden(host, key))
      out << "  " << std::string(width, ' ') << "   overrides " << o->value() << " at " << Loc(*o, p) << "\n";
  }
  out << ScriptsText(host, p);
  out << "\nlisteners:\n";
  const auto views = ListenerViews(host);
  if (views.empty()) out << "  (none found)\n";
  for (const ListenerView& v : views) {
    const Listener& l = *v.listener;
    out << "  " << v.service->service << " " << l.address_text << "  declared at " << p(l.declared_at.file)
        << ":" << l.declared_at.start.line;
    if (const std::string owner = host.packages.Describe(l.declared_at.file); !owner.empty())
      out << "  (" << owner << ")";
    out << "\n";
    for (const Listener* other : v.shared_with)
      out << "    also 'listen " << other->address_text << "' at " << p(other->declared_at.file) << ":"
          << other->declared_at.start.line << ": the same socket, with this listen's options\n";
    out << "    requested " << (v.explicit_backlog ? v.requested_label + " (" + p(l.backlog->location.file) + ":" +
                                                          std::to_string(l.backlog->location.start.line) + ")"
                                                    : v.requested_label + " (" + v.default_reason + ")")
        << "\n";
    out << "    accept queue " << v.queues.accept_limit << " (holds " << v.queues.accept_limit + 1
        << "): " << v.queues.accept_why << "\n";
    if (v.queues.has_syn_queue)
      out << "    SYN queue " << v.queues.SynText() << ": " << v.queues.syn_why << "\n";
    else
      out << "    SYN queue: none, a Unix socket (somaxconn caps its backlog; tcp_max_syn_backlog does not apply)\n";
    out << LiveListenerText(host, views, v, "    ");
  }
  if (!host.containers.empty()) out << ContainersText(host, p);
  return out.str();
}

std::string ShowJson(const Host& host, const std::string& root, const ShownPath& shown) {
  const Paths p{shown};
  JsonWriter w;
  w.BeginObject();
  w.Key("root").String(root);
  w.Key("kernel").String(host.kernel.ToString());
  w.Key("kernel_origin").String(host.kernel_origin);
  w.Key("sysctl_loader").String(host.loader == sysctl::Loader::kSystemd ? "systemd" : "procps");
  w.Key("sysctl_loader_origin").String(host.loader_origin);
  VersionJson(w, "systemd", host.versions.systemd, true, p);
  VersionJson(w, "nginx", host.versions.nginx, false, p);
  VersionJson(w, "apache", host.versions.apache, false, p);
  w.Key("package_manager");
  if (host.packages.manager.empty()) w.Null();
  else w.String(host.packages.manager);
  if (const auto d = DefaultSettingOf(host, kMaxSynBacklog)) {
    w.Key("tcp_max_syn_backlog_default").BeginObject();
    w.Key("min").Int(d->min).Key("max").Int(d->max);
    w.Key("formula");
    if (d->Known()) w.Null(); else w.String(d->formula);
    w.Key("origin").String(d->origin).EndObject();
  }
  w.Key("files").BeginArray();
  std::vector<std::string> listed;
  auto file = [&](const std::string& path, ConfigFormat format) {
    if (std::find(listed.begin(), listed.end(), path) != listed.end()) return;
    listed.push_back(path);
    w.BeginObject().Key("path").String(p(path)).Key("format").String(FormatName(format));
    PackageJson(w, host, path);
    w.EndObject();
  };
  for (const auto& [path, parse] : host.sysctl_parses) file(path, ConfigFormat::kSysctl);
  for (const ServiceFacts& s : host.services) {
    for (const auto& [path, format] : s.files) file(path, format);
  }
  w.EndArray();
  w.Key("sysctl_files").BeginArray();
  for (const auto& f : host.sysctl_discovery().files) {
    w.BeginObject().Key("path").String(p(f.listed_as)).Key("real_path").String(p(f.file->path)).EndObject();
  }
  w.EndArray();
  w.Key("masked").BeginArray();
  for (const auto& m : host.sysctl_discovery().masked) {
    w.BeginObject().Key("path").String(p(m.path)).Key("masked_by").String(p(m.masked_by));
    w.Key("dev_null").Bool(m.by_dev_null).EndObject();
  }
  w.EndArray();
  w.Key("sysctl").BeginObject();
  for (const std::string_view name : host.sysctl().Keys()) {
    const std::string key(name);
    const SysctlEntry* e = host.sysctl().Winner(key);
    w.Key(key).BeginObject();
    w.Key("value").String(e->value());
    w.Key("file").String(p(e->file->path));
    w.Key("line").Uint(LineOf(*e));
    if (const ScriptSetting* script = host.sysctl().Script(*e)) w.Key("script_phase").String(PhaseName(script->phase));
    if (const auto def = DefaultText(host, key)) w.Key("default").String(*def);
    else w.Key("default").Null();
    w.Key("overrides").BeginArray();
    for (const SysctlEntry* o : Overridden(host, key)) {
      w.BeginObject().Key("value").String(o->value()).Key("file").String(p(o->file->path));
      w.Key("line").Uint(LineOf(*o)).EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  w.Key("listeners").BeginArray();
  const auto views = ListenerViews(host);
  for (const ServiceFacts& s : host.services) {
    for (const Listener& l : s.listeners) {
      w.BeginObject();
      w.Key("service").String(s.service);
      w.Key("address").String(l.host.empty() && l.is_unix ? l.address_text : l.host);
      w.Key("address_text").String(l.address_text);
      if (l.is_unix) w.Key("port").Null(); else w.Key("port").Uint(l.port);
      const ListenerView* view = nullptr;
      for (const auto& v : views) {
        if (v.listener == &l || std::find(v.shared_with.begin(), v.shared_with.end(), &l) != v.shared_with.end())
          view = &v;
      }
      // A listen sharing another's socket gets that socket's backlog.
      const Listener& owner = view ? *view->listener : l;
      const Location& where = owner.backlog ? owner.backlog->location : l.declared_at;
      if (view) w.Key("requested_backlog").Int(view->requested);
      else w.Key("requested_backlog").Null();
      w.Key("backlog_source").String(view && view->explicit_backlog ? "explicit" : "default");
      if (view && !view->explicit_backlog) w.Key("default_reason").String(view->default_reason);
      w.Key("file").String(p(where.file));
      w.Key("line").Uint(where.start.line);
      if (view && view->listener != &l) {
        w.Key("shares_socket_with").BeginObject();
        w.Key("file").String(p(view->listener->declared_at.file));
        w.Key("line").Uint(view->listener->declared_at.start.line);
        w.EndObject();
      }
      if (view) {
        w.Key("effective_backlog").Int(view->queues.accept_limit);
        if (view->queues.has_syn_queue) {
          w.Key("syn_queue_limit").Int(view->queues.syn_limit);
          w.Key("syn_queue_limit_max").Int(view->queues.syn_limit_max);
        } else {
          w.Key("syn_queue_limit").Null();
          w.Key("syn_queue_limit_max").Null();
        }
        w.Key("explanation").String(view->queues.accept_why);
        w.Key("syn_explanation").String(view->queues.syn_why);
        if (host.live_state && view->listener == &l) {
          w.Key("running").BeginArray();
          for (const LiveListener& r : host.live_state->listeners) {
            if (ConfiguredListener(views, r) != view) continue;
            w.BeginObject().Key("endpoint").String(r.Endpoint());
            w.Key("accept_queue_limit").Int(r.accept_queue_limit).Key("accept_queue_now").Int(r.accept_queue_now);
            w.Key("syn_recv_now").Int(r.syn_recv_now);
            w.Key("pid");
            if (r.pid) w.Int(*r.pid); else w.Null();
            w.Key("comm").String(r.comm).Key("unit").String(r.unit).EndObject();
          }
          w.EndArray();
        }
      }
      w.EndObject();
    }
  }
  w.EndArray();
  if (host.live_state) {
    w.Key("live");
    WriteLiveState(w, *host.live_state);
  }
  w.EndObject();
  return w.Take();
}

}  // namespace synlint::cli
