#include "views/window/WelcomePage.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace custos {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto* title = new QLabel(QStringLiteral("<h2>Custos</h2><p>The information asset register: every asset "
                                            "identified, classified and owned.</p>"),
                             this);
    title->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 36, 48, 36);
    layout->addWidget(title);
    auto addButton = [&](const QString& text, const QString& name, void (WelcomePage::*signal)()) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setMaximumWidth(320);
        connect(button, &QPushButton::clicked, this, signal);
        layout->addWidget(button);
    };
    addButton(QStringLiteral("New Register\u2026"), QStringLiteral("welcomeNew"), &WelcomePage::newRequested);
    addButton(QStringLiteral("Open Register\u2026"), QStringLiteral("welcomeOpen"), &WelcomePage::openRequested);
    addButton(QStringLiteral("Open the Demo Register"), QStringLiteral("welcomeDemo"), &WelcomePage::demoRequested);

    layout->addSpacing(18);
    layout->addWidget(new QLabel(QStringLiteral("Recent registers"), this));
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentRegisters"));
    m_recent->setAccessibleName(QStringLiteral("Recent registers"));
    m_recent->setMaximumWidth(640);
    layout->addWidget(m_recent, 1);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit recentChosen(item->data(Qt::UserRole).toString());
    });
}

void WelcomePage::setRecentRegisters(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QStringLiteral("%1 \u2014 %2").arg(QFileInfo(path).completeBaseName(), path));
        item->setData(Qt::UserRole, path);
        m_recent->addItem(item);
    }
}

} // namespace custos
