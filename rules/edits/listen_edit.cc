// SPDX-License-Identifier: MIT
#include "rules/edits/listen_edit.h"

#include <algorithm>
#include <climits>

#include "core/text_lines.h"
#include "parsers/systemd/units.h"
#include "rules/edits/sysctl_edit.h"

namespace synlint {

namespace {

// Text to insert at `offset` so that `line` becomes its own line.
std::string AsLine(const SourceFile& file, uint32_t offset, const std::string& line) {
  const bool at_line_start = offset == 0 || file.text[offset - 1] == '\n';
  const std::string eol = LineEndingOf(file.text);
  return at_line_start ? line + eol : eol + line;
}

}  // namespace

std::string Describe(const ListenerView& v) {
  return v.service->service + " " + v.listener->address_text + " (" + v.listener->declared_at.file +
         ":" + std::to_string(v.listener->declared_at.start.line) + ")";
}

int64_t SomaxconnCovering(const Host& host, const std::vector<ListenerView>& views) {
  int64_t want = 0;
  for (const auto& v : views) {
    if (v.requested > 0 && v.requested < INT_MAX) want = std::max(want, v.requested);
  }
  if (!host.Has(KernelChange::kBacklog32Bit)) want = std::min<int64_t>(want, 65535);
  return want;
}

std::optional<Fix> SetListenerBacklogFix(const Host& host, const ListenerView& v, int64_t backlog,
                                         Applicability applicability) {
  const Listener& l = *v.listener;
  const std::string n = std::to_string(backlog);
  Fix fix;
  fix.applicability = applicability;
  const ConfigFormat kind = v.service->kind;
  // nginx's backlog is a parameter of this listen, and its location covers 'backlog=' too.
  const bool per_listen = Traits(kind).backlog_per_listen;
  const std::string setting = BacklogSetting(kind, backlog);
  const SourceSet& sources = host.sources;
  // Vendor files and package files as shipped are never edited (IsAdminFile).
  const bool vendor_backlog = l.backlog && !IsAdminFile(host, l.backlog->location.file);
  const bool vendor_unit = l.insert_at && !IsAdminFile(host, l.insert_at->file);
  if (l.backlog && !(vendor_backlog && kind == ConfigFormat::kSystemd)) {
    const Location& at = l.backlog->location;
    if (vendor_backlog) return std::nullopt;
    fix.title = "set '" + setting + "'" + (per_listen ? " on this listen" : "");
    fix.edits.push_back({at.file, at.span, per_listen ? setting : n});
    return fix;
  }
  if (kind == ConfigFormat::kSystemd && (!l.insert_at || vendor_backlog || (!l.backlog && vendor_unit))) {
    // Vendor unit or vendor drop-in: a drop-in in etc/ overrides it and
    // survives upgrades. Drop-ins apply in file-name order across all
    // directories, so ours must sort after a vendor drop-in that sets Backlog=.
    std::string name = "90-synlint.conf";
    if (vendor_backlog) {
      const std::string& from = l.backlog->location.file;
      const std::string base = from.substr(from.rfind('/') + 1);
      if (from.find(".socket.d/") != std::string::npos && base >= name) name = "zz-synlint.conf";
    }
    const std::string path = systemd::DropinDir(v.service->service) + "/" + name;
    fix.title = "add '" + setting + "' in a drop-in";
    if (const SourceFile* existing = sources.Find(path)) {
      const uint32_t end = static_cast<uint32_t>(existing->text.size());
      fix.edits.push_back({path, {end, end}, AsLine(*existing, end, setting)});
    } else {
      fix.edits.push_back({path, {0, 0}, "# Written by synlint.\n[Socket]\n" + setting + "\n"});
    }
    return fix;
  }
  if (!l.insert_at) return std::nullopt;
  const Location& at = *l.insert_at;
  const SourceFile* file = sources.Find(at.file);
  if (!file || vendor_unit) return std::nullopt;
  // nginx: a parameter added before the listen's ';'; Apache, systemd: a line of its own.
  fix.title = "add '" + setting + "'" + (per_listen ? " to this listen" : "");
  fix.edits.push_back({at.file, at.span, per_listen ? " " + setting : AsLine(*file, at.span.begin, setting)});
  return fix;
}

}  // namespace synlint
