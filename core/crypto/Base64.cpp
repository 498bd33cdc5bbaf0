// SPDX-License-Identifier: MIT
#include "core/crypto/Base64.h"

#include <array>

namespace td::crypto {
namespace {

enum class Alphabet { Standard, Url };

constexpr std::array<qint8, 256> makeTable(Alphabet alphabet)
{
    std::array<qint8, 256> table{};
    for (auto& v : table)
        v = -1;
    for (int i = 0; i < 26; ++i) {
        table[static_cast<size_t>('A') + static_cast<size_t>(i)] = static_cast<qint8>(i);
        table[static_cast<size_t>('a') + static_cast<size_t>(i)] = static_cast<qint8>(26 + i);
    }
    for (int i = 0; i < 10; ++i)
        table[static_cast<size_t>('0') + static_cast<size_t>(i)] = static_cast<qint8>(52 + i);
    table[alphabet == Alphabet::Standard ? '+' : '-'] = 62;
    table[alphabet == Alphabet::Standard ? '/' : '_'] = 63;
    return table;
}

constexpr auto kStandardTable = makeTable(Alphabet::Standard);
constexpr auto kUrlTable = makeTable(Alphabet::Url);

QString describeChar(char c, qsizetype pos)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f)
        return QStringLiteral("unexpected character '%1' at position %2").arg(QChar(QLatin1Char(c))).arg(pos);
    return QStringLiteral("unexpected byte 0x%1 at position %2").arg(u, 2, 16, QLatin1Char('0')).arg(pos);
}

Result<QByteArray> decode(QByteArrayView text, Alphabet alphabet)
{
    const auto& table = alphabet == Alphabet::Standard ? kStandardTable : kUrlTable;
    qsizetype len = text.size();
    if (alphabet == Alphabet::Standard) {
        if (len % 4 != 0)
            return fail(
                ErrorCode::InvalidBase64,
                QT_TRANSLATE_NOOP("td::Error", "length %1 is not a multiple of 4 (truncated or missing '=' padding)"),
                len);
        qsizetype pad = 0;
        while (pad < 2 && len > 0 && text[len - 1] == '=') {
            --len;
            ++pad;
        }
    }
    if (len % 4 == 1)
        return fail(ErrorCode::InvalidBase64,
                    QT_TRANSLATE_NOOP("td::Error", "length %1 cannot be valid base64 (truncated)"), len);

    QByteArray out;
    out.reserve(len * 3 / 4 + 3);
    quint32 acc = 0;
    int bits = 0;
    for (qsizetype i = 0; i < len; ++i) {
        const qint8 v = table[static_cast<unsigned char>(text[i])];
        if (v < 0)
            return fail(ErrorCode::InvalidBase64, describeChar(text[i], i));
        acc = (acc << 6) | static_cast<quint32>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((acc >> bits) & 0xff));
        }
    }
    // Leftover bits must be zero, otherwise two different strings decode to the same bytes.
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return fail(ErrorCode::InvalidBase64,
                    QT_TRANSLATE_NOOP("td::Error", "non-canonical encoding: trailing bits are not zero"));
    return out;
}

} // namespace

QByteArray base64Encode(QByteArrayView data)
{
    return QByteArray::fromRawData(data.data(), data.size()).toBase64();
}

QByteArray base64UrlEncode(QByteArrayView data)
{
    return QByteArray::fromRawData(data.data(), data.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> base64Decode(QByteArrayView text)
{
    return decode(text, Alphabet::Standard);
}

Result<QByteArray> base64UrlDecode(QByteArrayView text)
{
    return decode(text, Alphabet::Url);
}

} // namespace td::crypto
