#pragma once

#include "models/people/PersonStore.h"
#include "models/units/UnitTree.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace custos {

// A person's name, email, login and business unit, for adding or editing them.
class PersonDialog : public QDialog
{
    Q_OBJECT

public:
    PersonDialog(const Person& person, const UnitTree& units, QWidget* parent = nullptr);

    // The person as the form describes them.
    Person person() const;

private:
    Person m_person;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_login = nullptr;
    QComboBox* m_unit = nullptr;
};

} // namespace custos
