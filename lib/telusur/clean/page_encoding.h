// The bytes of a saved web page as UTF-8, in the encoding the page declares.
#pragma once

#include <string>
#include <string_view>

namespace telusur {

/// The character encoding `page` declares: a UTF-8 byte-order mark, else the first `charset=`
/// in its first 1024 bytes (<meta charset>, or http-equiv's content), as HTML5's prescan looks
/// for it. Empty when it declares none.
std::string declared_encoding(std::string_view page);

/// `page` decoded to UTF-8 by ICU: from the encoding it declares (iso-8859-1 and us-ascii read as
/// windows-1252, as browsers read them; a UTF-16 label as UTF-8, since a prescan could read the
/// page), else as UTF-8 when it is valid UTF-8, else as windows-1252. A byte the encoding does not
/// define is replaced (U+FFFD, or a C1 control that readers blank); decoding never stops early, so
/// no text after it is lost. A UTF-8 byte-order mark is dropped.
std::string page_as_utf8(std::string_view page);

}  // namespace telusur
