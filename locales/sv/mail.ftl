## E-post till den registrerade (templates/mail/). Varje e-post om en begäran skrivs på
## det språk begäran gjordes på. Namnen på organisationen, dataskyddsombudet och
## tillsynsmyndigheten kommer från inställningarna; artikelnumren står som de är.

mail-hello = Hej { $name },
mail-hello-anonymous = Hej,
# Efter en länk i HTML-e-post.
mail-link-days = (länken fungerar i { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
})

## Avsändare (_sender) och upplysningen enligt Art. 12(4) (_notice).

mail-sender-dpo = Dataskyddsombud:
mail-notice-title = Dina rättigheter (GDPR Art. 12(4))
mail-notice-complaint = Om du inte håller med har du rätt att lämna in ett klagomål till tillsynsmyndigheten (Art. 77):
mail-notice-court = Du har också rätt till ett effektivt rättsmedel: du kan föra saken till domstol (Art. 79).

## Bekräftelse av e-postadressen

mail-verify-subject = Bekräfta din begäran { $reference }
mail-verify-received = Vi har tagit emot din begäran ”{ $kind }” med referens { $reference }.
mail-verify-confirm = För att vara säkra på att det var du som skickade den ber vi dig bekräfta din e-postadress genom att öppna den här länken:
mail-verify-confirm-html = För att vara säkra på att det var du som skickade den ber vi dig bekräfta din e-postadress:
mail-verify-button = Bekräfta min begäran
mail-verify-validity = Länken kan användas en gång, i { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
} från att det här e-postmeddelandet skickades. Innan du har bekräftat kan vi inte börja med din begäran, och vår tid att svara löper inte.
mail-verify-ignore = Om du inte har skickat den här begäran kan du bortse från det här e-postmeddelandet.

## Mottagningsbekräftelse

mail-ack-subject = Vi har tagit emot din begäran { $reference }: svar senast { $due }
mail-ack-thanks = Tack för att du bekräftade. Din begäran står nu i vår kö.
mail-ack-reference = Referens
mail-ack-request = Begäran
mail-ack-received = Mottagen
mail-ack-due = Svar senast
mail-ack-time = Enligt GDPR (Art. 12(3)) har vi en månad på oss att svara; vi lovar att svara senast det datum som står ovan. Om vi behöver fler uppgifter från dig stannar tiden tills du har svarat. Om begäran är komplicerad kan vi förlänga tiden med högst två månader till; i så fall berättar vi varför före datumet ovan.
mail-ack-follow = Följ din begäran här (länken fungerar i { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
}):
mail-ack-follow-link = Följ din begäran

## Mina begäranden

mail-track-subject = Dina begäranden till { $organisation }
mail-track-none = Någon har bett att få se de dataskyddsbegäranden som skickats från den här adressen. Vi har inga begäranden från den här adressen.
mail-track-some = Någon (förhoppningsvis du) har bett att få se de dataskyddsbegäranden som skickats från den här adressen. Vi har { $count ->
    [one] { $count } begäran registrerad
   *[other] { $count } begäranden registrerade
}.
mail-track-open = Öppna den här länken för att se dem (den fungerar i { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
}):
mail-track-link = Se mina begäranden
mail-track-ignore = Om du inte har bett om detta kan du bortse från det här e-postmeddelandet.

## Återkallelse

mail-withdrawn-subject = Din begäran { $reference } är återkallad
mail-withdrawn-body = Som du bad om har vi återkallat din begäran ”{ $kind }” ({ $reference }). Vi arbetar inte vidare med den. Du kan skicka en ny begäran när som helst.

## En fråga till den registrerade

mail-question-subject = En fråga om din begäran { $reference }
mail-question-intro = För att kunna hantera din begäran ”{ $kind }” ({ $reference }) behöver vi ett svar från dig.
mail-purpose-identity = Vi måste vara säkra på att vi bara lämnar ut dina personuppgifter till dig, så vi ber dig bekräfta vem du är (GDPR Art. 12(6)).
mail-purpose-clarification = Vi behöver veta mer exakt vad din begäran gäller.
mail-purpose-other = Vi har en fråga till dig.
mail-question-ours = Vår fråga:
mail-question-answer = Svara på sidan för din begäran (länken fungerar i { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
}):
mail-question-answer-link = Svara på sidan för din begäran
mail-question-pauses = Tills du har svarat står vår tid för att hantera din begäran stilla (GDPR Art. 12(3) och (6)).

## Förlängd tid (Art. 12(3))

mail-extension-subject = Vi behöver mer tid för din begäran { $reference }: nytt datum { $due }
mail-extension-intro = Vi behöver mer tid för att hantera din begäran ”{ $kind }” ({ $reference }). Enligt GDPR får vi förlänga tiden med högst två månader till om en begäran är komplicerad eller om vi har många begäranden (Art. 12(3)).
mail-extension-why = Varför vi behöver mer tid:
mail-extension-new-date = Vi svarar senast { $due } (tidigare: { $previous }).

## Svar, en ämnesrad per utfall

mail-completion-fulfilled-subject = Din begäran { $reference } är klar
mail-completion-no-data-subject = Din begäran { $reference }: vi har inga personuppgifter om dig
mail-completion-partial-subject = Vårt svar på din begäran { $reference }: delvis genomförd
mail-completion-intro = Vi har hanterat din begäran ”{ $kind }” ({ $reference }).
mail-completion-partial-intro = Vi har hanterat din begäran ”{ $kind }” ({ $reference }), men kunde inte göra allt du bad om.
mail-completion-partial-why = Varför vi inte gjorde allt:

## Avslag

mail-rejection-subject = Vi kan inte tillmötesgå din begäran { $reference }
mail-rejection-intro = Vi har beslutat att inte tillmötesgå din begäran ”{ $kind }” ({ $reference }).
mail-rejection-reason = Skäl:
mail-reason-identity_not_verified = Vi kunde inte bekräfta din identitet
mail-reason-manifestly_unfounded = Uppenbart ogrundad (Art. 12(5))
mail-reason-excessive = Orimlig (Art. 12(5))
mail-reason-not_applicable = Rättigheten gäller inte här
mail-reason-other = Annat skäl

## Avslutad: en fråga besvarades inte (skickas av den automatiska rensningen)

mail-expiry-subject = Din begäran { $reference } är avslutad: vi hörde inte av dig
mail-expiry-intro = Den { $date } ställde vi en fråga till dig om din begäran ”{ $kind }” ({ $reference }). Vi har inte fått något svar på { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
}, så vi har avslutat begäran utan att vidta någon åtgärd.
mail-new-request = Du kan skicka en ny begäran när som helst.

## Manuell registrering: språket i e-posten till den registrerade

mail-language-invalid = Välj språket i e-posten till den registrerade: norskt bokmål, svenska eller engelska.

## En länk för att välja lösenord för personal (inbjudan eller nytt lösenord).

mail-password-invite-subject = Ditt konto för dataskyddsärenden hos { $organisation }
mail-password-reset-subject = Välj ett nytt lösenord för dataskyddsärenden hos { $organisation }
mail-password-invite-intro = En administratör har skapat ett konto åt dig i verktyget för dataskyddsärenden hos { $organisation }.
mail-password-reset-intro = Någon har bett om ett nytt lösenord för ditt konto. Ditt nuvarande lösenord fungerar tills du har valt ett nytt.
mail-password-open = Välj lösenord genom att öppna den här länken (den fungerar en gång, i { $hours } timmar):
mail-password-link = Välj mitt lösenord
mail-password-valid = (fungerar en gång, i { $hours } timmar)
mail-password-ignore = Om du inte väntade dig det här mejlet kan du bortse från det; ingenting ändras.

## Påminnelser och den dagliga sammanställningen, till handläggare och administratörer.

mail-reminder-subject = { $count ->
    [one] Påminnelse: 1 dataskyddsärende behöver dig
   *[other] Påminnelse: { $count } dataskyddsärenden behöver dig
}
mail-reminder-intro = De här ärendena har nått ett påminnelsedatum. Varje påminnelse skickas en gång; ett försenat ärende påminns varje dag tills det är besvarat.
mail-reminder-overdue = Försenade
mail-reminder-due-soon = Snart sista dag
mail-reminder-more = { $count ->
    [one] Ett till finns i kön.
   *[other] { $count } till finns i kön.
}
mail-reminder-queue = Öppna kön
mail-due-on = sista dag { $date }
mail-due-overdue = { $days ->
    [one] 1 dag försenad
   *[other] { $days } dagar försenad
}
mail-due-today = sista dag i dag
mail-due-left = { $days ->
    [one] 1 dag kvar
   *[other] { $days } dagar kvar
}
mail-due-paused = väntar på den registrerade (fristen står stilla)
mail-digest-subject = Dina dataskyddsärenden, { $date }
mail-digest-intro = Dina ärenden { $date }:
mail-digest-overdue = Försenade
mail-digest-due-soon = Snart sista dag
mail-digest-awaiting-subject = Väntar på den registrerade
mail-digest-newly-assigned = Nyligen tilldelade dig
mail-digest-none = Inga.
mail-digest-more = { $count ->
    [one] och 1 till:
   *[other] och { $count } till:
}
mail-digest-unassigned = { $count ->
    [one] 1 ärende har ingen handläggare.
   *[other] { $count } ärenden har ingen handläggare.
}
mail-digest-failed-mail = { $count ->
    [one] 1 mejl kunde inte skickas; på sidan för misslyckade mejl kan du skicka det igen eller rätta adressen.
   *[other] { $count } mejl kunde inte skickas; på sidan för misslyckade mejl kan du skicka dem igen eller rätta adresserna.
}
mail-digest-opt-out = Du får det här mejlet de dagar du har ärenden att följa upp. Du kan stänga av det på din kontosida:

# Ärende 10: bevarade uppgifter i svarsmejlet (Art. 17(3)(b)), invändning, begränsning.
mail-retained-intro = Vi har sparat följande uppgifter eftersom en lag kräver det:
mail-retained-until = Vi sparar dem till { $date } och raderar dem då.
mail-retained-only-for-the-law = Vi sparar de här uppgifterna bara för att uppfylla den rättsliga förpliktelsen och använder dem inte till något annat (Art. 17(3)(b)). Tills vi raderar dem är användningen begränsad: vi bara lagrar dem (Art. 18(2)).
mail-objection-refused-intro = Vi kommer att fortsätta behandla dina uppgifter för de här ändamålen, av följande skäl (Art. 21(1)):
mail-retention-due-subject = { $count ->
    [one] Bevarade uppgifter ska nu raderas: { $count } kategori
   *[other] Bevarade uppgifter ska nu raderas: { $count } kategorier
}
mail-retention-due-intro = Den rättsliga förpliktelsen att bevara de här uppgifterna har upphört. Radera dem och markera dem sedan som raderade i registret över bevarade uppgifter.
mail-retention-due-ended = bevarade till { $date }
mail-retention-due-register = Registret över bevarade uppgifter
mail-objection-confirmed-subject = Vi har slutat med direktmarknadsföring till dig ({ $reference })
mail-objection-confirmed-intro = Du invände mot att dina uppgifter används för direktmarknadsföring ({ $reference }). Vi har slutat med det.
mail-objection-confirmed-both = Din e-postadress och ditt telefonnummer finns nu på vår spärrlista.
mail-objection-confirmed-email = Din e-postadress finns nu på vår spärrlista.
mail-objection-confirmed-absolute = Vi kommer inte att använda dem för direktmarknadsföring igen (GDPR Art. 21(3)).
mail-objection-confirmed-rest = Du invände också mot annan användning av dina uppgifter. En handläggare tar ställning till det och skriver till dig.
mail-objection-staff-subject = Invändning mot direktmarknadsföring åtgärdad: { $reference }
mail-objection-staff-intro = En invändning mot direktmarknadsföring ({ $reference }) åtgärdades automatiskt: den registrerades adress och nummer finns på spärrlistan (Art. 21(3)).
mail-objection-staff-rest = Den registrerade invände också mot andra ändamål: avgör dem på ärendesidan.
mail-objection-staff-done = Inget annat begärdes: begäran är avslutad.
mail-restriction-lift-subject = Vi häver begränsningen av dina uppgifter ({ $reference })
mail-restriction-lift-intro = Du bad oss begränsa användningen av dina uppgifter ({ $reference }). Nu häver vi den begränsningen för:
mail-restriction-lift-why = Varför:
mail-restriction-lift-before = Vi meddelar dig innan begränsningen hävs, som GDPR Art. 18(3) kräver.

# Ärende 11: underrättelser enligt Art. 19 och rättelse.
mail-recipients-told = Vi har underrättat de här mottagarna av dina uppgifter om ändringen (GDPR Art. 19):
mail-items-refused-intro = Vi gjorde inte de här rättelserna, av följande skäl:
mail-notice-subject = Underrättelse om dataskydd: begäran { $reference } (GDPR Art. 19)
mail-notice-reminder-subject = Påminnelse: bekräfta vår underrättelse om begäran { $reference }
mail-notice-reminder-intro = Vi har ännu inte fått er bekräftelse av underrättelsen nedan.
mail-notice-intro = En registrerads begäran { $reference } (”{ $kind }”) har ändrat personuppgifter som vi har lämnat ut till er. GDPR Art. 19 kräver att vi underrättar er.
mail-notice-corrections = Vi ber er rätta de här uppgifterna:
mail-notice-erase = Vi ber er radera uppgifterna i de här kategorierna:
mail-notice-restrict = Vi ber er begränsa behandlingen av uppgifterna i de här kategorierna (bara lagra dem):
mail-notice-identifiers = För att hitta personen i era system:
mail-notice-ack = Vi ber er bekräfta att ni har åtgärdat den (ingen inloggning behövs):
mail-recipients-list-subject = Mottagarna som underrättats om din begäran { $reference }
mail-recipients-list-intro = Du har frågat vilka mottagare av dina uppgifter vi har underrättat om din begäran { $reference } (GDPR Art. 19). Här är de, med status för var och en:
