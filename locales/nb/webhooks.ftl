# Webhooks til systemene som har dataene (sak 13)
dash-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-intro = Systemene som har kundenes data (fakturering, CRM, trafikkdata) får her beskjed om verifiserte henvendelser, statusendringer, frister og hva de må slette eller rette. Hver levering signeres med abonnementets hemmelighet. En instruks gir hvert system en oppgave; henvendelsen kan ikke fullføres før hvert system har meldt oppgaven utført, eller en saksbehandler overstyrer med en skriftlig begrunnelse.
admin-webhooks-none = Ingen systemer abonnerer ennå.
admin-webhooks-secret-title = Signeringshemmelighet for { $name }
admin-webhooks-secret-intro = Kopier hemmeligheten inn i mottakersystemet nå: den vises bare denne ene gangen. Systemet bruker den til å kontrollere webhook-signature-headeren i hver levering.
admin-webhooks-col-system = System
admin-webhooks-col-events = Hendelser
admin-webhooks-col-state = Tilstand
admin-webhooks-reference-only = Bare referansen
admin-webhooks-identifiers = Identifikatorer som sendes
admin-webhooks-identifiers-hint = Send bare det systemet trenger for å finne kunden. Henvendelsens referanse sendes alltid.
admin-webhooks-disabled = Deaktivert
admin-webhooks-active = Aktiv
admin-webhooks-pending = { $count ->
    [one] { $count } levering venter
   *[other] { $count } leveringer venter
}
admin-webhooks-failed-count = { $count ->
    [one] { $count } feilet
   *[other] { $count } feilet
}
admin-webhooks-disable = Deaktiver
admin-webhooks-failed-title = Feilede leveringer
admin-webhooks-failed-none = Ingen levering har feilet.
admin-webhooks-col-delivery = Levering
admin-webhooks-col-answer = Siste svar
admin-webhooks-attempts = { $count ->
    [one] { $count } forsøk
   *[other] { $count } forsøk
}
admin-webhooks-status = HTTP-status { $code }
admin-webhooks-retry = Send på nytt
admin-webhooks-new-title = Legg til et system
admin-webhooks-name = Systemets navn
admin-webhooks-url = Adresse (URL)
admin-webhooks-url-hint = En https-adresse på internett. Private adresser, loopback og link-local avvises.
admin-webhooks-events = Hendelser
admin-webhooks-create = Abonner
admin-webhooks-done-disabled = Abonnementet er deaktivert. Ingenting mer sendes til det.
admin-webhooks-done-retried = Leveringen sendes på nytt.
webhook-event-request-verified = Henvendelse verifisert
webhook-event-request-status-changed = Status endret
webhook-event-request-due-soon = Frist nærmer seg
webhook-event-request-overdue = Fristen er passert
webhook-event-erasure-instructed = Slett data
webhook-event-rectification-instructed = Rett data
webhook-url-invalid = Skriv en fullstendig adresse, for eksempel https://faktura.example.no/hooks/dsr.
webhook-url-https = Adressen må begynne med https://.
webhook-url-credentials = Ta brukernavn og passord ut av adressen: signeringshemmeligheten viser hvem som sender.
webhook-url-private = Adressen er privat, loopback eller link-local. Webhooks sendes bare til adresser på internett.
webhook-event-unknown = Velg hendelser fra listen.
webhook-event-none = Velg minst én hendelse.
webhook-identifier-unknown = Velg identifikatorer fra listen.
case-tasks-title = Systemer som har dataene
case-tasks-intro = Hvert system som abonnerer, fikk instruksen og melder fra når det er ferdig. Henvendelsen kan fullføres når alle systemene har bekreftet.
case-tasks-col-system = System
case-tasks-col-instruction = Instruks
case-tasks-done = Bekreftet
case-tasks-overridden = Overstyrt
case-tasks-state-open = Venter på bekreftelse
case-tasks-override-hint = { $count ->
    [one] Ett system har ikke bekreftet. Du kan fullføre henvendelsen uten å vente bare med en skriftlig begrunnelse, som lagres i revisjonssporet.
   *[other] { $count } systemer har ikke bekreftet. Du kan fullføre henvendelsen uten å vente bare med en skriftlig begrunnelse, som lagres i revisjonssporet.
}
case-tasks-override-why = Hvorfor henvendelsen kan fullføres uten deres bekreftelse
case-tasks-override = Fullfør uten å vente
case-tasks-override-short = Skriv minst { $min } tegn.
case-tasks-none-open = Ingen systemer venter på å bekrefte.
case-tasks-open = { $count ->
    [one] Ett system som har dataene, har ikke bekreftet oppgaven sin ennå. Vent på det, eller overstyr med en skriftlig begrunnelse under «Systemer som har dataene».
   *[other] { $count } systemer som har dataene, har ikke bekreftet oppgavene sine ennå. Vent på dem, eller overstyr med en skriftlig begrunnelse under «Systemer som har dataene».
}
dash-done-tasks-overridden = De åpne oppgavene er overstyrt. Henvendelsen kan fullføres.
dash-audit-task_done = Et system bekreftet oppgaven sin
dash-audit-tasks_overridden = Åpne oppgaver overstyrt
dash-audit-webhook_requeued = Webhook-levering sendt på nytt
