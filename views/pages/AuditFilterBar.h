#pragma once

#include "models/audit/AuditFilter.h"

#include <QTimer>
#include <QWidget>
#include <functional>

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLineEdit;
class QWidget;

namespace custos {

// The Audit Log's filters: who, what kind of record, which record, a range of days and text to
// search for. Below them, each filter in use shows as a button that clears it, beside Clear All.
class AuditFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit AuditFilterBar(QWidget* parent = nullptr);

    AuditFilter filter() const;
    // Offers a login the trail names as a choice of who, shown as the person's name where the
    // register knows them (`name` not empty); a login already offered takes the new name.
    void addActor(const QString& login, const QString& name);
    // Drops every filter and every offered login, for another register.
    void reset();

signals:
    void filterChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QDateEdit* newDayEdit(const QString& objectName, const QString& accessibleName);
    void changed();
    // Shows a button for each filter in use, which clears it.
    void showActiveFilters();
    void addClearButton(const QString& objectName, const QString& text, const std::function<void()>& clear);
    void clearAll();

    QComboBox* m_who = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_record = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_search = nullptr;
    QWidget* m_active = nullptr;
    QHBoxLayout* m_activeLayout = nullptr;
    QTimer m_typingDelay;
};

} // namespace custos
