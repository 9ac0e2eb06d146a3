// SPDX-License-Identifier: MIT
#include "parsers/nginx/extract.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "parsers/nginx/listen.h"

namespace synlint::nginx {

namespace {

bool IsPassDirective(std::string_view name) {
  return name == "proxy_pass" || name == "fastcgi_pass" || name == "uwsgi_pass" ||
         name == "scgi_pass" || name == "grpc_pass" || name == "memcached_pass";
}

bool IsProtocolBlock(std::string_view name) {
  return name == "http" || name == "stream" || name == "mail";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool StartsWithUnix(std::string_view s) {
  return s.size() >= 5 && Lower(s.substr(0, 5)) == "unix:";
}

std::string ArgValue(const WalkItem& it, uint32_t index) {
  return WordValue(it.source().text, it.nginx_file->parse.words[it.dir().name + 1 + index]);
}

Location ArgLocation(const WalkItem& it, uint32_t index) {
  return MakeLocation(it.source(), it.nginx_file->parse.words[it.dir().name + 1 + index].span());
}

class FactsVisitor : public ConfigVisitor {
 public:
  explicit FactsVisitor(ServiceFacts* facts) : facts_(facts) {}

  bool Enter(const WalkItem& it) override {
    const Directive& dir = it.dir();
    const size_t depth = ctx_.size();
    const std::string_view parent = depth ? std::string_view(ctx_.back().name) : "";
    const std::string_view protocol = depth ? std::string_view(ctx_.front().name) : "";
    if (depth == 0 && (it.name == "worker_rlimit_nofile" || it.name == "worker_processes"))
      AddLimit(it);
    if (depth == 1 && parent == "events" && it.name == "worker_connections") AddLimit(it);
    if (it.name == "listen" && depth == 2 && parent == "server" && IsProtocolBlock(protocol)) {
      ctx_.back().saw_listen = true;
      if (auto l = MakeListener(it.source(), it.nginx_file->parse, it.directive, protocol))
        facts_->listeners.push_back(std::move(*l));
    }
    if (it.name == "upstream" && depth == 1 && dir.arg_count() >= 1)
      current_upstream_ = &upstreams_[{std::string(protocol), Lower(ArgValue(it, 0))}];
    if (it.name == "server" && parent == "upstream" && depth == 2 && current_upstream_ &&
        dir.arg_count() >= 1) {
      current_upstream_->servers++;
      if (!StartsWithUnix(ArgValue(it, 0))) current_upstream_->tcp_servers++;
    }
    if (IsPassDirective(it.name) && depth >= 1 && (protocol == "http" || protocol == "stream") &&
        dir.arg_count() >= 1) {
      Location at = MakeLocation(it.source(), dir.span(), std::string(it.name));
      passes_.push_back(Pass{std::move(at), ArgValue(it, 0), std::string(protocol)});
    }
    if (!dir.has_block || dir.is_lua) return false;
    ctx_.push_back(Context{std::string(it.name), it.file, it.directive, false});
    return true;
  }

  void Leave(const WalkItem& it) override {
    const Context c = std::move(ctx_.back());
    ctx_.pop_back();
    if (c.name == "upstream") current_upstream_ = nullptr;
    if (c.name == "server" && !c.saw_listen && ctx_.size() == 1 && ctx_.front().name == "http")
      facts_->listeners.push_back(
          MakeImplicitListener(it.source(), it.nginx_file->parse, it.directive));
  }

  void Finish() {
    for (Pass& p : passes_) {
      if (IsTcpTarget(p.target, p.protocol)) facts_->outbound_connects.push_back(std::move(p.at));
    }
  }

 private:
  struct Context {
    std::string name;
    uint32_t file;
    uint32_t directive;
    bool saw_listen;
  };
  struct Upstream {
    int servers = 0;
    int tcp_servers = 0;
  };
  struct Pass {
    Location at;
    std::string target;
    std::string protocol;
  };

  void AddLimit(const WalkItem& it) {
    if (it.dir().arg_count() == 0) return;
    const std::string text = ArgValue(it, 0);
    // nginx rejects a duplicate; the first one is what it reports against.
    facts_->limits.emplace(std::string(it.name),
                           Setting{text, ParseNginxInt(text), ArgLocation(it, 0)});
  }

  bool IsTcpTarget(std::string_view target, const std::string& protocol) const {
    if (target.empty() || StartsWithUnix(target)) return false;
    if (const size_t scheme = target.find("://"); scheme != std::string_view::npos)
      target = target.substr(scheme + 3);
    if (StartsWithUnix(target)) return false;
    std::string_view host = target.substr(0, target.find('/'));
    if (host.empty() || host.front() == '$' || host.front() == '[') return true;
    host = host.substr(0, host.find(':'));
    auto it = upstreams_.find({protocol, Lower(host)});
    if (it == upstreams_.end()) return true;  // a host name or address
    return it->second.servers == 0 || it->second.tcp_servers > 0;
  }

  ServiceFacts* facts_;
  std::vector<Context> ctx_;
  std::map<std::pair<std::string, std::string>, Upstream> upstreams_;
  Upstream* current_upstream_ = nullptr;
  std::vector<Pass> passes_;
};

}  // namespace

size_t ListenerCapacity(const NginxConfig& config) {
  size_t n = 0;
  std::string scratch;
  // Every `listen`, plus one implicit listener per server block without a
  // `listen` directly inside (an upper bound: a server whose `listen` comes
  // from an included file is counted too).
  for (const NginxFile& f : config.files) {
    const auto& dirs = f.parse.directives;
    for (uint32_t i = 0; i < dirs.size(); ++i) {
      const std::string_view name = DirectiveName(f.parse, f.source->text, dirs[i], &scratch);
      if (name == "listen") {
        ++n;
      } else if (name == "server" && dirs[i].has_block) {
        bool listens = false;
        for (uint32_t c = FirstChild(i); c < dirs[i].subtree_end && !listens; c = dirs[c].subtree_end)
          listens = DirectiveName(f.parse, f.source->text, dirs[c], &scratch) == "listen";
        n += !listens;
      }
    }
  }
  return n;
}

ServiceFacts ExtractNginx(const NginxConfig& config) {
  ServiceFacts facts;
  facts.service = "nginx";
  facts.kind = ConfigFormat::kNginx;
  facts.main_file = config.main_path;
  for (const NginxFile& f : config.files) facts.files.emplace_back(f.source->path, ConfigFormat::kNginx);
  facts.findings = config.findings;
  // Listeners are large: growing the vector would copy them all and hold
  // both copies at once.
  facts.listeners.reserve(ListenerCapacity(config));
  FactsVisitor visitor(&facts);
  WalkConfig(config, visitor);
  visitor.Finish();
  return facts;
}

std::optional<ServiceFacts> LoadNginxService(SourceSet& sources, const std::string& main_path,
                                             std::string prefix) {
  if (sources.Read(main_path).status == ReadOutcome::Status::kMissing) return std::nullopt;
  NginxConfig config = LoadNginx(sources, main_path, prefix);
  // Moved rather than copied by ExtractNginx: a large file can have many.
  std::vector<Finding> findings = std::move(config.findings);
  config.findings.clear();
  ServiceFacts facts = ExtractNginx(config);
  facts.findings = std::move(findings);
  return facts;
}

}  // namespace synlint::nginx
