# Ärende 13: JSON-API:et och dess nycklar.

## Adminsida
dash-nav-api-keys = API-nycklar
admin-api-title = API-nycklar
admin-api-intro = System som Mina sidor anropar API:et med en nyckel. Varje nyckel har ett namn, de behörigheter den får använda och, om du vill, en sista dag. Bara en hash av nyckeln sparas: den visas en gång, när den skapas. Det en nyckel gör loggas under dess namn.
admin-api-none = Inga API-nycklar ännu.
admin-api-col-name = Namn och början av nyckeln
admin-api-col-scopes = Behörigheter
admin-api-col-state = Status
admin-api-active = Aktiv
admin-api-until = till { $date }
admin-api-expired = Utgången
admin-api-revoked = Återkallad
admin-api-revoke = Återkalla
admin-api-done-revoked = Nyckeln har återkallats; anrop med den avvisas från och med nu.
admin-api-new-title = Skapa en nyckel
admin-api-name = Namn (vilket system som använder den)
admin-api-scopes = Vad nyckeln får göra
admin-api-last-day = Sista dag (valfritt)
admin-api-last-day-hint = Nyckeln slutar fungera vid slutet av denna dag. Lämna tomt för en nyckel utan slutdatum; du kan alltid återkalla den.
admin-api-create = Skapa nyckeln
admin-api-secret-title = Nyckeln för { $name }
admin-api-secret-intro = Kopiera nyckeln nu och spara den i systemet som använder den: den visas inte igen. Skicka den som Authorization: Bearer följt av nyckeln.

## Behörigheter
api-scope-requests-create = Skicka in begäranden (den registrerade bekräftar via e-post)
api-scope-requests-create-verified = Skicka in begäranden med identiteten redan bekräftad
api-scope-requests-read = Läsa begäranden och deras händelser
api-scope-requests-act = Hantera begäranden som handläggare
api-scope-webhooks-manage = Hantera webhook-prenumerationer
api-scope-suppression-read = Läsa spärrlistan
api-scope-tasks-report = Rapportera uppgifter som utförda

## Fel
api-key-scope-unknown = Välj behörigheter från listan.
api-key-scope-none = Välj minst en behörighet.
api-key-last-day-past = Sista dagen kan inte ligga i det förflutna.
api-key-last-day-invalid = Skriv sista dagen som ÅÅÅÅ-MM-DD.
api-status-unknown = Okänd status: använd en status, active eller all.
api-date-invalid = Skriv datumet som ÅÅÅÅ-MM-DD.
api-cursor-invalid = Skicka next-värdet från föregående sida oförändrat.
api-limit-range = Gränsen är ett tal från 1 till { $max }.
api-received-needs-verification = received_at tas bara emot tillsammans med verification_method (bekräftad inlämning).
api-received-future = Mottagningstiden kan inte ligga i framtiden.
api-received-invalid = Skriv mottagningstiden som RFC 3339, till exempel 2026-12-01T09:30:00+01:00.
api-field-not-text = Ange fältet som text, ett tal eller en lista av dem.
api-version-required = Skicka begärans version, så som den senast lästa begäran angav den.
admin-api-acts-as = Agerar som (för handläggning)
admin-api-acts-as-hint = En nyckel med ”Hantera begäranden som handläggare” agerar för detta konto: dess behörigheter, och dess namn på anteckningar, frågor och tilldelningar. Loggen namnger också nyckeln.
admin-api-acts-as-none = Ingen
admin-api-acts-as-line = agerar som { $account }
api-key-acts-as = En nyckel som hanterar begäranden behöver en aktiv handläggare eller administratör att agera som.
