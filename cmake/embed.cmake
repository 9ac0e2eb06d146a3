# SPDX-License-Identifier: MIT
# synlint_embed(OUT_CC VAR_PREFIX FILE...): compiles files into the binary as
# std::string_view constants, listed in an array of {name, text} pairs.
function(synlint_embed out_cc symbol)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out_cc}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cc} -DSYMBOL=${symbol}
            -DROOT=${CMAKE_SOURCE_DIR} "-DFILES=${files}"
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
