// SPDX-License-Identifier: MIT
#include "core/batch/PermissionMatrix.h"

#include "core/providers/Registry.h"
#include "core/providers/jitsi/JitsiClaims.h"
#include "core/providers/livekit/LiveKitGrants.h"

#include <QJsonArray>
#include <QJsonObject>

namespace td::batch {

QList<MatrixDimension> matrixDimensions(Provider provider, const MatrixSpec& spec)
{
    const ProviderModule* module = findModule(provider);
    return module ? module->matrixDimensions(spec) : QList<MatrixDimension>();
}

QStringList expectedBehaviour(Provider provider, const MintedToken& minted, const mint::MintPlan& plan)
{
    const ProviderModule* module = findModule(provider);
    return module ? module->expectedBehaviour(minted, plan) : QStringList();
}

Result<Matrix> buildMatrix(const mint::PlanMinter& minter, const MatrixSpec& spec, const Clock& clock,
                           const std::optional<QByteArray>& seed)
{
    const credentials::Profile& profile = minter.profile();
    const Provider provider = profile.provider;
    const ProviderModule* module = findModule(provider);
    if (!module)
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the profile has no provider"));
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
    matrix.notes = module->matrixNotes();
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
        row.plan.provider = provider;
        row.plan.profile = profile.name;
        row.plan.ttlSeconds = ttl;
        module->matrixClaims(row.plan, row.identity, matrix.room, chosen);
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
