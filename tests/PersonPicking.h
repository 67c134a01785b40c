#pragma once

#include "views/people/PersonPicker.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QTest>
#include <QWindow>

// Keys go to the window, as a keyboard's do: the window hands them to an open list first, else to
// the widget with the focus.
inline void pressKey(QWidget* window, Qt::Key key)
{
    QTest::keyClick(window->windowHandle(), key);
}

inline void typeKeys(QWidget* window, const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(window->windowHandle(), c.toLatin1());
}

inline QLineEdit* pickerField(custos::PersonPicker* picker)
{
    return picker->findChild<QLineEdit*>(QStringLiteral("personPickerField"));
}

inline QAbstractItemView* pickerList(custos::PersonPicker* picker)
{
    return picker->findChild<QCompleter*>()->popup();
}

// Into the field, as Tab takes a person there: what it holds is selected, so typing replaces it.
inline void focusPicker(custos::PersonPicker* picker)
{
    QWidget* window = picker->window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    picker->clearFocus();
    picker->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(pickerField(picker)->hasFocus());
    QCOMPARE(pickerField(picker)->selectedText(), pickerField(picker)->text());
}

// What the picker's open list shows, top to bottom; nothing when it is closed.
inline QStringList pickerListed(custos::PersonPicker* picker)
{
    QStringList rows;
    QAbstractItemView* list = pickerList(picker);
    for (int row = 0; list->isVisible() && row < list->model()->rowCount(); ++row)
        rows << list->model()->index(row, 0).data().toString();
    return rows;
}

// Chooses as a person does: into the field, type, arrow down to the first match, Enter.
inline void pickByKeyboard(custos::PersonPicker* picker, const QString& typed)
{
    QWidget* window = picker->window();
    focusPicker(picker);
    typeKeys(window, typed);
    QTRY_VERIFY(pickerList(picker)->isVisible());
    pressKey(window, Qt::Key_Down);
    pressKey(window, Qt::Key_Enter);
    QTRY_VERIFY(!pickerList(picker)->isVisible());
}

// What the picker lists for `typed`; then the list is closed again and the choice is unchanged.
inline QStringList listedFor(custos::PersonPicker* picker, const QString& typed)
{
    QWidget* window = picker->window();
    focusPicker(picker);
    typeKeys(window, typed);
    const QStringList listed = pickerListed(picker);
    if (pickerList(picker)->isVisible())
        pressKey(window, Qt::Key_Escape);
    picker->clearFocus();
    return listed;
}
