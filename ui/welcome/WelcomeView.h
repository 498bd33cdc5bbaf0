// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Discovery.h"
#include "core/providers/Provider.h"
#include "ui/common/AppContext.h"
#include "ui/profiles/ProfileTransfer.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace td::ui {

/**
 * What a first run opens on (no profiles yet): the three things people come for, each leading to the step it needs
 * first. Mint: the LiveKit dev-server profile in one click (devkey / secret at ws://localhost:7880, as
 * `livekit-server --dev` and `lk --dev` use), a profile for another provider, or an import of what was found on this
 * machine. Inspect: no profile needed. Serve: the Server page with a template endpoint.
 */
class WelcomeView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeView)

public:
    /** `home` and `folder` are where importable files are looked for (the user's home and the working folder). */
    WelcomeView(AppContext& context, QString home, QString folder, QWidget* parent = nullptr);

    /** Adds the LiveKit dev-server profile ("livekit-dev", or the next free name) and asks to mint with it. */
    void addLiveKitDevServer();
    /** Looks for importable credentials and lists them (each time the view is shown: files come and go). */
    void rescan();
    /** Puts the keyboard focus on the first path (the LiveKit dev server). */
    void focusFirst();

Q_SIGNALS:
    void mintRequested(const QString& profile);
    void addProfileRequested(Provider provider);
    void inspectRequested();
    void serveRequested();

private:
    void importFound(const credentials::FoundSource& source);
    QString describe(const credentials::FoundSource& source) const;

    AppContext& m_context;
    ProfileTransfer m_transfer;
    QString m_home;
    QString m_folder;
    QWidget* m_found;
    QVBoxLayout* m_foundLayout;
    QLabel* m_result;
    QWidget* m_first = nullptr;
};

} // namespace td::ui
