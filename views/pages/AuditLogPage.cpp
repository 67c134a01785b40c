#include "views/pages/AuditLogPage.h"

#include "models/itemmodels/AuditLogModel.h"
#include "models/store/Register.h"
#include "views/pages/RecordTable.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace custos {

AuditLogPage::AuditLogPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditLogPage"));
    m_table = newRecordTable(QStringLiteral("auditLogTable"), QStringLiteral("Audit log"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

AuditLogPage::~AuditLogPage() = default;

void AuditLogPage::setRegister(Register* reg)
{
    m_register = reg;
    // Shown, the page follows every change; hidden, it reads the register again as it shows.
    if (m_register)
        connect(m_register, &Register::changed, this, [this] {
            if (isVisible())
                reload();
        });
    m_table->setModel(nullptr);
    m_model.reset();
}

void AuditLogPage::reload()
{
    if (!m_register)
        return;
    if (m_model) {
        m_model->reload();
        return;
    }
    m_model = std::make_unique<AuditLogModel>(*m_register);
    m_table->setModel(m_model.get());
    const QList<std::pair<int, int>> widths {
        {AuditLogModel::When, 160}, {AuditLogModel::Who, 110}, {AuditLogModel::Record, 260}};
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);
}

} // namespace custos
