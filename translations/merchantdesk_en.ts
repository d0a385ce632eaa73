<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>md::CsvTransfer</name>
    <message numerus="yes">
        <source>%Ln row(s) of %1 exported to
%2</source>
        <translation>
            <numerusform>%Ln row of %1 exported to
%2</numerusform>
            <numerusform>%Ln rows of %1 exported to
%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ExportCommand</name>
    <message numerus="yes">
        <source>Exported %n row(s) of %1 to %2
</source>
        <translation>
            <numerusform>Exported %n row of %1 to %2
</numerusform>
            <numerusform>Exported %n rows of %1 to %2
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ImportCommand</name>
    <message numerus="yes">
        <source>%1: %n problem(s) found; nothing was imported</source>
        <translation>
            <numerusform>%1: %n problem found; nothing was imported</numerusform>
            <numerusform>%1: %n problems found; nothing was imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ImportOptionsPage</name>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row problem(s) found (line:column: reason). These rows would be written to the rejects file; the others imported.</source>
        <translation>
            <numerusform>%n row problem found (line:column: reason). These rows would be written to the rejects file; the others imported.</numerusform>
            <numerusform>%n row problems found (line:column: reason). These rows would be written to the rejects file; the others imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found (line:column: reason). As it is, the import would write nothing: fix the file, or import the valid rows and write the rejected ones to a file.</source>
        <translation>
            <numerusform>%n problem found (line:column: reason). As it is, the import would write nothing: fix the file, or import the valid rows and write the rejected ones to a file.</numerusform>
            <numerusform>%n problems found (line:column: reason). As it is, the import would write nothing: fix the file, or import the valid rows and write the rejected ones to a file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No problems found in %n row(s).</source>
        <translation>
            <numerusform>No problems found in %n row.</numerusform>
            <numerusform>No problems found in %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It would delete %n stored row(s).</source>
        <translation>
            <numerusform>It would delete %n stored row.</numerusform>
            <numerusform>It would delete %n stored rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ImportReadPage</name>
    <message numerus="yes">
        <source>The first %n row(s) of the file are shown.</source>
        <translation>
            <numerusform>The first %n row of the file are shown.</numerusform>
            <numerusform>The first %n rows of the file are shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them have problems (in red); Validate on the next page checks the whole file.</source>
        <translation>
            <numerusform>%n of them has problems (in red); Validate on the next page checks the whole file.</numerusform>
            <numerusform>%n of them have problems (in red); Validate on the next page checks the whole file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ImportSummary</name>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>... and %n more problem</numerusform>
            <numerusform>... and %n more problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more note(s)</source>
        <translation>
            <numerusform>... and %n more note</numerusform>
            <numerusform>... and %n more notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ImportSummaryPage</name>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n problem(s).</source>
        <translation>
            <numerusform>Nothing was imported: the file has %n problem.</numerusform>
            <numerusform>Nothing was imported: the file has %n problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::LoyaltyCommand</name>
    <message numerus="yes">
        <source>, at most %n per customer</source>
        <translation>
            <numerusform>, at most %n redemption per customer</numerusform>
            <numerusform>, at most %n redemptions per customer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::LoyaltyService</name>
    <message numerus="yes">
        <source>%1 has redeemed it %n time(s), its limit per customer; nothing was written</source>
        <translation>
            <numerusform>%1 has redeemed it %n time, its limit per customer; nothing was written</numerusform>
            <numerusform>%1 has redeemed it %n times, its limit per customer; nothing was written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::PlanStore</name>
    <message numerus="yes">
        <source>Plan “%1” has %n subscriber(s) who have not cancelled; move them to another plan first</source>
        <translation>
            <numerusform>Plan “%1” has %n subscriber who has not cancelled; move them to another plan first</numerusform>
            <numerusform>Plan “%1” has %n subscribers who have not cancelled; move them to another plan first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan “%1” cannot be deleted: %n plan(s) inherit from it</source>
        <translation>
            <numerusform>Plan “%1” cannot be deleted: %n plan inherits from it</numerusform>
            <numerusform>Plan “%1” cannot be deleted: %n plans inherit from it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan “%1” has %n cancelled subscription(s) in its history; switch the plan off (Active) instead of deleting it</source>
        <translation>
            <numerusform>Plan “%1” has %n cancelled subscription in its history; switch the plan off (Active) instead of deleting it</numerusform>
            <numerusform>Plan “%1” has %n cancelled subscriptions in its history; switch the plan off (Active) instead of deleting it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan “%1” is in the plan history of %n subscription(s); switch the plan off (Active) instead of deleting it</source>
        <translation>
            <numerusform>Plan “%1” is in the plan history of %n subscription; switch the plan off (Active) instead of deleting it</numerusform>
            <numerusform>Plan “%1” is in the plan history of %n subscriptions; switch the plan off (Active) instead of deleting it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Feature “%1” is set on %n plan(s): %2; clear it there first (Use inherited value) and save</source>
        <translation>
            <numerusform>Feature “%1” is set on %n plan: %2; clear it there first (Use inherited value) and save</numerusform>
            <numerusform>Feature “%1” is set on %n plans: %2; clear it there first (Use inherited value) and save</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::PlansPage</name>
    <message numerus="yes">
        <source>Saved %n change(s).</source>
        <translation>
            <numerusform>Saved %n change.</numerusform>
            <numerusform>Saved %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::SegmentsPage</name>
    <message numerus="yes">
        <source>%Ln customer(s) match as of %1.</source>
        <translation>
            <numerusform>%Ln customer match as of %1.</numerusform>
            <numerusform>%Ln customers match as of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln member exported to %1.</numerusform>
            <numerusform>%Ln members exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::SubscriptionsPage</name>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n subscription</numerusform>
            <numerusform>%n subscriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused subscription(s) resumed.</source>
        <translation>
            <numerusform>%n paused subscription resumed.</numerusform>
            <numerusform>%n paused subscriptions resumed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
</TS>
