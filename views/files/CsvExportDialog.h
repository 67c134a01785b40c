#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace custos {

// Where to export, what (the whole register, or the assets the table shows) and whether for Excel.
// Export takes only a file Custos can write, and otherwise says why, here, with the dialog open.
class CsvExportDialog : public QDialog
{
    Q_OBJECT

public:
    CsvExportDialog(int shownAssets, const QString& suggestedPath, QWidget* parent = nullptr);

    bool wholeRegister() const;
    bool forExcel() const;
    QString path() const;

    void accept() override;

private:
    QRadioButton* m_whole = nullptr;
    QCheckBox* m_forExcel = nullptr;
    QLineEdit* m_path = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace custos
