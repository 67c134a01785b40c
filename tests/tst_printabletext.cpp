#include "models/domain/PrintableText.h"

#include <QJsonDocument>
#include <QTest>

using namespace custos;

class TestPrintableText : public QObject
{
    Q_OBJECT

private slots:
    void escapesWhatATerminalOrALayoutWouldActOn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Court listings") << QStringLiteral("Court listings");
        QTest::newRow("other scripts") << QStringLiteral("Zoë 📁 \u05D0\u05D1\u05D2 \u0645\u0644\u0641")
                                       << QStringLiteral("Zoë 📁 \u05D0\u05D1\u05D2 \u0645\u0644\u0641");
        QTest::newRow("backslashes stay") << QStringLiteral("\\\\server\\share") << QStringLiteral("\\\\server\\share");
        QTest::newRow("newline, CR, tab")
            << QStringLiteral("one\ntwo\r\nthree\tfour") << QStringLiteral("one\\ntwo\\r\\nthree\\tfour");
        QTest::newRow("colour") << QStringLiteral("\x1b[31mred\x1b[0m") << QStringLiteral("\\x1b[31mred\\x1b[0m");
        QTest::newRow("window title (OSC)")
            << QStringLiteral("\x1b]0;owned\x07name") << QStringLiteral("\\x1b]0;owned\\x07name");
        QTest::newRow("NUL, BS, DEL") << QString::fromUtf8("a\0b\bc\x7f", 6) << QStringLiteral("a\\x00b\\x08c\\x7f");
        QTest::newRow("C1: CSI, NEL, OSC")
            << QStringLiteral("\u009b2J\u0085\u009d") << QStringLiteral("\\u009b2J\\u0085\\u009d");
        QTest::newRow("C1 ends") << QStringLiteral("\u0080\u009f") << QStringLiteral("\\u0080\\u009f");
        QTest::newRow("just outside C1") << QStringLiteral("~\u00a0") << QStringLiteral("~\u00a0");
        QTest::newRow("right-to-left override")
            << QStringLiteral("invoice\u202Eexe.txt") << QStringLiteral("invoice\\u202eexe.txt");
        QTest::newRow("marks") << QStringLiteral("\u200E\u200F\u061C") << QStringLiteral("\\u200e\\u200f\\u061c");
        QTest::newRow("embeddings and overrides") << QStringLiteral("\u202A\u202B\u202C\u202D\u202E")
                                                  << QStringLiteral("\\u202a\\u202b\\u202c\\u202d\\u202e");
        QTest::newRow("isolates") << QStringLiteral("\u2066\u2067\u2068\u2069")
                                  << QStringLiteral("\\u2066\\u2067\\u2068\\u2069");
        QTest::newRow("line and paragraph separators")
            << QStringLiteral("a\u2028b\u2029c") << QStringLiteral("a\\u2028b\\u2029c");
        QTest::newRow("neighbours of the bidi controls stay")
            << QStringLiteral("\u200D\u2029\u202F\u2065\u206A") << QStringLiteral("\u200D\\u2029\u202F\u2065\u206A");
    }

    void escapesWhatATerminalOrALayoutWouldActOn()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString result = PrintableText::escaped(text);
        QCOMPARE(result, expected);
        for (QChar c : result)
            QVERIFY2(!PrintableText::isControl(c.unicode()), qPrintable(result));
        // Escaping what is already escaped changes nothing.
        QCOMPARE(PrintableText::escaped(result), result);
    }

    void textWithNothingToEscapeIsNotCopied()
    {
        const QString text = QString::fromUtf8("Offender case records");
        QCOMPARE(PrintableText::escaped(text).constData(), text.constData());
    }

    void isolatesEscapedText()
    {
        QCOMPARE(PrintableText::isolated(QStringLiteral("invoice\u202Eexe.txt")),
                 QStringLiteral("\u2068invoice\\u202eexe.txt\u2069"));
        // An isolate inside cannot close the one around it.
        QCOMPARE(PrintableText::isolated(QStringLiteral("a\u2069b")), QStringLiteral("\u2068a\\u2069b\u2069"));
        QCOMPARE(PrintableText::isolated(QString()), QString());
    }

    // JSON keeps its meaning: the escapes are JSON's own, so a parser reads the same strings.
    void jsonKeepsItsValuesButNotItsControls()
    {
        const QString json = QStringLiteral("{\"name\":\"a\u202Eb\u0085c\u007F\\u001b\"}");
        const QString escaped = PrintableText::escapedJson(json);
        QCOMPARE(escaped, QStringLiteral("{\"name\":\"a\\u202eb\\u0085c\\u007f\\u001b\"}"));
        QCOMPARE(QJsonDocument::fromJson(escaped.toUtf8()), QJsonDocument::fromJson(json.toUtf8()));
        QCOMPARE(QJsonDocument::fromJson(escaped.toUtf8())[QStringLiteral("name")].toString(),
                 QStringLiteral("a\u202Eb\u0085c\u007F\u001b"));
        QCOMPARE(PrintableText::escapedJson(QStringLiteral("{\n  \"a\": 1\n}")), QStringLiteral("{\n  \"a\": 1\n}"));
    }
};

QTEST_GUILESS_MAIN(TestPrintableText)
#include "tst_printabletext.moc"
