#pragma once

// One figure of the Dashboard: its name, its value for the last 30 days and the change against
// the 30 days before, with an arrow and a colour that say at a glance whether it went well.

#include <QFrame>

#include <optional>

class QLabel;

namespace md {

class KpiCard : public QFrame
{
    Q_OBJECT

public:
    explicit KpiCard(const QString &title, QWidget *parent = nullptr);

    // change in percent; nothing when there was nothing to compare with. previousText names the
    // value of the period before, e.g. "1,234.00 the 30 days before".
    void setFigures(const QString &value, std::optional<double> change,
                    const QString &previousText);
    void setPending();

    QString valueText() const;
    QString changeText() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_change = nullptr;
    QLabel *m_previous = nullptr;
};

} // namespace md
