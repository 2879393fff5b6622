# Ärende 10: datakategorier, regler för bevarande, utfall av radering, begränsning, invändning,
# registret över bevarade uppgifter och spärrlistan.

## Navigering och meddelanden
dash-nav-retention = Bevarade uppgifter
dash-nav-suppression = Spärrlista
dash-nav-registers = Register
dash-done-outcome = Utfallet är registrerat.
dash-done-decided = Beslutet är registrerat.
dash-done-lift = Den registrerade underrättas. Begränsningen hävs när det e-postmeddelandet har skickats (Art. 18(3)).

dash-queue-retention-due = { $count ->
    [one] { $count } uppföljningsuppgift: bevarade uppgifter där lagringsskyldigheten har upphört måste raderas.
   *[other] { $count } uppföljningsuppgifter: bevarade uppgifter där lagringsskyldigheten har upphört måste raderas.
}
dash-queue-retention-due-link = Öppna uppgifterna

## Tidslinje
dash-audit-outcome_recorded = Utfall registrerat för en kategori
dash-audit-retention_ended = Lagstadgat bevarande har upphört: radera uppgifterna
dash-audit-retained_erased = Bevarade uppgifter raderade
dash-audit-restriction_lift_requested = Hävandet av begränsningen meddelat den registrerade
dash-audit-restriction_lifted = Begränsningen hävd
dash-audit-restriction_ground_recorded = Grunden för begränsningen registrerad
dash-audit-suppressed = Förd upp på spärrlistan (Art. 21(3))
dash-audit-objection_decided = Invändning avgjord för ett ändamål

## Bevarandetider i ord
dash-rule-days = { $amount ->
    [one] { $amount } dag
   *[other] { $amount } dagar
}
dash-rule-months = { $amount ->
    [one] { $amount } månad
   *[other] { $amount } månader
}
dash-rule-years = { $amount ->
    [one] { $amount } år
   *[other] { $amount } år
}
dash-rule-after-event = efter händelsen
dash-rule-after-financial-year = efter räkenskapsårets utgång
dash-rule-after-calendar-year = efter utgången av det kalenderår då räkenskapsåret avslutades

## Vad som gjordes med en kategori
category-outcome-erased = Raderad
category-outcome-retained = Bevarad enligt en rättslig förpliktelse (Art. 17(3)(b))
category-outcome-not_held = Inte lagrad
category-outcome-restricted = Begränsad (Art. 18)

## Ärendesidan: utfall per kategori
case-outcomes-title = Vad som gjordes med varje kategori
case-outcomes-title-restriction = Begränsade kategorier
case-outcomes-hint = Registrera ett utfall för varje kategori innan du avslutar begäran. Uppgifter som du enligt lag måste bevara bevaras enligt en regel, fram till det datum som regeln anger.
case-outcomes-hint-restriction = Registrera vilka kategorier som är begränsade (Art. 18(1)). Begränsade uppgifter lagras bara och används inte på något annat sätt.
case-outcomes-col-outcome = Utfall
case-outcomes-col-record = Registrera
case-outcomes-erased-since = Raderad
case-outcomes-none-yet = Inte registrerat än
case-outcomes-for = Utfall för { $category }
case-outcomes-rule = Regeln som kräver bevarande
case-outcomes-anchor = Datum som regeln räknas från
case-outcomes-anchor-hint = Datum för den senaste posten, till exempel den senaste fakturan (ÅÅÅÅ-MM-DD).
case-outcomes-save = Spara
case-outcomes-save-label = Spara utfallet för { $category }
case-outcomes-missing = Registrera ett utfall för varje kategori först. Saknas: { $categories }.
case-outcome-choose = Välj vad som gjordes med den här kategorin.
case-outcome-rule = Välj regeln som kräver att de här uppgifterna bevaras.
case-outcome-anchor-format = Skriv datumet som regeln räknas från som ÅÅÅÅ-MM-DD.
case-outcome-anchor-future = Datumet som regeln räknas från kan inte ligga i framtiden.
case-outcome-until-passed = Den regeln krävde bara att uppgifterna bevarades fram till { $date }. Radera dem i stället.
case-outcome-retained-partial = Vissa uppgifter bevaras enligt en rättslig förpliktelse, så svaret är ”delvis tillmötesgången”.
case-restriction-ground = Grunden för begränsningen (Art. 18(1))
case-restriction-ground-save = Spara grunden
case-restriction-none = Registrera minst en begränsad kategori först.

## Hävande av en begränsning (Art. 18(3))
case-lift-title = Häv begränsningen
case-lift-hint = Den registrerade får ett e-postmeddelande först (Art. 18(3)). Begränsningen gäller tills det e-postmeddelandet har skickats.
case-lift-reason = Varför begränsningen hävs (den registrerade får veta)
case-lift-button = Meddela den registrerade och häv
case-lift-waiting = Hävandet är meddelat: begränsningen hävs när e-postmeddelandet till den registrerade har skickats.
case-lift-done = Begränsningen hävdes
case-lift-already = Hävandet av den här begränsningen har redan meddelats.

## Invändning (Art. 21)
case-objection-title = Beslut för varje ändamål
case-objection-hint = Direktmarknadsföring upphör alltid, utan intresseavvägning (Art. 21(3)). För alla andra ändamål godtar du invändningen eller avslår den med de tvingande berättigade skäl eller rättsliga anspråk som kräver behandlingen (Art. 21(1)).
case-objection-col-purpose = Ändamål
case-objection-col-decision = Beslut
case-objection-upheld = Godtagen: behandlingen för ändamålet upphör
case-objection-automatic = automatiskt
case-objection-refused = Avslagen
case-objection-undecided-badge = Inte avgjord än
case-objection-for = Beslut om { $purpose }
case-objection-uphold = Godta invändningen
case-objection-refuse = Avslå: det finns tvingande skäl
case-objection-grounds-label = Tvingande berättigade skäl, eller de rättsliga anspråken (den registrerade får veta)
case-objection-grounds-hint = Krävs när du avslår. Förklara varför de här skälen väger tyngre än den registrerades intressen, rättigheter och friheter.
case-objection-save-label = Spara beslutet om { $purpose }
case-objection-choose = Välj om invändningen godtas eller avslås.
case-objection-grounds = Skriv de tvingande berättigade skälen eller de rättsliga anspråken, minst { $min } tecken (Art. 21(1)).
case-objection-dm-absolute = En invändning mot direktmarknadsföring kan inte avslås (Art. 21(3)).
case-objection-undecided = Avgör varje ändamål först. Inte avgjorda: { $purposes }.
case-objection-refused-partial = En del av invändningen har avslagits, så svaret är ”delvis tillmötesgången”.
case-objection-automatic-answer = Vi har slutat använda dina uppgifter för direktmarknadsföring, som du bad om. Din e-postadress och ditt telefonnummer finns på vår spärrlista (Art. 21(3)).

## Registret över bevarade uppgifter
ret-title = Bevarade uppgifter
ret-intro = Uppgifter som bevaras efter en begäran om radering eftersom en lag kräver det, med tidigaste slutdatum först. När tiden enligt en regel har löpt ut får handläggaren en uppföljningsuppgift här och per e-post.
ret-col-category = Kategori
ret-col-rule = Regel
ret-col-until = Bevaras till
ret-col-request = Begäran
ret-col-actions = Åtgärder
ret-any = Alla
ret-due-only = Bara de vars tid har löpt ut
ret-filter = Filtrera
ret-empty = Inget bevaras.
ret-time-up = Tiden har löpt ut
ret-from = räknat från { $date }
ret-until = till { $date }
ret-erased = Markera som raderad
ret-erased-label = Markera som raderad: { $category }, { $reference }
ret-more = Visar de första { $count }. Filtrera för att se resten.

## Spärrlista
sup-title = Spärrlista
sup-intro = E-postadresser och telefonnummer som aldrig mer får användas för direktmarknadsföring (Art. 21(3)). Marknadsföringssystemen läser exporten.
sup-count = { $count ->
    [one] { $count } post.
   *[other] { $count } poster.
}
sup-export-csv = Exportera som CSV
sup-export-json = Exportera som JSON
sup-empty = Listan är tom.
sup-col-kind = Typ
sup-col-value = Adress eller nummer
sup-col-since = Sedan
sup-col-request = Begäran
sup-kind-email = E-postadress
sup-kind-phone = Telefonnummer
sup-open-request = Öppna begäran

## Administration: register
admin-registers-title = Register
admin-categories-title = Datakategorier
admin-categories-intro = Kategorierna som de registrerade väljer bland och som handläggarna registrerar utfall för. Koderna ändras aldrig, så att lagrade begäranden behåller sin betydelse; texten kan ändras.
admin-col-code = Kod
admin-col-label = Text
admin-col-offered = Erbjuds
admin-col-change = Ändra
admin-yes = Ja
admin-no = Nej
admin-edit-category = Ändra { $category }
admin-label-en = Text på engelska
admin-label-nb = Text på norska (bokmål)
admin-label-sv = Text på svenska
admin-label-hint = Lämna fältet tomt för att behålla den inbyggda texten.
admin-offered = Erbjuds de registrerade och handläggarna
admin-save = Spara
admin-add = Lägg till
admin-add-category = Lägg till en kategori
admin-code-hint = Små bokstäver, siffror och _, och den måste börja med en bokstav, till exempel loyalty_points. Den kan inte ändras senare.
admin-category-code-invalid = Skriv en kod med små bokstäver, siffror och _ som börjar med en bokstav (högst 40 tecken) och som ingen kategori redan har.
admin-label-required = Skriv texten på det här språket också: de registrerade läser portalen på norska, svenska och engelska.
admin-done-category = Kategorin är sparad.
admin-rules-title = Regler för bevarande
admin-rules-intro = Lagar som kräver att uppgifter bevaras efter en begäran om radering (Art. 17(3)(b)). De förinlagda reglerna är exempel: kontrollera var och en före användning i produktion och spara den.
admin-col-rule = Regel
admin-col-period = Period
admin-verify-badge = Kontrollera före användning i produktion
admin-not-offered = Erbjuds inte
admin-edit-rule = Ändra { $rule }
admin-citation = Rättslig grund (hänvisning)
admin-amount = Period (ett tal)
admin-unit = Enhet
admin-unit-days = dagar
admin-unit-months = månader
admin-unit-years = år
admin-anchor = Räknas från
admin-text-en = Det som den registrerade får veta, på engelska
admin-text-nb = Det som den registrerade får veta, på norska (bokmål)
admin-text-sv = Det som den registrerade får veta, på svenska
admin-verify = Ska fortfarande kontrolleras före användning i produktion
admin-add-rule = Lägg till en regel
admin-rule-id-hint = Små bokstäver, siffror, - och _, och det måste börja med en bokstav, till exempel no-accounting-primary.
admin-rule-id-invalid = Skriv ett regel-id med små bokstäver, siffror, - och _ som börjar med en bokstav (högst 60 tecken) och som ingen regel redan har.
admin-rule-category = Välj den kategori som regeln gäller.
admin-rule-amount = Skriv perioden som ett heltal från 0 till 1200.
admin-rule-unit = Välj dagar, månader eller år.
admin-rule-anchor = Välj vad perioden räknas från.
admin-done-rule = Regeln är sparad.
