# Ärende 12: paket för tillgång och dataportabilitet, registerförteckningen, nedladdningar.

## Rättslig grund (Art. 6(1))
legal-basis-consent = Samtycke (Art. 6(1)(a))
legal-basis-contract = Avtal med dig (Art. 6(1)(b))
legal-basis-legal_obligation = Rättslig förpliktelse (Art. 6(1)(c))
legal-basis-vital_interests = Grundläggande intressen (Art. 6(1)(d))
legal-basis-public_task = Uppgift av allmänt intresse (Art. 6(1)(e))
legal-basis-legitimate_interests = Berättigade intressen (Art. 6(1)(f))

## Tidslinje
dash-audit-package_file_added = Fil tillagd i paketet
dash-audit-package_file_removed = Fil borttagen ur paketet
dash-audit-package_records_added = Poster tillagda i paketet
dash-audit-package_records_removed = Poster borttagna ur paketet
dash-audit-package_redacted = Uppgifter maskerade (Art. 15(4))
dash-audit-package_built = Paketet har skapats
dash-audit-package_downloaded = Paketet har laddats ner
dash-audit-package_link_sent = Nedladdningslänk skickad till den andra personuppgiftsansvarige (Art. 20(2))
dash-audit-package_deleted = Paketet har raderats efter nedladdningsperioden

## Ärendesidan
dash-package-heading = Datapaket
dash-package-hint = Uppgifterna som den registrerade får samlas på en egen sida: filer, poster och maskeringar.
dash-package-link = Öppna paketsidan

## Paketsidan (handläggare)
package-title = Paket för { $reference }
package-back = Tillbaka till { $reference }
package-intro = Lägg till det som den registrerade ska få: strukturerade poster (en CSV-fil per datamängd, alla samlade i data.json) och filer. Paketet skapas när begäran slutförs, med ett följebrev som bygger på registerförteckningen.
package-built-title = Färdigt paket
package-size = Storlek
package-until = Kan laddas ner till
package-expired = Har löpt ut och raderats
package-downloads = Nedladdningar
package-sha = SHA-256
package-links-title = Länkar skickade till andra personuppgiftsansvariga
package-link-line = { $to }: { $count ->
    [one] nedladdad en gång
   *[other] nedladdad { $count } gånger
}
package-send-hint = Den registrerade bad att uppgifterna skulle skickas till { $name } ({ $email }). Länken har en egen nyckel och slutar fungera när paketet raderas.
package-send-button = Skicka nedladdningslänken till { $name }
package-datasets-title = Strukturerade poster
package-no-datasets = Inga poster har lagts till än.
package-record-count = { $count ->
    [one] 1 post
   *[other] { $count } poster
}
package-preview-caption = De första posterna i { $name }
package-redactions-title = Maskeringar
package-redaction-one = { $field } i post { $record }
package-redaction-all = { $field } i alla poster
package-redact-summary = Maskera uppgifter i { $name }
package-redact-hint = Art. 15(4): utelämna det som skulle inkräkta på andras rättigheter, till exempel uppgifter om en annan person. Den registrerade ser vad som har utelämnats och varför.
package-redact-field = Fält
package-redact-record = Postnummer
package-redact-record-hint = Lämna tomt för att maskera fältet i alla poster.
package-redact-reason = Motivering (visas för den registrerade)
package-redact-button = Maskera
package-remove = Ta bort
package-files-title = Filer
package-no-files = Inga filer har lagts till än.
package-col-file = Fil
package-col-category = Datakategori
package-col-size = Storlek
package-col-actions = Åtgärder
package-add-title = Lägg till uppgifter
package-category = Datakategori
package-records-title = Poster från en JSON- eller CSV-fil
package-records-hint = En JSON-array med objekt, eller en CSV-fil med en rubrikrad. Varje rad kontrolleras först; vid minsta fel läggs ingenting till.
package-records-name = Datamängdens namn
package-records-file = Fil med posterna
package-records-button = Lägg till posterna
package-file-title = En fil som den är
package-file-hint = Vilken fil som helst på högst { $mb } MB. Den läggs oförändrad i paketet och visas aldrig i webbläsaren.
package-file-label = Fil
package-file-button = Lägg till filen
package-done-file = Filen har lagts till.
package-done-records = Posterna har lagts till.
package-done-redacted = Maskeringen har registrerats.
package-done-removed = Borttaget ur paketet.
package-done-sent = Nedladdningslänken har skickats.

## Fel i paketet
package-file-none = Välj en fil.
package-file-too-large = Filen är större än { $mb } MB.
package-file-empty = Filen är tom.
package-records-no-file = Välj en JSON- eller CSV-fil med posterna.
package-records-too-large = Filen är större än { $mb } MB. Dela upp den i flera datamängder.
package-records-not-utf8 = Rad { $line }: filen är inte UTF-8-text.
package-records-more-errors = { $count ->
    [one] och 1 fel till
   *[other] och { $count } fel till
}
package-records-field-empty = Rad { $line }: ett fält saknar namn.
package-records-field-long = Rad { $line }: ett fältnamn är längre än { $max } tecken.
package-records-json = Rad { $line }: ogiltig JSON ({ $detail }).
package-records-empty-object = Rad { $line }: post { $number } är tom.
package-records-not-object = Rad { $line }: post { $number } är inte ett objekt med fält.
package-records-none = Filen innehåller inga poster.
package-records-csv = Rad { $line }: ogiltig CSV ({ $detail }).
package-records-no-header = Rad { $line }: den första raden måste ange fältens namn.
package-records-field-twice = Rad { $line }: fältet { $field } förekommer två gånger.
package-records-csv-fields = Rad { $line }: { $found } fält, men rubrikraden har { $expected }.
package-redaction-reason-short = Skriv en motivering på minst { $min } tecken; den registrerade läser den.
package-redaction-field = Välj ett fält i den här datamängden.
package-redaction-record = Ange ett postnummer från 1 till { $count }, eller lämna det tomt.
package-send-no-controller = Den registrerade har inte angett någon personuppgiftsansvarig som uppgifterna ska skickas till.
package-send-no-package = Det finns inget paket än: det skapas när begäran slutförs.
package-send-expired = Paketet har löpt ut; länken kan inte skickas.

## Den registrerades statussida
portal-package-heading = Dina uppgifter
portal-package-intro = Dina uppgifter är klara att laddas ner som en ZIP-fil. Den innehåller ett brev som förklarar innehållet, dina uppgifter som JSON och som CSV-filer, och eventuella dokument.
portal-package-download = Ladda ner dina uppgifter ({ $size })
portal-package-until = Du kan ladda ner dem till och med { $date }.
portal-package-expired = Nedladdningsperioden löpte ut { $date } och filen har raderats. Kontakta oss om du behöver den igen.

## Länk som skickas till en annan personuppgiftsansvarig (Art. 20(2))
package-link-title = Uppgifter för { $reference }
package-link-intro = { $organisation } skickar de här uppgifterna till er eftersom personen som de gäller har begärt att de ska överföras till er (dataskyddsförordningen, GDPR Art. 20(2)).
package-link-download = Ladda ner uppgifterna ({ $size })
package-link-until = Nedladdning är möjlig till och med { $date }.

## E-post
mail-package-ready = Dina uppgifter är klara att laddas ner från sidan för din begäran till och med { $date }.
mail-package-link-subject = { $organisation }: uppgifter överförda på en persons begäran ({ $reference })
mail-package-link-intro = { $name } har bett { $organisation } att överföra sina uppgifter till er (dataskyddsförordningen, GDPR Art. 20(2)), med referens { $reference }.
mail-package-link-download = Ladda ner dem med den här länken till och med { $date }:
mail-package-link-contents = ZIP-filen innehåller uppgifterna som JSON och som CSV-filer, med ett brev som förklarar dem. Länken är bara till er; skicka den inte vidare.

## Följebrevet i paketet
cover-title = Dina uppgifter: { $reference }
cover-reference = Referens { $reference }
cover-hello = Hej { $name },
cover-intro-access = Du har begärt tillgång till dina personuppgifter (dataskyddsförordningen, GDPR Art. 15). Det här brevet förklarar vilka uppgifter vi har om dig och hur vi använder dem; dina uppgifter finns i filerna bredvid.
cover-intro-portability = Du har begärt att få dina uppgifter i ett strukturerat, maskinläsbart format (dataskyddsförordningen, GDPR Art. 20). De finns i data.json och i en CSV-fil per datamängd; det här brevet förklarar dem.
cover-until = Du kan ladda ner dem till och med { $date }.
cover-contents = Vad det här paketet innehåller
cover-contents-files = data.json innehåller alla datamängder med deras fält; varje datamängd finns också som en CSV-fil. Dokumenten ligger i mappen files.
cover-datasets = Datamängder
cover-dataset = Datamängd
cover-file = Fil
cover-category = Datakategori
cover-records = Poster
cover-files = Dokument
cover-size = Storlek
cover-redactions = Vad som har utelämnats
cover-redactions-intro = Vissa värden har ersatts med [redacted] eftersom det skulle inkräkta på andras rättigheter att lämna ut dem, till exempel uppgifter om en annan person (Art. 15(4)).
cover-field = Fält
cover-record = Post
cover-reason = Varför
cover-every-record = alla poster
cover-purposes = Varför vi behandlar dina uppgifter, och hur länge
cover-no-purposes = Registerförteckningen anger inget ändamål för uppgifterna i det här paketet.
cover-purpose = Ändamål
cover-basis = Rättslig grund
cover-retention = Hur länge vi sparar dem
cover-categories = Vilka slags uppgifter
cover-recipients = Vilka som tar emot dina uppgifter
cover-no-recipients = Vi delar inte uppgifterna i det här paketet med någon.
cover-recipients-intro = Vi anger varje mottagare med namn, inte bara vilket slags mottagare det är (EU-domstolen, C-154/21).
cover-recipient = Mottagare
cover-recipient-kind = Roll
cover-country = Land
cover-transfers = Överföringar utanför EES
cover-no-transfers = Uppgifterna i det här paketet överförs inte utanför EES.
cover-transfer = { $name } i { $country }
cover-safeguard = Skyddsåtgärd: { $safeguard }.
cover-sources = Varifrån uppgifterna kommer
cover-source-you = Du har själv lämnat de här uppgifterna till oss, eller så har de uppstått när du använt våra tjänster.
cover-source-you-except = Du har själv lämnat de flesta av de här uppgifterna till oss. De här ändamålen använder också uppgifter från andra källor:
cover-automated = Automatiserade beslut
cover-no-automated = Vi fattar inga beslut om dig som enbart grundas på automatiserad behandling, inklusive profilering, med uppgifterna i det här paketet.
cover-rights = Dina rättigheter
cover-right-rectification = att få felaktiga uppgifter rättade (Art. 16);
cover-right-erasure = att få dina uppgifter raderade (Art. 17);
cover-right-restriction = att få användningen av dem begränsad (Art. 18);
cover-right-objection = att invända mot användningen av dem, och när som helst mot direktmarknadsföring (Art. 21);
cover-right-portability = att få ut uppgifter som du har lämnat till oss, eller få dem skickade till en annan personuppgiftsansvarig (Art. 20);
cover-right-consent = att när som helst återkalla ett samtycke, utan att det påverkar det som gjorts tidigare (Art. 7(3)).
cover-authority = Klagomål
cover-authority-intro = Du kan lämna in ett klagomål till tillsynsmyndigheten:
cover-contact = Kontakta oss

## Registerförteckningen (administratörer)
dash-nav-processing = Registerförteckning
admin-processing-title = Registerförteckning
admin-processing-intro = Varje ändamål med dess rättsliga grund, de uppgifter det använder, vilka som tar emot dem, hur länge de sparas, varifrån de kommer och eventuella automatiserade beslut (Art. 30). Paketen för tillgång förklarar sig själva utifrån den här förteckningen, avgränsad till den registrerades uppgifter.
admin-purpose-col-purpose = Ändamål
admin-purpose-col-basis = Rättslig grund
admin-purpose-col-data = Uppgifter och mottagare
admin-purpose-col-retention = Lagringstid
admin-purpose-shared-with = Delas med:
admin-edit-purpose = Ändra { $purpose }
admin-add-purpose = Lägg till ett ändamål
admin-done-purpose = Registerförteckningen har sparats.
admin-purpose-label-en = Ändamål på engelska
admin-purpose-label-nb = Ändamål på norska (bokmål)
admin-purpose-label-sv = Ändamål på svenska
admin-purpose-retention-en = Lagringstid i ord, engelska
admin-purpose-retention-nb = Lagringstid i ord, norska (bokmål)
admin-purpose-retention-sv = Lagringstid i ord, svenska
admin-purpose-source-en = Källa när den inte är den registrerade, engelska
admin-purpose-source-nb = Källa när den inte är den registrerade, norska (bokmål)
admin-purpose-source-sv = Källa när den inte är den registrerade, svenska
admin-purpose-automated-en = Automatiserat beslut och logiken bakom det, engelska
admin-purpose-automated-nb = Automatiserat beslut och logiken bakom det, norska (bokmål)
admin-purpose-automated-sv = Automatiserat beslut och logiken bakom det, svenska
admin-purpose-basis-label = Rättslig grund
admin-purpose-choose = Välj…
admin-purpose-rule-label = Regel för bevarande
admin-purpose-rule-hint = En regel bland reglerna för bevarande, eller ingen och lagringstiden i ord.
admin-purpose-rule-none = Ingen: i ord
admin-purpose-categories-label = Datakategorier som används
admin-purpose-recipients-label = Mottagare
admin-purpose-active = Används
admin-purpose-all-languages = Ange den här texten på alla språk, eller på inget.
admin-purpose-basis = Välj den rättsliga grunden.
admin-purpose-retention = Välj en regel för bevarande eller ange lagringstiden i ord.
admin-purpose-categories = Välj minst en datakategori ur registret.
admin-purpose-code = Skriv en kod med små bokstäver, siffror och _ som börjar med en bokstav (högst 40 tecken).
admin-purpose-code-taken = Det finns redan ett ändamål med den här koden; ändra det i listan ovan.
admin-purpose-rule-unknown = Välj en regel bland reglerna för bevarande.
admin-purpose-recipient-unknown = Välj mottagare ur mottagarregistret.
package-disk-full = Serverns disk är full, så ingenting sparades. Meddela administratören och försök sedan igen.
