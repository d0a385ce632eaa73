#pragma once

#include <QColor>

class QPalette;
class QWidget;

namespace md::tone {

// What a piece of text or a frame says about its content. The colour of each tone is derived
// from the palette in use (light or dark, the platform's or the user's), never written as a
// literal at the call site: one place decides how an error or a gain looks everywhere.
enum class Tone {
    Normal,   // the palette's own text colour
    Error,    // something failed or needs fixing
    Positive, // a gain ("▲ 12 % more")
    Muted,    // secondary text, a column that is not used
};

// The text colour of a tone, readable on the palette's window and base colours.
QColor colour(Tone tone, const QPalette &palette);

// Gives a label (or any widget drawing text) the tone's text colour through its palette, so
// that a later restyle or a palette change is not fought by a style sheet. Normal restores the
// inherited palette.
void apply(QWidget *widget, Tone tone);

// Marks an input as holding the value at fault (a red frame), or clears the mark.
void markInvalid(QWidget *input, bool invalid);

// Gives a frame the look of a note that wants attention (a banner above a table): the
// palette's tooltip colours, with a border that follows them.
void applyNote(QWidget *frame);

} // namespace md::tone
