## Field errors from the domain (shown beside the field), and the vocabulary of the
## request kinds: labels, explanations, data categories, legal grounds and purposes.

field-required = Please fill in this field.
field-too-long = This can be at most { $max } characters.
field-single-line = This must be a single line of text.
field-direction-marks = This cannot contain invisible characters that change the direction of text.
field-bad-chars = This contains characters that are not allowed.

field-email-required = Please enter your email address.
field-email-too-long = An email address can be at most { $max } characters.
field-email-bad-chars = An email address cannot contain spaces or the characters <>()[],;:"\.
field-email-no-at = An email address needs an @, like name@example.com.
field-email-bad-local = The part before the @ is not valid.
field-email-bad-domain = The part after the @ must be a domain such as example.com.
field-email-undeliverable = This email address cannot receive mail from us.

field-kind-required = Choose what you would like us to do.
field-kind-unknown = Choose one of the listed kinds of request.
field-rect-none = Tell us at least one thing to correct and its correct value.
field-category-unknown = Choose categories from the list.
field-category-none = Choose at least one category, or choose “everything”.
field-erasure-scope = Choose everything or chosen categories.
field-erasure-scope-mismatch = You chose “everything” but also ticked some categories. Choose “only these categories” to erase just those, or untick them to erase everything.
field-ground-unknown = Choose a ground from the list.
field-restriction-ground-required = Choose why processing should be restricted (Art. 18(1)).
field-format = Choose JSON or CSV.
field-purpose-unknown = Choose purposes from the list.
field-purpose-none = Choose what you object to.
field-objection-reasons = Tell us briefly why you object, in relation to your particular situation (Art. 21(1)).
field-answer-empty = Write your answer, or attach a file, before you send.
field-form-incomplete = This form is not complete; reload the page and try again.
field-file-empty = The file is empty. Choose the file again, or send your answer without a file.
field-file-too-large = The file is larger than { $max } MB. Send a smaller file (for example a photo at a lower resolution), or send your answer without it.
field-file-not-allowed = We accept only PDF documents, PNG or JPEG images and plain text files. This file is none of these.
field-file-mismatch = The file says it is { $declared }, but its content is not. Send a PDF document, a PNG or JPEG image or a plain text file.

kind-access = Access to my data (Art. 15)
kind-rectification = Correction of my data (Art. 16)
kind-erasure = Erasure of my data (Art. 17)
kind-restriction = Restriction of processing (Art. 18)
kind-portability = A portable copy of my data (Art. 20)
kind-objection = Objection to a use of my data (Art. 21)

kind-explain-access = Ask which personal data we hold about you, why we use it, who we share it with and how long we keep it, and get a copy.
kind-explain-rectification = Tell us what is wrong or incomplete in your data, for example your name or address, and we correct it.
kind-explain-erasure = Ask us to delete your data. Where the law makes us keep some of it (for example accounting records), we tell you what we keep, why and until when.
kind-explain-restriction = Ask us to stop using your data for a while but keep it, for example while we check whether it is correct.
kind-explain-portability = Get the data you gave us in a machine-readable file (JSON or CSV), or have it sent to another company.
kind-explain-objection = Object to a use of your data, such as direct marketing (we then always stop) or profiling.

kind-ask-access = Ask for access
kind-ask-rectification = Ask for a correction
kind-ask-erasure = Ask for erasure
kind-ask-restriction = Ask for restriction
kind-ask-portability = Ask for a portable copy
kind-ask-objection = Object to a use

kind-detail-scope = Scope: { $scope }
kind-detail-scope-all = Scope: all personal data
kind-detail-scope-everything = Scope: everything
kind-detail-correction = { $field }: should be “{ $value }”
kind-detail-correction-now = (now “{ $current }”)
kind-detail-evidence = evidence: { $evidence }
kind-detail-erasure-ground = Ground: Art. 17(1)({ $code }) { $ground }
kind-detail-restriction-ground = Ground: Art. 18(1)({ $code }) { $ground }
kind-detail-details = Details: { $details }
kind-detail-format = Format: { $format }
kind-detail-send-to = Send to: { $name } <{ $email }>
kind-detail-objects-to = Objects to: { $purposes }
kind-detail-reasons = Reasons: { $reasons }

category-contact = Contact details, account and profile
category-billing = Invoices and billing history
category-traffic = Call detail records and traffic data
category-ip_logs = IP address assignments and connection logs
category-support = Support correspondence
category-marketing = Marketing preferences and campaign history
category-analytics = Website analytics and cookies
category-payment = Payment references
category-recordings = Call recordings, voicemail and fax
category-cctv = CCTV and access-badge logs
category-applications = Job applications

erasure-ground-a = The data are no longer needed for the purpose they were collected for
erasure-ground-b = I withdraw my consent and there is no other legal ground
erasure-ground-c = I object to the processing (Art. 21)
erasure-ground-d = The data have been processed unlawfully
erasure-ground-e = The data must be erased to comply with a legal obligation
erasure-ground-f = The data were collected in relation to information society services offered to a child

restriction-ground-a = I contest the accuracy of the data (while you verify it)
restriction-ground-b = The processing is unlawful but I do not want the data erased
restriction-ground-c = You no longer need the data, but I need them for a legal claim
restriction-ground-d = I have objected (Art. 21(1)) and you are checking whether your grounds override mine

objection-purpose-direct_marketing = Direct marketing (we always stop, Art. 21(3))
objection-purpose-profiling = Profiling
objection-purpose-other = Another use based on legitimate interests or a public task
