// SPDX-License-Identifier: MIT
// Runs a fuzz target over files without libFuzzer: the seed corpus and every crash found so far are replayed by
// ctest in the normal and sanitizer builds, so a fixed crash stays fixed. Usage: replay_<target> DIR|FILE...
#include "tests/fuzz/FuzzInput.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char** argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int files = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        QStringList paths;
        if (!QFileInfo::exists(path))
            continue; // regressions/<target> exists only once a crash was found
        if (QFileInfo(path).isDir()) {
            for (const QString& name : QDir(path).entryList(QDir::Files, QDir::Name))
                paths << QDir(path).filePath(name);
        } else {
            paths << path;
        }
        for (const QString& file : paths) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
                return 2;
            }
            const QByteArray input = f.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()),
                                   static_cast<size_t>(input.size()));
            ++files;
        }
    }
    std::printf("%d inputs replayed\n", files);
    return files > 0 ? 0 : 2; // an empty corpus is a broken test, not a pass
}
