// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/batch/ReportFormat.h"
#include "core/crypto/Crypto.h"
#include "core/mint/MintPlan.h"
#include "core/mint/PlanMinter.h"

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::batch {

/** The values one dimension takes: (label, value). */
using DimensionValues = QList<QPair<QString, QJsonValue>>;

/** One axis of a permission matrix: a key, its name in words, and the values it takes (label, value). */
struct MatrixDimension {
    QString key;   // "canPublish", "canPublishSources", "canSubscribe", "hidden", "roomAdmin"; "moderator",
                   // "feature:<name>"; "login", "publish", "streams"
    QString label; // "can publish"
    DimensionValues values;
};

/** yes/no values (true/false), in the order a tester meets them first. */
inline DimensionValues yesNo(bool yesFirst)
{
    const QPair<QString, QJsonValue> yes{QStringLiteral("yes"), true};
    const QPair<QString, QJsonValue> no{QStringLiteral("no"), false};
    return yesFirst ? DimensionValues{yes, no} : DimensionValues{no, yes};
}

/** A list value's label: its items joined by '+', or `empty` for the empty list. */
inline QString listLabel(const QStringList& list, const QString& empty)
{
    return list.isEmpty() ? empty : list.join(QLatin1Char('+'));
}

/** What the matrix builder asks for. Empty lists mean the defaults named below. */
struct MatrixSpec {
    QString room;                                  // required: the room every row joins
    QString identityPrefix = QStringLiteral("qa"); // rows are <prefix>-01, <prefix>-02, ...
    qint64 ttlSeconds = 0;                         // 0 = the provider's default
    QStringList dimensions;                        // keys to vary; empty = every dimension of the provider
    QList<QStringList> sourceSets;                 // LiveKit canPublishSources values; {} in the list = all sources.
                                                   // Default: all, camera, microphone, screen_share+screen_share_audio
    QStringList features;           // Jitsi features to vary. Default: recording, livestreaming, transcription,
                                    // outbound-call
    QList<QStringList> streamLists; // Zego stream_id_list values; {} = null (no restriction).
                                    // Default: null and ["<prefix>-stream"]
};

/** The dimensions a provider offers, with the values the spec asks for. */
QList<MatrixDimension> matrixDimensions(Provider provider, const MatrixSpec& spec);

/** One combination: its settings, token, link and what a tester should see happen. */
struct MatrixRow {
    int number = 0; // 1-based
    QString identity;
    QList<QPair<QString, QString>> settings; // dimension label -> value label
    mint::MintPlan plan;
    QByteArray token;
    QString joinLink;
    qint64 expiresAt = 0;
    QStringList expected; // expected behaviour, one sentence each, from the spec's rules
    QString error;        // "" when minted
};

struct Matrix {
    Provider provider = Provider::Unknown;
    QString profile;
    QString environment;
    QString room;
    qint64 generatedAt = 0;
    QStringList dimensionLabels;
    QList<MatrixRow> rows;
    QStringList notes; // what holds for every row (e.g. Zego checks privileges only when the feature is enabled)
};

inline constexpr int kMaxMatrixRows = 4096;

/**
 * Every combination of the chosen dimensions' values, each minted with `minter` (a `seed` makes Zego rows
 * reproducible). Refuses more than kMaxMatrixRows combinations and unknown dimension keys, sources or features.
 */
Result<Matrix> buildMatrix(const mint::PlanMinter& minter, const MatrixSpec& spec, const Clock& clock,
                           const std::optional<QByteArray>& seed = {});

/** The expected behaviour of a minted token in words, from its claims and the spec's rules. */
QStringList expectedBehaviour(Provider provider, const MintedToken& minted, const mint::MintPlan& plan);

/** Exports for testers: CSV (one row per combination), Markdown, and a self-contained HTML checklist. */
QByteArray matrixCsv(const Matrix& matrix);
QByteArray matrixMarkdown(const Matrix& matrix);
QByteArray matrixHtml(const Matrix& matrix);
/** The export in `format` (chooseFormat with FileUse::MatrixReport): CSV, Markdown or HTML. */
QByteArray matrixReport(const Matrix& matrix, Format format);

} // namespace td::batch
