// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace td::zego {

/** The room-privilege payload carried in Token04's "payload" string (spec 2.6). */
struct RoomPrivilege {
    QString roomId;
    bool allowLogin = true;
    bool allowPublish = true;
    std::optional<QStringList> streamIds; // nullopt = null = no restriction

    /** Exactly as the official samples write it: {"room_id":..,"privilege":{"1":1,"2":0},"stream_id_list":null}. */
    QString toPayload() const;
    static Result<RoomPrivilege> fromPayload(const QString& payload);
};

/** What a Token04 payload lets its holder do, one sentence each ("can log into room r1", "cannot publish streams"). */
QStringList explainPayload(const QString& payload);

} // namespace td::zego
