// SPDX-License-Identifier: MIT
#include "ui/server/ConfigErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace td::ui {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ConfigErrors)
};

/** The page's label for a member of an endpoint or its policy; unknown members keep their config name. */
QString fieldLabel(const QString& member)
{
    const QString key = member.section(QLatin1Char('.'), 0, 0);
    const QString rest = member.section(QLatin1Char('.'), 1);
    QString label;
    if (key == QStringLiteral("path"))
        label = Tr::tr("Path");
    else if (key == QStringLiteral("type"))
        label = Tr::tr("Type");
    else if (key == QStringLiteral("profile"))
        label = Tr::tr("Profile");
    else if (key == QStringLiteral("credentials"))
        label = Tr::tr("Environment credentials");
    else if (key == QStringLiteral("room"))
        label = Tr::tr("Room pattern");
    else if (key == QStringLiteral("identity"))
        label = Tr::tr("Identity pattern");
    else if (key == QStringLiteral("maxTtl"))
        label = Tr::tr("Max TTL");
    else if (key == QStringLiteral("defaultTtl"))
        label = Tr::tr("Default TTL");
    else if (key == QStringLiteral("allowFields"))
        label = Tr::tr("Request fields");
    else if (key == QStringLiteral("grants"))
        label = Tr::tr("LiveKit grants");
    else if (key == QStringLiteral("features"))
        label = Tr::tr("Jitsi features");
    else
        label = key;
    return rest.isEmpty() ? label : Tr::tr("%1 (%2)").arg(label, rest);
}

QString withLabel(const QString& label, const QString& detail)
{
    return label.isEmpty() ? detail : Tr::tr("%1: %2").arg(label, detail);
}

} // namespace

ConfigErrorPlace placeConfigError(const QString& message)
{
    using Target = ConfigErrorPlace::Target;
    const qsizetype colon = message.indexOf(QStringLiteral(": "));
    if (colon <= 0)
        return {Target::General, -1, message};
    const QString path = message.left(colon);
    const QString detail = message.mid(colon + 2);

    static const QRegularExpression policy(QStringLiteral("^endpoints\\[(\\d+)\\]\\.policy(?:\\.(.+))?$"));
    static const QRegularExpression endpoint(QStringLiteral("^endpoints\\[(\\d+)\\](?:\\.(.+))?$"));
    static const QRegularExpression origin(QStringLiteral("^allowedOrigins\\[(\\d+)\\]$"));
    static const QRegularExpression key(QStringLiteral("^auth\\.bearerKeys\\[(\\d+)\\]"));
    if (const auto m = policy.match(path); m.hasMatch())
        return {Target::Policy, m.captured(1).toInt(), withLabel(fieldLabel(m.captured(2)), detail)};
    if (const auto m = endpoint.match(path); m.hasMatch())
        return {Target::Endpoint, m.captured(1).toInt(), withLabel(fieldLabel(m.captured(2)), detail)};
    if (path == QStringLiteral("endpoints"))
        return {Target::Endpoints, -1, Tr::tr("Endpoints: %1").arg(detail)};
    if (const auto m = origin.match(path); m.hasMatch())
        return {Target::Origins, -1, Tr::tr("Origin %1: %2").arg(m.captured(1).toInt() + 1).arg(detail)};
    if (const auto m = key.match(path); m.hasMatch())
        return {Target::Keys, -1, Tr::tr("Bearer key %1: %2").arg(m.captured(1).toInt() + 1).arg(detail)};
    if (path == QStringLiteral("bind"))
        return {Target::Listen, -1, Tr::tr("Address: %1").arg(detail)};
    if (path == QStringLiteral("port"))
        return {Target::Listen, -1, Tr::tr("Port: %1").arg(detail)};
    return {Target::General, -1, message};
}

} // namespace td::ui
