// SPDX-License-Identifier: MIT
// Whole-host cost: LoadHost (discover, read, parse every format, build the
// sysctl state and the services) and RunRules on an in-memory Debian-shaped
// host: ~20 sysctl files across usr/lib, run and etc (with a /dev/null mask
// and the 99-sysctl.conf link), nginx with includes, Apache in the Debian
// layout, and a few socket units with their services. The argument scales
// the host: 1 is a typical server, 10 has ten times the files.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/file_system.h"
#include "model/host.h"
#include "model/key_names.h"
#include "model/knowledge.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace synlint {
// model/knowledge/*.yaml as text (synlint_knowledge_text), and the tables
// knowledge_codegen generated from it (in synlint_model).
extern const EmbeddedFile kKnowledgeFiles[];
extern const size_t kKnowledgeFiles_count;
void AddBuiltinKnowledge(KnowledgeBase* kb);
}  // namespace synlint

namespace {

using synlint::MemoryFileSystem;

const char* const kVendorSysctl[] = {
    "# vendor defaults\nkernel.yama.ptrace_scope = 1\n",
    "# systemd 50-default.conf\nkernel.sysrq = 16\nkernel.core_uses_pid = 1\n"
    "net.ipv4.conf.default.rp_filter = 2\n-net.ipv4.conf.all.rp_filter = 2\n"
    "net.ipv4.conf.default.accept_source_route = 0\nnet.ipv4.ping_group_range = 0 2147483647\n"
    "net.core.default_qdisc = fq_codel\nfs.protected_hardlinks = 1\nfs.protected_symlinks = 1\n",
    "# 50-pid-max.conf\nkernel.pid_max = 4194304\n",
    "kernel.core_pattern=|/usr/lib/systemd/systemd-coredump %P %u %g %s %t %c %h\n",
    "fs.protected_fifos = 1\nfs.protected_regular = 2\n",
};

// The admin's 100-line tuning file, the one a pre-commit hook checks: 80
// distinct keys (the same as benchmarks/corpus/make_corpus.py writes).
constexpr const char* kTuning[] = {
    "net.core.somaxconn = 1024", "net.core.netdev_max_backlog = 16384",
    "net.core.rmem_max = 16777216", "net.core.wmem_max = 16777216",
    "net.core.rmem_default = 262144", "net.core.wmem_default = 262144",
    "net.core.optmem_max = 65536", "net.core.default_qdisc = fq", "net.core.netdev_budget = 600",
    "net.core.netdev_budget_usecs = 8000", "net.ipv4.tcp_max_syn_backlog = 65536",
    "net.ipv4.tcp_syncookies = 1", "net.ipv4.tcp_syn_retries = 3",
    "net.ipv4.tcp_synack_retries = 3", "net.ipv4.tcp_abort_on_overflow = 0",
    "net.ipv4.tcp_tw_reuse = 1", "net.ipv4.tcp_fin_timeout = 15",
    "net.ipv4.tcp_rmem = 4096 131072 16777216", "net.ipv4.tcp_wmem = 4096 16384 16777216",
    "net.ipv4.tcp_mem = 786432 1048576 1572864", "net.ipv4.tcp_max_orphans = 262144",
    "net.ipv4.tcp_max_tw_buckets = 1440000", "net.ipv4.tcp_notsent_lowat = 131072",
    "net.ipv4.tcp_timestamps = 1", "net.ipv4.tcp_window_scaling = 1", "net.ipv4.tcp_sack = 1",
    "net.ipv4.tcp_keepalive_time = 600", "net.ipv4.tcp_keepalive_intvl = 30",
    "net.ipv4.tcp_keepalive_probes = 5", "net.ipv4.tcp_retries2 = 8",
    "net.ipv4.tcp_slow_start_after_idle = 0", "net.ipv4.tcp_mtu_probing = 1",
    "net.ipv4.tcp_congestion_control = bbr", "net.ipv4.tcp_fastopen = 3",
    "net.ipv4.tcp_no_metrics_save = 1", "net.ipv4.tcp_ecn = 2",
    "net.ipv4.tcp_moderate_rcvbuf = 1", "net.ipv4.ip_local_port_range = 10240 65000",
    "net.ipv4.ip_local_reserved_ports = 8080,9000-9010", "net.ipv4.ip_forward = 0",
    "net.ipv4.ip_nonlocal_bind = 1", "net.ipv4.icmp_echo_ignore_broadcasts = 1",
    "net.ipv4.conf.all.rp_filter = 1", "net.ipv4.conf.default.rp_filter = 1",
    "net.ipv4.conf.all.accept_redirects = 0", "net.ipv4.conf.default.accept_redirects = 0",
    "net.ipv4.conf.all.send_redirects = 0", "net.ipv4.conf.default.send_redirects = 0",
    "net.ipv4.conf.all.accept_source_route = 0", "net.ipv4.conf.all.log_martians = 1",
    "net/ipv4/conf/eth0/rp_filter = 2", "net.ipv4.conf.eth1.forwarding = 1",
    "-net.ipv4.conf.*.arp_announce = 2", "-net.ipv4.conf.docker0.arp_announce",
    "net.ipv6.conf.all.disable_ipv6 = 0", "net.ipv6.conf.default.disable_ipv6 = 0",
    "net.netfilter.nf_conntrack_max = 1048576", "fs.file-max = 2097152", "fs.nr_open = 1048576",
    "fs.inotify.max_user_watches = 524288", "fs.inotify.max_user_instances = 1024",
    "vm.swappiness = 10", "vm.overcommit_memory = 1", "vm.max_map_count = 262144",
    "vm.dirty_ratio = 20", "vm.dirty_background_ratio = 5", "vm.min_free_kbytes = 131072",
    "vm.vfs_cache_pressure = 50", "kernel.pid_max = 4194304", "kernel.threads-max = 4194304",
    "kernel.panic = 10", "kernel.sysrq = 176", "kernel.kptr_restrict = 1",
    "kernel.dmesg_restrict = 1", "kernel.randomize_va_space = 2", "kernel.panic_on_oops = 1",
    "net.ipv4.ip_default_ttl = 64", "net.ipv4.tcp_adv_win_scale = 1", "net.core.busy_poll = 50",
    "net.core.busy_read = 50",
};

std::string TuningFile() {
  std::string out = "# Network tuning for the web tier (generated, 100 lines).\n";
  size_t next = 0;
  for (int line = 1; line < 100; ++line) {
    if (line % 10 == 0) {
      out += "\n";
    } else if (line % 10 == 1) {
      out += "# block " + std::to_string(line / 10) + "\n";
    } else {
      out += std::string(kTuning[next++ % std::size(kTuning)]) + "\n";
    }
  }
  return out;
}

void AddSysctl(MemoryFileSystem& fs, int scale) {
  fs.AddFile("usr/lib/systemd/system/systemd-sysctl.service",
             "[Unit]\nDescription=Apply Kernel Variables\n[Service]\nType=oneshot\n"
             "ExecStart=/lib/systemd/systemd-sysctl\n");
  fs.AddFile("usr/lib/sysctl.d/10-default-yama-scope.conf", kVendorSysctl[0]);
  fs.AddFile("usr/lib/sysctl.d/50-default.conf", kVendorSysctl[1]);
  fs.AddFile("usr/lib/sysctl.d/50-pid-max.conf", kVendorSysctl[2]);
  fs.AddFile("usr/lib/sysctl.d/50-coredump.conf", kVendorSysctl[3]);
  fs.AddFile("usr/lib/sysctl.d/99-protect-links.conf", kVendorSysctl[4]);
  fs.AddSymlink("etc/sysctl.d/50-coredump.conf", "/dev/null");
  fs.AddFile("run/sysctl.d/60-runtime.conf", "net.ipv4.ip_forward = 1\n");
  fs.AddFile("etc/sysctl.conf",
             "# /etc/sysctl.conf - Configuration file for setting system variables\n"
             "#kernel.domainname = example.com\nvm.swappiness = 10\n"
             "net.ipv4.conf.all.accept_redirects = 0\n");
  fs.AddSymlink("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
  fs.AddFile("etc/sysctl.d/60-web-tuning.conf", TuningFile());
  for (int i = 0; i < 11 * scale; ++i) {
    const std::string n = std::to_string(i);
    fs.AddFile("etc/sysctl.d/" + std::to_string(61 + i % 30) + "-team" + n + ".conf",
               "# managed by team " + n + "\nnet.ipv4.tcp_keepalive_intvl = " +
                   std::to_string(15 + i % 30) + "\nvm.max_map_count = 262144\n"
                   "net/ipv4/conf/eth0/forwarding = 1\n");
  }
}

void AddNginx(MemoryFileSystem& fs, int scale) {
  fs.AddFile("etc/nginx/nginx.conf",
             "user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n"
             "worker_rlimit_nofile 65535;\ninclude /etc/nginx/modules-enabled/*.conf;\n"
             "events {\n    worker_connections 4096;\n}\n"
             "http {\n    sendfile on;\n    include /etc/nginx/mime.types;\n"
             "    default_type application/octet-stream;\n"
             "    include /etc/nginx/conf.d/*.conf;\n    include /etc/nginx/sites-enabled/*;\n}\n");
  fs.AddFile("etc/nginx/mime.types",
             "types {\n    text/html html htm;\n    text/css css;\n"
             "    application/javascript js;\n    image/png png;\n}\n");
  fs.AddFile("etc/nginx/conf.d/upstreams.conf",
             "upstream app {\n    server 127.0.0.1:8080;\n    keepalive 32;\n}\n");
  fs.AddFile("etc/nginx/snippets/proxy.conf",
             "proxy_set_header Host $host;\nproxy_set_header X-Forwarded-For "
             "$proxy_add_x_forwarded_for;\n");
  fs.AddFile("etc/nginx/sites-available/default",
             "server {\n    listen 80 default_server backlog=4096;\n"
             "    listen [::]:80 default_server;\n    root /var/www/html;\n"
             "    location / { try_files $uri $uri/ =404; }\n}\n");
  fs.AddSymlink("etc/nginx/sites-enabled/default", "/etc/nginx/sites-available/default");
  for (int i = 0; i < 2 * scale; ++i) {
    const std::string n = std::to_string(i);
    fs.AddFile("etc/nginx/sites-enabled/site" + n,
               "server {\n    listen " + std::to_string(8100 + i) + " reuseport;\n"
               "    server_name site" + n + ".example.org;\n"
               "    location /api/ {\n        include snippets/proxy.conf;\n"
               "        proxy_pass http://app;\n    }\n}\n");
  }
}

void AddApache(MemoryFileSystem& fs, int scale) {
  fs.AddFile("etc/apache2/apache2.conf",
             "DefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\nTimeout 300\n"
             "User ${APACHE_RUN_USER}\nGroup ${APACHE_RUN_GROUP}\n"
             "ErrorLog ${APACHE_LOG_DIR}/error.log\n"
             "IncludeOptional mods-enabled/*.load\nIncludeOptional mods-enabled/*.conf\n"
             "Include ports.conf\n<Directory /var/www/>\n\tOptions Indexes FollowSymLinks\n"
             "\tAllowOverride None\n\tRequire all granted\n</Directory>\n"
             "IncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n");
  fs.AddFile("etc/apache2/envvars",
             "export APACHE_RUN_USER=www-data\nexport APACHE_RUN_GROUP=www-data\n"
             "export APACHE_PID_FILE=/var/run/apache2$SUFFIX/apache2.pid\n"
             "export APACHE_RUN_DIR=/var/run/apache2$SUFFIX\n"
             "export APACHE_LOG_DIR=/var/log/apache2$SUFFIX\n");
  fs.AddFile("etc/apache2/ports.conf",
             "Listen 8080\n<IfModule ssl_module>\n\tListen 8443\n</IfModule>\n");
  fs.AddFile("etc/apache2/mods-available/mpm_event.load",
             "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n");
  fs.AddFile("etc/apache2/mods-available/mpm_event.conf",
             "<IfModule mpm_event_module>\n\tStartServers 2\n\tMaxRequestWorkers 150\n"
             "\tListenBacklog 1024\n</IfModule>\n");
  fs.AddSymlink("etc/apache2/mods-enabled/mpm_event.load", "../mods-available/mpm_event.load");
  fs.AddSymlink("etc/apache2/mods-enabled/mpm_event.conf", "../mods-available/mpm_event.conf");
  for (int i = 0; i < scale; ++i) {
    const std::string n = std::to_string(i);
    fs.AddFile("etc/apache2/sites-enabled/" + std::to_string(100 + i) + "-vhost.conf",
               "<VirtualHost *:8080>\n\tServerName vhost" + n + ".example.org\n"
               "\tDocumentRoot /var/www/vhost" + n + "\n"
               "\tErrorLog ${APACHE_LOG_DIR}/vhost" + n + "-error.log\n</VirtualHost>\n");
  }
}

void AddSockets(MemoryFileSystem& fs, int scale) {
  fs.AddFile("usr/lib/systemd/system/ssh.socket",
             "[Unit]\nDescription=OpenBSD Secure Shell server socket\nBefore=sockets.target\n"
             "[Socket]\nListenStream=22\nAccept=yes\n[Install]\nWantedBy=sockets.target\n");
  fs.AddFile("usr/lib/systemd/system/ssh@.service",
             "[Service]\nExecStart=-/usr/sbin/sshd -i\nStandardInput=socket\n");
  for (int i = 0; i < 3 * scale; ++i) {
    const std::string n = std::to_string(i);
    fs.AddFile("etc/systemd/system/app" + n + ".socket",
               "[Unit]\nDescription=App " + n + " socket\n[Socket]\nListenStream=" +
                   std::to_string(9000 + i) + "\nListenStream=/run/app" + n +
                   ".sock\nBacklog=8192\nReusePort=yes\n[Install]\nWantedBy=sockets.target\n");
    fs.AddFile("etc/systemd/system/app" + n + ".service",
               "[Service]\nExecStart=/usr/bin/app --fd 3\nLimitNOFILE=65536\n");
  }
  fs.AddFile("etc/systemd/system/app0.socket.d/override.conf", "[Socket]\nBacklog=16384\n");
}

std::unique_ptr<MemoryFileSystem> MakeHost(int scale) {
  auto fs = std::make_unique<MemoryFileSystem>();
  AddSysctl(*fs, scale);
  AddNginx(*fs, scale);
  AddApache(*fs, scale);
  AddSockets(*fs, scale);
  return fs;
}

void SetHostCounters(benchmark::State& state, const synlint::Host& host, size_t findings) {
  state.counters["files"] = static_cast<double>(host.files_read.size());
  state.counters["services"] = static_cast<double>(host.services.size());
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_LoadHost(benchmark::State& state) {
  const auto fs = MakeHost(static_cast<int>(state.range(0)));
  const synlint::HostOptions options;
  std::unique_ptr<synlint::Host> host;
  for (auto _ : state) {
    host = synlint::LoadHost(*fs, options);
    benchmark::DoNotOptimize(host.get());
  }
  SetHostCounters(state, *host, host->load_findings.size());
}
BENCHMARK(BM_LoadHost)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);

void BM_RunRules(benchmark::State& state) {
  const auto fs = MakeHost(static_cast<int>(state.range(0)));
  const auto host = synlint::LoadHost(*fs, synlint::HostOptions{});
  const synlint::FixOptions fix_options;
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<synlint::Finding> out = synlint::RunRules(*host, fix_options);
    findings = out.size();
    benchmark::DoNotOptimize(out);
  }
  SetHostCounters(state, *host, findings);
}
BENCHMARK(BM_RunRules)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);

// What `synlint check` does before formatting: load, then lint.
void BM_LoadHostAndRunRules(benchmark::State& state) {
  const auto fs = MakeHost(static_cast<int>(state.range(0)));
  const synlint::HostOptions options;
  const synlint::FixOptions fix_options;
  std::unique_ptr<synlint::Host> host;
  size_t findings = 0;
  for (auto _ : state) {
    host = synlint::LoadHost(*fs, options);
    std::vector<synlint::Finding> out = synlint::RunRules(*host, fix_options);
    findings = out.size();
    benchmark::DoNotOptimize(out);
  }
  SetHostCounters(state, *host, findings);
}
BENCHMARK(BM_LoadHostAndRunRules)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);

// Parsing the knowledge base from YAML, which every process paid once before
// the tables were generated at build time; BM_BuildKnowledgeTables is what a
// process pays now. KnowledgeBase::Builtin() caches it, so the benchmarks
// above never see either.
void BM_LoadKnowledgeBase(benchmark::State& state) {
  for (auto _ : state) {
    synlint::KnowledgeBase kb;
    for (size_t i = 0; i < synlint::kKnowledgeFiles_count; ++i) {
      std::string err;
      if (!kb.Load(synlint::kKnowledgeFiles[i].text, &err)) state.SkipWithError(err.c_str());
    }
    benchmark::DoNotOptimize(kb);
  }
}
BENCHMARK(BM_LoadKnowledgeBase)->Unit(benchmark::kMicrosecond);

void BM_BuildKnowledgeTables(benchmark::State& state) {
  for (auto _ : state) {
    synlint::KnowledgeBase kb;
    synlint::AddBuiltinKnowledge(&kb);
    benchmark::DoNotOptimize(kb);
  }
}
BENCHMARK(BM_BuildKnowledgeTables)->Unit(benchmark::kMicrosecond);

// One KnownKeyName lookup, as SL101 does for every key outside the rich
// metadata: a per-interface key (the clean/sysctl corpus has 250k of them,
// each matched through its `<if>` pattern), a plain key, and a misspelling
// (a miss, which also tries the pattern prefixes).
void BM_KeyNameLookup(benchmark::State& state) {
  std::vector<std::string> keys;
  for (int i = 0; i < 1000; ++i) {
    keys.push_back("net.ipv4.conf.vlan" + std::to_string(i) + "/3.rp_filter");
    keys.push_back("net.ipv6.conf.vlan" + std::to_string(i) + "/3.accept_ra");
  }
  const std::vector<std::string> plain = {"net.ipv4.tcp_dsack", "fs.fanotify.max_queued_events"};
  const std::vector<std::string> misses = {"net.core.somaxcon", "net.ipv4.conf.vlan1.rp_filtr"};
  const std::vector<std::string>& which = state.range(0) == 0 ? keys : state.range(0) == 1 ? plain : misses;
  size_t i = 0, known = 0;
  for (auto _ : state) {
    known += synlint::KnownKeyName(which[i++ % which.size()]);
  }
  benchmark::DoNotOptimize(known);
}
BENCHMARK(BM_KeyNameLookup)->Arg(0)->Arg(1)->Arg(2);

}  // namespace

BENCHMARK_MAIN();
