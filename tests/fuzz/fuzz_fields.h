// Splits a fuzzer's input into fields, so one byte string drives several arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace telusur::fuzz {

/// The input cut at each 0x01 byte: field(0) is the text before the first, and so on; a field
/// past the last is empty. 0x01 is no character of any text the fields stand for, so the
/// fuzzer keeps the rest of the byte range for the texts themselves.
class Fields {
  public:
    Fields(const std::uint8_t* data, std::size_t size) : text_(reinterpret_cast<const char*>(data), size) {}

    std::string field(std::size_t index) const {
        std::size_t start = 0;
        for (std::size_t i = 0; i < index; ++i) {
            start = text_.find('\x01', start);
            if (start == std::string_view::npos) return {};
            ++start;
        }
        return std::string(text_.substr(start, text_.find('\x01', start) - start));
    }

    /// A small number from field `index`'s first byte, below `bound`.
    std::size_t number(std::size_t index, std::size_t bound) const {
        const auto text = field(index);
        return text.empty() ? 0 : static_cast<unsigned char>(text[0]) % bound;
    }

  private:
    std::string_view text_;
};

}  // namespace telusur::fuzz
