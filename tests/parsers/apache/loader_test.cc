// SPDX-License-Identifier: MIT
#include "parsers/apache/loader.h"

#include <gtest/gtest.h>

#include "core/file_system.h"

namespace synlint::apache {
namespace {

// Records "file:line Name args (section)" for every directive executed.
class Recorder : public DirectiveVisitor {
 public:
  void OnDirective(const ActiveDirective& d) override {
    std::string s = d.file->path + ":" +
                    std::to_string(d.file->lines().At(d.directive->span.begin).line) +
                    " " + std::string(d.Name());
    for (size_t i = 0; i < d.args.size(); ++i) {
      s += " " + d.args[i] + (d.opaque[i] ? "(?)" : "");
    }
    if (!d.section.empty()) s += " (" + d.section + ")";
    log += s + "\n";
  }
  std::string log;
};

struct Loaded {
  std::string log;
  std::string findings;
  LoadResult result;
};

Loaded Load(MemoryFileSystem& fs, const std::string& main = "etc/apache2/apache2.conf",
            const std::string& envvars = "") {
  SourceSet sources(fs);
  Recorder rec;
  LoadOptions options;
  options.main_file = main;
  options.server_root = "etc/apache2";
  options.envvars_file = envvars;
  Loaded out;
  out.result = LoadConfig(sources, options, &rec);
  out.log = rec.log;
  for (const Finding& f : out.result.findings) {
    out.findings += f.rule + " " + f.location.file + ":" +
                    std::to_string(f.location.start.line) + ":" +
                    std::to_string(f.location.start.column) + ": " + f.message + "\n";
  }
  return out;
}

TEST(ApacheLoader, GlobIncludeInSortedOrder) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "A 1\nInclude conf.d/*.conf\nB 2\n");
  fs.AddFile("etc/apache2/conf.d/b.conf", "InB\n");
  fs.AddFile("etc/apache2/conf.d/a.conf", "InA\n");
  fs.AddFile("etc/apache2/conf.d/c.txt", "NotMe\n");
  fs.AddFile("etc/apache2/conf.d/.hidden.conf", "NotMeEither\n");
  const Loaded l = Load(fs);
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 A 1\n"
      "etc/apache2/apache2.conf:2 Include conf.d/*.conf\n"
      "etc/apache2/conf.d/a.conf:1 InA\n"
      "etc/apache2/conf.d/b.conf:1 InB\n"
      "etc/apache2/apache2.conf:3 B 2\n",
      l.log);
  EXPECT_EQ("", l.findings);
  EXPECT_EQ((std::vector<std::pair<std::string, ConfigFormat>>{
                {"etc/apache2/apache2.conf", ConfigFormat::kApache},
                {"etc/apache2/conf.d/a.conf", ConfigFormat::kApache},
                {"etc/apache2/conf.d/b.conf", ConfigFormat::kApache}}),
            l.result.files);
}

TEST(ApacheLoader, IncludeOptionalWithNoMatchIsEmpty) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "IncludeOptional conf.d/*.conf\nIncludeOptional nodir/*.conf\n"
             "IncludeOptional missing.conf\n");
  fs.AddDir("etc/apache2/conf.d");
  EXPECT_EQ("", Load(fs).findings);
}

TEST(ApacheLoader, IncludeWithNoMatchIsAnError) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "\n  Include conf.d/*.conf\n");
  fs.AddDir("etc/apache2/conf.d");
  EXPECT_EQ(
      "SL002 etc/apache2/apache2.conf:2:3: 'etc/apache2/conf.d/*.conf': no files "
      "match the wildcard (use 'IncludeOptional' to allow that)\n",
      Load(fs).findings);
}

TEST(ApacheLoader, MissingIncludeIsAnError) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include ports.conf\nListen 80\n");
  const Loaded l = Load(fs);
  EXPECT_EQ(
      "SL002 etc/apache2/apache2.conf:1:1: 'etc/apache2/ports.conf': no such file "
      "or directory\n",
      l.findings);
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 Include ports.conf\n"
      "etc/apache2/apache2.conf:2 Listen 80\n",
      l.log);
}

TEST(ApacheLoader, MissingMainFile) {
  MemoryFileSystem fs;
  EXPECT_EQ("SL002 etc/apache2/apache2.conf:1:1: no such file or directory\n",
            Load(fs).findings);
}

TEST(ApacheLoader, IncludeCycle) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include a.conf\n");
  fs.AddFile("etc/apache2/a.conf", "A\nInclude b.conf\n");
  fs.AddFile("etc/apache2/b.conf", "Include /etc/apache2/a.conf\nB\n");
  const Loaded l = Load(fs);
  EXPECT_EQ(
      "SL002 etc/apache2/b.conf:1:1: 'etc/apache2/a.conf': include cycle "
      "(etc/apache2/a.conf -> etc/apache2/b.conf -> etc/apache2/a.conf)\n",
      l.findings);
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 Include a.conf\n"
      "etc/apache2/a.conf:1 A\n"
      "etc/apache2/a.conf:2 Include b.conf\n"
      "etc/apache2/b.conf:1 Include /etc/apache2/a.conf\n"
      "etc/apache2/b.conf:2 B\n",
      l.log);
}

TEST(ApacheLoader, SelfIncludeThroughDirectory) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include conf.d\n");
  fs.AddFile("etc/apache2/conf.d/x.conf", "X\n");
  fs.AddSymlink("etc/apache2/conf.d/loop", "..");
  const Loaded l = Load(fs);
  EXPECT_NE(std::string::npos, l.findings.find("include cycle"));
}

TEST(ApacheLoader, ServerRootRelativeAndAbsoluteReRooted) {
  MemoryFileSystem fs;
  fs.AddFile("etc/httpd/conf/httpd.conf",
             "ServerRoot \"/etc/httpd\"\nInclude conf.modules.d/*.conf\n"
             "Include /opt/extra.conf\n");
  fs.AddFile("etc/httpd/conf.modules.d/00-base.conf", "Base\n");
  fs.AddFile("opt/extra.conf", "Extra\n");
  const Loaded l = Load(fs, "etc/httpd/conf/httpd.conf");
  EXPECT_EQ("", l.findings);
  EXPECT_EQ(
      "etc/httpd/conf/httpd.conf:1 ServerRoot /etc/httpd\n"
      "etc/httpd/conf/httpd.conf:2 Include conf.modules.d/*.conf\n"
      "etc/httpd/conf.modules.d/00-base.conf:1 Base\n"
      "etc/httpd/conf/httpd.conf:3 Include /opt/extra.conf\n"
      "opt/extra.conf:1 Extra\n",
      l.log);
  EXPECT_EQ("etc/httpd", l.result.server_root);
}

TEST(ApacheLoader, BadServerRoot) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "ServerRoot /nowhere\nServerRoot ../../..\n");
  EXPECT_EQ(
      "SL002 etc/apache2/apache2.conf:1:1: 'nowhere': 'ServerRoot' must be a valid "
      "directory\n"
      "SL002 etc/apache2/apache2.conf:2:1: '../../..': path leads outside the root\n",
      Load(fs).findings);
}

TEST(ApacheLoader, DirectoryIncludeReadsEverythingSortedAndRecursively) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include sites\n");
  fs.AddFile("etc/apache2/sites/b", "B\n");
  fs.AddFile("etc/apache2/sites/.a", "DotA\n");
  fs.AddFile("etc/apache2/sites/a/z.conf", "AZ\n");
  const Loaded l = Load(fs);
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 Include sites\n"
      "etc/apache2/sites/.a:1 DotA\n"
      "etc/apache2/sites/a/z.conf:1 AZ\n"
      "etc/apache2/sites/b:1 B\n",
      l.log);
}

TEST(ApacheLoader, IncludedTwiceIsReadOnceAndRunTwice) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include x.conf\nInclude x.conf\n");
  fs.AddFile("etc/apache2/x.conf", "X\n<Bad\n");
  const Loaded l = Load(fs);
  EXPECT_EQ(2u, l.result.files.size());
  EXPECT_EQ(
      "SL001 etc/apache2/x.conf:2:1: '<Bad>' directive missing closing '>'\n"
      "SL001 etc/apache2/x.conf:2:1: '<Bad>' was not closed\n",
      l.findings);
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 Include x.conf\n"
      "etc/apache2/x.conf:1 X\n"
      "etc/apache2/x.conf:2 Bad\n"
      "etc/apache2/apache2.conf:2 Include x.conf\n"
      "etc/apache2/x.conf:1 X\n"
      "etc/apache2/x.conf:2 Bad\n",
      l.log);
}

TEST(ApacheLoader, MaskedIncludeIsEmpty) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include x.conf\n");
  fs.AddSymlink("etc/apache2/x.conf", "/dev/null");
  EXPECT_EQ("", Load(fs).findings);
}

TEST(ApacheLoader, UnreadableAndBinaryIncludes) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include a.conf\nInclude b.conf\n");
  fs.AddFile("etc/apache2/a.conf", "X\n");
  fs.SetUnreadable("etc/apache2/a.conf");
  fs.AddFile("etc/apache2/b.conf", std::string("X\0Y", 3));
  const Loaded l = Load(fs);
  EXPECT_NE(std::string::npos,
            l.findings.find("SL002 etc/apache2/apache2.conf:1:1: 'etc/apache2/a.conf': "
                            "cannot read"));
  EXPECT_NE(std::string::npos,
            l.findings.find("SL002 etc/apache2/apache2.conf:2:1: 'etc/apache2/b.conf': "
                            "not a text file (NUL byte at offset 1)"));
}

TEST(ApacheLoader, IncludeOutsideTheRoot) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include ../../../x.conf\n");
  EXPECT_EQ(
      "SL002 etc/apache2/apache2.conf:1:1: '../../../x.conf': path leads outside "
      "the root\n",
      Load(fs).findings);
}

TEST(ApacheLoader, DefineAndVariables) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/envvars", "export APACHE_LOG_DIR=/var/log/apache2\n");
  fs.AddFile("etc/apache2/apache2.conf",
             "Define PORT 8080\nDefine FLAG\nListen ${PORT}\nErrorLog "
             "${APACHE_LOG_DIR}/e.log\nX ${FLAG} ${NOPE}x \"${PORT}\"\n"
             "UnDefine PORT\nListen ${PORT}\n");
  const Loaded l = Load(fs, "etc/apache2/apache2.conf", "etc/apache2/envvars");
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 Define PORT 8080\n"
      "etc/apache2/apache2.conf:2 Define FLAG\n"
      "etc/apache2/apache2.conf:3 Listen 8080\n"
      "etc/apache2/apache2.conf:4 ErrorLog /var/log/apache2/e.log\n"
      "etc/apache2/apache2.conf:5 X ${FLAG}(?) ${NOPE}x(?) 8080\n"
      "etc/apache2/apache2.conf:6 UnDefine PORT\n"
      "etc/apache2/apache2.conf:7 Listen ${PORT}(?)\n",
      l.log);
  EXPECT_EQ("", l.findings);
  EXPECT_EQ((std::vector<std::pair<std::string, ConfigFormat>>{
                {"etc/apache2/envvars", ConfigFormat::kApacheEnvvars},
                {"etc/apache2/apache2.conf", ConfigFormat::kApache}}),
            l.result.files);
}

TEST(ApacheLoader, UnknownIncludePathIsSkippedSilently) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include ${NOPE}/x.conf\n");
  EXPECT_EQ("", Load(fs).findings);
}

TEST(ApacheLoader, IfModule) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n"
             "<IfModule ssl_module>\nA\n</IfModule>\n"
             "<IfModule mod_ssl.c>\nB\n</IfModule>\n"
             "<IfModule !ssl_module>\nC\n</IfModule>\n"
             "<IfModule mod_gnutls.c>\nD\n</IfModule>\n"
             "<IfModule !mod_gnutls.c>\nE\n</IfModule>\n"
             "<IfModule mod_version.c>\nF\n</IfModule>\n"
             "<IfModule ${M}>\nG\n</IfModule>\n");
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 LoadModule ssl_module "
      "/usr/lib/apache2/modules/mod_ssl.so\n"
      "etc/apache2/apache2.conf:3 A\n"
      "etc/apache2/apache2.conf:6 B\n"
      "etc/apache2/apache2.conf:15 E\n"
      "etc/apache2/apache2.conf:18 F\n"
      "etc/apache2/apache2.conf:21 G\n",
      Load(fs).log);
}

TEST(ApacheLoader, IfModuleIsUnknownAfterAFailedInclude) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "Include mods.conf\n<IfModule ssl_module>\nA\n</IfModule>\n");
  const Loaded l = Load(fs);
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 Include mods.conf\n"
      "etc/apache2/apache2.conf:3 A\n",
      l.log);
}

TEST(ApacheLoader, IfDefineAndIfFile) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/envvars", "export APACHE_ARGUMENTS='-DFROMENV'\n");
  fs.AddFile("etc/apache2/apache2.conf",
             "Define ON\n<IfDefine ON>\nA\n</IfDefine>\n<IfDefine !ON>\nB\n</IfDefine>\n"
             "<IfDefine OFF>\nC\n</IfDefine>\n<IfDefine FROMENV>\nD\n</IfDefine>\n"
             "<IfFile ports.conf>\nE\n</IfFile>\n<IfFile !/etc/nope>\nF\n</IfFile>\n"
             "<IfVersion >= 2.4>\nG\n</IfVersion>\n");
  fs.AddFile("etc/apache2/ports.conf", "");
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 Define ON\n"
      "etc/apache2/apache2.conf:3 A\n"
      "etc/apache2/apache2.conf:12 D\n"
      "etc/apache2/apache2.conf:15 E\n"
      "etc/apache2/apache2.conf:18 F\n"
      "etc/apache2/apache2.conf:21 G\n",
      Load(fs, "etc/apache2/apache2.conf", "etc/apache2/envvars").log);
}

TEST(ApacheLoader, SectionsAreContextsAndIncludesInheritThem) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "<VirtualHost *:80>\n<IfModule mod_version.c>\nInclude v.conf\n"
             "</IfModule>\n</VirtualHost>\n<Macro M $x>\nListen $x\n</Macro>\n");
  fs.AddFile("etc/apache2/v.conf", "Listen 81\n");
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1 VirtualHost *:80\n"
      "etc/apache2/apache2.conf:3 Include v.conf (VirtualHost)\n"
      "etc/apache2/v.conf:1 Listen 81 (VirtualHost)\n",
      Load(fs).log);
}

TEST(ApacheLoader, FilesIncludingEachOtherAreWalkedOnceWithOneFindingPerInclude) {
  // Each of N files includes all N: walked along every chain this cost N!
  // walks (N = 9 did not finish). httpd stops at the first cycle, so each
  // file of a cycle is walked once and each Include that closes one is
  // reported once.
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "IncludeOptional conf.d/*\n");
  const int n = 12;
  for (int i = 0; i < n; ++i) {
    fs.AddFile("etc/apache2/conf.d/" + std::string(1, static_cast<char>('a' + i)) + ".conf",
               "Listen " + std::to_string(8000 + i) + "\nIncludeOptional conf.d/*\n");
  }
  const Loaded l = Load(fs);
  size_t cycles = 0;
  for (size_t at = l.findings.find("include cycle"); at != std::string::npos;
       at = l.findings.find("include cycle", at + 1))
    ++cycles;
  EXPECT_EQ(cycles, static_cast<size_t>(n)) << l.findings;
  // Each names its shortest cycle: the file including itself.
  for (int i = 0; i < n; ++i) {
    const std::string file = "etc/apache2/conf.d/" + std::string(1, static_cast<char>('a' + i)) + ".conf";
    EXPECT_NE(l.findings.find("SL002 " + file + ":2:1: '" + file + "': include cycle (" + file + " -> " +
                              file + ")"),
              std::string::npos)
        << l.findings;
  }
  // Every file's directives are seen, each once.
  for (int i = 0; i < n; ++i) {
    const std::string listen = "Listen " + std::to_string(8000 + i) + "\n";
    const size_t first = l.log.find(listen);
    EXPECT_NE(first, std::string::npos) << listen;
    EXPECT_EQ(l.log.find(listen, first + 1), std::string::npos) << listen;
  }
}

TEST(ApacheLoader, IncludeDepthIsHttpdsLimit) {
  // A chain of distinct files: no cycle, but httpd stops at 128 levels.
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Include f0.conf\n");
  for (int i = 0; i < 200; ++i) {
    fs.AddFile("etc/apache2/f" + std::to_string(i) + ".conf",
               "Include f" + std::to_string(i + 1) + ".conf\n");
  }
  const Loaded l = Load(fs);
  EXPECT_EQ(l.findings,
            "SL002 etc/apache2/f127.conf:1:1: 'etc/apache2/f128.conf': includes nested too deeply "
            "(more than 128 levels); httpd refuses to start ('Exceeded maximum include depth')\n");
}

TEST(ApacheLoader, SectionDepthCountsAcrossIncludes) {
  // 60 sections in each of two files: fine per file, too deep together.
  std::string sections;
  for (int i = 0; i < 60; ++i) sections += "<Directory /d" + std::to_string(i) + ">\n";
  std::string closes;
  for (int i = 0; i < 60; ++i) closes += "</Directory>\n";
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", sections + "Include inner.conf\n" + closes);
  fs.AddFile("etc/apache2/inner.conf", sections + "Listen 80\n" + closes);
  const Loaded l = Load(fs);
  EXPECT_EQ(l.findings,
            "SL001 etc/apache2/inner.conf:41:1: sections nested too deeply (more than 100 levels, "
            "counting the files that include this one)\n");
  EXPECT_EQ(l.log.find("Listen 80"), std::string::npos);
}

}  // namespace
}  // namespace synlint::apache
