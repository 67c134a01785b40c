#include "views/pages/LeaveDialog.h"

#include "models/itemmodels/PersonChoiceModel.h"
#include "models/units/UnitStore.h"
#include "views/people/PersonPicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace custos {

LeaveDialog::LeaveDialog(const Person& leaver, int assetCount, Register& reg, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("leaveDialog"));
    setWindowTitle(QStringLiteral("Mark %1 as Left").arg(leaver.name));
    auto* layout = new QVBoxLayout(this);
    // Two people may share a name: the email and unit say which one is leaving.
    const QString details = PersonChoiceModel::detailsOf(leaver, UnitStore(reg).tree());
    const QString who = details.isEmpty() ? leaver.name : QStringLiteral("%1 (%2)").arg(leaver.name, details);
    const QString holds = assetCount == 0
        ? QStringLiteral("%1 owns and manages no assets.").arg(who)
        : QStringLiteral("%1 owns or manages %2 %3. Hand them all over to:")
              .arg(who)
              .arg(assetCount)
              .arg(assetCount == 1 ? QStringLiteral("asset") : QStringLiteral("assets"));
    auto* label = new QLabel(holds, this);
    label->setObjectName(QStringLiteral("leaveSummary"));
    label->setTextFormat(Qt::PlainText); // a name is text, never markup
    label->setWordWrap(true);
    layout->addWidget(label);

    m_successor = new PersonPicker(QStringLiteral("Hand assets over to"), this);
    m_successor->setObjectName(QStringLiteral("leaveSuccessor"));
    m_successor->setNoneText(QStringLiteral("Nobody yet (they will show as unowned)"));
    m_successor->setExcluded(leaver.id);
    m_successor->setRegister(&reg);
    m_successor->setVisible(assetCount > 0);
    layout->addWidget(m_successor);
    layout->addStretch();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Mark as Left"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

std::optional<RecordId> LeaveDialog::successor() const
{
    return m_successor->chosen();
}

} // namespace custos
