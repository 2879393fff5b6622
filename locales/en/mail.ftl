## Emails to the subject (templates/mail/). Every email about a request speaks the
## language the request was made in. Names of the organisation, the DPO and the
## authority come from the settings; article numbers stay as they are.

mail-hello = Hello { $name },
mail-hello-anonymous = Hello,
# After a link in an HTML email.
mail-link-days = (the link works for { $days ->
    [one] { $days } day
   *[other] { $days } days
})

## The sender block (_sender) and the Art. 12(4) notice (_notice).

mail-sender-dpo = Data protection officer:
mail-notice-title = Your rights (GDPR Art. 12(4))
mail-notice-complaint = If you disagree, you have the right to lodge a complaint with the supervisory authority (Art. 77):
mail-notice-court = You also have the right to an effective judicial remedy: you can take the matter to the courts (Art. 79).

## Verification

mail-verify-subject = Confirm your request { $reference }
mail-verify-received = We received your request “{ $kind }” with reference { $reference }.
mail-verify-confirm = To make sure it was you who sent it, please confirm your email address by opening this link:
mail-verify-confirm-html = To make sure it was you who sent it, please confirm your email address:
mail-verify-button = Confirm my request
mail-verify-validity = The link works once, for { $days ->
    [one] { $days } day
   *[other] { $days } days
} from when this email was sent. Until you confirm, we cannot start on your request, and the time we have to answer does not run.
mail-verify-ignore = If you did not send this request, you can ignore this email.

## Acknowledgement

mail-ack-subject = We have your request { $reference }: answer by { $due }
mail-ack-thanks = Thank you for confirming. Your request is now in our queue.
mail-ack-reference = Reference
mail-ack-request = Request
mail-ack-received = Received
mail-ack-due = Answer by
mail-ack-time = The GDPR (Art. 12(3)) gives us one month to answer; we promise to answer within the date above. If we need more information from you, the time stops until you answer. If the request is complex we may extend the time by up to two further months; we would tell you why before the date above.
mail-ack-follow = Follow your request here (the link works for { $days ->
    [one] { $days } day
   *[other] { $days } days
}):
mail-ack-follow-link = Follow your request

## Track my requests

mail-track-subject = Your requests to { $organisation }
mail-track-none = Someone asked to see the data protection requests sent from this address. We hold no requests from this address.
mail-track-some = Someone (we hope you) asked to see the data protection requests sent from this address. We have { $count } on record.
mail-track-open = Open this link to see them (it works for { $days ->
    [one] { $days } day
   *[other] { $days } days
}):
mail-track-link = See my requests
mail-track-ignore = If you did not ask for this, you can ignore this email.

## Withdrawal

mail-withdrawn-subject = Your request { $reference } is withdrawn
mail-withdrawn-body = As you asked, we have withdrawn your request “{ $kind }” ({ $reference }). We will not work on it any further. You can send a new request at any time.

## A question to the subject

mail-question-subject = A question about your request { $reference }
mail-question-intro = To handle your request “{ $kind }” ({ $reference }) we need an answer from you.
mail-purpose-identity = We need to make sure that we give your data only to you, so we ask you to confirm who you are (GDPR Art. 12(6)).
mail-purpose-clarification = We need to know more precisely what your request covers.
mail-purpose-other = We have a question for you.
mail-question-ours = Our question:
mail-question-answer = Answer on your request's page (the link works for { $days ->
    [one] { $days } day
   *[other] { $days } days
}):
mail-question-answer-link = Answer on your request's page
mail-question-pauses = Until you answer, the time we have to handle your request stands still (GDPR Art. 12(3) and (6)).

## Extension (Art. 12(3))

mail-extension-subject = We need more time for your request { $reference }: new date { $due }
mail-extension-intro = We need more time to handle your request “{ $kind }” ({ $reference }). The GDPR allows us to extend the time by up to two further months where a request is complex or we have many requests (Art. 12(3)).
mail-extension-why = Why we need more time:
mail-extension-new-date = We will answer by { $due } at the latest (before: { $previous }).

## Completion, one subject per outcome

mail-completion-fulfilled-subject = Your request { $reference } is done
mail-completion-no-data-subject = Your request { $reference }: we hold no data about you
mail-completion-partial-subject = Our answer to your request { $reference }: partly done
mail-completion-intro = We have handled your request “{ $kind }” ({ $reference }).
mail-completion-partial-intro = We have handled your request “{ $kind }” ({ $reference }), but could not do all of what you asked.
mail-completion-partial-why = Why we did not do all of it:

## Rejection

mail-rejection-subject = We cannot act on your request { $reference }
mail-rejection-intro = We have decided not to act on your request “{ $kind }” ({ $reference }).
mail-rejection-reason = Reason:
mail-reason-identity_not_verified = Identity could not be verified
mail-reason-manifestly_unfounded = Manifestly unfounded (Art. 12(5))
mail-reason-excessive = Excessive (Art. 12(5))
mail-reason-not_applicable = The right does not apply
mail-reason-other = Other reason

## Expiry: a question left unanswered (sent by the sweeper)

mail-expiry-subject = Your request { $reference } is closed: we did not hear from you
mail-expiry-intro = On { $date } we asked you a question about your request “{ $kind }” ({ $reference }). We have not had an answer in { $days ->
    [one] { $days } day
   *[other] { $days } days
}, so we have closed the request without acting on it.
mail-new-request = You can send a new request at any time.

## Manual intake: the language of the subject's emails

mail-language-invalid = Choose the language of the subject's emails: Norwegian Bokmål, Swedish or English.

## A link to set a staff password (invitation or reset).

mail-password-invite-subject = Your account for data protection requests at { $organisation }
mail-password-reset-subject = Set a new password for data protection requests at { $organisation }
mail-password-invite-intro = An administrator made you an account in { $organisation }'s tool for data protection requests.
mail-password-reset-intro = Someone asked for a new password for your account. Your current password keeps working until you set a new one.
mail-password-open = Choose your password by opening this link (it works once, for { $hours } hours):
mail-password-link = Choose my password
mail-password-valid = (works once, for { $hours } hours)
mail-password-ignore = If you did not expect this email, you can ignore it; nothing changes.

## Reminders and the daily digest, to handlers and admins.

mail-reminder-subject = { $count ->
    [one] Reminder: 1 data protection request needs you
   *[other] Reminder: { $count } data protection requests need you
}
mail-reminder-intro = These requests have reached a reminder date. Each reminder is sent once; an overdue request is reminded every day until it is answered.
mail-reminder-overdue = Overdue
mail-reminder-due-soon = Due soon
mail-reminder-more = { $count ->
    [one] One more is in the queue.
   *[other] { $count } more are in the queue.
}
mail-reminder-queue = Open the queue
mail-due-on = due { $date }
mail-due-overdue = { $days ->
    [one] overdue by 1 day
   *[other] overdue by { $days } days
}
mail-due-today = due today
mail-due-left = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
mail-due-paused = waiting for the subject (the clock is stopped)
mail-digest-subject = Your data protection requests, { $date }
mail-digest-intro = Your requests on { $date }:
mail-digest-overdue = Overdue
mail-digest-due-soon = Due soon
mail-digest-awaiting-subject = Waiting for the subject
mail-digest-newly-assigned = Newly assigned to you
mail-digest-none = None.
mail-digest-more = { $count ->
    [one] and 1 more:
   *[other] and { $count } more:
}
mail-digest-unassigned = { $count ->
    [one] 1 request is not assigned to anyone.
   *[other] { $count } requests are not assigned to anyone.
}
mail-digest-failed-mail = { $count ->
    [one] 1 email could not be sent; the failed-mail page sends it again or corrects the address.
   *[other] { $count } emails could not be sent; the failed-mail page sends them again or corrects the addresses.
}
mail-digest-opt-out = You get this email on days when you have requests to follow. You can switch it off on your account page:

# Issue 10: retained data in the completion email (Art. 17(3)(b)), objection, restriction.
mail-retained-intro = We have kept the following data because a law requires us to:
mail-retained-until = We keep it until { $date }, and erase it then.
mail-retained-only-for-the-law = We keep this data only to meet that legal obligation, and use it for nothing else (Art. 17(3)(b)). Until we erase it, its use is restricted: we only store it (Art. 18(2)).
mail-objection-refused-intro = We will go on processing your data for these purposes, for the following reasons (Art. 21(1)):
mail-retention-due-subject = { $count ->
    [one] Retained data must now be erased: { $count } category
   *[other] Retained data must now be erased: { $count } categories
}
mail-retention-due-intro = The legal obligation to keep this data has ended. Erase it, then mark it erased in the retention register.
mail-retention-due-ended = kept until { $date }
mail-retention-due-register = Retention register
mail-objection-confirmed-subject = We have stopped direct marketing to you ({ $reference })
mail-objection-confirmed-intro = You objected to the use of your data for direct marketing ({ $reference }). We have stopped it.
mail-objection-confirmed-both = Your email address and phone number are now on our suppression list.
mail-objection-confirmed-email = Your email address is now on our suppression list.
mail-objection-confirmed-absolute = We will not use them for direct marketing again (GDPR Art. 21(3)).
mail-objection-confirmed-rest = You also objected to other uses of your data. A case handler will decide on those and write to you.
mail-objection-staff-subject = Objection to direct marketing acted on: { $reference }
mail-objection-staff-intro = An objection to direct marketing ({ $reference }) was acted on automatically: the subject's address and number are on the suppression list (Art. 21(3)).
mail-objection-staff-rest = The subject also objected to other purposes: decide those on the request page.
mail-objection-staff-done = Nothing else was asked: the request is completed.
mail-restriction-lift-subject = We are lifting the restriction of your data ({ $reference })
mail-restriction-lift-intro = You asked us to restrict the use of your data ({ $reference }). We are now lifting that restriction for:
mail-restriction-lift-why = Why:
mail-restriction-lift-before = We are telling you before the restriction is lifted, as GDPR Art. 18(3) requires.

# Issue 11: Art. 19 notices and rectification.
mail-recipients-told = We have told these recipients of your data about the change (GDPR Art. 19):
mail-items-refused-intro = We did not make these corrections, for the following reasons:
mail-notice-subject = Data protection notice: request { $reference } (GDPR Art. 19)
mail-notice-reminder-subject = Reminder: please acknowledge our notice about request { $reference }
mail-notice-reminder-intro = We have not yet had your acknowledgement of the notice below.
mail-notice-intro = A data subject's request { $reference } (“{ $kind }”) changed personal data we have disclosed to you. GDPR Art. 19 requires us to tell you.
mail-notice-corrections = Please correct these data:
mail-notice-erase = Please erase the data in these categories:
mail-notice-restrict = Please restrict the processing of the data in these categories (store it only):
mail-notice-identifiers = To find the person in your systems:
mail-notice-ack = Please confirm that you have acted on it (no login needed):
mail-recipients-list-subject = The recipients told about your request { $reference }
mail-recipients-list-intro = You asked which recipients of your data we have told about your request { $reference } (GDPR Art. 19). Here they are, with where each stands:
