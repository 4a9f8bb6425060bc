#include "telusur/stored_article.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>
#include <zstd.h>

namespace telusur {

namespace {

/// First byte of the binary layouts. JSON objects (the layout before them) start with '{', so
/// databases indexed before still decode. The second layout is the first compressed whole: its
/// first byte, then a zstd frame of the first layout's fields.
constexpr char kBinaryLayout = '\x01';
constexpr char kCompressedLayout = '\x02';

/// zstd's fastest level compresses news text nearly as well as Xapian's zlib and decompresses
/// two to three times faster. Xapian still tries zlib on the document data, finds nothing to
/// gain and stores it as it is, so a hit no longer pays for inflate, which was a fifth of a
/// search's CPU (bench/results/search-latency.md). Compressing only the body is not enough:
/// zlib then still gains a few bytes on the other fields and Xapian keeps the whole deflated.
constexpr int kBodyCompressionLevel = 1;
/// No article is near this; a frame claiming more is corrupt.
constexpr unsigned long long kMaxBytes = 1ull << 30;

std::string compress(std::string_view text) {
    thread_local const auto context = [] {
        std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> made(ZSTD_createCCtx(), ZSTD_freeCCtx);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kBodyCompressionLevel);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1);  // corrupt data is refused, not shown
        return made;
    }();
    std::string out(ZSTD_compressBound(text.size()), '\0');
    const auto size = ZSTD_compress2(context.get(), out.data(), out.size(), text.data(), text.size());
    if (ZSTD_isError(size)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
    out.resize(size);
    return out;
}

/// The text of a zstd frame, in `scratch`, which only ever grows: a hit's fields are copied out
/// at once, so a search reuses one buffer per thread rather than allocating and clearing one
/// per hit.
std::optional<std::string_view> decompress(std::string_view frame, std::string& scratch) {
    const auto size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxBytes) return std::nullopt;
    thread_local const std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
    if (scratch.size() < size) scratch.resize(size);  // grows only: no clearing on every call
    const auto got = ZSTD_decompressDCtx(context.get(), scratch.data(), size, frame.data(), frame.size());
    if (ZSTD_isError(got) || got != size) return std::nullopt;
    return std::string_view(scratch.data(), size);
}

void put_length(std::string& out, std::size_t n) {
    while (n >= 0x80) {
        out.push_back(static_cast<char>((n & 0x7f) | 0x80));
        n >>= 7;
    }
    out.push_back(static_cast<char>(n));
}

void put_string(std::string& out, std::string_view text) {
    put_length(out, text.size());
    out.append(text);
}

void put_list(std::string& out, const std::vector<std::string>& items) {
    put_length(out, items.size());
    for (const auto& item : items) put_string(out, item);
}

/// Reads the binary layout; any length running past the end means corrupt data.
class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}

    std::optional<std::size_t> length() {
        std::size_t n = 0;
        for (unsigned shift = 0; shift < 64 && at_ < data_.size(); shift += 7) {
            const auto byte = static_cast<unsigned char>(data_[at_++]);
            n |= static_cast<std::size_t>(byte & 0x7f) << shift;
            if (byte < 0x80) return n;
        }
        return std::nullopt;
    }

    bool string(std::string& out) {
        const auto n = length();
        if (!n || *n > data_.size() - at_) return false;
        out.assign(data_.substr(at_, *n));
        at_ += *n;
        return true;
    }

    bool list(std::vector<std::string>& out) {
        const auto n = length();
        if (!n || *n > data_.size() - at_) return false;  // each item takes at least one byte
        out.resize(*n);
        for (auto& item : out)
            if (!string(item)) return false;
        return true;
    }

    bool at_end() const { return at_ == data_.size(); }

  private:
    std::string_view data_;
    std::size_t at_ = 1;  // past the layout byte
};

StoredArticle decode_json(const std::string& data) {
    StoredArticle out;
    const auto json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return out;
    const auto field = [&](const char* name) {
        const auto it = json.find(name);
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const auto list = [&](const char* name) {
        std::vector<std::string> values;
        const auto it = json.find(name);
        if (it != json.end() && it->is_array())
            for (const auto& v : *it)
                if (v.is_string()) values.push_back(v.get<std::string>());
        return values;
    };
    return {field("id"),          field("title"),  field("date"),   field("url"),  field("source"),
            field("body"),        field("date_origin"), list("people"), list("places"), list("orgs")};
}

/// The binary layout's fields; corrupt data decodes to empty fields.
StoredArticle decode_fields(std::string_view data) {
    StoredArticle out;
    Reader in(data);
    bool ok = true;
    for (auto* field : {&out.id, &out.title, &out.date, &out.url, &out.source, &out.date_origin})
        ok = ok && in.string(*field);
    for (auto* list : {&out.people, &out.places, &out.orgs}) ok = ok && in.list(*list);
    ok = ok && in.string(out.body) && in.at_end();
    if (!ok) return {};
    return out;  // not `ok ? out : {}`, which copies every field, the body included
}

}  // namespace

std::string encode_stored_article(const StoredArticle& a) {
    // Length-prefixed fields rather than JSON: a hit decodes with a few copies instead of a
    // parse of the whole body, which was a tenth of a search's CPU (bench/results/http-load.md).
    std::string fields(1, kBinaryLayout);
    fields.reserve(a.body.size() + a.title.size() + 128);
    for (const auto* field : {&a.id, &a.title, &a.date, &a.url, &a.source, &a.date_origin}) put_string(fields, *field);
    for (const auto* list : {&a.people, &a.places, &a.orgs}) put_list(fields, *list);
    put_string(fields, a.body);
    return kCompressedLayout + compress(fields);
}

StoredArticle decode_stored_article(const std::string& data) {
    if (data.empty()) return {};
    if (data.front() == '{') return decode_json(data);
    if (data.front() == kCompressedLayout) {
        thread_local std::string scratch;
        const auto fields = decompress(std::string_view(data).substr(1), scratch);
        auto out = fields && !fields->empty() && fields->front() == kBinaryLayout ? decode_fields(*fields) : StoredArticle{};
        constexpr std::size_t kKeptBytes = 4 << 20;  // far above any article: an outsized one is not kept
        if (scratch.size() > kKeptBytes) std::string().swap(scratch);
        return out;
    }
    if (data.front() != kBinaryLayout) return {};
    return decode_fields(data);
}

}  // namespace telusur
