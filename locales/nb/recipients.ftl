# Sak 11: mottakere, beslutninger om retting og varsler etter Art. 19.

dash-nav-notices = Varsler til mottakere
dash-done-exempt = Varselet er markert som unntatt.
dash-audit-item_decided = Retting avgjort
dash-audit-notices_queued = Mottakere varslet (Art. 19)
dash-audit-notice_acknowledged = En mottaker bekreftet varselet
dash-audit-notice_exempt = Varsel unntatt (umulig eller uforholdsmessig stor innsats)
dash-audit-notice_reminded = Mottakeren fikk en påminnelse om varselet

recipient-kind-processor = Databehandler (Art. 28)
recipient-kind-controller = Selvstendig behandlingsansvarlig
recipient-kind-authority = Offentlig myndighet
recipient-identifier-customer_number = Kundenummer
recipient-identifier-email = E-postadresse
recipient-identifier-phone = Telefonnummer
recipient-identifier-name = Navn
notice-status-pending = Venter på å bli sendt
notice-status-sent = Sendt, ikke bekreftet ennå
notice-status-acknowledged = Bekreftet
notice-status-failed = Kunne ikke sendes
notice-status-exempt = Unntatt (umulig eller uforholdsmessig stor innsats)
item-decision-applied = Rettet
item-decision-refused = Avslått

## Rettinger på henvendelsessiden
case-items-title = Beslutning for hver retting
case-items-hint = Avgjør hvert punkt før du fullfører henvendelsen. Angi datakategorien for hvert punkt, slik at mottakerne som får disse opplysningene, er forhåndsvalgt for varslene etter Art. 19.
case-items-col-item = Ønsket retting
case-items-col-decision = Beslutning
case-items-now = nå: { $current }
case-items-category = Datakategori
case-items-for = Beslutning om { $field }
case-items-reason = Hvorfor den avslås (den registrerte får beskjed)
case-items-save-label = Lagre beslutningen om { $field }
case-item-unknown = Dette punktet hører ikke til denne henvendelsen.
case-item-choose = Velg om rettingen gjøres eller avslås.
case-item-reason = Skriv hvorfor rettingen avslås: den registrerte får beskjed (Art. 12(4)).
case-items-undecided = Avgjør hver retting først. Ikke avgjort: { $items }.
case-items-refused-partial = En retting er avslått, så svaret er «delvis innfridd».

## Varsler etter Art. 19 på henvendelsessiden
case-notices-choose = Varsle disse mottakerne (Art. 19)
case-notices-choose-hint = Forhåndsvalgt: mottakerne som får de berørte kategoriene. Hver av dem får sin egen lenke for å bekrefte varselet.
case-notices-title = Varsler til mottakere (Art. 19)
case-notices-col-recipient = Mottaker
case-notices-col-exempt = Unntatt
case-notices-col-sent = Sist sendt
case-notices-exempt-why = Hvorfor det er umulig eller vil kreve uforholdsmessig stor innsats å varsle denne mottakeren
case-notices-exempt = Marker som unntatt
case-notices-exempt-label = Marker som unntatt: varselet til { $recipient }
case-notice-exempt-why = Forklar hvorfor det er umulig eller vil kreve uforholdsmessig stor innsats å varsle denne mottakeren, med minst { $min } tegn (Art. 19).
case-notice-not-for-kind = Mottakere varsles bare om retting, sletting eller begrensning.
case-notice-unknown-recipient = Velg mottakere fra registeret.
case-notice-not-open = Dette varselet er allerede bekreftet eller unntatt.
case-notices-open-title = Ubekreftede varsler til mottakere
case-notices-open-intro = Varsler etter Art. 19 som ikke er bekreftet ennå, eldste først. Hver mottaker får automatisk en påminnelse med en ny lenke.
case-notices-open-empty = Alle varsler er bekreftet eller unntatt.

## Siden lenken i et varsel åpner (for mottakeren, uten innlogging)
notice-title = Varsel om henvendelse { $reference }
notice-intro = { $recipient }: en henvendelse fra en registrert person («{ $kind }») har endret personopplysninger vi har utlevert til dere. GDPR Art. 19 pålegger oss å varsle dere.
notice-confirm = Vi ber dere bekrefte at dere har fulgt opp dette varselet.
notice-acknowledge = Bekreft
notice-acknowledged-on = Bekreftet { $date }. Takk.
notice-thanks = Takk: bekreftelsen deres er registrert.
notice-exempt = Dette varselet trenger ingen bekreftelse.

portal-recipients-heading = Hvem vi har varslet om endringen
portal-recipients-intro = Vi har utlevert opplysningene dine til disse mottakerne, og varslet hver av dem om endringen (GDPR Art. 19):
portal-recipients-email = Send meg denne listen på e-post
portal-notice-recipients-sent = Vi har sendt deg listen over mottakere på e-post.
dash-audit-recipients_list_sent = Den registrerte ba om listen over mottakere (sendt)

## Administrasjon: mottakere
admin-recipients-title = Mottakere
admin-recipients-intro = Hvem personopplysninger utleveres til. Når en retting, sletting eller begrensning fullføres, blir mottakerne som mottar de aktuelle kategoriene forhåndsvalgt for varselet etter Art. 19.
admin-recipient-receives = Kategorier den mottar
admin-edit-recipient = Endre { $recipient }
admin-recipient-id = Id (små bokstaver, sifre, - og _)
admin-recipient-name = Navn
admin-recipient-email = E-postadresse for varsler
admin-recipient-kind-label = Type
admin-recipient-country-label = Land (to bokstaver, f.eks. NO, SE, US)
admin-recipient-safeguard-label = Overføringsgrunnlag (utenfor EØS)
admin-recipient-identifiers = Hva et varsel kan inneholde for å identifisere personen
admin-recipient-active = Tilbys for varsler
admin-add-recipient = Legg til en mottaker
admin-done-recipient = Mottakeren er lagret.
admin-recipient-kind = Velg databehandler, selvstendig behandlingsansvarlig eller myndighet.
admin-recipient-country = Skriv landet med to store bokstaver, f.eks. NO eller US.
admin-recipient-safeguard = En mottaker utenfor EØS trenger et overføringsgrunnlag (GDPR kapittel V), f.eks. standard personvernbestemmelser.

portal-evidence-heading = Dokumentasjon for rettingen
portal-evidence-intro = Du kan sende et dokument som viser de riktige opplysningene, for eksempel et brev med den nye adressen din: en PDF-, PNG-, JPEG- eller tekstfil på høyst { $max } MB.
portal-evidence-item = Hvilken retting det gjelder
portal-evidence-file = Filen
portal-evidence-button = Send dokumentasjonen
portal-evidence-choose-file = Velg en fil å sende.
portal-evidence-closed = Denne henvendelsen er avsluttet: det kan ikke lenger legges til dokumentasjon.
portal-notice-evidence-added = Takk: vi har mottatt dokumentasjonen din.
dash-audit-evidence_added = Den registrerte sendte dokumentasjon for en retting
dash-upload-for-item = dokumentasjon for retting { $item }
