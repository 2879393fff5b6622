## Felmeddelanden vid formulärfält, och orden för typerna av begäran: namn, förklaringar,
## datakategorier, rättsliga grunder och ändamål.

field-required = Fyll i det här fältet.
field-too-long = Det här får vara högst { $max } tecken.
field-single-line = Det här måste stå på en rad.
field-direction-marks = Det här får inte innehålla osynliga tecken som ändrar textens riktning.
field-bad-chars = Det här innehåller tecken som inte är tillåtna.

field-email-required = Ange din e-postadress.
field-email-too-long = En e-postadress får vara högst { $max } tecken.
field-email-bad-chars = En e-postadress får inte innehålla mellanslag eller tecknen <>()[],;:"\.
field-email-no-at = En e-postadress måste innehålla ett @, till exempel namn@exempel.se.
field-email-bad-local = Delen före @ är inte giltig.
field-email-bad-domain = Delen efter @ måste vara en domän, till exempel exempel.se.
field-email-undeliverable = Vi kan inte skicka e-post till den här adressen.

field-kind-required = Välj vad du vill att vi ska göra.
field-kind-unknown = Välj en av typerna av begäran i listan.
field-rect-none = Berätta om minst en sak som ska rättas och vad som är rätt.
field-category-unknown = Välj kategorier från listan.
field-category-none = Välj minst en kategori, eller välj ”allt”.
field-erasure-scope = Välj allt eller utvalda kategorier.
field-erasure-scope-mismatch = Du valde ”allt” men kryssade också i några kategorier. Välj ”bara de kategorier jag kryssar i” om du vill att vi bara raderar dem, eller ta bort kryssen för att radera allt.
field-ground-unknown = Välj en grund från listan.
field-restriction-ground-required = Välj varför behandlingen ska begränsas (Art. 18(1)).
field-format = Välj JSON eller CSV.
field-purpose-unknown = Välj ändamål från listan.
field-purpose-none = Välj vad du invänder mot.
field-objection-reasons = Berätta kort varför du invänder, utifrån din särskilda situation (Art. 21(1)).
field-answer-empty = Skriv ditt svar, eller bifoga en fil, innan du skickar.
field-form-incomplete = Formuläret är inte komplett. Ladda om sidan och försök igen.
field-file-empty = Filen är tom. Välj filen igen, eller skicka ditt svar utan fil.
field-file-too-large = Filen är större än { $max } MB. Skicka en mindre fil (till exempel en bild med lägre upplösning), eller skicka ditt svar utan den.
field-file-not-allowed = Vi tar bara emot PDF-dokument, PNG- eller JPEG-bilder och rena textfiler. Den här filen är ingetdera.
field-file-mismatch = Filen uppger att den är { $declared }, men innehållet stämmer inte. Skicka ett PDF-dokument, en PNG- eller JPEG-bild eller en ren textfil.

kind-access = Tillgång till mina personuppgifter (Art. 15)
kind-rectification = Rättelse av mina personuppgifter (Art. 16)
kind-erasure = Radering av mina personuppgifter (Art. 17)
kind-restriction = Begränsning av behandlingen (Art. 18)
kind-portability = En flyttbar kopia av mina uppgifter (dataportabilitet, Art. 20)
kind-objection = Invändning mot en användning av mina uppgifter (Art. 21)

kind-explain-access = Fråga vilka personuppgifter vi har om dig, varför vi använder dem, vem vi delar dem med och hur länge vi sparar dem, och få en kopia.
kind-explain-rectification = Berätta vad som är fel eller ofullständigt i dina uppgifter, till exempel ditt namn eller din adress, så rättar vi det.
kind-explain-erasure = Be oss radera dina uppgifter. Där lagen kräver att vi sparar något (till exempel bokföringsuppgifter) berättar vi vad vi sparar, varför och hur länge.
kind-explain-restriction = Be oss sluta använda dina uppgifter en tid men spara dem, till exempel medan vi kontrollerar om de stämmer.
kind-explain-portability = Få de uppgifter du har lämnat till oss i en maskinläsbar fil (JSON eller CSV), eller få dem skickade till ett annat företag.
kind-explain-objection = Invänd mot en användning av dina uppgifter, till exempel direktmarknadsföring (då slutar vi alltid) eller profilering.

kind-ask-access = Begär tillgång
kind-ask-rectification = Begär rättelse
kind-ask-erasure = Begär radering
kind-ask-restriction = Begär begränsning
kind-ask-portability = Begär en flyttbar kopia
kind-ask-objection = Invänd mot en användning

kind-detail-scope = Omfattning: { $scope }
kind-detail-scope-all = Omfattning: alla personuppgifter
kind-detail-scope-everything = Omfattning: allt
kind-detail-correction = { $field }: ska vara ”{ $value }”
kind-detail-correction-now = (nu ”{ $current }”)
kind-detail-evidence = underlag: { $evidence }
kind-detail-erasure-ground = Grund: Art. 17(1)({ $code }) { $ground }
kind-detail-restriction-ground = Grund: Art. 18(1)({ $code }) { $ground }
kind-detail-details = Detaljer: { $details }
kind-detail-format = Format: { $format }
kind-detail-send-to = Skicka till: { $name } <{ $email }>
kind-detail-objects-to = Invänder mot: { $purposes }
kind-detail-reasons = Skäl: { $reasons }

category-contact = Kontaktuppgifter, konto och profil
category-billing = Fakturor och fakturahistorik
category-traffic = Samtalslistor och trafikuppgifter
category-ip_logs = Tilldelade IP-adresser och anslutningsloggar
category-support = Kundtjänstärenden
category-marketing = Marknadsföringsval och kampanjhistorik
category-analytics = Webbstatistik och kakor
category-payment = Betalningsreferenser
category-recordings = Samtalsinspelningar, röstbrevlåda och fax
category-cctv = Kameraövervakning och passerkortsloggar
category-applications = Jobbansökningar

erasure-ground-a = Uppgifterna behövs inte längre för det ändamål de samlades in för
erasure-ground-b = Jag återkallar mitt samtycke och det finns ingen annan rättslig grund
erasure-ground-c = Jag invänder mot behandlingen (Art. 21)
erasure-ground-d = Uppgifterna har behandlats på ett olagligt sätt
erasure-ground-e = Uppgifterna måste raderas för att uppfylla en rättslig förpliktelse
erasure-ground-f = Uppgifterna samlades in i samband med informationssamhällets tjänster som erbjöds ett barn

restriction-ground-a = Jag bestrider att uppgifterna är korrekta (medan ni kontrollerar dem)
restriction-ground-b = Behandlingen är olaglig men jag vill inte att uppgifterna raderas
restriction-ground-c = Ni behöver inte längre uppgifterna, men jag behöver dem för ett rättsligt anspråk
restriction-ground-d = Jag har invänt (Art. 21(1)) och ni kontrollerar om era skäl väger tyngre än mina

objection-purpose-direct_marketing = Direktmarknadsföring (då slutar vi alltid, Art. 21(3))
objection-purpose-profiling = Profilering
objection-purpose-other = En annan användning som grundar sig på berättigat intresse eller en uppgift av allmänt intresse
