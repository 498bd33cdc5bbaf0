// SPDX-License-Identifier: MIT
#include "core/crypto/SecretBytes.h"

#include <openssl/crypto.h>

#include <cstring>
#include <utility>

namespace td::crypto {

void cleanse(void* data, qsizetype size)
{
    if (data && size > 0)
        OPENSSL_cleanse(data, static_cast<size_t>(size));
}

SecretBytes::SecretBytes(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    m_data = new char[static_cast<size_t>(bytes.size())];
    m_size = bytes.size();
    std::memcpy(m_data, bytes.data(), static_cast<size_t>(m_size));
}

SecretBytes::SecretBytes(const SecretBytes& other) : SecretBytes(other.view()) {}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes& SecretBytes::operator=(const SecretBytes& other)
{
    if (this != &other) {
        SecretBytes copy(other);
        *this = std::move(copy);
    }
    return *this;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    clear();
}

void SecretBytes::clear()
{
    cleanse(m_data, m_size);
    delete[] m_data;
    m_data = nullptr;
    m_size = 0;
}

} // namespace td::crypto
