// Control characters in article text: what a reader lets through to the index and the screen.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace telusur {

/// Which white space a field may keep: a body keeps its tabs and line breaks, a one-line field
/// (title, date, url, source) does not.
enum class FieldLines { Many, One };

/// Byte offset of the first control character of UTF-8 `text` (C0, DEL or C1, U+0080–U+009F,
/// or a bidirectional embedding, override or isolate, U+202A–U+202E and U+2066–U+2069, which
/// reorder what a terminal shows after them: "Trojan Source"), tabs and line breaks included,
/// or nullopt.
std::optional<std::size_t> find_control_character(std::string_view text);

/// Replaces each control character of UTF-8 `text` by a space, but tabs and line breaks (LF,
/// CR) when `lines` is Many. An escape sequence in an archive ("\u001b[2J") would otherwise
/// reach the user's terminal from `telusur-query`'s text output, and a NUL ("\u0000") every
/// program reading the JSON.
void blank_control_characters(std::string& text, FieldLines lines);

}  // namespace telusur
