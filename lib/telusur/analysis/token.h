// Token: one unit of text found by the tokenizer.
#pragma once

#include <cstddef>
#include <string>

namespace telusur {

enum class TokenKind {
    Word,    ///< Letters, possibly joined by hyphens: "anak-anak", "COVID-19".
    Number,  ///< Digits with separators: "11.000", "2,5", "4/11/2024", "2024-11-04".
    Url,     ///< "https://…" or "www.…".
};

/// A token as found in the original text; `start`/`end` are UTF-8 byte offsets into that text.
struct Token {
    std::string text;         ///< The surface form, exactly as in the text.
    std::size_t start = 0;    ///< Offset of the first byte.
    std::size_t end = 0;      ///< Offset one past the last byte.
    std::size_t position = 0; ///< 0-based index among the tokens of the text.
    TokenKind kind = TokenKind::Word;

    bool operator==(const Token&) const = default;
};

}  // namespace telusur
