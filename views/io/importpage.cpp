#include "importpage.h"

#include <QLabel>

namespace md {

ImportPage::ImportPage(ImportJob &job, QWidget *parent)
    : QWizardPage(parent)
    , m_job(job)
{}

QLabel *ImportPage::noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QString ImportPage::fileFilter()
{
    return tr("CSV files (*.csv *.txt *.tsv);;All files (*)");
}

} // namespace md
