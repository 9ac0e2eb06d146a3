// SPDX-License-Identifier: MIT
#include "linter/suppress/suppress.h"

#include <gtest/gtest.h>

#include "linter/edits.h"

namespace synlint {
namespace {

using Lines = std::vector<std::string>;

class Sources {
 public:
  void Add(const std::string& path, std::string text, ConfigFormat format) {
    fs_.AddFile(path, std::move(text));
    formats_[path] = format;
  }
  /// A finding of `rule` covering 1-based `line` of `path`.
  Finding At(const std::string& rule, const std::string& path, uint32_t line) {
    const SourceFile* f = set().Find(path);
    Finding out;
    out.rule = rule;
    const uint32_t begin = f->lines().LineStart(line);
    out.location =
        MakeLocation(*f, {begin, begin + static_cast<uint32_t>(f->lines().LineText(f->text, line).size())});
    out.message = "finding";
    return out;
  }
  SuppressionResult Apply(std::vector<Finding> findings, const SuppressOptions& opts = {}) {
    return ApplySuppressions(std::move(findings), set(), formats_, opts);
  }
  /// The text of `path` after applying the fixes of `findings`.
  std::string Fixed(const std::string& path, const std::vector<Finding>& findings) {
    std::vector<const Fix*> fixes;
    for (const Finding& f : findings) {
      if (f.fix) fixes.push_back(&*f.fix);
    }
    return ApplyEdits(set().Find(path)->text, MergeFixes(fixes).by_file[path]);
  }

 private:
  SourceSet& set() {
    if (!set_) {
      set_ = std::make_unique<SourceSet>(fs_);
      for (const auto& [path, format] : formats_) set_->Read(path);
    }
    return *set_;
  }
  MemoryFileSystem fs_;
  std::map<std::string, ConfigFormat> formats_;
  std::unique_ptr<SourceSet> set_;
};

Lines Dump(const std::vector<Finding>& findings) {
  Lines out;
  for (const Finding& f : findings) {
    std::string s = f.location.file + ":" + std::to_string(f.location.start.line) + ":" +
                    std::to_string(f.location.start.column) + ": " + std::string(SeverityName(f.severity)) +
                    ": " + f.message + " [" + f.rule + "]";
    if (f.fix) s += " fix: " + f.fix->title;
    out.push_back(s);
  }
  return out;
}

const std::string kSysctl = "etc/sysctl.d/10-a.conf";

TEST(Suppress, UsedSuppressionRemovesTheFindingAndItsFix) {
  Sources s;
  s.Add(kSysctl,
        "# synlint: disable=SL104 reason=\"proxy needs short connects\"\n"
        "net.ipv4.tcp_syn_retries = 3\n"
        "net.ipv4.tcp_synack_retries = 5\n",
        ConfigFormat::kSysctl);
  Finding syn = s.At("SL104", kSysctl, 2);
  syn.fix = Fix{"restore the default", Applicability::kUnsafe, {{kSysctl, {61, 89}, ""}}};
  const SuppressionResult r = s.Apply({syn, s.At("SL105", kSysctl, 3)});
  EXPECT_EQ(Lines({"etc/sysctl.d/10-a.conf:3:1: warning: finding [SL105]"}), Dump(r.findings));
  EXPECT_EQ(Lines({"etc/sysctl.d/10-a.conf:2:1: warning: finding [SL104] fix: restore the default"}),
            Dump(r.suppressed));
}

TEST(Suppress, UnusedSuppressionsAreReportedWithASafeFix) {
  Sources s;
  s.Add(kSysctl,
        "# synlint: disable=SL104,SL105 reason=\"x\"\n"
        "net.ipv4.tcp_syn_retries = 3\n"
        "# synlint: disable=SL106\n"
        "net.ipv4.tcp_syncookies = 1\n",
        ConfigFormat::kSysctl);
  const SuppressionResult r = s.Apply({s.At("SL104", kSysctl, 2)});
  EXPECT_EQ(Lines({
                "etc/sysctl.d/10-a.conf:1:26: info: unused suppression for 'SL105'; nothing here reports it "
                "[SL003] fix: remove 'SL105' from the suppression",
                "etc/sysctl.d/10-a.conf:3:20: info: unused suppression for 'SL106'; nothing here reports it "
                "[SL003] fix: remove the unused suppression",
            }),
            Dump(r.findings));
  EXPECT_EQ(Applicability::kSafe, r.findings[0].fix->applicability);
  EXPECT_EQ(
      "# synlint: disable=SL104 reason=\"x\"\n"
      "net.ipv4.tcp_syn_retries = 3\n"
      "net.ipv4.tcp_syncookies = 1\n",
      s.Fixed(kSysctl, r.findings));
}

TEST(Suppress, RulesThatDidNotRunAreNotUnused) {
  Sources s;
  s.Add(kSysctl, "# synlint: disable=SL104,SL105\nnet.ipv4.tcp_syn_retries = 3\n", ConfigFormat::kSysctl);
  SuppressOptions opts;
  opts.rule_enabled = [](std::string_view id) { return id != "SL105"; };
  SuppressionResult r = s.Apply({}, opts);
  EXPECT_EQ(
      Lines({"etc/sysctl.d/10-a.conf:1:20: info: unused suppression for 'SL104'; nothing here reports it "
             "[SL003] fix: remove 'SL104' from the suppression"}),
      Dump(r.findings));
  EXPECT_EQ("# synlint: disable=SL105\nnet.ipv4.tcp_syn_retries = 3\n", s.Fixed(kSysctl, r.findings));
  // With SL003 itself off nothing is reported.
  opts.rule_enabled = [](std::string_view id) { return id != "SL003"; };
  r = s.Apply({}, opts);
  EXPECT_EQ(Lines{}, Dump(r.findings));
}

TEST(Suppress, NoInlineSuppressions) {
  Sources s;
  s.Add(kSysctl,
        "# synlint: disable=SL104 reason=\"x\"\n"
        "net.ipv4.tcp_syn_retries = 3\n"
        "# synlint: disable-file=SL106\n",
        ConfigFormat::kSysctl);
  SuppressOptions opts;
  opts.no_inline = true;
  const SuppressionResult r = s.Apply({s.At("SL104", kSysctl, 2)}, opts);
  EXPECT_EQ(Lines({
                "etc/sysctl.d/10-a.conf:1:1: warning: inline suppressions are not allowed here "
                "(--no-inline-suppressions) [SL003]",
                "etc/sysctl.d/10-a.conf:2:1: warning: finding [SL104]",
                "etc/sysctl.d/10-a.conf:3:1: warning: inline suppressions are not allowed here "
                "(--no-inline-suppressions) [SL003]",
            }),
            Dump(r.findings));
  EXPECT_TRUE(r.suppressed.empty());
}

TEST(Suppress, DisableFileAndTrailingNginxComments) {
  const std::string main = "etc/nginx/nginx.conf";
  const std::string other = "etc/nginx/conf.d/a.conf";
  Sources s;
  s.Add(main,
        "# synlint: disable-file=SL203 reason=\"vendor file\"\n"
        "http {\n"
        "  server { listen 80; listen 80; }\n"
        "  listen 81 backlog=100000;  # synlint: disable=SL201,SL204\n"
        "}\n",
        ConfigFormat::kNginx);
  s.Add(other, "listen 80; listen 80;\n", ConfigFormat::kNginx);
  const SuppressionResult r = s.Apply(
      {s.At("SL203", main, 3), s.At("SL203", other, 1), s.At("SL201", main, 4), s.At("SL201", main, 3)});
  EXPECT_EQ(Lines({
                "etc/nginx/conf.d/a.conf:1:1: warning: finding [SL203]",
                "etc/nginx/nginx.conf:3:1: warning: finding [SL201]",
                "etc/nginx/nginx.conf:4:55: info: unused suppression for 'SL204'; nothing here reports it "
                "[SL003] fix: remove 'SL204' from the suppression",
            }),
            Dump(r.findings));
  EXPECT_EQ(2u, r.suppressed.size());
  EXPECT_EQ(
      "# synlint: disable-file=SL203 reason=\"vendor file\"\n"
      "http {\n"
      "  server { listen 80; listen 80; }\n"
      "  listen 81 backlog=100000;  # synlint: disable=SL201\n"
      "}\n",
      s.Fixed(main, r.findings));
}

TEST(Suppress, UnusedFileDirectiveAndTrailingRemoval) {
  const std::string main = "etc/nginx/nginx.conf";
  Sources s;
  s.Add(main, "# synlint: disable-file=SL203\nlisten 81;  # synlint: disable=SL201\n", ConfigFormat::kNginx);
  const SuppressionResult r = s.Apply({});
  EXPECT_EQ(Lines({
                "etc/nginx/nginx.conf:1:25: info: unused suppression for 'SL203'; nothing in this file "
                "reports it [SL003] fix: remove the unused suppression",
                "etc/nginx/nginx.conf:2:32: info: unused suppression for 'SL201'; nothing here reports it "
                "[SL003] fix: remove the unused suppression",
            }),
            Dump(r.findings));
  EXPECT_EQ("listen 81;\n", s.Fixed(main, r.findings));
}

TEST(Suppress, CrossFileFindingsUseTheirPrimaryLocationOnly) {
  Sources s;
  s.Add("etc/nginx/nginx.conf", "http {\n  listen 80 backlog=8192;\n}\n", ConfigFormat::kNginx);
  s.Add("etc/sysctl.conf", "# synlint: disable=SL201\nnet.core.somaxconn = 4096\n", ConfigFormat::kSysctl);
  Finding f = s.At("SL201", "etc/nginx/nginx.conf", 2);
  f.related.push_back(s.At("SL201", "etc/sysctl.conf", 2).location);
  const SuppressionResult r = s.Apply({f});
  EXPECT_EQ(Lines({
                "etc/nginx/nginx.conf:2:1: warning: finding [SL201]",
                "etc/sysctl.conf:1:20: info: unused suppression for 'SL201'; nothing here reports it [SL003] "
                "fix: remove the unused suppression",
            }),
            Dump(r.findings));
}

TEST(Suppress, PerFileIgnores) {
  Sources s;
  s.Add("etc/sysctl.conf", "a = 1\nb = 2\n# synlint: disable\n", ConfigFormat::kSysctl);
  s.Add("etc/sysctl.d/10-a.conf", "a = 1\n", ConfigFormat::kSysctl);
  SuppressOptions opts;
  opts.per_file_ignores = {{"hosts/legacy/**", {"SL108", "SL003"}}, {"*.conf", {"SL2"}}};
  opts.repo_path = [](const std::string& p) {
    return p == "etc/sysctl.conf" ? "hosts/legacy/" + p : "hosts/web/" + p;
  };
  const SuppressionResult r =
      s.Apply({s.At("SL108", "etc/sysctl.conf", 1), s.At("SL104", "etc/sysctl.conf", 2),
               s.At("SL201", "etc/sysctl.conf", 2), s.At("SL108", "etc/sysctl.d/10-a.conf", 1),
               s.At("SL204", "etc/sysctl.d/10-a.conf", 1)},
              opts);
  EXPECT_EQ(Lines({"etc/sysctl.conf:2:1: warning: finding [SL104]",
                   "etc/sysctl.d/10-a.conf:1:1: warning: finding [SL108]"}),
            Dump(r.findings));
  EXPECT_EQ(3u, r.suppressed.size());
}

TEST(Suppress, MalformedAndUnknownIds) {
  Sources s;
  s.Add(kSysctl,
        "# synlint: disable\n"
        "# synlint: disable=SL999,SL104\n"
        "net.ipv4.tcp_syn_retries = 3\n",
        ConfigFormat::kSysctl);
  SuppressOptions opts;
  opts.known_rules = {"SL003", "SL104", "SL105"};
  const SuppressionResult r = s.Apply({s.At("SL104", kSysctl, 3)}, opts);
  EXPECT_EQ(Lines({
                "etc/sysctl.d/10-a.conf:1:1: warning: malformed suppression: expected 'disable=' or "
                "'disable-file=' after 'synlint:'; write '# synlint: disable=SL104 reason=\"why\"' [SL003]",
                "etc/sysctl.d/10-a.conf:2:20: warning: unknown rule 'SL999' in suppression [SL003]",
            }),
            Dump(r.findings));
  EXPECT_EQ(1u, r.suppressed.size());
}

TEST(Suppress, RequireReason) {
  Sources s;
  s.Add(kSysctl,
        "# synlint: disable=SL104\n"
        "net.ipv4.tcp_syn_retries = 3\n"
        "# synlint: disable=SL105 reason=\"\"\n"
        "net.ipv4.tcp_synack_retries = 5\n",
        ConfigFormat::kSysctl);
  SuppressionResult r = s.Apply({s.At("SL104", kSysctl, 2), s.At("SL105", kSysctl, 4)});
  EXPECT_EQ(Lines{}, Dump(r.findings));  // honoured without a reason
  SuppressOptions opts;
  opts.require_reason = true;
  r = s.Apply({s.At("SL104", kSysctl, 2), s.At("SL105", kSysctl, 4)}, opts);
  EXPECT_EQ(
      Lines({
          "etc/sysctl.d/10-a.conf:1:1: warning: suppression has no reason; add reason=\"why\" after the "
          "rule IDs [SL003]",
          "etc/sysctl.d/10-a.conf:3:1: warning: suppression has no reason; add reason=\"why\" after the "
          "rule IDs [SL003]",
      }),
      Dump(r.findings));
  EXPECT_EQ(2u, r.suppressed.size());
}

TEST(Suppress, RuleListMatches) {
  EXPECT_TRUE(RuleListMatches({"SL1"}, "SL104"));
  EXPECT_TRUE(RuleListMatches({"SL2", "SL104"}, "SL104"));
  EXPECT_FALSE(RuleListMatches({"SL2", ""}, "SL104"));
}

}  // namespace
}  // namespace synlint
