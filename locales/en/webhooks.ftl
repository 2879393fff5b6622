# Webhooks to the systems that hold the data (issue 13)
dash-nav-webhooks = Webhooks
admin-webhooks-title = Webhooks
admin-webhooks-intro = The systems that hold customers' data (billing, CRM, call records) are told here of verified requests, status changes, deadlines and what they must erase or correct. Every delivery is signed with the subscription's secret. An instruction gives each system a task; the request cannot be completed until every system has reported its task done, or a handler overrides that with a written reason.
admin-webhooks-none = No system is subscribed yet.
admin-webhooks-secret-title = Signing secret for { $name }
admin-webhooks-secret-intro = Copy this secret into the receiving system now: it is shown only this once. The system uses it to check the webhook-signature header of every delivery.
admin-webhooks-col-system = System
admin-webhooks-col-events = Events
admin-webhooks-col-state = State
admin-webhooks-reference-only = Only the reference
admin-webhooks-identifiers = Identifiers sent
admin-webhooks-identifiers-hint = Send only what the system needs to find the customer. The request's reference is always sent.
admin-webhooks-disabled = Disabled
admin-webhooks-active = Active
admin-webhooks-pending = { $count ->
    [one] { $count } delivery waiting
   *[other] { $count } deliveries waiting
}
admin-webhooks-failed-count = { $count ->
    [one] { $count } failed
   *[other] { $count } failed
}
admin-webhooks-disable = Disable
admin-webhooks-failed-title = Failed deliveries
admin-webhooks-failed-none = No delivery has failed.
admin-webhooks-col-delivery = Delivery
admin-webhooks-col-answer = Last answer
admin-webhooks-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
admin-webhooks-status = HTTP status { $code }
admin-webhooks-retry = Send again
admin-webhooks-new-title = Subscribe a system
admin-webhooks-name = Name of the system
admin-webhooks-url = Address (URL)
admin-webhooks-url-hint = An https address on the internet. Private, loopback and link-local addresses are refused.
admin-webhooks-events = Events
admin-webhooks-create = Subscribe
admin-webhooks-done-disabled = The subscription is disabled. Nothing more is sent to it.
admin-webhooks-done-retried = The delivery will be sent again.
webhook-event-request-verified = Request verified
webhook-event-request-status-changed = Status changed
webhook-event-request-due-soon = Due soon
webhook-event-request-overdue = Overdue
webhook-event-erasure-instructed = Erase data
webhook-event-rectification-instructed = Correct data
webhook-url-invalid = Enter a full address, such as https://billing.example.com/hooks/dsr.
webhook-url-https = The address must start with https://.
webhook-url-credentials = Leave the user name and password out of the address: the signing secret proves who sends.
webhook-url-private = This address is private, loopback or link-local. Webhooks only go to addresses on the internet.
webhook-event-unknown = Choose events from the list.
webhook-event-none = Choose at least one event.
webhook-identifier-unknown = Choose identifiers from the list.
case-tasks-title = Systems that hold the data
case-tasks-intro = Each subscribed system got the instruction and reports back when it is done. The request can be completed once every system has confirmed.
case-tasks-col-system = System
case-tasks-col-instruction = Instruction
case-tasks-done = Confirmed
case-tasks-overridden = Overridden
case-tasks-state-open = Waiting for confirmation
case-tasks-override-hint = { $count ->
    [one] One system has not confirmed. You can complete the request without waiting only with a written reason, which is kept in the audit trail.
   *[other] { $count } systems have not confirmed. You can complete the request without waiting only with a written reason, which is kept in the audit trail.
}
case-tasks-override-why = Why the request may be completed without their confirmation
case-tasks-override = Complete without waiting
case-tasks-override-short = Write at least { $min } characters.
case-tasks-none-open = No system is waiting to confirm.
case-tasks-open = { $count ->
    [one] One system that holds the data has not confirmed its task yet. Wait for it, or override with a written reason under "Systems that hold the data".
   *[other] { $count } systems that hold the data have not confirmed their tasks yet. Wait for them, or override with a written reason under "Systems that hold the data".
}
dash-done-tasks-overridden = The open tasks are overridden. The request can be completed.
dash-audit-task_done = A system confirmed its task
dash-audit-tasks_overridden = Open tasks overridden
dash-audit-webhook_requeued = Webhook delivery sent again
