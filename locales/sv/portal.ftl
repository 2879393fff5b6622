## Sidramen (sidhuvud, språkval, sidfot) och självbetjäningsportalen.

site-title = Dina rättigheter för dina personuppgifter
site-skip = Hoppa till huvudinnehållet
site-brand = Begäranden om personuppgifter
site-nav-label = Huvudmeny
site-nav-new = Ny begäran
site-nav-track = Följ mina begäranden
site-nav-my = Mina begäranden
site-lang-label = Språk
site-footer-dpo = Frågor om dina personuppgifter? Skriv till vårt dataskyddsombud:
site-footer-complaint = Du har också rätt att lämna klagomål till tillsynsmyndigheten (GDPR Art. 77):

portal-error-title-prefix = { "Fel: " }
portal-error-summary-title = Något behöver rättas
portal-error-summary-intro = { $count ->
    [one] Rätta fältet nedan. Inget av det du har skrivit har försvunnit.
   *[other] Rätta de { $count } fälten nedan. Inget av det du har skrivit har försvunnit.
}

portal-error-summary-item = { $label }: { $message }
portal-error-summary-row = Uppgift { $number }, { $label }

portal-home-title = Dina rättigheter för dina personuppgifter – { $organisation }
portal-home-heading = Dina rättigheter till dina personuppgifter
portal-home-intro = Enligt dataskyddsförordningen (GDPR) kan du be { $organisation } att göra något av det som står nedan. Det är kostnadsfritt.
portal-home-answer-days = Vi svarar inom { $days } dagar från att vi tagit emot din begäran, och aldrig senare än den månad lagen ger oss.
portal-home-answer-month = Vi svarar inom en månad från att vi tagit emot din begäran, som lagen kräver.
portal-home-rights-summary = Vad betyder varje rättighet?
portal-home-form-heading = Skicka en begäran
portal-form-kind-legend = Vad vill du att vi ska göra?
portal-form-about-legend = Om dig
portal-form-about-hint = Vi använder detta bara för att hitta dina uppgifter och för att svara dig.
portal-form-name = Ditt fullständiga namn
portal-form-email = Din e-postadress
portal-form-email-hint = Vi skickar en länk till den här adressen för att kontrollera att den är din.
portal-form-phone = Telefonnummer (frivilligt)
portal-form-customer-number = Kund- eller kontonummer (frivilligt)
portal-form-kind-hint = Välj ovan vad du vill att vi ska göra; frågorna för den typen av begäran finns nedan.
portal-form-message-legend = Något mer? (frivilligt)
portal-form-message = Meddelande
portal-form-message-hint = Högst { $max } tecken. Skicka inte kopior av id-handlingar.
portal-form-submit = Skicka min begäran

portal-access-scope = Är det något särskilt du vill se? (frivilligt)
portal-rect-hint = Berätta vad som är fel och vad det ska vara. Fyll i en rad per uppgift.
portal-rect-row = Uppgift { $number }
portal-rect-field = Vad ska rättas (t.ex. ”Postadress”)
portal-rect-value = Rätt värde
portal-rect-current = Det vi har registrerat nu (frivilligt)
portal-rect-evidence = Underlag, om du har något (frivilligt)
portal-erasure-scope-legend = Vad ska vi radera?
portal-erasure-everything = Allt ni har om mig
portal-erasure-only-categories = Bara de kategorier jag kryssar i nedan
portal-erasure-categories-legend = Kategorier som ska raderas
portal-erasure-categories-hint = Kryssa bara i här om du valde ”bara de kategorier jag kryssar i nedan”.
portal-erasure-ground = Varför (frivilligt, Art. 17(1))
portal-erasure-ground-none = — Vet inte / ingen särskild grund —
portal-erasure-keep-hint = Vissa uppgifter måste vi enligt lag spara, till exempel bokföringsuppgifter. Då berättar vi vad vi sparar, varför och hur länge, och vi använder dem inte till något annat.
portal-restriction-ground-legend = Varför ska vi begränsa behandlingen? (Art. 18(1))
portal-restriction-details = Detaljer (frivilligt)
portal-portability-format-legend = Filformat
portal-portability-csv = CSV (öppnas i ett kalkylblad)
portal-portability-send-hint = Vill du att vi skickar uppgifterna direkt till ett annat företag? (frivilligt)
portal-portability-name = Det andra företagets namn
portal-portability-email = Företagets e-postadress för sådana begäranden
portal-objection-purpose-legend = Vad invänder du mot?
portal-objection-reasons = Dina skäl (behövs om du invänder mot något annat än direktmarknadsföring)

portal-status-awaiting_verification = Väntar på att du bekräftar din e-postadress
portal-status-open = Mottagen; vi börjar snart
portal-status-in_progress = Vi arbetar med din begäran
portal-status-awaiting_subject = Väntar på ditt svar på vår fråga
portal-status-completed = Besvarad
portal-status-rejected = Avslagen
portal-status-withdrawn = Återkallad
portal-status-expired = Avslutad utan åtgärd

history-received-portal = Vi tog emot din begäran via den här webbplatsen.
history-received = Vi tog emot din begäran.
history-received-phone = Vi tog emot din begäran per telefon.
history-received-letter = Vi tog emot din begäran per brev.
history-received-email = Vi tog emot din begäran per e-post.
history-received-in-person = Du lämnade din begäran personligen.
history-email-confirmed = Du bekräftade din e-postadress. Vår tid att svara började löpa.
history-identity-confirmed = Vi bekräftade vem du är.
history-identity-document-checked = Vi kontrollerade handlingen du skickade för att bekräfta vem du är, och raderade den. Vi sparar bara att vi har kontrollerat den.
history-started = Vi började arbeta med din begäran.
history-asked = Vi ställde en fråga till dig.
history-answered = Du svarade på vår fråga. Vi arbetar med din begäran igen.
history-extended = Vi behöver mer tid (GDPR Art. 12(3)). Vi svarar senast { $date }. Skäl: { $reason }
history-completed-fulfilled = Vi gjorde det du bad om och skickade vårt svar till dig.
history-completed-partially = Vi gjorde en del av det du bad om och skickade vårt svar till dig, med skälen för resten.
history-completed-no-data = Vi svarade: vi har inga personuppgifter om dig.
history-rejected = Vi avslog din begäran och skickade skälen till dig.
history-withdrawn-by-you = Du återkallade din begäran.
history-withdrawn-for-you = Vi återkallade din begäran på ditt uppdrag.
history-expired-unconfirmed = Begäran avslutades eftersom e-postadressen inte bekräftades i tid.
history-expired-no-answer = Begäran avslutades eftersom vi inte fick svar på vår fråga i tid.

portal-link-expired-heading = Länken har gått ut
portal-link-expired-text = Länken för att bekräfta din begäran fungerade bara en begränsad tid, och den tiden är slut. Om du fortfarande vill att vi ska agera behöver du skicka din begäran igen.
portal-link-expired-again = Skicka en ny begäran
portal-link-used-heading = Länken har redan använts
portal-link-used-text = Din begäran är redan bekräftad, så det finns inget mer att göra här. Varje bekräftelselänk fungerar en gång.
portal-link-track-text = För att se dina begäranden och hur långt de har kommit, använd ”Följ mina begäranden”: vi mejlar dig en länk.
portal-link-track-link = Gå till ”Följ mina begäranden”

portal-my-title = Mina begäranden
portal-my-from = Begäranden skickade från { $email }.
portal-my-none = Det finns inga begäranden från den här adressen.
portal-my-caption = Dina begäranden och hur långt de har kommit
portal-col-reference = Referens
portal-col-request = Begäran
portal-col-received = Mottagen
portal-col-due = Svar senast
portal-col-status = Status

portal-submitted-title = Begäran mottagen – bekräfta din e-postadress
portal-submitted-heading = Tack – ett steg kvar
portal-submitted-reference = Vi har tagit emot din begäran. Referensen är
portal-submitted-next = Vad händer nu?
portal-submitted-step-email = Vi har skickat ett mejl till { $email } med en länk. Öppna den inom { $days } dagar för att bekräfta att adressen är din.
portal-submitted-step-queue = När du har bekräftat hamnar din begäran i vår kö, och vi mejlar dig det datum då vi senast svarar.
portal-submitted-step-questions = Vi kan be dig om mer information om vi inte hittar dina uppgifter; tiden står still tills du svarar.
portal-submitted-no-email = Inget mejl? Titta i skräpposten. Om länken går ut kan du helt enkelt skicka begäran igen.

portal-track-title = Följ mina begäranden
portal-track-sent = Om vi har begäranden från { $email } har vi skickat en länk till den adressen. Öppna den för att se dina begäranden.
portal-track-intro = Ange den e-postadress du använde. Vi skickar en länk till den adressen som visar dina begäranden.
portal-track-email = E-postadress
portal-track-submit = Skicka mig en länk

portal-verified-title = Begäran { $reference } är bekräftad
portal-verified-heading = Tack, din begäran är bekräftad
portal-verified-reference = Referens
portal-verified-due = Vi svarar senast
portal-verified-mail = Vi har skickat ett mejl till dig med det här datumet och en länk där du kan följa din begäran.
portal-verified-status-link = Se status för din begäran

portal-verify-title = Bekräfta din begäran { $reference }
portal-verify-heading = Bekräfta din begäran
portal-verify-request = Begäran
portal-verify-submit = Ja, jag skickade den här begäran
portal-verify-not-me = Om du inte skickade den kan du stänga sidan; då händer ingenting.

portal-withdraw-title = Återkalla begäran { $reference }?
portal-withdraw-heading = Vill du återkalla din begäran?
portal-withdraw-request = Begäran
portal-withdraw-kind-received = { $kind }, mottagen { $date }.
portal-withdraw-explain = Om du återkallar den slutar vi arbeta med den och avslutar den. Det går inte att ångra, men du kan alltid skicka en ny begäran.
portal-withdraw-submit = Ja, återkalla min begäran
portal-withdraw-keep = Nej, behåll min begäran

portal-status-title = Begäran { $reference }
portal-answer-not-sent = Ditt svar skickades inte. Rätta det som är markerat nedan; det du skrev finns kvar.
portal-status-facts-label = Om din begäran
portal-status-your-request = Din begäran
portal-status-received = Vi tog emot den
portal-status-where = Status
portal-status-due = Vi svarar senast
portal-status-extended = (vi har förlängt tiden, GDPR Art. 12(3))
portal-status-paused = Datumet flyttas fram med de dagar vi väntar på dig.
portal-question-heading = Vi har en fråga till dig
portal-question-purpose-identity = Vi måste vara säkra på att vi lämnar ut dina uppgifter bara till dig, så vi ber dig bekräfta vem du är (GDPR Art. 12(6)).
portal-question-purpose-clarification = Vi behöver veta mer exakt vad din begäran gäller.
portal-question-purpose-other = Vi har en fråga till dig.
portal-answer-label = Ditt svar
portal-answer-hint = Högst { $max } tecken.
portal-file-label = En fil, om vi bad om det (frivilligt)
portal-file-hint = Ett PDF-dokument, en PNG- eller JPEG-bild eller en ren textfil, högst { $max } MB. Bara de som handlägger din begäran kan öppna den. Om det är en id-handling raderar vi den så snart vi har kontrollerat den.
portal-file-choose-again = Av säkerhetsskäl behåller en webbläsare aldrig en vald fil när sidan laddas om: välj den igen.
portal-answer-submit = Skicka mitt svar
portal-decision-heading = Vårt svar
portal-decision-fulfilled = Vi har gjort det du bad om.
portal-decision-partially = Vi har gjort en del av det du bad om.
portal-decision-no-data = Vi har inga personuppgifter om dig.
portal-decision-not-done = Vad vi inte har gjort, och varför
portal-decision-refused = Vi har avslagit din begäran.
portal-reason-identity_not_verified = Skäl: vi kunde inte bekräfta vem du är.
portal-reason-manifestly_unfounded = Skäl: begäran är uppenbart ogrundad (GDPR Art. 12(5)).
portal-reason-excessive = Skäl: begäran är orimlig (GDPR Art. 12(5)).
portal-reason-not_applicable = Skäl: den rättighet du ville använda gäller inte här.
portal-reason-other = Skäl: se nedan.
portal-decision-why = Varför
portal-decision-expired = Vi har avslutat din begäran utan att agera, eftersom vi inte fick svar på vår fråga i tid. Du kan skicka en ny begäran när som helst.
portal-notice-heading = Dina rättigheter (GDPR Art. 12(4))
portal-notice-complaint = Om du inte håller med har du rätt att lämna klagomål till tillsynsmyndigheten (Art. 77):
portal-notice-court = Du har också rätt till ett effektivt rättsmedel: du kan ta saken till domstol (Art. 79).
portal-status-asked-for = Vad du bad om
portal-qa-heading = Frågor och svar
portal-qa-asked-on = Vi frågade den { $date }:
portal-qa-answered-on-text = Du svarade den { $date }:
portal-qa-answered-on = Du svarade den { $date }.
portal-qa-files = Med fil(er):
portal-qa-not-answered = Inte besvarad ännu.
portal-history-heading = Vad som har hänt
portal-withdraw-section = Återkalla
portal-withdraw-section-text = Har du ändrat dig? Du kan återkalla begäran. Då slutar vi arbeta med den.
portal-withdraw-link = Återkalla min begäran…
portal-contact-heading = Frågor om din begäran?
portal-contact-text = Skriv till dataskyddsombudet hos { $organisation } ({ $dpo }) och ange referensen { $reference }:

portal-notice-answered = Tack: vi har fått ditt svar och arbetar med din begäran igen.
portal-notice-withdrawn = Din begäran är återkallad. Vi har skickat en bekräftelse till dig.
portal-question-closed = Frågan är stängd: begäran väntar inte längre på ditt svar. Ladda om sidan för att se status.
portal-changed-try-again = Begäran ändrades under tiden; försök igen.
portal-changed-reload = Begäran ändrades under tiden; ladda om sidan.
