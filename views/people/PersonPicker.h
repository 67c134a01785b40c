#pragma once

#include "models/domain/Asset.h"
#include "models/store/Register.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QCompleter;
class QLabel;
class QLineEdit;

namespace custos {

class PersonChoiceModel;

// Chooses a person, or nobody, from the register's people: typing any part of a name or email
// lists who matches, in any case; arrow down and Enter (or a click) picks. People who have left
// are not offered. Under the field, the chosen person's email and business unit, and a warning
// when someone else has the same name. Follows the register's changes to its people and units.
class PersonPicker : public QWidget
{
    Q_OBJECT

public:
    PersonPicker(const QString& accessibleName, QWidget* parent = nullptr);

    // The register whose people are offered; none offers nobody.
    void setRegister(Register* reg);
    // What choosing nobody is called: "None" unless set.
    void setNoneText(const QString& text);
    // Someone never offered, or nobody.
    void setExcluded(std::optional<RecordId> id);
    // Shows `id` as the choice. Someone who has left shows marked as left, and stays on offer until
    // the next call, so that the choice can be made again.
    void choose(std::optional<RecordId> id);
    std::optional<RecordId> chosen() const { return m_chosen; }
    bool chosenHasLeft() const;
    // Read-only, the chosen person's name can be selected and copied, and nobody else chosen.
    void setReadOnly(bool readOnly);

signals:
    // The user chose someone else, or nobody.
    void chosenChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload();
    void search(const QString& text);
    void pick(const QModelIndex& index);
    // Puts the chosen person's name in the field, with their details and any namesake warning.
    void showChosen();
    void showNamesakes(std::optional<RecordId> id);
    // After typing that picked nobody: an empty field is a choice of nobody; else the choice stays.
    void finishTyping();

    QPointer<Register> m_register;
    QMetaObject::Connection m_following;
    PersonChoiceModel* m_choices = nullptr;
    QLineEdit* m_field = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_namesakes = nullptr;
    QCompleter* m_completer = nullptr;
    std::optional<RecordId> m_chosen;
};

} // namespace custos
