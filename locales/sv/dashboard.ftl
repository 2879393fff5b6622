## Handläggningen: kön, ärendesidan, manuell registrering, konton, inloggning.

dash-title = Handläggning
dash-skip-to-content = Hoppa till innehållet
dash-nav-label = Handläggning
dash-nav-queue = Kö
dash-nav-intake = Registrera en begäran
dash-nav-accounts = Konton
dash-nav-account = Ditt konto
dash-log-out = Logga ut
dash-language-label = Språk
dash-error-title-prefix = Fel:
dash-error-summary-title = Något behöver rättas
dash-error-summary-kept = Ingenting ändrades. Rätta följande; inget av det du skrev har försvunnit:
dash-choose = Välj …

## Namn på lagrade koder.

status-awaiting_verification = Väntar på bekräftelse
status-open = Öppen
status-in_progress = Under handläggning
status-awaiting_subject = Väntar på svar från den registrerade
status-completed = Avslutad
status-rejected = Avslagen
status-withdrawn = Återkallad
status-expired = Förfallen
outcome-fulfilled = Tillmötesgången
outcome-partially_fulfilled = Delvis tillmötesgången
outcome-no_data_held = Inga uppgifter lagrade
rejection-identity_not_verified = Identiteten kunde inte bekräftas
rejection-manifestly_unfounded = Uppenbart ogrundad (art. 12.5)
rejection-excessive = Orimlig (art. 12.5)
rejection-not_applicable = Rättigheten gäller inte
rejection-other = Annat skäl
question-purpose-identity = Bekräfta den registrerades identitet (art. 12.6)
question-purpose-clarification = Klargöra vad begäran gäller
question-purpose-other = Något annat
channel-portal = Webbformulär
channel-api = API
channel-phone = Telefon
channel-letter = Brev
channel-email = E-post
channel-in_person = Personligt besök
role-admin = Administratör
role-handler = Handläggare
role-auditor = Granskare
file-type-pdf = PDF-dokument
file-type-png = PNG-bild
file-type-jpeg = JPEG-bild
file-type-text = Ren text
dash-kind-access = tillgång
dash-kind-rectification = rättelse
dash-kind-erasure = radering
dash-kind-restriction = begränsning
dash-kind-portability = dataportabilitet
dash-kind-objection = invändning

## Kön.

dash-queue-title = Kö
dash-queue-failed-mail = { $count ->
    [one] { $count } e-postmeddelande kunde inte skickas.
   *[other] { $count } e-postmeddelanden kunde inte skickas.
}
dash-queue-failed-mail-more = Fler än { $count } e-postmeddelanden kunde inte skickas.
dash-queue-failed-mail-link = Se vilka
dash-queue-filter-status = Status
dash-queue-filter-active = Kräver åtgärd
dash-queue-filter-all = Alla
dash-queue-filter-kind = Typ
dash-queue-filter-all-kinds = Alla typer
dash-queue-filter-button = Filtrera
dash-queue-count = { $count ->
    [one] { $count } begäran, tidigaste frist först.
   *[other] { $count } begäranden, tidigaste frist först.
}
dash-queue-count-more = Fler än { $count } begäranden, tidigaste frist först.
dash-queue-caption = Begäranden, tidigaste frist först
dash-col-reference = Referens
dash-col-kind = Typ
dash-col-status = Status
dash-col-received = Mottagen
dash-col-due = Frist
dash-col-days-left = Dagar kvar
dash-no-email-badge = ingen e-post
dash-no-email-title = Ingen e-postadress: svara per post eller telefon
dash-paused-text = (fristen står stilla)
dash-missed-promise-badge = löfte brutet
dash-missed-promise-heading = Löfte brutet
dash-missed-promise-title = Förlängd efter att vår egen frist hade passerat
dash-days-overdue = { $count ->
    [one] { $count } dag försenad
   *[other] { $count } dagar försenad
}
dash-queue-empty = Inget här.
dash-queue-first-page = Första sidan
dash-queue-next-page = Nästa sida

## Ärendesidan.

dash-detail-subject = Den registrerade
dash-detail-name = Namn
dash-detail-email = E-post
dash-detail-none-given = Inte angiven
dash-detail-phone = Telefon
dash-detail-customer-number = Kundnummer
dash-detail-verified = Bekräftad
dash-detail-not-verified = Inte bekräftad
dash-detail-unknown-method = okänd metod
dash-detail-channel = Kanal
dash-detail-assigned-to = Tilldelad
dash-detail-nobody = Ingen
dash-detail-request = Begäran
dash-detail-message = Meddelande
dash-detail-outcome = Utfall:
dash-detail-rejected = Avslagen:
dash-detail-justification = Motivering
dash-detail-withdrawn-for-subject = Återkallad för den registrerades räkning
dash-detail-deadlines = Frister
dash-detail-received = Mottagen
dash-detail-legal-deadline = Lagstadgad frist (art. 12.3)
dash-detail-promise = Vårt löfte
dash-detail-no-promise = inget
dash-detail-due = Frist
dash-detail-days-paused = Dagar pausad
dash-detail-paused-now = (pausad nu)
dash-detail-latest-extended = Senast med förlängning
dash-detail-extension-reason = Skäl till förlängning
dash-questions-title = Frågor till den registrerade
dash-questions-asked = Ställd
dash-questions-for = Syfte
dash-questions-question = Fråga
dash-questions-answer = Svar
dash-questions-clock-stopped = fristen står stilla
dash-questions-not-answered = Inte besvarad än
dash-answer-sent = Svar skickat till den registrerade
dash-answer-why-not-all = Varför inte allt
dash-actions = Åtgärder
dash-no-email-notice-strong = Ingen e-postadress: svara per post eller telefon.
dash-no-email-notice = Inget på den här sidan skickas per e-post till den registrerade; varje åtgärd noteras så i tidslinjen.
dash-assign = Tilldela
dash-assign-to-me = Tilldela mig
dash-assign-to = Tilldela till
dash-assign-button = Tilldela
dash-start = Starta
dash-start-hint = Startar handläggningen.
dash-start-hint-assign = Startar handläggningen och tilldelar begäran till dig.
dash-verify = Markera som bekräftad på annat sätt
dash-verify-method = Hur bekräftades den registrerade?
dash-verify-method-hint = Till exempel ”kunden loggade in på Mina sidor” eller ”id-kort kontrollerat i butik”. Spara aldrig en kopia av en id-handling.
dash-verify-button = Markera som bekräftad
dash-ask = Fråga den registrerade
dash-ask-purpose = Vad gäller frågan?
dash-ask-pauses-clock = – fristen står stilla tills svaret kommer
dash-ask-question = Fråga
dash-ask-hint = Den registrerade får den per e-post med en länk till sidan för sin begäran, där hen svarar.
dash-ask-button = Skicka frågan
dash-extend = Förläng (art. 12.3)
dash-extend-to = Ny frist (ÅÅÅÅ-MM-DD)
dash-extend-hint = Senast { $latest }. Tillåtet fram till den lagstadgade fristen { $legal }.
dash-extend-hint-promise = Efter vårt löfte ({ $promise }) markeras begäran med brutet löfte.
dash-extend-reason = Varför mer tid behövs (den registrerade får veta)
dash-extend-already = Redan förlängd en gång: art. 12.3 tillåter en förlängning.
dash-extend-too-late = Förlängning är inte möjlig: den lagstadgade fristen { $legal } har passerat (art. 12.3).
dash-complete = Avsluta
dash-complete-hint = Välj utfall, skriv svaret utifrån mallen och förhandsgranska e-postmeddelandet innan det skickas.
dash-complete-answer = Svar till den registrerade
dash-complete-reasons = Varför inte allt (den registrerade får veta, med rätten att klaga, art. 12.4)
dash-complete-preview = Förhandsgranska e-postmeddelandet
dash-reject = Avslå
dash-reject-reason = Skäl
dash-reject-justification = Motivering (den registrerade får veta, med rätten att klaga)
dash-reject-justification-hint = Är begäran uppenbart ogrundad eller orimlig, förklara varför: vi måste kunna visa det (art. 12.5).
dash-withdraw = Återkalla för den registrerades räkning
dash-withdraw-reason = Hur och varför den registrerade återkallade begäran
dash-withdraw-button = Återkalla
dash-notes = Interna anteckningar
dash-notes-hint = Visas aldrig för den registrerade och kommer aldrig med i ett e-postmeddelande.
dash-notes-add = Lägg till en anteckning
dash-notes-button = Lägg till anteckning
dash-timeline = Tidslinje
dash-timeline-when = När
dash-timeline-who = Vem
dash-timeline-what = Vad
dash-timeline-note = Anteckning
dash-emails = E-postmeddelanden
dash-emails-queued = Köad
dash-emails-email = E-post
dash-emails-attempts = Försök
dash-emails-last-error = Senaste fel
dash-done-assigned = Begäran är tilldelad.
dash-done-started = Handläggningen av begäran har startat.
dash-done-verified = Den registrerade är markerad som bekräftad; mottagningsbekräftelsen är på väg.
dash-done-asked = Din fråga är på väg till den registrerade.
dash-done-extended = Fristen är förlängd; den registrerade får veta varför och det nya datumet.
dash-done-completed = Begäran är avslutad; svaret är på väg till den registrerade.
dash-done-rejected = Begäran är avslagen; den registrerade får veta varför och vilka rättigheter hen har.
dash-done-withdrawn = Begäran är återkallad; den registrerade får en bekräftelse.
dash-done-noted = Din anteckning är tillagd. Anteckningar är interna: den registrerade ser dem aldrig.

## Förhandsgranskning av svaret.

dash-preview-title = Förhandsgranska svaret
dash-preview-notice = Inget är skickat än. Det här är e-postmeddelandet som den registrerade kommer att få.
dash-preview-caption = E-postmeddelandets mottagare och ämne
dash-preview-to = Till
dash-preview-subject = Ämne
dash-preview-text = Text
dash-preview-html = Som HTML
dash-preview-html-frame = E-postmeddelandet som HTML
dash-preview-send = Skicka det här svaret och avsluta begäran
dash-preview-change = Ändra svaret

## E-post som inte kunde skickas.

dash-failed-title = E-post inte skickad
dash-failed-heading = E-post som inte kunde skickas
dash-failed-intro = De här meddelandena misslyckades vid varje försök. Kontrollera adressen eller e-postservern, och nå personen på annat sätt om en frist hänger på det.
dash-failed-none = Inga. All e-post skickades.
dash-failed-to = Till
dash-failed-subject = Ämne
dash-failed-request = Begäran
dash-failed-open = öppna

## Manuell registrering av en begäran.

dash-intake-title = Registrera en begäran
dash-intake-heading = Registrera en begäran som kommit in per telefon, brev, e-post eller vid besök
dash-intake-intro = Svarstiden räknas från när begäran kom in, inte från nu: ange rätt datum och klockslag för mottagandet. Den registrerades e-postadress är frivillig: lämna fältet tomt om hen inte angav någon.
dash-intake-error-count = { $count ->
    [one] Rätta fältet som är markerat nedan. Inget av det du skrev har försvunnit.
   *[other] Rätta de { $count } fält som är markerade nedan. Inget av det du skrev har försvunnit.
}
dash-intake-channel = Hur kom den in?
dash-intake-when = När kom den in?
dash-intake-when-hint = I tidszonen { $timezone }. Det kan vara bakåt i tiden, aldrig i framtiden.
dash-intake-date = Mottagningsdatum (ÅÅÅÅ-MM-DD)
dash-intake-time = Mottagningstid (TT:MM, frivilligt)
dash-intake-kind = Vad begär den registrerade?
dash-intake-subject = Den registrerade
dash-intake-name = Fullständigt namn
dash-intake-email = E-postadress (frivilligt)
dash-intake-email-hint = Frivilligt, men till hjälp: med en adress får den registrerade mottagningsbekräftelsen, bekräftelselänken, dina frågor och svaret per e-post, och kan följa begäran på webben. Utan adress skickas ingenting per e-post; du svarar per post eller telefon, och fristen för en obekräftad begäran stoppas inte.
dash-intake-phone = Telefonnummer (frivilligt)
dash-intake-customer-number = Kund- eller kontonummer (frivilligt)
dash-intake-language = Den registrerades språk
dash-intake-language-hint = All e-post till den registrerade om den här begäran skickas på det här språket.
dash-intake-kind-hint = Välj typ av begäran ovan; frågorna för den visas nedan.
dash-intake-message-legend = Något annat den registrerade sa (frivilligt)
dash-intake-message = Meddelande
dash-intake-message-hint = Högst { $max } tecken. Skriv aldrig av numret på en id-handling här.
dash-intake-verified = Har du kontrollerat vem den registrerade är?
dash-intake-verified-no = Inte än: skicka bekräftelselänken till den registrerade (fristen står stilla tills hen bekräftar; utan e-postadress bekräftar du på annat sätt senare)
dash-intake-verified-yes = Ja, redan bekräftad
dash-intake-method = Om bekräftad: hur? (t.ex. ”id-kort kontrollerat i butiken”, ”kunden loggade in på Mina sidor”)
dash-intake-method-hint = Anteckna bara metoden. Spara aldrig en kopia av en id-handling.
dash-intake-button = Registrera begäran

## Avslag och fältfel i handläggningen.

case-form-without-version = Formuläret angav inte vilken version av begäran det gjordes från; ladda om sidan och försök igen.
case-stale-version = Någon annan ändrade den här begäran medan du hade den öppen (den är nu { $status ->
    [awaiting_verification] i väntan på bekräftelse
    [open] öppen
    [in_progress] under handläggning
    [awaiting_subject] i väntan på svar från den registrerade
    [completed] avslutad
    [rejected] avslagen
    [withdrawn] återkallad
    [expired] förfallen
   *[other] ändrad
}); ditt formulär ändrade ingenting. Ladda om sidan, se vad som hänt och agera sedan.
case-choose-assignee = Välj en aktiv handläggare eller administratör.
case-no-email-ask = Den här begäran har ingen e-postadress, så den registrerade kan inte svara på webben. Fråga per post eller telefon och anteckna svaret i en intern anteckning.
case-choose-purpose = Ange vad frågan gäller: identitet, förtydligande eller något annat.
case-extend-date-format = Skriv det nya datumet som ÅÅÅÅ-MM-DD.
case-extend-already = Fristen har redan förlängts; art. 12.3 tillåter en förlängning med högst två månader till.
case-extend-deadline-passed = Den lagstadgade fristen { $date } har redan passerat; art. 12.3 tillåter förlängning bara inom den första månaden.
case-extend-beyond-limit = Den begärda fristen är efter { $date }, det senaste datum art. 12.3 tillåter (tre månader från mottagandet).
case-extend-not-later = Den nya fristen måste vara senare än nuvarande frist { $date }.
case-choose-outcome = Välj utfall: tillmötesgången, delvis tillmötesgången eller inga uppgifter lagrade.
case-answer-placeholder = Ersätt delarna inom [[ ]] med egna ord innan du skickar.
case-preview-first = Förhandsgranska svaret innan du skickar det: den registrerade får exakt det du såg.
case-choose-rejection = Välj varför begäran avslås.
case-justification-missing = Skriv varför begäran avslås: den registrerade får veta skälen (art. 12.4).
case-justification-too-short = Förklara varför begäran är { $reason ->
    [excessive] orimlig
   *[other] uppenbart ogrundad
}: vi måste kunna visa det (art. 12.5). Skriv minst { $min } tecken.
case-manual-choose-channel = Välj hur begäran kom in: telefon, brev, e-post eller personligt besök.
case-manual-say-verified = Ange om du redan har kontrollerat vem den registrerade är.
case-manual-date-format = Skriv datumet då begäran kom in, som ÅÅÅÅ-MM-DD.
case-manual-time-format = Skriv klockslaget som TT:MM (24 timmar), eller lämna fältet tomt om du inte vet det.
case-manual-before-gdpr = Datumet är före dataskyddsförordningens tillämpning (25 maj 2018). Kontrollera året.
case-manual-time-skipped = Det klockslaget fanns inte här (klockan ställdes fram). Ange en tid efter omställningen.
case-manual-future = Tidpunkten för mottagandet kan inte ligga i framtiden. Ange när begäran faktiskt kom in.

## Filer från den registrerade.

upload-title = Filer från den registrerade
upload-hint = Nedladdningar sparas som filer, öppnas aldrig i webbläsaren, och varje nedladdning syns i tidslinjen. En id-handling raderas så snart du antecknat vad den bekräftade; andra filer raderas en tid efter att begäran avslutats, om de inte sparas som bevis.
upload-col-received = Mottagen
upload-col-file = Fil
upload-col-type = Typ
upload-col-size = Storlek
upload-col-status = Status
upload-col-actions = Åtgärder
upload-size-bytes = { $size } byte
upload-deleted = Raderad { $when }
upload-deleted-identity = Raderad { $when } (id-handling, efter kontrollen)
upload-kept = Sparad som bevis: { $reason }
upload-deleted-later = Raderas automatiskt efter att begäran avslutats (lagringstid)
upload-identity-label = Id-handling: vad bekräftade den?
upload-identity-placeholder = t.ex. passet stämmer med kundregistret
upload-identity-button = Anteckna kontrollen och radera filen
upload-keep-label = Spara som bevis, eftersom
upload-keep-button = Spara som bevis
upload-already-deleted = Den här filen är redan raderad.
upload-request-changed = Begäran ändrades under tiden; ladda om sidan och försök igen.
upload-identity-never-kept = En id-handling sparas aldrig: den raderas när identiteten är kontrollerad.

## Konton.

user-title = Konton
user-intro = När ett konto inaktiveras avslutas dess sessioner direkt; det kan inte längre logga in.
user-col-name = Namn
user-col-email = E-post
user-col-role = Roll
user-col-status = Status
user-col-actions = Åtgärder
user-active = aktivt
user-deactivated = inaktiverat
user-deactivate = Inaktivera
user-deactivate-label = Inaktivera { $name }
user-cannot-deactivate-self = Du kan inte inaktivera ditt eget konto; be en annan administratör.
user-account-title = Ditt konto
user-account-role = roll { $role }
user-password-title = Byt lösenord
user-password-intro = När du byter det avslutas alla andra sessioner för ditt konto direkt.
user-current-password = Nuvarande lösenord
user-new-password = Nytt lösenord (minst 12 tecken)
user-new-password-again = Nytt lösenord igen
user-password-button = Byt lösenord
user-password-changed = Ditt lösenord är bytt. Alla andra sessioner för ditt konto har avslutats.
user-digest-title = Daglig sammanställning
user-digest-label = Mejla mig en sammanställning av mina ärenden varje morgon kl. { $time }
user-digest-button = Spara
user-digest-on-done = Du får den dagliga sammanställningen.
user-digest-off-done = Den dagliga sammanställningen är avstängd. Påminnelser om sista dagar kommer fortfarande.
user-digest-off-for-all = Den dagliga sammanställningen är avstängd för alla (inställningen DSR_DIGEST_TIME).
user-current-password-wrong = Det här är inte ditt nuvarande lösenord.
user-passwords-differ = De två lösenorden skiljer sig åt.
user-password-too-short = Ett lösenord måste ha minst { $min } tecken.
user-password-too-long = Ett lösenord kan ha högst { $max } tecken.
user-email-taken = Det finns redan ett konto med den här e-postadressen.

## Inloggning och den första administratören.

login-title = Logga in
login-email = E-post
login-password = Lösenord
login-button = Logga in
login-wrong = Fel e-post eller lösenord.
login-too-many = För många inloggningsförsök. Vänta några minuter och försök igen.
login-too-long = En e-postadress kan ha högst { $email_max } tecken, ett lösenord högst { $password_max }.
setup-title = Skapa den första administratören
setup-intro = Länken fungerar en gång. Kontot du skapar kan lägga till de andra handläggarna.
setup-name = Ditt namn
setup-password = Lösenord (minst 12 tecken)
setup-password-again = Samma lösenord igen
setup-button = Skapa konto

## Händelser i tidslinjen.

dash-audit-submitted = Mottagen
dash-audit-verified = Bekräftad
dash-audit-assigned = Tilldelad
dash-audit-started = Handläggning startad
dash-audit-asked_subject = Fråga till den registrerade
dash-audit-subject_answered = Den registrerade svarade
dash-audit-extended = Förlängd
dash-audit-completed = Avslutad
dash-audit-rejected = Avslagen
dash-audit-withdrawn = Återkallad
dash-audit-expired = Förfallen
dash-audit-note_added = Anteckning tillagd
dash-audit-file_downloaded = Fil nedladdad
dash-audit-file_deleted = Fil raderad
dash-audit-file_kept = Fil sparad som bevis
dash-audit-identity_document_checked = Id-handling kontrollerad
dash-audit-mail_requeued = E-post köad igen
dash-mail-pending = väntar på att skickas
dash-mail-sent = skickad
dash-mail-failed = kunde inte skickas

## Köns siffror, sökning och filter (ärende 9).

dash-counts-label = Översikt
dash-count-overdue = { $count } försenade
dash-count-due-soon = { $count } med sista dag inom { $days } dagar
dash-count-awaiting-subject = { $count } väntar på den registrerade
dash-count-awaiting-verification = { $count } väntar på bekräftelse
dash-count-unassigned = { $count } utan handläggare
dash-count-mine = { $count } tilldelade mig
dash-search-label = Hitta en begäran
dash-search-hint = En referens (DSR-2026-000809), en e-postadress eller början av ett namn.
dash-search-button = Sök
dash-search-count = { $count ->
    [one] 1 begäran hittades för ”{ $query }”.
   *[other] { $count } begäranden hittades för ”{ $query }”.
}
dash-queue-filter-assignee = Tilldelad
dash-queue-filter-anyone = Vem som helst
dash-queue-filter-me = Mig
dash-queue-filter-unassigned = Ingen
dash-queue-filter-urgency = Brådska
dash-queue-filter-any-urgency = Alla
dash-queue-filter-overdue = Försenade
dash-queue-filter-soon = Sista dag inom { $days } dagar
dash-queue-filter-due-before = Sista dag före
dash-queue-filter-missed = Bröt vårt löfte
dash-queue-prev-page = Föregående sida
dash-queue-export = Ladda ned dessa som CSV
dash-col-subject = Registrerad
dash-col-assignee = Tilldelad
dash-unassigned = ingen
dash-paused-days-left = { $count ->
    [one] pausad, 1 dag kvar
   *[other] pausad, { $count } dagar kvar
}
dash-paused-overdue = { $count ->
    [one] pausad, 1 dag försenad
   *[other] pausad, { $count } dagar försenad
}

## När e-post inte kommer fram (ärende 9).

dash-email-legend = Den registrerades e-postadress
dash-email-label = E-postadress
dash-email-hint = Rätta den om e-post till den registrerade inte kom fram. Ändringen förs in i tidslinjen.
dash-email-hint-verify = Rätta den om bekräftelsemejlet inte kom fram: en ny bekräftelselänk skickas till den nya adressen och den gamla slutar fungera.
dash-email-button = Spara adressen
dash-done-email-corrected = Adressen har ändrats.
dash-done-mail-resent = Mejlet ligger i kön igen och skickas om en stund.
case-email-unchanged = Det här är redan den registrerades adress.
dash-audit-email_corrected = E-postadress rättad
dash-failed-resend = Skicka igen
dash-failed-resend-label = Skicka igen till { $to }
dash-failed-resent = Mejlet ligger i kön igen och skickas nu.
dash-failed-not-failed = Det här mejlet väntar inte längre på att skickas igen; någon har kanske redan gjort det.
user-last-admin = Det här är den sista aktiva administratören: gör ett annat konto till administratör först.
user-role-unknown = ”{ $value }” är ingen roll; välj administratör, handläggare eller granskare.
user-role-label = Roll för { $name }
user-role-button = Ändra roll

## Lösenord som väljs via en länk i mejl (ärende 9).

login-forgot-link = Glömt lösenordet?
login-password-set = Ditt lösenord är sparat. Logga in med det.
forgot-title = Glömt lösenordet
forgot-intro = Skriv adressen du loggar in med. Om den har ett konto mejlar vi en länk för att välja ett nytt lösenord.
forgot-button = Skicka en länk
forgot-sent = Om ett konto har den här adressen är en länk för att välja ett nytt lösenord på väg. Den fungerar en gång, i { $hours } timmar.
forgot-back = Tillbaka till inloggningen
password-title = Välj lösenord
password-intro = Välj lösenordet för { $name }s konto. Minst 12 tecken.
password-button = Spara mitt lösenord
password-link-gone = Den här länken fungerar inte längre: den har använts, en nyare har skickats eller den har gått ut. Be om en ny på inloggningssidan.
user-invite-title = Bjud in någon
user-invite-intro = Kontot finns direkt; ägaren får ett mejl med en länk för att välja lösenord. Lösenord skickas aldrig med mejl.
user-invite-button = Skicka inbjudan
user-invited = Inbjudan är på väg.
user-password-link = Skicka lösenordslänk
user-password-link-label = Skicka lösenordslänk till { $name }
user-password-link-sent = Länken för att välja ett nytt lösenord är på väg.
user-role-choose = Välj en roll.
user-inactive = Det här kontot är inaktiverat.
