# Ärende 11: mottagare, beslut om rättelse och underrättelser enligt Art. 19.

dash-nav-notices = Underrättelser till mottagare
dash-done-exempt = Underrättelsen är markerad som undantagen.
dash-audit-item_decided = Rättelse avgjord
dash-audit-notices_queued = Mottagare underrättade (Art. 19)
dash-audit-notice_acknowledged = En mottagare bekräftade underrättelsen
dash-audit-notice_exempt = Underrättelse undantagen (omöjligt eller oproportionerligt betungande)
dash-audit-notice_reminded = Mottagaren fick en påminnelse om underrättelsen

recipient-kind-processor = Personuppgiftsbiträde (Art. 28)
recipient-kind-controller = Självständigt personuppgiftsansvarig
recipient-kind-authority = Offentlig myndighet
recipient-identifier-customer_number = Kundnummer
recipient-identifier-email = E-postadress
recipient-identifier-phone = Telefonnummer
recipient-identifier-name = Namn
notice-status-pending = Väntar på att skickas
notice-status-sent = Skickad, inte bekräftad än
notice-status-acknowledged = Bekräftad
notice-status-failed = Kunde inte skickas
notice-status-exempt = Undantagen (omöjligt eller oproportionerligt betungande)
item-decision-applied = Rättad
item-decision-refused = Avslagen

## Rättelser på ärendesidan
case-items-title = Beslut om varje rättelse
case-items-hint = Avgör varje punkt innan du avslutar begäran. Ange datakategori för varje punkt, så att de mottagare som får de uppgifterna är förvalda för underrättelserna enligt Art. 19.
case-items-col-item = Begärd rättelse
case-items-col-decision = Beslut
case-items-now = nu: { $current }
case-items-category = Datakategori
case-items-for = Beslut om { $field }
case-items-reason = Varför den avslås (den registrerade får veta)
case-items-save-label = Spara beslutet om { $field }
case-item-unknown = Den punkten ingår inte i den här begäran.
case-item-choose = Välj om rättelsen görs eller avslås.
case-item-reason = Skriv varför rättelsen avslås: den registrerade får veta (Art. 12(4)).
case-items-undecided = Avgör varje rättelse först. Inte avgjorda: { $items }.
case-items-refused-partial = En rättelse avslås, så svaret är ”delvis tillmötesgången”.

## Underrättelser enligt Art. 19 på ärendesidan
case-notices-choose = Underrätta de här mottagarna (Art. 19)
case-notices-choose-hint = Förvalda: de mottagare som får de berörda kategorierna. Var och en får en egen länk för att bekräfta underrättelsen.
case-notices-title = Underrättelser till mottagare (Art. 19)
case-notices-col-recipient = Mottagare
case-notices-col-exempt = Undantagen
case-notices-col-sent = Senast skickad
case-notices-exempt-why = Varför det är omöjligt eller skulle kräva en oproportionerligt stor ansträngning att underrätta den här mottagaren
case-notices-exempt = Markera som undantagen
case-notices-exempt-label = Markera som undantagen: underrättelsen till { $recipient }
case-notice-exempt-why = Förklara varför det är omöjligt eller skulle kräva en oproportionerligt stor ansträngning att underrätta den här mottagaren, med minst { $min } tecken (Art. 19).
case-notice-not-for-kind = Mottagare underrättas bara om rättelse, radering eller begränsning.
case-notice-unknown-recipient = Välj mottagare ur registret.
case-notice-not-open = Den underrättelsen är redan bekräftad eller undantagen.
case-notices-open-title = Obekräftade underrättelser till mottagare
case-notices-open-intro = Underrättelser enligt Art. 19 som inte är bekräftade än, äldsta först. Varje mottagare får automatiskt en påminnelse med en ny länk.
case-notices-open-empty = Alla underrättelser är bekräftade eller undantagna.

## Sidan som länken i en underrättelse öppnar (för mottagaren, utan inloggning)
notice-title = Underrättelse om begäran { $reference }
notice-intro = { $recipient }: en registrerads begäran (”{ $kind }”) har ändrat personuppgifter som vi har lämnat ut till er. GDPR Art. 19 kräver att vi underrättar er.
notice-confirm = Vi ber er bekräfta att ni har åtgärdat den här underrättelsen.
notice-acknowledge = Bekräfta
notice-acknowledged-on = Bekräftad { $date }. Tack.
notice-thanks = Tack: er bekräftelse är registrerad.
notice-exempt = Den här underrättelsen behöver inte bekräftas.

portal-recipients-heading = Vilka vi har underrättat om ändringen
portal-recipients-intro = Vi har lämnat ut dina uppgifter till dessa mottagare och underrättat var och en av dem om ändringen (GDPR Art. 19):
portal-recipients-email = Skicka listan till mig per e-post
portal-notice-recipients-sent = Vi har skickat listan över mottagare till dig per e-post.
dash-audit-recipients_list_sent = Den registrerade bad om listan över mottagare (skickad)

## Administration: mottagare
admin-recipients-title = Mottagare
admin-recipients-intro = Vilka personuppgifter lämnas ut till. När en rättelse, radering eller begränsning slutförs förväljs de mottagare som tar emot de berörda kategorierna för underrättelsen enligt Art. 19.
admin-recipient-receives = Kategorier den tar emot
admin-edit-recipient = Ändra { $recipient }
admin-recipient-id = Id (små bokstäver, siffror, - och _)
admin-recipient-name = Namn
admin-recipient-email = E-postadress för underrättelser
admin-recipient-kind-label = Typ
admin-recipient-country-label = Land (två bokstäver, t.ex. NO, SE, US)
admin-recipient-safeguard-label = Skyddsåtgärd för överföring (utanför EES)
admin-recipient-identifiers = Vad en underrättelse får innehålla för att identifiera personen
admin-recipient-active = Erbjuds för underrättelser
admin-add-recipient = Lägg till en mottagare
admin-done-recipient = Mottagaren har sparats.
admin-recipient-kind = Välj personuppgiftsbiträde, självständigt personuppgiftsansvarig eller myndighet.
admin-recipient-country = Skriv landet med två versaler, t.ex. NO eller US.
admin-recipient-safeguard = En mottagare utanför EES behöver en skyddsåtgärd för överföringen (GDPR kapitel V), t.ex. standardavtalsklausuler.

portal-evidence-heading = Underlag för rättelsen
portal-evidence-intro = Du kan skicka ett dokument som visar de korrekta uppgifterna, till exempel ett brev med din nya adress: en PDF-, PNG-, JPEG- eller textfil på högst { $max } MB.
portal-evidence-item = Vilken rättelse det gäller
portal-evidence-file = Filen
portal-evidence-button = Skicka underlaget
portal-evidence-choose-file = Välj en fil att skicka.
portal-evidence-closed = Den här begäran är avslutad: underlag kan inte längre läggas till.
portal-notice-evidence-added = Tack: vi har tagit emot ditt underlag.
dash-audit-evidence_added = Den registrerade skickade underlag för en rättelse
dash-upload-for-item = underlag för rättelse { $item }
