// SPDX-License-Identifier: MIT
#pragma once

#include <QAnyStringView>
#include <QObject>
#include <QTabWidget>
#include <QWidget>

#include <QtGlobal>

namespace td::test {

/**
 * The child of `root` (at any depth) of type T named `objectName`. A missing one ends the test run naming what
 * was looked for: every caller goes on to use the widget, and a renamed objectName must fail loudly, not crash.
 */
template <typename T> T* child(const QObject& root, QAnyStringView objectName)
{
    const QString name = objectName.toString();
    T* found = root.findChild<T*>(name);
    if (!found)
        qFatal("no %s named %s under %s", T::staticMetaObject.className(), qPrintable(name),
               qPrintable(root.objectName()));
    return found;
}

template <typename T> T* child(const QObject* root, QAnyStringView objectName)
{
    if (!root)
        qFatal("no parent to look for %s in", qPrintable(objectName.toString()));
    return child<T>(*root, objectName);
}

/**
 * Like child(), but one inside `root`'s child named `scope` wins over a namesake elsewhere: a page that holds
 * several forms reuses names ("roomLineEdit").
 */
template <typename T> T* childPreferring(const QObject& root, QAnyStringView scope, QAnyStringView objectName)
{
    if (const auto* within = root.findChild<QObject*>(scope.toString())) {
        if (T* found = within->findChild<T*>(objectName.toString()))
            return found;
    }
    return child<T>(root, objectName);
}

/** Like child(), and, as a user would before using it, opens every tab of `root` that the widget sits on. */
template <typename T> T* childOnItsTab(const QWidget& root, QAnyStringView objectName)
{
    T* widget = child<T>(root, objectName);
    for (QWidget* w = widget; w && w != &root; w = w->parentWidget()) {
        // A tab page's parent is the QTabWidget's internal stack; its grandparent is the QTabWidget.
        if (auto* tabs = qobject_cast<QTabWidget*>(w->parentWidget() ? w->parentWidget()->parentWidget() : nullptr)) {
            const int index = tabs->indexOf(w);
            if (index >= 0)
                tabs->setCurrentIndex(index);
        }
    }
    return widget;
}

} // namespace td::test
