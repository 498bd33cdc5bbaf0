// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace td::ui {

class ConfigDocument;
class ErrorLabel;

/** Where the server listens (address, port, remote consent) and the exact origins browsers may call it from. */
class AccessEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessEditor)

public:
    explicit AccessEditor(ConfigDocument& document, QWidget* parent = nullptr);

    /** A config or start error about the listen address or port (empty clears it). */
    void showListenError(const QString& message);
    /** A note about the listen address that is not an error (e.g. "restart to apply"). */
    void showListenNote(const QString& message);
    /** A config error about the allowed origins (empty clears it). */
    void showOriginError(const QString& message);

private:
    void load();
    void addOrigin();
    void removeOrigin();
    void storeOrigins();

    ConfigDocument& m_document;
    QLineEdit* m_bind;
    QSpinBox* m_port;
    QCheckBox* m_allowRemote;
    ErrorLabel* m_listenError;
    QLineEdit* m_origin;
    QPushButton* m_addOrigin;
    QListWidget* m_origins;
    QPushButton* m_removeOrigin;
    ErrorLabel* m_originError;
    bool m_loading = false;
};

} // namespace td::ui
