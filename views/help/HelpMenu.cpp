#include "views/help/HelpMenu.h"

#include "models/store/Register.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace custos {

namespace {

// A dialog over the window with `content` and a Close button; deleted when closed.
QDialog* closableDialog(QMainWindow* window, const QString& name, const QString& title, QWidget* content)
{
    auto* dialog = new QDialog(window);
    dialog->setObjectName(name);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    content->setParent(dialog);
    layout->addWidget(content);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    return dialog;
}

// An action's text as a menu shows it, without its mnemonic's ampersand or a trailing ellipsis.
QString plainText(const QAction* action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

} // namespace

HelpMenu::HelpMenu(QMainWindow* window, std::function<const Register*()> currentRegister)
    : QObject(window)
    , m_window(window)
    , m_currentRegister(std::move(currentRegister))
{
    m_guide = new QAction(QStringLiteral("&User Guide"), this);
    m_guide->setObjectName(QStringLiteral("actionUserGuide"));
    m_guide->setShortcut(QKeySequence::HelpContents);
    connect(m_guide, &QAction::triggered, this, &HelpMenu::showUserGuide);
    m_shortcuts = new QAction(QStringLiteral("&Keyboard Shortcuts"), this);
    m_shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    connect(m_shortcuts, &QAction::triggered, this, &HelpMenu::showShortcuts);
    m_about = new QAction(QStringLiteral("&About Custos"), this);
    m_about->setObjectName(QStringLiteral("actionAbout"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &HelpMenu::showAbout);
    // Window actions: they work from any page, whatever has focus.
    window->addActions({m_guide, m_shortcuts, m_about});
}

void HelpMenu::addTo(QMenu* menu) const
{
    menu->addAction(m_guide);
    menu->addAction(m_shortcuts);
    menu->addSeparator();
    menu->addAction(m_about);
}

void HelpMenu::showUserGuide()
{
    auto* browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuideText"));
    browser->setOpenExternalLinks(true);
    browser->setSource(QUrl(QStringLiteral("qrc:/help/user-guide.html")));
    QDialog* dialog
        = closableDialog(m_window, QStringLiteral("userGuide"), QStringLiteral("Custos User Guide"), browser);
    dialog->resize(760, 640);
    dialog->show();
}

void HelpMenu::showShortcuts()
{
    QList<QAction*> actions;
    for (QAction* action : m_window->findChildren<QAction*>()) {
        if (!action->shortcut().isEmpty() && !plainText(action).isEmpty())
            actions << action;
    }
    std::sort(actions.begin(), actions.end(), [](const QAction* a, const QAction* b) {
        return plainText(a).localeAwareCompare(plainText(b)) < 0;
    });
    actions.erase(std::unique(actions.begin(),
                              actions.end(),
                              [](const QAction* a, const QAction* b) { return plainText(a) == plainText(b); }),
                  actions.end());
    auto* table = new QTableWidget(int(actions.size()), 2);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(QStringLiteral("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({QStringLiteral("Action"), QStringLiteral("Shortcut")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int row = 0; row < actions.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(plainText(actions[row])));
        table->setItem(row, 1, new QTableWidgetItem(actions[row]->shortcut().toString(QKeySequence::NativeText)));
    }
    table->resizeColumnToContents(1);
    QDialog* dialog
        = closableDialog(m_window, QStringLiteral("shortcuts"), QStringLiteral("Keyboard Shortcuts"), table);
    dialog->resize(460, 560);
    dialog->show();
}

void HelpMenu::showAbout()
{
    QStringList lines {
        QStringLiteral("Custos %1").arg(QApplication::applicationVersion()),
        QStringLiteral("The information asset register: every asset identified, classified and owned."),
        QStringLiteral("Licence: MIT."),
        QString(),
    };
    if (const Register* reg = m_currentRegister()) {
        lines << QStringLiteral("Register: %1").arg(reg->path())
              << QStringLiteral("Schema version: %1").arg(reg->schemaVersion());
    } else {
        lines << QStringLiteral("No register is open.");
    }
    lines << QString() << Register::engineVersion() << QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()));
    auto* text = new QLabel(lines.join(QLatin1Char('\n')));
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::PlainText); // a path is text, never markup
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setMargin(8);
    QDialog* dialog = closableDialog(m_window, QStringLiteral("about"), QStringLiteral("About Custos"), text);
    dialog->show();
}

} // namespace custos
