// result.h — errors as values. A failure the user can cause (bad file, bad query, locked
// index) is returned as Error inside Result<T>; exceptions are for bugs only. Modelled on
// ccache's use of tl::expected with TRY (Debian has no tl-expected, and <expected> is C++23).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace policy {

// Exit codes shared by every subcommand (see README and ../shared/STYLE.md).
enum class ErrorCode : int {
    bad_argument = 2,  // bad arguments or query
    bad_input = 3,     // an input file could not be read or decoded
    index_error = 4,   // the index cannot be opened or written
    interrupted = 130,
};

// A place in a text: 1-based line and column (column in code points) plus the byte offset.
struct Span {
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t byte_offset = 0;
};

struct Error {
    ErrorCode code = ErrorCode::bad_input;
    std::string message;        // "FILE: what went wrong" (no "policy:" prefix)
    std::optional<Span> where;  // where in the named file, when known
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_value); }
    const T& value() const& { return std::get<0>(m_value); }
    T&& value() && { return std::get<0>(std::move(m_value)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const& { return std::get<1>(m_value); }
    Error&& error() && { return std::get<1>(std::move(m_value)); }

private:
    std::variant<T, Error> m_value;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const& { return *m_error; }
    Error&& error() && { return std::move(*m_error); }

private:
    std::optional<Error> m_error;
};

inline Error make_error(ErrorCode code, std::string message, std::optional<Span> where = {}) {
    return Error{code, std::move(message), where};
}

}  // namespace policy

// Evaluates an expression returning Result<T>; on error returns the error from the
// enclosing function, otherwise yields the value (GNU statement expression, as ccache's TRY).
#define POLICY_TRY(expr)                                  \
    __extension__({                                       \
        auto policy_try_result_ = (expr);                 \
        if (!policy_try_result_) {                        \
            return std::move(policy_try_result_).error(); \
        }                                                 \
        std::move(policy_try_result_).value();            \
    })

// For Result<void>.
#define POLICY_TRY_VOID(expr)                             \
    do {                                                  \
        auto policy_try_result_ = (expr);                 \
        if (!policy_try_result_) {                        \
            return std::move(policy_try_result_).error(); \
        }                                                 \
    } while (false)
