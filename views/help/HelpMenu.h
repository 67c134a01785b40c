#pragma once

#include <QObject>
#include <functional>

class QAction;
class QMainWindow;
class QMenu;

namespace custos {

class Register;

// The Help menu's actions: User Guide (F1), Keyboard Shortcuts and About Custos. Each opens a
// dialog of its own over the window.
class HelpMenu : public QObject
{
    Q_OBJECT

public:
    // `currentRegister` tells About which register is open, if any.
    HelpMenu(QMainWindow* window, std::function<const Register*()> currentRegister);

    void addTo(QMenu* menu) const;

    void showUserGuide();
    void showShortcuts();
    void showAbout();

private:
    QMainWindow* m_window;
    std::function<const Register*()> m_currentRegister;
    QAction* m_guide = nullptr;
    QAction* m_shortcuts = nullptr;
    QAction* m_about = nullptr;
};

} // namespace custos
