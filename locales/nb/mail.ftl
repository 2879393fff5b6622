## E-post til den registrerte (templates/mail/). Hver e-post om en henvendelse er på
## språket henvendelsen ble sendt på. Navnene på virksomheten, personvernombudet og
## tilsynsmyndigheten kommer fra innstillingene; artikkelnumrene står som de er.

mail-hello = Hei { $name },
mail-hello-anonymous = Hei,
# Etter en lenke i HTML-e-post.
mail-link-days = (lenken virker i { $days ->
    [one] { $days } dag
   *[other] { $days } dager
})

## Avsender (_sender) og varselet etter Art. 12(4) (_notice).

mail-sender-dpo = Personvernombud:
mail-notice-title = Dine rettigheter (GDPR Art. 12(4))
mail-notice-complaint = Hvis du er uenig, har du rett til å klage til tilsynsmyndigheten (Art. 77):
mail-notice-court = Du har også rett til et effektivt rettsmiddel: du kan bringe saken inn for domstolene (Art. 79).

## Bekreftelse av e-postadressen

mail-verify-subject = Bekreft henvendelsen din { $reference }
mail-verify-received = Vi har mottatt henvendelsen din «{ $kind }» med referanse { $reference }.
mail-verify-confirm = For å være sikre på at det var du som sendte den, ber vi deg bekrefte e-postadressen din ved å åpne denne lenken:
mail-verify-confirm-html = For å være sikre på at det var du som sendte den, ber vi deg bekrefte e-postadressen din:
mail-verify-button = Bekreft henvendelsen min
mail-verify-validity = Lenken kan brukes én gang, i { $days ->
    [one] { $days } dag
   *[other] { $days } dager
} fra denne e-posten ble sendt. Før du har bekreftet, kan vi ikke begynne på henvendelsen din, og fristen vår for å svare løper ikke.
mail-verify-ignore = Hvis du ikke har sendt denne henvendelsen, kan du se bort fra denne e-posten.

## Kvittering

mail-ack-subject = Vi har mottatt henvendelsen din { $reference }: svar innen { $due }
mail-ack-thanks = Takk for at du bekreftet. Henvendelsen din står nå i køen vår.
mail-ack-reference = Referanse
mail-ack-request = Henvendelse
mail-ack-received = Mottatt
mail-ack-due = Svar innen
mail-ack-time = Etter GDPR (Art. 12(3)) har vi én måned på oss til å svare; vi lover å svare innen datoen over. Hvis vi trenger flere opplysninger fra deg, stopper fristen til du har svart. Hvis henvendelsen er komplisert, kan vi forlenge fristen med inntil to måneder til; i så fall forteller vi deg hvorfor før datoen over.
mail-ack-follow = Følg henvendelsen din her (lenken virker i { $days ->
    [one] { $days } dag
   *[other] { $days } dager
}):
mail-ack-follow-link = Følg henvendelsen din

## Mine henvendelser

mail-track-subject = Henvendelsene dine til { $organisation }
mail-track-none = Noen har bedt om å se personvernhenvendelsene som er sendt fra denne adressen. Vi har ingen henvendelser fra denne adressen.
mail-track-some = Noen (forhåpentlig du) har bedt om å se personvernhenvendelsene som er sendt fra denne adressen. Vi har { $count ->
    [one] { $count } henvendelse
   *[other] { $count } henvendelser
} registrert.
mail-track-open = Åpne denne lenken for å se dem (den virker i { $days ->
    [one] { $days } dag
   *[other] { $days } dager
}):
mail-track-link = Se henvendelsene mine
mail-track-ignore = Hvis du ikke har bedt om dette, kan du se bort fra denne e-posten.

## Tilbaketrekking

mail-withdrawn-subject = Henvendelsen din { $reference } er trukket tilbake
mail-withdrawn-body = Som du ba om, har vi trukket tilbake henvendelsen din «{ $kind }» ({ $reference }). Vi arbeider ikke mer med den. Du kan sende en ny henvendelse når som helst.

## Et spørsmål til den registrerte

mail-question-subject = Et spørsmål om henvendelsen din { $reference }
mail-question-intro = For å behandle henvendelsen din «{ $kind }» ({ $reference }) trenger vi et svar fra deg.
mail-purpose-identity = Vi må være sikre på at vi bare gir personopplysningene dine til deg, så vi ber deg bekrefte hvem du er (GDPR Art. 12(6)).
mail-purpose-clarification = Vi trenger å vite mer presist hva henvendelsen din gjelder.
mail-purpose-other = Vi har et spørsmål til deg.
mail-question-ours = Spørsmålet vårt:
mail-question-answer = Svar på siden for henvendelsen din (lenken virker i { $days ->
    [one] { $days } dag
   *[other] { $days } dager
}):
mail-question-answer-link = Svar på siden for henvendelsen din
mail-question-pauses = Til du har svart, står fristen vår for å behandle henvendelsen din stille (GDPR Art. 12(3) og (6)).

## Forlenget frist (Art. 12(3))

mail-extension-subject = Vi trenger mer tid til henvendelsen din { $reference }: ny frist { $due }
mail-extension-intro = Vi trenger mer tid til å behandle henvendelsen din «{ $kind }» ({ $reference }). Etter GDPR kan vi forlenge fristen med inntil to måneder til når en henvendelse er komplisert eller vi har mange henvendelser (Art. 12(3)).
mail-extension-why = Hvorfor vi trenger mer tid:
mail-extension-new-date = Vi svarer senest { $due } (tidligere frist: { $previous }).

## Svar, ett emne per utfall

mail-completion-fulfilled-subject = Henvendelsen din { $reference } er behandlet
mail-completion-no-data-subject = Henvendelsen din { $reference }: vi har ingen personopplysninger om deg
mail-completion-partial-subject = Svar på henvendelsen din { $reference }: delvis gjennomført
mail-completion-intro = Vi har behandlet henvendelsen din «{ $kind }» ({ $reference }).
mail-completion-partial-intro = Vi har behandlet henvendelsen din «{ $kind }» ({ $reference }), men kunne ikke gjøre alt du ba om.
mail-completion-partial-why = Hvorfor vi ikke gjorde alt:

## Avslag

mail-rejection-subject = Vi kan ikke imøtekomme henvendelsen din { $reference }
mail-rejection-intro = Vi har besluttet ikke å imøtekomme henvendelsen din «{ $kind }» ({ $reference }).
mail-rejection-reason = Begrunnelse:
mail-reason-identity_not_verified = Vi kunne ikke bekrefte identiteten din
mail-reason-manifestly_unfounded = Åpenbart grunnløs (Art. 12(5))
mail-reason-excessive = Urimelig (Art. 12(5))
mail-reason-not_applicable = Rettigheten gjelder ikke her
mail-reason-other = Annen grunn

## Lukket: et spørsmål ble ikke besvart (sendt av den automatiske oppryddingen)

mail-expiry-subject = Henvendelsen din { $reference } er avsluttet: vi hørte ikke fra deg
mail-expiry-intro = Den { $date } stilte vi deg et spørsmål om henvendelsen din «{ $kind }» ({ $reference }). Vi har ikke fått svar på { $days ->
    [one] { $days } dag
   *[other] { $days } dager
}, så vi har avsluttet henvendelsen uten å gjøre noe med den.
mail-new-request = Du kan sende en ny henvendelse når som helst.

## Manuell registrering: språket i e-postene til den registrerte

mail-language-invalid = Velg språket i e-postene til den registrerte: norsk bokmål, svensk eller engelsk.

## En lenke for å velge passord for ansatte (invitasjon eller nytt passord).

mail-password-invite-subject = Kontoen din for personvernhenvendelser hos { $organisation }
mail-password-reset-subject = Velg nytt passord for personvernhenvendelser hos { $organisation }
mail-password-invite-intro = En administrator har laget en konto til deg i verktøyet for personvernhenvendelser hos { $organisation }.
mail-password-reset-intro = Noen har bedt om nytt passord for kontoen din. Det nåværende passordet virker til du har valgt et nytt.
mail-password-open = Velg passord ved å åpne denne lenken (den virker én gang, i { $hours } timer):
mail-password-link = Velg passordet mitt
mail-password-valid = (virker én gang, i { $hours } timer)
mail-password-ignore = Hvis du ikke ventet denne e-posten, kan du se bort fra den; ingenting endres.

## Påminnelser og den daglige oversikten, til saksbehandlere og administratorer.

mail-reminder-subject = { $count ->
    [one] Påminnelse: 1 personvernhenvendelse trenger deg
   *[other] Påminnelse: { $count } personvernhenvendelser trenger deg
}
mail-reminder-intro = Disse henvendelsene har nådd en påminnelsesdato. Hver påminnelse sendes én gang; en henvendelse over fristen får en påminnelse hver dag til den er besvart.
mail-reminder-overdue = Over fristen
mail-reminder-due-soon = Frist snart
mail-reminder-more = { $count ->
    [one] Én til ligger i køen.
   *[other] { $count } til ligger i køen.
}
mail-reminder-queue = Åpne køen
mail-due-on = frist { $date }
mail-due-overdue = { $days ->
    [one] 1 dag over fristen
   *[other] { $days } dager over fristen
}
mail-due-today = frist i dag
mail-due-left = { $days ->
    [one] 1 dag igjen
   *[other] { $days } dager igjen
}
mail-due-paused = venter på den registrerte (fristen står stille)
mail-digest-subject = Personvernhenvendelsene dine, { $date }
mail-digest-intro = Henvendelsene dine { $date }:
mail-digest-overdue = Over fristen
mail-digest-due-soon = Frist snart
mail-digest-awaiting-subject = Venter på den registrerte
mail-digest-newly-assigned = Nylig tildelt deg
mail-digest-none = Ingen.
mail-digest-more = { $count ->
    [one] og 1 til:
   *[other] og { $count } til:
}
mail-digest-unassigned = { $count ->
    [one] 1 henvendelse har ingen saksbehandler.
   *[other] { $count } henvendelser har ingen saksbehandler.
}
mail-digest-failed-mail = { $count ->
    [one] 1 e-post kunne ikke sendes; på siden for e-post som feilet kan du sende den på nytt eller rette adressen.
   *[other] { $count } e-poster kunne ikke sendes; på siden for e-post som feilet kan du sende dem på nytt eller rette adressene.
}
mail-digest-opt-out = Du får denne e-posten de dagene du har henvendelser å følge opp. Du kan slå den av på kontosiden din:

# Sak 10: oppbevarte opplysninger i svar-e-posten (Art. 17(3)(b)), protest, begrensning.
mail-retained-intro = Vi har beholdt følgende opplysninger fordi en lov krever det:
mail-retained-until = Vi beholder dem til { $date } og sletter dem da.
mail-retained-only-for-the-law = Vi beholder disse opplysningene bare for å oppfylle den rettslige forpliktelsen, og bruker dem ikke til noe annet (Art. 17(3)(b)). Til vi sletter dem, er bruken begrenset: vi bare lagrer dem (Art. 18(2)).
mail-objection-refused-intro = Vi kommer til å fortsette å behandle opplysningene dine for disse formålene, av følgende grunner (Art. 21(1)):
mail-retention-due-subject = { $count ->
    [one] Oppbevarte opplysninger må nå slettes: { $count } kategori
   *[other] Oppbevarte opplysninger må nå slettes: { $count } kategorier
}
mail-retention-due-intro = Den rettslige plikten til å oppbevare disse opplysningene er over. Slett dem, og marker dem deretter som slettet i registeret over oppbevarte opplysninger.
mail-retention-due-ended = oppbevart til { $date }
mail-retention-due-register = Registeret over oppbevarte opplysninger
mail-objection-confirmed-subject = Vi har stanset direkte markedsføring til deg ({ $reference })
mail-objection-confirmed-intro = Du har protestert mot at opplysningene dine brukes til direkte markedsføring ({ $reference }). Vi har stanset det.
mail-objection-confirmed-both = E-postadressen og telefonnummeret ditt står nå på sperrelisten vår.
mail-objection-confirmed-email = E-postadressen din står nå på sperrelisten vår.
mail-objection-confirmed-absolute = Vi kommer ikke til å bruke dem til direkte markedsføring igjen (GDPR Art. 21(3)).
mail-objection-confirmed-rest = Du har også protestert mot annen bruk av opplysningene dine. En saksbehandler tar stilling til dette og skriver til deg.
mail-objection-staff-subject = Protest mot direkte markedsføring behandlet: { $reference }
mail-objection-staff-intro = En protest mot direkte markedsføring ({ $reference }) ble behandlet automatisk: den registrertes adresse og nummer står på sperrelisten (Art. 21(3)).
mail-objection-staff-rest = Den registrerte har også protestert mot andre formål: avgjør disse på henvendelsessiden.
mail-objection-staff-done = Det ble ikke bedt om noe mer: henvendelsen er fullført.
mail-restriction-lift-subject = Vi opphever begrensningen av opplysningene dine ({ $reference })
mail-restriction-lift-intro = Du ba oss begrense bruken av opplysningene dine ({ $reference }). Vi opphever nå denne begrensningen for:
mail-restriction-lift-why = Hvorfor:
mail-restriction-lift-before = Vi sier fra til deg før begrensningen oppheves, slik GDPR Art. 18(3) krever.

# Sak 11: varsler etter Art. 19 og retting.
mail-recipients-told = Vi har informert disse mottakerne av opplysningene dine om endringen (GDPR Art. 19):
mail-items-refused-intro = Vi har ikke gjort disse rettingene, av følgende grunner:
mail-notice-subject = Personvernvarsel: henvendelse { $reference } (GDPR Art. 19)
mail-notice-reminder-subject = Påminnelse: bekreft varselet vårt om henvendelse { $reference }
mail-notice-reminder-intro = Vi har ennå ikke fått bekreftelse fra dere på varselet nedenfor.
mail-notice-intro = Henvendelse { $reference } fra en registrert person («{ $kind }») har endret personopplysninger vi har utlevert til dere. GDPR Art. 19 pålegger oss å varsle dere.
mail-notice-corrections = Vi ber dere rette disse opplysningene:
mail-notice-erase = Vi ber dere slette opplysningene i disse kategoriene:
mail-notice-restrict = Vi ber dere begrense behandlingen av opplysningene i disse kategoriene (bare lagre dem):
mail-notice-identifiers = For å finne personen i systemene deres:
mail-notice-ack = Vi ber dere bekrefte at dere har fulgt det opp (ingen innlogging nødvendig):
mail-recipients-list-subject = Mottakerne som er varslet om henvendelsen din { $reference }
mail-recipients-list-intro = Du har spurt hvilke mottakere av opplysningene dine vi har varslet om henvendelsen din { $reference } (GDPR Art. 19). Her er de, med status for hver:
