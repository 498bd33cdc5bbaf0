// SPDX-License-Identifier: MIT
#include "core/credentials/EnvFile.h"

namespace td::credentials {
namespace {

bool isKeyChar(char c, bool first)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (!first && c >= '0' && c <= '9');
}

/** The closing quote of the value whose opening quote is at `open`, or -1 (inside "...", a backslash escapes). */
qsizetype closingQuote(QByteArrayView text, qsizetype open)
{
    const char quote = text[open];
    for (qsizetype i = open + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\' && i + 1 < text.size()) {
            ++i;
            continue;
        }
        if (text[i] == quote)
            return i;
    }
    return -1;
}

} // namespace

Result<QList<EnvEntry>> parseEnvFile(QByteArrayView input)
{
    QByteArray text = input.toByteArray();
    const crypto::ScopedWipe wipeText(text); // the whole file, secrets and all
    text.replace("\r\n", "\n");
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3); // a BOM from Windows editors
    QList<EnvEntry> out;
    qsizetype pos = 0;
    int line = 1;
    const auto bad = [&](int at, const QString& why) {
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "line %1: %2"), at, why);
    };
    while (pos < text.size()) {
        qsizetype eol = text.indexOf('\n', pos);
        if (eol < 0)
            eol = text.size();
        QByteArrayView l = QByteArrayView(text).sliced(pos, eol - pos).trimmed();
        const int startLine = line;
        if (l.isEmpty() || l.startsWith('#')) {
            pos = eol + 1;
            ++line;
            continue;
        }
        if (l.startsWith("export ") || l.startsWith("export\t"))
            l = l.sliced(7).trimmed();
        const qsizetype eq = l.indexOf('=');
        if (eq <= 0)
            return bad(startLine, QStringLiteral("expected KEY=VALUE"));
        const QByteArrayView key = l.first(eq).trimmed();
        // The name is not quoted back: what stands before a '=' may be a line of an unquoted PEM body ("...AB==").
        for (qsizetype i = 0; i < key.size(); ++i) {
            if (!isKeyChar(key[i], i == 0))
                return bad(startLine, QStringLiteral("not a valid variable name (letters, digits and _, not starting "
                                                     "with a digit); a multi-line value needs double quotes"));
        }
        // Continue from the raw text so a quoted value may run over several lines.
        qsizetype v = text.indexOf('=', pos) + 1;
        while (v < text.size() && (text[v] == ' ' || text[v] == '\t'))
            ++v;
        QByteArray value;
        if (v < text.size() && (text[v] == '"' || text[v] == '\'')) {
            const char quote = text[v];
            const qsizetype close = closingQuote(text, v);
            if (close < 0)
                return bad(startLine,
                           QStringLiteral("the quoted value of %1 is never closed").arg(QString::fromUtf8(key)));
            // Room for the whole value up front: growing it would leave copies of the secret behind, unwiped.
            value.reserve(close - v - 1);
            qsizetype i = v + 1;
            for (; i < close; ++i) {
                const char c = text[i];
                if (c == '\n')
                    ++line;
                if (quote == '"' && c == '\\' && i + 1 < text.size()) {
                    const char n = text[++i];
                    value.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
                    continue;
                }
                value.append(c);
            }
            eol = text.indexOf('\n', i);
            if (eol < 0)
                eol = text.size();
            const QByteArrayView rest = QByteArrayView(text).sliced(i + 1, eol - i - 1).trimmed();
            if (!rest.isEmpty() && !rest.startsWith('#'))
                return bad(line,
                           QStringLiteral("unexpected text after the closing quote of %1").arg(QString::fromUtf8(key)));
        } else {
            QByteArrayView raw = QByteArrayView(text).sliced(v, eol - v);
            if (const qsizetype hash = raw.indexOf(" #"); hash >= 0)
                raw = raw.first(hash);
            value = raw.trimmed().toByteArray();
        }
        out.append(EnvEntry{QString::fromUtf8(key), std::move(value), startLine});
        pos = eol + 1;
        ++line;
    }
    return out;
}

} // namespace td::credentials
