// SPDX-License-Identifier: MIT
#include "core/batch/PermissionMatrix.h"

#include "core/providers/jitsi/JitsiToken.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/providers/zego/ZegoPrivilege.h"

#include <QJsonArray>
#include <QJsonObject>

namespace td::batch {
namespace {

using Values = QList<QPair<QString, QJsonValue>>;

Values yesNo(bool yesFirst)
{
    const QPair<QString, QJsonValue> yes{QStringLiteral("yes"), true};
    const QPair<QString, QJsonValue> no{QStringLiteral("no"), false};
    return yesFirst ? Values{yes, no} : Values{no, yes};
}

QString listLabel(const QStringList& list, const QString& empty)
{
    return list.isEmpty() ? empty : list.join(QLatin1Char('+'));
}

QStringList defaultFeatures()
{
    return {QStringLiteral("recording"), QStringLiteral("livestreaming"), QStringLiteral("transcription"),
            QStringLiteral("outbound-call")};
}

QStringList notesFor(Provider provider)
{
    switch (provider) {
    case Provider::LiveKit:
        return {QStringLiteral("LiveKit checks the token when the participant connects; expiry only gates that first "
                               "connection, not reconnects (spec 1.7)."),
                QStringLiteral("canPublishSources narrows canPublish: a source may be published only when canPublish "
                               "is true and the list is empty or names it. canPublishData follows canPublish when it "
                               "is not set (spec 1.4)."),
                QStringLiteral("A hidden participant is invisible to the others: they do not see it in the "
                               "participant list, even while it subscribes.")};
    case Provider::Jaas:
        return {QStringLiteral("JaaS applies context.features only to moderators: a participant's features have no "
                               "effect (spec 3.1)."),
                QStringLiteral("The Meet client hides the controls of features the token turns off.")};
    case Provider::Jitsi:
        return {QStringLiteral("Prosody makes a participant moderator (owner) when context.user.moderator is true "
                               "(mod_token_affiliation); the server must run it, with Jicofo's auto-owner off, for "
                               "the moderator column to matter (spec 3.2)."),
                QStringLiteral("Without context.features the server's defaults apply (mod_jitsi_permissions).")};
    case Provider::Zego:
        return {QStringLiteral("ZEGOCLOUD checks login and publish privileges only when room privilege authentication "
                               "is enabled for the AppID (ZEGO support turns it on); otherwise every valid token may "
                               "log in and publish (spec 2.6)."),
                QStringLiteral("Zego tokens have no join link: give the token to the SDK's loginRoom.")};
    case Provider::Unknown: break;
    }
    return {};
}

/** The plan of one combination: `chosen` maps dimension key -> value. */
Result<mint::MintPlan> planFor(Provider provider, const QString& profile, const QString& identity, const QString& room,
                               qint64 ttl, const QList<QPair<QString, QJsonValue>>& chosen)
{
    mint::MintPlan plan;
    plan.provider = provider;
    plan.profile = profile;
    plan.ttlSeconds = ttl;
    switch (provider) {
    case Provider::LiveKit: {
        QJsonObject video{{QStringLiteral("roomJoin"), true}, {QStringLiteral("room"), room}};
        for (const auto& [key, value] : chosen)
            video.insert(key, value);
        plan.claims = QJsonObject{
            {QStringLiteral("sub"), identity}, {QStringLiteral("name"), identity}, {QStringLiteral("video"), video}};
        return plan;
    }
    case Provider::Jaas:
    case Provider::Jitsi: {
        jitsi::JitsiClaims claims;
        claims.room = room;
        claims.user.id = identity;
        claims.user.name = identity;
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("moderator"))
                claims.user.moderator = value.toBool();
            else if (key.startsWith(QStringLiteral("feature:")))
                claims.features.append({key.mid(8), value.toBool()});
        }
        plan.claims = QJsonObject{
            {QStringLiteral("room"), room},
            {QStringLiteral("context"), jitsi::contextJson(claims, provider == Provider::Jitsi).toJsonValue()}};
        return plan;
    }
    case Provider::Zego: {
        zego::RoomPrivilege privilege;
        privilege.roomId = room;
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("login"))
                privilege.allowLogin = value.toBool();
            else if (key == QStringLiteral("publish"))
                privilege.allowPublish = value.toBool();
            else if (key == QStringLiteral("streams") && value.isArray() && !value.toArray().isEmpty()) {
                QStringList ids;
                for (const QJsonValue& id : value.toArray())
                    ids << id.toString();
                privilege.streamIds = ids;
            }
        }
        plan.claims =
            QJsonObject{{QStringLiteral("user_id"), identity}, {QStringLiteral("payload"), privilege.toPayload()}};
        return plan;
    }
    case Provider::Unknown: break;
    }
    return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the profile has no provider"));
}

} // namespace

QList<MatrixDimension> matrixDimensions(Provider provider, const MatrixSpec& spec)
{
    QList<MatrixDimension> out;
    switch (provider) {
    case Provider::LiveKit: {
        QList<QStringList> sets = spec.sourceSets;
        if (sets.isEmpty())
            sets = {{},
                    {QStringLiteral("camera")},
                    {QStringLiteral("microphone")},
                    {QStringLiteral("screen_share"), QStringLiteral("screen_share_audio")}};
        Values sources;
        for (const QStringList& set : sets)
            sources.append({listLabel(set, QStringLiteral("all")), QJsonArray::fromStringList(set)});
        out << MatrixDimension{QStringLiteral("canPublish"), QStringLiteral("can publish"), yesNo(true)}
            << MatrixDimension{QStringLiteral("canPublishSources"), QStringLiteral("publish sources"), sources}
            << MatrixDimension{QStringLiteral("canSubscribe"), QStringLiteral("can subscribe"), yesNo(true)}
            << MatrixDimension{QStringLiteral("hidden"), QStringLiteral("hidden"), yesNo(false)}
            << MatrixDimension{QStringLiteral("roomAdmin"), QStringLiteral("room admin"), yesNo(false)};
        break;
    }
    case Provider::Jaas:
    case Provider::Jitsi:
        out << MatrixDimension{QStringLiteral("moderator"), QStringLiteral("moderator"), yesNo(true)};
        for (const QString& feature : spec.features.isEmpty() ? defaultFeatures() : spec.features)
            out << MatrixDimension{QStringLiteral("feature:") + feature, feature,
                                   Values{{QStringLiteral("on"), true}, {QStringLiteral("off"), false}}};
        break;
    case Provider::Zego: {
        QList<QStringList> lists = spec.streamLists;
        if (lists.isEmpty())
            lists = {{}, {spec.identityPrefix + QStringLiteral("-stream")}};
        Values streams;
        for (const QStringList& list : lists)
            streams.append({listLabel(list, QStringLiteral("any")), QJsonArray::fromStringList(list)});
        out << MatrixDimension{QStringLiteral("login"), QStringLiteral("may log in"), yesNo(true)}
            << MatrixDimension{QStringLiteral("publish"), QStringLiteral("may publish"), yesNo(true)}
            << MatrixDimension{QStringLiteral("streams"), QStringLiteral("stream list"), streams};
        break;
    }
    case Provider::Unknown: break;
    }
    return out;
}

QStringList expectedBehaviour(Provider provider, const MintedToken& minted, const mint::MintPlan& plan)
{
    switch (provider) {
    case Provider::LiveKit: {
        // From what the token itself carries, so the checklist describes the real token.
        QList<Finding> ignored;
        const QJsonObject payload = minted.claims.toJsonValue().toObject();
        const livekit::LiveKitClaims claims = livekit::readClaims(payload, ignored);
        return livekit::explainPermissions(claims, claims.identity);
    }
    case Provider::Jaas:
    case Provider::Jitsi: return jitsi::explainPermissions(minted.claims.toJsonValue().toObject());
    case Provider::Zego: return zego::explainPayload(plan.claims.value(QStringLiteral("payload")).toString());
    case Provider::Unknown: break;
    }
    return {};
}

Result<Matrix> buildMatrix(const mint::PlanMinter& minter, const MatrixSpec& spec, const Clock& clock,
                           const std::optional<QByteArray>& seed)
{
    const credentials::Profile& profile = minter.profile();
    const Provider provider = profile.provider;
    if (spec.room.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the matrix needs a room"));
    for (const QStringList& set : spec.sourceSets) {
        for (const QString& source : set) {
            if (!livekit::publishSources().contains(source))
                return fail(ErrorCode::InvalidValue,
                            QT_TRANSLATE_NOOP("td::Error", "unknown publish source \"%1\"; LiveKit knows %2"), source,
                            livekit::publishSources().join(QStringLiteral(", ")));
        }
    }
    for (const QString& feature : spec.features) {
        if (auto ok = jitsi::parseFeature(feature); !ok)
            return std::unexpected(ok.error());
    }
    const QList<MatrixDimension> all = matrixDimensions(provider, spec);
    QList<MatrixDimension> dims;
    if (spec.dimensions.isEmpty()) {
        dims = all;
    } else {
        for (const QString& key : spec.dimensions) {
            const auto it =
                std::find_if(all.begin(), all.end(), [&](const MatrixDimension& d) { return d.key == key; });
            if (it == all.end()) {
                QStringList keys;
                for (const MatrixDimension& d : all)
                    keys << d.key;
                return fail(ErrorCode::InvalidValue,
                            QT_TRANSLATE_NOOP("td::Error", "unknown dimension \"%1\" for %2; choose from %3"), key,
                            providerName(provider), keys.join(QStringLiteral(", ")));
            }
            dims << *it;
        }
    }
    qint64 combinations = 1;
    for (const MatrixDimension& d : dims) {
        combinations *= qMax<qsizetype>(1, d.values.size());
        if (combinations > kMaxMatrixRows)
            return fail(ErrorCode::OutOfRange,
                        QT_TRANSLATE_NOOP("td::Error", "more than %1 combinations: choose fewer dimensions "
                                                       "or values"),
                        kMaxMatrixRows);
    }

    Matrix matrix;
    matrix.provider = provider;
    matrix.profile = profile.name;
    matrix.environment = profile.environment;
    matrix.room = spec.room.trimmed();
    matrix.generatedAt = clock.nowSeconds();
    matrix.notes = notesFor(provider);
    for (const MatrixDimension& d : dims)
        matrix.dimensionLabels << d.label;
    const qint64 ttl = spec.ttlSeconds > 0 ? spec.ttlSeconds : mint::defaultTtlSeconds(provider);
    const int digits = QString::number(combinations).size();

    QList<int> index(dims.size(), 0); // an odometer over the dimensions' values, the last one turning fastest
    for (qint64 n = 1; n <= combinations; ++n) {
        MatrixRow row;
        row.number = static_cast<int>(n);
        row.identity = QStringLiteral("%1-%2").arg(spec.identityPrefix).arg(n, qMax(2, digits), 10, QLatin1Char('0'));
        QList<QPair<QString, QJsonValue>> chosen;
        for (qsizetype d = 0; d < dims.size(); ++d) {
            const auto& [label, value] = dims[d].values[index[d]];
            chosen.append({dims[d].key, value});
            row.settings.append({dims[d].label, label});
        }
        auto plan = planFor(provider, profile.name, row.identity, matrix.room, ttl, chosen);
        if (!plan)
            return std::unexpected(plan.error());
        row.plan = *plan;
        const crypto::RandomSource random =
            seed ? crypto::seededRandom(*seed + "#matrix#" + QByteArray::number(n)) : crypto::RandomSource();
        auto minted = minter.mint(row.plan, clock, random);
        if (minted) {
            row.token = minted->token;
            row.expiresAt = minted->expiresAt;
            row.joinLink = mint::joinLink(row.plan, profile, minted->token);
            row.expected = expectedBehaviour(provider, *minted, row.plan);
        } else {
            row.error = minted.error().message;
        }
        matrix.rows.append(std::move(row));
        for (qsizetype d = dims.size() - 1; d >= 0; --d) {
            if (++index[d] < dims[d].values.size())
                break;
            index[d] = 0;
        }
    }
    return matrix;
}

} // namespace td::batch
