// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

namespace td::batch {

/**
 * One input row's cells, as a provider module reads them to plan a batch row. Columns are found by index: a module
 * asks column("grants") once (indices hold for the process's life) and reads by index on every row, so a batch does
 * not hash a name per cell. Every reader names the column in its errors ("grants: not a JSON object").
 */
class RowCells {
public:
    virtual ~RowCells() = default;

    /** The index of a canonical column name; -1 when no provider declares it. */
    virtual int column(QLatin1StringView name) const = 0;
    virtual bool isEmpty(int column) const = 0;
    /** Text trimmed, other JSON values in compact JSON; "" when absent. */
    virtual QString text(int column) const = 0;
    /** A text cell exactly as given, untrimmed (opaque values such as metadata); other cells as text(). */
    virtual QString rawText(int column) const = 0;
    /** true/yes/1/y or false/no/0/n, or a JSON boolean. */
    virtual Result<bool> boolean(int column) const = 0;
    /** A JSON array of strings (as JSON or text starting with '['), or text separated by + | ; , or spaces. */
    virtual Result<QStringList> list(int column) const = 0;
    /** A JSON object, or "key=value; key" text (a bare key is true; `listKeys` take values split by + or |). */
    virtual Result<QJsonObject> object(int column, const QStringList& listKeys = {}) const = 0;
    /** A value inside an object cell as text (strings as they are, numbers and booleans spelled out). */
    virtual QString valueText(const QJsonValue& value) const = 0;
};

} // namespace td::batch
