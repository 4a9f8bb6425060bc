// Any bytes through decoding_utf16: with a UTF-16 byte-order mark they come out as valid UTF-8
// of bounded size, without one they come out unchanged; and read from a source that gives one
// byte at a time (a slow pipe), every read boundary inside a character, they come out the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

#include "telusur/source/utf16_stream.h"
#include "telusur/source/utf8.h"

#include "trickle_stream.h"

namespace {

std::string read_all(std::unique_ptr<std::istream> source) {
    const auto in = telusur::decoding_utf16(std::move(source));
    std::string out;
    char buffer[4096];
    while (in->read(buffer, sizeof buffer) || in->gcount() > 0)
        out.append(buffer, static_cast<std::size_t>(in->gcount()));
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto out = read_all(std::make_unique<std::istringstream>(input));
    const bool marked = input.starts_with("\xFF\xFE") || input.starts_with("\xFE\xFF");
    if (!marked && out != input) std::abort();
    if (marked && (telusur::find_invalid_utf8(out) || out.size() > (size - 2) / 2 * 3 + 3)) std::abort();
    if (read_all(std::make_unique<telusur::test::TrickleStream>(input)) != out) std::abort();
    return 0;
}
