# Issue 13: the JSON API and its keys.

## Admin page
dash-nav-api-keys = API keys
admin-api-title = API keys
admin-api-intro = Systems such as My Page call the API with a key. Each key has a name, the scopes it may use and, if you like, a last day. Only a hash of a key is stored: it is shown once, when it is created. What a key does is audited under its name.
admin-api-none = No API keys yet.
admin-api-col-name = Name and start of the key
admin-api-col-scopes = Scopes
admin-api-col-state = State
admin-api-active = Active
admin-api-until = until { $date }
admin-api-expired = Expired
admin-api-revoked = Revoked
admin-api-revoke = Revoke
admin-api-done-revoked = The key was revoked; calls with it are refused from now on.
admin-api-new-title = Create a key
admin-api-name = Name (which system uses it)
admin-api-scopes = What the key may do
admin-api-last-day = Last day (optional)
admin-api-last-day-hint = The key stops working at the end of this day. Leave empty for a key without an end; you can always revoke it.
admin-api-create = Create the key
admin-api-secret-title = The key for { $name }
admin-api-secret-intro = Copy the key now and store it in the system that uses it: it is not shown again. Send it as Authorization: Bearer followed by the key.

## Scopes
api-scope-requests-create = Send requests in (the subject verifies by email)
api-scope-requests-create-verified = Send requests in with the identity already verified
api-scope-requests-read = Read requests and their events
api-scope-requests-act = Act on requests as a handler
api-scope-webhooks-manage = Manage webhook subscriptions
api-scope-suppression-read = Read the suppression list
api-scope-tasks-report = Report tasks done

## Errors
api-key-scope-unknown = Choose scopes from the list.
api-key-scope-none = Choose at least one scope.
api-key-last-day-past = The last day cannot be in the past.
api-key-last-day-invalid = Write the last day as YYYY-MM-DD.
api-status-unknown = Unknown status: use a status, active or all.
api-date-invalid = Write the date as YYYY-MM-DD.
api-cursor-invalid = Pass the next value of the page before, unchanged.
api-limit-range = The limit is a number from 1 to { $max }.
api-received-needs-verification = received_at is only taken with verification_method (verified intake).
api-received-future = The time of receipt cannot be in the future.
api-received-invalid = Write the time of receipt as RFC 3339, for example 2026-12-01T09:30:00+01:00.
api-field-not-text = Give this field as text, a number, or a list of them.
api-version-required = Send the request's version, as the request last read gave it.
admin-api-acts-as = Acts as (for handler actions)
admin-api-acts-as-hint = A key with "Act on requests as a handler" acts for this account: its permissions, and its name on notes, questions and assignments. The audit trail names the key too.
admin-api-acts-as-none = Nobody
admin-api-acts-as-line = acts as { $account }
api-key-acts-as = A key that acts on requests needs an active handler or admin to act as.
