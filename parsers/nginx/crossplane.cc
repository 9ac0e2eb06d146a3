// SPDX-License-Identifier: MIT
#include "parsers/nginx/crossplane.h"

#include <algorithm>
#include <map>
#include <optional>

namespace synlint::nginx {

namespace {

constexpr std::string_view kPySpace = " \t\n\r\v\f";

std::string_view LStrip(std::string_view s) {
  const size_t b = s.find_first_not_of(kPySpace);
  return b == std::string_view::npos ? std::string_view() : s.substr(b);
}
std::string_view RStrip(std::string_view s) {
  const size_t e = s.find_last_not_of(kPySpace);
  return e == std::string_view::npos ? std::string_view() : s.substr(0, e + 1);
}

/// crossplane's _prepare_if_args: drops the parentheses around a condition.
void PrepareIfArgs(std::vector<std::string>* args) {
  auto& a = *args;
  if (a.empty() || a.front().empty() || a.front().front() != '(' || a.back().empty() ||
      a.back().back() != ')')
    return;
  a.front() = std::string(LStrip(std::string_view(a.front()).substr(1)));
  std::string_view last = a.back();
  a.back() = std::string(RStrip(last.substr(0, last.empty() ? 0 : last.size() - 1)));
  const size_t begin = a.front().empty() ? 1 : 0;
  const size_t end = a.size() - (a.back().empty() ? 1 : 0);
  if (begin >= end) {
    a.clear();
    return;
  }
  a = std::vector<std::string>(a.begin() + static_cast<ptrdiff_t>(begin),
                               a.begin() + static_cast<ptrdiff_t>(end));
}

struct Error {
  std::string text;
  std::optional<uint32_t> line;
};

class Writer {
 public:
  Writer(JsonWriter& w, const NginxConfig& c, const CrossplaneOptions& o)
      : w_(w), config_(c), options_(o) {}

  void Run() {
    // Findings name files by their real paths; the output names each file
    // by the path it was included by, as crossplane and nginx do.
    std::vector<std::string> paths;
    std::map<std::string, size_t> index;
    for (const NginxFile& f : config_.files) {
      index.emplace(f.source->path, paths.size());
      paths.push_back(f.include_path.empty() ? f.source->path : f.include_path);
    }
    if (paths.empty()) paths.push_back(config_.main_path);
    std::vector<std::vector<Error>> errors(paths.size());
    for (const Finding& f : config_.findings) {
      auto it = index.find(f.location.file);
      const size_t i = it == index.end() ? 0 : it->second;
      // FileProblemFinding puts "'path': " first when it points at an include.
      const bool has_line = f.rule != "SL002" || (!f.message.empty() && f.message[0] == '\'');
      Error e;
      // The parser's messages are nginx's own (`unexpected "}"`).
      e.text = f.message;
      e.text += " in " + Display(paths[i]);
      if (has_line) {
        e.line = f.location.start.line;
        e.text += ":" + std::to_string(*e.line);
      }
      // crossplane reports a missing include as Python's OSError text:
      // "[Errno 2] No such file or directory: '/abs/path'" (no file:line).
      static constexpr std::string_view kMissing = "': included file does not exist";
      if (f.rule == "SL002" && f.message.size() > kMissing.size() + 1 && f.message[0] == '\'' &&
          f.message.compare(f.message.size() - kMissing.size(), kMissing.size(), kMissing) == 0) {
        const std::string path = Display(f.message.substr(1, f.message.size() - kMissing.size() - 1));
        const char quote = path.find('\'') != std::string::npos && path.find('"') == std::string::npos ? '"' : '\'';
        e.text = "[Errno 2] No such file or directory: " + std::string(1, quote) + path + quote;
      }
      errors[i].push_back(std::move(e));
    }
    bool failed = false;
    for (const auto& e : errors) failed = failed || !e.empty();
    w_.BeginObject();
    w_.Key("status").String(failed ? "failed" : "ok");
    w_.Key("errors").BeginArray();
    for (size_t i = 0; i < paths.size(); ++i) {
      for (const Error& e : errors[i]) {
        w_.BeginObject().Key("file").String(Display(paths[i]));
        w_.Key("error").String(e.text);
        WriteLine(e.line);
        w_.EndObject();
      }
    }
    w_.EndArray();
    w_.Key("config").BeginArray();
    for (size_t i = 0; i < paths.size(); ++i) {
      w_.BeginObject();
      w_.Key("file").String(Display(paths[i]));
      w_.Key("status").String(errors[i].empty() ? "ok" : "failed");
      w_.Key("errors").BeginArray();
      for (const Error& e : errors[i]) {
        w_.BeginObject().Key("error").String(e.text);
        WriteLine(e.line);
        w_.EndObject();
      }
      w_.EndArray();
      w_.Key("parsed").BeginArray();
      if (i < config_.files.size()) {
        const NginxFile& f = config_.files[i];
        WriteBlock(f, 0, static_cast<uint32_t>(f.parse.directives.size()),
                   Span{0, static_cast<uint32_t>(f.source->text.size())});
      }
      w_.EndArray();
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }

 private:
  std::string Display(const std::string& path) const { return options_.path_prefix + path; }

  void WriteLine(const std::optional<uint32_t>& line) {
    w_.Key("line");
    if (line)
      w_.Uint(*line);
    else
      w_.Null();
  }

  /// Writes directives [first, end) at one level and, when asked, the
  /// comments in `region` that are not inside them.
  void WriteBlock(const NginxFile& f, uint32_t first, uint32_t end, Span region) {
    uint32_t cursor = region.begin;
    for (uint32_t d = first; d < end; d = f.parse.directives[d].subtree_end) {
      const Directive& dir = f.parse.directives[d];
      Comments(f, Span{cursor, dir.span().begin}, std::nullopt);
      WriteDirective(f, d);
      const uint32_t own_end = dir.has_block ? dir.block().begin : dir.span().end;
      Comments(f, Span{dir.span().begin, own_end},
               f.source->lines().At(f.parse.words[dir.name].span().begin).line);
      cursor = std::max(cursor, dir.span().end);
    }
    Comments(f, Span{cursor, region.end}, std::nullopt);
  }

  void Comments(const NginxFile& f, Span range, std::optional<uint32_t> line) {
    if (!options_.include_comments || range.begin >= range.end) return;
    const std::vector<Span>& comments = f.parse.comments;
    auto it = std::lower_bound(comments.begin(), comments.end(), range.begin,
                               [](const Span& c, uint32_t off) { return c.begin < off; });
    for (; it != comments.end() && it->begin < range.end; ++it) {
      w_.BeginObject();
      w_.Key("directive").String("#");
      w_.Key("line").Uint(line ? *line : f.source->lines().At(it->begin).line);
      w_.Key("args").BeginArray().EndArray();
      w_.Key("comment").String(f.source->Slice(Span{it->begin + 1, it->end}));
      w_.EndObject();
    }
  }

  void WriteDirective(const NginxFile& f, uint32_t d) {
    const Directive& dir = f.parse.directives[d];
    const std::string_view text = f.source->text;
    const std::string name = CrossplaneArg(text, f.parse.words[dir.name]);
    std::vector<std::string> args;
    for (uint32_t a = dir.name + 1; a < dir.args_end; ++a)
      args.push_back(CrossplaneArg(text, f.parse.words[a]));
    if (dir.is_lua) args.emplace_back(f.source->Slice(dir.lua()));
    if (name == "if") PrepareIfArgs(&args);
    w_.BeginObject();
    w_.Key("directive").String(name);
    w_.Key("line").Uint(f.source->lines().At(f.parse.words[dir.name].span().begin).line);
    w_.Key("args").BeginArray();
    for (const std::string& a : args) w_.String(a);
    w_.EndArray();
    if (name == "include") {
      w_.Key("includes").BeginArray();
      if (const auto* targets = f.IncludesOf(d))
        for (uint32_t t : *targets) w_.Uint(t);
      w_.EndArray();
    }
    if (dir.has_block && !dir.is_lua) {
      w_.Key("block").BeginArray();
      WriteBlock(f, d + 1, dir.subtree_end, dir.inside());
      w_.EndArray();
    }
    w_.EndObject();
  }

  JsonWriter& w_;
  const NginxConfig& config_;
  const CrossplaneOptions& options_;
};

}  // namespace

std::string CrossplaneArg(std::string_view text, const Word& w) {
  const Span inner = w.inner();
  const std::string_view in = text.substr(inner.begin, inner.size());
  if (!w.quote() || !w.escaped()) return std::string(in);
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\\' && i + 1 < in.size()) {
      if (in[i + 1] == w.quote()) {
        out += w.quote();
        ++i;
        continue;
      }
      out += in[i++];  // any other escape stays as written, both bytes
    }
    out += in[i];
  }
  return out;
}

void WriteCrossplane(JsonWriter& w, const NginxConfig& config, const CrossplaneOptions& options) {
  Writer(w, config, options).Run();
}

std::string CrossplaneJson(const NginxConfig& config, const CrossplaneOptions& options,
                           int indent) {
  JsonWriter w(indent);
  WriteCrossplane(w, config, options);
  return w.Take();
}

}  // namespace synlint::nginx
