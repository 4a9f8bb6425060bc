// Rewrites a query string so that every alias searches its whole group.
#pragma once

#include <string>
#include <string_view>

#include "telusur/analysis/alias_table.h"

namespace telusur {

/// Replaces each name of an alias group in `query` by the OR of all the group's names, multi-word
/// names as phrases: `tentara Korut` → `tentara (Korut OR "Korea Utara")`. Names inside quotes,
/// field values (`source:AS`), field names, the operators AND/OR/NOT/XOR/NEAR/ADJ and the words
/// beside NEAR and ADJ (which take single words) are left alone; `+Korut` becomes `+(…)`, which
/// the query parser accepts.
std::string expand_aliases(std::string_view query, const AliasTable& aliases);

}  // namespace telusur
