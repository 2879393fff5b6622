## Feilmeldinger ved skjemafelt, og ordene for typene henvendelser: navn, forklaringer,
## datakategorier, rettslige grunnlag og formål.

field-required = Fyll ut dette feltet.
field-too-long = Dette kan være høyst { $max } tegn.
field-single-line = Dette må stå på én linje.
field-direction-marks = Dette kan ikke inneholde usynlige tegn som endrer tekstretningen.
field-bad-chars = Dette inneholder tegn som ikke er tillatt.

field-email-required = Skriv inn e-postadressen din.
field-email-too-long = En e-postadresse kan være høyst { $max } tegn.
field-email-bad-chars = En e-postadresse kan ikke inneholde mellomrom eller tegnene <>()[],;:"\.
field-email-no-at = En e-postadresse må ha en @, for eksempel navn@eksempel.no.
field-email-bad-local = Delen foran @ er ikke gyldig.
field-email-bad-domain = Delen etter @ må være et domene, for eksempel eksempel.no.
field-email-undeliverable = Vi kan ikke sende e-post til denne adressen.

field-kind-required = Velg hva du vil at vi skal gjøre.
field-kind-unknown = Velg en av henvendelsestypene i listen.
field-rect-none = Fortell oss minst én ting som skal rettes, og hva som er riktig.
field-category-unknown = Velg kategorier fra listen.
field-category-none = Velg minst én kategori, eller velg «alt».
field-erasure-scope = Velg alt eller utvalgte kategorier.
field-erasure-scope-mismatch = Du valgte «alt», men krysset også av for noen kategorier. Velg «bare kategoriene jeg krysser av for» hvis du vil at vi bare skal slette dem, eller fjern krysset for å slette alt.
field-ground-unknown = Velg et grunnlag fra listen.
field-restriction-ground-required = Velg hvorfor behandlingen skal begrenses (Art. 18(1)).
field-format = Velg JSON eller CSV.
field-purpose-unknown = Velg formål fra listen.
field-purpose-none = Velg hva du protesterer mot.
field-objection-reasons = Fortell kort hvorfor du protesterer, ut fra din særlige situasjon (Art. 21(1)).
field-answer-empty = Skriv svaret ditt, eller legg ved en fil, før du sender.
field-form-incomplete = Skjemaet er ikke komplett. Last inn siden på nytt og prøv igjen.
field-file-empty = Filen er tom. Velg filen på nytt, eller send svaret uten fil.
field-file-too-large = Filen er større enn { $max } MB. Send en mindre fil (for eksempel et bilde med lavere oppløsning), eller send svaret uten den.
field-file-not-allowed = Vi tar bare imot PDF-dokumenter, PNG- eller JPEG-bilder og rene tekstfiler. Denne filen er ingen av delene.
field-file-mismatch = Filen oppgir at den er { $declared }, men innholdet stemmer ikke. Send et PDF-dokument, et PNG- eller JPEG-bilde eller en ren tekstfil.

kind-access = Innsyn i mine personopplysninger (Art. 15)
kind-rectification = Retting av mine personopplysninger (Art. 16)
kind-erasure = Sletting av mine personopplysninger (Art. 17)
kind-restriction = Begrensning av behandlingen (Art. 18)
kind-portability = En kopi av opplysningene mine som kan flyttes (dataportabilitet, Art. 20)
kind-objection = Protest mot en bruk av opplysningene mine (Art. 21)

kind-explain-access = Spør hvilke personopplysninger vi har om deg, hvorfor vi bruker dem, hvem vi deler dem med og hvor lenge vi lagrer dem, og få en kopi.
kind-explain-rectification = Fortell oss hva som er feil eller ufullstendig i opplysningene dine, for eksempel navn eller adresse, så retter vi det.
kind-explain-erasure = Be oss slette opplysningene dine. Der loven pålegger oss å beholde noe (for eksempel regnskapsopplysninger), forteller vi deg hva vi beholder, hvorfor og hvor lenge.
kind-explain-restriction = Be oss slutte å bruke opplysningene dine en stund, men beholde dem, for eksempel mens vi undersøker om de er riktige.
kind-explain-portability = Få opplysningene du har gitt oss i en maskinlesbar fil (JSON eller CSV), eller få dem sendt til et annet selskap.
kind-explain-objection = Protester mot en bruk av opplysningene dine, for eksempel direkte markedsføring (da stanser vi alltid) eller profilering.

kind-ask-access = Be om innsyn
kind-ask-rectification = Be om retting
kind-ask-erasure = Be om sletting
kind-ask-restriction = Be om begrensning
kind-ask-portability = Be om en kopi du kan ta med deg
kind-ask-objection = Protester mot en bruk

kind-detail-scope = Omfang: { $scope }
kind-detail-scope-all = Omfang: alle personopplysninger
kind-detail-scope-everything = Omfang: alt
kind-detail-correction = { $field }: skal være «{ $value }»
kind-detail-correction-now = (nå «{ $current }»)
kind-detail-evidence = dokumentasjon: { $evidence }
kind-detail-erasure-ground = Grunnlag: Art. 17(1)({ $code }) { $ground }
kind-detail-restriction-ground = Grunnlag: Art. 18(1)({ $code }) { $ground }
kind-detail-details = Detaljer: { $details }
kind-detail-format = Format: { $format }
kind-detail-send-to = Send til: { $name } <{ $email }>
kind-detail-objects-to = Protesterer mot: { $purposes }
kind-detail-reasons = Begrunnelse: { $reasons }

category-contact = Kontaktopplysninger, konto og profil
category-billing = Fakturaer og fakturahistorikk
category-traffic = Samtalelogger og trafikkdata
category-ip_logs = Tildelte IP-adresser og tilkoblingslogger
category-support = Kundeservicehenvendelser
category-marketing = Markedsføringsvalg og kampanjehistorikk
category-analytics = Nettstedsstatistikk og informasjonskapsler
category-payment = Betalingsreferanser
category-recordings = Samtaleopptak, talepost og faks
category-cctv = Kameraovervåking og adgangskortlogger
category-applications = Jobbsøknader

erasure-ground-a = Opplysningene trengs ikke lenger for formålet de ble samlet inn for
erasure-ground-b = Jeg trekker tilbake samtykket mitt, og det finnes ikke noe annet rettslig grunnlag
erasure-ground-c = Jeg protesterer mot behandlingen (Art. 21)
erasure-ground-d = Opplysningene er behandlet ulovlig
erasure-ground-e = Opplysningene må slettes for å oppfylle en rettslig forpliktelse
erasure-ground-f = Opplysningene ble samlet inn i forbindelse med informasjonssamfunnstjenester som ble tilbudt et barn

restriction-ground-a = Jeg bestrider at opplysningene er riktige (mens dere kontrollerer dem)
restriction-ground-b = Behandlingen er ulovlig, men jeg vil ikke at opplysningene skal slettes
restriction-ground-c = Dere trenger ikke lenger opplysningene, men jeg trenger dem for et rettskrav
restriction-ground-d = Jeg har protestert (Art. 21(1)), og dere undersøker om deres grunner går foran mine

objection-purpose-direct_marketing = Direkte markedsføring (da stanser vi alltid, Art. 21(3))
objection-purpose-profiling = Profilering
objection-purpose-other = En annen bruk basert på berettiget interesse eller en oppgave i allmennhetens interesse
