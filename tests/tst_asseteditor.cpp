#include "WindowTest.h"

#include <QScrollArea>
#include <QScrollBar>

using namespace custos;

namespace {

// The editor's fields from top to bottom, then its buttons, as Tab should visit them.
const QStringList kTabOrder {
    QStringLiteral("editReference"), QStringLiteral("editName"),         QStringLiteral("editDescription"),
    QStringLiteral("editUnit"),      QStringLiteral("editOwner"),        QStringLiteral("editManager"),
    QStringLiteral("editFormat"),    QStringLiteral("editLocation"),     QStringLiteral("editClassification"),
    QStringLiteral("editSensitive"), QStringLiteral("editLegacy"),       QStringLiteral("editNeedsReview"),
    QStringLiteral("editHandling"),  QStringLiteral("editPersonalData"), QStringLiteral("editLawfulBasis"),
    QStringLiteral("editRetention"), QStringLiteral("editDisposal"),     QStringLiteral("editCriticality"),
    QStringLiteral("editCycle"),     QStringLiteral("editLastReviewed"), QStringLiteral("editNextDue"),
    QStringLiteral("editStatus"),    QStringLiteral("editCreated"),      QStringLiteral("editModified"),
    QStringLiteral("editRevert"),    QStringLiteral("editSave")};

// The field that has the focus, by the name of the editor's field (a person picker's, for the line
// it types into).
QString focusedField()
{
    QWidget* focused = QApplication::focusWidget();
    if (!focused)
        return QStringLiteral("(nothing)");
    if (focused->objectName() == QLatin1String("personPickerField"))
        return focused->parentWidget()->objectName();
    return focused->objectName();
}

// Whether `widget` shows whole in the window, not scrolled or clipped out of it.
bool wholeInView(QWidget* widget)
{
    return widget->isVisible() && widget->visibleRegion().boundingRect() == widget->rect();
}

// Whether the middle of `widget` shows, not scrolled or clipped out of the window.
bool centreInView(QWidget* widget)
{
    const QPoint centre = widget->rect().center();
    for (QWidget* parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (!parent->rect().contains(widget->mapTo(parent, centre)))
            return false;
    }
    return widget->isVisible();
}

} // namespace

// The asset editor driven by the keyboard in the real window, and at a small size on its own.
class TestAssetEditor : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init()
    {
        QVERIFY(openWindow());
        showPage("assetTable");
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    void cleanup() { closeWindow(); }

    void tabVisitsEveryFieldTopToBottom()
    {
        selectRow(0);
        auto* classification = m_window->findChild<QComboBox*>(QStringLiteral("editClassification"));
        classification->setCurrentIndex(
            classification->findText(QStringLiteral("OFFICIAL"))); // the marking's boxes come on
        editorLine("editName")->setText(editorLine("editName")->text() + QStringLiteral(" (copy)")); // and the buttons
        QVERIFY(editorButton("editSave")->isEnabled());

        m_window->resize(1024, 700); // the form is taller than the dock
        auto* scrolled = m_window->findChild<QScrollArea*>(QStringLiteral("assetEditorScroll"))->verticalScrollBar();
        QTRY_VERIFY(scrolled->maximum() > 0);
        editorLine("editReference")->setFocus(Qt::TabFocusReason);
        QStringList visited {focusedField()};
        QStringList outOfView;
        while (visited.size() < kTabOrder.size()) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << focusedField();
            // The form scrolls to the field Tab reaches (to its text cursor, as Qt does).
            if (!centreInView(QApplication::focusWidget()))
                outOfView << focusedField();
        }
        QCOMPARE(visited, kTabOrder);
        QVERIFY2(outOfView.isEmpty(), qPrintable(outOfView.join(QStringLiteral(", "))));
        QVERIFY(scrolled->value() > 0); // the form scrolled to follow
        // Shift+Tab goes back the same way.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(focusedField(), QStringLiteral("editRevert"));
    }

    void tabInTheDescriptionMovesOnAndCtrlTabTypesATab()
    {
        selectRow(0);
        auto* description = m_window->findChild<QPlainTextEdit*>(QStringLiteral("editDescription"));
        const QString before = description->toPlainText();
        description->setFocus(Qt::TabFocusReason);
        description->moveCursor(QTextCursor::End);
        QTest::keyClick(description, Qt::Key_Tab);
        QCOMPARE(description->toPlainText(), before);
        QCOMPARE(focusedField(), QStringLiteral("editUnit"));

        description->setFocus(Qt::BacktabFocusReason);
        description->moveCursor(QTextCursor::End);
        QTest::keyClick(description, Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(description->toPlainText(), before + QLatin1Char('\t'));
        QCOMPARE(focusedField(), QStringLiteral("editDescription"));
    }

    void arrowKeysMoveInTheTableOnceItHasFocus()
    {
        QTRY_VERIFY(table()->model()->rowCount() > 2);
        table()->setFocus(Qt::TabFocusReason);
        QVERIFY(table()->hasFocus());
        const int start = std::max(table()->currentIndex().row(), 0);
        QTest::keyClick(table(), Qt::Key_Down);
        QCOMPARE(table()->currentIndex().row(), start + 1);
        QVERIFY(table()->selectionModel()->isRowSelected(start + 1, QModelIndex()));
        // The editor follows the row the keys reach.
        const qint64 id = table()->model()->index(start + 1, 0).data(AssetTableModel::IdRole).toLongLong();
        QTRY_COMPARE(m_window->findChild<AssetEditor*>()->shownAsset().value_or(Asset()).id, id);
        QTest::keyClick(table(), Qt::Key_Up);
        QCOMPARE(table()->currentIndex().row(), start);
    }

    // However small the dock, Save stays in view below the form, and the form scrolls to each
    // problem it lists.
    void saveStaysInViewInASmallDock()
    {
        closeWindow(); // the editor on its own here
        AssetEditor editor;
        editor.resize(300, 400);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        Asset asset;
        asset.id = 1;
        asset.reference = QStringLiteral("not a reference");
        asset.name = QStringLiteral("Payroll");
        editor.showAsset(asset);
        QCOMPARE(editor.size(), QSize(300, 400));

        auto* save = editor.findChild<QPushButton*>(QStringLiteral("editSave"));
        QVERIFY(editor.rect().contains(QRect(save->mapTo(&editor, QPoint(0, 0)), save->size())));
        QVERIFY(wholeInView(save));
        QVERIFY(wholeInView(editor.findChild<QPushButton*>(QStringLiteral("editRevert"))));

        auto* problems = editor.findChild<QLabel*>(QStringLiteral("editProblems"));
        QVERIFY(problems->text().contains(QStringLiteral("Reference \"not a reference\" is not valid")));
        QVERIFY(problems->text().contains(QStringLiteral("Business unit is required.")));
        QVERIFY(!wholeInView(problems)); // below the fold at first
        editor.findChild<QScrollArea*>(QStringLiteral("assetEditorScroll"))->ensureWidgetVisible(problems);
        QTRY_VERIFY(wholeInView(problems));
        QVERIFY(problems->height() >= problems->heightForWidth(problems->width())); // every wrapped line
        QVERIFY(wholeInView(save));
        // Nothing is cut off at the side: fields too wide go under their labels.
        auto* scroll = editor.findChild<QScrollArea*>(QStringLiteral("assetEditorScroll"));
        QVERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    }
};

QTEST_MAIN(TestAssetEditor)
#include "tst_asseteditor.moc"
