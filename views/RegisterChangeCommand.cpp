#include "RegisterChangeCommand.h"

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

} // namespace custos
