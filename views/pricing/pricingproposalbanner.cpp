#include "pricingproposalbanner.h"
#include "common/tone.h"

#include "pricing/pricingproposalstore.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace md {

PricingProposalBanner::PricingProposalBanner(const Database &db, QWidget *parent)
    : QFrame(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("proposalBanner"));
    tone::applyNote(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    auto *review = new QPushButton(tr("Review and Approve…"), this);
    review->setObjectName(QStringLiteral("reviewProposal"));
    connect(review, &QPushButton::clicked, this, [this] {
        if (m_proposalId >= 0)
            emit reviewRequested(m_proposalId);
    });
    auto *discard = new QPushButton(tr("Discard"), this);
    discard->setObjectName(QStringLiteral("discardProposal"));
    connect(discard, &QPushButton::clicked, this, [this] {
        if (m_proposalId >= 0)
            emit discardRequested(m_proposalId);
    });
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(review);
    layout->addWidget(discard);
    hide();
}

void PricingProposalBanner::reload()
{
    m_proposalId = -1;
    auto pending = PricingProposalStore::newestPending(m_db);
    if (!pending) {
        hide();
        emit failed(pending.error());
        return;
    }
    if (!pending->has_value() || (*pending)->changeCount == 0) {
        hide();
        return;
    }
    const PricingProposalInfo &proposal = **pending;
    m_proposalId = proposal.id;
    const QString when = QLocale().toString(
        QDateTime::fromSecsSinceEpoch(proposal.createdAt).toLocalTime(), QLocale::ShortFormat);
    m_text->setText(tr("A scheduled run on %1 prepared price changes for your approval: %2.")
                        .arg(when, QLocale().toString(proposal.changeCount)));
    show();
}

} // namespace md
