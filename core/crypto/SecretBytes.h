// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace td::crypto {

/** Overwrites a byte buffer in a way the optimiser may not elide. */
void cleanse(void* data, qsizetype size);

/** An owned buffer for secret material; its bytes are wiped when it is released or reassigned. */
class SecretBytes final {
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArrayView bytes);
    SecretBytes(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes();

    /** A non-owning view; valid while this object lives and is not modified. */
    QByteArrayView view() const { return {m_data, m_size}; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear();

private:
    char* m_data = nullptr;
    qsizetype m_size = 0;
};

} // namespace td::crypto
