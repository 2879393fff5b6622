# Issue 12: access and portability packages, the processing register, downloads.

## Legal bases (Art. 6(1))
legal-basis-consent = Consent (Art. 6(1)(a))
legal-basis-contract = Contract with you (Art. 6(1)(b))
legal-basis-legal_obligation = Legal obligation (Art. 6(1)(c))
legal-basis-vital_interests = Vital interests (Art. 6(1)(d))
legal-basis-public_task = Public task (Art. 6(1)(e))
legal-basis-legitimate_interests = Legitimate interests (Art. 6(1)(f))

## Audit trail
dash-audit-package_file_added = File added to the package
dash-audit-package_file_removed = File taken out of the package
dash-audit-package_records_added = Records added to the package
dash-audit-package_records_removed = Records taken out of the package
dash-audit-package_redacted = Data redacted (Art. 15(4))
dash-audit-package_built = Package built
dash-audit-package_downloaded = Package downloaded
dash-audit-package_link_sent = Download link sent to the other controller (Art. 20(2))
dash-audit-package_deleted = Package deleted after its download period

## Request page
dash-package-heading = Data package
dash-package-hint = The data given to the subject is gathered on its own page: files, records and redactions.
dash-package-link = Open the package page

## Package page (handlers)
package-title = Package for { $reference }
package-back = Back to { $reference }
package-intro = Add what the subject receives: structured records (one CSV file each, all of them in data.json) and files. The package is built when the request is completed, with a cover letter drawn from the processing register.
package-built-title = Built package
package-size = Size
package-until = Download possible until
package-expired = Expired and deleted
package-downloads = Downloads
package-sha = SHA-256
package-links-title = Links sent to other controllers
package-link-line = { $to }: { $count ->
    [one] downloaded once
   *[other] downloaded { $count } times
}
package-send-hint = The subject asked for their data to be sent to { $name } ({ $email }). The link carries its own key and ends with the package.
package-send-button = Send the download link to { $name }
package-datasets-title = Structured records
package-no-datasets = No records added yet.
package-record-count = { $count ->
    [one] 1 record
   *[other] { $count } records
}
package-preview-caption = The first records of { $name }
package-redactions-title = Redactions
package-redaction-one = { $field } in record { $record }
package-redaction-all = { $field } in every record
package-redact-summary = Redact data in { $name }
package-redact-hint = Art. 15(4): leave out what would harm others' rights, such as another person's data. The subject sees what was left out and why.
package-redact-field = Field
package-redact-record = Record number
package-redact-record-hint = Leave empty to redact the field in every record.
package-redact-reason = Reason (shown to the subject)
package-redact-button = Redact
package-remove = Take out
package-files-title = Files
package-no-files = No files added yet.
package-col-file = File
package-col-category = Data category
package-col-size = Size
package-col-actions = Actions
package-add-title = Add data
package-category = Data category
package-records-title = Records from a JSON or CSV file
package-records-hint = A JSON array of objects, or a CSV file with a header line. Every line is checked first; any error and nothing is added.
package-records-name = Name of the dataset
package-records-file = File with the records
package-records-button = Add the records
package-file-title = A file as it is
package-file-hint = Any file up to { $mb } MB. It goes into the package unchanged and is never shown in the browser.
package-file-label = File
package-file-button = Add the file
package-done-file = The file was added.
package-done-records = The records were added.
package-done-redacted = The redaction was recorded.
package-done-removed = Taken out of the package.
package-done-sent = The download link was sent.

## Package errors
package-file-none = Choose a file.
package-file-too-large = The file is larger than { $mb } MB.
package-file-empty = The file is empty.
package-records-no-file = Choose a JSON or CSV file with the records.
package-records-too-large = The file is larger than { $mb } MB. Split it into several datasets.
package-records-not-utf8 = Line { $line }: the file is not UTF-8 text.
package-records-more-errors = { $count ->
    [one] and 1 more error
   *[other] and { $count } more errors
}
package-records-field-empty = Line { $line }: a field has no name.
package-records-field-long = Line { $line }: a field name is longer than { $max } characters.
package-records-json = Line { $line }: not valid JSON ({ $detail }).
package-records-empty-object = Line { $line }: record { $number } is empty.
package-records-not-object = Line { $line }: record { $number } is not an object of fields.
package-records-none = The file holds no records.
package-records-csv = Line { $line }: not valid CSV ({ $detail }).
package-records-no-header = Line { $line }: the first line must name the fields.
package-records-field-twice = Line { $line }: the field { $field } is named twice.
package-records-csv-fields = Line { $line }: { $found } fields where the header has { $expected }.
package-redaction-reason-short = Give a reason of at least { $min } characters; the subject reads it.
package-redaction-field = Choose a field of this dataset.
package-redaction-record = Give a record number from 1 to { $count }, or leave it empty.
package-send-no-controller = The subject did not name a controller to send their data to.
package-send-no-package = There is no package yet: it is built when the request is completed.
package-send-expired = The package has expired; the link cannot be sent.

## The subject's status page
portal-package-heading = Your data
portal-package-intro = Your data is ready to download as a ZIP file. It holds a letter explaining it, your data as JSON and as CSV files, and any documents.
portal-package-download = Download your data ({ $size })
portal-package-until = The download is possible until { $date }.
portal-package-expired = The download period ended on { $date } and the file was deleted. Contact us if you need it again.

## Link sent to another controller (Art. 20(2))
package-link-title = Data for { $reference }
package-link-intro = { $organisation } sends you this data because the person it concerns asked for it to be transmitted to you (GDPR Art. 20(2)).
package-link-download = Download the data ({ $size })
package-link-until = The download is possible until { $date }.

## Emails
mail-package-ready = Your data is ready to download from your status page until { $date }.
mail-package-link-subject = { $organisation }: data transmitted at a person's request ({ $reference })
mail-package-link-intro = { $name } asked { $organisation } to transmit their data to you (GDPR Art. 20(2)), under the reference { $reference }.
mail-package-link-download = Download it with this link until { $date }:
mail-package-link-contents = The ZIP file holds the data as JSON and as CSV files, with a letter that explains them. The link is for you alone; please do not pass it on.

## The cover letter in the package
cover-title = Your data: { $reference }
cover-reference = Reference { $reference }
cover-hello = Dear { $name },
cover-intro-access = You asked for access to your personal data (GDPR Art. 15). This letter explains what we hold about you and how we use it; your data is in the files beside it.
cover-intro-portability = You asked to receive your data in a structured, machine-readable format (GDPR Art. 20). It is in data.json and in one CSV file per dataset; this letter explains them.
cover-until = The download is possible until { $date }.
cover-contents = What this package holds
cover-contents-files = data.json holds every dataset with its fields; each dataset is also a CSV file. Documents are in the folder files.
cover-datasets = Datasets
cover-dataset = Dataset
cover-file = File
cover-category = Data category
cover-records = Records
cover-files = Documents
cover-size = Size
cover-redactions = What was left out
cover-redactions-intro = Some values were replaced by [redacted] because giving them would harm the rights of others, such as another person's data (Art. 15(4)).
cover-field = Field
cover-record = Record
cover-reason = Why
cover-every-record = every record
cover-purposes = Why we process your data, and for how long
cover-no-purposes = The processing register names no purpose for the data in this package.
cover-purpose = Purpose
cover-basis = Legal basis
cover-retention = How long we keep it
cover-categories = The kinds of data
cover-recipients = Who receives your data
cover-no-recipients = We do not share the data in this package with anyone.
cover-recipients-intro = We name each recipient, not only the kind of recipient (Court of Justice, C-154/21).
cover-recipient = Recipient
cover-recipient-kind = Role
cover-country = Country
cover-transfers = Transfers outside the EEA
cover-no-transfers = The data in this package is not transferred outside the EEA.
cover-transfer = { $name } in { $country }
cover-safeguard = Safeguard: { $safeguard }.
cover-sources = Where the data comes from
cover-source-you = You gave us this data yourself, or it arose from your use of our services.
cover-source-you-except = You gave us most of this data yourself. These purposes also use data from elsewhere:
cover-automated = Automated decisions
cover-no-automated = We make no decision about you based solely on automated processing, including profiling, with the data in this package.
cover-rights = Your rights
cover-right-rectification = to have wrong data corrected (Art. 16);
cover-right-erasure = to have your data erased (Art. 17);
cover-right-restriction = to have its use restricted (Art. 18);
cover-right-objection = to object to its use, at any time for direct marketing (Art. 21);
cover-right-portability = to receive data you gave us, or have it sent to another controller (Art. 20);
cover-right-consent = to withdraw a consent at any time, without affecting what was done before (Art. 7(3)).
cover-authority = Complaints
cover-authority-intro = You may complain to the data protection authority:
cover-contact = Contact us

## The processing register (admins)
dash-nav-processing = Processing register
admin-processing-title = Processing register
admin-processing-intro = Each purpose with its legal basis, the data it uses, who receives it, how long it is kept, where it comes from and any automated decision (Art. 30). Access packages explain themselves from this register, narrowed to the subject's data.
admin-purpose-col-purpose = Purpose
admin-purpose-col-basis = Legal basis
admin-purpose-col-data = Data and recipients
admin-purpose-col-retention = Retention
admin-purpose-shared-with = Shared with:
admin-edit-purpose = Change { $purpose }
admin-add-purpose = Add a purpose
admin-done-purpose = The processing register was saved.
admin-purpose-label-en = Purpose in English
admin-purpose-label-nb = Purpose in Norwegian
admin-purpose-label-sv = Purpose in Swedish
admin-purpose-retention-en = Retention in words, English
admin-purpose-retention-nb = Retention in words, Norwegian
admin-purpose-retention-sv = Retention in words, Swedish
admin-purpose-source-en = Source when not the subject, English
admin-purpose-source-nb = Source when not the subject, Norwegian
admin-purpose-source-sv = Source when not the subject, Swedish
admin-purpose-automated-en = Automated decision and its logic, English
admin-purpose-automated-nb = Automated decision and its logic, Norwegian
admin-purpose-automated-sv = Automated decision and its logic, Swedish
admin-purpose-basis-label = Legal basis
admin-purpose-choose = Choose…
admin-purpose-rule-label = Retention rule
admin-purpose-rule-hint = A rule of the retention register, or none and the retention in words.
admin-purpose-rule-none = None: in words
admin-purpose-categories-label = Data categories used
admin-purpose-recipients-label = Recipients
admin-purpose-active = In use
admin-purpose-all-languages = Give this text in every language, or in none.
admin-purpose-basis = Choose the legal basis.
admin-purpose-retention = Choose a retention rule or give the retention in words.
admin-purpose-categories = Choose at least one data category of the register.
admin-purpose-code = Write a code of lower-case letters, digits and _, starting with a letter (at most 40).
admin-purpose-code-taken = A purpose with this code exists; change it in the list above.
admin-purpose-rule-unknown = Choose a rule of the retention register.
admin-purpose-recipient-unknown = Choose recipients of the recipients register.
package-disk-full = The server's disk is full, so nothing was stored. Please tell your administrator; then try again.
