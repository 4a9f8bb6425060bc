// The checks every record reader (JSON Lines, CSV) makes on the article it took from a record.
#pragma once

#include <cstddef>
#include <string>

#include "telusur/article.h"

namespace telusur {

/// Refuses an id that holds a control character (InputError naming `name` and `line`: an id is
/// a key scripts pass on, and changed it would name nothing), blanks the control characters of
/// the other fields (a body keeps its tabs and line breaks) and records the article's origin.
void finish_record_article(Article& article, const std::string& name, std::size_t line);

}  // namespace telusur
