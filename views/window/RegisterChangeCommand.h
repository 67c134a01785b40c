#pragma once

#include <QUndoCommand>
#include <functional>

class QWidget;

namespace custos {

// One change to the register as a single step on the undo stack. The change is already written
// when the command is pushed; undo runs `revert` and redo runs `apply` again, each writing the
// register in one transaction (and so each a change of its own in the audit trail). A write that
// fails has said why; the step then stays where it was.
class RegisterChangeCommand : public QUndoCommand
{
public:
    using Write = std::function<bool()>;

    RegisterChangeCommand(const QString& text, Write apply, Write revert);

    void undo() override;
    void redo() override;

private:
    Write m_apply;
    Write m_revert;
    bool m_applied = true;
};

// Runs one write; when it fails, tells the user why in a message titled `title`.
bool writeOrWarn(QWidget* parent, const QString& title, const std::function<bool(QString* error)>& write);

} // namespace custos
