#pragma once

#include <QLayout>
#include <QList>

namespace custos {

// Lays its items out left to right, and wraps them onto more lines when the width runs out, as a
// paragraph wraps its words: what it holds stays in sight at any width rather than falling off the
// edge. An item wider than a whole line gets the line's width (and its height for that width).
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget* parent = nullptr, int horizontalSpacing = 6, int verticalSpacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Places the items within `rect` (or only measures, when `place` is false); the height used.
    int layOut(const QRect& rect, bool place) const;

    QList<QLayoutItem*> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
};

} // namespace custos
