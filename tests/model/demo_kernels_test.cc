// SPDX-License-Identifier: MIT
// The bundled demo and the facts sheet's worked example, on several kernels:
// the numbers differ per version and must match kernel-facts.md §2.
#include <gtest/gtest.h>

#include "model/listen_model.h"

namespace synlint {
namespace {

struct Expected {
  const char* kernel;
  int64_t accept;
  int64_t syn;
};

class DemoKernels : public ::testing::TestWithParam<Expected> {};

TEST_P(DemoKernels, ApacheQueuesOnTheDemoHost) {
  DiskFileSystem fs(std::string(SYNLINT_SOURCE_DIR) + "/fixtures/demo");
  HostOptions o;
  o.kernel = KernelVersion::Parse(GetParam().kernel);
  auto host = LoadHost(fs, o);
  const auto views = ListenerViews(*host);
  ASSERT_EQ(views.size(), 1u);  // Listen 80; the 443 ones sit in IfModule blocks for unloaded modules
  EXPECT_EQ(views[0].requested, 5000);
  EXPECT_EQ(views[0].queues.accept_limit, GetParam().accept);
  EXPECT_EQ(views[0].queues.syn_limit, GetParam().syn);
}

INSTANTIATE_TEST_SUITE_P(Kernels, DemoKernels,
                         ::testing::Values(Expected{"3.10", 512, 1024},  // roundup_pow_of_two(513)
                                           Expected{"4.19", 512, 512},   // SYN queue = backlog
                                           Expected{"6.1", 512, 512}),
                         [](const auto& i) {
                           std::string n = i.param.kernel;
                           for (char& c : n) c = c == '.' ? '_' : c;
                           return "Linux" + n;
                         });

TEST(WorkedExample, Linux34ApacheDefaultsGive256InSynRecv) {
  // kernel-facts.md §2: somaxconn 128 (default), ListenBacklog 511 (default),
  // tcp_max_syn_backlog 65536 -> backlog 128, SYN table 256.
  MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf", "Listen 80\n");
  fs.AddFile("etc/sysctl.conf", "net.ipv4.tcp_max_syn_backlog = 65536\n");
  fs.AddSymlink("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
  HostOptions o;
  o.kernel = KernelVersion{3, 4};
  auto host = LoadHost(fs, o);
  const auto views = ListenerViews(*host);
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].requested, 511);
  EXPECT_FALSE(views[0].explicit_backlog);
  EXPECT_EQ(views[0].queues.accept_limit, 128);
  EXPECT_EQ(views[0].queues.syn_limit, 256);
  EXPECT_EQ(views[0].queues.accept_why, "min(default backlog 511, somaxconn 128) = 128");
}

}  // namespace
}  // namespace synlint
