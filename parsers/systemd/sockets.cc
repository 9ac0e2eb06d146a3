// SPDX-License-Identifier: MIT
#include "parsers/systemd/sockets.h"

#include <algorithm>
#include <set>

#include "parsers/systemd/address.h"
#include "parsers/systemd/values.h"

namespace synlint::systemd {

namespace {

/// Every key config_parse_socket_listen() handles; they share one list.
constexpr std::string_view kListenKeys[] = {
    "ListenStream",  "ListenDatagram", "ListenSequentialPacket", "ListenFIFO",
    "ListenSpecial", "ListenNetlink",  "ListenMessageQueue",     "ListenUSBFunction",
};

bool IsListenKey(std::string_view key) {
  return std::find(std::begin(kListenKeys), std::end(kListenKeys), key) != std::end(kListenKeys);
}

/// Keys whose sockets call listen(): stream and sequential-packet ones.
bool Listens(std::string_view key) {
  return key == "ListenStream" || key == "ListenSequentialPacket";
}

std::string_view PrefixOf(std::string_view unit_name) {
  const size_t at = unit_name.find('@');
  return at != std::string_view::npos ? unit_name.substr(0, at)
                                      : unit_name.substr(0, unit_name.rfind('.'));
}

/// Effective Accept= (default no).
bool Accepts(const UnitView& socket) {
  auto accept = EffectiveSetting(socket, "Socket", "Accept", ValueKind::kBoolean);
  return accept && accept->value == 1;
}

/// End of the fragment's last [Socket] section, for units under etc/.
std::optional<Location> InsertPoint(const UnitView& socket) {
  if (socket.files().empty() || socket.main_file().compare(0, 4, "etc/") != 0) return std::nullopt;
  const UnitFile& main = socket.files().front();
  const Section* last = nullptr;
  for (const Section& s : main.parsed->sections)
    if (main.parsed->Name(s) == "Socket") last = &s;
  if (!last) return std::nullopt;
  return MakeLocation(*main.file, Span{last->body_span.end, last->body_span.end});
}

void AddLimit(ServiceFacts* facts, const UnitView& unit, std::string_view section,
              std::string_view key, ValueKind kind) {
  if (auto s = EffectiveSetting(unit, section, key, kind, &facts->findings))
    facts->limits[std::string(key)] = std::move(*s);
}

}  // namespace

std::string PairedService(const UnitView& socket) {
  if (auto service = socket.Last("Socket", "Service"); service && !service->value().empty()) {
    if (auto expanded = ExpandSpecifiers(service->value(), socket.name());
        expanded && UnitType(*expanded) == "service")
      return *expanded;
  }
  if (Accepts(socket)) return std::string(PrefixOf(socket.name())) + "@.service";
  const std::string& name = socket.name();
  return name.substr(0, name.rfind('.')) + ".service";
}

ServiceFacts SocketFacts(const UnitView& socket, UnitLoader& loader) {
  ServiceFacts facts;
  facts.service = socket.name();
  facts.kind = ConfigFormat::kSystemd;
  facts.main_file = socket.main_file();
  for (const UnitFile& f : socket.files()) facts.files.emplace_back(f.file->path, ConfigFormat::kSystemd);
  facts.findings = socket.findings();

  const std::optional<Setting> backlog =
      EffectiveSetting(socket, "Socket", "Backlog", ValueKind::kUnsigned, &facts.findings);
  if (backlog) facts.limits["Backlog"] = *backlog;
  AddLimit(&facts, socket, "Socket", "ReceiveBuffer", ValueKind::kIecSize);
  AddLimit(&facts, socket, "Socket", "SendBuffer", ValueKind::kIecSize);
  AddLimit(&facts, socket, "Socket", "MaxConnections", ValueKind::kUnsigned);

  const std::string service = PairedService(socket);
  if (std::optional<UnitView> paired = loader.Load(service)) {
    facts.findings.insert(facts.findings.end(), paired->findings().begin(),
                          paired->findings().end());
    if (paired->state() == UnitView::State::kLoaded)
      AddLimit(&facts, *paired, "Service", "LimitNOFILE", ValueKind::kRlimit);
  }

  const std::optional<Setting> accept =
      EffectiveSetting(socket, "Socket", "Accept", ValueKind::kBoolean, &facts.findings);
  // What holds for the whole socket unit is kept once, on the service.
  SmallMap<std::string>& common = facts.extra;
  common["accept"] = accept && accept->value == 1 ? "yes" : "no";
  common["paired_service"] = service;
  common["dropin_dir"] = DropinDir(socket.name());
  common["newline"] = socket.files().empty() ? "\n" : socket.files().front().parsed->newline;
  if (auto v = socket.Last("Socket", "BindIPv6Only"); v && !v->value().empty())
    common["bind_ipv6_only"] = std::string(v->value());
  if (auto v = EffectiveSetting(socket, "Socket", "ReusePort", ValueKind::kBoolean))
    common["reuse_port"] = v->value == 1 ? "yes" : "no";
  if (socket.fails_to_load()) common["unit_fails_to_load"] = "true";
  const std::optional<Location> insert_at = InsertPoint(socket);

  std::vector<Assignment> ports;
  for (const Assignment& a : socket.AllIn("Socket")) {
    if (!IsListenKey(a.key())) continue;
    if (a.value().empty()) {
      ports.clear();
    } else {
      ports.push_back(a);
    }
  }
  if (ports.empty() && !socket.files().empty()) {
    const UnitFile& main = socket.files().front();
    Span at{0, 0};
    for (const Section& s : main.parsed->sections)
      if (main.parsed->Name(s) == "Socket") at = s.header_span;
    facts.findings.push_back(SyntaxFinding(
        *main.file,
        SyntaxError{at,
                    "'" + socket.name() + "' has no Listen*= address; systemd refuses to load it",
                    ""}));
  }
  // Listeners are large: one allocation of the right size, not a doubling.
  facts.listeners.reserve(static_cast<size_t>(std::count_if(
      ports.begin(), ports.end(), [](const Assignment& a) { return Listens(a.key()); })));
  for (const Assignment& a : ports) {
    if (!Listens(a.key())) continue;
    Listener l;
    l.service = socket.name();
    l.address_text = std::string(a.value());
    l.context = std::string(a.key());
    l.backlog = backlog;
    l.declared_at = a.EntryLocation();
    l.insert_at = insert_at;
    const std::optional<std::string> expanded = ExpandSpecifiers(a.value(), socket.name());
    if (!expanded) {
      // A host-dependent specifier (%H, %m, ...): keep what can be known.
      l.extra["unresolved_specifiers"] = "true";
      l.is_unix = a.value()[0] == '/' || a.value()[0] == '@';
      if (l.is_unix) l.extra["family"] = "unix";
      facts.listeners.push_back(std::move(l));
      continue;
    }
    std::string why;
    const std::optional<ListenAddress> addr = ParseListenAddress(*expanded, &why);
    if (!addr) {
      facts.findings.push_back(SyntaxFinding(
          *a.file->file,
          SyntaxError{a.entry->value_span,
                      "invalid address '" + std::string(a.value()) + "' for '" +
                          std::string(a.key()) + "='; systemd ignores this assignment",
                      why}));
      continue;
    }
    l.host = addr->host;
    l.port = addr->port;
    l.is_unix = addr->family == ListenAddress::Family::kUnix;
    l.extra["family"] = std::string(FamilyName(addr->family));
    if (!addr->interface.empty()) l.extra["interface"] = addr->interface;
    facts.listeners.push_back(std::move(l));
  }
  return facts;
}

SocketUnits DiscoverSocketUnits(SourceSet& sources) {
  SocketUnits out;
  UnitLoader loader(sources);
  std::set<std::string> done;
  for (const std::string& name : loader.ListUnits(".socket")) {
    if (IsTemplateName(name)) {
      out.templates.push_back(name);
      continue;
    }
    std::optional<UnitView> view = loader.Load(name);
    if (!view) continue;
    if (!done.insert(view->name()).second) continue;  // an alias of a unit seen before
    switch (view->state()) {
      case UnitView::State::kMasked:
        out.masked.push_back(MaskedUnit{view->name(), view->main_file()});
        break;
      case UnitView::State::kBroken:
        out.findings.insert(out.findings.end(), view->findings().begin(), view->findings().end());
        break;
      case UnitView::State::kLoaded:
        out.sockets.push_back(SocketFacts(*view, loader));
        break;
    }
  }
  std::sort(out.sockets.begin(), out.sockets.end(),
            [](const ServiceFacts& a, const ServiceFacts& b) { return a.service < b.service; });
  return out;
}

std::vector<ServiceFacts> LoadSocketUnits(SourceSet& sources) {
  return DiscoverSocketUnits(sources).sockets;
}

}  // namespace synlint::systemd
