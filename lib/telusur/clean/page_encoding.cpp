#include "telusur/clean/page_encoding.h"

#include <algorithm>
#include <array>

#include <unicode/unistr.h>

#include "telusur/ascii_case.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_label_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':';
}

/// HTML5's labels that mean windows-1252, whose bytes 0x80–0x9F browsers read as its letters
/// (the euro sign, curly quotes), not as ISO-8859-1's control characters.
bool means_windows_1252(const std::string& label) {
    constexpr std::array<std::string_view, 9> kLabels{"iso-8859-1", "iso8859-1", "latin1", "l1",   "cp819",
                                                      "us-ascii",   "ascii",     "cp1252", "x-cp1252"};
    return std::find(kLabels.begin(), kLabels.end(), label) != kLabels.end();
}

/// `bytes` decoded from `encoding` by ICU, or nothing when ICU does not know the encoding.
bool decode(std::string_view bytes, const std::string& encoding, std::string& out) {
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), encoding.c_str());
    if (text.isBogus()) return false;
    out.clear();
    text.toUTF8String(out);
    return true;
}

}  // namespace

std::string declared_encoding(std::string_view page) {
    if (page.starts_with(kUtf8Bom)) return "utf-8";
    const auto head = ascii_lowercase(std::string(page.substr(0, 1024)));
    for (auto at = head.find("charset"); at != std::string::npos; at = head.find("charset", at + 1)) {
        auto pos = at + 7;
        while (pos < head.size() && (head[pos] == ' ' || head[pos] == '\t')) ++pos;
        if (pos >= head.size() || head[pos] != '=') continue;
        ++pos;
        while (pos < head.size() && (head[pos] == ' ' || head[pos] == '\t' || head[pos] == '"' || head[pos] == '\''))
            ++pos;
        auto end = pos;
        while (end < head.size() && is_label_char(head[end])) ++end;
        if (end > pos) return head.substr(pos, end - pos);
    }
    return {};
}

std::string page_as_utf8(std::string_view page) {
    if (page.size() > static_cast<std::size_t>(INT32_MAX)) return {};
    auto encoding = declared_encoding(page);
    if (page.starts_with(kUtf8Bom)) page.remove_prefix(kUtf8Bom.size());
    if (means_windows_1252(encoding)) encoding = "windows-1252";
    // Bytes a prescan can read are not UTF-16, whatever they say (HTML5 reads the label as
    // UTF-8): a page saved as UTF-16 comes here decoded, still declaring it.
    if (encoding.starts_with("utf-16") || encoding.starts_with("utf16")) encoding = "utf-8";
    // Valid UTF-8 declared as such, or as nothing, is already what the parser reads.
    if ((encoding.empty() || encoding == "utf-8" || encoding == "utf8") && !find_invalid_utf8(page))
        return std::string(page);
    std::string out;
    if (!encoding.empty() && decode(page, encoding, out)) return out;
    decode(page, "windows-1252", out);  // undeclared and not UTF-8, or declared as nothing ICU knows
    return out;
}

}  // namespace telusur
