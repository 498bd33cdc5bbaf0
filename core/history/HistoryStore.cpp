// SPDX-License-Identifier: MIT
#include "core/history/HistoryStore.h"

#include "core/io/PrivateFile.h"
#include "core/csv/Csv.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

namespace td::history {
namespace {

QString isoUtc(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject HistoryEntry::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("provider"), providerName(provider)},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("identity"), identity},
        {QStringLiteral("room"), room},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("expiresAt"), expiresAt},
        {QStringLiteral("plan"), plan},
    };
    if (!token.isEmpty())
        o.insert(QStringLiteral("token"), token);
    return o;
}

Result<HistoryEntry> HistoryEntry::fromJson(const QJsonObject& json)
{
    HistoryEntry e;
    e.id = json.value(QStringLiteral("id")).toString();
    const auto provider = parseProvider(json.value(QStringLiteral("provider")).toString());
    if (e.id.isEmpty() || !provider)
        return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "history entry without id or provider"));
    e.provider = *provider;
    e.profile = json.value(QStringLiteral("profile")).toString();
    e.identity = json.value(QStringLiteral("identity")).toString();
    e.room = json.value(QStringLiteral("room")).toString();
    e.summary = json.value(QStringLiteral("summary")).toString();
    e.createdAt = json.value(QStringLiteral("createdAt")).toInteger();
    e.expiresAt = json.value(QStringLiteral("expiresAt")).toInteger();
    e.plan = json.value(QStringLiteral("plan")).toObject();
    e.token = json.value(QStringLiteral("token")).toString();
    return e;
}

HistoryStore::HistoryStore(QString path, QObject* parent) : QObject(parent), m_path(std::move(path)) {}

Result<QList<HistoryEntry>> HistoryStore::load(int* skipped) const
{
    QList<HistoryEntry> out;
    int bad = 0;
    QFile file(m_path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot read %1: %2"), m_path,
                        file.errorString());
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            auto entry = doc.isObject() ? HistoryEntry::fromJson(doc.object()) : Result<HistoryEntry>();
            if (!doc.isObject() || !entry) {
                ++bad;
                continue;
            }
            out.prepend(*entry);
        }
    }
    if (skipped)
        *skipped = bad;
    return out;
}

Result<void> HistoryStore::append(HistoryEntry entry)
{
    return appendAll({std::move(entry)});
}

Result<void> HistoryStore::appendAll(QList<HistoryEntry> entries)
{
    if (entries.isEmpty())
        return {};
    QByteArray line;
    for (HistoryEntry& entry : entries) {
        if (entry.id.isEmpty())
            entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        line += QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';
    }
    io::makePrivateDir(QFileInfo(m_path).absolutePath());
    // A write cut short (crash, full disk) leaves a last line without its newline; appending to it would glue this
    // entry onto the damaged one and lose both, so start a new line.
    if (QFile previous(m_path); previous.size() > 0 && previous.open(QIODevice::ReadOnly) &&
                                previous.seek(previous.size() - 1) && !previous.read(1).endsWith('\n'))
        line.prepend('\n');
    QFile file(m_path);
    if (!io::openPrivateForAppend(file))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot write %1: %2"), m_path,
                    file.errorString());
    if (file.write(line) != line.size() || !file.flush())
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot write %1: %2"), m_path,
                    file.errorString());
    Q_EMIT changed();
    return {};
}

Result<void> HistoryStore::rewrite(const QList<HistoryEntry>& newestFirst)
{
    QByteArray data;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        data += QJsonDocument(it->toJson()).toJson(QJsonDocument::Compact) + '\n';
    io::makePrivateDir(QFileInfo(m_path).absolutePath());
    if (auto ok = io::writeFileAtomically(m_path, data); !ok)
        return ok;
    Q_EMIT changed();
    return {};
}

Result<int> HistoryStore::prune(int retentionDays, qint64 now)
{
    if (retentionDays <= 0)
        return 0;
    auto entries = load();
    if (!entries)
        return std::unexpected(entries.error());
    const qint64 cutoff = now - qint64(retentionDays) * 86400;
    const qsizetype removed = entries->removeIf([&](const HistoryEntry& e) { return e.createdAt < cutoff; });
    if (removed == 0)
        return 0;
    if (auto ok = rewrite(*entries); !ok)
        return std::unexpected(ok.error());
    return int(removed);
}

Result<void> HistoryStore::remove(const QString& id)
{
    auto entries = load();
    if (!entries)
        return std::unexpected(entries.error());
    if (entries->removeIf([&](const HistoryEntry& e) { return e.id == id; }) == 0)
        return {};
    return rewrite(*entries);
}

Result<int> HistoryStore::forgetTokens()
{
    auto entries = load();
    if (!entries)
        return std::unexpected(entries.error());
    int forgotten = 0;
    for (HistoryEntry& e : *entries) {
        if (!e.token.isEmpty()) {
            e.token.clear();
            ++forgotten;
        }
    }
    if (forgotten == 0)
        return 0;
    if (auto ok = rewrite(*entries); !ok)
        return std::unexpected(ok.error());
    return forgotten;
}

Result<void> HistoryStore::clear()
{
    return rewrite({});
}

QByteArray HistoryStore::toCsv(const QList<HistoryEntry>& entries)
{
    QByteArray out = QByteArrayLiteral("created,expires,provider,profile,identity,room,grants,token\r\n");
    for (const HistoryEntry& e : entries) {
        out += csv::row({isoUtc(e.createdAt), isoUtc(e.expiresAt), providerName(e.provider), e.profile, e.identity,
                         e.room, e.summary, e.token});
    }
    return out;
}

} // namespace td::history
