#pragma once

// The base of the import wizard's pages: each one works on the wizard's ImportJob, and they
// share a few looks (a wrapping note, the red of an error) and the CSV file filter.

#include <QWizardPage>

class QLabel;

namespace md {

class ImportJob;

class ImportPage : public QWizardPage
{
    Q_OBJECT

public:
    ImportPage(ImportJob &job, QWidget *parent = nullptr);

protected:
    // isComplete() may have changed: the wizard asks it again.
    void changed() { emit completeChanged(); }

    static QLabel *noteLabel(const QString &text, QWidget *parent);
    static QString fileFilter();

    ImportJob &m_job;
};

} // namespace md
