<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>md::BackupProgress</name>
    <message>
        <source>Backing up %1 to %2…</source>
        <translation>%1 wird nach %2 gesichert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Back Up Database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>md::BasketImporter</name>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 holds no baskets (one line per basket, names separated by commas).</source>
        <translation>%1 enthält keine Warenkörbe (eine Zeile je Warenkorb, Namen durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>Adding the product %1: %2</source>
        <translation>Anlegen des Produkts %1: %2</translation>
    </message>
    <message>
        <source>Adding the products: %1</source>
        <translation>Anlegen der Produkte: %1</translation>
    </message>
    <message>
        <source>Adding the orders: %1</source>
        <translation>Anlegen der Bestellungen: %1</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1 changed while it was being imported; nothing was imported.</source>
        <translation>%1 wurde während des Imports geändert; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Adding the order lines: %1</source>
        <translation>Anlegen der Bestellpositionen: %1</translation>
    </message>
</context>
<context>
    <name>md::BoxComposer</name>
    <message>
        <source>needs %1 exclusive items but only %2 in stock were not in the subscriber&apos;s last 3 boxes</source>
        <translation>braucht %1 exklusive Artikel, aber nur %2 vorrätige waren nicht in den letzten 3 Boxen des Abonnenten</translation>
    </message>
    <message>
        <source>needs %1 regular items but only %2 in stock were not in the subscriber&apos;s last 3 boxes</source>
        <translation>braucht %1 reguläre Artikel, aber nur %2 vorrätige waren nicht in den letzten 3 Boxen des Abonnenten</translation>
    </message>
    <message>
        <source>the plan asks for %1 items of which %2 exclusive; fix the plan&apos;s features</source>
        <translation>der Tarif verlangt %1 Artikel, davon %2 exklusive; korrigieren Sie die Merkmale des Tarifs</translation>
    </message>
</context>
<context>
    <name>md::BoxCycleStore</name>
    <message>
        <source>“%1” is not a cycle: give a month as YYYY-MM, such as 2026-12</source>
        <translation>„%1“ ist kein Zyklus: Geben Sie einen Monat als JJJJ-MM an, etwa 2026-12</translation>
    </message>
    <message>
        <source>Reading the box cycles: %1</source>
        <translation>Lesen der Box-Zyklen: %1</translation>
    </message>
    <message>
        <source>No feature has the key target_item_count: add it on the Plans page (a whole number) to say how many items a box holds</source>
        <translation>Kein Merkmal hat den Schlüssel target_item_count: Legen Sie es auf der Seite Tarife an (eine ganze Zahl), um festzulegen, wie viele Artikel eine Box enthält</translation>
    </message>
    <message>
        <source>Reading the products: %1</source>
        <translation>Lesen der Produkte: %1</translation>
    </message>
    <message>
        <source>Reading the earlier boxes: %1</source>
        <translation>Lesen der früheren Boxen: %1</translation>
    </message>
    <message>
        <source>Reading the subscriptions: %1</source>
        <translation>Lesen der Abonnements: %1</translation>
    </message>
    <message>
        <source>Confirming cycle %1</source>
        <translation>Bestätigen von Zyklus %1</translation>
    </message>
    <message>
        <source>Cycle %1 was confirmed already; its boxes are recorded</source>
        <translation>Zyklus %1 wurde bereits bestätigt; seine Boxen sind erfasst</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the stock of %2 fell below the %3 units the boxes need since they were composed; compose the cycle again</source>
        <translation>%1: Der Bestand von %2 ist seit dem Zusammenstellen unter die %3 Einheiten gefallen, die die Boxen brauchen; stellen Sie den Zyklus neu zusammen</translation>
    </message>
</context>
<context>
    <name>md::BoxesCommand</name>
    <message>
        <source>Compose the subscription boxes of a month, record them and take their items from stock (or only show them with --dry-run); write the picking list</source>
        <translation>Die Abo-Boxen eines Monats zusammenstellen, erfassen und ihre Artikel vom Bestand abbuchen (oder mit --dry-run nur anzeigen); die Kommissionierliste schreiben</translation>
    </message>
    <message>
        <source>The shipping month, such as 2026-12</source>
        <translation>Der Versandmonat, etwa 2026-12</translation>
    </message>
    <message>
        <source>Only compose and report; record nothing</source>
        <translation>Nur zusammenstellen und berichten; nichts erfassen</translation>
    </message>
    <message>
        <source>Write the picking list CSV to FILE</source>
        <translation>Die Kommissionierliste als CSV in DATEI schreiben</translation>
    </message>
    <message>
        <source>Seed for choosing products (the same seed composes the same boxes); default: from the cycle</source>
        <translation>Startwert für die Produktauswahl (derselbe Startwert ergibt dieselben Boxen); Vorgabe: aus dem Zyklus</translation>
    </message>
    <message>
        <source>boxes: the only action is compose, such as boxes compose --cycle 2026-12</source>
        <translation>boxes: Die einzige Aktion ist compose, etwa boxes compose --cycle 2026-12</translation>
    </message>
    <message>
        <source>boxes compose: give the month with --cycle YYYY-MM</source>
        <translation>boxes compose: Geben Sie den Monat mit --cycle JJJJ-MM an</translation>
    </message>
    <message>
        <source>boxes compose: %1</source>
        <translation>boxes compose: %1</translation>
    </message>
    <message>
        <source>boxes compose: --seed &quot;%1&quot; is not a whole number of 0 or more</source>
        <translation>boxes compose: --seed „%1“ ist keine ganze Zahl ab 0</translation>
    </message>
    <message>
        <source>boxes compose: --output needs a file name</source>
        <translation>boxes compose: --output braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cycle %2 was confirmed already; nothing was changed (use --dry-run to see a composition again)</source>
        <translation>%1: Zyklus %2 wurde bereits bestätigt; nichts wurde geändert (mit --dry-run sehen Sie eine Zusammenstellung erneut)</translation>
    </message>
    <message>
        <source>%1: %2; nothing was recorded</source>
        <translation>%1: %2; nichts wurde erfasst</translation>
    </message>
    <message>
        <source>was not recorded</source>
        <translation>wurde nicht erfasst</translation>
    </message>
    <message>
        <source>was recorded</source>
        <translation>wurde erfasst</translation>
    </message>
    <message>
        <source>Cycle %1: %2 boxes with %3 items for %4 subscribers; %5 could not be filled.
</source>
        <translation>Zyklus %1: %2 Boxen mit %3 Artikeln für %4 Abonnenten; %5 konnten nicht gefüllt werden.
</translation>
    </message>
    <message>
        <source>  … and %1 more
</source>
        <translation>  … und %1 weitere
</translation>
    </message>
    <message>
        <source>  %1 (%2): %3
</source>
        <translation>  %1 (%2): %3
</translation>
    </message>
    <message>
        <source>Dry run: nothing was recorded.
</source>
        <translation>Probelauf: Nichts wurde erfasst.
</translation>
    </message>
    <message>
        <source>Recorded the boxes and took their items from stock.
</source>
        <translation>Die Boxen wurden erfasst und ihre Artikel vom Bestand abgebucht.
</translation>
    </message>
    <message>
        <source>boxes compose: %1 (the cycle %2)</source>
        <translation>boxes compose: %1 (der Zyklus %2)</translation>
    </message>
</context>
<context>
    <name>md::BuiltInSegments</name>
    <message>
        <source>Abandoned cart (48 h)</source>
        <translation>Warenkorb abgebrochen (48 h)</translation>
    </message>
    <message>
        <source>Added to the cart or started checkout in the last 48 hours, with no completed order since</source>
        <translation>In den letzten 48 Stunden etwas in den Warenkorb gelegt oder die Kasse begonnen, seitdem keine abgeschlossene Bestellung</translation>
    </message>
    <message>
        <source>High value</source>
        <translation>Hoher Umsatz</translation>
    </message>
    <message>
        <source>The top 10% of the paying customers by total spent</source>
        <translation>Die oberen 10 % der zahlenden Kunden nach Gesamtumsatz</translation>
    </message>
    <message>
        <source>Frequent buyers</source>
        <translation>Häufige Käufer</translation>
    </message>
    <message>
        <source>Five or more completed orders, the latest in the last 365 days</source>
        <translation>Fünf oder mehr abgeschlossene Bestellungen, die letzte in den letzten 365 Tagen</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Abgewandert</translation>
    </message>
    <message>
        <source>Two or more completed orders, but none in the last 90 days</source>
        <translation>Zwei oder mehr abgeschlossene Bestellungen, aber keine in den letzten 90 Tagen</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Neukunden</translation>
    </message>
    <message>
        <source>Joined in the last 30 days</source>
        <translation>In den letzten 30 Tagen hinzugekommen</translation>
    </message>
    <message>
        <source>RFM: %1</source>
        <translation>RFM: %1</translation>
    </message>
    <message>
        <source>The RFM group &quot;%1&quot;: recency score %2, frequency %3, monetary %4 (the first matching group wins)</source>
        <translation>Die RFM-Gruppe „%1“: Aktualitätswert %2, Häufigkeit %3, Umsatz %4 (die erste passende Gruppe zählt)</translation>
    </message>
</context>
<context>
    <name>md::BulkWriter</name>
    <message>
        <source>Writing row %1 of %2 failed: %3</source>
        <translation>Das Schreiben von Zeile %1 in %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Das Schreiben von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The PostgreSQL driver does not expose its connection handle</source>
        <translation>Der PostgreSQL-Treiber gibt sein Verbindungs-Handle nicht frei</translation>
    </message>
    <message>
        <source>Cannot start writing %1: %2</source>
        <translation>Das Schreiben von %1 kann nicht beginnen: %2</translation>
    </message>
    <message>
        <source>The SQLite driver does not expose its database handle</source>
        <translation>Der SQLite-Treiber gibt sein Datenbank-Handle nicht frei</translation>
    </message>
</context>
<context>
    <name>md::CatalogPage</name>
    <message>
        <source>Search by SKU, title or category</source>
        <translation>Art.-Nr., Titel oder Kategorie suchen</translation>
    </message>
    <message>
        <source>1 product</source>
        <translation>1 Produkt</translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation>%1 Produkte</translation>
    </message>
    <message>
        <source>This shop has no products yet.</source>
        <translation>Dieser Shop hat noch keine Produkte.</translation>
    </message>
    <message>
        <source>No products match “%1”.</source>
        <translation>Keine Produkte passen zu „%1“.</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
</context>
<context>
    <name>md::CatalogQuery</name>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Base price</source>
        <translation>Grundpreis</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Demand score</source>
        <translation>Nachfragewert</translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>Exklusiv</translation>
    </message>
</context>
<context>
    <name>md::ColumnMapping</name>
    <message>
        <source>column %1 maps to an unknown field</source>
        <translation>Spalte %1 ist einem unbekannten Feld zugeordnet</translation>
    </message>
    <message>
        <source>columns %1 (%2) and %3 (%4) both fill %5</source>
        <translation>die Spalten %1 (%2) und %3 (%4) füllen beide %5</translation>
    </message>
    <message>
        <source>the header (line 1) has no column for %1; %2 files need the columns %3</source>
        <translation>die Kopfzeile (Zeile 1) hat keine Spalte für %1; %2-Dateien brauchen die Spalten %3</translation>
    </message>
</context>
<context>
    <name>md::CommandLine</name>
    <message>
        <source>The shop database: a SQLite file path or postgresql://user[:password]@host[:port]/dbname[?sslmode=...]</source>
        <translation>Die Shop-Datenbank: ein Pfad zu einer SQLite-Datei oder postgresql://user[:password]@host[:port]/dbname[?sslmode=...]</translation>
    </message>
    <message>
        <source>Show this help; COMMAND --help shows the options of a command</source>
        <translation>Diese Hilfe anzeigen; COMMAND --help zeigt die Optionen eines Befehls</translation>
    </message>
    <message>
        <source>Show the version</source>
        <translation>Die Version anzeigen</translation>
    </message>
    <message>
        <source>%1 See %2 --help.</source>
        <translation>%1 Siehe %2 --help.</translation>
    </message>
    <message>
        <source>No command given; the commands are: %1. See %2 --help.</source>
        <translation>Kein Befehl angegeben; die Befehle sind: %1. Siehe %2 --help.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; the commands are: %2. See %3 --help.</source>
        <translation>Unbekannter Befehl „%1“; die Befehle sind: %2. Siehe %3 --help.</translation>
    </message>
    <message>
        <source>Show the options of this command</source>
        <translation>Die Optionen dieses Befehls anzeigen</translation>
    </message>
    <message>
        <source>%1: %2 See %3 %1 --help.</source>
        <translation>%1: %2 Siehe %3 %1 --help.</translation>
    </message>
    <message>
        <source>%1: unexpected argument &quot;%2&quot;. See %3 %1 --help.</source>
        <translation>%1: unerwartetes Argument „%2“. Siehe %3 %1 --help.</translation>
    </message>
    <message>
        <source>%1: --db is given twice with different databases; give it once.</source>
        <translation>%1: --db wurde zweimal mit verschiedenen Datenbanken angegeben; geben Sie es nur einmal an.</translation>
    </message>
    <message>
        <source>Usage: %1 [--db DB] COMMAND [options]</source>
        <translation>Aufruf: %1 [--db DB] COMMAND [Optionen]</translation>
    </message>
    <message>
        <source>MerchantDesk without a window: the same database and the same engines as the desktop app, for scripts, cron and systemd timers.</source>
        <translation>MerchantDesk ohne Fenster: dieselbe Datenbank und dieselben Berechnungen wie die Desktop-Anwendung, für Skripte, cron und systemd-Timer.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Without --db the database is the one named by the environment variable MERCHANTDESK_DB, else %1 (created on first use).</source>
        <translation>Ohne --db wird die Datenbank aus der Umgebungsvariable MERCHANTDESK_DB verwendet, sonst %1 (wird bei der ersten Verwendung angelegt).</translation>
    </message>
    <message>
        <source>A PostgreSQL password missing from the URL is taken from MERCHANTDESK_DB_PASSWORD, else from the system keyring.</source>
        <translation>Fehlt das PostgreSQL-Passwort in der URL, wird es aus MERCHANTDESK_DB_PASSWORD gelesen, sonst aus dem System-Schlüsselbund.</translation>
    </message>
    <message>
        <source>Exit status: 0 on success, 1 on a usage error, 2 on a data or connection error (one line on stderr says what and where).</source>
        <translation>Exit-Status: 0 bei Erfolg, 1 bei einem Aufruffehler, 2 bei einem Daten- oder Verbindungsfehler (eine Zeile auf stderr nennt, was und wo).</translation>
    </message>
    <message>
        <source>Usage: %1 [--db DB] %2 [options]</source>
        <translation>Aufruf: %1 [--db DB] %2 [Optionen]</translation>
    </message>
</context>
<context>
    <name>md::ConnectDialog</name>
    <message>
        <source>Connect to PostgreSQL</source>
        <translation>Mit PostgreSQL verbinden</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>e.g. db.example.com or 127.0.0.1</source>
        <translation>z. B. db.example.com oder 127.0.0.1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Encryption (SSL):</source>
        <translation>&amp;Verschlüsselung (SSL):</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>Passwort im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>V&amp;erbinden</translation>
    </message>
    <message>
        <source>Open a shop database on a PostgreSQL server, shared by your team. Ask whoever runs the server for these details.</source>
        <translation>Öffnen Sie eine Shop-Datenbank auf einem PostgreSQL-Server, die Ihr Team gemeinsam nutzt. Die Angaben erhalten Sie von der Person, die den Server betreut.</translation>
    </message>
    <message>
        <source>The password is never written to MerchantDesk&apos;s settings. Without a keyring, set the environment variable MERCHANTDESK_DB_PASSWORD instead.</source>
        <translation>Das Passwort wird nie in die Einstellungen von MerchantDesk geschrieben. Ohne Schlüsselbund setzen Sie stattdessen die Umgebungsvariable MERCHANTDESK_DB_PASSWORD.</translation>
    </message>
    <message>
        <source>Default (use it when the server offers it)</source>
        <translation>Standard (verwenden, wenn der Server es anbietet)</translation>
    </message>
    <message>
        <source>disable: never</source>
        <translation>disable: nie</translation>
    </message>
    <message>
        <source>prefer: when available</source>
        <translation>prefer: wenn verfügbar</translation>
    </message>
    <message>
        <source>require: always</source>
        <translation>require: immer</translation>
    </message>
    <message>
        <source>verify-ca: always, check the certificate</source>
        <translation>verify-ca: immer, Zertifikat prüfen</translation>
    </message>
    <message>
        <source>verify-full: always, check certificate and host name</source>
        <translation>verify-full: immer, Zertifikat und Hostnamen prüfen</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>Geben Sie den Namen oder die Adresse des Servers ein.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Geben Sie den Namen der Datenbank auf dem Server ein.</translation>
    </message>
    <message>
        <source>Enter the user name for the server.</source>
        <translation>Geben Sie den Benutzernamen für den Server ein.</translation>
    </message>
    <message>
        <source>Enter the password to remember, or untick &quot;Remember the password&quot;.</source>
        <translation>Geben Sie das zu merkende Passwort ein oder deaktivieren Sie „Passwort merken“.</translation>
    </message>
</context>
<context>
    <name>md::Console</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>md::Credentials</name>
    <message>
        <source>%1. Set MERCHANTDESK_DB_PASSWORD to give the PostgreSQL password without a keyring.</source>
        <translation>%1. Setzen Sie MERCHANTDESK_DB_PASSWORD, um das PostgreSQL-Passwort ohne Schlüsselbund anzugeben.</translation>
    </message>
</context>
<context>
    <name>md::CrossSellCommand</name>
    <message>
        <source>Mine frequently-bought-together rules from the completed orders, store them and list them by lift</source>
        <translation>Regeln „häufig zusammen gekauft“ aus den abgeschlossenen Bestellungen ermitteln, speichern und nach Lift sortiert auflisten</translation>
    </message>
    <message>
        <source>Minimum support: below 1 a share of the orders (0.01 = 1 %), 1 or more a number of orders</source>
        <translation>Mindest-Support: unter 1 ein Anteil der Bestellungen (0.01 = 1 %), ab 1 eine Anzahl von Bestellungen</translation>
    </message>
    <message>
        <source>Minimum confidence, 0 to 1</source>
        <translation>Mindest-Konfidenz, 0 bis 1</translation>
    </message>
    <message>
        <source>Minimum lift</source>
        <translation>Mindest-Lift</translation>
    </message>
    <message>
        <source>Only orders placed on or after this date (YYYY-MM-DD, UTC)</source>
        <translation>Nur Bestellungen ab diesem Datum (JJJJ-MM-TT, UTC)</translation>
    </message>
    <message>
        <source>Output format: table or csv</source>
        <translation>Ausgabeformat: table oder csv</translation>
    </message>
    <message>
        <source>Write the rules to FILE instead of stdout</source>
        <translation>Die Regeln in DATEI statt auf die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>Mine the pair rules only: no bundles of three, no &quot;viewed this, bought that&quot; rules</source>
        <translation>Nur Paarregeln ermitteln: keine Dreierbündel, keine Regeln „angesehen, dann gekauft“</translation>
    </message>
    <message>
        <source>crosssell: --min-support &quot;%1&quot; is not a number</source>
        <translation>crosssell: --min-support „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>crosssell: --min-confidence &quot;%1&quot; is not a number</source>
        <translation>crosssell: --min-confidence „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>crosssell: --min-lift &quot;%1&quot; is not a number</source>
        <translation>crosssell: --min-lift „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>crosssell: --since &quot;%1&quot; is not a date; write it as YYYY-MM-DD</source>
        <translation>crosssell: --since „%1“ ist kein Datum; schreiben Sie es als JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>crosssell: %1</source>
        <translation>crosssell: %1</translation>
    </message>
    <message>
        <source>crosssell: --output needs a file name</source>
        <translation>crosssell: --output braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>crosssell: %1 (%2%)</source>
        <translation>crosssell: %1 (%2 %)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 rules and %2 bundles from %3 orders (a pair needs %4 orders), stored as run %5.</source>
        <translation>%1 Regeln und %2 Bündel aus %3 Bestellungen (ein Paar braucht %4 Bestellungen), gespeichert als Lauf %5.</translation>
    </message>
    <message>
        <source>If bought</source>
        <translation>Wer kauft</translation>
    </message>
    <message>
        <source>also buy</source>
        <translation>kauft auch</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>crosssell: %1 (the rules were stored as run %2)</source>
        <translation>crosssell: %1 (die Regeln wurden als Lauf %2 gespeichert)</translation>
    </message>
</context>
<context>
    <name>md::CrossSellPage</name>
    <message>
        <source>%1: %p%</source>
        <translation>%1: %p %</translation>
    </message>
    <message>
        <source>Mining was cancelled; the rules shown are those of the last complete run.</source>
        <translation>Die Auswertung wurde abgebrochen; angezeigt werden die Regeln des letzten vollständigen Laufs.</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>Cross-Selling</translation>
    </message>
    <message>
        <source>Export &amp;recommendations…</source>
        <translation>&amp;Empfehlungen exportieren…</translation>
    </message>
    <message>
        <source>A CSV file with the top %1 recommended products of every product: sku, recommended_sku, rank, confidence, lift</source>
        <translation>Eine CSV-Datei mit den %1 besten Empfehlungen jedes Produkts: sku, recommended_sku, rank, confidence, lift</translation>
    </message>
    <message>
        <source>Export for &amp;WooCommerce…</source>
        <translation>Für &amp;WooCommerce exportieren…</translation>
    </message>
    <message>
        <source>A product CSV with the Cross-sells column filled, for WooCommerce&apos;s product importer (Products → Import, “Update existing products”); products are matched by SKU</source>
        <translation>Eine Produkt-CSV mit gefüllter Spalte „Cross-sells“ für den Produktimport von WooCommerce (Produkte → Importieren, „Vorhandene Produkte aktualisieren“); die Produkte werden über die Artikelnummer zugeordnet</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Strongest pairs</source>
        <translation>Stärkste Paare</translation>
    </message>
    <message>
        <source>Cart simulator</source>
        <translation>Warenkorb-Simulator</translation>
    </message>
    <message>
        <source>Reading the last cross-sell run…</source>
        <translation>Der letzte Cross-Selling-Lauf wird gelesen…</translation>
    </message>
    <message>
        <source>How often a pair must be bought together. Below 1: a share of the orders (0.01 = 1 %); 1 or more: a number of orders.</source>
        <translation>Wie oft ein Paar zusammen gekauft sein muss. Unter 1: ein Anteil der Bestellungen (0,01 = 1 %); ab 1: eine Anzahl von Bestellungen.</translation>
    </message>
    <message>
        <source>Share of the orders with the first product that must also hold the second</source>
        <translation>Anteil der Bestellungen mit dem ersten Produkt, die auch das zweite enthalten müssen</translation>
    </message>
    <message>
        <source>Above 1: bought together more often than chance</source>
        <translation>Über 1: häufiger zusammen gekauft als zufällig</translation>
    </message>
    <message>
        <source>Only orders since</source>
        <translation>Nur Bestellungen seit</translation>
    </message>
    <message>
        <source>&amp;Mine now</source>
        <translation>Jetzt &amp;auswerten</translation>
    </message>
    <message>
        <source>Count which products are bought together in the completed orders and store the rules</source>
        <translation>Zählen, welche Produkte in den abgeschlossenen Bestellungen zusammen gekauft werden, und die Regeln speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Min. support:</source>
        <translation>Min. Support:</translation>
    </message>
    <message>
        <source>Min. confidence:</source>
        <translation>Min. Konfidenz:</translation>
    </message>
    <message>
        <source>Min. lift:</source>
        <translation>Min. Lift:</translation>
    </message>
    <message>
        <source>Filter by product: SKU or title</source>
        <translation>Nach Produkt filtern: Artikelnummer oder Titel</translation>
    </message>
    <message>
        <source>Double-click a rule to see everything bought with its first product.</source>
        <translation>Doppelklicken Sie auf eine Regel, um alles zu sehen, was mit ihrem ersten Produkt gekauft wird.</translation>
    </message>
    <message>
        <source>Bought together with it</source>
        <translation>Zusammen damit gekauft</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Bundle: bought together with it</source>
        <translation>Bündel: zusammen damit gekauft</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Viewed it, bought the same day</source>
        <translation>Angesehen, am selben Tag gekauft</translation>
    </message>
    <message>
        <source>Customer days</source>
        <translation>Kundentage</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produkt:</translation>
    </message>
    <message>
        <source>The %1 pairs with the highest lift (how much likelier together than by chance)</source>
        <translation>Die %1 Paare mit dem höchsten Lift (wie viel wahrscheinlicher zusammen als zufällig)</translation>
    </message>
    <message>
        <source>&amp;Add to cart</source>
        <translation>In den Waren&amp;korb</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Empty the cart</source>
        <translation>Warenkorb &amp;leeren</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Recommended for this cart (in stock, not in the cart; score = confidence × lift)</source>
        <translation>Empfohlen für diesen Warenkorb (vorrätig, nicht im Warenkorb; Punktzahl = Konfidenz × Lift)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Mining the completed orders…</source>
        <translation>Die abgeschlossenen Bestellungen werden ausgewertet…</translation>
    </message>
    <message>
        <source>Cross-sell failed: %1</source>
        <translation>Cross-Selling fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No rules mined yet. Set the thresholds and press “Mine now”: MerchantDesk counts which products the completed orders hold together.</source>
        <translation>Noch keine Regeln ermittelt. Legen Sie die Schwellenwerte fest und klicken Sie auf „Jetzt auswerten“: MerchantDesk zählt, welche Produkte die abgeschlossenen Bestellungen zusammen enthalten.</translation>
    </message>
    <message>
        <source>Mined %1 from %2 completed orders (a pair must be in at least %3 of them): %4 bought-together rules, %5 bundles of three, %6 viewed-then-bought rules.</source>
        <translation>Ausgewertet am %1 aus %2 abgeschlossenen Bestellungen (ein Paar muss in mindestens %3 davon sein): %4 Regeln „zusammen gekauft“, %5 Dreierbündel, %6 Regeln „angesehen, dann gekauft“.</translation>
    </message>
    <message>
        <source>Add products to the cart to see what the shop would recommend with them.</source>
        <translation>Legen Sie Produkte in den Warenkorb, um zu sehen, was der Shop dazu empfehlen würde.</translation>
    </message>
    <message>
        <source>No recommendation: no rule starts from these products, or every product they lead to is in the cart or out of stock.</source>
        <translation>Keine Empfehlung: Keine Regel geht von diesen Produkten aus, oder jedes Produkt, zu dem sie führen, liegt im Warenkorb oder ist nicht vorrätig.</translation>
    </message>
    <message>
        <source>%1 of the orders with %2 also hold it; %3 times likelier than in any order</source>
        <translation>%1 der Bestellungen mit %2 enthalten es auch; %3-mal wahrscheinlicher als in einer beliebigen Bestellung</translation>
    </message>
    <message>
        <source>There are no rules to export yet.</source>
        <translation>Es gibt noch keine Regeln zum Exportieren.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Writing %1: %2</source>
        <translation>Schreiben von %1: %2</translation>
    </message>
    <message>
        <source>Export for WooCommerce</source>
        <translation>Für WooCommerce exportieren</translation>
    </message>
    <message>
        <source>Export recommendations</source>
        <translation>Empfehlungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The file was not written.

%1</source>
        <translation>Die Datei wurde nicht geschrieben.

%1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>md::CrossSellStore</name>
    <message>
        <source>Storing the cross-sell rules: %1</source>
        <translation>Speichern der Cross-Selling-Regeln: %1</translation>
    </message>
    <message>
        <source>Storing the cross-sell run: %1</source>
        <translation>Speichern des Cross-Selling-Laufs: %1</translation>
    </message>
    <message>
        <source>Removing the rules of earlier runs: %1</source>
        <translation>Entfernen der Regeln früherer Läufe: %1</translation>
    </message>
    <message>
        <source>Storing the bundles: %1</source>
        <translation>Speichern der Bündel: %1</translation>
    </message>
    <message>
        <source>Reading the last cross-sell run: %1</source>
        <translation>Lesen des letzten Cross-Selling-Laufs: %1</translation>
    </message>
    <message>
        <source>Reading the cross-sell rules: %1</source>
        <translation>Lesen der Cross-Selling-Regeln: %1</translation>
    </message>
    <message>
        <source>Reading the bundles: %1</source>
        <translation>Lesen der Bündel: %1</translation>
    </message>
    <message>
        <source>Looking up SKU %1: %2</source>
        <translation>Suche nach Artikelnummer %1: %2</translation>
    </message>
    <message>
        <source>No product has the SKU %1.</source>
        <translation>Kein Produkt hat die Artikelnummer %1.</translation>
    </message>
</context>
<context>
    <name>md::CsvExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The export was cancelled</source>
        <translation>Der Export wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>md::CsvImporter</name>
    <message>
        <source>Cannot write the rejects file %1: %2</source>
        <translation>Die Datei für abgewiesene Zeilen %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: die Datei ist leer</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the row has %1 fields, the header %2</source>
        <translation>die Zeile hat %1 Felder, die Kopfzeile %2</translation>
    </message>
    <message>
        <source>%1 only updates stored rows; it takes the upsert mode only</source>
        <translation>%1 aktualisiert nur gespeicherte Zeilen; es ist nur der Modus upsert möglich</translation>
    </message>
    <message>
        <source>%1 is append-only: it cannot be replaced</source>
        <translation>%1 kann nur ergänzt werden: es lässt sich nicht ersetzen</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1: the file has a header but no rows</source>
        <translation>%1: die Datei hat eine Kopfzeile, aber keine Zeilen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is also on line %2; a key may appear once in a file</source>
        <translation>„%1“ steht auch in Zeile %2; ein Schlüssel darf in einer Datei nur einmal vorkommen</translation>
    </message>
    <message>
        <source>%1 (the valid rows were imported)</source>
        <translation>%1 (die gültigen Zeilen wurden importiert)</translation>
    </message>
    <message>
        <source>%1 has no %2 &quot;%3&quot;</source>
        <translation>%1 hat kein %2 „%3“</translation>
    </message>
</context>
<context>
    <name>md::CsvReader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot start the CSV parser</source>
        <translation>Der CSV-Parser kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>This system cannot decode %1 text</source>
        <translation>Dieses System kann keinen Text in %1 dekodieren</translation>
    </message>
    <message>
        <source>the file cannot be read further: %1</source>
        <translation>die Datei kann nicht weiter gelesen werden: %1</translation>
    </message>
    <message>
        <source>the text is not valid %1; choose the file&apos;s encoding</source>
        <translation>der Text ist kein gültiges %1; wählen Sie die Zeichenkodierung der Datei</translation>
    </message>
    <message>
        <source>the quoted field that starts here has no closing quote</source>
        <translation>dem Feld in Anführungszeichen, das hier beginnt, fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <source>the line holds a NUL byte; this is not a text file</source>
        <translation>die Zeile enthält ein NUL-Byte; dies ist keine Textdatei</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8; choose the file&apos;s encoding (windows-1252?)</source>
        <translation>der Text ist kein gültiges UTF-8; wählen Sie die Zeichenkodierung der Datei (windows-1252?)</translation>
    </message>
    <message>
        <source>a quote inside an unquoted field or after a closing quote; quote the whole field and double the quotes inside it (&quot;&quot;)</source>
        <translation>ein Anführungszeichen in einem Feld ohne Anführungszeichen oder nach einem schließenden Anführungszeichen; setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie die Anführungszeichen darin (&quot;&quot;)</translation>
    </message>
    <message>
        <source>the field is longer than %1 MiB (a missing closing quote?)</source>
        <translation>das Feld ist länger als %1 MiB (fehlt ein schließendes Anführungszeichen?)</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>md::CsvSettings</name>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-16 (little-endian)</source>
        <translation>UTF-16 (Little-Endian)</translation>
    </message>
    <message>
        <source>UTF-16 (big-endian)</source>
        <translation>UTF-16 (Big-Endian)</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (Westeuropäisch)</translation>
    </message>
</context>
<context>
    <name>md::CsvSniffer</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the text is not valid %1</source>
        <translation>der Text ist kein gültiges %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>this is not a text file (it holds NUL bytes)</source>
        <translation>dies ist keine Textdatei (sie enthält NUL-Bytes)</translation>
    </message>
    <message>
        <source>this is not a text file (it holds control characters)</source>
        <translation>dies ist keine Textdatei (sie enthält Steuerzeichen)</translation>
    </message>
</context>
<context>
    <name>md::CsvTransfer</name>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Stock levels</source>
        <translation>Lagerbestände</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <source>Shop events</source>
        <translation>Shop-Ereignisse</translation>
    </message>
    <message>
        <source>Subscription plans</source>
        <translation>Abo-Pläne</translation>
    </message>
    <message>
        <source>Plan features (definitions)</source>
        <translation>Plan-Merkmale (Definitionen)</translation>
    </message>
    <message>
        <source>Plan features (values per plan)</source>
        <translation>Plan-Merkmale (Werte je Plan)</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Loyalty points ledger</source>
        <translation>Treuepunkte-Journal</translation>
    </message>
    <message>
        <source>Loyalty tiers</source>
        <translation>Treuestufen</translation>
    </message>
    <message>
        <source>Email suppressions (unsubscribed, bounced)</source>
        <translation>E-Mail-Sperren (abgemeldet, unzustellbar)</translation>
    </message>
    <message>
        <source>Products locked from repricing</source>
        <translation>Von der Preisanpassung ausgenommene Produkte</translation>
    </message>
    <message>
        <source>Categories locked from repricing</source>
        <translation>Von der Preisanpassung ausgenommene Kategorien</translation>
    </message>
    <message>
        <source>Price history</source>
        <translation>Preisverlauf</translation>
    </message>
    <message>
        <source>Nothing called %1 can be exported</source>
        <translation>Es gibt nichts namens %1 zum Exportieren</translation>
    </message>
    <message>
        <source>Exporting %1 to %2…</source>
        <translation>%1 wird nach %2 exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Exporting %1: %2 rows written…</source>
        <translation>%1 wird exportiert: %2 Zeilen geschrieben…</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; keine Datei wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 could not be exported.</source>
        <translation>%1 konnten nicht exportiert werden.</translation>
    </message>
    <message>
        <source>Export Complete</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) of %1 exported to
%2</source>
        <translation>
            <numerusform>%Ln Zeile von %1 exportiert nach
%2</numerusform>
            <numerusform>%Ln Zeilen von %1 exportiert nach
%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::CsvWriter</name>
    <message>
        <source>Cannot write: %1</source>
        <translation>Schreiben nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>md::CustomerFeaturesDialog</name>
    <message>
        <source>Features of %1</source>
        <translation>Merkmale von %1</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Cannot read the features: %1</source>
        <translation>Die Merkmale können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>md::CustomerQuery</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Werbeeinwilligung</translation>
    </message>
    <message>
        <source>Unsubscribed on</source>
        <translation>Abgemeldet am</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>Umsatz gesamt</translation>
    </message>
</context>
<context>
    <name>md::CustomersPage</name>
    <message>
        <source>Search by email or name</source>
        <translation>Nach E-Mail oder Name suchen</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 Kunde</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>%1 Kunden</translation>
    </message>
    <message>
        <source>This shop has no customers yet.</source>
        <translation>Dieser Shop hat noch keine Kunden.</translation>
    </message>
    <message>
        <source>No customers match “%1”.</source>
        <translation>Keine Kunden passen zu „%1“.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Plan &amp;features…</source>
        <translation>Tarif&amp;merkmale …</translation>
    </message>
    <message>
        <source>What the selected customer&apos;s subscription entitles them to, and why</source>
        <translation>Was das Abonnement des gewählten Kunden ihm gewährt, und warum</translation>
    </message>
    <message>
        <source>Plan features</source>
        <translation>Tarifmerkmale</translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>md::DashboardMetrics</name>
    <message>
        <source>Cannot find the start of this week: %1</source>
        <translation>Der Beginn dieser Woche kann nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>Cannot sum up the revenue per week: %1</source>
        <translation>Der Umsatz pro Woche kann nicht summiert werden: %1</translation>
    </message>
    <message>
        <source>Cannot sum up the orders: %1</source>
        <translation>Die Bestellungen können nicht summiert werden: %1</translation>
    </message>
    <message>
        <source>Cannot sum up the orders: no result</source>
        <translation>Die Bestellungen können nicht summiert werden: kein Ergebnis</translation>
    </message>
    <message>
        <source>Cannot count the new customers: %1</source>
        <translation>Die Neukunden können nicht gezählt werden: %1</translation>
    </message>
</context>
<context>
    <name>md::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Compute the figures again from the database</source>
        <translation>Die Kennzahlen neu aus der Datenbank berechnen</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Sum of completed orders; cancelled, refunded and pending orders do not count</source>
        <translation>Summe der abgeschlossenen Bestellungen; stornierte, erstattete und ausstehende Bestellungen zählen nicht</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Number of completed orders</source>
        <translation>Anzahl der abgeschlossenen Bestellungen</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>Durchschnittlicher Bestellwert</translation>
    </message>
    <message>
        <source>Revenue divided by the number of completed orders</source>
        <translation>Umsatz geteilt durch die Anzahl der abgeschlossenen Bestellungen</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Neukunden</translation>
    </message>
    <message>
        <source>Customers who joined in the period</source>
        <translation>Kunden, die im Zeitraum hinzugekommen sind</translation>
    </message>
    <message>
        <source>Revenue per week from completed orders, last %1 weeks (Monday to Sunday; the last bar is this week so far)</source>
        <translation>Wochenumsatz abgeschlossener Bestellungen, letzte %1 Wochen (Mo.–So.; letzter Balken: laufende Woche)</translation>
    </message>
    <message>
        <source>Calculating the figures…</source>
        <translation>Die Kennzahlen werden berechnet…</translation>
    </message>
    <message>
        <source>The last %1 days compared with the %1 days before, as of %2.</source>
        <translation>Die letzten %1 Tage im Vergleich zu den %1 Tagen davor, Stand %2.</translation>
    </message>
    <message>
        <source>%1 in the 30 days before</source>
        <translation>%1 in den 30 Tagen davor</translation>
    </message>
    <message>
        <source>Week of %1: %2</source>
        <translation>Woche vom %1: %2</translation>
    </message>
    <message>
        <source>The figures could not be calculated: %1</source>
        <translation>Die Kennzahlen konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>week label under a chart bar: a QLocale date pattern, day and month</comment>
        <translation>d. MMM</translation>
    </message>
</context>
<context>
    <name>md::Database</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this MerchantDesk understands (%3). Update MerchantDesk; nothing was changed.</source>
        <translation>%1 hat die Schemaversion %2, neuer als diese MerchantDesk-Version versteht (%3). Aktualisieren Sie MerchantDesk; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Cannot switch %1 to write-ahead logging: %2</source>
        <translation>%1 kann nicht auf Write-Ahead-Logging (WAL) umgestellt werden: %2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation>%1 ist ein Ordner, keine Datenbankdatei</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database (it does not start with the SQLite file header); nothing was changed</source>
        <translation>%1 ist keine SQLite-Datenbank (sie beginnt nicht mit dem SQLite-Dateikopf); es wurde nichts verändert</translation>
    </message>
    <message>
        <source>%1 is read-only: MerchantDesk needs to write to it. Make the file writable or open a copy; nothing was changed.</source>
        <translation>%1 ist schreibgeschützt: MerchantDesk muss in die Datei schreiben können. Machen Sie die Datei beschreibbar oder öffnen Sie eine Kopie; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The folder %1 is read-only: SQLite needs to create its journal files beside the database. Nothing was changed.</source>
        <translation>Der Ordner %1 ist schreibgeschützt: SQLite muss neben der Datenbank seine Journal-Dateien anlegen. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder is read-only</source>
        <translation>%1 kann nicht angelegt werden: der Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2; nothing was changed</source>
        <translation>%1 ist keine verwendbare SQLite-Datenbank: %2; es wurde nichts verändert</translation>
    </message>
    <message>
        <source>Cannot configure %1: %2</source>
        <translation>%1 kann nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>The Qt PostgreSQL driver (QPSQL) is not installed</source>
        <translation>Der Qt-PostgreSQL-Treiber (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>Cannot connect to PostgreSQL at %1 (database &quot;%2&quot;, user &quot;%3&quot;): %4</source>
        <translation>Keine Verbindung zu PostgreSQL auf %1 (Datenbank „%2“, Benutzer „%3“): %4</translation>
    </message>
    <message>
        <source>Cannot configure the PostgreSQL session: %1</source>
        <translation>Die PostgreSQL-Sitzung kann nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <source>Cannot count the rows of %1: %2</source>
        <translation>Die Zeilen von %1 können nicht gezählt werden: %2</translation>
    </message>
</context>
<context>
    <name>md::DatabaseOpener</name>
    <message>
        <source>--db: %1</source>
        <translation>--db: %1</translation>
    </message>
    <message>
        <source>MERCHANTDESK_DB: %1</source>
        <translation>MERCHANTDESK_DB: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>md::DatabaseSpec</name>
    <message>
        <source>Invalid PostgreSQL URL &quot;%1&quot;: %2</source>
        <translation>Ungültige PostgreSQL-URL „%1“: %2</translation>
    </message>
    <message>
        <source>Invalid PostgreSQL URL &quot;%1&quot;: expected postgresql://user[:password]@host[:port]/dbname</source>
        <translation>Ungültige PostgreSQL-URL „%1“: erwartet wird postgresql://user[:password]@host[:port]/dbname</translation>
    </message>
    <message>
        <source>Invalid sslmode &quot;%1&quot; in the PostgreSQL URL; use one of: %2</source>
        <translation>Ungültiger sslmode „%1“ in der PostgreSQL-URL; verwenden Sie einen der Werte: %2</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot; in the PostgreSQL URL; only sslmode is supported</source>
        <translation>Unbekannte Option „%1“ in der PostgreSQL-URL; nur sslmode wird unterstützt</translation>
    </message>
    <message>
        <source>No database given</source>
        <translation>Keine Datenbank angegeben</translation>
    </message>
    <message>
        <source>Unsupported database URL &quot;%1&quot;: use a file path or postgresql://…</source>
        <translation>Nicht unterstützte Datenbank-URL „%1“: verwenden Sie einen Dateipfad oder postgresql://…</translation>
    </message>
</context>
<context>
    <name>md::DeferredConstraints</name>
    <message>
        <source>Cannot drop the index %1: %2</source>
        <translation>Der Index %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Cannot drop the foreign key %1: %2</source>
        <translation>Der Fremdschlüssel %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Cannot restore %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
</context>
<context>
    <name>md::DemandDeriver</name>
    <message>
        <source>Deriving demand: %1</source>
        <translation>Fehler beim Ermitteln der Nachfrage: %1</translation>
    </message>
    <message>
        <source>Deriving demand from the orders: %1</source>
        <translation>Fehler beim Ermitteln der Nachfrage aus den Bestellungen: %1</translation>
    </message>
    <message>
        <source>Updating the demand scores: %1</source>
        <translation>Fehler beim Aktualisieren der Nachfragewerte: %1</translation>
    </message>
</context>
<context>
    <name>md::DemoShop</name>
    <message>
        <source>Cannot check whether %1 is empty: %2</source>
        <translation>Es kann nicht geprüft werden, ob %1 leer ist: %2</translation>
    </message>
    <message>
        <source>Cannot check the settings table: %1</source>
        <translation>Die Einstellungstabelle kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>%1 is not empty: %2 already hold rows. The demo shop only fills an empty database; nothing was changed.</source>
        <translation>%1 ist nicht leer: %2 enthalten bereits Zeilen. Der Demo-Shop füllt nur eine leere Datenbank; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>No database is open for the demo shop</source>
        <translation>Für den Demo-Shop ist keine Datenbank geöffnet</translation>
    </message>
    <message>
        <source>Creating the demo shop in %1</source>
        <translation>Der Demo-Shop wird in %1 angelegt</translation>
    </message>
    <message>
        <source>Demo shop generation was cancelled; the database was left unchanged.</source>
        <translation>Das Anlegen des Demo-Shops wurde abgebrochen; die Datenbank blieb unverändert.</translation>
    </message>
    <message>
        <source>The demo shop was written, but foreign-key checks could not be switched back on for this connection: %1</source>
        <translation>Der Demo-Shop wurde geschrieben, aber die Fremdschlüsselprüfungen konnten für diese Verbindung nicht wieder eingeschaltet werden: %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>price history</source>
        <translation>Preisverlauf</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>subscriptions</source>
        <translation>Abos</translation>
    </message>
    <message>
        <source>loyalty</source>
        <translation>Treueprogramm</translation>
    </message>
    <message>
        <source>Unknown demo shop scale &quot;%1&quot;: use one of %2</source>
        <translation>Unbekannte Größe des Demo-Shops „%1“: verwenden Sie eine von %2</translation>
    </message>
    <message>
        <source>Cannot check the loyalty tiers: %1</source>
        <translation>Die Treuestufen lassen sich nicht prüfen: %1</translation>
    </message>
</context>
<context>
    <name>md::EntitlementCommand</name>
    <message>
        <source>Show a customer&apos;s value of a plan feature and why (active on a plan, paused, cancelled, no subscription, feature not in plan)</source>
        <translation>Den Wert eines Tarifmerkmals für einen Kunden und den Grund anzeigen (aktiv in einem Tarif, pausiert, gekündigt, kein Abonnement, Merkmal nicht im Tarif)</translation>
    </message>
    <message>
        <source>entitlement: give a customer&apos;s email and a feature key, such as entitlement ann@example.com shipping_speed</source>
        <translation>entitlement: Geben Sie die E-Mail-Adresse eines Kunden und einen Merkmalsschlüssel an, etwa entitlement ann@example.com shipping_speed</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 = %2 (%3)
</source>
        <translation>%1 = %2 (%3)
</translation>
    </message>
</context>
<context>
    <name>md::EntitlementService</name>
    <message>
        <source>no subscription</source>
        <translation>kein Abonnement</translation>
    </message>
    <message>
        <source>plan %1</source>
        <translation>Tarif %1</translation>
    </message>
    <message>
        <source>feature not in plan %1; the default applies</source>
        <translation>Merkmal nicht im Tarif %1; der Standardwert gilt</translation>
    </message>
    <message>
        <source>active on %1 (inherited from %2)</source>
        <translation>aktiv in %1 (geerbt von %2)</translation>
    </message>
    <message>
        <source>active on %1</source>
        <translation>aktiv in %1</translation>
    </message>
    <message>
        <source>payment past due on %1</source>
        <translation>Zahlung überfällig in %1</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>pausiert bis %1</translation>
    </message>
    <message>
        <source>cancelled on %1</source>
        <translation>gekündigt am %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>gekündigt</translation>
    </message>
    <message>
        <source>Reading the subscriptions: %1</source>
        <translation>Lesen der Abonnements: %1</translation>
    </message>
    <message>
        <source>Looking up customer %1: %2</source>
        <translation>Suche nach Kunde %1: %2</translation>
    </message>
    <message>
        <source>There is no customer with the email address %1</source>
        <translation>Es gibt keinen Kunden mit der E-Mail-Adresse %1</translation>
    </message>
    <message>
        <source>There is no feature with the key “%1” (known: %2)</source>
        <translation>Es gibt kein Merkmal mit dem Schlüssel „%1“ (bekannt: %2)</translation>
    </message>
</context>
<context>
    <name>md::EntityCatalog</name>
    <message>
        <source>the maximum price is below the minimum price (%1)</source>
        <translation>der Höchstpreis liegt unter dem Mindestpreis (%1)</translation>
    </message>
    <message>
        <source>a %1 event needs a product</source>
        <translation>ein %1-Ereignis braucht ein Produkt</translation>
    </message>
    <message>
        <source>a plan cannot be its own parent</source>
        <translation>ein Tarif kann nicht sein eigener übergeordneter Tarif sein</translation>
    </message>
    <message>
        <source>a choice feature needs its choices</source>
        <translation>ein Auswahlmerkmal braucht seine Auswahlwerte</translation>
    </message>
    <message>
        <source>a paused subscription needs paused_until</source>
        <translation>ein pausiertes Abo braucht paused_until</translation>
    </message>
    <message>
        <source>a cancelled subscription needs cancelled_at</source>
        <translation>ein gekündigtes Abo braucht cancelled_at</translation>
    </message>
    <message>
        <source>%1 entries add points; the delta must be positive</source>
        <translation>%1-Einträge schreiben Punkte gut; das Delta muss positiv sein</translation>
    </message>
    <message>
        <source>%1 entries take points; the delta must be negative</source>
        <translation>%1-Einträge ziehen Punkte ab; das Delta muss negativ sein</translation>
    </message>
</context>
<context>
    <name>md::ExportCommand</name>
    <message>
        <source>Export one entity (%1) to a CSV file in MerchantDesk&apos;s own format</source>
        <translation>Eine Entität (%1) in eine CSV-Datei im eigenen Format von MerchantDesk exportieren</translation>
    </message>
    <message>
        <source>export: give an entity and a file, e.g. export products products.csv; the entities are %1</source>
        <translation>export: geben Sie eine Entität und eine Datei an, z. B. export products products.csv; die Entitäten sind %1</translation>
    </message>
    <message>
        <source>export: unknown entity &quot;%1&quot;; the entities are %2</source>
        <translation>export: unbekannte Entität „%1“; die Entitäten sind %2</translation>
    </message>
    <message>
        <source>export: %1 rows written</source>
        <translation>export: %1 Zeilen geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) of %1 to %2
</source>
        <translation>
            <numerusform>%n Zeile von %1 nach %2 exportiert
</numerusform>
            <numerusform>%n Zeilen von %1 nach %2 exportiert
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::FeatureDialog</name>
    <message>
        <source>Edit feature “%1”</source>
        <translation>Merkmal „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>New feature</source>
        <translation>Neues Merkmal</translation>
    </message>
    <message>
        <source>such as gift_wrap</source>
        <translation>etwa gift_wrap</translation>
    </message>
    <message>
        <source>options, separated by commas: standard, priority</source>
        <translation>Optionen, durch Kommas getrennt: standard, priority</translation>
    </message>
    <message>
        <source>yes/no, a number, or one of the options</source>
        <translation>ja/nein, eine Zahl oder eine der Optionen</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Options:</source>
        <translation>&amp;Optionen:</translation>
    </message>
    <message>
        <source>&amp;Default:</source>
        <translation>Standard&amp;wert:</translation>
    </message>
    <message>
        <source>&amp;Order on the page:</source>
        <translation>&amp;Reihenfolge auf der Seite:</translation>
    </message>
</context>
<context>
    <name>md::FeatureValue</name>
    <message>
        <source>“%1” is not yes or no</source>
        <translation>„%1“ ist weder ja noch nein</translation>
    </message>
    <message>
        <source>“%1” is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is outside 0 to %2</source>
        <translation>%1 liegt außerhalb von 0 bis %2</translation>
    </message>
    <message>
        <source>“%1” is not one of %2</source>
        <translation>„%1“ ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>unknown feature type</source>
        <translation>unbekannter Merkmalstyp</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Ja/nein</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Ganze Zahl</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Plan “%1”, feature “%2”: %3</source>
        <translation>Tarif „%1“, Merkmal „%2“: %3</translation>
    </message>
    <message>
        <source>Feature key “%1”: use lower-case letters, digits and _, starting with a letter</source>
        <translation>Merkmalsschlüssel „%1“: Verwenden Sie Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben</translation>
    </message>
    <message>
        <source>Feature “%1”: the label is empty</source>
        <translation>Merkmal „%1“: Die Bezeichnung ist leer</translation>
    </message>
    <message>
        <source>Feature “%1”: a choice needs at least one option</source>
        <translation>Merkmal „%1“: Eine Auswahl braucht mindestens eine Option</translation>
    </message>
    <message>
        <source>Feature “%1”: an option may not contain |</source>
        <translation>Merkmal „%1“: Eine Option darf kein | enthalten</translation>
    </message>
    <message>
        <source>Feature “%1”: option “%2” is listed twice</source>
        <translation>Merkmal „%1“: Option „%2“ steht zweimal in der Liste</translation>
    </message>
    <message>
        <source>Feature “%1”, default value: %2</source>
        <translation>Merkmal „%1“, Standardwert: %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>md::FormatOption</name>
    <message>
        <source>%1: --format &quot;%2&quot; is not a format; use %3</source>
        <translation>%1: --format „%2“ ist kein Format; verwenden Sie %3</translation>
    </message>
</context>
<context>
    <name>md::HelpText</name>
    <message>
        <source>(default: %1)</source>
        <translation>(Standard: %1)</translation>
    </message>
</context>
<context>
    <name>md::ImportCommand</name>
    <message>
        <source>Import a CSV file into one entity (%1); all or nothing unless --rejects is given</source>
        <translation>Eine CSV-Datei in eine Entität (%1) importieren; ganz oder gar nicht, außer mit --rejects</translation>
    </message>
    <message>
        <source>The file&apos;s format: auto (recognised from the header), native, shopify or woocommerce (product exports of those platforms)</source>
        <translation>Das Format der Datei: auto (an der Kopfzeile erkannt), native, shopify oder woocommerce (Produktexporte dieser Plattformen)</translation>
    </message>
    <message>
        <source>upsert: add new rows and update changed ones by natural key; insert: add new rows only; replace: afterwards the table holds exactly the file&apos;s rows</source>
        <translation>upsert: neue Zeilen hinzufügen und geänderte über den natürlichen Schlüssel aktualisieren; insert: nur neue Zeilen hinzufügen; replace: danach enthält die Tabelle genau die Zeilen der Datei</translation>
    </message>
    <message>
        <source>Check the file and count what would change; write nothing to the database</source>
        <translation>Die Datei prüfen und zählen, was sich ändern würde; nichts in die Datenbank schreiben</translation>
    </message>
    <message>
        <source>Import the valid rows and write the rejected ones, with the reason, to this CSV file</source>
        <translation>Die gültigen Zeilen importieren und die abgewiesenen mit Begründung in diese CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>The file&apos;s encoding instead of the detected one: utf-8, utf-16le, utf-16be or windows-1252</source>
        <translation>Die Zeichenkodierung der Datei statt der erkannten: utf-8, utf-16le, utf-16be oder windows-1252</translation>
    </message>
    <message>
        <source>The delimiter instead of the detected one: , ; tab or |</source>
        <translation>Das Trennzeichen statt des erkannten: , ; tab oder |</translation>
    </message>
    <message>
        <source>The decimal symbol instead of the detected one: . or ,</source>
        <translation>Das Dezimalzeichen statt des erkannten: . oder ,</translation>
    </message>
    <message>
        <source>import: give an entity and a file, e.g. import products products.csv; the entities are %1</source>
        <translation>import: geben Sie eine Entität und eine Datei an, z. B. import products products.csv; die Entitäten sind %1</translation>
    </message>
    <message>
        <source>import: unknown entity &quot;%1&quot;; the entities are %2</source>
        <translation>import: unbekannte Entität „%1“; die Entitäten sind %2</translation>
    </message>
    <message>
        <source>import: --mode &quot;%1&quot; is not a mode; use upsert, insert or replace</source>
        <translation>import: --mode „%1“ ist kein Modus; verwenden Sie upsert, insert oder replace</translation>
    </message>
    <message>
        <source>import: --rejects must not name the file imported</source>
        <translation>import: --rejects darf nicht die importierte Datei nennen</translation>
    </message>
    <message>
        <source>import: --encoding &quot;%1&quot; is not supported; use utf-8, utf-16le, utf-16be or windows-1252</source>
        <translation>import: --encoding „%1“ wird nicht unterstützt; verwenden Sie utf-8, utf-16le, utf-16be oder windows-1252</translation>
    </message>
    <message>
        <source>import: --delimiter &quot;%1&quot; is not supported; use , ; tab or |</source>
        <translation>import: --delimiter „%1“ wird nicht unterstützt; verwenden Sie , ; tab oder |</translation>
    </message>
    <message>
        <source>import: --decimal &quot;%1&quot; is not a decimal symbol; use . or ,</source>
        <translation>import: --decimal „%1“ ist kein Dezimalzeichen; verwenden Sie . oder ,</translation>
    </message>
    <message>
        <source>import: %1 only updates stored rows; --mode %2 does not apply</source>
        <translation>import: %1 aktualisiert nur gespeicherte Zeilen; --mode %2 ist nicht anwendbar</translation>
    </message>
    <message>
        <source>import: %1 is append-only; --mode replace does not apply</source>
        <translation>import: %1 kann nur ergänzt werden; --mode replace ist nicht anwendbar</translation>
    </message>
    <message>
        <source>import: %1% (%2 rows read)</source>
        <translation>import: %1 % (%2 Zeilen gelesen)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found; nothing was imported</source>
        <translation>
            <numerusform>%1: %n Problem gefunden; es wurde nichts importiert</numerusform>
            <numerusform>%1: %n Probleme gefunden; es wurde nichts importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>import: --%1 does not apply to baskets (one basket per line, UTF-8, names separated by commas; always all or nothing)</source>
        <translation>import: --%1 gilt nicht für Warenkörbe (ein Warenkorb je Zeile, UTF-8, Namen durch Kommas getrennt; immer alles oder nichts)</translation>
    </message>
    <message>
        <source>%1; nothing was imported</source>
        <translation>%1; es wurde nichts importiert</translation>
    </message>
    <message>
        <source>%1: %2 baskets imported as completed orders with %3 lines; %4 new products, %5 existing products reused.
</source>
        <translation>%1: %2 Warenkörbe als abgeschlossene Bestellungen mit %3 Positionen importiert; %4 neue Produkte, %5 vorhandene Produkte wiederverwendet.
</translation>
    </message>
</context>
<context>
    <name>md::ImportFilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>MerchantDesk reads CSV files: its own exports, spreadsheets saved as CSV, and product exports from Shopify and WooCommerce.</source>
        <translation>MerchantDesk liest CSV-Dateien: seine eigenen Exporte, als CSV gespeicherte Tabellen und Produktexporte aus Shopify und WooCommerce.</translation>
    </message>
    <message>
        <source>The CSV file to import</source>
        <translation>Die zu importierende CSV-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Import into:</source>
        <translation>&amp;Importieren in:</translation>
    </message>
    <message>
        <source>The file&apos;s first row names its columns. A file of %1 needs the columns &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Die erste Zeile der Datei benennt ihre Spalten. Eine Datei mit %1 braucht die Spalten &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>It may also have %1.</source>
        <translation>Sie kann außerdem %1 enthalten.</translation>
    </message>
    <message>
        <source>Shopify and WooCommerce product exports are read as they are.</source>
        <translation>Produktexporte aus Shopify und WooCommerce werden so gelesen, wie sie sind.</translation>
    </message>
    <message>
        <source>Columns with other names can be matched to these on the next page.</source>
        <translation>Spalten mit anderen Namen können auf der nächsten Seite zugeordnet werden.</translation>
    </message>
    <message>
        <source>Choose the File to Import</source>
        <translation>Zu importierende Datei auswählen</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Diese Datei kann nicht importiert werden: %1</translation>
    </message>
</context>
<context>
    <name>md::ImportJob</name>
    <message>
        <source>Reading and checking row %1…</source>
        <translation>Zeile %1 wird gelesen und geprüft…</translation>
    </message>
    <message>
        <source>Checking keys and references…</source>
        <translation>Schlüssel und Verweise werden geprüft…</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>Wird in die Datenbank geschrieben…</translation>
    </message>
</context>
<context>
    <name>md::ImportOptionsPage</name>
    <message>
        <source>Choose how to import</source>
        <translation>Art des Imports wählen</translation>
    </message>
    <message>
        <source>Validate checks the whole file without changing anything. Import writes everything or, if any row has a problem, nothing.</source>
        <translation>„Prüfen“ kontrolliert die ganze Datei, ohne etwas zu ändern. „Importieren“ schreibt alles oder, wenn eine Zeile ein Problem hat, nichts.</translation>
    </message>
    <message>
        <source>Rows whose key is already stored</source>
        <translation>Zeilen, deren Schlüssel schon gespeichert ist</translation>
    </message>
    <message>
        <source>&amp;Update them with the file&apos;s values and add the new rows</source>
        <translation>Mit den Werten der Datei &amp;aktualisieren und neue Zeilen hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Keep them as they are; only add the new rows</source>
        <translation>Unverändert &amp;behalten; nur neue Zeilen hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Replace everything: afterwards only the file&apos;s rows are stored, all others are deleted</source>
        <translation>Alles &amp;ersetzen: danach sind nur die Zeilen der Datei gespeichert, alle anderen werden gelöscht</translation>
    </message>
    <message>
        <source>Import the valid rows and write the &amp;rejected ones to:</source>
        <translation>Gültige Zeilen importieren und &amp;abgelehnte schreiben nach:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>File for the Rejected Rows</source>
        <translation>Datei für die abgelehnten Zeilen</translation>
    </message>
    <message>
        <source>Checking the whole file…</source>
        <translation>Die ganze Datei wird geprüft…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Validation stopped; nothing was changed.</source>
        <translation>Prüfung angehalten; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The file could not be checked: %1</source>
        <translation>Die Datei konnte nicht geprüft werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… und %n weiteres Problem</numerusform>
            <numerusform>… und %n weitere Probleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row problem(s) found (line:column: reason). These rows would be written to the rejects file; the others imported.</source>
        <translation>
            <numerusform>%n Problem in Zeilen gefunden (Zeile:Spalte: Grund). Diese Zeilen würden in die Datei für abgelehnte Zeilen geschrieben, die anderen importiert.</numerusform>
            <numerusform>%n Probleme in Zeilen gefunden (Zeile:Spalte: Grund). Diese Zeilen würden in die Datei für abgelehnte Zeilen geschrieben, die anderen importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found (line:column: reason). As it is, the import would write nothing: fix the file, or import the valid rows and write the rejected ones to a file.</source>
        <translation>
            <numerusform>%n Problem gefunden (Zeile:Spalte: Grund). So würde der Import nichts schreiben: Korrigieren Sie die Datei, oder importieren Sie die gültigen Zeilen und schreiben Sie die abgelehnten in eine Datei.</numerusform>
            <numerusform>%n Probleme gefunden (Zeile:Spalte: Grund). So würde der Import nichts schreiben: Korrigieren Sie die Datei, oder importieren Sie die gültigen Zeilen und schreiben Sie die abgelehnten in eine Datei.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No problems found in %n row(s).</source>
        <translation>
            <numerusform>Keine Probleme in %n Zeile gefunden.</numerusform>
            <numerusform>Keine Probleme in %n Zeilen gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import would add %1, update %2 and leave %3 unchanged.</source>
        <translation>Der Import würde %1 hinzufügen, %2 aktualisieren und %3 unverändert lassen.</translation>
    </message>
    <message numerus="yes">
        <source>It would delete %n stored row(s).</source>
        <translation>
            <numerusform>Er würde %n gespeicherte Zeile löschen.</numerusform>
            <numerusform>Er würde %n gespeicherte Zeilen löschen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace All %1?</source>
        <translation>Alle %1 ersetzen?</translation>
    </message>
    <message>
        <source>Replace all %1 with the rows of this file?</source>
        <translation>Alle %1 durch die Zeilen dieser Datei ersetzen?</translation>
    </message>
    <message>
        <source>Every stored row of %1 that is not in the file will be deleted. Validate first to see how many.</source>
        <translation>Jede gespeicherte Zeile von %1, die nicht in der Datei steht, wird gelöscht. Prüfen Sie zuerst, um zu sehen, wie viele.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
</context>
<context>
    <name>md::ImportPage</name>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>md::ImportPreviewModel</name>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>OK (%1)</source>
        <translation>OK (%1)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>%1
→ %2</source>
        <translation>%1
→ %2</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>nicht importiert</translation>
    </message>
    <message>
        <source>Column %1 of the file is not imported</source>
        <translation>Spalte %1 der Datei wird nicht importiert</translation>
    </message>
    <message>
        <source>Column %1 of the file fills the field %2</source>
        <translation>Spalte %1 der Datei füllt das Feld %2</translation>
    </message>
</context>
<context>
    <name>md::ImportReadPage</name>
    <message>
        <source>Check how the file is read</source>
        <translation>Prüfen, wie die Datei gelesen wird</translation>
    </message>
    <message>
        <source>MerchantDesk detected the settings below. If the preview looks wrong, change them; choose which column of the file fills which field on the right.</source>
        <translation>MerchantDesk hat die folgenden Einstellungen erkannt. Wenn die Vorschau falsch aussieht, ändern Sie sie; rechts wählen Sie, welche Spalte der Datei welches Feld füllt.</translation>
    </message>
    <message>
        <source>MerchantDesk / spreadsheet columns</source>
        <translation>MerchantDesk-/Tabellenspalten</translation>
    </message>
    <message>
        <source>Shopify product export</source>
        <translation>Shopify-Produktexport</translation>
    </message>
    <message>
        <source>WooCommerce product export</source>
        <translation>WooCommerce-Produktexport</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Semikolon ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation>Senkrechter Strich ( | )</translation>
    </message>
    <message>
        <source>UTF-8 (Unicode)</source>
        <translation>UTF-8 (Unicode)</translation>
    </message>
    <message>
        <source>UTF-16 little-endian</source>
        <translation>UTF-16 Little-Endian</translation>
    </message>
    <message>
        <source>UTF-16 big-endian</source>
        <translation>UTF-16 Big-Endian</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (Westeuropäisch)</translation>
    </message>
    <message>
        <source>Point: 1,234.56</source>
        <translation>Punkt: 1,234.56</translation>
    </message>
    <message>
        <source>Comma: 1.234,56</source>
        <translation>Komma: 1.234,56</translation>
    </message>
    <message>
        <source>&amp;Save as Profile…</source>
        <translation>Als Profil &amp;speichern…</translation>
    </message>
    <message>
        <source>Remember these settings and columns under a name for the next file of this kind</source>
        <translation>Diese Einstellungen und Spalten unter einem Namen für die nächste Datei dieser Art merken</translation>
    </message>
    <message>
        <source>&amp;Delete Profile</source>
        <translation>Profil &amp;löschen</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodierung:</translation>
    </message>
    <message>
        <source>De&amp;cimal symbol:</source>
        <translation>De&amp;zimalzeichen:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: detected %2; delimiter %3; %4; decimal %5.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: erkannt %2; Trennzeichen %3; %4; Dezimalzeichen %5.</translation>
    </message>
    <message>
        <source>None (as detected)</source>
        <translation>Keines (wie erkannt)</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (Pflicht)</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(nicht importiert)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Shopify and WooCommerce files are read by their own column names</source>
        <translation>Shopify- und WooCommerce-Dateien werden anhand ihrer eigenen Spaltennamen gelesen</translation>
    </message>
    <message>
        <source>With these settings the file cannot be read: %1</source>
        <translation>Mit diesen Einstellungen kann die Datei nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The profile&apos;s columns for %1 are not in this file.</source>
        <translation>Die Spalten des Profils für %1 fehlen in dieser Datei.</translation>
    </message>
    <message>
        <source>Save Import Profile</source>
        <translation>Importprofil speichern</translation>
    </message>
    <message>
        <source>Name for these settings and columns (for example the supplier&apos;s name):</source>
        <translation>Name für diese Einstellungen und Spalten (zum Beispiel der Name des Lieferanten):</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of the file are shown.</source>
        <translation>
            <numerusform>%n Zeile der Datei wird angezeigt.</numerusform>
            <numerusform>Die ersten %n Zeilen der Datei werden angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them have problems (in red); Validate on the next page checks the whole file.</source>
        <translation>
            <numerusform>%n davon hat Probleme (rot); „Prüfen“ auf der nächsten Seite kontrolliert die ganze Datei.</numerusform>
            <numerusform>%n davon haben Probleme (rot); „Prüfen“ auf der nächsten Seite kontrolliert die ganze Datei.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing in them stops the import.</source>
        <translation>Nichts darin verhindert den Import.</translation>
    </message>
</context>
<context>
    <name>md::ImportRunPage</name>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Cancel stops the import and undoes it: the database stays as it was.</source>
        <translation>„Abbrechen“ hält den Import an und macht ihn rückgängig: die Datenbank bleibt, wie sie war.</translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation>Import &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancelling: undoing what was written…</source>
        <translation>Wird abgebrochen: Geschriebenes wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
</context>
<context>
    <name>md::ImportSummary</name>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>... und %n weiteres Problem</numerusform>
            <numerusform>... und %n weitere Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 format, %2, delimiter &quot;%3&quot;, decimal symbol &quot;%4&quot;</source>
        <translation>Format %1, %2, Trennzeichen „%3“, Dezimalzeichen „%4“</translation>
    </message>
    <message>
        <source>Dry run of importing %1 into %2 (%3); nothing was written:</source>
        <translation>Probelauf des Imports von %1 in %2 (%3); es wurde nichts geschrieben:</translation>
    </message>
    <message>
        <source>Imported %1 into %2 (%3):</source>
        <translation>%1 in %2 importiert (%3):</translation>
    </message>
    <message>
        <source>rows read</source>
        <translation>Zeilen gelesen</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>kept (already stored)</source>
        <translation>behalten (bereits gespeichert)</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>rejected (see %1)</source>
        <translation>abgewiesen (siehe %1)</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>Nicht importierte Spalten: %1</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more note(s)</source>
        <translation>
            <numerusform>... und %n weiterer Hinweis</numerusform>
            <numerusform>... und %n weitere Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected rows:</source>
        <translation>Abgewiesene Zeilen:</translation>
    </message>
</context>
<context>
    <name>md::ImportSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Problems and notes, by line of the file:</source>
        <translation>Probleme und Hinweise, nach Zeile der Datei:</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>Der Import wurde abgebrochen. Nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>The import failed. Nothing was written.</source>
        <translation>Der Import ist fehlgeschlagen. Nichts wurde geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n problem(s).</source>
        <translation>
            <numerusform>Nichts wurde importiert: Die Datei hat %n Problem.</numerusform>
            <numerusform>Nichts wurde importiert: Die Datei hat %n Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the rows below (line:column: reason) and import again, or choose to import the valid rows and write the rejected ones to a file.</source>
        <translation>Korrigieren Sie die Zeilen unten (Zeile:Spalte: Grund) und importieren Sie erneut, oder wählen Sie, die gültigen Zeilen zu importieren und die abgelehnten in eine Datei zu schreiben.</translation>
    </message>
    <message>
        <source>%1 rows of %2 were imported into %3.</source>
        <translation>%1 Zeilen aus %2 wurden in %3 importiert.</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Gelesene Zeilen</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Kept (already stored)</source>
        <translation>Behalten (schon gespeichert)</translation>
    </message>
    <message>
        <source>Deleted (not in the file)</source>
        <translation>Gelöscht (nicht in der Datei)</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>The rejected rows and their reasons are in %1.</source>
        <translation>Die abgelehnten Zeilen und ihre Gründe stehen in %1.</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>Nicht importierte Spalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… und %n weiteres Problem</numerusform>
            <numerusform>… und %n weitere Probleme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
</context>
<context>
    <name>md::InfoCommand</name>
    <message>
        <source>Show the database, its schema version and the row count of every table</source>
        <translation>Die Datenbank, ihre Schemaversion und die Zeilenzahl jeder Tabelle anzeigen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>SQLite %1</source>
        <translation>SQLite %1</translation>
    </message>
    <message>
        <source>%1 (this program: %2)</source>
        <translation>%1 (dieses Programm: %2)</translation>
    </message>
    <message>
        <source>; empty database, run init to create the schema</source>
        <translation>; leere Datenbank, führen Sie init aus, um das Schema anzulegen</translation>
    </message>
    <message>
        <source>; run init to migrate</source>
        <translation>; führen Sie init aus, um zu migrieren</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>Schemaversion:</translation>
    </message>
    <message>
        <source>Tables: none</source>
        <translation>Tabellen: keine</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>Tabellen:</translation>
    </message>
</context>
<context>
    <name>md::InitCommand</name>
    <message>
        <source>Create the schema or bring it up to date; with --demo, also fill an empty database with a demo shop</source>
        <translation>Das Schema anlegen oder aktualisieren; mit --demo außerdem eine leere Datenbank mit einem Demo-Shop füllen</translation>
    </message>
    <message>
        <source>Fill the database with a realistic demo shop (the database must not hold products, customers or orders)</source>
        <translation>Die Datenbank mit einem realistischen Demo-Shop füllen (die Datenbank darf keine Produkte, Kunden oder Bestellungen enthalten)</translation>
    </message>
    <message>
        <source>Demo random seed: the same seed gives the same shop</source>
        <translation>Startwert für den Zufallsgenerator der Demo: derselbe Startwert ergibt denselben Shop</translation>
    </message>
    <message>
        <source>The demo shop&apos;s today: its order history ends the day before (default: today, UTC)</source>
        <translation>Das „Heute“ des Demo-Shops: sein Bestellverlauf endet am Tag davor (Standard: heute, UTC)</translation>
    </message>
    <message>
        <source>init: --%1 only applies with --demo</source>
        <translation>init: --%1 gilt nur zusammen mit --demo</translation>
    </message>
    <message>
        <source>init: --scale &quot;%1&quot; is not a demo size; use %2</source>
        <translation>init: --scale „%1“ ist keine Demo-Größe; verwenden Sie %2</translation>
    </message>
    <message>
        <source>init: --seed &quot;%1&quot; is not a whole number from 0 to %2</source>
        <translation>init: --seed „%1“ ist keine ganze Zahl von 0 bis %2</translation>
    </message>
    <message>
        <source>init: --as-of &quot;%1&quot; is not a date; use YYYY-MM-DD, such as 2025-06-30</source>
        <translation>init: --as-of „%1“ ist kein Datum; verwenden Sie YYYY-MM-DD, etwa 2025-06-30</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Created the MerchantDesk schema (version %1) in %2
</source>
        <translation>Das MerchantDesk-Schema (Version %1) wurde in %2 angelegt
</translation>
    </message>
    <message>
        <source>Migrated %1 from schema version %2 to %3
</source>
        <translation>%1 wurde von Schemaversion %2 auf %3 migriert
</translation>
    </message>
    <message>
        <source>%1 is up to date (schema version %2)
</source>
        <translation>%1 ist auf dem neuesten Stand (Schemaversion %2)
</translation>
    </message>
    <message>
        <source>init: demo shop %1% (%2)</source>
        <translation>init: Demo-Shop %1 % (%2)</translation>
    </message>
    <message>
        <source>%1: the demo shop was not written: %2</source>
        <translation>%1: der Demo-Shop wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>Demo shop (%1, seed %2, as of %3):
</source>
        <translation>Demo-Shop (%1, Startwert %2, Stand %3):
</translation>
    </message>
    <message>
        <source>Created %1 built-in segments (docs/segments.md lists their rules)
</source>
        <translation>%1 vordefinierte Segmente angelegt (docs/segments.md nennt ihre Regeln)
</translation>
    </message>
    <message>
        <source>Demo size: small (about 500 products, 2,000 customers, 20,000 orders), medium (100,000 products and customers, about 1,000,000 order lines) or large (1,000,000 products and customers, about 10,000,000 order lines)</source>
        <translation>Größe des Demo-Shops: small (etwa 500 Produkte, 2.000 Kunden, 20.000 Bestellungen), medium (100.000 Produkte und Kunden, etwa 1.000.000 Bestellpositionen) oder large (1.000.000 Produkte und Kunden, etwa 10.000.000 Bestellpositionen)</translation>
    </message>
    <message>
        <source>Created %1 loyalty tiers (docs/loyalty.md lists them)
</source>
        <translation>%1 Treuestufen angelegt (docs/loyalty.md nennt sie)
</translation>
    </message>
</context>
<context>
    <name>md::InstanceLock</name>
    <message>
        <source>%1 is already open in another MerchantDesk window (the lock file %2 exists). Close it there first; nothing was changed.</source>
        <translation>%1 ist bereits in einem anderen MerchantDesk-Fenster geöffnet (die Sperrdatei %2 existiert). Schließen Sie die Datenbank dort zuerst; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>%1 is already open in MerchantDesk (process %2 on the computer %3). Close it there first; nothing was changed.</source>
        <translation>%1 ist bereits in MerchantDesk geöffnet (Prozess %2 auf dem Computer %3). Schließen Sie die Datenbank dort zuerst; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>%1 is already open in MerchantDesk (process %2). Close it there first, or open another database; nothing was changed.</source>
        <translation>%1 ist bereits in MerchantDesk geöffnet (Prozess %2). Schließen Sie die Datenbank dort zuerst oder öffnen Sie eine andere Datenbank; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: the folder %2 is not writable. MerchantDesk needs to write beside the database; nothing was changed.</source>
        <translation>Die Sperrdatei %1 kann nicht angelegt werden: der Ordner %2 ist nicht beschreibbar. MerchantDesk muss neben der Datenbank schreiben können; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1 beside the database; nothing was changed.</source>
        <translation>Die Sperrdatei %1 kann neben der Datenbank nicht angelegt werden; es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>md::InventoryCommand</name>
    <message>
        <source>inventory pull: update stock levels from the inventory feed (a JSON array of product_id, stock_level, last_updated)</source>
        <translation>inventory pull: Bestände aus dem Bestands-Feed aktualisieren (ein JSON-Array aus product_id, stock_level, last_updated)</translation>
    </message>
    <message>
        <source>The feed&apos;s address, instead of the one stored in the database; the token comes from %1 or the keyring</source>
        <translation>Die Adresse des Feeds statt der in der Datenbank gespeicherten; das Token kommt aus %1 oder dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Give up after this many seconds (default: the stored setting, else %1)</source>
        <translation>Nach so vielen Sekunden aufgeben (Standard: die gespeicherte Einstellung, sonst %1)</translation>
    </message>
    <message>
        <source>inventory: the only action is &quot;pull&quot;, as in inventory pull [--url URL]</source>
        <translation>inventory: die einzige Aktion ist „pull“, wie in inventory pull [--url URL]</translation>
    </message>
    <message>
        <source>inventory: --url &quot;%1&quot; is not an http:// or https:// address</source>
        <translation>inventory: --url „%1“ ist keine http://- oder https://-Adresse</translation>
    </message>
    <message>
        <source>inventory: --timeout &quot;%1&quot; is not a number of seconds from 1 to 3600</source>
        <translation>inventory: --timeout „%1“ ist keine Sekundenzahl von 1 bis 3600</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>inventory: no feed is configured for %1; give one with --url URL</source>
        <translation>inventory: für %1 ist kein Feed eingerichtet; geben Sie einen mit --url URL an</translation>
    </message>
    <message>
        <source>inventory: reading %1</source>
        <translation>inventory: %1 wird gelesen</translation>
    </message>
    <message>
        <source>%1; no stock level was changed</source>
        <translation>%1; es wurde kein Bestand geändert</translation>
    </message>
</context>
<context>
    <name>md::InventoryFeed</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a true/false value</source>
        <translation>ein Wahr/Falsch-Wert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a text &quot;%1&quot;</source>
        <translation>ein Text „%1“</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>The inventory feed address &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>Die Adresse des Bestands-Feeds „%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>The inventory feed %1 did not answer within %2 seconds</source>
        <translation>Der Bestands-Feed %1 hat nicht innerhalb von %2 Sekunden geantwortet</translation>
    </message>
    <message>
        <source>Cannot reach the inventory feed %1: %2</source>
        <translation>Der Bestands-Feed %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The inventory feed %1 answered HTTP %2 %3</source>
        <translation>Der Bestands-Feed %1 antwortete mit HTTP %2 %3</translation>
    </message>
    <message>
        <source>(no token was sent: set MERCHANTDESK_INVENTORY_TOKEN or store the token in the keyring%1)</source>
        <translation>(es wurde kein Token gesendet: setzen Sie MERCHANTDESK_INVENTORY_TOKEN oder speichern Sie das Token im Schlüsselbund%1)</translation>
    </message>
    <message>
        <source>The inventory feed is not valid JSON (at byte %1: %2)</source>
        <translation>Der Bestands-Feed ist kein gültiges JSON (bei Byte %1: %2)</translation>
    </message>
    <message>
        <source>The inventory feed must be a JSON array of products</source>
        <translation>Der Bestands-Feed muss ein JSON-Array von Produkten sein</translation>
    </message>
    <message>
        <source>Inventory feed, element %1: expected an object with product_id and stock_level, got %2</source>
        <translation>Bestands-Feed, Element %1: erwartet wurde ein Objekt mit product_id und stock_level, erhalten: %2</translation>
    </message>
    <message>
        <source>Inventory feed, element %1: product_id must be a non-empty text, got %2</source>
        <translation>Bestands-Feed, Element %1: product_id muss ein nicht leerer Text sein, erhalten: %2</translation>
    </message>
    <message>
        <source>Inventory feed, element %1 (%2): stock_level must be a whole number ≥ 0, got %3</source>
        <translation>Bestands-Feed, Element %1 (%2): stock_level muss eine ganze Zahl ≥ 0 sein, erhalten: %3</translation>
    </message>
    <message>
        <source>Inventory feed, element %1 (%2): last_updated must be a time such as 2023-10-27T10:00:00Z, got %3</source>
        <translation>Bestands-Feed, Element %1 (%2): last_updated muss eine Zeitangabe wie 2023-10-27T10:00:00Z sein, erhalten: %3</translation>
    </message>
    <message>
        <source>Inventory feed: product_id %1 appears twice (elements %2 and %3)</source>
        <translation>Bestands-Feed: product_id %1 kommt zweimal vor (Elemente %2 und %3)</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (von %2)</translation>
    </message>
</context>
<context>
    <name>md::InventoryImporter</name>
    <message>
        <source>Staging the inventory feed: %1</source>
        <translation>Fehler beim Bereitstellen des Bestands-Feeds: %1</translation>
    </message>
    <message>
        <source>Matching the feed&apos;s SKUs: %1</source>
        <translation>Fehler beim Abgleichen der Artikelnummern des Feeds: %1</translation>
    </message>
    <message>
        <source>Updating the stock levels: %1</source>
        <translation>Fehler beim Aktualisieren der Bestände: %1</translation>
    </message>
    <message>
        <source>Updated the stock of %1 of %2 products in the feed (%3 unchanged)</source>
        <translation>Bestand von %1 der %2 Produkte im Feed aktualisiert (%3 unverändert)</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>%1 SKUs are not in the shop and were ignored: %2</source>
        <translation>%1 Artikelnummern (SKUs) gibt es im Shop nicht; sie wurden ignoriert: %2</translation>
    </message>
</context>
<context>
    <name>md::InventorySettings</name>
    <message>
        <source>Reading the inventory feed settings: %1</source>
        <translation>Fehler beim Lesen der Einstellungen des Bestands-Feeds: %1</translation>
    </message>
    <message>
        <source>The stored inventory feed timeout &quot;%1&quot; is not a number of seconds</source>
        <translation>Die gespeicherte Zeitüberschreitung des Bestands-Feeds „%1“ ist keine Sekundenzahl</translation>
    </message>
    <message>
        <source>Inventory feed URL: &quot;%1&quot; is not an http:// or https:// address</source>
        <translation>URL des Bestands-Feeds: „%1“ ist keine http://- oder https://-Adresse</translation>
    </message>
    <message>
        <source>Inventory feed timeout: must be a whole number of seconds from 1 to 3600, not %1</source>
        <translation>Zeitüberschreitung des Bestands-Feeds: muss eine ganze Sekundenzahl von 1 bis 3600 sein, nicht %1</translation>
    </message>
    <message>
        <source>Saving the inventory feed settings: %1</source>
        <translation>Fehler beim Speichern der Einstellungen des Bestands-Feeds: %1</translation>
    </message>
</context>
<context>
    <name>md::JobLock</name>
    <message>
        <source>Cannot ask PostgreSQL for the %1 lock: %2</source>
        <translation>Die Sperre für %1 kann bei PostgreSQL nicht angefragt werden: %2</translation>
    </message>
    <message>
        <source>PostgreSQL session %1 of %2 from %3</source>
        <translation>PostgreSQL-Sitzung %1 (%2) von %3</translation>
    </message>
    <message>
        <source>another PostgreSQL session</source>
        <translation>einer anderen PostgreSQL-Sitzung</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1 for %2: the folder must be writable</source>
        <translation>Die Sperrdatei %1 für %2 kann nicht angelegt werden: der Ordner muss beschreibbar sein</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>Prozess %1 (%2)</translation>
    </message>
    <message>
        <source>process %1 (%2) on %3</source>
        <translation>Prozess %1 (%2) auf %3</translation>
    </message>
    <message>
        <source>another process (lock file %1)</source>
        <translation>einem anderen Prozess (Sperrdatei %1)</translation>
    </message>
</context>
<context>
    <name>md::JobRunner</name>
    <message>
        <source>This version of MerchantDesk cannot run %1 jobs</source>
        <translation>Diese Version von MerchantDesk kann keine Aufträge vom Typ %1 ausführen</translation>
    </message>
    <message>
        <source>There is no job called %1</source>
        <translation>Es gibt keinen Auftrag namens %1</translation>
    </message>
    <message>
        <source>%1 is already running in %2; skipped</source>
        <translation>%1 läuft bereits in %2; übersprungen</translation>
    </message>
    <message>
        <source>%1 was run by another process a moment ago</source>
        <translation>%1 wurde gerade eben von einem anderen Prozess ausgeführt</translation>
    </message>
</context>
<context>
    <name>md::JobSchedule</name>
    <message>
        <source>Times of day: &quot;%1&quot; is not a time such as 02:00 or 14:30</source>
        <translation>Uhrzeiten: „%1“ ist keine Uhrzeit wie 02:00 oder 14:30</translation>
    </message>
    <message>
        <source>The interval must be between %1 minutes and %2 days, not %3 minutes</source>
        <translation>Das Intervall muss zwischen %1 Minuten und %2 Tagen liegen, nicht %3 Minuten</translation>
    </message>
    <message>
        <source>Times of day: give at least one time, such as 02:00</source>
        <translation>Uhrzeiten: geben Sie mindestens eine Uhrzeit an, etwa 02:00</translation>
    </message>
</context>
<context>
    <name>md::JobsCommand</name>
    <message>
        <source>jobs run-due: run every scheduled job that is due (for cron or a systemd timer); jobs list: show the schedules</source>
        <translation>jobs run-due: jeden fälligen geplanten Auftrag ausführen (für cron oder einen systemd-Timer); jobs list: die Zeitpläne anzeigen</translation>
    </message>
    <message>
        <source>jobs: give run-due or list, as in jobs run-due</source>
        <translation>jobs: geben Sie run-due oder list an, wie in jobs run-due</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No job is scheduled in %1.
</source>
        <translation>In %1 ist kein Auftrag geplant.
</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>alle %1 Minuten</translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>täglich um %1</translation>
    </message>
    <message>
        <source>%1: %2, %3, %4; last run %5, next run %6
</source>
        <translation>%1: %2, %3, %4; letzter Lauf %5, nächster Lauf %6
</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>applies changes</source>
        <translation>wendet Änderungen an</translation>
    </message>
    <message>
        <source>prepares a preview</source>
        <translation>bereitet eine Vorschau vor</translation>
    </message>
    <message>
        <source>jobs: %1</source>
        <translation>jobs: %1</translation>
    </message>
    <message>
        <source>No job is due in %1.
</source>
        <translation>In %1 ist kein Auftrag fällig.
</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>Next run: %1.</source>
        <translation>Nächster Lauf: %1.</translation>
    </message>
    <message>
        <source>%1: a scheduled job failed; see above</source>
        <translation>%1: ein geplanter Auftrag ist fehlgeschlagen; siehe oben</translation>
    </message>
</context>
<context>
    <name>md::KpiCard</name>
    <message>
        <source>No figures to compare with</source>
        <translation>Keine Vergleichswerte</translation>
    </message>
    <message>
        <source>● unchanged</source>
        <translation>● unverändert</translation>
    </message>
    <message>
        <source>▲ %1 % more</source>
        <translation>▲ %1 % mehr</translation>
    </message>
    <message>
        <source>▼ %1 % less</source>
        <translation>▼ %1 % weniger</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>md::LoyaltyAwardJob</name>
    <message>
        <source>Loyalty points</source>
        <translation>Treuepunkte</translation>
    </message>
    <message>
        <source>Credited %1 orders (%2 points), reversed %3 (%4 points); %5 points expired.</source>
        <translation>%1 Bestellungen gutgeschrieben (%2 Punkte), %3 zurückgebucht (%4 Punkte); %5 Punkte verfallen.</translation>
    </message>
</context>
<context>
    <name>md::LoyaltyCommand</name>
    <message>
        <source>award, expire, balances: as of this moment, a date (2026-06-30, the end of that UTC day) or an ISO time (default: now)</source>
        <translation>award, expire, balances: Stand zu diesem Zeitpunkt, ein Datum (2026-06-30, das Ende dieses UTC-Tages) oder eine ISO-Zeit (Standard: jetzt)</translation>
    </message>
    <message>
        <source>Output format of balances and ledger: table or csv</source>
        <translation>Ausgabeformat von balances und ledger: table oder csv</translation>
    </message>
    <message>
        <source>Write the balances or the ledger to FILE instead of stdout</source>
        <translation>Die Punktestände oder das Journal in DATEI statt auf die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>tier set: the qualifying points from which the tier is held</source>
        <translation>tier set: die qualifizierenden Punkte, ab denen die Stufe gilt</translation>
    </message>
    <message>
        <source>tier set: the points multiplier, an exact decimal such as 1.25</source>
        <translation>tier set: der Punktemultiplikator, eine exakte Dezimalzahl wie 1.25</translation>
    </message>
    <message>
        <source>settings: points expire this many days after they were earned (0: never)</source>
        <translation>settings: Punkte verfallen so viele Tage, nachdem sie verdient wurden (0: nie)</translation>
    </message>
    <message>
        <source>settings: what the tier is decided on: %1</source>
        <translation>settings: wonach die Stufe bestimmt wird: %1</translation>
    </message>
    <message>
        <source>settings: earned points become usable this many days after the order (0: at once)</source>
        <translation>settings: verdiente Punkte sind so viele Tage nach der Bestellung einlösbar (0: sofort)</translation>
    </message>
    <message>
        <source>loyalty: give one of %1, as in loyalty balances</source>
        <translation>loyalty: geben Sie eines von %1 an, etwa loyalty balances</translation>
    </message>
    <message>
        <source>one customer email</source>
        <translation>eine Kunden-E-Mail</translation>
    </message>
    <message>
        <source>set and a tier name</source>
        <translation>set und einen Stufennamen</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>keine Argumente</translation>
    </message>
    <message>
        <source>%1: takes %2</source>
        <translation>%1: erwartet %2</translation>
    </message>
    <message>
        <source>loyalty tier: &quot;%1&quot; is not an action; use loyalty tier set NAME --threshold N --multiplier X</source>
        <translation>loyalty tier: „%1“ ist keine Aktion; verwenden Sie loyalty tier set NAME --threshold N --multiplier X</translation>
    </message>
    <message>
        <source>%1: --%2 does not apply here</source>
        <translation>%1: --%2 gilt hier nicht</translation>
    </message>
    <message>
        <source>%1: --output needs a file name</source>
        <translation>%1: --output braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>%1: --as-of %2</source>
        <translation>%1: --as-of %2</translation>
    </message>
    <message>
        <source>%1: --threshold &quot;%2&quot; is not a whole number of points from 0</source>
        <translation>%1: --threshold „%2“ ist keine ganze Punktzahl ab 0</translation>
    </message>
    <message>
        <source>%1: --multiplier %2</source>
        <translation>%1: --multiplier %2</translation>
    </message>
    <message>
        <source>%1: give --threshold N, --multiplier X or both</source>
        <translation>%1: geben Sie --threshold N, --multiplier X oder beides an</translation>
    </message>
    <message>
        <source>%1: --%2 &quot;%3&quot; is not a number of days from 0 to %4</source>
        <translation>%1: --%2 „%3“ ist keine Anzahl Tage von 0 bis %4</translation>
    </message>
    <message>
        <source>%1: --basis &quot;%2&quot; is not a tier basis; use %3</source>
        <translation>%1: --basis „%2“ ist keine Stufengrundlage; verwenden Sie %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3%)</source>
        <translation>%1: %2 (%3 %)</translation>
    </message>
    <message>
        <source>Credited %1 orders with %2 points and reversed %3 orders (%4 points) as of %5; %6 customers&apos; ledgers changed.
</source>
        <translation>%1 Bestellungen mit %2 Punkten gutgeschrieben und %3 Bestellungen (%4 Punkte) zurückgebucht, Stand %5; die Journale von %6 Kunden haben sich geändert.
</translation>
    </message>
    <message>
        <source>Points do not expire (loyalty settings --expiry-days N turns expiry on); nothing was written.
</source>
        <translation>Punkte verfallen nicht (loyalty settings --expiry-days N schaltet den Verfall ein); es wurde nichts geschrieben.
</translation>
    </message>
    <message>
        <source>Expired %1 points of %2 customers as of %3.
</source>
        <translation>%1 Punkte von %2 Kunden verfallen, Stand %3.
</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Punktestand</translation>
    </message>
    <message>
        <source>Qualifying</source>
        <translation>Qualifizierend</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Balances of %1 customers as of %2 written to %3.
</source>
        <translation>Punktestände von %1 Kunden, Stand %2, nach %3 geschrieben.
</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>%1: balance %2, qualifying %3, tier %4
</source>
        <translation>%1: Punktestand %2, qualifizierend %3, Stufe %4
</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Tier %1: from %2 points, x%3.
</source>
        <translation>Stufe %1: ab %2 Punkten, x%3.
</translation>
    </message>
    <message>
        <source>From points</source>
        <translation>Ab Punkten</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>Multiplikator</translation>
    </message>
    <message>
        <source>Perks</source>
        <translation>Vorteile</translation>
    </message>
    <message>
        <source>Points expire: %1
</source>
        <translation>Punkte verfallen: %1
</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 days after they were earned</source>
        <translation>%1 Tage, nachdem sie verdient wurden</translation>
    </message>
    <message>
        <source>Tier basis: %1
</source>
        <translation>Stufengrundlage: %1
</translation>
    </message>
    <message>
        <source>Pending days: %1
</source>
        <translation>Wartezeit in Tagen: %1
</translation>
    </message>
    <message>
        <source>Loyalty points: award, balances, ledger EMAIL, expire, tiers, tier set NAME --threshold N --multiplier X, settings, rewards, reward set NAME, redeem EMAIL REWARD, adjust EMAIL --points N --reason TEXT</source>
        <translation>Treuepunkte: award, balances, ledger E-MAIL, expire, tiers, tier set NAME --threshold N --multiplier X, settings, rewards, reward set NAME, redeem E-MAIL PRÄMIE, adjust E-MAIL --points N --reason TEXT</translation>
    </message>
    <message>
        <source>reward set: what the reward is: %1</source>
        <translation>reward set: was die Prämie ist: %1</translation>
    </message>
    <message>
        <source>reward set: the amount off (5.00), the percentage off (10), or the SKU of the free product</source>
        <translation>reward set: der Rabattbetrag (5.00), der Rabatt in Prozent (10) oder die SKU des Gratisprodukts</translation>
    </message>
    <message>
        <source>reward set: what the reward costs in points</source>
        <translation>reward set: was die Prämie in Punkten kostet</translation>
    </message>
    <message>
        <source>reward set: the balance a customer needs to redeem it (0: none)</source>
        <translation>reward set: der Punktestand, den ein Kunde zum Einlösen braucht (0: keiner)</translation>
    </message>
    <message>
        <source>reward set: how often one customer may redeem it (0: no limit)</source>
        <translation>reward set: wie oft ein Kunde sie einlösen darf (0: unbegrenzt)</translation>
    </message>
    <message>
        <source>reward set: whether the reward is offered: yes or no</source>
        <translation>reward set: ob die Prämie angeboten wird: yes oder no</translation>
    </message>
    <message>
        <source>adjust: the points to add, or to take with a minus (-50)</source>
        <translation>adjust: die gutzuschreibenden Punkte, oder mit Minus die abzuziehenden (-50)</translation>
    </message>
    <message>
        <source>adjust: why, kept in the ledger</source>
        <translation>adjust: der Grund, der im Journal steht</translation>
    </message>
    <message>
        <source>set and a reward name</source>
        <translation>set und einen Prämiennamen</translation>
    </message>
    <message>
        <source>a customer email and a reward name</source>
        <translation>eine Kunden-E-Mail und einen Prämiennamen</translation>
    </message>
    <message>
        <source>loyalty reward: &quot;%1&quot; is not an action; use loyalty reward set NAME --kind K --cost N</source>
        <translation>loyalty reward: „%1“ ist keine Aktion; verwenden Sie loyalty reward set NAME --kind K --cost N</translation>
    </message>
    <message>
        <source>%1: --kind &quot;%2&quot; is not a kind of reward; use %3</source>
        <translation>%1: --kind „%2“ ist keine Prämienart; verwenden Sie %3</translation>
    </message>
    <message>
        <source>%1: --%2 &quot;%3&quot; is not a whole number from %4</source>
        <translation>%1: --%2 „%3“ ist keine ganze Zahl ab %4</translation>
    </message>
    <message>
        <source>%1: --limit %2 is more than 1,000,000 redemptions</source>
        <translation>%1: --limit %2 sind mehr als 1.000.000 Einlösungen</translation>
    </message>
    <message>
        <source>%1: --active &quot;%2&quot; is neither yes nor no</source>
        <translation>%1: --active „%2“ ist weder yes noch no</translation>
    </message>
    <message>
        <source>%1: --points &quot;%2&quot; is not a whole number of points other than 0, such as 50 or -50</source>
        <translation>%1: --points „%2“ ist keine ganze Punktzahl ungleich 0 wie 50 oder -50</translation>
    </message>
    <message>
        <source>%1: --reason is needed: why the points change, kept in the ledger</source>
        <translation>%1: --reason fehlt: warum sich die Punkte ändern, steht im Journal</translation>
    </message>
    <message>
        <source>There are no rewards yet: loyalty reward set NAME --kind K --cost N [--value V] adds one.
</source>
        <translation>Es gibt noch keine Prämien: loyalty reward set NAME --kind K --cost N [--value V] legt eine an.
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Gibt</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Min. balance</source>
        <translation>Mindeststand</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Reward %1: %2 for %3 points%4%5%6.
</source>
        <translation>Prämie %1: %2 für %3 Punkte%4%5%6.
</translation>
    </message>
    <message>
        <source>, from a balance of %1</source>
        <translation>, ab einem Punktestand von %1</translation>
    </message>
    <message numerus="yes">
        <source>, at most %n per customer</source>
        <translation>
            <numerusform>, höchstens %n Einlösung pro Kunde</numerusform>
            <numerusform>, höchstens %n Einlösungen pro Kunde</numerusform>
        </translation>
    </message>
    <message>
        <source>, not offered (inactive)</source>
        <translation>, nicht angeboten (inaktiv)</translation>
    </message>
    <message>
        <source>%1 points past their expiry date were written off first.
</source>
        <translation>%1 Punkte nach ihrem Verfallsdatum wurden zuerst ausgebucht.
</translation>
    </message>
    <message>
        <source>Redeemed %1 for %2: %3 points; reward code %4; balance now %5.
</source>
        <translation>%1 für %2 eingelöst: %3 Punkte; Prämiencode %4; Punktestand jetzt %5.
</translation>
    </message>
    <message>
        <source>Adjusted %1 by %2 points; balance now %3.
</source>
        <translation>%1 um %2 Punkte korrigiert; Punktestand jetzt %3.
</translation>
    </message>
</context>
<context>
    <name>md::LoyaltyMultiplier</name>
    <message>
        <source>&quot;%1&quot; is not a multiplier: give a positive number with at most four decimals, such as 1.25</source>
        <translation>„%1“ ist kein Multiplikator: geben Sie eine positive Zahl mit höchstens vier Nachkommastellen an, etwa 1.25</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a multiplier: it must be greater than 0</source>
        <translation>„%1“ ist kein Multiplikator: er muss größer als 0 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a multiplier: it must be at most 1000</source>
        <translation>„%1“ ist kein Multiplikator: er darf höchstens 1000 sein</translation>
    </message>
</context>
<context>
    <name>md::LoyaltyService</name>
    <message>
        <source>Awarding loyalty points</source>
        <translation>Treuepunkte werden vergeben</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reading orders</source>
        <translation>Bestellungen werden gelesen</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>Order %1 was %2 after it earned</source>
        <translation>Bestellung %1 wurde %2, nachdem sie Punkte eingebracht hatte</translation>
    </message>
    <message>
        <source>cancelled; nothing was written</source>
        <translation>abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>writing the ledger</source>
        <translation>das Journal wird geschrieben</translation>
    </message>
    <message>
        <source>Expiring loyalty points</source>
        <translation>Treuepunkte verfallen</translation>
    </message>
    <message>
        <source>reading the ledger</source>
        <translation>das Journal wird gelesen</translation>
    </message>
    <message>
        <source>Points earned %1 days or more before expired</source>
        <translation>Punkte, die vor %1 oder mehr Tagen verdient wurden, sind verfallen</translation>
    </message>
    <message>
        <source>There is no customer with the email &quot;%1&quot;</source>
        <translation>Es gibt keinen Kunden mit der E-Mail „%1“</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 Rabatt</translation>
    </message>
    <message>
        <source>%1% off</source>
        <translation>%1 % Rabatt</translation>
    </message>
    <message>
        <source>free %1</source>
        <translation>%1 gratis</translation>
    </message>
    <message>
        <source>free shipping</source>
        <translation>kostenloser Versand</translation>
    </message>
    <message>
        <source>A reward needs a name</source>
        <translation>Eine Prämie braucht einen Namen</translation>
    </message>
    <message>
        <source>Reward &quot;%1&quot;</source>
        <translation>Prämie „%1“</translation>
    </message>
    <message>
        <source>the cost must be at least 1 point</source>
        <translation>sie muss mindestens 1 Punkt kosten</translation>
    </message>
    <message>
        <source>the minimum balance must not be below 0</source>
        <translation>der Mindeststand darf nicht unter 0 liegen</translation>
    </message>
    <message>
        <source>the limit per customer must not be below 0</source>
        <translation>das Limit pro Kunde darf nicht unter 0 liegen</translation>
    </message>
    <message>
        <source>There is no reward &quot;%1&quot;; a new reward needs at least --kind and --cost</source>
        <translation>Es gibt keine Prämie „%1“; eine neue Prämie braucht mindestens --kind und --cost</translation>
    </message>
    <message>
        <source>a %1 needs --value</source>
        <translation>die Art %1 braucht --value</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; of a fixed discount is not an amount above 0 such as 5.00</source>
        <translation>der Wert „%1“ eines festen Rabatts ist kein Betrag über 0 wie 5.00</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; of a percentage discount is not a whole percentage from 1 to 100</source>
        <translation>der Wert „%1“ eines Prozentrabatts ist kein ganzer Prozentsatz von 1 bis 100</translation>
    </message>
    <message>
        <source>there is no product with the SKU &quot;%1&quot;</source>
        <translation>es gibt kein Produkt mit der SKU „%1“</translation>
    </message>
    <message>
        <source>free shipping takes no --value (&quot;%1&quot; was given)</source>
        <translation>kostenloser Versand nimmt kein --value („%1“ wurde angegeben)</translation>
    </message>
    <message>
        <source>it was saved but cannot be read back</source>
        <translation>sie wurde gespeichert, lässt sich aber nicht zurücklesen</translation>
    </message>
    <message>
        <source>Redeeming &quot;%1&quot; for %2</source>
        <translation>„%1“ für %2 einlösen</translation>
    </message>
    <message>
        <source>there is no reward &quot;%1&quot; (loyalty rewards lists them)</source>
        <translation>es gibt keine Prämie „%1“ (loyalty rewards listet sie auf)</translation>
    </message>
    <message>
        <source>the reward is not offered at the moment (it is inactive); nothing was written</source>
        <translation>die Prämie wird derzeit nicht angeboten (sie ist inaktiv); nichts wurde geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>%1 has redeemed it %n time(s), its limit per customer; nothing was written</source>
        <translation>
            <numerusform>%1 hat sie %n-mal eingelöst, so oft ein Kunde darf; nichts wurde geschrieben</numerusform>
            <numerusform>%1 hat sie %n-mal eingelöst, so oft ein Kunde darf; nichts wurde geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>it needs a balance of at least %1 points and %2 has %3; nothing was written</source>
        <translation>sie setzt einen Punktestand von mindestens %1 voraus und %2 hat %3; nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>it costs %1 points and %2 has %3 to spend; nothing was written</source>
        <translation>sie kostet %1 Punkte und %2 kann %3 ausgeben; nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>Reward %1 (%2), code %3</source>
        <translation>Prämie %1 (%2), Code %3</translation>
    </message>
    <message>
        <source>Adjusting the points of %1</source>
        <translation>Punkte von %1 korrigieren</translation>
    </message>
    <message>
        <source>an adjustment needs a reason, kept in the ledger</source>
        <translation>eine Korrektur braucht einen Grund, der im Journal steht</translation>
    </message>
    <message>
        <source>an adjustment of 0 points changes nothing</source>
        <translation>eine Korrektur um 0 Punkte ändert nichts</translation>
    </message>
    <message>
        <source>%1 has %2 points; taking %3 would leave the balance below zero; nothing was written</source>
        <translation>%1 hat %2 Punkte; %3 abzuziehen brächte den Punktestand unter null; nichts wurde geschrieben</translation>
    </message>
</context>
<context>
    <name>md::LoyaltyStore</name>
    <message>
        <source>The stored setting %1 &quot;%2&quot; is not a number of days from 0 to %3</source>
        <translation>Die gespeicherte Einstellung %1 „%2“ ist keine Anzahl Tage von 0 bis %3</translation>
    </message>
    <message>
        <source>Reading the loyalty tiers: %1</source>
        <translation>Fehler beim Lesen der Treuestufen: %1</translation>
    </message>
    <message>
        <source>Reading the perks of the loyalty tiers: %1</source>
        <translation>Fehler beim Lesen der Vorteile der Treuestufen: %1</translation>
    </message>
    <message>
        <source>Creating the loyalty tiers</source>
        <translation>Fehler beim Anlegen der Treuestufen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A loyalty tier needs a name</source>
        <translation>Eine Treuestufe braucht einen Namen</translation>
    </message>
    <message>
        <source>Tier &quot;%1&quot;: the threshold %2 is below 0</source>
        <translation>Stufe „%1“: die Schwelle %2 liegt unter 0</translation>
    </message>
    <message>
        <source>Tier &quot;%1&quot;: the multiplier %2 is not above 0 and at most 1000</source>
        <translation>Stufe „%1“: der Multiplikator %2 liegt nicht über 0 und bei höchstens 1000</translation>
    </message>
    <message>
        <source>Saving loyalty tier &quot;%1&quot;</source>
        <translation>Fehler beim Speichern der Treuestufe „%1“</translation>
    </message>
    <message>
        <source>Tier &quot;%1&quot;: tier &quot;%2&quot; already starts at %3 points</source>
        <translation>Stufe „%1“: die Stufe „%2“ beginnt schon bei %3 Punkten</translation>
    </message>
    <message>
        <source>There is no tier &quot;%1&quot;; a new tier needs both --threshold and --multiplier</source>
        <translation>Es gibt keine Stufe „%1“; eine neue Stufe braucht sowohl --threshold als auch --multiplier</translation>
    </message>
    <message>
        <source>Reading the loyalty settings: %1</source>
        <translation>Fehler beim Lesen der Treue-Einstellungen: %1</translation>
    </message>
    <message>
        <source>The stored setting %1 &quot;%2&quot; is not one of %3</source>
        <translation>Die gespeicherte Einstellung %1 „%2“ ist keiner der Werte %3</translation>
    </message>
    <message>
        <source>Loyalty settings: %1 is not a number of days from 0 to %2</source>
        <translation>Treue-Einstellungen: %1 ist keine Anzahl Tage von 0 bis %2</translation>
    </message>
    <message>
        <source>Saving the loyalty settings</source>
        <translation>Fehler beim Speichern der Treue-Einstellungen</translation>
    </message>
    <message>
        <source>Looking up customer %1: %2</source>
        <translation>Suche nach Kunde %1: %2</translation>
    </message>
    <message>
        <source>Reading the points ledger: %1</source>
        <translation>Fehler beim Lesen des Punktejournals: %1</translation>
    </message>
    <message>
        <source>Reading the orders and the points ledger: %1</source>
        <translation>Fehler beim Lesen der Bestellungen und des Punktejournals: %1</translation>
    </message>
    <message>
        <source>Writing the points ledger: %1</source>
        <translation>Fehler beim Schreiben des Punktejournals: %1</translation>
    </message>
    <message>
        <source>Writing the points ledger</source>
        <translation>Fehler beim Schreiben des Punktejournals</translation>
    </message>
    <message>
        <source>Counting the customers: %1</source>
        <translation>Fehler beim Zählen der Kunden: %1</translation>
    </message>
    <message>
        <source>Reading the rewards: %1</source>
        <translation>Prämien lesen: %1</translation>
    </message>
    <message>
        <source>Reward &quot;%1&quot; has the unknown kind &quot;%2&quot;</source>
        <translation>Prämie „%1“ hat die unbekannte Art „%2“</translation>
    </message>
    <message>
        <source>Saving reward &quot;%1&quot;</source>
        <translation>Prämie „%1“ speichern</translation>
    </message>
    <message>
        <source>Looking up product %1: %2</source>
        <translation>Produkt %1 suchen: %2</translation>
    </message>
    <message>
        <source>Counting the redemptions: %1</source>
        <translation>Einlösungen zählen: %1</translation>
    </message>
    <message>
        <source>Recording the redemption</source>
        <translation>Einlösung festhalten</translation>
    </message>
</context>
<context>
    <name>md::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>No shop database is open.
Use the File menu to open a database, create a new one or connect to PostgreSQL.</source>
        <translation>Es ist keine Shop-Datenbank geöffnet.
Öffnen Sie über das Menü „Datei“ eine Datenbank, legen Sie eine neue an oder verbinden Sie sich mit PostgreSQL.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New SQLite Database…</source>
        <translation>&amp;Neue SQLite-Datenbank…</translation>
    </message>
    <message>
        <source>Create an empty shop database in a file</source>
        <translation>Eine leere Shop-Datenbank in einer Datei anlegen</translation>
    </message>
    <message>
        <source>&amp;Open SQLite Database…</source>
        <translation>SQLite-Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a shop database file</source>
        <translation>Eine Shop-Datenbankdatei öffnen</translation>
    </message>
    <message>
        <source>&amp;Connect to PostgreSQL…</source>
        <translation>Mit PostgreSQL &amp;verbinden…</translation>
    </message>
    <message>
        <source>Open a shop database on a PostgreSQL server</source>
        <translation>Eine Shop-Datenbank auf einem PostgreSQL-Server öffnen</translation>
    </message>
    <message>
        <source>&amp;Recent Databases</source>
        <translation>&amp;Zuletzt verwendete Datenbanken</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>Datenbank &amp;sichern…</translation>
    </message>
    <message>
        <source>Copy the open SQLite database to a file while it stays open</source>
        <translation>Die geöffnete SQLite-Datenbank in eine Datei kopieren, während sie geöffnet bleibt</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voreinstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About MerchantDesk</source>
        <translation>Ü&amp;ber MerchantDesk</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>New SQLite Database</source>
        <translation>Neue SQLite-Datenbank</translation>
    </message>
    <message>
        <source>SQLite databases (%1)</source>
        <translation>SQLite-Datenbanken (%1)</translation>
    </message>
    <message>
        <source>%1 already exists. To work with it, use File → Open SQLite Database…; nothing was changed.</source>
        <translation>%1 existiert bereits. Um damit zu arbeiten, wählen Sie Datei → SQLite-Datenbank öffnen…; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Open SQLite Database</source>
        <translation>SQLite-Datenbank öffnen</translation>
    </message>
    <message>
        <source>SQLite databases (%1);;All files (*)</source>
        <translation>SQLite-Datenbanken (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Password Not Remembered</source>
        <translation>Passwort nicht gespeichert</translation>
    </message>
    <message>
        <source>%1

The database is open, but next time MerchantDesk will ask for the password again. Without a system keyring, set the environment variable MERCHANTDESK_DB_PASSWORD before starting MerchantDesk.</source>
        <translation>%1

Die Datenbank ist geöffnet, aber beim nächsten Mal fragt MerchantDesk erneut nach dem Passwort. Ohne System-Schlüsselbund setzen Sie vor dem Start von MerchantDesk die Umgebungsvariable MERCHANTDESK_DB_PASSWORD.</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Keine Datenbank</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>Keine Datenbank geöffnet</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>The shop database in use</source>
        <translation>Die verwendete Shop-Datenbank</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>Keine zuletzt verwendeten Datenbanken</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>Die Datenbank konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 stays open.</source>
        <translation>%1 bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Back Up Database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>A backup cannot replace the database itself. Choose another file name.</source>
        <translation>Eine Sicherung kann nicht die Datenbank selbst ersetzen. Wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>Backup Failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1

No backup file was written.</source>
        <translation>%1

Es wurde keine Sicherungsdatei geschrieben.</translation>
    </message>
    <message>
        <source>Backup cancelled; no file was written.</source>
        <translation>Sicherung abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Gesichert nach %1</translation>
    </message>
    <message>
        <source>Backup Complete</source>
        <translation>Sicherung abgeschlossen</translation>
    </message>
    <message>
        <source>The database was backed up to
%1</source>
        <translation>Die Datenbank wurde gesichert nach
%1</translation>
    </message>
    <message>
        <source>About MerchantDesk</source>
        <translation>Über MerchantDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MerchantDesk %1&lt;/h3&gt;&lt;p&gt;The back office of a small online shop: catalog, customers, orders and the figures that matter, on a SQLite file or a shared PostgreSQL database.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MerchantDesk %1&lt;/h3&gt;&lt;p&gt;Die Shop-Verwaltung für einen kleinen Onlineshop: Katalog, Kunden, Bestellungen und die wichtigen Kennzahlen, in einer SQLite-Datei oder einer gemeinsam genutzten PostgreSQL-Datenbank.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import products, customers, orders and more from a CSV file</source>
        <translation>Produkte, Kunden, Bestellungen und mehr aus einer CSV-Datei importieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write products, customers, orders and more to a CSV file</source>
        <translation>Produkte, Kunden, Bestellungen und mehr in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>What do you want to export?</source>
        <translation>Was möchten Sie exportieren?</translation>
    </message>
    <message>
        <source>Repricing</source>
        <translation>Preisanpassung</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>Cross-Selling</translation>
    </message>
    <message>
        <source>No system tray: scheduled repricing runs only while this window is open.</source>
        <translation>Kein Systembereich der Kontrollleiste: Die geplante Preisanpassung läuft nur, solange dieses Fenster geöffnet ist.</translation>
    </message>
    <message>
        <source>The repricing schedule is not running: %1</source>
        <translation>Der Zeitplan der Preisanpassung läuft nicht: %1</translation>
    </message>
    <message>
        <source>MerchantDesk is still running</source>
        <translation>MerchantDesk läuft weiter</translation>
    </message>
    <message>
        <source>Scheduled repricing goes on in the background. Open the window or quit from the tray icon.</source>
        <translation>Die geplante Preisanpassung läuft im Hintergrund weiter. Öffnen Sie das Fenster oder beenden Sie das Programm über das Symbol im Systembereich.</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
</context>
<context>
    <name>md::Migrations</name>
    <message>
        <source>Cannot read the list of tables: %1</source>
        <translation>Die Liste der Tabellen kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The database holds other tables (such as &quot;%1&quot;) but no MerchantDesk schema; MerchantDesk will not write into it. Use a new file or an empty database.</source>
        <translation>Die Datenbank enthält andere Tabellen (etwa „%1“), aber kein MerchantDesk-Schema; MerchantDesk schreibt nicht hinein. Verwenden Sie eine neue Datei oder eine leere Datenbank.</translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>Die Schemaversion kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The database has schema version %1, newer than this MerchantDesk understands (%2). Update MerchantDesk; nothing was changed.</source>
        <translation>Die Datenbank hat die Schemaversion %1, neuer als diese MerchantDesk-Version versteht (%2). Aktualisieren Sie MerchantDesk; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Migrating the schema</source>
        <translation>Fehler beim Migrieren des Schemas</translation>
    </message>
    <message>
        <source>Cannot create the schema version table: %1</source>
        <translation>Die Tabelle für die Schemaversion kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3
Statement: %4</source>
        <translation>Migration %1 (%2) ist fehlgeschlagen: %3
Anweisung: %4</translation>
    </message>
    <message>
        <source>Cannot record migration %1: %2</source>
        <translation>Migration %1 kann nicht vermerkt werden: %2</translation>
    </message>
</context>
<context>
    <name>md::MiningParameters</name>
    <message>
        <source>The minimum support must be above 0 (a share below 1, such as 0.01, or a number of orders, such as 20); it is %1.</source>
        <translation>Der Mindest-Support muss über 0 liegen (ein Anteil unter 1 wie 0,01 oder eine Anzahl von Bestellungen wie 20); er ist %1.</translation>
    </message>
    <message>
        <source>A minimum support of 1 or more is a number of orders and must be whole; it is %1.</source>
        <translation>Ein Mindest-Support ab 1 ist eine Anzahl von Bestellungen und muss ganzzahlig sein; er ist %1.</translation>
    </message>
    <message>
        <source>The minimum confidence must be between 0 and 1; it is %1.</source>
        <translation>Die Mindest-Konfidenz muss zwischen 0 und 1 liegen; sie ist %1.</translation>
    </message>
    <message>
        <source>The minimum lift must be 0 or more; it is %1.</source>
        <translation>Der Mindest-Lift muss 0 oder mehr sein; er ist %1.</translation>
    </message>
</context>
<context>
    <name>md::OrderBasketSource</name>
    <message>
        <source>Reading the order lines: %1</source>
        <translation>Lesen der Bestellpositionen: %1</translation>
    </message>
    <message>
        <source>Reading the orders: %1</source>
        <translation>Lesen der Bestellungen: %1</translation>
    </message>
    <message>
        <source>Reading the products: %1</source>
        <translation>Lesen der Produkte: %1</translation>
    </message>
</context>
<context>
    <name>md::OrderQuery</name>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Positionssumme</translation>
    </message>
</context>
<context>
    <name>md::OrdersPage</name>
    <message>
        <source>Search by order number or email</source>
        <translation>Nach Bestellnummer oder E-Mail suchen</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 Bestellung</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 Bestellungen</translation>
    </message>
    <message>
        <source>This shop has no orders yet.</source>
        <translation>Dieser Shop hat noch keine Bestellungen.</translation>
    </message>
    <message>
        <source>No orders match.</source>
        <translation>Keine Bestellungen passen.</translation>
    </message>
    <message>
        <source>Show only orders with this status</source>
        <translation>Nur Bestellungen mit diesem Status anzeigen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Position</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Positionen</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Lines of order %1</source>
        <translation>Positionen der Bestellung %1</translation>
    </message>
    <message>
        <source>Order %1 has no lines.</source>
        <translation>Bestellung %1 hat keine Positionen.</translation>
    </message>
    <message>
        <source>Select an order above to see its lines.</source>
        <translation>Wählen Sie oben eine Bestellung aus, um ihre Positionen zu sehen.</translation>
    </message>
    <message>
        <source>No order selected.</source>
        <translation>Keine Bestellung ausgewählt.</translation>
    </message>
</context>
<context>
    <name>md::PagedQueryModel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>md::PagedTableWidget</name>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Hier ist noch nichts.</translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation>Nichts passt zur Suche.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>The data could not be read:
%1</source>
        <translation>Die Daten konnten nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>md::PairMiner</name>
    <message>
        <source>Mining was cancelled.</source>
        <translation>Die Auswertung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Counting products</source>
        <translation>Produkte werden gezählt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Counting pairs</source>
        <translation>Paare werden gezählt</translation>
    </message>
    <message>
        <source>Too many frequent products (%1) to count bundles of three; raise the minimum support.</source>
        <translation>Zu viele häufige Produkte (%1), um Dreierbündel zu zählen; erhöhen Sie den Mindest-Support.</translation>
    </message>
    <message>
        <source>Counting bundles</source>
        <translation>Bündel werden gezählt</translation>
    </message>
    <message>
        <source>Counting views</source>
        <translation>Ansichten werden gezählt</translation>
    </message>
    <message>
        <source>Counting views before purchases</source>
        <translation>Ansichten vor Käufen werden gezählt</translation>
    </message>
    <message>
        <source>Reading the orders</source>
        <translation>Bestellungen werden gelesen</translation>
    </message>
</context>
<context>
    <name>md::PlanDialog</name>
    <message>
        <source>Edit plan “%1”</source>
        <translation>Tarif „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Neuer Tarif</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <source>New subscribers can choose this plan</source>
        <translation>Neue Abonnenten können diesen Tarif wählen</translation>
    </message>
    <message>
        <source>Nothing (its own values only)</source>
        <translation>Nichts (nur eigene Werte)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Preis:</translation>
    </message>
    <message>
        <source>&amp;Billed:</source>
        <translation>&amp;Abrechnung:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Beschrei&amp;bung:</translation>
    </message>
    <message>
        <source>&amp;Inherits from:</source>
        <translation>&amp;Erbt von:</translation>
    </message>
    <message>
        <source>&amp;Order on the page:</source>
        <translation>&amp;Reihenfolge auf der Seite:</translation>
    </message>
</context>
<context>
    <name>md::PlanHistory</name>
    <message>
        <source>Recording the plan change of subscription %1</source>
        <translation>Tarifwechsel des Abonnements %1 wird gespeichert</translation>
    </message>
    <message>
        <source>Recording plan changes</source>
        <translation>Tarifwechsel werden gespeichert</translation>
    </message>
</context>
<context>
    <name>md::PlanMatrixModel</name>
    <message>
        <source>Set on %1</source>
        <translation>Gesetzt in %1</translation>
    </message>
    <message>
        <source>Inherited from %1</source>
        <translation>Geerbt von %1</translation>
    </message>
    <message>
        <source>The feature&apos;s default (no plan sets it)</source>
        <translation>Der Standardwert des Merkmals (kein Tarif setzt ihn)</translation>
    </message>
    <message>
        <source>(switched off)</source>
        <translation>(abgeschaltet)</translation>
    </message>
    <message>
        <source>inherits %1</source>
        <translation>erbt von %1</translation>
    </message>
    <message>
        <source>%1 (%2), default: %3</source>
        <translation>%1 (%2), Standardwert: %3</translation>
    </message>
</context>
<context>
    <name>md::PlanStore</name>
    <message>
        <source>Reading the plans: %1</source>
        <translation>Lesen der Tarife: %1</translation>
    </message>
    <message>
        <source>Reading the features: %1</source>
        <translation>Lesen der Merkmale: %1</translation>
    </message>
    <message>
        <source>Reading the plan features: %1</source>
        <translation>Lesen der Tarifmerkmale: %1</translation>
    </message>
    <message>
        <source>A plan or feature of the edit no longer exists; reload the plans</source>
        <translation>Ein Tarif oder Merkmal der Änderung existiert nicht mehr; laden Sie die Tarife neu</translation>
    </message>
    <message>
        <source>Saving the plan features</source>
        <translation>Speichern der Tarifmerkmale</translation>
    </message>
    <message>
        <source>Saving the plan features: %1</source>
        <translation>Speichern der Tarifmerkmale: %1</translation>
    </message>
    <message>
        <source>Plan “%1”, feature “%2”: %3</source>
        <translation>Tarif „%1“, Merkmal „%2“: %3</translation>
    </message>
    <message>
        <source>A plan needs a name</source>
        <translation>Ein Tarif braucht einen Namen</translation>
    </message>
    <message>
        <source>Plan “%1”: the price cannot be negative</source>
        <translation>Tarif „%1“: Der Preis darf nicht negativ sein</translation>
    </message>
    <message>
        <source>There is already a plan called “%1”</source>
        <translation>Es gibt bereits einen Tarif namens „%1“</translation>
    </message>
    <message>
        <source>Plan “%1”: the plan it inherits from no longer exists</source>
        <translation>Tarif „%1“: Der Tarif, von dem er erbt, existiert nicht mehr</translation>
    </message>
    <message>
        <source>Plan “%1” cannot inherit from “%2”: that plan inherits from it</source>
        <translation>Tarif „%1“ kann nicht von „%2“ erben: Jener Tarif erbt von ihm</translation>
    </message>
    <message>
        <source>Saving plan “%1”</source>
        <translation>Speichern von Tarif „%1“</translation>
    </message>
    <message>
        <source>Saving plan “%1”: %2</source>
        <translation>Speichern von Tarif „%1“: %2</translation>
    </message>
    <message>
        <source>There is already a feature with the key “%1”</source>
        <translation>Es gibt bereits ein Merkmal mit dem Schlüssel „%1“</translation>
    </message>
    <message>
        <source>Saving feature “%1”</source>
        <translation>Speichern von Merkmal „%1“</translation>
    </message>
    <message>
        <source>Saving feature “%1”: %2</source>
        <translation>Speichern von Merkmal „%1“: %2</translation>
    </message>
    <message>
        <source>That plan no longer exists</source>
        <translation>Dieser Tarif existiert nicht mehr</translation>
    </message>
    <message>
        <source>Deleting plan “%1”</source>
        <translation>Löschen von Tarif „%1“</translation>
    </message>
    <message>
        <source>Deleting plan “%1”: %2</source>
        <translation>Löschen von Tarif „%1“: %2</translation>
    </message>
    <message numerus="yes">
        <source>Plan “%1” has %n subscriber(s) who have not cancelled; move them to another plan first</source>
        <translation>
            <numerusform>Tarif „%1“ hat %n Abonnenten, der nicht gekündigt hat; verschieben Sie ihn zuerst in einen anderen Tarif</numerusform>
            <numerusform>Tarif „%1“ hat %n Abonnenten, die nicht gekündigt haben; verschieben Sie sie zuerst in einen anderen Tarif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan “%1” cannot be deleted: %n plan(s) inherit from it</source>
        <translation>
            <numerusform>Tarif „%1“ kann nicht gelöscht werden: %n Tarif erbt von ihm</numerusform>
            <numerusform>Tarif „%1“ kann nicht gelöscht werden: %n Tarife erben von ihm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan “%1” has %n cancelled subscription(s) in its history; switch the plan off (Active) instead of deleting it</source>
        <translation>
            <numerusform>Tarif „%1“ hat %n gekündigtes Abonnement in seiner Geschichte; schalten Sie den Tarif ab (Aktiv), statt ihn zu löschen</numerusform>
            <numerusform>Tarif „%1“ hat %n gekündigte Abonnements in seiner Geschichte; schalten Sie den Tarif ab (Aktiv), statt ihn zu löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan “%1” is in the plan history of %n subscription(s); switch the plan off (Active) instead of deleting it</source>
        <translation>
            <numerusform>Tarif „%1“ steht in der Tarifhistorie von %n Abonnement; schalten Sie den Tarif ab (Aktiv), statt ihn zu löschen</numerusform>
            <numerusform>Tarif „%1“ steht in der Tarifhistorie von %n Abonnements; schalten Sie den Tarif ab (Aktiv), statt ihn zu löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>That feature no longer exists</source>
        <translation>Dieses Merkmal gibt es nicht mehr</translation>
    </message>
    <message>
        <source>Deleting feature “%1”</source>
        <translation>Merkmal „%1“ wird gelöscht</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Feature “%1” is set on %n plan(s): %2; clear it there first (Use inherited value) and save</source>
        <translation>
            <numerusform>Merkmal „%1“ ist in %n Tarif gesetzt: %2; setzen Sie es dort zuerst zurück (Geerbten Wert verwenden) und speichern Sie</numerusform>
            <numerusform>Merkmal „%1“ ist in %n Tarifen gesetzt: %2; setzen Sie es dort zuerst zurück (Geerbten Wert verwenden) und speichern Sie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::PlansPage</name>
    <message>
        <source>Plans</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Each column is a plan, each row a feature. Bold values are set on the plan; grey ones come from the plan it inherits from or the feature&apos;s default. Changes are kept until you save them.</source>
        <translation>Jede Spalte ist ein Tarif, jede Zeile ein Merkmal. Fette Werte sind im Tarif gesetzt; graue stammen aus dem Tarif, von dem er erbt, oder sind der Standardwert des Merkmals. Änderungen bleiben erhalten, bis Sie sie speichern.</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <source>New &amp;plan…</source>
        <translation>Neuer &amp;Tarif …</translation>
    </message>
    <message>
        <source>&amp;Edit plan…</source>
        <translation>Tarif &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>Tarif löschen</translation>
    </message>
    <message>
        <source>New &amp;feature…</source>
        <translation>Neues &amp;Merkmal …</translation>
    </message>
    <message>
        <source>Edit feature…</source>
        <translation>Merkmal bearbeiten …</translation>
    </message>
    <message>
        <source>Use &amp;inherited value</source>
        <translation>&amp;Geerbten Wert verwenden</translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Reading the plans failed: %1</source>
        <translation>Das Lesen der Tarife ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No plans yet: add one with New plan.</source>
        <translation>Noch keine Tarife: Legen Sie einen mit „Neuer Tarif“ an.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n change(s).</source>
        <translation>
            <numerusform>%n Änderung gespeichert.</numerusform>
            <numerusform>%n Änderungen gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The matrix has changes that are not saved. Save them first?</source>
        <translation>Die Matrix hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>Plan “%1” added.</source>
        <translation>Tarif „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Plan “%1” saved.</source>
        <translation>Tarif „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete plan “%1”?</source>
        <translation>Tarif „%1“ löschen?</translation>
    </message>
    <message>
        <source>Plan “%1” deleted.</source>
        <translation>Tarif „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Feature “%1” added.</source>
        <translation>Merkmal „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Feature “%1” saved.</source>
        <translation>Merkmal „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete feature</source>
        <translation>Merkmal löschen</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Delete a plan or a feature</source>
        <translation>Einen Tarif oder ein Merkmal löschen</translation>
    </message>
    <message>
        <source>Delete feature “%1” (%2)? It is removed from every plan.</source>
        <translation>Merkmal „%1“ (%2) löschen? Es wird aus allen Tarifen entfernt.</translation>
    </message>
    <message>
        <source>Feature “%1” deleted.</source>
        <translation>Merkmal „%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>md::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect after MerchantDesk is restarted.</source>
        <translation>Eine neue Sprache wird nach einem Neustart von MerchantDesk wirksam.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>md::PricingApplier</name>
    <message>
        <source>The SQLite driver does not expose its database handle</source>
        <translation>Der SQLite-Treiber gibt sein Datenbank-Handle nicht frei</translation>
    </message>
    <message>
        <source>Updating the price of product %1: %2</source>
        <translation>Fehler beim Aktualisieren des Preises von Produkt %1: %2</translation>
    </message>
    <message>
        <source>Recording the run: %1</source>
        <translation>Fehler beim Aufzeichnen des Laufs: %1</translation>
    </message>
</context>
<context>
    <name>md::PricingHistoryPanel</name>
    <message>
        <source>Price history: select a product in the table</source>
        <translation>Preisverlauf: Wählen Sie ein Produkt in der Tabelle</translation>
    </message>
    <message>
        <source>Price history of %1 could not be read: %2</source>
        <translation>Der Preisverlauf von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no price changes recorded yet</source>
        <translation>%1: noch keine Preisänderungen aufgezeichnet</translation>
    </message>
    <message>
        <source>%1: price changes recorded: %2</source>
        <translation>%1: aufgezeichnete Preisänderungen: %2</translation>
    </message>
</context>
<context>
    <name>md::PricingJob</name>
    <message>
        <source>Repricing</source>
        <translation>Preisanpassung</translation>
    </message>
    <message>
        <source>Repricing skipped, nothing changed: %1</source>
        <translation>Preisanpassung übersprungen, nichts geändert: %1</translation>
    </message>
    <message>
        <source>Pulling the inventory feed %1</source>
        <translation>Der Bestands-Feed %1 wird abgerufen</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>Repricing failed, nothing changed: %1</source>
        <translation>Preisanpassung fehlgeschlagen, nichts geändert: %1</translation>
    </message>
    <message>
        <source>No price changes.</source>
        <translation>Keine Preisänderungen.</translation>
    </message>
    <message>
        <source>Storing the repricing proposal failed, nothing changed: %1</source>
        <translation>Das Speichern des Preisvorschlags ist fehlgeschlagen, nichts geändert: %1</translation>
    </message>
    <message>
        <source>Prepared %1 price changes (%2 up, %3 down) for approval as proposal %4.</source>
        <translation>%1 Preisänderungen (%2 erhöht, %3 gesenkt) als Vorschlag %4 zur Freigabe vorbereitet.</translation>
    </message>
    <message>
        <source>Applying the prices failed, nothing changed: %1</source>
        <translation>Das Anwenden der Preise ist fehlgeschlagen, nichts geändert: %1</translation>
    </message>
    <message>
        <source>Applied %1 price changes (%2 up, %3 down) as run %4.</source>
        <translation>%1 Preisänderungen (%2 erhöht, %3 gesenkt) als Lauf %4 angewendet.</translation>
    </message>
    <message>
        <source>%1 products whose price changed meanwhile were left alone.</source>
        <translation>%1 Produkte, deren Preis sich zwischenzeitlich geändert hat, wurden nicht angetastet.</translation>
    </message>
</context>
<context>
    <name>md::PricingPage</name>
    <message>
        <source>Repricing</source>
        <translation>Preisanpassung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Preview and Apply</source>
        <translation>Vorschau und Übernehmen</translation>
    </message>
    <message>
        <source>Rules and Schedule</source>
        <translation>Regeln und Zeitplan</translation>
    </message>
    <message>
        <source>Runs and Undo</source>
        <translation>Läufe und Rückgängig</translation>
    </message>
    <message>
        <source>The stored rules could not be read: %1</source>
        <translation>Die gespeicherten Regeln konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The shop database could not be opened: %1</source>
        <translation>Die Shop-Datenbank konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Demand derived from sales: %1 products sold in the last 28 days; %2 scores changed. Compute the preview again to see the effect.</source>
        <translation>Nachfrage aus den Verkäufen abgeleitet: %1 Produkte in den letzten 28 Tagen verkauft; %2 Werte geändert. Berechnen Sie die Vorschau erneut, um die Wirkung zu sehen.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The preview was not computed: %1</source>
        <translation>Die Vorschau wurde nicht berechnet: %1</translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation>Vorschau wird berechnet…</translation>
    </message>
    <message>
        <source>Change these prices in the shop now?

Prices that change: %1 (%2 up, %3 down).
They change in one step, and the run can be undone as a whole on the &quot;Runs and Undo&quot; tab.</source>
        <translation>Diese Preise jetzt im Shop ändern?

Preise, die sich ändern: %1 (%2 höher, %3 niedriger).
Sie ändern sich in einem Schritt, und der Lauf kann auf dem Reiter „Läufe und Rückgängig“ als Ganzes rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Apply Price Changes</source>
        <translation>Preisänderungen übernehmen</translation>
    </message>
    <message>
        <source>Applying the price changes…</source>
        <translation>Preisänderungen werden übernommen…</translation>
    </message>
    <message>
        <source>Derive Demand from Sales</source>
        <translation>Nachfrage aus Verkäufen ableiten</translation>
    </message>
    <message>
        <source>Replace the demand score of every product by the score its sales of the last 28 days give?</source>
        <translation>Den Nachfragewert jedes Produkts durch den Wert ersetzen, den seine Verkäufe der letzten 28 Tage ergeben?</translation>
    </message>
    <message>
        <source>Deriving demand from sales…</source>
        <translation>Nachfrage wird aus den Verkäufen abgeleitet…</translation>
    </message>
    <message>
        <source>Undo Run</source>
        <translation>Lauf rückgängig machen</translation>
    </message>
    <message>
        <source>Put back the prices run %1 changed (%2 changes)?

Products whose price changed again since are left alone and listed.</source>
        <translation>Die von Lauf %1 geänderten Preise zurücksetzen (%2 Änderungen)?

Produkte, deren Preis sich seitdem erneut geändert hat, bleiben unverändert und werden aufgelistet.</translation>
    </message>
    <message>
        <source>Undoing run %1…</source>
        <translation>Lauf %1 wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Run %1 was not undone: %2</source>
        <translation>Lauf %1 wurde nicht rückgängig gemacht: %2</translation>
    </message>
    <message>
        <source>Applying the approved changes…</source>
        <translation>Freigegebene Änderungen werden übernommen…</translation>
    </message>
    <message>
        <source>The proposal was not applied: %1</source>
        <translation>Der Vorschlag wurde nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Discard Proposal</source>
        <translation>Vorschlag verwerfen</translation>
    </message>
    <message>
        <source>Discard the price changes the scheduled run prepared? Prices stay as they are.</source>
        <translation>Die vom geplanten Lauf vorbereiteten Preisänderungen verwerfen? Die Preise bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>The proposal was discarded; no price changed.</source>
        <translation>Der Vorschlag wurde verworfen; kein Preis hat sich geändert.</translation>
    </message>
</context>
<context>
    <name>md::PricingPreviewModel</name>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>Nachfrage</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Limited by</source>
        <translation>Begrenzt durch</translation>
    </message>
    <message>
        <source>Margin before</source>
        <translation>Marge vorher</translation>
    </message>
    <message>
        <source>Margin after</source>
        <translation>Marge nachher</translation>
    </message>
    <message>
        <source>Lowest 30 days</source>
        <translation>Tiefstpreis 30 Tage</translation>
    </message>
</context>
<context>
    <name>md::PricingPreviewPanel</name>
    <message>
        <source>Compute Preview</source>
        <translation>Vorschau berechnen</translation>
    </message>
    <message>
        <source>Work out the new price of every product with the rules on the &quot;Rules and Schedule&quot; tab; nothing changes until you apply</source>
        <translation>Den neuen Preis jedes Produkts mit den Regeln auf dem Reiter „Regeln und Zeitplan“ berechnen; nichts ändert sich, bevor Sie übernehmen</translation>
    </message>
    <message>
        <source>All price changes</source>
        <translation>Alle Preisänderungen</translation>
    </message>
    <message>
        <source>Increases</source>
        <translation>Erhöhungen</translation>
    </message>
    <message>
        <source>Decreases</source>
        <translation>Senkungen</translation>
    </message>
    <message>
        <source>Capped by a limit</source>
        <translation>Durch eine Grenze begrenzt</translation>
    </message>
    <message>
        <source>Every product (also unchanged and skipped)</source>
        <translation>Jedes Produkt (auch unveränderte und übersprungene)</translation>
    </message>
    <message>
        <source>Search SKU or title</source>
        <translation>Artikelnummer oder Titel suchen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Tick All</source>
        <translation>Alle anhaken</translation>
    </message>
    <message>
        <source>Tick None</source>
        <translation>Keine anhaken</translation>
    </message>
    <message>
        <source>Tick Selected Only</source>
        <translation>Nur Ausgewählte anhaken</translation>
    </message>
    <message>
        <source>Approve only the rows selected in the table</source>
        <translation>Nur die in der Tabelle ausgewählten Zeilen freigeben</translation>
    </message>
    <message>
        <source>Lock Selected Products</source>
        <translation>Ausgewählte Produkte sperren</translation>
    </message>
    <message>
        <source>Never reprice the selected products (unlock them on the &quot;Rules and Schedule&quot; tab)</source>
        <translation>Die Preise der ausgewählten Produkte nie anpassen (entsperren auf dem Reiter „Regeln und Zeitplan“)</translation>
    </message>
    <message>
        <source>No preview yet. &quot;Compute Preview&quot; works out the new prices; nothing changes in the shop until you apply them.</source>
        <translation>Noch keine Vorschau. „Vorschau berechnen“ ermittelt die neuen Preise; im Shop ändert sich nichts, bevor Sie sie übernehmen.</translation>
    </message>
    <message>
        <source>Shown: %1 rows, %2 up, %3 down, %4 capped by a limit; average change %5 %.</source>
        <translation>Angezeigt: %1 Zeilen, %2 höher, %3 niedriger, %4 durch eine Grenze begrenzt; durchschnittliche Änderung %5 %.</translation>
    </message>
    <message>
        <source>All products: %1 changes (%2 up, %3 down), %4 unchanged, %5 skipped.</source>
        <translation>Alle Produkte: %1 Änderungen (%2 höher, %3 niedriger), %4 unverändert, %5 übersprungen.</translation>
    </message>
    <message>
        <source>Apply Ticked Changes (%1)…</source>
        <translation>Angehakte Änderungen übernehmen (%1)…</translation>
    </message>
</context>
<context>
    <name>md::PricingPreviewWriter</name>
    <message>
        <source>Cannot write the preview: %1</source>
        <translation>Die Vorschau kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>Nachfrage</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Price changes: %1 of %2 products (%3 up, %4 down, %5 capped); average change %6 %</source>
        <translation>Preisänderungen: %1 von %2 Produkten (%3 erhöht, %4 gesenkt, %5 begrenzt); durchschnittliche Änderung %6 %</translation>
    </message>
    <message>
        <source>%1 products were skipped (locked, cool-down, over the run limit or missing prices).</source>
        <translation>%1 Produkte wurden übersprungen (gesperrt, in der Sperrfrist, über dem Limit pro Lauf oder ohne Preise).</translation>
    </message>
</context>
<context>
    <name>md::PricingProposalBanner</name>
    <message>
        <source>Review and Approve…</source>
        <translation>Prüfen und freigeben…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>A scheduled run on %1 prepared price changes for your approval: %2.</source>
        <translation>Ein geplanter Lauf am %1 hat Preisänderungen zu Ihrer Freigabe vorbereitet: %2.</translation>
    </message>
</context>
<context>
    <name>md::PricingProposalStore</name>
    <message>
        <source>An undo cannot be proposed</source>
        <translation>Ein Rückgängigmachen kann nicht vorgeschlagen werden</translation>
    </message>
    <message>
        <source>replaced by a newer proposal</source>
        <translation>durch einen neueren Vorschlag ersetzt</translation>
    </message>
    <message>
        <source>Storing the proposal: %1</source>
        <translation>Fehler beim Speichern des Vorschlags: %1</translation>
    </message>
    <message>
        <source>Reading the proposals: %1</source>
        <translation>Fehler beim Lesen der Vorschläge: %1</translation>
    </message>
    <message>
        <source>Reading proposal %1: %2</source>
        <translation>Fehler beim Lesen von Vorschlag %1: %2</translation>
    </message>
    <message>
        <source>There is no price proposal %1</source>
        <translation>Es gibt keinen Preisvorschlag %1</translation>
    </message>
    <message>
        <source>Proposal %1 was %2 already</source>
        <translation>Vorschlag %1 wurde bereits %2</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Proposal %1 is not pending</source>
        <translation>Vorschlag %1 ist nicht offen</translation>
    </message>
</context>
<context>
    <name>md::PricingReason</name>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Low stock (%1), demand %2: </source>
        <translation>Niedriger Bestand (%1), Nachfrage %2: </translation>
    </message>
    <message>
        <source>Normal stock (%1), demand %2: </source>
        <translation>Normaler Bestand (%1), Nachfrage %2: </translation>
    </message>
    <message>
        <source>Overstock (%1) and no demand: %2 % markdown</source>
        <translation>Überbestand (%1) und keine Nachfrage: %2 % Preisnachlass</translation>
    </message>
    <message>
        <source>Stock %1 above the high threshold (%2): held</source>
        <translation>Bestand %1 über der oberen Schwelle (%2): beibehalten</translation>
    </message>
    <message>
        <source>, capped at %1 %</source>
        <translation>, begrenzt auf %1 %</translation>
    </message>
    <message>
        <source>; raised to the floor (%1)</source>
        <translation>; auf die Preisuntergrenze angehoben (%1)</translation>
    </message>
    <message>
        <source>; lowered to the maximum price %1</source>
        <translation>; auf den Höchstpreis %1 gesenkt</translation>
    </message>
    <message>
        <source>; charm-rounded to %1</source>
        <translation>; auf den Schwellenpreis %1 gerundet</translation>
    </message>
    <message>
        <source>; the price stays %1</source>
        <translation>; der Preis bleibt %1</translation>
    </message>
    <message>
        <source>; left out: over the limit of %1 changes per run</source>
        <translation>; ausgelassen: über dem Limit von %1 Änderungen pro Lauf</translation>
    </message>
    <message>
        <source>Category &quot;%1&quot; is locked: not repriced</source>
        <translation>Kategorie „%1“ ist gesperrt: nicht neu bepreist</translation>
    </message>
    <message>
        <source>Price changed %1 h ago, within the %2 h cool-down: not repriced</source>
        <translation>Preis vor %1 h geändert, innerhalb der Sperrfrist von %2 h: nicht neu bepreist</translation>
    </message>
    <message>
        <source>Floor %1 (%2) is above the maximum price %3: not repriced</source>
        <translation>Preisuntergrenze %1 (%2) liegt über dem Höchstpreis %3: nicht neu bepreist</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>Price locked: not repriced</source>
        <translation>Preis gesperrt: nicht neu bepreist</translation>
    </message>
    <message>
        <source>Base price is 0: not repriced</source>
        <translation>Grundpreis ist 0: nicht neu bepreist</translation>
    </message>
    <message>
        <source>No cost and no minimum price: not repriced, nothing protects the margin</source>
        <translation>Kein Einkaufspreis und kein Mindestpreis: nicht neu bepreist, nichts schützt die Marge</translation>
    </message>
    <message>
        <source>cap</source>
        <translation>Begrenzung</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>Preisuntergrenze</translation>
    </message>
    <message>
        <source>maximum price</source>
        <translation>Höchstpreis</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Einkaufspreis %1</translation>
    </message>
    <message>
        <source>cost %1 + %2 % margin</source>
        <translation>Einkaufspreis %1 + %2 % Marge</translation>
    </message>
    <message>
        <source>minimum price %1</source>
        <translation>Mindestpreis %1</translation>
    </message>
    <message>
        <source>Out of stock (%1), demand %2: </source>
        <translation>Nicht vorrätig (%1), Nachfrage %2: </translation>
    </message>
</context>
<context>
    <name>md::PricingReportText</name>
    <message>
        <source>Preview as of %1: %2 products looked at, %3 prices would change. Nothing has changed in the shop yet.</source>
        <translation>Vorschau vom %1: %2 Produkte geprüft, %3 Preise würden sich ändern. Im Shop hat sich noch nichts geändert.</translation>
    </message>
    <message>
        <source>It uses the rules in the editor, which are not saved yet.</source>
        <translation>Sie verwendet die Regeln im Editor, die noch nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Price changes applied: %1 (run %2).</source>
        <translation>Übernommene Preisänderungen: %1 (Lauf %2).</translation>
    </message>
    <message>
        <source>Left alone because their price changed since the preview: %1.</source>
        <translation>Unverändert gelassen, weil sich ihr Preis seit der Vorschau geändert hat: %1.</translation>
    </message>
    <message>
        <source>Left alone because their price changed since the proposal: %1.</source>
        <translation>Unverändert gelassen, weil sich ihr Preis seit dem Vorschlag geändert hat: %1.</translation>
    </message>
    <message>
        <source>Undid run %1 as run %2; prices restored: %3.</source>
        <translation>Lauf %1 als Lauf %2 rückgängig gemacht; wiederhergestellte Preise: %3.</translation>
    </message>
    <message>
        <source>Left alone because their price changed since: %1.</source>
        <translation>Unverändert gelassen, weil sich ihr Preis seitdem geändert hat: %1.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>%1: deleted since</source>
        <translation>%1: inzwischen gelöscht</translation>
    </message>
    <message>
        <source>%1: now %2 (expected %3)</source>
        <translation>%1: jetzt %2 (erwartet %3)</translation>
    </message>
</context>
<context>
    <name>md::PricingRuleStore</name>
    <message>
        <source>Reading the repricing rules: %1</source>
        <translation>Fehler beim Lesen der Preisregeln: %1</translation>
    </message>
    <message>
        <source>The stored repricing rule %1 is not valid: %2</source>
        <translation>Die gespeicherte Preisregel %1 ist ungültig: %2</translation>
    </message>
    <message>
        <source>Reading the locked categories: %1</source>
        <translation>Fehler beim Lesen der gesperrten Kategorien: %1</translation>
    </message>
    <message>
        <source>Saving the repricing rules: %1</source>
        <translation>Fehler beim Speichern der Preisregeln: %1</translation>
    </message>
    <message>
        <source>Saving the locked categories: %1</source>
        <translation>Fehler beim Speichern der gesperrten Kategorien: %1</translation>
    </message>
    <message>
        <source>Reading the locked products: %1</source>
        <translation>Fehler beim Lesen der gesperrten Produkte: %1</translation>
    </message>
    <message>
        <source>Unlocking product %1: %2</source>
        <translation>Fehler beim Entsperren von Produkt %1: %2</translation>
    </message>
    <message>
        <source>There is no product with id %1 to lock</source>
        <translation>Es gibt kein Produkt mit der ID %1 zum Sperren</translation>
    </message>
    <message>
        <source>Locking product %1: %2</source>
        <translation>Fehler beim Sperren von Produkt %1: %2</translation>
    </message>
</context>
<context>
    <name>md::PricingRules</name>
    <message>
        <source>Low stock threshold</source>
        <translation>Schwelle für niedrigen Bestand</translation>
    </message>
    <message>
        <source>High stock threshold</source>
        <translation>Schwelle für hohen Bestand</translation>
    </message>
    <message>
        <source>Price step per demand point (%)</source>
        <translation>Preisschritt pro Nachfragepunkt (%)</translation>
    </message>
    <message>
        <source>Largest move per run (%)</source>
        <translation>Größte Änderung pro Lauf (%)</translation>
    </message>
    <message>
        <source>Minimum margin over cost (%)</source>
        <translation>Mindestmarge über Einkaufspreis (%)</translation>
    </message>
    <message>
        <source>Overstock markdown</source>
        <translation>Preisnachlass bei Überbestand</translation>
    </message>
    <message>
        <source>Overstock markdown (%)</source>
        <translation>Preisnachlass bei Überbestand (%)</translation>
    </message>
    <message>
        <source>Charm rounding</source>
        <translation>Schwellenpreis-Rundung</translation>
    </message>
    <message>
        <source>Cool-down (hours)</source>
        <translation>Sperrfrist (Stunden)</translation>
    </message>
    <message>
        <source>Most changes per run</source>
        <translation>Höchstzahl Änderungen pro Lauf</translation>
    </message>
    <message>
        <source>Locked categories</source>
        <translation>Gesperrte Kategorien</translation>
    </message>
    <message>
        <source>%1 must be a whole number ≥ 0, not &quot;%2&quot;</source>
        <translation>%1 muss eine ganze Zahl ≥ 0 sein, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 0 to %2, not &quot;%3&quot;</source>
        <translation>%1 muss eine ganze Zahl von 0 bis %2 sein, nicht „%3“</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to %2 with at most two decimals, not &quot;%3&quot;</source>
        <translation>%1 muss eine Zahl von 0 bis %2 mit höchstens zwei Nachkommastellen sein, nicht „%3“</translation>
    </message>
    <message>
        <source>%1 must be true or false, not &quot;%2&quot;</source>
        <translation>%1 muss true oder false sein, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 must be none, .99 or .95, not &quot;%2&quot;</source>
        <translation>%1 muss none, .99 oder .95 sein, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 (%2) must not be below the %3 (%4)</source>
        <translation>%1 (%2) darf nicht unter „%3“ (%4) liegen</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to %2</source>
        <translation>%1 muss eine Zahl von 0 bis %2 sein</translation>
    </message>
    <message>
        <source>%1 must be above 0 when the markdown is on</source>
        <translation>%1 muss über 0 liegen, wenn der Preisnachlass eingeschaltet ist</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 0 to %2</source>
        <translation>%1 muss eine ganze Zahl von 0 bis %2 sein</translation>
    </message>
</context>
<context>
    <name>md::PricingRulesPanel</name>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Changed, not saved yet. &quot;Compute Preview&quot; already uses the rules as shown here.</source>
        <translation>Geändert, noch nicht gespeichert. „Vorschau berechnen“ verwendet bereits die hier angezeigten Regeln.</translation>
    </message>
    <message>
        <source>Save Rules</source>
        <translation>Regeln speichern</translation>
    </message>
    <message>
        <source>Store the rules in the shop database: scheduled runs and the command line use them too</source>
        <translation>Die Regeln in der Shop-Datenbank speichern: geplante Läufe und die Kommandozeile verwenden sie ebenfalls</translation>
    </message>
    <message>
        <source>Undo Edits</source>
        <translation>Bearbeitung verwerfen</translation>
    </message>
    <message>
        <source>Playbook Defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>Locked products</source>
        <translation>Gesperrte Produkte</translation>
    </message>
    <message>
        <source>Unlock Selected</source>
        <translation>Ausgewählte entsperren</translation>
    </message>
    <message>
        <source>Lock products from the preview table (&quot;Lock Selected Products&quot;); they are never repriced.</source>
        <translation>Sperren Sie Produkte in der Vorschautabelle („Ausgewählte Produkte sperren“); ihre Preise werden nie angepasst.</translation>
    </message>
    <message>
        <source>How the rules work</source>
        <translation>So funktionieren die Regeln</translation>
    </message>
    <message>
        <source>&lt;p&gt;For each product, with its &lt;b&gt;current&lt;/b&gt; price, its &lt;b&gt;base&lt;/b&gt; price, its &lt;b&gt;stock&lt;/b&gt; and its &lt;b&gt;demand&lt;/b&gt; score (0 to 10):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;stock &lt;b&gt;below the low threshold&lt;/b&gt;: new price = current + base × step × demand;&lt;/li&gt;&lt;li&gt;stock &lt;b&gt;between the thresholds&lt;/b&gt;: new price = base + base × step × demand;&lt;/li&gt;&lt;li&gt;stock &lt;b&gt;above the high threshold&lt;/b&gt;: the price is held (or marked down by the overstock markdown when the demand is 0).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Then the move is &lt;b&gt;capped&lt;/b&gt; at the largest move per run (up or down), and two guard rails win over the cap: never below the &lt;b&gt;floor&lt;/b&gt; (the higher of the product&apos;s minimum price and cost plus the minimum margin) and never above the product&apos;s &lt;b&gt;maximum price&lt;/b&gt;. The result is rounded to the cent. A product whose price would not change gets no decision.&lt;/p&gt;&lt;p&gt;Products without cost and without minimum price, with base price 0, or whose floor is above their maximum price are skipped, with the reason in the preview.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Derive demand from sales&lt;/b&gt; sets every product&apos;s demand score from its completed orders: with &lt;i&gt;r&lt;/i&gt; the units sold in the last 14 days and &lt;i&gt;p&lt;/i&gt; the units sold in the 14 days before,&lt;br&gt;&lt;b&gt;demand = 10 × r / (r + p + 2)&lt;/b&gt;, rounded to two decimals. Steady sales score about 5, sales that only happen now approach 10, a product that stopped selling scores 0; the &quot;+ 2&quot; keeps a single sale from looking like a trend.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Für jedes Produkt, mit seinem &lt;b&gt;aktuellen&lt;/b&gt; Preis, seinem &lt;b&gt;Grundpreis&lt;/b&gt;, seinem &lt;b&gt;Bestand&lt;/b&gt; und seinem &lt;b&gt;Nachfragewert&lt;/b&gt; (0 bis 10):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Bestand &lt;b&gt;unter der unteren Schwelle&lt;/b&gt;: neuer Preis = aktueller Preis + Grundpreis × Schritt × Nachfrage;&lt;/li&gt;&lt;li&gt;Bestand &lt;b&gt;zwischen den Schwellen&lt;/b&gt;: neuer Preis = Grundpreis + Grundpreis × Schritt × Nachfrage;&lt;/li&gt;&lt;li&gt;Bestand &lt;b&gt;über der oberen Schwelle&lt;/b&gt;: Der Preis bleibt gleich (oder wird durch die Überbestands-Herabsetzung gesenkt, wenn die Nachfrage 0 ist).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Dann wird die Bewegung auf die größte Änderung pro Lauf &lt;b&gt;begrenzt&lt;/b&gt; (nach oben oder unten), und zwei Schutzgrenzen gehen der Begrenzung vor: nie unter der &lt;b&gt;Untergrenze&lt;/b&gt; (dem höheren Wert aus dem Mindestpreis des Produkts und den Kosten plus Mindestmarge) und nie über dem &lt;b&gt;Höchstpreis&lt;/b&gt; des Produkts. Das Ergebnis wird auf den Cent gerundet. Ein Produkt, dessen Preis sich nicht ändern würde, erhält keine Entscheidung.&lt;/p&gt;&lt;p&gt;Produkte ohne Kosten und ohne Mindestpreis, mit Grundpreis 0 oder deren Untergrenze über ihrem Höchstpreis liegt, werden übersprungen; der Grund steht in der Vorschau.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nachfrage aus Verkäufen ableiten&lt;/b&gt; setzt den Nachfragewert jedes Produkts aus seinen abgeschlossenen Bestellungen: mit &lt;i&gt;r&lt;/i&gt; den in den letzten 14 Tagen verkauften Stück und &lt;i&gt;p&lt;/i&gt; den in den 14 Tagen davor verkauften Stück,&lt;br&gt;&lt;b&gt;Nachfrage = 10 × r / (r + p + 2)&lt;/b&gt;, gerundet auf zwei Nachkommastellen. Gleichmäßige Verkäufe ergeben etwa 5, Verkäufe, die erst jetzt stattfinden, nähern sich 10, ein Produkt, das nicht mehr verkauft wird, ergibt 0; das „+ 2“ verhindert, dass ein einzelner Verkauf wie ein Trend aussieht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Derive Demand from Sales</source>
        <translation>Nachfrage aus Verkäufen ableiten</translation>
    </message>
    <message>
        <source>Replace every product&apos;s demand score by the score its sales of the last 28 days give</source>
        <translation>Den Nachfragewert jedes Produkts durch den Wert ersetzen, den seine Verkäufe der letzten 28 Tage ergeben</translation>
    </message>
    <message>
        <source>These are the saved rules.</source>
        <translation>Dies sind die gespeicherten Regeln.</translation>
    </message>
    <message>
        <source>The rules were not saved: %1</source>
        <translation>Die Regeln wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Rules saved. Scheduled runs and the command line use them from now on.</source>
        <translation>Regeln gespeichert. Geplante Läufe und die Kommandozeile verwenden sie ab jetzt.</translation>
    </message>
    <message>
        <source>Products locked: %1. The next preview leaves them alone.</source>
        <translation>Gesperrte Produkte: %1. Die nächste Vorschau lässt sie unverändert.</translation>
    </message>
    <message>
        <source>Products unlocked: %1.</source>
        <translation>Entsperrte Produkte: %1.</translation>
    </message>
</context>
<context>
    <name>md::PricingRunInfo</name>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>md::PricingRunStore</name>
    <message>
        <source>Reading the repricing runs: %1</source>
        <translation>Fehler beim Lesen der Preisanpassungsläufe: %1</translation>
    </message>
    <message>
        <source>Reading run %1: %2</source>
        <translation>Fehler beim Lesen von Lauf %1: %2</translation>
    </message>
    <message>
        <source>There is no repricing run %1</source>
        <translation>Es gibt keinen Preisanpassungslauf %1</translation>
    </message>
    <message>
        <source>Reading the changes of run %1: %2</source>
        <translation>Fehler beim Lesen der Änderungen von Lauf %1: %2</translation>
    </message>
    <message>
        <source>Reading the price history: %1</source>
        <translation>Fehler beim Lesen des Preisverlaufs: %1</translation>
    </message>
    <message>
        <source>Reading the current price: %1</source>
        <translation>Aktueller Preis wird gelesen: %1</translation>
    </message>
    <message>
        <source>There is no product %1</source>
        <translation>Es gibt kein Produkt %1</translation>
    </message>
    <message>
        <source>Run %1 is itself an undo (of run %2); reprice again instead</source>
        <translation>Lauf %1 macht selbst etwas rückgängig (Lauf %2); passen Sie die Preise stattdessen neu an</translation>
    </message>
    <message>
        <source>Run %1 was undone already</source>
        <translation>Lauf %1 wurde bereits rückgängig gemacht</translation>
    </message>
    <message>
        <source>Undoing run %1: %2</source>
        <translation>Fehler beim Rückgängigmachen von Lauf %1: %2</translation>
    </message>
    <message>
        <source>Undo of run %1</source>
        <translation>Rückgängigmachen von Lauf %1</translation>
    </message>
</context>
<context>
    <name>md::PricingRunsModel</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Started from</source>
        <translation>Gestartet über</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Undid run %1</source>
        <translation>Hat Lauf %1 rückgängig gemacht</translation>
    </message>
    <message>
        <source>Undone on %1</source>
        <translation>Rückgängig gemacht am %1</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation>Gestartet %1, beendet %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <source>Can be undone on this tab</source>
        <translation>Kann auf diesem Reiter rückgängig gemacht werden</translation>
    </message>
    <message>
        <source>An undo cannot be undone itself</source>
        <translation>Ein Rückgängigmachen lässt sich nicht selbst rückgängig machen</translation>
    </message>
    <message>
        <source>Already undone</source>
        <translation>Bereits rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>md::PricingRunsPanel</name>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Old price</source>
        <translation>Alter Preis</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Neuer Preis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Undo Run…</source>
        <translation>Lauf rückgängig machen…</translation>
    </message>
    <message>
        <source>Put back the prices of the selected run; products changed again since are left alone and listed</source>
        <translation>Die Preise des ausgewählten Laufs zurücksetzen; seitdem erneut geänderte Produkte bleiben unverändert und werden aufgelistet</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Changes of the selected run:</source>
        <translation>Änderungen des ausgewählten Laufs:</translation>
    </message>
    <message>
        <source>The runs could not be read: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Changes of the selected run (the first %1 of %2):</source>
        <translation>Änderungen des ausgewählten Laufs (die ersten %1 von %2):</translation>
    </message>
</context>
<context>
    <name>md::PricingService</name>
    <message>
        <source>Reading products</source>
        <translation>Produkte werden gelesen</translation>
    </message>
    <message>
        <source>Computing prices</source>
        <translation>Preise werden berechnet</translation>
    </message>
</context>
<context>
    <name>md::PricingTask</name>
    <message>
        <source>Applying prices</source>
        <translation>Preise werden angewendet</translation>
    </message>
    <message>
        <source>Deriving demand from sales</source>
        <translation>Nachfrage wird aus den Verkäufen ermittelt</translation>
    </message>
</context>
<context>
    <name>md::ProductLoader</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Reading the products: %1</source>
        <translation>Fehler beim Lesen der Produkte: %1</translation>
    </message>
    <message>
        <source>Reading the price locks: %1</source>
        <translation>Fehler beim Lesen der Preissperren: %1</translation>
    </message>
    <message>
        <source>Reading the price history: %1</source>
        <translation>Fehler beim Lesen des Preisverlaufs: %1</translation>
    </message>
</context>
<context>
    <name>md::ProposalDialog</name>
    <message>
        <source>Approve Proposed Prices</source>
        <translation>Vorgeschlagene Preise freigeben</translation>
    </message>
    <message>
        <source>A scheduled run prepared these price changes. Tick the ones to apply; they are applied in one step and can be undone as a run.</source>
        <translation>Ein geplanter Lauf hat diese Preisänderungen vorbereitet. Haken Sie die an, die übernommen werden sollen; sie werden in einem Schritt übernommen und können als Lauf rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Tick All</source>
        <translation>Alle anhaken</translation>
    </message>
    <message>
        <source>Tick None</source>
        <translation>Keine anhaken</translation>
    </message>
    <message>
        <source>Apply Ticked Changes (%1)</source>
        <translation>Angehakte Änderungen übernehmen (%1)</translation>
    </message>
</context>
<context>
    <name>md::ProposalTableModel</name>
    <message>
        <source>The price changed since the proposal was made; applying leaves it alone.</source>
        <translation>Der Preis hat sich seit dem Vorschlag geändert; beim Übernehmen bleibt er unverändert.</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Price then</source>
        <translation>Preis damals</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Price now</source>
        <translation>Preis jetzt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>md::RecommendCommand</name>
    <message>
        <source>Recommend products for a cart of SKUs from the newest cross-sell rules</source>
        <translation>Produkte für einen Warenkorb aus Artikelnummern anhand der neuesten Cross-Selling-Regeln empfehlen</translation>
    </message>
    <message>
        <source>How many products to recommend</source>
        <translation>Wie viele Produkte empfohlen werden</translation>
    </message>
    <message>
        <source>recommend: give the SKUs in the cart, e.g. recommend MUG-1,TEA-2</source>
        <translation>recommend: geben Sie die Artikelnummern im Warenkorb an, z. B. recommend MUG-1,TEA-2</translation>
    </message>
    <message>
        <source>recommend: --limit &quot;%1&quot; is not a positive whole number</source>
        <translation>recommend: --limit „%1“ ist keine positive ganze Zahl</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no cross-sell rules have been mined yet; run &quot;%2 crosssell&quot; first</source>
        <translation>%1: Es wurden noch keine Cross-Selling-Regeln ermittelt; führen Sie zuerst „%2 crosssell“ aus</translation>
    </message>
    <message>
        <source>No recommendations: no rule of run %1 starts from these products, or every product they lead to is in the cart or out of stock.
</source>
        <translation>Keine Empfehlungen: Keine Regel von Lauf %1 geht von diesen Produkten aus, oder jedes Produkt, zu dem sie führen, liegt im Warenkorb oder ist nicht vorrätig.
</translation>
    </message>
    <message>
        <source>%1. %2  %3  (score %4: bought with %5 in %6% of its orders, lift %7)
</source>
        <translation>%1. %2  %3  (Punktzahl %4: mit %5 in %6 % seiner Bestellungen gekauft, Lift %7)
</translation>
    </message>
</context>
<context>
    <name>md::RepriceCommand</name>
    <message>
        <source>Compute new prices with the stored repricing rules and apply them as one run that can be undone (or only show them with --dry-run)</source>
        <translation>Neue Preise mit den gespeicherten Preisregeln berechnen und als ein Lauf anwenden, der sich rückgängig machen lässt (oder mit --dry-run nur anzeigen)</translation>
    </message>
    <message>
        <source>Only show the decisions; change nothing</source>
        <translation>Nur die Entscheidungen anzeigen; nichts ändern</translation>
    </message>
    <message>
        <source>List every product with the reason, not only the changes</source>
        <translation>Jedes Produkt mit Begründung auflisten, nicht nur die Änderungen</translation>
    </message>
    <message>
        <source>Output format: table, csv or json</source>
        <translation>Ausgabeformat: table, csv oder json</translation>
    </message>
    <message>
        <source>Write the list to FILE instead of stdout</source>
        <translation>Die Liste in FILE statt auf stdout schreiben</translation>
    </message>
    <message>
        <source>reprice: --output needs a file name</source>
        <translation>reprice: --output braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: repricing is running in %2; nothing was changed</source>
        <translation>%1: die Preisanpassung läuft bereits in %2; es wurde nichts verändert</translation>
    </message>
    <message>
        <source>%1: the prices were not changed: %2</source>
        <translation>%1: die Preise wurden nicht geändert: %2</translation>
    </message>
    <message>
        <source>reprice: %1 was left alone: its price changed to %2 after the preview (expected %3)</source>
        <translation>reprice: %1 wurde nicht angetastet: sein Preis änderte sich nach der Vorschau auf %2 (erwartet: %3)</translation>
    </message>
    <message>
        <source>nothing (deleted)</source>
        <translation>nichts (gelöscht)</translation>
    </message>
    <message>
        <source>Dry run: %1 price changes, nothing applied.</source>
        <translation>Probelauf: %1 Preisänderungen, nichts angewendet.</translation>
    </message>
    <message>
        <source>No price changes; no run was recorded.</source>
        <translation>Keine Preisänderungen; es wurde kein Lauf aufgezeichnet.</translation>
    </message>
    <message>
        <source>Applied %1 price changes as run %2 (undo: %3 reprice-undo %2).</source>
        <translation>%1 Preisänderungen als Lauf %2 angewendet (rückgängig machen: %3 reprice-undo %2).</translation>
    </message>
    <message>
        <source>%1 products changed meanwhile were left alone.</source>
        <translation>%1 zwischenzeitlich geänderte Produkte wurden nicht angetastet.</translation>
    </message>
    <message>
        <source>were applied as run %1</source>
        <translation>wurden als Lauf %1 angewendet</translation>
    </message>
    <message>
        <source>were not changed</source>
        <translation>wurden nicht geändert</translation>
    </message>
    <message>
        <source>reprice: %1 (%2%)</source>
        <translation>reprice: %1 (%2 %)</translation>
    </message>
    <message>
        <source>reprice: %1 (the prices %2)</source>
        <translation>reprice: %1 (die Preise %2)</translation>
    </message>
</context>
<context>
    <name>md::RepriceUndoCommand</name>
    <message>
        <source>Undo a repricing run: its prices go back, except where a price changed again since (those are listed, not overwritten)</source>
        <translation>Einen Preisanpassungslauf rückgängig machen: seine Preise werden zurückgesetzt, außer wo sich ein Preis seither erneut geändert hat (diese werden aufgelistet, nicht überschrieben)</translation>
    </message>
    <message>
        <source>reprice-undo: give the id of one run, such as reprice-undo 42 (reprice prints it)</source>
        <translation>reprice-undo: geben Sie die ID eines Laufs an, etwa reprice-undo 42 (reprice gibt sie aus)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: repricing is running in %2; nothing was changed</source>
        <translation>%1: die Preisanpassung läuft bereits in %2; es wurde nichts verändert</translation>
    </message>
    <message>
        <source>%1: %2; nothing was changed</source>
        <translation>%1: %2; es wurde nichts verändert</translation>
    </message>
    <message>
        <source>Undid run %1 as run %2: %3 prices restored.
</source>
        <translation>Lauf %1 als Lauf %2 rückgängig gemacht: %3 Preise wiederhergestellt.
</translation>
    </message>
    <message>
        <source>%1 products changed again since run %2 were left alone:
</source>
        <translation>%1 seit Lauf %2 erneut geänderte Produkte wurden nicht angetastet:
</translation>
    </message>
    <message>
        <source>  %1: now %2 (run %3 set %4)
</source>
        <translation>  %1: jetzt %2 (Lauf %3 setzte %4)
</translation>
    </message>
</context>
<context>
    <name>md::RfmPanel</name>
    <message>
        <source>Frequency score (5 = most orders)</source>
        <translation>Häufigkeitswert (5 = die meisten Bestellungen)</translation>
    </message>
    <message>
        <source>Recency score (5 = bought most recently)</source>
        <translation>Aktualitätswert (5 = zuletzt gekauft)</translation>
    </message>
    <message>
        <source>Customers are scored on their completed orders up to the end of this day (UTC)</source>
        <translation>Kunden werden nach ihren abgeschlossenen Bestellungen bis zum Ende dieses Tages (UTC) bewertet</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation>Anteil der Kunden</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>Umsatzanteil</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>&amp;Stand:</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>The RFM analysis failed: %1</source>
        <translation>Die RFM-Analyse ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Customers with a completed order up to the end of %1 (UTC): %2</source>
        <translation>Kunden mit einer abgeschlossenen Bestellung bis Ende %1 (UTC): %2</translation>
    </message>
</context>
<context>
    <name>md::RfmScoring</name>
    <message>
        <source>Champions</source>
        <translation>Champions</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>Potenzielle Stammkunden</translation>
    </message>
    <message>
        <source>Loyal customers</source>
        <translation>Treue Kunden</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Vielversprechend</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Neukunden</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>Nicht verlieren</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>Brauchen Aufmerksamkeit</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>Drohen einzuschlafen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>Im Winterschlaf</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>md::RfmService</name>
    <message>
        <source>RFM analysis: %1</source>
        <translation>RFM-Analyse: %1</translation>
    </message>
</context>
<context>
    <name>md::RfmStore</name>
    <message>
        <source>Reading the customers&apos; orders: %1</source>
        <translation>Fehler beim Lesen der Bestellungen der Kunden: %1</translation>
    </message>
</context>
<context>
    <name>md::RowAdapter</name>
    <message>
        <source>%1 files hold products, not %2</source>
        <translation>%1-Dateien enthalten Produkte, nicht %2</translation>
    </message>
</context>
<context>
    <name>md::RowConverter</name>
    <message>
        <source>a value is required</source>
        <translation>ein Wert ist erforderlich</translation>
    </message>
    <message>
        <source>%1:%2: %3: %4</source>
        <translation>%1:%2: %3: %4</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
</context>
<context>
    <name>md::RowCursor</name>
    <message>
        <source>The PostgreSQL driver does not expose its connection handle</source>
        <translation>Der PostgreSQL-Treiber gibt sein Verbindungs-Handle nicht frei</translation>
    </message>
    <message>
        <source>The SQLite driver does not expose its database handle</source>
        <translation>Der SQLite-Treiber gibt sein Datenbank-Handle nicht frei</translation>
    </message>
</context>
<context>
    <name>md::RuleEditor</name>
    <message>
        <source>Below this stock a product counts as scarce: its price rises with demand from the current price.</source>
        <translation>Unter diesem Bestand gilt ein Produkt als knapp: Sein Preis steigt mit der Nachfrage vom aktuellen Preis aus.</translation>
    </message>
    <message>
        <source>Above this stock the price is held (or marked down, see below).</source>
        <translation>Über diesem Bestand bleibt der Preis gleich (oder wird herabgesetzt, siehe unten).</translation>
    </message>
    <message>
        <source>How much of the base price one point of demand adds.</source>
        <translation>Wie viel vom Grundpreis ein Punkt Nachfrage hinzufügt.</translation>
    </message>
    <message>
        <source>The most one run moves a price, up or down, in percent of the current price.</source>
        <translation>Die größte Preisbewegung eines Laufs, nach oben oder unten, in Prozent des aktuellen Preises.</translation>
    </message>
    <message>
        <source>No price goes below cost plus this margin (nor below the product&apos;s minimum price).</source>
        <translation>Kein Preis fällt unter die Kosten plus diese Marge (noch unter den Mindestpreis des Produkts).</translation>
    </message>
    <message>
        <source>Lower the price of products above the high threshold that have no demand.</source>
        <translation>Den Preis von Produkten über der oberen Schwelle senken, die keine Nachfrage haben.</translation>
    </message>
    <message>
        <source>How much the markdown lowers the price.</source>
        <translation>Um wie viel die Herabsetzung den Preis senkt.</translation>
    </message>
    <message>
        <source>Move new prices to the nearest price ending in .99 or .95.</source>
        <translation>Neue Preise auf den nächsten Preis mit der Endung ,99 oder ,95 setzen.</translation>
    </message>
    <message>
        <source>Leave products alone whose price changed less than this many hours ago; 0 is off.</source>
        <translation>Produkte unverändert lassen, deren Preis sich vor weniger als so vielen Stunden geändert hat; 0 ist aus.</translation>
    </message>
    <message>
        <source>Keep only this many of the largest changes per run; 0 is no limit.</source>
        <translation>Nur so viele der größten Änderungen pro Lauf behalten; 0 ist keine Begrenzung.</translation>
    </message>
    <message>
        <source>Products of these categories are never repriced; one category a line.</source>
        <translation>Die Preise von Produkten dieser Kategorien werden nie angepasst; eine Kategorie pro Zeile.</translation>
    </message>
    <message>
        <source>Prices ending in .99</source>
        <translation>Preise mit der Endung ,99</translation>
    </message>
    <message>
        <source>Prices ending in .95</source>
        <translation>Preise mit der Endung ,95</translation>
    </message>
    <message>
        <source>No charm rounding</source>
        <translation>Keine Schwellenpreise</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>No locked categories</source>
        <translation>Keine gesperrten Kategorien</translation>
    </message>
    <message>
        <source>0 = off</source>
        <translation>0 = aus</translation>
    </message>
    <message>
        <source>0 = no limit</source>
        <translation>0 = unbegrenzt</translation>
    </message>
</context>
<context>
    <name>md::RuleTableModel</name>
    <message>
        <source>Confidence × lift: how the cart recommendations rank products</source>
        <translation>Konfidenz × Lift: danach ordnen die Warenkorb-Empfehlungen die Produkte</translation>
    </message>
    <message>
        <source>Completed orders holding both products</source>
        <translation>Abgeschlossene Bestellungen mit beiden Produkten</translation>
    </message>
    <message>
        <source>Share of all completed orders holding both products</source>
        <translation>Anteil aller abgeschlossenen Bestellungen mit beiden Produkten</translation>
    </message>
    <message>
        <source>Share of the orders with the first product that also hold the second</source>
        <translation>Anteil der Bestellungen mit dem ersten Produkt, die auch das zweite enthalten</translation>
    </message>
    <message>
        <source>How much likelier the second product is with the first than in any order; above 1 means they go together</source>
        <translation>Wie viel wahrscheinlicher das zweite Produkt mit dem ersten ist als in einer beliebigen Bestellung; über 1 heißt, sie gehören zusammen</translation>
    </message>
    <message>
        <source>Customers who bought</source>
        <translation>Kunden, die kauften</translation>
    </message>
    <message>
        <source>also bought</source>
        <translation>kauften auch</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
</context>
<context>
    <name>md::ScheduleEditor</name>
    <message>
        <source>Reprice automatically on a schedule</source>
        <translation>Preise automatisch nach Zeitplan anpassen</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>At these times of day:</source>
        <translation>Zu diesen Uhrzeiten:</translation>
    </message>
    <message>
        <source>e.g. 02:00, 14:30</source>
        <translation>z. B. 02:00, 14:30</translation>
    </message>
    <message>
        <source>Times in this computer&apos;s time zone, separated by commas</source>
        <translation>Uhrzeiten in der Zeitzone dieses Computers, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Only prepare the changes for my approval</source>
        <translation>Die Änderungen nur zu meiner Freigabe vorbereiten</translation>
    </message>
    <message>
        <source>Apply the changes directly</source>
        <translation>Die Änderungen direkt übernehmen</translation>
    </message>
    <message>
        <source>Save Schedule</source>
        <translation>Zeitplan speichern</translation>
    </message>
    <message>
        <source>Each scheduled run:</source>
        <translation>Jeder geplante Lauf:</translation>
    </message>
    <message>
        <source>The schedule can be set once the shop database is open in the main window.</source>
        <translation>Der Zeitplan kann festgelegt werden, sobald die Shop-Datenbank im Hauptfenster geöffnet ist.</translation>
    </message>
    <message>
        <source>Paused: no scheduled runs.</source>
        <translation>Angehalten: keine geplanten Läufe.</translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation>Nächster Lauf: %1</translation>
    </message>
    <message>
        <source>No next run.</source>
        <translation>Kein nächster Lauf.</translation>
    </message>
    <message>
        <source>Times of day: %1</source>
        <translation>Uhrzeiten: %1</translation>
    </message>
    <message>
        <source>The schedule was not saved: %1</source>
        <translation>Der Zeitplan wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Schedule saved.</source>
        <translation>Zeitplan gespeichert.</translation>
    </message>
</context>
<context>
    <name>md::ScheduleStore</name>
    <message>
        <source>The stored schedule of %1 is not valid: %2</source>
        <translation>Der gespeicherte Zeitplan von %1 ist ungültig: %2</translation>
    </message>
    <message>
        <source>Reading the schedule of %1: %2</source>
        <translation>Fehler beim Lesen des Zeitplans von %1: %2</translation>
    </message>
    <message>
        <source>Reading the schedules: %1</source>
        <translation>Fehler beim Lesen der Zeitpläne: %1</translation>
    </message>
    <message>
        <source>Saving the schedule of %1: %2</source>
        <translation>Fehler beim Speichern des Zeitplans von %1: %2</translation>
    </message>
    <message>
        <source>Recording the run of %1: %2</source>
        <translation>Fehler beim Aufzeichnen des Laufs von %1: %2</translation>
    </message>
</context>
<context>
    <name>md::SecretStore</name>
    <message>
        <source>The system keyring is not available: %1</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Cannot store the password in the system keyring: %1</source>
        <translation>Das Passwort kann nicht im System-Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot remove the password from the system keyring: %1</source>
        <translation>Das Passwort kann nicht aus dem System-Schlüsselbund entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>md::SegmentBuilderModel</name>
    <message>
        <source>All of these</source>
        <translation>Alle davon</translation>
    </message>
    <message>
        <source>Any of these</source>
        <translation>Mindestens eins davon</translation>
    </message>
    <message>
        <source>Not this</source>
        <translation>Nicht dies</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>weniger als</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>mehr als</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist eines von</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vor</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nach</translation>
    </message>
    <message>
        <source>in the last</source>
        <translation>in den letzten</translation>
    </message>
    <message>
        <source>not in the last</source>
        <translation>nicht in den letzten</translation>
    </message>
    <message>
        <source>in the top</source>
        <translation>in den obersten</translation>
    </message>
    <message>
        <source>(no value yet)</source>
        <translation>(noch kein Wert)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tagen</translation>
    </message>
    <message>
        <source>%1 % by total spent</source>
        <translation>%1 % nach Gesamtumsatz</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>%1 and %2%3</source>
        <translation>%1 und %2%3</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>A customer is in when every line below matches</source>
        <translation>Ein Kunde gehört dazu, wenn jede Zeile darunter passt</translation>
    </message>
    <message>
        <source>A customer is in when at least one line below matches</source>
        <translation>Ein Kunde gehört dazu, wenn mindestens eine Zeile darunter passt</translation>
    </message>
    <message>
        <source>A customer is in when the line below does not match</source>
        <translation>Ein Kunde gehört dazu, wenn die Zeile darunter nicht passt</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>md::SegmentBuilderPanel</name>
    <message>
        <source>The rule: pick a line to change it below</source>
        <translation>Die Regel: Wählen Sie eine Zeile, um sie unten zu ändern</translation>
    </message>
    <message>
        <source>Add &amp;condition</source>
        <translation>&amp;Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Add a condition to the selected group</source>
        <translation>Der gewählten Gruppe eine Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;group</source>
        <translation>&amp;Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Add a group (any of / all of / not) to the selected group</source>
        <translation>Der gewählten Gruppe eine Gruppe (mindestens eins / alle / nicht) hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected line and everything under it</source>
        <translation>Die gewählte Zeile mit allem darunter entfernen</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <source>The top group stays; change its kind or remove the lines under it</source>
        <translation>Die oberste Gruppe bleibt; ändern Sie ihre Art oder entfernen Sie die Zeilen darunter</translation>
    </message>
    <message>
        <source>A &quot;Not this&quot; group holds exactly one line; remove the group or change its kind instead</source>
        <translation>Eine „Nicht dies“-Gruppe enthält genau eine Zeile; entfernen Sie stattdessen die Gruppe oder ändern Sie ihre Art</translation>
    </message>
    <message>
        <source>A customer is in when every line under it matches.</source>
        <translation>Ein Kunde gehört dazu, wenn jede Zeile darunter passt.</translation>
    </message>
    <message>
        <source>A customer is in when at least one line under it matches.</source>
        <translation>Ein Kunde gehört dazu, wenn mindestens eine Zeile darunter passt.</translation>
    </message>
    <message>
        <source>A customer is in when the one line under it does not match.</source>
        <translation>Ein Kunde gehört dazu, wenn die eine Zeile darunter nicht passt.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Of the customers who spent anything, those in the top share by total spent (ties included).</source>
        <translation>Von den Kunden, die etwas ausgegeben haben, die im obersten Anteil nach Gesamtumsatz (Gleichstände eingeschlossen).</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>The shop has no plans yet (see the Plans page).</source>
        <translation>Der Shop hat noch keine Tarife (siehe die Seite Tarife).</translation>
    </message>
    <message>
        <source>several, separated by commas</source>
        <translation>mehrere, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Status keys, separated by commas: %1</source>
        <translation>Statusschlüssel, durch Kommas getrennt: %1</translation>
    </message>
    <message>
        <source>Group keys, separated by commas: %1</source>
        <translation>Gruppenschlüssel, durch Kommas getrennt: %1</translation>
    </message>
    <message>
        <source>Separate the values with commas.</source>
        <translation>Trennen Sie die Werte durch Kommas.</translation>
    </message>
    <message>
        <source>a product&apos;s SKU</source>
        <translation>die Artikelnummer eines Produkts</translation>
    </message>
    <message>
        <source>a product category</source>
        <translation>eine Produktkategorie</translation>
    </message>
    <message>
        <source>such as example.com</source>
        <translation>etwa example.com</translation>
    </message>
</context>
<context>
    <name>md::SegmentChoices</name>
    <message>
        <source>Reading the products: %1</source>
        <translation>Lesen der Produkte: %1</translation>
    </message>
    <message>
        <source>Reading the product categories: %1</source>
        <translation>Fehler beim Lesen der Produktkategorien: %1</translation>
    </message>
    <message>
        <source>Reading the plans: %1</source>
        <translation>Lesen der Tarife: %1</translation>
    </message>
</context>
<context>
    <name>md::SegmentCommand</name>
    <message>
        <source>The segment&apos;s rule as JSON, or @FILE to read it from a file (docs/segments.md describes the format)</source>
        <translation>Die Regel des Segments als JSON, oder @DATEI, um sie aus einer Datei zu lesen (docs/segments.md beschreibt das Format)</translation>
    </message>
    <message>
        <source>create: a description of the segment</source>
        <translation>create: eine Beschreibung des Segments</translation>
    </message>
    <message>
        <source>Evaluate as of this moment: a date (2026-06-30, the end of that UTC day) or an ISO time (default: now)</source>
        <translation>Auswerten zu diesem Zeitpunkt: ein Datum (2026-06-30, das Ende dieses UTC-Tages) oder eine ISO-Zeit (Vorgabe: jetzt)</translation>
    </message>
    <message>
        <source>segment: give one of %1, as in segment count &quot;High value&quot;</source>
        <translation>segment: geben Sie eines von %1 an, etwa segment count &quot;Hoher Umsatz&quot;</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>keinen Namen</translation>
    </message>
    <message>
        <source>one segment name</source>
        <translation>einen Segmentnamen</translation>
    </message>
    <message>
        <source>a segment name and a new name</source>
        <translation>einen Segmentnamen und einen neuen Namen</translation>
    </message>
    <message>
        <source>segment %1: takes %2</source>
        <translation>segment %1: erwartet %2</translation>
    </message>
    <message>
        <source>segment %1: --%2 does not apply here</source>
        <translation>segment %1: --%2 gilt hier nicht</translation>
    </message>
    <message>
        <source>segment %1: --definition JSON|@FILE is needed</source>
        <translation>segment %1: --definition JSON|@DATEI wird gebraucht</translation>
    </message>
    <message>
        <source>segment: --output needs a file name</source>
        <translation>segment: --output braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>segment: --as-of %1</source>
        <translation>segment: --as-of %1</translation>
    </message>
    <message>
        <source>segment: cannot read %1: %2</source>
        <translation>segment: %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>segment %1: %2</source>
        <translation>segment %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(invalid: %1)</source>
        <translation>(ungültig: %1)</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Created the segment &quot;%1&quot;.
</source>
        <translation>Segment „%1“ angelegt.
</translation>
    </message>
    <message>
        <source>Updated the segment &quot;%1&quot;.
</source>
        <translation>Segment „%1“ geändert.
</translation>
    </message>
    <message>
        <source>Renamed the segment &quot;%1&quot; to &quot;%2&quot;.
</source>
        <translation>Segment „%1“ in „%2“ umbenannt.
</translation>
    </message>
    <message>
        <source>Copied the segment &quot;%1&quot; to &quot;%2&quot;.
</source>
        <translation>Segment „%1“ nach „%2“ kopiert.
</translation>
    </message>
    <message>
        <source>Deleted the segment &quot;%1&quot;.
</source>
        <translation>Segment „%1“ gelöscht.
</translation>
    </message>
    <message>
        <source>%1 members of &quot;%2&quot; written to %3.
</source>
        <translation>%1 Mitglieder von „%2“ in %3 geschrieben.
</translation>
    </message>
    <message>
        <source>RFM groups of %1 customers as of %2

</source>
        <translation>RFM-Gruppen von %1 Kunden, Stand %2

</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation>Anteil der Kunden</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>Umsatzanteil</translation>
    </message>
    <message>
        <source>Customers by recency score (rows, 5 = bought most recently) and frequency score (columns, 5 = most orders)
</source>
        <translation>Kunden nach Aktualitätswert (Zeilen, 5 = zuletzt gekauft) und Häufigkeitswert (Spalten, 5 = die meisten Bestellungen)
</translation>
    </message>
    <message>
        <source>Customer segments: list, create NAME --definition JSON|@FILE, update NAME --definition ..., rename NAME NEW, duplicate NAME NEW, delete NAME, count NAME, members NAME, rfm (RFM scores and groups of every customer)</source>
        <translation>Kundensegmente: list, create NAME --definition JSON|@DATEI, update NAME --definition ..., rename NAME NEU, duplicate NAME NEU, delete NAME, count NAME, members NAME, rfm (RFM-Werte und -Gruppen aller Kunden)</translation>
    </message>
    <message>
        <source>Output format of list, members and rfm: table or csv</source>
        <translation>Ausgabeformat von list, members und rfm: table oder csv</translation>
    </message>
    <message>
        <source>Write the list, the members or the RFM scores to FILE instead of stdout</source>
        <translation>Die Liste, die Mitglieder oder die RFM-Werte in DATEI statt auf die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>RFM scores of %1 customers written to %2.
</source>
        <translation>RFM-Werte von %1 Kunden nach %2 geschrieben.
</translation>
    </message>
</context>
<context>
    <name>md::SegmentFields</name>
    <message>
        <source>Number of completed orders</source>
        <translation>Anzahl der abgeschlossenen Bestellungen</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>Umsatz gesamt</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>Durchschnittlicher Bestellwert</translation>
    </message>
    <message>
        <source>First completed order</source>
        <translation>Erste abgeschlossene Bestellung</translation>
    </message>
    <message>
        <source>Last completed order</source>
        <translation>Letzte abgeschlossene Bestellung</translation>
    </message>
    <message>
        <source>Bought product (SKU)</source>
        <translation>Gekauftes Produkt (Artikelnummer)</translation>
    </message>
    <message>
        <source>Bought from category</source>
        <translation>Gekauft aus Kategorie</translation>
    </message>
    <message>
        <source>Viewed product (SKU)</source>
        <translation>Angesehenes Produkt (Artikelnummer)</translation>
    </message>
    <message>
        <source>Viewed category</source>
        <translation>Angesehene Kategorie</translation>
    </message>
    <message>
        <source>Cart abandoned (hours ago)</source>
        <translation>Warenkorb abgebrochen (vor Stunden)</translation>
    </message>
    <message>
        <source>Email domain</source>
        <translation>E-Mail-Domain</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Accepts marketing</source>
        <translation>Nimmt Werbung an</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Subscription plan</source>
        <translation>Abo-Tarif</translation>
    </message>
    <message>
        <source>Subscription status</source>
        <translation>Abo-Status</translation>
    </message>
    <message>
        <source>RFM group</source>
        <translation>RFM-Gruppe</translation>
    </message>
</context>
<context>
    <name>md::SegmentListPanel</name>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Start a new segment</source>
        <translation>Ein neues Segment beginnen</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>&amp;Duplizieren…</translation>
    </message>
    <message>
        <source>Store a copy of the selected segment under a new name</source>
        <translation>Eine Kopie des gewählten Segments unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected segment; one that a campaign uses stays</source>
        <translation>Das gewählte Segment löschen; eines, das eine Kampagne verwendet, bleibt</translation>
    </message>
    <message>
        <source>cannot count</source>
        <translation>nicht zählbar</translation>
    </message>
    <message>
        <source>Give &quot;%1&quot; another name</source>
        <translation>Geben Sie „%1“ einen anderen Namen</translation>
    </message>
    <message>
        <source>Save the new segment first</source>
        <translation>Speichern Sie zuerst das neue Segment</translation>
    </message>
</context>
<context>
    <name>md::SegmentResultsPanel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Size over time</source>
        <translation>Größe im Zeitverlauf</translation>
    </message>
    <message>
        <source> The last columns hold the values that made them match.</source>
        <translation> Die letzten Spalten zeigen die Werte, mit denen sie passen.</translation>
    </message>
    <message>
        <source>The first %1 of %2 members, by customer number.%3 Export the members for all of them.</source>
        <translation>Die ersten %1 von %2 Mitgliedern, nach Kundennummer.%3 Exportieren Sie die Mitglieder, um alle zu erhalten.</translation>
    </message>
    <message>
        <source>No customer matches the rule.</source>
        <translation>Kein Kunde passt zur Regel.</translation>
    </message>
    <message>
        <source>All %1 members.%2</source>
        <translation>Alle %1 Mitglieder.%2</translation>
    </message>
</context>
<context>
    <name>md::SegmentRule</name>
    <message>
        <source>the rule</source>
        <translation>die Regel</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1 is not a whole number from %2 to %3</source>
        <translation>%1 ist keine ganze Zahl von %2 bis %3</translation>
    </message>
    <message>
        <source>%1 is not an amount of money, such as 100 or 99.95</source>
        <translation>%1 ist kein Geldbetrag wie 100 oder 99.95</translation>
    </message>
    <message>
        <source>%1 is not an amount of money exact to the cent, such as 99.95</source>
        <translation>%1 ist kein auf den Cent genauer Geldbetrag wie 99.95</translation>
    </message>
    <message>
        <source>%1 is not a non-empty text</source>
        <translation>%1 ist kein nicht leerer Text</translation>
    </message>
    <message>
        <source>%1 is not a date (2026-06-30) or an ISO time (2026-06-30T12:00:00Z)</source>
        <translation>%1 ist kein Datum (2026-06-30) und keine ISO-Zeit (2026-06-30T12:00:00Z)</translation>
    </message>
    <message>
        <source>between needs an array of two values, such as [10, 20]</source>
        <translation>between braucht ein Array mit zwei Werten, etwa [10, 20]</translation>
    </message>
    <message>
        <source>the first value of between is greater than the second</source>
        <translation>der erste Wert von between ist größer als der zweite</translation>
    </message>
    <message>
        <source>%1 is not true or false</source>
        <translation>%1 ist weder true noch false</translation>
    </message>
    <message>
        <source>%1 is not a subscription status; use %2</source>
        <translation>%1 ist kein Abo-Status; verwenden Sie %2</translation>
    </message>
    <message>
        <source>in needs a non-empty array, such as [&quot;a&quot;, &quot;b&quot;]</source>
        <translation>in braucht ein nicht leeres Array, etwa [&quot;a&quot;, &quot;b&quot;]</translation>
    </message>
    <message>
        <source>the operator does not take a value here</source>
        <translation>der Operator nimmt hier keinen Wert</translation>
    </message>
    <message>
        <source>%1 is not a group or a condition object</source>
        <translation>%1 ist weder eine Gruppe noch ein Bedingungsobjekt</translation>
    </message>
    <message>
        <source>a group has the one member &quot;%1&quot; and nothing beside it; found %2</source>
        <translation>eine Gruppe hat genau das eine Element „%1“ und nichts daneben; gefunden: %2</translation>
    </message>
    <message>
        <source>a group holds an array of conditions and groups</source>
        <translation>eine Gruppe enthält ein Array aus Bedingungen und Gruppen</translation>
    </message>
    <message>
        <source>the group is empty; give it at least one condition</source>
        <translation>die Gruppe ist leer; geben Sie ihr mindestens eine Bedingung</translation>
    </message>
    <message>
        <source>unknown member &quot;%1&quot;; a condition has field, op and value, a group is all, any or not</source>
        <translation>unbekanntes Element „%1“; eine Bedingung hat field, op und value, eine Gruppe ist all, any oder not</translation>
    </message>
    <message>
        <source>missing; a condition needs field, op and value</source>
        <translation>fehlt; eine Bedingung braucht field, op und value</translation>
    </message>
    <message>
        <source>unknown field %1; use one of %2</source>
        <translation>unbekanntes Feld %1; verwenden Sie eines von %2</translation>
    </message>
    <message>
        <source>unknown operator %1; use one of %2</source>
        <translation>unbekannter Operator %1; verwenden Sie einen von %2</translation>
    </message>
    <message>
        <source>%1 does not allow the operator %2; use one of %3</source>
        <translation>%1 erlaubt den Operator %2 nicht; verwenden Sie einen von %3</translation>
    </message>
    <message>
        <source>the rule is not valid JSON: %1 at offset %2</source>
        <translation>die Regel ist kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>the rule: a JSON object such as {&quot;all&quot;: [...]} is needed</source>
        <translation>die Regel: ein JSON-Objekt wie {&quot;all&quot;: [...]} wird gebraucht</translation>
    </message>
    <message>
        <source>%1 is not an RFM group; use one of %2</source>
        <translation>%1 ist keine RFM-Gruppe; verwenden Sie eine von %2</translation>
    </message>
</context>
<context>
    <name>md::SegmentService</name>
    <message>
        <source>Counting the segment &quot;%1&quot;: %2</source>
        <translation>Fehler beim Zählen des Segments „%1“: %2</translation>
    </message>
    <message>
        <source>There is no segment named &quot;%1&quot;</source>
        <translation>Es gibt kein Segment namens „%1“</translation>
    </message>
    <message>
        <source>The segment &quot;%1&quot; has a definition that does not read: %2</source>
        <translation>Die Definition des Segments „%1“ lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>A segment needs a name</source>
        <translation>Ein Segment braucht einen Namen</translation>
    </message>
    <message>
        <source>There is already a segment named &quot;%1&quot;</source>
        <translation>Es gibt schon ein Segment namens „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (2026-06-30) or an ISO time (2026-06-30T12:00:00Z)</source>
        <translation>„%1“ ist kein Datum (2026-06-30) und keine ISO-Zeit (2026-06-30T12:00:00Z)</translation>
    </message>
    <message>
        <source>Creating the built-in segments</source>
        <translation>Fehler beim Anlegen der vordefinierten Segmente</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>Scoring the customers for rfm_group: %1</source>
        <translation>Fehler beim Bewerten der Kunden für rfm_group: %1</translation>
    </message>
</context>
<context>
    <name>md::SegmentSizeChart</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Members of &quot;%1&quot; at the end of each month</source>
        <translation>Mitglieder von „%1“ am Ende jedes Monats</translation>
    </message>
    <message>
        <source>The last bar counts as of %1.</source>
        <translation>Der letzte Balken zählt mit Stand %1.</translation>
    </message>
</context>
<context>
    <name>md::SegmentStore</name>
    <message>
        <source>Reading the segments: %1</source>
        <translation>Fehler beim Lesen der Segmente: %1</translation>
    </message>
    <message>
        <source>Reading the segment &quot;%1&quot;: %2</source>
        <translation>Fehler beim Lesen des Segments „%1“: %2</translation>
    </message>
    <message>
        <source>Saving the segment &quot;%1&quot;</source>
        <translation>Fehler beim Speichern des Segments „%1“</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading the campaigns: %1</source>
        <translation>Fehler beim Lesen der Kampagnen: %1</translation>
    </message>
    <message>
        <source>Deleting the segment &quot;%1&quot;</source>
        <translation>Fehler beim Löschen des Segments „%1“</translation>
    </message>
    <message>
        <source>The segment &quot;%1&quot; is used by the campaign(s) %2; change or delete them first</source>
        <translation>Das Segment „%1“ wird von der Kampagne bzw. den Kampagnen %2 verwendet; ändern oder löschen Sie diese zuerst</translation>
    </message>
    <message>
        <source>Counting the segment: %1</source>
        <translation>Fehler beim Zählen des Segments: %1</translation>
    </message>
    <message>
        <source>Listing the segment&apos;s members: %1</source>
        <translation>Fehler beim Auflisten der Mitglieder des Segments: %1</translation>
    </message>
</context>
<context>
    <name>md::SegmentsPage</name>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Counts, members and the chart as of the end of this day: only customers, orders and events up to then count</source>
        <translation>Anzahlen, Mitglieder und Diagramm zum Ende dieses Tages: nur Kunden, Bestellungen und Ereignisse bis dahin zählen</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>&amp;Stand:</translation>
    </message>
    <message>
        <source>RFM analysis</source>
        <translation>RFM-Analyse</translation>
    </message>
    <message>
        <source>Every customer who bought, scored 1 to 5 on how recently (recency), how often (frequency) and how much (monetary) they bought, and the groups those scores make: Champions, At risk, Lost and the others. Each group is also a segment.</source>
        <translation>Jeder Kunde, der gekauft hat, bewertet von 1 bis 5 danach, wie kürzlich (Aktualität), wie oft (Häufigkeit) und wie viel (Umsatz) er gekauft hat, und die Gruppen, die sich daraus ergeben: Champions, Gefährdet, Verloren und die anderen. Jede Gruppe ist auch ein Segment.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Store the rule under the segment&apos;s name (a new segment asks for one)</source>
        <translation>Die Regel unter dem Namen des Segments speichern (ein neues Segment fragt nach einem)</translation>
    </message>
    <message>
        <source>&amp;Export members…</source>
        <translation>Mitglieder &amp;exportieren…</translation>
    </message>
    <message>
        <source>All members of the rule as shown, as a CSV file: email, first and last name and the values of the fields the rule uses</source>
        <translation>Alle Mitglieder der angezeigten Regel als CSV-Datei: E-Mail, Vor- und Nachname und die Werte der Felder, die die Regel verwendet</translation>
    </message>
    <message>
        <source>Listing the segments: %1</source>
        <translation>Fehler beim Auflisten der Segmente: %1</translation>
    </message>
    <message>
        <source>The rule you are editing has changes that are not saved. Discard them and show &quot;%1&quot;?</source>
        <translation>Die Regel, die Sie bearbeiten, hat nicht gespeicherte Änderungen. Verwerfen und „%1“ anzeigen?</translation>
    </message>
    <message>
        <source>The stored rule of &quot;%1&quot; does not read (%2); the builder starts over.</source>
        <translation>Die gespeicherte Regel von „%1“ lässt sich nicht lesen (%2); der Regel-Editor beginnt neu.</translation>
    </message>
    <message>
        <source>New segment (not saved yet)</source>
        <translation>Neues Segment (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>The rule cannot be counted yet: %1</source>
        <translation>Die Regel lässt sich noch nicht zählen: %1</translation>
    </message>
    <message>
        <source>The members are listed once the rule is complete.</source>
        <translation>Die Mitglieder werden aufgelistet, sobald die Regel vollständig ist.</translation>
    </message>
    <message>
        <source>Superseded by a newer edit</source>
        <translation>Durch eine neuere Änderung ersetzt</translation>
    </message>
    <message>
        <source>Counting the rule: %1</source>
        <translation>Fehler beim Zählen der Regel: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) match as of %1.</source>
        <translation>
            <numerusform>%Ln Kunde passt, Stand %1.</numerusform>
            <numerusform>%Ln Kunden passen, Stand %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the segment to see how its size changed over the last %1 months.</source>
        <translation>Speichern Sie das Segment, um zu sehen, wie sich seine Größe in den letzten %1 Monaten verändert hat.</translation>
    </message>
    <message>
        <source>Counting the last %1 months…</source>
        <translation>Die letzten %1 Monate werden gezählt…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Counting the months: %1</source>
        <translation>Fehler beim Zählen der Monate: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>Segment speichern</translation>
    </message>
    <message>
        <source>Name of the segment:</source>
        <translation>Name des Segments:</translation>
    </message>
    <message>
        <source>The segment is not saved: the rule is not complete: %1</source>
        <translation>Das Segment wurde nicht gespeichert: die Regel ist nicht vollständig: %1</translation>
    </message>
    <message>
        <source>Saving the segment &quot;%1&quot;</source>
        <translation>Fehler beim Speichern des Segments „%1“</translation>
    </message>
    <message>
        <source>Saving the new segment &quot;%1&quot;</source>
        <translation>Fehler beim Speichern des neuen Segments „%1“</translation>
    </message>
    <message>
        <source>Rename segment</source>
        <translation>Segment umbenennen</translation>
    </message>
    <message>
        <source>New name of &quot;%1&quot;:</source>
        <translation>Neuer Name von „%1“:</translation>
    </message>
    <message>
        <source>Renaming the segment &quot;%1&quot;</source>
        <translation>Fehler beim Umbenennen des Segments „%1“</translation>
    </message>
    <message>
        <source>Duplicate segment</source>
        <translation>Segment duplizieren</translation>
    </message>
    <message>
        <source>Name of the copy of &quot;%1&quot;:</source>
        <translation>Name der Kopie von „%1“:</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Duplicating the segment &quot;%1&quot;</source>
        <translation>Fehler beim Duplizieren des Segments „%1“</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>Segment löschen</translation>
    </message>
    <message>
        <source>Delete the segment &quot;%1&quot;? Its customers stay; only the rule goes.</source>
        <translation>Das Segment „%1“ löschen? Seine Kunden bleiben; nur die Regel wird entfernt.</translation>
    </message>
    <message>
        <source>Deleting the segment &quot;%1&quot;</source>
        <translation>Fehler beim Löschen des Segments „%1“</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Mitglieder exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was exported: the rule is not complete: %1</source>
        <translation>Es wurde nichts exportiert: die Regel ist nicht vollständig: %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Exporting the members: %1</source>
        <translation>Fehler beim Exportieren der Mitglieder: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln Mitglied nach %1 exportiert.</numerusform>
            <numerusform>%Ln Mitglieder nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ShopifyAdapter</name>
    <message>
        <source>the header (line 1) lacks the Shopify columns %1</source>
        <translation>der Kopfzeile (Zeile 1) fehlen die Shopify-Spalten %1</translation>
    </message>
    <message>
        <source>Shopify image rows</source>
        <translation>Shopify-Bildzeilen</translation>
    </message>
    <message>
        <source>variants without a SKU</source>
        <translation>Varianten ohne Artikelnummer (SKU)</translation>
    </message>
    <message>
        <source>Title: empty, and no earlier row of handle &quot;%1&quot; has one</source>
        <translation>Titel: leer, und keine frühere Zeile des Handles „%1“ hat einen</translation>
    </message>
    <message>
        <source>Variant Inventory Qty %1 read as 0 (oversold)</source>
        <translation>Variant Inventory Qty %1 als 0 gelesen (überverkauft)</translation>
    </message>
</context>
<context>
    <name>md::SqliteBackup</name>
    <message>
        <source>Cannot back up %1: the file does not exist</source>
        <translation>%1 kann nicht gesichert werden: die Datei existiert nicht</translation>
    </message>
    <message>
        <source>Cannot back up %1 to %2: choose a different file as the target</source>
        <translation>%1 kann nicht nach %2 gesichert werden: wählen Sie eine andere Datei als Ziel</translation>
    </message>
    <message>
        <source>Cannot back up to %1: the folder %2 does not exist</source>
        <translation>Sicherung nach %1 nicht möglich: der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot create a file in %1: %2</source>
        <translation>In %1 kann keine Datei angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot open %1 for the backup: %2</source>
        <translation>%1 kann für die Sicherung nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot start the backup of %1: %2</source>
        <translation>Die Sicherung von %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The backup of %1 failed: %2</source>
        <translation>Die Sicherung von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot move the finished backup to %1: %2</source>
        <translation>Die fertige Sicherung kann nicht nach %1 verschoben werden: %2</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>kein Speicher mehr verfügbar</translation>
    </message>
</context>
<context>
    <name>md::StagingTable</name>
    <message>
        <source>Cannot create the import&apos;s staging table: %1</source>
        <translation>Die Zwischentabelle für den Import kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The database refused the rows: %1</source>
        <translation>Die Datenbank hat die Zeilen abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 is append-only: it cannot be replaced</source>
        <translation>%1 kann nur ergänzt werden: es lässt sich nicht ersetzen</translation>
    </message>
</context>
<context>
    <name>md::Startup</name>
    <message>
        <source>MerchantDesk</source>
        <translation>MerchantDesk</translation>
    </message>
    <message>
        <source>The shop database could not be opened.</source>
        <translation>Die Shop-Datenbank konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Open Another Database…</source>
        <translation>Andere Datenbank öffnen…</translation>
    </message>
    <message>
        <source>Create a New Database…</source>
        <translation>Neue Datenbank anlegen…</translation>
    </message>
    <message>
        <source>Connect to PostgreSQL…</source>
        <translation>Mit PostgreSQL verbinden…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The back office of a small online shop.</source>
        <translation>Die Shop-Verwaltung für einen kleinen Onlineshop.</translation>
    </message>
    <message>
        <source>The shop database: a SQLite file or postgresql://user@host[:port]/dbname. Default: MERCHANTDESK_DB, else %1.</source>
        <translation>Die Shop-Datenbank: eine SQLite-Datei oder postgresql://user@host[:port]/dbname. Standard: MERCHANTDESK_DB, sonst %1.</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>A SQLite shop database to open (like --db).</source>
        <translation>Eine zu öffnende SQLite-Shop-Datenbank (wie --db).</translation>
    </message>
    <message>
        <source>give one database, either with --db or as the file argument (got &quot;%1&quot;)</source>
        <translation>geben Sie eine Datenbank an, entweder mit --db oder als Dateiargument (erhalten: „%1“)</translation>
    </message>
</context>
<context>
    <name>md::SubscriptionMetrics</name>
    <message>
        <source>Reading the subscriptions: %1</source>
        <translation>Lesen der Abonnements: %1</translation>
    </message>
</context>
<context>
    <name>md::SubscriptionQuery</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Paused until</source>
        <translation>Pausiert bis</translation>
    </message>
    <message>
        <source>Next cycle&apos;s plan</source>
        <translation>Tarif ab nächstem Zyklus</translation>
    </message>
    <message>
        <source>Cancelled on</source>
        <translation>Gekündigt am</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>md::SubscriptionRenewalJob</name>
    <message>
        <source>Subscription renewals</source>
        <translation>Abo-Verlängerungen</translation>
    </message>
    <message>
        <source>Resumed %1 paused subscriptions; %2 plan changes took effect.</source>
        <translation>%1 pausierte Abonnements fortgesetzt; %2 Tarifwechsel wirksam geworden.</translation>
    </message>
</context>
<context>
    <name>md::SubscriptionService</name>
    <message>
        <source>Subscription %1</source>
        <translation>Abonnement %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 has an unknown status “%2”</source>
        <translation>%1 hat einen unbekannten Status „%2“</translation>
    </message>
    <message>
        <source>%1 is %2 and cannot become %3</source>
        <translation>%1 ist %2 und kann nicht %3 werden</translation>
    </message>
    <message>
        <source>Subscription %1: the resume date must be in the future</source>
        <translation>Abonnement %1: Das Datum der Wiederaufnahme muss in der Zukunft liegen</translation>
    </message>
    <message>
        <source>Subscription %1: give a reason for the cancellation</source>
        <translation>Abonnement %1: Geben Sie einen Grund für die Kündigung an</translation>
    </message>
    <message>
        <source>Resuming paused subscriptions</source>
        <translation>Wiederaufnehmen pausierter Abonnements</translation>
    </message>
    <message>
        <source>Resuming paused subscriptions: %1</source>
        <translation>Wiederaufnehmen pausierter Abonnements: %1</translation>
    </message>
    <message>
        <source>%1: the subscription or the plan does not exist</source>
        <translation>%1: Das Abonnement oder der Tarif existiert nicht</translation>
    </message>
    <message>
        <source>%1 is cancelled; its plan cannot change</source>
        <translation>%1 ist gekündigt; sein Tarif kann sich nicht ändern</translation>
    </message>
    <message>
        <source>%1: plan “%2” is switched off</source>
        <translation>%1: Tarif „%2“ ist abgeschaltet</translation>
    </message>
    <message>
        <source>Applying plan changes</source>
        <translation>Anwenden von Tarifwechseln</translation>
    </message>
    <message>
        <source>Applying plan changes: %1</source>
        <translation>Anwenden von Tarifwechseln: %1</translation>
    </message>
    <message>
        <source>That plan does not exist</source>
        <translation>Dieser Tarif existiert nicht</translation>
    </message>
    <message>
        <source>Subscribing</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>Subscribing to “%1”: %2</source>
        <translation>Abonnieren von „%1“: %2</translation>
    </message>
    <message>
        <source>Reading subscription %1: %2</source>
        <translation>Abonnement %1 wird gelesen: %2</translation>
    </message>
    <message>
        <source>Subscription %1 no longer exists</source>
        <translation>Abonnement %1 gibt es nicht mehr</translation>
    </message>
</context>
<context>
    <name>md::SubscriptionStatusInfo</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekündigt</translation>
    </message>
</context>
<context>
    <name>md::SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Abonnenten</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Boxen</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Wachstum</translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&amp;Pause until…</source>
        <translation>&amp;Pausieren bis …</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel…</source>
        <translation>&amp;Kündigen …</translation>
    </message>
    <message>
        <source>Change &amp;plan…</source>
        <translation>&amp;Tarif wechseln …</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;features…</source>
        <translation>&amp;Merkmale des Kunden …</translation>
    </message>
    <message>
        <source>Resume due pauses</source>
        <translation>Fällige Pausen beenden</translation>
    </message>
    <message>
        <source>Search by email or plan</source>
        <translation>Nach E-Mail oder Tarif suchen</translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n Abonnement</numerusform>
            <numerusform>%n Abonnements</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody has subscribed yet.</source>
        <translation>Bisher hat niemand abonniert.</translation>
    </message>
    <message>
        <source>No subscriptions match “%1”.</source>
        <translation>Keine Abonnements passen zu „%1“.</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Pause subscription</source>
        <translation>Abonnement pausieren</translation>
    </message>
    <message>
        <source>The subscription resumes on its own on this day.</source>
        <translation>Das Abonnement läuft an diesem Tag von selbst weiter.</translation>
    </message>
    <message>
        <source>&amp;Resume on:</source>
        <translation>&amp;Fortsetzen am:</translation>
    </message>
    <message>
        <source>Paused until %1.</source>
        <translation>Pausiert bis %1.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Cancel subscription</source>
        <translation>Abonnement kündigen</translation>
    </message>
    <message>
        <source>Why does the customer cancel?</source>
        <translation>Warum kündigt der Kunde?</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Gekündigt.</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Tarif wechseln</translation>
    </message>
    <message>
        <source>The new plan takes effect when the current billing period ends:</source>
        <translation>Der neue Tarif gilt ab dem Ende des laufenden Abrechnungszeitraums:</translation>
    </message>
    <message>
        <source>Moves to %1 at the next cycle.</source>
        <translation>Wechselt zum nächsten Zyklus zu %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n paused subscription(s) resumed.</source>
        <translation>
            <numerusform>%n pausiertes Abonnement fortgesetzt.</numerusform>
            <numerusform>%n pausierte Abonnements fortgesetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Compose boxes</source>
        <translation>Boxen &amp;zusammenstellen</translation>
    </message>
    <message>
        <source>Con&amp;firm cycle</source>
        <translation>Zyklus &amp;bestätigen</translation>
    </message>
    <message>
        <source>Records what each subscriber receives and takes the items from stock</source>
        <translation>Erfasst, was jeder Abonnent erhält, und bucht die Artikel vom Bestand ab</translation>
    </message>
    <message>
        <source>&amp;Export picking list…</source>
        <translation>Kommissionierliste &amp;exportieren …</translation>
    </message>
    <message>
        <source>Shipping month:</source>
        <translation>Versandmonat:</translation>
    </message>
    <message>
        <source>Choose a month and compose its boxes to see them here before anything is recorded.</source>
        <translation>Wählen Sie einen Monat und stellen Sie seine Boxen zusammen, um sie hier zu sehen, bevor etwas erfasst wird.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Composing the boxes of %1…</source>
        <translation>Die Boxen für %1 werden zusammengestellt …</translation>
    </message>
    <message>
        <source>Composing failed: %1</source>
        <translation>Das Zusammenstellen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 (exclusive)</source>
        <translation>%1 (exklusiv)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>Not filled</source>
        <translation>Nicht gefüllt</translation>
    </message>
    <message>
        <source>%1: %2 boxes with %3 items for %4 subscribers; %5 could not be filled.</source>
        <translation>%1: %2 Boxen mit %3 Artikeln für %4 Abonnenten; %5 konnten nicht gefüllt werden.</translation>
    </message>
    <message>
        <source>This month was confirmed already.</source>
        <translation>Dieser Monat wurde bereits bestätigt.</translation>
    </message>
    <message>
        <source>Confirm cycle</source>
        <translation>Zyklus bestätigen</translation>
    </message>
    <message>
        <source>Record the %1 boxes of %2 and take their items from stock?</source>
        <translation>Die %1 Boxen für %2 erfassen und ihre Artikel vom Bestand abbuchen?</translation>
    </message>
    <message>
        <source>Recording the boxes of %1…</source>
        <translation>Die Boxen für %1 werden erfasst …</translation>
    </message>
    <message>
        <source>Nothing was recorded: %1</source>
        <translation>Nichts wurde erfasst: %1</translation>
    </message>
    <message>
        <source>Recorded %1 boxes with %2 items for %3; the items were taken from stock. Export the picking list for the warehouse.</source>
        <translation>%1 Boxen mit %2 Artikeln für %3 erfasst; die Artikel wurden vom Bestand abgebucht. Exportieren Sie die Kommissionierliste für das Lager.</translation>
    </message>
    <message>
        <source>Export picking list</source>
        <translation>Kommissionierliste exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Picking list written to %1.</source>
        <translation>Kommissionierliste nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Cannot read the subscriptions: %1</source>
        <translation>Die Abonnements können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Subscribers per plan and monthly recurring revenue</source>
        <translation>Abonnenten je Tarif und monatlich wiederkehrender Umsatz</translation>
    </message>
    <message>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <source>Cancellations per month (churn)</source>
        <translation>Kündigungen je Monat (Abwanderung)</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Kündigungen</translation>
    </message>
</context>
<context>
    <name>md::TaskBase</name>
    <message>
        <source>Another operation is still running.</source>
        <translation>Ein anderer Vorgang läuft noch.</translation>
    </message>
</context>
<context>
    <name>md::Transaction</name>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>Eine Transaktion kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Cannot commit: %1</source>
        <translation>Festschreiben (Commit) nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>md::TransferButtons</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import rows from a CSV file</source>
        <translation>Zeilen aus einer CSV-Datei importieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write every row to a CSV file</source>
        <translation>Alle Zeilen in eine CSV-Datei schreiben</translation>
    </message>
</context>
<context>
    <name>md::TrayController</name>
    <message>
        <source>&amp;Open MerchantDesk</source>
        <translation>MerchantDesk ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Run Repricing Now</source>
        <translation>Preisanpassung jetzt &amp;ausführen</translation>
    </message>
    <message>
        <source>&amp;Pause Schedule</source>
        <translation>Zeitplan an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Scheduled jobs</source>
        <translation>Geplante Aufgaben</translation>
    </message>
    <message>
        <source>Resume &amp;Schedule</source>
        <translation>Zeitplan &amp;fortsetzen</translation>
    </message>
    <message>
        <source>No shop database open</source>
        <translation>Keine Shop-Datenbank geöffnet</translation>
    </message>
    <message>
        <source>Repricing is running…</source>
        <translation>Preisanpassung läuft…</translation>
    </message>
    <message>
        <source>Schedule paused</source>
        <translation>Zeitplan angehalten</translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation>Nächster Lauf: %1</translation>
    </message>
    <message>
        <source>No run scheduled</source>
        <translation>Kein Lauf geplant</translation>
    </message>
    <message>
        <source>MerchantDesk: %1</source>
        <translation>MerchantDesk: %1</translation>
    </message>
    <message>
        <source>Repricing is running already; try again when it ended.</source>
        <translation>Die Preisanpassung läuft bereits; versuchen Sie es erneut, wenn sie beendet ist.</translation>
    </message>
</context>
<context>
    <name>md::ValueParser</name>
    <message>
        <source>%1 is negative; it must be zero or more</source>
        <translation>%1 ist negativ; der Wert muss null oder größer sein</translation>
    </message>
    <message>
        <source>%1 must be greater than zero</source>
        <translation>%1 muss größer als null sein</translation>
    </message>
    <message>
        <source>%1 must not be zero</source>
        <translation>%1 darf nicht null sein</translation>
    </message>
    <message>
        <source>the text is longer than %1 characters</source>
        <translation>der Text ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>&quot;%1…&quot; is longer than %2 characters</source>
        <translation>„%1…“ ist länger als %2 Zeichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation>„%1“ ist keiner der Werte: %2</translation>
    </message>
    <message>
        <source>unknown field type</source>
        <translation>unbekannter Feldtyp</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount of money</source>
        <translation>„%1“ ist kein Geldbetrag</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date and time; use 2026-03-01 or 2026-03-01T10:00:00Z</source>
        <translation>„%1“ ist keine Datums- und Zeitangabe; verwenden Sie 2026-03-01 oder 2026-03-01T10:00:00Z</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a yes/no value; use 1 or 0</source>
        <translation>„%1“ ist kein Ja/Nein-Wert; verwenden Sie 1 oder 0</translation>
    </message>
</context>
<context>
    <name>md::ViewSessionSource</name>
    <message>
        <source>Reading the views: %1</source>
        <translation>Lesen der Produktansichten: %1</translation>
    </message>
    <message>
        <source>Reading the purchases: %1</source>
        <translation>Lesen der Käufe: %1</translation>
    </message>
</context>
<context>
    <name>md::WooCommerceAdapter</name>
    <message>
        <source>the header (line 1) lacks the WooCommerce columns %1</source>
        <translation>der Kopfzeile (Zeile 1) fehlen die WooCommerce-Spalten %1</translation>
    </message>
    <message>
        <source>variable products (containers)</source>
        <translation>variable Produkte (Container)</translation>
    </message>
    <message>
        <source>grouped products (containers)</source>
        <translation>gruppierte Produkte (Container)</translation>
    </message>
    <message>
        <source>external products (sold on another site)</source>
        <translation>externe Produkte (auf einer anderen Website verkauft)</translation>
    </message>
    <message>
        <source>products of another type (%1)</source>
        <translation>Produkte eines anderen Typs (%1)</translation>
    </message>
    <message>
        <source>products without a SKU</source>
        <translation>Produkte ohne Artikelnummer (SKU)</translation>
    </message>
    <message>
        <source>products without a regular price</source>
        <translation>Produkte ohne regulären Preis</translation>
    </message>
    <message>
        <source>Stock %1 read as 0 (backordered)</source>
        <translation>Bestand %1 als 0 gelesen (nachbestellt)</translation>
    </message>
</context>
<context>
    <name>md::money</name>
    <message>
        <source>&quot;%1&quot; is not an amount of money</source>
        <translation>„%1“ ist kein Geldbetrag</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than two decimals</source>
        <translation>„%1“ hat mehr als zwei Nachkommastellen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount of money (misplaced thousands separator)</source>
        <translation>„%1“ ist kein Geldbetrag (Tausendertrennzeichen an falscher Stelle)</translation>
    </message>
</context>
</TS>
