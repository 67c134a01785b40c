#pragma once

#include "Register.h"

#include <QMainWindow>
#include <QTimer>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace custos {

class AssetTableModel;

// The register window: the assets of one register, searched and filtered as you type.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a register in place of the current one; on refusal keeps the current one and says why.
    bool openRegister(const QString& path, OpenMode mode, QString* error = nullptr);
    const Register* currentRegister() const { return m_register.get(); }
    AssetTableModel* assetModel() const { return m_model.get(); }

private:
    void buildMenus();
    void buildFilterBar();
    void chooseAndOpen();
    void applyFilters();
    void updateStatus();

    std::unique_ptr<Register> m_register;
    std::unique_ptr<AssetTableModel> m_model;
    QStackedWidget* m_pages = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_search = nullptr;
    QAction* m_unowned = nullptr;
    QAction* m_unclassified = nullptr;
    QAction* m_overdue = nullptr;
    QLabel* m_count = nullptr;
    QTimer m_searchDelay;
};

} // namespace custos
