# Sak 12: innsyns- og portabilitetspakker, behandlingsprotokollen, nedlastinger.

## Behandlingsgrunnlag (Art. 6(1))
legal-basis-consent = Samtykke (Art. 6(1)(a))
legal-basis-contract = Avtale med deg (Art. 6(1)(b))
legal-basis-legal_obligation = Rettslig forpliktelse (Art. 6(1)(c))
legal-basis-vital_interests = Vitale interesser (Art. 6(1)(d))
legal-basis-public_task = Oppgave i allmennhetens interesse (Art. 6(1)(e))
legal-basis-legitimate_interests = Berettigede interesser (Art. 6(1)(f))

## Tidslinje
dash-audit-package_file_added = Fil lagt til i pakken
dash-audit-package_file_removed = Fil tatt ut av pakken
dash-audit-package_records_added = Poster lagt til i pakken
dash-audit-package_records_removed = Poster tatt ut av pakken
dash-audit-package_redacted = Opplysninger sladdet (Art. 15(4))
dash-audit-package_built = Pakken er laget
dash-audit-package_downloaded = Pakken er lastet ned
dash-audit-package_link_sent = Nedlastingslenke sendt til den andre behandlingsansvarlige (Art. 20(2))
dash-audit-package_deleted = Pakken er slettet etter nedlastingsperioden

## Henvendelsessiden
dash-package-heading = Datapakke
dash-package-hint = Opplysningene den registrerte får, samles på en egen side: filer, poster og sladdinger.
dash-package-link = Åpne pakkesiden

## Pakkesiden (saksbehandlere)
package-title = Pakke for { $reference }
package-back = Tilbake til { $reference }
package-intro = Legg til det den registrerte skal få: strukturerte poster (én CSV-fil per datasett, alle samlet i data.json) og filer. Pakken lages når henvendelsen fullføres, med et følgebrev basert på behandlingsprotokollen.
package-built-title = Ferdig pakke
package-size = Størrelse
package-until = Kan lastes ned til
package-expired = Utløpt og slettet
package-downloads = Nedlastinger
package-sha = SHA-256
package-links-title = Lenker sendt til andre behandlingsansvarlige
package-link-line = { $to }: { $count ->
    [one] lastet ned én gang
   *[other] lastet ned { $count } ganger
}
package-send-hint = Den registrerte ba om at opplysningene sendes til { $name } ({ $email }). Lenken har sin egen nøkkel og slutter å virke når pakken slettes.
package-send-button = Send nedlastingslenken til { $name }
package-datasets-title = Strukturerte poster
package-no-datasets = Ingen poster er lagt til ennå.
package-record-count = { $count ->
    [one] 1 post
   *[other] { $count } poster
}
package-preview-caption = De første postene i { $name }
package-redactions-title = Sladdinger
package-redaction-one = { $field } i post { $record }
package-redaction-all = { $field } i alle poster
package-redact-summary = Sladd opplysninger i { $name }
package-redact-hint = Art. 15(4): utelat det som ville krenke andres rettigheter, for eksempel opplysninger om en annen person. Den registrerte ser hva som er utelatt og hvorfor.
package-redact-field = Felt
package-redact-record = Postnummer
package-redact-record-hint = La feltet stå tomt for å sladde feltet i alle poster.
package-redact-reason = Begrunnelse (vises for den registrerte)
package-redact-button = Sladd
package-remove = Ta ut
package-files-title = Filer
package-no-files = Ingen filer er lagt til ennå.
package-col-file = Fil
package-col-category = Datakategori
package-col-size = Størrelse
package-col-actions = Handlinger
package-add-title = Legg til opplysninger
package-category = Datakategori
package-records-title = Poster fra en JSON- eller CSV-fil
package-records-hint = En JSON-liste med objekter, eller en CSV-fil med en overskriftslinje. Hver linje kontrolleres først; ved en eneste feil legges ingenting til.
package-records-name = Navn på datasettet
package-records-file = Fil med postene
package-records-button = Legg til postene
package-file-title = En fil som den er
package-file-hint = En hvilken som helst fil på høyst { $mb } MB. Den legges uendret i pakken og vises aldri i nettleseren.
package-file-label = Fil
package-file-button = Legg til filen
package-done-file = Filen er lagt til.
package-done-records = Postene er lagt til.
package-done-redacted = Sladdingen er registrert.
package-done-removed = Tatt ut av pakken.
package-done-sent = Nedlastingslenken er sendt.

## Feil i pakken
package-file-none = Velg en fil.
package-file-too-large = Filen er større enn { $mb } MB.
package-file-empty = Filen er tom.
package-records-no-file = Velg en JSON- eller CSV-fil med postene.
package-records-too-large = Filen er større enn { $mb } MB. Del den opp i flere datasett.
package-records-not-utf8 = Linje { $line }: filen er ikke UTF-8-tekst.
package-records-more-errors = { $count ->
    [one] og 1 feil til
   *[other] og { $count } feil til
}
package-records-field-empty = Linje { $line }: et felt har ikke noe navn.
package-records-field-long = Linje { $line }: et feltnavn er lengre enn { $max } tegn.
package-records-json = Linje { $line }: ikke gyldig JSON ({ $detail }).
package-records-empty-object = Linje { $line }: post { $number } er tom.
package-records-not-object = Linje { $line }: post { $number } er ikke et objekt med felt.
package-records-none = Filen inneholder ingen poster.
package-records-csv = Linje { $line }: ikke gyldig CSV ({ $detail }).
package-records-no-header = Linje { $line }: den første linjen må navngi feltene.
package-records-field-twice = Linje { $line }: feltet { $field } er navngitt to ganger.
package-records-csv-fields = Linje { $line }: { $found } felt, men overskriftslinjen har { $expected }.
package-redaction-reason-short = Skriv en begrunnelse på minst { $min } tegn; den registrerte leser den.
package-redaction-field = Velg et felt i dette datasettet.
package-redaction-record = Skriv et postnummer fra 1 til { $count }, eller la feltet stå tomt.
package-send-no-controller = Den registrerte har ikke oppgitt noen behandlingsansvarlig som opplysningene skal sendes til.
package-send-no-package = Det finnes ingen pakke ennå: den lages når henvendelsen fullføres.
package-send-expired = Pakken er utløpt; lenken kan ikke sendes.

## Statussiden for den registrerte
portal-package-heading = Opplysningene dine
portal-package-intro = Opplysningene dine er klare til nedlasting som en ZIP-fil. Den inneholder et brev som forklarer innholdet, opplysningene dine som JSON og som CSV-filer, og eventuelle dokumenter.
portal-package-download = Last ned opplysningene dine ({ $size })
portal-package-until = Du kan laste dem ned til { $date }.
portal-package-expired = Nedlastingsperioden gikk ut { $date }, og filen er slettet. Kontakt oss hvis du trenger den igjen.

## Lenke sendt til en annen behandlingsansvarlig (Art. 20(2))
package-link-title = Opplysninger for { $reference }
package-link-intro = { $organisation } sender dere disse opplysningene fordi personen de gjelder, har bedt om at de overføres til dere (personvernforordningen, GDPR Art. 20(2)).
package-link-download = Last ned opplysningene ({ $size })
package-link-until = Nedlasting er mulig til { $date }.

## E-poster
mail-package-ready = Opplysningene dine er klare til nedlasting fra siden for henvendelsen din frem til { $date }.
mail-package-link-subject = { $organisation }: opplysninger overført etter ønske fra en person ({ $reference })
mail-package-link-intro = { $name } har bedt { $organisation } om å overføre opplysningene sine til dere (personvernforordningen, GDPR Art. 20(2)), med referansen { $reference }.
mail-package-link-download = Last dem ned med denne lenken frem til { $date }:
mail-package-link-contents = ZIP-filen inneholder opplysningene som JSON og som CSV-filer, med et brev som forklarer dem. Lenken er bare til dere; ikke send den videre.

## Følgebrevet i pakken
cover-title = Opplysningene dine: { $reference }
cover-reference = Referanse { $reference }
cover-hello = Hei { $name },
cover-intro-access = Du ba om innsyn i personopplysningene dine (personvernforordningen, GDPR Art. 15). Dette brevet forklarer hva vi har om deg og hvordan vi bruker det; opplysningene dine ligger i filene ved siden av.
cover-intro-portability = Du ba om å få opplysningene dine i et strukturert, maskinlesbart format (personvernforordningen, GDPR Art. 20). De ligger i data.json og i én CSV-fil per datasett; dette brevet forklarer dem.
cover-until = Du kan laste dem ned til { $date }.
cover-contents = Hva denne pakken inneholder
cover-contents-files = data.json inneholder alle datasettene med feltene sine; hvert datasett er også en CSV-fil. Dokumentene ligger i mappen files.
cover-datasets = Datasett
cover-dataset = Datasett
cover-file = Fil
cover-category = Datakategori
cover-records = Poster
cover-files = Dokumenter
cover-size = Størrelse
cover-redactions = Hva som er utelatt
cover-redactions-intro = Noen verdier er erstattet med [redacted] fordi det ville krenke andres rettigheter å utlevere dem, for eksempel opplysninger om en annen person (Art. 15(4)).
cover-field = Felt
cover-record = Post
cover-reason = Hvorfor
cover-every-record = alle poster
cover-purposes = Hvorfor vi behandler opplysningene dine, og hvor lenge
cover-no-purposes = Behandlingsprotokollen oppgir ikke noe formål for opplysningene i denne pakken.
cover-purpose = Formål
cover-basis = Behandlingsgrunnlag
cover-retention = Hvor lenge vi lagrer dem
cover-categories = Hvilke typer opplysninger
cover-recipients = Hvem som mottar opplysningene dine
cover-no-recipients = Vi deler ikke opplysningene i denne pakken med noen.
cover-recipients-intro = Vi oppgir hver mottaker ved navn, ikke bare typen mottaker (EU-domstolen, C-154/21).
cover-recipient = Mottaker
cover-recipient-kind = Rolle
cover-country = Land
cover-transfers = Overføringer utenfor EØS
cover-no-transfers = Opplysningene i denne pakken overføres ikke utenfor EØS.
cover-transfer = { $name } i { $country }
cover-safeguard = Overføringsgrunnlag: { $safeguard }.
cover-sources = Hvor opplysningene kommer fra
cover-source-you = Du har gitt oss disse opplysningene selv, eller de har oppstått gjennom din bruk av tjenestene våre.
cover-source-you-except = Du har gitt oss de fleste av disse opplysningene selv. Disse formålene bruker også opplysninger fra andre kilder:
cover-automated = Automatiserte avgjørelser
cover-no-automated = Vi tar ingen avgjørelse om deg som utelukkende bygger på automatisert behandling, herunder profilering, med opplysningene i denne pakken.
cover-rights = Dine rettigheter
cover-right-rectification = å få uriktige opplysninger rettet (Art. 16);
cover-right-erasure = å få opplysningene dine slettet (Art. 17);
cover-right-restriction = å få bruken av dem begrenset (Art. 18);
cover-right-objection = å protestere mot bruken av dem, og når som helst mot direkte markedsføring (Art. 21);
cover-right-portability = å få utlevert opplysninger du har gitt oss, eller få dem sendt til en annen behandlingsansvarlig (Art. 20);
cover-right-consent = å trekke tilbake et samtykke når som helst, uten at det påvirker det som er gjort før (Art. 7(3)).
cover-authority = Klage
cover-authority-intro = Du kan klage til tilsynsmyndigheten for personvern:
cover-contact = Kontakt oss

## Behandlingsprotokollen (administratorer)
dash-nav-processing = Behandlingsprotokoll
admin-processing-title = Behandlingsprotokoll
admin-processing-intro = Hvert formål med behandlingsgrunnlaget, opplysningene det bruker, hvem som mottar dem, hvor lenge de lagres, hvor de kommer fra og eventuelle automatiserte avgjørelser (Art. 30). Innsynspakkene forklarer seg selv ut fra denne protokollen, avgrenset til den registrertes opplysninger.
admin-purpose-col-purpose = Formål
admin-purpose-col-basis = Behandlingsgrunnlag
admin-purpose-col-data = Opplysninger og mottakere
admin-purpose-col-retention = Lagringstid
admin-purpose-shared-with = Deles med:
admin-edit-purpose = Endre { $purpose }
admin-add-purpose = Legg til et formål
admin-done-purpose = Behandlingsprotokollen er lagret.
admin-purpose-label-en = Formål på engelsk
admin-purpose-label-nb = Formål på norsk (bokmål)
admin-purpose-label-sv = Formål på svensk
admin-purpose-retention-en = Lagringstid i ord, engelsk
admin-purpose-retention-nb = Lagringstid i ord, norsk (bokmål)
admin-purpose-retention-sv = Lagringstid i ord, svensk
admin-purpose-source-en = Kilde når den ikke er den registrerte, engelsk
admin-purpose-source-nb = Kilde når den ikke er den registrerte, norsk (bokmål)
admin-purpose-source-sv = Kilde når den ikke er den registrerte, svensk
admin-purpose-automated-en = Automatisert avgjørelse og logikken bak den, engelsk
admin-purpose-automated-nb = Automatisert avgjørelse og logikken bak den, norsk (bokmål)
admin-purpose-automated-sv = Automatisert avgjørelse og logikken bak den, svensk
admin-purpose-basis-label = Behandlingsgrunnlag
admin-purpose-choose = Velg…
admin-purpose-rule-label = Oppbevaringsregel
admin-purpose-rule-hint = En regel fra oppbevaringsreglene, eller ingen og lagringstiden i ord.
admin-purpose-rule-none = Ingen: i ord
admin-purpose-categories-label = Datakategorier som brukes
admin-purpose-recipients-label = Mottakere
admin-purpose-active = I bruk
admin-purpose-all-languages = Skriv denne teksten på alle språk, eller på ingen.
admin-purpose-basis = Velg behandlingsgrunnlaget.
admin-purpose-retention = Velg en oppbevaringsregel eller skriv lagringstiden i ord.
admin-purpose-categories = Velg minst én datakategori fra registeret.
admin-purpose-code = Skriv en kode av små bokstaver, sifre og _ som begynner med en bokstav (høyst 40 tegn).
admin-purpose-code-taken = Det finnes allerede et formål med denne koden; endre det i listen over.
admin-purpose-rule-unknown = Velg en regel fra oppbevaringsreglene.
admin-purpose-recipient-unknown = Velg mottakere fra mottakerregisteret.
package-disk-full = Disken på serveren er full, så ingenting ble lagret. Si fra til administratoren, og prøv igjen etterpå.
