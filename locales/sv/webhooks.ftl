# Webhooks till systemen som har uppgifterna (ärende 13)
dash-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-intro = Systemen som har kundernas uppgifter (fakturering, CRM, trafikdata) får här veta om verifierade begäranden, statusändringar, tidsfrister och vad de ska radera eller rätta. Varje leverans signeras med prenumerationens hemlighet. En instruktion ger varje system en uppgift; begäran kan inte slutföras förrän varje system har rapporterat uppgiften utförd, eller en handläggare åsidosätter det med en skriftlig motivering.
admin-webhooks-none = Inga system prenumererar ännu.
admin-webhooks-secret-title = Signeringshemlighet för { $name }
admin-webhooks-secret-intro = Kopiera hemligheten till det mottagande systemet nu: den visas bara denna enda gång. Systemet använder den för att kontrollera webhook-signature-huvudet i varje leverans.
admin-webhooks-col-system = System
admin-webhooks-col-events = Händelser
admin-webhooks-col-state = Tillstånd
admin-webhooks-reference-only = Bara referensen
admin-webhooks-identifiers = Identifierare som skickas
admin-webhooks-identifiers-hint = Skicka bara det systemet behöver för att hitta kunden. Begärans referens skickas alltid.
admin-webhooks-disabled = Inaktiverad
admin-webhooks-active = Aktiv
admin-webhooks-pending = { $count ->
    [one] { $count } leverans väntar
   *[other] { $count } leveranser väntar
}
admin-webhooks-failed-count = { $count ->
    [one] { $count } misslyckad
   *[other] { $count } misslyckade
}
admin-webhooks-disable = Inaktivera
admin-webhooks-failed-title = Misslyckade leveranser
admin-webhooks-failed-none = Ingen leverans har misslyckats.
admin-webhooks-col-delivery = Leverans
admin-webhooks-col-answer = Senaste svar
admin-webhooks-attempts = { $count ->
    [one] { $count } försök
   *[other] { $count } försök
}
admin-webhooks-status = HTTP-status { $code }
admin-webhooks-retry = Skicka igen
admin-webhooks-new-title = Lägg till ett system
admin-webhooks-name = Systemets namn
admin-webhooks-url = Adress (URL)
admin-webhooks-url-hint = En https-adress på internet. Privata adresser, loopback och link-local avvisas.
admin-webhooks-events = Händelser
admin-webhooks-create = Prenumerera
admin-webhooks-done-disabled = Prenumerationen är inaktiverad. Inget mer skickas till den.
admin-webhooks-done-retried = Leveransen skickas igen.
webhook-event-request-verified = Begäran verifierad
webhook-event-request-status-changed = Status ändrad
webhook-event-request-due-soon = Tidsfristen närmar sig
webhook-event-request-overdue = Tidsfristen har passerat
webhook-event-erasure-instructed = Radera uppgifter
webhook-event-rectification-instructed = Rätta uppgifter
webhook-url-invalid = Ange en fullständig adress, till exempel https://faktura.example.se/hooks/dsr.
webhook-url-https = Adressen måste börja med https://.
webhook-url-credentials = Ta bort användarnamn och lösenord ur adressen: signeringshemligheten visar vem som skickar.
webhook-url-private = Adressen är privat, loopback eller link-local. Webhooks skickas bara till adresser på internet.
webhook-event-unknown = Välj händelser ur listan.
webhook-event-none = Välj minst en händelse.
webhook-identifier-unknown = Välj identifierare ur listan.
case-tasks-title = System som har uppgifterna
case-tasks-intro = Varje system som prenumererar fick instruktionen och meddelar när det är klart. Begäran kan slutföras när alla system har bekräftat.
case-tasks-col-system = System
case-tasks-col-instruction = Instruktion
case-tasks-done = Bekräftad
case-tasks-overridden = Åsidosatt
case-tasks-state-open = Väntar på bekräftelse
case-tasks-override-hint = { $count ->
    [one] Ett system har inte bekräftat. Du kan slutföra begäran utan att vänta bara med en skriftlig motivering, som sparas i granskningsloggen.
   *[other] { $count } system har inte bekräftat. Du kan slutföra begäran utan att vänta bara med en skriftlig motivering, som sparas i granskningsloggen.
}
case-tasks-override-why = Varför begäran kan slutföras utan deras bekräftelse
case-tasks-override = Slutför utan att vänta
case-tasks-override-short = Skriv minst { $min } tecken.
case-tasks-none-open = Inget system väntar på att bekräfta.
case-tasks-open = { $count ->
    [one] Ett system som har uppgifterna har inte bekräftat sin uppgift ännu. Vänta på det, eller åsidosätt med en skriftlig motivering under ”System som har uppgifterna”.
   *[other] { $count } system som har uppgifterna har inte bekräftat sina uppgifter ännu. Vänta på dem, eller åsidosätt med en skriftlig motivering under ”System som har uppgifterna”.
}
dash-done-tasks-overridden = De öppna uppgifterna är åsidosatta. Begäran kan slutföras.
dash-audit-task_done = Ett system bekräftade sin uppgift
dash-audit-tasks_overridden = Öppna uppgifter åsidosatta
dash-audit-webhook_requeued = Webhook-leverans skickad igen
