#include "kpicard.h"
#include "common/tone.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace md {

namespace {} // namespace

KpiCard::KpiCard(const QString &title, QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(150);

    m_title = new QLabel(title, this);
    m_title->setObjectName(QStringLiteral("kpiTitle"));
    m_value = new QLabel(this);
    m_value->setObjectName(QStringLiteral("kpiValue"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_change = new QLabel(this);
    m_change->setObjectName(QStringLiteral("kpiChange"));
    m_previous = new QLabel(this);
    m_previous->setObjectName(QStringLiteral("kpiPrevious"));
    m_previous->setEnabled(false); // the palette's dimmed text
    // Longer languages ("Durchschnittlicher Bestellwert") wrap in a narrow window, not clip.
    for (QLabel *label : {m_title, m_change, m_previous})
        label->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    layout->addWidget(m_previous);
    layout->addStretch(1);
    setPending();
}

void KpiCard::setFigures(const QString &value, std::optional<double> change,
                         const QString &previousText)
{
    m_value->setText(value);
    m_previous->setText(previousText);
    if (!change) {
        tone::apply(m_change, tone::Tone::Normal);
        m_change->setText(tr("No figures to compare with"));
        return;
    }
    const QLocale locale;
    const double rounded = qRound(*change * 10.0) / 10.0;
    if (rounded == 0.0) {
        tone::apply(m_change, tone::Tone::Normal);
        m_change->setText(tr("● unchanged"));
        return;
    }
    const QString amount = locale.toString(qAbs(rounded), 'f', 1);
    const bool up = rounded > 0;
    tone::apply(m_change, up ? tone::Tone::Positive : tone::Tone::Error);
    m_change->setText(up ? tr("▲ %1 % more").arg(amount) : tr("▼ %1 % less").arg(amount));
}

void KpiCard::setPending()
{
    m_value->setText(tr("…"));
    tone::apply(m_change, tone::Tone::Normal);
    m_change->clear();
    m_previous->clear();
}

QString KpiCard::valueText() const
{
    return m_value->text();
}

QString KpiCard::changeText() const
{
    return m_change->text();
}

} // namespace md
