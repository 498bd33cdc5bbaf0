// SPDX-License-Identifier: MIT
#include "core/providers/jitsi/JitsiRoom.h"

#include <QUrl>

#include <algorithm>

namespace td::jitsi {
namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

/** The byte of "%XX" at text[k] (k at the '%'), or -1. */
int escapedByte(const QString& text, qsizetype k)
{
    if (k + 2 >= text.size() || text[k] != QLatin1Char('%'))
        return -1;
    const int hi = hexValue(text[k + 1]);
    const int lo = hexValue(text[k + 2]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

bool isUnreserved(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')';
}

bool isCased(char32_t c)
{
    return QChar::isLower(c) || QChar::isUpper(c) || QChar::isTitleCase(c);
}

/** Unicode Case_Ignorable: Mn, Me, Cf, Lm, Sk and the word-break MidLetter / MidNumLet / Single_Quote marks. */
bool isCaseIgnorable(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier: return true;
    default: break;
    }
    static constexpr char32_t marks[] = {0x27,   0x2E,   0x3A,   0xB7,   0x387,  0x55F,  0x5F4,  0x2018, 0x2019,
                                         0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A};
    for (char32_t m : marks) {
        if (c == m)
            return true;
    }
    return false;
}

/** Whether the capital sigma at code point index i is word-final (Unicode's Final_Sigma condition). */
bool isFinalSigma(const QList<char32_t>& cps, qsizetype i)
{
    bool before = false;
    for (qsizetype j = i - 1; j >= 0; --j) {
        if (isCaseIgnorable(cps[j]))
            continue;
        before = isCased(cps[j]);
        break;
    }
    if (!before)
        return false;
    for (qsizetype j = i + 1; j < cps.size(); ++j) {
        if (isCaseIgnorable(cps[j]))
            continue;
        return !isCased(cps[j]);
    }
    return true;
}

bool isAscii(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

std::optional<QString> decodeUriComponent(const QString& text)
{
    if (!text.contains(QLatin1Char('%')))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype k = 0; k < text.size(); ++k) {
        if (text[k] != QLatin1Char('%')) {
            out += text[k];
            continue;
        }
        const int b = escapedByte(text, k);
        if (b < 0)
            return std::nullopt;
        k += 2;
        if (b < 0x80) {
            out += QChar(char16_t(b));
            continue;
        }
        // A UTF-8 sequence: the lead byte says how many continuation escapes follow.
        int n = 0;
        while (n < 8 && (b & (0x80 >> n)))
            ++n;
        if (n == 1 || n > 4)
            return std::nullopt;
        char32_t cp = static_cast<char32_t>(b & (0xFF >> (n + 1)));
        for (int j = 1; j < n; ++j) {
            const int c = escapedByte(text, k + 1);
            if (c < 0 || (c & 0xC0) != 0x80)
                return std::nullopt;
            k += 3;
            cp = (cp << 6) | static_cast<char32_t>(c & 0x3F);
        }
        static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return std::nullopt; // overlong, beyond Unicode, or a surrogate: not UTF-8
        out += QString::fromUcs4(&cp, 1);
    }
    return out;
}

std::optional<QString> encodeUriComponentLower(const QString& text)
{
    static constexpr char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(text.size() * 3);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        char32_t cp = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(c, text[i + 1]);
            ++i;
        } else if (c.isSurrogate()) {
            return std::nullopt; // JavaScript throws URIError
        }
        if (cp < 0x80 && isUnreserved(cp)) {
            out += QChar(char16_t(cp));
            continue;
        }
        const QByteArray utf8 = QString::fromUcs4(&cp, 1).toUtf8();
        for (char byte : utf8) {
            const auto u = static_cast<unsigned char>(byte);
            out += QLatin1Char('%');
            out += QLatin1Char(hex[u >> 4]);
            out += QLatin1Char(hex[u & 0xF]);
        }
    }
    return out;
}

QString toLowerCaseJs(const QString& text)
{
    if (!text.contains(QChar(0x03A3)))
        return text.toLower();
    // Qt's toLower has the full mappings but not the context-dependent final sigma; handle that one here.
    const QList<uint> ucs4 = text.toUcs4();
    const QList<char32_t> cps(ucs4.cbegin(), ucs4.cend());
    QString out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < cps.size(); ++i) {
        if (cps[i] != 0x03A3)
            continue;
        out += QString::fromUcs4(cps.constData() + start, i - start).toLower();
        out += QChar(isFinalSigma(cps, i) ? char16_t(0x03C2) : char16_t(0x03C3));
        start = i + 1;
    }
    out += QString::fromUcs4(cps.constData() + start, cps.size() - start).toLower();
    return out;
}

QString luaLower(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(char16_t(c.unicode() + 32));
    }
    return out;
}

Result<QString> backendSafeRoomName(const QString& name)
{
    // Lower-case letters, digits and the marks encodeURIComponent keeps are their own joined form (the common case,
    // and batch minting's hot path).
    const bool plain = std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x80 && !(u >= 'A' && u <= 'Z') && isUnreserved(u);
    });
    if (plain)
        return name;
    QString room = decodeUriComponent(name).value_or(name);
    if (!isAscii(room))
        room = room.normalized(QString::NormalizationForm_KC);
    room = toLowerCaseJs(room);
    auto encoded = encodeUriComponentLower(room);
    if (!encoded)
        return fail(
            ErrorCode::InvalidValue,
            QT_TRANSLATE_NOOP("td::Error",
                              "the room name holds an unpaired UTF-16 surrogate, which Jitsi Meet cannot encode"));
    return luaLower(*encoded);
}

Result<QString> backendSafePath(const QString& path)
{
    QStringList parts = path.split(QLatin1Char('/'));
    for (QString& part : parts) {
        auto safe = backendSafeRoomName(part);
        if (!safe)
            return std::unexpected(safe.error());
        part = *safe;
    }
    return parts.join(QLatin1Char('/'));
}

QString readableRoomName(const QString& claim)
{
    return decodeUriComponent(claim).value_or(claim);
}

QString joinLinkSegment(const QString& claim)
{
    QString out;
    out.reserve(claim.size());
    for (QChar c : claim) {
        switch (c.unicode()) {
        case '!': out += QStringLiteral("%21"); break;
        case '\'': out += QStringLiteral("%27"); break;
        case '(': out += QStringLiteral("%28"); break;
        case ')': out += QStringLiteral("%29"); break;
        case '*': out += QStringLiteral("%2a"); break;
        default: out += c;
        }
    }
    return out;
}

Result<RoomClaim> roomClaimFor(const QString& typed, bool pattern, bool raw)
{
    if (raw || pattern || typed == QStringLiteral("*") || typed.isEmpty())
        return RoomClaim{typed, false};
    auto safe = backendSafeRoomName(typed);
    if (!safe)
        return std::unexpected(safe.error());
    return RoomClaim{*safe, *safe != typed};
}

Finding roomRewrittenFinding(const QString& typed, const QString& written)
{
    return Finding{
        QStringLiteral("room-normalised"), Severity::Info,
        QStringLiteral("room claim written as %1, the name Jitsi Meet joins for \"%2\"").arg(written, typed)};
}

namespace {

/** The static errors Lua would raise for a pattern, whatever the subject: "" when it is well formed. */
QString patternSyntaxError(const QString& pattern)
{
    QString error;
    // Every item is visited when the subject is long enough to reach it; a subject made of the pattern's own
    // characters does that for the forms that matter, and the empty subject covers anchors and captures.
    if (!luaPatternMatchesWhole(pattern, QString(), &error))
        return error;
    const QByteArray p = pattern.toUtf8();
    int depth = 0;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (c == '%') {
            if (i + 1 >= p.size())
                return QStringLiteral("malformed pattern (ends with '%')");
            const char n = p[i + 1];
            if (n == 'b') {
                if (i + 3 >= p.size())
                    return QStringLiteral("malformed pattern (missing arguments to '%b')");
                i += 3;
                continue;
            }
            if (n == 'f' && (i + 2 >= p.size() || p[i + 2] != '['))
                return QStringLiteral("missing '[' after '%f' in pattern");
            if (n >= '1' && n <= '9' && n - '0' > depth)
                return QStringLiteral("invalid capture index %") + QLatin1Char(n);
            ++i;
        } else if (c == '[') {
            qsizetype j = i + 1;
            if (j < p.size() && p[j] == '^')
                ++j;
            do {
                if (j >= p.size())
                    return QStringLiteral("malformed pattern (missing ']')");
                if (p[j] == '%')
                    ++j;
                ++j;
            } while (j >= p.size() || p[j] != ']');
            i = j;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (depth == 0)
                return QStringLiteral("invalid pattern capture");
            --depth;
        }
    }
    if (depth > 0)
        return QStringLiteral("unfinished capture");
    return {};
}

} // namespace

QList<Finding> roomClaimFindings(const QString& claim, bool pattern, std::optional<bool> domainVerification)
{
    QList<Finding> out;
    if (claim.isEmpty() || claim == QStringLiteral("*"))
        return out;
    if (!pattern) {
        const QString lowered = luaLower(claim);
        auto safe = backendSafeRoomName(lowered);
        if (!safe) {
            addFinding(out, Severity::Error, "room-unjoinable", safe.error());
        } else if (*safe != lowered) {
            addFinding(out, Severity::Error, "room-unjoinable",
                       QT_TRANSLATE_NOOP("td::Finding",
                                         "no Jitsi Meet client can join room \"%1\": clients join the URL-safe "
                                         "lower-case form of a name, and Prosody compares that with the claim; "
                                         "the claim should be \"%2\""),
                       claim, *safe);
        }
        return out;
    }
    if (const QString bad = patternSyntaxError(claim); !bad.isEmpty())
        addFinding(out, Severity::Error, "room-pattern-malformed",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "the room pattern \"%1\" is not a valid Lua pattern (%2): Prosody fails on it and "
                                     "refuses every join"),
                   claim, bad);
    const QByteArray p = claim.toUtf8();
    QStringList inverted;
    for (qsizetype i = 0; i + 1 < p.size(); ++i) {
        if (p[i] != '%')
            continue;
        const char n = p[i + 1];
        const QString cls = QLatin1Char('%') + QLatin1Char(n);
        if (QByteArrayView("ACDGLPSUWX").contains(n) && !inverted.contains(cls))
            inverted << cls;
        ++i;
    }
    for (const QString& cls : inverted) {
        const QString lower = cls.toLower();
        addFinding(out, Severity::Error, "room-pattern-inverted-class",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "%1 in the room pattern becomes %2 when Prosody lower-cases the claim, so it "
                                     "matches the opposite set; write [^%2] instead"),
                   cls, lower);
    }
    if (domainVerification == std::optional<bool>(false))
        addFinding(out, Severity::Error, "room-pattern-without-domain-verification",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "this deployment has domain verification off: Prosody then compares the room "
                                     "claim literally and the pattern \"%1\" matches no room"),
                   claim);
    else if (!domainVerification)
        addFinding(out, Severity::Warning, "room-pattern-needs-domain-verification",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "a room pattern works only where Prosody has enable_domain_verification on (the "
                                     "default since mid-2022); with it off the claim is compared literally"));
    return out;
}

Result<JitsiDeployment> deploymentFromUrl(const QString& baseUrl, bool domainVerification)
{
    const QUrl url = QUrl::fromUserInput(baseUrl.trimmed());
    if (!url.isValid() || url.host().isEmpty())
        return fail(
            ErrorCode::InvalidValue,
            QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a Jitsi Meet address such as https://meet.example.org"),
            baseUrl);
    JitsiDeployment d;
    d.host = url.host().toLower();
    d.domainVerification = domainVerification;
    QString path = url.path(QUrl::FullyEncoded);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.isEmpty()) {
        auto tenant = backendSafePath(path);
        if (!tenant)
            return std::unexpected(tenant.error());
        d.tenant = *tenant;
    }
    return d;
}

QList<Finding> subjectFindings(const QString& subject, const JitsiDeployment& d)
{
    QList<Finding> out;
    if (!d.domainVerification || subject == QStringLiteral("*"))
        return out;
    const QString sub = luaLower(subject);
    if (!d.tenant.isEmpty()) {
        if (sub != d.tenant)
            addFinding(out, Severity::Error, "sub-cannot-match",
                       QT_TRANSLATE_NOOP("td::Finding",
                                         "with domain verification on, rooms under the tenant \"%1\" need sub \"%1\" "
                                         "(or \"*\"), not \"%2\": Prosody refuses the join"),
                       d.tenant, subject);
        return out;
    }
    if (subject.isEmpty()) {
        addFinding(out, Severity::Error, "sub-cannot-match",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "with domain verification on, Prosody needs sub: the domain \"%1\" or \"*\""),
                   d.host);
    } else if (sub != d.host) {
        addFinding(out, Severity::Warning, "sub-not-domain",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "sub \"%1\" is not this deployment's domain \"%2\": Prosody compares it with its "
                                     "XMPP domain (conference.<sub>), so the join works only if that domain is \"%1\" "
                                     "(docker-jitsi-meet uses meet.jitsi)"),
                   subject, d.host);
    }
    return out;
}

} // namespace td::jitsi
