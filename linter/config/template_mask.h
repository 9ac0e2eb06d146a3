// SPDX-License-Identifier: MIT
// Jinja2 templates (Ansible `.j2` files) read as configuration: template
// parts are replaced by placeholders of the same byte length, so every span
// a parser reports is a span of the real file and fixes land where they should.
//
// `{{ expr }}` becomes a run of kPlaceholder ('X'), which every parser reads
// as an ordinary word: `listen {{ port }};` parses as `listen XXXXXXXXXX;`.
// `{% stmt %}` and `{# comment #}` become spaces. Newlines inside a tag stay,
// so line numbers stay; text between `{% raw %}` and `{% endraw %}` is kept.
//
// Rules must not judge a value that is a placeholder: a finding whose span
// touches a masked range (HostTreeFileSystem::SpanTouchesTemplate) says
// nothing about the rendered file and is dropped by the caller.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace synlint {

inline constexpr char kPlaceholder = 'X';

/// Whether a file is read as a template: its name ends in ".j2", or its text
/// contains "{{" or "{%".
bool LooksLikeTemplate(std::string_view path, std::string_view text);

/// Returns `text` with every template tag masked (same length, same
/// newlines); `masked` receives the span of each tag, in order. An
/// unterminated tag is masked to the end of the text.
std::string MaskTemplate(std::string_view text, std::vector<Span>* masked);

/// Whether `span` overlaps one of `masked` (an empty span: lies inside one).
bool SpanTouches(const std::vector<Span>& masked, Span span);

/// Carries edits made to the masked text back onto the template. `original`
/// is the template, `masked` its MaskTemplate() text and `edited` the masked
/// text after fixes. Lines the edits left alone are copied from `original`;
/// a changed line must not hold template text (the fix was computed from a
/// placeholder). Returns false with `err` naming the 1-based line otherwise.
bool RestoreTemplate(std::string_view original, std::string_view masked,
                     const std::vector<Span>& masked_spans, std::string_view edited, std::string* out,
                     std::string* err);

}  // namespace synlint
