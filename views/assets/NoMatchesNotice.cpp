#include "views/assets/NoMatchesNotice.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace custos {

NoMatchesNotice::NoMatchesNotice(QAbstractScrollArea* table)
    : QWidget(table->viewport())
{
    setObjectName(QStringLiteral("noMatches"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("noMatchesText"));
    m_text->setTextFormat(Qt::PlainText); // the search is the user's text: never markup
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    auto* clear = new QPushButton(QStringLiteral("Clear Search and Filters"), this);
    clear->setObjectName(QStringLiteral("noMatchesClear"));
    connect(clear, &QPushButton::clicked, this, &NoMatchesNotice::clearRequested);
    layout->addWidget(clear, 0, Qt::AlignHCenter);
    layout->addStretch();
    table->viewport()->installEventFilter(this);
    hide();
}

void NoMatchesNotice::showFor(const QString& search)
{
    m_text->setText(search.trimmed().isEmpty()
                        ? QStringLiteral("No assets match these filters.")
                        : QStringLiteral("No assets match \u201c%1\u201d.").arg(search.simplified()));
    resize(parentWidget()->size());
    show();
    raise();
}

bool NoMatchesNotice::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        resize(parentWidget()->size());
    return QWidget::eventFilter(watched, event);
}

} // namespace custos
