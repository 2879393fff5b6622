## Felsidor och avslag som inte gäller ett enskilt formulärfält.

error-title-not-found = Hittades inte
error-title-cannot-accept = Kan inte ta emot detta
error-title-not-allowed = Inte tillåtet
error-title-not-possible = Inte möjligt
error-title-gone = Inte längre tillgängligt
error-title-too-many = För många försök
error-title-internal = Fel
error-not-found = Sidan finns inte, eller så har länken gått ut eller redan använts.
error-csrf = Formuläret har gått ut eller kom inte från den här webbplatsen. Gå tillbaka, ladda om sidan och försök igen.
error-too-large = Det du skickade är för stort.
error-too-many = För många försök. Vänta några minuter och försök igen.
error-login = Du måste logga in för att se den här sidan.
error-forbidden = Din roll tillåter inte detta.
error-internal = Något gick fel hos oss. Försök igen senare.
error-internal-id = Något gick fel hos oss. Försök igen senare. Om det händer igen, ange fel-id { $id }.
error-back-home = Tillbaka till startsidan
error-bad-query = Adressen är inte giltig: { $detail }.
error-form-unreadable = Formuläret kunde inte läsas: { $detail }.
error-unknown-status-filter = Okänt statusfilter ”{ $value }”.
error-unknown-kind-filter = Okänt filter för typ ”{ $value }”.
error-bad-page-link = Sidlänken är inte giltig; börja på första sidan.
error-file-deleted = Filen raderades { $date }. Bara uppgiften om att den togs emot finns kvar.

transition-terminal = Begäran är redan { $status ->
    [completed] slutförd
    [rejected] avslagen
    [withdrawn] återkallad
    [expired] förfallen
   *[other] avslutad
} och kan inte ändras längre.
transition-not-allowed = En begäran som { $status ->
    [awaiting_verification] väntar på bekräftelse
    [open] är öppen
    [in_progress] är under handläggning
    [awaiting_subject] väntar på svar från den registrerade
    [completed] är slutförd
    [rejected] är avslagen
    [withdrawn] är återkallad
   *[expired] har förfallit
} kan inte { $action ->
    [verify] bekräftas
    [start] påbörjas
    [ask] pausas i väntan på den registrerade
    [resume] återupptas
    [complete] slutföras
    [reject] avslås
    [withdraw] återkallas
   *[expire] förfalla
}.
error-bad-filter = Filtret { $name } kan inte vara ”{ $value }”; välj det i formuläret.
error-bad-choice = Fältet { $name } kan inte vara ”{ $value }”; välj från formuläret.
