#include "telusur/analysis/tokenizer.h"

#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "telusur/error.h"

namespace telusur {

namespace {

/// A token under construction, in UTF-16 units of the ICU string.
struct Span {
    int32_t start;
    int32_t end;
    TokenKind kind;
};

bool is_hyphen(UChar c) { return c == u'-' || c == 0x2010 || c == 0x2011; }

bool starts_with_at(const icu::UnicodeString& text, int32_t at, const char16_t* prefix) {
    const icu::UnicodeString p(prefix);
    return text.caseCompare(at, p.length(), p, U_FOLD_CASE_DEFAULT) == 0;
}

bool ends_url(UChar32 c) {
    return u_isUWhiteSpace(c) || c == u'"' || c == u'<' || c == u'>' || c == 0x201C || c == 0x201D ||
           c == 0x2018 || c == 0x2019;
}

/// URL spans: "http://", "https://" or "www." at a word start, up to the next space or quote,
/// without trailing sentence punctuation.
std::vector<Span> find_urls(const icu::UnicodeString& text) {
    std::vector<Span> urls;
    const int32_t n = text.length();
    for (int32_t i = 0; i < n; ++i) {
        if (i > 0 && u_isalnum(text.char32At(i - 1))) continue;
        if (!starts_with_at(text, i, u"http://") && !starts_with_at(text, i, u"https://") &&
            !starts_with_at(text, i, u"www."))
            continue;
        int32_t end = i;
        while (end < n && !ends_url(text.char32At(end))) end = text.moveIndex32(end, 1);
        while (end > i && std::u16string_view(u".,;:!?)]}'").find(text.charAt(end - 1)) != std::u16string_view::npos)
            --end;
        urls.push_back({i, end, TokenKind::Url});
        i = end;
    }
    return urls;
}

/// `utf8` as the UTF-16 text ICU works on, with the byte offset in `utf8` of each UTF-16 unit
/// and of the end, so tokens point back into the caller's text. An ill-formed sequence becomes
/// one U+FFFD, as in ICU's own conversion, but stays its own bytes long: counting it as the
/// three bytes of U+FFFD would move every later token.
struct Utf16Text {
    icu::UnicodeString text;
    std::vector<std::size_t> byte_at;
};

Utf16Text to_utf16(std::string_view utf8) {
    Utf16Text out;
    const auto size = static_cast<int32_t>(utf8.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    out.byte_at.reserve(utf8.size() + 1);
    if (size > 0) {
        UChar* units = out.text.getBuffer(size);  // never more UTF-16 units than UTF-8 bytes
        int32_t length = 0;
        for (int32_t i = 0; i < size;) {
            const auto start = static_cast<std::size_t>(i);
            UChar32 c = 0;
            U8_NEXT(bytes, i, size, c);
            if (c < 0) c = 0xFFFD;
            const int32_t before = length;
            U16_APPEND_UNSAFE(units, length, c);
            out.byte_at.insert(out.byte_at.end(), static_cast<std::size_t>(length - before), start);
        }
        out.text.releaseBuffer(length);
    }
    out.byte_at.push_back(utf8.size());
    return out;
}

bool is_word_or_number(const Span& s) { return s.kind == TokenKind::Word || s.kind == TokenKind::Number; }

/// Joins tokens separated by exactly one hyphen (any kinds) or one slash (numbers only).
std::vector<Span> join_compounds(const icu::UnicodeString& text, std::vector<Span> spans) {
    std::vector<Span> out;
    for (const auto& span : spans) {
        if (!out.empty()) {
            auto& last = out.back();
            const bool adjacent = span.start == last.end + 1;
            if (adjacent && is_word_or_number(last) && is_word_or_number(span)) {
                const UChar joiner = text.charAt(last.end);
                const bool both_numbers = last.kind == TokenKind::Number && span.kind == TokenKind::Number;
                if (is_hyphen(joiner) || (joiner == u'/' && both_numbers)) {
                    last.end = span.end;
                    last.kind = both_numbers ? TokenKind::Number : TokenKind::Word;
                    continue;
                }
            }
        }
        out.push_back(span);
    }
    return out;
}

}  // namespace

struct Tokenizer::Impl {
    std::unique_ptr<icu::BreakIterator> words;
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("id"), status));
    if (U_FAILURE(status)) throw Error(std::string("cannot create ICU word iterator: ") + u_errorName(status));
}

Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

std::vector<Token> Tokenizer::tokenize(std::string_view utf8) {
    auto [text, byte_at] = to_utf16(utf8);

    const auto urls = find_urls(text);
    std::vector<Span> spans;
    auto next_url = urls.begin();
    impl_->words->setText(text);
    int32_t start = impl_->words->first();
    for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
         start = end, end = impl_->words->next()) {
        while (next_url != urls.end() && next_url->end <= start) spans.push_back(*next_url++);
        if (next_url != urls.end() && end > next_url->start) continue;  // overlaps a URL: the URL wins
        const int32_t status = impl_->words->getRuleStatus();
        if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
        const auto kind = status < UBRK_WORD_NUMBER_LIMIT ? TokenKind::Number : TokenKind::Word;
        spans.push_back({start, end, kind});
    }
    while (next_url != urls.end()) spans.push_back(*next_url++);

    const auto joined = join_compounds(text, std::move(spans));
    std::vector<Token> tokens;
    tokens.reserve(joined.size());  // no doubling on growth: a long article's tokens are many
    for (const auto& span : joined) {
        Token token;
        token.start = byte_at[static_cast<std::size_t>(span.start)];
        token.end = byte_at[static_cast<std::size_t>(span.end)];
        token.text = std::string(utf8.substr(token.start, token.end - token.start));
        token.position = tokens.size();
        token.kind = span.kind;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

}  // namespace telusur
