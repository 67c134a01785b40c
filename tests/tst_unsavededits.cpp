#include "WindowTest.h"

using namespace custos;

// Leaving an asset whose fields hold unsaved edits asks Save, Discard or Cancel, and each answer
// does what it says.
class TestUnsavedEdits : public WindowTest
{
    Q_OBJECT

private:
    QString storedLocation(int row)
    {
        const RecordId id = table()->model()->index(row, 0).data(AssetTableModel::IdRole).toLongLong();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        return AssetStore(*reg).get(id)->location;
    }
    RecordId currentId() { return table()->currentIndex().data(AssetTableModel::IdRole).toLongLong(); }
    RecordId idAt(int row) { return table()->model()->index(row, 0).data(AssetTableModel::IdRole).toLongLong(); }
    void answerUnsaved(QMessageBox::StandardButton answer, QString* asked = nullptr)
    {
        answerDialog<QMessageBox>([answer, asked](QMessageBox* box) {
            QCOMPARE(box->objectName(), QStringLiteral("unsavedChanges"));
            if (asked)
                *asked = box->text();
            box->button(answer)->click();
        });
    }

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init()
    {
        QVERIFY(openWindow());
        showPage("assetTable");
    }
    void cleanup()
    {
        // Nothing is left unsaved to ask about as the window closes.
        m_window->findChild<AssetEditor*>()->showAsset(std::nullopt);
        closeWindow();
    }

    void choosingAnotherRowAsksAndEachAnswerDoesWhatItSays()
    {
        selectRow(0);
        const QString before = storedLocation(0);
        editorLine("editLocation")->setText(QStringLiteral("Typed, not saved"));

        QString asked;
        answerUnsaved(QMessageBox::Cancel, &asked);
        selectRow(1);
        QVERIFY2(asked.contains(table()->model()->index(0, 0).data().toString()), qPrintable(asked));
        QCOMPARE(currentId(), idAt(0));
        QCOMPARE(editorLine("editLocation")->text(), QStringLiteral("Typed, not saved"));

        answerUnsaved(QMessageBox::Discard);
        selectRow(1);
        QCOMPARE(currentId(), idAt(1));
        QCOMPARE(storedLocation(0), before);
        QCOMPARE(editorLine("editLocation")->text(), storedLocation(1));

        editorLine("editLocation")->setText(QStringLiteral("Typed and saved"));
        answerUnsaved(QMessageBox::Save);
        selectRow(2);
        QCOMPARE(currentId(), idAt(2));
        QCOMPARE(storedLocation(1), QStringLiteral("Typed and saved"));
    }

    void newAssetAndAnotherPageAskToo()
    {
        selectRow(0);
        editorLine("editLocation")->setText(QStringLiteral("Typed, not saved"));
        answerUnsaved(QMessageBox::Cancel);
        action("actionNewAsset")->trigger();
        QCOMPARE(m_window->findChild<AssetEditor*>()->shownAsset()->id, idAt(0));

        answerUnsaved(QMessageBox::Cancel);
        showPage("peoplePage");
        auto* pages = m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"));
        QCOMPARE(pages->currentWidget(), assetsPage());
        QCOMPARE(editorLine("editLocation")->text(), QStringLiteral("Typed, not saved"));
    }

    void closingTheWindowAsks()
    {
        selectRow(0);
        const QString before = storedLocation(0);
        editorLine("editLocation")->setText(QStringLiteral("Typed, not saved"));
        answerUnsaved(QMessageBox::Cancel);
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        answerUnsaved(QMessageBox::Discard);
        QVERIFY(m_window->close());
        QCOMPARE(storedLocation(0), before);
    }
};

QTEST_MAIN(TestUnsavedEdits)
#include "tst_unsavededits.moc"
