#include "views/pages/PersonDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

namespace custos {

PersonDialog::PersonDialog(const Person& person, const UnitTree& units, QWidget* parent)
    : QDialog(parent)
    , m_person(person)
{
    setObjectName(QStringLiteral("personDialog"));
    setWindowTitle(person.id == 0 ? QStringLiteral("Add Person") : QStringLiteral("Edit %1").arg(person.name));
    auto* form = new QFormLayout(this);
    auto addLine = [&](const QString& label, const QString& name, const QString& text) {
        auto* line = new QLineEdit(text, this);
        line->setObjectName(name);
        line->setAccessibleName(label);
        form->addRow(label, line);
        return line;
    };
    m_name = addLine(QStringLiteral("Name"), QStringLiteral("personName"), person.name);
    m_email = addLine(QStringLiteral("Email"), QStringLiteral("personEmail"), person.email);
    m_login = addLine(QStringLiteral("Login"), QStringLiteral("personLogin"), person.login);
    m_login->setToolTip(QStringLiteral("The person's computer login, so Custos can show them their own assets."));
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("personUnit"));
    m_unit->setAccessibleName(QStringLiteral("Business unit"));
    m_unit->addItem(QStringLiteral("None"));
    for (RecordId id : units.idsByPath())
        m_unit->addItem(units.path(id), id);
    if (person.unitId)
        m_unit->setCurrentIndex(m_unit->findData(*person.unitId));
    form->addRow(QStringLiteral("Business unit"), m_unit);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(420, sizeHint().height());
}

Person PersonDialog::person() const
{
    Person person = m_person;
    person.name = m_name->text().trimmed();
    person.email = m_email->text().trimmed();
    person.login = m_login->text().trimmed();
    const QVariant unit = m_unit->currentData();
    person.unitId = unit.isValid() ? std::optional<RecordId>(unit.toLongLong()) : std::nullopt;
    return person;
}

} // namespace custos
