// SPDX-License-Identifier: MIT
#include "parsers/apache/envvars.h"

#include <gtest/gtest.h>

namespace synlint::apache {
namespace {

TEST(ApacheEnvVars, DebianLayout) {
  const EnvVars env = ParseEnvVars(
      "unset HOME\n"
      "if [ \"${APACHE_CONFDIR##/etc/apache2-}\" != \"${APACHE_CONFDIR}\" ] ; then\n"
      "\tSUFFIX=\"-${APACHE_CONFDIR##/etc/apache2-}\"\n"
      "else\n"
      "\tSUFFIX=\n"
      "fi\n"
      "export APACHE_RUN_USER=www-data\n"
      "export APACHE_LOG_DIR=/var/log/apache2$SUFFIX\n"
      "export APACHE_PID_FILE=\"/var/run/apache2${SUFFIX}/apache2.pid\"\n"
      "export LANG=C\n"
      "export LANG\n"
      "#export APACHE_ARGUMENTS=''\n");
  EXPECT_EQ("www-data", env.vars.at("APACHE_RUN_USER"));
  EXPECT_EQ("/var/log/apache2", env.vars.at("APACHE_LOG_DIR"));
  EXPECT_EQ("/var/run/apache2/apache2.pid", env.vars.at("APACHE_PID_FILE"));
  EXPECT_EQ("C", env.vars.at("LANG"));
  EXPECT_EQ("", env.vars.at("SUFFIX"));
  EXPECT_EQ(0u, env.vars.count("APACHE_ARGUMENTS"));
  EXPECT_TRUE(env.defines.empty());
}

TEST(ApacheEnvVars, UnknownValuesAreNotGuessed) {
  const EnvVars env = ParseEnvVars(
      "A=$(hostname)\nB=`id`\nC=$NOPE/x\nD='${lit}'\nE=x y\nF=x # c\n");
  EXPECT_EQ(0u, env.vars.count("A"));
  EXPECT_EQ(0u, env.vars.count("B"));
  EXPECT_EQ(0u, env.vars.count("C"));
  EXPECT_EQ("${lit}", env.vars.at("D"));
  EXPECT_EQ(0u, env.vars.count("E"));
  EXPECT_EQ("x", env.vars.at("F"));
}

TEST(ApacheEnvVars, DefinesFromApacheArguments) {
  const EnvVars env = ParseEnvVars("export APACHE_ARGUMENTS='-D SSL -DDEV -k start'\n");
  EXPECT_EQ((std::vector<std::string>{"SSL", "DEV"}), env.defines);
}

}  // namespace
}  // namespace synlint::apache
