// SPDX-License-Identifier: MIT
// Lua 5.x patterns (string.match), as Prosody applies a regex room claim. Written from the Lua reference manual
// (section 6.4.1 "Patterns"): classes in the C locale, sets, the four repetitions, anchors, captures, %b and %f.
#include "core/providers/jitsi/JitsiRoom.h"

#include <QByteArray>

#include <array>

namespace td::jitsi {
namespace {

constexpr int kMaxDepth = 200; // Lua's MAXCCALLS: deeper patterns fail with "pattern too complex"
constexpr int kMaxCaptures = 32;

struct MalformedPattern {
    QString reason;
};

class Matcher {
public:
    Matcher(const QByteArray& subject, const QByteArray& pattern) : m_s(subject), m_p(pattern) {}

    /** Lua's str_find_aux for match: the first start position that matches; {start, end} or {-1, -1}. */
    std::pair<int, int> find()
    {
        int p = 0;
        const bool anchored = !m_p.isEmpty() && m_p[0] == '^';
        if (anchored)
            p = 1;
        int s = 0;
        do {
            m_level = 0;
            m_depth = 0;
            const int e = match(s, p);
            if (e >= 0)
                return {s, e};
            ++s;
        } while (s <= m_s.size() && !anchored);
        return {-1, -1};
    }

private:
    static constexpr int kCapUnfinished = -1;
    static constexpr int kCapPosition = -2;

    char pat(int i) const { return i < m_p.size() ? m_p[i] : '\0'; }

    int classEnd(int p) const
    {
        const char c = m_p[p++];
        if (c == '%') {
            if (p >= m_p.size())
                throw MalformedPattern{QStringLiteral("malformed pattern (ends with '%')")};
            return p + 1;
        }
        if (c == '[') {
            if (pat(p) == '^')
                ++p;
            do { // look for a ']'
                if (p >= m_p.size())
                    throw MalformedPattern{QStringLiteral("malformed pattern (missing ']')")};
                const char cc = m_p[p++];
                if (cc == '%') {
                    if (p >= m_p.size())
                        throw MalformedPattern{QStringLiteral("malformed pattern (ends with '%')")};
                    ++p;
                }
            } while (pat(p) != ']');
            return p + 1;
        }
        return p;
    }

    static bool classMatches(unsigned char c, char cl)
    {
        bool res = false;
        const unsigned char lower = static_cast<unsigned char>(cl | 0x20);
        // The C locale: only ASCII has classes.
        const bool ascii = c < 0x80;
        switch (lower) {
        case 'a': res = ascii && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); break;
        case 'c': res = c < 0x20 || c == 0x7f; break;
        case 'd': res = c >= '0' && c <= '9'; break;
        case 'g': res = c > 0x20 && c < 0x7f; break;
        case 'l': res = c >= 'a' && c <= 'z'; break;
        case 'p':
            res = (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) ||
                  (c >= 0x7b && c <= 0x7e);
            break;
        case 's': res = c == ' ' || (c >= '\t' && c <= '\r'); break;
        case 'u': res = c >= 'A' && c <= 'Z'; break;
        case 'w': res = ascii && (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9')); break;
        case 'x': res = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); break;
        default: return static_cast<unsigned char>(cl) == c;
        }
        return (cl >= 'A' && cl <= 'Z') ? !res : res;
    }

    bool setMatches(unsigned char c, int p, int ec) const
    {
        bool sig = true;
        if (m_p[p + 1] == '^') {
            sig = false;
            ++p;
        }
        while (++p < ec) {
            if (m_p[p] == '%') {
                ++p;
                if (classMatches(c, m_p[p]))
                    return sig;
            } else if (m_p[p + 1] == '-' && p + 2 < ec) {
                p += 2;
                if (static_cast<unsigned char>(m_p[p - 2]) <= c && c <= static_cast<unsigned char>(m_p[p]))
                    return sig;
            } else if (static_cast<unsigned char>(m_p[p]) == c) {
                return sig;
            }
        }
        return !sig;
    }

    bool singleMatches(int s, int p, int ep) const
    {
        if (s >= m_s.size())
            return false;
        const auto c = static_cast<unsigned char>(m_s[s]);
        switch (m_p[p]) {
        case '.': return true;
        case '%': return classMatches(c, m_p[p + 1]);
        case '[': return setMatches(c, p, ep - 1);
        default: return static_cast<unsigned char>(m_p[p]) == c;
        }
    }

    int matchBalance(int s, int p) const
    {
        if (p + 1 >= m_p.size())
            throw MalformedPattern{QStringLiteral("malformed pattern (missing arguments to '%b')")};
        if (s >= m_s.size() || m_s[s] != m_p[p])
            return -1;
        const char b = m_p[p];
        const char e = m_p[p + 1];
        int cont = 1;
        while (++s < m_s.size()) {
            if (m_s[s] == e) {
                if (--cont == 0)
                    return s + 1;
            } else if (m_s[s] == b) {
                ++cont;
            }
        }
        return -1;
    }

    int maxExpand(int s, int p, int ep)
    {
        int i = 0;
        while (singleMatches(s + i, p, ep))
            ++i;
        while (i >= 0) { // try with the maximum repetitions, then fewer
            const int res = match(s + i, ep + 1);
            if (res >= 0)
                return res;
            --i;
        }
        return -1;
    }

    int minExpand(int s, int p, int ep)
    {
        for (;;) {
            const int res = match(s, ep + 1);
            if (res >= 0)
                return res;
            if (singleMatches(s, p, ep))
                ++s;
            else
                return -1;
        }
    }

    int startCapture(int s, int p, int what)
    {
        if (m_level >= kMaxCaptures)
            throw MalformedPattern{QStringLiteral("too many captures")};
        m_capture[m_level] = {s, what};
        ++m_level;
        const int res = match(s, p);
        if (res < 0)
            --m_level;
        return res;
    }

    int captureToClose() const
    {
        for (int level = m_level - 1; level >= 0; --level) {
            if (m_capture[level].second == kCapUnfinished)
                return level;
        }
        throw MalformedPattern{QStringLiteral("invalid pattern capture")};
    }

    int endCapture(int s, int p)
    {
        const int l = captureToClose();
        m_capture[l].second = s - m_capture[l].first;
        const int res = match(s, p);
        if (res < 0)
            m_capture[l].second = kCapUnfinished;
        return res;
    }

    int matchCapture(int s, int digit) const
    {
        const int l = digit - '1';
        if (l < 0 || l >= m_level || m_capture[l].second == kCapUnfinished)
            throw MalformedPattern{QStringLiteral("invalid capture index %") + QLatin1Char(char(digit))};
        const int len = m_capture[l].second == kCapPosition ? 0 : m_capture[l].second;
        if (m_s.size() - s >= len && m_s.mid(m_capture[l].first, len) == m_s.mid(s, len))
            return s + len;
        return -1;
    }

    int match(int s, int p)
    {
        if (++m_depth > kMaxDepth)
            throw MalformedPattern{QStringLiteral("pattern too complex")};
        struct Leave {
            int& depth;
            ~Leave() { --depth; }
        } leave{m_depth};
        for (;;) {
            if (p >= m_p.size())
                return s;
            switch (m_p[p]) {
            case '(':
                if (pat(p + 1) == ')')
                    return startCapture(s, p + 2, kCapPosition);
                return startCapture(s, p + 1, kCapUnfinished);
            case ')': return endCapture(s, p + 1);
            case '$':
                if (p + 1 == m_p.size())
                    return s == m_s.size() ? s : -1;
                break;
            case '%':
                switch (pat(p + 1)) {
                case 'b':
                    s = matchBalance(s, p + 2);
                    if (s < 0)
                        return -1;
                    p += 4;
                    continue;
                case 'f': {
                    p += 2;
                    if (pat(p) != '[')
                        throw MalformedPattern{QStringLiteral("missing '[' after '%f' in pattern")};
                    const int ep = classEnd(p);
                    const auto prev = static_cast<unsigned char>(s == 0 ? '\0' : m_s[s - 1]);
                    const auto cur = static_cast<unsigned char>(s < m_s.size() ? m_s[s] : '\0');
                    if (!setMatches(prev, p, ep - 1) && setMatches(cur, p, ep - 1)) {
                        p = ep;
                        continue;
                    }
                    return -1;
                }
                default:
                    if (pat(p + 1) >= '0' && pat(p + 1) <= '9') {
                        s = matchCapture(s, pat(p + 1));
                        if (s < 0)
                            return -1;
                        p += 2;
                        continue;
                    }
                    break;
                }
                break;
            default: break;
            }
            // A single character class, maybe with a repetition.
            const int ep = classEnd(p);
            const char rep = pat(ep);
            if (!singleMatches(s, p, ep)) {
                if (rep == '*' || rep == '?' || rep == '-') {
                    p = ep + 1;
                    continue;
                }
                return -1;
            }
            switch (rep) {
            case '?': {
                const int res = match(s + 1, ep + 1);
                if (res >= 0)
                    return res;
                p = ep + 1;
                continue;
            }
            case '+': return maxExpand(s + 1, p, ep);
            case '*': return maxExpand(s, p, ep);
            case '-': return minExpand(s, p, ep);
            default:
                ++s;
                p = ep;
                continue;
            }
        }
    }

    const QByteArray& m_s;
    const QByteArray& m_p;
    int m_level = 0;
    int m_depth = 0;
    std::array<std::pair<int, int>, kMaxCaptures> m_capture{};
};

} // namespace

std::optional<bool> luaPatternMatchesWhole(const QString& pattern, const QString& subject, QString* error)
{
    const QByteArray p = pattern.toUtf8();
    const QByteArray s = subject.toUtf8();
    try {
        Matcher m(s, p);
        const auto [start, end] = m.find();
        // Prosody accepts the join when the text string.match finds is the whole room name.
        return start == 0 && end == s.size();
    } catch (const MalformedPattern& bad) {
        if (error)
            *error = bad.reason;
        return std::nullopt;
    }
}

} // namespace td::jitsi
