// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace td {

/** Source of the current time in whole Unix seconds; injected so tests can pin it. */
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowSeconds() const = 0;
};

/** The real wall clock. */
class SystemClock final : public Clock {
public:
    qint64 nowSeconds() const override;
};

/** A clock that always returns the same instant (tests, reproducible output). */
class FixedClock final : public Clock {
public:
    explicit FixedClock(qint64 seconds) : m_seconds(seconds) {}
    qint64 nowSeconds() const override { return m_seconds; }
    void set(qint64 seconds) { m_seconds = seconds; }

private:
    qint64 m_seconds;
};

} // namespace td
