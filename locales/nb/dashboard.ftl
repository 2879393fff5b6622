## Saksbehandlingen: køen, henvendelsessiden, manuell registrering, kontoer, innlogging.

dash-title = Saksbehandling
dash-skip-to-content = Hopp til innholdet
dash-nav-label = Saksbehandling
dash-nav-queue = Kø
dash-nav-intake = Registrer en henvendelse
dash-nav-accounts = Kontoer
dash-nav-account = Din konto
dash-log-out = Logg ut
dash-language-label = Språk
dash-error-title-prefix = Feil:
dash-error-summary-title = Noe må rettes
dash-error-summary-kept = Ingenting ble endret. Rett opp følgende; ingenting av det du skrev, er tapt:
dash-choose = Velg …

## Navn på lagrede koder.

status-awaiting_verification = Venter på bekreftelse
status-open = Åpen
status-in_progress = Under behandling
status-awaiting_subject = Venter på svar fra den registrerte
status-completed = Fullført
status-rejected = Avvist
status-withdrawn = Trukket tilbake
status-expired = Utløpt
outcome-fulfilled = Innfridd
outcome-partially_fulfilled = Delvis innfridd
outcome-no_data_held = Ingen opplysninger lagret
rejection-identity_not_verified = Identiteten kunne ikke bekreftes
rejection-manifestly_unfounded = Åpenbart grunnløs (art. 12 nr. 5)
rejection-excessive = Overdreven (art. 12 nr. 5)
rejection-not_applicable = Rettigheten gjelder ikke
rejection-other = Annen grunn
question-purpose-identity = Bekrefte den registrertes identitet (art. 12 nr. 6)
question-purpose-clarification = Avklare hva henvendelsen gjelder
question-purpose-other = Noe annet
channel-portal = Nettskjema
channel-api = API
channel-phone = Telefon
channel-letter = Brev
channel-email = E-post
channel-in_person = Personlig oppmøte
role-admin = Administrator
role-handler = Saksbehandler
role-auditor = Revisor
file-type-pdf = PDF-dokument
file-type-png = PNG-bilde
file-type-jpeg = JPEG-bilde
file-type-text = Ren tekst
dash-kind-access = innsyn
dash-kind-rectification = retting
dash-kind-erasure = sletting
dash-kind-restriction = begrensning
dash-kind-portability = dataportabilitet
dash-kind-objection = protest

## Køen.

dash-queue-title = Kø
dash-queue-failed-mail = { $count ->
    [one] { $count } e-post kunne ikke sendes.
   *[other] { $count } e-poster kunne ikke sendes.
}
dash-queue-failed-mail-more = Mer enn { $count } e-poster kunne ikke sendes.
dash-queue-failed-mail-link = Se hvilke
dash-queue-filter-status = Status
dash-queue-filter-active = Trenger handling
dash-queue-filter-all = Alle
dash-queue-filter-kind = Type
dash-queue-filter-all-kinds = Alle typer
dash-queue-filter-button = Filtrer
dash-queue-count = { $count ->
    [one] { $count } henvendelse, tidligste frist først.
   *[other] { $count } henvendelser, tidligste frist først.
}
dash-queue-count-more = Mer enn { $count } henvendelser, tidligste frist først.
dash-queue-caption = Henvendelser, tidligste frist først
dash-col-reference = Referanse
dash-col-kind = Type
dash-col-status = Status
dash-col-received = Mottatt
dash-col-due = Frist
dash-col-days-left = Dager igjen
dash-no-email-badge = ingen e-post
dash-no-email-title = Ingen e-postadresse: svar per post eller telefon
dash-paused-text = (fristen står stille)
dash-missed-promise-badge = løfte brutt
dash-missed-promise-heading = Løfte brutt
dash-missed-promise-title = Forlenget etter at vår egen frist var passert
dash-days-overdue = { $count ->
    [one] { $count } dag over fristen
   *[other] { $count } dager over fristen
}
dash-queue-empty = Ingenting her.
dash-queue-first-page = Første side
dash-queue-next-page = Neste side

## Henvendelsessiden.

dash-detail-subject = Den registrerte
dash-detail-name = Navn
dash-detail-email = E-post
dash-detail-none-given = Ikke oppgitt
dash-detail-phone = Telefon
dash-detail-customer-number = Kundenummer
dash-detail-verified = Bekreftet
dash-detail-not-verified = Ikke bekreftet
dash-detail-unknown-method = ukjent metode
dash-detail-channel = Kanal
dash-detail-assigned-to = Tildelt
dash-detail-nobody = Ingen
dash-detail-request = Henvendelse
dash-detail-message = Melding
dash-detail-outcome = Utfall:
dash-detail-rejected = Avvist:
dash-detail-justification = Begrunnelse
dash-detail-withdrawn-for-subject = Trukket tilbake på vegne av den registrerte
dash-detail-deadlines = Frister
dash-detail-received = Mottatt
dash-detail-legal-deadline = Lovpålagt frist (art. 12 nr. 3)
dash-detail-promise = Vårt løfte
dash-detail-no-promise = ingen
dash-detail-due = Frist
dash-detail-days-paused = Dager på vent
dash-detail-paused-now = (på vent nå)
dash-detail-latest-extended = Senest med forlengelse
dash-detail-extension-reason = Grunn til forlengelse
dash-questions-title = Spørsmål til den registrerte
dash-questions-asked = Spurt
dash-questions-for = Formål
dash-questions-question = Spørsmål
dash-questions-answer = Svar
dash-questions-clock-stopped = fristen står stille
dash-questions-not-answered = Ikke besvart ennå
dash-answer-sent = Svar sendt til den registrerte
dash-answer-why-not-all = Hvorfor ikke alt
dash-actions = Handlinger
dash-no-email-notice-strong = Ingen e-postadresse: svar per post eller telefon.
dash-no-email-notice = Ingenting på denne siden sendes på e-post til den registrerte; hver handling noteres slik i tidslinjen.
dash-assign = Tildel
dash-assign-to-me = Tildel meg
dash-assign-to = Tildel til
dash-assign-button = Tildel
dash-start = Start
dash-start-hint = Starter behandlingen.
dash-start-hint-assign = Starter behandlingen og tildeler henvendelsen til deg.
dash-verify = Marker som bekreftet på annen måte
dash-verify-method = Hvordan ble den registrerte bekreftet?
dash-verify-method-hint = For eksempel «kunden logget inn på Min side» eller «legitimasjon kontrollert i butikk». Behold aldri en kopi av et legitimasjonsdokument.
dash-verify-button = Marker som bekreftet
dash-ask = Spør den registrerte
dash-ask-purpose = Hva er spørsmålet til?
dash-ask-pauses-clock = – fristen står stille til svaret kommer
dash-ask-question = Spørsmål
dash-ask-hint = Den registrerte får det på e-post med en lenke til siden for henvendelsen, der de svarer.
dash-ask-button = Send spørsmålet
dash-extend = Forleng (art. 12 nr. 3)
dash-extend-to = Ny frist (ÅÅÅÅ-MM-DD)
dash-extend-hint = Senest { $latest }. Tillatt frem til den lovpålagte fristen { $legal }.
dash-extend-hint-promise = Etter vårt løfte ({ $promise }) markeres henvendelsen med brutt løfte.
dash-extend-reason = Hvorfor det trengs mer tid (den registrerte får beskjed)
dash-extend-already = Allerede forlenget én gang: art. 12 nr. 3 tillater én forlengelse.
dash-extend-too-late = Forlengelse er ikke mulig: den lovpålagte fristen { $legal } er passert (art. 12 nr. 3).
dash-complete = Fullfør
dash-complete-hint = Velg utfall, skriv svaret ut fra malen, og forhåndsvis e-posten før den sendes.
dash-complete-answer = Svar til den registrerte
dash-complete-reasons = Hvorfor ikke alt (den registrerte får beskjed, med retten til å klage, art. 12 nr. 4)
dash-complete-preview = Forhåndsvis e-posten
dash-reject = Avvis
dash-reject-reason = Grunn
dash-reject-justification = Begrunnelse (den registrerte får beskjed, med retten til å klage)
dash-reject-justification-hint = Er henvendelsen åpenbart grunnløs eller overdreven, forklar hvorfor: vi må kunne påvise det (art. 12 nr. 5).
dash-withdraw = Trekk tilbake på vegne av den registrerte
dash-withdraw-reason = Hvordan og hvorfor den registrerte trakk henvendelsen
dash-withdraw-button = Trekk tilbake
dash-notes = Interne notater
dash-notes-hint = Vises aldri for den registrerte og kommer aldri med i en e-post.
dash-notes-add = Legg til et notat
dash-notes-button = Legg til notat
dash-timeline = Tidslinje
dash-timeline-when = Når
dash-timeline-who = Hvem
dash-timeline-what = Hva
dash-timeline-note = Merknad
dash-emails = E-poster
dash-emails-queued = Lagt i kø
dash-emails-email = E-post
dash-emails-attempts = Forsøk
dash-emails-last-error = Siste feil
dash-done-assigned = Henvendelsen er tildelt.
dash-done-started = Behandlingen av henvendelsen er startet.
dash-done-verified = Den registrerte er markert som bekreftet; bekreftelsen på mottak er på vei.
dash-done-asked = Spørsmålet ditt er på vei til den registrerte.
dash-done-extended = Fristen er forlenget; den registrerte får vite hvorfor og den nye datoen.
dash-done-completed = Henvendelsen er fullført; svaret er på vei til den registrerte.
dash-done-rejected = Henvendelsen er avvist; den registrerte får vite hvorfor og hvilke rettigheter de har.
dash-done-withdrawn = Henvendelsen er trukket tilbake; den registrerte får en bekreftelse.
dash-done-noted = Notatet ditt er lagt til. Notater er interne: den registrerte ser dem aldri.

## Forhåndsvisning av svaret.

dash-preview-title = Forhåndsvis svaret
dash-preview-notice = Ingenting er sendt ennå. Dette er e-posten den registrerte vil få.
dash-preview-caption = E-postens mottaker og emne
dash-preview-to = Til
dash-preview-subject = Emne
dash-preview-text = Tekst
dash-preview-html = Som HTML
dash-preview-html-frame = E-posten som HTML
dash-preview-send = Send dette svaret og fullfør henvendelsen
dash-preview-change = Endre svaret

## E-post som ikke kunne sendes.

dash-failed-title = E-post ikke sendt
dash-failed-heading = E-post som ikke kunne sendes
dash-failed-intro = Disse meldingene feilet ved hvert forsøk. Sjekk adressen eller e-postserveren, og nå personen på annen måte hvis en frist avhenger av det.
dash-failed-none = Ingen. All e-post ble sendt.
dash-failed-to = Til
dash-failed-subject = Emne
dash-failed-request = Henvendelse
dash-failed-open = åpne

## Manuell registrering av en henvendelse.

dash-intake-title = Registrer en henvendelse
dash-intake-heading = Registrer en henvendelse mottatt per telefon, brev, e-post eller ved oppmøte
dash-intake-intro = Svarfristen løper fra henvendelsen kom inn, ikke fra nå: oppgi riktig dato og klokkeslett for mottak. Den registrertes e-postadresse er valgfri: la feltet stå tomt hvis de ikke oppga noen.
dash-intake-error-count = { $count ->
    [one] Rett opp feltet som er markert nedenfor. Ingenting av det du skrev, er tapt.
   *[other] Rett opp de { $count } feltene som er markert nedenfor. Ingenting av det du skrev, er tapt.
}
dash-intake-channel = Hvordan kom den inn?
dash-intake-when = Når kom den inn?
dash-intake-when-hint = I tidssonen { $timezone }. Den kan være i fortiden, aldri i fremtiden.
dash-intake-date = Mottatt dato (ÅÅÅÅ-MM-DD)
dash-intake-time = Mottatt klokkeslett (TT:MM, valgfritt)
dash-intake-kind = Hva ber den registrerte om?
dash-intake-subject = Den registrerte
dash-intake-name = Fullt navn
dash-intake-email = E-postadresse (valgfritt)
dash-intake-email-hint = Valgfritt, men nyttig: med en adresse får den registrerte bekreftelsen, bekreftelseslenken, spørsmålene dine og svaret på e-post, og kan følge henvendelsen på nett. Uten adresse sendes ingenting på e-post; du svarer per post eller telefon, og fristen for en ubekreftet henvendelse stoppes ikke.
dash-intake-phone = Telefonnummer (valgfritt)
dash-intake-customer-number = Kunde- eller kontonummer (valgfritt)
dash-intake-language = Den registrertes språk
dash-intake-language-hint = All e-post til den registrerte om denne henvendelsen er på dette språket.
dash-intake-kind-hint = Velg type henvendelse ovenfor; spørsmålene for den vises nedenfor.
dash-intake-message-legend = Annet den registrerte sa (valgfritt)
dash-intake-message = Melding
dash-intake-message-hint = Høyst { $max } tegn. Skriv aldri av nummeret på et legitimasjonsdokument her.
dash-intake-verified = Har du kontrollert hvem den registrerte er?
dash-intake-verified-no = Ikke ennå: send den registrerte bekreftelseslenken (fristen står stille til de bekrefter; uten e-postadresse bekrefter du på annen måte senere)
dash-intake-verified-yes = Ja, allerede bekreftet
dash-intake-method = Hvis bekreftet: hvordan? (f.eks. «legitimasjon kontrollert i butikken», «kunden logget inn på Min side»)
dash-intake-method-hint = Noter bare metoden. Behold aldri en kopi av et legitimasjonsdokument.
dash-intake-button = Registrer henvendelsen

## Avslag og feltfeil i saksbehandlingen.

case-form-without-version = Skjemaet sa ikke hvilken versjon av henvendelsen det ble laget fra; last inn siden på nytt og prøv igjen.
case-stale-version = Noen andre endret denne henvendelsen mens du hadde den åpen (den er nå { $status ->
    [awaiting_verification] i påvente av bekreftelse
    [open] åpen
    [in_progress] under behandling
    [awaiting_subject] i påvente av svar fra den registrerte
    [completed] fullført
    [rejected] avvist
    [withdrawn] trukket tilbake
    [expired] utløpt
   *[other] endret
}); skjemaet ditt endret ingenting. Last inn siden på nytt, se hva som skjedde, og handle deretter.
case-choose-assignee = Velg en aktiv saksbehandler eller administrator.
case-no-email-ask = Denne henvendelsen har ingen e-postadresse, så den registrerte kan ikke svare på nett. Spør per post eller telefon, og noter svaret i et internt notat.
case-choose-purpose = Oppgi hva spørsmålet gjelder: identitet, avklaring eller noe annet.
case-extend-date-format = Skriv den nye datoen som ÅÅÅÅ-MM-DD.
case-extend-already = Fristen er allerede forlenget; art. 12 nr. 3 tillater én forlengelse på høyst to måneder til.
case-extend-deadline-passed = Den lovpålagte fristen { $date } er allerede passert; art. 12 nr. 3 tillater forlengelse bare innen den første måneden.
case-extend-beyond-limit = Den ønskede fristen er etter { $date }, den seneste datoen art. 12 nr. 3 tillater (tre måneder fra mottak).
case-extend-not-later = Den nye fristen må være senere enn gjeldende frist { $date }.
case-choose-outcome = Velg utfall: innfridd, delvis innfridd eller ingen opplysninger lagret.
case-answer-placeholder = Erstatt delene i [[ ]] med dine egne ord før du sender.
case-preview-first = Forhåndsvis svaret før du sender det: den registrerte får nøyaktig det du så.
case-choose-rejection = Velg hvorfor henvendelsen avvises.
case-justification-missing = Skriv hvorfor henvendelsen avvises: den registrerte får vite begrunnelsen (art. 12 nr. 4).
case-justification-too-short = Forklar hvorfor henvendelsen er { $reason ->
    [excessive] overdreven
   *[other] åpenbart grunnløs
}: vi må kunne påvise det (art. 12 nr. 5). Skriv minst { $min } tegn.
case-manual-choose-channel = Velg hvordan henvendelsen kom inn: telefon, brev, e-post eller personlig oppmøte.
case-manual-say-verified = Oppgi om du allerede har kontrollert hvem den registrerte er.
case-manual-date-format = Skriv datoen henvendelsen kom inn, som ÅÅÅÅ-MM-DD.
case-manual-time-format = Skriv klokkeslettet som TT:MM (24 timer), eller la feltet stå tomt hvis du ikke vet det.
case-manual-before-gdpr = Denne datoen er før personvernforordningen trådte i kraft (25. mai 2018). Sjekk året.
case-manual-time-skipped = Dette klokkeslettet fantes ikke her (klokken ble stilt frem). Oppgi et klokkeslett etter omstillingen.
case-manual-future = Tidspunktet for mottak kan ikke være i fremtiden. Oppgi når henvendelsen faktisk kom inn.

## Filer fra den registrerte.

upload-title = Filer fra den registrerte
upload-hint = Nedlastinger lagres som filer, åpnes aldri i nettleseren, og hver nedlasting står i tidslinjen. Et legitimasjonsdokument slettes så snart du har notert hva det bekreftet; andre filer slettes en tid etter at henvendelsen er avsluttet, med mindre de beholdes som bevis.
upload-col-received = Mottatt
upload-col-file = Fil
upload-col-type = Type
upload-col-size = Størrelse
upload-col-status = Status
upload-col-actions = Handlinger
upload-size-bytes = { $size } byte
upload-deleted = Slettet { $when }
upload-deleted-identity = Slettet { $when } (legitimasjonsdokument, etter kontrollen)
upload-kept = Beholdt som bevis: { $reason }
upload-deleted-later = Slettes automatisk etter at henvendelsen er avsluttet (lagringstid)
upload-identity-label = Legitimasjonsdokument: hva bekreftet det?
upload-identity-placeholder = f.eks. passet stemmer med kunderegisteret
upload-identity-button = Noter kontrollen og slett filen
upload-keep-label = Behold som bevis, fordi
upload-keep-button = Behold som bevis
upload-already-deleted = Denne filen er allerede slettet.
upload-request-changed = Henvendelsen ble endret i mellomtiden; last inn siden på nytt og prøv igjen.
upload-identity-never-kept = Et legitimasjonsdokument beholdes aldri: det slettes når identiteten er kontrollert.

## Kontoer.

user-title = Kontoer
user-intro = Når en konto deaktiveres, avsluttes øktene med en gang; den kan ikke lenger logge inn.
user-col-name = Navn
user-col-email = E-post
user-col-role = Rolle
user-col-status = Status
user-col-actions = Handlinger
user-active = aktiv
user-deactivated = deaktivert
user-deactivate = Deaktiver
user-deactivate-label = Deaktiver { $name }
user-cannot-deactivate-self = Du kan ikke deaktivere din egen konto; be en annen administrator.
user-account-title = Din konto
user-account-role = rolle { $role }
user-password-title = Endre passordet
user-password-intro = Når du endrer det, avsluttes alle andre økter på kontoen din med en gang.
user-current-password = Nåværende passord
user-new-password = Nytt passord (minst 12 tegn)
user-new-password-again = Nytt passord en gang til
user-password-button = Endre passord
user-password-changed = Passordet ditt er endret. Alle andre økter på kontoen din er avsluttet.
user-digest-title = Daglig oversikt
user-digest-label = Send meg en oversikt over henvendelsene mine hver morgen kl. { $time }
user-digest-button = Lagre
user-digest-on-done = Du får den daglige oversikten.
user-digest-off-done = Den daglige oversikten er slått av. Påminnelser om frister kommer fortsatt.
user-digest-off-for-all = Den daglige oversikten er slått av for alle (innstillingen DSR_DIGEST_TIME).
user-current-password-wrong = Dette er ikke ditt nåværende passord.
user-passwords-differ = De to passordene er ulike.
user-password-too-short = Et passord må ha minst { $min } tegn.
user-password-too-long = Et passord kan ha høyst { $max } tegn.
user-email-taken = Det finnes allerede en konto med denne e-postadressen.

## Innlogging og den første administratoren.

login-title = Logg inn
login-email = E-post
login-password = Passord
login-button = Logg inn
login-wrong = Feil e-post eller passord.
login-too-many = For mange innloggingsforsøk. Vent noen minutter og prøv igjen.
login-too-long = En e-postadresse kan ha høyst { $email_max } tegn, et passord høyst { $password_max }.
setup-title = Opprett den første administratoren
setup-intro = Denne lenken virker én gang. Kontoen du oppretter, kan legge til de andre saksbehandlerne.
setup-name = Navnet ditt
setup-password = Passord (minst 12 tegn)
setup-password-again = Det samme passordet en gang til
setup-button = Opprett konto

## Hendelser i tidslinjen.

dash-audit-submitted = Mottatt
dash-audit-verified = Bekreftet
dash-audit-assigned = Tildelt
dash-audit-started = Behandling startet
dash-audit-asked_subject = Spørsmål til den registrerte
dash-audit-subject_answered = Den registrerte svarte
dash-audit-extended = Forlenget
dash-audit-completed = Fullført
dash-audit-rejected = Avvist
dash-audit-withdrawn = Trukket tilbake
dash-audit-expired = Utløpt
dash-audit-note_added = Notat lagt til
dash-audit-file_downloaded = Fil lastet ned
dash-audit-file_deleted = Fil slettet
dash-audit-file_kept = Fil beholdt som bevis
dash-audit-identity_document_checked = Legitimasjonsdokument kontrollert
dash-audit-mail_requeued = E-post lagt i kø på nytt
dash-mail-pending = venter på sending
dash-mail-sent = sendt
dash-mail-failed = kunne ikke sendes

## Køens tall, søk og filtre (sak 9).

dash-counts-label = Oversikt
dash-count-overdue = { $count } over fristen
dash-count-due-soon = { $count } med frist innen { $days } dager
dash-count-awaiting-subject = { $count } venter på den registrerte
dash-count-awaiting-verification = { $count } venter på bekreftelse
dash-count-unassigned = { $count } uten saksbehandler
dash-count-mine = { $count } tildelt meg
dash-search-label = Finn en henvendelse
dash-search-hint = En referanse (DSR-2026-000809), en e-postadresse eller begynnelsen av et navn.
dash-search-button = Søk
dash-search-count = { $count ->
    [one] 1 henvendelse funnet for «{ $query }».
   *[other] { $count } henvendelser funnet for «{ $query }».
}
dash-queue-filter-assignee = Tildelt
dash-queue-filter-anyone = Hvem som helst
dash-queue-filter-me = Meg
dash-queue-filter-unassigned = Ingen
dash-queue-filter-urgency = Haster
dash-queue-filter-any-urgency = Alle
dash-queue-filter-overdue = Over fristen
dash-queue-filter-soon = Frist innen { $days } dager
dash-queue-filter-due-before = Frist før
dash-queue-filter-missed = Brøt løftet vårt
dash-queue-prev-page = Forrige side
dash-queue-export = Last ned disse som CSV
dash-col-subject = Registrert
dash-col-assignee = Tildelt
dash-unassigned = ingen
dash-paused-days-left = { $count ->
    [one] på vent, 1 dag igjen
   *[other] på vent, { $count } dager igjen
}
dash-paused-overdue = { $count ->
    [one] på vent, 1 dag over fristen
   *[other] på vent, { $count } dager over fristen
}

## Når e-post ikke kommer fram (sak 9).

dash-email-legend = Den registrertes e-postadresse
dash-email-label = E-postadresse
dash-email-hint = Rett den hvis e-post til den registrerte ikke kom fram. Endringen føres i tidslinjen.
dash-email-hint-verify = Rett den hvis bekreftelses-e-posten ikke kom fram: en ny bekreftelseslenke går til den nye adressen, og den gamle slutter å virke.
dash-email-button = Lagre adressen
dash-done-email-corrected = Adressen er endret.
dash-done-mail-resent = E-posten er lagt i køen igjen og sendes om et øyeblikk.
case-email-unchanged = Dette er allerede den registrertes adresse.
dash-audit-email_corrected = E-postadresse rettet
dash-failed-resend = Send på nytt
dash-failed-resend-label = Send på nytt til { $to }
dash-failed-resent = E-posten er lagt i køen igjen og sendes nå.
dash-failed-not-failed = Denne e-posten venter ikke lenger på å bli sendt på nytt; kanskje noen allerede har gjort det.
user-last-admin = Dette er den siste aktive administratoren: gjør en annen konto til administrator først.
user-role-unknown = «{ $value }» er ikke en rolle; velg administrator, saksbehandler eller revisor.
user-role-label = Rollen til { $name }
user-role-button = Endre rolle

## Passord valgt gjennom en lenke på e-post (sak 9).

login-forgot-link = Glemt passordet?
login-password-set = Passordet ditt er lagret. Logg inn med det.
forgot-title = Glemt passordet
forgot-intro = Skriv adressen du logger inn med. Hvis den har en konto, sender vi en lenke for å velge nytt passord.
forgot-button = Send meg en lenke
forgot-sent = Hvis en konto har denne adressen, er en lenke for å velge nytt passord på vei. Den virker én gang, i { $hours } timer.
forgot-back = Tilbake til innlogging
password-title = Velg passord
password-intro = Velg passordet for kontoen til { $name }. Minst 12 tegn.
password-button = Lagre passordet
password-link-gone = Denne lenken virker ikke lenger: den er brukt, en nyere er sendt, eller den er utløpt. Be om en ny på innloggingssiden.
user-invite-title = Inviter noen
user-invite-intro = Kontoen finnes med en gang; eieren får en e-post med en lenke for å velge passord. Passord sendes aldri på e-post.
user-invite-button = Send invitasjonen
user-invited = Invitasjonen er på vei.
user-password-link = Send passordlenke
user-password-link-label = Send passordlenke til { $name }
user-password-link-sent = Lenken for å velge nytt passord er på vei.
user-role-choose = Velg en rolle.
user-inactive = Denne kontoen er deaktivert.
