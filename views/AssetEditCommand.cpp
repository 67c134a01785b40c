#include "AssetEditCommand.h"

namespace custos {

AssetEditCommand::AssetEditCommand(const QList<Asset>& before, const QList<Asset>& after, Write write)
    : QUndoCommand(after.size() == 1 ? QStringLiteral("Edit %1").arg(after.first().reference)
                                     : QStringLiteral("Edit %1 assets").arg(after.size()))
    , m_before(before)
    , m_after(after)
    , m_write(std::move(write))
{
}

void AssetEditCommand::undo()
{
    if (m_write(m_before))
        m_done = false;
}

void AssetEditCommand::redo()
{
    // QUndoStack::push calls redo(); the edit was written before the push.
    if (m_done)
        return;
    if (m_write(m_after))
        m_done = true;
}

} // namespace custos
