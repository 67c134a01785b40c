#include "AuditLogPage.h"

#include "AuditLogModel.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace custos {

AuditLogPage::AuditLogPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditLogPage"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditLogTable"));
    m_table->setAccessibleName(QStringLiteral("Audit log"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

AuditLogPage::~AuditLogPage() = default;

void AuditLogPage::setRegister(Register* reg)
{
    m_table->setModel(nullptr);
    m_model.reset();
    if (!reg)
        return;
    m_model = std::make_unique<AuditLogModel>(*reg);
    m_table->setModel(m_model.get());
    for (const auto& [column, width] : QList<std::pair<int, int>> {
             {AuditLogModel::When, 160}, {AuditLogModel::Who, 110}, {AuditLogModel::Record, 260}})
        m_table->setColumnWidth(column, width);
}

void AuditLogPage::reload()
{
    if (m_model)
        m_model->reload();
}

} // namespace custos
