# Issue 11: recipients, rectification decisions and Art. 19 notices.

dash-nav-notices = Notices to recipients
dash-done-exempt = Notice marked exempt.
dash-audit-item_decided = Correction decided
dash-audit-notices_queued = Recipients notified (Art. 19)
dash-audit-notice_acknowledged = A recipient acknowledged its notice
dash-audit-notice_exempt = Notice exempt (impossible or disproportionate effort)
dash-audit-notice_reminded = Recipient reminded of its notice

recipient-kind-processor = Processor (Art. 28)
recipient-kind-controller = Independent controller
recipient-kind-authority = Public authority
recipient-identifier-customer_number = Customer number
recipient-identifier-email = Email address
recipient-identifier-phone = Phone number
recipient-identifier-name = Name
notice-status-pending = Waiting to be sent
notice-status-sent = Sent, not acknowledged yet
notice-status-acknowledged = Acknowledged
notice-status-failed = Could not be sent
notice-status-exempt = Exempt (impossible or disproportionate effort)
item-decision-applied = Corrected
item-decision-refused = Refused

## Rectification items on the request page
case-items-title = Decision on each correction
case-items-hint = Decide every item before you complete the request. Give each its data category, so the recipients who receive that data are preselected for the Art. 19 notices.
case-items-col-item = Correction asked for
case-items-col-decision = Decision
case-items-now = now: { $current }
case-items-category = Data category
case-items-for = Decision on { $field }
case-items-reason = Why it is refused (the subject is told)
case-items-save-label = Save the decision on { $field }
case-item-unknown = That item is not part of this request.
case-item-choose = Choose whether the correction is made or refused.
case-item-reason = Write why the correction is refused: the subject is told (Art. 12(4)).
case-items-undecided = Decide every correction first. Not decided: { $items }.
case-items-refused-partial = A correction is refused, so the answer is “partially fulfilled”.

## Art. 19 notices on the request page
case-notices-choose = Tell these recipients (Art. 19)
case-notices-choose-hint = Preselected: the recipients that receive the categories concerned. Each gets its own link to acknowledge the notice.
case-notices-title = Notices to recipients (Art. 19)
case-notices-col-recipient = Recipient
case-notices-col-exempt = Exempt
case-notices-col-sent = Last sent
case-notices-exempt-why = Why telling this recipient is impossible or would take disproportionate effort
case-notices-exempt = Mark exempt
case-notices-exempt-label = Mark exempt: the notice to { $recipient }
case-notice-exempt-why = Explain why telling this recipient is impossible or would take disproportionate effort, in at least { $min } characters (Art. 19).
case-notice-not-for-kind = Only a correction, erasure or restriction is notified to recipients.
case-notice-unknown-recipient = Choose recipients from the register.
case-notice-not-open = That notice is already acknowledged or exempt.
case-notices-open-title = Open notices to recipients
case-notices-open-intro = Art. 19 notices not acknowledged yet, oldest first. The sweeper reminds each recipient with a fresh link.
case-notices-open-empty = Every notice is acknowledged or exempt.

## The page a notice's link opens (for the recipient, no login)
notice-title = Notice about request { $reference }
notice-intro = { $recipient }: a data subject's request (“{ $kind }”) changed personal data we have disclosed to you. GDPR Art. 19 requires us to tell you.
notice-confirm = Please confirm that you have acted on this notice.
notice-acknowledge = Acknowledge
notice-acknowledged-on = Acknowledged on { $date }. Thank you.
notice-thanks = Thank you: your acknowledgement is recorded.
notice-exempt = No acknowledgement is needed for this notice.

portal-recipients-heading = Who we told about the change
portal-recipients-intro = We have disclosed your data to these recipients, and told each of them about the change (GDPR Art. 19):
portal-recipients-email = Email me this list
portal-notice-recipients-sent = We have emailed you the list of recipients.
dash-audit-recipients_list_sent = The subject asked for the list of recipients (sent)

## Admin: recipients
admin-recipients-title = Recipients
admin-recipients-intro = Whom personal data is disclosed to. When a correction, erasure or restriction is completed, the recipients that receive the categories concerned are preselected for the Art. 19 notice.
admin-recipient-receives = Categories it receives
admin-edit-recipient = Change { $recipient }
admin-recipient-id = Id (lower-case letters, digits, - and _)
admin-recipient-name = Name
admin-recipient-email = Email address for notices
admin-recipient-kind-label = Kind
admin-recipient-country-label = Country (two letters, e.g. NO, SE, US)
admin-recipient-safeguard-label = Transfer safeguard (outside the EEA)
admin-recipient-identifiers = What a notice may carry to identify the person
admin-recipient-active = Offered for notices
admin-add-recipient = Add a recipient
admin-done-recipient = Recipient saved.
admin-recipient-kind = Choose processor, independent controller or authority.
admin-recipient-country = Write the country as two capital letters, e.g. NO or US.
admin-recipient-safeguard = A recipient outside the EEA needs its transfer safeguard (GDPR Chapter V), e.g. standard contractual clauses.

portal-evidence-heading = Evidence for your correction
portal-evidence-intro = You can send a document that shows the correct data, for example a letter with your new address: a PDF, PNG, JPEG or plain text file of at most { $max } MB.
portal-evidence-item = Which correction it is for
portal-evidence-file = The file
portal-evidence-button = Send the evidence
portal-evidence-choose-file = Choose a file to send.
portal-evidence-closed = This request is closed: evidence can no longer be added.
portal-notice-evidence-added = Thank you: we have your evidence.
dash-audit-evidence_added = The subject sent evidence for a correction
dash-upload-for-item = evidence for correction { $item }
