// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace td::test {

/** A file under tests/data. */
inline QString dataPath(const QString& relative)
{
    return QStringLiteral(TOKENDESK_TEST_DATA_DIR "/") + relative;
}

/** A file under ../shared (reference fixtures shared with other teams). */
inline QString sharedPath(const QString& relative)
{
    return QStringLiteral(TOKENDESK_SHARED_DIR "/") + relative;
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test file %s", qPrintable(path));
    return f.readAll();
}

} // namespace td::test
