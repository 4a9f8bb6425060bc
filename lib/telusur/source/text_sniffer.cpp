#include "telusur/source/text_sniffer.h"

namespace telusur {

namespace {

struct Signature {
    std::string_view magic;
    std::string_view reason;
};

// Magic numbers from each format's specification (RFC 1952, RFC 8878, the xz and bzip2 formats).
constexpr Signature kSignatures[] = {
    {"\xFF\xFE", "UTF-16 text: convert the file to UTF-8 (iconv -f UTF-16 -t UTF-8)"},
    {"\xFE\xFF", "UTF-16 text: convert the file to UTF-8 (iconv -f UTF-16 -t UTF-8)"},
    {"\x1F\x8B", "gzip data: name the file .jsonl.gz, or pipe it through zcat"},
    {"\x28\xB5\x2F\xFD", "zstd data: name the file .jsonl.zst, or pipe it through zstdcat"},
    {std::string_view("\xFD" "7zXZ\x00", 6), "xz data: decompress it (xzcat FILE | telusur-index --db DB -)"},
    {"BZh", "bzip2 data: decompress it (bzcat FILE | telusur-index --db DB -)"},
};

/// "BZh" could begin a line of text too: bzip2 data goes on with a block-size digit and the magic
/// of a block (or of the end of an empty stream).
bool is_bzip2(std::string_view start) {
    if (start.size() < 10 || start[3] < '1' || start[3] > '9') return false;
    const auto next = start.substr(4, 6);
    return next == "1AY&SY" || next == "\x17\x72\x45\x38\x50\x90";
}

}  // namespace

std::optional<std::string> not_text_reason(std::string_view start) {
    for (const auto& [magic, reason] : kSignatures) {
        if (!start.starts_with(magic)) continue;
        if (magic == "BZh" && !is_bzip2(start)) continue;
        return std::string(reason);
    }
    return std::nullopt;
}

}  // namespace telusur
