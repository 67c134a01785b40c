#include "PersonPicking.h"
#include "TestRegister.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QVBoxLayout>

using namespace custos;

// The person picker driven by keyboard, offscreen: it lists who matches as you type, never a
// leaver, shows the chosen person's email and unit, warns of namesakes and follows the register.
class TestPersonPicker : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestRegister> m_test;
    std::unique_ptr<QWidget> m_window;
    PersonPicker* m_picker = nullptr;
    QLineEdit* m_elsewhere = nullptr;
    RecordId m_samCourts = 0;
    RecordId m_samPrisons = 0;
    RecordId m_ann = 0;
    RecordId m_bob = 0;

    QLabel* note(const char* name) { return m_picker->findChild<QLabel*>(QLatin1String(name)); }

private slots:
    void init()
    {
        m_test = std::make_unique<TestRegister>();
        const RecordId courts = m_test->addUnit(QStringLiteral("Courts"));
        const RecordId listings = m_test->addUnit(QStringLiteral("Listings"), courts);
        const RecordId prisons = m_test->addUnit(QStringLiteral("Prisons"));
        m_ann = m_test->addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann.smith@justice.gov.uk"));
        m_bob = m_test->addPerson(QStringLiteral("Bob Leaver"), QStringLiteral("bob@justice.gov.uk"), true, courts);
        m_samCourts = m_test->addPerson(
            QStringLiteral("Sam Jones"), QStringLiteral("sam.jones@justice.gov.uk"), false, listings);
        m_samPrisons = m_test->addPerson(
            QStringLiteral("Sam Jones"), QStringLiteral("samuel.jones@prisons.gov.uk"), false, prisons);

        m_window = std::make_unique<QWidget>();
        auto* layout = new QVBoxLayout(m_window.get());
        m_picker = new PersonPicker(QStringLiteral("IAO"), m_window.get());
        m_picker->setRegister(&m_test->reg());
        m_elsewhere = new QLineEdit(m_window.get());
        layout->addWidget(m_picker);
        layout->addWidget(m_elsewhere);
        m_window->resize(400, 200);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_test.reset();
    }

    void listsWhoMatchesAsYouTypeInAnyCaseButNoLeaver()
    {
        QCOMPARE(listedFor(m_picker, QStringLiteral("JONES")),
                 QStringList({QStringLiteral("Sam Jones \u2014 sam.jones@justice.gov.uk \u00B7 Courts / Listings"),
                              QStringLiteral("Sam Jones \u2014 samuel.jones@prisons.gov.uk \u00B7 Prisons")}));
        QCOMPARE(listedFor(m_picker, QStringLiteral("prisons.gov")).size(), 1);
        focusPicker(m_picker);
        typeKeys(m_window.get(), QStringLiteral("bob"));
        QVERIFY(pickerListed(m_picker).isEmpty());
        QCOMPARE(note("personPickerDetails")->text(), QStringLiteral("Nobody matches \u201Cbob\u201D."));
    }

    void arrowDownWithNothingTypedListsNoneAndEveryoneWhoHasNotLeft()
    {
        focusPicker(m_picker);
        pressKey(m_window.get(), Qt::Key_Down);
        const QStringList listed = pickerListed(m_picker);
        QCOMPARE(listed.size(), 4);
        QCOMPARE(listed.first(), QStringLiteral("None"));
        QVERIFY(!listed.join(QLatin1Char('\n')).contains(QLatin1String("Bob")));
    }

    void typeArrowDownAndEnterPicks()
    {
        QSignalSpy changed(m_picker, &PersonPicker::chosenChanged);
        pickByKeyboard(m_picker, QStringLiteral("SAMUEL"));
        QVERIFY(m_picker->chosen() == m_samPrisons);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(pickerField(m_picker)->text(), QStringLiteral("Sam Jones"));
        QCOMPARE(note("personPickerDetails")->text(), QStringLiteral("samuel.jones@prisons.gov.uk \u00B7 Prisons"));
        QVERIFY(note("personPickerDetails")->isVisible());
    }

    void warnsWhenTwoPeopleShareTheName()
    {
        pickByKeyboard(m_picker, QStringLiteral("sam.jones@"));
        QVERIFY(m_picker->chosen() == m_samCourts);
        QVERIFY(note("personPickerNamesakes")->isVisible());
        QCOMPARE(note("personPickerNamesakes")->text(),
                 QStringLiteral("2 people are called Sam Jones: check the email."));
        pickByKeyboard(m_picker, QStringLiteral("ann"));
        QVERIFY(m_picker->chosen() == m_ann);
        QVERIFY(!note("personPickerNamesakes")->isVisible());
    }

    void showsAChosenLeaverMarkedAsLeftAndOffersThemUntilAnotherChoice()
    {
        m_picker->choose(m_bob);
        QCOMPARE(pickerField(m_picker)->text(), QStringLiteral("Bob Leaver (left)"));
        QVERIFY(m_picker->chosenHasLeft());
        QCOMPARE(note("personPickerDetails")->text(), QStringLiteral("bob@justice.gov.uk \u00B7 Courts"));
        pickByKeyboard(m_picker, QStringLiteral("ann"));
        QCOMPARE(listedFor(m_picker, QStringLiteral("bob")),
                 QStringList {QStringLiteral("Bob Leaver (left) \u2014 bob@justice.gov.uk \u00B7 Courts")});
        m_picker->choose(m_ann);
        QVERIFY(listedFor(m_picker, QStringLiteral("bob")).isEmpty());
    }

    void leavingTheFieldEmptyChoosesNobodyAndTypingWithoutPickingChangesNothing()
    {
        m_picker->choose(m_ann);
        focusPicker(m_picker);
        typeKeys(m_window.get(), QStringLiteral("zz"));
        m_elsewhere->setFocus(Qt::TabFocusReason);
        QVERIFY(m_picker->chosen() == m_ann);
        QCOMPARE(pickerField(m_picker)->text(), QStringLiteral("Ann Smith"));

        QSignalSpy changed(m_picker, &PersonPicker::chosenChanged);
        focusPicker(m_picker);
        pressKey(m_window.get(), Qt::Key_Backspace);
        pressKey(m_window.get(), Qt::Key_Escape);
        m_elsewhere->setFocus(Qt::TabFocusReason);
        QVERIFY(!m_picker->chosen());
        QCOMPARE(changed.size(), 1);
    }

    void offersSomeoneAnotherWriterAdds()
    {
        m_test->reg().watch(50);
        auto other = Register::open(m_test->path());
        Person nia;
        nia.name = QStringLiteral("Nia Evans");
        nia.email = QStringLiteral("nia.evans@justice.gov.uk");
        QVERIFY(PersonStore(*other).add(nia));
        QSignalSpy changed(&m_test->reg(), &Register::changed);
        QVERIFY(changed.wait(2000));
        QCOMPARE(listedFor(m_picker, QStringLiteral("nia")),
                 QStringList {QStringLiteral("Nia Evans \u2014 nia.evans@justice.gov.uk")});
    }

    // Someone chosen whom another writer then removes is no longer the answer.
    void dropsAChoiceTheRegisterNoLongerHolds()
    {
        m_picker->choose(m_ann);
        QSignalSpy chosenChanged(m_picker, &PersonPicker::chosenChanged);
        m_test->reg().watch(50);
        auto other = Register::open(m_test->path());
        QVERIFY(PersonStore(*other).remove(m_ann));
        QTRY_COMPARE(chosenChanged.count(), 1);
        QCOMPARE(m_picker->chosen(), std::nullopt);
    }
};

QTEST_MAIN(TestPersonPicker)
#include "tst_personpicker.moc"
