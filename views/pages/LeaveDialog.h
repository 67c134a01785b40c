#pragma once

#include "models/people/PersonStore.h"

#include <QDialog>
#include <optional>

namespace custos {

class PersonPicker;

// Marks someone as left, naming them with their email and business unit, and offers to hand all
// their assets to another person (who has not left) in the same step.
class LeaveDialog : public QDialog
{
    Q_OBJECT

public:
    LeaveDialog(const Person& leaver, int assetCount, Register& reg, QWidget* parent = nullptr);

    // Who takes the assets over; none leaves them with the leaver, counted as unowned.
    std::optional<RecordId> successor() const;

private:
    PersonPicker* m_successor = nullptr;
};

} // namespace custos
