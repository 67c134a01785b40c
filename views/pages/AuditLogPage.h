#pragma once

#include "models/domain/Asset.h"
#include "views/window/BackgroundTask.h"

#include <QStringList>
#include <QWidget>
#include <memory>

class QAction;
class QLabel;
class QTableView;

namespace custos {

class AuditFilterBar;
class AuditLogModel;
class Register;
class Settings;

// Every change made to the register, newest first, as the audit trail recorded it: filtered by
// who, the kind of record, the record and the days, searched, counted, and exported as CSV.
class AuditLogPage : public QWidget
{
    Q_OBJECT

public:
    explicit AuditLogPage(Settings& settings, QWidget* parent = nullptr);
    ~AuditLogPage() override;

    // The page reads the trail on reload(), as it is shown. An export still running for the
    // register before stops first, writing no file.
    void setRegister(Register* reg);
    // Starts again from the newest change.
    void reload();
    // Export Audit Log CSV…: the entries the filters select, the page's button and the File menu's.
    QAction* exportAction() const { return m_export; }

private:
    void applyFilter();
    void showCount();
    // Offers the logins of entries written since the last look as choices of who.
    void offerActors();
    void exportCsv();
    void exported(const QString& target, qint64 written, const QString& error, bool cancelled);

    Settings& m_settings;
    Register* m_register = nullptr;
    std::unique_ptr<AuditLogModel> m_model;
    AuditFilterBar* m_filters = nullptr;
    QLabel* m_count = nullptr;
    QAction* m_export = nullptr;
    QTableView* m_table = nullptr;
    QStringList m_actors;
    RecordId m_actorsUpTo = 0;
    BackgroundTask m_task;
};

} // namespace custos
