# SPDX-License-Identifier: MIT
# tree-sitter-bash, the grammar synlint reads shell with (issue #23): the npm registry's tarball of
# one pinned release, fetched once per build tree at configure time, checked against the registry's
# `dist.integrity` (sha512), unpacked into the build tree and compiled into a static library. Never
# committed. 0.23.3 is the last release of ABI 14, which Debian 12's libtree-sitter 0.20.7 loads
# (later releases are ABI 15). The target `tree_sitter_bash` links Debian's libtree-sitter
# (pkg-config tree-sitter, package libtree-sitter-dev).
#
# Offline: pass -DSYNLINT_TREE_SITTER_BASH_TGZ=/path/to/tree-sitter-bash-0.23.3.tgz (the same
# tarball, e.g. from `npm pack tree-sitter-bash@0.23.3`); it is checked against the same hash.
set(SYNLINT_TSB_VERSION 0.23.3)
set(SYNLINT_TSB_URL "https://registry.npmjs.org/tree-sitter-bash/-/tree-sitter-bash-${SYNLINT_TSB_VERSION}.tgz")
# `npm view tree-sitter-bash@0.23.3 dist.integrity`, base64 sha512, as hex.
set(SYNLINT_TSB_SHA512
    dfa720fc643662621b7a205ea9eba1e1f049ea2e24815a2e0daa93c6a8a1e72b0f6a0fb31ee7f221ac4c38578cf027a997000afcbba3d68e571ea81d01fa0266)
set(SYNLINT_TREE_SITTER_BASH_TGZ "" CACHE FILEPATH "A local copy of the tree-sitter-bash ${SYNLINT_TSB_VERSION} npm tarball")

set(tsb_dir ${CMAKE_BINARY_DIR}/third_party/tree-sitter-bash-${SYNLINT_TSB_VERSION})
if(NOT EXISTS ${tsb_dir}/src/parser.c OR NOT EXISTS ${tsb_dir}/src/scanner.c)
  set(tgz ${CMAKE_BINARY_DIR}/third_party/tree-sitter-bash-${SYNLINT_TSB_VERSION}.tgz)
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/third_party)
  if(SYNLINT_TREE_SITTER_BASH_TGZ)
    file(SHA512 ${SYNLINT_TREE_SITTER_BASH_TGZ} got)
    if(NOT got STREQUAL SYNLINT_TSB_SHA512)
      message(FATAL_ERROR "tree-sitter-bash: ${SYNLINT_TREE_SITTER_BASH_TGZ} is not the pinned "
                          "${SYNLINT_TSB_VERSION} tarball (sha512 ${got}, expected ${SYNLINT_TSB_SHA512})")
    endif()
    file(COPY_FILE ${SYNLINT_TREE_SITTER_BASH_TGZ} ${tgz})
  else()
    message(STATUS "Fetching tree-sitter-bash ${SYNLINT_TSB_VERSION} from ${SYNLINT_TSB_URL}")
    # The hash is checked below, not with EXPECTED_HASH: a failed download would then be reported
    # as a hash mismatch before the reason.
    file(DOWNLOAD ${SYNLINT_TSB_URL} ${tgz} TIMEOUT 120 STATUS status)
    list(GET status 0 code)
    if(NOT code EQUAL 0)
      list(GET status 1 why)
      file(REMOVE ${tgz})
      message(FATAL_ERROR
        "tree-sitter-bash ${SYNLINT_TSB_VERSION} could not be fetched from ${SYNLINT_TSB_URL}: ${why}.\n"
        "synlint reads shell scripts with this grammar and cannot be built without it. Connect to the "
        "npm registry and configure again, or fetch the tarball elsewhere (`npm pack "
        "tree-sitter-bash@${SYNLINT_TSB_VERSION}`) and pass -DSYNLINT_TREE_SITTER_BASH_TGZ=<file>.")
    endif()
    file(SHA512 ${tgz} got)
    if(NOT got STREQUAL SYNLINT_TSB_SHA512)
      file(REMOVE ${tgz})
      message(FATAL_ERROR "tree-sitter-bash: ${SYNLINT_TSB_URL} is not the pinned tarball "
                          "(sha512 ${got}, expected ${SYNLINT_TSB_SHA512}); refusing to build with it")
    endif()
  endif()
  set(unpack ${CMAKE_BINARY_DIR}/third_party/tsb-unpack)
  file(REMOVE_RECURSE ${unpack})
  file(ARCHIVE_EXTRACT INPUT ${tgz} DESTINATION ${unpack} PATTERNS package/src package/LICENSE)
  file(REMOVE_RECURSE ${tsb_dir})
  file(RENAME ${unpack}/package ${tsb_dir})
  file(REMOVE_RECURSE ${unpack})
  file(REMOVE ${tgz})
endif()

# The grammar is C: compile it with the C++ compiler's sibling, so clang builds (sanitizers,
# -fsanitize=fuzzer-no-link) get flags their C compiler understands.
if(NOT CMAKE_C_COMPILER AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  string(REPLACE "clang++" "clang" synlint_c_compiler "${CMAKE_CXX_COMPILER}")
  set(CMAKE_C_COMPILER ${synlint_c_compiler})
endif()
if(CMAKE_CXX_COMPILER_LAUNCHER AND NOT CMAKE_C_COMPILER_LAUNCHER)
  set(CMAKE_C_COMPILER_LAUNCHER ${CMAKE_CXX_COMPILER_LAUNCHER})
endif()
enable_language(C)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)
add_library(tree_sitter_bash STATIC ${tsb_dir}/src/parser.c ${tsb_dir}/src/scanner.c)
# Third-party generated C: its warnings are not ours to fix (and -Werror is on for ours).
target_compile_options(tree_sitter_bash PRIVATE -w)
set_target_properties(tree_sitter_bash PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_include_directories(tree_sitter_bash PRIVATE ${tsb_dir}/src)
target_link_libraries(tree_sitter_bash PUBLIC PkgConfig::TREE_SITTER)
