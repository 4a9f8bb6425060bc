#include "telusur/source/line_pieces.h"

#include <exception>

#include "telusur/error.h"

namespace telusur {

std::optional<LinePieces::Piece> LinePieces::next(std::size_t line) {
    // Stops after a newline (counted, not stored), at the end, or with the chunk full (failbit).
    try {
        in_.getline(chunk_, sizeof chunk_);
    } catch (const std::exception& e) {
        throw InputError(name_, line, e.what());
    }
    const auto got = static_cast<std::size_t>(in_.gcount());
    consumed_ += got;
    if (!in_.eof() && !in_.fail()) return Piece{std::string_view(chunk_, got - 1), true};
    if (in_.bad()) throw InputError(name_, line, "read error");
    if (in_.eof()) {
        if (got == 0) return std::nullopt;
        return Piece{std::string_view(chunk_, got), false};
    }
    in_.clear();  // the chunk was full: the line goes on
    return Piece{std::string_view(chunk_, got), false};
}

}  // namespace telusur
