// SPDX-License-Identifier: MIT
#include "core/credentials/AtomicFile.h"

#include <QFile>
#include <QSaveFile>

namespace td::credentials {

std::function<bool()>& atomicWriteInterruptHook()
{
    static std::function<bool()> hook;
    return hook;
}

Result<void> writeFileAtomically(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(data) != data.size())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (const auto& hook = atomicWriteInterruptHook(); hook && hook()) {
        file.cancelWriting();
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the save of %1 was interrupted").arg(path));
    }
    if (!file.commit())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot save %1: %2").arg(path, file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace td::credentials
