## Error pages and refusals that are not about one form field.

error-title-not-found = Not found
error-title-cannot-accept = Cannot accept this
error-title-not-allowed = Not allowed
error-title-not-possible = Not possible
error-title-gone = No longer available
error-title-too-many = Too many attempts
error-title-internal = Error
error-not-found = This page does not exist, or the link has expired or was already used.
error-csrf = Your form has expired or did not come from this site. Go back, reload the page and try again.
error-too-large = The data you sent is too large.
error-too-many = Too many attempts. Please wait a few minutes and try again.
error-login = You need to log in to see this page.
error-forbidden = Your role does not allow this.
error-internal = Something went wrong on our side. Please try again later.
error-internal-id = Something went wrong on our side. Please try again later. If it happens again, quote error id { $id }.
error-back-home = Back to the start page
error-bad-query = The address is not valid: { $detail }.
error-form-unreadable = The form could not be read: { $detail }.
error-unknown-status-filter = Unknown status filter “{ $value }”.
error-unknown-kind-filter = Unknown kind filter “{ $value }”.
error-bad-page-link = The page link is not valid; start from the first page.
error-file-deleted = This file was deleted on { $date }. Only the record that it was received remains.

# A status change the life of a request does not allow (DESIGN §3).
transition-terminal = The request is already { $status ->
    [completed] completed
    [rejected] rejected
    [withdrawn] withdrawn
    [expired] expired
   *[other] closed
} and cannot change any more.
transition-not-allowed = A request that is { $status ->
    [awaiting_verification] awaiting verification
    [open] open
    [in_progress] in progress
    [awaiting_subject] awaiting answer from the subject
    [completed] completed
    [rejected] rejected
    [withdrawn] withdrawn
   *[expired] expired
} cannot be { $action ->
    [verify] verified
    [start] started
    [ask] put on hold for the subject
    [resume] resumed
    [complete] completed
    [reject] rejected
    [withdraw] withdrawn
   *[expire] expired
}.
error-bad-filter = The filter { $name } cannot be “{ $value }”; choose it from the form.
error-bad-choice = The field { $name } cannot be “{ $value }”; choose it from the form.
