## The dashboard: the queue, the request page, intake by hand, accounts, login.

dash-title = Dashboard
dash-skip-to-content = Skip to the content
dash-nav-label = Dashboard
dash-nav-queue = Queue
dash-nav-intake = Enter a request
dash-nav-accounts = Accounts
dash-nav-account = Your account
dash-log-out = Log out
dash-language-label = Language
dash-error-title-prefix = Error:
dash-error-summary-title = There is a problem
dash-error-summary-kept = Nothing was changed. Please correct the following; nothing you typed is lost:
dash-choose = Choose…

## Labels of stored codes.

status-awaiting_verification = Awaiting verification
status-open = Open
status-in_progress = In progress
status-awaiting_subject = Awaiting answer from the subject
status-completed = Completed
status-rejected = Rejected
status-withdrawn = Withdrawn
status-expired = Expired
outcome-fulfilled = Fulfilled
outcome-partially_fulfilled = Partially fulfilled
outcome-no_data_held = No data held
rejection-identity_not_verified = Identity could not be verified
rejection-manifestly_unfounded = Manifestly unfounded (Art. 12(5))
rejection-excessive = Excessive (Art. 12(5))
rejection-not_applicable = The right does not apply
rejection-other = Other reason
question-purpose-identity = Confirm the subject's identity (Art. 12(6))
question-purpose-clarification = Clarify what the request covers
question-purpose-other = Something else
channel-portal = Portal
channel-api = API
channel-phone = Phone
channel-letter = Letter
channel-email = Email
channel-in_person = In person
role-admin = Admin
role-handler = Handler
role-auditor = Auditor
file-type-pdf = PDF document
file-type-png = PNG image
file-type-jpeg = JPEG image
file-type-text = Plain text
dash-kind-access = access
dash-kind-rectification = correction
dash-kind-erasure = erasure
dash-kind-restriction = restriction
dash-kind-portability = portability
dash-kind-objection = objection

## The queue.

dash-queue-title = Queue
dash-queue-failed-mail = { $count } email(s) could not be sent.
dash-queue-failed-mail-more = More than { $count } email(s) could not be sent.
dash-queue-failed-mail-link = See which
dash-queue-filter-status = Status
dash-queue-filter-active = Needs action
dash-queue-filter-all = All
dash-queue-filter-kind = Kind
dash-queue-filter-all-kinds = All kinds
dash-queue-filter-button = Filter
dash-queue-count = { $count } request(s), earliest due first.
dash-queue-count-more = More than { $count } request(s), earliest due first.
dash-queue-caption = Requests, earliest due first
dash-col-reference = Reference
dash-col-kind = Kind
dash-col-status = Status
dash-col-received = Received
dash-col-due = Due
dash-col-days-left = Days left
dash-no-email-badge = no email
dash-no-email-title = No email address: answer by post or phone
dash-paused-text = (clock stopped)
dash-missed-promise-badge = promise missed
dash-missed-promise-heading = Promise missed
dash-missed-promise-title = Extended after the policy date had passed
dash-days-overdue = { $count ->
    [one] { $count } day overdue
   *[other] { $count } days overdue
}
dash-queue-empty = Nothing here.
dash-queue-first-page = First page
dash-queue-next-page = Next page

## The request page.

dash-detail-subject = Subject
dash-detail-name = Name
dash-detail-email = Email
dash-detail-none-given = None given
dash-detail-phone = Phone
dash-detail-customer-number = Customer number
dash-detail-verified = Verified
dash-detail-not-verified = Not verified
dash-detail-unknown-method = unknown method
dash-detail-channel = Channel
dash-detail-assigned-to = Assigned to
dash-detail-nobody = Nobody
dash-detail-request = Request
dash-detail-message = Message
dash-detail-outcome = Outcome:
dash-detail-rejected = Rejected:
dash-detail-justification = Justification
dash-detail-withdrawn-for-subject = Withdrawn on the subject's behalf
dash-detail-deadlines = Deadlines
dash-detail-received = Received
dash-detail-legal-deadline = Legal deadline (Art. 12(3))
dash-detail-promise = Our promise
dash-detail-no-promise = none
dash-detail-due = Due
dash-detail-days-paused = Days paused
dash-detail-paused-now = (paused now)
dash-detail-latest-extended = Latest with extension
dash-detail-extension-reason = Extension reason
dash-questions-title = Questions to the subject
dash-questions-asked = Asked
dash-questions-for = For
dash-questions-question = Question
dash-questions-answer = Answer
dash-questions-clock-stopped = clock stopped
dash-questions-not-answered = Not answered yet
dash-answer-sent = Answer sent to the subject
dash-answer-why-not-all = Why not all of it
dash-actions = Actions
dash-no-email-notice-strong = No email address: answer by post or phone.
dash-no-email-notice = Nothing on this page is emailed to the subject; each action's timeline entry says so.
dash-assign = Assign
dash-assign-to-me = Assign to me
dash-assign-to = Assign to
dash-assign-button = Assign
dash-start = Start
dash-start-hint = Starts work.
dash-start-hint-assign = Starts work and assigns the request to you.
dash-verify = Mark verified by another means
dash-verify-method = How was the subject verified?
dash-verify-method-hint = For example "customer logged in to My Page" or "ID card checked in shop". Never keep a copy of an ID document.
dash-verify-button = Mark verified
dash-ask = Ask the subject
dash-ask-purpose = What is the question for?
dash-ask-pauses-clock = — the clock stops until the answer
dash-ask-question = Question
dash-ask-hint = The subject gets it by email with a link to their request's page, where they answer.
dash-ask-button = Send the question
dash-extend = Extend (Art. 12(3))
dash-extend-to = New due date (YYYY-MM-DD)
dash-extend-hint = At the latest { $latest }. Allowed until the legal deadline { $legal }.
dash-extend-hint-promise = After our promise ({ $promise }) the request is marked as a missed promise.
dash-extend-reason = Why more time is needed (the subject is told)
dash-extend-already = Already extended once: Art. 12(3) allows one extension.
dash-extend-too-late = No extension is possible: the legal deadline { $legal } has passed (Art. 12(3)).
dash-complete = Complete
dash-complete-hint = Choose the outcome, write the answer from its template, then preview the email before it is sent.
dash-complete-answer = Answer to the subject
dash-complete-reasons = Why not all of it (the subject is told, with their right to complain, Art. 12(4))
dash-complete-preview = Preview the email
dash-reject = Reject
dash-reject-reason = Reason
dash-reject-justification = Justification (the subject is told, with their right to complain)
dash-reject-justification-hint = For a manifestly unfounded or excessive request, explain why: we must be able to demonstrate it (Art. 12(5)).
dash-withdraw = Withdraw on the subject's behalf
dash-withdraw-reason = How and why the subject withdrew
dash-withdraw-button = Withdraw
dash-notes = Internal notes
dash-notes-hint = Never shown to the subject, never put in an email.
dash-notes-add = Add a note
dash-notes-button = Add note
dash-timeline = Timeline
dash-timeline-when = When
dash-timeline-who = Who
dash-timeline-what = What
dash-timeline-note = Note
dash-emails = Emails
dash-emails-queued = Queued
dash-emails-email = Email
dash-emails-attempts = Attempts
dash-emails-last-error = Last error
dash-done-assigned = The request is assigned.
dash-done-started = Work on the request has started.
dash-done-verified = The subject is marked as verified; the acknowledgement is on its way.
dash-done-asked = Your question is on its way to the subject.
dash-done-extended = The deadline is extended; the subject is told why and the new date.
dash-done-completed = The request is completed; the answer is on its way to the subject.
dash-done-rejected = The request is rejected; the subject is told why and their rights.
dash-done-withdrawn = The request is withdrawn; the subject gets a confirmation.
dash-done-noted = Your note is added. Notes are internal: the subject never sees them.

## Preview of the answer.

dash-preview-title = Preview the answer
dash-preview-notice = Nothing is sent yet. This is the email the subject will get.
dash-preview-caption = The email's address and subject
dash-preview-to = To
dash-preview-subject = Subject
dash-preview-text = Text
dash-preview-html = As HTML
dash-preview-html-frame = The email as HTML
dash-preview-send = Send this answer and complete the request
dash-preview-change = Change the answer

## Email that could not be sent.

dash-failed-title = Email not sent
dash-failed-heading = Email that could not be sent
dash-failed-intro = These messages failed on every attempt. Check the address or the mail server, and reach the person another way if a deadline depends on it.
dash-failed-none = None. Every email was sent.
dash-failed-to = To
dash-failed-subject = Subject
dash-failed-request = Request
dash-failed-open = open

## Entering a request by hand.

dash-intake-title = Enter a request
dash-intake-heading = Enter a request received by phone, letter, email or in person
dash-intake-intro = The time to answer runs from when the request reached us, not from now: enter the true date and time of receipt. The subject's email address is optional: leave it empty if they gave none.
dash-intake-error-count = Please correct the { $count } field(s) marked below. Nothing you typed is lost.
dash-intake-channel = How did it reach us?
dash-intake-when = When did it reach us?
dash-intake-when-hint = In { $timezone } time. It may be in the past, never in the future.
dash-intake-date = Date of receipt (YYYY-MM-DD)
dash-intake-time = Time of receipt (HH:MM, optional)
dash-intake-kind = What does the subject ask for?
dash-intake-subject = The subject
dash-intake-name = Full name
dash-intake-email = Email address (optional)
dash-intake-email-hint = Optional, but it helps: with an address the subject gets the acknowledgement, the verification link, your questions and the answer by email, and can follow the request online. Without one nothing is emailed; you answer by post or phone, and an unverified request's clock is not stopped.
dash-intake-phone = Phone number (optional)
dash-intake-customer-number = Customer or account number (optional)
dash-intake-language = Language of the subject
dash-intake-language-hint = Every email to the subject about this request is in this language.
dash-intake-kind-hint = Choose the kind of request above; its questions are shown below.
dash-intake-message-legend = Anything else the subject said (optional)
dash-intake-message = Message
dash-intake-message-hint = At most { $max } characters. Never copy an ID document's number here.
dash-intake-verified = Have you checked who the subject is?
dash-intake-verified-no = Not yet: send the subject the verification link (the clock stops until they confirm; without an email address, verify another way later)
dash-intake-verified-yes = Yes, already verified
dash-intake-method = If verified: how? (e.g. “ID card checked in the shop”, “customer logged in to My Page”)
dash-intake-method-hint = Record the method only. Never keep a copy of an ID document.
dash-intake-button = Enter the request

## Refusals and field errors of case handling.

case-form-without-version = The form did not say which version of the request it was made from; reload the page and try again.
case-stale-version = Someone else changed this request while you had it open (it is now { $status ->
    [awaiting_verification] awaiting verification
    [open] open
    [in_progress] in progress
    [awaiting_subject] awaiting an answer from the subject
    [completed] completed
    [rejected] rejected
    [withdrawn] withdrawn
    [expired] expired
   *[other] changed
}); nothing was changed by your form. Reload the page, check what happened, then act again.
case-choose-assignee = Choose an active handler or admin.
case-no-email-ask = This request has no email address, so the subject cannot answer online. Ask them by post or phone, and record what they say in an internal note.
case-choose-purpose = Say what the question is for: identity, clarification or something else.
case-extend-date-format = Enter the new date as YYYY-MM-DD.
case-extend-already = The deadline has already been extended; Art. 12(3) allows one extension of at most two further months.
case-extend-deadline-passed = The legal deadline { $date } has already passed; Art. 12(3) allows an extension only within the first month.
case-extend-beyond-limit = The requested due date is after { $date }, the latest date Art. 12(3) allows (three months from receipt).
case-extend-not-later = The requested due date must be later than the current due date { $date }.
case-choose-outcome = Choose the outcome: fulfilled, partially fulfilled or no data held.
case-answer-placeholder = Replace the parts in [[ ]] with your own words before sending.
case-preview-first = Preview the answer before you send it: the subject gets exactly what you saw.
case-choose-rejection = Choose why the request is rejected.
case-justification-missing = Write why the request is rejected: the subject is told the reasons (Art. 12(4)).
case-justification-too-short = Explain why the request is { $reason ->
    [excessive] excessive
   *[other] manifestly unfounded
}: we must be able to demonstrate it (Art. 12(5)). Write at least { $min } characters.
case-manual-choose-channel = Choose how the request reached us: phone, letter, email or in person.
case-manual-say-verified = Say whether you have already checked who the subject is.
case-manual-date-format = Enter the date the request reached us, as YYYY-MM-DD.
case-manual-time-format = Enter the time as HH:MM (24 hours), or leave it empty if you do not know it.
case-manual-before-gdpr = This date is before the GDPR applied (25 May 2018). Check the year.
case-manual-time-skipped = This time did not exist here (the clocks moved forward). Enter the time after the change.
case-manual-future = The date and time of receipt cannot be in the future. Enter when the request actually reached us.

## Files from the subject.

upload-title = Files from the subject
upload-hint = Downloads are saved as files, never opened in the browser, and each download is in the timeline. An identity document is deleted as soon as you record what it confirmed; other files are deleted a while after the request closes unless kept as evidence.
upload-col-received = Received
upload-col-file = File
upload-col-type = Type
upload-col-size = Size
upload-col-status = Status
upload-col-actions = Actions
upload-size-bytes = { $size } bytes
upload-deleted = Deleted { $when }
upload-deleted-identity = Deleted { $when } (identity document, after the check)
upload-kept = Kept as evidence: { $reason }
upload-deleted-later = Deleted automatically after the request closes (retention period)
upload-identity-label = Identity document: what did it confirm?
upload-identity-placeholder = e.g. passport matches the customer record
upload-identity-button = Record the check and delete the file
upload-keep-label = Keep as evidence, because
upload-keep-button = Keep as evidence
upload-already-deleted = This file is already deleted.
upload-request-changed = The request changed meanwhile; reload the page and try again.
upload-identity-never-kept = An identity document is never kept: it is deleted once the identity is checked.

## Accounts.

user-title = Accounts
user-intro = Deactivating an account ends its sessions at once; it can no longer log in.
user-col-name = Name
user-col-email = Email
user-col-role = Role
user-col-status = Status
user-col-actions = Actions
user-active = active
user-deactivated = deactivated
user-deactivate = Deactivate
user-deactivate-label = Deactivate { $name }
user-cannot-deactivate-self = You cannot deactivate your own account; ask another admin.
user-account-title = Your account
user-account-role = role { $role }
user-password-title = Change your password
user-password-intro = Changing it ends every other session of your account at once.
user-current-password = Current password
user-new-password = New password (at least 12 characters)
user-new-password-again = New password again
user-password-button = Change password
user-password-changed = Your password is changed. Every other session of your account has ended.
user-digest-title = Daily digest
user-digest-label = Email me a digest of my requests every morning at { $time }
user-digest-button = Save
user-digest-on-done = You will get the daily digest.
user-digest-off-done = The daily digest is off. Reminders of due dates still come.
user-digest-off-for-all = The daily digest is switched off for everyone (setting DSR_DIGEST_TIME).
user-current-password-wrong = This is not your current password.
user-passwords-differ = The two passwords differ.
user-password-too-short = A password needs at least { $min } characters.
user-password-too-long = A password can be at most { $max } characters.
user-email-taken = An account with this email already exists.

## Login and the first administrator.

login-title = Log in
login-email = Email
login-password = Password
login-button = Log in
login-wrong = Wrong email or password.
login-too-many = Too many login attempts. Wait a few minutes and try again.
login-too-long = An email address can be at most { $email_max } characters, a password at most { $password_max }.
setup-title = Create the first administrator
setup-intro = This link works once. The account you create can add the other handlers.
setup-name = Your name
setup-password = Password (at least 12 characters)
setup-password-again = The same password again
setup-button = Create account

## Timeline events.

dash-audit-submitted = Received
dash-audit-verified = Verified
dash-audit-assigned = Assigned
dash-audit-started = Work started
dash-audit-asked_subject = Question to the subject
dash-audit-subject_answered = The subject answered
dash-audit-extended = Extended
dash-audit-completed = Completed
dash-audit-rejected = Rejected
dash-audit-withdrawn = Withdrawn
dash-audit-expired = Expired
dash-audit-note_added = Note added
dash-audit-file_downloaded = File downloaded
dash-audit-file_deleted = File deleted
dash-audit-file_kept = File kept as evidence
dash-audit-identity_document_checked = Identity document checked
dash-audit-mail_requeued = Email queued again
dash-mail-pending = waiting to be sent
dash-mail-sent = sent
dash-mail-failed = could not be sent

## The queue's counts, search and filters (issue 9).

dash-counts-label = At a glance
dash-count-overdue = { $count } overdue
dash-count-due-soon = { $count } due within { $days } days
dash-count-awaiting-subject = { $count } waiting for the subject
dash-count-awaiting-verification = { $count } awaiting verification
dash-count-unassigned = { $count } unassigned
dash-count-mine = { $count } assigned to me
dash-search-label = Find a request
dash-search-hint = A reference (DSR-2026-000809), an email address, or the start of a name.
dash-search-button = Search
dash-search-count = { $count ->
    [one] 1 request found for “{ $query }”.
   *[other] { $count } requests found for “{ $query }”.
}
dash-queue-filter-assignee = Assigned to
dash-queue-filter-anyone = Anyone
dash-queue-filter-me = Me
dash-queue-filter-unassigned = Nobody
dash-queue-filter-urgency = Urgency
dash-queue-filter-any-urgency = Any
dash-queue-filter-overdue = Overdue
dash-queue-filter-soon = Due within { $days } days
dash-queue-filter-due-before = Due before
dash-queue-filter-missed = Missed our promise
dash-queue-prev-page = Previous page
dash-queue-export = Download these as CSV
dash-col-subject = Subject
dash-col-assignee = Assigned to
dash-unassigned = nobody
dash-paused-days-left = { $count ->
    [one] paused, 1 day left
   *[other] paused, { $count } days left
}
dash-paused-overdue = { $count ->
    [one] paused, 1 day overdue
   *[other] paused, { $count } days overdue
}

## Mail recovery (issue 9).

dash-email-legend = The subject's email address
dash-email-label = Email address
dash-email-hint = Correct it if mail to the subject could not be delivered. The change is recorded in the timeline.
dash-email-hint-verify = Correct it if the verification email could not be delivered: a new verification link goes to the new address and the old one stops working.
dash-email-button = Save the address
dash-done-email-corrected = The address was changed.
dash-done-mail-resent = The email is back in the queue and goes out in a moment.
case-email-unchanged = This is already the subject's address.
dash-audit-email_corrected = Email address corrected
dash-failed-resend = Send again
dash-failed-resend-label = Send again to { $to }
dash-failed-resent = The email is back in the queue and will be sent again now.
dash-failed-not-failed = This email is no longer waiting to be resent; someone may have resent it already.
user-last-admin = This is the last active admin: make another account an admin first.
user-role-unknown = “{ $value }” is not a role; choose admin, handler or auditor.
user-role-label = Role of { $name }
user-role-button = Change role

## Passwords chosen through an emailed link (issue 9).

login-forgot-link = Forgot your password?
login-password-set = Your password is set. Log in with it.
forgot-title = Forgot your password
forgot-intro = Enter the address you log in with. If it has an account, we email it a link to choose a new password.
forgot-button = Send me a link
forgot-sent = If an account has this address, a link to choose a new password is on its way. It works once, for { $hours } hours.
forgot-back = Back to log in
password-title = Choose your password
password-intro = Choose the password for { $name }'s account. At least 12 characters.
password-button = Save my password
password-link-gone = This link no longer works: it was used, a newer one was sent, or it expired. Ask for a new one on the login page.
user-invite-title = Invite someone
user-invite-intro = The account exists at once; its owner gets an email with a link to choose a password. No password is ever sent by email.
user-invite-button = Send the invitation
user-invited = The invitation is on its way.
user-password-link = Send a password link
user-password-link-label = Send a password link to { $name }
user-password-link-sent = The link to choose a new password is on its way.
user-role-choose = Choose a role.
user-inactive = This account is deactivated.
