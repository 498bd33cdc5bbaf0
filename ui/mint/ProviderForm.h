// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/Profile.h"

#include <QJsonObject>
#include <QWidget>

namespace td::ui {

/**
 * One provider's claims form on the Mint page. The form only maps widgets to the plan's claims JSON
 * (core/mint/MintPlan.h documents the shape per provider) and back; minting, lint and links live in the core.
 * TTL, not-before back-dating, profile choice and the result panel belong to the page, not the form.
 */
class ProviderForm : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderForm)

public:
    using QWidget::QWidget;

    /** The form's content as MintPlan::claims. */
    virtual QJsonObject claims() const = 0;
    /**
     * Shows claims in the form (the raw JSON view was edited, or History re-mints). Returns an error naming what the
     * form cannot represent; the form is left unchanged then.
     */
    virtual Result<void> setClaims(const QJsonObject& claims) = 0;
    /** A profile was picked: take its defaults (room, self-hosted vs JaaS ...). */
    virtual void setProfile(const credentials::Profile& profile) = 0;
    /**
     * Input the form cannot turn into claims yet, in words ("roomConfig: not valid JSON at line 2, column 5"), or "".
     * The page does not mint while there is one, so a half-typed field never silently drops out of a token.
     */
    virtual QString inputProblem() const { return {}; }
    /** Jitsi and JaaS: whether the room is written exactly as typed (MintPlan::roomRaw); false elsewhere. */
    virtual bool roomRaw() const { return false; }
    /** Shows MintPlan::roomRaw (History re-mint); ignored by forms without a room rule. */
    virtual void setRoomRaw(bool /*raw*/) {}

Q_SIGNALS:
    /** Any edit; the page refreshes the preview and lint. */
    void changed();
};

} // namespace td::ui
