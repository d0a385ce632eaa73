#pragma once

// Errors are values in the model layer: a function that can fail returns Result<T> (or Status),
// and the caller decides how to show the message. No exceptions cross the event loop.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace md {

struct Error
{
    QString message;
};

template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_value(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<T>(m_value); }
    const T &value() const { return std::get<T>(m_value); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    // Empty when ok(), so it can be passed to a message unconditionally.
    const QString &error() const
    {
        static const QString none;
        return ok() ? none : std::get<Error>(m_value).message;
    }

private:
    std::variant<T, Error> m_value;
};

class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error.message))
    {}

    static Status success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const
    {
        static const QString none;
        return m_error ? *m_error : none;
    }

    // Adds what the caller was doing in front of the message: "Opening X: <reason>".
    Status withContext(const QString &context) const
    {
        return ok() ? *this : Status(Error{context + QStringLiteral(": ") + *m_error});
    }

private:
    std::optional<QString> m_error;
};

inline Error fail(QString message)
{
    return Error{std::move(message)};
}

} // namespace md
