#pragma once

#include <QWidget>

class QAbstractScrollArea;
class QLabel;

namespace custos {

// Shown in an empty table's place when a search or filter matches nothing: says so, naming the
// search, with a button that clears the search and the filters.
class NoMatchesNotice : public QWidget
{
    Q_OBJECT

public:
    // Lies over the table's viewport and keeps to its size.
    explicit NoMatchesNotice(QAbstractScrollArea* table);

    // Shown with the search's words (or none, for filters alone); hidden by hide().
    void showFor(const QString& search);

signals:
    void clearRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* m_text = nullptr;
};

} // namespace custos
