// SPDX-License-Identifier: MIT
#include "parsers/nginx/loader.h"

#include <algorithm>
#include <unordered_map>

#include "core/service.h"
#include "parsers/nginx/directives.h"

namespace synlint::nginx {

namespace {

uint64_t SaturatingAdd(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

class Loader {
 public:
  Loader(SourceSet& sources, const std::string& main_path, const std::string& prefix)
      : sources_(sources) {
    config_.main_path = main_path;
    config_.prefix = prefix.empty() ? std::string(DirName(main_path)) : prefix;
  }

  NginxConfig Run() {
    const ReadOutcome main = sources_.Read(config_.main_path);
    switch (main.status) {
      case ReadOutcome::Status::kMissing:
        config_.findings.push_back(FileProblemFinding(config_.main_path, "file not found"));
        return std::move(config_);
      case ReadOutcome::Status::kMasked:
        config_.main_found = true;  // a symlink to /dev/null: an empty configuration
        return std::move(config_);
      case ReadOutcome::Status::kProblem:
        config_.main_found = true;
        config_.findings.push_back(FileProblemFinding(config_.main_path, main.problem));
        return std::move(config_);
      case ReadOutcome::Status::kOk:
        break;
    }
    config_.main_found = true;
    IndexOf(main.file, ParseContext{}, config_.main_path);
    for (uint32_t q = 0; q < config_.files.size(); ++q) LoadFile(q);
    // Files also included in blocks with other rules: checked in each.
    while (!other_contexts_.empty()) {
      auto [q, context] = std::move(other_contexts_.back());
      other_contexts_.pop_back();
      CheckInContext(q, context);
    }
    CheckIncludeGraph();
    return std::move(config_);
  }

 private:
  /// The file's index; a file seen before keeps its first context, and a
  /// context with other rules is queued for CheckInContext.
  uint32_t IndexOf(const SourceFile* file, const ParseContext& context, const std::string& path) {
    auto [it, added] = index_.try_emplace(file->path, static_cast<uint32_t>(config_.files.size()));
    if (added) {
      NginxFile nf;
      nf.source = file;
      nf.context = context;
      nf.include_path = path;
      config_.files.push_back(std::move(nf));
      contexts_seen_.emplace_back(1, context);
    } else {
      std::vector<ParseContext>& seen = contexts_seen_[it->second];
      const bool known = std::any_of(seen.begin(), seen.end(),
                                     [&](const ParseContext& c) { return SameRules(c, context); });
      if (!known) {
        seen.push_back(context);
        other_contexts_.emplace_back(it->second, context);
      }
    }
    return it->second;
  }

  struct IncludeAt {
    uint32_t directive;
    ParseContext context;  // of the block it sits in
    bool top;              // at the file's top level: its context is the file's
  };
  /// The include directives of `r` in order, with the context of the block
  /// each sits in; one at the top level gets `top` (the file's).
  std::vector<IncludeAt> IncludeContexts(const SourceFile& src, const ParseResult& r,
                                         const ParseContext& top) const {
    std::vector<IncludeAt> out;
    std::vector<std::pair<uint32_t, ParseContext>> open;  // enclosing blocks
    std::string scratch;
    const uint32_t n = static_cast<uint32_t>(r.directives.size());
    for (uint32_t d = 0; d < n; ++d) {
      while (!open.empty() && r.directives[open.back().first].subtree_end <= d) open.pop_back();
      const ParseContext& here = open.empty() ? top : open.back().second;
      const Directive& dir = r.directives[d];
      const std::string_view name = DirectiveName(r, src.text, dir, &scratch);
      if (name == "include") out.push_back(IncludeAt{d, here, open.empty()});
      if (!dir.has_block || dir.is_lua || dir.subtree_end == d + 1) continue;
      // As the parser decides: a block inside a raw block is not raw.
      ParseContext inner;
      inner.parent = std::string(name);
      const DirectiveInfo* info =
          here.raw ? nullptr : here.known ? FindDirective(name, here.parent) : FindDirectiveInAnyContext(name);
      inner.raw = info && (info->flags & kRawBlock);
      open.emplace_back(d, std::move(inner));
    }
    return out;
  }

  void LoadFile(uint32_t q) {
    const SourceFile& src = *config_.files[q].source;
    config_.files[q].parse = Parse(src, config_.files[q].context);
    for (const SyntaxError& e : config_.files[q].parse.errors)
      config_.findings.push_back(SyntaxFinding(src, e));
    for (const IncludeAt& inc : IncludeContexts(src, config_.files[q].parse, config_.files[q].context)) {
      const ParseResult& r = config_.files[q].parse;
      IncludeEdge edge;
      edge.directive = inc.directive;
      ResolveInclude(src, r, r.directives[inc.directive], inc.context, &edge);
      config_.files[q].includes.push_back(std::move(edge));
    }
  }

  /// File `q` parsed in another `context`: the syntax errors only that
  /// context gives, and its top-level includes seen in that context too.
  void CheckInContext(uint32_t q, const ParseContext& context) {
    const SourceFile& src = *config_.files[q].source;
    const ParseResult again = Parse(src, context);
    const std::vector<SyntaxError>& first = config_.files[q].parse.errors;
    for (const SyntaxError& e : again.errors) {
      const bool reported = std::any_of(first.begin(), first.end(), [&](const SyntaxError& f) {
        return f.span == e.span && f.message == e.message;
      });
      if (!reported) config_.findings.push_back(SyntaxFinding(src, e));
    }
    // Only the top-level includes take the file's context.
    for (const IncludeAt& inc : IncludeContexts(src, config_.files[q].parse, context)) {
      if (!inc.top) continue;
      if (const std::vector<uint32_t>* targets = config_.files[q].IncludesOf(inc.directive))
        for (uint32_t t : *targets) IndexOf(config_.files[t].source, inc.context, "");
    }
  }

  void ResolveInclude(const SourceFile& src, const ParseResult& r, const Directive& dir,
                      const ParseContext& context, IncludeEdge* edge) {
    const Location at = MakeLocation(src, dir.span());
    if (dir.arg_count() != 1) {
      config_.findings.push_back(SyntaxFinding(
          src, SyntaxError{dir.span(), "invalid number of arguments in \"include\" directive",
                           "'include' takes exactly one file name or glob"}));
      if (dir.arg_count() == 0) return;
    }
    const std::string value = WordValue(src.text, r.words[dir.name + 1]);
    if (value.empty()) {
      config_.findings.push_back(FileProblemFinding("", "include of an empty path", &at));
      return;
    }
    std::string path;
    if (!NormalizePath(JoinPath(config_.prefix, value), &path)) {
      config_.findings.push_back(
          FileProblemFinding(value, "include path leads outside the root", &at, QuotedPath::kAsWritten));
      return;
    }
    if (!HasGlob(path)) {
      AddTarget(path, at, context, edge);
      return;
    }
    // nginx globs with glob(3) and GLOB_NOMATCH is not an error. Each glob is
    // expanded once: 1,000 files each including conf.d/* listed and resolved
    // that directory a thousand times.
    auto [it, added] = globs_.try_emplace(path);
    if (added) it->second = ExpandGlob(sources_.fs(), path);
    for (const std::string& match : it->second) AddTarget(match, at, context, edge);
  }

  void AddTarget(const std::string& path, const Location& at, const ParseContext& context,
                 IncludeEdge* edge) {
    auto [read, added] = reads_.try_emplace(path);
    if (added) read->second = sources_.Read(path);
    const ReadOutcome& o = read->second;
    switch (o.status) {
      case ReadOutcome::Status::kMissing:
        config_.findings.push_back(FileProblemFinding(path, "included file does not exist", &at));
        return;
      case ReadOutcome::Status::kMasked:
        return;  // /dev/null: nginx reads an empty file
      case ReadOutcome::Status::kProblem:
        config_.findings.push_back(FileProblemFinding(path, o.problem, &at));
        return;
      case ReadOutcome::Status::kOk:
        edge->files.push_back(IndexOf(o.file, context, path));
        return;
    }
  }

  /// Reports include cycles and an expansion beyond kMaxWalkDirectives.
  void CheckIncludeGraph() {
    enum : uint8_t { kWhite, kGrey, kBlack };
    constexpr uint32_t kNone = UINT32_MAX;
    struct Frame {
      uint32_t file;
      size_t edge = 0;
      size_t target = 0;
      uint32_t cycle_to = kNone;  // the include's target deepest on the stack
    };
    const size_t n = config_.files.size();
    std::vector<uint8_t> color(n, kWhite);
    std::vector<uint64_t> size(n, 0);
    std::vector<uint32_t> depth(n, 0);  // of the grey files on the stack
    std::vector<Frame> stack{{0}};
    color[0] = kGrey;
    while (!stack.empty()) {
      Frame& fr = stack.back();
      const NginxFile& nf = config_.files[fr.file];
      if (fr.edge < nf.includes.size() && fr.target >= nf.includes[fr.edge].files.size()) {
        // One finding per include that closes a cycle, naming the shortest:
        // 1,000 files each including conf.d/* were 500,500 findings.
        if (fr.cycle_to != kNone) ReportCycle(stack, nf.includes[fr.edge], fr.cycle_to);
        fr.cycle_to = kNone;
        ++fr.edge;
        fr.target = 0;
        continue;
      }
      if (fr.edge < nf.includes.size()) {
        const IncludeEdge& e = nf.includes[fr.edge];
        const uint32_t t = e.files[fr.target++];
        if (color[t] == kGrey) {
          if (fr.cycle_to == kNone || depth[t] > depth[fr.cycle_to]) fr.cycle_to = t;
        } else if (color[t] == kBlack) {
          // A file in a cycle is walked once (WalkConfig).
          if (!config_.files[t].in_cycle) size[fr.file] = SaturatingAdd(size[fr.file], size[t]);
        } else {
          color[t] = kGrey;
          depth[t] = static_cast<uint32_t>(stack.size());
          stack.push_back(Frame{t});
        }
        continue;
      }
      const uint32_t done = fr.file;
      size[done] = SaturatingAdd(size[done], nf.parse.directives.size());
      color[done] = kBlack;
      stack.pop_back();
      if (!stack.empty())
        size[stack.back().file] = SaturatingAdd(size[stack.back().file], size[done]);
    }
    if (size[0] > kMaxWalkDirectives)
      config_.findings.push_back(FileProblemFinding(
          config_.files[0].source->path, "includes expand to more than " +
                                             std::to_string(kMaxWalkDirectives) +
                                             " directives; only the first " +
                                             std::to_string(kMaxWalkDirectives) + " are checked"));
  }

  template <typename Frames>
  void ReportCycle(const Frames& stack, const IncludeEdge& e, uint32_t target) {
    std::vector<std::string> files;
    bool on = false;
    for (const auto& fr : stack) {
      on = on || fr.file == target;
      if (on) files.push_back(config_.files[fr.file].source->path);
      if (on) config_.files[fr.file].in_cycle = true;
    }
    files.push_back(config_.files[target].source->path);
    const NginxFile& from = config_.files[stack.back().file];
    const Location at = MakeLocation(*from.source, from.parse.directives[e.directive].span());
    Finding f = FileProblemFinding(config_.files[target].source->path, "", &at);
    f.message += "include cycle: " + IncludeCycleChain(files, &f);
    config_.findings.push_back(std::move(f));
  }

  SourceSet& sources_;
  NginxConfig config_;
  std::unordered_map<std::string, uint32_t> index_;  // real path -> file index
  std::unordered_map<std::string, std::vector<std::string>> globs_;  // pattern -> matches
  std::unordered_map<std::string, ReadOutcome> reads_;                // include path -> outcome
  std::vector<std::vector<ParseContext>> contexts_seen_;  // per file: contexts with distinct rules
  std::vector<std::pair<uint32_t, ParseContext>> other_contexts_;  // queued for CheckInContext
};

}  // namespace

const std::vector<uint32_t>* NginxFile::IncludesOf(uint32_t d) const {
  auto it = std::lower_bound(includes.begin(), includes.end(), d,
                             [](const IncludeEdge& e, uint32_t v) { return e.directive < v; });
  return it != includes.end() && it->directive == d ? &it->files : nullptr;
}

NginxConfig LoadNginx(SourceSet& sources, const std::string& main_path, const std::string& prefix) {
  return Loader(sources, main_path, prefix).Run();
}

void WalkConfig(const NginxConfig& config, ConfigVisitor& visitor) {
  if (config.files.empty()) return;
  enum class Kind { kFile, kBlock, kInclude };
  struct Frame {
    Kind kind;
    uint32_t file;
    uint32_t next;
    uint32_t end;
    uint32_t owner;  // the block's or include's directive
  };
  std::vector<uint32_t> active(config.files.size(), 0);
  std::vector<uint8_t> walked(config.files.size(), 0);
  walked[0] = 1;
  std::vector<Frame> stack;
  auto count = [&](uint32_t f) {
    return static_cast<uint32_t>(config.files[f].parse.directives.size());
  };
  auto item = [&](uint32_t f, uint32_t d, std::string* scratch) {
    const NginxFile& nf = config.files[f];
    return WalkItem{f, d, DirectiveName(nf.parse, nf.source->text, nf.parse.directives[d], scratch),
                    &nf};
  };
  active[0] = 1;
  stack.push_back(Frame{Kind::kFile, 0, 0, count(0), 0});
  uint64_t visited = 0;
  std::string scratch;
  while (!stack.empty()) {
    Frame& fr = stack.back();
    if (fr.next >= fr.end) {
      const Frame done = fr;
      stack.pop_back();
      if (done.kind == Kind::kFile) --active[done.file];
      if (done.kind == Kind::kBlock) visitor.Leave(item(done.file, done.owner, &scratch));
      continue;
    }
    if (fr.kind == Kind::kInclude) {
      const uint32_t t = (*config.files[fr.file].IncludesOf(fr.owner))[fr.next++];
      if (++visited > kMaxWalkDirectives) return;
      if (active[t]) continue;  // a cycle; the loader reported it
      // nginx would not start (it recurses until it runs out of files or
      // stack), so a file in a cycle is walked once: walking it from every
      // file of its cycle grows exponentially.
      if (config.files[t].in_cycle && walked[t]) continue;
      walked[t] = 1;
      ++active[t];
      stack.push_back(Frame{Kind::kFile, t, 0, count(t), 0});
      continue;
    }
    const uint32_t f = fr.file;
    const uint32_t d = fr.next;
    const Directive& dir = config.files[f].parse.directives[d];
    fr.next = dir.subtree_end;
    if (++visited > kMaxWalkDirectives) return;
    const WalkItem it = item(f, d, &scratch);
    if (it.name == "include") {
      if (const auto* targets = config.files[f].IncludesOf(d); targets && !targets->empty())
        stack.push_back(Frame{Kind::kInclude, f, 0, static_cast<uint32_t>(targets->size()), d});
      continue;
    }
    if (visitor.Enter(it) && dir.has_block && !dir.is_lua)
      stack.push_back(Frame{Kind::kBlock, f, d + 1, dir.subtree_end, d});
  }
}

}  // namespace synlint::nginx
