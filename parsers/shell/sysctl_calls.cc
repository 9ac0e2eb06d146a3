// SPDX-License-Identifier: MIT
#include "parsers/shell/sysctl_calls.h"

#include <algorithm>

#include "parsers/shell/bash_tree.h"
#include "parsers/shell/word_value.h"

namespace synlint::shell {

namespace {

constexpr std::string_view kProcSys = "/proc/sys/";

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

struct Arg {
  TSNode node;
  WordValue value;
};

class Extractor {
 public:
  explicit Extractor(std::string_view text) : tree_(text) {}

  Extraction Run() {
    vars_.Collect(tree_);
    tree_.Walk([&](TSNode n, const std::vector<WalkFrame>& path) {
      if (ts_node_is_missing(n)) {
        out_.errors.push_back({BashTree::SpanOf(n), "missing '" + std::string(ts_node_type(n)) + "'", ""});
      } else if (BashTree::Is(n, "ERROR")) {
        out_.errors.push_back({BashTree::SpanOf(n), "shell syntax error", ""});
      }
      if (!BashTree::Is(n, "command")) return;
      path_ = &path;
      here_ = path.empty() ? WalkFrame{} : path.back();
      // The statement the command is: its redirected statement, pipeline or negation, if any.
      statement_ = n;
      statement_depth_ = path.size();
      while (statement_depth_ > 0) {
        const std::string_view t = ts_node_type((*path_)[statement_depth_ - 1].node);
        if (t != "redirected_statement" && t != "pipeline" && t != "negated_command") break;
        statement_ = (*path_)[--statement_depth_].node;
      }
      Command(n);
    });
    std::sort(out_.writes.begin(), out_.writes.end(),
              [](const SysctlWrite& a, const SysctlWrite& b) { return a.command.begin < b.command.begin; });
    return std::move(out_);
  }

 private:
  // The command's parent (null at the top).
  TSNode Parent() const { return path_->empty() ? TSNode{} : path_->back().node; }

  // The bytes that delete a whole statement: its line when it stands alone on it at the top level
  // of the script (a trailing comment stays); empty inside anything else.
  Span StatementRemoval() const {
    const TSNode statement = statement_;
    if (statement_depth_ == 0 || !BashTree::Is((*path_)[statement_depth_ - 1].node, "program")) return {};
    const std::string_view text = tree_.text();
    uint32_t begin = BashTree::Start(statement), end = BashTree::End(statement);
    uint32_t line = begin;
    while (line > 0 && IsBlank(text[line - 1])) --line;
    if (line > 0 && text[line - 1] != '\n') return {};
    uint32_t after = end;
    while (after < text.size() && IsBlank(text[after])) ++after;
    if (after == text.size()) return {line, after};
    if (text[after] == '\n') return {line, after + 1};
    if (text[after] == '\r' && after + 1 < text.size() && text[after + 1] == '\n') return {line, after + 2};
    if (text[after] == '#') return {begin, end};  // keep the comment
    return {};
  }

  std::vector<Arg> Argv(TSNode command) const {
    std::vector<Arg> argv;
    // Children are walked with a cursor: libtree-sitter 0.20's ts_node_field_name_for_child()
    // names the wrong fields for some children.
    TSTreeCursor cursor = ts_tree_cursor_new(command);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        const char* field = ts_tree_cursor_current_field_name(&cursor);
        if (!field) continue;
        const std::string_view f(field);
        TSNode c = ts_tree_cursor_current_node(&cursor);
        if (f == "name") {
          TSNode word = ts_node_named_child_count(c) ? ts_node_named_child(c, 0) : c;
          argv.insert(argv.begin(), Arg{c, Evaluate(tree_, word, vars_, here_.scope)});
        } else if (f == "argument" && !argv.empty()) {
          argv.push_back({c, Evaluate(tree_, c, vars_, here_.scope)});
        }
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    return argv;
  }

  // Drops sudo, env, nohup, ... and their options: argv then starts at the command they run.
  static void StripWrappers(std::vector<Arg>& argv) {
    while (!argv.empty() && !argv[0].value.dynamic) {
      const std::string_view name = BaseName(argv[0].value.text);
      const bool sudo = name == "sudo" || name == "doas";
      if (!sudo && name != "env" && name != "nohup" && name != "command" && name != "exec" && name != "nice" &&
          name != "time" && name != "builtin")
        return;
      argv.erase(argv.begin());
      while (!argv.empty() && !argv[0].value.dynamic) {
        const std::string& t = argv[0].value.text;
        const bool option = t.size() > 1 && t[0] == '-';
        if (!option && !(name == "env" && t.find('=') != std::string::npos)) break;
        const bool takes_value = (sudo && (t == "-u" || t == "-g")) || (name == "nice" && t == "-n");
        argv.erase(argv.begin());
        if (takes_value && !argv.empty()) argv.erase(argv.begin());
      }
    }
  }

  void NotEvaluatedArg(const Arg& a, std::string_view what) {
    out_.not_evaluated.push_back({BashTree::SpanOf(a.node), std::string(what) + " '" +
                                                               std::string(tree_.Text(a.node)) + "': " + a.value.why});
  }

  void Command(TSNode command) {
    std::vector<Arg> argv = Argv(command);
    StripWrappers(argv);
    if (argv.empty() || argv[0].value.dynamic) return;
    const std::string_view name = BaseName(argv[0].value.text);
    if (name == "sysctl") return Sysctl(command, argv);
    if ((name == "docker" || name == "podman") && argv.size() > 1 &&
        (argv[1].value.text == "run" || argv[1].value.text == "create"))
      return ContainerRun(command, argv);
    if (name == "tee") return Tee(command, argv);
    if (name == "echo" || name == "printf") return Redirected(command, argv);
  }

  // A K=V argument (or here-document line) as a write.
  // `written` is where the argument is written: the value's span when a variable supplied it.
  void Pair(WriteKind kind, const WordValue& v, TSNode command, Span removal, Span written) {
    const size_t eq = v.text.find('=');
    size_t kb = 0, ke = eq;
    while (kb < ke && IsBlank(v.text[kb])) ++kb;
    while (ke > kb && IsBlank(v.text[ke - 1])) --ke;
    size_t vb = eq + 1, ve = v.text.size();
    while (vb < ve && IsBlank(v.text[vb])) ++vb;
    while (ve > vb && IsBlank(v.text[ve - 1])) --ve;
    if (kb == ke) return;
    SysctlWrite w;
    w.kind = kind;
    w.key = v.text.substr(kb, ke - kb);
    w.value = v.text.substr(vb, ve - vb);
    w.key_span = v.SourceOf(kb, ke, nullptr);
    if (vb < ve) {
      w.value_span = v.SourceOf(vb, ve, &w.value_exact);
      if (w.value_span.empty()) w.value_span = written;
    } else {
      bool exact = false;
      const Span at = v.SourceOf(eq, eq + 1, &exact);
      w.value_span = {at.end, at.end};
      w.value_exact = exact;
    }
    (void)command;
    w.command = BashTree::SpanOf(statement_);
    w.removal = removal;
    w.in_loop = here_.in_loop;
    out_.writes.push_back(std::move(w));
  }

  void Sysctl(TSNode command, const std::vector<Arg>& argv) {
    ++out_.sysctl_commands;
    bool load = false, system = false, options_done = false, skip_next = false;
    std::vector<const Arg*> pairs;
    std::vector<std::string> files;
    size_t reads = 0, unknown = 0;
    for (size_t i = 1; i < argv.size(); ++i) {
      const Arg& a = argv[i];
      if (skip_next) {
        skip_next = false;
        continue;
      }
      if (a.value.dynamic) {
        NotEvaluatedArg(a, "sysctl argument");
        ++unknown;
        continue;
      }
      const std::string& t = a.value.text;
      if (!options_done && t == "--") {
        options_done = true;
      } else if (!options_done && t.starts_with("--")) {
        if (t == "--system") system = true;
        else if (t == "--load") load = true;
        else if (t.starts_with("--load=")) load = true, files.push_back(t.substr(7));
        else if (t == "--pattern") skip_next = true;
      } else if (!options_done && t.size() > 1 && t[0] == '-') {
        for (size_t c = 1; c < t.size(); ++c) {
          if (t[c] == 'p' || t[c] == 'f') {
            load = true;
            if (c + 1 < t.size()) files.push_back(t.substr(c + 1));
            break;
          }
          if (t[c] == 'r') {
            if (c + 1 == t.size()) skip_next = true;
            break;
          }
        }
      } else if (load) {
        files.push_back(t);
      } else if (t.find('=') != std::string::npos) {
        pairs.push_back(&a);
      } else {
        ++reads;
      }
    }
    if (system || load) {
      if (load && HereDocument(command, files)) return;
      SysctlLoad l;
      l.command = BashTree::SpanOf(statement_);
      l.system = system;
      l.files = std::move(files);
      out_.loads.push_back(std::move(l));
      return;
    }
    const Span whole = StatementRemoval();
    for (size_t i = 0; i < pairs.size(); ++i) {
      Span removal = whole;
      if (pairs.size() + unknown > 1) {
        // One pair of several: it and the blanks before it.
        uint32_t begin = BashTree::Start(pairs[i]->node);
        while (begin > 0 && IsBlank(tree_.text()[begin - 1])) --begin;
        removal = {begin, BashTree::End(pairs[i]->node)};
      }
      Pair(WriteKind::kSet, pairs[i]->value, command, removal, BashTree::SpanOf(pairs[i]->node));
    }
    if (pairs.empty() && unknown == 0) {
      ++out_.sysctl_reads;
      (void)reads;
    }
  }

  // `sysctl -p - <<EOF` / `sysctl -p /dev/stdin <<EOF`: the body is a sysctl.conf.
  bool HereDocument(TSNode command, const std::vector<std::string>& files) {
    TSNode heredoc{};
    for (size_t i = path_->size(); i-- > statement_depth_;) {
      const TSNode p = (*path_)[i].node;
      if (!BashTree::Is(p, "redirected_statement")) continue;
      const uint32_t count = ts_node_named_child_count(p);
      for (uint32_t i = 0; i < count; ++i) {
        if (BashTree::Is(ts_node_named_child(p, i), "heredoc_redirect")) heredoc = ts_node_named_child(p, i);
      }
    }
    if (ts_node_is_null(heredoc)) return false;
    // tree-sitter-bash 0.23.3 leaves a lone '-' before '<<' out of the command: read it from the text.
    std::string_view between = tree_.text().substr(BashTree::End(command), BashTree::Start(heredoc) - BashTree::End(command));
    while (!between.empty() && IsBlank(between.front())) between.remove_prefix(1);
    while (!between.empty() && IsBlank(between.back())) between.remove_suffix(1);
    const bool stdin_file = files.size() == 1 && (files[0] == "-" || files[0] == "/dev/stdin");
    if (!stdin_file && !(files.empty() && between == "-")) return false;
    TSNode body{};
    const uint32_t count = ts_node_named_child_count(heredoc);
    for (uint32_t i = 0; i < count; ++i) {
      if (BashTree::Is(ts_node_named_child(heredoc, i), "heredoc_body")) body = ts_node_named_child(heredoc, i);
    }
    if (ts_node_is_null(body)) return false;
    if (ts_node_named_child_count(body) > 0) {
      // An unquoted delimiter with $... inside: the lines are computed.
      for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
        TSNode c = ts_node_named_child(body, i);
        if (!BashTree::Is(c, "heredoc_content")) {
          out_.not_evaluated.push_back({BashTree::SpanOf(body), "here-document of 'sysctl -p' expands '" +
                                                                     std::string(tree_.Text(c)) + "'"});
          return true;
        }
      }
    }
    const std::string_view text = tree_.text();
    uint32_t pos = BashTree::Start(body);
    const uint32_t end = BashTree::End(body);
    while (pos < end) {
      uint32_t eol = pos;
      while (eol < end && text[eol] != '\n') ++eol;
      uint32_t b = pos;
      while (b < eol && IsBlank(text[b])) ++b;
      if (b < eol && text[b] != '#' && text[b] != ';' && std::string_view(text.data() + b, eol - b).find('=') != std::string_view::npos) {
        WordValue v;
        uint32_t e = eol;
        if (e > b && text[e - 1] == '\r') --e;
        for (uint32_t i = b; i < e; ++i) {
          v.text.push_back(text[i]);
          v.from.push_back(i);
        }
        if (!v.text.empty() && v.text[0] == '-') {  // "-key = v": ignore failures
          v.text.erase(0, 1);
          v.from.erase(v.from.begin());
        }
        Pair(WriteKind::kSet, v, command, Span{pos, std::min(eol + 1, end)}, Span{b, e});
      }
      pos = eol + 1;
    }
    return true;
  }

  void ContainerRun(TSNode command, const std::vector<Arg>& argv) {
    for (size_t i = 2; i < argv.size(); ++i) {
      const Arg& a = argv[i];
      if (a.value.dynamic) continue;
      const std::string& t = a.value.text;
      if (t == "--sysctl" && i + 1 < argv.size()) {
        const Arg& next = argv[++i];
        if (next.value.dynamic) NotEvaluatedArg(next, "--sysctl");
        else if (next.value.text.find('=') != std::string::npos)
          Pair(WriteKind::kContainer, next.value, command, {}, BashTree::SpanOf(next.node));
      } else if (t.starts_with("--sysctl=")) {
        WordValue v = a.value;
        v.text.erase(0, 9);
        v.from.erase(v.from.begin(), v.from.begin() + 9);
        if (v.text.find('=') != std::string::npos) Pair(WriteKind::kContainer, v, command, {}, BashTree::SpanOf(a.node));
      }
    }
  }

  // What an echo or printf command prints, as a value; false (and not evaluated) when unknown.
  bool Printed(TSNode command, const std::vector<Arg>& argv, WordValue* out) {
    const bool printf = BaseName(argv[0].value.text) == "printf";
    size_t i = 1;
    bool escapes = printf;
    if (!printf) {
      for (; i < argv.size() && !argv[i].value.dynamic; ++i) {
        const std::string& t = argv[i].value.text;
        if (t.size() < 2 || t[0] != '-' || t.find_first_not_of("neE", 1) != std::string::npos) break;
        if (t.find('e') != std::string::npos) escapes = true;
      }
    }
    std::vector<const Arg*> words;
    for (; i < argv.size(); ++i) words.push_back(&argv[i]);
    for (const Arg* a : words) {
      if (a->value.dynamic) {
        out_.not_evaluated.push_back({BashTree::SpanOf(statement_),
                                      "value written to /proc/sys is computed: " + a->value.why});
        return false;
      }
    }
    if (printf) {
      if (words.empty()) return false;
      std::string format = words[0]->value.text;
      const bool newline = format.ends_with("\\n");
      if (newline) format.resize(format.size() - 2);
      if (format == "%s" || format == "%d" || format == "%u" || format == "%i") {
        if (words.size() != 2) return NotPrinted(command, "printf with " + std::to_string(words.size() - 1) + " arguments");
        *out = words[1]->value;
        printed_ = BashTree::SpanOf(words[1]->node);
        return true;
      }
      if (format.find('%') != std::string::npos || format.find('\\') != std::string::npos || words.size() > 1)
        return NotPrinted(command, "printf format '" + words[0]->value.text + "'");
      *out = words[0]->value;
      printed_ = BashTree::SpanOf(words[0]->node);
      out->text.resize(format.size());
      out->from.resize(format.size());
      return true;
    }
    WordValue joined;
    for (size_t k = 0; k < words.size(); ++k) {
      if (k) {
        joined.text.push_back(' ');
        joined.from.push_back(WordValue::kComputed);
      }
      joined.text += words[k]->value.text;
      joined.from.insert(joined.from.end(), words[k]->value.from.begin(), words[k]->value.from.end());
    }
    if (escapes && joined.text.find('\\') != std::string::npos) return NotPrinted(command, "echo -e with escapes");
    *out = std::move(joined);
    printed_ = words.empty() ? BashTree::SpanOf(statement_)
                             : Span{BashTree::Start(words.front()->node), BashTree::End(words.back()->node)};
    return true;
  }

  bool NotPrinted(TSNode, std::string why) {
    out_.not_evaluated.push_back({BashTree::SpanOf(statement_), "value written to /proc/sys: " + why});
    return false;
  }

  // A write of `value` to the file `path` names: a /proc/sys key, or nothing.
  void ProcSysWrite(TSNode command, const Arg& path, const WordValue& value, Span removal) {
    if (path.value.dynamic) {
      if (tree_.Text(path.node).find("/proc/sys") != std::string_view::npos) NotEvaluatedArg(path, "/proc/sys path");
      return;
    }
    const std::string key = ProcSysKey(path.value.text);
    if (key.empty()) return;
    WordValue pair;
    pair.text = key + "=";
    bool exact = false;
    const Span key_span = path.value.SourceOf(kProcSys.size(), path.value.text.size(), &exact);
    for (size_t k = 0; k < key.size(); ++k) pair.from.push_back(exact ? key_span.begin + k : WordValue::kComputed);
    pair.from.push_back(WordValue::kComputed);
    std::string v = value.text;
    std::vector<uint32_t> from = value.from;
    while (!v.empty() && (v.back() == '\n' || IsBlank(v.back()))) v.pop_back(), from.pop_back();
    pair.text += v;
    pair.from.insert(pair.from.end(), from.begin(), from.end());
    const size_t before = out_.writes.size();
    Pair(WriteKind::kProcSys, pair, command, removal, printed_);
    if (out_.writes.size() > before) {
      SysctlWrite& w = out_.writes.back();
      w.key_span = BashTree::SpanOf(path.node);
      if (v.empty()) w.value_span = w.key_span, w.value_exact = false;
    }
  }

  void Redirected(TSNode command, const std::vector<Arg>& argv) {
    std::vector<TSNode> redirects;
    auto collect = [&](TSNode holder) {
      const uint32_t count = ts_node_named_child_count(holder);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_named_child(holder, i);
        if (BashTree::Is(c, "file_redirect")) redirects.push_back(c);
      }
    };
    collect(command);
    TSNode parent = Parent();
    if (BashTree::Is(parent, "redirected_statement")) collect(parent);
    std::vector<Arg> targets;
    for (TSNode r : redirects) {
      TSNode op = ts_node_child(r, 0);
      if (BashTree::Is(op, "file_descriptor")) {
        if (tree_.Text(op) != "1") continue;
        op = ts_node_child(r, 1);
      }
      const std::string_view o = tree_.Text(op);
      if (o != ">" && o != ">>" && o != ">|") continue;
      TSNode dest = ts_node_child_by_field_name(r, "destination", 11);
      if (ts_node_is_null(dest)) continue;
      Arg a{dest, Evaluate(tree_, dest, vars_, here_.scope)};
      if (a.value.dynamic ? tree_.Text(dest).find("/proc/sys") != std::string_view::npos
                          : !ProcSysKey(a.value.text).empty())
        targets.push_back(std::move(a));
    }
    if (targets.empty()) return;
    WordValue value;
    if (!Printed(command, argv, &value)) return;
    const Span removal = targets.size() == 1 ? StatementRemoval() : Span{};
    for (const Arg& t : targets) ProcSysWrite(command, t, value, removal);
  }

  void Tee(TSNode command, const std::vector<Arg>& argv) {
    std::vector<const Arg*> targets;
    for (size_t i = 1; i < argv.size(); ++i) {
      const Arg& a = argv[i];
      if (a.value.dynamic ? tree_.Text(a.node).find("/proc/sys") != std::string_view::npos
                          : !ProcSysKey(a.value.text).empty())
        targets.push_back(&a);
    }
    if (targets.empty()) return;
    // The value is what the pipeline's previous command prints.
    TSNode pipeline = Parent();
    TSNode prev{};
    if (BashTree::Is(pipeline, "pipeline")) {
      const uint32_t count = ts_node_named_child_count(pipeline);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_named_child(pipeline, i);
        if (ts_node_eq(c, command)) break;
        prev = c;
      }
    }
    if (!BashTree::Is(pipeline, "pipeline") || !BashTree::Is(prev, "command")) {
      out_.not_evaluated.push_back({BashTree::SpanOf(statement_), "value written by tee to /proc/sys comes from its input"});
      return;
    }
    std::vector<Arg> printer = Argv(prev);
    StripWrappers(printer);
    const std::string_view name = printer.empty() || printer[0].value.dynamic ? "" : BaseName(printer[0].value.text);
    if (name != "echo" && name != "printf") {
      out_.not_evaluated.push_back({BashTree::SpanOf(statement_), "value written by tee to /proc/sys comes from '" +
                                                                                std::string(tree_.Text(prev)) + "'"});
      return;
    }
    WordValue value;
    if (!Printed(command, printer, &value)) return;
    const Span removal = targets.size() == 1 ? StatementRemoval() : Span{};
    for (const Arg* t : targets) ProcSysWrite(command, *t, value, removal);
  }

  BashTree tree_;
  Variables vars_;
  Extraction out_;
  // The command being read: its ancestors, its context, and the statement it is.
  const std::vector<WalkFrame>* path_ = nullptr;
  WalkFrame here_;
  TSNode statement_{};
  size_t statement_depth_ = 0;  // path_ index of the statement's parent, plus one
  Span printed_;                // where the last echo/printf value read is written
};

}  // namespace

std::string ProcSysKey(std::string_view path) {
  if (!path.starts_with(kProcSys) || path.size() == kProcSys.size()) return "";
  std::string key(path.substr(kProcSys.size()));
  // The kernel's path: '/' between components, and '.' is part of a name (eth0.100); as a key,
  // components are joined by '.' and a '.' inside one becomes '/' (sysctl.d(5)).
  for (char& c : key) {
    if (c == '.') c = '/';
    else if (c == '/') c = '.';
  }
  return key;
}

Extraction ExtractSysctlWrites(std::string_view script) {
  Extraction x = Extractor(script).Run();
  // A guard, not the cause: the fuzzer found a write whose spans end past the
  // script (crash-954cbf9d84, fuzz/regressions/shell). Such a write is not
  // evaluated rather than handed to rules that would read outside the text.
  const auto inside = [&](Span s) { return s.begin <= s.end && s.end <= script.size(); };
  std::vector<SysctlWrite> kept;
  kept.reserve(x.writes.size());
  for (SysctlWrite& w : x.writes) {
    if (inside(w.key_span) && inside(w.value_span) && inside(w.command) && inside(w.removal)) {
      kept.push_back(std::move(w));
    } else {
      const Span at = inside(w.command) ? w.command : Span{0, 0};
      x.not_evaluated.push_back({at, "a write whose place in the script could not be told"});
    }
  }
  x.writes = std::move(kept);
  return x;
}

}  // namespace synlint::shell
