// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Profile.h"
#include "core/providers/Provider.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QAbstractButton;
class QAbstractItemView;
class QAction;
class QComboBox;
class QLineEdit;
class QPalette;
class QWidget;

namespace td::ui {

/** The provider's icon (SVG from the resources, sharp at any scale). */
QIcon providerIcon(Provider provider);
/** A navigation icon: "profiles", "mint", "inspect", "server", "history", "settings". */
QIcon pageIcon(const QString& page);
/** A toolbar icon: "add", "edit", "delete", "import", "export", "copy", "remint", "start", "stop", "clear", "paste"
 *  (the desktop theme's when it has one). */
QIcon actionIcon(const QString& action);

/** Masks a secret field and adds a trailing eye action that reveals it while checked. */
void addRevealToggle(QLineEdit* edit);

/** Badge colour of an environment: prod stands out in red, staging amber, dev green. */
QColor environmentColor(const QString& environment);
/** Rich text for a small coloured badge with the environment name, readable in light and dark palettes. */
QString environmentBadge(const QString& environment);

/** How a status reads: good (green), warning (amber), bad (red), neutral (blue). */
enum class Tone { Good, Warning, Bad, Neutral };
/** Whether the palette is a dark theme (its window colour is dark). */
bool isDark(const QPalette& palette);
/**
 * The tone's colour for text or a border on the palette's window colour: darker hues on light themes, lighter ones on
 * dark themes, each with a contrast ratio of at least 4.5:1 against that window colour (tested).
 */
QColor toneColor(Tone tone, const QPalette& palette);
/** A faint wash of the tone over the palette's window colour, for a banner behind window-coloured text. */
QColor toneBackground(Tone tone, const QPalette& palette);
/** WCAG contrast ratio of two colours (1 to 21). */
double contrastRatio(const QColor& a, const QColor& b);

/**
 * Ctrl+F anywhere in `page` focuses `search` and selects its text; Escape in it clears it and gives the focus to
 * `results` (the list it filters). The search field gets a clear button with an accessible name.
 */
void bindSearchField(QWidget* page, QLineEdit* search, QWidget* results);

/**
 * A core message as the GUI shows it: without the command-line hints meant for tokendesk-cli users ("(--room)",
 * "(--api-secret S)") and internal error numbers ("(ZEGOCLOUD error 3, userID invalid)"), which mean nothing on a form.
 */
QString inUserWords(QString message);

/**
 * A context menu on `view` with the actions of `buttons` (their text, icon and enabled state at that moment) and any
 * `extra` actions: right-click (or the Menu key) selects the row under the pointer first, then offers what the
 * page's buttons would do to it.
 */
void addContextMenu(QAbstractItemView* view, const QList<QAbstractButton*>& buttons, const QList<QAction*>& extra = {});

/** Sets the objectName and accessible name of a widget in one go (every control has both). */
void name(QWidget* widget, const QString& objectName, const QString& accessibleName);

/**
 * Fills a profile picker: provider icon, "name (provider)" ("name (provider, PROD)" for prod), the name as item
 * data; keeps the current choice when it still exists. Emits no signal.
 */
void fillProfileComboBox(QComboBox* box, const QList<credentials::Profile>& profiles);

} // namespace td::ui
