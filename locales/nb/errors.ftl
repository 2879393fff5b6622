## Feilsider og avslag som ikke gjelder ett skjemafelt.

error-title-not-found = Finnes ikke
error-title-cannot-accept = Kan ikke godta dette
error-title-not-allowed = Ikke tillatt
error-title-not-possible = Ikke mulig
error-title-gone = Ikke lenger tilgjengelig
error-title-too-many = For mange forsøk
error-title-internal = Feil
error-not-found = Denne siden finnes ikke, eller lenken er utløpt eller allerede brukt.
error-csrf = Skjemaet er utløpt eller kom ikke fra dette nettstedet. Gå tilbake, last inn siden på nytt og prøv igjen.
error-too-large = Det du sendte, er for stort.
error-too-many = For mange forsøk. Vent noen minutter og prøv igjen.
error-login = Du må logge inn for å se denne siden.
error-forbidden = Rollen din gir ikke adgang til dette.
error-internal = Noe gikk galt hos oss. Prøv igjen senere.
error-internal-id = Noe gikk galt hos oss. Prøv igjen senere. Hvis det skjer igjen, oppgi feil-ID { $id }.
error-back-home = Tilbake til startsiden
error-bad-query = Adressen er ikke gyldig: { $detail }.
error-form-unreadable = Skjemaet kunne ikke leses: { $detail }.
error-unknown-status-filter = Ukjent statusfilter «{ $value }».
error-unknown-kind-filter = Ukjent filter for type «{ $value }».
error-bad-page-link = Sidelenken er ikke gyldig; begynn på første side.
error-file-deleted = Denne filen ble slettet { $date }. Bare opplysningen om at den ble mottatt, er igjen.

transition-terminal = Henvendelsen er allerede { $status ->
    [completed] fullført
    [rejected] avslått
    [withdrawn] trukket tilbake
    [expired] utløpt
   *[other] avsluttet
} og kan ikke endres mer.
transition-not-allowed = En henvendelse som { $status ->
    [awaiting_verification] venter på bekreftelse
    [open] er åpen
    [in_progress] er under behandling
    [awaiting_subject] venter på svar fra den registrerte
    [completed] er fullført
    [rejected] er avslått
    [withdrawn] er trukket tilbake
   *[expired] er utløpt
}, kan ikke { $action ->
    [verify] bekreftes
    [start] startes
    [ask] settes på vent for den registrerte
    [resume] gjenopptas
    [complete] fullføres
    [reject] avslås
    [withdraw] trekkes tilbake
   *[expire] utløpe
}.
error-bad-filter = Filteret { $name } kan ikke være «{ $value }»; velg det i skjemaet.
error-bad-choice = Feltet { $name } kan ikke være «{ $value }»; velg fra skjemaet.
