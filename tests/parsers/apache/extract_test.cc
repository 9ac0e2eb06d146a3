// SPDX-License-Identifier: MIT
#include "parsers/apache/extract.h"

#include <gtest/gtest.h>

#include "core/file_system.h"

namespace synlint::apache {
namespace {

std::string Where(const Location& l) {
  return l.file + ":" + std::to_string(l.start.line) + ":" + std::to_string(l.start.column);
}

std::string Findings(const ServiceFacts& f) {
  std::string out;
  for (const Finding& x : f.findings) {
    out += x.rule + " " + Where(x.location) + ": " + x.message + "\n";
  }
  return out;
}

// "host port address_text (protocol) backlog=N @file:line:col" per listener.
std::string Listeners(const ServiceFacts& f) {
  std::string out;
  for (const Listener& l : f.listeners) {
    out += l.host + " " + std::to_string(l.port) + " " + l.address_text;
    if (auto it = l.extra.find("protocol"); it != l.extra.end()) {
      out += " (" + it->second + ")";
    }
    if (l.backlog) out += " backlog=" + l.backlog->text;
    out += " @" + Where(l.declared_at) + "\n";
  }
  return out;
}

ServiceFacts Debian(MemoryFileSystem& fs) {
  SourceSet sources(fs);
  std::optional<ServiceFacts> facts = LoadApacheService(sources);
  EXPECT_TRUE(facts.has_value());
  return facts.value_or(ServiceFacts());
}

void DebianBase(MemoryFileSystem& fs, const std::string& extra = "") {
  fs.AddFile("etc/apache2/envvars", "export APACHE_LOG_DIR=/var/log/apache2$SUFFIX\n");
  fs.AddFile("etc/apache2/apache2.conf",
             "ErrorLog ${APACHE_LOG_DIR}/error.log\n"
             "IncludeOptional mods-enabled/*.load\n"
             "IncludeOptional mods-enabled/*.conf\n"
             "Include ports.conf\n" + extra +
             "IncludeOptional sites-enabled/*.conf\n");
  fs.AddFile("etc/apache2/ports.conf",
             "Listen 80\n\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n"
             "<IfModule mod_gnutls.c>\n\tListen 443\n</IfModule>\n");
  fs.AddFile("etc/apache2/mods-available/mpm_event.load",
             "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n");
  fs.AddFile("etc/apache2/mods-available/mpm_event.conf",
             "<IfModule mpm_event_module>\n\tStartServers 2\n\tServerLimit 16\n"
             "\tThreadsPerChild 25\n\tMaxRequestWorkers 150\n</IfModule>\n");
  fs.AddSymlink("etc/apache2/mods-enabled/mpm_event.load",
                "../mods-available/mpm_event.load");
  fs.AddSymlink("etc/apache2/mods-enabled/mpm_event.conf",
                "../mods-available/mpm_event.conf");
  fs.AddDir("etc/apache2/sites-enabled");
}

TEST(ApacheExtract, DebianLayout) {
  MemoryFileSystem fs;
  DebianBase(fs);
  const ServiceFacts f = Debian(fs);
  EXPECT_EQ("apache2", f.service);
  EXPECT_EQ(ConfigFormat::kApache, f.kind);
  EXPECT_EQ("etc/apache2/apache2.conf", f.main_file);
  EXPECT_EQ("", Findings(f));
  EXPECT_EQ("* 80 80 (http) @etc/apache2/ports.conf:1:1\n", Listeners(f));
  const Listener& l = f.listeners[0];
  EXPECT_EQ("apache2", l.service);
  EXPECT_EQ("Listen", l.context);
  EXPECT_FALSE(l.is_unix);
  EXPECT_FALSE(l.backlog.has_value());
  ASSERT_TRUE(l.insert_at.has_value());
  EXPECT_EQ((Span{10, 10}), l.insert_at->span);
  EXPECT_EQ(2u, l.insert_at->start.line);
  EXPECT_EQ("", l.extra.at("indent"));
  EXPECT_EQ(0u, l.extra.count("insert_prefix"));
  EXPECT_EQ("event", f.limits.at("mpm").text);
  EXPECT_EQ("etc/apache2/mods-available/mpm_event.load:1:12",
            Where(f.limits.at("mpm").location));
  EXPECT_EQ(150, f.limits.at("MaxRequestWorkers").value);
  EXPECT_EQ("etc/apache2/mods-available/mpm_event.conf:5:20",
            Where(f.limits.at("MaxRequestWorkers").location));
  EXPECT_EQ(16, f.limits.at("ServerLimit").value);
  EXPECT_EQ(25, f.limits.at("ThreadsPerChild").value);
  EXPECT_EQ(2, f.limits.at("StartServers").value);
  EXPECT_EQ((std::vector<std::pair<std::string, ConfigFormat>>{
                {"etc/apache2/envvars", ConfigFormat::kApacheEnvvars},
                {"etc/apache2/apache2.conf", ConfigFormat::kApache},
                {"etc/apache2/mods-available/mpm_event.load", ConfigFormat::kApache},
                {"etc/apache2/mods-available/mpm_event.conf", ConfigFormat::kApache},
                {"etc/apache2/ports.conf", ConfigFormat::kApache}}),
            f.files);
}

TEST(ApacheExtract, SslModuleEnablesThe443Listener) {
  MemoryFileSystem fs;
  DebianBase(fs, "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n");
  // ssl_module is loaded after ports.conf is read: httpd evaluates <IfModule>
  // in file order, so 443 stays off.
  EXPECT_EQ("* 80 80 (http) @etc/apache2/ports.conf:1:1\n", Listeners(Debian(fs)));
  MemoryFileSystem fs2;
  DebianBase(fs2);
  fs2.AddFile("etc/apache2/mods-enabled/ssl.load",
              "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n");
  EXPECT_EQ(
      "* 80 80 (http) @etc/apache2/ports.conf:1:1\n"
      "* 443 443 (https) @etc/apache2/ports.conf:4:2\n",
      Listeners(Debian(fs2)));
  EXPECT_EQ("\t", Debian(fs2).listeners[1].extra.at("indent"));
}

TEST(ApacheExtract, ListenBacklogAppliesToEveryListener) {
  MemoryFileSystem fs;
  fs.AddFile("etc/httpd/conf/httpd.conf",
             "ServerRoot \"/etc/httpd\"\nListen 80\nlistenbacklog 1024\n"
             "Listen [::]:8443 https\nListen 127.0.0.1:8080 HTTP\n"
             "Listen \"192.0.2.1:443\"\n");
  SourceSet sources(fs);
  const std::optional<ServiceFacts> f = LoadApacheService(sources);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ("httpd", f->service);
  EXPECT_EQ("", Findings(*f));
  EXPECT_EQ(
      "* 80 80 (http) backlog=1024 @etc/httpd/conf/httpd.conf:2:1\n"
      ":: 8443 [::]:8443 (https) backlog=1024 @etc/httpd/conf/httpd.conf:4:1\n"
      "127.0.0.1 8080 127.0.0.1:8080 (http) backlog=1024 @etc/httpd/conf/httpd.conf:5:1\n"
      "192.0.2.1 443 \"192.0.2.1:443\" (https) backlog=1024 "
      "@etc/httpd/conf/httpd.conf:6:1\n",
      Listeners(*f));
  EXPECT_EQ("1024", f->limits.at("ListenBacklog").text);
  const Setting& b = *f->listeners[0].backlog;
  EXPECT_EQ(1024, b.value);
  EXPECT_EQ("etc/httpd/conf/httpd.conf:3:15", Where(b.location));
  EXPECT_EQ((Span{48, 52}), b.location.span);
}

TEST(ApacheExtract, ListenBacklogFollowsAtoi) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Listen 80\nListenBacklog 511abc\n");
  const ServiceFacts f = Debian(fs);
  EXPECT_EQ(511, f.listeners[0].backlog->value);
  EXPECT_EQ("511abc", f.listeners[0].backlog->text);
}

TEST(ApacheExtract, BadListenBacklog) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "Listen 80\nListenBacklog 0\nListenBacklog abc\nListenBacklog\n"
             "<VirtualHost *:80>\nListenBacklog 10\n</VirtualHost>\n"
             "ListenBacklog ${NOPE}\n");
  const ServiceFacts f = Debian(fs);
  EXPECT_EQ(
      "SL001 etc/apache2/apache2.conf:2:15: 'ListenBacklog' must be greater than 0\n"
      "SL001 etc/apache2/apache2.conf:3:15: 'ListenBacklog' must be greater than 0\n"
      "SL001 etc/apache2/apache2.conf:4:1: 'ListenBacklog' takes one argument\n"
      "SL001 etc/apache2/apache2.conf:6:1: 'ListenBacklog' cannot occur within "
      "'<VirtualHost>' section\n",
      Findings(f));
  // An unknown ${VAR} is never an error: the setting is kept, value unknown.
  ASSERT_TRUE(f.listeners[0].backlog.has_value());
  EXPECT_EQ("${NOPE}", f.listeners[0].backlog->text);
  EXPECT_FALSE(f.listeners[0].backlog->value.has_value());
}

TEST(ApacheExtract, BadListen) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "Listen\nListen 1 2 3\nListen 0\nListen [fe80::1%eth0]:80\n"
             "Listen localhost\n<VirtualHost *:80>\n  Listen 81\n</VirtualHost>\n"
             "Listen 80\nListen *:80\nListen 0.0.0.0:80\n");
  const ServiceFacts f = Debian(fs);
  EXPECT_EQ(
      "SL001 etc/apache2/apache2.conf:1:1: 'Listen' requires 1 or 2 arguments\n"
      "SL001 etc/apache2/apache2.conf:2:1: 'Listen' requires 1 or 2 arguments\n"
      "SL001 etc/apache2/apache2.conf:3:8: invalid address or port in 'Listen 0'\n"
      "SL001 etc/apache2/apache2.conf:4:8: scope id is not supported in 'Listen "
      "[fe80::1%eth0]:80'\n"
      "SL001 etc/apache2/apache2.conf:5:8: port must be specified in 'Listen "
      "localhost'\n"
      "SL001 etc/apache2/apache2.conf:7:3: 'Listen' cannot occur within "
      "'<VirtualHost>' section\n"
      "SL001 etc/apache2/apache2.conf:10:1: multiple listeners on the same address "
      "and port '*:80'\n",
      Findings(f));
  EXPECT_EQ(
      "* 80 80 (http) @etc/apache2/apache2.conf:9:1\n"
      "0.0.0.0 80 0.0.0.0:80 (http) @etc/apache2/apache2.conf:11:1\n",
      Listeners(f));
  const Finding& dup = f.findings.back();
  ASSERT_EQ(1u, dup.related.size());
  EXPECT_EQ("etc/apache2/apache2.conf:9:1", Where(dup.related[0]));
  EXPECT_EQ("first defined here", dup.related[0].note);
}

TEST(ApacheExtract, InsertAtWithoutFinalNewline) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "  Listen \\\n 80");
  const ServiceFacts f = Debian(fs);
  ASSERT_EQ(1u, f.listeners.size());
  EXPECT_EQ((Span{14, 14}), f.listeners[0].insert_at->span);
  EXPECT_EQ("\n", f.listeners[0].extra.at("insert_prefix"));
  EXPECT_EQ("  ", f.listeners[0].extra.at("indent"));
  EXPECT_EQ("etc/apache2/apache2.conf:1:3", Where(f.listeners[0].declared_at));
  EXPECT_EQ((Span{2, 14}), f.listeners[0].declared_at.span);
}

TEST(ApacheExtract, UnresolvedListen) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Listen ${PORT}\n");
  const ServiceFacts f = Debian(fs);
  EXPECT_EQ("", Findings(f));
  ASSERT_EQ(1u, f.listeners.size());
  EXPECT_EQ("${PORT}", f.listeners[0].address_text);
  EXPECT_EQ(0u, f.listeners[0].port);
  EXPECT_EQ("1", f.listeners[0].extra.at("unresolved"));
}

TEST(ApacheExtract, Limits) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
             "MaxClients 256\nServerLimit ${N}\n"
             "<VirtualHost *:80>\nThreadsPerChild 5\n</VirtualHost>\n");
  const ServiceFacts f = Debian(fs);
  EXPECT_EQ("prefork", f.limits.at("mpm").text);
  EXPECT_EQ(256, f.limits.at("MaxRequestWorkers").value);
  EXPECT_EQ("etc/apache2/apache2.conf:2:12",
            Where(f.limits.at("MaxRequestWorkers").location));
  EXPECT_EQ("${N}", f.limits.at("ServerLimit").text);
  EXPECT_FALSE(f.limits.at("ServerLimit").value.has_value());
  EXPECT_EQ(0u, f.limits.count("ThreadsPerChild"));
}

TEST(ApacheExtract, OutboundConnects) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "ProxyPass /a http://10.0.0.1:8080/\n"
             "ProxyPass /b !\n"
             "ProxyPass /c unix:/run/app.sock|http://localhost/\n"
             "ProxyPassMatch ^/d(.*)$ fcgi://127.0.0.1:9000/var/www/$1\n"
             "ProxyPass /e balancer://cluster/\n"
             "<Proxy balancer://cluster>\n"
             "  BalancerMember ajp://10.0.0.2:8009 loadfactor=1\n"
             "</Proxy>\n"
             "BalancerMember balancer://other https://10.0.0.3/\n"
             "<Location /f>\n  ProxyPass \"wss://10.0.0.4/\"\n</Location>\n"
             "RewriteRule ^/g(.*) http://10.0.0.5/$1 [P,L]\n"
             "RewriteRule ^/h(.*) http://10.0.0.6/$1 [R=301,L]\n"
             "RewriteRule ^/i(.*) http://10.0.0.7/$1 [NC,proxy]\n"
             "ProxyRemote * http://proxy.example:3128\n"
             "ProxyPassReverse /a http://10.0.0.1:8080/\n");
  const ServiceFacts f = Debian(fs);
  std::string where;
  for (const Location& l : f.outbound_connects) where += Where(l) + "\n";
  EXPECT_EQ(
      "etc/apache2/apache2.conf:1:14\n"
      "etc/apache2/apache2.conf:4:25\n"
      "etc/apache2/apache2.conf:7:18\n"
      "etc/apache2/apache2.conf:9:33\n"
      "etc/apache2/apache2.conf:11:13\n"
      "etc/apache2/apache2.conf:13:21\n"
      "etc/apache2/apache2.conf:15:21\n"
      "etc/apache2/apache2.conf:16:15\n",
      where);
}

TEST(ApacheExtract, Layouts) {
  MemoryFileSystem none;
  SourceSet s0(none);
  EXPECT_FALSE(LoadApacheService(s0).has_value());

  MemoryFileSystem both;
  both.AddFile("etc/apache2/apache2.conf", "Listen 80\n");
  both.AddFile("etc/httpd/conf/httpd.conf", "Listen 81\n");
  SourceSet s1(both);
  EXPECT_EQ("apache2", LoadApacheService(s1)->service);

  MemoryFileSystem rh;
  rh.AddFile("etc/httpd/conf/httpd.conf",
             "ServerRoot \"/etc/httpd\"\nInclude conf.modules.d/*.conf\n"
             "IncludeOptional conf.d/*.conf\n");
  rh.AddFile("etc/httpd/conf.modules.d/00-mpm.conf",
             "LoadModule mpm_event_module modules/mod_mpm_event.so\n");
  rh.AddFile("etc/httpd/conf.d/ssl.conf", "Listen 443 https\n");
  SourceSet s2(rh);
  const std::optional<ServiceFacts> f = LoadApacheService(s2);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ("httpd", f->service);
  EXPECT_EQ("etc/httpd/conf/httpd.conf", f->main_file);
  EXPECT_EQ("event", f->limits.at("mpm").text);
  EXPECT_EQ("* 443 443 (https) @etc/httpd/conf.d/ssl.conf:1:1\n", Listeners(*f));
  EXPECT_EQ("httpd", f->listeners[0].service);
}

TEST(ApacheExtract, UnreadableMainFile) {
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Listen 80\n");
  fs.SetUnreadable("etc/apache2/apache2.conf");
  SourceSet sources(fs);
  const std::optional<ServiceFacts> f = LoadApacheService(sources);
  ASSERT_TRUE(f.has_value());
  ASSERT_EQ(1u, f->findings.size());
  EXPECT_EQ("SL002", f->findings[0].rule);
}

}  // namespace
}  // namespace synlint::apache
