# Sak 13: JSON-API-et og nøklene.

## Adminside
dash-nav-api-keys = API-nøkler
admin-api-title = API-nøkler
admin-api-intro = Systemer som Min side kaller API-et med en nøkkel. Hver nøkkel har et navn, tilgangene den kan bruke og eventuelt en siste dag. Bare en hash av nøkkelen lagres: den vises én gang, når den opprettes. Det en nøkkel gjør, logges under navnet dens.
admin-api-none = Ingen API-nøkler ennå.
admin-api-col-name = Navn og starten av nøkkelen
admin-api-col-scopes = Tilganger
admin-api-col-state = Status
admin-api-active = Aktiv
admin-api-until = til { $date }
admin-api-expired = Utløpt
admin-api-revoked = Trukket tilbake
admin-api-revoke = Trekk tilbake
admin-api-done-revoked = Nøkkelen er trukket tilbake; kall med den avvises fra nå av.
admin-api-new-title = Opprett en nøkkel
admin-api-name = Navn (hvilket system som bruker den)
admin-api-scopes = Hva nøkkelen kan gjøre
admin-api-last-day = Siste dag (valgfritt)
admin-api-last-day-hint = Nøkkelen slutter å virke ved slutten av denne dagen. La feltet stå tomt for en nøkkel uten sluttdato; du kan alltid trekke den tilbake.
admin-api-create = Opprett nøkkelen
admin-api-secret-title = Nøkkelen for { $name }
admin-api-secret-intro = Kopier nøkkelen nå og lagre den i systemet som bruker den: den vises ikke igjen. Send den som Authorization: Bearer fulgt av nøkkelen.

## Tilganger
api-scope-requests-create = Sende inn henvendelser (den registrerte bekrefter via e-post)
api-scope-requests-create-verified = Sende inn henvendelser med identiteten allerede bekreftet
api-scope-requests-read = Lese henvendelser og hendelsene deres
api-scope-requests-act = Behandle henvendelser som saksbehandler
api-scope-webhooks-manage = Administrere webhook-abonnementer
api-scope-suppression-read = Lese sperrelisten
api-scope-tasks-report = Melde oppgaver utført

## Feil
api-key-scope-unknown = Velg tilganger fra listen.
api-key-scope-none = Velg minst én tilgang.
api-key-last-day-past = Siste dag kan ikke være i fortiden.
api-key-last-day-invalid = Skriv siste dag som ÅÅÅÅ-MM-DD.
api-status-unknown = Ukjent status: bruk en status, active eller all.
api-date-invalid = Skriv datoen som ÅÅÅÅ-MM-DD.
api-cursor-invalid = Send next-verdien fra forrige side uendret.
api-limit-range = Grensen er et tall fra 1 til { $max }.
api-received-needs-verification = received_at tas bare imot sammen med verification_method (bekreftet innsending).
api-received-future = Mottakstidspunktet kan ikke være i fremtiden.
api-received-invalid = Skriv mottakstidspunktet som RFC 3339, for eksempel 2026-12-01T09:30:00+01:00.
api-field-not-text = Oppgi dette feltet som tekst, et tall eller en liste av dem.
api-version-required = Send henvendelsens version, slik den sist leste henvendelsen oppga den.
admin-api-acts-as = Handler som (for saksbehandling)
admin-api-acts-as-hint = En nøkkel med «Behandle henvendelser som saksbehandler» handler for denne kontoen: dens tilganger, og dens navn på notater, spørsmål og tildelinger. Loggen navngir også nøkkelen.
admin-api-acts-as-none = Ingen
admin-api-acts-as-line = handler som { $account }
api-key-acts-as = En nøkkel som behandler henvendelser, trenger en aktiv saksbehandler eller administrator å handle som.
