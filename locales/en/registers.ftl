# Issue 10: data categories, retention rules, erasure outcomes, restriction, objection,
# the retention register and the suppression list.

## Navigation and notices
dash-nav-retention = Retained data
dash-nav-suppression = Suppression list
dash-nav-registers = Registers
dash-done-outcome = Outcome recorded.
dash-done-decided = Decision recorded.
dash-done-lift = The subject is being told. The restriction is lifted once that email has been sent (Art. 18(3)).

dash-queue-retention-due = { $count ->
    [one] { $count } follow-up task: retained data whose legal retention has ended must be erased.
   *[other] { $count } follow-up tasks: retained data whose legal retention has ended must be erased.
}
dash-queue-retention-due-link = Open the tasks

## Timeline
dash-audit-outcome_recorded = Outcome recorded for a category
dash-audit-retention_ended = Legal retention ended: erase the data
dash-audit-retained_erased = Retained data erased
dash-audit-restriction_lift_requested = Lifting of the restriction announced to the subject
dash-audit-restriction_lifted = Restriction lifted
dash-audit-restriction_ground_recorded = Ground of the restriction recorded
dash-audit-suppressed = Put on the suppression list (Art. 21(3))
dash-audit-objection_decided = Objection decided for a purpose

## Retention periods in words
dash-rule-days = { $amount ->
    [one] { $amount } day
   *[other] { $amount } days
}
dash-rule-months = { $amount ->
    [one] { $amount } month
   *[other] { $amount } months
}
dash-rule-years = { $amount ->
    [one] { $amount } year
   *[other] { $amount } years
}
dash-rule-after-event = after the event
dash-rule-after-financial-year = after the end of the financial year
dash-rule-after-calendar-year = after the end of the calendar year in which the financial year ended

## What was done with a category
category-outcome-erased = Erased
category-outcome-retained = Kept under a legal obligation (Art. 17(3)(b))
category-outcome-not_held = Not held
category-outcome-restricted = Restricted (Art. 18)

## The request page: outcomes per category
case-outcomes-title = What was done with each category
case-outcomes-title-restriction = Restricted categories
case-outcomes-hint = Record an outcome for every category before you complete the request. Data you must keep by law is kept under a rule, until the date the rule gives.
case-outcomes-hint-restriction = Record which categories are restricted (Art. 18(1)). Restricted data is only stored, not otherwise used.
case-outcomes-col-outcome = Outcome
case-outcomes-col-record = Record
case-outcomes-erased-since = Erased on
case-outcomes-none-yet = Not recorded yet
case-outcomes-for = Outcome for { $category }
case-outcomes-rule = Rule that requires keeping it
case-outcomes-anchor = Date the rule counts from
case-outcomes-anchor-hint = The date of the last record, for example the last invoice (YYYY-MM-DD).
case-outcomes-save = Save
case-outcomes-save-label = Save the outcome for { $category }
case-outcomes-missing = Record an outcome for every category first. Missing: { $categories }.
case-outcome-choose = Choose what was done with this category.
case-outcome-rule = Choose the rule that requires keeping this data.
case-outcome-anchor-format = Write the date the rule counts from as YYYY-MM-DD.
case-outcome-anchor-future = The date the rule counts from cannot be in the future.
case-outcome-until-passed = That rule only required keeping the data until { $date }. Erase it instead.
case-outcome-retained-partial = Some data is kept under a legal obligation, so the answer is “partially fulfilled”.
case-restriction-ground = Art. 18(1) ground of the restriction
case-restriction-ground-save = Save the ground
case-restriction-none = Record at least one restricted category first.

## Lifting a restriction (Art. 18(3))
case-lift-title = Lift the restriction
case-lift-hint = The subject is emailed first (Art. 18(3)). The restriction stays in force until that email has been sent.
case-lift-reason = Why the restriction is lifted (the subject is told)
case-lift-button = Tell the subject and lift
case-lift-waiting = Lifting announced: the restriction is lifted once the email to the subject has been sent.
case-lift-done = Restriction lifted on
case-lift-already = The lifting of this restriction has already been announced.

## Objection (Art. 21)
case-objection-title = Decision on each purpose
case-objection-hint = Direct marketing always stops, without a balancing test (Art. 21(3)). For any other purpose, uphold the objection or refuse it with the compelling legitimate grounds or legal claims that require the processing (Art. 21(1)).
case-objection-col-purpose = Purpose
case-objection-col-decision = Decision
case-objection-upheld = Upheld: processing for it stops
case-objection-automatic = automatically
case-objection-refused = Refused
case-objection-undecided-badge = Not decided yet
case-objection-for = Decision on { $purpose }
case-objection-uphold = Uphold the objection
case-objection-refuse = Refuse: there are compelling grounds
case-objection-grounds-label = Compelling legitimate grounds, or the legal claims (the subject is told)
case-objection-grounds-hint = Needed when you refuse. Explain why these grounds override the subject's interests, rights and freedoms.
case-objection-save-label = Save the decision on { $purpose }
case-objection-choose = Choose whether the objection is upheld or refused.
case-objection-grounds = Write the compelling legitimate grounds or the legal claims, at least { $min } characters (Art. 21(1)).
case-objection-dm-absolute = An objection to direct marketing cannot be refused (Art. 21(3)).
case-objection-undecided = Decide every purpose first. Not decided: { $purposes }.
case-objection-refused-partial = Part of the objection is refused, so the answer is “partially fulfilled”.
case-objection-automatic-answer = We have stopped using your data for direct marketing, as you asked. Your email address and phone number are on our suppression list (Art. 21(3)).

## Retention register
ret-title = Retained data
ret-intro = Data kept after an erasure request because a law requires it, soonest end first. When a rule's time is up, the handler gets a follow-up task here and by email.
ret-col-category = Category
ret-col-rule = Rule
ret-col-until = Kept until
ret-col-request = Request
ret-col-actions = Actions
ret-any = Any
ret-due-only = Only those whose time is up
ret-filter = Filter
ret-empty = Nothing is retained.
ret-time-up = Time is up
ret-from = counted from { $date }
ret-until = until { $date }
ret-erased = Mark erased
ret-erased-label = Mark erased: { $category }, { $reference }
ret-more = Showing the first { $count }. Filter to see the rest.

## Suppression list
sup-title = Suppression list
sup-intro = Email addresses and phone numbers that must never be used for direct marketing again (Art. 21(3)). Marketing systems read the export.
sup-count = { $count ->
    [one] { $count } entry.
   *[other] { $count } entries.
}
sup-export-csv = Export as CSV
sup-export-json = Export as JSON
sup-empty = The list is empty.
sup-col-kind = Kind
sup-col-value = Address or number
sup-col-since = Since
sup-col-request = Request
sup-kind-email = Email address
sup-kind-phone = Phone number
sup-open-request = Open the request

## Admin: registers
admin-registers-title = Registers
admin-categories-title = Data categories
admin-categories-intro = The categories subjects choose from and handlers record outcomes for. Codes never change, so stored requests keep their meaning; the words may.
admin-col-code = Code
admin-col-label = Words
admin-col-offered = Offered
admin-col-change = Change
admin-yes = Yes
admin-no = No
admin-edit-category = Change { $category }
admin-label-en = Words in English
admin-label-nb = Words in Norwegian (bokmål)
admin-label-sv = Words in Swedish
admin-label-hint = Leave empty to keep the built-in words.
admin-offered = Offered to subjects and handlers
admin-save = Save
admin-add = Add
admin-add-category = Add a category
admin-code-hint = Lower-case letters, digits and _, starting with a letter, for example loyalty_points. It cannot be changed later.
admin-category-code-invalid = Write a code of lower-case letters, digits and _, starting with a letter (at most 40), that no category has yet.
admin-label-required = Write the words in this language too: subjects read the portal in Norwegian, Swedish and English.
admin-done-category = Category saved.
admin-rules-title = Retention rules
admin-rules-intro = Laws that require keeping data after an erasure request (Art. 17(3)(b)). The seeded rules are examples: check each one before production use and save it.
admin-col-rule = Rule
admin-col-period = Period
admin-verify-badge = Verify before production use
admin-not-offered = Not offered
admin-edit-rule = Change { $rule }
admin-citation = Legal basis (citation)
admin-amount = Period (a number)
admin-unit = Unit
admin-unit-days = days
admin-unit-months = months
admin-unit-years = years
admin-anchor = Counted from
admin-text-en = What the subject is told, in English
admin-text-nb = What the subject is told, in Norwegian (bokmål)
admin-text-sv = What the subject is told, in Swedish
admin-verify = Still to be verified before production use
admin-add-rule = Add a rule
admin-rule-id-hint = Lower-case letters, digits, - and _, starting with a letter, for example no-accounting-primary.
admin-rule-id-invalid = Write a rule id of lower-case letters, digits, - and _, starting with a letter (at most 60), that no rule has yet.
admin-rule-category = Choose the category the rule applies to.
admin-rule-amount = Write the period as a whole number from 0 to 1200.
admin-rule-unit = Choose days, months or years.
admin-rule-anchor = Choose what the period counts from.
admin-done-rule = Rule saved.
