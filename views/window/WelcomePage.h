#pragma once

#include <QWidget>

class QListWidget;

namespace custos {

// What the window shows with no register open: start a register, open one, or open the demo,
// and the registers opened lately.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);
    void setRecentRegisters(const QStringList& paths);

signals:
    void newRequested();
    void openRequested();
    void demoRequested();
    void recentChosen(const QString& path);

private:
    QListWidget* m_recent = nullptr;
};

} // namespace custos
