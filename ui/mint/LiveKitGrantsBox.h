// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/livekit/LiveKitGrants.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLineEdit;

namespace td::ui {

class TriStateComboBox;

/**
 * LiveKit's grants as widgets: the video grant (plain booleans as check boxes, the tri-state ones as
 * TriStateComboBox, publish sources, destination room) and the sip, agent, inference and observability grants.
 * video.room is the form's room field, not part of this box.
 */
class LiveKitGrantsBox final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveKitGrantsBox)

public:
    explicit LiveKitGrantsBox(QWidget* parent = nullptr);

    /** Sets video (room left empty), sip, agent, inferencePerform and observabilityWrite of `claims`. */
    void fill(livekit::LiveKitClaims& claims) const;
    /** Shows those grants of `claims`; emits no changed(). */
    void show(const livekit::LiveKitClaims& claims);
    bool hasVideoGrant() const;

Q_SIGNALS:
    void changed();
    /** The video grant was switched on or off (the room field follows it). */
    void videoGrantToggled(bool on);

private:
    QCheckBox* addCheck(const QString& objectName, const QString& text, const QString& toolTip);
    TriStateComboBox* addTriState(const QString& objectName, const QString& unsetMeaning);
    QWidget* buildVideoBox();
    QWidget* buildOtherBox();

    QGroupBox* m_video = nullptr;
    QHash<QString, QCheckBox*> m_checks;           // by JSON name: roomJoin, hidden, sip.admin ...
    QHash<QString, TriStateComboBox*> m_triStates; // by JSON name: canPublish ...
    QHash<QString, QCheckBox*> m_sources;          // by source name: camera ...
    QLineEdit* m_destinationRoom = nullptr;
    bool m_showing = false;
};

} // namespace td::ui
