#pragma once

#include "Asset.h"

#include <QList>
#include <QUndoCommand>
#include <functional>

namespace custos {

// One saved edit of one or many assets, as a single step on the undo stack. The edit is already
// in the register when the command is pushed; undo writes the assets as they were, redo writes
// the edit again, each in one transaction and each a change of its own in the audit trail.
class AssetEditCommand : public QUndoCommand
{
public:
    using Write = std::function<bool(const QList<Asset>&)>;

    AssetEditCommand(const QList<Asset>& before, const QList<Asset>& after, Write write);

    void undo() override;
    void redo() override;

private:
    QList<Asset> m_before;
    QList<Asset> m_after;
    Write m_write;
    bool m_done = true;
};

} // namespace custos
