// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>
#include <utility>

namespace td::crypto {

/** Overwrites a byte buffer in a way the optimiser may not elide. */
void cleanse(void* data, qsizetype size);

/**
 * Overwrites a QByteArray's whole allocation (its capacity, not only its size) with zeros, in place, when `bytes` is
 * the only owner of it. A buffer shared with another QByteArray is left alone: writing through data() would detach
 * and wipe a fresh copy, and the other owner still needs the bytes. Returns whether it wiped.
 */
bool wipeInPlace(QByteArray& bytes);

/** wipeInPlace(), then releases the buffer: the last owner of a secret calls this instead of letting it go. */
void wipe(QByteArray& bytes);

/** Wipes a local buffer (as wipe()) when the scope ends, on every return path. */
class ScopedWipe final {
public:
    explicit ScopedWipe(QByteArray& bytes) : m_bytes(bytes) {}
    ~ScopedWipe() { wipe(m_bytes); }
    ScopedWipe(const ScopedWipe&) = delete;
    ScopedWipe& operator=(const ScopedWipe&) = delete;

private:
    QByteArray& m_bytes;
};

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

/** The UTF-8 of a secret held as text (a passphrase typed or read from a variable), leaving no unwiped temporary. */
SecretBytes secretFromUtf8(QStringView text);

/**
 * A secret kept as a QByteArray, for the places that pass one around or hand it to Qt: copies share the buffer
 * (cheap, as with QByteArray), and the last SecretByteArray to let go of it wipes it. A plain QByteArray taken with
 * bytes() shares the buffer too, so the wipe only happens if no such copy outlives the last SecretByteArray: keep
 * them local.
 */
class SecretByteArray final {
public:
    SecretByteArray() = default;
    // Implicit, so a struct member that used to be a QByteArray can be assigned as before.
    SecretByteArray(QByteArray bytes) noexcept : m_bytes(std::move(bytes)) {}
    SecretByteArray(const char* text) : m_bytes(text) {}
    SecretByteArray(const SecretByteArray& other) = default;
    SecretByteArray(SecretByteArray&& other) noexcept = default;
    SecretByteArray& operator=(const SecretByteArray& other);
    SecretByteArray& operator=(SecretByteArray&& other) noexcept;
    ~SecretByteArray() { wipe(m_bytes); }

    const QByteArray& bytes() const { return m_bytes; }
    QByteArrayView view() const { return m_bytes; }
    operator QByteArrayView() const noexcept { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    void clear() { wipe(m_bytes); }

private:
    QByteArray m_bytes;
};

/**
 * Secrets by name (a profile's fields, an env file's variables). Copies share their storage like QHash; a value is
 * wiped when the last map holding it lets go of it: on destruction, clear(), reassignment, insert() over it and
 * remove(). A value copied out with value() shares the bytes and keeps them alive, so keep such copies local.
 */
class SecretMap final {
public:
    using Hash = QHash<QString, QByteArray>;
    using const_iterator = Hash::const_iterator;

    SecretMap() = default;
    SecretMap(std::initializer_list<std::pair<QString, QByteArray>> values) : m_values(values) {}
    explicit SecretMap(Hash values) : m_values(std::move(values)) {}
    SecretMap(const SecretMap& other) = default;
    SecretMap(SecretMap&& other) noexcept = default;
    SecretMap& operator=(const SecretMap& other);
    SecretMap& operator=(SecretMap&& other) noexcept;
    ~SecretMap() { wipeValues(); }

    /** For the functions that read secrets: they take `const QHash<QString, QByteArray>&`. */
    operator const Hash&() const noexcept { return m_values; }
    const Hash& hash() const { return m_values; }

    QByteArray value(const QString& key) const { return m_values.value(key); }
    bool contains(const QString& key) const { return m_values.contains(key); }
    bool isEmpty() const { return m_values.isEmpty(); }
    qsizetype size() const { return m_values.size(); }
    QStringList keys() const { return m_values.keys(); }
    const_iterator begin() const { return m_values.cbegin(); }
    const_iterator end() const { return m_values.cend(); }
    const_iterator constBegin() const { return m_values.cbegin(); }
    const_iterator constEnd() const { return m_values.cend(); }
    const_iterator constFind(const QString& key) const { return m_values.constFind(key); }

    void insert(const QString& key, QByteArray value);
    void remove(const QString& key);
    void clear();

    /**
     * Overwrites, in place, every value this map alone holds (what destruction and clear() do before releasing
     * them); keys and sizes stay. Returns how many values it wiped.
     */
    qsizetype wipeValues();

private:
    Hash m_values;
};

} // namespace td::crypto
