# Sak 10: datakategorier, oppbevaringsregler, utfall av sletting, begrensning, protest,
# registeret over oppbevarte opplysninger og sperrelisten.

## Navigasjon og meldinger
dash-nav-retention = Oppbevarte opplysninger
dash-nav-suppression = Sperreliste
dash-nav-registers = Registre
dash-done-outcome = Utfallet er registrert.
dash-done-decided = Beslutningen er registrert.
dash-done-lift = Den registrerte får beskjed. Begrensningen oppheves når den e-posten er sendt (Art. 18(3)).

dash-queue-retention-due = { $count ->
    [one] { $count } oppfølgingsoppgave: oppbevarte opplysninger der oppbevaringsplikten er over, må slettes.
   *[other] { $count } oppfølgingsoppgaver: oppbevarte opplysninger der oppbevaringsplikten er over, må slettes.
}
dash-queue-retention-due-link = Åpne oppgavene

## Tidslinje
dash-audit-outcome_recorded = Utfall registrert for en kategori
dash-audit-retention_ended = Lovpålagt oppbevaring er over: slett opplysningene
dash-audit-retained_erased = Oppbevarte opplysninger slettet
dash-audit-restriction_lift_requested = Opphevingen av begrensningen varslet til den registrerte
dash-audit-restriction_lifted = Begrensningen opphevet
dash-audit-restriction_ground_recorded = Grunnlaget for begrensningen er registrert
dash-audit-suppressed = Satt på sperrelisten (Art. 21(3))
dash-audit-objection_decided = Protest avgjort for et formål

## Oppbevaringstid i ord
dash-rule-days = { $amount ->
    [one] { $amount } dag
   *[other] { $amount } dager
}
dash-rule-months = { $amount ->
    [one] { $amount } måned
   *[other] { $amount } måneder
}
dash-rule-years = { $amount ->
    [one] { $amount } år
   *[other] { $amount } år
}
dash-rule-after-event = etter hendelsen
dash-rule-after-financial-year = etter utløpet av regnskapsåret
dash-rule-after-calendar-year = etter utløpet av kalenderåret da regnskapsåret ble avsluttet

## Hva som ble gjort med en kategori
category-outcome-erased = Slettet
category-outcome-retained = Oppbevart etter en rettslig forpliktelse (Art. 17(3)(b))
category-outcome-not_held = Ikke lagret
category-outcome-restricted = Begrenset (Art. 18)

## Henvendelsessiden: utfall per kategori
case-outcomes-title = Hva som ble gjort med hver kategori
case-outcomes-title-restriction = Begrensede kategorier
case-outcomes-hint = Registrer et utfall for hver kategori før du fullfører henvendelsen. Opplysninger du må oppbevare etter loven, oppbevares etter en regel, frem til datoen regelen gir.
case-outcomes-hint-restriction = Registrer hvilke kategorier som er begrenset (Art. 18(1)). Begrensede opplysninger blir bare lagret, ikke brukt på noen annen måte.
case-outcomes-col-outcome = Utfall
case-outcomes-col-record = Registrer
case-outcomes-erased-since = Slettet
case-outcomes-none-yet = Ikke registrert ennå
case-outcomes-for = Utfall for { $category }
case-outcomes-rule = Regelen som krever oppbevaring
case-outcomes-anchor = Datoen regelen regnes fra
case-outcomes-anchor-hint = Datoen for den siste oppføringen, for eksempel den siste fakturaen (ÅÅÅÅ-MM-DD).
case-outcomes-save = Lagre
case-outcomes-save-label = Lagre utfallet for { $category }
case-outcomes-missing = Registrer et utfall for hver kategori først. Mangler: { $categories }.
case-outcome-choose = Velg hva som ble gjort med denne kategorien.
case-outcome-rule = Velg regelen som krever at disse opplysningene oppbevares.
case-outcome-anchor-format = Skriv datoen regelen regnes fra, som ÅÅÅÅ-MM-DD.
case-outcome-anchor-future = Datoen regelen regnes fra, kan ikke være i fremtiden.
case-outcome-until-passed = Den regelen krevde bare oppbevaring frem til { $date }. Slett opplysningene i stedet.
case-outcome-retained-partial = Noen opplysninger oppbevares etter en rettslig forpliktelse, så svaret er «delvis innfridd».
case-restriction-ground = Grunnlaget for begrensningen (Art. 18(1))
case-restriction-ground-save = Lagre grunnlaget
case-restriction-none = Registrer minst én begrenset kategori først.

## Oppheving av en begrensning (Art. 18(3))
case-lift-title = Opphev begrensningen
case-lift-hint = Den registrerte får e-post først (Art. 18(3)). Begrensningen gjelder til den e-posten er sendt.
case-lift-reason = Hvorfor begrensningen oppheves (den registrerte får beskjed)
case-lift-button = Varsle den registrerte og opphev
case-lift-waiting = Opphevingen er varslet: begrensningen oppheves når e-posten til den registrerte er sendt.
case-lift-done = Begrensningen ble opphevet
case-lift-already = Opphevingen av denne begrensningen er allerede varslet.

## Protest (Art. 21)
case-objection-title = Beslutning for hvert formål
case-objection-hint = Direkte markedsføring stanses alltid, uten interesseavveining (Art. 21(3)). For alle andre formål tar du protesten til følge, eller avslår den med de tvingende berettigede grunnene eller rettskravene som krever behandlingen (Art. 21(1)).
case-objection-col-purpose = Formål
case-objection-col-decision = Beslutning
case-objection-upheld = Tatt til følge: behandlingen for dette formålet stanser
case-objection-automatic = automatisk
case-objection-refused = Avslått
case-objection-undecided-badge = Ikke avgjort ennå
case-objection-for = Beslutning om { $purpose }
case-objection-uphold = Ta protesten til følge
case-objection-refuse = Avslå: det finnes tvingende grunner
case-objection-grounds-label = Tvingende berettigede grunner, eller rettskravene (den registrerte får beskjed)
case-objection-grounds-hint = Må fylles ut når du avslår. Forklar hvorfor disse grunnene går foran den registrertes interesser, rettigheter og friheter.
case-objection-save-label = Lagre beslutningen om { $purpose }
case-objection-choose = Velg om protesten tas til følge eller avslås.
case-objection-grounds = Skriv de tvingende berettigede grunnene eller rettskravene, minst { $min } tegn (Art. 21(1)).
case-objection-dm-absolute = En protest mot direkte markedsføring kan ikke avslås (Art. 21(3)).
case-objection-undecided = Avgjør hvert formål først. Ikke avgjort: { $purposes }.
case-objection-refused-partial = En del av protesten er avslått, så svaret er «delvis innfridd».
case-objection-automatic-answer = Vi har sluttet å bruke opplysningene dine til direkte markedsføring, slik du ba om. E-postadressen og telefonnummeret ditt står på sperrelisten vår (Art. 21(3)).

## Registeret over oppbevarte opplysninger
ret-title = Oppbevarte opplysninger
ret-intro = Opplysninger som oppbevares etter en henvendelse om sletting fordi en lov krever det, med tidligste sluttdato først. Når tiden etter en regel er ute, får saksbehandleren en oppfølgingsoppgave her og på e-post.
ret-col-category = Kategori
ret-col-rule = Regel
ret-col-until = Oppbevares til
ret-col-request = Henvendelse
ret-col-actions = Handlinger
ret-any = Alle
ret-due-only = Bare de der tiden er ute
ret-filter = Filtrer
ret-empty = Ingenting oppbevares.
ret-time-up = Tiden er ute
ret-from = regnet fra { $date }
ret-until = til { $date }
ret-erased = Marker som slettet
ret-erased-label = Marker som slettet: { $category }, { $reference }
ret-more = Viser de første { $count }. Filtrer for å se resten.

## Sperreliste
sup-title = Sperreliste
sup-intro = E-postadresser og telefonnumre som aldri igjen skal brukes til direkte markedsføring (Art. 21(3)). Markedsføringssystemene leser eksporten.
sup-count = { $count ->
    [one] { $count } oppføring.
   *[other] { $count } oppføringer.
}
sup-export-csv = Eksporter som CSV
sup-export-json = Eksporter som JSON
sup-empty = Listen er tom.
sup-col-kind = Type
sup-col-value = Adresse eller nummer
sup-col-since = Siden
sup-col-request = Henvendelse
sup-kind-email = E-postadresse
sup-kind-phone = Telefonnummer
sup-open-request = Åpne henvendelsen

## Administrasjon: registre
admin-registers-title = Registre
admin-categories-title = Datakategorier
admin-categories-intro = Kategoriene de registrerte velger blant, og som saksbehandlerne registrerer utfall for. Kodene endres aldri, slik at lagrede henvendelser beholder betydningen sin; teksten kan endres.
admin-col-code = Kode
admin-col-label = Tekst
admin-col-offered = Tilbys
admin-col-change = Endre
admin-yes = Ja
admin-no = Nei
admin-edit-category = Endre { $category }
admin-label-en = Tekst på engelsk
admin-label-nb = Tekst på norsk (bokmål)
admin-label-sv = Tekst på svensk
admin-label-hint = La feltet stå tomt for å beholde den innebygde teksten.
admin-offered = Tilbys de registrerte og saksbehandlerne
admin-save = Lagre
admin-add = Legg til
admin-add-category = Legg til en kategori
admin-code-hint = Små bokstaver, sifre og _, og den må begynne med en bokstav, for eksempel loyalty_points. Den kan ikke endres senere.
admin-category-code-invalid = Skriv en kode av små bokstaver, sifre og _ som begynner med en bokstav (høyst 40 tegn), og som ingen kategori har fra før.
admin-label-required = Skriv teksten på dette språket også: de registrerte leser portalen på norsk, svensk og engelsk.
admin-done-category = Kategorien er lagret.
admin-rules-title = Oppbevaringsregler
admin-rules-intro = Lover som krever at opplysninger oppbevares etter en henvendelse om sletting (Art. 17(3)(b)). De forhåndsinnlagte reglene er eksempler: kontroller hver av dem før bruk i produksjon, og lagre den.
admin-col-rule = Regel
admin-col-period = Periode
admin-verify-badge = Kontroller før bruk i produksjon
admin-not-offered = Tilbys ikke
admin-edit-rule = Endre { $rule }
admin-citation = Rettslig grunnlag (henvisning)
admin-amount = Periode (et tall)
admin-unit = Enhet
admin-unit-days = dager
admin-unit-months = måneder
admin-unit-years = år
admin-anchor = Regnes fra
admin-text-en = Det den registrerte får vite, på engelsk
admin-text-nb = Det den registrerte får vite, på norsk (bokmål)
admin-text-sv = Det den registrerte får vite, på svensk
admin-verify = Må fortsatt kontrolleres før bruk i produksjon
admin-add-rule = Legg til en regel
admin-rule-id-hint = Små bokstaver, sifre, - og _, og den må begynne med en bokstav, for eksempel no-accounting-primary.
admin-rule-id-invalid = Skriv en regel-ID av små bokstaver, sifre, - og _ som begynner med en bokstav (høyst 60 tegn), og som ingen regel har fra før.
admin-rule-category = Velg kategorien regelen gjelder for.
admin-rule-amount = Skriv perioden som et heltall fra 0 til 1200.
admin-rule-unit = Velg dager, måneder eller år.
admin-rule-anchor = Velg hva perioden regnes fra.
admin-done-rule = Regelen er lagret.
