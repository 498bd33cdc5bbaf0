// SPDX-License-Identifier: MIT
#pragma once

#include "core/batch/PermissionMatrix.h"
#include "ui/common/AppContext.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTimer;

namespace td::ui {

class ErrorLabel;

/**
 * The permission-matrix builder: pick a profile, a room and the dimensions to vary; Generate mints every
 * combination and lists it with the expected behaviour in words; Export writes the CSV, Markdown or HTML
 * checklist a tester works through.
 */
class MatrixTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MatrixTab)

public:
    explicit MatrixTab(AppContext& context, QWidget* parent = nullptr);

    const std::optional<batch::Matrix>& matrix() const { return m_matrix; }
    /** Takes the choices and the generated matrix of the page this one replaces (a language change). */
    void takeOver(const MatrixTab& previous);
    /** The spec the controls describe. */
    batch::MatrixSpec spec() const;
    bool generate();
    bool exportFile(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reloadProfiles();
    void rebuildDimensions();
    void updateCount();
    void showMatrix();
    Provider provider() const;

    AppContext& m_context;
    QFormLayout* m_form = nullptr;
    QComboBox* m_profile;
    QLineEdit* m_room;
    QLineEdit* m_prefix;
    QLineEdit* m_ttl;
    QWidget* m_dimensionBox;
    QList<QCheckBox*> m_dimensions;
    QLabel* m_valuesLabel;
    QLineEdit* m_values;     // LiveKit source sets / Zego stream lists, separated by ';'
    QListWidget* m_features; // Jitsi / JaaS
    QLabel* m_count;
    QPushButton* m_generate;
    QPushButton* m_export;
    QTableWidget* m_table;
    ErrorLabel* m_error;
    QTimer* m_fitRows; // refits the rows' heights to their wrapped text once the widths settle
    std::optional<batch::Matrix> m_matrix;
};

} // namespace td::ui
