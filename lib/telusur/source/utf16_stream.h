// Text saved as UTF-16 with a byte-order mark (Notepad's "Unicode", Excel's "Unicode Text",
// PowerShell 5's `>`), read as the UTF-8 everything after it expects.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace telusur {

/// A stream of what `source` gives, decoded from UTF-16 to UTF-8 by ICU as it is read when it
/// begins with a UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian; the mark is
/// dropped), and passed through unchanged otherwise. Memory stays bounded whatever the size. An
/// unpaired surrogate or a last odd byte becomes U+FFFD. An error of `source` passes through.
std::unique_ptr<std::istream> decoding_utf16(std::unique_ptr<std::istream> source);

/// `bytes` decoded as `decoding_utf16` decodes them when they begin with a UTF-16 byte-order
/// mark; nullopt for any other bytes.
std::optional<std::string> utf16_as_utf8(std::string_view bytes);

}  // namespace telusur
