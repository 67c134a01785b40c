#pragma once

#include <QWidget>
#include <memory>

class QTableView;

namespace custos {

class AuditLogModel;
class Register;

// Every change made to the register, newest first, as the audit trail recorded it.
class AuditLogPage : public QWidget
{
    Q_OBJECT

public:
    explicit AuditLogPage(QWidget* parent = nullptr);
    ~AuditLogPage() override;

    // The page reads the trail on reload(), as it is shown.
    void setRegister(Register* reg);
    // Starts again from the newest change.
    void reload();

private:
    Register* m_register = nullptr;
    std::unique_ptr<AuditLogModel> m_model;
    QTableView* m_table = nullptr;
};

} // namespace custos
