#include "views/window/RegisterChangeCommand.h"

#include <QMessageBox>

namespace custos {

RegisterChangeCommand::RegisterChangeCommand(const QString& text, Write apply, Write revert)
    : QUndoCommand(text)
    , m_apply(std::move(apply))
    , m_revert(std::move(revert))
{
}

void RegisterChangeCommand::undo()
{
    if (m_applied && m_revert())
        m_applied = false;
}

void RegisterChangeCommand::redo()
{
    // QUndoStack::push calls redo(); the change was written before the push.
    if (!m_applied && m_apply())
        m_applied = true;
}

bool writeOrWarn(QWidget* parent, const QString& title, const std::function<bool(QString* error)>& write)
{
    QString error;
    if (write(&error))
        return true;
    QMessageBox::warning(parent, title, error);
    return false;
}

} // namespace custos
