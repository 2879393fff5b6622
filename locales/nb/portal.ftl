## Siderammen (topp, språkvalg, bunntekst) og selvbetjeningsportalen.

site-title = Dine personvernrettigheter
site-skip = Gå til hovedinnholdet
site-brand = Personvernhenvendelser
site-nav-label = Hovedmeny
site-nav-new = Ny henvendelse
site-nav-track = Følg henvendelsene mine
site-nav-my = Mine henvendelser
site-lang-label = Språk
site-footer-dpo = Spørsmål om personopplysningene dine? Skriv til personvernombudet vårt:
site-footer-complaint = Du har også rett til å klage til tilsynsmyndigheten (GDPR Art. 77):

portal-error-title-prefix = { "Feil: " }
portal-error-summary-title = Noe må rettes
portal-error-summary-intro = { $count ->
    [one] Rett feltet nedenfor. Ingenting av det du har skrevet, er tapt.
   *[other] Rett de { $count } feltene nedenfor. Ingenting av det du har skrevet, er tapt.
}

portal-error-summary-item = { $label }: { $message }
portal-error-summary-row = Opplysning { $number }, { $label }

portal-home-title = Dine personvernrettigheter – { $organisation }
portal-home-heading = Dine rettigheter til personopplysningene dine
portal-home-intro = Etter personvernforordningen (GDPR) kan du be { $organisation } om å gjøre noe av det som står nedenfor. Det er gratis.
portal-home-answer-days = Vi svarer innen { $days } dager etter at vi har mottatt henvendelsen din, og aldri senere enn den måneden loven gir oss.
portal-home-answer-month = Vi svarer innen én måned etter at vi har mottatt henvendelsen din, slik loven krever.
portal-home-rights-summary = Hva betyr hver rettighet?
portal-home-form-heading = Send en henvendelse
portal-form-kind-legend = Hva vil du at vi skal gjøre?
portal-form-about-legend = Om deg
portal-form-about-hint = Vi bruker dette bare til å finne opplysningene dine og til å svare deg.
portal-form-name = Fullt navn
portal-form-email = E-postadressen din
portal-form-email-hint = Vi sender en lenke til denne adressen for å sjekke at den er din.
portal-form-phone = Telefonnummer (valgfritt)
portal-form-customer-number = Kunde- eller kontonummer (valgfritt)
portal-form-kind-hint = Velg ovenfor hva du vil at vi skal gjøre; spørsmålene for den typen henvendelse står nedenfor.
portal-form-message-legend = Noe mer? (valgfritt)
portal-form-message = Melding
portal-form-message-hint = Høyst { $max } tegn. Ikke send kopi av legitimasjon.
portal-form-submit = Send henvendelsen

portal-access-scope = Er det noe bestemt du vil se? (valgfritt)
portal-rect-hint = Fortell oss hva som er feil og hva det skal være. Fyll ut én rad per opplysning.
portal-rect-row = Opplysning { $number }
portal-rect-field = Hva skal rettes (f.eks. «Postadresse»)
portal-rect-value = Riktig verdi
portal-rect-current = Det vi har registrert nå (valgfritt)
portal-rect-evidence = Dokumentasjon, hvis du har (valgfritt)
portal-erasure-scope-legend = Hva skal vi slette?
portal-erasure-everything = Alt dere har om meg
portal-erasure-only-categories = Bare kategoriene jeg krysser av for nedenfor
portal-erasure-categories-legend = Kategorier som skal slettes
portal-erasure-categories-hint = Kryss av her bare hvis du valgte «bare kategoriene jeg krysser av for nedenfor».
portal-erasure-ground = Hvorfor (valgfritt, Art. 17(1))
portal-erasure-ground-none = — Vet ikke / ikke noe bestemt grunnlag —
portal-erasure-keep-hint = Noen opplysninger må vi beholde etter loven, for eksempel regnskapsopplysninger. Da forteller vi deg hva vi beholder, hvorfor og hvor lenge, og vi bruker dem ikke til noe annet.
portal-restriction-ground-legend = Hvorfor skal vi begrense behandlingen? (Art. 18(1))
portal-restriction-details = Detaljer (valgfritt)
portal-portability-format-legend = Filformat
portal-portability-csv = CSV (åpnes i et regneark)
portal-portability-send-hint = Vil du at vi sender opplysningene direkte til et annet selskap? (valgfritt)
portal-portability-name = Navnet på det andre selskapet
portal-portability-email = Selskapets e-postadresse for slike henvendelser
portal-objection-purpose-legend = Hva protesterer du mot?
portal-objection-reasons = Begrunnelse (må fylles ut hvis du protesterer mot noe annet enn direkte markedsføring)

portal-status-awaiting_verification = Venter på at du bekrefter e-postadressen din
portal-status-open = Mottatt; vi begynner snart
portal-status-in_progress = Vi arbeider med henvendelsen din
portal-status-awaiting_subject = Venter på svaret ditt på spørsmålet vårt
portal-status-completed = Besvart
portal-status-rejected = Avslått
portal-status-withdrawn = Trukket tilbake
portal-status-expired = Avsluttet uten behandling

history-received-portal = Vi mottok henvendelsen din via dette nettstedet.
history-received = Vi mottok henvendelsen din.
history-received-phone = Vi mottok henvendelsen din på telefon.
history-received-letter = Vi mottok henvendelsen din per brev.
history-received-email = Vi mottok henvendelsen din på e-post.
history-received-in-person = Du leverte henvendelsen din personlig.
history-email-confirmed = Du bekreftet e-postadressen din. Fristen vår for å svare begynte å løpe.
history-identity-confirmed = Vi bekreftet hvem du er.
history-identity-document-checked = Vi kontrollerte dokumentet du sendte for å bekrefte hvem du er, og slettet det. Vi tar bare vare på at vi har kontrollert det.
history-started = Vi begynte å arbeide med henvendelsen din.
history-asked = Vi stilte deg et spørsmål.
history-answered = Du svarte på spørsmålet vårt. Vi arbeider med henvendelsen din igjen.
history-extended = Vi trenger mer tid (GDPR Art. 12(3)). Vi svarer innen { $date }. Begrunnelse: { $reason }
history-completed-fulfilled = Vi gjorde det du ba om, og sendte deg svaret vårt.
history-completed-partially = Vi gjorde en del av det du ba om, og sendte deg svaret vårt med begrunnelse for resten.
history-completed-no-data = Vi svarte: vi har ingen personopplysninger om deg.
history-rejected = Vi avslo henvendelsen din og sendte deg begrunnelsen.
history-withdrawn-by-you = Du trakk tilbake henvendelsen din.
history-withdrawn-for-you = Vi trakk tilbake henvendelsen din etter ønske fra deg.
history-expired-unconfirmed = Henvendelsen ble avsluttet fordi e-postadressen ikke ble bekreftet i tide.
history-expired-no-answer = Henvendelsen ble avsluttet fordi vi ikke fikk svar på spørsmålet vårt i tide.

portal-link-expired-heading = Lenken er utløpt
portal-link-expired-text = Lenken for å bekrefte henvendelsen virket bare en begrenset tid, og den tiden er over. Hvis du fortsatt vil at vi skal behandle saken, må du sende henvendelsen på nytt.
portal-link-expired-again = Send en ny henvendelse
portal-link-used-heading = Lenken er allerede brukt
portal-link-used-text = Henvendelsen din er allerede bekreftet, så det er ikke mer å gjøre her. Hver bekreftelseslenke virker én gang.
portal-link-track-text = For å se henvendelsene dine og hvor langt de har kommet, bruk «Følg henvendelsene mine»: vi sender deg en lenke på e-post.
portal-link-track-link = Gå til «Følg henvendelsene mine»

portal-my-title = Mine henvendelser
portal-my-from = Henvendelser sendt fra { $email }.
portal-my-none = Det finnes ingen henvendelser fra denne adressen.
portal-my-caption = Henvendelsene dine og hvor langt de har kommet
portal-col-reference = Referanse
portal-col-request = Henvendelse
portal-col-received = Mottatt
portal-col-due = Svar innen
portal-col-status = Status

portal-submitted-title = Henvendelsen er mottatt – bekreft e-postadressen din
portal-submitted-heading = Takk – ett steg til
portal-submitted-reference = Vi har mottatt henvendelsen din. Referansen er
portal-submitted-next = Hva skjer nå?
portal-submitted-step-email = Vi har sendt en e-post til { $email } med en lenke. Åpne den innen { $days } dager for å bekrefte at adressen er din.
portal-submitted-step-queue = Når du har bekreftet, settes henvendelsen din i kø, og vi sender deg på e-post datoen vi senest svarer innen.
portal-submitted-step-questions = Vi kan be deg om mer informasjon hvis vi ikke finner opplysningene dine; fristen stopper til du svarer.
portal-submitted-no-email = Ingen e-post? Sjekk søppelpostmappen. Hvis lenken utløper, kan du bare sende henvendelsen på nytt.

portal-track-title = Følg henvendelsene mine
portal-track-sent = Hvis vi har henvendelser fra { $email }, har vi sendt en lenke til den adressen. Åpne den for å se henvendelsene dine.
portal-track-intro = Skriv inn e-postadressen du brukte. Vi sender en lenke til den adressen som viser henvendelsene dine.
portal-track-email = E-postadresse
portal-track-submit = Send meg en lenke

portal-verified-title = Henvendelse { $reference } er bekreftet
portal-verified-heading = Takk, henvendelsen din er bekreftet
portal-verified-reference = Referanse
portal-verified-due = Vi svarer innen
portal-verified-mail = Vi har sendt deg en e-post med denne datoen og en lenke der du kan følge henvendelsen.
portal-verified-status-link = Se status for henvendelsen din

portal-verify-title = Bekreft henvendelsen din { $reference }
portal-verify-heading = Bekreft henvendelsen din
portal-verify-request = Henvendelse
portal-verify-submit = Ja, jeg sendte denne henvendelsen
portal-verify-not-me = Hvis du ikke sendte den, kan du lukke denne siden; da skjer det ingenting.

portal-withdraw-title = Trekke tilbake henvendelse { $reference }?
portal-withdraw-heading = Vil du trekke tilbake henvendelsen?
portal-withdraw-request = Henvendelse
portal-withdraw-kind-received = { $kind }, mottatt { $date }.
portal-withdraw-explain = Hvis du trekker den tilbake, slutter vi å arbeide med den og avslutter saken. Dette kan ikke angres, men du kan alltid sende en ny henvendelse.
portal-withdraw-submit = Ja, trekk tilbake henvendelsen
portal-withdraw-keep = Nei, behold henvendelsen

portal-status-title = Henvendelse { $reference }
portal-answer-not-sent = Svaret ditt ble ikke sendt. Rett det som er markert nedenfor; det du skrev, er tatt vare på.
portal-status-facts-label = Om henvendelsen din
portal-status-your-request = Henvendelsen din
portal-status-received = Vi mottok den
portal-status-where = Status
portal-status-due = Vi svarer innen
portal-status-extended = (vi har forlenget fristen, GDPR Art. 12(3))
portal-status-paused = Datoen flyttes med de dagene vi venter på deg.
portal-question-heading = Vi har et spørsmål til deg
portal-question-purpose-identity = Vi må være sikre på at vi gir opplysningene dine bare til deg, så vi ber deg bekrefte hvem du er (GDPR Art. 12(6)).
portal-question-purpose-clarification = Vi må vite mer nøyaktig hva henvendelsen din gjelder.
portal-question-purpose-other = Vi har et spørsmål til deg.
portal-answer-label = Svaret ditt
portal-answer-hint = Høyst { $max } tegn.
portal-file-label = En fil, hvis vi ba om det (valgfritt)
portal-file-hint = Et PDF-dokument, et PNG- eller JPEG-bilde eller en ren tekstfil, høyst { $max } MB. Bare de som behandler henvendelsen din, kan åpne den. Er det et identitetsdokument, sletter vi det så snart vi har kontrollert det.
portal-file-choose-again = Av sikkerhetshensyn husker nettleseren aldri en valgt fil når siden lastes på nytt: velg den igjen.
portal-answer-submit = Send svaret
portal-decision-heading = Svaret vårt
portal-decision-fulfilled = Vi har gjort det du ba om.
portal-decision-partially = Vi har gjort en del av det du ba om.
portal-decision-no-data = Vi har ingen personopplysninger om deg.
portal-decision-not-done = Hva vi ikke har gjort, og hvorfor
portal-decision-refused = Vi har avslått henvendelsen din.
portal-reason-identity_not_verified = Begrunnelse: vi kunne ikke bekrefte hvem du er.
portal-reason-manifestly_unfounded = Begrunnelse: henvendelsen er åpenbart grunnløs (GDPR Art. 12(5)).
portal-reason-excessive = Begrunnelse: henvendelsen er overdreven (GDPR Art. 12(5)).
portal-reason-not_applicable = Begrunnelse: rettigheten du ba om å bruke, gjelder ikke her.
portal-reason-other = Begrunnelse: se nedenfor.
portal-decision-why = Hvorfor
portal-decision-expired = Vi har avsluttet henvendelsen din uten å behandle den, fordi vi ikke fikk svar på spørsmålet vårt i tide. Du kan sende en ny henvendelse når som helst.
portal-notice-heading = Dine rettigheter (GDPR Art. 12(4))
portal-notice-complaint = Hvis du er uenig, har du rett til å klage til tilsynsmyndigheten (Art. 77):
portal-notice-court = Du har også rett til et effektivt rettsmiddel: du kan bringe saken inn for domstolene (Art. 79).
portal-status-asked-for = Hva du ba om
portal-qa-heading = Spørsmål og svar
portal-qa-asked-on = Vi spurte { $date }:
portal-qa-answered-on-text = Du svarte { $date }:
portal-qa-answered-on = Du svarte { $date }.
portal-qa-files = Med fil(er):
portal-qa-not-answered = Ikke besvart ennå.
portal-history-heading = Hva som har skjedd
portal-withdraw-section = Trekk tilbake
portal-withdraw-section-text = Har du ombestemt deg? Du kan trekke tilbake henvendelsen. Da slutter vi å arbeide med den.
portal-withdraw-link = Trekk tilbake henvendelsen…
portal-contact-heading = Spørsmål om henvendelsen din?
portal-contact-text = Skriv til personvernombudet i { $organisation } ({ $dpo }), og oppgi referansen { $reference }:

portal-notice-answered = Takk: vi har fått svaret ditt og arbeider med henvendelsen din igjen.
portal-notice-withdrawn = Henvendelsen din er trukket tilbake. Vi har sendt deg en bekreftelse.
portal-question-closed = Spørsmålet er lukket: henvendelsen venter ikke lenger på svaret ditt. Last inn siden på nytt for å se status.
portal-changed-try-again = Henvendelsen ble endret i mellomtiden; prøv igjen.
portal-changed-reload = Henvendelsen ble endret i mellomtiden; last inn siden på nytt.
