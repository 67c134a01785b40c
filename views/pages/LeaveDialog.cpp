#include "views/pages/LeaveDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace custos {

LeaveDialog::LeaveDialog(const Person& leaver, int assetCount, const QList<Person>& people, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("leaveDialog"));
    setWindowTitle(QStringLiteral("Mark %1 as Left").arg(leaver.name));
    auto* layout = new QVBoxLayout(this);
    const QString holds = assetCount == 0
        ? QStringLiteral("%1 owns and manages no assets.").arg(leaver.name)
        : QStringLiteral("%1 owns or manages %2 %3. Hand them all over to:")
              .arg(leaver.name)
              .arg(assetCount)
              .arg(assetCount == 1 ? QStringLiteral("asset") : QStringLiteral("assets"));
    auto* label = new QLabel(holds, this);
    label->setObjectName(QStringLiteral("leaveSummary"));
    label->setTextFormat(Qt::PlainText); // a name is text, never markup
    label->setWordWrap(true);
    layout->addWidget(label);

    m_successor = new QComboBox(this);
    m_successor->setObjectName(QStringLiteral("leaveSuccessor"));
    m_successor->setAccessibleName(QStringLiteral("Hand assets over to"));
    m_successor->addItem(QStringLiteral("Nobody yet (they will show as unowned)"));
    for (const Person& person : people) {
        if (!person.hasLeft && person.id != leaver.id)
            m_successor->addItem(QStringLiteral("%1 <%2>").arg(person.name, person.email), person.id);
    }
    m_successor->setVisible(assetCount > 0);
    layout->addWidget(m_successor);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Mark as Left"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

std::optional<RecordId> LeaveDialog::successor() const
{
    const QVariant id = m_successor->currentData();
    return id.isValid() ? std::optional<RecordId>(id.toLongLong()) : std::nullopt;
}

} // namespace custos
