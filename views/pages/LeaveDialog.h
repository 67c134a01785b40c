#pragma once

#include "models/people/PersonStore.h"

#include <QDialog>
#include <optional>

class QComboBox;

namespace custos {

// Marks someone as left and offers to hand all their assets to another person in the same step.
class LeaveDialog : public QDialog
{
    Q_OBJECT

public:
    LeaveDialog(const Person& leaver, int assetCount, const QList<Person>& people, QWidget* parent = nullptr);

    // Who takes the assets over; none leaves them with the leaver, counted as unowned.
    std::optional<RecordId> successor() const;

private:
    QComboBox* m_successor = nullptr;
};

} // namespace custos
