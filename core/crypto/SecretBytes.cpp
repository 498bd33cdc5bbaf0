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

bool wipeInPlace(QByteArray& bytes)
{
    // isDetached() is false for a shared buffer and for static data (literals, fromRawData), which has no owner.
    if (!bytes.isDetached())
        return false;
    // data_ptr() does not detach. The allocation starts before data() when bytes were removed from the front, and
    // reaches past size() when the array shrank or reserved room: both can hold secret bytes.
    QByteArray::DataPointer& d = bytes.data_ptr();
    cleanse(d.data() - d.freeSpaceAtBegin(), d.constAllocatedCapacity());
    return true;
}

void wipe(QByteArray& bytes)
{
    wipeInPlace(bytes);
    bytes = QByteArray();
}

SecretBytes secretFromUtf8(QStringView text)
{
    QByteArray utf8 = text.toUtf8();
    SecretBytes secret(utf8);
    wipe(utf8);
    return secret;
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

SecretByteArray& SecretByteArray::operator=(const SecretByteArray& other)
{
    if (this != &other) {
        QByteArray copy = other.m_bytes; // before the wipe: `other` may share our buffer
        wipe(m_bytes);
        m_bytes = std::move(copy);
    }
    return *this;
}

SecretByteArray& SecretByteArray::operator=(SecretByteArray&& other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

SecretMap& SecretMap::operator=(const SecretMap& other)
{
    if (this != &other) {
        Hash copy = other.m_values;
        clear();
        m_values = std::move(copy);
    }
    return *this;
}

SecretMap& SecretMap::operator=(SecretMap&& other) noexcept
{
    if (this != &other) {
        clear();
        m_values = std::move(other.m_values);
    }
    return *this;
}

void SecretMap::insert(const QString& key, QByteArray value)
{
    if (m_values.isDetached()) {
        if (const auto it = m_values.find(key); it != m_values.end())
            wipe(it.value());
    }
    m_values.emplace(key, std::move(value)); // by value: `value` may share the buffer being replaced
}

void SecretMap::remove(const QString& key)
{
    if (m_values.isDetached()) {
        if (const auto it = m_values.find(key); it != m_values.end())
            wipe(it.value());
    }
    m_values.remove(key);
}

void SecretMap::clear()
{
    wipeValues();
    m_values = Hash();
}

qsizetype SecretMap::wipeValues()
{
    // A map shared with another SecretMap leaves its values to the last one; iterating a shared QHash mutably
    // would copy it first, and then every value would look shared.
    if (!m_values.isDetached())
        return 0;
    qsizetype wiped = 0;
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        if (wipeInPlace(it.value()))
            ++wiped;
    }
    return wiped;
}

} // namespace td::crypto
