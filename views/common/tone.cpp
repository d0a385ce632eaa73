#include "tone.h"

#include <QPalette>
#include <QWidget>

namespace md::tone {

namespace {

// A hue at a lightness that stands out from the background: dark on a light window, light on
// a dark one. Saturation stays high enough to read as the hue, not as grey.
QColor onBackground(int hue, const QColor &background)
{
    const bool darkBackground = background.lightnessF() < 0.5;
    return QColor::fromHslF(hue / 360.0, 0.75, darkBackground ? 0.68 : 0.36);
}

constexpr int kRedHue = 352;
constexpr int kGreenHue = 135;

} // namespace

QColor colour(Tone tone, const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Window);
    switch (tone) {
    case Tone::Normal:
        return palette.color(QPalette::WindowText);
    case Tone::Error:
        return onBackground(kRedHue, background);
    case Tone::Positive:
        return onBackground(kGreenHue, background);
    case Tone::Muted:
        return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::WindowText);
}

void apply(QWidget *widget, Tone tone)
{
    if (tone == Tone::Normal) {
        widget->setPalette(QPalette()); // back to what the parent gives
        return;
    }
    QPalette palette = widget->palette();
    const QColor text = colour(tone, palette);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Text, text);
    widget->setPalette(palette);
}

void markInvalid(QWidget *input, bool invalid)
{
    if (!invalid) {
        input->setStyleSheet(QString());
        return;
    }
    input->setStyleSheet(
        QStringLiteral("border: 2px solid %1;").arg(colour(Tone::Error, input->palette()).name()));
}

void applyNote(QWidget *frame)
{
    const QPalette palette = frame->palette();
    const QColor background = palette.color(QPalette::ToolTipBase);
    const QColor text = palette.color(QPalette::ToolTipText);
    const QColor border
        = background.lightnessF() < 0.5 ? background.lighter(160) : background.darker(130);
    const QString name = frame->objectName();
    const QString selector
        = name.isEmpty() ? QStringLiteral("QFrame") : QStringLiteral("QFrame#%1").arg(name);
    frame->setStyleSheet(QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4; "
                                        "border-radius: 4px; }")
                             .arg(selector, background.name(), text.name(), border.name()));
}

} // namespace md::tone
