// Compressed bytes for tests, made in memory: whole gzip and zstd files, and streams flushed
// but not finished (what a compressing feed has sent before it goes quiet).
#pragma once

#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <zlib.h>
#include <zstd.h>

namespace telusur::testing {

/// `text` as gzip: a whole file when `finish`, else flushed so that a reader can decompress all
/// of it, with no end.
inline std::string gzip_bytes(std::string_view text, bool finish = true) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, text.size()) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, finish ? Z_FINISH : Z_SYNC_FLUSH) == (finish ? Z_STREAM_END : Z_OK));
    out.resize(out.size() - stream.avail_out);
    deflateEnd(&stream);
    return out;
}

/// `text` as zstd: a whole frame when `finish`, else a frame flushed but not ended; with a
/// checksum of the content when `checksum` (as the zstd tool writes by default).
inline std::string zstd_bytes(std::string_view text, bool finish = true, bool checksum = false) {
    ZSTD_CCtx* context = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, checksum ? 1 : 0);
    std::string out(ZSTD_compressBound(text.size()) + 64, '\0');
    ZSTD_inBuffer in{text.data(), text.size(), 0};
    ZSTD_outBuffer buffer{out.data(), out.size(), 0};
    const auto left = ZSTD_compressStream2(context, &buffer, &in, finish ? ZSTD_e_end : ZSTD_e_flush);
    ZSTD_freeCCtx(context);
    REQUIRE(left == 0);
    out.resize(buffer.pos);
    return out;
}

}  // namespace telusur::testing
