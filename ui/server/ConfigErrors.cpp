// SPDX-License-Identifier: MIT
#include "ui/server/ConfigErrors.h"

#include <QCoreApplication>

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

namespace {

/** One step of a field path: "endpoints[1]" is {"endpoints", 1}, "policy" is {"policy", -1}. */
struct Step {
    QString name;
    int index = -1;
};

QList<Step> steps(const QString& path)
{
    QList<Step> out;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        Step step{part, -1};
        const qsizetype open = part.indexOf(QLatin1Char('['));
        if (open > 0 && part.endsWith(QLatin1Char(']'))) {
            bool ok = false;
            const int index = part.mid(open + 1, part.size() - open - 2).toInt(&ok);
            if (ok && index >= 0)
                step = Step{part.left(open), index};
        }
        out.append(step);
    }
    return out;
}

QString joined(const QList<Step>& path, qsizetype from)
{
    QStringList names;
    for (qsizetype i = from; i < path.size(); ++i)
        names << (path.at(i).index < 0 ? path.at(i).name
                                       : QStringLiteral("%1[%2]").arg(path.at(i).name).arg(path.at(i).index));
    return names.join(QLatin1Char('.'));
}

} // namespace

ConfigErrorPlace placeConfigError(const Error& error)
{
    using Target = ConfigErrorPlace::Target;
    if (error.field.isEmpty())
        return {Target::General, -1, error.localized()};
    const QString detail = error.localizedDetail();
    const QList<Step> path = steps(error.field);
    const Step& first = path.first();
    if (first.name == QStringLiteral("endpoints") && first.index >= 0) {
        if (path.size() > 1 && path.at(1).name == QStringLiteral("policy") && path.at(1).index < 0)
            return {Target::Policy, first.index, withLabel(fieldLabel(joined(path, 2)), detail)};
        return {Target::Endpoint, first.index, withLabel(fieldLabel(joined(path, 1)), detail)};
    }
    if (error.field == QStringLiteral("endpoints"))
        return {Target::Endpoints, -1, Tr::tr("Endpoints: %1").arg(detail)};
    if (first.name == QStringLiteral("allowedOrigins") && first.index >= 0 && path.size() == 1)
        return {Target::Origins, -1, Tr::tr("Origin %1: %2").arg(first.index + 1).arg(detail)};
    if (first.name == QStringLiteral("auth") && path.size() > 1 && path.at(1).name == QStringLiteral("bearerKeys") &&
        path.at(1).index >= 0)
        return {Target::Keys, -1, Tr::tr("Bearer key %1: %2").arg(path.at(1).index + 1).arg(detail)};
    if (error.field == QStringLiteral("bind"))
        return {Target::Listen, -1, Tr::tr("Address: %1").arg(detail)};
    if (error.field == QStringLiteral("port"))
        return {Target::Listen, -1, Tr::tr("Port: %1").arg(detail)};
    return {Target::General, -1, error.localized()};
}

} // namespace td::ui
