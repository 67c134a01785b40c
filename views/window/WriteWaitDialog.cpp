#include "views/window/WriteWaitDialog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProgressDialog>

namespace custos {

namespace {
// How long the window handles its events between two attempts at the write lock.
constexpr int kEventsMs = 20;
} // namespace

WriteWaitDialog::WriteWaitDialog(QWidget* parent)
    : m_parent(parent)
{
}

WriteWaitDialog::~WriteWaitDialog()
{
    delete m_dialog;
}

void WriteWaitDialog::started(const QString& registerPath, int)
{
    delete m_dialog;
    m_dialog = new QProgressDialog(QStringLiteral("%1 is being changed by someone else. Your change waits for its "
                                                  "turn and is made as soon as they finish.")
                                       .arg(QFileInfo(registerPath).fileName()),
                                   QStringLiteral("Cancel"),
                                   0,
                                   0,
                                   m_parent);
    m_dialog->setObjectName(QStringLiteral("writeWait"));
    m_dialog->setWindowTitle(QStringLiteral("Waiting"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(0);
    m_dialog->show();
}

bool WriteWaitDialog::keepWaiting(int)
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, kEventsMs);
    return m_dialog && !m_dialog->wasCanceled();
}

void WriteWaitDialog::finished()
{
    if (!m_dialog)
        return;
    m_dialog->hide();
    m_dialog->deleteLater();
    m_dialog = nullptr;
}

} // namespace custos
