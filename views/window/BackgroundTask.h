#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace custos {

// Tells a task how far it has got; returns false once the user has cancelled.
using TaskProgress = std::function<bool(qint64 done, qint64 total)>;

// Runs `task` on a thread of its own behind a window-modal progress dialog with Cancel, and
// returns when it has finished: the window keeps painting meanwhile. The task must use its own
// database connection. Returns false if the user cancelled.
bool runInBackground(QWidget* parent, const QString& label, const std::function<void(const TaskProgress&)>& task);

} // namespace custos
