#pragma once

#include "Asset.h"

#include <QUndoCommand>
#include <functional>

namespace custos {

// One saved edit of an asset, for the undo stack. The edit is already in the register when the
// command is pushed; undo writes the asset as it was, redo writes the edit again. Each write is
// a change of its own in the audit trail.
class AssetEditCommand : public QUndoCommand
{
public:
    using Write = std::function<bool(const Asset&)>;

    AssetEditCommand(const Asset& before, const Asset& after, Write write);

    void undo() override;
    void redo() override;

private:
    Asset m_before;
    Asset m_after;
    Write m_write;
    bool m_done = true;
};

} // namespace custos
