## The page frame (header, language switch, footer) and the self-service portal.

site-title = Your data protection rights
site-skip = Skip to main content
site-brand = Data protection requests
site-nav-label = Main menu
site-nav-new = New request
site-nav-track = Track my requests
site-nav-my = My requests
site-lang-label = Language
site-footer-dpo = Questions about your personal data? Write to our data protection officer:
site-footer-complaint = You also have the right to lodge a complaint with the supervisory authority (GDPR Art. 77):

portal-error-title-prefix = { "Error: " }
portal-error-summary-title = There is a problem
portal-error-summary-intro = { $count ->
    [one] Please correct the field below. Nothing you typed is lost.
   *[other] Please correct the { $count } fields below. Nothing you typed is lost.
}

portal-error-summary-item = { $label }: { $message }
portal-error-summary-row = Item { $number }, { $label }

portal-home-title = Your data protection rights — { $organisation }
portal-home-heading = Your rights over your personal data
portal-home-intro = Under the General Data Protection Regulation (GDPR) you can ask { $organisation } to do any of the following. It is free.
portal-home-answer-days = We answer within { $days } days of receiving your request, and never later than the month the law allows.
portal-home-answer-month = We answer within one month of receiving your request, as the law requires.
portal-home-rights-summary = What each right means
portal-home-form-heading = Send a request
portal-form-kind-legend = What would you like us to do?
portal-form-about-legend = About you
portal-form-about-hint = We use these only to find your data and to answer you.
portal-form-name = Your full name
portal-form-email = Your email address
portal-form-email-hint = We send a link to this address to check that it is yours.
portal-form-phone = Phone number (optional)
portal-form-customer-number = Customer or account number (optional)
portal-form-kind-hint = Choose what you would like us to do above; the questions for that kind of request are shown below.
portal-form-message-legend = Anything else? (optional)
portal-form-message = Message
portal-form-message-hint = At most { $max } characters. Please do not send copies of ID documents.
portal-form-submit = Send my request

portal-access-scope = Is there something specific you want to see? (optional)
portal-rect-hint = Tell us what is wrong and what it should be. Fill in one row per item.
portal-rect-row = Item { $number }
portal-rect-field = What should be corrected (e.g. “Postal address”)
portal-rect-value = The correct value
portal-rect-current = What we have now (optional)
portal-rect-evidence = Evidence, if any (optional)
portal-erasure-scope-legend = What should we erase?
portal-erasure-everything = Everything you hold about me
portal-erasure-only-categories = Only the categories I tick below
portal-erasure-categories-legend = Categories to erase
portal-erasure-categories-hint = Tick these only if you chose “only the categories I tick below”.
portal-erasure-ground = Why (optional, Art. 17(1))
portal-erasure-ground-none = — I don't know / no particular ground —
portal-erasure-keep-hint = Some data we must keep by law, for example accounting records. If so, we tell you what we keep, why and until when, and we use it for nothing else.
portal-restriction-ground-legend = Why should we restrict the processing? (Art. 18(1))
portal-restriction-details = Details (optional)
portal-portability-format-legend = File format
portal-portability-csv = CSV (opens in a spreadsheet)
portal-portability-send-hint = Want us to send it straight to another company? (optional)
portal-portability-name = The other company's name
portal-portability-email = Their email address for such requests
portal-objection-purpose-legend = What do you object to?
portal-objection-reasons = Your reasons (needed unless you only object to direct marketing)

portal-status-awaiting_verification = Waiting for you to confirm your email address
portal-status-open = Received; we will start on it soon
portal-status-in_progress = We are working on your request
portal-status-awaiting_subject = Waiting for your answer to our question
portal-status-completed = Answered
portal-status-rejected = Refused
portal-status-withdrawn = Withdrawn
portal-status-expired = Closed without action

history-received-portal = We received your request through this website.
history-received = We received your request.
history-received-phone = We received your request by phone.
history-received-letter = We received your request by letter.
history-received-email = We received your request by email.
history-received-in-person = We received your request in person.
history-email-confirmed = You confirmed your email address. The time we have to answer started to run.
history-identity-confirmed = We confirmed who you are.
history-identity-document-checked = We checked the document you sent to confirm who you are, and deleted it. We keep only the fact that we checked it.
history-started = We started working on your request.
history-asked = We asked you a question.
history-answered = You answered our question. We are working on your request again.
history-extended = We need more time (GDPR Art. 12(3)). We will answer by { $date }. Why: { $reason }
history-completed-fulfilled = We did what you asked and sent you our answer.
history-completed-partially = We did part of what you asked and sent you our answer, with the reasons for the rest.
history-completed-no-data = We answered: we hold no personal data about you.
history-rejected = We refused your request and sent you the reasons.
history-withdrawn-by-you = You withdrew your request.
history-withdrawn-for-you = We withdrew your request as you asked us to.
history-expired-unconfirmed = The request was closed because the email address was not confirmed in time.
history-expired-no-answer = The request was closed because we did not get an answer to our question in time.

portal-link-expired-heading = This link has expired
portal-link-expired-text = The link to confirm your request worked for a limited time, and that time is over. If you still want us to act, please send your request again.
portal-link-expired-again = Send a new request
portal-link-used-heading = This link was already used
portal-link-used-text = Your request is already confirmed, so there is nothing more to do here. Each confirmation link works once.
portal-link-track-text = To see your requests and where they stand, use “track my requests”: we email you a link to them.
portal-link-track-link = Go to track my requests

portal-my-title = My requests
portal-my-from = Requests sent from { $email }.
portal-my-none = There are no requests from this address.
portal-my-caption = Your requests and where they stand
portal-col-reference = Reference
portal-col-request = Request
portal-col-received = Received
portal-col-due = Answer by
portal-col-status = Status

portal-submitted-title = Request received — please confirm your email
portal-submitted-heading = Thank you — one more step
portal-submitted-reference = We have received your request. Its reference is
portal-submitted-next = What happens next
portal-submitted-step-email = We have sent an email to { $email } with a link. Open it within { $days } days to confirm that the address is yours.
portal-submitted-step-queue = Once you confirm, your request joins our queue and we email you the date by which we will answer.
portal-submitted-step-questions = We may ask you for more information if we cannot find your data; the time stops until you answer.
portal-submitted-no-email = No email? Check your spam folder. If the link expires, simply send the request again.

portal-track-title = Track my requests
portal-track-sent = If we have requests from { $email }, we have sent a link to that address. Open it to see your requests.
portal-track-intro = Enter the email address you used. We send a link to that address that shows your requests.
portal-track-email = Email address
portal-track-submit = Send me a link

portal-verified-title = Request { $reference } confirmed
portal-verified-heading = Thank you, your request is confirmed
portal-verified-reference = Reference
portal-verified-due = We will answer by
portal-verified-mail = We have sent you an email with this date and a link to follow your request.
portal-verified-status-link = See the status of your request

portal-verify-title = Confirm your request { $reference }
portal-verify-heading = Confirm your request
portal-verify-request = Request
portal-verify-submit = Yes, I sent this request
portal-verify-not-me = If you did not send it, close this page; nothing will happen.

portal-withdraw-title = Withdraw request { $reference }?
portal-withdraw-heading = Withdraw your request?
portal-withdraw-request = Request
portal-withdraw-kind-received = { $kind }, received { $date }.
portal-withdraw-explain = If you withdraw it, we stop working on it and close it. This cannot be undone, but you can always send a new request.
portal-withdraw-submit = Yes, withdraw my request
portal-withdraw-keep = No, keep my request

portal-status-title = Request { $reference }
portal-answer-not-sent = Your answer was not sent. Please correct what is marked below; what you typed is kept.
portal-status-facts-label = About your request
portal-status-your-request = Your request
portal-status-received = We received it
portal-status-where = Where it stands
portal-status-due = We will answer by
portal-status-extended = (we extended the time, GDPR Art. 12(3))
portal-status-paused = This date moves on by the days we wait for you.
portal-question-heading = We have a question for you
portal-question-purpose-identity = We need to make sure that we give your data only to you, so we ask you to confirm who you are (GDPR Art. 12(6)).
portal-question-purpose-clarification = We need to know more precisely what your request covers.
portal-question-purpose-other = We have a question for you.
portal-answer-label = Your answer
portal-answer-hint = At most { $max } characters.
portal-file-label = A file, if we asked for one (optional)
portal-file-hint = A PDF document, a PNG or JPEG image, or a plain text file, at most { $max } MB. Only the people handling your request can open it. If it is an identity document, we delete it as soon as we have checked it.
portal-file-choose-again = For your safety, a browser never keeps a chosen file when a page comes back: choose it again.
portal-answer-submit = Send my answer
portal-decision-heading = Our answer
portal-decision-fulfilled = We did what you asked.
portal-decision-partially = We did part of what you asked.
portal-decision-no-data = We hold no personal data about you.
portal-decision-not-done = What we did not do, and why
portal-decision-refused = We have refused your request.
portal-reason-identity_not_verified = Reason: we could not confirm who you are.
portal-reason-manifestly_unfounded = Reason: the request is manifestly unfounded (GDPR Art. 12(5)).
portal-reason-excessive = Reason: the request is excessive (GDPR Art. 12(5)).
portal-reason-not_applicable = Reason: the right you asked to use does not apply here.
portal-reason-other = Reason: see below.
portal-decision-why = Why
portal-decision-expired = We have closed your request without acting on it, because we did not get an answer to our question in time. You can send a new request at any time.
portal-notice-heading = Your rights (GDPR Art. 12(4))
portal-notice-complaint = If you disagree, you have the right to lodge a complaint with the supervisory authority (Art. 77):
portal-notice-court = You also have the right to an effective judicial remedy: you can take the matter to the courts (Art. 79).
portal-status-asked-for = What you asked for
portal-qa-heading = Questions and answers
portal-qa-asked-on = We asked on { $date }:
portal-qa-answered-on-text = You answered on { $date }:
portal-qa-answered-on = You answered on { $date }.
portal-qa-files = With the file(s):
portal-qa-not-answered = Not answered yet.
portal-history-heading = What has happened
portal-withdraw-section = Withdraw
portal-withdraw-section-text = Changed your mind? You can withdraw the request. We then stop working on it.
portal-withdraw-link = Withdraw my request…
portal-contact-heading = Questions about your request?
portal-contact-text = Write to the data protection officer of { $organisation } ({ $dpo }), and quote the reference { $reference }:

portal-notice-answered = Thank you: we have your answer, and we are working on your request again.
portal-notice-withdrawn = Your request is withdrawn. We have sent you a confirmation.
portal-question-closed = This question is closed: the request is no longer waiting for your answer. Reload the page to see where it stands.
portal-changed-try-again = The request changed meanwhile; try again.
portal-changed-reload = The request changed meanwhile; reload the page.
